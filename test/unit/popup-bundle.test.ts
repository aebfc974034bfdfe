// The popup reads a ready view and renders it: certificate parsing, the diagnosis and the whole
// guide are the background's (and the report page's) work, and must not come back into its
// bundle. Bundled here as build.mjs does (minified, esbuild's metafile lists every input).

import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const NOT_IN_POPUP: readonly [string, RegExp][] = [
  ['@peculiar/x509 and its ASN.1 modules', /node_modules[\\/]@peculiar[\\/]/],
  ['reflect-metadata', /node_modules[\\/]reflect-metadata[\\/]/],
  ['asn1js', /node_modules[\\/]asn1js[\\/]/],
  ['src/core/certificate', /^src[\\/]core[\\/]certificate[\\/]/],
  ['the error-code tables', /^src[\\/]core[\\/]error-codes[\\/]/],
  ['src/diagnosis/diagnose', /^src[\\/]diagnosis[\\/]diagnose\.ts$/],
  ['the guide text', /^src[\\/]guide[\\/]text[\\/]/],
  ['the loader of the whole guide', /^src[\\/]guide[\\/]guide-loader\.ts$/],
  // Adding a language must not grow the popup: it learns its language from its messages.
  ['the table of languages', /^src[\\/]guide[\\/]languages\.ts$/],
  ["the Public Suffix List (tldts, the report page's security.txt lookup)", /node_modules[\\/]tldts/],
];

describe('the popup bundle', () => {
  let inputs: string[] = [];
  let gzipped = 0;

  beforeAll(async () => {
    const result = await esbuild.build({
      entryPoints: { popup: 'popup/main.tsx' },
      bundle: true,
      write: false,
      format: 'iife',
      target: 'firefox142',
      minify: true,
      legalComments: 'none',
      metafile: true,
      outdir: 'out',
      logLevel: 'silent',
    });
    inputs = Object.keys(result.metafile.inputs);
    gzipped = gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array()).length;
  }, 60_000);

  test('bundles the popup itself (the check reads real inputs)', () => {
    expect(inputs).toContain('popup/main.tsx');
    expect(inputs.some((input) => /node_modules[\\/]preact[\\/]/.test(input))).toBe(true);
  });

  test.each(NOT_IN_POPUP)('leaves out %s', (_, pattern) => {
    expect(inputs.filter((input) => pattern.test(input))).toEqual([]);
  });

  test('is under 40 KB gzipped', () => {
    expect(gzipped).toBeGreaterThan(0);
    expect(gzipped).toBeLessThan(40 * 1024);
  });
});
