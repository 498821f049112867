/**
 * The index of actor ids: id → actor index, by open addressing over typed arrays.
 *
 * Unlike a `Map`, it can look an id up straight from a range of a larger text (`getRange(text, from, to)`),
 * so an importer reading millions of ties never makes a string per cell; any string is a safe id
 * (`__proto__`, `constructor`), as the index holds no object keys. Hash: 32-bit FNV-1a over UTF-16 code
 * units, linear probing. Each slot (32 bytes) holds the index, the hash, the length, where the id's code
 * units start in one pool and, for ids of up to 8 code units (most survey and registry ids), the code
 * units themselves: a lookup of such an id reads one slot and nothing else.
 */
export class IdIndex {
  /** Per slot: [index + 1 (0 = empty), hash, length, pool offset, code units 0–1, 2–3, 4–5, 6–7]. */
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  private pool = new Uint16Array(1024);
  private poolUsed = 0;

  constructor(expected = 16) {
    const cap = capacityFor(expected);
    this.slots = new Int32Array(cap * SLOT);
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
    return this.getRange(id, 0, id.length) >= 0;
  }

  /** The index of the id spelled by `text[from, to)`, or -1. */
  getRange(text: string, from: number, to: number): number {
    const q = this.probe(text, from, to, hashRange(text, from, to));
    return q < 0 ? -1 : this.slots[q] - 1;
  }

  /**
   * Record `id` → `index` unless `id` is in the index already; returns the index it already had, or -1
   * when it was added. One probe sequence both looks for the id and finds its free slot.
   */
  add(id: string, index: number): number {
    if ((this.count + 1) * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    const len = id.length;
    const h = hashRange(id, 0, len);
    const q = this.probe(id, 0, len, h);
    if (q >= 0) return this.slots[q] - 1;
    if (this.poolUsed + len > this.pool.length) {
      const grown = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + len));
      grown.set(this.pool.subarray(0, this.poolUsed));
      this.pool = grown;
    }
    const off = this.poolUsed;
    for (let j = 0; j < len; j++) this.pool[off + j] = id.charCodeAt(j);
    this.poolUsed += len;
    this.fill(-q - 1, index + 1, h, off, len);
    this.count++;
    return -1;
  }

  /**
   * The slot (word offset) holding the id spelled by `text[from, to)` with hash `h`, or −(offset + 1) of
   * the empty slot where the probe ended (where the id would go).
   */
  private probe(text: string, from: number, to: number, h: number): number {
    const len = to - from;
    const slots = this.slots;
    const mask = this.mask;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const q = p * SLOT;
      const i = slots[q];
      if (i === 0) return -q - 1;
      if (slots[q + 1] !== h || slots[q + 2] !== len) continue;
      if (len <= INLINE) {
        let j = 0;
        for (; j < len; j += 2) {
          const pair = text.charCodeAt(from + j) | (j + 1 < len ? text.charCodeAt(from + j + 1) << 16 : 0);
          if (slots[q + 4 + (j >> 1)] !== pair) break;
        }
        if (j >= len) return q;
      } else {
        const pool = this.pool;
        const off = slots[q + 3];
        let j = 0;
        while (j < len && pool[off + j] === text.charCodeAt(from + j)) j++;
        if (j === len) return q;
      }
    }
  }

  /** Make room for `n` ids in all without regrowing. */
  reserve(n: number): void {
    if (n * 2 > this.mask + 1) this.rehash(capacityFor(n));
  }

  private place(entry: number, h: number, off: number, len: number): void {
    const mask = this.mask;
    let p = h & mask;
    while (this.slots[p * SLOT] !== 0) p = (p + 1) & mask;
    this.fill(p * SLOT, entry, h, off, len);
  }

  /** Write an entry into the empty slot at word offset `q`. */
  private fill(q: number, entry: number, h: number, off: number, len: number): void {
    const slots = this.slots;
    slots[q] = entry;
    slots[q + 1] = h;
    slots[q + 2] = len;
    slots[q + 3] = off;
    if (len <= INLINE) for (let j = 0; j < len; j += 2) slots[q + 4 + (j >> 1)] = this.pool[off + j] | (j + 1 < len ? this.pool[off + j + 1] << 16 : 0);
  }

  private rehash(cap: number): void {
    const old = this.slots;
    this.slots = new Int32Array(cap * SLOT);
    this.mask = cap - 1;
    for (let q = 0; q < old.length; q += SLOT) if (old[q] !== 0) this.place(old[q], old[q + 1], old[q + 3], old[q + 2]);
  }
}

/** 32-bit FNV-1a over the UTF-16 code units of `text[from, to)`. */
function hashRange(text: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let j = from; j < to; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
  return h;
}

/** Int32 words per slot, and the longest id (in UTF-16 code units) held in its slot. */
const SLOT = 8;
const INLINE = 8;

function capacityFor(n: number): number {
  let cap = 16;
  while (cap < n * 2) cap *= 2;
  return cap;
}
