// Every language's guide data, read straight from the JSON (tests, and the e2e's expectations).
// The extension does not bundle this: build.mjs writes the same merge to dist/guide/<lang>.json
// (fetched by the report page, guide-loader.ts) and one file per entry under dist/guide/<lang>/
// (the popup fetches only those its view shows, guide-words.ts).

import type { CatalogueData, Language } from './catalogue';
import enCodes from './text/en/codes.json';
import enCodesForOwner from './text/en/codes-owner.json';
import enCausesHere from './text/en/causes-here.json';
import enCausesSite from './text/en/causes-site.json';
import enProducts from './text/en/products.json';
import ruCodes from './text/ru/codes.json';
import ruCodesForOwner from './text/ru/codes-owner.json';
import ruCausesHere from './text/ru/causes-here.json';
import ruCausesSite from './text/ru/causes-site.json';
import ruProducts from './text/ru/products.json';

export const CATALOGUES: Readonly<Record<Language, CatalogueData>> = {
  en: { codes: enCodes, codesForOwner: enCodesForOwner, causes: { ...enCausesHere, ...enCausesSite }, products: enProducts },
  ru: { codes: ruCodes, codesForOwner: ruCodesForOwner, causes: { ...ruCausesHere, ...ruCausesSite }, products: ruProducts },
};
