/**
 * Centrality of actors on the knowledge-flow digraph (ties = knowledge flow source → target).
 *
 * Everything computes on a {@link Digraph} (parallel ties collapsed, weight rule `sum` by default, so an
 * arc's strength is the total knowledge flow over the pair). **Self-loops are ignored by every measure
 * here.** Tie strengths are strengths (bigger = more knowledge), never distances:
 *
 * | measure            | default weights                          | option                                  |
 * |--------------------|------------------------------------------|-----------------------------------------|
 * | in/out degree      | number of partner actors                 | —                                       |
 * | in/out strength    | sum of strengths                         | —                                       |
 * | betweenness        | unweighted (every tie length 1)          | `pathWeights: "inverse"`: length 1/strength |
 * | closeness in/out   | unweighted                               | `pathWeights: "inverse"`: length 1/strength |
 * | PageRank           | weighted by strength                     | `spectralWeights: false`: unweighted    |
 * | eigenvector        | weighted by strength                     | `spectralWeights: false`: unweighted    |
 * | degree centralisation | binary in/out degree                  | —                                       |
 *
 * With `pathWeights: "inverse"`, a tie of strength 0 has infinite length (it carries nothing).
 *
 * Peers matched (tests/oracles): R igraph 1.3.5, R sna 2.7-1 and networkx 3.6.1, on the same loop-free
 * digraph. Definitions and peer calls are given on each function.
 */
import { progress, progressShown } from "../model/progress.js";
import { pathSources, type PathSources, type PathSamplingOptions } from "./scale.js";
import { contextOf, type Analysable } from "../model/context.js";
import { type Digraph, type WeightRule } from "../model/views.js";

/** Relative tolerance under which two path lengths are equal (igraph's `IGRAPH_SHORTEST_PATH_EPSILON`). */
const PATH_EPSILON = 1e-10;
const sameLength = (a: number, b: number) => a === b || (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= PATH_EPSILON * (Math.abs(a) + Math.abs(b)));

export type PathWeights = "none" | "inverse";

/**
 * Arc lengths for path-based measures: all 1 (`none`) or 1/strength (`inverse`; strength 0 → Infinity).
 * Returned in out-adjacency order and in in-adjacency order.
 */
function arcLengths(g: Digraph, pathWeights: PathWeights): { out: Float64Array; in: Float64Array } | undefined {
  if (pathWeights === "none") return undefined;
  const out = new Float64Array(g.arcs);
  const inn = new Float64Array(g.arcs);
  for (let k = 0; k < g.arcs; k++) {
    out[k] = 1 / g.outW[k];
    inn[k] = 1 / g.inW[k];
  }
  return { out, in: inn };
}

/** A binary min-heap of (key, node) with lazy deletion. */
class Heap {
  keys: number[] = [];
  nodes: number[] = [];
  get size() {
    return this.keys.length;
  }
  push(key: number, node: number) {
    const { keys, nodes } = this;
    let i = keys.length;
    keys.push(key);
    nodes.push(node);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      keys[i] = keys[p];
      nodes[i] = nodes[p];
      i = p;
    }
    keys[i] = key;
    nodes[i] = node;
  }
  pop(): [number, number] {
    const { keys, nodes } = this;
    const topK = keys[0];
    const topN = nodes[0];
    const lastK = keys.pop()!;
    const lastN = nodes.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1] < keys[c]) c++;
        if (keys[c] >= lastK) break;
        keys[i] = keys[c];
        nodes[i] = nodes[c];
        i = c;
      }
      keys[i] = lastK;
      nodes[i] = lastN;
    }
    return [topK, topN];
  }
}

/**
 * Single-source shortest paths along arcs (forward = out-arcs, backward = in-arcs). Fills `dist`
 * (Infinity when unreachable) and returns the nodes in order of settling (source first).
 */
