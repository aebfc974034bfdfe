// The report for whoever can fix the problem: the site's owner, or (when the cause is on the
// visitor's side) their IT department. A pure function of what the popup knows; every format
// (text.ts, markdown.ts, html.ts, json.ts) renders this one model, so they say the same thing.
// What leaves is only what is in here: the site's origin (path and query only if the person
// includes them), Firefox's version and the OS name; never an IP address or other tabs.

import { DAY_MS } from '../core/time-units';
import { siteChain } from '../shared/chain-sender';
import { decodeErrorNumber } from '../core/error-codes/decode';
import type { SkewEstimate } from '../core/clock/skew';
import type { CertificateMemory } from '../core/continuity/memory';
import { derToPem } from '../core/certificate/pem';
import { base64ToBytes } from '../core/encoding/base64';
import { readClock } from '../diagnosis/clock-evidence';
import { INTERCEPTION_MEMORY_MS, productsSeenRecently } from '../diagnosis/interception-seen';
import type { Diagnosis, Evidence } from '../diagnosis/types';
import { audienceFor, type Audience } from './audience';
import type { Catalogue, ServerKey } from '../guide/catalogue';
import { fillEach, fillPlaceholders } from '../guide/fill';
import { siteAddress, sslLabsCanTest, textValues, type Facts } from '../guide/text-values';
import type { TabSnapshot } from '../shared/tab-snapshot';
import { isCommandHost } from '../shared/command-host';
import { cleanLine, cleanText } from './sanitize';
import { servedChainReport, type ServedChainReport } from './served-chain';
import type { ServedView } from '../views/served-facts';

export const REPORT_SCHEMA_ID = 'https://cert-doctor.net/schemas/report-1.json';
export const REPORT_VERSION = 1;

export type { Audience } from './audience';

