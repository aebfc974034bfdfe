// What `cert-doctor check` prints: its verdict and findings, the chain the server sends, and the
// extension's own diagnosis and report of the same facts (the check's prediction made into a
// TabSnapshot, then diagnose() and buildReport() as the popup and the report page run them).
// Pure: the measurements and the prediction are inputs; the formats are the report's renderers.

import type { Measurements } from '../check/measurements';
import type { Prediction } from '../check/predict';
import { siteUrl, snapshotOfPrediction } from '../check/check-snapshot';
import { diagnose } from '../diagnosis/diagnose';
import type { CliLanguage } from './arguments';
import { buildReport, DEFAULT_REPORT_OPTIONS, type Report } from '../report/report-model';
import { reportMarkdown } from '../report/markdown';
import { causeAndFixBlocks, servedBlocks, type Block } from '../report/sections';
import type { ServedChainReport } from '../report/served-chain';
import { servedView, type ServedView } from '../views/served-facts';
import { COMPANION_PROTOCOL_VERSION, SERVED_CHAIN_REPLY } from '../shared/served-chain';
import { reportText } from '../report/text';
import type { Translate } from '../shared/i18n';
import { visibleLine } from '../shared/visible-text';
import { evidenceText } from '../../popup/evidence-text';
import { catalogueFor, translatorFor } from './bundled-words';
import type { OutputFormat } from './arguments';
import { CHECK_WORDS } from './check-words';

export const CHECK_RESULT_KIND = 'cert-doctor/check';
export const CHECK_RESULT_VERSION = 1;

/** How many connections measureSite makes when it reaches the server (check-site.ts). */
export function connectionCount(measurements: Measurements): number {
  if (measurements.firefoxLike.failure?.kind === 'dns') return 0;
  if (measurements.versions.length === 0) return 1;
  return (
    1 +
    measurements.versions.length +
    (measurements.postQuantum === null ? 0 : 1) +
    (measurements.versions.some((v) => v.version === 'TLSv1.2' && v.accepted) ? 1 : 0)
  );
}

export interface CheckOutputInput {
  readonly measurements: Measurements;
  readonly prediction: Prediction;
  readonly format: OutputFormat;
  readonly language: CliLanguage;
}

export interface CheckJson {
  readonly kind: typeof CHECK_RESULT_KIND;
  readonly version: typeof CHECK_RESULT_VERSION;
  readonly site: { readonly host: string; readonly port: number; readonly url: string };
  readonly at: string;
  readonly firefox: {
    readonly status: Prediction['status'];
    readonly code: string | null;
    readonly number: number | null;
    readonly certainty: Prediction['certainty'];
    /** Why the certainty is what it is, in the output's language. */
    readonly certaintyReason: string;
  };
  readonly findings: readonly string[];
  readonly tlsVersions: readonly { readonly version: string; readonly accepted: boolean }[];
  readonly postQuantumHello: string | null;
  /** The chain the server sends, as the extension's report shows the companion's (null when none was seen). */
  readonly servedChain: ServedChainReport | null;
  readonly report: Report | null;
  readonly networkUse: string;
}

