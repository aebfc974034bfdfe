// webRequest listeners. Only onHeadersReceived blocks, and only as long as getSecurityInfo
// takes (it works only while the response is held, measured in Firefox 153); everything else
// (summarising, storing, the badge) runs after the listener has returned.

import { needsServerCertificateRetry } from './security-info';

export interface ResponseDetails {
  readonly requestId: string;
  readonly tabId: number;
  readonly frameId: number;
  readonly type: string;
  readonly url: string;
  readonly timeStamp: number;
  readonly fromCache?: boolean;
  readonly incognito?: boolean;
  readonly cookieStoreId?: string;
  readonly responseHeaders?: readonly { readonly name: string; readonly value?: string }[];
}

export interface RequestErrorDetails {
  readonly tabId: number;
  readonly frameId: number;
  readonly type: string;
  readonly url: string;
  readonly error: string;
  readonly incognito?: boolean;
  readonly cookieStoreId?: string;
}

type SecurityInfoOptions = { certificateChain?: boolean; rawDER?: boolean };

export interface RequestListenerDeps {
  readonly getSecurityInfo: (requestId: string, options: SecurityInfoOptions) => Promise<unknown>;
  /** Runs work after the listener has returned (setTimeout 0 in the extension). */
  readonly defer: (work: () => void) => void;
  readonly onResponse: (details: ResponseDetails, securityInfo: unknown) => void;
  readonly onRequestError: (details: RequestErrorDetails) => void;
}

export interface RequestListeners {
  readonly onHeadersReceived: (details: ResponseDetails) => Promise<Record<string, never>>;
  readonly onErrorOccurred: (details: RequestErrorDetails) => void;
}

const NO_CHANGE: Record<string, never> = {};

export function createRequestListeners(deps: RequestListenerDeps): RequestListeners {
  const securityInfo = async (requestId: string): Promise<unknown> => {
    const info = await deps.getSecurityInfo(requestId, { certificateChain: true, rawDER: true });
    return needsServerCertificateRetry(info) ? deps.getSecurityInfo(requestId, { rawDER: true }) : info;
  };
  return {
    onHeadersReceived: (details) =>
      securityInfo(details.requestId).then(
        (info) => {
          deps.defer(() => {
            deps.onResponse(details, info);
          });
          return NO_CHANGE;
        },
        // Our failure must never hold up or break the page.
        () => NO_CHANGE,
      ),
    onErrorOccurred: (details) => {
      if (details.tabId < 0) return;
      deps.defer(() => {
        deps.onRequestError(details);
      });
    },
  };
}
