// Firefox's RSA key floor, from security/certverifier/CertVerifier.cpp (MIN_RSA_BITS and
// MIN_RSA_BITS_WEAK): a chain that ends at a root built into Firefox needs 2048 bits; any other
// chain (a root a user, an admin or software added) is refused only under 1024 bits. So an
// RSA-1024 certificate from a company's or a device's own root loads (measured in Firefox 153:
// an RSA-1024 leaf under a private root the profile trusts loads with status 200).

/** What public authorities must use and what Firefox demands of chains to its built-in roots. */
export const PUBLIC_RSA_MIN_BITS = 2048;

/** Firefox's floor for chains that end at a root added to the device. */
export const ADDED_ROOT_RSA_MIN_BITS = 1024;

/** The smallest RSA key Firefox accepts for a chain ending at a built-in root, or at another one. */
export function firefoxRsaFloor(rootBuiltIn: boolean): number {
  return rootBuiltIn ? PUBLIC_RSA_MIN_BITS : ADDED_ROOT_RSA_MIN_BITS;
}
