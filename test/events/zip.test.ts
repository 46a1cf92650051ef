// Unzipping downloads with yauzl under caps: a real 10 GB zip bomb (built in a few milliseconds
// from one deflated megabyte of zeros repeated), a header that lies about its size, too many
// entries, a normal archive of the real GED sample, truncated and corrupt archives.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ZIP_LIMITS, extractZipEntry, listZip, ZipError } from '../../src/import/events-zip.js';
import { ged, haveEventData, tempDir, tempFile } from './helpers.js';

interface Entry {
  name: string;
  /** The deflated (or stored) bytes as they go into the archive. */
  body: Buffer;
  /** What the headers declare. */
  size: number;
  crc: number;
  stored?: boolean;
}

/** A ZIP archive as zip tools write it; a declared size over 4 GiB gets a ZIP64 extra field. */
function makeZip(entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const big = e.size >= 0xffffffff;
    const extra = Buffer.alloc(big ? 12 : 0);
    if (big) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(e.size), 4);
    }
    const method = e.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(big ? 45 : 20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.body.length, 18);
    local.writeUInt32LE(big ? 0xffffffff : e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(big ? 45 : 20, 4);
    central.writeUInt16LE(big ? 45 : 20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.body.length, 20);
    central.writeUInt32LE(big ? 0xffffffff : e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, extra, e.body);
    centrals.push(central, name, extra);
    offset += 30 + name.length + extra.length + e.body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

const honest = (name: string, data: Buffer, stored = false): Entry => ({ name, body: stored ? data : zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data), stored });

/**
 * A deflate stream of `mib` MiB of zeros. One MiB deflated with a full flush is byte-aligned and
 * refers to nothing before it, so copies of it chain into one valid stream; an empty final block
 * closes it. 10 GB of zeros is about 10 MB.
 */
function zeros(mib: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array<Buffer>(mib).fill(block), zlib.deflateRawSync(Buffer.alloc(0))]);
}

const sampleCsv = haveEventData ? readFileSync(ged.sample) : Buffer.from(Array.from({ length: 4000 }, (_, i) => `${i},${(i * 7919) % 100003},${(i * 104729) % 99991}\n`).join(''));

describe('unzipping a normal archive', () => {
  it('lists and extracts stored and deflated entries of the real GED sample, byte for byte', async () => {
    const zip = tempFile('ged.zip', makeZip([honest('readme.txt', Buffer.from('GED sample.\n'), true), honest('GEDEvent_v25_1.csv', sampleCsv)]));
    expect(await listZip(zip)).toEqual([
      { name: 'readme.txt', size: 12, compressedSize: 12 },
      { name: 'GEDEvent_v25_1.csv', size: sampleCsv.length, compressedSize: expect.any(Number) as number },
    ]);
    const out = join(tempDir(), 'out.csv');
    expect(await extractZipEntry(zip, 'GEDEvent_v25_1.csv', out)).toBe(sampleCsv.length);
    expect(readFileSync(out).equals(sampleCsv)).toBe(true);
  });

  it('reads the zip tool’s own archives, ZIP64 included', async () => {
    const dir = tempDir();
    const src = tempFile('data.csv', sampleCsv);
    try {
      execFileSync('zip', ['-q', '-j', '-fz', join(dir, 'z.zip'), src]);
    } catch {
      return; // no zip tool here: the archives made above still test the reader
    }
    expect((await listZip(join(dir, 'z.zip'))).map((e) => e.name)).toEqual(['data.csv']);
    await extractZipEntry(join(dir, 'z.zip'), 'data.csv', join(dir, 'x.csv'));
    expect(readFileSync(join(dir, 'x.csv')).equals(sampleCsv)).toBe(true);
  });
});

