/**
 * Core–periphery structure, Borgatti & Everett's discrete model (Borgatti, S. P. & Everett, M. G. 1999,
 * "Models of core/periphery structures", *Social Networks* 21:375–395): is there a core of actors densely
 * tied to each other, around a periphery whose members are hardly tied to each other?
 *
 * Ideal pattern δ_ij = 1 when i and j are both in the core, 0 when both are in the periphery; the
 * core–periphery cells are ignored (treated as missing, UCINET's default "missing" density for those
 * blocks). Fit = Pearson correlation between a_ij and δ_ij over the ordered pairs i ≠ j that are not
 * core–periphery. The partition reported is the one of maximal fit. Same objective as R netUtils
 * `core_periphery()` (`delta <- outer(c, c, "+")`, 1 → NA, `cor(..., use = "complete.obs")`).
 * The fit needs ≥ 2 actors in each part (otherwise δ is constant: NaN).
 *
 * Matrix: `mode: "undirected"` (default) — a_ij = a_ji = 1 when knowledge flows either way between i and j
 * (with `weighted`, the summed strength both ways); `mode: "directed"` — a_ij = the tie i → j as it is
 * (knowledge flow source → target). Self-loops are ignored. Weights are strengths.
 *
 * Search (deterministic; the method used is echoed): `"exact"` enumerates every partition (Gray code,
 * O(2ⁿ·n)); `"search"` tries every prefix of the actors ordered by degree (netUtils' `rk1_dc` idea:
 * core = the best-connected actors), and from each of the three best prefixes applies best-improving
 * moves (one actor changes side, or — while core × periphery ≤ 40 000 — a core and a periphery actor
 * swap) until none improves the fit by more than 1e-12; the best result wins. `"auto"` (default) is exact
 * up to 20 actors. Among partitions of equal fit (within 1e-12) the one with the larger core is kept
 * (e.g. K5 plus 5 isolates: the whole K5, as netUtils; any part of it fits equally). UCINET uses a genetic algorithm instead and warns of local optima; so may this search.
 */
import { SCALE } from "./scale.js";
import { undirectedOf } from "../model/context.js";
import type { Digraph } from "../model/views.js";
import { arcWeight, hasArc } from "../model/views.js";

export interface CorePeripheryOptions {
  mode?: "undirected" | "directed";
  weighted?: boolean;
  method?: "auto" | "exact" | "search";
  /** Up to how many actors "auto" enumerates every partition (default 20). */
  exactLimit?: number;
}

export interface CorePeripheryResult {
  options: { mode: "undirected" | "directed"; weighted: boolean; method: "exact" | "search" };
  /** How the partition was found, and whether the work budget stopped the search. */
  search: string;
  /** Core members, in Digraph order. */
  core: string[];
  periphery: string[];
  /** Correlation between the data and the ideal pattern (−1 … 1); NaN when undefined. */
  fit: number;
  /** Density (or mean strength) of the core block and of the periphery block. */
  coreDensity: number;
  peripheryDensity: number;
  /** Density of ties from core to periphery and from periphery to core (not used by the fit). */
  coreToPeripheryDensity: number;
  peripheryToCoreDensity: number;
}

interface Cells {
  n: number;
  /** Neighbour lists (union of out and in): for neighbour j of i, val = a_ij + a_ji and sq = a_ij² + a_ji². */
  start: Int32Array;
  adj: Int32Array;
  val: Float64Array;
  sq: Float64Array;
  /** a_ij from the point of view of i (for block densities). */
  out: Float64Array;
}

function cellsOf(g: Digraph, mode: "undirected" | "directed", weighted: boolean): Cells {
  const u = undirectedOf(g);
  const m = u.adj.length;
  const val = new Float64Array(m);
  const sq = new Float64Array(m);
  const out = new Float64Array(m);
  for (let i = 0; i < u.n; i++) {
    for (let k = u.start[i]; k < u.start[i + 1]; k++) {
      const j = u.adj[k];
      if (mode === "undirected") {
        const b = weighted ? u.w[k] : 1;
        val[k] = 2 * b;
        sq[k] = 2 * b * b;
        out[k] = b;
      } else {
        const wij = weighted ? arcWeight(g, i, j) : hasArc(g, i, j) ? 1 : 0;
        const wji = weighted ? arcWeight(g, j, i) : hasArc(g, j, i) ? 1 : 0;
        val[k] = wij + wji;
        sq[k] = wij * wij + wji * wji;
        out[k] = wij;
      }
    }
  }
  return { n: u.n, start: u.start, adj: u.adj, val, sq, out };
}

