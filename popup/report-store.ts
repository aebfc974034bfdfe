// The report page's state in one place: the load it reports on, the report built from it in the
// chosen language, format and options, the owner's contact, and what the last action did; with
// the actions that change them. report-main.tsx wires it to Firefox and renders `state` with
// ReportView; the unit tests drive it with fakes (test/unit/report-store.test.ts).

import type { Catalogue, Language } from '../src/guide/catalogue';
import { emailOf, parseSecurityTxt, roleAddresses, securityTxtUrls, MAX_SECURITY_TXT } from '../src/report/contact';
import { reportHtml } from '../src/report/html';
import { reportJson } from '../src/report/json';
import { reportMarkdown } from '../src/report/markdown';
import { buildReport, DEFAULT_REPORT_OPTIONS, type Report, type ReportOptions } from '../src/report/report-model';
import { reportSections } from '../src/report/sections';
import { reportText } from '../src/report/text';
import type { CertificateMemory } from '../src/core/continuity/memory';
import type { Translate } from '../src/shared/i18n';
import { reportFilename, type SaveReportMessage, type SaveReportReply } from '../src/shared/save-report-message';
import type { Settings } from '../src/shared/settings';
import type { UiLanguage } from '../src/shared/ui-translator';
import { evidenceText } from './evidence-text';
import type { PopupState, PopupTarget, SnapshotView } from './popup-state';
import type { ActionStatus, ContactState, ReportFormat } from './ReportView';

const EXTENSIONS: Readonly<Record<ReportFormat, 'txt' | 'md' | 'html' | 'json'>> = {
  text: 'txt',
  markdown: 'md',
  html: 'html',
  json: 'json',
};
const MIME: Readonly<Record<ReportFormat, string>> = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  json: 'application/json',
};

export interface ReportPageState {
  /** The load reported on; null before it is read or when there is nothing to report. */
  readonly view: SnapshotView | null;
  /** Shown instead of a report: nothing recorded, nothing wrong, or what went wrong. */
  readonly unavailable: string | null;
  /** The page's own words (the person's language). */
  readonly pageT: Translate;
  readonly pageLanguage: Language;
  /** The report's language (the owner may not read the person's) and its words. */
  readonly reportLanguage: Language;
  readonly reportT: Translate;
  readonly format: ReportFormat;
  readonly options: ReportOptions;
  readonly contact: ContactState;
  readonly status: ActionStatus;
  readonly report: Report | null;
}

/** Everything the store asks of Firefox. */
export interface ReportPorts {
  readonly settings: () => Promise<Settings>;
  readonly uiLanguage: (setting: Settings['language']) => Promise<UiLanguage>;
  readonly resolve: (target: PopupTarget) => Promise<PopupState>;
  readonly loadCatalogue: (language: Language) => Promise<Catalogue>;
  readonly remembered: () => Promise<readonly CertificateMemory[]>;
  /** Asks for the optional downloads permission (must run inside the click). */
  readonly requestDownloads: () => Promise<boolean>;
  readonly send: (message: SaveReportMessage) => Promise<SaveReportReply>;
  /** The body of an https address, or null (no answer, an error status, a redirect). */
  readonly fetchText: (url: string) => Promise<string | null>;
  readonly copy: (text: string) => Promise<void>;
  readonly now: () => number;
}

export class ReportStore {
  private current: ReportPageState = {
    view: null,
    unavailable: null,
    pageT: (key) => key,
    pageLanguage: 'en',
    reportLanguage: 'en',
    reportT: (key) => key,
    format: 'text',
    options: DEFAULT_REPORT_OPTIONS,
    contact: { kind: 'idle' },
    status: { kind: 'idle' },
    report: null,
  };
  private readonly listeners: ((state: ReportPageState) => void)[] = [];

  constructor(
    private readonly target: PopupTarget,
    private readonly ports: ReportPorts,
  ) {}

  get state(): ReportPageState {
    return this.current;
  }

  subscribe(listener: (state: ReportPageState) => void): void {
    this.listeners.push(listener);
  }

  /** The report in the chosen format, as it would be copied or saved. */
  content(format: ReportFormat = this.current.format): string {
    const { report, reportT } = this.current;
    if (!report) return '';
    if (format === 'json') return reportJson(report);
    const blocks = reportSections(report, reportT);
    if (format === 'markdown') return reportMarkdown(blocks);
    if (format === 'html') return reportHtml(blocks, report.language);
    return reportText(blocks);
  }

