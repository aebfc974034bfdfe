/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/preact';
import { recordCompletion, recordFailure, startLoad } from '../../src/capture/navigation-state';
import { DiagnosisView } from '../../popup/DiagnosisView';
import type { PopupState } from '../../popup/popup-state';
import type { TabSnapshot } from '../../src/shared/tab-snapshot';
import { loadMessages, translatorForLocale } from './fakes/messages';
import { diagnose } from '../../src/diagnosis/diagnose';
import { Catalogue } from '../../src/guide/catalogue';
import { CATALOGUES } from '../../src/guide/catalogue-data';
import { environment, history } from './support/snapshots';
import { decodedFacts } from '../../src/views/build-view';

const en = translatorForLocale('en');
const guide = new Catalogue('en', CATALOGUES.en);
const enText = loadMessages('en');
const URL_A = 'https://expired.lab.test/';

function view(snapshot: TabSnapshot): PopupState {
  const diagnosis = diagnose(snapshot, environment(), history());
  return {
    kind: 'snapshot',
    snapshot,
    clock: null,
    badgeText: '',
    environment: null,
    lastGood: null,
    diagnosis,
    ...decodedFacts(snapshot),
    now: Date.UTC(2026, 10, 26, 12),
  };
}

function root(): HTMLElement {
  return screen.getByTestId('diagnosis');
}

describe('DiagnosisView', () => {
  test('a certificate failure: code attribute, summary and technical details', () => {
    const failed = recordFailure(startLoad(1, URL_A, 0), 1, URL_A, 'Error code 2153390069', 1);
    if (!failed) throw new Error('expected a failure');
    render(<DiagnosisView catalogue={guide} state={view(failed)} t={en} />);
    expect(root().dataset['code']).toBe('SEC_ERROR_EXPIRED_CERTIFICATE');
    expect(root().dataset['status']).toBe('failed');
    expect(root().dataset['ready']).toBe('true');
    expect(screen.getByRole('heading', { name: CATALOGUES.en.codes['SEC_ERROR_EXPIRED_CERTIFICATE']?.title ?? '?' })).toBeTruthy();
    // The number is in the technical details, folded away.
    expect(screen.getByText('2153390069').closest('details')?.dataset['testid']).toBe('technical-details');
  });

  test('a TLS protocol failure gets its own explanation', () => {
    const failed = recordFailure(undefined, 1, URL_A, 'Error code 2153394151', 1);
    if (!failed) throw new Error('expected a failure');
    render(<DiagnosisView catalogue={guide} state={view(failed)} t={en} />);
    expect(root().dataset['code']).toBe('SSL_ERROR_RX_RECORD_TOO_LONG');
    expect(screen.getByRole('heading', { name: CATALOGUES.en.codes['SSL_ERROR_RX_RECORD_TOO_LONG']?.title ?? '?' })).toBeTruthy();
  });

  test('an unknown number keeps the number as the code and gets the generic guide', () => {
    const failed = recordFailure(undefined, 1, URL_A, 'Error code 2153999999', 1);
    if (!failed) throw new Error('expected a failure');
    render(<DiagnosisView catalogue={guide} state={view(failed)} t={en} />);
    expect(root().dataset['code']).toBe('2153999999');
    expect(screen.getByText(CATALOGUES.en.codes['generic:unknown']?.title ?? '?')).toBeTruthy();
  });

  test('hostile text from Firefox or the URL is shown as text, never parsed as HTML', () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const failed = recordFailure(undefined, 1, `https://a.test/${evil}`, evil, 1);
    if (!failed) throw new Error('expected a failure');
    const { container } = render(<DiagnosisView catalogue={guide} state={view(failed)} t={en} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain(evil);
  });

  test('a page that loaded with nothing known against it: empty code, the "ok" verdict', () => {
    const loaded = recordCompletion(startLoad(1, URL_A, 0), 1, URL_A, 1);
    render(<DiagnosisView catalogue={guide} state={view(loaded)} t={en} />);
    expect(root().dataset['code']).toBe('');
    expect(root().dataset['status']).toBe('loaded');
    expect(root().dataset['verdict']).toBe('ok');
    expect(screen.getByText(enText['verdict_ok']?.message ?? '?', { exact: false })).toBeTruthy();
  });

  test('no record offers a reload of that tab', () => {
    const reloaded: number[] = [];
    render(<DiagnosisView catalogue={guide} state={{ kind: 'no-record', tabId: 5 }} t={en} onReload={(id) => reloaded.push(id)} />);
    fireEvent.click(screen.getByRole('button', { name: enText['popupReload']?.message ?? '?' }));
    expect(reloaded).toEqual([5]);
    expect(root().dataset['status']).toBe('no-record');
  });

  test('while loading the root says it is not ready', () => {
    render(<DiagnosisView catalogue={guide} state={{ kind: 'loading' }} t={en} />);
    expect(root().dataset['ready']).toBe('false');
    expect(root().getAttribute('aria-busy')).toBe('true');
  });

  test('a failure of the extension itself is an alert with the reason, never a blank popup', () => {
    const state: PopupState = { kind: 'broken', message: 'storage is unavailable' };
    render(<DiagnosisView catalogue={guide} state={state} t={en} />);
    expect(screen.getByRole('alert').textContent).toContain('storage is unavailable');
  });

  test('Russian text is used with the Russian messages', () => {
    const ru = translatorForLocale('ru');
    render(<DiagnosisView catalogue={guide} state={{ kind: 'no-record', tabId: null }} t={ru} />);
    expect(root().textContent).toContain(loadMessages('ru')['popupNoRecord']?.message ?? '?');
  });
});
