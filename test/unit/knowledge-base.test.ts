// Guards the knowledge base (src/guide): every code and cause has words in every language,
// the languages are in step (same entries, same number of steps, same placeholders), nothing
// is empty, links are https, and Firefox's bypass rules hold for every code.

import codeCausesJson from '../../src/rules/code-causes.json';
import nssCodes from '../../src/core/error-codes/nss-codes.json';
import networkCodes from '../../src/core/error-codes/network-codes.json';
import { decodeErrorNumber, errorNumberForName } from '../../src/core/error-codes/decode';
import { diagnose } from '../../src/diagnosis/diagnose';
import { CAUSE_IDS, isCauseId } from '../../src/rules/cause-ids';
import { CAUSES, supportUrl, type SupportTopic } from '../../src/rules/causes';
import { Catalogue, type CauseText } from '../../src/guide/catalogue';
import { LANGUAGES } from '../../src/guide/languages';
import { localesFolderOf } from '../../src/guide/locales-folder';
import { CATALOGUES } from '../../src/guide/catalogue-data';
import { conditionsOf, placeholdersOf, valueNamesOf } from '../../src/guide/fill';
import { FACT_NAMES, VALUE_NAMES } from '../../src/guide/text-values';
import { INTERCEPTION_PRODUCTS } from '../../src/rules/interception-products';
import { environment, failed, history } from './support/snapshots';
import { loadMessages } from './fakes/messages';

const codeCauses = codeCausesJson as Record<string, string[]>;
const en = CATALOGUES.en;

/** Conditions a string may depend on: a value's presence, or a fact about the report (text-values.ts). */
const CONDITIONS: readonly string[] = [...VALUE_NAMES, ...FACT_NAMES].flatMap((name) => [`if:${name}`, `if:!${name}`]);

function causeStrings(text: CauseText): [string, string][] {
  const out: [string, string][] = [
    ['title', text.title],
    ['summary', text.summary],
    ['explanation', text.explanation],
  ];
  for (const [os, steps] of Object.entries(text.steps)) steps.forEach((s, i) => out.push([`steps.${os}.${i}`, s]));
  for (const [server, steps] of Object.entries(text.owner)) steps.forEach((s, i) => out.push([`owner.${server}.${i}`, s]));
  return out;
}

