// What the popup shows, as types (the view is made in the background: src/views/), and which
// load it is asked about, from the page's query (popup.html?tabId=N, ?url=U or ?incident=ID,
// for tests, deep links and the options' history) or else the active tab.

import type { PopupTarget } from '../src/views/snapshot-view';

export type {
  CertificateFacts,
  CodeFacts,
  Environment,
  ParsedFacts,
  PopupState,
  PopupTarget,
  Probes,
  SnapshotView,
  StoredIncident,
} from '../src/views/snapshot-view';

export function targetFromQuery(search: string): PopupTarget {
  const params = new URLSearchParams(search);
  const tabId = params.get('tabId');
  if (tabId !== null && /^\d+$/.test(tabId)) return { tabId: Number(tabId) };
  const url = params.get('url');
  if (url) return { url };
  const incident = params.get('incident');
  if (incident) return { incident };
  return { activeTab: true };
}
