// `cert-doctor check` as a program: its arguments, its output in every format with hostile
// certificate fields, its words in both languages, its exit status against small local servers,
// and the guide it carries inside its one file.

import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import type { Measurements } from '../../src/check/measurements';
import { predict } from '../../src/check/predict';
import { CLI_LANGUAGES, parseCheckArguments, parseTarget, type CheckArguments } from '../../src/cli/arguments';
import { GUIDE_FILES } from '../../src/cli/bundled-words';
import { runCheck } from '../../src/cli/check-command';
import { renderCheck } from '../../src/cli/check-output';
import { SERVED_CHAIN_REPLY } from '../../src/shared/served-chain';
import { makeCa, makeKeys, makeLeaf, toServerCredential } from '../lab/pki';
import { NOW, makeCert } from './support/check-certificates';

describe('arguments', () => {
  test.each([
    ['https://www.example.test/', { host: 'www.example.test', port: 443 }],
    ['https://www.example.test:8443/path?q=1', { host: 'www.example.test', port: 8443 }],
    ['www.example.test', { host: 'www.example.test', port: 443 }],
    ['WWW.Example.TEST:444', { host: 'www.example.test', port: 444 }],
    ['[::1]:8443', { host: '::1', port: 8443 }],
    ['https://пример.испытание/', { host: 'xn--e1afmkfd.xn--80akhbyknj4f', port: 443 }],
  ])('%s', (text, expected) => {
    expect(parseTarget(text)).toEqual(expected);
  });

  test.each(['http://www.example.test/', 'ftp://x', 'www.example.test/path', 'https://user:pw@www.example.test/', 'host:99999', '', 'a b'])(
    'refused: %j',
    (text) => {
      expect(parseTarget(text)).toBeNull();
    },
  );

  test('options, in both spellings; the defaults', () => {
    const parsed = parseCheckArguments([
      '--json',
      '--lang=ru',
      '--ca',
      'a.pem',
      '--ca=b.pem',
      '--timeout',
      '2500',
      '--connect-to',
      '127.0.0.1',
      'example.test',
    ]);
    expect(parsed).toEqual({
      ok: true,
      help: false,
      args: {
        host: 'example.test',
        port: 443,
        format: 'json',
        language: 'ru',
        caFiles: ['a.pem', 'b.pem'],
        timeoutMs: 2500,
        connectTo: '127.0.0.1',
      },
    });
    expect(parseCheckArguments(['example.test'])).toMatchObject({
      args: { format: 'text', language: 'en', caFiles: [], timeoutMs: 10_000, connectTo: null },
    });
    expect(parseCheckArguments(['--help'])).toEqual({ ok: true, help: true });
  });

  test('mistakes are errors, and an echoed argument shows its control characters instead of obeying them', () => {
    const errors = [
      [],
      ['a.test', 'b.test'],
      ['--lang', 'de', 'a.test'],
      ['--timeout', '5', 'a.test'],
      ['--ca'],
      ['--nope\u001b[2J', 'a.test'],
    ].map((argv) => {
      const parsed = parseCheckArguments(argv);
      return parsed.ok ? 'ok' : parsed.error;
    });
    expect(errors.every((e) => e !== 'ok')).toBe(true);
    expect(errors[5]).toBe('unknown option "--nope\\u001b[2J"');
  });
});

test('the command carries every guide file of each language it speaks (a file added to the guide is not left out)', () => {
  for (const language of CLI_LANGUAGES) {
    const onDisk = readdirSync(join(__dirname, '../../src/guide/text', language)).filter((name) => name.endsWith('.json'));
    expect(Object.keys(GUIDE_FILES[language]).sort()).toEqual(onDisk.sort());
  }
});

/** What the check measured of a TLS 1.3 server at www.example.test that sent `certificates`. */
function measurementsSending(certificates: string[]): Measurements {
  return {
    host: 'www.example.test',
    port: 443,
    at: NOW,
    firefoxLike: {
      kind: SERVED_CHAIN_REPLY,
      version: 1,
      host: 'www.example.test',
      port: 443,
      at: NOW,
      certificates,
      protocol: 'TLSv1.3',
      cipher: 'TLS_AES_128_GCM_SHA256',
      ocspStapled: false,
      failure: null,
    },
    versions: [],
    postQuantum: 'answered',
    wireOrder: null,
    fallbackCertificates: [],
  };
}

