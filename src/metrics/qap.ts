/**
 * The QAP test (Hubert 1987; Krackhardt 1987) of a statistic of two relations: the rows and columns of one
 * matrix are permuted together (the actors relabelled, each relation's structure kept), the statistic is
 * recomputed `reps` times, and the p-values are the shares of permuted values at least as large
 * (`pGreaterOrEqual`) or at most as large (`pLessOrEqual`) as the observed one; `pAbsGreaterOrEqual` for
 * |statistic|. The observed value is not counted among the permutations, as in R sna `qaptest` (which
 * permutes both matrices independently, the same null distribution). Missing dyads move with their actors.
 * Permutations are drawn from a seeded generator (model/random.ts); the seed is returned.
 */
import type { DyadicMatrix } from "../model/dyadic.js";
import { permuteMatrix, randomPermutation } from "../model/dyadic.js";
import { seededRng } from "../model/random.js";
import { graphCorrelationValues } from "./gcor.js";

export interface PermutationTest {
  observed: number;
  reps: number;
  seed: number;
  pGreaterOrEqual: number;
  pLessOrEqual: number;
  pAbsGreaterOrEqual: number;
  /** Mean, minimum and maximum of the permutation distribution. */
  distribution: { mean: number; min: number; max: number };
}

export interface QapOptions {
  reps?: number;
  seed?: number;
}

/** Summarise a permutation distribution against the observed value. */
export function permutationPValues(observed: number, dist: Float64Array, seed: number): PermutationTest {
  let ge = 0;
  let le = 0;
  let abs = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const d of dist) {
    if (d >= observed) ge++;
    if (d <= observed) le++;
    if (Math.abs(d) >= Math.abs(observed)) abs++;
    sum += d;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const r = dist.length;
  return { observed, reps: r, seed, pGreaterOrEqual: ge / r, pLessOrEqual: le / r, pAbsGreaterOrEqual: abs / r, distribution: { mean: sum / r, min, max } };
}

/** QAP test of any statistic f(x, y) of two n × n matrices; y is permuted. */
export function qapTest(x: DyadicMatrix, y: DyadicMatrix, statistic: (x: Float64Array, y: Float64Array, n: number) => number, options: QapOptions = {}): PermutationTest {
  const reps = options.reps ?? 1000;
  const seed = options.seed ?? 1;
  const rng = seededRng(seed);
  const n = x.n;
  const observed = statistic(x.values, y.values, n);
  const dist = new Float64Array(reps);
  const buf = new Float64Array(n * n);
  for (let r = 0; r < reps; r++) dist[r] = statistic(x.values, permuteMatrix(y.values, n, randomPermutation(n, rng), buf), n);
  return permutationPValues(observed, dist, seed);
}

/** QAP test of the graph correlation (sna `qaptest(list(x, y), gcor, g1 = 1, g2 = 2)`). */
export function qapCorrelation(x: DyadicMatrix, y: DyadicMatrix, options: QapOptions = {}): PermutationTest & { dyads: number; missing: number } {
  const base = graphCorrelationValues(x.values, y.values, x.n);
  const t = qapTest(x, y, (a, b, n) => graphCorrelationValues(a, b, n).correlation, options);
  return { ...t, dyads: base.dyads, missing: base.missing };
}
