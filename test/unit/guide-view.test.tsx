/** @jest-environment jsdom */
// The guide in the popup: the root's contract attributes, the verdict and bypass rule in
// words, steps for the person's own system with the others folded, evidence, the buttons, and
// hostile text from a site shown as text.

import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { DiagnosisView } from '../../popup/DiagnosisView';
import { FIRST_STEPS } from '../../popup/GuideView';
import type { PopupState, SnapshotView } from '../../popup/popup-state';
import { diagnose } from '../../src/diagnosis/diagnose';
import { Catalogue } from '../../src/guide/catalogue';
import { CATALOGUES } from '../../src/guide/catalogue-data';
import type { TabSnapshot } from '../../src/shared/tab-snapshot';
import { loadMessages, translatorForLocale } from './fakes/messages';
import { clock, environment, failed, history } from './support/snapshots';
import recordedJson from './fixtures/lab-snapshots.json';
import { decodedFacts } from '../../src/views/build-view';

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
    ...decodedFacts(snapshot),
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
    // No certificate was captured, so no dates to weigh: the code's usual causes in their order
    // (src/rules/code-causes.json), the clock's only because it is measured 3 hours ahead.
    expect(root().dataset['causes']).toBe('cert-expired,clock-ahead');
    expect(root().dataset['product']).toBe('');
    expect(root().dataset['language']).toBe('en');
  });

  test("the banner says the verdict and Firefox's rule in words; the code gets its own title", () => {
    render(<DiagnosisView state={view(failed('https://shop.example.com/', 'SEC_ERROR_REVOKED_CERTIFICATE'))} t={en} catalogue={guide} />);
    const banner = screen.getByTestId('verdict');
    expect(banner.textContent).toContain(message('verdict_danger'));
    expect(banner.textContent).toContain(message('bypass_never_not_overridable'));
    expect(banner.getAttribute('role')).toBe('alert');
    expect(root().textContent).toContain(CATALOGUES.en.codes['SEC_ERROR_REVOKED_CERTIFICATE']?.title ?? '?');
  });

  test("steps for the person's own system come first, the rest one click away; the other systems are folded away", () => {
    const state = view(
      failed('https://shop.example.com/', 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE'),
      environment({ os: 'mac', clock: clock(-3 * 24 * HOUR) }),
    );
    render(<DiagnosisView state={state} t={en} catalogue={guide} />);
    const primary = root().querySelector('.first-steps[data-cause-id="clock-behind"]');
    const macSteps = CATALOGUES.en.causes['clock-behind']?.steps.macos ?? [];
    expect(macSteps.length).toBeGreaterThan(FIRST_STEPS);
    // The first steps in the list the tests measure, the others folded, numbered on.
    const shown = [...(primary?.querySelectorAll('[data-testid="steps"] li') ?? [])].map((li) => li.textContent);
    const folded = primary?.querySelector('details[data-testid="more-steps"]');
    expect(folded?.hasAttribute('open')).toBe(false);
    expect(folded?.querySelector('ol')?.getAttribute('start')).toBe(String(FIRST_STEPS + 1));
    const rest = [...(folded?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
    expect(shown.length).toBe(FIRST_STEPS);
    expect([...shown, ...rest]).toEqual(macSteps.map((step) => step.replace('{host}', 'shop.example.com')));
    const others = root().querySelector('details[data-testid="other-systems"]');
    expect(others?.textContent).toContain('Windows');
    expect(others?.hasAttribute('open')).toBe(false);
    // The measured skew in the clock line, and in the evidence the explanation points to.
    expect(screen.getByTestId('clock-line').textContent).toBe('Your clock is about 3 days behind: 4 sites agree.');
    expect(CATALOGUES.en.causes['clock-behind']?.explanation).toContain('listed under “Why we think so”');
    expect(screen.getByTestId('evidence').textContent).toContain('Your clock is about 3 days behind (4 sites agree).');
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
    render(
      <DiagnosisView
        state={view(failed('https://example.com/', 'SSL_ERROR_BAD_CERT_DOMAIN'), environment(), { www: 'works' })}
        t={en}
        catalogue={guide}
        onProbeWww={() => undefined}
      />,
    );
    expect(root().querySelector('[data-action="probe-www"]')).toBeNull();
    expect(root().dataset['causes']?.split(',')[0]).toBe('name-mismatch-www');
    expect(root().textContent).toContain(en('evidenceWwwWorks', 'www.example.com'));
  });

  test('the Russian guide with Russian messages', () => {
    const ru = new Catalogue('ru', CATALOGUES.ru);
    render(
      <DiagnosisView
        state={view(failed('https://shop.example.com/', 'SEC_ERROR_UNKNOWN_ISSUER'))}
        t={translatorForLocale('ru')}
        catalogue={ru}
      />,
    );
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

describe('every verdict and every state has its banner or message', () => {
  const DAY = 24 * HOUR;
  const verdicts: [string, SnapshotView, string][] = [
    ['ok', view(recordLoaded('https://shop.example.com/')), 'verdict_ok'],
    ['caution', view({ ...recordLoaded('https://shop.example.com/'), subresourceFailureCount: 2 }), 'verdict_caution'],
    [
      'fix-here',
      view(failed('https://shop.example.com/', 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE'), environment({ clock: clock(-3 * DAY) })),
      'verdict_fix_here',
    ],
    ['site-fault', view(failed('https://shop.example.com/', 'SEC_ERROR_UNKNOWN_ISSUER')), 'verdict_site_fault'],
    ['danger', view(failed('https://shop.example.com/', 'SEC_ERROR_REVOKED_CERTIFICATE')), 'verdict_danger'],
  ];

  test.each(verdicts)('%s', (verdict, state, key) => {
    render(<DiagnosisView state={state} t={en} catalogue={guide} />);
    expect(root().dataset['verdict']).toBe(verdict);
    expect(screen.getByTestId('verdict').textContent).toContain(message(key));
    expect(screen.getByTestId('verdict').className).toContain(`verdict-${verdict}`);
  });

  const states: [string, PopupState, string][] = [
    ['http page', { kind: 'not-https', scheme: 'http', url: 'http://a.test/' }, 'popupNotHttpsHttp'],
    ['Firefox page', { kind: 'not-https', scheme: null, url: null }, 'popupNotHttpsInternal'],
    ['file', { kind: 'not-https', scheme: 'file', url: 'file:///tmp/a.html' }, 'popupNotHttpsFile'],
    ['no record', { kind: 'no-record', tabId: null }, 'popupNoRecord'],
    ['broken', { kind: 'broken', message: 'x' }, 'popupBroken'],
    ['loading', { kind: 'loading' }, 'popupLoading'],
  ];

  test.each(states)('%s', (_name, state, key) => {
    render(<DiagnosisView state={state} t={en} catalogue={guide} />);
    expect(root().textContent).toContain(message(key));
    expect(screen.queryByTestId('verdict')).toBeNull();
  });

  test('a past incident says so, with its date', () => {
    const state: SnapshotView = {
      ...view(failed('https://shop.example.com/', 'SEC_ERROR_UNKNOWN_ISSUER')),
      incidentAt: Date.UTC(2026, 10, 20, 9),
    };
    render(<DiagnosisView state={state} t={en} catalogue={guide} locale="en" />);
    expect(screen.getByTestId('incident-note').textContent).toContain('2026');
  });

  test('a loaded page: a one-line summary, and the certificate with PEM copy', () => {
    // Recorded from the lab in Firefox (WebCrypto cannot make certificates under jsdom).
    const recorded = (recordedJson as unknown as { caseId: string; snapshot: TabSnapshot }[]).find((r) => r.caseId === 'valid');
    if (!recorded) throw new Error('no recorded valid case');
    const snapshot = recorded.snapshot;
    const copied: string[] = [];
    render(<DiagnosisView state={view(snapshot)} t={en} catalogue={guide} onCopy={(text) => copied.push(text)} />);
    expect(screen.getByTestId('loaded-summary').textContent).toContain('TLSv1.3');
    fireEvent.click(screen.getByRole('button', { name: message('certCopyPem') }));
    expect(copied[0]).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----/);
    expect(screen.getByTestId('certificate-details').textContent).toContain('valid.lab.test');
    expect(screen.getByTestId('certificate-details').textContent).toContain('Cert Doctor Lab Root');
  });

  test('steps with a setting name get a copy button for it', () => {
    const copied: string[] = [];
    render(
      <DiagnosisView
        state={view(failed('https://shop.example.com/', 'SSL_ERROR_NO_CIPHERS_SUPPORTED'))}
        t={en}
        catalogue={guide}
        onCopy={(text) => copied.push(text)}
      />,
    );
    const buttons = root().querySelectorAll<HTMLButtonElement>('.cause[data-cause-id="client-tls-prefs"] [data-action="copy-code"]');
    expect(buttons.length).toBeGreaterThan(0);
    buttons[0]?.click();
    expect(copied[0]).toBe(buttons[0]?.previousElementSibling?.textContent);
  });
});

function recordLoaded(url: string): TabSnapshot {
  return { schema: 2, tabId: 1, url, startedAt: 1, status: 'loaded' };
}

describe('answer first: the answer on top, the rest folded in a fixed order, each fact once', () => {
  const ruMessages = loadMessages('ru');
  const expired = (env = environment()): SnapshotView => view(failed('https://shop.example.com/', 'SEC_ERROR_EXPIRED_CERTIFICATE'), env);
  const noop = (): void => undefined;

  test('verdict, what happened, the clock, the first steps and the actions, then the folded sections in order', () => {
    render(
      <DiagnosisView
        state={expired(environment({ clock: clock(10_000) }))}
        t={en}
        catalogue={guide}
        onReport={noop}
        onTestAgain={noop}
        onOpenOptions={noop}
      />,
    );
    const order = [
      'verdict',
      'what-happened',
      'clock-line',
      'steps',
      'main-action',
      'evidence',
      'more-about',
      'other-systems',
      'technical-details',
    ];
    const elements = order.map((id) => root().querySelector(`[data-testid="${id}"]`));
    expect(order.filter((_id, i) => elements[i] === null)).toEqual([]);
    for (let i = 1; i < elements.length; i++) {
      const before = elements[i - 1];
      const after = elements[i];
      if (!before || !after) continue;
      expect({ [order[i - 1] ?? '']: before.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING }).toEqual({
        [order[i - 1] ?? '']: Node.DOCUMENT_POSITION_FOLLOWING,
      });
    }
    // The other actions follow the main one; everything after them is folded.
    expect(
      root().querySelector('.actions [data-action="test-again"]')?.closest('.actions')?.previousElementSibling?.getAttribute('data-testid'),
    ).toBe('main-action');
    // Everything after the actions is folded.
    for (const id of ['evidence', 'more-about', 'other-systems', 'technical-details']) {
      const folded = root().querySelector(`[data-testid="${id}"]`);
      expect({ id, tag: folded?.tagName, open: folded?.hasAttribute('open') }).toEqual({ id, tag: 'DETAILS', open: false });
    }
  });

  test("what happened is the cause's sentence with the host, said once; the code's longer words are folded", () => {
    render(<DiagnosisView state={expired()} t={en} catalogue={guide} />);
    const summary = (CATALOGUES.en.causes['cert-expired']?.summary ?? '?').replace('{host}', 'shop.example.com');
    expect(screen.getByTestId('what-happened').textContent).toBe(summary);
    expect(root().textContent.split(summary).length).toBe(2);
    const more = screen.getByTestId('more-about');
    expect(more.textContent).toContain(CATALOGUES.en.causes['cert-expired']?.title ?? '?');
  });

  test('the side is said once: by a verdict that names it, else by its own line', () => {
    render(<DiagnosisView state={expired()} t={en} catalogue={guide} />);
    expect(screen.getByTestId('what-happened').textContent).not.toContain(message('side_site'));
    cleanup();
    render(
      <DiagnosisView
        state={view({ schema: 2, tabId: 1, url: 'https://shop.example.com/', startedAt: 1, status: 'loaded', subresourceFailureCount: 2 })}
        t={en}
        catalogue={guide}
      />,
    );
    expect(root().dataset['verdict']).toBe('caution');
    expect(screen.getByTestId('what-happened').textContent).toContain(message('side_site'));
  });

  test('the clock line says what the check found, where the clock matters', () => {
    render(<DiagnosisView state={expired()} t={en} catalogue={guide} />);
    expect(screen.getByTestId('clock-line').textContent).toBe(message('clockLineUnknown'));
    cleanup();
    render(<DiagnosisView state={expired(environment({ clock: clock(10_000, 1) }))} t={en} catalogue={guide} />);
    expect(screen.getByTestId('clock-line').textContent).toBe('Your clock is right: 1 site agrees.');
    cleanup();
    render(<DiagnosisView state={expired(environment({ clock: clock(10_000, 4) }))} t={en} catalogue={guide} />);
    expect(screen.getByTestId('clock-line').textContent).toBe('Your clock is right: 4 sites agree.');
    cleanup();
    const ru = new Catalogue('ru', CATALOGUES.ru);
    render(
      <DiagnosisView state={expired(environment({ clock: clock(10_000, 5) }))} t={translatorForLocale('ru')} catalogue={ru} locale="ru" />,
    );
    expect(screen.getByTestId('clock-line').textContent).toBe('Ваши часы идут верно: это подтверждают 5 сайтов.');
    expect(ruMessages['clockLineUnknown']?.message).toContain('«Проверить снова»');
    cleanup();
    // A name mismatch has nothing to do with the clock: no line.
    render(<DiagnosisView state={view(failed('https://shop.example.com/', 'SSL_ERROR_BAD_CERT_DOMAIN'))} t={en} catalogue={guide} />);
    expect(screen.queryByTestId('clock-line')).toBeNull();
  });

  test("one main action, first and once: the report for a site's fault, test again for a fix here, the working www address when found", () => {
    const mainOf = (): string | undefined => root().querySelector<HTMLElement>('[data-testid="main-action"] > button')?.dataset['action'];
    const actions = (): string[] => [...root().querySelectorAll<HTMLElement>('[data-action]')].map((b) => b.dataset['action'] ?? '');
    render(<DiagnosisView state={expired()} t={en} catalogue={guide} onReport={noop} onTestAgain={noop} />);
    expect(mainOf()).toBe('report');
    expect(
      actions()
        .filter((a) => a === 'report' || a === 'test-again')
        .sort(),
    ).toEqual(['report', 'test-again']);
    cleanup();
    render(
      <DiagnosisView
        state={view(
          failed('https://shop.example.com/', 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE'),
          environment({ clock: clock(-3 * 24 * HOUR) }),
        )}
        t={en}
        catalogue={guide}
        onReport={noop}
        onTestAgain={noop}
      />,
    );
    expect(root().dataset['verdict']).toBe('fix-here');
    expect(mainOf()).toBe('test-again');
    cleanup();
    render(
      <DiagnosisView
        state={view(failed('https://example.com/', 'SSL_ERROR_BAD_CERT_DOMAIN'), environment(), { www: 'works' })}
        t={en}
        catalogue={guide}
        onReport={noop}
        onTestAgain={noop}
        onOpenAlternative={noop}
      />,
    );
    expect(mainOf()).toBe('open-alternative');
    expect(actions().filter((a) => a === 'open-alternative')).toEqual(['open-alternative']);
  });
});
