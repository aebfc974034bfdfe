// The buttons under the first steps. One main action, styled as the primary button, placed
// first and kept in view at the bottom of the popup: open the working www address when the check found it, test again when the fix is on
// the person's side, otherwise make the report for whoever can fix it. The checks that gather
// more evidence (www, proxy) and the other actions follow it, once each.

import type { JSX } from 'preact';
import type { Diagnosis } from '../src/diagnosis/types';
import type { Translate } from '../src/shared/i18n';
import { audienceFor } from '../src/report/audience';
import { visibleLine } from '../src/shared/visible-text';

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

type ActionId = 'open-alternative' | 'probe-www' | 'check-proxy' | 'test-again' | 'report';

interface Props extends GuideActions {
  readonly diagnosis: Diagnosis;
  readonly t: Translate;
  readonly probing: boolean;
}

/** Which action leads: the one that ends the problem soonest for this person. */
export function mainAction(diagnosis: Diagnosis, available: readonly ActionId[]): ActionId | null {
  const wanted: readonly ActionId[] =
    diagnosis.verdict === 'fix-here' ? ['open-alternative', 'test-again', 'report'] : ['open-alternative', 'report', 'test-again'];
  return wanted.find((id) => available.includes(id)) ?? available[0] ?? null;
}

export function ActionButtons(props: Props): JSX.Element | null {
  const { diagnosis, t, probing, onTestAgain, onProbeWww, onCheckProxy, onOpenAlternative, onReport, proxyDenied = false } = props;
  const alternative = diagnosis.alternativeHost;
  const wwwWorks = diagnosis.causes.some((c) => c.evidence.some((e) => e.kind === 'www-alternative' && e.result === 'works'));
  const buttons = new Map<ActionId, JSX.Element>();
  if (wwwWorks && alternative && onOpenAlternative) {
    buttons.set(
      'open-alternative',
      <button
        key="open-alternative"
        type="button"
        data-action="open-alternative"
        onClick={() => {
          onOpenAlternative(alternative);
        }}
      >
        {t('actionOpenAlternative', visibleLine(alternative))}
      </button>,
    );
  }
  if (diagnosis.actions.includes('probe-www') && onProbeWww && alternative) {
    buttons.set(
      'probe-www',
      <button key="probe-www" type="button" data-action="probe-www" disabled={probing} onClick={onProbeWww}>
        {t('actionProbeWww', visibleLine(alternative))}
      </button>,
    );
  }
  if (diagnosis.actions.includes('check-proxy') && onCheckProxy) {
    buttons.set(
      'check-proxy',
      <button key="check-proxy" type="button" data-action="check-proxy" onClick={onCheckProxy}>
        {t('actionCheckProxy')}
      </button>,
    );
  }
  if (diagnosis.actions.includes('test-again') && onTestAgain) {
    buttons.set(
      'test-again',
      <button key="test-again" type="button" data-action="test-again" onClick={onTestAgain}>
        {t('actionTestAgain')}
      </button>,
    );
  }
  if (onReport && diagnosis.verdict !== 'ok') {
    buttons.set(
      'report',
      <button key="report" type="button" data-action="report" onClick={onReport}>
        {t(audienceFor(diagnosis) === 'it-department' ? 'actionReportIt' : 'actionReportOwner')}
      </button>,
    );
  }
  const main = mainAction(diagnosis, [...buttons.keys()]);
  if (main === null) return null;
  const rest = [...buttons.entries()].filter(([id]) => id !== main);
  return (
    <>
      {/* Sticky: the main action stays in the popup's 600 px while the person reads the steps. */}
      <div class="main-action" data-testid="main-action" data-action-id={main}>
        {buttons.get(main)}
      </div>
      {rest.length > 0 && <div class="actions">{rest.map(([, button]) => button)}</div>}
      {buttons.has('probe-www') && <p class="hint">{t('actionProbeWwwHint')}</p>}
      {buttons.has('check-proxy') && <p class="hint">{proxyDenied ? t('actionCheckProxyDenied') : t('actionCheckProxyHint')}</p>}
    </>
  );
}
