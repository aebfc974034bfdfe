// The extension's button in Firefox's own window, read and pressed from a privileged script
// (chrome-window.ts): where Firefox placed it, the badge it shows for the selected tab, and the
// real popup it opens, whose diagnosis and size are read from inside the panel.

import type { Browser } from 'puppeteer-core';
import { evaluateInBrowserWindow, type WindowKind } from './chrome-window';
import { browserActionWidgetId, extensionId } from './extension';

const certDoctorWidgetId = browserActionWidgetId(extensionId);

export interface ToolbarButtonState {
  /** CustomizableUI's area of the widget ("nav-bar" for the toolbar), "" when not placed. */
  readonly area: string;
  /** True when the toolbar was too narrow and Firefox moved the button to its overflow menu. */
  readonly overflowed: boolean;
  /** The button's on-screen box in the window (0x0 when it is not shown). */
  readonly width: number;
  readonly height: number;
  /** The badge Firefox draws for the selected tab ("" for none), and whether its label has a box. */
  readonly badge: string;
  readonly badgeShown: boolean;
  /** The address of the selected tab, whose badge this is. */
  readonly selectedTabUrl: string;
}

/** Where the button is and what it shows for the selected tab. */
export function readToolbarButton(browser: Browser): Promise<ToolbarButtonState> {
  return evaluateInBrowserWindow(browser, readButtonInWindow, certDoctorWidgetId);
}

/** Runs in the browser window (chrome). */
function readButtonInWindow(widgetId: string): ToolbarButtonState {
  const chrome = window as unknown as ChromeGlobals;
  const placement = chrome.CustomizableUI.getPlacementOfWidget(widgetId);
  const instance = chrome.CustomizableUI.getWidget(widgetId)?.forWindow(window);
  // The widget is a custom element; its action button carries the tab's badge (updateButton in
  // ext-browserAction.js sets the "badge" attribute, which toolbarbutton.js copies to its label).
  const button = instance?.node?.querySelector('.unified-extensions-item-action-button') ?? null;
  const box = button?.getBoundingClientRect();
  const badgeBox = button?.querySelector('.toolbarbutton-badge')?.getBoundingClientRect();
  return {
    area: placement?.area ?? '',
    overflowed: instance?.overflowed ?? false,
    width: box?.width ?? 0,
    height: box?.height ?? 0,
    badge: button?.getAttribute('badge') ?? '',
    badgeShown: Boolean(badgeBox && badgeBox.width > 0 && badgeBox.height > 0),
    selectedTabUrl: chrome.gBrowser.selectedBrowser.currentURI.spec,
  };
}

export interface ToolbarPopupView {
  /** The diagnosis root's data-* attributes, as in launch.ts readPopup. */
  readonly status: string;
  readonly code: string;
  readonly verdict: string;
  /** Where the popup's first view came from: "background" (the background page's memory) or
   * "storage" (storage.session), the <html> element's data-view-from (popup/main.tsx). */
  readonly viewFrom: string;
  /** The popup's address inside the panel. */
  readonly url: string;
  /** The id of the toolbar holding the node the panel is anchored to ("" when none). */
  readonly anchorToolbar: string;
  /** The size of the popup's <browser> in the panel, which is what the person sees. */
  readonly width: number;
  readonly height: number;
  /** The popup document's own view of it: viewport and full content height. */
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly scrollHeight: number;
}

/**
 * Clicks the button on the toolbar, as a person would, waits for Firefox to show the popup's
 * panel, then reads the popup from inside it until it shows a finished diagnosis and its size
 * has settled (Firefox resizes the panel as the popup's content changes). Leaves the panel open;
 * closeToolbarPopup closes it. `kind` picks the button of a normal or a private window.
 */
export async function openToolbarPopup(browser: Browser, timeoutMs = 20_000, kind: WindowKind = 'normal'): Promise<ToolbarPopupView> {
  const outcome = await evaluateInBrowserWindow(
    browser,
    openAndReadInWindow,
    { widgetId: certDoctorWidgetId, timeoutMs },
    timeoutMs + 5_000,
    kind,
  );
  if ('problem' in outcome) throw new Error(`The popup opened from the toolbar: ${outcome.problem}`);
  return outcome;
}

