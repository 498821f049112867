/**
 * The index of actor ids: id → actor index, by open addressing over typed arrays.
 *
 * Unlike a `Map`, it can look an id up straight from a range of a larger text (`getRange(text, from, to)`),
 * so an importer reading millions of ties never makes a string per cell; any string is a safe id
 * (`__proto__`, `constructor`), as the index holds no object keys. Hash: 32-bit FNV-1a over UTF-16 code
 * units; collisions are resolved by linear probing and a full comparison of the code units.
 */
export class IdIndex {
  private slots: Int32Array;
  private hashes: Int32Array;
  private mask: number;
  private count = 0;

  /** `ids` is the table of ids by index that the index points into (shared, appended to by the owner). */
  constructor(private readonly ids: readonly string[], expected = 16) {
    const cap = capacityFor(expected);
    this.slots = new Int32Array(cap).fill(-1);
    this.hashes = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The index of `id`, or -1. */
  get(id: string): number {
    return this.getRange(id, 0, id.length);
  }

  has(id: string): boolean {
    return this.get(id) >= 0;
  }

  /** The index of the id spelled by `text[from, to)`, or -1. */
  getRange(text: string, from: number, to: number): number {
    const h = hashOf(text, from, to);
    const len = to - from;
    const slots = this.slots;
    const hashes = this.hashes;
    const mask = this.mask;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const i = slots[p];
      if (i < 0) return -1;
      if (hashes[p] === h) {
        const id = this.ids[i];
        if (id.length === len && sameCodes(id, text, from, len)) return i;
      }
    }
  }

  /** Record `id` → `index` (the id must not be in the index yet). */
  add(id: string, index: number): void {
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    this.place(hashOf(id, 0, id.length), index);
    this.count++;
  }

  /** Make room for `n` ids in all without regrowing. */
  reserve(n: number): void {
    if (n * 2 > this.slots.length) this.rehash(capacityFor(n));
  }

  private place(h: number, index: number): void {
    const mask = this.mask;
    let p = h & mask;
    while (this.slots[p] >= 0) p = (p + 1) & mask;
    this.slots[p] = index;
    this.hashes[p] = h;
  }

  private grow(): void {
    this.rehash(this.slots.length * 2);
  }

  private rehash(cap: number): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Int32Array(cap).fill(-1);
    this.hashes = new Int32Array(cap);
    this.mask = cap - 1;
    for (let p = 0; p < oldSlots.length; p++) if (oldSlots[p] >= 0) this.place(oldHashes[p], oldSlots[p]);
  }
}

function capacityFor(n: number): number {
  let cap = 16;
  while (cap < n * 2) cap *= 2;
  return cap;
}

function hashOf(text: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let j = from; j < to; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
  return h;
}

function sameCodes(id: string, text: string, from: number, len: number): boolean {
  for (let j = 0; j < len; j++) if (id.charCodeAt(j) !== text.charCodeAt(from + j)) return false;
  return true;
}