function shortestPaths(g: Digraph, s: number, forward: boolean, lengths: Float64Array | undefined, dist: Float64Array, order: Int32Array): number {
  const start = forward ? g.outStart : g.inStart;
  const adj = forward ? g.outAdj : g.inAdj;
  dist.fill(Infinity);
  dist[s] = 0;
  let count = 0;
  if (!lengths) {
    order[count++] = s;
    for (let h = 0; h < count; h++) {
      const v = order[h];
      const dv = dist[v] + 1;
      for (let p = start[v]; p < start[v + 1]; p++) {
        const w = adj[p];
        if (dist[w] === Infinity) {
          dist[w] = dv;
          order[count++] = w;
        }
      }
    }
    return count;
  }
  const done = new Uint8Array(g.n);
  const heap = new Heap();
  heap.push(0, s);
  while (heap.size > 0) {
    const [d, v] = heap.pop();
    if (done[v] || d > dist[v]) continue;
    done[v] = 1;
    order[count++] = v;
    for (let p = start[v]; p < start[v + 1]; p++) {
      const w = adj[p];
      const alt = d + lengths[p];
      if (alt < dist[w] && !sameLength(alt, dist[w])) {
        dist[w] = alt;
        heap.push(alt, w);
      }
    }
  }
  return count;
}

export interface BetweennessOptions {
  /** `none` (default): unweighted; `inverse`: tie length = 1/strength. */
  pathWeights?: PathWeights;
  /** Divide by (n − 1)(n − 2), the number of ordered pairs of other actors (networkx `normalized=True`). */
  normalized?: boolean;
  /**
   * Sources of the shortest paths (metrics/scale.ts `pathSources`): every actor (exact, the default here),
   * or a sample, in which case each actor's sum is scaled by n/k (Brandes & Pich 2007).
   */
  sources?: PathSources;
  /**
   * Called after each search (from source `s`, along the ties, `count` actors settled in `order` with
   * their distances in `dist`): lets a closeness that needs the same searches share them (see `centrality`).
   */
  onSearch?: (s: number, count: number, dist: Float64Array, order: Int32Array) => void;
}

/**
 * Betweenness (Freeman 1977; Brandes 2001): `B(v) = Σ_{s≠v≠t} σ_st(v) / σ_st` over ordered pairs, along
 * directed shortest paths of knowledge flow. Raw by default — R igraph `betweenness(g, directed = TRUE)`,
 * sna `betweenness(g)`, networkx `betweenness_centrality(G, normalized=False)`; `normalized` divides by
 * (n − 1)(n − 2) (networkx `normalized=True` on a DiGraph). With `pathWeights: "inverse"` path lengths
 * are 1/strength (igraph `weights = 1/w`, networkx `weight=` an attribute holding 1/w); equal lengths are
 * compared with igraph's relative tolerance 1e-10.
 */
export function betweenness(g: Digraph, options: BetweennessOptions = {}): Float64Array {
  const n = g.n;
  const L = arcLengths(g, options.pathWeights ?? "none");
  const bc = new Float64Array(n);
  const dist = new Float64Array(n);
  const order = new Int32Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const { inStart, inAdj } = g;
  const sample = options.sources?.sample;
  const runs = sample ? sample.length : n;
  const shown = progressShown() && runs * (n + g.arcs) > 5e7;
  for (let r = 0; r < runs; r++) {
    if (shown && (r & 15) === 0) progress(sample ? `betweenness (${runs} sampled sources)` : "betweenness", r, runs);
    const s = sample ? sample[r] : r;
    const count = shortestPaths(g, s, true, L?.out, dist, order);
    options.onSearch?.(s, count, dist, order);
    sigma.fill(0);
    sigma[s] = 1;
    // σ in settling order: every predecessor of w settles before w.
    for (let h = 1; h < count; h++) {
      const w = order[h];
      let sw = 0;
      for (let p = inStart[w]; p < inStart[w + 1]; p++) {
        const v = inAdj[p];
        if (dist[v] === Infinity) continue;
        if (L ? sameLength(dist[v] + L.in[p], dist[w]) : dist[v] + 1 === dist[w]) sw += sigma[v];
      }
      sigma[w] = sw;
    }
    delta.fill(0);
    for (let h = count - 1; h > 0; h--) {
      const w = order[h];
      const coeff = (1 + delta[w]) / sigma[w];
      for (let p = inStart[w]; p < inStart[w + 1]; p++) {
        const v = inAdj[p];
        if (dist[v] === Infinity) continue;
        if (L ? sameLength(dist[v] + L.in[p], dist[w]) : dist[v] + 1 === dist[w]) delta[v] += sigma[v] * coeff;
      }
      bc[w] += delta[w];
    }
  }
  if (shown) progress("betweenness", runs, runs);
  if (sample && sample.length > 0) {
    const scale = n / sample.length;
    for (let i = 0; i < n; i++) bc[i] *= scale;
  }
  if (options.normalized && n > 2) {
    const scale = 1 / ((n - 1) * (n - 2));
    for (let i = 0; i < n; i++) bc[i] *= scale;
  }
  return bc;
}

