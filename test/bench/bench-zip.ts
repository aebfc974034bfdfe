// The zip the popup part installs: the packaged zip, byte for byte, plus one file the product
// does not ship, bench/empty.html, the "empty extension page" the popup is compared with. It
// has the popup's origin, process and way of opening (a moz-extension:// page in a tab), and
// none of its work: no script, no stylesheet, one line of text. The new file is appended
// after the zip's last entry; every other entry, popup.js included, keeps its bytes and its
// offset, so the popup measured is the one that ships.
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { CENTRAL_DIRECTORY_ENTRY, END_OF_CENTRAL_DIRECTORY, LOCAL_FILE_HEADER } from '../firefox/zip';

export const EMPTY_PAGE_PATH = 'bench/empty.html';

// The same markers the popup's content carries (data-testid="diagnosis" with a data-verdict,
// a data-testid="verdict" section), so both pages are timed by the same rule (popup-open.ts).
export const EMPTY_PAGE_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Empty</title></head>
<body><main data-testid="diagnosis" data-verdict="empty"><section data-testid="verdict"><p>Empty extension page.</p></section></main></body>
</html>
`;

// 1980-01-01 00:00 in MS-DOS date/time: the file's date means nothing here.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function findEndRecord(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('not a zip archive (no end of central directory)');
}

/** `zip` with one more file, stored (not compressed). No zip64: the extension is far below 4 GB. */
export function appendStoredFile(zip: Buffer, name: string, content: Buffer): Buffer {
  const end = findEndRecord(zip);
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  const nameBytes = Buffer.from(name, 'utf8');
  const checksum = crc32(content);

  const local = Buffer.alloc(30);
  local.writeUInt32LE(LOCAL_FILE_HEADER, 0);
  local.writeUInt16LE(20, 4); // version needed: 2.0
  local.writeUInt16LE(0x0800, 6); // the name is UTF-8
  local.writeUInt16LE(0, 8); // stored
  local.writeUInt16LE(DOS_TIME, 10);
  local.writeUInt16LE(DOS_DATE, 12);
  local.writeUInt32LE(checksum, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(0, 28);

  const central = Buffer.alloc(46);
  central.writeUInt32LE(CENTRAL_DIRECTORY_ENTRY, 0);
  central.writeUInt16LE(20, 4); // made by: 2.0
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(0, 10);
  central.writeUInt16LE(DOS_TIME, 12);
  central.writeUInt16LE(DOS_DATE, 14);
  central.writeUInt32LE(checksum, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  // extra, comment, disk, internal and external attributes: 0
  central.writeUInt32LE(directoryOffset, 42);

  const newEntry = Buffer.concat([local, nameBytes, content]);
  const newDirectoryOffset = directoryOffset + newEntry.length;
  const endRecord = Buffer.from(zip.subarray(end));
  endRecord.writeUInt16LE(count + 1, 8);
  endRecord.writeUInt16LE(count + 1, 10);
  endRecord.writeUInt32LE(directorySize + central.length + nameBytes.length, 12);
  endRecord.writeUInt32LE(newDirectoryOffset, 16);
  return Buffer.concat([
    zip.subarray(0, directoryOffset),
    newEntry,
    zip.subarray(directoryOffset, directoryOffset + directorySize),
    central,
    nameBytes,
    endRecord,
  ]);
}

/** Writes the packaged zip plus the empty page to `outPath` and returns `outPath`. */
export function writeBenchZip(packagedZip: string, outPath: string): string {
  writeFileSync(outPath, appendStoredFile(readFileSync(packagedZip), EMPTY_PAGE_PATH, Buffer.from(EMPTY_PAGE_HTML, 'utf8')));
  return outPath;
}
