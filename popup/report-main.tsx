// Entry point of the report page (report.html?tabId=N, ?url=U or ?incident=ID, opened from the
// popup or the options' history). Builds the report from the same diagnosis the popup shows,
// lets the person choose what to include and how to share it, and sends nothing by itself.

import browser from 'webextension-polyfill';
import { render } from 'preact';
import type { Language } from '../src/guide/catalogue';
import { loadCatalogue } from '../src/guide/guide-loader';
import { emailOf, mailtoUrl, parseSecurityTxt, roleAddresses, securityTxtUrls, MAX_SECURITY_TXT } from '../src/report/contact';
import { reportHtml } from '../src/report/html';
import { reportJson } from '../src/report/json';
import { reportMarkdown } from '../src/report/markdown';
import { buildReport, DEFAULT_REPORT_OPTIONS, type Report, type ReportOptions } from '../src/report/report-model';
import { reportSections } from '../src/report/sections';
import { reportText } from '../src/report/text';
import type { Translate } from '../src/shared/i18n';
import { reportFilename, type SaveReportMessage, type SaveReportReply } from '../src/shared/save-report-message';
import { send } from '../src/shared/messages';
import { uiLanguage } from '../src/shared/ui-translator';
import { readSettings } from './browser-source';
import { browserSource } from '../src/views/browser-source';
import { resolvePopupState } from '../src/views/resolve-view';
import { evidenceText } from './evidence-text';
import { targetFromQuery, type SnapshotView } from './popup-state';
import { ReportView, type ActionStatus, type ContactState, type ReportFormat } from './ReportView';

const EXTENSIONS: Readonly<Record<ReportFormat, 'txt' | 'md' | 'html' | 'json'>> = { text: 'txt', markdown: 'md', html: 'html', json: 'json' };
const MIME: Readonly<Record<ReportFormat, string>> = { text: 'text/plain', markdown: 'text/markdown', html: 'text/html', json: 'application/json' };

const root = document.getElementById('app');
const source = browserSource(browser);
let view: SnapshotView | null = null;
let unavailable: string | null = null;
let pageT: Translate = (key) => key;
let reportLanguage: Language = 'en';
let reportT: Translate = (key) => key;
let format: ReportFormat = 'text';
let options: ReportOptions = DEFAULT_REPORT_OPTIONS;
let contact: ContactState = { kind: 'idle' };
let status: ActionStatus = { kind: 'idle' };
let report: Report | null = null;

async function setReportLanguage(language: Language): Promise<void> {
  reportLanguage = language;
  reportT = (await uiLanguage(browser, language)).t;
  await rebuild();
}

async function rebuild(): Promise<void> {
  if (!view) { show(); return; }
  const catalogue = await loadCatalogue(reportLanguage, (path) => browser.runtime.getURL(path));
  const t = reportT;
  report = buildReport({
    snapshot: view.snapshot,
    diagnosis: view.diagnosis,
    clock: view.clock,
    environment: view.environment,
    lastGood: view.lastGood,
    remembered: await source.remembered(),
    catalogue,
    evidenceText: (e) => evidenceText(e, t, reportLanguage),
    now: Date.now(),
    options,
  });
  show();
}

function contents(current: Report, chosen: ReportFormat): string {
  if (chosen === 'json') return reportJson(current);
  const blocks = reportSections(current, reportT);
  if (chosen === 'markdown') return reportMarkdown(blocks);
  if (chosen === 'html') return reportHtml(blocks, current.language);
  return reportText(blocks);
}

function emailTarget(): string {
  if (contact.kind === 'found') return contact.contacts.map(emailOf).find((e) => e !== null) ?? '';
  if (contact.kind === 'guess') return contact.addresses[0] ?? '';
  return '';
}

function show(): void {
  if (!root) return;
  const content = report ? contents(report, format) : '';
  const to = emailTarget();
  const subject = report ? reportT(report.audience === 'site-owner' ? 'reportTitleOwner' : 'reportTitleIt', report.site.host) : '';
  render(
    <ReportView
      report={report}
      unavailable={unavailable}
      format={format}
      content={content}
      options={options}
      language={reportLanguage}
      contact={contact}
      emailHref={report ? mailtoUrl(to, subject, contents(report, 'text')) : '#'}
      emailTo={to}
      status={status}
      t={pageT}
      onFormat={(f) => {
        format = f;
        show();
      }}
      onLanguage={(l) => void setReportLanguage(l === 'ru' ? 'ru' : 'en')}
      onOptions={(o) => {
        options = o;
        void rebuild();
      }}
      onCopy={() => {
        navigator.clipboard
          .writeText(content)
          .then(() => { setStatus({ kind: 'done', message: pageT('reportCopied') }); })
          .catch((error: unknown) => { setStatus({ kind: 'failed', message: String(error) }); });
      }}
      onSave={() => void save(content)}
      onFindContact={() => void findContact()}
    />,
    root,
  );
}

function setStatus(next: ActionStatus): void {
  status = next;
  show();
}

async function save(content: string): Promise<void> {
  if (!report) return;
  // Asked for on the click itself: Firefox shows permission prompts only during user input.
  const granted = await browser.permissions.request({ permissions: ['downloads'] }).catch(() => false);
  if (!granted) { setStatus({ kind: 'failed', message: pageT('reportSaveFailed') }); return; }
  const message: SaveReportMessage = { type: 'save-report', filename: reportFilename(report.site.host, new Date(), EXTENSIONS[format]), content, mime: MIME[format] };
  const reply = await send((m) => browser.runtime.sendMessage(m), message).catch((error: unknown): SaveReportReply => ({ ok: false, error: error instanceof Error ? error.message : String(error) }));
  setStatus(reply.ok ? { kind: 'done', message: pageT('reportSaved', reply.filename) } : { kind: 'failed', message: `${pageT('reportSaveFailed')} ${reply.error}` });
}

/** security.txt on the site, its www twin and parent domains, over https only; else role addresses. */
async function findContact(): Promise<void> {
  if (!view) return;
  contact = { kind: 'looking' };
  show();
  for (const url of securityTxtUrls(view.snapshot.url)) {
    try {
      const response = await fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'error' });
      if (!response.ok) continue;
      const parsed = parseSecurityTxt((await response.text()).slice(0, MAX_SECURITY_TXT + 1));
      if (parsed) {
        contact = { kind: 'found', source: url, contacts: parsed.contacts };
        show(); return;
      }
    } catch {
      // Not reachable over a valid https connection: try the next place.
    }
  }
  contact = { kind: 'guess', addresses: roleAddresses(view.snapshot.url) };
  show();
}

async function start(): Promise<void> {
  const settings = await readSettings(browser);
  const page = await uiLanguage(browser, settings.language);
  pageT = page.t;
  document.documentElement.lang = page.language;
  options = { ...DEFAULT_REPORT_OPTIONS, includePath: settings.reportIncludePath, includeChain: settings.reportIncludeChain };
  const state = await resolvePopupState(targetFromQuery(location.search), source);
  if (state.kind === 'snapshot' && state.snapshot.status !== 'loading' && state.diagnosis.verdict !== 'ok') view = state;
  else unavailable = pageT('reportNoReport');
  await setReportLanguage(page.language);
}

show();
start().catch((error: unknown) => {
  unavailable = `${pageT('popupBroken')} ${error instanceof Error ? error.message : String(error)}`;
  show();
});
