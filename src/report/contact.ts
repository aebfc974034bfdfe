// Whom to send the report to. RFC 9116: a site publishes /.well-known/security.txt with
// "Contact:" lines (mailto:, https:, tel:). Cert Doctor looks for it only when the person
// presses the button, over https only, on the site's host, its www twin and its parent
// domains up to the site's registrable domain (never past it: `github.io`, `co.uk` or
// `s3.amazonaws.com` belong to other people); without one it suggests the usual role addresses
// (RFC 2142) and says they are a guess.
//
// The registrable domain comes from the Public Suffix List (https://publicsuffix.org/) through
// tldts, with its private section (github.io, amazonaws.com's buckets and hosts): only the report
// page loads this file; the popup's bundle must not carry the list (build.mjs).

import { getDomain } from 'tldts';
import { wwwAlternative } from '../diagnosis/name-coverage';
import { isCommandHost } from '../shared/command-host';

export const SECURITY_TXT_PATH = '/.well-known/security.txt';
/** A security.txt is a short text file; anything longer is not one. */
export const MAX_SECURITY_TXT = 32 * 1024;

export interface SecurityTxt {
  readonly contacts: readonly string[];
  readonly expires: string | null;
}

/** The site's registrable domain by the Public Suffix List (private domains included), or null. */
export function registrableDomain(host: string): string | null {
  return getDomain(host, { allowPrivateDomains: true });
}

/**
 * Where to look, most specific first: the host, its www twin, then each parent domain down to
 * the registrable domain. A host with no registrable domain (an IP address, a single label, a
 * public suffix itself) is looked up on its own only.
 */
export function securityTxtUrls(pageUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return [];
  }
  if (url.protocol !== 'https:') return [];
  const port = url.port ? `:${url.port}` : '';
  const hosts = [url.hostname];
  const site = registrableDomain(url.hostname);
  if (site !== null) {
    const twin = wwwAlternative(url.hostname);
    if (twin && registrableDomain(twin) === site) hosts.push(twin);
    const labels = url.hostname.replace(/^www\./, '').split('.');
    const siteLabels = site.split('.').length;
    for (let i = 1; labels.length - i >= siteLabels; i++) hosts.push(labels.slice(i).join('.'));
  }
  return [...new Set(hosts)].map((host) => `https://${host}${port}${SECURITY_TXT_PATH}`);
}

/** The Contact lines (mailto:, https:, tel: only) and Expires of a security.txt; null if it has no contact. */
export function parseSecurityTxt(text: string): SecurityTxt | null {
  if (text.length > MAX_SECURITY_TXT) return null;
  const contacts: string[] = [];
  let expires: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Za-z-]+):\s*(\S.*?)\s*$/.exec(line);
    if (!match) continue;
    const field = (match[1] ?? '').toLowerCase();
    const value = match[2] ?? '';
    // A URI is ASCII (RFC 3986): a contact with any other character (an invisible one, a
    // look-alike letter) is not one, and is not shown as if it were.
    if (
      field === 'contact' &&
      /^[\x20-\x7e]+$/.test(value) &&
      /^(mailto:[^\s<>"]+@[^\s<>"]+|https:\/\/[^\s<>"]+|tel:[+0-9 ()-]+)$/i.test(value)
    )
      contacts.push(value);
    if (field === 'expires' && expires === null) expires = value;
  }
  return contacts.length > 0 ? { contacts, expires } : null;
}

/** RFC 2142's role addresses for web and security problems, at the site's domain. */
export function roleAddresses(pageUrl: string): string[] {
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return [];
  }
  const domain = host.replace(/^www\./, '');
  // Only at a real DNS name: not an address, not a single label, not a name a URL parser let
  // through with characters no mail domain has.
  if (!domain.includes('.') || /^[\d.]+$/.test(domain) || domain.startsWith('[') || !isCommandHost(domain)) return [];
  return [`security@${domain}`, `webmaster@${domain}`];
}

/** The email address in a contact, if it is one. */
export function emailOf(contact: string): string | null {
  const match = /^mailto:(.+)$/i.exec(contact);
  return match?.[1] ?? (/^[^@\s]+@[^@\s]+$/.test(contact) ? contact : null);
}

export function mailtoUrl(to: string, subject: string, body: string): string {
  // Mail clients cut long mailto: links (some at about 2000 characters): keep the body short.
  const MAX_BODY = 1800;
  const text = body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}\n…` : body;
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`;
}
