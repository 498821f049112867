/**
 * Modularity of a partition and Louvain community detection.
 *
 * Modularity (Newman & Girvan 2004; directed form Leicht & Newman 2008, *Phys. Rev. Lett.* 100:118703):
 *
 *   directed:   Q = Σ_c [ L_c / m − γ · K_c^out · K_c^in / m² ]
 *   undirected: Q = Σ_c [ L_c / m − γ · (K_c / 2m)² ]
 *
 * L_c = ties (or strength) with both ends in community c, K_c^out / K_c^in / K_c = summed out- / in- /
 * total degrees (strengths) of its members, m = number of ties (total strength), γ = resolution.
 * Direction: ties are knowledge flow source → target; the directed form uses out-degree at the source and
 * in-degree at the target. The undirected form treats **each arc as an undirected edge** (a reciprocated
 * pair counts twice), which is igraph `modularity(g, membership, directed = FALSE)` on the directed graph.
 * Self-loops count as in igraph: once in L_c and once in each of K^out and K^in (directed); twice in K
 * (undirected). Weights are strengths (`weighted: true`), never distances. No ties → NaN (igraph; networkx
 * returns 0). Matches igraph `modularity()` and networkx `community.modularity()` (directed DiGraph /
 * undirected Graph), see tests/oracles/modularity.*.
 *
 * Louvain (Blondel et al. 2008; directed: Dugué & Perez 2015) through graphology-communities-louvain
 * 2.0.2, seeded with the project's generator (model/random.ts) so that the same seed gives the same
 * communities; the resolution, seed and direction are echoed. Self-loops are left out of the graph handed
 * to Louvain. Undirected Louvain uses the same "each arc an edge" weights as the modularity above.
 * The modularity reported is recomputed here with {@link modularity} on the communities found.
 */
import { undirectedOf } from "../model/context.js";
import type Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { hasArc, type Digraph } from "../model/views.js";
import { seededRng } from "../model/random.js";
import { encodePartition, type Partition } from "./partition.js";

export interface ModularityOptions {
  /** Leicht–Newman directed modularity (default) or the undirected form. */
  directed?: boolean;
  /** Use tie strengths (default false: each arc counts 1). */
  weighted?: boolean;
  /** Resolution γ (default 1). */
  resolution?: number;
}

/** Modularity of a partition (labels in Digraph index order); see the module comment. */
export function modularity(g: Digraph, partition: readonly string[] | Partition, options: ModularityOptions = {}): number {
  const directed = options.directed ?? true;
  const weighted = options.weighted ?? false;
  const gamma = options.resolution ?? 1;
  const p = "codes" in partition ? partition : encodePartition(partition);
  if (p.codes.length !== g.n) throw new Error(`modularity: the partition has ${p.codes.length} labels for ${g.n} actors`);
  const k = p.groups.length;
  const L = new Float64Array(k);
  const kout = new Float64Array(k);
  const kin = new Float64Array(k);
  let m = 0;
  for (let i = 0; i < g.n; i++) {
    const ci = p.codes[i];
    for (let a = g.outStart[i]; a < g.outStart[i + 1]; a++) {
      const w = weighted ? g.outW[a] : 1;
      const cj = p.codes[g.outAdj[a]];
      m += w;
      kout[ci] += w;
      kin[cj] += w;
      if (ci === cj) L[ci] += w;
    }
  }
  if (g.loopCount > 0) {
    // The Digraph keeps a loop weight per node (parallel loops merged); binary: a loop counts 1. A loop
    // of strength 0 is not seen.
    for (let i = 0; i < g.n; i++) {
      if (g.loops[i] === 0) continue;
      const w = weighted ? g.loops[i] : 1;
      const c = p.codes[i];
      m += w;
      kout[c] += w;
      kin[c] += w;
      L[c] += w;
    }
  }
  if (m === 0) return NaN;
  let q = 0;
  for (let c = 0; c < k; c++) {
    if (directed) q += L[c] / m - (gamma * kout[c] * kin[c]) / (m * m);
    else {
      const K = kout[c] + kin[c];
      q += L[c] / m - gamma * (K / (2 * m)) ** 2;
    }
  }
  return q;
}

export interface LouvainOptions {
  /** Seed of the generator handed to Louvain (default 1). */
  seed?: number;
  /** Resolution γ (default 1). */
  resolution?: number;
  /** Directed Louvain on the flow digraph (default false: undirected, each arc an edge). */
  directed?: boolean;
  /** Use tie strengths (default false). */
  weighted?: boolean;
}

export interface Communities {
  options: Required<LouvainOptions> & { algorithm: "louvain" };
  /** Community label of each actor (Digraph index order): "1", "2", … numbered by first member. */
  membership: string[];
  /** Actor ids per community, in community order. */
  members: string[][];
  count: number;
  /** Modularity of the communities found (same direction, weights and resolution). */
  modularity: number;
}

const found = new WeakMap<Digraph, Map<string, Communities>>();

