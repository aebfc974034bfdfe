// The www probe: does https://<twin>/ (same port) answer with a certificate Firefox accepts?
// Runs only when the person clicks the button that says it will connect to that address.
// No cookies are sent and the answer is not read: only whether the connection succeeded.

import type { ProbeResult } from '../src/diagnosis/types';

export const PROBE_TIMEOUT_MS = 10_000;

export function twinUrl(pageUrl: string, alternativeHost: string): string | null {
  try {
    const url = new URL(pageUrl);
    if (url.protocol !== 'https:') return null;
    return `https://${alternativeHost}${url.port ? `:${url.port}` : ''}/`;
  } catch {
    return null;
  }
}

export async function probe(url: string, fetchImpl: typeof fetch = fetch): Promise<ProbeResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, PROBE_TIMEOUT_MS);
  try {
    // Any HTTP answer means the TLS handshake, certificate included, passed.
    await fetchImpl(url, { method: 'HEAD', credentials: 'omit', cache: 'no-store', redirect: 'manual', signal: controller.signal });
    return 'works';
  } catch {
    return 'fails';
  } finally {
    clearTimeout(timer);
  }
}
