/**
 * Fragmentation (Borgatti 2006, "Identifying sets of key players in a social network", *Computational and
 * Mathematical Organization Theory* 12:21–34): how far the cluster falls apart, and which actors hold it
 * together.
 *
 *   F  = 1 − Σ_{i≠j} r_ij / (n(n − 1))          r_ij = 1 if i can reach j, else 0
 *   DF = 1 − Σ_{i≠j} (1/d_ij) / (n(n − 1))      1/∞ = 0
 *
 * over the n actors of the (residual) network. F = 0 when everyone reaches everyone, 1 when all are
 * isolated; in the undirected case F = 1 − Σ_k s_k(s_k − 1)/(n(n − 1)) over component sizes s_k
 * (docs/methods.md §5). n < 2 → NaN.
 * - `mode: "undirected"` (default): a tie in either direction connects (knowledge can travel both ways
 *   along a relationship); reachability = weak components, d_ij = undirected geodesic distance.
 * - `mode: "directed"`: r_ij and d_ij follow the direction of knowledge flow (source → target), as R
 *   keyplayer `fragment()` does with directed geodesics.
 * Distances count steps: tie strengths are not used (keyplayer's default would read strengths as
 * distances; clusterflow does not).
 *
 * Key player, KPP-Neg ({@link keyPlayers}): the k actors whose removal maximises F or DF of the residual
 * network. Small problems are solved exactly (every k-set); larger ones by Borgatti's swap heuristic
 * from a greedy start and seeded random starts (see {@link keyPlayers}). Reference: Borgatti (2006);
 * R keyplayer `kpset()` (which starts from top-k or random sets and takes first-improving swaps instead).
 *
 * Articulation points and bridges ({@link cutPoints}) are on the undirected view: an actor (tie) whose
 * removal disconnects its component. Hopcroft–Tarjan, iterative. Matches networkx
 * `articulation_points` / `bridges` on `G.to_undirected()` and igraph `articulation_points` / `bridges`.
 */
import { progress } from "../model/progress.js";
import { pathSources, type PathSources, type PathSamplingOptions } from "./scale.js";
import { undirectedOf } from "../model/context.js";
import type { Digraph, Undirected } from "../model/views.js";

import { seededRng, shuffle } from "../model/random.js";

export type FragmentationMode = "undirected" | "directed";
export type KeyPlayerCriterion = "F" | "DF";

export interface FragmentationResult {
  mode: FragmentationMode;
  /** Actors in the (residual) network. */
  n: number;
  /** Borgatti's F. */
  fragmentation: number;
  /** Distance-weighted fragmentation DF. */
  distanceWeighted: number;
  /** Ordered pairs (i ≠ j) in which i cannot reach j (an estimate when `distances` is sampled and directed). */
  unreachablePairs: number;
  /** How the distances behind DF were found: from every actor, or from a seeded sample (metrics/scale.ts). */
  distances: Omit<PathSources, "sample">;
}

/** Adjacency (start/adj CSR) used for reachability in the chosen mode. */
interface Adjacency {
  n: number;
  start: Int32Array;
  adj: Int32Array;
}

function adjacencyOf(g: Digraph, mode: FragmentationMode): Adjacency {
  if (mode === "directed") return { n: g.n, start: g.outStart, adj: g.outAdj };
  const u = undirectedOf(g);
  return { n: u.n, start: u.start, adj: u.adj };
}

/**
 * Breadth-first search from every actor not in `removed`; returns Σ r_ij and Σ 1/d_ij over ordered pairs
 * of remaining actors. O(n(n + m)).
 */
function reachSums(a: Adjacency, removed: Uint8Array, wantDistance: boolean, dist: Int32Array, queue: Int32Array, skipSource?: Uint8Array): { reach: number; inv: number } {
  const n = a.n;
  const start = a.start;
  const adj = a.adj;
  const gone: number[] = [];
  for (let v = 0; v < n; v++) if (removed[v]) gone.push(v);
  let reach = 0;
  let inv = 0;
  // `dist[v] = s` marks v as seen from source s (no clearing between sources); removed actors are marked
  // before each search so that the inner loop has one test. Distances come from the breadth-first levels.
  dist.fill(-1);
  for (let s = 0; s < n; s++) {
    if (removed[s] || skipSource?.[s]) continue;
    for (const r of gone) dist[r] = s;
    dist[s] = s;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    let level = 0;
    let levelEnd = 1;
    let levelSum = 0;
    while (head < tail) {
      if (head === levelEnd) {
        // Every actor found at this level is at distance level + 1.
        level++;
        levelEnd = tail;
      }
      const v = queue[head++];
      for (let k = start[v], e = start[v + 1]; k < e; k++) {
        const w = adj[k];
        if (dist[w] === s) continue;
        dist[w] = s;
        queue[tail++] = w;
      }
      if (wantDistance && head === levelEnd) levelSum += (tail - levelEnd) / (level + 1);
    }
    reach += tail - 1;
    inv += levelSum;
  }
  return { reach, inv };
}

