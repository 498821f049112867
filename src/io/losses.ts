/**
 * What each written format cannot hold, said in the writer's notes (never dropped silently): one table for
 * every format, applied by the format registry to every writer. Losses the writers report themselves (actor
 * attributes and non-response in a matrix or roster, tie attributes in DL and Pajek, undirected pairs as
 * arcs) are not repeated here.
 *
 * | format | cannot hold |
 * |---|---|
 * | json | — (everything the model holds) |
 * | tidy, xlsx, gexf, graphml | empty text values (an empty cell or value reads back as missing) |
 * | dl, dl-edgelist1, pajek | empty text values (in the actor table beside the file); tie types given in the data |
 * | matrix | tie types given in the data; relation names; rounds |
 * | roster | tie types given in the data; rounds; `respondent = false` of an actor not listed in nonRespondents (no row) |
 */
import type { ClusterGraph } from "../model/types.js";
import type { WriteOptions } from "./format.js";
import { deriveTieType } from "../model/tieType.js";

export type Loss = "emptyText" | "givenTieType" | "relation" | "round" | "respondentFlag";

export const CANNOT_HOLD: Readonly<Record<string, readonly Loss[]>> = {
  json: [],
  tidy: ["emptyText"],
  xlsx: ["emptyText"],
  gexf: ["emptyText"],
  graphml: ["emptyText"],
  dl: ["emptyText", "givenTieType"],
  "dl-edgelist1": ["emptyText", "givenTieType"],
  pajek: ["emptyText", "givenTieType"],
  matrix: ["givenTieType", "relation", "round"],
  roster: ["givenTieType", "round", "respondentFlag"],
};

const FORMAT_NAME: Record<string, string> = { tidy: "tidy files", xlsx: "XLSX", gexf: "GEXF", graphml: "GraphML", dl: "DL", "dl-edgelist1": "a DL edge list", pajek: "Pajek", matrix: "a matrix", roster: "a roster" };

/** The notes for what `graph` holds that format `format` cannot (empty when it loses nothing). */
export function lossNotes(graph: ClusterGraph, format: string): string[] {
  const losses = CANNOT_HOLD[format] ?? [];
  const where = FORMAT_NAME[format] ?? format;
  const notes: string[] = [];
  if (losses.includes("emptyText")) {
    let n = 0;
    let example: string | undefined;
    const count = (owner: string, a: Record<string, unknown>) => {
      for (const k of Object.keys(a)) {
        if (a[k] !== "" || k === "label") continue;
        n++;
        example ??= `${k} of ${owner}`;
      }
    };
    graph.forEachNode((id, a) => count(`actor ${JSON.stringify(id)}`, a));
    graph.forEachEdge((_e, a, s, t) => count(`tie ${JSON.stringify(s)} → ${JSON.stringify(t)}`, a));
    if (n > 0) notes.push(`${n} empty text value(s) (e.g. ${example}) are written as empty in ${where} and read back as missing; JSON keeps them`);
  }
  if (losses.includes("givenTieType")) {
    let given = 0;
    let differ = 0;
    graph.forEachEdge((_e, a, s, t) => {
      if (a.tieTypeGiven !== true) return;
      given++;
      if (deriveTieType(graph.getNodeAttributes(s), graph.getNodeAttributes(t)) !== a.tieType) differ++;
    });
    if (given > 0) notes.push(`${given} tie type(s) given in the data are not written in ${where}: read back, every tie type is derived from the actors' inCluster and stage (${differ} of them then differ from the given one); tidy, JSON, XLSX, GEXF and GraphML keep them`);
  }
  if (losses.includes("relation") || losses.includes("round")) {
    const relations = new Set<string>();
    const rounds = new Set<string>();
    graph.forEachEdge((_e, a) => {
      relations.add(a.relation);
      if (a.wave !== undefined) rounds.add(a.wave);
    });
    if (losses.includes("relation") && relations.size > 0) notes.push(`the relation name (${[...relations].sort().join(", ")}) is not written in ${where}: read it back with --relation ${[...relations].sort()[0]}`);
    if (losses.includes("round") && rounds.size > 0) notes.push(`the survey round (${[...rounds].sort().join(", ")}) is not written in ${where}: read it back with --wave ${[...rounds].sort()[0]}`);
  }
  if (losses.includes("respondentFlag")) {
    const listed = new Set(Object.values(graph.getAttribute("nonRespondents") ?? {}).flat());
    const flagged = graph.filterNodes((id, a) => a.respondent === false && !listed.has(id));
    if (flagged.length > 0) notes.push(`${flagged.length} actor(s) marked respondent = false (e.g. ${JSON.stringify(flagged[0])}) get no row in ${where}: read back they are actors only named, without the respondent flag; tidy, JSON, XLSX, GEXF and GraphML keep it`);
  }
  return notes;
}

/** Push the loss notes of `format` for `graph` into `options.notes` (when the caller collects notes). */
export function noteLosses(graph: ClusterGraph, format: string, options: WriteOptions): void {
  if (!Array.isArray(options.notes)) return;
  (options.notes as string[]).push(...lossNotes(graph, format));
}
