// The report page: who can fix it, the choices (format, language, what to include, a note),
// a preview of exactly what will be shared, and the ways to share it (copy, save, an email
// draft to the site's contact, which the person can look up). A pure function of its props.

import type { JSX } from 'preact';
import type { Report, ReportOptions } from '../src/report/report-model';
import type { Translate } from '../src/shared/i18n';
import { visibleLine } from '../src/shared/visible-text';
import { Check, LanguageOptions } from './controls';

export type ReportFormat = 'text' | 'markdown' | 'html' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'html', 'json'];

export type ContactState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'looking' }
  | { readonly kind: 'found'; readonly source: string; readonly contacts: readonly string[] }
  | { readonly kind: 'guess'; readonly addresses: readonly string[] };

export type ActionStatus =
  { readonly kind: 'idle' } | { readonly kind: 'done'; readonly message: string } | { readonly kind: 'failed'; readonly message: string };

export interface ReportViewProps {
  readonly report: Report | null;
  /** Shown instead of the report when there is none (nothing recorded, nothing wrong). */
  readonly unavailable: string | null;
  readonly format: ReportFormat;
  readonly content: string;
  readonly options: ReportOptions;
  readonly language: string;
  readonly contact: ContactState;
  /** mailto: link for the email draft. */
  readonly emailHref: string;
  readonly emailTo: string;
  readonly status: ActionStatus;
  readonly t: Translate;
  readonly onFormat: (format: ReportFormat) => void;
  readonly onLanguage: (language: string) => void;
  readonly onOptions: (options: ReportOptions) => void;
  readonly onCopy: () => void;
  readonly onSave: () => void;
  readonly onFindContact: () => void;
}

const FORMAT_LABELS: Readonly<Record<ReportFormat, string>> = {
  text: 'reportFormatText',
  markdown: 'reportFormatMarkdown',
  html: 'reportFormatHtml',
  json: 'reportFormatJson',
};

export function ReportView(props: ReportViewProps): JSX.Element {
  const { report, t, options } = props;
  return (
    <main
      data-testid="report"
      data-ready={report || props.unavailable ? 'true' : 'false'}
      data-format={props.format}
      data-audience={report?.audience ?? ''}
    >
      <header class="app-header">
        <h1 class="app-title">
          {t('extensionName')}: {t('reportPageTitle')}
        </h1>
        {report && (
          <p class="site" dir="ltr">
            {report.site.host}
          </p>
        )}
      </header>
      {!report ? (
        <p>{props.unavailable ?? '…'}</p>
      ) : (
        <>
          <p>
            {t('reportFor')} <strong>{t(report.audience === 'site-owner' ? 'reportForOwner' : 'reportForIt')}</strong>
          </p>
          <p class="hint">{t('reportNothingSent')}</p>
          <fieldset>
            <label>
              {t('reportFormat')}{' '}
              <select
                data-testid="report-format"
                value={props.format}
                onChange={(e) => {
                  props.onFormat(e.currentTarget.value as ReportFormat);
                }}
              >
                {REPORT_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t(FORMAT_LABELS[f])}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('reportLanguage')}{' '}
              <select
                data-testid="report-language"
                value={props.language}
                onChange={(e) => {
                  props.onLanguage(e.currentTarget.value);
                }}
              >
                <LanguageOptions />
              </select>
            </label>
            <Check
              label={t('reportIncludePath')}
              testId="report-include-path"
              checked={options.includePath}
              onChange={(v) => {
                props.onOptions({ ...options, includePath: v, includeQuery: v && options.includeQuery });
              }}
            />
            <Check
              label={t('reportIncludeQuery')}
              testId="report-include-query"
              checked={options.includeQuery}
              disabled={!options.includePath}
              onChange={(v) => {
                props.onOptions({ ...options, includeQuery: v });
              }}
            />
            <Check
              label={t('reportIncludeChain')}
              testId="report-include-chain"
              checked={options.includeChain}
              onChange={(v) => {
                props.onOptions({ ...options, includeChain: v });
              }}
            />
            <label>
              {t('reportNoteLabel')}
              <textarea
                data-testid="report-note"
                rows={3}
                value={options.note}
                onInput={(e) => {
                  props.onOptions({ ...options, note: e.currentTarget.value });
                }}
              />
            </label>
          </fieldset>
          <div class="actions">
            <button type="button" data-action="copy-report" onClick={props.onCopy}>
              {t('reportCopy')}
            </button>
            <button type="button" data-action="save-report" onClick={props.onSave}>
              {t('reportSave')}
            </button>
            <a class="button-link" data-action="email-report" href={props.emailHref}>
              {props.emailTo ? t('reportEmailTo', props.emailTo) : t('reportEmail')}
            </a>
            <button type="button" data-action="find-contact" disabled={props.contact.kind === 'looking'} onClick={props.onFindContact}>
              {t('reportFindContact')}
            </button>
          </div>
          <p role="status" data-testid="report-status" data-status={props.status.kind}>
            {props.status.kind === 'idle' ? '' : props.status.message}
          </p>
          <Contact contact={props.contact} t={t} />
          <h2>{t('reportPreview')}</h2>
          <pre class="report-preview" data-testid="report-preview" tabIndex={0}>
            {props.content}
          </pre>
        </>
      )}
    </main>
  );
}

function Contact({ contact, t }: { contact: ContactState; t: Translate }): JSX.Element | null {
  if (contact.kind !== 'found' && contact.kind !== 'guess') return null;
  // What a site's security.txt says is a stranger's text: shown with invisible characters named.
  const [intro, items] =
    contact.kind === 'found'
      ? [t('reportContactFound', visibleLine(contact.source)), contact.contacts.map((c) => visibleLine(c))]
      : [t('reportContactGuess'), contact.addresses];
  return (
    <div data-testid="contact" data-contact={contact.kind}>
      <p>{intro}</p>
      <ul>
        {items.map((item) => (
          <li key={item} class="technical" dir="ltr">
            {item}
          </li>
        ))}
      </ul>
    </div>
  );
}
