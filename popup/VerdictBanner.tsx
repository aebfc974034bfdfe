// Is it safe to continue: the verdict in an icon and words (never colour alone), and Firefox's
// bypass rule in one sentence. A rule that says what the verdict said is left out.

import type { JSX } from 'preact';
import type { Diagnosis } from '../src/diagnosis/types';
import type { Translate } from '../src/shared/i18n';

// Shapes as well as colours, so the verdict never rests on colour alone.
const VERDICT_ICONS: Readonly<Record<Diagnosis['verdict'], string>> = {
  ok: '✓',
  caution: '!',
  'fix-here': '⚙',
  'site-fault': '✕',
  danger: '⛔',
};

export function VerdictBanner({ diagnosis, t }: { readonly diagnosis: Diagnosis; readonly t: Translate }): JSX.Element {
  const urgent = diagnosis.verdict === 'danger' || diagnosis.verdict === 'site-fault' || diagnosis.verdict === 'fix-here';
  return (
    <section class={`verdict verdict-${diagnosis.verdict}`} role={urgent ? 'alert' : 'status'} data-testid="verdict">
      <span class="verdict-icon" aria-hidden="true">
        {VERDICT_ICONS[diagnosis.verdict]}
      </span>
      <p class="verdict-text">
        <strong class="verdict-title">{t(`verdict_${diagnosis.verdict.replace('-', '_')}`)}</strong>
        {diagnosis.bypass && <> {t(`bypass_${diagnosis.bypass.rule}_${diagnosis.bypass.reason.replace('-', '_')}`)}</>}
      </p>
    </section>
  );
}
