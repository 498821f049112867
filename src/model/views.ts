/**
 * Views of a cluster graph for the metrics. None of them mutates the original.
 *
 * - {@link filterTies}: ties of some relations / waves / tie types / minimum strength; local actors only.
 * - {@link collapse}: parallel ties (several relations or waves between the same ordered pair) merged into
 *   one weighted arc of a simple digraph. Weight rule (default `sum`): the arc's weight is the sum of the
 *   strengths of the ties it merges, i.e. the total knowledge flow from a to b. `max`, `mean`, `count`
 *   (number of ties) and `binary` (1) are the alternatives.
 * - {@link indexDigraph}: the collapsed digraph as integer-indexed sorted adjacency arrays (CSR), the
 *   form the metrics compute on.
 */
import type { ClusterGraph, TieType } from "./types.js";
import { TIE_TYPES } from "./types.js";
import { asNetwork, type NetworkInput } from "./networkInput.js";
import { traceDigraphBuild } from "./trace.js";

export interface TieFilter {
  relations?: string[];
  waves?: string[];
  tieTypes?: TieType[];
  minWeight?: number;
  /** Keep only actors inside the cluster (and ties among them). */
  localOnly?: boolean;
  /** Keep only these actor kinds. */
  kinds?: string[];
  /** Keep only these actors (e.g. those present in a survey round). */
  actors?: ReadonlySet<string>;
}

/** A copy of the graph restricted by the filter. Actors are all kept unless `localOnly` or `kinds` drop them. */
export function filterTies(input: NetworkInput, filter: TieFilter = {}): ClusterGraph {
  const graph = asNetwork(input);
  const kinds = filter.kinds ? new Set(filter.kinds) : undefined;
  const actors = graph.actorRecords;
  const keepActor = new Uint8Array(graph.order);
  for (let i = 0; i < graph.order; i++) {
    const a = actors[i];
    keepActor[i] = (filter.localOnly && !a.inCluster) || (kinds && !kinds.has(a.kind)) || (filter.actors && !filter.actors.has(graph.ids[i])) ? 0 : 1;
  }
  const relOk = codeSet(graph.relationNames, filter.relations);
  const waveOk = codeSet(graph.waveNames, filter.waves);
  const typeOk = filter.tieTypes ? TIE_TYPES.map((t) => filter.tieTypes!.includes(t)) : undefined;
  const rel = graph.tieRelation;
  const wave = graph.tieWave;
  const type = graph.tieTypeCode;
  const w = graph.tieWeight;
  const minWeight = filter.minWeight;
  return graph.subnetwork(
    (e) => (!relOk || relOk[rel[e]] === 1) && (!waveOk || (wave[e] >= 0 && waveOk[wave[e]] === 1)) && (!typeOk || typeOk[type[e]]) && (minWeight === undefined || w[e] >= minWeight),
    keepActor,
  );
}

/** For a list of names, a 0/1 array over the codes of `names` (undefined when no list: everything passes). */
function codeSet(names: readonly string[], wanted: string[] | undefined): Uint8Array | undefined {
  if (!wanted) return undefined;
  const set = new Set(wanted);
  return Uint8Array.from(names, (n) => (set.has(n) ? 1 : 0));
}

/** The same ties read the other way round (flow ↔ asks). */
export function reverseTies(input: NetworkInput): ClusterGraph {
  const out = asNetwork(input).copy();
  const s = out.tieSource;
  const t = out.tieTarget;
  for (let e = 0; e < s.length; e++) {
    const x = s[e];
    s[e] = t[e];
    t[e] = x;
  }
  return out;
}

export type WeightRule = "sum" | "max" | "mean" | "count" | "binary";

export interface CollapseOptions {
  weight?: WeightRule;
  /** Keep self-loops as arcs (default true: some peers count them, e.g. in density). */
  keepLoops?: boolean;
}

/** One arc of a collapsed digraph. */
export interface CollapsedArc {
  source: string;
  target: string;
  weight: number;
  /** Number of ties merged into this arc. */
  ties: number;
  relations: string[];
  tieType: TieType;
}

/**
 * Merge parallel ties into a simple weighted digraph (see the module comment for the weight rule).
 * Returns node ids in graph order and the arcs sorted by (source order, target order).
 */
