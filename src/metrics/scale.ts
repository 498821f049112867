/**
 * How far exact computation goes, and what is done beyond: one home for the work budgets of the measures
 * whose cost grows faster than the network.
 *
 * Work is counted in BFS steps (actors + arcs visited), not in seconds, so that the choice — and with it
 * every result — is the same on every machine. Each rule is stated in the output of the measure that uses it.
 *
 * | measure | exact while | beyond |
 * |---|---|---|
 * | betweenness, closeness | n · (n + arcs) ≤ `exactPathWork` (5e8) | Brandes–Pich (2007) source sampling: k = ⌊`sampledPathWork` / (n + arcs)⌋ sources (at least 64), drawn without replacement with the seed; betweenness scaled by n/k; closeness of v from the k sources as targets (Eppstein–Wang 2004) |
 * | distance-weighted fragmentation (DF) | n · (n + entries) ≤ `exactPathWork` | estimated from k sampled sources as above; F is always exact (components) |
 * | key players | the budgets of metrics/fragmentation.ts | criterion F with greedy additions, each step evaluated for all actors at once through the articulation points (linear time) |
 * | permutation tests | reps · (n + arcs) ≤ `permutationWork` (2e8) | fewer reps: ⌊`permutationWork` / (n + arcs)⌋ (at least 99) |
 * | core–periphery local search | rounds · (n + entries) ≤ `localSearchWork` (4e8) | the search stops there (at least 10 rounds) and says its fit is a lower bound |
 * | modularity null model (degree-preserving rewiring + Louvain) | reps · arcs ≤ `nullModelWork` (2e7) | fewer reps, none below 19: the test is then not run and the report says so |
 */
import { seededRng } from "../model/random.js";

export const SCALE = {
  exactPathWork: 5e8,
  sampledPathWork: 1e8,
  minSources: 64,
  permutationWork: 2e8,
  minPermutations: 99,
  nullModelWork: 2e7,
  minNullReps: 19,
  localSearchWork: 4e8,
} as const;

/** Which sources all-pairs shortest-path measures use: every actor, or a seeded sample. */
export interface PathSources {
  method: "exact" | "sampled";
  /** Number of sources used (n when exact). */
  sources: number;
  /** Seed of the sample (null when exact). */
  seed: number | null;
  /** The rule, in words, for the output. */
  rule: string;
  /** The sampled sources (ascending); undefined when exact. */
  sample?: Int32Array;
}

export interface PathSamplingOptions {
  /** "auto" (default): exact within the budget, else sampled; "exact" forces exact; a number forces that many sources. */
  sampling?: "auto" | "exact" | number;
  seed?: number;
}

/** The sources of an all-pairs computation on n actors and `work` = n + adjacency entries per BFS. */
export function pathSources(n: number, work: number, options: PathSamplingOptions = {}): PathSources {
  const mode = options.sampling ?? "auto";
  const seed = options.seed ?? 1;
  const exactRule = `exact: every actor a source (n·(n + arcs) = ${fmt(n * work)} ≤ ${fmt(SCALE.exactPathWork)} BFS steps)`;
  if (mode === "exact" || (mode === "auto" && n * work <= SCALE.exactPathWork)) {
    return { method: "exact", sources: n, seed: null, rule: mode === "exact" ? "exact: every actor a source (asked for)" : exactRule };
  }
  const k = typeof mode === "number" ? Math.max(1, Math.min(n, Math.floor(mode))) : Math.min(n, Math.max(SCALE.minSources, Math.floor(SCALE.sampledPathWork / Math.max(1, work))));
  if (k >= n) return { method: "exact", sources: n, seed: null, rule: exactRule };
  const sample = sampleWithoutReplacement(n, k, seed);
  const why = typeof mode === "number" ? "asked for" : `n·(n + arcs) = ${fmt(n * work)} > ${fmt(SCALE.exactPathWork)} BFS steps`;
  return { method: "sampled", sources: k, seed, rule: `sampled: ${k} of ${n} actors as sources, seed ${seed} (Brandes–Pich; ${why})`, sample };
}

/** k distinct integers of [0, n), ascending, drawn with the seed (partial Fisher–Yates). */
export function sampleWithoutReplacement(n: number, k: number, seed: number): Int32Array {
  const rng = seededRng(seed);
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, k).sort();
}

/** The number of permutations a test runs: `asked`, or fewer when reps · (n + arcs) is over the budget. */
export function permutationReps(asked: number, n: number, arcs: number): { reps: number; reduced: boolean; rule: string } {
  const cap = Math.max(SCALE.minPermutations, Math.floor(SCALE.permutationWork / Math.max(1, n + arcs)));
  if (asked <= cap) return { reps: asked, reduced: false, rule: `${asked} permutations` };
  return { reps: cap, reduced: true, rule: `${cap} permutations instead of ${asked}: reps·(n + arcs) kept within ${fmt(SCALE.permutationWork)}` };
}

function fmt(x: number): string {
  return x >= 1e6 ? x.toExponential(1).replace("e+", "e") : String(x);
}
