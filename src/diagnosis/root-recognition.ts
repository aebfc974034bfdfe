// Recognising the roots of rules/known-roots.ts in a chain or a remembered certificate, and
// the host names that hint at the Russian state authority.

import { COMPROMISED_ROOTS, RUSSIAN_STATE_CA, RUSSIAN_ZONES, type CompromisedRoot } from '../rules/known-roots';
import { dnAttribute } from './dn-attribute';

interface Named {
  readonly subject: string;
  readonly issuer: string;
}

/** Whether a distinguished name is the Russian state root or its issuing CA. */
export function isRussianStateCa(dn: string): boolean {
  const cn = dnAttribute(dn, 'CN');
  const o = dnAttribute(dn, 'O');
  // The Common Name alone would let anyone call a home-made root "Russian Trusted Root CA"
  // and be taken for the state's; the Organization must match too.
  return cn !== null && o !== null && RUSSIAN_STATE_CA.cn.test(cn) && RUSSIAN_STATE_CA.o.test(o);
}

/** The first issuer in the chain (leaf first) that is the Russian state CA, or null. */
export function russianStateIssuer(chain: readonly Named[]): string | null {
  return chain.find((certificate) => isRussianStateCa(certificate.issuer))?.issuer ?? null;
}

export function compromisedRootFor(dn: string): CompromisedRoot | null {
  const cn = dnAttribute(dn, 'CN');
  if (cn === null) return null;
  const o = dnAttribute(dn, 'O');
  return COMPROMISED_ROOTS.find((root) => root.cn.test(cn) && (root.o === undefined || (o !== null && root.o.test(o)))) ?? null;
}

/** A root with a published private key anywhere in the chain (as a subject or an issuer). */
export function compromisedRootIn(chain: readonly Named[]): { readonly root: CompromisedRoot; readonly dn: string } | null {
  for (const certificate of chain) {
    for (const dn of [certificate.issuer, certificate.subject]) {
      const root = compromisedRootFor(dn);
      if (root) return { root, dn };
    }
  }
  return null;
}

/** The Russian zone a host is in, as people write it (".ru", ".рф", ".su"), or null. */
export function russianZoneOf(host: string): string | null {
  const name = host.toLowerCase().replace(/\.$/, '');
  return RUSSIAN_ZONES.find((zone) => name.endsWith(zone.suffix))?.shown ?? null;
}
