// The one merge of a language's guide files (src/guide/guide-merge.ts), used by the build and by
// the tests alike.

import { mergeGuideFiles } from '../../src/guide/guide-merge';

const base = { 'codes.json': { A: { title: 'a', explanation: '' } }, 'codes-owner.json': { A: 'owner a' }, 'products.json': {} };
const cause = (title: string): unknown => ({ title, summary: '', explanation: '', steps: { default: [] }, owner: { general: [] } });

test('every causes-<part>.json is merged, in name order; other files are not causes', () => {
  const merged = mergeGuideFiles({
    ...base,
    'causes-site.json': { x: cause('from site'), y: cause('y') },
    'causes-here.json': { x: cause('from here'), z: cause('z') },
    'causes.json.bak': { w: cause('stray') },
    'label-notes.json': { v: cause('not a cause file') },
  });
  expect(Object.keys(merged.causes).sort()).toEqual(['x', 'y', 'z']);
  // "here" comes before "site": the later file's entry stands (a duplicate is a test failure elsewhere).
  expect(merged.causes['x']?.title).toBe('from site');
  expect(merged.codes).toEqual(base['codes.json']);
  expect(merged.codesForOwner).toEqual(base['codes-owner.json']);
});

test.each(['codes.json', 'codes-owner.json', 'products.json'])('a language without %s is refused, not shipped half', (missing) => {
  const files = Object.fromEntries(Object.entries(base).filter(([name]) => name !== missing));
  expect(() => mergeGuideFiles(files)).toThrow(missing);
});

test('a cause file that is not an object is refused', () => {
  expect(() => mergeGuideFiles({ ...base, 'causes-here.json': 'text' })).toThrow('causes-here.json');
});
