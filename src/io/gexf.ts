/**
 * GEXF (Gephi, Gephi Lite, networkx, graphology): read and write with node and tie attributes and their
 * types, isolates, positions and colours.
 *
 * Reading uses its own walk over an @xmldom/xmldom document rather than graphology-gexf's parser, so that
 * every problem names its line and column, the document passes the entity guard of xml.ts first, and
 * undeclared attributes, dynamic values and bad weights are reported instead of thrown.
 *
 * Mapping: node `label` → actor label; attributes titled like the model's fields (kind, inCluster, stage,
 * group, respondent …) → those fields; other attributes → free actor attributes with their declared type
 * (sigma-reserved titles renamed `type` → `type_`, reported). `viz:position` → x, y (z kept as `z`);
 * `viz:color` → `color_` (`#rrggbb`, or `rgba(r,g,b,a)` when a < 1); `viz:size` → `size_`; `viz:shape` →
 * `shape_`; on edges `viz:thickness` → `thickness_`. Edge `weight` → tie weight; edge `kind` → relation
 * when no `relation` attribute is given; undirected and mutual edges → two ties marked `undirected`
 * (properties.ts). A file holds one network: a second `<graph>` is refused (an error at its line), not
 * merged into the first or left out. A value for an undeclared attribute is read under its `for` name and
 * mapped like a declared one (an undeclared `inCluster` is the boolean field).
 *
 * Writing emits GEXF 1.2draft (read by Gephi 0.8+, Gephi Lite, networkx, graphology; `gexfVersion: "1.3"`
 * for 1.3). Colours are written as `viz:color r g b` with no `a` unless the alpha is below 1 (Gephi Lite
 * ignores colours carrying `a`). A graph whose ties are all undirected pairs is written undirected; in a
 * graph mixing both, undirected pairs are written as two directed edges with `undirected=true` (networkx
 * refuses mixed GEXF).
 */
import { withNonResponseAttribute } from "./nonResponse.js";
import type { AttributeValue, ClusterGraph } from "../model/types.js";
import { parseBoolean, parseNumber, type Format, type ImportResult, type InputFile, type ReadOptions, type WriteOptions, type WriteResult } from "./format.js";
import { attributeColumns, buildPropertyGraph, edgesToWrite, valueText, type PropertyDecl, type PropertyEdge, type PropertyNetwork, type PropertyNode, type TypedColumn, type ValueType } from "./properties.js";
import { ImportReport } from "./report.js";
import { child, children, parseXml, where, xmlEscape } from "./xml.js";

interface GexfAttribute {
  id: string;
  title: string;
  type: string;
  default?: string;
  at: { line?: number; column?: number };
}

function typedValue(raw: string, type: string): AttributeValue | undefined {
  const t = type.toLowerCase();
  if (t === "integer" || t === "long" || t === "double" || t === "float" || t === "short" || t === "byte" || t === "bigdecimal" || t === "biginteger") return parseNumber(raw);
  if (t === "boolean") return parseBoolean(raw);
  return raw;
}

