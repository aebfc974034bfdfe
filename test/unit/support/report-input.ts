// Report inputs for the tests: a recorded lab snapshot (or a hand-made one) diagnosed as the
// popup would, with the English or Russian guide and messages.

import { storedClockSamples } from '../../../src/capture/clock-samples';
import { estimateSkew } from '../../../src/core/clock/skew';
import { parseContinuityState, recallCertificate } from '../../../src/core/continuity/state';
import { diagnose } from '../../../src/diagnosis/diagnose';
import { Catalogue, type Language } from '../../../src/guide/catalogue';
import { CATALOGUES } from '../../../src/guide/catalogue-data';
import { DEFAULT_REPORT_OPTIONS, type ReportInput, type ReportOptions } from '../../../src/report/report-model';
import type { TabSnapshot } from '../../../src/shared/tab-snapshot';
import { evidenceText } from '../../../popup/evidence-text';
import recordedJson from '../fixtures/lab-snapshots.json';
import { translatorForLocale } from '../fakes/messages';

export interface Recorded {
  readonly caseId: string;
  readonly recordedAt: number;
  readonly snapshot: TabSnapshot;
  readonly clockSamples: unknown;
  readonly continuity: unknown;
}

export const RECORDED = recordedJson as unknown as Recorded[];

export function recorded(caseId: string): Recorded {
  const found = RECORDED.find((r) => r.caseId === caseId);
  if (!found) throw new Error(`no recording for ${caseId}`);
  return found;
}

export function reportInputFor(r: Recorded, options: Partial<ReportOptions> = {}, language: Language = 'en'): ReportInput {
  const continuity = parseContinuityState(r.continuity);
  const host = new URL(r.snapshot.url).hostname;
  const clock = estimateSkew(storedClockSamples(r.clockSamples));
  const lastGood = recallCertificate(continuity, host) ?? null;
  const remembered = Object.values(continuity.hosts);
  const environment = { os: 'linux', firefoxVersion: '153.7.0esr' };
  const diagnosis = diagnose(
    r.snapshot,
    { ...environment, captivePortal: 'not_captive', clock, now: r.recordedAt, warnBeforeExpiry: true },
    { lastGood, remembered, probes: {} },
  );
  const t = translatorForLocale(language);
  return {
    snapshot: r.snapshot,
    diagnosis,
    clock,
    environment,
    lastGood,
    remembered,
    catalogue: new Catalogue(language, CATALOGUES[language]),
    evidenceText: (e) => evidenceText(e, t, language),
    now: r.recordedAt,
    options: { ...DEFAULT_REPORT_OPTIONS, ...options },
  };
}