/**
 * Louvain communities of a digraph, seeded; see the module comment. Computed once per digraph and options
 * (the same digraph of one analysis context gives the same object).
 */
export function louvainCommunities(g: Digraph, options: LouvainOptions = {}): Communities {
  const opts = {
    seed: options.seed ?? 1,
    resolution: options.resolution ?? 1,
    directed: options.directed ?? false,
    weighted: options.weighted ?? false,
  };
  const key = JSON.stringify([opts.seed, opts.resolution, opts.directed, opts.weighted]);
  let byOptions = found.get(g);
  if (!byOptions) found.set(g, (byOptions = new Map()));
  const known = byOptions.get(key);
  if (known) return known;
  const result = louvainOf(g, opts);
  byOptions.set(key, result);
  return result;
}

function louvainOf(g: Digraph, opts: Required<LouvainOptions>): Communities {
  // The edges handed to Louvain, in the order graphology would hold them.
  const src: number[] = [];
  const dst: number[] = [];
  const w: number[] = [];
  if (opts.directed) {
    for (let i = 0; i < g.n; i++)
      for (let a = g.outStart[i]; a < g.outStart[i + 1]; a++) {
        src.push(i);
        dst.push(g.outAdj[a]);
        w.push(opts.weighted ? g.outW[a] : 1);
      }
  } else {
    // Each arc an edge: the pair's weight sums both directions (neighbour lists are sorted, so the pair
    // i < j is met from i's out-list and from j's out-list).
    const u = undirectedOf(g);
    for (let i = 0; i < g.n; i++)
      for (let q = u.start[i]; q < u.start[i + 1]; q++) {
        const j = u.adj[q];
        if (j <= i) continue;
        src.push(i);
        dst.push(j);
        w.push(opts.weighted ? u.w[q] : (hasArc(g, i, j) ? 1 : 0) + (hasArc(g, j, i) ? 1 : 0));
      }
  }
  let raw: Int32Array;
  if (src.length === 0) raw = Int32Array.from({ length: g.n }, (_, i) => i);
  else {
    const communityOf = louvain(louvainGraph(g.n, opts.directed, Int32Array.from(src), Int32Array.from(dst), Float64Array.from(w)) as unknown as Graph, { getEdgeWeight: "w", resolution: opts.resolution, rng: seededRng(opts.seed) }) as unknown as ArrayLike<number>;
    raw = Int32Array.from({ length: g.n }, (_, i) => communityOf[i]);
  }
  // Number communities 1, 2, … by their smallest actor index.
  const relabel = new Map<number, number>();
  const members: string[][] = [];
  const membership: string[] = [];
  for (let i = 0; i < g.n; i++) {
    let c = relabel.get(raw[i]);
    if (c === undefined) {
      c = relabel.size;
      relabel.set(raw[i], c);
      members.push([]);
    }
    members[c].push(g.ids[i]);
    membership.push(String(c + 1));
  }
  return {
    options: { algorithm: "louvain", ...opts },
    membership,
    members,
    count: members.length,
    modularity: modularity(g, membership, { directed: opts.directed, weighted: opts.weighted, resolution: opts.resolution }),
  };
}

/**
 * The graph graphology-communities-louvain reads, over edge arrays: nodes 0 … n−1 in order, edges in the
 * order given, each with its weight `w`, and the degrees the index is built from — what a graphology
 * graph built node by node and edge by edge would answer, without building one (at ten million ties the
 * graph objects cost more than the algorithm). Louvain itself, its random order and tie-breaking, are
 * graphology's, unchanged.
 */
function louvainGraph(n: number, directed: boolean, src: Int32Array, dst: Int32Array, w: Float64Array) {
  const out = new Int32Array(n);
  const inn = new Int32Array(n);
  for (let e = 0; e < src.length; e++) {
    out[src[e]]++;
    inn[dst[e]]++;
  }
  const refuse = () => {
    throw new Error("louvainGraph: read only");
  };
  return {
    type: directed ? "directed" : "undirected",
    multi: false,
    order: n,
    size: src.length,
    selfLoopCount: 0,
    addUndirectedEdgeWithKey: refuse,
    dropNode: refuse,
    setNodeAttribute: refuse,
    forEachNode(cb: (node: number) => void) {
      for (let i = 0; i < n; i++) cb(i);
    },
    undirectedDegreeWithoutSelfLoops: (i: number) => out[i] + inn[i],
    outDegreeWithoutSelfLoops: (i: number) => out[i],
    inDegreeWithoutSelfLoops: (i: number) => inn[i],
    forEachEdge(cb: (edge: number, attributes: { w: number }, source: number, target: number, sa: undefined, ta: undefined, undirected: boolean) => void) {
      const attributes = { w: 0 };
      for (let e = 0; e < src.length; e++) {
        attributes.w = w[e];
        cb(e, attributes, src[e], dst[e], undefined, undefined, !directed);
      }
    },
  };
}
