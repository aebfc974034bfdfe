// The popup's view: a pure function of the state and the translator. Everything that comes
// from a site (URL, Firefox's message) is rendered as text by Preact, never as HTML.

import type { JSX } from 'preact';
import { decodeErrorNumber, type DecodedError } from '../src/core/error-codes/decode';
import type { Translate } from '../src/shared/i18n';
import type { TabSnapshot } from '../src/shared/tab-snapshot';
import { CapturedFacts } from './CapturedFacts';
import type { PopupState } from './popup-state';

interface Props {
  readonly state: PopupState;
  readonly t: Translate;
  readonly locale?: string;
  readonly onReload?: (tabId: number) => void;
  readonly onOpen?: (url: string) => void;
}

/** The code name shown to tests in data-code: the Firefox name, the bare number, or "". */
export function codeAttribute(snapshot: TabSnapshot): string {
  const failure = snapshot.failure;
  if (snapshot.status !== 'failed' || !failure) return '';
  if (failure.errorNumber === null) return 'UNKNOWN';
  return decodeErrorNumber(failure.errorNumber).name ?? String(failure.errorNumber);
}

export function DiagnosisView({ state, t, locale = 'en', onReload, onOpen }: Props): JSX.Element {
  const ready = state.kind !== 'loading';
  const status = state.kind === 'snapshot' ? state.snapshot.status : state.kind;
  const code = state.kind === 'snapshot' ? codeAttribute(state.snapshot) : '';
  const tabId = state.kind === 'snapshot' ? String(state.snapshot.tabId) : undefined;
  return (
    <main
      data-testid="diagnosis"
      data-code={code}
      data-status={status}
      data-tab-id={tabId}
      data-ready={ready ? 'true' : 'false'}
      aria-busy={!ready}
    >
      <h1 class="app-title">{t('extensionName')}</h1>
      {renderBody(state, t, locale, onReload, onOpen)}
    </main>
  );
}

function renderBody(state: PopupState, t: Translate, locale: string, onReload: Props['onReload'], onOpen: Props['onOpen']): JSX.Element {
  switch (state.kind) {
    case 'loading':
      return <p>{t('popupLoading')}</p>;
    case 'broken':
      return (
        <section role="alert" class="notice notice-error">
          <p>{t('popupBroken')}</p>
          <p class="technical">{state.message}</p>
        </section>
      );
    case 'no-record':
      return (
        <section class="notice">
          <p>{t('popupNoRecord')}</p>
          {state.tabId !== null && onReload && (
            <button
              type="button"
              onClick={() => {
                onReload(state.tabId as number);
              }}
            >
              {t('popupReload')}
            </button>
          )}
        </section>
      );
    case 'snapshot':
      return (
        <>
          <SnapshotSummary snapshot={state.snapshot} t={t} />
          <CapturedFacts view={state} t={t} locale={locale} {...(onOpen ? { onOpen } : {})} />
        </>
      );
  }
}

function SnapshotSummary({ snapshot, t }: { snapshot: TabSnapshot; t: Translate }): JSX.Element {
  if (snapshot.status === 'loading') return <p>{t('popupStillLoading')}</p>;
  if (snapshot.status === 'loaded' || !snapshot.failure) {
    return (
      <section class="notice notice-ok">
        <p>{t('popupLoadedFine')}</p>
        <p class="url">{snapshot.url}</p>
      </section>
    );
  }
  const decoded = snapshot.failure.errorNumber === null ? null : decodeErrorNumber(snapshot.failure.errorNumber);
  return (
    <section class="notice notice-failed">
      <p>{t(familyMessage(decoded))}</p>
      <p class="url">{snapshot.url}</p>
      <details>
        <summary>{t('popupTechnicalDetails')}</summary>
        <dl>
          <dt>{t('popupErrorCode')}</dt>
          <dd class="technical">{decoded?.name ?? t('popupUnknownCode')}</dd>
          <dt>{t('popupErrorNumber')}</dt>
          <dd class="technical">{decoded ? String(decoded.number) : '-'}</dd>
          <dt>{t('popupFirefoxMessage')}</dt>
          <dd class="technical">{snapshot.failure.rawError}</dd>
        </dl>
      </details>
    </section>
  );
}

function familyMessage(decoded: DecodedError | null): string {
  switch (decoded?.family) {
    case 'certificate':
      return 'popupFailedCertificate';
    case 'tls':
      return 'popupFailedTls';
    case 'network':
      return 'popupFailedNetwork';
    default:
      return 'popupFailedUnknown';
  }
}
