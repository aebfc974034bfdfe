// The parts of a URL the extension shows and compares. URLs come from pages and history: a
// string that is not a URL gives null, never an exception.

import { MAX_HOST_CHARS } from './text-bounds';

/** The host name, lower-case, without port (IPv6 literals keep their brackets, as URL gives them). */
export function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** host[:port], as a person reads a site's address ("expired.example:8443"). */
export function hostAndPortOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** The scheme of a URL in lower case ("https"), or null (no URL, or none Firefox would show). */
export function schemeOf(url: string | null): string | null {
  if (url === null) return null;
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * The longest URL kept in storage (the top-level page, a redirect's address). Query strings are
 * gone by then; a path longer than this is cut, which still names the site and the page.
 */
export const MAX_STORED_URL_CHARS = 1024;

/** The longest URL kept for each entry of a list (failed frames, a failed image's example). */
export const MAX_LISTED_URL_CHARS = 256;

/**
 * The only form in which a URL is stored: without its query string and fragment (they carry
 * tokens, session ids and personal data, e.g. an SSO redirect's `?token=`), with no user name or
 * password, and cut to `maxChars`. A string that is not a URL gives "". URL's href is ASCII
 * (non-ASCII is percent-encoded, the host punycoded), so characters are bytes here.
 */
export function storableUrl(url: string, maxChars = MAX_STORED_URL_CHARS): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '';
  }
  parsed.search = '';
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  return parsed.href.slice(0, maxChars);
}

/** host[:port] of a URL as stored (a list's key, the sender of a chain), cut to MAX_HOST_CHARS; null for no URL. */
export function storableHost(url: string): string | null {
  return hostAndPortOf(url)?.slice(0, MAX_HOST_CHARS) ?? null;
}

/**
 * Where a companion connects for an https page: its host name (an IPv6 literal without its
 * brackets) and port, 443 when the URL names none. Null for anything but an https URL.
 */
export function httpsEndpointOf(url: string): { readonly host: string; readonly port: number } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname === '') return null;
  return { host: parsed.hostname.toLowerCase().replace(/^\[|\]$/g, ''), port: parsed.port ? Number(parsed.port) : 443 };
}
