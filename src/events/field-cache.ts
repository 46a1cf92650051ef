// Decoded CSV fields by their bytes. Most of an event file's columns repeat from row to row (the
// country, the province, the sides and their ids, the dates), and decoding them into a fresh
// string each row cost the reading thread about a tenth of its time. A field seen before comes
// back as the very same string, found by a hash of its bytes and confirmed byte for byte, so a
// collision can only cost a decoding, never give a wrong value. Handing back the same string also
// makes the converter's lookups by it (country codes, provinces) cheaper: V8 keeps a string's hash.
//
// Memory is fixed: a direct-mapped table of SLOTS entries of at most MAX_KEY_BYTES bytes; a new
// value takes the place of whatever held its slot, so no file can make it grow. A column whose
// values repeat too seldom (an event id; coordinates, in the synthetic million-row file) stops
// being looked up after a trial: a miss costs the hashing on top of the decoding, so below about
// seven hits in ten the cache costs more than it saves (measured).

/** Decodes the bytes [start, end) of `source`; `escaped` when they hold doubled quotes to undo. */
export type FieldDecoder = (source: Buffer, start: number, end: number, escaped: boolean) => string;

const SLOTS = 1024;
/** A slot: one byte saying what it holds, then the key; 64 bytes, so that a look-up touches one or two cache lines. */
const SLOT_BYTES = 64;
const MAX_KEY_BYTES = SLOT_BYTES - 1;
/** Lookups after which a column that found too few of its values (under MIN_HITS) stops looking. */
const TRIAL = 4096;
const MIN_HITS = (TRIAL * 7) / 10;

export class FieldCache {
  /** Per slot: its key's length times 2, plus 1 when escaped, plus 1 (0: empty); then the key's bytes. */
  private readonly slots = new Uint8Array(SLOTS * SLOT_BYTES);
  private readonly values: string[] = new Array<string>(SLOTS).fill('');
  private lookups = 0;
  private hits = 0;
  private on = true;

  constructor(private readonly decode: FieldDecoder) {}

  /** Whether the cache still looks values up (false once a trial has shown they do not repeat). */
  get active(): boolean {
    return this.on;
  }

  text(source: Buffer, start: number, end: number, escaped: boolean): string {
    const length = end - start;
    if (!this.on || length > MAX_KEY_BYTES) return this.decode(source, start, end, escaped);
    if (++this.lookups === TRIAL) {
      if (this.hits < MIN_HITS) this.on = false;
      this.lookups = 0;
      this.hits = 0;
    }
    // FNV-1a over the bytes; the length and the escape flag take part in the check below.
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ (source[i] as number), 0x01000193);
    const slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    const size = length * 2 + (escaped ? 2 : 1);
    const base = slot * SLOT_BYTES;
    const slots = this.slots;
    if (slots[base] === size) {
      const key = base + 1 - start;
      let i = start;
      while (i < end && slots[key + i] === source[i]) i++;
      if (i === end) {
        this.hits++;
        return this.values[slot] as string;
      }
    }
    const value = this.decode(source, start, end, escaped);
    slots[base] = size;
    for (let k = 0; k < length; k++) slots[base + 1 + k] = source[start + k] as number;
    this.values[slot] = value;
    return value;
  }
}
