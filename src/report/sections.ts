// The report as a short document of blocks (headings, paragraphs, lists, code), in the order a
// busy administrator reads it: what fails and since when, what it means for the server, what
// to change, how to check, why it is not the visitor's side. Each format renders these blocks.

import type { Translate } from '../shared/i18n';
import { translateCount } from '../shared/plural';
import { isCommandHost, quotedHost } from '../shared/command-host';
import type { Report, VisitorCheck } from './report-model';
import type { ServedChainReport } from './served-chain';

export type Block =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[]; readonly ordered?: boolean }
  | { readonly kind: 'code'; readonly text: string }
  /** Cert Doctor's own links (never a stranger's text): the only links a format may make. */
  | { readonly kind: 'links'; readonly urls: readonly string[] };

export const SERVER_NAMES: Readonly<Record<string, string>> = {
  nginx: 'nginx',
  apache: 'Apache',
  caddy: 'Caddy',
  iis: 'IIS',
  certbot: "Let's Encrypt / certbot",
};

export function reportSections(report: Report, t: Translate): Block[] {
  const owner = report.audience === 'site-owner';
  const blocks: Block[] = [
    { kind: 'title', text: t(owner ? 'reportTitleOwner' : 'reportTitleIt', report.site.host) },
    { kind: 'paragraph', text: t(owner ? 'reportIntroOwner' : 'reportIntroIt', report.site.address) },
    { kind: 'heading', text: t('reportWhat') },
    { kind: 'paragraph', text: `${report.problem.title}. ${report.problem.meaning}` },
    {
      kind: 'list',
      items: [
        t('reportAddress', report.site.address),
        ...(report.problem.code ? [t('reportCode', [report.problem.code, String(report.problem.number ?? '')])] : []),
        ...(report.problem.firefoxMessage ? [t('reportFirefoxMessage', report.problem.firefoxMessage)] : []),
        t('reportSeen', [report.seen.at, report.seen.browser, report.seen.os]),
        ...(report.lastGood ? [t('reportLastGood', [report.lastGood.lastSeen, report.lastGood.issuer])] : []),
      ],
    },
  ];
  // A host that is not a valid DNS name or IP address enters no command: say so, quoted, apart.
  if (report.site.host !== '' && !isCommandHost(report.site.host))
    blocks.push({ kind: 'paragraph', text: t('reportHostNotCommand', quotedHost(report.site.host)) });
  blocks.push(...causeAndFixBlocks(report, t, owner ? 'reportFixOwner' : 'reportFixIt'));
  if (owner) {
    blocks.push({ kind: 'heading', text: t('reportVerify') });
    for (const command of report.verify.commands) blocks.push({ kind: 'code', text: command });
    if (report.verify.checkers.length > 0) blocks.push({ kind: 'links', urls: report.verify.checkers });
  }
  blocks.push(
    { kind: 'heading', text: t('reportVisitor') },
    { kind: 'list', items: report.visitorChecks.map((c) => checkLine(c, report.language, t)) },
  );
  if (report.failedParts.length > 0) {
    blocks.push(
      { kind: 'heading', text: t('reportFailedParts') },
      { kind: 'list', items: report.failedParts.map((p) => `${p.host} (${p.type}, ×${p.count}): ${p.error}`) },
    );
  }
  if (report.certificates.length > 0) {
    blocks.push(
      { kind: 'heading', text: t('reportCertificates') },
      {
        kind: 'list',
        items: report.certificates.map((c) => t('reportCertificateLine', [c.subject, c.issuer, c.notBefore, c.notAfter, c.sha256])),
      },
    );
  }
  if (report.chainPem) blocks.push({ kind: 'heading', text: t('reportChain') }, { kind: 'code', text: report.chainPem.trimEnd() });
  if (report.servedChain) blocks.push(...servedBlocks(report.servedChain, t));
  if (report.note) blocks.push({ kind: 'heading', text: t('reportNote') }, { kind: 'paragraph', text: report.note });
  blocks.push({ kind: 'paragraph', text: t('reportFooter', report.generatedAt) });
  return blocks;
}

/**
 * The likely cause with its evidence, the other possible ones, and what to change (the steps,
 * then each server's), under `fixHeading`: shared by the report and `cert-doctor check`.
 */
export function causeAndFixBlocks(report: Report, t: Translate, fixHeading: string): Block[] {
  const blocks: Block[] = [];
  const [top, ...others] = report.causes;
  if (top) {
    blocks.push({ kind: 'heading', text: t('reportCause') }, { kind: 'paragraph', text: `${top.title}: ${top.summary}` });
    if (top.evidence.length > 0) blocks.push({ kind: 'list', items: top.evidence });
    if (others.length > 0) blocks.push({ kind: 'paragraph', text: t('reportOtherCauses', others.map((c) => c.title).join('; ')) });
  }
  if (report.fix.steps.length > 0 || Object.keys(report.fix.servers).length > 0) {
    blocks.push({ kind: 'heading', text: t(fixHeading) });
    if (report.fix.steps.length > 0) blocks.push({ kind: 'list', items: report.fix.steps, ordered: true });
    for (const [server, steps] of Object.entries(report.fix.servers)) {
      blocks.push({ kind: 'paragraph', text: `${SERVER_NAMES[server] ?? server}:` }, { kind: 'list', items: steps });
    }
  }
  return blocks;
}

/** The chain the server sends (to the companion, or to `cert-doctor check`): a line per certificate, then the PEM. */
export function servedBlocks(served: ServedChainReport, t: Translate): Block[] {
  const lines = served.certificates.map((c) =>
    t('reportServedCertificateLine', [
      c.subject,
      c.issuer,
      c.notBefore,
      c.notAfter,
      c.names.length > 0 ? c.names.join(', ') : t('reportServedNoNames'),
    ]),
  );
  if (served.missingIssuer !== null) lines.push(t('reportServedMissingIssuer', served.missingIssuer));
  const blocks: Block[] = [
    { kind: 'heading', text: t('reportServedChain', served.at) },
    { kind: 'list', items: lines },
  ];
  if (served.pem) blocks.push({ kind: 'heading', text: t('reportServedChainPem') }, { kind: 'code', text: served.pem.trimEnd() });
  return blocks;
}

/** A check with a count ("compared with 3 other websites") takes the count's plural form. */
function checkLine(check: VisitorCheck, language: string, t: Translate): string {
  const key = checkKey(check.id, check.result);
  return COUNTED_CHECKS.has(key) ? translateCount(t, language, key, check.value, [String(check.value)]) : t(key);
}

const COUNTED_CHECKS = new Set(['reportCheckClockPassed', 'reportCheckClockFailed', 'reportCheckOtherSitesPassed']);

function checkKey(id: string, result: string): string {
  const name = id === 'clock' ? 'Clock' : id === 'interception' ? 'Interception' : 'OtherSites';
  const outcome = result === 'passed' ? 'Passed' : result === 'failed' ? 'Failed' : 'Unknown';
  return `reportCheck${name}${outcome}`;
}
