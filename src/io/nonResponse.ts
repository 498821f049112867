/**
 * Per-relation non-response (the graph attribute `nonRespondents`: relation → the actors who left that
 * question blank, whose ties are missing, not absent) carried as one actor attribute, `nonRespondentFor`:
 * the relations joined by `;`. Formats with one table of actor attributes and no graph-level data (tidy
 * nodes.csv, the XLSX nodes sheet, GEXF and GraphML node attributes) write it so, and read it back.
 */
import type { ClusterGraph } from "../model/types.js";
import { dict } from "../model/dict.js";
import type { ImportReport } from "./report.js";

export const NON_RESPONSE_ATTRIBUTE = "nonRespondentFor";

/** The relations each non-respondent left blank, `;`-joined and sorted, by actor id. */
export function nonResponseByActor(graph: ClusterGraph): Map<string, string> {
  const byActor = new Map<string, string[]>();
  for (const [rel, ids] of Object.entries(graph.getAttribute("nonRespondents") ?? {})) for (const id of ids) byActor.set(id, [...(byActor.get(id) ?? []), rel]);
  return new Map([...byActor].map(([id, rels]) => [id, rels.sort().join(";")] as const));
}

/** The graph with `nonRespondentFor` set on every non-respondent (a copy; the graph itself when nobody is one). */
export function withNonResponseAttribute(graph: ClusterGraph): ClusterGraph {
  const byActor = nonResponseByActor(graph);
  if (byActor.size === 0) return graph;
  const out = graph.copy() as ClusterGraph;
  out.removeAttribute("nonRespondents");
  for (const [id, rels] of byActor) if (out.hasNode(id)) out.setNodeAttribute(id, NON_RESPONSE_ATTRIBUTE, rels);
  return out;
}

/** Read `nonRespondentFor` actor attributes back into the graph attribute `nonRespondents` (and drop them). */
export function readNonResponseAttribute(graph: ClusterGraph, report: ImportReport): void {
  const merged: Record<string, string[]> = dict(graph.getAttribute("nonRespondents") ?? {});
  let actors = 0;
  graph.forEachNode((id, a) => {
    const v = a[NON_RESPONSE_ATTRIBUTE];
    if (v === undefined || v === null) return;
    graph.removeNodeAttribute(id, NON_RESPONSE_ATTRIBUTE);
    const rels = String(v).split(";").map((r) => r.trim()).filter((r) => r !== "");
    if (rels.length > 0) actors++;
    for (const rel of rels) merged[rel] = [...new Set([...(merged[rel] ?? []), id])].sort();
  });
  if (actors === 0) return;
  graph.setAttribute("nonRespondents", merged);
  report.note(`${actors} actor(s) read as non-respondents from the ${NON_RESPONSE_ATTRIBUTE} attribute: their ties of ${Object.keys(merged).sort().join(", ")} are missing, not absent`);
}
