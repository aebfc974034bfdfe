// What the host answers to one request, as a pure function of the request's bytes and an
// injected fetch: only a well-formed ServedChainRequest makes a connection, to exactly the host
// and port it names, and only a reply that passes the schema's own guard is sent back.

import {
  COMPANION_ERROR,
  COMPANION_PROTOCOL_VERSION,
  MAX_DETAIL_CHARS,
  isServedChain,
  isServedChainRequest,
  type CompanionError,
  type CompanionReply,
  type ServedChain,
} from '../shared/served-chain';

/** One TLS connection to host:port (fetchServedChain, with the host's timeout). */
export type FetchChain = (host: string, port: number) => Promise<ServedChain>;

export function companionError(error: CompanionError['error'], detail: string): CompanionError {
  return { kind: COMPANION_ERROR, version: COMPANION_PROTOCOL_VERSION, error, detail: detail.slice(0, MAX_DETAIL_CHARS) };
}

export async function handleRequest(body: Buffer, fetch: FetchChain): Promise<CompanionReply> {
  let request: unknown;
  try {
    // fatal: bytes that are not UTF-8 are refused rather than read with replacement characters.
    request = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return companionError('bad-request', 'the message is not UTF-8 JSON');
  }
  if (!isServedChainRequest(request)) {
    return companionError('bad-request', 'expected {kind: "cert-doctor/get-served-chain", version: 1, host, port}');
  }
  let chain: ServedChain;
  try {
    chain = await fetch(request.host, request.port);
  } catch (error) {
    return companionError('failed', `the connection could not be made: ${String(error)}`);
  }
  // The answer must describe the server that was asked about, in the schema the extension checks.
  if (!isServedChain(chain) || chain.host !== request.host || chain.port !== request.port) {
    return companionError('failed', 'the connection gave an answer outside the message schema');
  }
  return chain;
}
