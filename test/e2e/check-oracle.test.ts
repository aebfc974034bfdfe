// Firefox as the oracle of `cert-doctor check`: the built command is run against every lab case
// (with the lab's roots given by --ca, as the test profile trusts them) and its predicted code
// must be the code Firefox reports for that site: a Firefox with the extension visits every case
// in the same run and its reported code is compared (and the lab's expectedCode, which
// lab-cases.test.ts proves in Firefox, for every case, the HTTPS-Only one included).
// A real Firefox ClientHello is compared with what the check offers.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIREFOX_GROUPS, FIREFOX_TLS12_SUITES, FIREFOX_TLS13_SUITES, FIREFOX_VERSIONS } from '../../src/check/firefox-hello';
import { readPopupFor, visit } from '../firefox/launch';
import { LAB_CASE_SPECS } from '../lab/cases';
import { buildClientHello } from '../../src/check/client-hello';
import { firstRecordLength, readClientHelloGroups } from '../lab/client-hello';
import { orderForVisits } from '../lab/visit-order';
import { isGrease, readHelloOffer } from './support/hello-offer';
import { useFirefoxSession } from './support/session';

const CLI = join(__dirname, '../../build/cli/cert-doctor.cjs');

interface Run {
  readonly exitCode: number;
  readonly json: { firefox: { code: string | null; certainty: string }; findings: string[] };
}

function runCheck(url: string, extra: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, 'check', url, '--connect-to', '127.0.0.1', '--json', '--timeout', '5000', ...extra],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        try {
          resolve({ exitCode, json: JSON.parse(stdout) as Run['json'] });
        } catch {
          reject(new Error(`cert-doctor check ${url} printed no JSON (exit ${exitCode}): ${stderr.slice(0, 500)}`));
        }
      },
    );
  });
}

