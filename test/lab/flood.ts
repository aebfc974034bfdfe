// The flood page (issue 12): one page with 1,000 frames on distinct subdomains, each loading
// over a good certificate (so each is a sighting the background remembers), plus 10,000 images
// from a port where nothing listens (each a failing subresource the background records:
// connection refused). It
// is served by the index server, whose certificate also covers *.flood.lab.test. Its host names
// are not in Lab.hosts: only a Firefox that loads the flood needs 1,001 more names in
// network.dns.localDomains (Lab.flood.hosts).

import { createServer } from 'node:net';

export const FLOOD_FRAMES = 1000;
export const FLOOD_FAILING_SUBRESOURCES = 10_000;
export const FLOOD_HOST = 'flood.lab.test';
export const FLOOD_PATH = '/flood';
export const FLOOD_FRAME_PATH = '/flood-frame';
/** The names the index server's certificate adds for the flood. */
export const FLOOD_CERTIFICATE_NAMES: readonly string[] = [FLOOD_HOST, `*.${FLOOD_HOST}`];

export function floodFrameHost(index: number): string {
  return `f${index}.${FLOOD_HOST}`;
}

export function floodHosts(): string[] {
  return [FLOOD_HOST, ...Array.from({ length: FLOOD_FRAMES }, (_, i) => floodFrameHost(i))];
}

/**
 * The flood page. `port` is the index server's; `failingPort` a port where nothing listens.
 * The images are spread over the frames' 1,000 host names (every name resolves to the lab):
 * Firefox opens at most 6 connections per host, so 10,000 images on one host would queue.
 * Every image URL is distinct, so none comes from a cache. (A refused connection rather than a
 * bad certificate: 10,000 failing handshakes take minutes on a shared 2-core machine, timing
 * Firefox's networking rather than the extension; for the background each failure is the same
 * onErrorOccurred event whatever the error.)
 */
export function renderFloodPage(port: number, failingPort: number): string {
  const frames = Array.from(
    { length: FLOOD_FRAMES },
    (_, i) => `<iframe src="https://${floodFrameHost(i)}:${port}${FLOOD_FRAME_PATH}" width="4" height="4"></iframe>`,
  );
  const images = Array.from(
    { length: FLOOD_FAILING_SUBRESOURCES },
    (_, i) => `<img src="https://${floodFrameHost(i % FLOOD_FRAMES)}:${failingPort}/pixel.png?n=${i}" width="1" height="1" alt="">`,
  );
  return [
    '<!doctype html><meta charset="utf-8"><title>Cert Doctor lab: flood</title>',
    `<h1>${FLOOD_FRAMES} frames on distinct subdomains, ${FLOOD_FAILING_SUBRESOURCES} failing images</h1>`,
    ...frames,
    ...images,
  ].join('\n');
}

export const FLOOD_FRAME_PAGE = '<!doctype html><meta charset="utf-8"><title>frame</title>.';

/** A port on 127.0.0.1 where nothing listens: bound, then closed at once. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  if (address === null || typeof address === 'string') throw new Error('lab: no port for the flood');
  return address.port;
}
