// Language choice, the translator over a message file, placeholder filling, the www probe URL.

import { fillEach, fillPlaceholders, fillTemplate, placeholdersOf, toPieces } from '../../src/guide/fill';
import type { Browser } from 'webextension-polyfill';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '../../src/guide/languages';
import { uiLanguage } from '../../src/shared/ui-translator';
import { loadMessages } from './fakes/messages';
import { translatorFromMessages } from '../../src/shared/locale-file-translator';
import { probe, twinUrl } from '../../popup/probe';
import { sendsHsts } from '../../src/capture/response-facts';

describe('language', () => {
  /** Firefox's i18n over the messages it picked (Russian here), and the extension's own files. */
  const firefoxInRussian = {
    i18n: { getMessage: (key: string) => ({ language: 'ru', stepsTitle: 'Что делать' })[key] ?? '' },
    runtime: { getURL: (path: string) => `moz-extension://id/${path}` },
  } as unknown as Browser;
  const files: Record<string, unknown> = {
    'moz-extension://id/_locales/de/messages.json': { language: { message: 'de' }, stepsTitle: { message: 'Was tun' } },
    // A file that does not name the language its folder stands for is not that language's.
    'moz-extension://id/_locales/pt_BR/messages.json': { language: { message: 'pt-PT' }, stepsTitle: { message: 'O que fazer' } },
  };
  const fetched: string[] = [];
  beforeEach(() => {
    fetched.length = 0;
    jest.spyOn(globalThis, 'fetch').mockImplementation((input) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      fetched.push(url);
      return url in files ? Promise.resolve(Response.json(files[url])) : Promise.reject(new TypeError('NetworkError'));
    });
  });
  afterEach(() => jest.restoreAllMocks());

  test('"auto" and Firefox\'s own pick speak through Firefox, with no file read', async () => {
    const spoken = await Promise.all(['auto', 'ru'].map((setting) => uiLanguage(firefoxInRussian, setting)));
    expect(spoken.map(({ language, t }) => [language, t('stepsTitle')])).toEqual([
      ['ru', 'Что делать'],
      ['ru', 'Что делать'],
    ]);
    expect(fetched).toEqual([]);
  });

  test('another language is read from its file, and only a file that names it counts', async () => {
    const german = await uiLanguage(firefoxInRussian, 'de');
    expect([german.language, german.t('stepsTitle')]).toEqual(['de', 'Was tun']);
    const misnamed = await uiLanguage(firefoxInRussian, 'pt-BR');
    const missing = await uiLanguage(firefoxInRussian, 'fy');
    expect([misnamed.language, missing.language]).toEqual(['ru', 'ru']);
    expect(fetched).toEqual([
      'moz-extension://id/_locales/de/messages.json',
      'moz-extension://id/_locales/pt_BR/messages.json',
      'moz-extension://id/_locales/fy/messages.json',
    ]);
  });

  test('every language of the table is accepted from its real messages file', async () => {
    const firefoxInEnglish = {
      i18n: { getMessage: (key: string) => (key === 'language' ? 'en' : '') },
      runtime: { getURL: (path: string) => path },
    } as unknown as Browser;
    jest.spyOn(globalThis, 'fetch').mockImplementation((input) => {
      const path = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      return Promise.resolve(Response.json(JSON.parse(readFileSync(join(__dirname, '..', '..', path), 'utf8'))));
    });
    const spoken = await Promise.all(LANGUAGES.map((language) => uiLanguage(firefoxInEnglish, language)));
    expect(spoken.map((s) => s.language)).toEqual(LANGUAGES);
    // And each speaks its own file's words, not English's.
    const english = loadMessages('en')['stepsTitle']?.message;
    expect(spoken.filter((s) => s.language !== 'en' && s.t('stepsTitle') === english).map((s) => s.language)).toEqual([]);
  });

  test('a stored value that is not a language name never becomes a path', async () => {
    const spoken = await Promise.all(['../../manifest', 'de/../../x', 'DE', ''].map((setting) => uiLanguage(firefoxInRussian, setting)));
    expect(spoken.map((s) => s.language)).toEqual(['ru', 'ru', 'ru', 'ru']);
    expect(fetched).toEqual([]);
  });

  test('a message file as a translator: substitutions, $$, missing keys', () => {
    const t = translatorFromMessages({ a: { message: 'About $1 ahead ($2 sites), $$5' }, b: {} });
    expect(t('a', ['3 hours', '4'])).toBe('About 3 hours ahead (4 sites), $5');
    expect(t('b')).toBe('b');
    expect(t('missing')).toBe('missing');
    expect(translatorFromMessages(null)('x')).toBe('x');
  });
});

