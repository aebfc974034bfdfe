// The flood part (issue 12): one Firefox with the extension, its memory of certificates full
// (2,000 hosts), loads of the ordinary benchmark page before and after the lab's flood page
// (1,000 frames on distinct subdomains, 10,000 failing images), and the background's longest
// stall during the flood. Firefox 153 gives no `longtask` entries, so an extension page sends
// the background a cheap message (a view request for a tab with no record, answered at once)
// every PROBE_INTERVAL_MS and records each round trip; a task that blocks the background delays
// the answer by that long. The page and the background share the extension process, so a block
// may also delay the page's own timer: the lateness of each probe's timer is recorded too.
import type { Browser, Page } from 'puppeteer-core';
import { loadavg } from 'node:os';
import { openExtensionPage } from '../firefox/extension-pages';
import { installExtension, launchFirefox, pollPage, visit, withTimeout } from '../firefox/launch';
import { createTrustingProfile } from '../firefox/profile';
import { FLOOD_FRAME_PATH, FLOOD_FRAMES } from '../lab/flood';
import { startLab, type Lab } from '../lab/lab';
import type { FloodConfig } from './config';
import { timedLoad } from './measure';
import { BENCH_HOST, IMAGE_COUNT, type BenchSite } from './site';
import { median } from './stats';

export const PROBE_INTERVAL_MS = 5;
/** Hosts in storage before the flood: the store's bound, as after long browsing. */
const SEEDED_HOSTS = 2000;
const FLOOD_LOAD_TIMEOUT_MS = 420_000;
/** Probing goes on this long after the flood's load: past the background's 2 s write delay. */
const PROBE_AFTER_LOAD_MS = 8_000;

export interface ProbeSummary {
  readonly probes: number;
  readonly failures: number;
  readonly longestRoundTripMs: number;
  readonly p99RoundTripMs: number;
  readonly medianRoundTripMs: number;
  readonly longestTimerLatenessMs: number;
}

export interface FloodSessionResult {
  readonly config: FloodConfig;
  readonly beforeMs: readonly number[];
  readonly afterMs: readonly number[];
  /** From the navigation's start until every frame was served and the page was complete. */
  readonly floodLoadMs: number;
  readonly probe: ProbeSummary;
  /** What storage.local held under "continuity" at the end: hosts and UTF-8 bytes. */
  readonly storedAfter: { readonly hosts: number; readonly bytes: number };
  readonly check: { readonly ok: boolean; readonly summary: string };
  readonly loadAverageAtEnd: number;
  readonly seconds: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function runFloodSession(
  config: FloodConfig,
  site: BenchSite,
  zipPath: string,
  log: (line: string) => void,
): Promise<FloodSessionResult> {
  const started = Date.now();
  const lab = await startLab();
  const profile = await createTrustingProfile([site.root, ...lab.trustedRoots]);
  try {
    const browser = await launchFirefox({ profileDir: profile.dir, localHosts: [BENCH_HOST, ...lab.hosts, ...lab.flood.hosts] });
    try {
      await installExtension(browser, zipPath);
      return await measure(browser, config, site, lab, log, started);
    } finally {
      await withTimeout(browser.close(), 15_000, 'closing Firefox').catch(() => {
        browser.process()?.kill('SIGKILL');
      });
    }
  } finally {
    await profile.remove().catch(() => undefined);
    await lab.stop();
  }
}

async function measure(
  browser: Browser,
  config: FloodConfig,
  site: BenchSite,
  lab: Lab,
  log: (line: string) => void,
  started: number,
): Promise<FloodSessionResult> {
  const probePage = await openExtensionPage(browser, 'options/options.html');
  await seedContinuity(probePage, SEEDED_HOSTS);
  const tab = await browser.newPage();
  const problems: string[] = [];
  let loadNumber = 0;
  const loadOrdinary = async (): Promise<number> => {
    const loadId = `flood-${loadNumber++}`;
    await sleep(config.gapMs);
    const ms = await timedLoad(tab, site.pageUrl(loadId));
    if (site.requestsFor(loadId) !== IMAGE_COUNT + 1)
      problems.push(`load ${loadId} made ${site.requestsFor(loadId)} requests, not ${IMAGE_COUNT + 1}`);
    return ms;
  };
  for (let i = 0; i < config.warmupLoads; i++) await loadOrdinary();
  const beforeMs: number[] = [];
  for (let i = 0; i < config.loads; i++) beforeMs.push(await loadOrdinary());
  log(`flood: ordinary page before, median ${median(beforeMs).toFixed(0)} ms over ${beforeMs.length} loads`);

  await probePage.evaluate(startProbing, PROBE_INTERVAL_MS);
  const floodStart = Date.now();
  const flood = await visit(browser, lab.flood.url, 60_000);
  // WebDriver may stop waiting before the page is done: the lab's log says when every frame was
  // served, the page when it is complete.
  const framesServed = (): number => new Set(lab.requests.filter((r) => r.path === FLOOD_FRAME_PATH).map((r) => r.host)).size;
  while (framesServed() < FLOOD_FRAMES && Date.now() - floodStart < FLOOD_LOAD_TIMEOUT_MS) await sleep(500);
  const complete = await pollPage(flood, Math.max(1000, FLOOD_LOAD_TIMEOUT_MS - (Date.now() - floodStart)), () =>
    flood.evaluate(() => (document.readyState === 'complete' ? true : undefined)),
  ).catch(() => false);
  if (framesServed() < FLOOD_FRAMES || !complete)
    problems.push(`the flood page was not complete within ${FLOOD_LOAD_TIMEOUT_MS} ms (${framesServed()} frames served)`);
  const floodLoadMs = Date.now() - floodStart;
  log(`flood: the flood page took ${(floodLoadMs / 1000).toFixed(1)} s to complete`);
  await sleep(PROBE_AFTER_LOAD_MS);
  const probe = await withTimeout(probePage.evaluate(stopProbing), 30_000, 'reading the probes');
  await flood.close().catch(() => undefined);
  log(`flood: longest round trip to the background ${probe.longestRoundTripMs.toFixed(0)} ms over ${probe.probes} probes`);

  const afterMs: number[] = [];
  for (let i = 0; i < config.loads; i++) afterMs.push(await loadOrdinary());
  log(`flood: ordinary page after, median ${median(afterMs).toFixed(0)} ms`);
  const storedAfter = await probePage.evaluate(readContinuitySize);
  await probePage.close().catch(() => undefined);
  if (probe.probes === 0) problems.push('no probe was answered');
  if (probe.failures > 0) problems.push(`${probe.failures} probes got no answer`);
  const check =
    problems.length === 0
      ? { ok: true, summary: `every ordinary load fetched the page and its ${IMAGE_COUNT} images; every probe was answered` }
      : { ok: false, summary: `NOT VALID: ${problems.slice(0, 3).join('; ')}` };
  return {
    config,
    beforeMs,
    afterMs,
    floodLoadMs,
    probe,
    storedAfter,
    check,
    loadAverageAtEnd: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Fills storage.local's continuity key with `count` hosts, as a long-used profile has. */
async function seedContinuity(page: Page, count: number): Promise<void> {
  await page.evaluate(async (n) => {
    const api = (globalThis as unknown as { browser: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } } })
      .browser;
    const now = Date.now();
    const hosts: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const host = `site${i}.example`;
      hosts[host] = {
        host,
        issuer: 'CN=R11,O=Let\u2019s Encrypt,C=US',
        root: 'CN=ISRG Root X1,O=Internet Security Research Group,C=US',
        rootBuiltIn: true,
        spkiSha256: `spki-${i}`,
        leafSha256: `leaf-${i}`,
        notAfter: now + 8e9,
        firstSeen: now - 1e9 + i,
        lastSeen: now - 1e9 + i,
      };
    }
    await api.storage.local.set({ continuity: { version: 1, hosts } });
  }, count);
}

