// Asks the companion (the native messaging host `cert-doctor companion` installs) for the chain
// the tab's site sends. Only for the tab's own failed load: the host and port come from the
// tab's recorded URL, never from a message; the reply is checked against the schema and must
// answer for that host and port; after COMPANION_TIMEOUT_MS the popup is told so.

import {
  COMPANION_APPLICATION,
  COMPANION_PROTOCOL_VERSION,
  isCompanionError,
  isCompanionReply,
  isServedChain,
  SERVED_CHAIN_REQUEST,
  type ServedChainRequest,
} from '../shared/served-chain';
import type { ServedOutcome } from '../shared/served-outcome';
import { httpsEndpointOf } from '../shared/url';

/** The host itself gives up on a connection after 10 s; this leaves it time to say so. */
export const COMPANION_TIMEOUT_MS = 15_000;
/** Firefox's words when no manifest for the name is found (NativeMessaging.sys.mjs, _throwGenericError). */
const NOT_INSTALLED = /^No such native application /;

export type SendNative = (application: string, message: ServedChainRequest) => Promise<unknown>;

export async function askCompanion(
  pageUrl: string,
  sendNative: SendNative,
  timeoutMs = COMPANION_TIMEOUT_MS,
  setTimer: (callback: () => void, ms: number) => unknown = setTimeout,
): Promise<ServedOutcome> {
  const endpoint = httpsEndpointOf(pageUrl);
  if (!endpoint) return { kind: 'bad-reply' };
  const request: ServedChainRequest = { kind: SERVED_CHAIN_REQUEST, version: COMPANION_PROTOCOL_VERSION, ...endpoint };
  const timedOut = Symbol('timeout');
  let reply: unknown;
  try {
    reply = await Promise.race([
      sendNative(COMPANION_APPLICATION, request),
      new Promise<typeof timedOut>((resolve) => {
        setTimer(() => {
          resolve(timedOut);
        }, timeoutMs);
      }),
    ]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (NOT_INSTALLED.test(message)) return { kind: 'not-installed' };
    return { kind: 'failed', detail: message.slice(0, 300) };
  }
  if (reply === timedOut) return { kind: 'timeout' };
  if (!isCompanionReply(reply)) return { kind: 'bad-reply' };
  if (isCompanionError(reply)) return { kind: 'failed', detail: reply.detail };
  // An answer about another server is no evidence about this one.
  if (!isServedChain(reply) || reply.host.toLowerCase() !== endpoint.host || reply.port !== endpoint.port) return { kind: 'bad-reply' };
  return { kind: 'chain', chain: reply };
}
