// The guide for one diagnosed load, in the order a worried person needs it: is it safe (the
// verdict and Firefox's bypass rule), what happened, whose side it is on, what to do now
// (steps for their own system, other systems one click away), and why we think so.

import type { JSX } from 'preact';
import { CAUSES, supportUrl } from '../src/guide/causes';
import { osKey, type Catalogue, type CodeText, type OsKey } from '../src/guide/catalogue';
import { fillTemplate, type Values } from '../src/guide/fill';
import { siteAddress, sslLabsCanTest, textValues } from '../src/guide/text-values';
import { decodeErrorNumber } from '../src/core/error-codes/decode';
import { dnAttribute } from '../src/diagnosis/distinguished-name';
import type { Cause, Diagnosis } from '../src/diagnosis/types';
import type { Translate } from '../src/shared/i18n';
import { evidenceText } from './evidence-text';
import { formatDate, formatRelative } from './format';
import type { SnapshotView } from './popup-state';
import { RichText } from './RichText';
import { audienceFor } from '../src/report/report-model';

export interface GuideActions {
  readonly onTestAgain?: () => void;
  readonly onProbeWww?: () => void;
  /** Reads Firefox's proxy settings with the optional permission (asked for on the click). */
  readonly onCheckProxy?: () => void;
  /** The person declined the proxy permission. */
  readonly proxyDenied?: boolean;
  /** Opens the www twin in this tab, once the check found that it works. */
  readonly onOpenAlternative?: (host: string) => void;
  /** Opens the report for the site owner (or the IT department). */
  readonly onReport?: () => void;
  /** Copies text (a setting's name, a command) to the clipboard. */
  readonly onCopy?: (text: string) => void;
}

interface Props extends GuideActions {
  readonly view: SnapshotView;
  readonly catalogue: Catalogue;
  readonly t: Translate;
  readonly locale: string;
  readonly probing?: boolean;
}

const OS_KEYS: readonly OsKey[] = ['windows', 'macos', 'linux', 'android'];

export function GuideView(props: Props): JSX.Element {
  const { view, catalogue, t, locale, probing = false, onTestAgain, onProbeWww, onCheckProxy, onOpenAlternative, onReport, onCopy, proxyDenied = false } = props;
  const { diagnosis, snapshot } = view;
  const values = popupTextValues(view, locale);
  const [top, ...others] = diagnosis.causes;
  const os = osKey(view.environment?.os ?? null);
  const wwwWorks = view.diagnosis.causes.some((c) => c.evidence.some((e) => e.kind === 'www-alternative' && e.result === 'works'));
  const alternative = diagnosis.alternativeHost;
  const codeText = snapshot.status === 'failed' ? codeTextOf(view, catalogue) : null;
  // What every cause section needs besides its cause.
  const shared = { diagnosis, view, catalogue, t, locale, values, os, codeTitle: codeText?.title ?? null, ...(onCopy ? { onCopy } : {}) };
  return (
    <div class="guide">
      <VerdictBanner diagnosis={diagnosis} t={t} />
      {codeText && <WhatHappened text={codeText} values={values} />}
      {snapshot.status === 'loaded' && <LoadedSummary view={view} t={t} locale={locale} />}
      {top && (
        <CauseSection cause={top} primary {...shared} />
      )}
      {(diagnosis.actions.length > 0 || onReport) && (
        <div class="actions">
          {wwwWorks && alternative && onOpenAlternative && (
            <button type="button" data-action="open-alternative" onClick={() => { onOpenAlternative(alternative); }}>
              {t('actionOpenAlternative', alternative)}
            </button>
          )}
          {diagnosis.actions.includes('probe-www') && onProbeWww && diagnosis.alternativeHost && (
            <button type="button" data-action="probe-www" disabled={probing} onClick={onProbeWww}>
              {t('actionProbeWww', diagnosis.alternativeHost)}
            </button>
          )}
          {diagnosis.actions.includes('check-proxy') && onCheckProxy && (
            <button type="button" data-action="check-proxy" onClick={onCheckProxy}>
              {t('actionCheckProxy')}
            </button>
          )}
          {diagnosis.actions.includes('test-again') && onTestAgain && (
            <button type="button" data-action="test-again" onClick={onTestAgain}>
              {t('actionTestAgain')}
            </button>
          )}
          {onReport && diagnosis.verdict !== 'ok' && (
            <button type="button" data-action="report" onClick={onReport}>
              {t(audienceFor(diagnosis) === 'it-department' ? 'actionReportIt' : 'actionReportOwner')}
            </button>
          )}
        </div>
      )}
      {diagnosis.actions.includes('probe-www') && <p class="hint">{t('actionProbeWwwHint')}</p>}
      {diagnosis.actions.includes('check-proxy') && <p class="hint">{proxyDenied ? t('actionCheckProxyDenied') : t('actionCheckProxyHint')}</p>}
      {others.length > 0 && (
        <section class="other-causes">
          <h2>{t('otherCauses')}</h2>
          {others.map((cause) => (
            <details key={cause.id} data-cause={cause.id}>
              <summary>
                <RichText template={catalogue.cause(cause.id).title} values={values} />
              </summary>
              <CauseSection cause={cause} primary={false} {...shared} />
            </details>
          ))}
        </section>
      )}
    </div>
  );
}

