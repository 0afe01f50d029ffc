// Remembers the order ids seen in a one-row-per-order file, to reject duplicates. All-digit ids (all
// Taobao/Tmall ids) are kept as 64-bit integers in an open-addressing table of typed arrays: exact,
// about 24 bytes per order and no per-id objects for the garbage collector, so a million-row file
// costs ~24 MB here while everything else streams. Other ids fall back to a Map.

const MAX_U64_DIGITS = 19; // every 19-digit number fits in 64 bits

export class OrderIdSet {
  private keys = new BigUint64Array(1 << 12);
  private lines = new Uint32Array(1 << 12);
  private used = 0;
  private readonly others = new Map<string, number>();

  /** The line where this id was first seen, or 0 when it is new (it is then remembered). */
  seen(id: string, line: number): number {
    if (id.length > MAX_U64_DIGITS || !/^[1-9]\d*$/.test(id)) {
      const prev = this.others.get(id);
      if (prev !== undefined) return prev;
      this.others.set(id, line);
      return 0;
    }
    const key = BigInt(id); // never 0: leading digit is 1-9
    let slot = this.find(key);
    if (this.keys[slot] === key) return this.lines[slot];
    if ((this.used + 1) * 10 > this.keys.length * 6) {
      this.grow();
      slot = this.find(key);
    }
    this.keys[slot] = key;
    this.lines[slot] = line;
    this.used++;
    return 0;
  }

  private find(key: bigint): number {
    const mask = this.keys.length - 1;
    const lo = Number(key & 0xffffffffn);
    const hi = Number(key >> 32n);
    // murmur3's finaliser: ids that share their low bits (Excel's zeroed tails) still spread out.
    let h = lo ^ Math.imul(hi, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    let slot = ((h ^ (h >>> 16)) >>> 0) & mask;
    while (this.keys[slot] !== 0n && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldLines = this.lines;
    this.keys = new BigUint64Array(oldKeys.length * 2);
    this.lines = new Uint32Array(oldKeys.length * 2);
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] === 0n) continue;
      const slot = this.find(oldKeys[i]);
      this.keys[slot] = oldKeys[i];
      this.lines[slot] = oldLines[i];
    }
  }
}
