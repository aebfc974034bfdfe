// Roots people meet that Firefox does not ship, recognised by name in a captured chain: the
// Russian state certificate authority, and roots whose private keys are public. Data, matched
// by diagnosis/root-recognition.ts. Names are matched on the Common Name (and Organization where a
// Common Name alone would be too loose), as Firefox writes them in getSecurityInfo.

/**
 * The Russian state certificate authority of the Ministry of Digital Development. Subjects:
 * "C=RU, O=The Ministry of Digital Development and Communications, CN=Russian Trusted Root CA"
 * and "... CN=Russian Trusted Sub CA", the certificates published for download on
 * https://www.gosuslugi.ru/crt (files https://gu-st.ru/content/downloads/Russian_Trusted_Root_CA.cer
 * and Russian_Trusted_Sub_CA.cer; the root is valid 2022-03-01 to 2032-02-27).
 */
export const RUSSIAN_STATE_CA = {
  cn: /^Russian Trusted (Root|Sub) CA\b/i,
  o: /^The Ministry of Digital Development and Communications$/i,
} as const;

/**
 * Top-level domains of Russia (.ru, .рф as its punycode xn--p1ai, .su): the sites most likely
 * to use that authority. A hint about a host, never proof.
 */
export const RUSSIAN_ZONES: readonly { readonly suffix: string; readonly shown: string }[] = [
  { suffix: '.ru', shown: '.ru' },
  { suffix: '.xn--p1ai', shown: '.рф' },
  { suffix: '.рф', shown: '.рф' },
  { suffix: '.su', shown: '.su' },
];

export interface CompromisedRoot {
  readonly id: string;
  /** Who put the root on people's computers, shown as is in every language. */
  readonly vendor: string;
  /** All given patterns must match (Common Name, Organization). */
  readonly cn: RegExp;
  readonly o?: RegExp;
}

/**
 * Roots that software installed on people's computers together with a private key that was
 * extracted and published: anyone can sign a certificate for any site under them. Chromium
 * blocks their keys and lists them under "Private Key Leakages" in
 * net/data/ssl/blocklist/README.md (https://chromium.googlesource.com/chromium/src/+/main/net/data/ssl/blocklist/README.md),
 * whose certificate files give these subjects:
 * - Superfish (Lenovo laptops, 2015): "O=Superfish, Inc., L=SF, ST=CA, C=US, CN=Superfish, Inc."
 *   (b6fe9151….pem; https://www.eff.org/deeplinks/2015/02/how-remove-superfish-adware-your-lenovo-computer).
 * - eDellRoot and DSDTestProvider (Dell Foundation Services and Dell System Detect, 2015):
 *   "CN=eDellRoot" (ec30c9c3….pem) and "OU=DSDTestProvider, O=DSDTestProvider, CN=DSDTestProvider"
 *   (0f912fd7….pem); Dell's notice: https://www.dell.com/support/article/us/en/19/SLN300321.
 * - Sennheiser HeadSetup (2018, Microsoft advisory ADV180029): "CN=SenncomRootCA" and
 *   "CN=127.0.0.1", both "O=Sennheiser Communications A/S" (91e5cc32….pem, ddd8ab91….pem).
 */
export const COMPROMISED_ROOTS: readonly CompromisedRoot[] = [
  { id: 'superfish', vendor: 'Superfish (Lenovo)', cn: /^Superfish, Inc\.$/i, o: /^Superfish, Inc\.$/i },
  { id: 'edellroot', vendor: 'Dell Foundation Services', cn: /^eDellRoot$/i },
  { id: 'dsdtestprovider', vendor: 'Dell System Detect', cn: /^DSDTestProvider$/i },
  { id: 'senncom-root', vendor: 'Sennheiser HeadSetup', cn: /^SenncomRootCA$/i, o: /^Sennheiser Communications A\/S$/i },
  { id: 'senncom-localhost', vendor: 'Sennheiser HeadSetup', cn: /^127\.0\.0\.1$/, o: /^Sennheiser Communications A\/S$/i },
];

// Sources of the operating-system and vendor steps in the guide's texts for these causes
// (src/guide/text/<lang>/causes-*.json: compromised-root, russian-state-ca, russian-state-ca-missing,
// linux-store-ignored), checked 2026-11-30. Firefox's own labels are checked against its .ftl files.
// - Superfish: Lenovo's advisory lists the certificate "Superfish, Inc." under "Trusted Root
//   Certification Authorities" > "Certificates" and published an automated removal tool; Windows
//   Defender removes the program and its certificate (reported by itworldcanada.com/article/
//   lenovo-reels-in-superfish-over-security-issues/102265 and geeky-gadgets.com, 2015-02-23).
// - eDellRoot: Dell's removal instructions and tool, https://www.dell.com/support/article/us/en/19/SLN300321.
//   Windows distrusted eDellRoot and DSDTestProvider through its disallowed-certificate list in
//   December 2015 (https://github.com/hannob/superfishy/pull/4, from Microsoft's disallowedcert.sst).
// - Sennheiser HeadSetup: the fixed update and Microsoft security advisory ADV180029 (2018-11).
// - p11-kit's trust module on Debian: /usr/lib/x86_64-linux-gnu/pkcs11/p11-kit-trust.so from the
//   package p11-kit-modules, loaded with "Security Devices" > "Load":
//   https://wiki.debian.org/Firefox/PrivateCertificateAuthority.
// - Firefox reads the operating system's roots only on Windows, macOS and Android:
//   security/manager/ssl/EnterpriseRoots.cpp (https://searchfox.org/mozilla-central/source/security/manager/ssl/EnterpriseRoots.cpp)
//   and the comment on the "certEnableThirdPartyToggle" setting in Firefox 153's
//   browser/content/browser/preferences/config/privacy.mjs ("only implemented for Windows and Mac").
// - The Ministry's certificates are published at https://www.gosuslugi.ru/crt.