  /** Where "Email" writes to: the site's security.txt contact, else the first guessed address. */
  emailTarget(): string {
    const { contact } = this.current;
    if (contact.kind === 'found') return contact.contacts.map(emailOf).find((e) => e !== null) ?? '';
    if (contact.kind === 'guess') return contact.addresses[0] ?? '';
    return '';
  }

  async start(): Promise<void> {
    try {
      const settings = await this.ports.settings();
      const page = await this.ports.uiLanguage(settings.language);
      this.update({
        pageT: page.t,
        pageLanguage: page.language,
        options: { ...DEFAULT_REPORT_OPTIONS, includePath: settings.reportIncludePath, includeChain: settings.reportIncludeChain },
      });
      const state = await this.ports.resolve(this.target);
      if (state.kind === 'snapshot' && state.snapshot.status !== 'loading' && state.diagnosis.verdict !== 'ok')
        this.update({ view: state });
      else this.update({ unavailable: page.t('reportNoReport') });
      await this.setLanguage(page.language);
    } catch (error) {
      this.broken(error);
    }
  }

  setFormat(format: ReportFormat): void {
    this.update({ format });
  }

  async setLanguage(language: Language): Promise<void> {
    try {
      const { t } = await this.ports.uiLanguage(language);
      this.current = { ...this.current, reportLanguage: language, reportT: t };
      await this.rebuild();
    } catch (error) {
      this.broken(error);
    }
  }

  async setOptions(options: ReportOptions): Promise<void> {
    this.current = { ...this.current, options };
    try {
      await this.rebuild();
    } catch (error) {
      this.broken(error);
    }
  }

  async copy(): Promise<void> {
    const { pageT } = this.current;
    try {
      await this.ports.copy(this.content());
      this.update({ status: { kind: 'done', message: pageT('reportCopied') } });
    } catch (error) {
      this.update({ status: { kind: 'failed', message: String(error) } });
    }
  }

  async save(): Promise<void> {
    const { report, format, pageT } = this.current;
    if (!report) return;
    // Asked for on the click itself: Firefox shows permission prompts only during user input.
    const granted = await this.ports.requestDownloads().catch(() => false);
    if (!granted) {
      this.update({ status: { kind: 'failed', message: pageT('reportSaveFailed') } });
      return;
    }
    const message: SaveReportMessage = {
      type: 'save-report',
      filename: reportFilename(report.site.host, new Date(this.ports.now()), EXTENSIONS[format]),
      content: this.content(),
      mime: MIME[format],
    };
    const reply = await this.ports
      .send(message)
      .catch((error: unknown): SaveReportReply => ({ ok: false, error: error instanceof Error ? error.message : String(error) }));
    this.update({
      status: reply.ok
        ? { kind: 'done', message: pageT('reportSaved', reply.filename) }
        : { kind: 'failed', message: `${pageT('reportSaveFailed')} ${reply.error}` },
    });
  }

  /** security.txt on the site, its www twin and parent domains, over https only; else role addresses. */
  async findContact(): Promise<void> {
    const { view } = this.current;
    if (!view) return;
    this.update({ contact: { kind: 'looking' } });
    for (const url of securityTxtUrls(view.snapshot.url)) {
      const text = await this.ports.fetchText(url).catch(() => null);
      const parsed = text === null ? null : parseSecurityTxt(text.slice(0, MAX_SECURITY_TXT + 1));
      if (parsed) {
        this.update({ contact: { kind: 'found', source: url, contacts: parsed.contacts } });
        return;
      }
    }
    this.update({ contact: { kind: 'guess', addresses: roleAddresses(view.snapshot.url) } });
  }

  private async rebuild(): Promise<void> {
    const { view, reportLanguage, reportT, options } = this.current;
    if (!view) {
      this.update({});
      return;
    }
    // A missing or broken guide file is an error the page shows (broken()), never a blank page.
    const catalogue = await this.ports.loadCatalogue(reportLanguage);
    const report = buildReport({
      snapshot: view.snapshot,
      diagnosis: view.diagnosis,
      clock: view.clock,
      environment: view.environment,
      lastGood: view.lastGood,
      remembered: await this.ports.remembered(),
      catalogue,
      evidenceText: (e) => evidenceText(e, reportT, reportLanguage),
      now: this.ports.now(),
      options,
      ...(view.served ? { served: view.served } : {}),
    });
    this.update({ report });
  }

  private broken(error: unknown): void {
    this.update({
      report: null,
      unavailable: `${this.current.pageT('popupBroken')} ${error instanceof Error ? error.message : String(error)}`,
    });
  }

  private update(change: Partial<ReportPageState>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener(this.current);
  }
}
