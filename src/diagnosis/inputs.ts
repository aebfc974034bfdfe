// What diagnose() reads besides the tab's snapshot. All plain data, gathered by the popup.

import type { SkewEstimate } from '../core/clock/skew';
import type { CertificateMemory } from '../core/continuity/memory';
import type { ProxyFinding } from './proxy-settings';
import type { ServedOutcome } from '../shared/served-outcome';
import type { ProbeResult } from './types';

export interface DiagnosisEnvironment {
  /** runtime.getPlatformInfo().os: 'win', 'mac', 'linux', 'android', ... or null. */
  readonly os: string | null;
  readonly firefoxVersion: string | null;
  /** browser.captivePortal.getState(), or null. */
  readonly captivePortal: string | null;
  readonly clock: SkewEstimate | null;
  readonly now: number;
  /** The person's setting: warn when a certificate should already have been renewed. */
  readonly warnBeforeExpiry: boolean;
}

export interface DiagnosisHistory {
  /** The last good certificate remembered for this site. */
  readonly lastGood: CertificateMemory | null;
  /** Every remembered site, to see interception on other sites (empty when switched off). */
  readonly remembered: readonly CertificateMemory[];
  /** Checks the person ran from the popup (`served`: the chain the companion received). */
  readonly probes: { readonly www?: ProbeResult; readonly proxy?: ProxyFinding; readonly served?: ServedOutcome };
}
