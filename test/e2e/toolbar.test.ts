// The Cert Doctor button in Firefox's own window, with the packaged extension installed: where
// Firefox puts it at installation, the badge it shows on a broken site, and the real popup it
// opens from the toolbar (not popup.html in a tab), read from inside the panel. The window is
// read and the button pressed by privileged scripts over WebDriver BiDi (chrome-window.ts).

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

  test('on a failing lab site the button shows "!", and clicking it opens the popup with that site\'s diagnosis, within 800x600', async () => {
    const { browser, lab } = session();
    const labCase = lab.byId('expired');
    const page = await visit(browser, labCase.url);
    try {
      // The badge is per tab and Firefox draws the selected tab's: the fresh tab is selected.
      let last: ToolbarButtonState | undefined;
      const button = await pollPage(page, 10_000, async () => {
        last = await readToolbarButton(browser);
        return last.selectedTabUrl.startsWith(labCase.url) && last.badge !== '' ? last : undefined;
      }).catch(() => {
        throw new Error(`No badge on the button for ${labCase.url} within 10 s (last seen: ${JSON.stringify(last)})`);
      });
      expect({ badge: button.badge, shown: button.badgeShown }).toEqual({ badge: '!', shown: true });

      const popup = await openToolbarPopup(browser);
      try {
        expect({
          page: popup.url.replace(/[?#].*$/, '').split('/').slice(-2).join('/'),
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
        // What the person sees: the panel at most 800x600, and the popup's own viewport is that
        // box. A popup whose content is taller than 600 px gets exactly 600 and scrolls.
        expect(popup.width).toBeGreaterThan(0);
        expect(popup.width).toBeLessThanOrEqual(POPUP_MAX_WIDTH);
        expect(popup.height).toBe(Math.min(popup.scrollHeight, POPUP_MAX_HEIGHT));
        expect({ width: popup.innerWidth, height: popup.innerHeight }).toEqual({ width: Math.round(popup.width), height: Math.round(popup.height) });
        console.info(`The popup from the toolbar on ${labCase.id}: ${popup.width}x${popup.height} px (content ${popup.scrollHeight} px tall).`);
      } finally {
        await closeToolbarPopup(browser);
      }
    } finally {
      await page.close().catch(() => undefined);
    }
  });
});