export interface ClosenessOptions {
  /** `none` (default): unweighted; `inverse`: tie length = 1/strength. */
  pathWeights?: PathWeights;
  /** Multiply by r/(n − 1), r = number of actors reached (Wasserman–Faust; networkx `wf_improved=True`). */
  wassermanFaust?: boolean;
  /**
   * Sources (metrics/scale.ts `pathSources`): exact by default. With a sample S, v's closeness is estimated
   * from its distances to (out) or from (in) the sampled actors only: r̂_v / Σ_{u∈S} d, r̂_v = sampled actors
   * reached (Eppstein & Wang 2004); r/(n − 1) of Wasserman–Faust becomes r̂_v/|S \ {v}|.
   */
  sources?: PathSources;
}

/**
 * Closeness over the actors that can be reached: `C(v) = r_v / Σ_u d(v, u)`, r_v the number of actors
 * reachable from v (`direction: "out"`: how directly v's knowledge reaches others) or that reach v
 * (`"in"`: how directly others' knowledge reaches v). An actor that reaches (is reached by) nobody gets
 * NaN. Matches R igraph 1.3.5 `closeness(g, mode = "out"|"in", normalized = TRUE)` and networkx
 * `closeness_centrality(G.reverse() | G, wf_improved=False)` (networkx gives 0 instead of NaN).
 * With `wassermanFaust` the value is multiplied by r_v/(n − 1) (networkx default `wf_improved=True`;
 * unreachable → 0, as networkx).
 */
export function closeness(g: Digraph, direction: "in" | "out", options: ClosenessOptions = {}): Float64Array {
  const n = g.n;
  const L = arcLengths(g, options.pathWeights ?? "none");
  const dist = new Float64Array(n);
  const order = new Int32Array(n);
  const sample = options.sources?.sample;
  const acc = closenessFromSearches(n, options);
  // Exact: a search from each actor along the direction. Sampled: a search from each sampled actor u
  // against the direction gives d(v, u) for every v (out), or along it d(u, v) (in).
  const forward = sample ? direction !== "out" : direction === "out";
  const lengths = L ? (forward ? L.out : L.in) : undefined;
  for (const s of sample ?? Array.from({ length: n }, (_, i) => i)) acc.add(s, shortestPaths(g, s, forward, lengths, dist, order), dist, order);
  return acc.result();
}

/**
 * The closeness of {@link closeness} from its searches, handed in one by one (`add`, in source order):
 * exact (one search per actor) or from the sampled sources. Searches along the ties are the ones
 * betweenness makes, so `centrality` computes one closeness from betweenness's searches.
 */
