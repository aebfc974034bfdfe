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

function connectionOf(browser: Browser): RawBidiConnection {
  // puppeteer-core 24's BidiBrowser exposes its connection (bidi/Browser.d.ts); the public
  // Browser type does not declare it.
  const connection = (browser as unknown as { connection?: RawBidiConnection }).connection;
  if (!connection || typeof connection.send !== 'function') {
    throw new Error('This puppeteer Browser has no WebDriver BiDi connection (launch Firefox with protocol "webDriverBiDi").');
  }
  return connection;
}

/** The BiDi context id of the first browser window, waiting up to `timeoutMs` for one to exist. */
export async function browserWindowContext(browser: Browser, timeoutMs = 10_000): Promise<string> {
  const connection = connectionOf(browser);
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  for (;;) {
    const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const contexts = (result as { contexts: BidiContextInfo[] }).contexts;
    seen = contexts.map((c) => c.url);
    const window = contexts.find((c) => c.url === BROWSER_WINDOW_URL);
    if (window) return window.context;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `No Firefox browser window among the chrome contexts (saw: ${seen.join(', ') || 'none'}). ` +
      'Is Firefox running with --remote-allow-system-access?',
  );
}

/**
 * Runs `fn(arg)` in the browser window's chrome realm and returns its (awaited) result, which
 * must survive JSON. The function is sent as source text: it sees only the chrome window's
 * globals (window, document, gBrowser, CustomizableUI, ...), not this file's scope.
 */
export async function evaluateInBrowserWindow<A, R>(
  browser: Browser,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
  timeoutMs = 10_000,
): Promise<R> {
  const context = await browserWindowContext(browser);
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
