// CLI: run the lab by hand (or from scripts) and browse it with a Firefox profile that trusts
// the written roots. Bundled by esbuild for Node (cjs), so: no top-level await, no dynamic
// requires, Node built-ins only besides the lab itself.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { startLab } from './lab';

function parseOutDir(argv: readonly string[]): string {
  let out = path.join('build', 'lab');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error('--out needs a directory');
      out = value;
      i++;
    } else if (arg !== undefined && arg.startsWith('--out=')) {
      out = arg.slice('--out='.length);
    } else if (arg === '--help' || arg === '-h') {
      console.log('usage: lab [--out DIR]   (writes the trusted roots as PEM files into DIR, default build/lab)');
      process.exit(0);
    } else {
      throw new Error(`unknown argument: ${String(arg)}`);
    }
  }
  return out;
}

/** File name from a nickname: "avast! Web/Mail Shield Root" -> "avast-web-mail-shield-root.pem". */
function pemFileName(nickname: string): string {
  return `${nickname
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.pem`;
}

async function main(): Promise<void> {
  const outDir = path.resolve(parseOutDir(process.argv.slice(2)));
  const started = Date.now();
  const lab = await startLab();
  const elapsed = Date.now() - started;

  // Stop on the first signal; a second one exits at once in case closing hangs.
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: stopping the lab`);
    lab.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('lab: stop failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  mkdirSync(outDir, { recursive: true });
  console.log(`Cert Doctor lab started in ${elapsed} ms.`);
  console.log('\nTrusted roots (import with certutil -A -t "C,," -n NICKNAME -i FILE):');
  for (const root of lab.trustedRoots) {
    const file = path.join(outDir, pemFileName(root.nickname));
    writeFileSync(file, root.pem);
    console.log(`  ${root.nickname}: ${file}`);
  }
  console.log(`\nIndex: ${lab.indexUrl}`);
  console.log(`\nnetwork.dns.localDomains = ${lab.hosts.join(',')}`);
  console.log('\nCases:');
  for (const labCase of lab.cases) {
    const expected = labCase.expectedCode === '' ? '(loads)' : labCase.expectedCode;
    const prefs = Object.entries(labCase.firefoxPrefs ?? {}).map(([name, value]) => `${name} = ${String(value)}`);
    const notes = [labCase.runFirst ? 'visit first' : '', labCase.after ? `after ${labCase.after}` : '', ...prefs]
      .filter((note) => note !== '')
      .join(', ');
    console.log(`  ${labCase.id.padEnd(22)} ${labCase.url.padEnd(44)} ${expected}${notes ? `  [${notes}]` : ''}`);
  }
  console.log('\nPress Ctrl+C to stop.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
