// A certificate for names that have nothing to do with the site: what a provider's block page,
// a filtering DNS resolver or a hijacked address answers with. Only the names seen after the
// person accepted the risk can show it (a failed load gives no certificate), and even then it is
// a possibility unless the names themselves say "block".

import type { CauseBoard } from './cause-board';

/** Second-level labels under which a country's registrations sit (example.co.uk, example.com.au). */
const SHARED_SECOND_LEVEL: ReadonlySet<string> = new Set(['ac', 'co', 'com', 'edu', 'gov', 'net', 'or', 'org']);

/** Words block and filter pages put in their own host names (label parts, split at dots and hyphens). */
const BLOCK_WORDS: ReadonlySet<string> = new Set([
  'block',
  'blocked',
  'blocking',
  'blockpage',
  'denied',
  'filter',
  'filtered',
  'forbidden',
  'restricted',
]);

/**
 * The site's own domain, guessed without the public suffix list: the last two labels, or three
 * under a country's shared second level. Good enough to tell "another site's name" apart.
 */
export function siteDomainGuess(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const tld = labels.at(-1) ?? '';
  const second = labels.at(-2) ?? '';
  const take = tld.length === 2 && SHARED_SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** True when no name in the certificate belongs to the host's own domain. */
export function namesUnrelatedTo(host: string, names: readonly string[]): boolean {
  const own = siteDomainGuess(host);
  return names.length > 0 && names.every((name) => siteDomainGuess(name.replace(/^\*\./, '')) !== own);
}

export function looksLikeBlockPage(names: readonly string[]): boolean {
  return names.some((name) =>
    name
      .toLowerCase()
      .split(/[.-]/)
      .some((part) => BLOCK_WORDS.has(part)),
  );
}

/** After an exception for a name mismatch: weighs a block page or hijacked DNS from the names. */
export function weighBlockPage(board: CauseBoard, host: string, names: readonly string[]): void {
  if (!namesUnrelatedTo(host, names) || board.has('shared-hosting')) return;
  const shown = names.slice(0, 20);
  if (looksLikeBlockPage(names)) {
    board.set('dns-block-page', 350, 'high', { kind: 'block-page-names', names: shown });
  } else {
    board.set('dns-block-page', 250, 'medium', { kind: 'names', names: shown });
  }
}
