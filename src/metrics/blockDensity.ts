/**
 * Block densities: how densely knowledge flows within each group and from each group to each other.
 *
 *   density(g → h) = ties(g → h) / possible(g → h),
 *   possible = n_g(n_g − 1) when g = h, n_g·n_h otherwise
 *
 * Directed: row = the group that gives knowledge, column = the group that receives it (ties are
 * knowledge flow source → target). Computed on the collapsed {@link Digraph}: one arc per ordered pair,
 * self-loops left out. `ties` counts arcs; `strength` sums their strengths (weights are strengths), and
 * `weightedDensity = strength / possible` is the mean strength per ordered pair (sna `gden` with
 * `ignore.eval = FALSE` applied to a block). This is the density table of a blockmodel (UCINET
 * *Network > Blockmodels*, R sna `blockmodel(g, ec)$block.model`, which matches `density` here).
 *
 * The pooled `withinDensity` = Σ_g ties(g → g) / Σ_g n_g(n_g − 1) and `betweenDensity` =
 * Σ_{g≠h} ties(g → h) / Σ_{g≠h} n_g·n_h summarise whether groups are denser inside than across.
 *
 * {@link groupTieTypes} counts the ties of the multigraph itself (one per relation and wave) from group
 * to group by the classes of the tie-type mix (horizontal / vertical / institutional / external,
 * metrics/tieTypeMix.ts): every tie of the graph, the actors outside the partition (the outside actors
 * when the groups are of inside actors only) in one group of their own.
 */
import type { ClusterGraph } from "../model/types.js";
import type { Digraph } from "../model/views.js";
import { encodePartition, type Partition } from "./partition.js";
import { MIX_CLASSES, mixClass, type MixClass, type TieTypeMixOptions } from "./tieTypeMix.js";

export interface BlockDensity {
  groups: string[];
  sizes: number[];
  /** ties[g][h]: arcs from group g to group h. */
  ties: number[][];
  /** strength[g][h]: sum of the strengths of those arcs. */
  strength: number[][];
  /** possible[g][h]: ordered pairs from g to h (i ≠ j). */
  possible: number[][];
  /** density[g][h] = ties / possible; NaN when no pair is possible (a one-actor group on the diagonal). */
  density: number[][];
  /** weightedDensity[g][h] = strength / possible. */
  weightedDensity: number[][];
  withinDensity: number;
  betweenDensity: number;
}

const matrix = (k: number) => Array.from({ length: k }, () => new Array<number>(k).fill(0));

/** The block density matrix of a digraph for a partition (labels in Digraph index order). */
export function blockDensity(g: Digraph, partition: readonly string[] | Partition): BlockDensity {
  const p = "codes" in partition ? partition : encodePartition(partition);
  if (p.codes.length !== g.n) throw new Error(`blockDensity: the partition has ${p.codes.length} labels for ${g.n} actors`);
  const k = p.groups.length;
  const ties = matrix(k);
  const strength = matrix(k);
  for (let i = 0; i < g.n; i++) {
    const ci = p.codes[i];
    for (let a = g.outStart[i]; a < g.outStart[i + 1]; a++) {
      const cj = p.codes[g.outAdj[a]];
      ties[ci][cj]++;
      strength[ci][cj] += g.outW[a];
    }
  }
  const possible = matrix(k);
  const density = matrix(k);
  const weightedDensity = matrix(k);
  let tw = 0;
  let pw = 0;
  let tb = 0;
  let pb = 0;
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      const pos = a === b ? p.sizes[a] * (p.sizes[a] - 1) : p.sizes[a] * p.sizes[b];
      possible[a][b] = pos;
      density[a][b] = pos === 0 ? NaN : ties[a][b] / pos;
      weightedDensity[a][b] = pos === 0 ? NaN : strength[a][b] / pos;
      if (a === b) {
        tw += ties[a][b];
        pw += pos;
      } else {
        tb += ties[a][b];
        pb += pos;
      }
    }
  }
  return {
    groups: p.groups,
    sizes: p.sizes,
    ties,
    strength,
    possible,
    density,
    weightedDensity,
    withinDensity: pw === 0 ? NaN : tw / pw,
    betweenDensity: pb === 0 ? NaN : tb / pb,
  };
}

export interface GroupTieTypes {
  /** The groups of the partition, then the group of the actors outside it when any of its actors has a tie. */
  groups: string[];
  /** The tie-type rule and the name of the group of actors outside the partition (null: their ties left out). */
  options: { rule: "institutional" | "classic"; outside: string | null };
  /** One row per ordered group pair with at least one tie: counts of ties by tie-type class. */
  pairs: { from: string; to: string; total: number; byType: Record<MixClass, number> }[];
}

export interface GroupTieTypesOptions extends TieTypeMixOptions {
  /**
   * The group of the actors not in `ids` (e.g. "outside the cluster" when the groups are of inside actors):
   * every tie of the graph is then counted. Without it those actors' ties are left out.
   */
  outside?: string;
}

/**
 * Ties from group to group by tie-type class (metrics/tieTypeMix.ts: horizontal, vertical, institutional
 * under the default rule, external), counted on the multigraph (each relation and wave its own tie,
 * self-loops included as ties within the group). `ids` and `partition` give each actor's group (Digraph
 * order); actors not in `ids` are in the group `options.outside`, or left out with their ties when it is
 * not given. Rows are in group order (from, then to), the outside group last.
 */
export function groupTieTypes(graph: ClusterGraph, ids: readonly string[], partition: readonly string[] | Partition, options: GroupTieTypesOptions = {}): GroupTieTypes {
  const p = "codes" in partition ? partition : encodePartition(partition);
  const groupOf = new Map<string, number>();
  ids.forEach((id, i) => groupOf.set(id, p.codes[i]));
  const outside = options.outside ?? null;
  // The outside group's code is k − 1 (after the partition's groups); its name never clashes with theirs.
  const outsideName = outside === null ? null : p.groups.includes(outside) ? `${outside} (not grouped)` : outside;
  const k = p.groups.length + (outside === null ? 0 : 1);
  const counts = new Map<number, Record<MixClass, number>>();
  graph.forEachEdge((_e, a, s, t, sa, ta) => {
    const gs = groupOf.get(s) ?? (outside === null ? undefined : k - 1);
    const gt = groupOf.get(t) ?? (outside === null ? undefined : k - 1);
    if (gs === undefined || gt === undefined) return;
    const key = gs * k + gt;
    let c = counts.get(key);
    if (!c) {
      c = Object.fromEntries(MIX_CLASSES.map((x) => [x, 0])) as Record<MixClass, number>; // keys from code
      counts.set(key, c);
    }
    c[mixClass(a.tieType, sa, ta, options)]++;
  });
  const groups = outsideName === null ? p.groups : [...p.groups, outsideName];
  const pairs = [...counts.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([key, byType]) => ({
      from: groups[Math.floor(key / k)],
      to: groups[key % k],
      total: MIX_CLASSES.reduce((s, t) => s + byType[t], 0),
      byType,
    }));
  const used = outsideName !== null && pairs.some((x) => x.from === outsideName || x.to === outsideName);
  return { groups: used ? groups : p.groups, options: { rule: options.rule ?? "institutional", outside: outsideName }, pairs };
}
