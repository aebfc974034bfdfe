// diagnose() over snapshots recorded from the lab in a real Firefox (npm run record:snapshots):
// what the background really captured for each case, replayed with the clock samples and the
// remembered certificates of that moment, must give the diagnosis the lab's case table expects.

import { storedClockSamples } from '../../src/capture/clock-samples';
import { estimateSkew } from '../../src/core/clock/skew';
import { parseContinuityState, recallCertificate } from '../../src/core/continuity/state';
import { diagnose } from '../../src/diagnosis/diagnose';
import { isTabSnapshot } from '../../src/shared/tab-snapshot';
import { LAB_CASE_SPECS } from '../lab/cases';
import recordedJson from './fixtures/lab-snapshots.json';

interface Recorded {
  readonly caseId: string;
  readonly recordedAt: number;
  readonly snapshot: unknown;
  readonly clockSamples: unknown;
  readonly continuity: unknown;
}

const recorded = recordedJson as unknown as Recorded[];

describe('diagnose() on snapshots recorded from the lab', () => {
  test('every lab case was recorded', () => {
    expect(recorded.map((r) => r.caseId).sort()).toEqual(LAB_CASE_SPECS.map((c) => c.id).sort());
  });

  test.each(recorded.map((r) => [r.caseId, r] as const))('%s', (caseId, r) => {
    const spec = LAB_CASE_SPECS.find((c) => c.id === caseId);
    if (!spec || !isTabSnapshot(r.snapshot)) throw new Error(`bad recording for ${caseId}`);
    const continuity = parseContinuityState(r.continuity);
    const host = new URL(r.snapshot.url).hostname;
    const result = diagnose(
      r.snapshot,
      {
        os: 'linux',
        firefoxVersion: '153.7.0',
        captivePortal: 'unknown',
        clock: estimateSkew(storedClockSamples(r.clockSamples)),
        now: r.recordedAt,
        warnBeforeExpiry: true,
      },
      { lastGood: recallCertificate(continuity, host) ?? null, remembered: Object.values(continuity.hosts), probes: {} },
    );
    const expected = spec.expectedDiagnosis;
    const ids: string[] = result.causes.map((c) => c.id);
    expect({
      verdict: result.verdict,
      bypass: result.bypass?.rule ?? '',
      top: ids[0] ?? '',
      ...(expected.product !== undefined || result.product ? { product: result.product?.name ?? '' } : {}),
      ...(expected.includes ? { includes: expected.includes.filter((id) => ids.slice(1).includes(id)) } : {}),
    }).toEqual(expected);
  });
});