function closenessFromSearches(n: number, options: ClosenessOptions): { add(s: number, count: number, dist: Float64Array, order: Int32Array): void; result(): Float64Array } {
  const out = new Float64Array(n);
  const sample = options.sources?.sample;
  if (!sample) {
    return {
      add(s, count, dist, order) {
        let total = 0;
        for (let h = 1; h < count; h++) total += dist[order[h]];
        const r = count - 1;
        if (options.wassermanFaust) out[s] = r === 0 || total === 0 ? 0 : (r / total) * (r / (n - 1));
        else out[s] = r === 0 ? NaN : r / total;
      },
      result: () => out,
    };
  }
  const total = new Float64Array(n);
  const reached = new Float64Array(n);
  const isSampled = new Uint8Array(n);
  for (const u of sample) isSampled[u] = 1;
  return {
    add(_u, count, dist, order) {
      for (let h = 1; h < count; h++) {
        const v = order[h];
        total[v] += dist[v];
        reached[v]++;
      }
    },
    result() {
      for (let v = 0; v < n; v++) {
        const r = reached[v];
        const others = sample.length - isSampled[v];
        if (options.wassermanFaust) out[v] = r === 0 || total[v] === 0 ? 0 : (r / total[v]) * (others > 0 ? r / others : 0);
        else out[v] = r === 0 ? NaN : r / total[v];
      }
      return out;
    },
  };
}

export interface IterativeOptions {
  /** Use tie strengths (default true) or treat every tie as 1. */
  weighted?: boolean;
  /** Stop when Σ_v |x_v − x'_v| < n · tolerance (networkx's rule; default 1e-13). */
  tolerance?: number;
  /** Give up after this many iterations (default 10 000); the result then says `converged: false`. */
  maxIterations?: number;
}

export interface IterativeResult {
  values: Float64Array;
  iterations: number;
  converged: boolean;
}

/**
 * PageRank (Brin & Page 1998) on the flow digraph: `x_v = (1 − α)/n + α Σ_{u→v} x_u w_uv / s_u
 * + α Σ_{u dangling} x_u / n`, s_u = u's out-strength; actors with no outflow (dangling) spread their
 * score uniformly. Weighted by strength by default. Matches networkx `pagerank(G, alpha, weight=…)` and R
 * igraph `page_rank(g, damping = α, weights = …)` (PRPACK) to the iteration tolerance.
 */
export function pagerank(g: Digraph, options: IterativeOptions & { alpha?: number } = {}): IterativeResult {
  const n = g.n;
  const alpha = options.alpha ?? 0.85;
  const weighted = options.weighted ?? true;
  const tol = options.tolerance ?? 1e-13;
  const maxIter = options.maxIterations ?? 10000;
  if (n === 0) return { values: new Float64Array(0), iterations: 0, converged: true };
  const s = new Float64Array(n);
  for (let u = 0; u < n; u++) for (let p = g.outStart[u]; p < g.outStart[u + 1]; p++) s[u] += weighted ? g.outW[p] : 1;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let it = 1; it <= maxIter; it++) {
    let dangling = 0;
    for (let u = 0; u < n; u++) if (s[u] === 0) dangling += x[u];
    const base = (1 - alpha) / n + (alpha * dangling) / n;
    for (let v = 0; v < n; v++) {
      let acc = 0;
      for (let p = g.inStart[v]; p < g.inStart[v + 1]; p++) {
        const u = g.inAdj[p];
        if (s[u] > 0) acc += (x[u] * (weighted ? g.inW[p] : 1)) / s[u];
      }
      next[v] = base + alpha * acc;
    }
    let err = 0;
    for (let v = 0; v < n; v++) err += Math.abs(next[v] - x[v]);
    [x, next] = [next, x];
    if (err < n * tol) return { values: x, iterations: it, converged: true };
  }
  return { values: x, iterations: maxIter, converged: false };
}

/**
 * Eigenvector centrality on the flow digraph: `λ x_v = Σ_{u→v} w_uv x_u` — an actor is central when it
 * receives knowledge from central actors. Power iteration on (A + I)ᵀ from the uniform vector, L2-normalised
 * (networkx `eigenvector_centrality(G, weight=…)`, which uses in-arcs on a DiGraph; R igraph
 * `eigen_centrality(g, directed = TRUE)` gives the same vector scaled to max 1). Weighted by strength by
 * default. When the iteration does not converge (e.g. an acyclic graph, where the leading eigenvalue is
 * not unique) the values are NaN and `converged` is false; networkx raises in that case.
 */
