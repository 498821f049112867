/**
 * GraphML (visone, yEd, igraph, networkx, Gephi): read and write nodes and ties with typed attributes.
 *
 * Reading walks an @xmldom/xmldom document after the entity guard of xml.ts (no DTD, no entity expansion,
 * no external file is ever read). `<key attr.name attr.type>` declarations give the attribute names and
 * types (boolean, int, long, float, double, string); `<default>` values apply; keys without `attr.name`
 * (yFiles graphics) are skipped and reported. Names are mapped to the model's fields as in columns.ts
 * (`label`, `kind`, `inCluster`, `stage` … for actors; `relation`, `weight`, `wave`, `tieType` for ties),
 * sigma-reserved names are renamed (`type` → `type_`) and reported. Undirected edges (`edgedefault` or
 * `directed="false"`) become two ties marked `undirected` (see properties.ts). Nested graphs are flattened
 * and hyperedges refused, each with a warning. Files written by igraph (node ids n0, n1, … and a `name`
 * attribute) get the names as actor ids.
 *
 * Writing: one `<key>` per attribute with its type, node ids = actor ids, ties in flow direction. A graph
 * whose ties are all undirected pairs is written with `edgedefault="undirected"`; in a graph mixing both,
 * undirected pairs are written as two directed edges with `undirected=true` (networkx refuses mixed files).
 */
import { withNonResponseAttribute } from "./nonResponse.js";
import type { AttributeValue, ClusterGraph } from "../model/types.js";
import { parseBoolean, parseNumber, type Format, type ImportResult, type InputFile, type ReadOptions, type WriteResult } from "./format.js";
import { attributeColumns, buildPropertyGraph, edgesToWrite, valueText, type PropertyDecl, type PropertyNetwork, type TypedColumn, type ValueType } from "./properties.js";
import { ImportReport } from "./report.js";
import { child, children, parseXml, where, xmlEscape } from "./xml.js";

interface Key {
  id: string;
  name: string;
  for: string;
  type: string;
  default?: string;
  at: { line?: number; column?: number };
}

function typed(raw: string, type: string): AttributeValue | undefined {
  const t = type.toLowerCase();
  if (t === "int" || t === "long" || t === "float" || t === "double" || t === "integer") return parseNumber(raw);
  if (t === "boolean") return parseBoolean(raw);
  return raw;
}

