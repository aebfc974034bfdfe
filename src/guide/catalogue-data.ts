// Every language's guide, read from src/guide/text/<lang>/ and merged by guide-merge.ts, the
// same merge build.mjs writes to dist/guide/ (for the tests, and the e2e's expectations). The
// extension does not bundle this: it fetches dist/guide/<lang>.json (the report page,
// guide-loader.ts) or single entries (the popup, guide-words.ts).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueData, Language } from './catalogue';
import { LANGUAGES } from './languages';
import { mergeGuideFiles } from './guide-merge';

function readLanguage(language: Language): CatalogueData {
  const dir = join(__dirname, 'text', language);
  const files = Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name, JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown]),
  );
  return mergeGuideFiles(files);
}

export const CATALOGUES: Readonly<Record<Language, CatalogueData>> = Object.fromEntries(
  LANGUAGES.map((language) => [language, readLanguage(language)]),
) as Record<Language, CatalogueData>;
