/** @jest-environment jsdom */
// The guide in the popup: the root's contract attributes, the verdict and bypass rule in
// words, steps for the person's own system with the others folded, evidence, the buttons, and
// hostile text from a site shown as text.

import { fireEvent, render, screen } from '@testing-library/preact';
import { DiagnosisView } from '../../popup/DiagnosisView';
import type { PopupState, SnapshotView } from '../../popup/popup-state';
import { diagnose } from '../../src/diagnosis/diagnose';
import { Catalogue } from '../../src/guide/catalogue';
import { CATALOGUES } from '../../src/guide/catalogue-data';
import type { TabSnapshot } from '../../src/shared/tab-snapshot';
import { loadMessages, translatorForLocale } from './fakes/messages';
import { clock, environment, failed, history } from './support/snapshots';

const en = translatorForLocale('en');
const enMessages = loadMessages('en');
const guide = new Catalogue('en', CATALOGUES.en);
const HOUR = 3_600_000;

function view(snapshot: TabSnapshot, env = environment(), probes = {}): SnapshotView {
  const diagnosis = diagnose(snapshot, env, history({ probes }));
  return {
    kind: 'snapshot',
    snapshot,
    clock: env.clock,
    badgeText: '!',
    environment: { os: env.os ?? 'linux', firefoxVersion: env.firefoxVersion ?? '153.0', captivePortal: 'not_captive' },
    lastGood: null,
    diagnosis,
    now: env.now,
  };
}

const root = (): HTMLElement => screen.getByTestId('diagnosis');
const message = (key: string): string => enMessages[key]?.message ?? `(no ${key})`;

describe('the guide in the popup', () => {
  test('root attributes carry the verdict, the bypass rule, the causes in order and the product', () => {
    const state = view(failed('https://shop.example.com/', 'SEC_ERROR_EXPIRED_CERTIFICATE'), environment({ clock: clock(3 * HOUR) }));
    render(<DiagnosisView state={state} t={en} catalogue={guide} />);
    expect(root().dataset['verdict']).toBe('site-fault');
    expect(root().dataset['bypass']).toBe('discouraged');
    expect(root().dataset['causes']).toBe(state.diagnosis.causes.map((c) => c.id).join(','));
    expect(root().dataset['causes']?.split(',')[0]).toBe('cert-expired');
    expect(root().dataset['product']).toBe('');
    expect(root().dataset['language']).toBe('en');
  });

  test('the banner says the verdict and Firefox\'s rule in words; the code gets its own title', () => {
    render(<DiagnosisView state={view(failed('https://shop.example.com/', 'SEC_ERROR_REVOKED_CERTIFICATE'))} t={en} catalogue={guide} />);
    const banner = screen.getByTestId('verdict');
    expect(banner.textContent).toContain(message('verdict_danger'));
    expect(banner.textContent).toContain(message('bypass_never_not_overridable'));
    expect(banner.getAttribute('role')).toBe('alert');
    expect(root().textContent).toContain(CATALOGUES.en.codes['SEC_ERROR_REVOKED_CERTIFICATE']?.title ?? '?');
  });

  test('steps for the person\'s own system come first; the other systems are folded away', () => {
    const state = view(failed('https://shop.example.com/', 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE'), environment({ os: 'mac', clock: clock(-3 * 24 * HOUR) }));
    render(<DiagnosisView state={state} t={en} catalogue={guide} />);
    const primary = root().querySelector('.cause[data-cause-id="clock-behind"]');
    const firstList = primary?.querySelector('ol.steps');
    const macSteps = CATALOGUES.en.causes['clock-behind']?.steps.macos ?? [];
    expect(macSteps.length).toBeGreaterThan(0);
    expect(firstList?.querySelectorAll('li').length).toBe(macSteps.length);
    expect(primary?.querySelector('details.other-systems')?.textContent).toContain('Windows');
    expect(primary?.querySelector('details.other-systems')?.hasAttribute('open')).toBe(false);
    // The measured skew is the evidence, in words.
    expect(primary?.textContent).toContain('Your clock is about 3 days behind (4 sites agree).');
  });

  test('"Check www…" and "Test again" call their actions', () => {
    const calls: string[] = [];
    render(
      <DiagnosisView
        state={view(failed('https://example.com/', 'SSL_ERROR_BAD_CERT_DOMAIN'))}
        t={en}
        catalogue={guide}
        onProbeWww={() => calls.push('probe')}
        onTestAgain={() => calls.push('again')}
      />,
    );
    fireEvent.click(screen.getByText(en('actionProbeWww', 'www.example.com')));
    fireEvent.click(screen.getByText(message('actionTestAgain')));
    expect(calls).toEqual(['probe', 'again']);
  });

  test('after the check, the probe button is gone and the evidence says what it found', () => {
    render(<DiagnosisView state={view(failed('https://example.com/', 'SSL_ERROR_BAD_CERT_DOMAIN'), environment(), { www: 'works' })} t={en} catalogue={guide} onProbeWww={() => undefined} />);
    expect(root().querySelector('[data-action="probe-www"]')).toBeNull();
    expect(root().dataset['causes']?.split(',')[0]).toBe('name-mismatch-www');
    expect(root().textContent).toContain(en('evidenceWwwWorks', 'www.example.com'));
  });

  test('the Russian guide with Russian messages', () => {
    const ru = new Catalogue('ru', CATALOGUES.ru);
    render(<DiagnosisView state={view(failed('https://shop.example.com/', 'SEC_ERROR_UNKNOWN_ISSUER'))} t={translatorForLocale('ru')} catalogue={ru} />);
    expect(root().dataset['language']).toBe('ru');
    expect(root().textContent).toContain(CATALOGUES.ru.causes['missing-intermediate']?.title ?? '?');
    expect(root().textContent).toContain(loadMessages('ru')['verdict_site_fault']?.message ?? '?');
  });

  test('a hostile host name is shown as text, never as markup', () => {
    const url = 'https://xn--evil.example.com/';
    const snapshot = { ...failed(url, 'SSL_ERROR_BAD_CERT_DOMAIN'), url: 'https://<img src=x onerror=alert(1)>.example.com/' };
    const { container } = render(<DiagnosisView state={view(snapshot)} t={en} catalogue={guide} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelectorAll('script, iframe, object').length).toBe(0);
  });

  test('an unknown code gets the generic guide, not a blank', () => {
    render(<DiagnosisView state={view(failed('https://shop.example.com/', null, 987654))} t={en} catalogue={guide} />);
    expect(root().dataset['causes']).toBe('unknown');
    expect(root().textContent).toContain(CATALOGUES.en.codes['generic:unknown']?.title ?? '?');
    expect(root().textContent).toContain(CATALOGUES.en.causes['unknown']?.title ?? '?');
  });

  test('without a guide (it failed to load) the facts still show', () => {
    const state: PopupState = view(failed('https://shop.example.com/', 'SEC_ERROR_UNKNOWN_ISSUER'));
    render(<DiagnosisView state={state} t={en} catalogue={null} />);
    expect(screen.queryByTestId('verdict')).toBeNull();
    expect(root().textContent).toContain('SEC_ERROR_UNKNOWN_ISSUER');
  });
});
