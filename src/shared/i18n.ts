// Text comes from _locales through browser.i18n; the lookup is injected so that views can be
// rendered in unit tests with the real message files and no browser.

export type Translate = (key: string, substitutions?: string | string[]) => string;

export function translatorFrom(getMessage: (key: string, substitutions?: string | string[]) => string): Translate {
  // A missing key shows the key itself: visible in review, never a blank line.
  return (key, substitutions) => getMessage(key, substitutions) || key;
}
