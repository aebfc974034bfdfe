import {
  compareWithMemory,
  normaliseHost,
  MAX_FIELD_LENGTH,
  type CertificateChange,
  type CertificateFacts,
  type CertificateMemory,
} from '../../src/core/continuity/memory';
import {
  EMPTY_CONTINUITY,
  LAST_SEEN_RESOLUTION_MS,
  parseContinuityState,
  recallCertificate,
  mergeMemory,
  rememberedHosts,
  sightingMemory,
  type ContinuityState,
} from '../../src/core/continuity/state';
import { HostTable, MAX_REMEMBERED_BYTES } from '../../src/core/continuity/host-table';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2024, 4, 1, 9, 0, 0);

const facts = (overrides: Partial<CertificateFacts> = {}): CertificateFacts => ({
  host: 'shop.example',
  issuer: 'CN=R11,O=Let\u2019s Encrypt,C=US',
  root: 'CN=ISRG Root X1,O=Internet Security Research Group,C=US',
  rootBuiltIn: true,
  spkiSha256: 'spki-A',
  leafSha256: 'leaf-1',
  notAfter: T0 + 60 * DAY,
  ...overrides,
});
const memory = (overrides: Partial<CertificateMemory> = {}): CertificateMemory => ({
  ...facts(),
  firstSeen: T0,
  lastSeen: T0,
  ...overrides,
});

/** One top-level sighting applied to a state as the store applies it: merged, then bounded. */
function rememberCertificate(state: ContinuityState, seen: CertificateFacts, now: number, maxHosts: number): ContinuityState {
  const incoming = sightingMemory(seen, now, true);
  if (incoming === null) return state;
  const table = HostTable.fromState(state);
  const next = mergeMemory(table.get(incoming.host), incoming);
  if (next === null) return state;
  table.put(next);
  table.evictBeyond({ maxHosts, maxBytes: MAX_REMEMBERED_BYTES });
  return table.toState();
}

describe('compareWithMemory', () => {
  test.each<[string, Partial<CertificateMemory>, Partial<CertificateFacts>, CertificateChange]>([
    ['the same certificate', {}, {}, 'same'],
    ['the same certificate through another chain (cross-signed root)', {}, { root: 'CN=DST Root CA X3' }, 'same'],
    ['new certificate, same issuer, same key', {}, { leafSha256: 'leaf-2', notAfter: T0 + 150 * DAY }, 'renewed'],
    ['new certificate, same issuer, new key', {}, { leafSha256: 'leaf-2', spkiSha256: 'spki-B' }, 'new-key'],
    ['another issuing CA, same root', {}, { leafSha256: 'leaf-2', issuer: 'CN=E6,O=Let\u2019s Encrypt,C=US' }, 'new-issuer'],
    [
      'another issuing CA and a new key: the issuer is named',
      {},
      { leafSha256: 'leaf-2', issuer: 'CN=Other CA', spkiSha256: 'spki-B' },
      'new-issuer',
    ],
    ['another root', {}, { leafSha256: 'leaf-2', root: 'CN=DigiCert Global Root G2', issuer: 'CN=DigiCert TLS CA' }, 'new-root'],
    ['another root, issuer name unchanged', {}, { leafSha256: 'leaf-2', root: 'CN=Other Root' }, 'new-root'],
    // Interception products often copy the real root's name; only the built-in flag tells.
    ['same root name, no longer built in', {}, { leafSha256: 'leaf-2', rootBuiltIn: false }, 'new-root'],
    ['same root name, built in now and not before', { rootBuiltIn: false }, { leafSha256: 'leaf-2' }, 'new-root'],
  ])('%s', (_title, before, now, expected) => {
    expect(compareWithMemory(memory(before), facts(now))).toBe(expected);
  });

  test('a stored (clipped) long issuer compares equal to the same long issuer seen again', () => {
    const issuer = `CN=${'x'.repeat(5000)}`;
    const state = rememberCertificate(EMPTY_CONTINUITY, facts({ issuer }), T0, 10);
    const stored = recallCertificate(state, 'shop.example');
    expect(stored?.issuer).toHaveLength(MAX_FIELD_LENGTH);
    expect(stored && compareWithMemory(stored, facts({ issuer, leafSha256: 'leaf-2' }))).toBe('renewed');
  });
});

