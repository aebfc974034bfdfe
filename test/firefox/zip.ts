// Reads files out of a zip archive (Firefox's omni.ja and language packs are zips) with
// node:zlib only: find the central directory from its end record, then inflate the entries
// asked for. Enough for the archives Firefox ships; no encryption, no zip64, no spanning.

import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/** The zip format's record signatures (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16), shared with the bench's writer. */
export const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
export const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
export const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

export class ZipArchive {
  readonly entries: readonly ZipEntry[];

  private constructor(
    private readonly path: string,
    private readonly bytes: Buffer,
  ) {
    this.entries = readCentralDirectory(path, bytes);
  }

  static open(path: string): ZipArchive {
    return new ZipArchive(path, readFileSync(path));
  }

  /** An archive already in memory; `name` only labels error messages. */
  static fromBytes(name: string, bytes: Buffer): ZipArchive {
    return new ZipArchive(name, bytes);
  }

  /** The names of the files whose path matches, in archive order. */
  names(matching: (name: string) => boolean): string[] {
    return this.entries.filter((entry) => matching(entry.name)).map((entry) => entry.name);
  }

  readText(name: string): string {
    return this.readBytes(name).toString('utf8');
  }

  readBytes(name: string): Buffer {
    const entry = this.entries.find((candidate) => candidate.name === name);
    if (!entry) throw new Error(`${this.path} has no file ${name}`);
    const at = entry.localHeaderOffset;
    if (this.bytes.readUInt32LE(at) !== LOCAL_FILE_HEADER) throw new Error(`${this.path}: bad local header for ${name}`);
    // The local header's own name and extra lengths can differ from the central directory's.
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === STORED) return Buffer.from(data);
    if (entry.method === DEFLATED) return inflateRawSync(data);
    throw new Error(`${this.path}: ${name} uses compression method ${entry.method}`);
  }
}

function readCentralDirectory(path: string, bytes: Buffer): ZipEntry[] {
  // The end record is the last 22 bytes plus a comment of at most 65535 bytes.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error(`${path} is not a zip archive (no end of central directory)`);
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (bytes.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) throw new Error(`${path}: bad central directory entry ${index}`);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
