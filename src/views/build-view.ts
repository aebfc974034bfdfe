// From the facts to what the popup shows: the diagnosis, the decoded codes and the parsed
// certificates, in one plain object. Pure; run by the background when the facts change (and
// by the report page), never by the popup.

import type { SkewEstimate } from '../core/clock/skew';
import type { CertificateMemory } from '../core/continuity/memory';
import { decodeErrorNumber } from '../core/error-codes/decode';
import { diagnose } from '../diagnosis/diagnose';
import type { Diagnosis } from '../diagnosis/types';
import type { Settings } from '../shared/settings';
import type { TabSnapshot } from '../shared/tab-snapshot';
import type { ServedOutcome } from '../shared/served-outcome';
import { certificateFacts } from './certificate-facts';
import { servedView } from './served-facts';
import type { CodeFacts, Environment, Probes, SnapshotView } from './snapshot-view';

export interface ViewInputs {
  readonly clock: SkewEstimate | null;
  readonly badgeText: string;
  readonly environment: Environment | null;
  readonly lastGood: CertificateMemory | null;
  readonly remembered: readonly CertificateMemory[];
  readonly settings: Pick<Settings, 'warnBeforeExpiry'>;
  /** The time of judgement: now, or a past incident's time. */
  readonly now: number;
  readonly incidentAt?: number;
  readonly probes?: Probes;
}

export function buildSnapshotView(snapshot: TabSnapshot, inputs: ViewInputs): SnapshotView {
  const { clock, environment, lastGood, remembered, settings, now } = inputs;
  const diagnosis = diagnose(
    snapshot,
    {
      os: environment?.os ?? null,
      firefoxVersion: environment?.firefoxVersion ?? null,
      captivePortal: environment?.captivePortal ?? null,
      clock,
      now,
      warnBeforeExpiry: settings.warnBeforeExpiry,
    },
    { lastGood, remembered, probes: inputs.probes ?? {} },
  );
  return {
    kind: 'snapshot',
    snapshot,
    clock,
    badgeText: inputs.badgeText,
    environment,
    lastGood,
    diagnosis: cloneable(diagnosis),
    ...decodedFacts(snapshot),
    now,
    ...(inputs.incidentAt !== undefined ? { incidentAt: inputs.incidentAt } : {}),
    ...servedPart(inputs.probes?.served),
  };
}

/** The snapshot's codes decoded and its certificates parsed: what the popup shows of them. */
export function decodedFacts(snapshot: TabSnapshot): Pick<SnapshotView, 'code' | 'frameCodes' | 'certificates'> {
  return {
    code: codeFacts(snapshot.failure?.errorNumber ?? null),
    frameCodes: (snapshot.frameFailures ?? []).map((f) =>
      f.errorNumber === null ? '?' : (decodeErrorNumber(f.errorNumber).name ?? String(f.errorNumber)),
    ),
    certificates: certificateFacts(snapshot.security?.certificates ?? []),
  };
}

function servedPart(outcome: ServedOutcome | undefined): Pick<SnapshotView, 'served'> {
  const served = servedView(outcome);
  return served ? { served } : {};
}

function codeFacts(errorNumber: number | null): CodeFacts | null {
  if (errorNumber === null) return null;
  const { name, number, family } = decodeErrorNumber(errorNumber);
  return { name, number, family };
}

/** The product without its issuer patterns (RegExp): the view is stored and messaged. */
function cloneable(diagnosis: Diagnosis): Diagnosis {
  const product = diagnosis.product;
  if (!product) return diagnosis;
  return { ...diagnosis, product: { id: product.id, name: product.name, kind: product.kind, guide: product.guide } };
}
