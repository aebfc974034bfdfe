// The `cert-doctor` command: one small dispatcher over its subcommands. `check` is here; other
// parts plug in a command of their own with one line in COMMANDS.

import { readFile } from 'node:fs/promises';
import { HELP, parseCheckArguments } from './arguments';
import { runCheck } from './check-command';
import { runCompanionCommand } from './companion-command';

type Command = (argv: readonly string[]) => Promise<number>;

const USAGE = `Usage: cert-doctor <command> [options]

Commands:
  check <https-url | host[:port]>   what Firefox would say about a site, and why
                                     (cert-doctor check --help for its options)
  companion install | uninstall | status
                                     the helper program Cert Doctor in Firefox can ask
                                     for the certificates a refused site sends
`;

async function check(argv: readonly string[]): Promise<number> {
  const parsed = parseCheckArguments(argv);
  if (!parsed.ok) {
    process.stderr.write(`cert-doctor check: ${parsed.error}\n\n${HELP}`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const run = await runCheck(parsed.args, { readFile: (path) => readFile(path, 'utf8') });
  if (run.error !== null) process.stderr.write(`cert-doctor check: ${run.error}\n`);
  process.stdout.write(run.output);
  return run.exitCode;
}

export const COMMANDS: Readonly<Record<string, Command>> = {
  check,
  companion: (argv) => runCompanionCommand(argv),
};

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`cert-doctor: unknown command ${JSON.stringify(name.slice(0, 100))}\n\n${USAGE}`);
    return 2;
  }
  return command(rest);
}

// Run as a program (the built build/cli/cert-doctor.cjs), not when a test imports it.
if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`cert-doctor: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