export function collapse(input: NetworkInput, options: CollapseOptions = {}): { nodes: string[]; arcs: CollapsedArc[] } {
  const graph = asNetwork(input);
  const rule = options.weight ?? "sum";
  const keepLoops = options.keepLoops ?? true;
  const nodes = graph.nodes();
  const n = nodes.length;
  const src = graph.tieSource;
  const dst = graph.tieTarget;
  const wt = graph.tieWeight;
  const rel = graph.tieRelation;
  const type = graph.tieTypeCode;
  // Numeric pair keys (i·n + j): fast on tens of thousands of ties.
  const byPair = new Map<number, { arc: CollapsedArc; i: number; j: number; sum: number; max: number; rel: string[] }>();
  for (let e = 0; e < graph.size; e++) {
    const i = src[e];
    const j = dst[e];
    if (i === j && !keepLoops) continue;
    const k = i * n + j;
    let x = byPair.get(k);
    if (!x) {
      x = { arc: { source: nodes[i], target: nodes[j], weight: 0, ties: 0, relations: [], tieType: TIE_TYPES[type[e]] }, i, j, sum: 0, max: -Infinity, rel: [] };
      byPair.set(k, x);
    }
    x.arc.ties++;
    x.sum += wt[e];
    x.max = Math.max(x.max, wt[e]);
    const r = graph.relationNames[rel[e]];
    if (!x.rel.includes(r)) x.rel.push(r);
  }
  const entries = [...byPair.values()].sort((x, y) => x.i - y.i || x.j - y.j);
  const arcs: CollapsedArc[] = entries.map((x) => {
    x.arc.weight = rule === "sum" ? x.sum : rule === "max" ? x.max : rule === "mean" ? x.sum / x.arc.ties : rule === "count" ? x.arc.ties : 1;
    x.arc.relations = x.rel.sort();
    return x.arc;
  });
  return { nodes, arcs };
}

/**
 * A simple digraph over integer indices 0..n−1 in compressed sparse row form. Neighbour lists are
 * sorted ascending, so {@link hasArc} is a binary search. Self-loops are not in the adjacency lists;
 * they are counted in `loops` (weight per node) because some peers count them (e.g. in density).
 */
export interface Digraph {
  n: number;
  ids: string[];
  index: Map<string, number>;
  outStart: Int32Array;
  outAdj: Int32Array;
  outW: Float64Array;
  inStart: Int32Array;
  inAdj: Int32Array;
  inW: Float64Array;
  /** Self-loop weight per node (0 when none). */
  loops: Float64Array;
  /** Number of non-loop arcs. */
  arcs: number;
  /** Number of self-loops. */
  loopCount: number;
}

/** Build a {@link Digraph} from a cluster graph (parallel ties collapsed by `weight` rule). */
export function indexDigraph(input: NetworkInput, options: CollapseOptions = {}): Digraph {
  // Same result as digraphFromArcs(collapse(graph)), built from the tie columns without intermediate arc
  // objects or hashing: ties are bucketed by source (counting sort), parallel ties merged with a
  // per-source marker array, and the CSR lists filled by counting sort.
  const graph = asNetwork(input);
  const rule = options.weight ?? "sum";
  traceDigraphBuild(graph, rule);
  const ids = graph.ids as string[];
  const n = ids.length;
  const size = graph.size;
  const rawS = graph.tieSource;
  const rawT = graph.tieTarget;
  const rawW = graph.tieWeight;
  const bySource = new Int32Array(n + 1);
  for (let e = 0; e < size; e++) bySource[rawS[e] + 1]++;
  for (let i = 0; i < n; i++) bySource[i + 1] += bySource[i];
  const order = new Int32Array(size);
  const fill = bySource.slice(0, n);
  for (let e = 0; e < size; e++) order[fill[rawS[e]]++] = e;
  const src = new Int32Array(size);
  const dst = new Int32Array(size);
  const sum = new Float64Array(size);
  const max = new Float64Array(size).fill(-Infinity);
  const cnt = new Int32Array(size);
  const slotOf = new Int32Array(n).fill(-1);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const first = m;
    for (let p = bySource[i]; p < bySource[i + 1]; p++) {
      const e = order[p];
      const j = rawT[e];
      let k = slotOf[j];
      if (k < first) {
        k = m++;
        slotOf[j] = k;
        src[k] = i;
        dst[k] = j;
      }
      sum[k] += rawW[e];
      if (rawW[e] > max[k]) max[k] = rawW[e];
      cnt[k]++;
    }
  }
  const loops = new Float64Array(n);
  let loopCount = 0;
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  const weight = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    weight[k] = rule === "sum" ? sum[k] : rule === "max" ? max[k] : rule === "mean" ? sum[k] / cnt[k] : rule === "count" ? cnt[k] : 1;
    if (src[k] === dst[k]) {
      loops[src[k]] += weight[k];
      loopCount++;
    } else {
      outStart[src[k] + 1]++;
      inStart[dst[k] + 1]++;
    }
  }
  for (let i = 0; i < n; i++) {
    outStart[i + 1] += outStart[i];
    inStart[i + 1] += inStart[i];
  }
  const arcs = m - loopCount;
  const outAdj = new Int32Array(arcs);
  const outW = new Float64Array(arcs);
  // Counting sort by target, then stable placement by source: out-lists come out sorted by target.
  const byTarget = new Int32Array(arcs);
  const tPos = inStart.slice(0, n);
  for (let k = 0; k < m; k++) if (src[k] !== dst[k]) byTarget[tPos[dst[k]]++] = k;
  const oPos = outStart.slice(0, n);
  for (let x = 0; x < arcs; x++) {
    const k = byTarget[x];
    const p = oPos[src[k]]++;
    outAdj[p] = dst[k];
    outW[p] = weight[k];
  }
  return new LazyDigraph({ n, ids: ids.slice(), outStart, outAdj, outW, inStart, loops, arcs, loopCount });
}

