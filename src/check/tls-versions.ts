// Which TLS versions a server accepts: one short handshake per version, nothing sent after it.
// TLS 1.0 and 1.1 need OpenSSL's security level 0 in Node 20 (OpenSSL 3 refuses their SHA-1 and
// MD5 handshake signatures above it); that only lets this probe speak them, it judges nothing.

import { fetchServedChain } from './fetch-served-chain';

export type TlsVersionName = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
export const TLS_VERSIONS: readonly TlsVersionName[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

export interface VersionSupport {
  readonly version: TlsVersionName;
  readonly accepted: boolean;
  /** Why not, when refused: the alert's name, "reset", "closed", "timeout"... */
  readonly detail: string;
  /** What the server sent in that handshake (DER base64, as Node links them). */
  readonly certificates: readonly string[];
}

export interface ProbeTarget {
  readonly host: string;
  readonly port: number;
  readonly connectTo?: string;
  readonly timeoutMs: number;
}

export async function probeVersions(target: ProbeTarget): Promise<VersionSupport[]> {
  const results: VersionSupport[] = [];
  // One after another: four handshakes at once could look like an attack to a small server.
  for (const version of TLS_VERSIONS) {
    const old = version === 'TLSv1' || version === 'TLSv1.1';
    const served = await fetchServedChain(target.host, target.port, {
      timeoutMs: target.timeoutMs,
      ...(target.connectTo === undefined ? {} : { connectTo: target.connectTo }),
      tls: { minVersion: version, maxVersion: version, ...(old ? { ciphers: 'DEFAULT@SECLEVEL=0' } : {}) },
    });
    results.push({
      version,
      accepted: served.failure === null && served.protocol === version,
      detail: served.failure === null ? '' : served.failure.kind === 'alert' ? served.failure.detail : served.failure.kind,
      certificates: served.certificates,
    });
  }
  return results;
}