/** `viz:color` as `#rrggbb`, or `rgba(r,g,b,a)` when an alpha below 1 is given. */
function vizColor(el: Element): string | undefined {
  const hex = el.getAttribute("hex");
  if (hex) return hex.startsWith("#") ? hex.toLowerCase() : `#${hex.toLowerCase()}`;
  const part = (n: string) => {
    const v = parseNumber(el.getAttribute(n) ?? "");
    return v === undefined ? undefined : Math.max(0, Math.min(255, Math.round(v)));
  };
  const r = part("r");
  const g = part("g");
  const b = part("b");
  if (r === undefined || g === undefined || b === undefined) return undefined;
  const aText = el.getAttribute("a");
  const a = aText ? parseNumber(aText) : undefined;
  if (a !== undefined && a < 1) return `rgba(${r},${g},${b},${a})`;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, "0")).join("")}`;
}

/** Parse a CSS-like colour back into r, g, b (0–255) and a (0–1). */
export function parseColor(text: string): { r: number; g: number; b: number; a: number } | undefined {
  const t = text.trim().toLowerCase();
  let m = /^#([0-9a-f]{6})$/.exec(t);
  if (m) return { r: parseInt(m[1].slice(0, 2), 16), g: parseInt(m[1].slice(2, 4), 16), b: parseInt(m[1].slice(4, 6), 16), a: 1 };
  m = /^#([0-9a-f]{3})$/.exec(t);
  if (m) return { r: parseInt(m[1][0] + m[1][0], 16), g: parseInt(m[1][1] + m[1][1], 16), b: parseInt(m[1][2] + m[1][2], 16), a: 1 };
  m = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(t);
  if (m) {
    const [r, g, b] = [m[1], m[2], m[3]].map(Number);
    const a = m[4] === undefined ? 1 : Number(m[4]);
    if ([r, g, b].every((x) => x <= 255) && a >= 0 && a <= 1) return { r, g, b, a };
  }
  return undefined;
}

function vizChild(el: Element, name: string): Element | undefined {
  return child(el, name);
}

function readAttributes(graphEl: Element, cls: "node" | "edge", file: string, report: ImportReport): Map<string, GexfAttribute> {
  const out = new Map<string, GexfAttribute>();
  for (const block of children(graphEl, "attributes")) {
    if ((block.getAttribute("class") ?? "") !== cls) continue;
    if (block.getAttribute("mode") === "dynamic") report.warn(file, "gexf-dynamic", "dynamic attributes: the values without time spells are read, time spells are ignored", where(block), "export a static network");
    for (const a of children(block, "attribute")) {
      const id = a.getAttribute("id") ?? "";
      const title = a.getAttribute("title") || id;
      const def = child(a, "default");
      out.set(id, { id, title, type: a.getAttribute("type") || "string", default: def ? (def.textContent ?? "") : undefined, at: where(a) });
    }
  }
  return out;
}

/**
 * The values of a node or edge by attribute title. A value for an undeclared attribute is read under its
 * `for` name, and the name is added to `undeclared` (with where it was first met) so that it is mapped like a
 * declared one: a model field (inCluster, weight …) is parsed as that field, any other name kept as text.
 */
function readValues(el: Element, model: Map<string, GexfAttribute>, file: string, report: ImportReport, what: string, undeclared: Map<string, PropertyDecl>): Map<string, AttributeValue> {
  const values = new Map<string, AttributeValue>();
  for (const a of model.values()) {
    if (a.default !== undefined) {
      const v = typedValue(a.default, a.type);
      if (v !== undefined) values.set(a.title, v);
    }
  }
  const attvalues = child(el, "attvalues");
  if (!attvalues) return values;
  const seen = new Set<string>();
  for (const av of children(attvalues, "attvalue")) {
    const key = av.getAttribute("for") ?? av.getAttribute("id") ?? "";
    const raw = av.getAttribute("value") ?? "";
    const decl = model.get(key);
    if (!decl) {
      report.warn(file, "undeclared-attribute", `${what} has a value for attribute "${key}", which is not declared; read under that name (as text, or as the model's field of that name)`, where(av), "declare the attribute in <attributes>");
      values.set(key, raw);
      if (!undeclared.has(key)) undeclared.set(key, { name: key, at: where(av) });
      continue;
    }
    if (seen.has(key)) {
      report.warn(file, "gexf-dynamic", `${what} has several values for "${decl.title}" (time spells); the first is kept`, where(av), "export a static network, or one file per wave");
      continue;
    }
    seen.add(key);
    const v = typedValue(raw, decl.type);
    if (v === undefined) {
      if (raw.trim() !== "") report.warn(file, "bad-value", `${what}: "${raw}" is not a valid ${decl.type} for "${decl.title}"; kept as text`, where(av));
      if (raw.trim() !== "") values.set(decl.title, raw);
      else values.delete(decl.title);
    } else values.set(decl.title, v);
  }
  return values;
}

