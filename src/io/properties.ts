/**
 * Attributed networks (GEXF, GraphML, and any format whose nodes and edges carry typed attributes): turning
 * parsed nodes/edges with named values into a {@link ClusterGraph}, and a graph back into typed attribute
 * columns for writers. One place decides how attribute names map to the model's fields, how sigma-reserved
 * names are renamed (the rule of columns.ts: `type` → `type_`, reported), and how undirected edges are kept.
 *
 * Undirected edges: knowledge flows both ways along an undirected tie, so one undirected edge is read as two
 * ties a → b and b → a, each with the tie attribute `undirected: true`. Writers pair such ties back into one
 * undirected edge when both halves agree on every attribute, so the round trip is exact.
 */
import { readNonResponseAttribute } from "./nonResponse.js";
import type { AttributeValue, ClusterGraph, TieAttributes, TieType } from "../model/types.js";
import { addActor, addTie, createClusterGraph, describeDirection } from "../model/graph.js";
import { parseTieType } from "../model/tieType.js";
import { ACTOR_COLUMN_ALIASES, TIE_COLUMN_ALIASES, mapColumns } from "./columns.js";
import { parseBoolean, parseNumber, type ReadOptions } from "./format.js";
import type { ImportReport } from "./report.js";
import { dict, safeAttributeName } from "../model/dict.js";

export interface At {
  line?: number;
  column?: number;
}

/** A declared attribute (GEXF `<attribute>`, GraphML `<key>`) and where it was declared. */
export interface PropertyDecl {
  name: string;
  at: At;
}

export interface PropertyNode {
  id: string;
  /** Values by declared name; names not declared are added by the reader (e.g. viz colour as `color_`). */
  values: Map<string, AttributeValue>;
  at: At;
}

export interface PropertyEdge {
  source: string;
  target: string;
  directed: boolean;
  values: Map<string, AttributeValue>;
  at: At;
}

export interface PropertyNetwork {
  name?: string;
  nodeKeys: PropertyDecl[];
  edgeKeys: PropertyDecl[];
  nodes: PropertyNode[];
  edges: PropertyEdge[];
}

type Mapped = { field?: string; attr?: string };

const withoutKeys = (aliases: Record<string, string[]>, drop: string[]) => Object.fromEntries(Object.entries(aliases).filter(([k]) => !drop.includes(k))); // keys from code
const ACTOR_ALIASES = withoutKeys(ACTOR_COLUMN_ALIASES, ["id"]);
const TIE_ALIASES = withoutKeys(TIE_COLUMN_ALIASES, ["source", "target"]);
/** Tie attributes with a fixed meaning in addition to the tie columns. */
const TIE_EXTRA_FIELDS = new Set(["tieTypeGiven", "nominator", "undirected"]);

/**
 * Map declared attribute names to model fields (by the aliases of columns.ts) or free attributes (reserved
 * names renamed and reported, with the declaration's own line and column).
 */
function mapNames(keys: PropertyDecl[], aliases: Record<string, string[]>, report: ImportReport, file: string, fixed: Set<string>): Map<string, Mapped> {
  const out = new Map<string, Mapped>();
  const rest = keys.filter((k) => !fixed.has(k.name));
  for (const k of keys) if (fixed.has(k.name)) out.set(k.name, { field: k.name });
  const before = report.issues.length;
  const cols = mapColumns(
    rest.map((k) => k.name),
    aliases,
    report,
    file,
    0,
    (f) => f,
  );
  // mapColumns points at a header row; point at each declaration instead.
  for (const issue of report.issues.slice(before)) {
    const k = rest[issue.column ?? 0];
    issue.line = k?.at.line;
    issue.column = k?.at.column;
    issue.message = issue.message.replace(/^column /, "attribute ");
  }
  for (const [field, index] of Object.entries(cols.fields)) out.set(rest[index].name, { field });
  for (const e of cols.extras) out.set(rest[e.index].name, { attr: e.name });
  return out;
}

const asText = (v: AttributeValue): string => (v === null ? "" : String(v));

function asBoolean(v: AttributeValue): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v === "string") return parseBoolean(v);
  return undefined;
}

function asNumber(v: AttributeValue): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string") return parseNumber(v);
  return undefined;
}

