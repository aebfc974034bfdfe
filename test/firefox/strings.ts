// Firefox's own words, read from the installed Firefox the tests run: every .ftl file in
// omni.ja and browser/omni.ja (en-US), and in the bundled Russian language pack (Debian's
// firefox-esr-l10n-ru). Answers whether a label the guide quotes is one Firefox can show.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { firefoxInstallDir } from './executable';
import { ANY, FluentBundle, parseFluent, type FluentMessage, type Reading } from './fluent';
import { ZipArchive } from './zip';

/** A Firefox locale: en-US (built in) or one whose language pack is installed (src/guide/languages.ts). */
export type FirefoxLocale = string;

interface Source {
  readonly archive: string;
  /** Folders inside the archive that hold the locale's .ftl files. */
  readonly folders: readonly string[];
}

function sourcesOf(locale: FirefoxLocale, dir: string): Source[] {
  if (locale === 'en-US') {
    return [
      { archive: join(dir, 'omni.ja'), folders: ['localization/en-US/'] },
      { archive: join(dir, 'browser', 'omni.ja'), folders: ['localization/en-US/'] },
    ];
  }
  const pack = join(dir, 'browser', 'extensions', `langpack-${locale}@firefox-esr.mozilla.org.xpi`);
  if (!existsSync(pack)) {
    throw new Error(
      `Firefox's ${locale} language pack is not installed (${pack}): apt-get install firefox-esr-l10n-${locale.toLowerCase()}`,
    );
  }
  return [{ archive: pack, folders: [`localization/${locale}/`, `browser/localization/${locale}/`] }];
}

function readMessages(sources: readonly Source[]): FluentMessage[] {
  return sources.flatMap(({ archive, folders }) => {
    const zip = ZipArchive.open(archive);
    const files = zip.names((name) => name.endsWith('.ftl') && folders.some((folder) => name.startsWith(folder)));
    if (files.length === 0) throw new Error(`${archive} holds no .ftl files under ${folders.join(', ')}`);
    return files.flatMap((file) => parseFluent(zip.readText(file), `${archive}!/${file}`));
  });
}

/** en-US's messages, read once per Firefox: every other locale falls back to them. */
const ENGLISH = new Map<string, FluentMessage[]>();

function englishMessages(dir: string): FluentMessage[] {
  let messages = ENGLISH.get(dir);
  if (!messages) {
    messages = readMessages(sourcesOf('en-US', dir));
    ENGLISH.set(dir, messages);
  }
  return messages;
}

export interface FirefoxMatch {
  /** The archive and file the message is in. */
  readonly source: string;
  /** The message id, with its attribute (`certmgr-tab-servers.label`). */
  readonly key: string;
}

export class FirefoxStrings {
  private readonly exact = new Map<string, FirefoxMatch>();
  private readonly open: { readonly pattern: RegExp; readonly match: FirefoxMatch }[] = [];
  /** Each message's words when they hold no variable, by id (with its attribute). */
  private readonly byKey = new Map<string, string>();

  constructor(messages: readonly FluentMessage[]) {
    const bundle = new FluentBundle(messages);
    for (const message of messages) {
      if (message.key.startsWith('-')) continue; // terms are parts of messages, never shown alone
      const match = { source: message.source, key: message.key };
      for (const reading of bundle.readingsOf(message)) {
        if (reading.every((part) => typeof part === 'string')) {
          const text = reading.join('');
          if (!this.exact.has(text)) this.exact.set(text, match);
          if (!this.byKey.has(message.key)) this.byKey.set(message.key, text);
        } else if (reading.some((part) => typeof part === 'string' && /\p{L}/u.test(part))) {
          // A message that is only variables (`{ $name }`) could "match" any label: skipped.
          this.open.push({ pattern: patternOf(reading), match });
        }
      }
    }
  }

  /** Loads one locale's strings from the installed Firefox (FIREFOX_BIN or firefox-esr). */
  static load(locale: FirefoxLocale, dir = firefoxInstallDir()): FirefoxStrings {
    const own = readMessages(sourcesOf(locale, dir));
    if (locale === 'en-US') return new FirefoxStrings(own);
    // A message the language pack lacks is shown in English, as Firefox falls back to en-US.
    const translated = new Set(own.map((message) => message.key));
    const fallback = englishMessages(dir).filter((message) => !translated.has(message.key));
    return new FirefoxStrings([...own, ...fallback]);
  }

  /**
   * The message that can read exactly `label`, character for character. A `{name}` placeholder
   * in the label stands for text Firefox fills in, so it matches a Fluent variable there (as
   * does a single word or number).
   */
  find(label: string): FirefoxMatch | undefined {
    return this.exact.get(label) ?? this.open.find(({ pattern }) => pattern.test(label))?.match;
  }

  /**
   * The words of message `key` (`pane-privacy-section.heading`), as this Firefox shows them:
   * a test that expects a label of Firefox's reads it here, by id, in any language.
   */
  byId(key: string): string {
    const text = this.byKey.get(key);
    if (text === undefined) throw new Error(`Firefox has no message ${key} without variables`);
    return text;
  }

  /**
   * A text in which Firefox itself quotes `label` as a name, with the language's quotes: Russian
   * Firefox calls its mode «Только HTTPS» inside its labels (Режим «Только HTTPS»), so a guide
   * that names the mode the same way quotes Firefox, not a label of its own.
   */
  findQuotedName(label: string, opening: string, closing: string): FirefoxMatch | undefined {
    // French Firefox pads its guillemets with a no-break space: « Uniquement HTTPS ».
    const quoted = [`${opening}${label}${closing}`, `${opening}\u00a0${label}\u00a0${closing}`];
    for (const [text, match] of this.exact) if (quoted.some((q) => text.includes(q))) return match;
    return undefined;
  }
}

function patternOf(reading: Reading): RegExp {
  // A variable stands for a guide placeholder ({host}) or for one word or number: wider
  // matching would let `{ $date } at { $time }` pass any sentence with "at" in it.
  const source = reading.map((part) => (part === ANY ? '(?:\\{[a-z]+\\}|\\S+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`);
}
