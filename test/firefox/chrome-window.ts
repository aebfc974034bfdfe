// Privileged scripts in Firefox's own browser window (chrome, the parent process), over the
// same WebDriver BiDi connection puppeteer drives. Firefox allows this only when started with
// --remote-allow-system-access (launch.ts passes it): `browsingContext.getTree` with
// "moz:scope": "chrome" then lists the chrome windows, and `script.callFunction` accepts them
// as targets (Firefox's remote agent: webdriver-bidi/modules/root/browsingContext.sys.mjs,
// getTree, and script.sys.mjs, callFunction with supportsChromeScope).

import type { Browser } from 'puppeteer-core';
import { withTimeout } from './launch';

/** The document of a normal Firefox window. */
const BROWSER_WINDOW_URL = 'chrome://browser/content/browser.xhtml';

interface BidiContextInfo {
  readonly context: string;
  readonly url: string;
}

type BidiRemoteValue = { readonly type: string; readonly value?: unknown };

type CallFunctionResult =
  | { readonly type: 'success'; readonly result: BidiRemoteValue }
  | { readonly type: 'exception'; readonly exceptionDetails: { readonly text: string } };

/** The part of puppeteer's BiDi connection used here: raw commands, including Firefox's moz: extensions. */
interface RawBidiConnection {
  send(method: string, params: object, timeout?: number): Promise<{ result: unknown }>;
}

export function connectionOf(browser: Browser): RawBidiConnection {
  // puppeteer-core 24's BidiBrowser exposes its connection (bidi/Browser.d.ts); the public
  // Browser type does not declare it.
  const connection = (browser as unknown as { connection?: RawBidiConnection }).connection;
  if (!connection || typeof connection.send !== 'function') {
    throw new Error('This puppeteer Browser has no WebDriver BiDi connection (launch Firefox with protocol "webDriverBiDi").');
  }
  return connection;
}

/** A normal browser window, or a private one (File > New private window). */
export type WindowKind = 'normal' | 'private';

/**
 * The BiDi context id of the first browser window of that kind, waiting up to `timeoutMs` for
 * one to exist. A private window has the same document as a normal one; when there are several
 * windows, each is asked whether it is private (PrivateBrowsingUtils, which browser.js loads
 * into every browser window).
 */
export async function browserWindowContext(browser: Browser, timeoutMs = 10_000, kind: WindowKind = 'normal'): Promise<string> {
  const connection = connectionOf(browser);
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  for (;;) {
    const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const contexts = (result as { contexts: BidiContextInfo[] }).contexts;
    seen = contexts.map((c) => c.url);
    const windows = contexts.filter((c) => c.url === BROWSER_WINDOW_URL);
    // One window only: the first window of a profile is a normal one (tests that make every
    // window private use their own helpers).
    if (windows.length === 1 && kind === 'normal' && windows[0]) return windows[0].context;
    for (const window of windows.length > 1 || kind === 'private' ? windows : []) {
      if ((await isPrivateWindow(connection, window.context)) === (kind === 'private')) return window.context;
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `No ${kind} Firefox browser window among the chrome contexts (saw: ${seen.join(', ') || 'none'}). ` +
      'Is Firefox running with --remote-allow-system-access?',
  );
}

async function isPrivateWindow(connection: RawBidiConnection, context: string): Promise<boolean> {
  const { result } = await connection.send('script.callFunction', {
    functionDeclaration: '() => PrivateBrowsingUtils.isWindowPrivate(window)',
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
  });
  const outcome = result as CallFunctionResult;
  return outcome.type === 'success' && outcome.result.value === true;
}

/**
 * Runs `fn(arg)` in the browser window's chrome realm and returns its (awaited) result, which
 * must survive JSON. The function is sent as source text: it sees only the chrome window's
 * globals (window, document, gBrowser, CustomizableUI, ...), not this file's scope. `kind`
 * picks a normal window (the default) or a private one.
 */
export async function evaluateInBrowserWindow<A, R>(
  browser: Browser,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
  timeoutMs = 10_000,
  kind: WindowKind = 'normal',
): Promise<R> {
  const context = await browserWindowContext(browser, 10_000, kind);
  const call = connectionOf(browser).send('script.callFunction', {
    functionDeclaration: `async (json) => JSON.stringify(await (${fn.toString()})(JSON.parse(json)) ?? null)`,
    target: { context },
    arguments: [{ type: 'string', value: JSON.stringify(arg) }],
    awaitPromise: true,
    resultOwnership: 'none',
  });
  const { result } = await withTimeout(call, timeoutMs, 'a script in the Firefox window');
  const outcome = result as CallFunctionResult;
  if (outcome.type === 'exception') {
    throw new Error(`The script in the Firefox window failed: ${outcome.exceptionDetails.text}`);
  }
  return JSON.parse(String(outcome.result.value)) as R;
}

/**
 * Switches the running Firefox's interface language, as choosing a language in Settings does
 * (Services.locale.requestedLocales writes intl.locale.requested; pages opened after it are in
 * that language), and returns the language Firefox now shows pages in.
 */
export async function switchFirefoxLanguage(browser: Browser, locale: string): Promise<string> {
  return evaluateInBrowserWindow(
    browser,
    (wanted: string) => {
      const { Services } = globalThis as unknown as { Services: { locale: { requestedLocales: string[]; appLocaleAsBCP47: string } } };
      Services.locale.requestedLocales = [wanted];
      return Services.locale.appLocaleAsBCP47;
    },
    locale,
  );
}