/**
 * The digraph {@link indexDigraph} returns. Two parts are built the first time they are read: the in-lists
 * (`inAdj`, `inW`, sorted by source, filled from the out-lists: brokerage, out-closeness and the out-degree
 * measures never read them) and `index` (id → node: most metrics never look an id up, and on a million
 * actors the map costs more than the rest of the build). A class, because its getters keep V8's fast
 * property layout: accessors in an object literal, or redefined on one, turn the object into a dictionary,
 * and every `g.inStart[v]` in a kernel's inner loop into a hash lookup.
 */
class LazyDigraph implements Digraph {
  n: number;
  ids: string[];
  outStart: Int32Array;
  outAdj: Int32Array;
  outW: Float64Array;
  inStart: Int32Array;
  loops: Float64Array;
  arcs: number;
  loopCount: number;
  private _inAdj: Int32Array | undefined = undefined;
  private _inW: Float64Array | undefined = undefined;
  private _index: Map<string, number> | undefined = undefined;

  constructor(parts: Omit<Digraph, "inAdj" | "inW" | "index">) {
    this.n = parts.n;
    this.ids = parts.ids;
    this.outStart = parts.outStart;
    this.outAdj = parts.outAdj;
    this.outW = parts.outW;
    this.inStart = parts.inStart;
    this.loops = parts.loops;
    this.arcs = parts.arcs;
    this.loopCount = parts.loopCount;
  }

  get inAdj(): Int32Array {
    return this._inAdj ?? this.fillInLists()[0];
  }
  set inAdj(value: Int32Array) {
    if (this._inW === undefined) this.fillInLists();
    this._inAdj = value;
  }
  get inW(): Float64Array {
    return this._inW ?? this.fillInLists()[1];
  }
  set inW(value: Float64Array) {
    if (this._inAdj === undefined) this.fillInLists();
    this._inW = value;
  }
  get index(): Map<string, number> {
    return (this._index ??= new Map(this.ids.map((id, i) => [id, i] as const)));
  }
  set index(value: Map<string, number>) {
    this._index = value;
  }

  private fillInLists(): [Int32Array, Float64Array] {
    const { n, outStart, outAdj, outW, inStart } = this;
    const inAdj = new Int32Array(this.arcs);
    const inW = new Float64Array(this.arcs);
    // Walk the out-lists in order of source.
    const iPos = inStart.slice(0, n);
    for (let i = 0; i < n; i++) {
      for (let p = outStart[i]; p < outStart[i + 1]; p++) {
        const q = iPos[outAdj[p]]++;
        inAdj[q] = i;
        inW[q] = outW[p];
      }
    }
    this._inAdj = inAdj;
    this._inW = inW;
    return [inAdj, inW];
  }
}

/** Build a {@link Digraph} from node ids and weighted arcs (duplicates must already be merged). */
export function digraphFromArcs(ids: string[], arcs: { source: string; target: string; weight: number }[]): Digraph {
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i] as const));
  const loops = new Float64Array(n);
  const outDeg = new Int32Array(n + 1);
  const inDeg = new Int32Array(n + 1);
  let m = 0;
  let loopCount = 0;
  const src = new Int32Array(arcs.length);
  const dst = new Int32Array(arcs.length);
  const w = new Float64Array(arcs.length);
  for (const a of arcs) {
    const i = index.get(a.source);
    const j = index.get(a.target);
    if (i === undefined || j === undefined) throw new Error(`arc ${a.source} → ${a.target} names an unknown actor`);
    if (i === j) {
      loops[i] += a.weight;
      loopCount++;
      continue;
    }
    src[m] = i;
    dst[m] = j;
    w[m] = a.weight;
    outDeg[i + 1]++;
    inDeg[j + 1]++;
    m++;
  }
  for (let i = 0; i < n; i++) {
    outDeg[i + 1] += outDeg[i];
    inDeg[i + 1] += inDeg[i];
  }
  const outAdj = new Int32Array(m);
  const outW = new Float64Array(m);
  const inAdj = new Int32Array(m);
  const inW = new Float64Array(m);
  const oPos = outDeg.slice(0, n);
  const iPos = inDeg.slice(0, n);
  // Fill in order of (source, target) so that lists come out sorted when arcs are sorted; sort anyway.
  const order = Array.from({ length: m }, (_, k) => k).sort((a, b) => src[a] - src[b] || dst[a] - dst[b]);
  for (const k of order) {
    const i = src[k];
    const j = dst[k];
    outAdj[oPos[i]] = j;
    outW[oPos[i]++] = w[k];
  }
  const orderIn = Array.from({ length: m }, (_, k) => k).sort((a, b) => dst[a] - dst[b] || src[a] - src[b]);
  for (const k of orderIn) {
    const i = src[k];
    const j = dst[k];
    inAdj[iPos[j]] = i;
    inW[iPos[j]++] = w[k];
  }
  return { n, ids, index, outStart: outDeg, outAdj, outW, inStart: inDeg, inAdj, inW, loops, arcs: m, loopCount };
}

