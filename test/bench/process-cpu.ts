// CPU time of Firefox's extension process, read by the benchmark from Linux's per-thread
// scheduler statistics (/proc/<pid>/task/<tid>/schedstat: the first field is the time the thread
// has run, in ns, exact, not sampled in clock ticks as /proc/<pid>/stat is). Every extension
// page, the popup included, runs in that one process, as does the background page.
import type { Browser } from 'puppeteer-core';
import { readdirSync, readFileSync } from 'node:fs';
import { evaluateInBrowserWindow } from '../firefox/chrome-window';

export interface CpuSample {
  /** The process's main thread, where the page's scripts, style, layout and painting run. */
  readonly mainNs: number;
  /** All threads alive at the time of reading (script compilation and GC helpers too). */
  readonly allNs: number;
}

function threadRunNs(pid: number, tid: string): number {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return 0; // The thread ended between listing and reading.
  }
}

export function readProcessCpu(pid: number): CpuSample {
  let allNs = 0;
  let mainNs = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const ns = threadRunNs(pid, tid);
    allNs += ns;
    if (tid === String(pid)) mainNs = ns;
  }
  return { mainNs, allNs };
}

/**
 * The pid of the extension process, from Firefox itself (ChromeUtils.requestProcInfo in the
 * browser window, the data about:processes shows; its child type for extensions is "extension").
 */
export async function extensionProcessPid(browser: Browser): Promise<number> {
  const pids = await evaluateInBrowserWindow(
    browser,
    async () => {
      const utils = (
        globalThis as unknown as { ChromeUtils: { requestProcInfo(): Promise<{ children: { pid: number; type: string }[] }> } }
      ).ChromeUtils;
      const info = await utils.requestProcInfo();
      return info.children.filter((child) => child.type === 'extension').map((child) => child.pid);
    },
    null,
    20_000,
  );
  const [pid] = pids;
  if (pids.length !== 1 || pid === undefined) throw new Error(`expected one extension process, Firefox lists ${pids.length}`);
  readProcessCpu(pid); // Fails here, not mid-run, if /proc does not show it.
  return pid;
}

/**
 * Asks every child process to collect garbage and cycles now, as about:memory's GC and CC
 * buttons do (aboutMemory.js doGC / doCC: the "child-gc-request" and "child-cc-request"
 * notifications). Done before each open, followed by a quiet gap, so that the deferred
 * collection of one page's garbage is not counted in the next page's window.
 */
export async function collectGarbageEverywhere(browser: Browser): Promise<void> {
  await evaluateInBrowserWindow(
    browser,
    () => {
      const services = (globalThis as unknown as { Services: { obs: { notifyObservers(subject: null, topic: string): void } } }).Services;
      services.obs.notifyObservers(null, 'child-gc-request');
      services.obs.notifyObservers(null, 'child-cc-request');
      return true;
    },
    null,
  );
}
