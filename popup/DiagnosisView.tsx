// The popup's view: a pure function of the state and the translator. Everything that comes
// from a site (URL, Firefox's message) is rendered as text by Preact, never as HTML.

import type { JSX } from 'preact';
import { decodeErrorNumber, type DecodedError } from '../src/core/error-codes/decode';
import type { Translate } from '../src/shared/i18n';
import type { TabSnapshot } from '../src/shared/tab-snapshot';
import { CapturedFacts } from './CapturedFacts';
import type { Catalogue } from '../src/guide/catalogue';
import { GuideView, type GuideActions } from './GuideView';
import type { PopupState } from './popup-state';

interface Props extends GuideActions {
  readonly state: PopupState;
  readonly t: Translate;
  readonly locale?: string;
  /** The guide in the person's language; null when it could not be loaded (facts still show). */
  readonly catalogue: Catalogue | null;
  readonly probing?: boolean;
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

export function DiagnosisView(props: Props): JSX.Element {
  const { state, t } = props;
  const ready = state.kind !== 'loading';
  const status = state.kind === 'snapshot' ? state.snapshot.status : state.kind;
  const code = state.kind === 'snapshot' ? codeAttribute(state.snapshot) : '';
  const tabId = state.kind === 'snapshot' ? String(state.snapshot.tabId) : undefined;
  // A load still in progress has no verdict yet.
  const diagnosis = state.kind === 'snapshot' && state.snapshot.status !== 'loading' ? state.diagnosis : null;
  return (
    <main
      data-testid="diagnosis"
      data-code={code}
      data-status={status}
      data-tab-id={tabId}
      data-verdict={diagnosis?.verdict ?? ''}
      data-bypass={diagnosis?.bypass?.rule ?? ''}
      data-causes={diagnosis?.causes.map((c) => c.id).join(',') ?? ''}
      data-product={diagnosis?.product?.name ?? ''}
      data-language={props.catalogue?.language ?? ''}
      data-ready={ready ? 'true' : 'false'}
      aria-busy={!ready}
    >
      <h1 class="app-title">{t('extensionName')}</h1>
      {renderBody(props)}
    </main>
  );
}

function renderBody({ state, t, locale = 'en', catalogue, probing, onReload, onOpen, onTestAgain, onProbeWww, onCheckProxy, proxyDenied }: Props): JSX.Element {
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
          {state.snapshot.status !== 'loading' && catalogue && (
          <GuideView
            view={state}
            catalogue={catalogue}
            t={t}
            locale={locale}
            probing={probing ?? false}
            {...(onTestAgain ? { onTestAgain } : {})}
            {...(onProbeWww ? { onProbeWww } : {})}
            {...(onCheckProxy ? { onCheckProxy } : {})}
            proxyDenied={proxyDenied ?? false}
          />
          )}
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
