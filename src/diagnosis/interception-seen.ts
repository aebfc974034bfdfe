// Interception products seen re-signing the sites this browser visited: the certificate memory
// of other sites, read by the diagnosis (a failure here may be the same software) and by the
// report (what was checked on the visitor's side).

import { DAY_MS } from '../core/time-units';
import type { CertificateMemory } from '../core/continuity/memory';
import type { InterceptionProduct } from '../rules/interception-products';
import { productForName } from './chain-facts';

/** Interception named on other sites within this time counts as present now. */
export const INTERCEPTION_MEMORY_MS = 7 * DAY_MS;

/** Products named by the issuer or root of recently seen sites not chaining to a built-in root, most sites first. */
export function productsSeenRecently(
  remembered: readonly CertificateMemory[],
  now: number,
): { product: InterceptionProduct; hosts: number }[] {
  const counts = new Map<InterceptionProduct, number>();
  for (const memory of remembered) {
    if (memory.rootBuiltIn || now - memory.lastSeen > INTERCEPTION_MEMORY_MS) continue;
    const product = productForName(memory.issuer) ?? productForName(memory.root);
    if (product) counts.set(product, (counts.get(product) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([product, hosts]) => ({ product, hosts }));
}