/** Undirected F from component sizes (faster than BFS from every actor). */
function componentF(a: Adjacency, removed: Uint8Array, label: Int32Array, queue: Int32Array): { reach: number; n: number } {
  label.fill(-1);
  let reach = 0;
  let n = 0;
  for (let s = 0; s < a.n; s++) {
    if (removed[s] || label[s] >= 0) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    label[s] = s;
    while (head < tail) {
      const v = queue[head++];
      for (let k = a.start[v]; k < a.start[v + 1]; k++) {
        const w = a.adj[k];
        if (removed[w] || label[w] >= 0) continue;
        label[w] = s;
        queue[tail++] = w;
      }
    }
    reach += tail * (tail - 1);
    n += tail;
  }
  return { reach, n };
}

function scoreOf(a: Adjacency, mode: FragmentationMode, removed: Uint8Array, criterion: KeyPlayerCriterion, buf: { dist: Int32Array; queue: Int32Array }): number {
  let n = 0;
  for (let i = 0; i < a.n; i++) if (!removed[i]) n++;
  if (n < 2) return NaN;
  const pairs = n * (n - 1);
  if (criterion === "F" && mode === "undirected") return 1 - componentF(a, removed, buf.dist, buf.queue).reach / pairs;
  const { reach, inv } = reachSums(a, removed, criterion === "DF", buf.dist, buf.queue);
  return criterion === "F" ? 1 - reach / pairs : 1 - inv / pairs;
}

export interface FragmentationOptions {
  mode?: FragmentationMode;
  /** Actor ids (or Digraph indices) to remove before measuring. */
  removed?: readonly (string | number)[];
  /** Sources of the distances behind DF (metrics/scale.ts): exact within the budget, else sampled. */
  sampling?: PathSamplingOptions["sampling"];
  /** Seed of sampled sources (default 1). */
  seed?: number;
  /** F only (undirected: from the components, linear time); DF is then NaN. */
  onlyF?: boolean;
}

function removedMask(g: Digraph, removed: readonly (string | number)[] = []): Uint8Array {
  const mask = new Uint8Array(g.n);
  for (const r of removed) {
    const i = typeof r === "number" ? r : g.index.get(r);
    if (i === undefined || i < 0 || i >= g.n) throw new Error(`fragmentation: unknown actor "${r}"`);
    mask[i] = 1;
  }
  return mask;
}

/** F and DF of a digraph, optionally after removing some actors; see the module comment. */
export function fragmentation(g: Digraph, options: FragmentationOptions = {}): FragmentationResult {
  const mode = options.mode ?? "undirected";
  const a = adjacencyOf(g, mode);
  const removed = removedMask(g, options.removed);
  let n = 0;
  for (let i = 0; i < g.n; i++) if (!removed[i]) n++;
  const pairs = n * (n - 1);
  if (options.onlyF && mode === "undirected") {
    const reach = componentF(a, removed, new Int32Array(g.n), new Int32Array(g.n)).reach;
    return { mode, n, fragmentation: pairs === 0 ? NaN : 1 - reach / pairs, distanceWeighted: NaN, unreachablePairs: pairs - reach, distances: { method: "exact", sources: 0, seed: null, rule: "DF not computed: F only (components)" } };
  }
  const sources = pathSources(g.n, g.n + a.adj.length, { sampling: options.sampling, seed: options.seed });
  const dist = new Int32Array(g.n);
  const queue = new Int32Array(g.n);
  let reach: number;
  let inv: number;
  if (sources.method === "exact") ({ reach, inv } = reachSums(a, removed, true, dist, queue));
  else {
    // DF estimated from the sampled sources (those not removed), scaled to all sources; F exact when
    // undirected (components), else estimated the same way.
    const only = new Uint8Array(g.n).fill(1);
    let used = 0;
    for (const s of sources.sample!) if (!removed[s]) (only[s] = 0), used++;
    const est = reachSums(a, removed, true, dist, queue, only);
    const scale = used > 0 ? n / used : NaN;
    inv = est.inv * scale;
    reach = mode === "undirected" ? componentF(a, removed, dist, queue).reach : est.reach * scale;
  }
  const { sample: _s, ...how } = sources;
  return {
    mode,
    n,
    fragmentation: pairs === 0 ? NaN : 1 - reach / pairs,
    distanceWeighted: pairs === 0 ? NaN : 1 - inv / pairs,
    unreachablePairs: pairs - reach,
    distances: how,
  };
}

