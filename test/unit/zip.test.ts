// The zip reader that opens Firefox's omni.ja and language packs (test/firefox/zip.ts), on an
// archive built here byte by byte after the zip format (PKWARE APPNOTE): one stored and one
// deflated file, a local header whose extra field differs from the central directory's, and
// an archive comment before the end record is found.

import { deflateRawSync } from 'node:zlib';
import { ZipArchive } from '../firefox/zip';

interface File {
  readonly name: string;
  readonly text: string;
  readonly deflate: boolean;
  readonly localExtra?: Buffer;
}

function buildZip(files: readonly File[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const raw = Buffer.from(file.text, 'utf8');
    const data = file.deflate ? deflateRawSync(raw) : raw;
    const name = Buffer.from(file.name, 'utf8');
    const extra = file.localExtra ?? Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(file.deflate ? 8 : 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(file.deflate ? 8 : 0, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + extra.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(Buffer.byteLength(comment), 20);
  return Buffer.concat([...locals, directory, end, Buffer.from(comment)]);
}

describe('reading a zip archive', () => {
  const zip = ZipArchive.fromBytes(
    'test.zip',
    buildZip(
      [
        { name: 'localization/en-US/a.ftl', text: 'a = Stored text', deflate: false },
        {
          name: 'localization/ru/b.ftl',
          text: 'b = Сжатый текст, '.repeat(20),
          deflate: true,
          localExtra: Buffer.from([1, 0, 2, 0, 9, 9]),
        },
        { name: 'chrome.manifest', text: 'content global', deflate: true },
      ],
      'an archive comment',
    ),
  );

  test('lists the files, in archive order, filtered by name', () => {
    expect(zip.names((name) => name.endsWith('.ftl'))).toEqual(['localization/en-US/a.ftl', 'localization/ru/b.ftl']);
  });

  test('reads stored and deflated files as UTF-8', () => {
    expect(zip.readText('localization/en-US/a.ftl')).toBe('a = Stored text');
    expect(zip.readText('localization/ru/b.ftl')).toBe('b = Сжатый текст, '.repeat(20));
  });

  test('says which file is missing, and refuses what is not a zip', () => {
    expect(() => zip.readText('nothing.ftl')).toThrow('test.zip has no file nothing.ftl');
    expect(() => ZipArchive.fromBytes('plain.txt', Buffer.from('not a zip at all, just text'))).toThrow(/not a zip archive/);
  });
});
