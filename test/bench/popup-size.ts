// What the popup makes Firefox read, taken from the zip being measured: the JavaScript
// popup/popup.html loads (its <script src> files) and, for comparison, the whole guide file per
// language (dist/guide/<lang>.json: the report page loads it; since issue 11 the popup reads
// only the per-entry files of what it shows, src/guide/guide-words.ts), raw and gzipped
// (node:zlib, default level 6). The target is on the gzipped JavaScript: what a download of
// the extension carries and a rough measure of how much code there is to parse.
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ZipArchive } from '../firefox/zip';

export const POPUP_PAGE = 'popup/popup.html';

export interface FileSize {
  readonly path: string;
  readonly bytes: number;
  readonly gzippedBytes: number;
}

export interface PopupSizes {
  readonly scripts: readonly FileSize[];
  readonly scriptBytes: number;
  readonly scriptGzippedBytes: number;
  readonly guides: readonly FileSize[];
}

function sizeOf(zip: ZipArchive, path: string): FileSize {
  const bytes = zip.readBytes(path);
  return { path, bytes: bytes.length, gzippedBytes: gzipSync(bytes).length };
}

/** The scripts an HTML page loads, as paths inside the extension. */
export function scriptPaths(html: string, pagePath: string): string[] {
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)].map((match) => match[1] ?? '');
  return sources.map((source) => posix.normalize(posix.join(posix.dirname(pagePath), source)));
}

export function measurePopupSizes(zipPath: string): PopupSizes {
  const zip = ZipArchive.open(zipPath);
  const scripts = scriptPaths(zip.readText(POPUP_PAGE), POPUP_PAGE).map((path) => sizeOf(zip, path));
  if (scripts.length === 0) throw new Error(`${POPUP_PAGE} in ${zipPath} loads no script`);
  const guides = zip.names((name) => /^dist\/guide\/[a-z-]+\.json$/.test(name)).map((path) => sizeOf(zip, path));
  return {
    scripts,
    scriptBytes: scripts.reduce((sum, file) => sum + file.bytes, 0),
    scriptGzippedBytes: scripts.reduce((sum, file) => sum + file.gzippedBytes, 0),
    guides,
  };
}