/** Runs in the extension page: a message to the background every `interval` ms, one at a time. */
function startProbing(interval: number): void {
  const api = (globalThis as unknown as { browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).browser;
  const state = { running: true, roundTrips: [] as number[], lateness: [] as number[], failures: 0, done: Promise.resolve() };
  state.done = (async () => {
    while (state.running) {
      const sent = performance.now();
      try {
        await api.runtime.sendMessage({ type: 'cert-doctor:view', tabId: 2_000_000_000 });
        state.roundTrips.push(performance.now() - sent);
      } catch {
        state.failures += 1;
      }
      const due = performance.now() + interval;
      await new Promise((resolve) => setTimeout(resolve, interval));
      state.lateness.push(performance.now() - due);
    }
  })();
  Object.assign(globalThis, { floodProbe: state });
}

/** Runs in the extension page: stops the probes and sums them up. */
async function stopProbing(): Promise<ProbeSummary> {
  const state = (
    globalThis as unknown as {
      floodProbe: { running: boolean; roundTrips: number[]; lateness: number[]; failures: number; done: Promise<void> };
    }
  ).floodProbe;
  state.running = false;
  await state.done;
  const sorted = [...state.roundTrips].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    probes: sorted.length,
    failures: state.failures,
    longestRoundTripMs: sorted[sorted.length - 1] ?? Number.NaN,
    p99RoundTripMs: at(0.99),
    medianRoundTripMs: at(0.5),
    longestTimerLatenessMs: Math.max(0, ...state.lateness),
  };
}

/** Runs in the extension page: the size of the continuity key. */
async function readContinuitySize(): Promise<{ hosts: number; bytes: number }> {
  const api = (globalThis as unknown as { browser: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } })
    .browser;
  const state = (await api.storage.local.get('continuity'))['continuity'] as { hosts?: Record<string, unknown> } | undefined;
  return { hosts: Object.keys(state?.hosts ?? {}).length, bytes: new TextEncoder().encode(JSON.stringify(state ?? {})).length };
}