/** Read a GEXF document. */
export function parseGexf(files: InputFile[], options: ReadOptions = {}): ImportResult {
  const direction = options.direction ?? "flow";
  const report = new ImportReport("gexf", direction);
  const file = files[0];
  report.files.push(file.name);
  const empty = (): ImportResult => {
    const net: PropertyNetwork = { nodeKeys: [], edgeKeys: [], nodes: [], edges: [] };
    return { graph: buildPropertyGraph(net, file.name, report, options, "GEXF"), report };
  };
  const doc = parseXml(file.text, file.name, report);
  if (!doc) return empty();
  const root = doc.documentElement as Element;
  if (root.localName !== "gexf" && root.nodeName !== "gexf") {
    report.error(file.name, "not-gexf", `the root element is <${root.nodeName}>, not <gexf>`, where(root), "is this a GraphML file? use --format graphml");
    return empty();
  }
  const graphs = children(root, "graph");
  const graphEl = graphs[0];
  if (!graphEl) {
    report.error(file.name, "not-gexf", "no <graph> element", where(root), "a GEXF file holds one <graph>");
    return empty();
  }
  // Two graphs are two networks, not one: refused rather than merged, or the second silently left out.
  for (const other of graphs.slice(1, 11)) {
    report.error(file.name, "gexf-several-graphs", `another <graph> element (${graphs.length} in all): a GEXF file holds one network, and only one graph per file is read`, where(other), "write each network to a file of its own");
  }
  if (graphEl.getAttribute("mode") === "dynamic") report.warn(file.name, "gexf-dynamic", "dynamic network: time spells are ignored, every node and edge is read", where(graphEl), "export one static network per wave");
  const nodeModel = readAttributes(graphEl, "node", file.name, report);
  const edgeModel = readAttributes(graphEl, "edge", file.name, report);
  const defaultType = (graphEl.getAttribute("defaultedgetype") || "undirected").toLowerCase();
  const net: PropertyNetwork = { nodeKeys: [], edgeKeys: [], nodes: [], edges: [] };
  const meta = child(root, "meta");
  const desc = meta ? child(meta, "description") : undefined;
  const name = graphEl.getAttribute("name") || (desc?.textContent ?? "").trim();
  if (name) net.name = name;

  const nodeKeys = new Map<string, PropertyDecl>();
  const edgeKeys = new Map<string, PropertyDecl>();
  for (const a of nodeModel.values()) nodeKeys.set(a.title, { name: a.title, at: a.at });
  for (const a of edgeModel.values()) edgeKeys.set(a.title, { name: a.title, at: a.at });
  let colours = 0;
  const undeclaredNode = new Map<string, PropertyDecl>();
  const undeclaredEdge = new Map<string, PropertyDecl>();

  const nodesEl = children(graphEl, "nodes");
  const walkNodes = (container: Element, parent?: string) => {
    for (const n of children(container, "node")) {
      const id = n.getAttribute("id") ?? "";
      const values = readValues(n, nodeModel, file.name, report, `node "${id}"`, undeclaredNode);
      const label = n.getAttribute("label");
      if (label !== null && label !== "" && !values.has("label")) {
        values.set("label", label);
        if (!nodeKeys.has("label")) nodeKeys.set("label", { name: "label", at: where(n) });
      }
      const pos = vizChild(n, "position");
      if (pos) {
        for (const axis of ["x", "y", "z"] as const) {
          const v = parseNumber(pos.getAttribute(axis) ?? "");
          if (v !== undefined) {
            values.set(axis, v);
            if (!nodeKeys.has(axis)) nodeKeys.set(axis, { name: axis, at: where(pos) });
          }
        }
      }
      const color = vizChild(n, "color");
      if (color) {
        const c = vizColor(color);
        if (c) {
          values.set("color_", c);
          colours++;
        } else report.warn(file.name, "bad-color", `node "${id}": viz:color needs r, g and b; ignored`, where(color));
      }
      const size = vizChild(n, "size");
      if (size) {
        const v = parseNumber(size.getAttribute("value") ?? "");
        if (v !== undefined) values.set("size_", v);
      }
      const shape = vizChild(n, "shape");
      if (shape && shape.getAttribute("value")) values.set("shape_", shape.getAttribute("value")!);
      if (parent !== undefined) values.set("parent", parent);
      net.nodes.push({ id, values, at: where(n) } satisfies PropertyNode);
      // Hierarchical GEXF: sub-nodes become actors with a `parent` attribute.
      for (const sub of children(n, "nodes")) walkNodes(sub, id);
    }
  };
  for (const ne of nodesEl) walkNodes(ne);

  for (const edgesEl of children(graphEl, "edges")) {
    for (const e of children(edgesEl, "edge")) {
      const source = e.getAttribute("source") ?? "";
      const target = e.getAttribute("target") ?? "";
      const type = (e.getAttribute("type") || defaultType).toLowerCase();
      const values = readValues(e, edgeModel, file.name, report, `edge ${source} → ${target}`, undeclaredEdge);
      const weight = e.getAttribute("weight");
      if (weight !== null && weight !== "") {
        values.set("weight", parseNumber(weight) ?? weight);
        if (!edgeKeys.has("weight")) edgeKeys.set("weight", { name: "weight", at: where(e) });
      }
      const kind = e.getAttribute("kind");
      if (kind && !values.has("relation")) {
        values.set("relation", kind);
        if (!edgeKeys.has("relation")) edgeKeys.set("relation", { name: "relation", at: where(e) });
      }
      const label = e.getAttribute("label");
      if (label) {
        values.set("label", label);
        if (!edgeKeys.has("label")) edgeKeys.set("label", { name: "label", at: where(e) });
      }
      const color = vizChild(e, "color");
      if (color) {
        const c = vizColor(color);
        if (c) values.set("color_", c);
      }
      const thickness = vizChild(e, "thickness");
      if (thickness) {
        const v = parseNumber(thickness.getAttribute("value") ?? "");
        if (v !== undefined) values.set("thickness_", v);
      }
      const shape = vizChild(e, "shape");
      if (shape && shape.getAttribute("value")) values.set("shape_", shape.getAttribute("value")!);
      if (type !== "directed" && type !== "undirected" && type !== "mutual") {
        report.warn(file.name, "bad-edge-type", `edge type "${type}" is not directed, undirected or mutual; read as directed`, where(e));
      }
      net.edges.push({ source, target, directed: type !== "undirected" && type !== "mutual", values, at: where(e) } satisfies PropertyEdge);
    }
  }
  for (const [name, decl] of undeclaredNode) if (!nodeKeys.has(name)) nodeKeys.set(name, decl);
  for (const [name, decl] of undeclaredEdge) if (!edgeKeys.has(name)) edgeKeys.set(name, decl);
  net.nodeKeys = [...nodeKeys.values()];
  net.edgeKeys = [...edgeKeys.values()];
  if (colours > 0) report.note(`${colours} node colour(s) from viz:color kept as actor attribute color_ (sigma reserves "color")`);
  const graph = buildPropertyGraph(net, file.name, report, options, "GEXF");
  return { graph, report };
}