export interface KeyPlayerOptions {
  /** Size of the set (default 3, at most n − 2). */
  k?: number;
  /** Criterion to maximise: "DF" (default; it also separates actors in a connected network) or "F". */
  criterion?: KeyPlayerCriterion;
  mode?: FragmentationMode;
  /**
   * "auto" (default): exhaustive when C(n, k)·n·(n + m) ≤ `exhaustiveBudget`, otherwise the heuristic;
   * "exhaustive": every k-set; "heuristic": greedy start and seeded random starts, each improved by swaps.
   */
  method?: "auto" | "exhaustive" | "heuristic";
  /** Work budget (BFS steps) under which "auto" enumerates every set (default 1e7). */
  exhaustiveBudget?: number;
  /**
   * Work budget (BFS steps) of the heuristic (default 6e7): the greedy start always runs; further starts
   * and swap rounds stop once the budget is spent (`converged: false` then). Counted, not timed, so the
   * result stays reproducible.
   */
  maxWork?: number;
  /** Random starting sets besides the greedy one (default 5). */
  restarts?: number;
  /** Seed of the random starting sets (default 1). */
  seed?: number;
  /** Maximum rounds of best-swap improvement per start (default 25). */
  maxRounds?: number;
}

export interface KeyPlayerResult {
  options: { k: number; criterion: KeyPlayerCriterion; mode: FragmentationMode; method: "exhaustive" | "heuristic"; restarts: number; seed: number; maxRounds: number; algorithm: string };
  /** The key players, in Digraph order. */
  set: string[];
  /** Criterion of the network without the set. */
  score: number;
  /** Criterion of the whole network. */
  baseline: number;
  /** F and DF of the network without the set, and of the whole network. */
  after: FragmentationResult;
  before: FragmentationResult;
  /** For each actor taken alone: the criterion after removing only that actor (Digraph order). */
  individual: { id: string; score: number }[];
  /** Sets evaluated. */
  evaluations: number;
  /** false when `maxRounds` stopped the swaps of some start before no swap improved. */
  converged: boolean;
}

