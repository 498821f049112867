/**
 * What each written format cannot hold, said in the writer's notes (never dropped silently): one table for
 * every format, applied by the format registry to every writer. Losses the writers report themselves (actor
 * attributes and non-response in a matrix or roster, tie attributes in DL and Pajek, undirected pairs as
 * arcs) are not repeated here.
 *
 * | format | cannot hold |
 * |---|---|
 * | json | — (everything the model holds) |
 * | tidy, xlsx | empty text values (an empty cell or value reads back as missing); an attribute mixing numbers, text and booleans; graph attributes; missing and structural cells |
 * | gexf, graphml | the same, but the graph's `name`; and control characters (XML 1.0 has no way to write them) |
 * | dl, dl-edgelist1, pajek | empty text values and mixed attributes (in the actor table beside the file); tie types given in the data; graph attributes but `name` (Pajek); missing and structural cells |
 * | matrix | tie types given in the data; relation names; rounds; graph attributes; missing and structural cells |
 * | roster | tie types given in the data; rounds; `respondent = false` of an actor not listed in nonRespondents (no row); graph attributes; missing and structural cells |
 *
 * Graph attributes that every format states in its own way, or whose loss is said elsewhere, are not listed:
 * `direction` (the model's ties are always knowledge flows), `nonRespondents` (the respondent flags).
 */
import type { ClusterGraph } from "../model/types.js";
import type { WriteOptions } from "./format.js";
import { deriveTieType } from "../model/tieType.js";
import { NOT_IN_XML } from "./xml.js";

export type Loss = "emptyText" | "givenTieType" | "relation" | "round" | "respondentFlag" | "controlCharacters" | "mixedTypes" | "graphAttributes" | "recordedCells";

const TABLES: readonly Loss[] = ["emptyText", "mixedTypes", "graphAttributes", "recordedCells"];

export const CANNOT_HOLD: Readonly<Record<string, readonly Loss[]>> = {
  json: [],
  tidy: TABLES,
  xlsx: TABLES,
  gexf: [...TABLES, "controlCharacters"],
  graphml: [...TABLES, "controlCharacters"],
  dl: [...TABLES, "givenTieType"],
  "dl-edgelist1": [...TABLES, "givenTieType"],
  pajek: [...TABLES, "givenTieType"],
  matrix: ["givenTieType", "relation", "round", "graphAttributes", "recordedCells"],
  roster: ["givenTieType", "round", "respondentFlag", "graphAttributes", "recordedCells"],
};

/** The graph attributes a format writes (`name` as GEXF's description, GraphML's graph data, Pajek's `*Network`). */
const GRAPH_ATTRIBUTES_KEPT: Readonly<Record<string, readonly string[]>> = { gexf: ["name"], graphml: ["name"], pajek: ["name"] };

/** Graph attributes every format states in its own way, whose loss another note says, or that a round view adds (`roundsUsed`: the ties' wave column says it). */
const GRAPH_ATTRIBUTES_SAID = new Set(["direction", "nonRespondents", "missingTies", "structuralTies", "roundNonRespondents", "roundsUsed"]);


const FORMAT_NAME: Record<string, string> = { tidy: "tidy files", xlsx: "XLSX", gexf: "GEXF", graphml: "GraphML", dl: "DL", "dl-edgelist1": "a DL edge list", pajek: "Pajek", matrix: "a matrix", roster: "a roster" };

