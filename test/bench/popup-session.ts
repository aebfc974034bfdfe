// The popup part from launch to close: one Firefox with the bench zip (the packaged extension
// plus the empty page, bench-zip.ts), a tab on the bench's expired-certificate page, then
// opens of three pages alternating one at a time, every round in a different order:
//   popup    popup/popup.html?tabId=N for that failing tab;
//   empty    bench/empty.html, the empty extension page opened the same way;
//   control  bench/empty.html again, as a second series: the same estimator between two things
//            that differ in nothing, so its spread is the noise floor of the method.
import type { Browser } from 'puppeteer-core';
import { loadavg } from 'node:os';
import { extensionOrigin } from '../firefox/extension';
import { installExtension, launchFirefox, readPopupFor, visit, withTimeout } from '../firefox/launch';
import { createTrustingProfile } from '../firefox/profile';
import { EMPTY_PAGE_PATH } from './bench-zip';
import type { PopupConfig } from './config';
import { timedOpen, type OpenRecord } from './popup-open';
import { collectGarbageEverywhere, extensionProcessPid } from './process-cpu';
import { orderForRound, type Role } from './schedule';
import { BENCH_HOST, EXPIRED_HOST, type BenchSite } from './site';
import { median } from './stats';

export const POPUP_ROLES = ['popup', 'empty', 'control'] as const;
export type PopupRole = (typeof POPUP_ROLES)[number];

// The page-load part's six orders of three, with the popup in the extension's place.
const ROLE_OF: Readonly<Record<Role, PopupRole>> = { extension: 'popup', baseline: 'empty', control: 'control' };

export interface PopupRun {
  readonly run: number;
  readonly opens: Readonly<Record<PopupRole, readonly OpenRecord[]>>;
  /** median(popup time to content) / median(empty). */
  readonly contentRatio: number;
  /** median(control time to content) / median(empty). */
  readonly controlContentRatio: number;
  /** median(popup main-thread ms) - median(empty). */
  readonly ownWorkMs: number;
  /** median(control main-thread ms) - median(empty). */
  readonly controlOwnWorkMs: number;
  readonly loadAverageAtEnd: number;
}

export interface PopupCheck {
  readonly ok: boolean;
  readonly summary: string;
}

export interface PopupSessionResult {
  readonly config: PopupConfig;
  readonly runs: readonly PopupRun[];
  /** What the popup showed for the failing tab before the measured opens. */
  readonly failingPage: { readonly url: string; readonly code: string; readonly verdict: string; readonly tabId: string };
  readonly check: PopupCheck;
  readonly firefoxVersion: string;
  readonly seconds: number;
}