function VerdictBanner({ diagnosis, t }: { readonly diagnosis: Diagnosis; readonly t: Translate }): JSX.Element {
  const urgent = diagnosis.verdict === 'danger' || diagnosis.verdict === 'site-fault' || diagnosis.verdict === 'fix-here';
  return (
    <section class={`verdict verdict-${diagnosis.verdict}`} role={urgent ? 'alert' : 'status'} data-testid="verdict">
      <p class="verdict-title">
        <span class="verdict-icon" aria-hidden="true">
          {VERDICT_ICONS[diagnosis.verdict]}
        </span>{' '}
        {t(`verdict_${diagnosis.verdict.replace('-', '_')}`)}
      </p>
      {diagnosis.bypass && <p class="bypass">{t(`bypass_${diagnosis.bypass.rule}_${diagnosis.bypass.reason.replace('-', '_')}`)}</p>}
    </section>
  );
}

// Shapes as well as colours, so the verdict never rests on colour alone.
const VERDICT_ICONS: Readonly<Record<Diagnosis['verdict'], string>> = {
  ok: '✓',
  caution: '!',
  'fix-here': '⚙',
  'site-fault': '✕',
  danger: '⛔',
};

/** The words for the code Firefox reported (its family's generic words for an unlisted one). */
function codeTextOf(view: SnapshotView, catalogue: Catalogue): CodeText {
  const number = view.snapshot.failure?.errorNumber ?? null;
  const decoded = number === null ? null : decodeErrorNumber(number);
  return catalogue.code(decoded?.name ?? null, decoded?.family ?? 'unknown');
}

function WhatHappened({ text, values }: { readonly text: CodeText; readonly values: Values }): JSX.Element {
  return (
    <section class="what-happened">
      <h2>
        <RichText template={text.title} values={values} />
      </h2>
      <p>
        <RichText template={text.explanation} values={values} />
      </p>
    </section>
  );
}

interface CauseProps {
  readonly cause: Cause;
  readonly primary: boolean;
  readonly diagnosis: Diagnosis;
  readonly view: SnapshotView;
  readonly catalogue: Catalogue;
  readonly t: Translate;
  readonly locale: string;
  readonly values: Values;
  readonly os: OsKey | null;
  /** The title "What happened" shows for the code, or null for a page that loaded. */
  readonly codeTitle: string | null;
  readonly onCopy?: (text: string) => void;
}

