/**
 * The network of a cluster, held in columns.
 *
 * Actors are interned: actor i has id `ids[i]` (a `Map` from id to index, so any string — `__proto__`
 * included — is a safe id) and one attribute record. Ties are columns of typed arrays, one entry per tie
 * (relations and survey rounds between the same pair stay separate ties):
 *
 * | column | type | meaning |
 * |---|---|---|
 * | `tieSource`, `tieTarget` | Int32Array | actor indices; knowledge flows source → target |
 * | `tieWeight` | Float64Array | strength on the survey's scale (finite, ≥ 0) |
 * | `tieRelation` | Int32Array | code into `relationNames` |
 * | `tieWave` | Int32Array | code into `waveNames`, −1 when the tie has no round |
 * | `tieTypeCode` | Uint8Array | 0 horizontal, 1 vertical, 2 external (see model/tieType.ts) |
 * | `tieGiven` | Uint8Array | 1 when the data gave the tie type explicitly |
 *
 * Other tie attributes (the nominator, survey attributes) are sparse columns by name. Importers append to
 * the columns directly, without building a graph of objects on the way; the metrics read the columns
 * (see model/views.ts `indexDigraph`), so a million ties take tens of megabytes.
 *
 * The class also answers the graphology-style calls the rest of the code and users' scripts know
 * (`order`, `size`, `forEachNode`, `forEachEdge`, `getNodeAttribute` …), so code written against a
 * graphology graph reads it unchanged; a real graphology `MultiDirectedGraph` is built on demand by
 * `toGraphology` (model/graphology.ts), and `asNetwork` turns one back into a network.
 */
import { dict } from "./dict.js";
import type { ActorAttributes, AttributeValue, ClusterAttributes, TieAttributes, TieType } from "./types.js";
import { TIE_TYPES } from "./types.js";
import { IdIndex } from "./idIndex.js";

const TYPE_CODE: Record<TieType, number> = { horizontal: 0, vertical: 1, external: 2 };
/** Tie fields held in their own columns; every other tie attribute is a sparse column. */
const FIXED_TIE_FIELDS = new Set(["relation", "weight", "wave", "tieType", "tieTypeGiven"]);

export function tieTypeCode(t: TieType): number {
  return TYPE_CODE[t];
}

/**
 * An attribute record merged from `sources` (undefined values left out). Keys from files are plain data:
 * the record has no prototype (model/dict.ts), so `__proto__`, `constructor` or `toString` are ordinary
 * keys and a missing attribute is undefined, never an inherited member.
 */
export function record<T extends object>(...sources: (object | undefined)[]): T {
  const out: Record<string, unknown> = dict();
  for (const s of sources) {
    if (!s) continue;
    for (const k of Object.keys(s)) {
      const v = (s as Record<string, unknown>)[k];
      if (v !== undefined) setOwn(out, k, v);
    }
  }
  return out as T;
}

/** `o[k] = v`, except that `__proto__` is defined as an own data property instead of setting the prototype. */
export function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === "__proto__") Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  else o[k] = v;
}

/** Serialised form, the shape of graphology's `graph.export()`. */
export interface SerializedNetwork {
  attributes: ClusterAttributes;
  options: { type: "directed"; multi: true; allowSelfLoops: true };
  nodes: { key: string; attributes: ActorAttributes }[];
  edges: { key: string; source: string; target: string; attributes: TieAttributes }[];
}

type NodeCallback = (id: string, attributes: ActorAttributes) => void;
type EdgeCallback = (key: string, attributes: TieAttributes, source: string, target: string, sourceAttributes: ActorAttributes, targetAttributes: ActorAttributes) => void;
type EdgePredicate = (key: string, attributes: TieAttributes, source: string, target: string, sourceAttributes: ActorAttributes, targetAttributes: ActorAttributes) => unknown;

export class ClusterNetwork {
  private _ids: string[] = [];
  private _index = new IdIndex();
  private _actors: ActorAttributes[] = [];
  private _attributes: ClusterAttributes;

