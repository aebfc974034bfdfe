// The popup loads only the entries its view shows (guide-words.ts), from the per-entry files
// build.mjs writes. Here a fake fetch serves those files from the guide's JSON, by the same paths.

import type { Diagnosis } from '../../src/diagnosis/types';
import { CAUSE_IDS } from '../../src/rules/cause-ids';
import type { CatalogueData, Language } from '../../src/guide/catalogue';
import { LANGUAGES } from '../../src/guide/languages';
import { CATALOGUES } from '../../src/guide/catalogue-data';
import { entryPath, loadGuideWords } from '../../src/guide/guide-words';

function serve(language: Language, data: CatalogueData, asked: string[]): typeof fetch {
  const files = new Map<string, unknown>();
  for (const [id, entry] of Object.entries(data.codes)) files.set(entryPath(language, 'code', id), entry);
  for (const [id, entry] of Object.entries(data.causes)) files.set(entryPath(language, 'cause', id), entry);
  for (const [id, entry] of Object.entries(data.products)) files.set(entryPath(language, 'product', id), entry);
  return ((url: string) => {
    asked.push(url);
    const entry = files.get(url);
    return Promise.resolve(entry === undefined ? new Response('', { status: 404 }) : new Response(JSON.stringify(entry)));
  }) as typeof fetch;
}

const realFetch = global.fetch;
afterEach(() => {
  global.fetch = realFetch;
});

describe.each(LANGUAGES)('the words a view shows (%s)', (language) => {
  const data = CATALOGUES[language];

  test('the code, every diagnosed cause and the product: nothing else is fetched', async () => {
    const asked: string[] = [];
    global.fetch = serve(language, data, asked);
    const diagnosis: Pick<Diagnosis, 'causes' | 'product'> = {
      causes: [
        { id: 'interception', confidence: 'high', evidence: [] },
        { id: 'clock-behind', confidence: 'low', evidence: [] },
      ],
      product: { id: 'avast', name: 'Avast / AVG', kind: 'antivirus', guide: 'avast' },
    };
    const words = await loadGuideWords(
      language,
      { code: { name: 'SEC_ERROR_UNKNOWN_ISSUER', family: 'certificate' }, diagnosis },
      (path) => path,
    );
    expect(words.language).toBe(language);
    expect(words.code('SEC_ERROR_UNKNOWN_ISSUER', 'certificate')).toEqual(data.codes['SEC_ERROR_UNKNOWN_ISSUER']);
    expect(words.cause('interception')).toEqual(data.causes['interception']);
    expect(words.cause('clock-behind')).toEqual(data.causes['clock-behind']);
    expect(words.productSteps('avast')).toEqual(data.products['avast']?.steps);
    expect(asked.sort()).toEqual(
      [
        `dist/guide/${language}/code/SEC_ERROR_UNKNOWN_ISSUER.json`,
        `dist/guide/${language}/cause/interception.json`,
        `dist/guide/${language}/cause/clock-behind.json`,
        `dist/guide/${language}/product/avast.json`,
      ].sort(),
    );
  });

  test('a code the guide does not list gets its family generic words', async () => {
    const asked: string[] = [];
    global.fetch = serve(language, data, asked);
    const words = await loadGuideWords(
      language,
      { code: { name: 'NOT_A_LISTED_CODE', family: 'network' }, diagnosis: { causes: [], product: null } },
      (path) => path,
    );
    expect(words.code('NOT_A_LISTED_CODE', 'network')).toEqual(data.codes['generic:network']);
    expect(asked).toEqual([`dist/guide/${language}/code/NOT_A_LISTED_CODE.json`, `dist/guide/${language}/code/generic-network.json`]);
  });

  test('every entry has a file name the build can write (no colon, no path separator)', () => {
    const ids = [...Object.keys(data.codes), ...CAUSE_IDS, ...Object.keys(data.products)];
    for (const id of ids) expect(entryPath(language, 'code', id)).toMatch(/^dist\/guide\/[a-z]+(?:-[A-Z]+)?\/code\/[A-Za-z0-9_.-]+\.json$/);
  });
});

test('no words at all for the diagnosed causes is an error, not an empty guide', async () => {
  global.fetch = () => Promise.resolve(new Response('', { status: 404 }));
  await expect(
    loadGuideWords(
      'en',
      { code: null, diagnosis: { causes: [{ id: 'unknown', confidence: 'low', evidence: [] }], product: null } },
      (path) => path,
    ),
  ).rejects.toThrow(/no words/);
});
