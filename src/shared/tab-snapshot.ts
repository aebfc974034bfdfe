// What the background records about the last top-level load of a tab. Plain data: it is
// stored in storage.session (the event page forgets module state when it unloads) and read
// by the popup. Facts only; meaning (decoded names, diagnosis) is derived where it is shown.

import type { CertificateChange, CertificateMemory } from '../core/continuity/memory';

export type LoadStatus = 'loading' | 'failed' | 'loaded';

export interface CapturedFailure {
  /** The number from webNavigation's "Error code N", or null when Firefox gave no number. */
  readonly errorNumber: number | null;
  /** Firefox's text as received, kept for the technical details (never rendered as HTML). */
  readonly rawError: string;
  readonly at: number;
}

/** One certificate of a chain, as getSecurityInfo gives it (leaf first). */
export interface CapturedCertificate {
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: number;
  readonly notAfter: number;
  readonly sha256: string;
  readonly sha1: string;
  readonly serialNumber: string;
  readonly isBuiltInRoot: boolean;
  readonly spkiSha256: string;
  /** The DER bytes, base64. Parsed only where shown (names, key, extensions). "" when too large to keep. */
  readonly derBase64: string;
  /**
   * Set when the DER was too large to keep (a certificate with thousands of names): its first
   * names (subjectAltName DNS names, then IP addresses), read from the DER when it was captured.
   */
  readonly names?: readonly string[];
  /** With `names`: how many names the certificate has in all. */
  readonly nameCount?: number;
}

export type OverrideCategory = 'trust_error' | 'domain_mismatch' | 'expired_or_not_yet_valid';

/** getSecurityInfo of a load that got a response (Firefox gives nothing for a failed handshake). */
export interface CapturedSecurity {
  /** The response's URL, without query or fragment (storableUrl). */
  readonly url: string;
  /**
   * host[:port] of the server that sent this chain. After a redirect to a site that then fails,
   * the chain is the redirecting host's, not the failing site's. Absent in snapshots stored
   * before it was recorded: `url`'s host is the same fact.
   */
  readonly host?: string;
  readonly at: number;
  readonly state: string;
  readonly protocolVersion: string | null;
  readonly cipherSuite: string | null;
  readonly keaGroupName: string | null;
  readonly signatureSchemeName: string | null;
  readonly certificateTransparencyStatus: string | null;
  readonly hsts: boolean;
  readonly usedEch: boolean;
  readonly usedOcsp: boolean;
  readonly usedPrivateDns: boolean;
  /** Set when the person accepted the risk: the load goes on through an exception. */
  readonly overridableErrorCategory: OverrideCategory | null;
  readonly isUntrusted: boolean;
  readonly isDomainMismatch: boolean;
  readonly isNotValidAtThisTime: boolean;
  readonly certificates: readonly CapturedCertificate[];
}

/** A frame inside the page that failed (webNavigation, frameId > 0). */
export interface FrameFailure {
  readonly url: string;
  readonly errorNumber: number | null;
}

/** Failed subresources of one host and type (images, scripts, styles, XHR...). */
export interface SubresourceFailure {
  readonly host: string;
  readonly type: string;
  /** Firefox's message for the first failure (a translated sentence or an NS_ERROR_* name). */
  readonly error: string;
  /** A URL that failed, so the person can open it in a tab to see the exact code. */
  readonly exampleUrl: string;
  readonly count: number;
}

/** Where the tab lives: private window, container. From webRequest's details of the load. */
export interface TabContext {
  readonly incognito: boolean;
  readonly cookieStoreId: string | null;
}

export interface TabSnapshot {
  readonly schema: 2;
  readonly tabId: number;
  /** The URL of the top-level load. On a certificate error the tab keeps this https URL. */
  readonly url: string;
  /**
   * The http address the person opened, when Firefox upgraded it to https itself (HTTPS-Only
   * mode, HTTPS-First) and the https load failed: `url` is then the https one.
   */
  readonly requestedUrl?: string;
  /**
   * Set when Firefox answered the failure with HTTPS-Only mode's "Secure Site Not Available"
   * page (about:httpsonlyerror) instead of its ordinary error page.
   */
  readonly errorPage?: 'https-only';
  readonly startedAt: number;
  readonly status: LoadStatus;
  readonly failure?: CapturedFailure;
  /** webRequest's message for a failed top-level load: Firefox's translated sentence for a
   * certificate or TLS error, an NS_ERROR_* name otherwise. Shown, never parsed. */
  readonly requestError?: string;
  readonly security?: CapturedSecurity;
  readonly frameFailures?: readonly FrameFailure[];
  /** All failed frames, including those beyond the kept list (absent: as many as listed). */
  readonly frameFailureCount?: number;
  readonly subresourceFailures?: readonly SubresourceFailure[];
  /** All failed subresources, including those beyond the kept list. */
  readonly subresourceFailureCount?: number;
  readonly context?: TabContext;
  /**
   * How this load's certificate differs from the last good one remembered for the site, set
   * only when it differs (compared before the new one replaced it in the memory).
   */
  readonly certificateChange?: { readonly change: CertificateChange; readonly previous: CertificateMemory };
}

export function isTabSnapshot(value: unknown): value is TabSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v['schema'] === 2 &&
    typeof v['tabId'] === 'number' &&
    typeof v['url'] === 'string' &&
    typeof v['startedAt'] === 'number' &&
    (v['status'] === 'loading' || v['status'] === 'failed' || v['status'] === 'loaded')
  );
}