/** Read a GraphML document. */
export function parseGraphml(files: InputFile[], options: ReadOptions = {}): ImportResult {
  const direction = options.direction ?? "flow";
  const report = new ImportReport("graphml", direction);
  const file = files[0];
  report.files.push(file.name);
  const net: PropertyNetwork = { nodeKeys: [], edgeKeys: [], nodes: [], edges: [] };
  const done = () => ({ graph: buildPropertyGraph(net, file.name, report, options, "GraphML"), report });
  const doc = parseXml(file.text, file.name, report);
  if (!doc) return done();
  const root = doc.documentElement as Element;
  if ((root.localName ?? root.nodeName) !== "graphml") {
    report.error(file.name, "not-graphml", `the root element is <${root.nodeName}>, not <graphml>`, where(root), "is this a GEXF file? use --format gexf");
    return done();
  }
  const keys = new Map<string, Key>();
  let skippedKeys = 0;
  for (const k of children(root, "key")) {
    const id = k.getAttribute("id") ?? "";
    const name = k.getAttribute("attr.name");
    if (!name) {
      skippedKeys++;
      continue;
    }
    const def = child(k, "default");
    keys.set(id, { id, name, for: k.getAttribute("for") || "all", type: k.getAttribute("attr.type") || "string", default: def ? (def.textContent ?? "") : undefined, at: where(k) });
  }
  if (skippedKeys > 0) report.info(file.name, "graphml-key-skipped", `${skippedKeys} key(s) without attr.name (application graphics such as yFiles) skipped`);
  const keysFor = (what: "node" | "edge") => [...keys.values()].filter((k) => k.for === what || k.for === "all");
  const nodeKeys = keysFor("node");
  const edgeKeys = keysFor("edge");
  net.nodeKeys = nodeKeys.map((k): PropertyDecl => ({ name: k.name, at: k.at }));
  net.edgeKeys = edgeKeys.map((k): PropertyDecl => ({ name: k.name, at: k.at }));

  let yedLabels = 0;
  const undeclaredNode = new Map<string, PropertyDecl>();
  const undeclaredEdge = new Map<string, PropertyDecl>();
  const values = (el: Element, declared: Key[], what: string): Map<string, AttributeValue> => {
    const out = new Map<string, AttributeValue>();
    for (const k of declared) {
      if (k.default === undefined) continue;
      const v = typed(k.default, k.type);
      if (v !== undefined) out.set(k.name, v);
    }
    for (const d of children(el, "data")) {
      const keyId = d.getAttribute("key") ?? "";
      const k = keys.get(keyId);
      const raw = d.textContent ?? "";
      if (!k) {
        if (children(d).length > 0) {
          // Application XML (yFiles graphics): yEd keeps a node's visible name in a NodeLabel.
          const label = d.getElementsByTagNameNS("*", "NodeLabel")[0] ?? d.getElementsByTagName("y:NodeLabel")[0];
          const text = label?.textContent?.trim();
          if (text && !out.has("label")) {
            out.set("label", text);
            yedLabels++;
          }
          continue;
        }
        report.warn(file.name, "undeclared-attribute", `${what} has data for key "${keyId}", which is not declared; read under that name (as text, or as the model's field of that name)`, where(d), "declare the key with <key id=… attr.name=… attr.type=…>");
        if (raw.trim() !== "") out.set(keyId, raw);
        // Mapped like a declared name: a model field (inCluster, weight …) is parsed as that field.
        const seen = declared === nodeKeys ? undeclaredNode : undeclaredEdge;
        if (!seen.has(keyId)) seen.set(keyId, { name: keyId, at: where(d) });
        continue;
      }
      const v = typed(raw, k.type);
      if (v === undefined) {
        if (raw.trim() !== "") {
          report.warn(file.name, "bad-value", `${what}: "${raw}" is not a valid ${k.type} for "${k.name}"; kept as text`, where(d));
          out.set(k.name, raw);
        } else out.delete(k.name);
      } else out.set(k.name, v);
    }
    return out;
  };

  const graphs = children(root, "graph");
  if (graphs.length === 0) {
    report.error(file.name, "not-graphml", "no <graph> element", where(root), "a GraphML file holds a <graph>");
    return done();
  }
  if (graphs.length > 1) report.warn(file.name, "graphml-several-graphs", `${graphs.length} <graph> elements; all are read into one network`, where(graphs[1]));
  for (const d of children(graphs[0], "data")) {
    const k = keys.get(d.getAttribute("key") ?? "");
    if (k && k.name === "name" && (d.textContent ?? "").trim()) net.name = (d.textContent ?? "").trim();
  }
  let nested = 0;
  const walk = (g: Element, parentDirected: boolean) => {
    const ed = g.getAttribute("edgedefault");
    const directed = ed === null ? parentDirected : ed !== "undirected";
    for (const el of children(g)) {
      const tag = el.localName ?? el.nodeName;
      if (tag === "node") {
        const id = el.getAttribute("id") ?? "";
        net.nodes.push({ id, values: values(el, nodeKeys, `node "${id}"`), at: where(el) });
        for (const sub of children(el, "graph")) {
          nested++;
          walk(sub, directed);
        }
      } else if (tag === "edge") {
        const source = el.getAttribute("source") ?? "";
        const target = el.getAttribute("target") ?? "";
        const dAttr = el.getAttribute("directed");
        const isDirected = dAttr === "true" ? true : dAttr === "false" ? false : directed;
        net.edges.push({ source, target, directed: isDirected, values: values(el, edgeKeys, `edge ${source} → ${target}`), at: where(el) });
      } else if (tag === "hyperedge") {
        report.warn(file.name, "graphml-hyperedge", "hyperedge ignored: a tie joins exactly two actors", where(el), "replace the hyperedge by edges");
      }
    }
  };
  for (const g of graphs) walk(g, false);
  for (const [keys, seen] of [[net.nodeKeys, undeclaredNode], [net.edgeKeys, undeclaredEdge]] as const) {
    for (const [name, decl] of seen) if (!keys.some((k) => k.name === name)) keys.push(decl);
  }
  if (yedLabels > 0) {
    report.note(`${yedLabels} node label(s) taken from yEd NodeLabel graphics`);
    if (!net.nodeKeys.some((k) => k.name === "label")) net.nodeKeys.push({ name: "label", at: {} });
  }
  // igraph writes generated node ids (n0, n1, …) and the vertex names as a `name` attribute: the names are
  // the actor ids then.
  const names = net.nodes.map((n) => n.values.get("name"));
  if (
    net.nodes.length > 0 &&
    net.nodes.every((n, i) => n.id === `n${i}`) &&
    names.every((x) => typeof x === "string" && x.trim() !== "") &&
    new Set(names).size === names.length
  ) {
    const rename = new Map(net.nodes.map((n, i) => [n.id, String(names[i]).trim()] as const));
    for (const n of net.nodes) {
      n.id = rename.get(n.id)!;
      n.values.delete("name");
    }
    for (const e of net.edges) {
      e.source = rename.get(e.source) ?? e.source;
      e.target = rename.get(e.target) ?? e.target;
    }
    net.nodeKeys = net.nodeKeys.filter((k) => k.name !== "name");
    report.note("node ids n0, n1, … with a name attribute (as igraph writes GraphML): the names are taken as actor ids");
  }
  if (nested > 0) report.warn(file.name, "graphml-nested", `${nested} nested graph(s) flattened into one network`, undefined, "nested graphs are read as ordinary nodes and edges");
  return done();
}

