// The built companion as a process, as Firefox runs it: `cert-doctor companion install` into a
// temporary home, then the launcher the manifest names, started with Firefox's two arguments
// (the manifest's path and the extension's id, NativeMessaging.sys.mjs), one framed request on
// stdin, one framed answer on stdout and nothing else; against a TLS server made here that sends
// a leaf and an intermediate, and against garbage.

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createSecureContext, createServer, type Server } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { makeCa, makeKeys, makeLeaf, toServerCredential } from '../lab/pki';

jest.setTimeout(60_000);

const EXTENSION_ID = 'cert-doctor@cert-doctor.net';

interface Run {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

function runProgram(
  file: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; input?: Buffer; keepOpen?: boolean },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], { env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout: Buffer.concat(stdout), stderr });
    });
    if (options.input) child.stdin.write(options.input);
    // Firefox keeps stdin open until the answer comes (then closes it): so does keepOpen.
    if (!options.keepOpen) child.stdin.end();
    else child.stdout.once('data', () => child.stdin.end());
  });
}

function framed(value: unknown): Buffer {
  const body = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(JSON.stringify(value), 'utf8');
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(body.length); // this machine is little-endian (x86-64, arm64)
  return Buffer.concat([prefix, body]);
}

/** The one message on stdout; fails if stdout holds anything else. */
function onlyMessage(stdout: Buffer): unknown {
  expect(stdout.length).toBeGreaterThan(4);
  const length = stdout.readUInt32LE(0);
  expect(stdout.length).toBe(4 + length);
  return JSON.parse(stdout.subarray(4).toString('utf8'));
}

let workDir: string;
let cli: string;
let server: Server;
let port: number;
let expectedChain: string[];
const serverNames: string[] = [];

beforeAll(async () => {
  // A home whose path has a space and a quote, which the launcher must keep literal.
  workDir = await mkdtemp(join(tmpdir(), "cert-doctor companion's-"));
  cli = join(workDir, 'cert-doctor.cjs');
  await esbuild.build({
    entryPoints: ['src/cli/cert-doctor.ts'],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  const now = Date.now();
  const root = await makeCa({ name: 'CN=Companion Test Root', keys: await makeKeys('ec'), now });
  const intermediate = await makeCa({ name: 'CN=Companion Test Intermediate', keys: await makeKeys('ec'), issuer: root, now });
  const leafKeys = await makeKeys('ec');
  const leaf = await makeLeaf({ dnsNames: ['localhost', 'site.lab.test'], keys: leafKeys, issuer: intermediate, validity: 'current', now });
  const credential = await toServerCredential(leaf, leafKeys, [intermediate]);
  expectedChain = [leaf, intermediate.cert].map((cert) => Buffer.from(cert.rawData).toString('base64'));
  const context = createSecureContext({ key: credential.keyPem, cert: credential.certChainPem });
  server = createServer(
    {
      key: credential.keyPem,
      cert: credential.certChainPem,
      // The name the client sent (SNI), read from its hello: the host may close before the server's handshake ends.
      SNICallback: (servername, done) => {
        serverNames.push(servername);
        done(null, context);
      },
    },
    (socket) => {
      socket.end();
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(workDir, { recursive: true, force: true });
});

describe('the companion process', () => {
  const home = (): string => join(workDir, 'home');
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ PATH: process.env['PATH'], HOME: home(), ...extra });
  const manifestPath = (): string => join(home(), '.mozilla', 'native-messaging-hosts', 'cert_doctor_companion.json');

  test('install writes the manifest Firefox reads, naming an executable launcher', async () => {
    const run = await runProgram(process.execPath, [cli, 'companion', 'install'], { env: env() });
    expect(run.code).toBe(0);
    const manifest = JSON.parse(await readFile(manifestPath(), 'utf8')) as { path: string; allowed_extensions: string[] };
    expect(manifest.path).toBe(join(home(), '.local', 'share', 'cert-doctor', 'cert_doctor_companion'));
    expect(manifest.allowed_extensions).toEqual([EXTENSION_ID]);
    expect((await stat(manifest.path)).mode & 0o111).not.toBe(0);
    const status = await runProgram(process.execPath, [cli, 'companion', 'status'], { env: env() });
    expect(status.code).toBe(0);
    expect(status.stdout.toString('utf8')).toContain(`Installed: Firefox finds "cert_doctor_companion" at ${manifestPath()}`);
  });

  const launch = async (input: Buffer, extra: NodeJS.ProcessEnv = {}, keepOpen = false): Promise<Run> => {
    const manifest = JSON.parse(await readFile(manifestPath(), 'utf8')) as { path: string };
    return runProgram(manifest.path, [manifestPath(), EXTENSION_ID], { env: env(extra), input, keepOpen });
  };

  test('the launcher answers a request with the chain the server sent, leaf first, and exits', async () => {
    const run = await launch(framed({ kind: 'cert-doctor/get-served-chain', version: 1, host: 'localhost', port }), {}, true);
    expect(run.code).toBe(0);
    expect(onlyMessage(run.stdout)).toMatchObject({
      kind: 'cert-doctor/served-chain',
      version: 1,
      host: 'localhost',
      port,
      certificates: expectedChain,
      protocol: 'TLSv1.3',
      failure: null,
    });
    expect(serverNames.at(-1)).toBe('localhost');
  });

  test('garbage gets one bad-request answer, nothing else on stdout, and exit status 1', async () => {
    const run = await launch(framed('{"kind":"cert-doctor/get-served-chain","version":1,"host":"localhost; rm -rf ~","port":1}'));
    expect(run.code).toBe(1);
    expect(onlyMessage(run.stdout)).toMatchObject({ kind: 'cert-doctor/error', version: 1, error: 'bad-request' });
  });

  test('a 4 GiB length prefix is refused at once while stdin stays open', async () => {
    const started = Date.now();
    const run = await launch(Buffer.from([0xff, 0xff, 0xff, 0xff]), {}, true);
    expect(run.code).toBe(1);
    expect(onlyMessage(run.stdout)).toEqual({
      kind: 'cert-doctor/error',
      version: 1,
      error: 'bad-request',
      detail: 'a message of 4294967295 bytes is over the limit of 4096',
    });
    // Well under the 5 s read timeout: refused from the prefix, not by waiting.
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  test('uninstall removes what install wrote; status then says it is not installed', async () => {
    const manifest = JSON.parse(await readFile(manifestPath(), 'utf8')) as { path: string };
    expect((await runProgram(process.execPath, [cli, 'companion', 'uninstall'], { env: env() })).code).toBe(0);
    await expect(stat(manifestPath())).rejects.toThrow();
    await expect(stat(manifest.path)).rejects.toThrow();
    const status = await runProgram(process.execPath, [cli, 'companion', 'status'], { env: env() });
    expect(status.code).toBe(1);
    expect(status.stdout.toString('utf8')).toContain('Not installed');
  });
});
