// Where the Firefox the tests run is installed (no browser is started here, so unit tests that
// read Firefox's own files can use it too).

import { existsSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';

const FIREFOX_CANDIDATES = ['/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function firefoxExecutable(): string {
  const fromEnv = process.env['FIREFOX_BIN'];
  const found = fromEnv ?? FIREFOX_CANDIDATES.find((path) => existsSync(path));
  if (!found || !existsSync(found)) {
    throw new Error('Firefox was not found. Install it (apt-get install firefox-esr) or set FIREFOX_BIN to its path.');
  }
  return found;
}

/** The directory that holds omni.ja, browser/omni.ja and the bundled language packs. */
export function firefoxInstallDir(): string {
  return dirname(realpathSync(firefoxExecutable()));
}
