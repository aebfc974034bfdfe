// Facts about the built extension that the tests need: its id, a fixed internal UUID (so its
// pages have a known moz-extension:// address), the id of its toolbar button and where
// `npm run package` puts the zip.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder holding manifest.json, found upwards from this file (test/firefox or build/lab). */
export const projectRoot = findProjectRoot(__dirname);

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'manifest.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No manifest.json above ${start}`);
  }
}

interface Manifest {
  readonly version: string;
  readonly browser_specific_settings: { readonly gecko: { readonly id: string } };
}

const manifest = JSON.parse(readFileSync(join(projectRoot, 'manifest.json'), 'utf8')) as Manifest;

export const extensionId = manifest.browser_specific_settings.gecko.id;
export const extensionUuid = '3f1c2a9e-6d0b-4c1e-9a57-0c2d7e1b5a40';
export const extensionOrigin = `moz-extension://${extensionUuid}`;

/**
 * The CustomizableUI widget id Firefox gives an extension's toolbar button: the add-on id in
 * lower case with every character outside [a-z0-9_-] made "_" (makeWidgetId in
 * ExtensionCommon.sys.mjs), then "-browser-action" (actionWidgetId in ext-browserAction.js).
 */
export function browserActionWidgetId(addonId: string): string {
  return `${addonId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
}

/** The zip made by `npm run package`; the e2e suite installs this, as a person would. */
export function packagedExtensionPath(): string {
  const dir = join(projectRoot, 'web-ext-artifacts');
  const name = `cert-doctor-${manifest.version}.zip`;
  let files: string[] = [];
  try {
    files = readdirSync(dir);
  } catch {
    // Reported below with the fix.
  }
  if (!files.includes(name)) {
    throw new Error(`${join(dir, name)} is missing: run "npm run package" first (npm run test:e2e does).`);
  }
  return join(dir, name);
}

export function fixedUuidPref(): Record<string, string> {
  return { 'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: extensionUuid }) };
}
