// The history of recent incidents on the options page: each one can be opened again (the popup
// as a page, as it was diagnosed then), the list exported as JSON, or cleared.

import type { JSX } from 'preact';
import { decodeErrorNumber } from '../src/core/error-codes/decode';
import type { Translate } from '../src/shared/i18n';
import type { Incident } from '../src/storage/incident-history';
import { hostAndPortOf } from '../src/shared/url';
import { visibleLine } from '../src/shared/visible-text';

interface Props {
  readonly incidents: readonly Incident[] | null;
  readonly t: Translate;
  readonly locale: string;
  readonly onView: (id: string) => void;
  readonly onReport: (id: string) => void;
  readonly onExport: () => void;
  readonly onClear: () => void;
}

export function HistoryView({ incidents, t, locale, onView, onReport, onExport, onClear }: Props): JSX.Element {
  return (
    <section data-testid="history" data-count={incidents === null ? '' : String(incidents.length)}>
      <h2>{t('historyHeading')}</h2>
      {incidents === null ? (
        <p>…</p>
      ) : incidents.length === 0 ? (
        <p>{t('historyEmpty')}</p>
      ) : (
        <ul class="history">
          {incidents.map((incident) => (
            <li key={incident.id} data-incident={incident.id}>
              <span>{new Date(incident.at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}</span>{' '}
              <span class="technical" dir="ltr">
                {hostOf(incident.snapshot.url)}
              </span>{' '}
              <span class="technical">{codeOf(incident)}</span>{' '}
              <button
                type="button"
                data-action="view-incident"
                aria-label={t('historyViewLabel', hostOf(incident.snapshot.url))}
                onClick={() => {
                  onView(incident.id);
                }}
              >
                {t('historyView')}
              </button>{' '}
              <button
                type="button"
                data-action="report-incident"
                aria-label={t('historyReportLabel', hostOf(incident.snapshot.url))}
                onClick={() => {
                  onReport(incident.id);
                }}
              >
                {t('historyReport')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="actions">
        <button type="button" data-action="export-history" disabled={!incidents || incidents.length === 0} onClick={onExport}>
          {t('historyExport')}
        </button>
        <button type="button" data-action="clear-history" disabled={!incidents || incidents.length === 0} onClick={onClear}>
          {t('historyClear')}
        </button>
      </p>
    </section>
  );
}

function codeOf(incident: Incident): string {
  const number = incident.snapshot.failure?.errorNumber ?? null;
  return number === null ? '?' : (decodeErrorNumber(number).name ?? String(number));
}

/** A stored URL's host, shown with any invisible character named (strangers' text). */
function hostOf(url: string): string {
  return visibleLine(hostAndPortOf(url) ?? url);
}
