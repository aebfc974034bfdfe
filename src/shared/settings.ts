// The person's settings, stored in storage.local under one key, with defaults. A value of the
// wrong type (an old version, a hand edit) falls back to the default, never breaks a reader.

import { isLanguage, type Language } from '../guide/languages';

export interface Settings {
  /** Count failed images, scripts and other parts of a page. */
  readonly watchSubresources: boolean;
  /** Keep a summary of the last good certificate of each site (never for private windows). */
  readonly rememberCertificates: boolean;
  /**
   * Mark a page whose certificate should already have been renewed (the period depends on the
   * certificate's own lifetime: core/certificate/renewal.ts).
   */
  readonly warnBeforeExpiry: boolean;
  /** Keep a history of recent failed loads (never for private windows). */
  readonly keepHistory: boolean;
  /** Reports include the page's path by default (never the query string by default). */
  readonly reportIncludePath: boolean;
  /** Reports include the certificate chain (PEM) by default, when Cert Doctor has it. */
  readonly reportIncludeChain: boolean;
  /** 'auto' follows Firefox's language; otherwise the guide and the popup use this one. */
  readonly language: LanguageSetting;
}

export type LanguageSetting = 'auto' | Language;

export function isLanguageSetting(value: unknown): value is LanguageSetting {
  return value === 'auto' || isLanguage(value);
}

export const DEFAULT_SETTINGS: Settings = {
  watchSubresources: true,
  rememberCertificates: true,
  warnBeforeExpiry: true,
  keepHistory: true,
  reportIncludePath: false,
  reportIncludeChain: true,
  language: 'auto',
};

export { SETTINGS_KEY } from './settings-key';

export function settingsFrom(stored: unknown): Settings {
  const s = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    watchSubresources: typeof s['watchSubresources'] === 'boolean' ? s['watchSubresources'] : DEFAULT_SETTINGS.watchSubresources,
    rememberCertificates:
      typeof s['rememberCertificates'] === 'boolean' ? s['rememberCertificates'] : DEFAULT_SETTINGS.rememberCertificates,
    warnBeforeExpiry: warnBeforeExpiryFrom(s),
    keepHistory: typeof s['keepHistory'] === 'boolean' ? s['keepHistory'] : DEFAULT_SETTINGS.keepHistory,
    reportIncludePath: typeof s['reportIncludePath'] === 'boolean' ? s['reportIncludePath'] : DEFAULT_SETTINGS.reportIncludePath,
    reportIncludeChain: typeof s['reportIncludeChain'] === 'boolean' ? s['reportIncludeChain'] : DEFAULT_SETTINGS.reportIncludeChain,
    language: isLanguageSetting(s['language']) ? s['language'] : DEFAULT_SETTINGS.language,
  };
}

/**
 * Earlier versions stored a fixed number of days (`expiryWarningDays`); 0 meant "never warn".
 * A fixed period no longer fits certificates that live 6 to 200 days, so only that choice is kept.
 */
function warnBeforeExpiryFrom(s: Record<string, unknown>): boolean {
  const current = s['warnBeforeExpiry'];
  if (typeof current === 'boolean') return current;
  const legacyDays = s['expiryWarningDays'];
  if (legacyDays === 0) return false;
  return DEFAULT_SETTINGS.warnBeforeExpiry;
}
