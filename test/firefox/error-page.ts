// Reads Firefox's own error page in a tab, as a person sees it: the buttons it shows, before and
// after "Advanced" is opened, and whether it offers an exception. Firefox 153 builds the page
// from a <net-error-card> with a shadow root (security.certerrors.felt-privacy-v1, on by
// default); errors the redesign does not cover still get the legacy page, whose buttons sit in
// the document itself. Nothing here changes the page except the click on "Advanced".

import type { Page } from 'puppeteer-core';
import { pollPage } from './launch';

export interface ErrorPageReading {
  /** about:certerror?... or about:neterror?... */
  readonly address: string;
  readonly design: 'felt-privacy' | 'legacy';
  /** The page's language (<html lang>), e.g. "en-US" or "ru". */
  readonly language: string;
  /** Every label of a visible button, before and after opening "Advanced", in that order. */
  readonly labels: readonly string[];
  /** The exception button's label, or null when the page offers no exception. */
  readonly exceptionLabel: string | null;
  /** The label of the button that opens the advanced section, or null when there is none. */
  readonly advancedLabel: string | null;
  /** The notice that the site may not support TLS 1.2 (#tlsVersionNotice), after "Advanced". */
  readonly tlsVersionNotice: boolean;
}

/**
 * Fluent wraps each placeable in bidi isolation marks (U+2068 ... U+2069); they are invisible,
 * so a label is compared without them, with its spaces collapsed.
 */
export function visibleLabel(text: string): string {
  return text
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface ButtonsSeen {
  readonly ready: boolean;
  readonly address: string;
  readonly design: 'felt-privacy' | 'legacy';
  readonly language: string;
  readonly labels: readonly string[];
  readonly exceptionLabel: string | null;
  readonly advancedLabel: string | null;
  /** The advanced section is open (felt-privacy: .advanced-container; legacy: #badCertAdvancedPanel). */
  readonly advancedOpen: boolean;
  readonly tlsVersionNotice: boolean;
}

/** Runs in the error page: what it shows now. Not ready until Fluent has filled every button. */
function readButtons(): ButtonsSeen | null {
  const address = document.documentURI;
  if (!address.startsWith('about:certerror') && !address.startsWith('about:neterror')) return null;
  const card = document.querySelector('net-error-card');
  const root: ParentNode | null = card ? card.shadowRoot : document;
  if (!root) return null;
  const title = root.querySelector(card ? '#error-title' : '.title-text');
  const buttons = Array.from(root.querySelectorAll<HTMLElement>(card ? 'moz-button' : 'button')).filter(
    (b) => !b.hidden && b.checkVisibility(),
  );
  const label = (b: Element | null): string | null =>
    b instanceof HTMLElement && !b.hidden && b.checkVisibility() ? b.textContent.trim() : null;
  const labels = buttons.map((b) => b.textContent.trim());
  return {
    ready: (title?.textContent ?? '').trim() !== '' && labels.every((l) => l !== ''),
    address,
    design: card ? 'felt-privacy' : 'legacy',
    language: document.documentElement.lang,
    labels,
    exceptionLabel: label(root.querySelector(card ? '#exception-button' : '#exceptionDialogButton')),
    advancedLabel: label(root.querySelector(card ? '#advanced-button' : '#advancedButton')),
    advancedOpen: card
      ? root.querySelector('.advanced-container') !== null
      : document.getElementById('badCertAdvancedPanel')?.hidden === false,
    tlsVersionNotice: label(root.querySelector('#tlsVersionNotice')) !== null,
  };
}

/** Runs in the error page: clicks the button that opens the advanced section. */
function clickAdvanced(): boolean {
  const card = document.querySelector('net-error-card');
  const button = card ? card.shadowRoot?.getElementById('advanced-button') : document.getElementById('advancedButton');
  if (!(button instanceof HTMLElement)) return false;
  button.click();
  return true;
}

/**
 * Waits for the error page in `page`, reads its buttons, opens "Advanced" if the page has it and
 * reads them again. The exception button is part of the advanced section's template, so once
 * that section is there and translated, its absence is final.
 */
export async function readErrorPage(page: Page, timeoutMs = 15_000): Promise<ErrorPageReading> {
  let lastSeen = 'nothing';
  const ready = async (): Promise<ButtonsSeen | undefined> => {
    const seen = await page.evaluate(readButtons);
    lastSeen = seen ? `${seen.address} ready=${String(seen.ready)}` : 'no error page';
    return seen?.ready ? seen : undefined;
  };
  const fail = (what: string) => (): never => {
    throw new Error(`${what} on ${page.url()} within ${timeoutMs} ms (last seen: ${lastSeen})`);
  };
  const before = await pollPage(page, timeoutMs, ready).catch(fail('No translated error page'));
  let after = before;
  if (before.advancedLabel !== null) {
    await page.evaluate(clickAdvanced);
    after = await pollPage(page, timeoutMs, async () => {
      const seen = await ready();
      return seen?.advancedOpen ? seen : undefined;
    }).catch(fail('The advanced section did not open'));
  }
  return {
    address: before.address,
    design: before.design,
    language: before.language,
    labels: [...before.labels, ...after.labels].map(visibleLabel),
    exceptionLabel: after.exceptionLabel === null ? null : visibleLabel(after.exceptionLabel),
    advancedLabel: before.advancedLabel === null ? null : visibleLabel(before.advancedLabel),
    tlsVersionNotice: after.tlsVersionNotice,
  };
}

/**
 * Asks the error page's own localization for the given messages, in the page's language, with
 * `hostname` set to `hostname`: the strings of this Firefox, from its .ftl files or language pack.
 */
export async function errorPageStrings(page: Page, ids: readonly string[], hostname: string): Promise<Record<string, string>> {
  const values = await page.evaluate(
    async (messageIds, host) => {
      const l10n = (
        document as unknown as { l10n: { formatValues(keys: { id: string; args?: Record<string, string> }[]): Promise<(string | null)[]> } }
      ).l10n;
      return l10n.formatValues(messageIds.map((id) => ({ id, args: { hostname: host } })));
    },
    [...ids],
    hostname,
  );
  const out: Record<string, string> = {};
  ids.forEach((id, index) => {
    const value = values[index];
    if (typeof value !== 'string' || value === '') throw new Error(`The error page has no string ${id}`);
    out[id] = visibleLabel(value);
  });
  return out;
}