/** BFS steps of one evaluation of the criterion: F undirected by components, otherwise a BFS per actor. */
export function evaluationCost(n: number, adjacencyEntries: number, criterion: KeyPlayerCriterion, mode: FragmentationMode): number {
  const one = n + adjacencyEntries;
  return criterion === "F" && mode === "undirected" ? one : n * one;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/**
 * The k actors whose removal fragments the network most (KPP-Neg). Exhaustive when small enough,
 * otherwise Borgatti's heuristic: a greedy starting set (add the actor that raises the criterion most,
 * ties → earlier actor) and `restarts` random starting sets (seeded, model/random.ts), each improved by
 * best-improving member/non-member swaps until none improves by more than 1e-12; the best set wins
 * (ties → the earlier start). The method, seed and restarts are echoed.
 */
export function keyPlayers(g: Digraph, options: KeyPlayerOptions = {}): KeyPlayerResult {
  const mode = options.mode ?? "undirected";
  const criterion = options.criterion ?? "DF";
  const maxRounds = options.maxRounds ?? 25;
  const restarts = options.restarts ?? 5;
  const seed = options.seed ?? 1;
  const k = Math.max(0, Math.min(options.k ?? 3, g.n - 2));
  const a = adjacencyOf(g, mode);
  const cost = evaluationCost(g.n, a.adj.length, criterion, mode);
  const maxWork = options.maxWork ?? 6e7;
  const method = options.method === "exhaustive" || options.method === "heuristic" ? options.method : binomial(g.n, k) * cost <= (options.exhaustiveBudget ?? 1e7) ? "exhaustive" : "heuristic";
  const buf = { dist: new Int32Array(g.n), queue: new Int32Array(g.n) };
  const removed = new Uint8Array(g.n);
  const EPS = 1e-12;
  let evaluations = 0;
  const score = () => {
    evaluations++;
    return scoreOf(a, mode, removed, criterion, buf);
  };
  if (criterion === "F" && mode === "undirected" && method === "heuristic" && g.n * cost > maxWork) return greedyByCutVertices(g, a, k, seed, maxRounds, restarts);
  const baseline = score();
  const individual: { id: string; score: number }[] = [];
  for (let v = 0; v < g.n; v++) {
    removed[v] = 1;
    individual.push({ id: g.ids[v], score: g.n > 2 ? score() : NaN });
    removed[v] = 0;
  }
  let bestSet: number[] = [];
  let bestScore = k === 0 ? baseline : -Infinity;
  let converged = true;
  if (k > 0 && method === "exhaustive") {
    const idx = Array.from({ length: k }, (_, i) => i);
    for (;;) {
      for (const i of idx) removed[i] = 1;
      const s = score();
      for (const i of idx) removed[i] = 0;
      if (s > bestScore + EPS) {
        bestScore = s;
        bestSet = idx.slice();
      }
      let p = k - 1;
      while (p >= 0 && idx[p] === g.n - k + p) p--;
      if (p < 0) break;
      idx[p]++;
      for (let q = p + 1; q < k; q++) idx[q] = idx[q - 1] + 1;
    }
  } else if (k > 0) {
    const rng = seededRng(seed);
    const starts: number[][] = [];
    // Greedy start.
    const greedy: number[] = [];
    for (let step = 0; step < k; step++) {
      let best = -1;
      let bs = -Infinity;
      for (let v = 0; v < g.n; v++) {
        if (removed[v]) continue;
        removed[v] = 1;
        const s = step === 0 ? individual[v].score : score();
        removed[v] = 0;
        if (s > bs + EPS) {
          bs = s;
          best = v;
        }
      }
      removed[best] = 1;
      greedy.push(best);
    }
    removed.fill(0);
    starts.push(greedy);
    for (let r = 0; r < restarts; r++) starts.push(shuffle(Array.from({ length: g.n }, (_, i) => i), rng).slice(0, k));
    for (const start of starts) {
      if (start !== greedy && evaluations * cost > maxWork) {
        converged = false;
        break;
      }
      const set = start.slice();
      removed.fill(0);
      for (const v of set) removed[v] = 1;
      let current = score();
      let rounds = 0;
      for (;;) {
        if (rounds >= maxRounds || evaluations * cost > maxWork) {
          converged = false;
          break;
        }
        let bestGain = EPS;
        let bu = -1;
        let bv = -1;
        for (let p = 0; p < set.length; p++) {
          const u = set[p];
          removed[u] = 0;
          for (let v = 0; v < g.n; v++) {
            if (removed[v] || v === u) continue;
            removed[v] = 1;
            const gain = score() - current;
            removed[v] = 0;
            if (gain > bestGain) {
              bestGain = gain;
              bu = p;
              bv = v;
            }
          }
          removed[u] = 1;
        }
        if (bu < 0) break;
        rounds++;
        removed[set[bu]] = 0;
        removed[bv] = 1;
        set[bu] = bv;
        current = score();
      }
      if (current > bestScore + EPS) {
        bestScore = current;
        bestSet = set.slice();
      }
    }
    removed.fill(0);
  }
  bestSet.sort((x, y) => x - y);
  return {
    options: {
      k,
      criterion,
      mode,
      method,
      restarts,
      seed,
      maxRounds,
      algorithm: method === "exhaustive" ? "every set of k actors" : "greedy start and seeded random starts, each improved by best swaps (Borgatti 2006)",
    },
    set: bestSet.map((i) => g.ids[i]),
    score: bestScore,
    baseline,
    after: fragmentation(g, { mode, removed: bestSet }),
    before: fragmentation(g, { mode }),
    individual,
    evaluations,
    converged,
  };
}

/**
 * For every actor v not removed: the number of ordered pairs of the remaining actors that still reach each
 * other once v is removed too (undirected). One iterative depth-first search: removing v splits its
 * component of size c into the subtrees of the children w with low(w) ≥ disc(v) and the rest.
 */
function reachWithoutEach(a: Adjacency, removed: Uint8Array): { total: number; without: Float64Array } {
  const n = a.n;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const size = new Int32Array(n);
  const cutSq = new Float64Array(n);
  const cutSum = new Float64Array(n);
  const compOf = new Int32Array(n).fill(-1);
  const compSize: number[] = [];
  const stack = new Int32Array(n);
  const edge = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  let time = 0;
  let total = 0;
  for (let r = 0; r < n; r++) {
    if (removed[r] || disc[r] >= 0) continue;
    const c = compSize.length;
    let top = 0;
    stack[top++] = r;
    disc[r] = low[r] = time++;
    edge[r] = a.start[r];
    size[r] = 1;
    compOf[r] = c;
    while (top > 0) {
      const v = stack[top - 1];
      if (edge[v] < a.start[v + 1]) {
        const w = a.adj[edge[v]++];
        if (removed[w]) continue;
        if (disc[w] < 0) {
          disc[w] = low[w] = time++;
          parent[w] = v;
          edge[w] = a.start[w];
          size[w] = 1;
          compOf[w] = c;
          stack[top++] = w;
        } else if (w !== parent[v] && disc[w] < low[v]) low[v] = disc[w];
      } else {
        top--;
        const p = parent[v];
        if (p >= 0) {
          size[p] += size[v];
          if (low[v] < low[p]) low[p] = low[v];
          if (low[v] >= disc[p]) {
            cutSq[p] += size[v] * size[v];
            cutSum[p] += size[v];
          }
        }
      }
    }
    compSize.push(size[r]);
    total += size[r] * (size[r] - 1);
  }
  const without = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    if (removed[v]) continue;
    const cs = compSize[compOf[v]];
    // The root's children are all cut off; for others the rest of the component stays together.
    const rest = cs - 1 - cutSum[v];
    const pieces = cutSq[v] + rest * rest - (cs - 1);
    without[v] = total - cs * (cs - 1) + pieces;
  }
  return { total, without };
}

