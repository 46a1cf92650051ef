// The screening index as bytes, to keep in the store and read back: a short JSON header (format,
// list versions, the token texts) followed by the typed arrays of index-data.ts, each aligned to
// 8 bytes, so that reading it back makes views on the bytes instead of copying or parsing them.
// A fresh process can then answer its first query without rebuilding anything.
import { INDEX_FORMAT, type IndexData, type IndexHolder } from './index-data.js';
import { StringTable } from './index-strings.js';

const MAGIC = 'DEEDSIX1';

type Typed = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float32Array | Float64Array;
const KINDS = { i32: Int32Array, u32: Uint32Array, u16: Uint16Array, u8: Uint8Array, f32: Float32Array, f64: Float64Array } as const;
type Kind = keyof typeof KINDS;

const kindOf = (a: Typed): Kind =>
  a instanceof Int32Array ? 'i32' : a instanceof Uint32Array ? 'u32' : a instanceof Uint16Array ? 'u16' : a instanceof Uint8Array ? 'u8' : a instanceof Float32Array ? 'f32' : 'f64';

interface Header {
  format: number;
  fingerprint?: string;
  holders: IndexHolder[];
  datasetSets: string[][];
  tokText: string[];
  arrays: Array<{ name: string; kind: Kind; length: number }>;
}

function arraysOf(d: IndexData): Array<[string, Typed]> {
  return [
    ['entryHolder', d.entryHolder],
    ['entrySchema', d.entrySchema],
    ['entryDatasets', d.entryDatasets],
    ['entryNameStart', d.entryNameStart],
    ['entryDigest', d.entryDigest],
    ['entryText', d.entryText],
    ['entryTextStart', d.entryTextStart],
    ['nameEntry', d.nameEntry],
    ['nameSlot', d.nameSlot],
    ['nameTokStart', d.nameTokStart],
    ['nameTok', d.nameTok],
    ['nameTotal', d.nameTotal],
    ['tokFlags', d.tokFlags],
    ['tokWeight', d.tokWeight],
    ['folds.chars', d.folds.data.chars],
    ['folds.start', d.folds.data.start],
    ['folds.slots', d.folds.data.slots],
    ['foldDf', d.foldDf],
    ['unitStart', d.unitStart],
    ['unitNames', d.unitNames],
    ['keys.chars', d.keys.data.chars],
    ['keys.start', d.keys.data.start],
    ['keys.slots', d.keys.data.slots],
    ['keySize', d.keySize],
    ['keyUnitStart', d.keyUnitStart],
    ['keyUnits', d.keyUnits],
  ];
}

const pad8 = (n: number): number => (n + 7) & ~7;

export function serializeIndex(d: IndexData): Buffer {
  const arrays = arraysOf(d);
  const header: Header = {
    format: d.format,
    ...(d.fingerprint ? { fingerprint: d.fingerprint } : {}),
    holders: d.holders,
    datasetSets: d.datasetSets,
    tokText: d.tokText,
    arrays: arrays.map(([name, a]) => ({ name, kind: kindOf(a), length: a.length })),
  };
  const head = Buffer.from(JSON.stringify(header));
  const start = pad8(8 + 4 + head.length);
  let size = start;
  for (const [, a] of arrays) size += pad8(a.byteLength);
  const out = Buffer.alloc(size);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(head.length, 8);
  head.copy(out, 12);
  let at = start;
  for (const [, a] of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += pad8(a.byteLength);
  }
  return out;
}

export class IndexFormatError extends Error {
  override name = 'IndexFormatError';
}

/** Reads an index back; the arrays are views on `bytes` (copied once if they are not 8-byte aligned). */
export function deserializeIndex(bytes: Uint8Array): IndexData {
  const buf = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
  const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (view.length < 12 || view.toString('latin1', 0, 8) !== MAGIC) throw new IndexFormatError('not a deeds screening index');
  const headLength = view.readUInt32LE(8);
  const header = JSON.parse(view.toString('utf8', 12, 12 + headLength)) as Header;
  if (header.format !== INDEX_FORMAT) throw new IndexFormatError(`screening index format ${header.format}, expected ${INDEX_FORMAT}`);
  const arrays = new Map<string, Typed>();
  let at = pad8(12 + headLength);
  for (const a of header.arrays) {
    const Ctor = KINDS[a.kind];
    const bytesPer = Ctor.BYTES_PER_ELEMENT;
    if (at + a.length * bytesPer > view.length) throw new IndexFormatError('screening index truncated');
    arrays.set(a.name, new Ctor(buf.buffer as ArrayBuffer, buf.byteOffset + at, a.length));
    at += pad8(a.length * bytesPer);
  }
  const get = <T extends Typed>(name: string): T => {
    const a = arrays.get(name);
    if (!a) throw new IndexFormatError(`screening index lacks ${name}`);
    return a as T;
  };
  return {
    format: header.format,
    ...(header.fingerprint ? { fingerprint: header.fingerprint } : {}),
    holders: header.holders,
    datasetSets: header.datasetSets,
    tokText: header.tokText,
    entryHolder: get('entryHolder'),
    entrySchema: get('entrySchema'),
    entryDatasets: get('entryDatasets'),
    entryNameStart: get('entryNameStart'),
    entryDigest: get('entryDigest'),
    entryText: get('entryText'),
    entryTextStart: get('entryTextStart'),
    nameEntry: get('nameEntry'),
    nameSlot: get('nameSlot'),
    nameTokStart: get('nameTokStart'),
    nameTok: get('nameTok'),
    nameTotal: get('nameTotal'),
    tokFlags: get('tokFlags'),
    tokWeight: get('tokWeight'),
    folds: new StringTable({ chars: get('folds.chars'), start: get('folds.start'), slots: get('folds.slots') }),
    foldDf: get('foldDf'),
    unitStart: get('unitStart'),
    unitNames: get('unitNames'),
    keys: new StringTable({ chars: get('keys.chars'), start: get('keys.start'), slots: get('keys.slots') }),
    keySize: get('keySize'),
    keyUnitStart: get('keyUnitStart'),
    keyUnits: get('keyUnits'),
  };
}