describe('output', () => {
  async function hostileMeasurements(): Promise<Measurements> {
    const root = await makeCert({ name: 'CN=Evil\u202eRoot', ca: true });
    const leaf = await makeCert({
      name: 'CN=\u001b[31mred\u001b[0m',
      issuer: root,
      dnsNames: ['\u001b]8;;http://x\u0007www.example.test'],
    });
    return measurementsSending([leaf, root].map((m) => m.view.der.toString('base64')));
  }

  /** Every string in a parsed JSON value: what a tool reading the JSON would print. */
  function stringsOf(value: unknown): string[] {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(stringsOf);
    if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
    return [];
  }

  test.each(['text', 'markdown', 'json'] as const)(
    '%s: no control or bidi character of a certificate reaches the reader raw',
    async (format) => {
      const measurements = await hostileMeasurements();
      const output = renderCheck({ measurements, prediction: predict(measurements, []), format, language: 'en' });
      const texts = format === 'json' ? stringsOf(JSON.parse(output)) : [output];
      expect({
        raw: texts.some((text) => ['\u001b', '\u0007', '\u202e'].some((character) => text.includes(character))),
        // The escape is shown by name (visible-text.ts), so a reader sees something was there.
        named: texts.some((text) => text.includes('\\u{1b}')),
      }).toEqual({ raw: false, named: true });
    },
  );

  test('the verdict, the certainty and the network note, in English and in Russian', async () => {
    const measurements = await hostileMeasurements();
    const prediction = predict(measurements, []);
    const en = renderCheck({ measurements, prediction, format: 'text', language: 'en' });
    const ru = renderCheck({ measurements, prediction, format: 'text', language: 'ru' });
    expect({
      en: [
        en.includes('Firefox would refuse this site with SEC_ERROR_UNKNOWN_ISSUER.'),
        en.includes('depends on the Firefox profile'),
        en.includes('Network use: only'),
      ],
      ru: [
        ru.includes('Firefox не откроет этот сайт: ошибка SEC_ERROR_UNKNOWN_ISSUER.'),
        ru.includes('зависит от профиля Firefox'),
        ru.includes('Сетевые обращения: только'),
      ],
    }).toEqual({ en: [true, true, true], ru: [true, true, true] });
  });
});

test("the chain the server sends is the report's own section: a line per certificate with its names, and the PEM", async () => {
  const root = await makeCert({ name: 'CN=Owner Test Root', ca: true });
  const leaf = await makeCert({ name: 'CN=shop.example.test', issuer: root, dnsNames: ['shop.example.test', 'www.shop.example.test'] });
  const measurements = measurementsSending([leaf.view.der.toString('base64')]);
  const prediction = predict(measurements, []);
  const text = renderCheck({ measurements, prediction, format: 'text', language: 'en' });
  const json = JSON.parse(renderCheck({ measurements, prediction, format: 'json', language: 'en' })) as {
    servedChain: { certificates: { subject: string; names: string[] }[]; missingIssuer: string | null; pem: string };
  };
  expect({
    heading: text.includes(`The chain the server sends (received at ${new Date(NOW).toISOString()})`),
    line: text.includes('CN=shop.example.test, issued by CN=Owner Test Root'),
    names: text.includes('for the names shop.example.test, www.shop.example.test'),
    // The server sent the leaf alone: its issuer is named as missing.
    missing: text.includes('Missing from the chain: the certificate of CN=Owner Test Root'),
    pem: text.includes('-----BEGIN CERTIFICATE-----'),
    json: [
      json.servedChain.certificates.map((c) => c.names),
      json.servedChain.missingIssuer,
      json.servedChain.pem.startsWith('-----BEGIN'),
    ],
  }).toEqual({
    heading: true,
    line: true,
    names: true,
    missing: true,
    pem: true,
    json: [[['shop.example.test', 'www.shop.example.test']], 'CN=Owner Test Root', true],
  });
});

describe('exit status against local servers', () => {
  const servers: { server: Server; sockets: Set<Socket> }[] = [];
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cli-check-'));
  });
  afterAll(async () => {
    for (const { server, sockets } of servers) {
      for (const socket of sockets) socket.destroy();
      server.close();
    }
    await rm(dir, { recursive: true, force: true });
  });

  function track(server: Server): Promise<number> {
    const sockets = new Set<Socket>();
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    servers.push({ server, sockets });
    return new Promise((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  }

  const args = (port: number, extra: Partial<CheckArguments> = {}): CheckArguments => ({
    host: 'www.example.test',
    port,
    format: 'json',
    language: 'en',
    caFiles: [],
    timeoutMs: 5000,
    connectTo: '127.0.0.1',
    ...extra,
  });
  const io = { readFile: (path: string) => readFile(path, 'utf8') };

  test('0 when Firefox (trusting the --ca root) would load it, 1 when it would refuse it, 2 when it cannot be checked', async () => {
    const now = Date.now();
    const root = await makeCa({ name: 'CN=Exit Root', keys: await makeKeys('ec'), now });
    const keys = await makeKeys('ec');
    const leaf = await makeLeaf({ dnsNames: ['www.example.test'], keys, issuer: root, validity: 'current', now });
    const credential = await toServerCredential(leaf, keys, []);
    const good = createTlsServer({ key: credential.keyPem, cert: credential.certChainPem });
    good.on('tlsClientError', () => undefined);
    const goodPort = await track(good);
    const resetPort = await track(createServer((socket) => socket.once('data', () => socket.resetAndDestroy())));
    const silentPort = await track(createServer(() => undefined));
    const rootFile = join(dir, 'root.pem');
    await writeFile(rootFile, root.certPem);
    // One after another: a busy machine must not turn a slow handshake into a timeout.
    const runs = [];
    for (const run of [
      args(goodPort, { caFiles: [rootFile] }),
      args(goodPort),
      args(resetPort),
      args(silentPort, { timeoutMs: 300 }),
      args(goodPort, { caFiles: [join(dir, 'missing.pem')] }),
    ]) {
      runs.push(await runCheck(run, io));
    }
    expect(runs.map((run) => run.exitCode)).toEqual([0, 1, 1, 2, 2]);
    expect(runs[4]?.error).toContain('cannot read --ca file');
  });
});
