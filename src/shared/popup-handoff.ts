// The popup's shortcut to what the background keeps ready. Both pages run in Firefox's extension
// process, so the popup can call into the background page (extension.getBackgroundPage, which
// is synchronous) instead of waiting for the storage and badge round trips to the parent
// process: each took 4 to 12 ms before the popup's first paint (BENCHMARKS.md, "Popup: time
// to content and size"). What crosses is one JSON string, parsed and checked by the popup like
// anything read from storage. When there is no background page to call or it has nothing yet,
// the popup reads storage.session as before. A private window's popup is such a case: Firefox
// returns the background page only to a page whose principal subsumes the background's
// (toolkit/content/extensions/child/ext-backgroundPage.js, Firefox 153), and a private window's
// principal carries its private-browsing id.

import type { CatalogueData, Language } from '../guide/catalogue';
import type { LanguageSetting } from './settings';

/** The name under which the background page exposes its PopupHandoff. */
export const HANDOFF_PROPERTY = 'certDoctorHandoff';

export interface PopupHandoff {
  /** JSON of a ReadyForPopup; null when the tab has no ready view. */
  readyFor(tabId: number): string | null;
}

/** A view's words, as the background loaded them (key: guide-words.ts wordsKey). */
export interface HandedWords {
  readonly key: string;
  readonly language: Language;
  readonly data: CatalogueData;
}

export interface ReadyForPopup {
  /** The tab's ready view, the object stored under view:<tabId>. */
  readonly view: unknown;
  /** The badge the tab shows now ("" for none); null when the background does not know it. */
  readonly badgeText: string | null;
  /** The person's language setting; null until the background has read the settings. */
  readonly language: LanguageSetting | null;
  /** The view's words in the language the popup will speak, when the background has them. */
  readonly words: HandedWords | null;
}

/** The background page's handoff, or null when there is none to call (never throws). */
export function handoffOf(getBackgroundPage: (() => unknown) | undefined): PopupHandoff | null {
  try {
    const page = getBackgroundPage?.() as Record<string, unknown> | null | undefined;
    const handoff = page?.[HANDOFF_PROPERTY] as Partial<PopupHandoff> | undefined;
    return typeof handoff?.readyFor === 'function' ? (handoff as PopupHandoff) : null;
  } catch {
    return null;
  }
}
