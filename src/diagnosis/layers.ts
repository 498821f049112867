/**
 * Relations as layers: is the knowledge network the business network? (Bell & Albu, as cited by Schmitz
 * & Nadvi 1999: key actors of one may be unimportant in the other.) For every pair of relations A, B over
 * the same actors:
 *
 * - **overlap**: ordered pairs (i, j), i ≠ j, with a tie i → j in A, in B, in both (`shared`), and the
 *   Jaccard index `shared / (|A| + |B| − shared)` (NaN when neither has a tie), over the dyads observed in
 *   both relations (a non-respondent's nominations are left out of both);
 * - **graph correlation** of the two 0/1 (or weighted) matrices, sna `gcor`, with a seeded QAP test
 *   (sna `qaptest`): the share of `reps` actor relabellings of B whose correlation with A is ≥ the
 *   observed one;
 * - **actors that differ most**: each relation alone gets the gatekeeper ranking and the cognitive roles
 *   (diagnosis/gatekeepers.ts, roles.ts); actors are ordered by the difference of their gatekeeper rank
 *   between A and B, and those whose cognitive role changes are named.
 *
 * Ties are knowledge flow source → target. Each relation is analysed alone here — never pooled.
 */
import type { ClusterGraph } from "../model/types.js";
import { relationsOf } from "../model/graph.js";
import { filterTies, type WeightRule } from "../model/views.js";
import { relationMatrix } from "../model/dyadic.js";
import { AnalysisRefused } from "../model/errors.js";
import { qapCorrelation, type PermutationTest } from "../metrics/qap.js";
import { gatekeepers, type GatekeeperOptions } from "./gatekeepers.js";
import type { CognitiveRole } from "./roles.js";

export interface LayersOptions {
  /** Relations to compare (default: every relation of the graph). */
  relations?: string[];
  /** QAP permutations (default 1000) and their seed (default 1). */
  reps?: number;
  seed?: number;
  /** Value of a dyad for the correlation: `binary` (default, tie or not) or a collapse rule over strengths. */
  weight?: WeightRule;
  /** Number of actors listed per pair (default 5). */
  top?: number;
  /** Options of the per-relation gatekeeper ranking and cognitive roles. */
  gatekeeper?: GatekeeperOptions;
}

export interface LayerSummary {
  relation: string;
  /** Ordered pairs with a tie (parallel ties collapsed). */
  ties: number;
  /** Dyads missing (non-respondents of this relation). */
  missingDyads: number;
  /** The first actor of its gatekeeper ranking. */
  topGatekeeper?: string;
  roleCounts: Record<CognitiveRole, number>;
}

export interface ActorLayerDifference {
  id: string;
  label: string;
  rankA: number;
  rankB: number;
  /** |rankA − rankB|. */
  rankDifference: number;
  roleA: CognitiveRole;
  roleB: CognitiveRole;
  roleChanged: boolean;
}

export interface LayerPair {
  a: string;
  b: string;
  /** Dyads observed in both relations. */
  dyads: number;
  tiesA: number;
  tiesB: number;
  shared: number;
  jaccard: number;
  correlation: number;
  qap: PermutationTest;
  /** Actors by decreasing rank difference (the first `top`). */
  actors: ActorLayerDifference[];
  /** Number of inside actors whose cognitive role differs between the two relations. */
  roleChanges: number;
}

export interface LayersResult {
  options: { relations: string[]; reps: number; seed: number; weight: WeightRule; top: number; direction: string };
  layers: LayerSummary[];
  pairs: LayerPair[];
}

/** Compare every pair of relations of the graph (see the module comment). */
export function layers(graph: ClusterGraph, options: LayersOptions = {}): LayersResult {
  const all = relationsOf(graph);
  const relations = options.relations ?? all;
  for (const r of relations) if (!all.includes(r)) throw new AnalysisRefused(`no ties of relation "${r}" (relations: ${all.join(", ") || "none"})`);
  if (relations.length < 2) throw new AnalysisRefused(`layers compares relations and the data has ${relations.length === 1 ? "only one" : "none"} (${relations.join(", ") || "no ties"})`);
  const reps = options.reps ?? 1000;
  const seed = options.seed ?? 1;
  const weight = options.weight ?? "binary";
  const top = options.top ?? 5;
  const ids = graph.nodes();
  const n = ids.length;
  const matrices = new Map(relations.map((r) => [r, relationMatrix(graph, r, { weight, ids })] as const));
  const ranked = new Map(relations.map((r) => [r, gatekeepers(filterTies(graph, { relations: [r] }), options.gatekeeper ?? {})] as const));
  const summaries: LayerSummary[] = relations.map((r) => {
    const m = matrices.get(r)!;
    let ties = 0;
    let missing = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const v = m.values[i * n + j];
        if (Number.isNaN(v)) missing++;
        else if (v !== 0) ties++;
      }
    }
    const g = ranked.get(r)!;
    const roleCounts = {} as Record<CognitiveRole, number>;
    for (const row of g.ranking) roleCounts[row.role] = (roleCounts[row.role] ?? 0) + 1;
    const first = g.ranking[0];
    return { relation: r, ties, missingDyads: missing, ...(first && first.score > 0 ? { topGatekeeper: first.id } : {}), roleCounts };
  });
  const pairs: LayerPair[] = [];
  for (let p = 0; p < relations.length; p++) {
    for (let q = p + 1; q < relations.length; q++) {
      const A = matrices.get(relations[p])!;
      const B = matrices.get(relations[q])!;
      let dyads = 0;
      let tiesA = 0;
      let tiesB = 0;
      let shared = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const a = A.values[i * n + j];
          const b = B.values[i * n + j];
          if (i === j || Number.isNaN(a) || Number.isNaN(b)) continue;
          dyads++;
          if (a !== 0) tiesA++;
          if (b !== 0) tiesB++;
          if (a !== 0 && b !== 0) shared++;
        }
      }
      const qap = qapCorrelation(A, B, { reps, seed });
      const ra = new Map(ranked.get(relations[p])!.ranking.map((row) => [row.id, row] as const));
      const rb = new Map(ranked.get(relations[q])!.ranking.map((row) => [row.id, row] as const));
      const diffs: ActorLayerDifference[] = [];
      for (const id of ids) {
        const x = ra.get(id);
        const y = rb.get(id);
        if (!x || !y) continue;
        diffs.push({ id, label: x.label, rankA: x.rank, rankB: y.rank, rankDifference: Math.abs(x.rank - y.rank), roleA: x.role, roleB: y.role, roleChanged: x.role !== y.role });
      }
      const roleChanges = diffs.filter((d) => d.roleChanged && d.roleA !== "outside").length;
      diffs.sort((u, v) => v.rankDifference - u.rankDifference || Number(v.roleChanged) - Number(u.roleChanged) || Math.min(u.rankA, u.rankB) - Math.min(v.rankA, v.rankB));
      pairs.push({
        a: relations[p],
        b: relations[q],
        dyads,
        tiesA,
        tiesB,
        shared,
        jaccard: tiesA + tiesB - shared === 0 ? NaN : shared / (tiesA + tiesB - shared),
        correlation: qap.observed,
        qap: { ...qap },
        actors: diffs.slice(0, top),
        roleChanges,
      });
    }
  }
  return { options: { relations, reps, seed, weight, top, direction: graph.getAttribute("direction") ?? "flow" }, layers: summaries, pairs };
}
