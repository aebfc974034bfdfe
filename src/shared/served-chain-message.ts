// The popup's request for the chain a tab's site sends (after the person pressed the button and
// granted nativeMessaging): only a tab id. The background takes the host and port from that
// tab's own record, never from the message. The reply is the tab's view, made again with the
// companion's answer (PopupState).

export interface ServedChainMessage {
  readonly type: 'cert-doctor:served-chain';
  readonly tabId: number;
}

export function isServedChainMessage(message: unknown): message is ServedChainMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m['type'] === 'cert-doctor:served-chain' && typeof m['tabId'] === 'number' && Number.isInteger(m['tabId']) && m['tabId'] >= 0;
}
