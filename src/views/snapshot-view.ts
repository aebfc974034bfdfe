// What the popup shows for one load, as plain data: made by the background when the facts
// change (src/views/build-view.ts) and kept ready in storage.session, so the popup only reads
// and renders. Everything here survives a structured clone (no RegExp, no class instances).

import type { SkewEstimate } from '../core/clock/skew';
import type { CertificateMemory } from '../core/continuity/memory';
import type { ErrorFamily } from '../core/error-codes/decode';
import type { ProxyFinding } from '../diagnosis/proxy-settings';
import type { Diagnosis, ProbeResult } from '../diagnosis/types';
import type { ServedOutcome } from '../shared/served-outcome';
import type { TabSnapshot } from '../shared/tab-snapshot';
import type { ServedView } from './served-facts';

/** Facts about this browser and device. */
export interface Environment {
  readonly os: string;
  readonly firefoxVersion: string;
  /** browser.captivePortal.getState(): unknown, not_captive, unlocked_portal, locked_portal. */
  readonly captivePortal: string;
}

/** Firefox's error number decoded: its name (null when unknown), number and family. */
export interface CodeFacts {
  readonly name: string | null;
  readonly number: number;
  readonly family: ErrorFamily;
}

/** What the DER of one certificate of the chain says, parsed in the background. */
export interface ParsedFacts {
  /** Key and signature in one line ("RSA 2048, sha256WithRSAEncryption / SHA-256"). */
  readonly key: string;
  /** subjectAltName: DNS names, then IP addresses (the first ones only, for a certificate whose DER was too large to keep). */
  readonly names: readonly string[];
  /** How many names the certificate has, when `names` lists only the first of them. */
  readonly nameCount?: number;
}

export interface CertificateFacts {
  /** One entry per certificate of the chain (leaf first); null when its DER could not be read. */
  readonly parsed: readonly (ParsedFacts | null)[];
  /** The chain as PEM text, ready to copy ("" when no DER was captured). */
  readonly pem: string;
}

export interface SnapshotView {
  readonly kind: 'snapshot';
  readonly snapshot: TabSnapshot;
  readonly clock: SkewEstimate | null;
  /** The toolbar badge Cert Doctor shows on that tab ("" for none). */
  readonly badgeText: string;
  readonly environment: Environment | null;
  /** The last good certificate Cert Doctor remembers for this site, if any. */
  readonly lastGood: CertificateMemory | null;
  readonly diagnosis: Diagnosis;
  /** The decoded failure code of the load, null when there is no failure or Firefox gave no number. */
  readonly code: CodeFacts | null;
  /** The names of the frame failures' codes, in the snapshot's order ("?" when unknown). */
  readonly frameCodes: readonly string[];
  readonly certificates: CertificateFacts;
  /** The time the view was made (or the incident's time): relative dates count from it. */
  readonly now: number;
  /** Set when this is a past incident from the history, not a tab's current load. */
  readonly incidentAt?: number;
  /** What the companion answered for this load, when the person asked it. */
  readonly served?: ServedView;
}

/** Checks the person ran from the popup (each one sends a request, and only when clicked). */
export interface Probes {
  readonly www?: ProbeResult;
  readonly proxy?: ProxyFinding;
  /** The chain the site sends, from the companion: set only by the background (companion.ts). */
  readonly served?: ServedOutcome;
}

export type PopupState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'no-record'; readonly tabId: number | null }
  /** Not a website over https: an http page, a Firefox page (about:), a file, an extension page. */
  | { readonly kind: 'not-https'; readonly scheme: string | null; readonly url: string | null }
  | SnapshotView
  | { readonly kind: 'broken'; readonly message: string };

export type PopupTarget =
  { readonly tabId: number } | { readonly url: string } | { readonly incident: string } | { readonly activeTab: true };

/** A past incident as the history keeps it. */
export interface StoredIncident {
  readonly at: number;
  readonly snapshot: TabSnapshot;
  readonly clock: SkewEstimate | null;
}

const VIEW_PREFIX = 'view:';

/** The storage.session key of a tab's ready view. */
export function viewKey(tabId: number): string {
  return `${VIEW_PREFIX}${tabId}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * A view as the background makes it: read back from storage or a message, so its shape is
 * checked where the popup relies on it (the rest is the background's own data).
 */
export function isSnapshotView(value: unknown): value is SnapshotView {
  if (!isObject(value) || value['kind'] !== 'snapshot') return false;
  const { snapshot, diagnosis, certificates } = value;
  return (
    isObject(snapshot) &&
    typeof snapshot['tabId'] === 'number' &&
    typeof snapshot['url'] === 'string' &&
    typeof snapshot['status'] === 'string' &&
    isObject(diagnosis) &&
    typeof diagnosis['verdict'] === 'string' &&
    Array.isArray(diagnosis['causes']) &&
    isObject(certificates) &&
    Array.isArray(certificates['parsed']) &&
    typeof certificates['pem'] === 'string' &&
    typeof value['now'] === 'number' &&
    Array.isArray(value['frameCodes'])
  );
}

/** Any state the background may answer a view request with. */
export function isPopupState(value: unknown): value is PopupState {
  if (!isObject(value)) return false;
  switch (value['kind']) {
    case 'loading':
      return true;
    case 'no-record':
      return value['tabId'] === null || typeof value['tabId'] === 'number';
    case 'not-https':
      return (
        (value['scheme'] === null || typeof value['scheme'] === 'string') && (value['url'] === null || typeof value['url'] === 'string')
      );
    case 'broken':
      return typeof value['message'] === 'string';
    case 'snapshot':
      return isSnapshotView(value);
    default:
      return false;
  }
}
