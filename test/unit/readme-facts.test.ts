// The README's numbers and requirements are the code's: a change to the knowledge base or to
// the supported Node must change the README with it.

import { existsSync, readFileSync } from 'node:fs';
import { CAUSE_IDS } from '../../src/rules/cause-ids';
import { INTERCEPTION_PRODUCTS } from '../../src/rules/interception-products';
import codeCauses from '../../src/rules/code-causes.json';
import englishCodes from '../../src/guide/text/en/codes.json';

const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };

/** The number the README writes in `pattern` (its one capture group). */
function said(pattern: RegExp): number {
  const match = pattern.exec(readme);
  if (!match?.[1]) throw new Error(`README.md does not say ${String(pattern)}`);
  return Number(match[1]);
}

test.each([
  ['causes', /`cause-ids\.ts` \((\d+) causes\)/, CAUSE_IDS.length],
  ['codes with usual causes', /the usual causes of (\d+) codes/, Object.keys(codeCauses).length],
  ['interception products', /issuer patterns of (\d+) products/, INTERCEPTION_PRODUCTS.length],
  ['codes with words', /\((\d+) codes for the visitor/, Object.keys(englishCodes).length],
])('the README counts the %s', (_what, pattern, actual) => {
  expect(said(pattern)).toBe(actual);
});

test('the README asks for the Node that package.json requires', () => {
  const required = /^>=(\d+\.\d+)$/.exec(packageJson.engines.node)?.[1];
  expect(required).toBeDefined();
  expect(readme).toContain(`Node ${required ?? ''} or later`);
});

test('every file and folder the README names is there', () => {
  const named = [...readme.matchAll(/`((?:src|popup|options|test|_locales|icons)\/[^`\s?<*{]+)/g)].map((m) => m[1] ?? '');
  expect(named.length).toBeGreaterThan(20);
  expect(named.filter((path) => !existsSync(path.replace(/\/$/, '')))).toEqual([]);
});
