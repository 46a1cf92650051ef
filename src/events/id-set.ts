// The event ids a file has given so far, to reject a repeated one. GED's and ACLED's ids are
// mostly whole numbers below a few million; a Set of a million numbers cost the reading thread
// about a tenth of its time (hashing, and growing its table again and again), where a bit per
// possible id costs a shift and a mask. Ids past SMALL_IDS, or not whole numbers, go to a Set.

/** Ids below this go to the bits: at most 8 MiB of them, grown as larger ids arrive. */
const SMALL_IDS = 1 << 26;

export class IdSet {
  private bits = new Int32Array(1024);
  private readonly others = new Set<string | number>();

  /** Adds `id`; false when it was there already. */
  add(id: string | number): boolean {
    if (typeof id === 'number' && id < SMALL_IDS) {
      const word = id >>> 5;
      if (word >= this.bits.length) this.grow(word);
      const bit = 1 << (id & 31);
      const bits = this.bits;
      const had = (bits[word] as number) & bit;
      bits[word] = (bits[word] as number) | bit;
      return had === 0;
    }
    if (this.others.has(id)) return false;
    this.others.add(id);
    return true;
  }

  private grow(word: number): void {
    let size = this.bits.length * 2;
    while (size <= word) size *= 2;
    const bits = new Int32Array(size);
    bits.set(this.bits);
    this.bits = bits;
  }
}
