/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/preact';
import { OptionsView } from '../../options/OptionsView';
import { recordFailure, startLoad } from '../../src/capture/navigation-state';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';
import type { Incident } from '../../src/storage/incident-history';
import { loadMessages, translatorForLocale } from './fakes/messages';

const en = translatorForLocale('en');
const messages = loadMessages('en');

function incident(id: string, url: string): Incident {
  const snapshot = recordFailure(startLoad(1, url, 10), 1, url, 'Error code 2153390069', 11);
  if (!snapshot) throw new Error('expected a failure');
  return { id, at: Date.UTC(2026, 10, 26, 12), snapshot, clock: null };
}

function renderOptions(overrides: { incidents?: readonly Incident[] | null; settings?: Settings } = {}) {
  const calls: string[] = [];
  const changes: Settings[] = [];
  render(
    <OptionsView
      settings={overrides.settings ?? DEFAULT_SETTINGS}
      rememberedCount={3}
      t={en}
      onChange={(s) => changes.push(s)}
      onClearRemembered={() => calls.push('clear-remembered')}
      incidents={overrides.incidents === undefined ? [incident('1-10', 'https://expired.lab.test/')] : overrides.incidents}
      locale="en"
      onViewIncident={(id) => calls.push(`view:${id}`)}
      onReportIncident={(id) => calls.push(`report:${id}`)}
      onExportHistory={() => calls.push('export')}
      onClearHistory={() => calls.push('clear-history')}
    />,
  );
  return { calls, changes };
}

describe('the options page', () => {
  test('the history lists incidents with host and code; view, export and clear call their actions', () => {
    const { calls } = renderOptions();
    const item = screen.getByTestId('history').querySelector('[data-incident="1-10"]');
    expect(item?.textContent).toContain('expired.lab.test');
    expect(item?.textContent).toContain('SEC_ERROR_EXPIRED_CERTIFICATE');
    fireEvent.click(screen.getByRole('button', { name: en('historyViewLabel', 'expired.lab.test') }));
    fireEvent.click(screen.getByRole('button', { name: en('historyReportLabel', 'expired.lab.test') }));
    fireEvent.click(screen.getByRole('button', { name: messages['historyExport']?.message ?? '?' }));
    fireEvent.click(screen.getByRole('button', { name: messages['historyClear']?.message ?? '?' }));
    expect(calls).toEqual(['view:1-10', 'report:1-10', 'export', 'clear-history']);
  });

  test('an empty history says so, and its buttons are disabled', () => {
    renderOptions({ incidents: [] });
    expect(screen.getByText(messages['historyEmpty']?.message ?? '?')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: messages['historyExport']?.message ?? '?' }).disabled).toBe(true);
  });

  test('settings change through labelled controls', () => {
    const { changes } = renderOptions();
    fireEvent.click(screen.getByLabelText(messages['optionsKeepHistory']?.message ?? '?'));
    fireEvent.change(screen.getByTestId('setting-language'), { target: { value: 'ru' } });
    expect(changes.map((s) => [s.keepHistory, s.language])).toEqual([
      [false, 'auto'],
      [true, 'ru'],
    ]);
  });

  test('the expiry caution is switched on and off by a labelled checkbox (no fixed number of days any more)', () => {
    const { changes } = renderOptions();
    const box = screen.getByLabelText<HTMLInputElement>(messages['optionsWarnBeforeExpiry']?.message ?? '?');
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect(changes.map((s) => s.warnBeforeExpiry)).toEqual([false]);
    expect(screen.queryByTestId('setting-expiry-days')).toBeNull();
  });
});