export function eigenvector(g: Digraph, options: IterativeOptions = {}): IterativeResult {
  const n = g.n;
  const weighted = options.weighted ?? true;
  const tol = options.tolerance ?? 1e-13;
  const maxIter = options.maxIterations ?? 10000;
  if (n === 0) return { values: new Float64Array(0), iterations: 0, converged: true };
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let it = 1; it <= maxIter; it++) {
    for (let v = 0; v < n; v++) {
      let acc = x[v];
      for (let p = g.inStart[v]; p < g.inStart[v + 1]; p++) acc += x[g.inAdj[p]] * (weighted ? g.inW[p] : 1);
      next[v] = acc;
    }
    let norm = 0;
    for (let v = 0; v < n; v++) norm += next[v] * next[v];
    norm = Math.sqrt(norm) || 1;
    let err = 0;
    for (let v = 0; v < n; v++) {
      next[v] /= norm;
      err += Math.abs(next[v] - x[v]);
    }
    [x, next] = [next, x];
    if (err < n * tol) return { values: x, iterations: it, converged: true };
  }
  return { values: new Float64Array(n).fill(NaN), iterations: maxIter, converged: false };
}

/** In/out degree (partner actors) and strength (sum of strengths), self-loops excluded. */
export function degrees(g: Digraph): { inDegree: Float64Array; outDegree: Float64Array; inStrength: Float64Array; outStrength: Float64Array } {
  const n = g.n;
  const inDegree = new Float64Array(n);
  const outDegree = new Float64Array(n);
  const inStrength = new Float64Array(n);
  const outStrength = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    outDegree[v] = g.outStart[v + 1] - g.outStart[v];
    inDegree[v] = g.inStart[v + 1] - g.inStart[v];
    for (let p = g.outStart[v]; p < g.outStart[v + 1]; p++) outStrength[v] += g.outW[p];
    for (let p = g.inStart[v]; p < g.inStart[v + 1]; p++) inStrength[v] += g.inW[p];
  }
  return { inDegree, outDegree, inStrength, outStrength };
}

/**
 * Freeman degree centralisation of the binary digraph: `C = Σ_v (max_u d_u − d_v) / (n − 1)²`, d = in- or
 * out-degree, self-loops excluded. 1 for a star whose centre receives from (gives to) everyone, 0 when all
 * degrees are equal. Matches R sna `centralization(g, degree, cmode = "indegree"|"outdegree")` (diag =
 * FALSE) and R igraph `centr_degree(g, mode = "in"|"out", loops = FALSE)$centralization` — igraph's default
 * `loops = TRUE` divides by n(n − 1) instead. n < 2 → NaN.
 */
export function degreeCentralization(g: Digraph, mode: "in" | "out"): number {
  const n = g.n;
  if (n < 2) return NaN;
  const start = mode === "in" ? g.inStart : g.outStart;
  let max = 0;
  let sum = 0;
  for (let v = 0; v < n; v++) {
    const d = start[v + 1] - start[v];
    if (d > max) max = d;
    sum += d;
  }
  return (n * max - sum) / ((n - 1) * (n - 1));
}

export interface CentralityOptions {
  /** Weight rule for collapsing parallel ties (default `sum`). */
  weight?: WeightRule;
  /** Path lengths for betweenness and closeness: `none` (default) or `inverse` (1/strength). */
  pathWeights?: PathWeights;
  /** PageRank and eigenvector weighted by strength (default true). */
  spectralWeights?: boolean;
  /** Betweenness divided by (n − 1)(n − 2) (default false: raw counts, as sna/igraph/UCINET). */
  normalized?: boolean;
  /** Closeness × r/(n − 1) (default false). */
  wassermanFaust?: boolean;
  /** PageRank damping (default 0.85). */
  alpha?: number;
  /** Convergence tolerance of PageRank and eigenvector (default 1e-13, networkx's rule). */
  tolerance?: number;
  maxIterations?: number;
  /** Betweenness and closeness sources: "auto" (default; exact within the budget of metrics/scale.ts), "exact", or a number of sampled sources. */
  sampling?: PathSamplingOptions["sampling"];
  /** Seed of the sampled sources (default 1). */
  seed?: number;
}