/**
 * T_i = Σ_j (a_ij + a_ji) (and the same for squares) per actor; S and Q = sums over all ordered pairs
 * (= ½ Σ_i T_i). Moving i into the core adds Σ_{j∈C}(a_ij + a_ji) to the core block and removes
 * T_i − that from the periphery block.
 */
function totals(x: Cells): { total: Float64Array; totalSq: Float64Array; S: number; Q: number } {
  const total = new Float64Array(x.n);
  const totalSq = new Float64Array(x.n);
  let S = 0;
  let Q = 0;
  for (let i = 0; i < x.n; i++) {
    for (let k = x.start[i]; k < x.start[i + 1]; k++) {
      total[i] += x.val[k];
      totalSq[i] += x.sq[k];
    }
    S += total[i] / 2;
    Q += totalSq[i] / 2;
  }
  return { total, totalSq, S, Q };
}

/** Correlation of the discrete model from block sums (ordered pairs). */
function fitOf(c: number, p: number, sCC: number, sPP: number, qCC: number, qPP: number): number {
  const nCC = c * (c - 1);
  const nPP = p * (p - 1);
  const N = nCC + nPP;
  if (nCC === 0 || nPP === 0) return NaN;
  const S = sCC + sPP;
  const Q = qCC + qPP;
  const pc = nCC / N;
  const mean = S / N;
  const varA = Q / N - mean * mean;
  const varD = pc * (1 - pc);
  if (!(varA > 1e-15)) return NaN;
  const cov = sCC / N - pc * mean;
  return cov / Math.sqrt(varA * varD);
}

/** State of a partition: per-actor sums towards the core, and block sums (ordered pairs). */
class State {
  inCore: Uint8Array;
  toCore: Float64Array;
  toCoreSq: Float64Array;
  c = 0;
  sCC = 0;
  sPP = 0;
  qCC = 0;
  qPP = 0;
  constructor(
    private x: Cells,
    private total: Float64Array,
    private totalSq: Float64Array,
    private S: number,
    private Q: number,
  ) {
    this.inCore = new Uint8Array(x.n);
    this.toCore = new Float64Array(x.n);
    this.toCoreSq = new Float64Array(x.n);
    this.sPP = S;
    this.qPP = Q;
  }
  /** Fit after flipping actor i (without flipping). */
  fitIfFlipped(i: number): number {
    const n = this.x.n;
    const sC = this.toCore[i];
    const sP = this.total[i] - sC;
    const qC = this.toCoreSq[i];
    const qP = this.totalSq[i] - qC;
    if (this.inCore[i]) return fitOf(this.c - 1, n - this.c + 1, this.sCC - sC, this.sPP + sP, this.qCC - qC, this.qPP + qP);
    return fitOf(this.c + 1, n - this.c - 1, this.sCC + sC, this.sPP - sP, this.qCC + qC, this.qPP - qP);
  }
  /** Fit after core member i and periphery member j exchange sides; `pair` = a_ij + a_ji and squares. */
  fitIfSwapped(i: number, j: number, pair: { v: number; q: number }): number {
    const n = this.x.n;
    const sCi = this.toCore[i];
    const qCi = this.toCoreSq[i];
    const sCC1 = this.sCC - sCi;
    const sPP1 = this.sPP + (this.total[i] - sCi);
    const qCC1 = this.qCC - qCi;
    const qPP1 = this.qPP + (this.totalSq[i] - qCi);
    const sCj = this.toCore[j] - pair.v;
    const qCj = this.toCoreSq[j] - pair.q;
    return fitOf(this.c, n - this.c, sCC1 + sCj, sPP1 - (this.total[j] - sCj), qCC1 + qCj, qPP1 - (this.totalSq[j] - qCj));
  }
  fit(): number {
    return fitOf(this.c, this.x.n - this.c, this.sCC, this.sPP, this.qCC, this.qPP);
  }
  flip(i: number): void {
    const x = this.x;
    const sC = this.toCore[i];
    const sP = this.total[i] - sC;
    const qC = this.toCoreSq[i];
    const qP = this.totalSq[i] - qC;
    const sign = this.inCore[i] ? -1 : 1;
    if (sign > 0) {
      this.sCC += sC;
      this.sPP -= sP;
      this.qCC += qC;
      this.qPP -= qP;
      this.c++;
    } else {
      this.sCC -= sC;
      this.sPP += sP;
      this.qCC -= qC;
      this.qPP += qP;
      this.c--;
    }
    this.inCore[i] = sign > 0 ? 1 : 0;
    for (let k = x.start[i]; k < x.start[i + 1]; k++) {
      const j = x.adj[k];
      this.toCore[j] += sign * x.val[k];
      this.toCoreSq[j] += sign * x.sq[k];
    }
  }
}