describe('knowledge base', () => {
  test('every cause id has a guide with a title, summary, explanation and steps, in every language', () => {
    for (const language of LANGUAGES) {
      for (const id of CAUSE_IDS) {
        const text = CATALOGUES[language].causes[id];
        expect({ language, id, present: text !== undefined }).toEqual({ language, id, present: true });
        if (!text) continue;
        expect(text.title.trim()).not.toBe('');
        expect(text.summary.trim()).not.toBe('');
        expect(text.explanation.trim()).not.toBe('');
        expect(text.steps.default.length).toBeGreaterThan(0);
      }
      expect(Object.keys(CATALOGUES[language].causes).sort()).toEqual([...CAUSE_IDS].sort());
    }
  });

  test('no string is empty or carries markup', () => {
    for (const language of LANGUAGES) {
      const data = CATALOGUES[language];
      const all = [
        ...Object.values(data.codes).flatMap((c) => [c.title, c.explanation]),
        ...Object.values(data.causes).flatMap((c) => causeStrings(c).map(([, s]) => s)),
        ...Object.values(data.products).flatMap((p) => p.steps),
      ];
      for (const text of all) {
        expect(text.trim().length).toBeGreaterThan(0);
        // Code spans may hold shell redirections (`</dev/null`); prose may not hold tags.
        const prose = text.replace(/`[^`]*`/g, '');
        expect(prose).not.toMatch(/<[a-z/!]/i);
        expect(prose).not.toMatch(/\]\(|\*\*/); // no Markdown links or bold
        expect((text.match(/`/g) ?? []).length % 2).toBe(0); // code spans are closed
      }
    }
  });

  test('Russian is in step with English: same entries, same steps, same placeholders', () => {
    const ru = CATALOGUES.ru;
    expect(Object.keys(ru.codes).sort()).toEqual(Object.keys(en.codes).sort());
    expect(Object.keys(ru.products).sort()).toEqual(Object.keys(en.products).sort());
    for (const [code, text] of Object.entries(en.codes)) {
      const other = ru.codes[code];
      expect(placeholdersOf(other?.title ?? '')).toEqual(placeholdersOf(text.title));
      expect(placeholdersOf(other?.explanation ?? '')).toEqual(placeholdersOf(text.explanation));
    }
    for (const id of CAUSE_IDS) {
      const a = causeStrings(en.causes[id] as CauseText);
      const b = causeStrings(ru.causes[id] as CauseText);
      expect(b.map(([where]) => where)).toEqual(a.map(([where]) => where));
      a.forEach(([where, text], i) => {
        expect({ id, where, placeholders: placeholdersOf(b[i]?.[1] ?? '') }).toEqual({ id, where, placeholders: placeholdersOf(text) });
      });
    }
    for (const [product, text] of Object.entries(en.products)) {
      expect(ru.products[product]?.steps.length).toBe(text.steps.length);
    }
  });

  test("every code has an administrator's reading too, in every language, with the same placeholders", () => {
    for (const language of LANGUAGES) {
      const data = CATALOGUES[language];
      expect(Object.keys(data.codesForOwner).sort()).toEqual(Object.keys(data.codes).sort());
      for (const [code, text] of Object.entries(data.codesForOwner)) {
        expect(text.trim()).not.toBe('');
        expect(placeholdersOf(text)).toEqual(placeholdersOf(en.codesForOwner[code] ?? ''));
        // The site's address; an administrator's reading also names the port the site runs on.
        for (const name of placeholdersOf(text)) expect(['host', 'port']).toContain(name);
        expect(text.replace(/`[^`]*`/g, '')).not.toMatch(/<[a-z/!]/i);
      }
    }
  });

  test('causes use only the values and facts the popup and the report fill; codes only {host}', () => {
    for (const language of LANGUAGES) {
      for (const [id, text] of Object.entries(CATALOGUES[language].causes)) {
        for (const [where, s] of causeStrings(text)) {
          for (const name of valueNamesOf(s))
            expect({ language, id, where, name, known: (VALUE_NAMES as readonly string[]).includes(name) }).toEqual({
              language,
              id,
              where,
              name,
              known: true,
            });
          for (const condition of conditionsOf(s))
            expect({ language, id, where, condition, known: CONDITIONS.includes(condition) }).toEqual({
              language,
              id,
              where,
              condition,
              known: true,
            });
        }
      }
      for (const text of Object.values(CATALOGUES[language].codes)) {
        for (const name of [...placeholdersOf(text.title), ...placeholdersOf(text.explanation)]) expect(name).toBe('host');
      }
    }
  });

  test('every code with usual causes has words, decodes, and names only real causes', () => {
    for (const [code, ids] of Object.entries(codeCauses)) {
      expect({ code, number: errorNumberForName(code) !== null }).toEqual({ code, number: true });
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect({ code, id, real: isCauseId(id) }).toEqual({ code, id, real: true });
      for (const language of LANGUAGES)
        expect({ language, code, text: CATALOGUES[language].codes[code] !== undefined }).toEqual({ language, code, text: true });
    }
  });

  test("every decodable code gets its own entry or its family's generic one, never nothing", () => {
    const rows = [...(nssCodes as unknown[][]), ...(networkCodes as unknown[][])];
    const catalogue = new Catalogue('en', CATALOGUES.en);
    for (const [name] of rows) {
      const number = errorNumberForName(String(name));
      if (number === null) continue;
      const decoded = decodeErrorNumber(number);
      const text = catalogue.code(decoded.name, decoded.family);
      expect(text.title.trim()).not.toBe('');
      expect(text.title).not.toBe('generic:unknown');
    }
    for (const family of ['certificate', 'tls', 'network', 'unknown'] as const) {
      expect(en.codes[`generic:${family}`]?.title).toBeTruthy();
    }
  });

  test('every interception product has steps in every language', () => {
    for (const language of LANGUAGES) {
      for (const product of INTERCEPTION_PRODUCTS) {
        expect({ product: product.id, steps: (CATALOGUES[language].products[product.guide]?.steps.length ?? 0) > 0 }).toEqual({
          product: product.id,
          steps: true,
        });
      }
    }
  });

  test('support links are https links to Mozilla support', () => {
    const topics = new Set<SupportTopic>(Object.values(CAUSES).map((c) => c.support));
    for (const topic of topics) {
      for (const [os, locale] of [
        ['win', 'en-US'],
        ['mac', 'ru'],
        ['android', 'en-US'],
        ['linux', 'ru'],
      ] as const) {
        const url = new URL(supportUrl(topic, '153.7.0', os, locale));
        expect(url.protocol).toBe('https:');
        expect(url.hostname).toBe('support.mozilla.org');
        expect(url.pathname.endsWith(`/${topic}`)).toBe(true);
      }
    }
    // Hostile inputs cannot bend the link.
    expect(supportUrl('time-errors', '1/../../evil', 'win', 'en-US"><x')).toBe(
      'https://support.mozilla.org/1/firefox/153.0/WINNT/en-US/time-errors',
    );
  });

  test('every verdict and bypass rule the diagnosis can give has words in every locale', () => {
    const keys = new Set<string>();
    for (const code of Object.keys(codeCauses)) {
      for (const hist of [
        history(),
        history({
          lastGood: {
            host: 'a.test',
            issuer: 'CN=x',
            root: 'CN=r',
            rootBuiltIn: true,
            spkiSha256: '',
            leafSha256: '',
            notAfter: 0,
            firstSeen: 0,
            lastSeen: Date.UTC(2026, 10, 25),
            hsts: true,
          },
        }),
      ]) {
        for (const url of ['https://example.com/', 'https://router.lan/']) {
          const result = diagnose(failed(url, code), environment(), hist);
          keys.add(`verdict_${result.verdict.replace('-', '_')}`);
          if (result.bypass) keys.add(`bypass_${result.bypass.rule}_${result.bypass.reason.replace('-', '_')}`);
          for (const cause of result.causes) keys.add(`side_${CAUSES[cause.id].side}`);
        }
      }
    }
    for (const locale of LANGUAGES.map(localesFolderOf)) {
      const messages = loadMessages(locale);
      for (const key of keys) expect({ locale, key, present: messages[key] !== undefined }).toEqual({ locale, key, present: true });
    }
  });
});

// Firefox's rules, written out apart from the code (test/e2e/error-page-oracle.test.ts checks them on Firefox 153's error page): the codes
// that get the error page's exception button. Kept apart from src/diagnosis/firefox-rules.ts on
// purpose, so a slip in either shows up here.
const FIREFOX_OVERRIDABLE = [
  'SEC_ERROR_UNKNOWN_ISSUER',
  'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT',
  'MOZILLA_PKIX_ERROR_MITM_DETECTED',
  'SEC_ERROR_CA_CERT_INVALID',
  'SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED',
  'SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE',
  'MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE',
  'MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY',
  'MOZILLA_PKIX_ERROR_EMPTY_ISSUER_NAME',
  'MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE',
  'MOZILLA_PKIX_ERROR_V1_CERT_USED_AS_CA',
  'SSL_ERROR_BAD_CERT_DOMAIN',
  'SEC_ERROR_EXPIRED_CERTIFICATE',
  'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE',
  'SEC_ERROR_INVALID_TIME',
];

describe("Firefox's bypass rules, for every code", () => {
  test.each(Object.keys(codeCauses))('%s', (code) => {
    const plain = diagnose(failed('https://shop.example.com/', code), environment(), history());
    const withHsts = diagnose(
      failed('https://shop.example.com/', code),
      environment(),
      history({
        lastGood: {
          host: 'shop.example.com',
          issuer: 'CN=x',
          root: 'CN=r',
          rootBuiltIn: true,
          spkiSha256: '',
          leafSha256: '',
          notAfter: 0,
          firstSeen: 0,
          lastSeen: Date.UTC(2026, 10, 25),
          hsts: true,
        },
      }),
    );
    if (FIREFOX_OVERRIDABLE.includes(code)) {
      expect(plain.bypass?.rule).not.toBe('never');
      expect(withHsts.bypass).toEqual({ rule: 'never', reason: 'hsts' });
    } else if (code === 'SSL_ERROR_UNSUPPORTED_VERSION' || code === 'SSL_ERROR_PROTOCOL_VERSION_ALERT') {
      expect(plain.bypass).toEqual({ rule: 'never', reason: 'old-tls' });
    } else {
      expect(plain.bypass).toEqual({ rule: 'never', reason: 'not-overridable' });
    }
    expect(['fix-here', 'site-fault', 'danger']).toContain(plain.verdict);
  });
});
