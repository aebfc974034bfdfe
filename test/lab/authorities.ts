// The lab's certificate authorities, and turning a case's credential recipe into the key and
// chain its server presents.
import { makeCa, makeKeys, makeLeaf, toServerCredential, type Authority, type ServerCredential, type Validity } from './pki';

/** The CAs a leaf can be issued by. The profile trusts the roots listed in lab.ts (trustedRoots). */
export interface Authorities {
  /** "Cert Doctor Lab Root": the test root the Firefox profile trusts. */
  readonly root: Authority;
  /** Issues the ordinary leaves; servers send it after the leaf. */
  readonly intermediate: Authority;
  /** Not in the profile: leaves under it fail with an unknown issuer. */
  readonly 'untrusted-ca': Authority;
  /** Trusted but not built in: stands in for an antivirus product intercepting HTTPS. */
  readonly 'interception-root': Authority;
  /** A second intermediate under the lab root whose validity ended 30 days ago. */
  readonly 'expired-intermediate': Authority;
  /** An RSA intermediate under the lab root that signs with SHA-1, which Firefox rejects. */
  readonly 'sha1-intermediate': Authority;
  /** Named like the Russian state root; trusted, as on a device where someone added it. */
  readonly 'russian-root': Authority;
  /** Named like the Russian state's issuing CA, under russian-root; servers send it. */
  readonly 'russian-sub': Authority;
  /** Named like Dell's eDellRoot, whose private key is public; trusted, as on an affected laptop. */
  readonly 'compromised-root': Authority;
  /** A company's own root, not in the profile: on Linux it would sit in /etc/ssl/certs only. */
  readonly 'company-root': Authority;
}

export type IssuerId = Exclude<keyof Authorities, 'root'>;

export const LAB_ROOT_NAME = 'CN=Cert Doctor Lab Root, O=Cert Doctor Lab';
// Spelled like the real product's root, so the extension can recognise interception by name.
export const INTERCEPTION_ROOT_NAME = 'CN=avast! Web/Mail Shield Root, O=avast! Web/Mail Shield';
// Spelled like the real certificates (src/rules/known-roots.ts cites them), so the extension
// names them as it would on a real device.
export const RUSSIAN_ROOT_NAME = 'CN=Russian Trusted Root CA, O=The Ministry of Digital Development and Communications, C=RU';
const RUSSIAN_SUB_NAME = 'CN=Russian Trusted Sub CA, O=The Ministry of Digital Development and Communications, C=RU';
export const COMPROMISED_ROOT_NAME = 'CN=eDellRoot';
const COMPANY_ROOT_NAME = 'CN=Cert Doctor Lab Company Root, O=Example Corp';

export async function makeAuthorities(now: number): Promise<Authorities> {
  // Key generation dominates start-up time (RSA especially), so all CA keys are made at once.
  const [
    rootKeys,
    intKeys,
    untrustedKeys,
    interceptionKeys,
    expiredKeys,
    sha1Keys,
    russianKeys,
    russianSubKeys,
    compromisedKeys,
    companyKeys,
  ] = await Promise.all([
    makeKeys('ec'),
    makeKeys('ec'),
    makeKeys('ec'),
    makeKeys('ec'),
    makeKeys('ec'),
    makeKeys('rsa-sha1'),
    makeKeys('ec'),
    makeKeys('ec'),
    makeKeys('ec'),
    makeKeys('ec'),
  ]);
  const [root, untrusted, interception, russian, compromised, company] = await Promise.all([
    makeCa({ name: LAB_ROOT_NAME, keys: rootKeys, now }),
    makeCa({ name: 'CN=Cert Doctor Untrusted CA, O=Cert Doctor Lab', keys: untrustedKeys, now }),
    makeCa({ name: INTERCEPTION_ROOT_NAME, keys: interceptionKeys, now }),
    makeCa({ name: RUSSIAN_ROOT_NAME, keys: russianKeys, now }),
    makeCa({ name: COMPROMISED_ROOT_NAME, keys: compromisedKeys, now }),
    makeCa({ name: COMPANY_ROOT_NAME, keys: companyKeys, now }),
  ]);
  // Each intermediate has its own subject name: if two shared one, Firefox's intermediate
  // cache could pick the wrong one while building a path, and the case would test nothing.
  const [intermediate, expired, sha1] = await Promise.all([
    makeCa({ name: 'CN=Cert Doctor Lab Intermediate, O=Cert Doctor Lab', keys: intKeys, issuer: root, now }),
    makeCa({
      name: 'CN=Cert Doctor Lab Expired Intermediate, O=Cert Doctor Lab',
      keys: expiredKeys,
      issuer: root,
      validity: 'expired',
      now,
    }),
    makeCa({ name: 'CN=Cert Doctor Lab SHA-1 Intermediate, O=Cert Doctor Lab', keys: sha1Keys, issuer: root, now }),
  ]);
  const russianSub = await makeCa({ name: RUSSIAN_SUB_NAME, keys: russianSubKeys, issuer: russian, now });
  return {
    root,
    intermediate,
    'untrusted-ca': untrusted,
    'interception-root': interception,
    'expired-intermediate': expired,
    'sha1-intermediate': sha1,
    'russian-root': russian,
    'russian-sub': russianSub,
    'compromised-root': compromised,
    'company-root': company,
  };
}

/** How to make the certificate a case's server presents. */
export interface CredentialRecipe {
  /** Issuing CA, or 'self' for a self-signed leaf. */
  readonly issuer: IssuerId | 'self';
  /** subjectAltName dNSName entries (the first is the CN unless commonName is given). */
  readonly dnsNames: readonly string[];
  readonly commonName?: string;
  /** Default 'current'. */
  readonly validity?: Validity;
  /** Default 'ec'. RSA where the TLS configuration needs it. */
  readonly key?: 'ec' | 'rsa';
  /** Whether the server sends the issuer's certificate after the leaf. Default true. */
  readonly sendIssuer?: boolean;
}

export async function makeCredential(authorities: Authorities, recipe: CredentialRecipe, now: number): Promise<ServerCredential> {
  const keys = await makeKeys(recipe.key ?? 'ec');
  const issuer = recipe.issuer === 'self' ? 'self' : authorities[recipe.issuer];
  const leaf = await makeLeaf({
    dnsNames: recipe.dnsNames,
    ...(recipe.commonName === undefined ? {} : { commonName: recipe.commonName }),
    keys,
    issuer,
    validity: recipe.validity ?? 'current',
    now,
  });
  // Servers send the leaf plus its issuer (never the root of a trusted chain: browsers have
  // it, and real servers that send it are the exception).
  const sendIssuer = issuer !== 'self' && (recipe.sendIssuer ?? true);
  return toServerCredential(leaf, keys, sendIssuer ? [issuer] : []);
}
