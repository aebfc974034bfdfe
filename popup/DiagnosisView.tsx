// The popup's view: a pure function of the state and the translator. Everything that comes
// from a site (URL, certificate fields, Firefox's message) is rendered as text by Preact,
// never as HTML. Order: the answer first (GuideView: is it safe, what happened, the first steps,
// the main action), then folded: why, more about it, other systems and causes, the certificate,
// the technical details.

import type { JSX } from 'preact';
import type { Catalogue } from '../src/guide/catalogue';
import type { Translate } from '../src/shared/i18n';
import { hostAndPortOf } from '../src/shared/url';
import { visibleLine } from '../src/shared/visible-text';
import { CapturedFacts } from './CapturedFacts';
import { CertificateDetails } from './CertificateDetails';
import type { ServedRequestState } from './ServedChain';
import { formatDate } from './format';
import { GuideView, type GuideActions } from './GuideView';
import { useAfterFirstPaint } from './after-first-paint';
import type { PopupState, SnapshotView } from './popup-state';
import { BrokenState, NoRecordState, NotHttpsState } from './states';

export interface ViewActions extends GuideActions {
  readonly onReload?: (tabId: number) => void;
  readonly onOpen?: (url: string) => void;
  readonly onOpenOptions?: () => void;
  readonly onCopy?: (text: string) => void;
  /** Asks the companion for the chain the site sends (a tab's current load only). */
  readonly onGetServedChain?: () => void;
}

interface Props extends ViewActions {
  readonly state: PopupState;
  readonly t: Translate;
  readonly locale?: string;
  /** The guide in the person's language; null when it could not be loaded (facts still show). */
  readonly catalogue: Catalogue | null;
  readonly probing?: boolean;
  readonly servedRequest?: ServedRequestState;
}

/** The code name shown to tests in data-code: the Firefox name, the bare number, or "". */
export function codeAttribute(view: SnapshotView): string {
  const failure = view.snapshot.failure;
  if (view.snapshot.status !== 'failed' || !failure) return '';
  if (view.code === null) return 'UNKNOWN';
  return view.code.name ?? String(view.code.number);
}

export function DiagnosisView(props: Props): JSX.Element {
  const { state, t } = props;
  const answered = state.kind !== 'loading';
  // Ready (for the tests too) once the closed sections have been rendered after the answer.
  const ready = useAfterFirstPaint(answered);
  const status = state.kind === 'snapshot' ? state.snapshot.status : state.kind;
  const code = state.kind === 'snapshot' ? codeAttribute(state) : '';
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
      data-words={props.catalogue?.entries().join(' ') ?? ''}
      data-ready={ready ? 'true' : 'false'}
      aria-busy={!answered}
    >
      <header class="app-header">
        <h1 class="app-title">{t('extensionName')}</h1>
        {state.kind === 'snapshot' && (
          <p class="site" dir="ltr">
            {visibleLine(hostAndPortOf(state.snapshot.url) ?? state.snapshot.url)}
          </p>
        )}
      </header>
      <Body {...props} withClosedSections={ready} />
      {props.onOpenOptions && (
        <footer class="app-footer">
          <button type="button" class="link-button" data-action="open-options" onClick={props.onOpenOptions}>
            {t('popupOpenOptions')}
          </button>
        </footer>
      )}
    </main>
  );
}

function Body(props: Props & { readonly withClosedSections: boolean }): JSX.Element {
  const { state, t } = props;
  switch (state.kind) {
    case 'loading':
      return <p>{t('popupLoading')}</p>;
    case 'broken':
      return <BrokenState message={state.message} t={t} />;
    case 'no-record':
      return <NoRecordState tabId={state.tabId} t={t} {...(props.onReload ? { onReload: props.onReload } : {})} />;
    case 'not-https':
      return <NotHttpsState scheme={state.scheme} t={t} />;
    case 'snapshot':
      return <SnapshotBody {...props} view={state} />;
  }
}

function SnapshotBody(props: Props & { readonly view: SnapshotView; readonly withClosedSections: boolean }): JSX.Element {
  const { view, t, locale = 'en', catalogue, probing, withClosedSections } = props;
  const { snapshot } = view;
  return (
    <>
      {view.incidentAt !== undefined && (
        <p class="notice" data-testid="incident-note">
          {t('popupPastIncident', formatDate(view.incidentAt, locale))}
        </p>
      )}
      {snapshot.status === 'loading' && <p>{t('popupStillLoading')}</p>}
      {snapshot.status !== 'loading' && catalogue && (
        <GuideView
          view={view}
          catalogue={catalogue}
          t={t}
          locale={locale}
          probing={probing ?? false}
          {...pick(props, ['onTestAgain', 'onProbeWww', 'onOpenAlternative', 'onCheckProxy', 'onReport', 'onCopy'])}
          proxyDenied={props.proxyDenied ?? false}
          withClosedSections={withClosedSections}
        />
      )}
      {withClosedSections && (
        <CertificateDetails
          view={view}
          t={t}
          locale={locale}
          servedRequest={props.servedRequest ?? 'idle'}
          {...pick(props, ['onCopy'])}
          {...(view.incidentAt === undefined ? pick(props, ['onGetServedChain']) : {})}
        />
      )}
      {withClosedSections && (
        <details class="technical-details" data-testid="technical-details">
          <summary>{t('popupTechnicalDetails')}</summary>
          <TechnicalFacts view={view} t={t} />
          <CapturedFacts view={view} t={t} locale={locale} {...(props.onOpen ? { onOpen: props.onOpen } : {})} />
        </details>
      )}
    </>
  );
}

function TechnicalFacts({ view, t }: { readonly view: SnapshotView; readonly t: Translate }): JSX.Element | null {
  const { snapshot } = view;
  const failure = snapshot.failure;
  if (snapshot.status !== 'failed' || !failure) return null;
  const decoded = view.code;
  return (
    <dl class="facts-list">
      <dt>{t('popupErrorCode')}</dt>
      <dd class="technical">{decoded?.name ?? t('popupUnknownCode')}</dd>
      <dt>{t('popupErrorNumber')}</dt>
      <dd class="technical">{decoded ? String(decoded.number) : '-'}</dd>
      <dt>{t('popupFirefoxMessage')}</dt>
      <dd class="technical">{visibleLine(failure.rawError)}</dd>
      <dt>{t('popupAddress')}</dt>
      <dd class="technical url" dir="ltr">
        {visibleLine(snapshot.url)}
      </dd>
    </dl>
  );
}

/** Only the handlers that are set, so optional props stay absent rather than undefined. */
function pick<K extends keyof Props>(props: Props, keys: readonly K[]): Partial<Pick<Props, K>> {
  const out: Partial<Pick<Props, K>> = {};
  for (const key of keys) if (props[key] !== undefined) out[key] = props[key];
  return out;
}
