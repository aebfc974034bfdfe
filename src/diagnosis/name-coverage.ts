// Which names a certificate covers, by the rules Firefox applies (RFC 6125 as mozilla::pkix
// implements it): a wildcard stands for exactly one whole left-most label. From that, the
// kind of mismatch: the www / bare-name twin, a name one level too deep for the wildcard, or a
// shared host's default certificate that names many unrelated sites.

export function coversName(pattern: string, hostInput: string): boolean {
  const host = normalise(hostInput);
  const name = normalise(pattern);
  if (!name.startsWith('*.')) return name === host;
  const suffix = name.slice(1); // ".example.com"
  if (!host.endsWith(suffix)) return false;
  const label = host.slice(0, host.length - suffix.length);
  return label.length > 0 && !label.includes('.');
}

export function coveredBy(names: readonly string[], host: string): boolean {
  return names.some((name) => coversName(name, host));
}

/** The www twin of a host: www.example.com for example.com and the reverse. */
export function wwwAlternative(hostInput: string): string | null {
  const host = normalise(hostInput);
  if (host.startsWith('www.')) {
    const bare = host.slice(4);
    return bare.includes('.') ? bare : null;
  }
  return host.includes('.') ? `www.${host}` : null;
}

/** A wildcard of the certificate that would cover the host if the host were one level higher. */
export function wildcardTooShallow(names: readonly string[], hostInput: string): string | null {
  const host = normalise(hostInput);
  for (const name of names.map(normalise)) {
    if (!name.startsWith('*.')) continue;
    const suffix = name.slice(1);
    if (host.endsWith(suffix) && host.slice(0, host.length - suffix.length).includes('.')) return name;
  }
  return null;
}

/**
 * Unrelated sites in one certificate: the default certificate of a shared host, served to a
 * name it does not hold. "Unrelated" is approximated by the last two labels (no public
 * suffix list here), which errs towards calling them related.
 */
export const SHARED_HOSTING_MIN_SITES = 4;

export function looksLikeSharedHosting(names: readonly string[], hostInput: string): boolean {
  const host = normalise(hostInput);
  const sites = new Set(names.map((n) => lastLabels(normalise(n).replace(/^\*\./, ''))));
  sites.delete(lastLabels(host));
  return (
    names.length >= SHARED_HOSTING_MIN_SITES &&
    (sites.size >= SHARED_HOSTING_MIN_SITES || distinctFirstLabels(names) >= SHARED_HOSTING_MIN_SITES)
  );
}

/** Names that are many different sites under one parent (customer1.host.test, customer2...). */
function distinctFirstLabels(names: readonly string[]): number {
  return new Set(
    names.map(
      (n) =>
        normalise(n)
          .replace(/^\*\./, '')
          .replace(/^www\./, '')
          .split('.')[0],
    ),
  ).size;
}

function lastLabels(host: string): string {
  return host.split('.').slice(-2).join('.');
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}