describe('catalogue text', () => {
  test('placeholders are filled as text; a string that needs a missing value cannot be said', () => {
    expect(fillPlaceholders('Try {alternative} on {host}', { alternative: 'www.a.test', host: 'a.test' })).toBe('Try www.a.test on a.test');
    expect(fillTemplate('Try {alternative} on {host} {other}', { alternative: 'www.a.test', host: 'a.test' })).toBeNull();
    expect(fillTemplate('Try {alternative}', { alternative: '' })).toBeNull();
    expect(fillPlaceholders('Try {alternative}', {})).toBe('');
    expect(toPieces('Try {alternative}', {})).toEqual([]);
    expect(fillEach(['a {host}', 'b {nothing}', 'c'], { host: 'h' })).toEqual(['a h', 'c']);
    expect(placeholdersOf('{b} and {a} and {b}{if:c}{/if}{if:!d}{else}{/if}')).toEqual(['a', 'b', 'if:!d', 'if:c']);
  });

  test('{if:x}…{else}…{/if} chooses the wording by whether a value or fact is present', () => {
    const template = '{if:alternative}The certificate is for {alternative}{else}The certificate is for the other name{/if}.';
    expect(fillTemplate(template, { alternative: 'www.a.test' })).toBe('The certificate is for www.a.test.');
    expect(fillTemplate(template, {})).toBe('The certificate is for the other name.');
    expect(fillTemplate('Replace it{if:certificates}; the report names the expired one{/if}.', { certificates: true })).toBe(
      'Replace it; the report names the expired one.',
    );
    expect(fillTemplate('Replace it{if:certificates}; the report names the expired one{/if}.', { certificates: false })).toBe(
      'Replace it.',
    );
    expect(fillTemplate('{if:!code}No code.{/if} Done', { code: true })).toBe('Done');
    expect(fillTemplate('Run `x`{if:sslLabs} or SSL Labs{/if} on {host}', { host: 'a' })).toBe('Run `x` on a');
    // A conditional part that needs another missing value is left out, not half-filled.
    expect(fillTemplate('Before{if:issuer} (by {issuer}{if:since}, seen {since}{/if}){/if}.', { issuer: 'CA' })).toBe('Before (by CA).');
    expect(fillTemplate('Before{if:certificates} ({issuer}){/if}.', { certificates: true })).toBe('Before.');
  });

  test('broken conditionals make the string unsayable instead of showing their markers', () => {
    expect(fillTemplate('a {if:x}b', { x: true })).toBeNull();
    expect(fillTemplate('a {/if} b', {})).toBeNull();
    expect(fillTemplate('a {else} b', {})).toBeNull();
  });

  test('backticks mark code; a value with a backtick cannot open a code span', () => {
    expect(toPieces('Run `timedatectl` on {host}', { host: 'evil`host' })).toEqual([
      { text: 'Run ', code: false },
      { text: 'timedatectl', code: true },
      { text: ' on evil`host', code: false },
    ]);
    expect(
      toPieces('Run `openssl s_client -connect {host}:{port}`{if:sslLabs} or SSL Labs{/if}.', { host: 'a.test', port: '8443' }),
    ).toEqual([
      { text: 'Run ', code: false },
      { text: 'openssl s_client -connect a.test:8443', code: true },
      { text: '.', code: false },
    ]);
  });
});

describe('the www probe', () => {
  test('the twin keeps the port; only for https pages', () => {
    expect(twinUrl('https://shop.lab.test:8443/path?q=1', 'www.shop.lab.test')).toBe('https://www.shop.lab.test:8443/');
    expect(twinUrl('https://example.com/', 'www.example.com')).toBe('https://www.example.com/');
    expect(twinUrl('http://example.com/', 'www.example.com')).toBeNull();
    expect(twinUrl('not a url', 'x')).toBeNull();
  });

  test('any HTTP answer means it works; a network error means it fails; no cookies are sent', async () => {
    const seen: RequestInit[] = [];
    const answering = ((_url: string, init: RequestInit) => {
      seen.push(init);
      return Promise.resolve(new Response(null, { status: 404 }));
    }) as unknown as typeof fetch;
    expect(await probe('https://www.a.test/', answering)).toBe('works');
    expect(seen[0]).toMatchObject({ method: 'HEAD', credentials: 'omit', cache: 'no-store' });
    const failing = (() => Promise.reject(new TypeError('NetworkError'))) as unknown as typeof fetch;
    expect(await probe('https://www.a.test/', failing)).toBe('fails');
  });
});

describe('HSTS from the response header', () => {
  test.each([
    [[{ name: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }], true],
    [[{ name: 'strict-transport-security', value: 'max-age="600"' }], true],
    [[{ name: 'Strict-Transport-Security', value: 'max-age=0' }], false],
    [[{ name: 'Strict-Transport-Security' }], false],
    [[{ name: 'Content-Type', value: 'text/html' }], false],
    [undefined, false],
  ])('%j -> %s', (headers, expected) => {
    expect(sendsHsts(headers)).toBe(expected);
  });
});