/** Is there an arc i → j (i ≠ j)? Binary search in i's sorted out-list. */
export function hasArc(g: Digraph, i: number, j: number): boolean {
  let lo = g.outStart[i];
  let hi = g.outStart[i + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = g.outAdj[mid];
    if (v === j) return true;
    if (v < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Weight of arc i → j, or 0 when absent. */
export function arcWeight(g: Digraph, i: number, j: number): number {
  let lo = g.outStart[i];
  let hi = g.outStart[i + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = g.outAdj[mid];
    if (v === j) return g.outW[mid];
    if (v < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Group labels of every node for a partition attribute; missing values become the string "(none)". */
export function partitionOf(input: NetworkInput, attribute: string, ids?: readonly string[]): string[] {
  const graph = asNetwork(input);
  const label = (v: unknown) => (v === undefined || v === null || v === "" ? "(none)" : String(v));
  const records = graph.actorRecords;
  if (ids === undefined || ids === graph.ids) return records.map((a) => label(a[attribute]));
  // The digraph's ids are the network's, in its order (a copy): read the records by index where they agree.
  const own = graph.ids;
  return ids.map((id, i) => label(own[i] === id ? records[i][attribute] : graph.getNodeAttribute(id, attribute)));
}

/**
 * The undirected view of a {@link Digraph}: i and j are neighbours when i → j or j → i. One entry per
 * unordered pair, neighbour lists sorted ascending; the weight of the pair is `w(i→j) + w(j→i)` (the
 * total knowledge exchanged, as igraph `as.undirected(mode = "collapse", edge.attr.comb = "sum")`).
 * Self-loops are left out. Used by the measures that ignore direction (fragmentation, articulation
 * points, transitivity, core–periphery on the symmetrised graph).
 */
export interface Undirected {
  n: number;
  start: Int32Array;
  adj: Int32Array;
  w: Float64Array;
  /** Number of unordered pairs (edges). */
  edges: number;
}

export function undirectedView(g: Digraph): Undirected {
  const n = g.n;
  const start = new Int32Array(n + 1);
  const tmpAdj = new Int32Array(2 * g.arcs);
  const tmpW = new Float64Array(2 * g.arcs);
  let len = 0;
  const push = (v: number, x: number) => {
    tmpAdj[len] = v;
    tmpW[len++] = x;
  };
  for (let i = 0; i < n; i++) {
    start[i] = len;
    // Merge the two sorted lists (out and in).
    let a = g.outStart[i];
    const ae = g.outStart[i + 1];
    let b = g.inStart[i];
    const be = g.inStart[i + 1];
    while (a < ae || b < be) {
      const va = a < ae ? g.outAdj[a] : Infinity;
      const vb = b < be ? g.inAdj[b] : Infinity;
      if (va === vb) push(va, g.outW[a++] + g.inW[b++]);
      else if (va < vb) push(va, g.outW[a++]);
      else push(vb, g.inW[b++]);
    }
  }
  start[n] = len;
  return { n, start, adj: tmpAdj.slice(0, len), w: tmpW.slice(0, len), edges: len / 2 };
}

/** The sub-digraph induced by the actors with `keep[i]` true (ids and order preserved). */
export function inducedDigraph(g: Digraph, keep: ArrayLike<boolean | number>): Digraph {
  const ids: string[] = [];
  for (let i = 0; i < g.n; i++) if (keep[i]) ids.push(g.ids[i]);
  const arcs: { source: string; target: string; weight: number }[] = [];
  for (let i = 0; i < g.n; i++) {
    if (!keep[i]) continue;
    if (g.loops[i] > 0) arcs.push({ source: g.ids[i], target: g.ids[i], weight: g.loops[i] });
    for (let k = g.outStart[i]; k < g.outStart[i + 1]; k++) {
      const j = g.outAdj[k];
      if (keep[j]) arcs.push({ source: g.ids[i], target: g.ids[j], weight: g.outW[k] });
    }
  }
  return digraphFromArcs(ids, arcs);
}
