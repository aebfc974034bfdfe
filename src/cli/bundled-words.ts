// The guide and the extension's messages, imported as modules so esbuild puts them inside the one
// file of the command (no file lookups beside it at run time). The same JSON files and the same
// merge as the extension's build (src/guide/guide-merge.ts); test/unit/cli-check.test.ts checks
// that every guide file is listed here.

import { Catalogue } from '../guide/catalogue';
import type { CliLanguage } from './arguments';
import { mergeGuideFiles } from '../guide/guide-merge';
import { translatorFromMessages } from '../shared/locale-file-translator';
import type { Translate } from '../shared/i18n';
import enCausesHere from '../guide/text/en/causes-here.json';
import enCausesSite from '../guide/text/en/causes-site.json';
import enCodesOwner from '../guide/text/en/codes-owner.json';
import enCodes from '../guide/text/en/codes.json';
import enProducts from '../guide/text/en/products.json';
import ruCausesHere from '../guide/text/ru/causes-here.json';
import ruCausesSite from '../guide/text/ru/causes-site.json';
import ruCodesOwner from '../guide/text/ru/codes-owner.json';
import ruCodes from '../guide/text/ru/codes.json';
import ruProducts from '../guide/text/ru/products.json';
import enMessages from '../../_locales/en/messages.json';
import ruMessages from '../../_locales/ru/messages.json';

export const GUIDE_FILES: Readonly<Record<CliLanguage, Readonly<Record<string, unknown>>>> = {
  en: {
    'causes-here.json': enCausesHere,
    'causes-site.json': enCausesSite,
    'codes-owner.json': enCodesOwner,
    'codes.json': enCodes,
    'products.json': enProducts,
  },
  ru: {
    'causes-here.json': ruCausesHere,
    'causes-site.json': ruCausesSite,
    'codes-owner.json': ruCodesOwner,
    'codes.json': ruCodes,
    'products.json': ruProducts,
  },
};

const MESSAGES: Readonly<Record<CliLanguage, unknown>> = { en: enMessages, ru: ruMessages };

export function catalogueFor(language: CliLanguage): Catalogue {
  return new Catalogue(language, mergeGuideFiles(GUIDE_FILES[language]));
}

export function translatorFor(language: CliLanguage): Translate {
  return translatorFromMessages(MESSAGES[language]);
}
