// The popup's one request to the background: make (again) the view of a tab, or of a past
// incident, with the checks the person ran from the popup. The reply is the PopupState.

import type { Probes } from '../views/snapshot-view';

export type ViewRequest =
  | { readonly type: 'cert-doctor:view'; readonly tabId: number; readonly probes?: Probes }
  | { readonly type: 'cert-doctor:view'; readonly incident: string; readonly probes?: Probes };

export function isViewRequest(message: unknown): message is ViewRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m['type'] !== 'cert-doctor:view') return false;
  if (m['probes'] !== undefined && (typeof m['probes'] !== 'object' || m['probes'] === null)) return false;
  return (typeof m['tabId'] === 'number' && Number.isInteger(m['tabId'])) || typeof m['incident'] === 'string';
}

/**
 * The checks a page ran itself (www, proxy), from a view request: the companion's answer is the
 * background's alone to record (companion.ts), so a `served` in a message is dropped.
 */
export function pageProbes(probes: Probes | undefined): Probes | undefined {
  if (!probes) return undefined;
  return { ...(probes.www ? { www: probes.www } : {}), ...(probes.proxy ? { proxy: probes.proxy } : {}) };
}
