// Loads the whole guide of one language from the extension's own files (dist/guide/<lang>.json,
// written by build.mjs), for the report page; the popup loads single entries (guide-words.ts).
// A missing or broken file is an error the page shows, never a blank.

import { Catalogue, type CatalogueData, type Language } from './catalogue';

export async function loadCatalogue(language: Language, urlOf: (path: string) => string): Promise<Catalogue> {
  const response = await fetch(urlOf(`dist/guide/${language}.json`));
  if (!response.ok) throw new Error(`guide for ${language}: HTTP ${response.status}`);
  const data = (await response.json()) as CatalogueData;
  if (
    typeof data !== 'object' ||
    typeof data.codes !== 'object' ||
    typeof data.codesForOwner !== 'object' ||
    typeof data.causes !== 'object'
  ) {
    throw new Error(`guide for ${language}: not a guide file`);
  }
  return new Catalogue(language, data);
}
