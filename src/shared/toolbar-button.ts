// The toolbar button's API: `action` in Manifest V3, `browserAction` in Manifest V2. One name for
// both, so the same code runs whichever background model the manifest chooses (see BENCHMARKS.md).

import type browserApi from 'webextension-polyfill';

type Browser = typeof browserApi;

export function toolbarButton(browser: Browser): Browser['action'] {
  return (browser as Partial<Browser>).action ?? browser.browserAction;
}