// ---------------------------------------------------------------------------------------------------------

const GEXF_TYPE: Record<ValueType, string> = { boolean: "boolean", integer: "integer", long: "long", double: "double", string: "string" };

function attributeBlock(cls: string, cols: TypedColumn[], indent: string): string {
  if (cols.length === 0) return "";
  let s = `${indent}<attributes class="${cls}" mode="static">\n`;
  for (const c of cols) s += `${indent}  <attribute id="${xmlEscape(c.name)}" title="${xmlEscape(c.name)}" type="${GEXF_TYPE[c.type]}"/>\n`;
  return s + `${indent}</attributes>\n`;
}

function attvalues(values: Record<string, AttributeValue | undefined>, cols: TypedColumn[], indent: string): string {
  let s = "";
  for (const c of cols) {
    const v = values[c.name];
    if (v === undefined || v === null) continue;
    s += `${indent}  <attvalue for="${xmlEscape(c.name)}" value="${xmlEscape(valueText(v, c.type))}"/>\n`;
  }
  return s ? `${indent}<attvalues>\n${s}${indent}</attvalues>\n` : "";
}

function colorElement(text: AttributeValue | undefined, indent: string): string {
  if (typeof text !== "string") return "";
  const c = parseColor(text);
  if (!c) return "";
  return `${indent}<viz:color r="${c.r}" g="${c.g}" b="${c.b}"${c.a < 1 ? ` a="${c.a}"` : ""}/>\n`;
}