export interface ReportOptions {
  /** Include the page's path (never by default: paths can be private). */
  readonly includePath: boolean;
  /** Include the query string and fragment as well (never by default: they can hold tokens). */
  readonly includeQuery: boolean;
  /** Include the certificate chain in PEM, when Cert Doctor has it. */
  readonly includeChain: boolean;
  readonly note: string;
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = { includePath: false, includeQuery: false, includeChain: true, note: '' };

export interface ReportInput {
  readonly snapshot: TabSnapshot;
  readonly diagnosis: Diagnosis;
  readonly clock: SkewEstimate | null;
  readonly environment: { readonly os: string; readonly firefoxVersion: string } | null;
  readonly lastGood: CertificateMemory | null;
  readonly remembered: readonly CertificateMemory[];
  readonly catalogue: Catalogue;
  /** Words for evidence lines, in the report's language. */
  readonly evidenceText: (evidence: Evidence) => string;
  readonly now: number;
  readonly options: ReportOptions;
  /** What the companion received from the server, when the person asked it (served-chain.ts). */
  readonly served?: ServedView;
}

export type CheckResult = 'passed' | 'failed' | 'unknown';

export interface VisitorCheck {
  readonly id: 'clock' | 'interception' | 'other-sites';
  readonly result: CheckResult;
  /** For 'other-sites': how many sites worked today; for 'clock': how many sites were compared; else 0. */
  readonly value: number;
}

export interface ReportCertificate {
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly sha256: string;
  readonly builtInRoot: boolean;
}

export interface Report {
  readonly $schema: typeof REPORT_SCHEMA_ID;
  readonly version: typeof REPORT_VERSION;
  readonly language: string;
  readonly audience: Audience;
  readonly generatedAt: string;
  readonly site: { readonly origin: string; readonly address: string; readonly host: string; readonly port: number };
  readonly seen: { readonly at: string; readonly browser: string; readonly os: string };
  readonly problem: {
    readonly status: 'failed' | 'loaded';
    readonly code: string | null;
    readonly number: number | null;
    readonly title: string;
    readonly meaning: string;
    readonly firefoxMessage: string | null;
  };
  readonly verdict: Diagnosis['verdict'];
  readonly bypass: { readonly rule: string; readonly reason: string } | null;
  readonly causes: readonly {
    readonly id: string;
    readonly title: string;
    readonly confidence: string;
    readonly summary: string;
    readonly evidence: readonly string[];
  }[];
  readonly fix: {
    readonly title: string;
    readonly steps: readonly string[];
    readonly servers: Readonly<Partial<Record<ServerKey, readonly string[]>>>;
  };
  readonly verify: { readonly commands: readonly string[]; readonly checkers: readonly string[] };
  readonly visitorChecks: readonly VisitorCheck[];
  readonly failedParts: readonly { readonly host: string; readonly type: string; readonly count: number; readonly error: string }[];
  readonly certificates: readonly ReportCertificate[];
  readonly chainPem: string | null;
  /** The last valid certificate this browser saw for the site: "it worked until then". */
  readonly lastGood: { readonly issuer: string; readonly lastSeen: string } | null;
  readonly note: string | null;
  /** The chain the server sends, as the companion received it: present only when it did. */
  readonly servedChain?: ServedChainReport;
}

const SERVERS: readonly ServerKey[] = ['nginx', 'apache', 'caddy', 'iis', 'certbot'];

export function buildReport(input: ReportInput): Report {
  const { snapshot, diagnosis, catalogue, now, options } = input;
  const url = safeUrl(snapshot.url);
  const site = siteAddress(snapshot.url);
  const host = site?.host ?? '';
  const port = site?.port ?? 443;
  const top = diagnosis.causes[0];
  const audience = audienceFor(diagnosis);
  const number = snapshot.failure?.errorNumber ?? null;
  const decoded = number === null ? null : decodeErrorNumber(number);
  const codeText = catalogue.code(decoded?.name ?? null, decoded?.family ?? 'unknown');
  const fixText = top ? catalogue.cause(top.id) : null;
  // Only the site's own chain: after a redirect, the one kept may be the redirecting host's.
  const certificates = siteChain(snapshot);
  const failedParts = (snapshot.subresourceFailures ?? []).map((f) => ({
    host: cleanLine(f.host),
    type: cleanLine(f.type, 40),
    count: f.count,
    error: cleanLine(f.error),
  }));
  const lastGood = input.lastGood ? { issuer: cleanLine(input.lastGood.issuer), lastSeen: iso(input.lastGood.lastSeen) } : null;
  // What this report will contain: a sentence that points at one of these is said only when it holds.
  const facts: Facts = {
    certificates: options.includeChain && certificates.length > 0,
    code: Boolean(decoded?.name),
    lastGood: lastGood !== null,
    failedParts: failedParts.length > 0,
    sslLabs: sslLabsCanTest(host, port),
    clock: input.clock !== null,
  };
  const previous = snapshot.certificateChange?.previous ?? input.lastGood;
  const values = textValues({
    url: snapshot.url,
    diagnosis,
    previous: previous ? { issuer: cleanLine(previous.issuer), lastSeen: previous.lastSeen } : null,
    formatDate: (ms) => iso(ms).slice(0, 10),
    facts,
  });
  const servers: Partial<Record<ServerKey, readonly string[]>> = {};
  for (const server of SERVERS) {
    const steps = fillEach(fixText?.owner[server] ?? [], values);
    if (steps.length > 0) servers[server] = steps;
  }
  return {
    $schema: REPORT_SCHEMA_ID,
    version: REPORT_VERSION,
    language: catalogue.language,
    audience,
    generatedAt: iso(now),
    site: { origin: url ? cleanLine(url.origin) : '', address: url ? cleanLine(address(url, options)) : '', host: cleanLine(host), port },
    seen: {
      at: iso(snapshot.failure?.at ?? snapshot.startedAt),
      browser: input.environment ? `Firefox ${cleanLine(input.environment.firefoxVersion, 40)}` : 'Firefox',
      os: cleanLine(input.environment?.os ?? '', 40),
    },
    problem: {
      status: snapshot.status === 'failed' ? 'failed' : 'loaded',
      code: decoded?.name ?? null,
      // Firefox gives whole numbers; anything else (a corrupted record) is no number at all.
      number: decoded && Number.isSafeInteger(decoded.number) ? decoded.number : null,
      title: fillPlaceholders(codeText.title, values),
      // What the code tells an administrator (the visitor's explanation is in the popup).
      meaning: fillPlaceholders(catalogue.codeForOwner(decoded?.name ?? null, decoded?.family ?? 'unknown'), values),
      firefoxMessage: snapshot.failure ? cleanLine(snapshot.failure.rawError) : null,
    },
    verdict: diagnosis.verdict,
    bypass: diagnosis.bypass ? { rule: diagnosis.bypass.rule, reason: diagnosis.bypass.reason } : null,
    causes: diagnosis.causes.slice(0, 4).map((cause) => ({
      id: cause.id,
      title: fillPlaceholders(catalogue.cause(cause.id).title, values),
      confidence: cause.confidence,
      summary: fillPlaceholders(catalogue.cause(cause.id).summary, values),
      evidence: cause.evidence.map((e) => cleanLine(input.evidenceText(e))),
    })),
    fix: {
      title: fixText ? fillPlaceholders(fixText.title, values) : '',
      steps: fillEach(fixText?.owner.general ?? [], values),
      servers,
    },
    verify: verification(host, port),
    visitorChecks: visitorChecks(input),
    failedParts,
    certificates: options.includeChain
      ? certificates.map((c) => ({
          subject: cleanLine(c.subject),
          issuer: cleanLine(c.issuer),
          notBefore: iso(c.notBefore),
          notAfter: iso(c.notAfter),
          sha256: cleanLine(c.sha256, 100),
          builtInRoot: c.isBuiltInRoot,
        }))
      : [],
    chainPem: options.includeChain ? chainPem(certificates.map((c) => c.derBase64)) : null,
    lastGood,
    note: options.note.trim() ? cleanText(options.note.trim()) : null,
    ...servedPart(input.served, options.includeChain),
  };
}

function servedPart(served: ServedView | undefined, includeChain: boolean): Pick<Report, 'servedChain'> {
  const servedChain = servedChainReport(served, includeChain);
  return servedChain ? { servedChain } : {};
}

function address(url: URL, options: ReportOptions): string {
  if (!options.includePath) return url.origin;
  return options.includeQuery ? url.href : `${url.origin}${url.pathname}`;
}

/**
 * How the owner checks the fix: openssl from anywhere; SSL Labs only sees public hosts on 443.
 * Only a valid DNS name or IP address is written into a command (command-host.ts); for any other
 * host the report gives none and says so (sections.ts).
 */
function verification(host: string, port: number): Report['verify'] {
  if (!isCommandHost(host)) return { commands: [], checkers: [] };
  const commands = [`openssl s_client -connect ${host}:${port} -servername ${host} -showcerts </dev/null`];
  return {
    commands,
    checkers: sslLabsCanTest(host, port) ? [`https://www.ssllabs.com/ssltest/analyze.html?d=${encodeURIComponent(host)}`] : [],
  };
}

function visitorChecks(input: ReportInput): VisitorCheck[] {
  const reading = readClock(input.clock);
  const clockCheck: VisitorCheck = {
    id: 'clock',
    result: reading === 'unknown' ? 'unknown' : reading === 'right' ? 'passed' : 'failed',
    value: input.clock?.hosts ?? 0,
  };
  const intercepted = productsSeenRecently(input.remembered, input.now).length > 0;
  const builtIn = input.remembered.filter((m) => m.rootBuiltIn && input.now - m.lastSeen <= INTERCEPTION_MEMORY_MS).length;
  const interception: VisitorCheck = {
    id: 'interception',
    result: intercepted || input.diagnosis.product ? 'failed' : builtIn > 0 ? 'passed' : 'unknown',
    value: 0,
  };
  const okToday = input.remembered.filter((m) => input.now - m.lastSeen <= DAY_MS).length;
  return [clockCheck, interception, { id: 'other-sites', result: okToday > 0 ? 'passed' : 'unknown', value: okToday }];
}

function chainPem(ders: readonly string[]): string | null {
  const pems = ders.filter((d) => d !== '').map((d) => derToPem(base64ToBytes(d)));
  return pems.length > 0 ? pems.join('') : null;
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function iso(ms: number): string {
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : '';
}