  private _m = 0;
  private _cap = 0;
  private _src = new Int32Array(0);
  private _dst = new Int32Array(0);
  private _w = new Float64Array(0);
  private _rel = new Int32Array(0);
  private _wave = new Int32Array(0);
  private _type = new Uint8Array(0);
  private _given = new Uint8Array(0);
  private _relNames: string[] = [];
  private _relCode = new Map<string, number>();
  private _waveNames: string[] = [];
  private _waveCode = new Map<string, number>();
  /** Sparse tie attribute columns by name (index = tie). */
  private _extra = new Map<string, (AttributeValue | undefined)[]>();
  /** Keys given explicitly (addEdgeWithKey); others are `e<n>`, n = the tie's automatic number. */
  private _keys: (string | undefined)[] | undefined;
  private _keyIndex: Map<string, number> | undefined;
  /**
   * Automatic key numbers when they differ from the tie index (in a view, a tie keeps the key it has in
   * the network it was taken from); `_autoInv` maps a number back to the tie index (−1 none).
   */
  private _auto: Int32Array | undefined;
  private _autoInv: Int32Array | undefined;
  private _nextAuto = 0;
  /** Expected number of ties being read (for progress display only). */
  capacityHint: number | undefined;
  /** Bumped on every change: analysis contexts built on an older version are stale. */
  private _version = 0;

  constructor(attributes: Partial<ClusterAttributes> = {}, capacity = 0) {
    this._attributes = record<ClusterAttributes>({ direction: "flow" }, attributes);
    if (capacity > 0) this.reserve(capacity);
  }

  // ----------------------------------------------------------------------------- columnar access

  /** Actor ids in index order (do not modify). */
  get ids(): readonly string[] {
    return this._ids;
  }
  /** Attribute records in index order (do not replace; use the setters to change them). */
  get actorRecords(): readonly ActorAttributes[] {
    return this._actors;
  }
  get tieSource(): Int32Array {
    return this._src.subarray(0, this._m);
  }
  get tieTarget(): Int32Array {
    return this._dst.subarray(0, this._m);
  }
  get tieWeight(): Float64Array {
    return this._w.subarray(0, this._m);
  }
  get tieRelation(): Int32Array {
    return this._rel.subarray(0, this._m);
  }
  get tieWave(): Int32Array {
    return this._wave.subarray(0, this._m);
  }
  get tieTypeCode(): Uint8Array {
    return this._type.subarray(0, this._m);
  }
  get tieGiven(): Uint8Array {
    return this._given.subarray(0, this._m);
  }
  get relationNames(): readonly string[] {
    return this._relNames;
  }
  get waveNames(): readonly string[] {
    return this._waveNames;
  }
  /** Names of the sparse tie attribute columns. */
  get tieAttributeNames(): string[] {
    return [...this._extra.keys()];
  }
  tieAttributeColumn(name: string): readonly (AttributeValue | undefined)[] | undefined {
    return this._extra.get(name);
  }
  /** Changes with every mutation; see model/context.ts. */
  get version(): number {
    return this._version;
  }
  indexOf(id: string): number {
    return this._index.get(id);
  }
  /** The index of the actor whose id is `text[from, to)`, or -1 (importers: no string per cell). */
  indexOfRange(text: string, from: number, to: number): number {
    return this._index.getRange(text, from, to);
  }
  /** Make room for `n` actors in all. */
  reserveActors(n: number): void {
    this._index.reserve(n);
  }
  relationCode(name: string, create = false): number {
    let c = this._relCode.get(name);
    if (c === undefined) {
      if (!create) return -1;
      c = this._relNames.length;
      this._relNames.push(name);
      this._relCode.set(name, c);
    }
    return c;
  }
  waveCode(name: string | undefined, create = false): number {
    if (name === undefined || name === "") return -1;
    let c = this._waveCode.get(name);
    if (c === undefined) {
      if (!create) return -2;
      c = this._waveNames.length;
      this._waveNames.push(name);
      this._waveCode.set(name, c);
    }
    return c;
  }

