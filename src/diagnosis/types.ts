// What the diagnosis says: plain data, computed by diagnose() from captured facts, rendered
// by the popup with the guide (src/guide) and exported in the report.

import type { CauseId } from '../rules/cause-ids';
import type { InterceptionProduct } from '../rules/interception-products';
import type { ProxyFinding } from './proxy-settings';

/**
 * ok: nothing wrong. caution: loaded, but something deserves attention. fix-here: the cause is
 * on this device or network. site-fault: the site is misconfigured. danger: leave.
 */
export type Verdict = 'ok' | 'caution' | 'fix-here' | 'site-fault' | 'danger';

export type BypassRule = 'never' | 'discouraged' | 'acceptable';

export type BypassReason =
  | 'not-overridable' // Firefox offers no exception for this code
  | 'hsts' // the site demands strict HTTPS
  | 'old-tls' // no exception; only turning TLS 1.0 and 1.1 back on for every site would get through
  | 'fix-clock' // the clock is wrong: fix it instead
  | 'danger' // looks like an attack, interception by unknown software, or a revoked/distrusted CA
  | 'own-device' // a device on the person's own network
  | 'http-fallback' // HTTPS-Only mode's page offers only "Continue to HTTP Site": no encryption at all
  | 'public-site' // a public site should never need an exception
  | 'company-root'; // a company's own site: add the company's root instead

export interface Bypass {
  readonly rule: BypassRule;
  readonly reason: BypassReason;
}

export type Confidence = 'high' | 'medium' | 'low';

/** One fact behind a cause, with what the popup needs to say it (keys in _locales). */
export type Evidence =
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'clock'; readonly skewMs: number; readonly hosts: number }
  | { readonly kind: 'clock-ok'; readonly hosts: number }
  | { readonly kind: 'local-host'; readonly host: string }
  | { readonly kind: 'root-not-built-in'; readonly root: string }
  | { readonly kind: 'issuer-product'; readonly issuer: string; readonly product: string }
  | { readonly kind: 'product-seen-elsewhere'; readonly product: string; readonly hosts: number }
  | { readonly kind: 'captive-portal'; readonly state: string }
  | { readonly kind: 'names'; readonly names: readonly string[] }
  | { readonly kind: 'www-alternative'; readonly alternative: string; readonly result: ProbeResult | 'unchecked' }
  | { readonly kind: 'wildcard-depth'; readonly wildcard: string }
  | { readonly kind: 'many-sites'; readonly count: number }
  | { readonly kind: 'deep-name'; readonly host: string }
  | { readonly kind: 'validity'; readonly notBefore: number; readonly notAfter: number }
  | { readonly kind: 'self-issued'; readonly subject: string }
  | { readonly kind: 'chain-length'; readonly length: number }
  | { readonly kind: 'weak-signature'; readonly algorithm: string }
  | { readonly kind: 'weak-key'; readonly bits: number }
  | { readonly kind: 'protocol'; readonly version: string }
  | { readonly kind: 'exception'; readonly category: string }
  | { readonly kind: 'hsts-seen' }
  | { readonly kind: 'last-good'; readonly issuer: string; readonly lastSeen: number }
  | { readonly kind: 'certificate-change'; readonly change: string; readonly issuer: string; readonly lastSeen: number }
  | { readonly kind: 'expires-soon'; readonly notAfter: number }
  | { readonly kind: 'firefox-version'; readonly version: string }
  | { readonly kind: 'proxy'; readonly proxy: ProxyFinding }
  | { readonly kind: 'state-ca'; readonly issuer: string }
  | { readonly kind: 'host-zone'; readonly host: string; readonly zone: string }
  | { readonly kind: 'compromised-root'; readonly root: string; readonly vendor: string }
  | { readonly kind: 'linux-store' }
  | { readonly kind: 'corporate-host'; readonly host: string }
  | { readonly kind: 'https-only-page' }
  | { readonly kind: 'block-page-names'; readonly names: readonly string[] }
  /** The issuer a served leaf names, which the server did not send (the companion's chain). */
  | { readonly kind: 'missing-issuer'; readonly issuer: string };

export interface Cause {
  readonly id: CauseId;
  readonly confidence: Confidence;
  readonly evidence: readonly Evidence[];
}

/** Checks the person can trigger from the popup; each sends a request only when clicked. */
export type Action = 'probe-www' | 'check-proxy' | 'test-again' | 'remove-exception';

export interface Diagnosis {
  readonly verdict: Verdict;
  /** null for a page that loaded: there is nothing to get past. */
  readonly bypass: Bypass | null;
  /** Most likely first; never empty for a failed load (the last resort is 'unknown'). */
  readonly causes: readonly Cause[];
  /** The interception product named from the issuer, when one matched. */
  readonly product: InterceptionProduct | null;
  /** The decoded Firefox code name, or null (loaded page, or a number Firefox did not name). */
  readonly code: string | null;
  readonly actions: readonly Action[];
  /** For the www probe: the twin host name to try. */
  readonly alternativeHost: string | null;
}

export type ProbeResult = 'works' | 'fails';
