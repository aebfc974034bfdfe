// The guide for one diagnosed load, answer first: what fits in the popup's first 600 px is the
// verdict (is it safe to continue), what happened in one sentence naming the site, what the
// clock check found where the clock matters, the first steps for the person's own system and
// the main action. Everything else is one click away, folded, in a fixed order: why Cert Doctor
// thinks so, more about the problem, steps for other systems, other possible causes (the
// certificate and the technical details follow in DiagnosisView). Each fact is said once.

import { siteChain } from '../src/shared/chain-sender';
import type { JSX } from 'preact';
import { CAUSES, supportUrl } from '../src/rules/causes';
import { osKey, type Catalogue, type CodeText, type OsKey } from '../src/guide/catalogue';
import { fillTemplate, type Values } from '../src/guide/fill';
import { siteAddress, sslLabsCanTest, textValues } from '../src/guide/text-values';
import { dnAttribute } from '../src/diagnosis/dn-attribute';
import type { Cause, Diagnosis } from '../src/diagnosis/types';
import type { Translate } from '../src/shared/i18n';
import { SUPPORT_LOCALE_MESSAGE } from '../src/shared/language';
import { translateCount } from '../src/shared/plural';
import { visibleLine } from '../src/shared/visible-text';
import { ClockLine, clockMatters } from './ClockLine';
import { evidenceText } from './evidence-text';
import { formatDate, formatRelative } from './format';
import { ActionButtons, type GuideActions } from './GuideActions';
import type { SnapshotView } from './popup-state';
import { RichText } from './RichText';
import { VerdictBanner } from './VerdictBanner';

export type { GuideActions } from './GuideActions';

interface Props extends GuideActions {
  readonly view: SnapshotView;
  readonly catalogue: Catalogue;
  readonly t: Translate;
  readonly locale: string;
  readonly probing?: boolean;
  /** False for the first paint: only the answer, the closed sections come just after (after-first-paint.ts). */
  readonly withClosedSections?: boolean;
}

const OS_KEYS: readonly OsKey[] = ['windows', 'macos', 'linux', 'android'];

/** How many steps show before the main action; the rest are one click away. */
export const FIRST_STEPS = 3;

/** The side is said by the verdicts that name it ("on your side", "the site is set up wrongly"). */
const VERDICT_SAYS_SIDE: ReadonlySet<Diagnosis['verdict']> = new Set(['fix-here', 'site-fault']);