/**
 * Key players by F on a network too large for the swap heuristic: greedy additions, each step choosing
 * among all actors at once by {@link reachWithoutEach} (linear time per step; ties → earlier actor).
 */
function greedyByCutVertices(g: Digraph, a: Adjacency, k: number, seed: number, maxRounds: number, restarts: number): KeyPlayerResult {
  const removed = new Uint8Array(g.n);
  const F = (reach: number, n: number) => (n < 2 ? NaN : 1 - reach / (n * (n - 1)));
  const first = reachWithoutEach(a, removed);
  const baseline = F(first.total, g.n);
  const individual = g.ids.map((id, v) => ({ id, score: g.n > 2 ? F(first.without[v], g.n - 1) : NaN }));
  const set: number[] = [];
  let score = baseline;
  let current = first;
  for (let step = 0; step < k; step++) {
    progress(`key players (greedy, ${k} steps)`, step, k);
    let best = -1;
    for (let v = 0; v < g.n; v++) if (!removed[v] && (best < 0 || current.without[v] < current.without[best])) best = v;
    if (best < 0) break;
    removed[best] = 1;
    set.push(best);
    score = F(current.without[best], g.n - set.length);
    current = reachWithoutEach(a, removed);
  }
  progress(`key players (greedy, ${k} steps)`, k, k);
  set.sort((x, y) => x - y);
  return {
    options: { k, criterion: "F", mode: "undirected", method: "heuristic", restarts: 0, seed, maxRounds, algorithm: "greedy additions, every actor evaluated at once through the cut vertices (linear time per step); no swaps: the network is above the work budget of the swap heuristic" },
    set: set.map((i) => g.ids[i]),
    score,
    baseline,
    after: fragmentation(g, { mode: "undirected", removed: set }),
    before: fragmentation(g, { mode: "undirected" }),
    individual,
    evaluations: k + 1,
    converged: false,
  };
  void restarts;
}

export interface CutPoints {
  /** Actors whose removal disconnects their component (undirected view), in Digraph order. */
  articulationPoints: string[];
  /** Ties whose removal disconnects their component, as [a, b] with a before b in Digraph order. */
  bridges: [string, string][];
}

