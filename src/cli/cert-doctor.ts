// The `cert-doctor` command-line program (built by `node build.mjs --cli` into
// build/cli/cert-doctor.cjs). A minimal dispatcher until the check command's lands.

import { runCompanionCommand } from './companion-command';

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'companion') return runCompanionCommand(rest);
  process.stderr.write('Usage: cert-doctor companion <install | uninstall | status>\n');
  return 2;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
