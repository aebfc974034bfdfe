// What the lab's HTTP servers answer, and the request log the tests read to prove the
// extension itself sends nothing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PIXEL_PNG, renderCasePage, renderIndexPage } from './index-page';
import { FLOOD_FRAME_PAGE, FLOOD_FRAME_PATH, FLOOD_PATH, renderFloodPage } from './flood';
import type { RequestHandler } from './servers';
import type { LabCase, LabRequest } from './types';

/** caseId recorded for requests to the index page, which is not a case. */
export const INDEX_REQUEST_ID = 'index';

/** Host header without the port, lower-cased ('' when absent). */
function requestHost(request: IncomingMessage): string {
  const header = request.headers.host ?? '';
  // Bracketed IPv6 literals keep their colons; otherwise the port follows the last colon.
  const withoutPort = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.replace(/:\d+$/, '');
  return withoutPort.toLowerCase();
}

function requestPath(request: IncomingMessage): string {
  return request.url ?? '/';
}

/** How far the lab's servers set their Date header back from the real time (see Lab). */
export interface ServerClock {
  offsetMs: number;
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, clock: ServerClock): void {
  response.writeHead(status, {
    Date: new Date(Date.now() - clock.offsetMs).toUTCString(),
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    // The lab's pages must come from the server every time, never from Firefox's cache,
    // or a test could "load" a case whose server is broken.
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

export interface CaseHandlerOptions {
  /** Cases served by this server (several when hosts share a port); the first is the owner. */
  readonly servedCases: () => readonly LabCase[];
  readonly hsts: boolean;
  /** The case whose /pixel.png the page embeds, to show a failing subresource. */
  readonly embedImageFrom: (() => LabCase) | undefined;
  readonly log: LabRequest[];
  readonly clock: ServerClock;
}

export function caseHandler(options: CaseHandlerOptions): RequestHandler {
  return (request, response) => {
    const served = options.servedCases();
    const host = requestHost(request);
    // Pick the case by Host header so shop/www.shop on one port get their own titles.
    const labCase = served.find((candidate) => candidate.host === host) ?? served[0];
    if (labCase === undefined) {
      send(response, 500, 'text/plain; charset=utf-8', 'lab: server has no case\n', options.clock);
      return;
    }
    const path = requestPath(request);
    options.log.push({ caseId: labCase.id, method: request.method ?? '', host, path });
    if (options.hsts) {
      response.setHeader('Strict-Transport-Security', 'max-age=31536000');
    }
    const redirectTo = redirectTarget(path);
    if (redirectTo !== null) {
      redirect(response, redirectTo, options.clock);
    } else if (path === '/pixel.png') {
      send(response, 200, 'image/png', PIXEL_PNG, options.clock);
    } else if (path === SECURITY_TXT_PATH) {
      send(response, 200, 'text/plain; charset=utf-8', securityTxt(host), options.clock);
    } else if (path === labCase.path) {
      const imageUrl = options.embedImageFrom === undefined ? undefined : new URL('/pixel.png', options.embedImageFrom().url).href;
      send(response, 200, 'text/html; charset=utf-8', renderCasePage(labCase, imageUrl), options.clock);
    } else {
      send(response, 404, 'text/plain; charset=utf-8', 'Not found\n', options.clock);
    }
  };
}

/**
 * Any case server answers /redirect?to=<https URL> with a 302 to that URL, as a sign-in page
 * sends the browser on to the site with a token in the address (the e2e tests check that the
 * token is stored nowhere and that this server's chain is never taken for the target's).
 */
export const REDIRECT_PATH = '/redirect';

function redirectTarget(path: string): string | null {
  if (!path.startsWith(`${REDIRECT_PATH}?`)) return null;
  const to = new URL(path, 'https://lab.invalid').searchParams.get('to');
  return to !== null && to.startsWith('https://') ? to : null;
}

function redirect(response: ServerResponse, location: string, clock: ServerClock): void {
  response.writeHead(302, {
    Date: new Date(Date.now() - clock.offsetMs).toUTCString(),
    Location: location,
    'Content-Length': 0,
    'Cache-Control': 'no-store',
  });
  response.end();
}

/** RFC 9116: where a site says whom to tell about a security problem. */
export const SECURITY_TXT_PATH = '/.well-known/security.txt';

/** Every lab host publishes a contact, so the report's "find the contact" has one to find. */
export function securityTxt(host: string): string {
  const expires = new Date(Date.now() + 365 * 24 * 60 * 60_000).toISOString();
  return `# Cert Doctor lab\nContact: mailto:security@${host}\nContact: https://${host}/report\nExpires: ${expires}\nPreferred-Languages: en, ru\n`;
}

/** The flood page's server-side facts: the index server's port and a port where nothing listens. */
export interface FloodSource {
  readonly port: () => number;
  readonly failingPort: () => number;
}

export function indexHandler(cases: () => readonly LabCase[], log: LabRequest[], clock: ServerClock, flood?: FloodSource): RequestHandler {
  return (request, response) => {
    const path = requestPath(request);
    log.push({ caseId: INDEX_REQUEST_ID, method: request.method ?? '', host: requestHost(request), path });
    if (path === '/') {
      send(response, 200, 'text/html; charset=utf-8', renderIndexPage(cases()), clock);
    } else if (flood !== undefined && path === FLOOD_PATH) {
      send(response, 200, 'text/html; charset=utf-8', renderFloodPage(flood.port(), flood.failingPort()), clock);
    } else if (flood !== undefined && path === FLOOD_FRAME_PATH) {
      // Each frame on its own host is a connection of its own, and Firefox keeps at most 900
      // (network.http.max-connections) and an idle one for 115 s (network.http.keep-alive.timeout,
      // greprefs.js in Firefox 153): closed after the answer, or the last hundred frames of 1,000
      // wait minutes for a free connection.
      response.setHeader('Connection', 'close');
      send(response, 200, 'text/html; charset=utf-8', FLOOD_FRAME_PAGE, clock);
    } else {
      send(response, 404, 'text/plain; charset=utf-8', 'Not found\n', clock);
    }
  };
}

/**
 * Raw servers never see an HTTP request from a browser visiting https://; they see a TLS
 * ClientHello. They log one entry per connection so a probe still shows up: a plain HTTP
 * request line is logged as such, anything else as method "RAW" with an empty path.
 */
export function rawConnectionLogger(caseId: string, log: LabRequest[]): (bytes: Buffer) => void {
  return (bytes) => {
    const head = bytes.subarray(0, 4096).toString('latin1');
    const requestLine = /^([A-Z]+) (\S+) HTTP\/1\.[01]\r?\n/.exec(head);
    const hostHeader = /\r?\nhost:[ \t]*([^\r\n]*)/i.exec(head);
    if (requestLine?.[1] !== undefined && requestLine[2] !== undefined) {
      const host = (hostHeader?.[1] ?? '').replace(/:\d+$/, '').toLowerCase();
      log.push({ caseId, method: requestLine[1], host, path: requestLine[2] });
    } else {
      log.push({ caseId, method: 'RAW', host: '', path: '' });
    }
  };
}
