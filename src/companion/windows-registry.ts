// The `reg` command lines that register and unregister the manifest on Windows, built here as
// argument lists (run without a shell) so they are unit-tested on any system. Firefox reads the
// key's default value with the 64-bit view first for HKEY_CURRENT_USER
// (NativeManifests.sys.mjs, _winLookup: readRegKey(ROOT_KEY_CURRENT_USER, ..., WOW64_64)).

export interface RegCommand {
  readonly file: 'reg';
  readonly args: readonly string[];
}

/** Sets the key's default value (/ve) to the manifest's path, replacing any old value (/f). */
export function registryAddCommand(key: string, manifestPath: string): RegCommand {
  return { file: 'reg', args: ['add', key, '/ve', '/t', 'REG_SZ', '/d', manifestPath, '/f', '/reg:64'] };
}

export function registryDeleteCommand(key: string): RegCommand {
  return { file: 'reg', args: ['delete', key, '/f', '/reg:64'] };
}

export function registryQueryCommand(key: string): RegCommand {
  return { file: 'reg', args: ['query', key, '/ve', '/reg:64'] };
}

/** The default value in `reg query` output ("    (Default)    REG_SZ    C:\path"), or null. */
export function defaultValueOf(queryOutput: string): string | null {
  for (const line of queryOutput.split(/\r?\n/)) {
    const match = /^\s+\S.*?\s{2,}REG_(?:EXPAND_)?SZ\s{2,}(.+?)\s*$/.exec(line);
    if (match?.[1]) return match[1];
  }
  return null;
}
