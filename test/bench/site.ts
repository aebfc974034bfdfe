// The benchmark's web site: one HTTPS server on 127.0.0.1 with a certificate from a fresh test
// root, serving a page with IMAGE_COUNT images. Every response says Cache-Control: no-store, and
// every load uses its own ?load= id, so each load fetches the page and all its images again.
// The server counts requests per load id, so the benchmark can prove that it did.
// A second server, for the popup part, has an expired certificate from the same root: Firefox
// refuses it (SEC_ERROR_EXPIRED_CERTIFICATE), like the lab's expired case, and the popup opened
// for that tab has a failure to explain.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { makeCa, makeKeys, makeLeaf, toServerCredential } from '../lab/pki';
import { startHttpsServer } from '../lab/servers';
import type { TrustedRoot } from '../lab/types';
import { solidPng } from './png';

export const BENCH_HOST = 'bench.cert-doctor.test';
export const EXPIRED_HOST = 'expired.bench.cert-doctor.test';
export const IMAGE_COUNT = 20;
const ROOT_NAME = 'CN=Cert Doctor Bench Root, O=Cert Doctor Lab';

export interface BenchSite {
  /** The root the profiles must trust. */
  readonly root: TrustedRoot;
  /** Address of the page for one load; `loadId` must be unique per load. */
  pageUrl(loadId: string): string;
  /** A page Firefox refuses: its certificate expired. */
  readonly failingUrl: string;
  /** How many requests (page + images) the server answered for that load. */
  requestsFor(loadId: string): number;
  stop(): Promise<void>;
}

// Distinct colours, so the images are distinct resources, not only distinct URLs.
const IMAGES = Array.from({ length: IMAGE_COUNT }, (_, index) => solidPng(32, (index * 0x0b3d17 + 0x402010) & 0xffffff));

function renderPage(loadId: string): string {
  const images = IMAGES.map((_, index) => `<img src="/img/${index}.png?load=${loadId}" width="32" height="32" alt="">`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Cert Doctor benchmark page</title>
<link rel="icon" href="data:,">
</head>
<body>
<h1>Benchmark page</h1>
<p>${images.join('\n')}</p>
</body>
</html>
`;
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  response.end(body);
}

export async function startBenchSite(): Promise<BenchSite> {
  const now = Date.now();
  const [rootKeys, leafKeys, expiredKeys] = await Promise.all([makeKeys('ec'), makeKeys('ec'), makeKeys('ec')]);
  const root = await makeCa({ name: ROOT_NAME, keys: rootKeys, now });
  const leaf = await makeLeaf({ dnsNames: [BENCH_HOST], keys: leafKeys, issuer: root, validity: 'current', now });
  const expiredLeaf = await makeLeaf({ dnsNames: [EXPIRED_HOST], keys: expiredKeys, issuer: root, validity: 'expired', now });
  const credential = await toServerCredential(leaf, leafKeys, []);
  const expiredCredential = await toServerCredential(expiredLeaf, expiredKeys, []);
  const counts = new Map<string, number>();

  const handler = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', `https://${BENCH_HOST}`);
    const loadId = url.searchParams.get('load') ?? '';
    counts.set(loadId, (counts.get(loadId) ?? 0) + 1);
    const image = /^\/img\/(\d+)\.png$/.exec(url.pathname);
    if (url.pathname === '/page' && /^[\w-]+$/.test(loadId)) {
      send(response, 200, 'text/html; charset=utf-8', renderPage(loadId));
    } else if (image?.[1] !== undefined && IMAGES[Number(image[1])] !== undefined) {
      send(response, 200, 'image/png', IMAGES[Number(image[1])] ?? Buffer.alloc(0));
    } else {
      send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
    }
  };

  const server = await startHttpsServer({ credential, tls: undefined, clientCaPem: '', handler });
  // Firefox stops at the certificate, so this handler never runs; it answers like a site would.
  const expiredServer = await startHttpsServer({
    credential: expiredCredential,
    tls: undefined,
    clientCaPem: '',
    handler: (_request, response) => {
      send(response, 200, 'text/html; charset=utf-8', '<!DOCTYPE html><title>Expired</title><p>Expired certificate.</p>\n');
    },
  });
  return {
    root: { nickname: 'Cert Doctor Bench Root', pem: root.certPem },
    pageUrl: (loadId) => `https://${BENCH_HOST}:${server.port}/page?load=${loadId}`,
    failingUrl: `https://${EXPIRED_HOST}:${expiredServer.port}/`,
    requestsFor: (loadId) => counts.get(loadId) ?? 0,
    stop: () => Promise.all([server.close(), expiredServer.close()]).then(() => undefined),
  };
}
