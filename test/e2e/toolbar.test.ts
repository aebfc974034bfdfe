// The Cert Doctor button in Firefox's own window, with the packaged extension installed: where
// Firefox puts it at installation, the badge it shows on a broken site, and the real popup it
// opens from the toolbar (not popup.html in a tab), read from inside the panel. The window is
// read and the button pressed by privileged scripts over WebDriver BiDi (chrome-window.ts).

import type { Page } from 'puppeteer-core';
import { pollPage, visit } from '../firefox/launch';
import { closeToolbarPopup, openToolbarPopup, readToolbarButton, type ToolbarButtonState } from '../firefox/toolbar-button';
import { useFirefoxSession } from './support/session';

// CustomizableUI.AREA_NAVBAR and AREA_ADDONS (the Extensions panel behind the puzzle piece), in
// Firefox 153's moz-src/browser/components/customizableui/CustomizableUI.sys.mjs.
const NAVBAR = 'nav-bar';
const EXTENSIONS_PANEL = 'unified-extensions-area';

// Firefox never makes an action popup larger than this: ExtensionPopups.sys.mjs sends
// maxWidth 800 and maxHeight 600 to the popup's browser, which ext-browser-content.js passes to
// getContentSize.
const POPUP_MAX_WIDTH = 800;
const POPUP_MAX_HEIGHT = 600;
// popup/popup.css: body { min-width: 320px }.
const POPUP_MIN_WIDTH = 320;

jest.setTimeout(60_000);

describe("Cert Doctor's button in Firefox's own toolbar", () => {
  const session = useFirefoxSession();

  test('from installation, the button is on the navigation toolbar, shown, not in the Extensions panel', async () => {
    const { browser } = session();
    const button = await readToolbarButton(browser);
    expect({ area: button.area, overflowed: button.overflowed, shown: button.width > 0 && button.height > 0 }).toEqual({
      area: NAVBAR,
      overflowed: false,
      shown: true,
    });
    expect(button.area).not.toBe(EXTENSIONS_PANEL);
  });

  test('the badge follows the selected tab: "!" on a failing lab site, the quiet mark on the working one; the button opens that site\'s diagnosis, within 800x600', async () => {
    const { browser, lab } = session();
    const labCase = lab.byId('expired');
    const failing = await visit(browser, labCase.url);
    const working = await visit(browser, lab.byId('valid').url);
    try {
      /** Waits until `tab` is the selected tab and Firefox draws a badge for it on the button. */
      const badgeOf = async (tab: Page, url: string): Promise<ToolbarButtonState> => {
        await tab.bringToFront();
        let last: ToolbarButtonState | undefined;
        return pollPage(tab, 10_000, async () => {
          last = await readToolbarButton(browser);
          return last.selectedTabUrl.startsWith(url) && last.badge !== '' ? last : undefined;
        }).catch(() => {
          throw new Error(`No badge on the button for ${url} within 10 s (last seen: ${JSON.stringify(last)})`);
        });
      };
      // The valid lab site loads under the lab's own root, which is not built into Firefox:
      // the quiet mark (src/capture/badge.ts), not the failure's "!".
      const onWorking = await badgeOf(working, lab.byId('valid').url);
      const onFailing = await badgeOf(failing, labCase.url);
      expect({ working: onWorking.badge, failing: onFailing.badge, shown: onFailing.badgeShown }).toEqual({
        working: '•',
        failing: '!',
        shown: true,
      });

      const popup = await openToolbarPopup(browser);
      try {
        expect({
          page: popup.url
            .replace(/[?#].*$/, '')
            .split('/')
            .slice(-2)
            .join('/'),
          anchoredOn: popup.anchorToolbar,
          status: popup.status,
          code: popup.code,
          verdict: popup.verdict,
        }).toEqual({
          page: 'popup/popup.html',
          anchoredOn: NAVBAR,
          status: 'failed',
          code: labCase.expectedCode,
          verdict: labCase.expectedDiagnosis.verdict,
        });
        // What the person sees: the panel at most 800x600 and no narrower than popup.css's
        // min-width, and the popup's own viewport is that box. A popup whose content is taller
        // than 600 px gets exactly 600 and scrolls.
        expect(popup.width).toBeGreaterThanOrEqual(POPUP_MIN_WIDTH);
        expect(popup.width).toBeLessThanOrEqual(POPUP_MAX_WIDTH);
        expect(popup.height).toBe(Math.min(popup.scrollHeight, POPUP_MAX_HEIGHT));
        expect({ width: popup.innerWidth, height: popup.innerHeight }).toEqual({
          width: Math.round(popup.width),
          height: Math.round(popup.height),
        });
        console.info(
          `The popup from the toolbar on ${labCase.id}: ${popup.width}x${popup.height} px (content ${popup.scrollHeight} px tall).`,
        );
      } finally {
        await closeToolbarPopup(browser);
      }
    } finally {
      await working.close().catch(() => undefined);
      await failing.close().catch(() => undefined);
    }
  });
});