describe('zip bombs', () => {
  const bomb = zeros(10 * 1024); // 10 GiB of zeros in about 10 MB

  it('a 10 GB entry that says so is refused before anything is written, naming the file and the cap', async () => {
    const zip = tempFile('bomb.zip', makeZip([{ name: 'GEDEvent_v25_1.csv', body: bomb, size: 10 * 1024 ** 3, crc: 0 }]));
    const out = join(tempDir(), 'out.csv');
    const err = await extractZipEntry(zip, 'GEDEvent_v25_1.csv', out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZipError);
    expect((err as Error).message).toBe(`GEDEvent_v25_1.csv in ${zip} declares 10737418240 bytes, over the cap of ${DEFAULT_ZIP_LIMITS.maxBytes} bytes per entry (a zip bomb, or a file larger than deeds unzips)`);
    expect(existsSync(out)).toBe(false);
  });

  it('a 10 GB entry whose header claims 1 KB stops at the ratio cap after its first megabytes', async () => {
    const zip = tempFile('liar.zip', makeZip([{ name: 'GEDEvent_v25_1.csv', body: bomb, size: 1024, crc: 0 }]));
    const out = join(tempDir(), 'out.csv');
    await expect(extractZipEntry(zip, 'GEDEvent_v25_1.csv', out)).rejects.toThrow(new RegExp(`^GEDEvent_v25_1\\.csv in ${zip} unpacks \\d+ bytes from \\d+, over the cap of 100:1 compression ratio \\(a zip bomb\\)$`));
    expect(statSync(out).size).toBeLessThan(64 << 20);
  });

  it('the byte cap counts what streams out, not what the header says', async () => {
    const zip = tempFile('liar.zip', makeZip([{ name: 'events.csv', body: bomb, size: 1024, crc: 0 }]));
    const out = join(tempDir(), 'out.csv');
    const limits = { ...DEFAULT_ZIP_LIMITS, maxBytes: 8 << 20, maxRatio: Infinity };
    await expect(extractZipEntry(zip, 'events.csv', out, limits)).rejects.toThrow(`events.csv in ${zip} produced more than 8388608 bytes, over the cap of 8388608 bytes per entry (a zip bomb, or a file larger than deeds unzips)`);
    expect(statSync(out).size).toBeLessThanOrEqual(8 << 20);
  });

  it('an archive of too many entries is refused, naming the file and the cap', async () => {
    const many = Array.from({ length: DEFAULT_ZIP_LIMITS.maxEntries + 1 }, (_, i) => honest(`e${i}.csv`, Buffer.from('x\n'), true));
    const zip = tempFile('many.zip', makeZip(many));
    await expect(listZip(zip)).rejects.toThrow(`${zip} holds 1001 entries, over the cap of 1000 entries`);
    await expect(extractZipEntry(zip, 'e0.csv', join(tempDir(), 'o'))).rejects.toThrow(ZipError);
  });

  it('ordinary CSV is well inside the ratio cap', async () => {
    const ratio = sampleCsv.length / zlib.deflateRawSync(sampleCsv).length;
    expect(ratio).toBeLessThan(DEFAULT_ZIP_LIMITS.maxRatio / 5);
  });
});

describe('broken archives', () => {
  const good = makeZip([honest('readme.txt', Buffer.from('GED sample.\n'), true), honest('GEDEvent_v25_1.csv', sampleCsv)]);

  it('not a ZIP at all, or too short', async () => {
    await expect(listZip(tempFile('x.zip', 'this is not a zip archive at all, just text'))).rejects.toThrow(/x\.zip is not a usable ZIP archive: end of central directory record signature not found/i);
    await expect(listZip(tempFile('y.zip', 'tiny'))).rejects.toThrow(ZipError);
  });

  it('a truncated download: cut anywhere, it is refused', async () => {
    for (const cut of [good.length - 10, Math.floor(good.length / 2), 100]) {
      const zip = tempFile('cut.zip', good.subarray(0, cut));
      await expect(extractZipEntry(zip, 'GEDEvent_v25_1.csv', join(tempDir(), 'o'))).rejects.toThrow(ZipError);
    }
  });

  it('a corrupt byte in the data is refused (inflate error or CRC-32 mismatch)', async () => {
    const bad = Buffer.from(good);
    bad[2000] = (bad[2000] as number) ^ 0xff;
    const zip = tempFile('bad.zip', bad);
    await expect(extractZipEntry(zip, 'GEDEvent_v25_1.csv', join(tempDir(), 'o'))).rejects.toThrow(/CRC-32 mismatch|cannot unzip/);
  });

  it('a header that claims more bytes than the data holds is refused as truncated', async () => {
    const data = Buffer.from('a,b\n1,2\n');
    const zip = tempFile('short.zip', makeZip([{ ...honest('e.csv', data), size: 100 }]));
    await expect(extractZipEntry(zip, 'e.csv', join(tempDir(), 'o'))).rejects.toThrow(`e.csv in ${zip}: expected 100 bytes, got 8 (truncated or corrupt archive)`);
  });

  it('encryption and unknown methods are refused by name', async () => {
    const data = Buffer.from('a,b\n1,2\n');
    const zip = makeZip([honest('e.csv', data)]);
    zip.writeUInt16LE(14, 8); // local header method: LZMA
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(14, central + 10);
    const file = tempFile('lzma.zip', zip);
    await expect(extractZipEntry(file, 'e.csv', join(tempDir(), 'o'))).rejects.toThrow(`e.csv in ${file} uses compression method 14; only stored (0) and deflate (8) are supported`);
    zip.writeUInt16LE(8, 8);
    zip.writeUInt16LE(8, central + 10);
    zip.writeUInt16LE(1, 6);
    zip.writeUInt16LE(1, central + 8);
    const locked = tempFile('locked.zip', zip);
    await expect(extractZipEntry(locked, 'e.csv', join(tempDir(), 'o'))).rejects.toThrow(`e.csv in ${locked} is encrypted`);
  });
});
