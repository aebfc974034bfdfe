// CERT_DOCTOR_RESOLVE (src/companion/resolve-override.ts): fixed addresses for listed names, the
// system's DNS for the others, in both shapes net.connect asks for (one address, or all).

import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookupWithRules, parseResolveRules, resolvedAddress } from '../../src/companion/resolve-override';

describe('parseResolveRules', () => {
  test('name=address pairs, wildcards for a suffix, names in lower case; malformed entries ignored', () => {
    expect(parseResolveRules('Expired.Lab.Test=127.0.0.1, *.lab.test=::1,bad,=1.2.3.4,x.test=not-an-ip,a b=1.2.3.4')).toEqual([
      { pattern: 'expired.lab.test', address: '127.0.0.1' },
      { pattern: '*.lab.test', address: '::1' },
    ]);
    expect(parseResolveRules(undefined)).toEqual([]);
    expect(parseResolveRules('')).toEqual([]);
  });
});

describe('resolvedAddress', () => {
  const rules = parseResolveRules('*.lab.test=127.0.0.1,exact.test=10.0.0.1');
  test.each([
    ['expired.lab.test', '127.0.0.1'],
    ['EXPIRED.LAB.TEST.', '127.0.0.1'],
    ['exact.test', '10.0.0.1'],
    ['sub.exact.test', undefined],
    ['lab.test', undefined],
    ['evil-lab.test', undefined],
    ['example.com', undefined],
  ])('%s -> %s', (name, address) => {
    expect(resolvedAddress(rules, name)).toBe(address);
  });
});

describe('lookupWithRules', () => {
  test('no rules: no lookup, so the system resolves as usual', () => {
    expect(lookupWithRules([])).toBeUndefined();
  });

  const ask = (name: string, options: LookupOptions): Promise<[string | LookupAddress[], number | undefined]> =>
    new Promise((resolve, reject) => {
      const lookup = lookupWithRules(parseResolveRules('*.lab.test=127.0.0.1'));
      if (!lookup) throw new Error('expected a lookup');
      lookup(name, options, (error, address, family) => {
        if (error) reject(error);
        else resolve([address, family]);
      });
    });

  test('one address, or the list net.connect asks for with autoSelectFamily', async () => {
    expect(await ask('expired.lab.test', {})).toEqual(['127.0.0.1', 4]);
    expect(await ask('expired.lab.test', { all: true })).toEqual([[{ address: '127.0.0.1', family: 4 }], undefined]);
  });

  test('a name without a rule goes to the system (localhost, from /etc/hosts)', async () => {
    const [address] = await ask('localhost', {});
    expect(['127.0.0.1', '::1']).toContain(address);
  });
});
