/**
 * Verdicts per relation, side by side: the diagnosis (diagnosis/diagnose.ts) run on each relation alone and
 * on all relations pooled, so that a verdict that flips when a relation is taken alone is visible (e.g. a
 * cluster closed in technical advice and open in business). Ties are knowledge flow source → target; the
 * pooled column sums the strengths of parallel ties (collapse rule `sum`, as `diagnose` by default).
 */
import type { ClusterGraph } from "../model/types.js";
import { relationsOf } from "../model/graph.js";
import { filterTies } from "../model/views.js";
import { AnalysisRefused } from "../model/errors.js";
import { diagnose, VERDICT_NAMES, type DiagnoseOptions, type Diagnosis, type VerdictName } from "./diagnose.js";

export interface RelationVerdicts {
  /** A relation name, or `pooled` for all relations together. */
  relation: string;
  ties: number;
  verdicts: Record<VerdictName, { holds: boolean | null; summary: string }>;
  diagnosis: Diagnosis;
}

export interface ByRelationResult {
  relations: string[];
  columns: RelationVerdicts[];
  /** Verdicts that do not agree across the columns. */
  disagreements: VerdictName[];
}

/** Diagnose each relation alone and all pooled (see the module comment). */
export function diagnoseByRelation(graph: ClusterGraph, options: DiagnoseOptions & { relations?: string[] } = {}): ByRelationResult {
  const relations = options.relations ?? relationsOf(graph);
  if (relations.length === 0) throw new AnalysisRefused("the network has no ties: no relation to diagnose");
  const run = (relation: string, g: ClusterGraph): RelationVerdicts => {
    const d = diagnose(g, options);
    const verdicts = Object.fromEntries(d.verdicts.map((v) => [v.name, { holds: v.holds, summary: v.summary }])) as RelationVerdicts["verdicts"]; // keys from code
    return { relation, ties: g.size, verdicts, diagnosis: d };
  };
  const columns = relations.map((r) => run(r, filterTies(graph, { relations: [r] })));
  if (relations.length > 1) columns.push(run("pooled", filterTies(graph, { relations })));
  const disagreements = VERDICT_NAMES.filter((v) => new Set(columns.map((c) => c.verdicts[v].holds)).size > 1);
  return { relations, columns, disagreements };
}