describe('normaliseHost', () => {
  test.each<[string, string | null]>([
    ['example.com', 'example.com'],
    ['Example.COM', 'example.com'],
    ['example.com:8443', 'example.com'],
    ['example.com.', 'example.com'],
    ['EXAMPLE.com.:443', 'example.com'],
    ['  a.example  ', 'a.example'],
    ['192.0.2.1:443', '192.0.2.1'],
    ['[::1]:8443', '[::1]'],
    ['[2001:DB8::1]', '[2001:db8::1]'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['under_score.example', 'under_score.example'],
    ['a'.repeat(253), 'a'.repeat(253)],
    ['a'.repeat(254), null],
    ['x'.repeat(10_000), null],
    ['', null],
    ['.', null],
    [':443', null],
    ['[::1', null],
    ['evil\n.example', null],
    ['a b.example', null],
    ['<script>.example', null],
    ['b\u00fccher.example', null],
    ['example.com:http', null],
  ])('%j -> %j', (input, expected) => {
    expect(normaliseHost(input)).toBe(expected);
  });
});

describe('one sighting (sightingMemory, mergeMemory) in a bounded table', () => {
  test('a new host is remembered under its normal name, first and last seen now', () => {
    const state = rememberCertificate(EMPTY_CONTINUITY, facts({ host: 'Shop.Example:443' }), T0, 10);
    expect(state).toEqual({ version: 1, hosts: { 'shop.example': memory({ host: 'shop.example' }) } });
    expect(EMPTY_CONTINUITY.hosts).toEqual({});
  });

  test('the same certificate within the hour changes nothing: the very same state comes back', () => {
    const state = rememberCertificate(EMPTY_CONTINUITY, facts(), T0, 10);
    expect(rememberCertificate(state, facts(), T0 + LAST_SEEN_RESOLUTION_MS - 1, 10)).toBe(state);
    expect(rememberCertificate(state, facts({ host: 'SHOP.example:8443' }), T0 + 1000, 10)).toBe(state);
  });

  test('the same certificate an hour later moves only lastSeen', () => {
    const state = rememberCertificate(EMPTY_CONTINUITY, facts(), T0, 10);
    const later = rememberCertificate(state, facts(), T0 + HOUR, 10);
    expect(later).not.toBe(state);
    expect(recallCertificate(later, 'shop.example')).toEqual(memory({ lastSeen: T0 + HOUR }));
  });

  test('a clock set back by days does not freeze lastSeen in the future', () => {
    const state = rememberCertificate(EMPTY_CONTINUITY, facts(), T0, 10);
    expect(recallCertificate(rememberCertificate(state, facts(), T0 - 2 * DAY, 10), 'shop.example')?.lastSeen).toBe(T0 - 2 * DAY);
  });

  test('a new certificate replaces the old one and starts a new firstSeen', () => {
    const state = rememberCertificate(EMPTY_CONTINUITY, facts(), T0, 10);
    const next = rememberCertificate(state, facts({ leafSha256: 'leaf-2', spkiSha256: 'spki-B' }), T0 + 10 * DAY, 10);
    expect(recallCertificate(next, 'shop.example')).toEqual(
      memory({ leafSha256: 'leaf-2', spkiSha256: 'spki-B', firstSeen: T0 + 10 * DAY, lastSeen: T0 + 10 * DAY }),
    );
  });

  test('the same certificate through another chain is updated at once but keeps firstSeen', () => {
    const state = rememberCertificate(EMPTY_CONTINUITY, facts(), T0, 10);
    const next = rememberCertificate(state, facts({ root: 'CN=Cross Root' }), T0 + 60_000, 10);
    expect(recallCertificate(next, 'shop.example')).toEqual(memory({ root: 'CN=Cross Root', lastSeen: T0 + 60_000 }));
  });

  test('beyond the limit the least recently seen hosts are dropped', () => {
    let state: ContinuityState = EMPTY_CONTINUITY;
    for (const [i, host] of ['a', 'b', 'c', 'd', 'e'].entries()) {
      state = rememberCertificate(state, facts({ host: `${host}.example` }), T0 + i * HOUR, 3);
    }
    expect(Object.keys(state.hosts).sort()).toEqual(['c.example', 'd.example', 'e.example']);
  });

  test('a host seen again (after the hour) is recent again and survives', () => {
    let state: ContinuityState = EMPTY_CONTINUITY;
    state = rememberCertificate(state, facts({ host: 'a.example' }), T0, 2);
    state = rememberCertificate(state, facts({ host: 'b.example' }), T0 + HOUR, 2);
    state = rememberCertificate(state, facts({ host: 'a.example' }), T0 + 2 * HOUR, 2);
    state = rememberCertificate(state, facts({ host: 'c.example' }), T0 + 3 * HOUR, 2);
    expect(Object.keys(state.hosts).sort()).toEqual(['a.example', 'c.example']);
  });

  test('the host just written is never the one evicted, even when the clock went back', () => {
    let state = rememberCertificate(EMPTY_CONTINUITY, facts({ host: 'a.example' }), T0, 1);
    state = rememberCertificate(state, facts({ host: 'b.example' }), T0 - DAY, 1);
    expect(Object.keys(state.hosts)).toEqual(['b.example']);
  });

  test('equal lastSeen: the host name decides, so the result does not depend on insertion order', () => {
    const orders = [
      ['m.example', 'k.example'],
      ['k.example', 'm.example'],
    ];
    for (const order of orders) {
      let state: ContinuityState = EMPTY_CONTINUITY;
      for (const host of order) state = rememberCertificate(state, facts({ host }), T0, 3);
      state = rememberCertificate(state, facts({ host: 'z.example' }), T0 + HOUR, 2);
      expect(Object.keys(state.hosts).sort()).toEqual(['m.example', 'z.example']);
    }
  });

  test('a lowered limit trims the state on the next write', () => {
    let state: ContinuityState = EMPTY_CONTINUITY;
    for (let i = 0; i < 5; i++) state = rememberCertificate(state, facts({ host: `h${i}.example` }), T0 + i, 100);
    state = rememberCertificate(state, facts({ host: 'new.example' }), T0 + 10, 2);
    expect(Object.keys(state.hosts).sort()).toEqual(['h4.example', 'new.example']);
  });

  test.each([['x'.repeat(300)], ['evil\n.example'], [''], ['a b']])('host %j is not a host name: nothing changes', (host) => {
    expect(rememberCertificate(EMPTY_CONTINUITY, facts({ host }), T0, 10)).toBe(EMPTY_CONTINUITY);
  });

  test('a time that is not a number changes nothing', () => {
    expect(rememberCertificate(EMPTY_CONTINUITY, facts(), Number.NaN, 10)).toBe(EMPTY_CONTINUITY);
  });

  test('hostile fields are clipped, not stored whole', () => {
    const long = 'y'.repeat(50_000);
    const state = rememberCertificate(EMPTY_CONTINUITY, facts({ issuer: long, root: long, leafSha256: long }), T0, 10);
    const stored = recallCertificate(state, 'shop.example');
    expect(JSON.stringify(state).length).toBeLessThan(4 * MAX_FIELD_LENGTH);
    expect(stored?.root).toBe(long.slice(0, MAX_FIELD_LENGTH));
  });

  test('hosts named like Object.prototype members are plain keys, before and after JSON', () => {
    expect(recallCertificate(EMPTY_CONTINUITY, '__proto__')).toBeUndefined();
    expect(recallCertificate(EMPTY_CONTINUITY, 'constructor')).toBeUndefined();
    let state = rememberCertificate(EMPTY_CONTINUITY, facts({ host: '__proto__' }), T0, 10);
    state = rememberCertificate(state, facts({ host: 'constructor', leafSha256: 'leaf-c' }), T0, 10);
    const reread = parseContinuityState(JSON.parse(JSON.stringify(state)));
    expect(rememberedHosts(reread)).toBe(2);
    expect(recallCertificate(reread, '__proto__')?.leafSha256).toBe('leaf-1');
    expect(recallCertificate(reread, 'constructor')?.leafSha256).toBe('leaf-c');
    expect(Object.getPrototypeOf(reread.hosts)).toBe(Object.prototype);
  });
});

describe('parseContinuityState', () => {
  const valid = { version: 1, hosts: { 'shop.example': memory() } };

  test('a valid state is read as it was written', () => {
    expect(parseContinuityState(JSON.parse(JSON.stringify(valid)))).toEqual(valid);
  });

  test.each<[string, unknown]>([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'garbage'],
    ['a number', 42],
    ['an array', [valid]],
    ['a newer version', { ...valid, version: 2 }],
    ['a version as text', { ...valid, version: '1' }],
    ['no hosts', { version: 1 }],
    ['hosts as an array', { version: 1, hosts: [memory()] }],
  ])('%s is an empty state', (_title, stored) => {
    expect(parseContinuityState(stored)).toEqual({ version: 1, hosts: {} });
  });

  test('corrupt entries are dropped one by one', () => {
    const stored = {
      version: 1,
      hosts: {
        'shop.example': memory(),
        'missing.example': { host: 'missing.example', issuer: 'x' },
        'type.example': memory({ host: 'type.example', lastSeen: 'yesterday' as unknown as number }),
        'nan.example': { ...memory({ host: 'nan.example' }), notAfter: null },
        'key.example': memory({ host: 'other.example' }),
        'UPPER.example': memory({ host: 'UPPER.example' }),
        'null.example': null,
      },
    };
    expect(Object.keys(parseContinuityState(stored).hosts)).toEqual(['shop.example']);
  });
});
