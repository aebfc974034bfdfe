// Loads only the words one view shows, from the per-entry files build.mjs writes under
// dist/guide/<lang>/ (code/<NAME>.json, cause/<id>.json, product/<guide>.json): the popup reads
// a few kilobytes instead of a whole language. The report page loads the whole guide
// (guide-loader.ts). The result is a Catalogue holding just those entries.

import type { ErrorFamily } from '../core/error-codes/decode';
import type { Diagnosis } from '../diagnosis/types';
import { Catalogue, type CauseText, type CodeText, type Language, type ProductText } from './catalogue';

export interface WordsNeeded {
  readonly code: { readonly name: string | null; readonly family: ErrorFamily } | null;
  readonly diagnosis: Pick<Diagnosis, 'causes' | 'product'>;
}

/** Two views with the same key need the same words (a re-render usually does). */
export function wordsKey(language: Language, needed: WordsNeeded): string {
  const product = needed.diagnosis.causes[0]?.id === 'interception' ? needed.diagnosis.product?.guide : undefined;
  return JSON.stringify([
    language,
    needed.code?.name ?? null,
    needed.code?.family ?? null,
    needed.diagnosis.causes.map((cause) => cause.id),
    product ?? null,
  ]);
}

/** The file of one entry; `generic:network` is written as `generic-network` (no colon in names). */
export function entryPath(language: Language, kind: 'code' | 'cause' | 'product', id: string): string {
  return `dist/guide/${language}/${kind}/${id.replace(':', '-')}.json`;
}

export async function loadGuideWords(language: Language, needed: WordsNeeded, urlOf: (path: string) => string): Promise<Catalogue> {
  const read = async <T>(kind: 'code' | 'cause' | 'product', id: string): Promise<T | null> => {
    try {
      const response = await fetch(urlOf(entryPath(language, kind, id)));
      return response.ok ? ((await response.json()) as T) : null;
    } catch {
      return null;
    }
  };
  const causeIds = needed.diagnosis.causes.map((cause) => cause.id);
  const product = needed.diagnosis.causes[0]?.id === 'interception' ? needed.diagnosis.product?.guide : undefined;
  const [codes, causes, products] = await Promise.all([
    codeWords(needed.code, read),
    Promise.all(causeIds.map(async (id) => [id, await read<CauseText>('cause', id)] as const)),
    product ? read<ProductText>('product', product).then((words) => [[product, words] as const]) : Promise.resolve([]),
  ]);
  const present = <T>(entries: readonly (readonly [string, T | null])[]): Record<string, T> =>
    Object.fromEntries(entries.filter((entry): entry is readonly [string, T] => entry[1] !== null));
  if (causeIds.length > 0 && Object.keys(present(causes)).length === 0) throw new Error(`guide for ${language}: no words found`);
  return new Catalogue(language, { codes, codesForOwner: {}, causes: present(causes), products: present(products) });
}

/** The code's own words, or (for a code the guide does not list) its family's generic words. */
async function codeWords(
  code: WordsNeeded['code'],
  read: (kind: 'code', id: string) => Promise<CodeText | null>,
): Promise<Record<string, CodeText>> {
  if (code === null) return {};
  const own = code.name === null ? null : await read('code', code.name);
  if (own && code.name !== null) return { [code.name]: own };
  const generic = `generic:${code.family}`;
  const words = await read('code', generic);
  return words ? { [generic]: words } : {};
}
