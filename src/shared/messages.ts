// Every message between the extension's pages and its background, in one map: each type's
// request and reply, with a guard for each. The background answers through `dispatcher` (one
// handler per type, the compiler checks there is one for each); a page asks through `send`,
// which checks the reply before anyone reads it. A message that matches no guard is not ours
// (another listener's, or garbage) and gets no answer.

import { isPopupState, type PopupState } from '../views/snapshot-view';
import { isSaveReportMessage, type SaveReportMessage, type SaveReportReply } from './save-report-message';
import { isServedChainMessage, type ServedChainMessage } from './served-chain-message';
import { isViewRequest, type ViewRequest } from './view-message';

export interface MessageMap {
  /** The popup asks for a tab's view (made now, with the person's checks) or a past incident's. */
  readonly 'cert-doctor:view': { readonly request: ViewRequest; readonly reply: PopupState };
  /** A page asks the background to save a report as a file (the downloads API). */
  readonly 'save-report': { readonly request: SaveReportMessage; readonly reply: SaveReportReply };
  /** The popup asks for the chain the tab's site sends, through the companion; the reply is the view made again. */
  readonly 'cert-doctor:served-chain': { readonly request: ServedChainMessage; readonly reply: PopupState };
}

export type MessageType = keyof MessageMap;
type Guard<T> = (value: unknown) => value is T;

const REQUESTS: { readonly [K in MessageType]: Guard<MessageMap[K]['request']> } = {
  'cert-doctor:view': isViewRequest,
  'save-report': isSaveReportMessage,
  'cert-doctor:served-chain': isServedChainMessage,
};

const REPLIES: { readonly [K in MessageType]: Guard<MessageMap[K]['reply']> } = {
  'cert-doctor:view': isPopupState,
  'save-report': isSaveReportReply,
  'cert-doctor:served-chain': isPopupState,
};

export type Handlers = { readonly [K in MessageType]: (request: MessageMap[K]['request']) => Promise<MessageMap[K]['reply']> };

/** The background's one onMessage listener: the handler of the message's type, or no answer. */
export function dispatcher(handlers: Handlers): (message: unknown) => Promise<unknown> | undefined {
  return (message) => {
    for (const type of Object.keys(REQUESTS) as MessageType[]) {
      if (REQUESTS[type](message)) return (handlers[type] as (request: unknown) => Promise<unknown>)(message);
    }
    return undefined;
  };
}

/** Sends a request and returns the checked reply; throws if the reply is not the type's. */
export async function send<K extends MessageType>(
  sendMessage: (message: unknown) => Promise<unknown>,
  request: MessageMap[K]['request'] & { readonly type: K },
): Promise<MessageMap[K]['reply']> {
  const reply = await sendMessage(request);
  const guard: Guard<MessageMap[K]['reply']> = REPLIES[request.type];
  if (!guard(reply)) throw new Error(`The background's answer to "${request.type}" was not understood.`);
  return reply;
}

export function isSaveReportReply(value: unknown): value is SaveReportReply {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v['ok'] === true && typeof v['filename'] === 'string') || (v['ok'] === false && typeof v['error'] === 'string');
}
