// The report page's state and actions (popup/report-store.ts), with fakes for Firefox: the view
// of a recorded lab failure, the real guide files, a background that saves or refuses.

import { ReportStore, type ReportPorts } from '../../popup/report-store';
import { Catalogue, type Language } from '../../src/guide/catalogue';
import { CATALOGUES } from '../../src/guide/catalogue-data';
import type { SaveReportMessage } from '../../src/shared/save-report-message';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import type { PopupState } from '../../src/views/snapshot-view';
import { translatorForLocale } from './fakes/messages';
import { expiredTabView } from './support/ready-view';

interface Harness {
  readonly store: ReportStore;
  readonly saved: SaveReportMessage[];
  readonly fetched: string[];
}

async function harness(change: Partial<ReportPorts> = {}, state?: PopupState): Promise<Harness> {
  const view = state ?? (await expiredTabView(3)).views.ready(3);
  if (!view) throw new Error('expected a view');
  const saved: SaveReportMessage[] = [];
  const fetched: string[] = [];
  const store = new ReportStore(
    { tabId: 3 },
    {
      settings: () => Promise.resolve({ ...DEFAULT_SETTINGS, language: 'ru' }),
      uiLanguage: (setting) => {
        const language: Language = setting === 'en' ? 'en' : 'ru';
        return Promise.resolve({ language, t: translatorForLocale(language) });
      },
      resolve: () => Promise.resolve(view),
      loadCatalogue: (language) => Promise.resolve(new Catalogue(language, CATALOGUES[language])),
      remembered: () => Promise.resolve([]),
      requestDownloads: () => Promise.resolve(true),
      send: (message) => {
        saved.push(message);
        return Promise.resolve({ ok: true, filename: message.filename });
      },
      fetchText: (url) => {
        fetched.push(url);
        return Promise.resolve(null);
      },
      copy: () => Promise.resolve(),
      now: () => Date.UTC(2026, 10, 30, 12),
      ...change,
    },
  );
  return { store, saved, fetched };
}

describe('the report page', () => {
  test("a failed load: the report in the person's language, with the settings' options", async () => {
    const { store } = await harness();
    await store.start();
    const { report, reportLanguage, pageLanguage, unavailable, options } = store.state;
    expect({ reportLanguage, pageLanguage, unavailable }).toEqual({ reportLanguage: 'ru', pageLanguage: 'ru', unavailable: null });
    expect(options).toMatchObject({ includePath: DEFAULT_SETTINGS.reportIncludePath, includeChain: DEFAULT_SETTINGS.reportIncludeChain });
    expect(report?.problem.code).toBe('SEC_ERROR_EXPIRED_CERTIFICATE');
    expect(report?.site.host).toBe('expired.lab.test');
    expect(store.content('text')).toContain('SEC_ERROR_EXPIRED_CERTIFICATE');
  });

  test("the report's language is chosen apart from the page's, and the report is made again in it", async () => {
    const { store } = await harness();
    await store.start();
    const russian = store.content('text');
    await store.setLanguage('en');
    expect(store.state).toMatchObject({ reportLanguage: 'en', pageLanguage: 'ru' });
    expect(store.content('text')).not.toBe(russian);
    expect(store.content('text')).toContain(CATALOGUES.en.codes['SEC_ERROR_EXPIRED_CERTIFICATE']?.title ?? '?');
  });

  test('nothing wrong, or nothing recorded: no report, and says so', async () => {
    const { store } = await harness({}, { kind: 'no-record', tabId: 3 });
    await store.start();
    expect(store.state.report).toBeNull();
    expect(store.state.unavailable).toBe(translatorForLocale('ru')('reportNoReport'));
  });

  test('a guide file that cannot be loaded is shown as an error, never a blank page', async () => {
    const { store } = await harness({ loadCatalogue: () => Promise.reject(new Error('guide for ru: HTTP 404')) });
    await store.start();
    expect(store.state.report).toBeNull();
    expect(store.state.unavailable).toContain('guide for ru: HTTP 404');
  });

  test('saving: the permission first, then the background saves the chosen format; a refusal is said', async () => {
    const { store, saved } = await harness();
    await store.start();
    store.setFormat('markdown');
    await store.save();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      type: 'save-report',
      filename: 'cert-doctor-report-expired.lab.test-2026-11-30.md',
      mime: 'text/markdown',
    });
    expect(saved[0]?.content).toBe(store.content('markdown'));
    expect(store.state.status.kind).toBe('done');

    const denied = await harness({ requestDownloads: () => Promise.resolve(false) });
    await denied.store.start();
    await denied.store.save();
    expect(denied.saved).toEqual([]);
    expect(denied.store.state.status).toEqual({ kind: 'failed', message: translatorForLocale('ru')('reportSaveFailed') });

    const failing = await harness({
      send: () => Promise.reject(new Error('The background\'s answer to "save-report" was not understood.')),
    });
    await failing.store.start();
    await failing.store.save();
    expect(failing.store.state.status.kind).toBe('failed');
    expect(failing.store.state.status.kind === 'failed' && failing.store.state.status.message).toContain('not understood');
  });

  test("the contact: the site's security.txt when one answers, else the usual role addresses", async () => {
    const { store, fetched } = await harness();
    await store.start();
    await store.findContact();
    expect(fetched[0]).toBe('https://expired.lab.test/.well-known/security.txt');
    expect(store.state.contact).toEqual({ kind: 'guess', addresses: expect.arrayContaining(['security@expired.lab.test']) as unknown });

    const found = await harness({
      fetchText: (url) => Promise.resolve(url.includes('expired.lab.test') ? 'Contact: mailto:tls@lab.test\n' : null),
    });
    await found.store.start();
    await found.store.findContact();
    expect(found.store.state.contact).toEqual({
      kind: 'found',
      source: 'https://expired.lab.test/.well-known/security.txt',
      contacts: ['mailto:tls@lab.test'],
    });
    expect(found.store.emailTarget()).toBe('tls@lab.test');
  });
});
