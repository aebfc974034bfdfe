// The words of the views the background makes, loaded here when a view is stored, so that the
// popup receives them with the view (src/shared/popup-handoff.ts) instead of fetching them after
// reading it (about 4 ms before its first paint). Kept by what they are for (language, code,
// causes, product), so tabs with the same failure share one entry; a few dozen at most.

import type { CatalogueData, Language } from '../guide/catalogue';
import { wordsKey, type WordsNeeded } from '../guide/guide-words';
import type { HandedWords } from '../shared/popup-handoff';

const KEPT = 32;

export class HandoffWords {
  private readonly kept = new Map<string, HandedWords>();
  private readonly loading = new Set<string>();

  constructor(
    private readonly load: (language: Language, needed: WordsNeeded) => Promise<CatalogueData>,
    /** The language the popup will speak, null while the settings are not known. */
    private readonly language: () => Language | null,
  ) {}

  /** Loads the words of a view just stored, unless they are kept or loading already. */
  prepare(needed: WordsNeeded): void {
    const language = this.language();
    if (language === null) return;
    const key = wordsKey(language, needed);
    if (this.kept.has(key) || this.loading.has(key)) return;
    this.loading.add(key);
    this.load(language, needed)
      .then((data) => {
        this.kept.set(key, { key, language, data });
        // Oldest first: a Map keeps the order of insertion.
        for (const old of this.kept.keys()) {
          if (this.kept.size <= KEPT) break;
          this.kept.delete(old);
        }
      })
      // The popup fetches the words itself when none were handed over.
      .catch(() => undefined)
      .finally(() => this.loading.delete(key));
  }

  /** The words of a view, when loaded. */
  wordsFor(needed: WordsNeeded): HandedWords | null {
    const language = this.language();
    return language === null ? null : (this.kept.get(wordsKey(language, needed)) ?? null);
  }
}
