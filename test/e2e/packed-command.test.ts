// `npm pack` makes something a site owner can install: the tarball holds the bundled command
// (and only what npm always adds), installs with no network and no other package, and the
// installed `cert-doctor` runs: its help, a check (exit 1 for a port nothing listens on: Firefox could not connect either) and
// the companion's status in a home of its own. In the e2e project because it needs the built
// command (`npm run package` builds it) and must not rebuild dist/ under the other tests.

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../firefox/extension';

const run = promisify(execFile);
jest.setTimeout(120_000);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cert-doctor-pack-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A port nothing listens on: one the system gave and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 1;
}

/** Runs the command and gives its exit status and output, whatever the status. */
function runCommand(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { env }, (error, stdout) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, out: stdout });
    });
  });
}

test('npm pack, then npm install -g offline: the installed cert-doctor runs check and companion', async () => {
  // --ignore-scripts: the command is already built; prepack would rebuild dist/ as well.
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: projectRoot });
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error(`npm pack printed nothing: ${packed.stderr}`);
  expect(info.files.map((f) => f.path).sort()).toEqual(['README.md', 'build/cli/cert-doctor.cjs', 'package.json']);

  const prefix = join(dir, 'global');
  const home = join(dir, 'home');
  const env = { PATH: process.env['PATH'] ?? '', HOME: home, npm_config_cache: join(dir, 'npm-cache') };
  // An empty cache and --offline: the install must need nothing but the tarball.
  await run('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, join(dir, info.filename)], { env });
  expect((await readdir(join(prefix, 'lib', 'node_modules'))).sort()).toEqual(['cert-doctor']);

  const command = join(prefix, 'bin', 'cert-doctor');
  const help = await run(command, ['--help'], { env });
  expect(help.stdout).toMatch(/^Usage: cert-doctor <command>/);

  const port = await closedPort();
  const check = await runCommand(command, ['check', `127.0.0.1:${port}`, '--json', '--timeout', '3000'], env);
  const result = JSON.parse(check.out) as { firefox: { status: string; code: string } };
  // Firefox cannot connect either: it would refuse the site with the network's own code.
  expect({ exit: check.code, status: result.firefox.status, code: result.firefox.code }).toEqual({
    exit: 1,
    status: 'refused',
    code: 'NS_ERROR_CONNECTION_REFUSED',
  });

  const status = await runCommand(command, ['companion', 'status'], env);
  // Not installed in this fresh home: the manifest Firefox would read on Linux is named as missing.
  expect(status.out).toContain(join(home, '.mozilla', 'native-messaging-hosts', 'cert_doctor_companion.json'));
});
