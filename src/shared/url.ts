// The parts of a URL the extension shows and compares. URLs come from pages and history: a
// string that is not a URL gives null, never an exception.

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
