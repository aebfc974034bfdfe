// The one way a language's guide files become its guide (CatalogueData): codes.json,
// codes-owner.json, products.json, and every causes-<part>.json merged in name order. build.mjs
// writes the result to dist/guide/ for the extension; the tests read it through
// catalogue-data.ts. Pure: the caller reads the files.

import type { CatalogueData } from './catalogue';

/** The files a language may split its causes into (causes-here.json, causes-site.json, ...). */
const CAUSE_FILE = /^causes-[a-z-]+\.json$/;

/** `files`: a language's files under src/guide/text/<lang>/, by name, parsed. */
export function mergeGuideFiles(files: Readonly<Record<string, unknown>>): CatalogueData {
  // The files are the project's own, checked in full by test/unit/knowledge-base.test.ts: here
  // only that each is there and is an object.
  const required = (name: string): Record<string, never> => {
    const content = files[name];
    if (typeof content !== 'object' || content === null) throw new Error(`guide: ${name} is missing or not an object`);
    return content as Record<string, never>;
  };
  const causes: Record<string, CatalogueData['causes'][string]> = {};
  for (const name of Object.keys(files)
    .filter((n) => CAUSE_FILE.test(n))
    .sort())
    Object.assign(causes, required(name));
  return { codes: required('codes.json'), codesForOwner: required('codes-owner.json'), causes, products: required('products.json') };
}