/** The https address of a case (HTTPS-Only's case is opened as http; its https twin is what fails). */
function httpsUrl(url: string): string {
  return url.replace(/^http:\/\//, 'https://');
}

jest.setTimeout(120_000);

describe('cert-doctor check against Firefox, over every lab case', () => {
  const session = useFirefoxSession();
  let dir = '';
  let rootsFile = '';

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run package (it builds the command too)`);
    dir = await mkdtemp(join(tmpdir(), 'cert-doctor-check-'));
    rootsFile = join(dir, 'lab-roots.pem');
    await writeFile(
      rootsFile,
      session()
        .lab.trustedRoots.map((root) => root.pem)
        .join('\n'),
    );
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  // First in this file: the missing-intermediate case needs a profile that has not yet seen the
  // lab's intermediate (Firefox caches intermediates).
  test('the code Firefox reports in this run is the code the check predicts', async () => {
    const { lab, browser } = session();
    // Every case the shared visit loop can open (a case with Firefox preferences of its own, such
    // as HTTPS-Only mode, runs in its own Firefox: network-situations.test.ts proves its code).
    const cases = orderForVisits(LAB_CASE_SPECS.filter((spec) => spec.firefoxPrefs === undefined)).map((spec) => lab.byId(spec.id));
    const firefox: Record<string, string> = {};
    for (const labCase of cases) {
      const page = await visit(browser, labCase.url);
      try {
        firefox[labCase.id] = (await readPopupFor(browser, labCase.url)).code;
      } finally {
        await page.close().catch(() => undefined);
      }
    }
    const predicted: Record<string, string> = {};
    for (const labCase of cases) predicted[labCase.id] = (await runCheck(labCase.url, ['--ca', rootsFile])).json.firefox.code ?? '';
    expect(predicted).toEqual(firefox);
  });

  test("every lab case: the predicted code is the lab's expected code, and the exit status says whether Firefox refuses", async () => {
    const { lab } = session();
    const cases = lab.cases;
    const runs: Run[] = [];
    // A few at a time: the machine is shared, and each run makes about seven connections.
    for (let i = 0; i < cases.length; i += 4) {
      runs.push(...(await Promise.all(cases.slice(i, i + 4).map((c) => runCheck(httpsUrl(c.url), ['--ca', rootsFile])))));
    }
    const got = cases.map((c, i) => ({ id: c.id, code: runs[i]?.json.firefox.code ?? '', exit: runs[i]?.exitCode }));
    const expected = cases.map((c) => ({ id: c.id, code: c.expectedCode, exit: c.expectedCode === '' ? 0 : 1 }));
    expect(got).toEqual(expected);
  });

  test("without the lab's roots, a lab site is refused: the root is not Mozilla's, named, and the answer depends on the profile", async () => {
    const { lab } = session();
    const run = await runCheck(lab.byId('valid').url, []);
    expect({ exit: run.exitCode, code: run.json.firefox.code, certainty: run.json.firefox.certainty }).toEqual({
      exit: 1,
      code: 'SEC_ERROR_UNKNOWN_ISSUER',
      certainty: 'depends-on-profile',
    });
    // The lab's root (test/lab/authorities.ts LAB_ROOT_NAME) is the one named.
    expect(
      run.json.findings.filter((line) => line.includes("not in Mozilla's root store") && line.includes('Cert Doctor Lab Root')),
    ).toHaveLength(1);
  });

  test('a missing intermediate depends on what Firefox already knows of intermediates', async () => {
    const { lab } = session();
    const run = await runCheck(lab.byId('missing-intermediate').url, ['--ca', rootsFile]);
    expect(run.json.firefox.certainty).toBe('depends-on-intermediates');
    expect(run.json.findings.filter((line) => line.includes('Cert Doctor Lab Intermediate'))).toHaveLength(1);
  });

  test('a server that answers with a TLS 1.0 ServerHello (no alert): the code Firefox reports is the one predicted', async () => {
    const { browser } = session();
    // ServerHello (RFC 5246 7.4.1.3): version 3.1, a random, no session id, TLS_RSA_WITH_AES_128_CBC_SHA, no compression.
    const body = Buffer.concat([Buffer.from([0x03, 0x01]), Buffer.alloc(32, 7), Buffer.from([0, 0x00, 0x2f, 0])]);
    const handshake = Buffer.concat([Buffer.from([2, 0, 0, body.length]), body]);
    const record = Buffer.concat([Buffer.from([0x16, 0x03, 0x01, 0, handshake.length]), handshake]);
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () => socket.write(record));
    });
    const port = await new Promise<number>((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
    try {
      const url = `https://127.0.0.1:${port}/`;
      const page = await visit(browser, url);
      const firefox = await readPopupFor(browser, url).finally(() => page.close().catch(() => undefined));
      const predicted = await runCheck(url, []);
      expect({ firefoxRefuses: firefox.code !== '', predicted: predicted.json.firefox.code }).toEqual({
        firefoxRefuses: true,
        predicted: firefox.code,
      });
    } finally {
      server.close();
    }
  });

  test('the check offers what a real Firefox ClientHello offers: TLS 1.3 and 1.2, its cipher suites and groups', async () => {
    const { browser } = session();
    const hello = await new Promise<Buffer>((resolve, reject) => {
      let received = Buffer.alloc(0);
      const server = createServer((socket) => {
        socket.on('error', () => undefined);
        socket.on('data', (chunk: Buffer) => {
          received = Buffer.concat([received, chunk]);
          const needed = firstRecordLength(received);
          if (needed !== undefined && received.length >= needed) {
            socket.destroy();
            server.close();
            resolve(received.subarray(0, needed));
          }
        });
      });
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        if (address === null || typeof address === 'string') {
          reject(new Error('no port'));
          return;
        }
        void visit(browser, `https://127.0.0.1:${address.port}/`).then((page) => page.close().catch(() => undefined));
      });
      setTimeout(() => {
        reject(new Error('Firefox sent no ClientHello within 30 s'));
      }, 30_000).unref();
    });
    const offer = readHelloOffer(hello);
    // The post-quantum probe sends key shares for Firefox's first two groups, as Firefox does.
    const probeShares = readClientHelloGroups(buildClientHello({ serverName: 'x.test', shape: 'post-quantum' }))?.keyShareGroups ?? [];
    const firefoxShares = readClientHelloGroups(hello)?.keyShareGroups.filter((g) => !isGrease(g)) ?? [];
    expect(probeShares.length).toBeGreaterThan(0);
    expect(firefoxShares.slice(0, probeShares.length)).toEqual(probeShares);
    expect({
      suites: offer.cipherSuites.filter((s) => !isGrease(s)),
      groups: offer.groups.filter((g) => !isGrease(g)),
      versions: offer.versions.filter((v) => !isGrease(v)),
    }).toEqual({
      suites: [...FIREFOX_TLS13_SUITES, ...FIREFOX_TLS12_SUITES].map(([code]) => code),
      groups: [...FIREFOX_GROUPS],
      versions: [...FIREFOX_VERSIONS],
    });
  });
});
