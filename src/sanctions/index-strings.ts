// A set of strings in three typed arrays (UTF-16 code units, start offsets, an open-addressing
// hash table of ids), so that an index of millions of keys loads from bytes without building a
// JavaScript Map: a fresh process can answer its first query in well under a second.

export interface StringTableData {
  chars: Uint16Array;
  /** start[i]..start[i+1] are the code units of string i. */
  start: Uint32Array;
  /** Hash slots holding id + 1 (0 = empty); the length is a power of two. */
  slots: Int32Array;
}

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function hashRange(chars: Uint16Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= chars[i] as number;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class StringTable {
  constructor(readonly data: StringTableData) {}

  /** The table of `strings`, whose ids are their positions (strings must be distinct). */
  static of(strings: readonly string[]): StringTable {
    let total = 0;
    for (const s of strings) total += s.length;
    const chars = new Uint16Array(total);
    const start = new Uint32Array(strings.length + 1);
    let at = 0;
    strings.forEach((s, i) => {
      start[i] = at;
      for (let k = 0; k < s.length; k++) chars[at++] = s.charCodeAt(k);
    });
    start[strings.length] = at;
    let size = 16;
    while (size < strings.length * 2) size *= 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < strings.length; i++) {
      let slot = hashRange(chars, start[i] as number, start[i + 1] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = i + 1;
    }
    return new StringTable({ chars, start, slots });
  }

  get size(): number {
    return this.data.start.length - 1;
  }

  /** The id of `s`, or -1. */
  find(s: string): number {
    const { chars, start, slots } = this.data;
    const mask = slots.length - 1;
    let slot = hash(s) & mask;
    for (;;) {
      const id = (slots[slot] as number) - 1;
      if (id < 0) return -1;
      const from = start[id] as number;
      if ((start[id + 1] as number) - from === s.length) {
        let same = true;
        for (let k = 0; k < s.length; k++) {
          if (chars[from + k] !== s.charCodeAt(k)) {
            same = false;
            break;
          }
        }
        if (same) return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  get(id: number): string {
    const { chars, start } = this.data;
    return String.fromCharCode(...chars.subarray(start[id], start[id + 1]));
  }
}
