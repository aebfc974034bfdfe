// The contract between the lab (broken HTTPS servers made at run time) and the tests that
// drive Firefox against it. The lab owns the servers; the tests own Firefox.

/** One broken (or deliberately fine) site in the lab. */
export interface LabCaseSpec {
  /** Stable id, kebab-case, used in test names and in the index page. */
  readonly id: string;
  /** One English sentence for the index page: what is wrong with this site. */
  readonly title: string;
  /** Host name the browser visits; resolved to 127.0.0.1 through network.dns.localDomains. */
  readonly host: string;
  /** Path to visit, starting with "/". */
  readonly path: string;
  /**
   * The code Firefox reports for a top-level visit (the NSS / PSM / network error name,
   * e.g. "SEC_ERROR_EXPIRED_CERTIFICATE"), or "" when the page loads.
   */
  readonly expectedCode: string;
  /**
   * What Cert Doctor should conclude for a top-level visit in a fresh browser, written by hand
   * from what the case is (not from what the extension shows). With no certificate for a failed
   * handshake, name mismatches rank by the host's shape until the person checks more.
   */
  readonly expectedDiagnosis: ExpectedDiagnosis;
  /** Must be visited before any other case in a fresh browser (Firefox caches intermediates). */
  readonly runFirst?: boolean;
  /** Id of a case that must be visited first in the same browser (e.g. HSTS set-up). */
  readonly after?: string;
  /** Visit the plain http:// address instead (Firefox may upgrade it to https by itself). */
  readonly scheme?: 'http';
  /**
   * Firefox preferences the case needs beyond the lab's (e.g. HTTPS-Only mode). Such a case runs
   * in a Firefox of its own (test/e2e/network-situations.test.ts), not in the shared visit loop.
   */
  readonly firefoxPrefs?: Readonly<Record<string, boolean | number | string>>;
}

export interface ExpectedDiagnosis {
  readonly verdict: 'ok' | 'caution' | 'fix-here' | 'site-fault' | 'danger';
  /** '' for a page that loads (nothing to bypass). */
  readonly bypass: '' | 'never' | 'discouraged' | 'acceptable';
  /** The first cause id. */
  readonly top: string;
  /** data-product, when the issuer names a product. */
  readonly product?: string;
  /** Further cause ids that must be listed (after the first). */
  readonly includes?: readonly string[];
}

export interface LabCase extends LabCaseSpec {
  readonly port: number;
  /** Full URL to visit: https://<host>:<port><path> (http:// for a case with scheme 'http'). */
  readonly url: string;
}

/** A CA certificate the test profile must trust (certutil -t "C,,"). */
export interface TrustedRoot {
  readonly nickname: string;
  readonly pem: string;
}

/** One request a lab server received (the tests use it to prove the extension sends nothing). */
export interface LabRequest {
  readonly caseId: string;
  readonly method: string;
  readonly host: string;
  readonly path: string;
  /** For a connection a raw server read a TLS ClientHello from: the groups it offered key shares for. */
  readonly keyShareGroups?: readonly number[];
}

export interface Lab {
  readonly cases: readonly LabCase[];
  /** https URL of the index page that links every case (served with a valid certificate). */
  readonly indexUrl: string;
  /** Every host name the lab uses: the value for network.dns.localDomains. */
  readonly hosts: readonly string[];
  /**
   * The flood page (test/lab/flood.ts): 1,000 frames on distinct subdomains and 10,000 failing
   * images. Its hosts are not in `hosts`; a Firefox that loads it adds them to localDomains.
   */
  readonly flood: { readonly url: string; readonly hosts: readonly string[] };
  /** Roots to trust in the profile: the lab's test root, the simulated interception root, and roots people meet (a Russian state root, a root whose key is public). */
  readonly trustedRoots: readonly TrustedRoot[];
  /** Requests received so far, in arrival order. */
  readonly requests: readonly LabRequest[];
  byId(id: string): LabCase;
  /**
   * Makes every lab server stamp its Date header `offsetMs` earlier than the real time, as if
   * this computer's clock ran `offsetMs` ahead of the world (negative: behind). Browsers and
   * the extension see exactly what a wrong local clock would show them: local time minus
   * server time. Certificates keep their real validity, so pages still load.
   */
  simulateClientClockOffset(offsetMs: number): void;
  stop(): Promise<void>;
}
