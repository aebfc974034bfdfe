// Checks that make the figures mean what they claim, run after a session's measured loads:
// - cold: the event page is really asleep after the pause the benchmark uses, and the load
//   wakes it (about:debugging, several cycles);
// - warm: the event page is running after the back-to-back loads;
// - both: the extension really recorded the benchmark's loads (its popup shows "loaded").
import { readPopupFor } from '../firefox/launch';
import { openDebuggingView, type BackgroundStatus } from './event-page';
import type { Instance } from './instances';
import type { Loader, Spacing } from './loader';
import type { BenchSite } from './site';

export interface ColdCycle {
  /** Status right before the load, after the cold pause. Must be "stopped". */
  readonly beforeLoad: BackgroundStatus;
  /** Status right after the load. Must be "running" (the load woke it). */
  readonly afterLoad: BackgroundStatus;
  /** ms from the end of the load until about:debugging showed "Stopped" again (undefined: not within 10 s). */
  readonly stoppedAgainAfterMs: number | undefined;
}

export interface EventPageCheck {
  readonly ok: boolean;
  readonly summary: string;
  readonly coldCycles?: readonly ColdCycle[];
}

export async function verifyAsleepBeforeColdLoads(
  instance: Instance,
  loader: Loader,
  spacing: Spacing,
  loadIdPrefix: string,
  cycles = 3,
): Promise<EventPageCheck> {
  const view = await openDebuggingView(instance.browser);
  try {
    const results: ColdCycle[] = [];
    for (let cycle = 0; cycle < cycles; cycle++) {
      // Read the status just before the pause ends (the read takes some ms), then load with
      // the same rule as the measured cold loads: idle for the cold pause since the last load.
      const readAt = loader.lastEndOf(instance) + spacing.idleBeforeLoadMs - 200;
      while (Date.now() < readAt) await new Promise((resolve) => setTimeout(resolve, readAt - Date.now()));
      const beforeLoad = await view.read();
      await loader.load(instance, `${loadIdPrefix}-${cycle}`, spacing);
      const afterLoad = await view.read();
      const stoppedAgainAfterMs = await view.waitFor('stopped', 10_000);
      results.push({ beforeLoad, afterLoad, stoppedAgainAfterMs });
    }
    const ok = results.every((result) => result.beforeLoad === 'stopped' && result.afterLoad === 'running');
    const stops = results.map((result) => (result.stoppedAgainAfterMs === undefined ? 'never' : `${result.stoppedAgainAfterMs} ms`));
    const summary = ok
      ? `asleep before each of ${cycles} cold loads, woken by each; stopped again ${stops.join(', ')} after the load`
      : `NOT VERIFIED: ${results.map((result) => `${result.beforeLoad} -> ${result.afterLoad}`).join(', ')}`;
    return { ok, summary, coldCycles: results };
  } finally {
    await view.close();
  }
}

export async function verifyAwakeAfterWarmLoads(instance: Instance): Promise<EventPageCheck> {
  const view = await openDebuggingView(instance.browser);
  try {
    const status = await view.read();
    const ok = status === 'running';
    return { ok, summary: ok ? 'running after the warm loads' : `NOT VERIFIED: ${status} after the warm loads` };
  } finally {
    await view.close();
  }
}

export interface RecordingCheck {
  readonly ok: boolean;
  readonly summary: string;
}

/** The extension's popup, asked about the last page the extension instance loaded, shows it loaded. */
export async function verifyExtensionRecorded(instance: Instance, site: BenchSite, loadId: string): Promise<RecordingCheck> {
  const url = site.pageUrl(loadId);
  try {
    const shown = await readPopupFor(instance.browser, url);
    const ok = shown.status === 'loaded';
    return { ok, summary: ok ? 'the popup shows the last benchmark load as loaded' : `NOT VERIFIED: popup status "${shown.status}"` };
  } catch (error) {
    return { ok: false, summary: `NOT VERIFIED: ${error instanceof Error ? error.message : String(error)}` };
  }
}