export function renderCheck(input: CheckOutputInput): string {
  const { measurements, prediction, language } = input;
  const words = CHECK_WORDS[language];
  const t = translatorFor(language);
  const report = prediction.status === 'unchecked' ? null : reportOf(input, t);
  const servedChain = report?.servedChain ?? null;
  const findings = prediction.findings.flatMap((finding) => {
    const line = words.finding(finding);
    return line === null ? [] : [visibleLine(line, 2000)];
  });
  const network = words.network(visibleLine(measurements.host, 260), measurements.port, connectionCount(measurements));
  if (input.format === 'json') {
    const json: CheckJson = {
      kind: CHECK_RESULT_KIND,
      version: CHECK_RESULT_VERSION,
      site: { host: visibleLine(measurements.host, 260), port: measurements.port, url: siteUrl(measurements.host, measurements.port) },
      at: new Date(measurements.at).toISOString(),
      firefox: {
        status: prediction.status,
        code: prediction.code,
        number: prediction.number,
        certainty: prediction.certainty,
        certaintyReason: prediction.status === 'unchecked' ? words.unchecked : words.certainty[prediction.certainty],
      },
      findings,
      tlsVersions: measurements.versions.map((v) => ({ version: v.version, accepted: v.accepted })),
      postQuantumHello: measurements.postQuantum,
      servedChain,
      report,
      networkUse: network,
    };
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  const verdict =
    prediction.status === 'loads' ? words.loads : prediction.status === 'refused' ? words.refused(prediction.code ?? '') : words.unchecked;
  const blocks: Block[] = [
    { kind: 'title', text: words.title(visibleLine(siteUrl(measurements.host, measurements.port), 300)) },
    { kind: 'paragraph', text: prediction.status === 'unchecked' ? verdict : `${verdict} ${words.certainty[prediction.certainty]}` },
    { kind: 'heading', text: words.findingsHeading },
    { kind: 'list', items: findings },
  ];
  if (report) blocks.push(...reportBlocks(report, t));
  // The certificates as sent, by the report's own section (the one the extension's report uses
  // for the companion's answer): a line per certificate, the missing issuer, the PEM.
  if (servedChain) blocks.push(...servedBlocks(servedChain, t));
  blocks.push({ kind: 'paragraph', text: network });
  return input.format === 'markdown' ? reportMarkdown(blocks) : reportText(blocks);
}

function reportOf(input: CheckOutputInput, t: Translate): Report {
  const { measurements, prediction, language } = input;
  const served = measurements.firefoxLike;
  const snapshot = snapshotOfPrediction(prediction, measurements.host, measurements.port, measurements.at, served.protocol, served.cipher);
  const environment = { os: '', firefoxVersion: '153' };
  const diagnosis = diagnose(
    snapshot,
    {
      os: null,
      firefoxVersion: environment.firefoxVersion,
      captivePortal: null,
      clock: null,
      now: measurements.at,
      warnBeforeExpiry: true,
    },
    { lastGood: null, remembered: [], probes: {} },
  );
  return buildReport({
    snapshot,
    diagnosis,
    clock: null,
    environment,
    lastGood: null,
    remembered: [],
    catalogue: catalogueFor(language),
    evidenceText: (evidence) => evidenceText(evidence, t, language),
    now: measurements.at,
    options: { ...DEFAULT_REPORT_OPTIONS, includeChain: true },
    ...sentChain(input),
  });
}

/** What the server sent, as the extension's report shows what the companion received. */
function sentChain({ measurements, prediction }: CheckOutputInput): { readonly served?: ServedView } {
  const sent = measurements.firefoxLike;
  const view = servedView({
    kind: 'chain',
    chain: {
      kind: SERVED_CHAIN_REPLY,
      version: COMPANION_PROTOCOL_VERSION,
      host: measurements.host,
      port: measurements.port,
      at: measurements.at,
      certificates: prediction.certificates,
      protocol: sent.protocol,
      cipher: sent.cipher,
      ocspStapled: sent.ocspStapled,
      failure: null,
    },
  });
  return view ? { served: view } : {};
}

/**
 * The parts of the shared report that speak to the site's owner: what the code means, the likely
 * cause, what to change and how to check it, and the chain. The visitor-side checks are left out:
 * no visitor was involved.
 */
function reportBlocks(report: Report, t: Translate): Block[] {
  const blocks: Block[] = [];
  if (report.problem.code) {
    blocks.push(
      { kind: 'heading', text: t('reportWhat') },
      { kind: 'paragraph', text: `${report.problem.title}. ${report.problem.meaning}` },
    );
  }
  blocks.push(...causeAndFixBlocks(report, t, 'reportFixOwner'));
  if (report.verify.commands.length > 0) {
    blocks.push({ kind: 'heading', text: t('reportVerify') });
    for (const command of report.verify.commands) blocks.push({ kind: 'code', text: command });
    if (report.verify.checkers.length > 0) blocks.push({ kind: 'links', urls: report.verify.checkers });
  }
  return blocks;
}