function CauseSection({ cause, primary, diagnosis, view, catalogue, t, locale, values, os, codeTitle, onCopy }: CauseProps): JSX.Element {
  const text = catalogue.cause(cause.id);
  const meta = CAUSES[cause.id];
  const steps = catalogue.steps(cause.id, os);
  const otherSystems = OS_KEYS.filter((key) => key !== os && text.steps[key] !== undefined);
  const productSteps = cause.id === 'interception' && diagnosis.product ? catalogue.productSteps(diagnosis.product.guide) : [];
  const Heading = primary ? 'h2' : 'h3';
  // "What happened" already carries this title (the code's usual cause is this one).
  const sameAsCodeTitle = codeTitle === text.title;
  const env = view.environment;
  return (
    <section class="cause" data-cause-id={cause.id} data-confidence={cause.confidence}>
      {primary && !sameAsCodeTitle && (
        <Heading>
          {t('likelyCause')} <RichText template={text.title} values={values} />
        </Heading>
      )}
      <p class="side">{t(`side_${meta.side}`)}</p>
      <p class="summary">
        <RichText template={text.summary} values={values} />
      </p>
      <p>
        <RichText template={text.explanation} values={values} />
      </p>
      {steps.length > 0 && (
        <>
          <h3 class="steps-title">{t('stepsTitle')}</h3>
          <StepList steps={steps} values={values} {...(onCopy ? { onCopy, t } : {})} />
        </>
      )}
      {productSteps.length > 0 && diagnosis.product && (
        <>
          <h3 class="steps-title">{t('productStepsTitle', diagnosis.product.name)}</h3>
          <StepList steps={productSteps} values={values} productId={diagnosis.product.id} />
        </>
      )}
      {otherSystems.length > 0 && (
        <details class="other-systems">
          <summary>{t('otherSystems')}</summary>
          {otherSystems.map((key) => (
            <div key={key} data-os={key}>
              <h4>{t(`os_${key}`)}</h4>
              <StepList steps={text.steps[key] ?? []} values={values} />
            </div>
          ))}
        </details>
      )}
      {cause.evidence.length > 0 && (
        <details class="evidence" open={primary}>
          <summary>{t('evidenceTitle')}</summary>
          <ul>
            {cause.evidence.map((evidence, index) => (
              <li key={index}>{evidenceText(evidence, t, locale)}</li>
            ))}
          </ul>
        </details>
      )}
      <p class="support">
        <a href={supportUrl(meta.support, env?.firefoxVersion ?? '', env?.os ?? '', catalogue.language === 'ru' ? 'ru' : 'en-US')} target="_blank" rel="noreferrer">
          {t('supportLink')}
        </a>
      </p>
    </section>
  );
}

interface StepListProps {
  readonly steps: readonly string[];
  readonly values: Values;
  readonly productId?: string;
  /** With onCopy, every `code` part of a step gets a copy button (setting names, commands). */
  readonly onCopy?: (text: string) => void;
  readonly t?: Translate;
}

function StepList({ steps, values, productId, onCopy, t }: StepListProps): JSX.Element {
  return (
    <ol class="steps" data-product-steps={productId}>
      {steps.filter((step) => fillTemplate(step, values) !== null).map((step, index) => (
        <li key={index}>
          <RichText template={step} values={values} {...(onCopy && t ? { onCopy, copyLabel: t('actionCopy') } : {})} />
        </li>
      ))}
    </ol>
  );
}

/** A page that loaded: the connection in one reassuring line (protocol, issuer, expiry). */
function LoadedSummary({ view, t, locale }: { readonly view: SnapshotView; readonly t: Translate; readonly locale: string }): JSX.Element | null {
  const security = view.snapshot.security;
  const leaf = security?.certificates[0];
  if (!security || !leaf) return null;
  const issuer = dnAttribute(leaf.issuer, 'O') ?? dnAttribute(leaf.issuer, 'CN') ?? leaf.issuer;
  return (
    <p class="loaded-summary" data-testid="loaded-summary">
      {t('loadedSummary', [security.protocolVersion ?? '?', issuer, formatDate(leaf.notAfter, locale), formatRelative(leaf.notAfter - view.now, locale)])}
    </p>
  );
}

/** The values and facts the popup fills the guide's words with (exported for the words' tests). */
export function popupTextValues(view: SnapshotView, locale: string): Values {
  const { diagnosis, snapshot } = view;
  const previous = snapshot.certificateChange?.previous ?? view.lastGood;
  const site = siteAddress(snapshot.url);
  const number = snapshot.failure?.errorNumber ?? null;
  return textValues({
    url: snapshot.url,
    diagnosis,
    previous,
    formatDate: (ms) => formatDate(ms, locale),
    // What the report made from this page would show (with its default options).
    facts: {
      certificates: (snapshot.security?.certificates.length ?? 0) > 0,
      code: number !== null && decodeErrorNumber(number).name !== null,
      lastGood: view.lastGood !== null,
      failedParts: (snapshot.subresourceFailures?.length ?? 0) > 0,
      sslLabs: site !== null && sslLabsCanTest(site.host, site.port),
      clock: view.clock !== null,
    },
  });
}