/** Build the cluster graph of an attributed network. `format` names the source in notes ("GEXF", "GraphML"). */
export function buildPropertyGraph(net: PropertyNetwork, file: string, report: ImportReport, options: ReadOptions, format: string): ClusterGraph {
  const direction = options.direction ?? "flow";
  const graph = createClusterGraph({ direction, ...(net.name ? { name: net.name } : {}) });
  const nodeMap = mapNames(net.nodeKeys, ACTOR_ALIASES, report, file, new Set());
  const edgeMap = mapNames(net.edgeKeys, TIE_ALIASES, report, file, TIE_EXTRA_FIELDS);
  const nodeLine = new Map<string, number | undefined>();
  for (const n of net.nodes) {
    report.count("rowsRead");
    if (n.id === "") {
      report.error(file, "empty-id", "node without an id; dropped", n.at, "give every node an id");
      report.count("rowsDropped");
      continue;
    }
    if (graph.hasNode(n.id)) {
      report.error(file, "duplicate-id", `node id "${n.id}" already defined${nodeLine.get(n.id) ? ` on line ${nodeLine.get(n.id)}` : ""}; this one is dropped`, n.at, "make node ids unique");
      report.count("rowsDropped");
      continue;
    }
    nodeLine.set(n.id, n.at.line);
    const attrs: Record<string, AttributeValue> = dict();
    for (const [name, value] of n.values) {
      if (value === null || value === undefined || (typeof value === "string" && value === "")) continue;
      const m = nodeMap.get(name) ?? { attr: safeAttributeName(name) };
      if (m.attr !== undefined) {
        attrs[m.attr] = value;
        continue;
      }
      switch (m.field) {
        case "label":
        case "stage":
        case "group":
          attrs[m.field] = asText(value);
          break;
        case "kind":
          attrs.kind = asText(value).toLowerCase();
          break;
        case "inCluster":
        case "respondent": {
          const b = asBoolean(value);
          if (b === undefined) report.warn(file, "bad-boolean", `${m.field} "${asText(value)}" of node "${n.id}" is not true/false; ignored`, n.at, "write true/false");
          else attrs[m.field] = b;
          break;
        }
        case "x":
        case "y": {
          const x = asNumber(value);
          if (x === undefined) report.warn(file, "bad-number", `${m.field} "${asText(value)}" of node "${n.id}" is not a number; ignored`, n.at);
          else attrs[m.field] = x;
          break;
        }
      }
    }
    addActor(graph, n.id, attrs);
  }
  const asks = direction === "asks";
  let undirected = 0;
  for (const e of net.edges) {
    report.count("rowsRead");
    let bad = false;
    for (const end of [e.source, e.target]) {
      if (!graph.hasNode(end)) {
        report.error(file, "unknown-actor", `edge names node "${end}", which is not declared; edge dropped`, e.at, "declare the node, or correct the edge's source/target");
        bad = true;
      }
    }
    if (bad) {
      report.count("rowsDropped");
      continue;
    }
    const tie: Record<string, AttributeValue | undefined> = dict();
    let weight = 1;
    let tieTypeText: string | undefined;
    let given: boolean | undefined;
    let dropped = false;
    for (const [name, value] of e.values) {
      if (value === null || value === undefined || (typeof value === "string" && value === "")) continue;
      const m = edgeMap.get(name) ?? { attr: safeAttributeName(name) };
      if (m.attr !== undefined) {
        tie[m.attr] = value;
        continue;
      }
      switch (m.field) {
        case "relation":
        case "wave":
        case "nominator":
          tie[m.field] = asText(value);
          break;
        case "tieType":
          tieTypeText = asText(value);
          break;
        case "tieTypeGiven":
          given = asBoolean(value);
          break;
        case "undirected":
          tie.undirected = asBoolean(value) ?? undefined;
          break;
        case "weight": {
          const w = asNumber(value);
          if (w === undefined) {
            report.error(file, "bad-weight", `weight "${asText(value)}" is not a number; edge dropped`, e.at, "write tie strengths as numbers");
            dropped = true;
          } else if (w < 0) {
            report.error(file, "negative-weight", `weight ${w} is negative; edge dropped`, e.at, "tie strengths must be ≥ 0; code negative ties as a separate relation");
            dropped = true;
          } else if (w === 0) {
            report.warn(file, "zero-weight", "weight 0 means no tie; edge dropped", e.at, "remove absent ties, or give the tie a strength");
            dropped = true;
          } else weight = w;
          break;
        }
      }
    }
    if (dropped) {
      report.count("rowsDropped");
      continue;
    }
    let tieType: TieType | undefined;
    if (tieTypeText !== undefined && given !== false) {
      tieType = parseTieType(tieTypeText);
      if (tieType === undefined) report.warn(file, "bad-tie-type", `tie type "${tieTypeText}" is not horizontal, vertical or external; derived from the actors instead`, e.at);
    }
    const relation = (tie.relation as string | undefined) || options.relation || "knowledge";
    const wave = (tie.wave as string | undefined) || options.wave || undefined;
    delete tie.relation;
    delete tie.wave;
    const ends: [string, string][] = e.directed ? [[e.source, e.target]] : [[e.source, e.target], [e.target, e.source]];
    if (!e.directed) {
      undirected++;
      tie.undirected = true;
    }
    if (e.source === e.target) {
      report.warn(file, "self-loop", `edge from "${e.source}" to itself; kept as a self-loop`, e.at, "remove self-nominations unless they mean something in your survey");
      if (!e.directed) ends.pop();
    }
    for (const [a, b] of ends) {
      const [source, target] = asks ? [b, a] : [a, b];
      const added = addTie(graph, source, target, { ...tie, relation, weight, wave, tieType, ...(asks && tie.nominator === undefined ? { nominator: a } : {}) });
      if (added.contradiction) {
        report.warn(file, "tie-type-contradiction", `tie type given as ${added.contradiction.given}, but the actors make it ${added.contradiction.derived}; the given type is kept`, e.at, "check the actors' inCluster and stage, or the tie type");
      }
    }
  }
  if (undirected > 0) report.note(`${undirected} undirected edge(s) read as two ties each (a → b and b → a), marked undirected=true; writers pair them back`);
  report.note(`${format}: ${describeDirection(direction)}`);
  report.counts.actors = graph.order;
  report.counts.ties = graph.size;
  readNonResponseAttribute(graph, report);
  return graph;
}