type Values = Record<string, AttributeValue | undefined>;

function every(graph: ClusterGraph, of: "node" | "edge", test: (a: Values) => boolean): boolean {
  let ok = true;
  if (of === "node") graph.forEachNode((_n, a) => void (ok = ok && test(a)));
  else graph.forEachEdge((_e, a) => void (ok = ok && test(a)));
  return ok;
}

/**
 * Which attributes go to GEXF's own slots (label, viz:position, viz:color …) rather than attvalues: only those
 * that every element can express there, so that reading the file back gives the same values.
 */
function vizPlan(graph: ClusterGraph) {
  const isNum = (v: AttributeValue | undefined) => v === undefined || typeof v === "number";
  const isColor = (v: AttributeValue | undefined) => v === undefined || (typeof v === "string" && parseColor(v) !== undefined);
  const isText = (v: AttributeValue | undefined) => v === undefined || typeof v === "string";
  const position = every(graph, "node", (a) => typeof a.x === typeof a.y && isNum(a.x) && isNum(a.y) && isNum(a.z) && (a.z === undefined || a.x !== undefined));
  return {
    node: {
      position,
      color: every(graph, "node", (a) => isColor(a.color_)),
      size: every(graph, "node", (a) => isNum(a.size_)),
      shape: every(graph, "node", (a) => isText(a.shape_)),
    },
    edge: {
      color: every(graph, "edge", (a) => isColor(a.color_)),
      thickness: every(graph, "edge", (a) => isNum(a.thickness_)),
      shape: every(graph, "edge", (a) => isText(a.shape_)),
    },
  };
}