/** The notes for what `graph` holds that format `format` cannot (empty when it loses nothing). */
export function lossNotes(graph: ClusterGraph, format: string): string[] {
  const losses = CANNOT_HOLD[format] ?? [];
  const where = FORMAT_NAME[format] ?? format;
  const notes: string[] = [];
  if (losses.includes("emptyText")) {
    const { n, example } = valuesWhere(graph, (k, v) => v === "" && k !== "label");
    if (n > 0) notes.push(`${n} empty text value(s) (e.g. ${example}) are written as empty in ${where} and read back as missing; JSON keeps them`);
  }
  if (losses.includes("controlCharacters")) {
    const { n, example } = valuesWhere(graph, (_k, v) => typeof v === "string" && NOT_IN_XML.test(v), true);
    if (n > 0) notes.push(`${n} text value(s) hold control characters (e.g. ${example}), which XML 1.0 cannot hold: they are left out in ${where}; tidy, XLSX, Pajek and JSON keep them`);
  }
  if (losses.includes("mixedTypes")) {
    const mixed = (each: (visit: (a: Record<string, unknown>) => void) => void, what: string) => {
      const kinds = new Map<string, Set<string>>();
      each((a) => {
        for (const k of Object.keys(a)) {
          const v = a[k];
          if (v === undefined || v === null || v === "" || k === "label") continue;
          let set = kinds.get(k);
          if (!set) kinds.set(k, (set = new Set()));
          set.add(typeof v === "string" ? "text" : typeof v === "number" ? "numbers" : typeof v === "boolean" ? "booleans" : "lists");
        }
      });
      for (const [k, set] of kinds) {
        if (set.size < 2) continue;
        notes.push(`the ${what} attribute ${JSON.stringify(k)} mixes ${[...set].sort().join(" and ")}: written as it is, it reads back from ${where} as one column of text; JSON keeps each value's type`);
      }
    };
    mixed((visit) => graph.forEachNode((_id, a) => visit(a)), "actor");
    mixed((visit) => graph.forEachEdge((_e, a) => visit(a)), "tie");
  }
  if (losses.includes("graphAttributes")) {
    const kept = GRAPH_ATTRIBUTES_KEPT[format] ?? [];
    const attrs = graph.getAttributes() as Record<string, unknown>;
    const lost = Object.keys(attrs).filter((k) => attrs[k] !== undefined && !kept.includes(k) && !GRAPH_ATTRIBUTES_SAID.has(k));
    if (lost.length > 0) notes.push(`the network's own attribute(s) ${lost.map((k) => `${k} = ${short(attrs[k])}`).join(", ")} are not written in ${where}; JSON keeps them`);
  }
  if (losses.includes("recordedCells")) {
    const cells = (k: string) => (Array.isArray(graph.getAttribute(k)) ? (graph.getAttribute(k) as unknown[]).length : 0);
    const missing = cells("missingTies");
    const structural = cells("structuralTies");
    if (missing > 0) notes.push(`${missing} missing cell(s) (NA, . or a missing code in the matrix) are not written in ${where}: read back they are absent ties, not unknown ones; JSON keeps them`);
    if (structural > 0) notes.push(`${structural} structural cell(s) (RSiena's 10 and 11) are not written as such in ${where}: a structural one reads back as a plain tie, a structural zero as no tie; JSON keeps them`);
    if (graph.getAttribute("roundNonRespondents") !== undefined) notes.push(`which actors did not respond in each round is not written in ${where}: read back, the respondent flags are those of the network as a whole; JSON keeps them`);
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

/**
 * How many attribute values of actors and ties pass `test` (with `ids`, actor ids too, as `id`), and the
 * first of them in words (`note of actor "b"`).
 */
function valuesWhere(graph: ClusterGraph, test: (key: string, value: unknown) => boolean, ids = false): { n: number; example?: string } {
  let n = 0;
  let example: string | undefined;
  const visit = (a: Record<string, unknown>, owner: () => string) => {
    for (const k of Object.keys(a)) {
      if (!test(k, a[k])) continue;
      n++;
      example ??= `${k} of ${owner()}`;
    }
  };
  graph.forEachNode((id, a) => {
    if (ids && test("id", id)) {
      n++;
      example ??= `the id ${JSON.stringify(id)}`;
    }
    visit(a, () => `actor ${JSON.stringify(id)}`);
  });
  graph.forEachEdge((_e, a, s, t) => visit(a, () => `tie ${JSON.stringify(s)} → ${JSON.stringify(t)}`));
  return { n, example };
}

/** A graph attribute's value in a note: its JSON, cut at 60 characters. */
function short(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? text.slice(0, 57) + "…" : text;
}

/** Push the loss notes of `format` for `graph` into `options.notes` (when the caller collects notes). */
export function noteLosses(graph: ClusterGraph, format: string, options: WriteOptions): void {
  if (!Array.isArray(options.notes)) return;
  (options.notes as string[]).push(...lossNotes(graph, format));
}