export interface ActorCentrality {
  id: string;
  label: string;
  inDegree: number;
  outDegree: number;
  inStrength: number;
  outStrength: number;
  betweenness: number;
  closenessIn: number;
  closenessOut: number;
  pagerank: number;
  eigenvector: number;
}

export interface CentralityResult {
  options: Required<Omit<CentralityOptions, "maxIterations" | "sampling" | "seed">> & { maxIterations: number };
  /** How betweenness and closeness were computed: every actor a source, or a seeded sample (metrics/scale.ts). */
  paths: Omit<PathSources, "sample">;
  actors: ActorCentrality[];
  /** Freeman in/out-degree centralisation (binary, loops excluded; sna / igraph `loops = FALSE`). */
  centralization: { inDegree: number; outDegree: number };
  convergence: { pagerank: { iterations: number; converged: boolean }; eigenvector: { iterations: number; converged: boolean } };
}

/** Every centrality of every actor of a cluster graph (see the module comment for weights and peers). */
export function centrality(input: Analysable, options: CentralityOptions = {}): CentralityResult {
  const ctx = contextOf(input);
  const graph = ctx.network;
  const used = {
    weight: options.weight ?? "sum",
    pathWeights: options.pathWeights ?? "none",
    spectralWeights: options.spectralWeights ?? true,
    normalized: options.normalized ?? false,
    wassermanFaust: options.wassermanFaust ?? false,
    alpha: options.alpha ?? 0.85,
    tolerance: options.tolerance ?? 1e-13,
    maxIterations: options.maxIterations ?? 10000,
  } satisfies CentralityResult["options"];
  const g = ctx.digraph(used.weight);
  const d = degrees(g);
  const sources = pathSources(g.n, g.n + g.arcs, { sampling: options.sampling, seed: options.seed });
  // Betweenness searches along the ties from each source: the searches of closeness out (exact) or of
  // closeness in (sampled), which take them from it rather than making them again.
  const closenessOptions = { pathWeights: used.pathWeights, wassermanFaust: used.wassermanFaust, sources };
  const shared = closenessFromSearches(g.n, closenessOptions);
  const bc = betweenness(g, { pathWeights: used.pathWeights, normalized: used.normalized, sources, onSearch: shared.add });
  const cIn = sources.sample ? shared.result() : closeness(g, "in", closenessOptions);
  const cOut = sources.sample ? closeness(g, "out", closenessOptions) : shared.result();
  const it = { weighted: used.spectralWeights, tolerance: used.tolerance, maxIterations: used.maxIterations };
  const pr = pagerank(g, { ...it, alpha: used.alpha });
  const ev = eigenvector(g, it);
  const actors = g.ids.map((id, i) => ({
    id,
    label: graph.getNodeAttribute(id, "label") ?? id,
    inDegree: d.inDegree[i],
    outDegree: d.outDegree[i],
    inStrength: d.inStrength[i],
    outStrength: d.outStrength[i],
    betweenness: bc[i],
    closenessIn: cIn[i],
    closenessOut: cOut[i],
    pagerank: pr.values[i],
    eigenvector: ev.values[i],
  }));
  const { sample: _sample, ...paths } = sources;
  return {
    options: used,
    paths,
    actors,
    centralization: { inDegree: degreeCentralization(g, "in"), outDegree: degreeCentralization(g, "out") },
    convergence: { pagerank: { iterations: pr.iterations, converged: pr.converged }, eigenvector: { iterations: ev.iterations, converged: ev.converged } },
  };
}
