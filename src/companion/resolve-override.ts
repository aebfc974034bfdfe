// A fixed address for some host names, like curl's --resolve, read from CERT_DOCTOR_RESOLVE
// ("name=address,*.suffix=address"). The lab's sites (*.lab.test) resolve to 127.0.0.1 only
// inside the test Firefox (network.dns.localDomains); the host it starts inherits Firefox's
// environment (Subprocess.call without `environment`, Subprocess.sys.mjs), so the end-to-end
// tests give it the same answer this way. The name the host connects to, and sends as SNI,
// is always the one asked for: only its address changes.

import { lookup as systemLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

export const RESOLVE_VARIABLE = 'CERT_DOCTOR_RESOLVE';

export interface ResolveRule {
  /** A host name in lower case, or "*.suffix" for every name under suffix. */
  readonly pattern: string;
  readonly address: string;
}

/** The rules of a CERT_DOCTOR_RESOLVE value; entries that are not `name=IP` are ignored. */
export function parseResolveRules(value: string | undefined): ResolveRule[] {
  if (!value) return [];
  return value
    .split(',')
    .map((entry) => entry.trim().split('='))
    .filter(
      (parts): parts is [string, string] =>
        parts.length === 2 && /^(\*\.)?[a-z0-9.-]+$/i.test(parts[0] ?? '') && isIP(parts[1] ?? '') !== 0,
    )
    .map(([pattern, address]) => ({ pattern: pattern.toLowerCase(), address }));
}

export function resolvedAddress(rules: readonly ResolveRule[], hostname: string): string | undefined {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return rules.find((rule) => (rule.pattern.startsWith('*.') ? name.endsWith(rule.pattern.slice(1)) : name === rule.pattern))?.address;
}

/** A lookup for net/tls.connect: the rule's address for a listed name, the system's for others. */
export function lookupWithRules(rules: readonly ResolveRule[]): LookupFunction | undefined {
  if (rules.length === 0) return undefined;
  return (
    hostname: string,
    options: LookupOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    const address = resolvedAddress(rules, hostname);
    if (address === undefined) {
      systemLookup(hostname, options, callback);
      return;
    }
    const family = isIP(address);
    // net.connect asks for every address (options.all) when it may try several (autoSelectFamily).
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}