/** a_ij + a_ji for actors i and j (binary search in i's sorted neighbour list). */
function pairVal(x: Cells, i: number, j: number): { v: number; q: number } {
  let lo = x.start[i];
  let hi = x.start[i + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = x.adj[mid];
    if (w === j) return { v: x.val[mid], q: x.sq[mid] };
    if (w < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return { v: 0, q: 0 };
}

/**
 * Best-improvement local search: each round takes the best of all single moves (an actor changes side)
 * and all swaps (a core member and a periphery member exchange sides); stops when nothing improves the
 * fit by more than eps. Then, among equal fits, grows the core by moves that keep the fit.
 */
function improve(ls: State, x: Cells, n: number, eps: number, budget: { rounds: number; stopped: boolean }): number {
  let current = ls.fit();
  for (let round = 0; round < 50 * n; round++) {
    if (budget.rounds-- <= 0) {
      budget.stopped = true;
      break;
    }
    let bi = -1;
    let bj = -1;
    let bf = Number.isNaN(current) ? -Infinity : current;
    for (let i = 0; i < n; i++) {
      const f = ls.fitIfFlipped(i);
      if (f > bf + eps) {
        bf = f;
        bi = i;
        bj = -1;
      }
    }
    // Swaps cost c·p evaluations a round: tried while that stays under 40 000 (about 200 × 200 actors).
    const trySwaps = ls.c * (n - ls.c) <= 40000;
    for (let i = 0; trySwaps && i < n; i++) {
      if (!ls.inCore[i]) continue;
      for (let j = 0; j < n; j++) {
        if (ls.inCore[j]) continue;
        const f = ls.fitIfSwapped(i, j, pairVal(x, i, j));
        if (f > bf + eps) {
          bf = f;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    ls.flip(bi);
    if (bj >= 0) ls.flip(bj);
    current = ls.fit();
  }
  for (let i = 0; i < n; i++) {
    if (ls.inCore[i]) continue;
    const f = ls.fitIfFlipped(i);
    if (f >= current - eps) {
      ls.flip(i);
      current = Math.max(current, f);
    }
  }
  return current;
}

/** Borgatti–Everett discrete core–periphery partition of maximal fit; see the module comment. */
export function corePeriphery(g: Digraph, options: CorePeripheryOptions = {}): CorePeripheryResult {
  const mode = options.mode ?? "undirected";
  const weighted = options.weighted ?? false;
  const exactLimit = options.exactLimit ?? 20;
  const method: "exact" | "search" = options.method === "exact" || options.method === "search" ? options.method : g.n <= exactLimit ? "exact" : "search";
  const x = cellsOf(g, mode, weighted);
  const n = x.n;
  const { total, totalSq, S, Q } = totals(x);
  const st = new State(x, total, totalSq, S, Q);
  let best: Uint8Array = new Uint8Array(n);
  let bestFit = -Infinity;
  let bestC = 0;
  const EPS = 1e-12;
  const budget = { rounds: Infinity, stopped: false };
  if (n >= 4 && method === "exact") {
    // Gray code over all subsets: step t flips the actor at the lowest set bit of t.
    const steps = 2 ** n;
    for (let t = 1; t < steps; t++) {
      let i = 0;
      while (((t >> i) & 1) === 0) i++;
      st.flip(i);
      const f = st.fit();
      if (f > bestFit + EPS || (f >= bestFit - EPS && st.c > bestC)) {
        bestFit = f;
        bestC = st.c;
        best = Uint8Array.from(st.inCore);
      }
    }
  } else if (n >= 4) {
    // Starts: the best prefixes of the actors ordered by degree (up to three sizes).
    const degree = Array.from({ length: n }, (_, i) => i).map((i) => ({ i, d: total[i] }));
    degree.sort((a, b) => b.d - a.d || a.i - b.i);
    const prefixes: { c: number; f: number }[] = [];
    for (let c = 0; c < n - 1; c++) {
      st.flip(degree[c].i);
      const f = st.fit();
      if (Number.isFinite(f)) prefixes.push({ c: st.c, f });
    }
    prefixes.sort((a, b) => b.f - a.f || b.c - a.c);
    const starts = prefixes.slice(0, 3);
    // Each round of the local search visits every actor and arc once: the rounds are bounded (metrics/scale.ts).
    budget.rounds = Math.max(10, Math.floor(SCALE.localSearchWork / Math.max(1, n + x.adj.length)));
    if (starts.length === 0) starts.push({ c: 2, f: NaN });
    for (const start of starts) {
      const ls = new State(x, total, totalSq, S, Q);
      for (let r = 0; r < start.c; r++) ls.flip(degree[r].i);
      const current = improve(ls, x, n, EPS, budget);
      if (current > bestFit + EPS || (current >= bestFit - EPS && ls.c > bestC)) {
        bestFit = current;
        bestC = ls.c;
        best = Uint8Array.from(ls.inCore);
      }
    }
  }
  if (!(bestFit > -Infinity)) {
    bestFit = NaN;
    best = new Uint8Array(n);
  }
  // Block densities (ordered pairs).
  let cc = 0;
  let pp = 0;
  let cp = 0;
  let pc = 0;
  for (let i = 0; i < n; i++) {
    for (let k = x.start[i]; k < x.start[i + 1]; k++) {
      const j = x.adj[k];
      const v = x.out[k];
      if (best[i] && best[j]) cc += v;
      else if (!best[i] && !best[j]) pp += v;
      else if (best[i]) cp += v;
      else pc += v;
    }
  }
  let c = 0;
  for (let i = 0; i < n; i++) c += best[i];
  const p = n - c;
  const div = (a: number, b: number) => (b === 0 ? NaN : a / b);
  const core: string[] = [];
  const periphery: string[] = [];
  for (let i = 0; i < n; i++) (best[i] ? core : periphery).push(g.ids[i]);
  return {
    options: { mode, weighted, method },
    search: budget.stopped ? `local search stopped by the work budget (metrics/scale.ts) after ${Math.max(10, Math.floor(SCALE.localSearchWork / Math.max(1, n + x.adj.length)))} rounds: the fit is a lower bound` : method === "exact" ? "every partition" : "local search until no flip or swap improves the fit",
    core,
    periphery,
    fit: bestFit,
    coreDensity: div(cc, c * (c - 1)),
    peripheryDensity: div(pp, p * (p - 1)),
    coreToPeripheryDensity: div(cp, c * p),
    peripheryToCoreDensity: div(pc, c * p),
  };
}

/** Fit of a given core (ids) under the discrete model, for checking a partition by hand. */
export function corePeripheryFit(g: Digraph, core: readonly string[], options: Pick<CorePeripheryOptions, "mode" | "weighted"> = {}): number {
  const x = cellsOf(g, options.mode ?? "undirected", options.weighted ?? false);
  const { total, totalSq, S, Q } = totals(x);
  const st = new State(x, total, totalSq, S, Q);
  for (const id of core) {
    const i = g.index.get(id);
    if (i === undefined) throw new Error(`corePeripheryFit: unknown actor "${id}"`);
    st.flip(i);
  }
  return st.fit();
}
