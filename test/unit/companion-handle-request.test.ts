// The host's answer to one request (src/companion/handle-request.ts) with a fake fetch: only a
// well-formed request reaches the network, for exactly its host and port, and only a reply in
// the schema goes back.

import fc from 'fast-check';
import { handleRequest, type FetchChain } from '../../src/companion/handle-request';
import { isServedChainRequest, type ServedChain } from '../../src/shared/served-chain';

const REQUEST = { kind: 'cert-doctor/get-served-chain', version: 1, host: 'expired.example', port: 8443 };

function chainFor(host: string, port: number): ServedChain {
  return {
    kind: 'cert-doctor/served-chain',
    version: 1,
    host,
    port,
    at: 1_796_000_000_000,
    certificates: ['MIIBAA=='],
    protocol: 'TLSv1.3',
    cipher: 'TLS_AES_128_GCM_SHA256',
    ocspStapled: false,
    failure: null,
  };
}

function recordingFetch(answer: (host: string, port: number) => Promise<ServedChain> = (h, p) => Promise.resolve(chainFor(h, p))) {
  const calls: [string, number][] = [];
  const fetch: FetchChain = (host, port) => {
    calls.push([host, port]);
    return answer(host, port);
  };
  return { calls, fetch };
}

const bytes = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');

describe('handleRequest', () => {
  test('a valid request connects once, to exactly its host and port, and returns the served chain', async () => {
    const { calls, fetch } = recordingFetch();
    await expect(handleRequest(bytes(REQUEST), fetch)).resolves.toEqual(chainFor('expired.example', 8443));
    expect(calls).toEqual([['expired.example', 8443]]);
  });

  test.each([
    ['another kind', { ...REQUEST, kind: 'cert-doctor/served-chain' }],
    ['another version', { ...REQUEST, version: 2 }],
    ['a host with a path', { ...REQUEST, host: 'example.com/evil' }],
    ['a host with a space', { ...REQUEST, host: 'example.com x' }],
    ['an empty host', { ...REQUEST, host: '' }],
    ['a host longer than DNS allows', { ...REQUEST, host: `${'a'.repeat(250)}.com` }],
    ['port 0', { ...REQUEST, port: 0 }],
    ['port 65536', { ...REQUEST, port: 65536 }],
    ['a port as text', { ...REQUEST, port: '443' }],
    ['a fractional port', { ...REQUEST, port: 443.5 }],
    ['no host', { kind: REQUEST.kind, version: 1, port: 443 }],
    ['an array', [REQUEST]],
    ['null', null],
    ['a string', 'expired.example:8443'],
  ])('refused without connecting: %s', async (_why, message) => {
    const { calls, fetch } = recordingFetch();
    const reply = await handleRequest(bytes(message), fetch);
    expect(reply).toMatchObject({ kind: 'cert-doctor/error', version: 1, error: 'bad-request' });
    expect(calls).toEqual([]);
  });

  test.each([
    ['not JSON', Buffer.from('{"kind":')],
    ['not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
    ['empty', Buffer.alloc(0)],
  ])('refused without connecting: bytes that are %s', async (_why, body) => {
    const { calls, fetch } = recordingFetch();
    expect(await handleRequest(body, fetch)).toMatchObject({ kind: 'cert-doctor/error', error: 'bad-request' });
    expect(calls).toEqual([]);
  });

  test('a fetch that throws becomes a "failed" error, with its message cut to 300 characters', async () => {
    const { fetch } = recordingFetch(() => Promise.reject(new Error(`boom ${'x'.repeat(400)}`)));
    const reply = await handleRequest(bytes(REQUEST), fetch);
    expect(reply).toMatchObject({ kind: 'cert-doctor/error', error: 'failed' });
    expect(reply.kind === 'cert-doctor/error' && reply.detail.length).toBe(300);
  });

  test('an answer about another server is not passed on', async () => {
    const { fetch } = recordingFetch(() => Promise.resolve(chainFor('other.example', 8443)));
    expect(await handleRequest(bytes(REQUEST), fetch)).toMatchObject({ kind: 'cert-doctor/error', error: 'failed' });
  });

  test('an answer outside the schema (eleven certificates, the schema keeps ten) is not passed on', async () => {
    const { fetch } = recordingFetch((h, p) => Promise.resolve({ ...chainFor(h, p), certificates: Array<string>(11).fill('MIIBAA==') }));
    expect(await handleRequest(bytes(REQUEST), fetch)).toMatchObject({ kind: 'cert-doctor/error', error: 'failed' });
  });
});

describe('property', () => {
  test('no JSON value other than a well-formed request makes a connection', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            kind: fc.constant('cert-doctor/get-served-chain'),
            version: fc.jsonValue(),
            host: fc.jsonValue(),
            port: fc.jsonValue(),
          }),
        ),
        async (message) => {
          const { calls, fetch } = recordingFetch();
          const reply = await handleRequest(bytes(message), fetch);
          if (reply.kind === 'cert-doctor/error') expect(calls).toEqual([]);
          else {
            // Only a request the schema's guard accepts gets this far, for its own host and port.
            expect(isServedChainRequest(message)).toBe(true);
            expect(calls).toEqual([[(message as { host: string }).host, (message as { port: number }).port]]);
          }
        },
      ),
    );
  });
});