/** Write a graph as GEXF (ties in flow direction). */
export function writeGexf(graph: ClusterGraph, options: WriteOptions = {}): string {
  const v13 = options.gexfVersion === "1.3";
  const ns = v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft";
  const edges = edgesToWrite(graph);
  const allUndirected = edges.length > 0 && edges.every((e) => e.undirected);
  const mixed = !allUndirected && edges.some((e) => e.undirected);
  const plan = vizPlan(graph);
  const nodeNative = new Set(["label"]);
  if (plan.node.position) ["x", "y", "z"].forEach((k) => nodeNative.add(k));
  if (plan.node.color) nodeNative.add("color_");
  if (plan.node.size) nodeNative.add("size_");
  if (plan.node.shape) nodeNative.add("shape_");
  const edgeNative = new Set(["weight"]);
  if (plan.edge.color) edgeNative.add("color_");
  if (plan.edge.thickness) edgeNative.add("thickness_");
  if (plan.edge.shape) edgeNative.add("shape_");
  const nodeCols = attributeColumns(graph, "node").filter((c) => !nodeNative.has(c.name));
  const edgeCols = attributeColumns(graph, "edge").filter((c) => !edgeNative.has(c.name));
  if (mixed && !edgeCols.some((c) => c.name === "undirected")) edgeCols.push({ name: "undirected", type: "boolean" });
  const name = typeof graph.getAttribute("name") === "string" ? (graph.getAttribute("name") as string) : "";

  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>\n`);
  out.push(`<gexf xmlns="${ns}" xmlns:viz="${ns}/viz" version="${v13 ? "1.3" : "1.2"}">\n`);
  out.push(`  <meta>\n    <creator>clusterflow</creator>\n${name ? `    <description>${xmlEscape(name)}</description>\n` : ""}  </meta>\n`);
  out.push(`  <graph defaultedgetype="${allUndirected ? "undirected" : "directed"}" mode="static"${name ? ` name="${xmlEscape(name)}"` : ""}>\n`);
  out.push(attributeBlock("node", nodeCols, "    "));
  out.push(attributeBlock("edge", edgeCols, "    "));
  out.push(`    <nodes>\n`);
  graph.forEachNode((id, a) => {
    let s = `      <node id="${xmlEscape(id)}" label="${xmlEscape(a.label ?? id)}">\n`;
    s += attvalues(a, nodeCols, "        ");
    if (plan.node.color) s += colorElement(a.color_, "        ");
    if (plan.node.size && typeof a.size_ === "number") s += `        <viz:size value="${a.size_}"/>\n`;
    if (plan.node.position && typeof a.x === "number" && typeof a.y === "number") {
      s += `        <viz:position x="${a.x}" y="${a.y}"${typeof a.z === "number" ? ` z="${a.z}"` : ""}/>\n`;
    }
    if (plan.node.shape && typeof a.shape_ === "string") s += `        <viz:shape value="${xmlEscape(a.shape_)}"/>\n`;
    out.push(s + `      </node>\n`);
  });
  out.push(`    </nodes>\n    <edges>\n`);
  let i = 0;
  const edge = (source: string, target: string, a: Values) => {
    const kind = v13 ? ` kind="${xmlEscape(String(a.relation))}"` : "";
    let s = `      <edge id="${i++}" source="${xmlEscape(source)}" target="${xmlEscape(target)}" weight="${a.weight}"${kind}>\n`;
    s += attvalues(a, edgeCols, "        ");
    if (plan.edge.color) s += colorElement(a.color_, "        ");
    if (plan.edge.thickness && typeof a.thickness_ === "number") s += `        <viz:thickness value="${a.thickness_}"/>\n`;
    if (plan.edge.shape && typeof a.shape_ === "string") s += `        <viz:shape value="${xmlEscape(a.shape_)}"/>\n`;
    out.push(s + `      </edge>\n`);
  };
  for (const e of edges) {
    if (mixed && e.undirected) {
      // networkx refuses undirected edges in a directed GEXF: write both halves, marked.
      const a: Values = { ...e.attributes, undirected: true };
      edge(e.source, e.target, a);
      if (e.source !== e.target) edge(e.target, e.source, a);
    } else edge(e.source, e.target, { ...e.attributes });
  }
  out.push(`    </edges>\n  </graph>\n</gexf>\n`);
  return out.join("");
}

function withExtension(base: string, ext: string): string {
  return base.toLowerCase().endsWith(ext) ? base : `${base}${ext}`;
}

export const gexfFormat: Format = {
  name: "gexf",
  description: "GEXF (Gephi, Gephi Lite, networkx): nodes and ties with typed attributes, positions and colours",
  extensions: [".gexf"],
  sniff(file) {
    const head = file.text.slice(0, 2048);
    return /<gexf[\s>]/.test(head) ? 1 : 0;
  },
  read: (files, options) => parseGexf(files, options),
  write: (graph, base, options): WriteResult => [{ name: withExtension(base, ".gexf"), data: writeGexf(withNonResponseAttribute(graph), options) }],
};