export function GuideView(props: Props): JSX.Element {
  const { view, catalogue, t, locale, probing = false, onCopy, withClosedSections = true } = props;
  const { diagnosis, snapshot } = view;
  const values = popupTextValues(view, locale);
  const [top, ...others] = diagnosis.causes;
  const os = osKey(view.environment?.os ?? null);
  const codeText = snapshot.status === 'failed' ? codeTextOf(view, catalogue) : null;
  const showClock = clockMatters(diagnosis);
  const topText = top ? catalogue.cause(top.id) : null;
  const steps = top ? catalogue.steps(top.id, os).filter((step) => fillTemplate(step, values) !== null) : [];
  const productSteps = top?.id === 'interception' && diagnosis.product ? catalogue.productSteps(diagnosis.product.guide) : [];
  // The evidence stays whole, the clock's included: the guide's words send the reader there for
  // what the clock check measured.
  const evidence = top?.evidence ?? [];
  const shared = { diagnosis, view, catalogue, t, locale, values, os, ...(onCopy ? { onCopy } : {}) };
  return (
    <div class="guide">
      <VerdictBanner diagnosis={diagnosis} t={t} />
      {topText && (
        <p class="what-happened" data-testid="what-happened">
          <RichText template={topText.summary} values={values} />
          {top && !VERDICT_SAYS_SIDE.has(diagnosis.verdict) && <span class="side"> {t(`side_${CAUSES[top.id].side}`)}</span>}
        </p>
      )}
      {!topText && snapshot.status === 'loaded' && <LoadedSummary view={view} t={t} locale={locale} />}
      {showClock && <ClockLine clock={view.clock} t={t} locale={locale} />}
      {top && steps.length > 0 && (
        <section class="first-steps cause" data-cause-id={top.id} data-confidence={top.confidence} aria-labelledby="steps-title">
          <h2 class="steps-title" id="steps-title">
            {t('stepsTitle')}
          </h2>
          <StepList steps={steps.slice(0, FIRST_STEPS)} values={values} testId="steps" {...(onCopy ? { onCopy, t } : {})} />
          {steps.length > FIRST_STEPS && (
            <details class="more-steps" data-testid="more-steps">
              <summary>{translateCount(t, locale, 'moreSteps', steps.length - FIRST_STEPS, [String(steps.length - FIRST_STEPS)])}</summary>
              <StepList steps={steps.slice(FIRST_STEPS)} start={FIRST_STEPS + 1} values={values} {...(onCopy ? { onCopy, t } : {})} />
            </details>
          )}
        </section>
      )}
      <ActionButtons diagnosis={diagnosis} t={t} probing={probing} {...pickActions(props)} />
      {productSteps.length > 0 && diagnosis.product && (
        <details class="product-steps" open>
          <summary>{t('productStepsTitle', diagnosis.product.name)}</summary>
          <StepList steps={productSteps} values={values} productId={diagnosis.product.id} />
        </details>
      )}
      {withClosedSections && evidence.length > 0 && (
        <details class="evidence" data-testid="evidence">
          <summary>{t('evidenceTitle')}</summary>
          <ul>
            {evidence.map((e, index) => (
              <li key={index}>{evidenceText(e, t, locale)}</li>
            ))}
          </ul>
        </details>
      )}
      {withClosedSections && top && topText && (
        <details class="more-about" data-testid="more-about">
          <summary>{t('popupMoreAbout')}</summary>
          <h3>
            <RichText template={topText.title} values={values} />
          </h3>
          <p>
            <RichText template={topText.explanation} values={values} />
          </p>
          {codeText && codeText.title !== topText.title && (
            <>
              <h3>
                <RichText template={codeText.title} values={values} />
              </h3>
              <p>
                <RichText template={codeText.explanation} values={values} />
              </p>
            </>
          )}
          {snapshot.status === 'loaded' && <LoadedSummary view={view} t={t} locale={locale} />}
          <SupportLink cause={top} view={view} t={t} />
        </details>
      )}
      {withClosedSections && top && <OtherSystems cause={top} values={values} catalogue={catalogue} os={os} t={t} />}
      {withClosedSections && others.length > 0 && (
        <details class="other-causes" data-testid="other-causes">
          <summary>{t('otherCauses')}</summary>
          {others.map((cause) => (
            <details key={cause.id} data-cause={cause.id}>
              <summary>
                <RichText template={catalogue.cause(cause.id).title} values={values} />
              </summary>
              <CauseSection cause={cause} {...shared} />
            </details>
          ))}
        </details>
      )}
    </div>
  );
}

function pickActions(props: Props): GuideActions {
  const out: { -readonly [K in keyof GuideActions]?: GuideActions[K] } = {};
  for (const key of ['onTestAgain', 'onProbeWww', 'onCheckProxy', 'onOpenAlternative', 'onReport', 'onCopy', 'proxyDenied'] as const) {
    if (props[key] !== undefined) (out as Record<string, unknown>)[key] = props[key];
  }
  return out;
}

/** The words for the code Firefox reported (its family's generic words for an unlisted one). */
function codeTextOf(view: SnapshotView, catalogue: Catalogue): CodeText {
  const decoded = view.code;
  return catalogue.code(decoded?.name ?? null, decoded?.family ?? 'unknown');
}

/** Mozilla's article for the cause, in the language the popup speaks (its messages name the locale). */
function SupportLink({ cause, view, t }: { readonly cause: Cause; readonly view: SnapshotView; readonly t: Translate }): JSX.Element {
  const env = view.environment;
  return (
    <p class="support">
      <a
        href={supportUrl(CAUSES[cause.id].support, env?.firefoxVersion ?? '', env?.os ?? '', t(SUPPORT_LOCALE_MESSAGE))}
        target="_blank"
        rel="noreferrer"
      >
        {t('supportLink')}
      </a>
    </p>
  );
}

function OtherSystems({
  cause,
  values,
  catalogue,
  os,
  t,
}: {
  readonly cause: Cause;
  readonly values: Values;
  readonly catalogue: Catalogue;
  readonly os: OsKey | null;
  readonly t: Translate;
}): JSX.Element | null {
  const text = catalogue.cause(cause.id);
  const otherSystems = OS_KEYS.filter((key) => key !== os && text.steps[key] !== undefined);
  if (otherSystems.length === 0) return null;
  return (
    <details class="other-systems" data-testid="other-systems">
      <summary>{t('otherSystems')}</summary>
      {otherSystems.map((key) => (
        <div key={key} data-os={key}>
          <h3>{t(`os_${key}`)}</h3>
          <StepList steps={text.steps[key] ?? []} values={values} />
        </div>
      ))}
    </details>
  );
}