// ---------------------------------------------------------------------------------------------------------
// Writing

export type ValueType = "boolean" | "integer" | "long" | "double" | "string";

export interface TypedColumn {
  name: string;
  type: ValueType;
}

function typeOfValues(values: AttributeValue[]): ValueType {
  let bool = true;
  let num = true;
  let int = true;
  let int32 = true;
  for (const v of values) {
    if (typeof v !== "boolean") bool = false;
    if (typeof v !== "number") num = false;
    else if (!Number.isInteger(v)) int = false;
    else if (v > 2147483647 || v < -2147483648) int32 = false;
  }
  if (bool) return "boolean";
  if (num) return int ? (int32 ? "integer" : "long") : "double";
  return "string";
}

/**
 * The attribute columns of a graph's actors or ties (fixed fields included), each with one type. Ties always
 * get a `tieTypeGiven` column (false when the type was derived).
 */
export function attributeColumns(graph: ClusterGraph, of: "node" | "edge", skip: string[] = []): TypedColumn[] {
  const values = new Map<string, AttributeValue[]>();
  const collect = (a: Record<string, AttributeValue | undefined>) => {
    for (const [k, v] of Object.entries(a)) {
      if (v === undefined || v === null || skip.includes(k)) continue;
      let list = values.get(k);
      if (!list) values.set(k, (list = []));
      list.push(v);
    }
  };
  if (of === "node") graph.forEachNode((_n, a) => collect(a));
  else graph.forEachEdge((_e, a) => collect({ ...a, tieTypeGiven: a.tieTypeGiven === true }));
  return [...values.entries()].map(([name, vs]) => ({ name, type: typeOfValues(vs) }));
}

/** A value written under a column of the given type (mixed columns are written as text). */
export function valueText(v: AttributeValue, type: ValueType): string {
  if (type === "string") return String(v);
  if (type === "boolean") return v ? "true" : "false";
  return String(v);
}

export interface WrittenEdge {
  key: string;
  source: string;
  target: string;
  attributes: TieAttributes;
  /** true when this edge stands for two ties a → b and b → a marked undirected. */
  undirected: boolean;
}

function sameTie(a: TieAttributes, b: TieAttributes): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The edges to write: ties marked `undirected` are paired with their reverse twin (same attributes) into one
 * undirected edge; every other tie is one directed edge. Order follows the graph's edge order.
 */
export function edgesToWrite(graph: ClusterGraph): WrittenEdge[] {
  const used = new Set<string>();
  const out: WrittenEdge[] = [];
  graph.forEachEdge((key, stored, source, target) => {
    if (used.has(key)) return;
    // tieTypeGiven is written for every tie, so that a reader tells a given type from a derived one.
    const attributes: TieAttributes = { ...stored, tieTypeGiven: stored.tieTypeGiven === true };
    used.add(key);
    if (attributes.undirected === true && source !== target) {
      const twin = graph.outEdges(target, source).find((k) => !used.has(k) && sameTie(graph.getEdgeAttributes(k), stored));
      if (twin !== undefined) {
        used.add(twin);
        const { undirected: _u, ...rest } = attributes;
        out.push({ key, source, target, attributes: rest as TieAttributes, undirected: true });
        return;
      }
    }
    if (attributes.undirected === true && source === target) {
      const { undirected: _u, ...rest } = attributes;
      out.push({ key, source, target, attributes: rest as TieAttributes, undirected: true });
      return;
    }
    out.push({ key, source, target, attributes, undirected: false });
  });
  return out;
}