const GRAPHML_TYPE: Record<ValueType, string> = { boolean: "boolean", integer: "int", long: "long", double: "double", string: "string" };

/** Write a graph as GraphML (ties in flow direction). */
export function writeGraphml(graph: ClusterGraph): string {
  const edges = edgesToWrite(graph);
  const allUndirected = edges.length > 0 && edges.every((e) => e.undirected);
  const mixed = !allUndirected && edges.some((e) => e.undirected);
  const nodeCols = attributeColumns(graph, "node");
  const edgeCols: TypedColumn[] = attributeColumns(graph, "edge");
  if (mixed && !edgeCols.some((c) => c.name === "undirected")) edgeCols.push({ name: "undirected", type: "boolean" });
  const nodeKey = new Map<string, string>();
  const edgeKey = new Map<string, string>();
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>\n`);
  out.push(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n`);
  const name = graph.getAttribute("name");
  if (typeof name === "string" && name) out.push(`  <key id="g_name" for="graph" attr.name="name" attr.type="string"/>\n`);
  nodeCols.forEach((c, i) => {
    nodeKey.set(c.name, `v${i}`);
    out.push(`  <key id="v${i}" for="node" attr.name="${xmlEscape(c.name)}" attr.type="${GRAPHML_TYPE[c.type]}"/>\n`);
  });
  edgeCols.forEach((c, i) => {
    edgeKey.set(c.name, `e${i}`);
    out.push(`  <key id="e${i}" for="edge" attr.name="${xmlEscape(c.name)}" attr.type="${GRAPHML_TYPE[c.type]}"/>\n`);
  });
  out.push(`  <graph id="G" edgedefault="${allUndirected ? "undirected" : "directed"}">\n`);
  if (typeof name === "string" && name) out.push(`    <data key="g_name">${xmlEscape(name)}</data>\n`);
  const data = (a: Record<string, AttributeValue | undefined>, cols: TypedColumn[], ids: Map<string, string>) => {
    let s = "";
    for (const c of cols) {
      const v = a[c.name];
      if (v === undefined || v === null) continue;
      s += `      <data key="${ids.get(c.name)}">${xmlEscape(valueText(v, c.type))}</data>\n`;
    }
    return s;
  };
  graph.forEachNode((id, a) => {
    const body = data(a, nodeCols, nodeKey);
    out.push(body ? `    <node id="${xmlEscape(id)}">\n${body}    </node>\n` : `    <node id="${xmlEscape(id)}"/>\n`);
  });
  let i = 0;
  const edge = (source: string, target: string, a: Record<string, AttributeValue | undefined>) => {
    out.push(`    <edge id="e${i++}" source="${xmlEscape(source)}" target="${xmlEscape(target)}">\n${data(a, edgeCols, edgeKey)}    </edge>\n`);
  };
  for (const e of edges) {
    if (mixed && e.undirected) {
      const a = { ...e.attributes, undirected: true };
      edge(e.source, e.target, a);
      if (e.source !== e.target) edge(e.target, e.source, a);
    } else edge(e.source, e.target, { ...e.attributes });
  }
  out.push(`  </graph>\n</graphml>\n`);
  return out.join("");
}

export const graphmlFormat: Format = {
  name: "graphml",
  description: "GraphML (visone, yEd, igraph, networkx): nodes and ties with typed attributes",
  extensions: [".graphml"],
  sniff(file) {
    return /<graphml[\s>]/.test(file.text.slice(0, 2048)) ? 1 : 0;
  },
  read: (files, options) => parseGraphml(files, options),
  write: (graph, base): WriteResult => [{ name: base.toLowerCase().endsWith(".graphml") ? base : `${base}.graphml`, data: writeGraphml(withNonResponseAttribute(graph)) }],
};
