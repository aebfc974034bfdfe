// Language choice, the translator over a message file, placeholder filling, the www probe URL.

import { fillPlaceholders, placeholdersOf, toPieces } from '../../src/guide/fill';
import { chooseLanguage } from '../../src/shared/language';
import { translatorFromMessages } from '../../src/shared/messages';
import { probe, twinUrl } from '../../popup/probe';
import { sendsHsts } from '../../src/capture/response-facts';

describe('language', () => {
  test('the setting wins; "auto" follows Firefox; anything but Russian is English', () => {
    expect(chooseLanguage('ru', 'en-US')).toBe('ru');
    expect(chooseLanguage('en', 'ru')).toBe('en');
    expect(chooseLanguage('auto', 'ru-RU')).toBe('ru');
    expect(chooseLanguage('auto', 'de')).toBe('en');
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
  test('placeholders are filled as text; unknown ones stay visible', () => {
    expect(fillPlaceholders('Try {alternative} on {host} {other}', { alternative: 'www.a.test', host: 'a.test' })).toBe('Try www.a.test on a.test {other}');
    expect(placeholdersOf('{b} and {a} and {b}')).toEqual(['a', 'b', 'b']);
  });

  test('backticks mark code; a value with a backtick cannot open a code span', () => {
    expect(toPieces('Run `timedatectl` on {host}', { host: 'evil`host' })).toEqual([
      { text: 'Run ', code: false },
      { text: 'timedatectl', code: true },
      { text: ' on evil`host', code: false },
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
