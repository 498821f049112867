/**
 * Whole-network cohesion of a knowledge-flow digraph: density, reciprocity, dyad census.
 *
 * All functions compute on a {@link Digraph} (model/views.ts `indexDigraph`, parallel ties already
 * collapsed). Ties are knowledge flow source → target; density and reciprocity do not depend on
 * which way that convention points (reversing every tie changes neither).
 */
import type { Digraph } from "../model/views.js";

export interface DensityOptions {
  /**
   * Count self-loops: `d = (m + loops) / n²` (igraph `edge_density(loops = TRUE)`, sna `gden(diag = TRUE)`).
   * Default false: `d = m / (n(n − 1))` with loops left out of `m`.
   */
  loops?: boolean;
  /**
   * Sum tie strengths instead of counting arcs (sna `gden(ignore.eval = FALSE)`): the mean strength over
   * all ordered pairs. Strengths are survey strengths (bigger = stronger), never distances. Default false.
   */
  weighted?: boolean;
}

/**
 * Directed density: the share of ordered pairs (i, j), i ≠ j, with a tie i → j.
 *
 * `d = m / (n(n − 1))` (n actors, m arcs of the collapsed digraph, self-loops excluded). Matches igraph
 * `edge_density(g)`, networkx `density(G)` on a loop-free DiGraph and sna `gden(g)`. With `weighted`, `m`
 * is the sum of arc strengths. n < 2 → NaN (no pairs: undefined, as igraph; networkx returns 0).
 */
export function density(g: Digraph, options: DensityOptions = {}): number {
  const n = g.n;
  let m: number;
  if (options.weighted) {
    m = 0;
    for (let k = 0; k < g.arcs; k++) m += g.outW[k];
    if (options.loops) for (let i = 0; i < n; i++) m += g.loops[i];
  } else {
    m = g.arcs + (options.loops ? g.loopCount : 0);
  }
  const pairs = options.loops ? n * n : n * (n - 1);
  return pairs === 0 ? NaN : m / pairs;
}

/** Dyad census of a digraph (self-loops ignored): mutual, asymmetric and null unordered pairs. */
export interface DyadCensus {
  mutual: number;
  asymmetric: number;
  null: number;
}

/** Holland–Leinhardt dyad census (MAN). Matches igraph `dyad_census` / sna `dyad.census`. */
export function dyadCensus(g: Digraph): DyadCensus {
  // Arcs i → j whose reverse j → i exists: mark i's in-neighbours, then count its out-neighbours marked.
  // O(n + m) with one stamp per actor (no search per arc).
  let reciprocated = 0;
  const mark = new Int32Array(g.n).fill(-1);
  for (let i = 0; i < g.n; i++) {
    for (let k = g.inStart[i]; k < g.inStart[i + 1]; k++) mark[g.inAdj[k]] = i;
    for (let k = g.outStart[i]; k < g.outStart[i + 1]; k++) if (mark[g.outAdj[k]] === i) reciprocated++;
  }
  const mutual = reciprocated / 2;
  const asymmetric = g.arcs - reciprocated;
  const pairs = (g.n * (g.n - 1)) / 2;
  return { mutual, asymmetric, null: pairs - mutual - asymmetric };
}

export interface ReciprocityOptions {
  /**
   * `edgewise` (default): the share of arcs whose reverse arc also exists, `2M / m` — igraph
   * `reciprocity(g)` (default mode, `ignore.loops = TRUE`), sna `grecip(g, measure = "edgewise")`,
   * networkx `reciprocity(G)` on a loop-free graph.
   * `ratio`: mutual pairs among connected pairs, `M / (M + A)` — igraph `mode = "ratio"`,
   * sna `measure = "dyadic.nonnull"`.
   */
  mode?: "edgewise" | "ratio";
}

/**
 * Arc reciprocity of the collapsed digraph; self-loops are ignored. A graph without arcs → NaN
 * (igraph gives NaN; networkx raises). Weights play no part.
 */
export function reciprocity(g: Digraph, options: ReciprocityOptions = {}, census: DyadCensus = dyadCensus(g)): number {
  const { mutual, asymmetric } = census;
  if (options.mode === "ratio") return mutual + asymmetric === 0 ? NaN : mutual / (mutual + asymmetric);
  return g.arcs === 0 ? NaN : (2 * mutual) / g.arcs;
}