  reserve(ties: number): void {
    if (ties <= this._cap) return;
    const cap = Math.max(ties, Math.ceil(this._cap * 1.5), 16);
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, C: new (n: number) => T): T => {
      const b = new C(cap);
      b.set(a.subarray(0, this._m));
      return b;
    };
    this._src = grow(this._src, Int32Array);
    this._dst = grow(this._dst, Int32Array);
    this._w = grow(this._w, Float64Array);
    this._rel = grow(this._rel, Int32Array);
    this._wave = grow(this._wave, Int32Array);
    this._type = grow(this._type, Uint8Array);
    this._given = grow(this._given, Uint8Array);
    this._cap = cap;
  }

  /** Add an actor by index (fast path for importers); `attributes` becomes its record as given. */
  pushActor(id: string, attributes: ActorAttributes): number {
    const i = this._ids.length;
    if (this._index.add(id, i) >= 0) throw new Error(`actor "${id}" already exists`);
    this._ids.push(id);
    this._actors.push(attributes);
    this._version++;
    return i;
  }

  /**
   * Append a tie by codes (fast path for importers): actor indices, strength, relation code, round code
   * (−1 none), tie-type code and whether the type was given. Returns the tie's index.
   */
  pushTie(s: number, t: number, weight: number, relation: number, wave: number, type: number, given: boolean): number {
    if (this._m === this._cap) this.reserve(this._m + 1);
    const e = this._m++;
    this._src[e] = s;
    this._dst[e] = t;
    this._w[e] = weight;
    this._rel[e] = relation;
    this._wave[e] = wave;
    this._type[e] = type;
    this._given[e] = given ? 1 : 0;
    if (this._auto) this.setAuto(e, this._nextAuto);
    this._nextAuto++;
    this._version++;
    return e;
  }

  private setAuto(e: number, n: number): void {
    if (!this._auto || !this._autoInv) return;
    if (e >= this._auto.length) {
      const a = new Int32Array(Math.max(this._cap, e + 1));
      a.set(this._auto);
      this._auto = a;
    }
    if (n >= this._autoInv.length) {
      const b = new Int32Array(Math.max(n + 1, Math.ceil(this._autoInv.length * 1.5))).fill(-1);
      b.set(this._autoInv);
      this._autoInv = b;
    }
    this._auto[e] = n;
    this._autoInv[n] = e;
  }

  /** Set a sparse attribute of tie e (undefined removes it). */
  setTieAttribute(e: number, name: string, value: AttributeValue | undefined): void {
    if (FIXED_TIE_FIELDS.has(name)) {
      this.setFixed(e, name, value);
      return;
    }
    let col = this._extra.get(name);
    if (!col) {
      if (value === undefined) return;
      col = [];
      this._extra.set(name, col);
    }
    col[e] = value;
    this._version++;
  }

  private setFixed(e: number, name: string, value: unknown): void {
    switch (name) {
      case "relation":
        this._rel[e] = this.relationCode(String(value), true);
        break;
      case "weight":
        this._w[e] = Number(value);
        break;
      case "wave":
        this._wave[e] = value === undefined || value === null || value === "" ? -1 : this.waveCode(String(value), true);
        break;
      case "tieType":
        if ((TIE_TYPES as readonly string[]).includes(String(value))) this._type[e] = TYPE_CODE[value as TieType];
        break;
      case "tieTypeGiven":
        this._given[e] = value ? 1 : 0;
        break;
    }
    this._version++;
  }

  /** The attributes of tie e as a fresh record (changing it changes nothing: use setEdgeAttribute). */
  tieAttributes(e: number): TieAttributes {
    const a = dict() as TieAttributes;
    a.relation = this._relNames[this._rel[e]];
    a.weight = this._w[e];
    const wv = this._wave[e];
    if (wv >= 0) a.wave = this._waveNames[wv];
    a.tieType = TIE_TYPES[this._type[e]];
    if (this._given[e]) a.tieTypeGiven = true;
    for (const [name, col] of this._extra) {
      const v = col[e];
      if (v !== undefined) setOwn(a, name, v);
    }
    return a;
  }

  tieKey(e: number): string {
    return this._keys?.[e] ?? `e${this._auto ? this._auto[e] : e}`;
  }

  tieIndex(key: string): number {
    const k = this._keyIndex?.get(key);
    if (k !== undefined) return k;
    // The model's own keys are e<index> written without leading zeros ("e01" is a key of its own, not tie 1).
    if (/^e(0|[1-9]\d*)$/.test(key)) {
      const n = Number(key.slice(1));
      const e = this._autoInv ? (n < this._autoInv.length ? this._autoInv[n] : -1) : n < this._m ? n : -1;
      if (e >= 0 && this._keys?.[e] === undefined) return e;
    }
    return -1;
  }

  private tieOrThrow(key: string): number {
    const e = this.tieIndex(key);
    if (e < 0) throw new Error(`no tie with key "${key}"`);
    return e;
  }

  private actorOrThrow(id: string): number {
    const i = this._index.get(id);
    if (i < 0) throw new Error(`no actor "${id}"`);
    return i;
  }

  // ------------------------------------------------------------------- graphology-style interface

  get order(): number {
    return this._ids.length;
  }
  get size(): number {
    return this._m;
  }
  nodes(): string[] {
    return this._ids.slice();
  }
  hasNode(id: string): boolean {
    return this._index.has(id);
  }
  addNode(id: string, attributes: Partial<ActorAttributes> = {}): string {
    this.pushActor(id, record<ActorAttributes>(attributes));
    return id;
  }
  getNodeAttributes(id: string): ActorAttributes {
    return this._actors[this.actorOrThrow(id)];
  }
  hasNodeAttribute(id: string, name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this._actors[this.actorOrThrow(id)], name);
  }
  getNodeAttribute<K extends keyof ActorAttributes>(id: string, name: K): ActorAttributes[K] {
    return this._actors[this.actorOrThrow(id)][name];
  }
  setNodeAttribute(id: string, name: string, value: AttributeValue | undefined): void {
    const a = this._actors[this.actorOrThrow(id)];
    if (value === undefined) delete a[name];
    else setOwn(a, name, value);
    this._version++;
  }
  removeNodeAttribute(id: string, name: string): void {
    delete this._actors[this.actorOrThrow(id)][name];
    this._version++;
  }
  mergeNodeAttributes(id: string, attributes: Partial<ActorAttributes>): void {
    const a = this._actors[this.actorOrThrow(id)];
    for (const k of Object.keys(attributes)) {
      const v = attributes[k];
      if (v !== undefined) setOwn(a, k, v);
    }
    this._version++;
  }
  replaceNodeAttributes(id: string, attributes: ActorAttributes): void {
    this._actors[this.actorOrThrow(id)] = record<ActorAttributes>(attributes);
    this._version++;
  }
  updateEachNodeAttributes(fn: (id: string, attributes: ActorAttributes) => ActorAttributes): void {
    for (let i = 0; i < this._ids.length; i++) this._actors[i] = record<ActorAttributes>(fn(this._ids[i], this._actors[i]));
    this._version++;
  }
  forEachNode(cb: NodeCallback): void {
    for (let i = 0; i < this._ids.length; i++) cb(this._ids[i], this._actors[i]);
  }
  filterNodes(pred: (id: string, attributes: ActorAttributes) => unknown): string[] {
    const out: string[] = [];
    for (let i = 0; i < this._ids.length; i++) if (pred(this._ids[i], this._actors[i])) out.push(this._ids[i]);
    return out;
  }
  mapNodes<T>(fn: (id: string, attributes: ActorAttributes) => T): T[] {
    return this._ids.map((id, i) => fn(id, this._actors[i]));
  }

  /** Add a tie from attributes (knowledge flows source → target); both actors must exist. */
  addEdge(source: string, target: string, attributes: Partial<TieAttributes> = {}): string {
    return this.tieKey(this.appendTie(source, target, attributes));
  }
  addEdgeWithKey(key: string, source: string, target: string, attributes: Partial<TieAttributes> = {}): string {
    if (this.tieIndex(key) >= 0) throw new Error(`a tie with key "${key}" already exists`);
    const e = this.appendTie(source, target, attributes);
    if (key !== this.tieKey(e)) {
      this._keys ??= [];
      this._keyIndex ??= new Map();
      this._keys[e] = key;
      this._keyIndex.set(key, e);
    }
    return key;
  }
  private appendTie(source: string, target: string, attributes: Partial<TieAttributes>): number {
    const s = this.actorOrThrow(source);
    const t = this.actorOrThrow(target);
    const type = attributes.tieType !== undefined && (TIE_TYPES as readonly string[]).includes(attributes.tieType) ? TYPE_CODE[attributes.tieType] : 0;
    const e = this.pushTie(s, t, attributes.weight ?? 1, this.relationCode(attributes.relation ?? "knowledge", true), this.waveCode(attributes.wave, true), type, attributes.tieTypeGiven === true);
    for (const k of Object.keys(attributes)) if (!FIXED_TIE_FIELDS.has(k) && attributes[k] !== undefined) this.setTieAttribute(e, k, attributes[k]);
    return e;
  }
  /** Keys of all ties, or (with two ids) of the ties source → target. */
  edges(source?: string, target?: string): string[] {
    if (source !== undefined && target !== undefined) return this.tiesWhere(this.actorOrThrow(source), this.actorOrThrow(target));
    if (source !== undefined) {
      const i = this.actorOrThrow(source);
      const out: string[] = [];
      for (let e = 0; e < this._m; e++) if (this._src[e] === i || this._dst[e] === i) out.push(this.tieKey(e));
      return out;
    }
    const out = new Array<string>(this._m);
    for (let e = 0; e < this._m; e++) out[e] = this.tieKey(e);
    return out;
  }
  /** Is there a tie with this key, or (with two ids) a tie source → target? */
  hasEdge(keyOrSource: string, target?: string): boolean {
    if (target === undefined) return this.tieIndex(keyOrSource) >= 0;
    return this.hasDirectedEdge(keyOrSource, target);
  }
  hasDirectedEdge(source: string, target: string): boolean {
    const s = this._index.get(source);
    const t = this._index.get(target);
    if (s < 0 || t < 0) return false;
    for (let e = 0; e < this._m; e++) if (this._src[e] === s && this._dst[e] === t) return true;
    return false;
  }
  /** Remove a tie (the ties after it move up one index; keys are kept). */
  dropEdge(key: string): void {
    const e = this.tieOrThrow(key);
    if (!this._auto) {
      this._auto = Int32Array.from({ length: Math.max(this._cap, 1) }, (_, i) => i);
      this._autoInv = Int32Array.from({ length: Math.max(this._nextAuto, 1) }, (_, i) => (i < this._m ? i : -1));
    }
    const cols = [this._src, this._dst, this._w, this._rel, this._wave, this._type, this._given, this._auto] as (Int32Array | Float64Array | Uint8Array)[];
    for (const c of cols) c.copyWithin(e, e + 1, this._m);
    for (const col of this._extra.values()) col.splice(e, 1);
    if (this._keys) {
      const k = this._keys[e];
      if (k !== undefined) this._keyIndex!.delete(k);
      this._keys.splice(e, 1);
      for (let f = e; f < this._keys.length; f++) if (this._keys[f] !== undefined) this._keyIndex!.set(this._keys[f]!, f);
    }
    this._m--;
    this._autoInv!.fill(-1);
    for (let f = 0; f < this._m; f++) this._autoInv![this._auto[f]] = f;
    this._version++;
  }
  inNeighbors(id: string): string[] {
    const i = this.actorOrThrow(id);
    const seen = new Set<number>();
    for (let e = 0; e < this._m; e++) if (this._dst[e] === i) seen.add(this._src[e]);
    return [...seen].map((j) => this._ids[j]);
  }
  outNeighbors(id: string): string[] {
    const i = this.actorOrThrow(id);
    const seen = new Set<number>();
    for (let e = 0; e < this._m; e++) if (this._src[e] === i) seen.add(this._dst[e]);
    return [...seen].map((j) => this._ids[j]);
  }
  forEachNeighbor(id: string, cb: (neighbor: string, attributes: ActorAttributes) => void): void {
    const i = this.actorOrThrow(id);
    const seen = new Set<number>();
    for (let e = 0; e < this._m; e++) {
      if (this._src[e] === i) seen.add(this._dst[e]);
      if (this._dst[e] === i) seen.add(this._src[e]);
    }
    for (const j of seen) cb(this._ids[j], this._actors[j]);
  }
  forEachInEdge(id: string, cb: EdgeCallback): void {
    const i = this.actorOrThrow(id);
    for (let e = 0; e < this._m; e++) if (this._dst[e] === i) this.visit(e, cb);
  }
  forEachOutEdge(id: string, cb: EdgeCallback): void {
    const i = this.actorOrThrow(id);
    for (let e = 0; e < this._m; e++) if (this._src[e] === i) this.visit(e, cb);
  }
  private visit(e: number, cb: EdgeCallback): void {
    const s = this._src[e];
    const t = this._dst[e];
    cb(this.tieKey(e), this.tieAttributes(e), this._ids[s], this._ids[t], this._actors[s], this._actors[t]);
  }
  /** Add the actors and ties of a serialised network (graphology `export()` shape). */
  import(data: { attributes?: Record<string, unknown>; nodes?: { key: string; attributes?: Record<string, unknown> }[]; edges?: { key?: string; source: string; target: string; attributes?: Record<string, unknown> }[] }): this {
    if (data.attributes) this.mergeAttributes(data.attributes as Partial<ClusterAttributes>);
    for (const nd of data.nodes ?? []) {
      if (this.hasNode(nd.key)) this.mergeNodeAttributes(nd.key, (nd.attributes ?? {}) as Partial<ActorAttributes>);
      else this.addNode(nd.key, (nd.attributes ?? {}) as Partial<ActorAttributes>);
    }
    for (const ed of data.edges ?? []) {
      const a = (ed.attributes ?? {}) as Partial<TieAttributes>;
      if (ed.key !== undefined) this.addEdgeWithKey(ed.key, ed.source, ed.target, a);
      else this.addEdge(ed.source, ed.target, a);
    }
    return this;
  }
  source(key: string): string {
    return this._ids[this._src[this.tieOrThrow(key)]];
  }
  target(key: string): string {
    return this._ids[this._dst[this.tieOrThrow(key)]];
  }
  getEdgeAttributes(key: string): TieAttributes {
    return this.tieAttributes(this.tieOrThrow(key));
  }
  getEdgeAttribute<K extends keyof TieAttributes>(key: string, name: K): TieAttributes[K] {
    return this.tieAttributes(this.tieOrThrow(key))[name];
  }
  setEdgeAttribute(key: string, name: string, value: AttributeValue | undefined): void {
    this.setTieAttribute(this.tieOrThrow(key), name, value);
  }
  removeEdgeAttribute(key: string, name: string): void {
    this.setTieAttribute(this.tieOrThrow(key), name, undefined);
  }
  forEachEdge(cb: EdgeCallback): void {
    for (let e = 0; e < this._m; e++) this.visit(e, cb);
  }
  filterEdges(pred: EdgePredicate): string[] {
    const out: string[] = [];
    for (let e = 0; e < this._m; e++) {
      const s = this._src[e];
      const t = this._dst[e];
      if (pred(this.tieKey(e), this.tieAttributes(e), this._ids[s], this._ids[t], this._actors[s], this._actors[t])) out.push(this.tieKey(e));
    }
    return out;
  }
  /** Keys of ties into `target` (from `source` only, when given). */
  inEdges(target: string, source?: string): string[] {
    return this.tiesWhere(source === undefined ? -1 : this.actorOrThrow(source), this.actorOrThrow(target));
  }
  /** Keys of ties out of `source` (to `target` only, when given). */
  outEdges(source: string, target?: string): string[] {
    return this.tiesWhere(this.actorOrThrow(source), target === undefined ? -1 : this.actorOrThrow(target));
  }
  private tiesWhere(s: number, t: number): string[] {
    const out: string[] = [];
    for (let e = 0; e < this._m; e++) if ((s < 0 || this._src[e] === s) && (t < 0 || this._dst[e] === t)) out.push(this.tieKey(e));
    return out;
  }
  /** Number of ties touching the actor (in + out, a self-loop counted twice), as graphology `degree`. */
  degree(id: string): number {
    const i = this.actorOrThrow(id);
    let d = 0;
    for (let e = 0; e < this._m; e++) {
      if (this._src[e] === i) d++;
      if (this._dst[e] === i) d++;
    }
    return d;
  }
  inDegree(id: string): number {
    return this.inEdges(id).length;
  }
  outDegree(id: string): number {
    return this.outEdges(id).length;
  }

  getAttributes(): ClusterAttributes {
    return this._attributes;
  }
  getAttribute<K extends keyof ClusterAttributes>(name: K): ClusterAttributes[K] {
    return this._attributes[name];
  }
  setAttribute(name: keyof ClusterAttributes | string, value: unknown): void {
    setOwn(this._attributes, name as string, value);
    this._version++;
  }
  removeAttribute(name: string): void {
    delete this._attributes[name];
    this._version++;
  }
  replaceAttributes(attributes: ClusterAttributes): void {
    this._attributes = record<ClusterAttributes>(attributes);
    this._version++;
  }
  mergeAttributes(attributes: Partial<ClusterAttributes>): void {
    for (const k of Object.keys(attributes)) setOwn(this._attributes, k, attributes[k]);
    this._version++;
  }

  /** A deep copy (attribute records copied; columns copied). */
  copy(): ClusterNetwork {
    const out = new ClusterNetwork(structuredClone({ ...this._attributes }), this._m);
    for (let i = 0; i < this._ids.length; i++) out.pushActor(this._ids[i], record<ActorAttributes>(this._actors[i]));
    out._src.set(this.tieSource);
    out._dst.set(this.tieTarget);
    out._w.set(this.tieWeight);
    out._rel.set(this.tieRelation);
    out._wave.set(this.tieWave);
    out._type.set(this.tieTypeCode);
    out._given.set(this.tieGiven);
    out._m = this._m;
    out._relNames = this._relNames.slice();
    out._relCode = new Map(this._relCode);
    out._waveNames = this._waveNames.slice();
    out._waveCode = new Map(this._waveCode);
    for (const [k, col] of this._extra) out._extra.set(k, col.slice());
    if (this._keys) {
      out._keys = this._keys.slice();
      out._keyIndex = new Map(this._keyIndex);
    }
    if (this._auto && this._autoInv) {
      out._auto = this._auto.slice();
      out._autoInv = this._autoInv.slice();
    }
    out._nextAuto = this._nextAuto;
    return out;
  }

  /** The network in graphology's serialised form (`graph.export()`). */
  export(): SerializedNetwork {
    return {
      attributes: { ...this._attributes },
      options: { type: "directed", multi: true, allowSelfLoops: true },
      nodes: this._ids.map((key, i) => ({ key, attributes: { ...this._actors[i] } })),
      edges: Array.from({ length: this._m }, (_, e) => ({
        key: this.tieKey(e),
        source: this._ids[this._src[e]],
        target: this._ids[this._dst[e]],
        attributes: { ...this.tieAttributes(e) },
      })),
    };
  }

  /**
   * A network with the same actors (records shared, attributes copied) and the ties with `keep[e]` set,
   * in order; used by the views (model/views.ts). `actors` (when given) keeps only the actors marked.
   */
  subnetwork(keepTie: (e: number) => boolean, keepActor?: ArrayLike<boolean | number>): ClusterNetwork {
    const out = new ClusterNetwork({ ...this._attributes });
    const map = new Int32Array(this._ids.length).fill(-1);
    for (let i = 0; i < this._ids.length; i++) {
      if (keepActor && !keepActor[i]) continue;
      map[i] = out.pushActor(this._ids[i], record<ActorAttributes>(this._actors[i]));
    }
    out._relNames = this._relNames.slice();
    out._relCode = new Map(this._relCode);
    out._waveNames = this._waveNames.slice();
    out._waveCode = new Map(this._waveCode);
    let count = 0;
    const kept = new Int32Array(this._m);
    for (let e = 0; e < this._m; e++) if (map[this._src[e]] >= 0 && map[this._dst[e]] >= 0 && keepTie(e)) kept[count++] = e;
    out.reserve(count);

    for (let k = 0; k < count; k++) {
      const e = kept[k];
      const f = out.pushTie(map[this._src[e]], map[this._dst[e]], this._w[e], this._rel[e], this._wave[e], this._type[e], this._given[e] === 1);
      for (const [name, col] of this._extra) {
        const v = col[e];
        if (v !== undefined) {
          let oc = out._extra.get(name);
          if (!oc) out._extra.set(name, (oc = []));
          oc[f] = v;
        }
      }
      const key = this._keys?.[e];
      if (key !== undefined) {
        out._keys ??= [];
        out._keyIndex ??= new Map();
        out._keys[f] = key;
        out._keyIndex.set(key, f);
      }
    }
    // Ties keep their keys: their automatic numbers are carried over.
    const auto = new Int32Array(Math.max(out._cap, 1));
    const inv = new Int32Array(Math.max(this._nextAuto, 1)).fill(-1);
    for (let f = 0; f < count; f++) {
      const e = kept[f];
      const n = this._auto ? this._auto[e] : e;
      auto[f] = n;
      inv[n] = f;
    }
    out._auto = auto;
    out._autoInv = inv;
    out._nextAuto = this._nextAuto;
    return out;
  }
}

/** Is this a {@link ClusterNetwork}? */
export function isClusterNetwork(x: unknown): x is ClusterNetwork {
  return x instanceof ClusterNetwork;
}