export interface PopupSessionOptions {
  readonly site: BenchSite;
  /** The bench zip (with the empty page). */
  readonly zipPath: string;
  readonly log: (line: string) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function runPopupSession(config: PopupConfig, options: PopupSessionOptions): Promise<PopupSessionResult> {
  const started = Date.now();
  const profile = await createTrustingProfile([options.site.root]);
  try {
    const browser = await launchFirefox({ profileDir: profile.dir, localHosts: [BENCH_HOST, EXPIRED_HOST] });
    try {
      await installExtension(browser, options.zipPath);
      const firefoxVersion = await withTimeout(browser.version(), 10_000, 'asking Firefox its version');
      return await measure(browser, config, options, firefoxVersion, started);
    } finally {
      await withTimeout(browser.close(), 15_000, 'closing Firefox').catch(() => {
        browser.process()?.kill('SIGKILL');
      });
    }
  } finally {
    await profile.remove().catch(() => undefined);
  }
}

function contentOf(record: OpenRecord): number {
  return record.contentMs ?? Number.NaN;
}

/** Why an open does not count (undefined: it does). */
function problemWith(role: PopupRole, record: OpenRecord, windowMs: number): string | undefined {
  if (record.contentMs === undefined) return `${role}: no content painted within ${windowMs} ms`;
  if (record.contentMs > windowMs) return `${role}: content at ${record.contentMs.toFixed(0)} ms, after the ${windowMs} ms window`;
  if (role === 'popup' && (record.status !== 'failed' || record.verdict === ''))
    return `popup: status "${record.status}", verdict "${record.verdict}"`;
  if (role === 'popup' && (record.answerMarkMs === undefined || record.contentMs < record.answerMarkMs)) {
    return `popup: the paint counted as its content (${record.contentMs.toFixed(0)} ms) came before its answer was rendered (${record.answerMarkMs?.toFixed(1) ?? 'no mark'})`;
  }
  if (role !== 'popup' && record.verdict !== 'empty') return `${role}: not the empty page`;
  return undefined;
}

async function measure(
  browser: Browser,
  config: PopupConfig,
  options: PopupSessionOptions,
  firefoxVersion: string,
  started: number,
): Promise<PopupSessionResult> {
  const { site, log } = options;
  // The failing page stays open in its own tab; the extension has recorded it once the popup,
  // asked by URL, shows the failure (the e2e tests' helper, which also gives the tab's id).
  await visit(browser, site.failingUrl);
  const shown = await readPopupFor(browser, site.failingUrl);
  const failingPage = { url: site.failingUrl, code: shown.code, verdict: shown.verdict, tabId: shown.tabId };
  if (shown.status !== 'failed' || shown.code !== 'SEC_ERROR_EXPIRED_CERTIFICATE' || shown.tabId === '') {
    throw new Error(
      `the popup for ${site.failingUrl} shows status "${shown.status}", code "${shown.code}", tab "${shown.tabId}", not the expired certificate`,
    );
  }
  const pid = await extensionProcessPid(browser);
  const urls: Readonly<Record<PopupRole, string>> = {
    popup: `${extensionOrigin}/popup/popup.html?tabId=${encodeURIComponent(shown.tabId)}`,
    empty: `${extensionOrigin}/${EMPTY_PAGE_PATH}`,
    control: `${extensionOrigin}/${EMPTY_PAGE_PATH}`,
  };
  const open = async (role: PopupRole): Promise<OpenRecord> => {
    await collectGarbageEverywhere(browser);
    await sleep(config.gapMs);
    return timedOpen(browser, urls[role], pid, config.windowMs);
  };

  for (let round = 0; round < config.warmupRounds; round++) {
    for (const role of orderForRound(round)) await open(ROLE_OF[role]);
  }
  const problems: string[] = [];
  const runs: PopupRun[] = [];
  for (let run = 0; run < config.runs; run++) {
    const opens: Record<PopupRole, OpenRecord[]> = { popup: [], empty: [], control: [] };
    for (let round = 0; round < config.rounds; round++) {
      for (const role of orderForRound(round).map((each) => ROLE_OF[each])) {
        const record = await open(role);
        const problem = problemWith(role, record, config.windowMs);
        if (problem !== undefined) problems.push(problem);
        opens[role].push(record);
      }
    }
    const content = (role: PopupRole): number => median(opens[role].map(contentOf));
    const work = (role: PopupRole): number => median(opens[role].map((record) => record.mainThreadMs));
    const result: PopupRun = {
      run,
      opens,
      contentRatio: content('popup') / content('empty'),
      controlContentRatio: content('control') / content('empty'),
      ownWorkMs: work('popup') - work('empty'),
      controlOwnWorkMs: work('control') - work('empty'),
      loadAverageAtEnd: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    };
    runs.push(result);
    log(
      `popup run ${run + 1}/${config.runs}: time to content ${result.contentRatio.toFixed(2)}x the empty page ` +
        `(median ms: popup ${content('popup').toFixed(0)}, empty ${content('empty').toFixed(0)}, control ${content('control').toFixed(0)}), ` +
        `main-thread ms: popup ${work('popup').toFixed(1)}, empty ${work('empty').toFixed(1)}, control ${work('control').toFixed(1)}; load average ${result.loadAverageAtEnd}`,
    );
  }
  const check: PopupCheck =
    problems.length === 0
      ? {
          ok: true,
          summary: `every popup open showed the failure's verdict ("${failingPage.verdict}") and every open painted its content within the ${config.windowMs} ms window`,
        }
      : { ok: false, summary: `NOT VALID: ${problems.length} opens: ${problems.slice(0, 3).join('; ')}` };
  return { config, runs, failingPage, check, firefoxVersion, seconds: (Date.now() - started) / 1000 };
}
