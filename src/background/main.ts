// The background event page: it only wires browser events to the capture code. Listeners are
// registered synchronously at the top level so that Firefox can wake the event page for them.

import browser from 'webextension-polyfill';
import { createNavigationListeners } from '../capture/navigation-listeners';
import { TabSnapshotStore } from '../storage/tab-snapshots';

const store = new TabSnapshotStore(browser.storage.session);
const reportError = (error: unknown): void => {
  console.error('Cert Doctor capture failed:', error);
};
const navigation = createNavigationListeners(store, Date.now, reportError);

// Only web pages: error pages of about:, moz-extension: and file: loads are not ours to explain.
const webPages = { url: [{ schemes: ['http', 'https'] }] };
browser.webNavigation.onBeforeNavigate.addListener(navigation.onBeforeNavigate, webPages);
browser.webNavigation.onErrorOccurred.addListener(navigation.onErrorOccurred, webPages);
browser.webNavigation.onCompleted.addListener(navigation.onCompleted, webPages);

browser.tabs.onRemoved.addListener((tabId) => {
  store.remove(tabId).catch(reportError);
});