/** Runs in the browser window (chrome). */
async function openAndReadInWindow({
  widgetId,
  timeoutMs,
}: {
  widgetId: string;
  timeoutMs: number;
}): Promise<ToolbarPopupView | { problem: string }> {
  const chrome = window as unknown as ChromeGlobals;
  const deadline = Date.now() + timeoutMs;
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  const node = chrome.CustomizableUI.getWidget(widgetId)?.forWindow(window)?.node;
  const button = node?.querySelector<HTMLElement>('.unified-extensions-item-action-button');
  if (!button) return { problem: `there is no ${widgetId} button in the window` };
  // Kept for the error message: a panel that opens and closes at once (as without a window
  // manager on a bare X display) says so.
  const panelEvents: string[] = [];
  const listening = new AbortController();
  for (const type of ['popupshown', 'popuphidden']) {
    document.addEventListener(type, (event) => panelEvents.push(`${type} #${(event.target as Element).id}`), {
      capture: true,
      signal: listening.signal,
    });
  }
  const finish = <T>(value: T): T => {
    listening.abort();
    return value;
  };
  button.click();

  // ext-browserAction.js's onViewShowing attaches the popup's <browser> (ExtensionPopups.sys.mjs
  // gives it this class) to the panel the button opens.
  let popupBrowser: ChromeBrowser | null = null;
  while (!popupBrowser && Date.now() < deadline) {
    const candidate = document.querySelector<ChromeBrowser>('browser.webextension-popup-browser');
    if (candidate?.closest('panel')?.state === 'open') popupBrowser = candidate;
    else await sleep(100);
  }
  if (!popupBrowser) {
    return finish({
      problem: `no popup panel stayed open within ${timeoutMs} ms of the click (panel events: ${panelEvents.join(', ') || 'none'})`,
    });
  }

  // The popup runs in the extension's process: a frame script (the mechanism Firefox itself
  // uses for popups, ext-browser-content.js) reads its document and sends the answer back.
  const readDocument = (): Promise<PopupDocumentView | undefined> =>
    new Promise((resolve) => {
      // Read afresh each time: the browser gets a new message manager when it changes process.
      const messageManager = popupBrowser.messageManager;
      const name = `CertDoctorTest:popup:${Math.random()}`;
      const listener = (message: { data: PopupDocumentView }): void => {
        messageManager.removeMessageListener(name, listener);
        resolve(message.data);
      };
      messageManager.addMessageListener(name, listener);
      const script = `(() => {
        const root = content.document.querySelector('[data-testid="diagnosis"]');
        const attribute = (n) => (root ? root.getAttribute(n) || '' : '');
        sendAsyncMessage(${JSON.stringify(name)}, {
          status: attribute('data-status'), code: attribute('data-code'), verdict: attribute('data-verdict'),
          ready: attribute('data-ready') === 'true', url: content.location.href,
          viewFrom: content.document.documentElement.getAttribute('data-view-from') || '',
          innerWidth: content.innerWidth, innerHeight: content.innerHeight,
          scrollHeight: content.document.documentElement.scrollHeight,
        });
      })();`;
      messageManager.loadFrameScript(`data:,${encodeURIComponent(script)}`, false);
      setTimeout(() => {
        messageManager.removeMessageListener(name, listener);
        resolve(undefined);
      }, 2_000);
    });

  let last: PopupDocumentView | undefined;
  let stableSince = 0;
  let lastSize = '';
  while (Date.now() < deadline) {
    last = (await readDocument()) ?? last;
    const box = popupBrowser.getBoundingClientRect();
    const size = `${box.width}x${box.height}`;
    const finished = last?.ready === true && (last.status === 'failed' || last.status === 'loaded');
    if (size !== lastSize || !finished) stableSince = Date.now();
    lastSize = size;
    // Settled: a finished diagnosis, and the panel has kept its size for half a second.
    if (finished && Date.now() - stableSince >= 500) {
      const { status, code, verdict, viewFrom, url, innerWidth, innerHeight, scrollHeight } = last as PopupDocumentView;
      const anchorToolbar = popupBrowser.closest('panel')?.anchorNode?.closest('toolbar')?.id ?? '';
      return finish({
        status,
        code,
        verdict,
        viewFrom,
        url,
        anchorToolbar,
        width: box.width,
        height: box.height,
        innerWidth,
        innerHeight,
        scrollHeight,
      });
    }
    await sleep(150);
  }
  return finish({
    problem:
      `no settled, finished diagnosis within ${timeoutMs} ms (last seen: ${last ? `status=${last.status} ready=${String(last.ready)} url=${last.url}` : 'nothing'}, ` +
      `size ${lastSize}, panel events: ${panelEvents.join(', ')})`,
  });
}

/** Closes the popup's panel if one is open (in a window of that kind). */
export function closeToolbarPopup(browser: Browser, kind: WindowKind = 'normal'): Promise<void> {
  return evaluateInBrowserWindow(
    browser,
    () => {
      const panel = document.querySelector<ChromeBrowser>('browser.webextension-popup-browser')?.closest('panel');
      panel?.hidePopup();
    },
    null,
    10_000,
    kind,
  );
}

/** What the frame script reports from inside the popup. */
interface PopupDocumentView {
  readonly status: string;
  readonly code: string;
  readonly verdict: string;
  readonly viewFrom: string;
  readonly ready: boolean;
  readonly url: string;
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly scrollHeight: number;
}

/** The few chrome-window globals these scripts use (they exist only in Firefox's own window). */
interface ChromeGlobals {
  readonly CustomizableUI: {
    getPlacementOfWidget(id: string): { area: string; position: number } | null;
    getWidget(id: string): { forWindow(window: Window): { node: Element | null; overflowed: boolean } | null } | null;
  };
  readonly gBrowser: { readonly selectedBrowser: { readonly currentURI: { readonly spec: string } } };
}

interface ChromePanel extends Element {
  readonly state: string;
  readonly anchorNode: Element | null;
  hidePopup(): void;
}

interface ChromeBrowser extends Element {
  closest(selector: 'panel'): ChromePanel | null;
  readonly messageManager: {
    addMessageListener(name: string, listener: (message: { data: PopupDocumentView }) => void): void;
    removeMessageListener(name: string, listener: (message: { data: PopupDocumentView }) => void): void;
    loadFrameScript(url: string, allowDelayedLoad: boolean): void;
  };
}