interface CauseProps {
  readonly cause: Cause;
  readonly diagnosis: Diagnosis;
  readonly view: SnapshotView;
  readonly catalogue: Catalogue;
  readonly t: Translate;
  readonly locale: string;
  readonly values: Values;
  readonly os: OsKey | null;
  readonly onCopy?: (text: string) => void;
}

/** One of the other possible causes, whole: whose side, what it means, its steps and evidence. */
function CauseSection({ cause, view, catalogue, t, locale, values, os, onCopy }: CauseProps): JSX.Element {
  const text = catalogue.cause(cause.id);
  const steps = catalogue.steps(cause.id, os);
  return (
    <section class="cause" data-cause-id={cause.id} data-confidence={cause.confidence}>
      <p class="side">{t(`side_${CAUSES[cause.id].side}`)}</p>
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
      <OtherSystems cause={cause} values={values} catalogue={catalogue} os={os} t={t} />
      {cause.evidence.length > 0 && (
        <details class="evidence">
          <summary>{t('evidenceTitle')}</summary>
          <ul>
            {cause.evidence.map((evidence, index) => (
              <li key={index}>{evidenceText(evidence, t, locale)}</li>
            ))}
          </ul>
        </details>
      )}
      <SupportLink cause={cause} view={view} t={t} />
    </section>
  );
}

interface StepListProps {
  readonly steps: readonly string[];
  readonly values: Values;
  readonly productId?: string;
  /** The number of the first step, when the list continues another. */
  readonly start?: number;
  readonly testId?: string;
  /** With onCopy, every `code` part of a step gets a copy button (setting names, commands). */
  readonly onCopy?: (text: string) => void;
  readonly t?: Translate;
}

function StepList({ steps, values, productId, start, testId, onCopy, t }: StepListProps): JSX.Element {
  return (
    <ol class="steps" data-product-steps={productId} start={start} data-testid={testId}>
      {steps
        .filter((step) => fillTemplate(step, values) !== null)
        .map((step, index) => (
          <li key={index}>
            <RichText template={step} values={values} {...(onCopy && t ? { onCopy, copyLabel: t('actionCopy') } : {})} />
          </li>
        ))}
    </ol>
  );
}

/** A page that loaded: the connection in one reassuring line (protocol, issuer, expiry). */
function LoadedSummary({
  view,
  t,
  locale,
}: {
  readonly view: SnapshotView;
  readonly t: Translate;
  readonly locale: string;
}): JSX.Element | null {
  const security = view.snapshot.security;
  const leaf = security?.certificates[0];
  if (!security || !leaf) return null;
  // The issuer's name is a stranger's text (anyone can make a CA): shown with invisible characters named.
  const issuer = visibleLine(dnAttribute(leaf.issuer, 'O') ?? dnAttribute(leaf.issuer, 'CN') ?? leaf.issuer);
  return (
    <p class="loaded-summary" data-testid="loaded-summary">
      {t('loadedSummary', [
        visibleLine(security.protocolVersion ?? '?'),
        issuer,
        formatDate(leaf.notAfter, locale),
        formatRelative(leaf.notAfter - view.now, locale),
      ])}
    </p>
  );
}

/** The values and facts the popup fills the guide's words with (exported for the words' tests). */
export function popupTextValues(view: SnapshotView, locale: string): Values {
  const { diagnosis, snapshot } = view;
  const previous = snapshot.certificateChange?.previous ?? view.lastGood;
  const site = siteAddress(snapshot.url);
  return textValues({
    url: snapshot.url,
    diagnosis,
    previous,
    formatDate: (ms) => formatDate(ms, locale),
    // What the report made from this page would show (with its default options).
    facts: {
      certificates: siteChain(snapshot).length > 0,
      code: (view.code?.name ?? null) !== null,
      lastGood: view.lastGood !== null,
      failedParts: (snapshot.subresourceFailures?.length ?? 0) > 0,
      sslLabs: site !== null && sslLabsCanTest(site.host, site.port),
      clock: view.clock !== null,
    },
  });
}
