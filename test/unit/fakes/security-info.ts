// getSecurityInfo results shaped like the ones measured in Firefox 153 (the lab's recordings,
// test/unit/fixtures/lab-snapshots.json, hold what Cert Doctor kept of real ones),
// built by hand for unit tests.

export interface FakeCert {
  subject?: string;
  issuer?: string;
  start?: number;
  end?: number;
  builtIn?: boolean;
  der?: number[];
}

export function fakeCertificate(c: FakeCert = {}): Record<string, unknown> {
  return {
    subject: c.subject ?? 'CN=valid.lab.test',
    issuer: c.issuer ?? 'CN=Cert Doctor Lab Intermediate',
    validity: { start: c.start ?? 1_700_000_000_000, end: c.end ?? 1_900_000_000_000 },
    fingerprint: { sha1: 'AA:BB', sha256: '11:22:33' },
    serialNumber: '01:02',
    isBuiltInRoot: c.builtIn ?? false,
    subjectPublicKeyInfoDigest: { sha256: 'spki-digest' },
    rawDER: c.der ?? [48, 130, 1, 10],
  };
}

export function fakeSecurityInfo(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    state: 'secure',
    protocolVersion: 'TLSv1.3',
    cipherSuite: 'TLS_AES_128_GCM_SHA256',
    keaGroupName: 'x25519',
    signatureSchemeName: 'ecdsa_secp256r1_sha256',
    certificateTransparencyStatus: 'not_applicable',
    hsts: false,
    usedEch: false,
    usedOcsp: false,
    usedPrivateDns: false,
    certificates: [
      fakeCertificate(),
      fakeCertificate({ subject: 'CN=Cert Doctor Lab Intermediate', issuer: 'CN=Cert Doctor Lab Root' }),
      fakeCertificate({ subject: 'CN=Cert Doctor Lab Root', issuer: 'CN=Cert Doctor Lab Root', builtIn: false }),
    ],
    ...overrides,
  };
}
