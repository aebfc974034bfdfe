// `cert-doctor companion <install | uninstall | status | host>`: the dispatcher of
// src/cli/cert-doctor.ts calls runCompanionCommand with the words after "companion".

import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_FETCH_TIMEOUT_MS, fetchServedChain } from '../check/fetch-served-chain';
import { CERT_DOCTOR_EXTENSION_ID } from '../companion/extension-id';
import { encodeFrame } from '../companion/framing';
import { companionError } from '../companion/handle-request';
import { runHost } from '../companion/host';
import {
  companionStatus,
  installCompanion,
  runsFromNpxCache,
  uninstallCompanion,
  type InstallTarget,
  type RunCommand,
} from '../companion/install';
import { COMPANION_HOST_NAME, isCompanionPlatform } from '../companion/install-locations';

export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const processIo: CommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const USAGE = `Usage: cert-doctor companion <command>

  install     let Cert Doctor in Firefox ask this computer for the certificates a site sends
              (for your user only; Firefox asks you before Cert Doctor may use it)
  uninstall   remove it again
  status      say whether it is installed, and where
  host        the program Firefox starts (not for people to run)
`;

export async function runCompanionCommand(args: readonly string[], io: CommandIo = processIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'host') return runHostProcess(rest);
  if (command !== 'install' && command !== 'uninstall' && command !== 'status') {
    const asked = command === undefined || command === 'help' || command === '--help';
    if (asked) io.out(USAGE);
    else io.err(USAGE);
    return asked ? 0 : 2;
  }
  const target = currentTarget();
  if (!target) {
    io.err(`The companion works on Linux, macOS and Windows, not on ${process.platform}.\n`);
    return 1;
  }
  try {
    if (command === 'install') {
      const where = await installCompanion(target, runRegCommand);
      io.out(
        `Installed the Cert Doctor companion for your user.\n  manifest: ${where.manifest}\n  program:  ${where.launcher}\n` +
          (where.registryKey ? `  registry: ${where.registryKey}\n` : '') +
          `It runs ${target.scriptPath} with ${target.nodePath}: keep them where they are, or run install again after moving them.\n` +
          `It connects only to the site you ask about in Cert Doctor, and only when you ask.\n`,
      );
      if (runsFromNpxCache(target.scriptPath)) {
        io.err(
          `Note: ${target.scriptPath} is in npm's npx cache, which npm may clear. Install Cert Doctor somewhere that stays ` +
            `(npm install --global, or a clone) and run "cert-doctor companion install" from there.\n`,
        );
      }
      return 0;
    }
    if (command === 'uninstall') {
      const where = await uninstallCompanion(target, runRegCommand);
      io.out(
        `Removed the Cert Doctor companion (${where.manifest}, ${where.launcher}${where.registryKey ? `, ${where.registryKey}` : ''}).\n`,
      );
      return 0;
    }
    const status = await companionStatus(target, runRegCommand);
    if (status.installed) {
      io.out(
        `Installed: Firefox finds "${COMPANION_HOST_NAME}" at ${status.locations.manifest}, which starts ${status.locations.launcher}.\n`,
      );
      return 0;
    }
    io.out(
      `Not installed${status.problems.map((problem) => `\n  - ${problem}`).join('')}\nRun "cert-doctor companion install" to install or repair it.\n`,
    );
    return 1;
  } catch (error) {
    io.err(`cert-doctor companion ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function currentTarget(): InstallTarget | null {
  const platform = process.platform;
  if (!isCompanionPlatform(platform)) return null;
  // The program that is running now (the built cert-doctor.cjs), symbolic links resolved: an
  // npm bin link or a relative path would not lead Firefox to it.
  const script = process.argv[1] ?? '';
  return {
    platform,
    home: homedir(),
    env: process.env,
    nodePath: process.execPath,
    scriptPath: realpathSync(resolve(script)),
    extensionId: CERT_DOCTOR_EXTENSION_ID,
  };
}

const runRegCommand: RunCommand = (command) =>
  new Promise((done) => {
    execFile(command.file, [...command.args], { windowsHide: true, timeout: 15_000 }, (error, stdout) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ exitCode: code, stdout });
    });
  });

/** Firefox runs `<launcher> <manifest path> <extension id>`; stdout carries only framed messages. */
async function runHostProcess(firefoxArgs: readonly string[]): Promise<number> {
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  if (firefoxArgs[1] !== undefined && firefoxArgs[1] !== CERT_DOCTOR_EXTENSION_ID) {
    log(`cert-doctor companion: started for ${firefoxArgs[1]}, not ${CERT_DOCTOR_EXTENSION_ID}`);
  }
  let answered = false;
  // A bug thrown from an event handler would end the process with no answer, which Firefox
  // reports to the extension only as a disconnect: it gets a "failed" error instead.
  process.once('uncaughtException', (error) => {
    log(`cert-doctor companion: ${String(error)}`);
    const frame = answered ? null : encodeFrame(companionError('failed', 'the companion program failed'));
    if (frame) process.stdout.write(frame, () => process.exit(1));
    else process.exit(1);
  });
  return runHost(
    {
      input: process.stdin,
      write: (bytes) =>
        new Promise((done, fail) => {
          answered = true;
          process.stdout.write(bytes, (error) => {
            if (error) fail(error);
            else done();
          });
        }),
      log,
    },
    (host, port) => fetchServedChain(host, port, { timeoutMs: DEFAULT_FETCH_TIMEOUT_MS }),
  );
}
