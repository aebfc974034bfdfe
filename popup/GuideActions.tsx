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
  const add = (id: ActionId, label: string, onClick: () => void, disabled = false): void => {
    buttons.set(
      id,
      <button key={id} type="button" data-action={id} disabled={disabled} onClick={onClick}>
        {label}
      </button>,
    );
  };
  if (wwwWorks && alternative && onOpenAlternative) {
    add('open-alternative', t('actionOpenAlternative', visibleLine(alternative)), () => {
      onOpenAlternative(alternative);
    });
  }
  if (diagnosis.actions.includes('probe-www') && onProbeWww && alternative) {
    add('probe-www', t('actionProbeWww', visibleLine(alternative)), onProbeWww, probing);
  }
  if (diagnosis.actions.includes('check-proxy') && onCheckProxy) add('check-proxy', t('actionCheckProxy'), onCheckProxy);
  if (diagnosis.actions.includes('test-again') && onTestAgain) add('test-again', t('actionTestAgain'), onTestAgain);
  if (onReport && diagnosis.verdict !== 'ok') {
    add('report', t(audienceFor(diagnosis) === 'it-department' ? 'actionReportIt' : 'actionReportOwner'), onReport);
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
