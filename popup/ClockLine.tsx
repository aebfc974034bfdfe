// What the clock check found, in one line, where the clock matters: for the errors a wrong
// clock can cause (the same codes the diagnosis weighs the clock for) and when a wrong clock is
// the cause. The guide's steps say "unless Cert Doctor says your clock is right": this is where
// it says so.

import type { JSX } from 'preact';
import type { SkewEstimate } from '../src/core/clock/skew';
import { readClock, TIME_CODES } from '../src/diagnosis/clock-evidence';
import type { Diagnosis } from '../src/diagnosis/types';
import type { Translate } from '../src/shared/i18n';
import { translateCount } from '../src/shared/plural';
import { formatDuration } from './format';

/** Whether the person needs to know about their clock to follow this diagnosis. */
export function clockMatters(diagnosis: Diagnosis): boolean {
  const top = diagnosis.causes[0]?.id;
  return (diagnosis.code !== null && TIME_CODES.has(diagnosis.code)) || top === 'clock-ahead' || top === 'clock-behind';
}

export function clockLineText(clock: SkewEstimate | null, t: Translate, locale: string): string {
  const reading = readClock(clock);
  if (!clock || reading === 'unknown') return t('clockLineUnknown');
  if (reading === 'right') return translateCount(t, locale, 'clockLineRight', clock.hosts, [String(clock.hosts)]);
  return translateCount(t, locale, reading === 'ahead' ? 'clockLineAhead' : 'clockLineBehind', clock.hosts, [
    formatDuration(clock.skewMs, locale),
    String(clock.hosts),
  ]);
}

export function ClockLine({
  clock,
  t,
  locale,
}: {
  readonly clock: SkewEstimate | null;
  readonly t: Translate;
  readonly locale: string;
}): JSX.Element {
  return (
    <p class="clock-line" data-testid="clock-line" data-clock={readClock(clock)}>
      {clockLineText(clock, t, locale)}
    </p>
  );
}
