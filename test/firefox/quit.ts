// Quitting Firefox the way the person does (File > Quit), and waiting for the process to end.
// puppeteer's browser.close() is not that: over WebDriver BiDi it closes every tab
// (browser.close in Firefox's remote agent, root/browser.sys.mjs) and then kills the process
// (@puppeteer/browsers, Process.close), which can cut Firefox's own shutdown short.

import type { Browser } from 'puppeteer-core';
import { evaluateInBrowserWindow } from './chrome-window';
import { withTimeout } from './launch';

/**
 * Asks Firefox to quit (nsIAppStartup.quit with eAttemptQuit, what the Quit menu item does)
 * and resolves with the process's exit code once it has ended on its own.
 */
export async function quitFirefox(browser: Browser, timeoutMs = 60_000): Promise<number | null> {
  const child = browser.process();
  if (!child) throw new Error('This Firefox was not launched by the test: it cannot be quit and awaited.');
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else
      child.once('exit', (code) => {
        resolve(code);
      });
  });
  await evaluateInBrowserWindow(
    browser,
    () => {
      // After this call has answered, so that the answer reaches the test.
      setTimeout(() => {
        const { Services, Ci } = globalThis as unknown as QuitGlobals;
        Services.startup.quit(Ci.nsIAppStartup.eAttemptQuit);
      }, 0);
    },
    null,
  );
  return withTimeout(exited, timeoutMs, 'Firefox quitting');
}

interface QuitGlobals {
  readonly Services: { readonly startup: { quit(mode: number): void } };
  readonly Ci: { readonly nsIAppStartup: { readonly eAttemptQuit: number } };
}
