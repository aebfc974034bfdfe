// A fresh Firefox profile that trusts the lab's roots, the way a person or an administrator
// would add a root: in the profile's NSS database (cert9.db), with certutil.

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TrustedRoot } from '../lab/types';

const run = promisify(execFile);

export interface TestProfile {
  readonly dir: string;
  remove(): Promise<void>;
}

export interface ProfileOptions {
  /** Allow this extension id in private windows, as a person does in about:addons. Firefox
   * keeps that grant in the profile's extension-preferences.json. */
  readonly allowInPrivateWindows?: string;
}

export async function createTrustingProfile(roots: readonly TrustedRoot[], options: ProfileOptions = {}): Promise<TestProfile> {
  const dir = await mkdtemp(join(tmpdir(), 'cert-doctor-profile-'));
  const db = `sql:${dir}`;
  await certutil(['-N', '-d', db, '--empty-password']);
  for (const [index, root] of roots.entries()) {
    const file = join(dir, `root-${index}.pem`);
    await writeFile(file, root.pem);
    await certutil(['-A', '-d', db, '-n', root.nickname, '-t', 'C,,', '-i', file]);
  }
  if (options.allowInPrivateWindows !== undefined) {
    const grant = { [options.allowInPrivateWindows]: { permissions: ['internal:privateBrowsingAllowed'], origins: [] } };
    await writeFile(join(dir, 'extension-preferences.json'), JSON.stringify(grant));
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

async function certutil(args: string[]): Promise<void> {
  try {
    await run('certutil', args, { timeout: 20_000 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new Error('certutil was not found. Install it first: apt-get install libnss3-tools (Debian/Ubuntu).');
    }
    throw new Error(`certutil ${args.join(' ')} failed: ${String(error)}`);
  }
}