/** Articulation points and bridges of the undirected view (Hopcroft–Tarjan, iterative). */
export function cutPoints(g: Digraph | Undirected, ids?: readonly string[]): CutPoints {
  const u = "start" in g ? g : undirectedOf(g);
  const names = ids ?? ("ids" in g ? g.ids : Array.from({ length: u.n }, (_, i) => String(i)));
  const n = u.n;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const isCut = new Uint8Array(n);
  const stackV = new Int32Array(n);
  const stackK = new Int32Array(n);
  const bridges: [number, number][] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] >= 0) continue;
    let children = 0;
    let sp = 0;
    stackV[0] = root;
    stackK[0] = u.start[root];
    disc[root] = low[root] = time++;
    while (sp >= 0) {
      const v = stackV[sp];
      const k = stackK[sp];
      if (k < u.start[v + 1]) {
        stackK[sp] = k + 1;
        const w = u.adj[k];
        if (disc[w] < 0) {
          parent[w] = v;
          disc[w] = low[w] = time++;
          if (v === root) children++;
          sp++;
          stackV[sp] = w;
          stackK[sp] = u.start[w];
        } else if (w !== parent[v] && disc[w] < low[v]) {
          low[v] = disc[w];
        }
        continue;
      }
      sp--;
      if (sp >= 0) {
        const p = stackV[sp];
        if (low[v] < low[p]) low[p] = low[v];
        if (low[v] > disc[p]) bridges.push(p < v ? [p, v] : [v, p]);
        if (p !== root && low[v] >= disc[p]) isCut[p] = 1;
      }
    }
    if (children > 1) isCut[root] = 1;
  }
  const articulationPoints: string[] = [];
  for (let i = 0; i < n; i++) if (isCut[i]) articulationPoints.push(names[i]);
  bridges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { articulationPoints, bridges: bridges.map(([x, y]) => [names[x], names[y]]) };
}

/** All-pairs step distances of the undirected view (−1 = unreachable), row-major n × n. */
export function distanceMatrix(g: Digraph, mode: FragmentationMode = "undirected"): Int32Array {
  const a = adjacencyOf(g, mode);
  const n = g.n;
  const d = new Int32Array(n * n).fill(-1);
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const row = s * n;
    d[row + s] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++];
      const dv = d[row + v] + 1;
      for (let k = a.start[v]; k < a.start[v + 1]; k++) {
        const w = a.adj[k];
        if (d[row + w] >= 0) continue;
        d[row + w] = dv;
        queue[tail++] = w;
      }
    }
  }
  return d;
}

export interface NewTieEffect {
  a: string;
  b: string;
  /** F and DF (undirected) after adding the tie a – b. */
  fragmentation: number;
  distanceWeighted: number;
  /** Decrease of F and of DF compared with the network as it is. */
  fragmentationDrop: number;
  distanceWeightedDrop: number;
}

/**
 * The effect of adding each candidate tie (undirected: knowledge may then travel both ways) on F and DF,
 * from the all-pairs distance matrix: after adding a – b, `d'(i,j) = min(d(i,j), d(i,a) + 1 + d(b,j),
 * d(i,b) + 1 + d(a,j))`. O(n²) per candidate after one O(n(n + m)) distance matrix. Candidates are
 * Digraph index pairs; the result keeps their order.
 */
export function newTieEffects(g: Digraph, candidates: readonly [number, number][], dist?: Int32Array): NewTieEffect[] {
  const n = g.n;
  const d = dist ?? distanceMatrix(g, "undirected");
  const pairs = n * (n - 1);
  let reach0 = 0;
  let inv0 = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = d[i * n + j];
      if (i !== j && x > 0) {
        reach0++;
        inv0 += 1 / x;
      }
    }
  }
  const F0 = pairs === 0 ? NaN : 1 - reach0 / pairs;
  const DF0 = pairs === 0 ? NaN : 1 - inv0 / pairs;
  return candidates.map(([a, b]) => {
    let reach = 0;
    let inv = 0;
    for (let i = 0; i < n; i++) {
      const dia = d[i * n + a];
      const dib = d[i * n + b];
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        let x = d[i * n + j];
        const daj = d[a * n + j];
        const dbj = d[b * n + j];
        if (dia >= 0 && dbj >= 0) {
          const y = dia + 1 + dbj;
          if (x < 0 || y < x) x = y;
        }
        if (dib >= 0 && daj >= 0) {
          const y = dib + 1 + daj;
          if (x < 0 || y < x) x = y;
        }
        if (x > 0) {
          reach++;
          inv += 1 / x;
        }
      }
    }
    const F = pairs === 0 ? NaN : 1 - reach / pairs;
    const DF = pairs === 0 ? NaN : 1 - inv / pairs;
    return { a: g.ids[a], b: g.ids[b], fragmentation: F, distanceWeighted: DF, fragmentationDrop: F0 - F, distanceWeightedDrop: DF0 - DF };
  });
}
