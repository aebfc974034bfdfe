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
