/**
 * graphology JSON: the shape of `graph.export()` —
 * `{ attributes, options, nodes: [{ key, attributes }], edges: [{ key?, source, target, attributes, undirected? }] }`.
 *
 * Export keeps everything of a cluster graph: actor ids and attributes, ties with relation, weight, wave, tie
 * type (and whether it was given), nominator and free attributes, and the graph attributes (`direction`,
 * `nonRespondents`, name …). Edge keys graphology made up (`geid_…`) are left out so that the same graph
 * always gives the same bytes; keys that came from the data are kept.
 *
 * Import treats the file as untrusted: every problem is reported with its JSON path (`edges[12].attributes.weight`)
 * and its line and column in the file. Rules:
 * - A file whose graph attributes carry `direction` (`flow` or `asks`) was written by clusterflow: its ties
 *   are already stored as knowledge flow and are read as they are (a `--direction` that disagrees is ignored
 *   with a warning). Any other file is read with `--direction` (default `flow`; `asks` reverses every edge).
 * - `weight` must be a number ≥ 0 (missing → 1, counted); a tie of weight 0 is dropped with a warning.
 *   `relation` defaults to `--relation` or `knowledge`; `wave` is kept as text.
 * - `tieType` with `tieTypeGiven: true` is a given type; a `tieType` without that flag is taken as given only
 *   when it disagrees with the one derived from the actors (and the disagreement is reported).
 * - Undirected edges (or `options.type: "undirected"`) become two ties, one each way (warned, counted).
 * - Actor attributes with names sigma reserves (`type`, `size`, `color` …) are renamed with a `_` suffix;
 *   nested objects and arrays are kept as JSON text (warned).
 */
import { finishImport } from "./format.js";
import type { ActorAttributes, AttributeValue, ClusterAttributes, ClusterGraph, NominationDirection, TieAttributes } from "../model/types.js";
import { RESERVED_ATTRIBUTES } from "../model/types.js";
import { createClusterGraph } from "../model/graph.js";
import { parseTieType, resolveTieType } from "../model/tieType.js";
import type { Format, ImportResult, InputFile, ReadOptions, WriteOptions } from "./format.js";
import { ImportReport } from "./report.js";
import { dict, safeAttributeName } from "../model/dict.js";
import { MAX_DEPTH } from "./limits.js";
import { positionOf } from "./xml.js";

type Path = (string | number)[];

/** `edges[3].attributes.weight` */
export function jsonPath(path: Path): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? (s === "" ? p : `.${p}`) : `[${JSON.stringify(p)}]`;
  return s === "" ? "(top level)" : s;
}

interface ScanResult {
  /** Position (line, column, 1-based) of each wanted path. */
  positions: Map<string, { line: number; column: number }>;
  error?: { line: number; column: number; message: string };
}

/**
 * Walk JSON text once, checking its syntax and noting where the values at `wanted` paths start. Used for
 * syntax errors (with the exact position, which `JSON.parse` does not always give) and to put line and
 * column on validation problems.
 */
export function scanJson(text: string, wanted: Set<string> = new Set()): ScanResult {
  const positions = new Map<string, { line: number; column: number }>();
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  const pos = () => ({ line, column: i - lineStart + 1 });
  class Fail extends Error {}
  let failure: ScanResult["error"];
  const fail = (message: string): never => {
    failure = { ...pos(), message };
    throw new Fail(message);
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        line++;
        lineStart = i + 1;
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        line++;
        lineStart = i + 1;
      } else if (c !== 32 && c !== 9 && c !== 0xfeff) break;
      i++;
    }
  };
  const str = (): string => {
    const start = i;
    i++;
    let out = "";
    let from = i;
    while (true) {
      if (i >= n) {
        i = start;
        fail("a string is never closed (missing \")");
      }
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 10 || c === 13) fail("line break inside a string (write it as \\n)");
      if (c === 92) {
        out += text.slice(from, i);
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("bad \\u escape in a string");
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          const map: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
          if (!(e in map)) fail(`bad escape \\${e ?? ""} in a string`);
          out += map[e];
          i += 2;
        }
        from = i;
        continue;
      }
      i++;
    }
    out += text.slice(from, i);
    i++;
    return out;
  };
  const value = (path: string, depth: number): void => {
    ws();
    if (i >= n) fail("the text ends where a value was expected");
    if (wanted.has(path)) positions.set(path, pos());
    if (depth > 512) fail("nesting too deep");
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      while (true) {
        ws();
        if (text[i] !== '"') fail(text[i] === "}" ? "a comma before } (trailing commas are not JSON)" : "expected a property name in double quotes");
        const keyAt = pos();
        const key = str();
        const child = path === "" ? (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`) : /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
        if (wanted.has(`${child}#key`)) positions.set(`${child}#key`, keyAt);
        ws();
        if (text[i] !== ":") fail("expected ':' after a property name");
        i++;
        value(child, depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail("expected ',' or '}' after a property value");
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      let k = 0;
      while (true) {
        value(`${path}[${k++}]`, depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          ws();
          if (text[i] === "]") fail("a comma before ] (trailing commas are not JSON)");
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail("expected ',' or ']' after an array item");
      }
    }
    if (c === '"') {
      str();
      return;
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (m && m[0] !== "" && m[0] !== "-") {
      i += m[0].length;
      return;
    }
    for (const w of ["true", "false", "null"]) {
      if (text.startsWith(w, i)) {
        i += w.length;
        return;
      }
    }
    fail(`unexpected ${JSON.stringify(text.slice(i, i + 12))}: not a JSON value (NaN, Infinity, single quotes and comments are not JSON)`);
  };
  try {
    value("", 0);
    ws();
    if (i < n) fail("text after the end of the JSON document");
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
  }
  return { positions, error: failure };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const GENERATED_KEY = /^geid_\d+_\d+$/;

interface Pending {
  severity: "error" | "warning" | "info";
  code: string;
  path: Path;
  message: string;
  hint?: string;
  key?: boolean;
}

/** Read a graphology JSON export (see the module comment for the rules). */
export function parseJson(files: InputFile[], options: ReadOptions = {}): ImportResult {
  const file = files[0];
  const report = new ImportReport("json", options.direction ?? "flow");
  report.files.push(file.name);
  const pending: Pending[] = [];
  const issue = (severity: Pending["severity"], code: string, path: Path, message: string, hint?: string, key = false) => pending.push({ severity, code, path, message, hint, key });
  const finish = (graph: ClusterGraph): ImportResult => {
    // Put line and column on every problem with one scan of the text.
    const wanted = new Set(pending.slice(0, 5000).flatMap((p) => [jsonPath(p.path) + (p.key ? "#key" : ""), ...p.path.map((_x, k) => jsonPath(p.path.slice(0, k)))]));
    const { positions } = wanted.size > 0 ? scanJson(file.text, wanted) : { positions: new Map() };
    for (const p of pending) {
      // A problem without a position of its own is placed at its nearest located ancestor (the document at worst).
      let at: { line?: number; column?: number } | undefined;
      for (let k = p.path.length; at === undefined && k >= 0; k--) at = positions.get(jsonPath(p.path.slice(0, k)) + (p.key && k === p.path.length ? "#key" : ""));
      at ??= { line: 1, column: 1 };
      report.add({ severity: p.severity, code: p.code, file: file.name, ...at, message: `${jsonPath(p.path)}: ${p.message}`, hint: p.hint });
    }
    report.direction = graph.getAttribute("direction");
    return finishImport(graph, report, report.direction);
  };

  if (file.text.trim() === "") {
    report.error(file.name, "empty-file", "the file is empty", { line: 1, column: 1 }, "export the graph again (graph.export() as JSON)");
    return finish(createClusterGraph({ direction: options.direction ?? "flow" }));
  }
  const deep = deepestNesting(file.text, MAX_DEPTH);
  if (deep !== undefined) {
    report.error(file.name, "too-deep", `values nested more than ${MAX_DEPTH} levels deep`, positionOf(file.text, deep), "a graph export nests a few levels; this file is not one (or is damaged)");
    return finish(createClusterGraph({ direction: options.direction ?? "flow" }));
  }
  let data: unknown;
  try {
    data = JSON.parse(file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text);
  } catch (e) {
    const scan = scanJson(file.text);
    const message = (e as Error).message;
    // JSON.parse names a position for what the scan lets pass (control characters in strings, a stray BOM).
    const offset = /at position (\d+)/.exec(message);
    const bom = file.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const at = scan.error ?? { ...(offset ? positionOf(file.text, Number(offset[1]) + bom) : { line: 1, column: 1 }), message };
    report.error(file.name, "json-syntax", `not valid JSON: ${at.message}`, { line: at.line, column: at.column }, "fix the JSON syntax at this place (a JSON validator shows more)");
    return finish(createClusterGraph({ direction: options.direction ?? "flow" }));
  }
  if (!isObject(data)) {
    issue("error", "json-shape", [], `expected an object { attributes, nodes, edges }, found ${Array.isArray(data) ? "an array" : typeof data}`, "export the graph with graph.export()");
    return finish(createClusterGraph({ direction: options.direction ?? "flow" }));
  }

  // Graph attributes and direction.
  const gattrs = data.attributes === undefined ? {} : data.attributes;
  if (!isObject(gattrs)) issue("error", "json-shape", ["attributes"], "graph attributes must be an object");
  const ga: Record<string, unknown> = isObject(gattrs) ? gattrs : {};
  let direction: NominationDirection = options.direction ?? "flow";
  let reverse = direction === "asks";
  if (ga.direction !== undefined) {
    if (ga.direction === "flow" || ga.direction === "asks") {
      if (options.direction !== undefined && options.direction !== ga.direction) {
        issue("warning", "direction-ignored", ["attributes", "direction"], `the file records direction "${ga.direction}" and stores ties as knowledge flow; --direction ${options.direction} ignored`, "convert the original survey file again if it was read the wrong way");
      }
      direction = ga.direction;
      reverse = false;
      report.note(`ties stored as knowledge flow (file records how they were first read: ${direction})`);
    } else {
      issue("error", "bad-direction", ["attributes", "direction"], `direction must be "flow" or "asks", found ${JSON.stringify(ga.direction)}`);
    }
  } else if (reverse) {
    report.note("edges read as 'source asks target' (--direction asks): every edge reversed");
  }
  const graph = createClusterGraph({ direction });
  for (const [k, v] of Object.entries(ga)) {
    if (k === "direction" || k === "nonRespondents") continue;
    graph.setAttribute(k as keyof ClusterAttributes, v as never);
  }
  const opts = data.options;
  let undirectedGraph = false;
  if (opts !== undefined) {
    if (!isObject(opts)) issue("error", "json-shape", ["options"], "options must be an object");
    else if (opts.type === "undirected") {
      undirectedGraph = true;
      issue("warning", "undirected", ["options", "type"], "the graph is undirected: each edge becomes two ties, one each way", "export a directed graph if the ties have a direction");
    }
  }

  // Nodes.
  if (!Array.isArray(data.nodes)) {
    issue("error", data.nodes === undefined ? "missing-field" : "json-shape", data.nodes === undefined ? [] : ["nodes"], data.nodes === undefined ? "no nodes array" : "nodes must be an array", "export the graph with graph.export()");
    return finish(graph);
  }
  const nodeAt = new Map<string, number>();
  let coercedKeys = 0;
  data.nodes.forEach((node: unknown, k: number) => {
    report.count("rowsRead");
    const p: Path = ["nodes", k];
    if (!isObject(node)) {
      issue("error", "json-shape", p, "a node must be an object { key, attributes }; dropped");
      report.count("rowsDropped");
      return;
    }
    let key = node.key;
    if (typeof key === "number" && Number.isFinite(key)) {
      key = String(key);
      coercedKeys++;
    }
    if (typeof key !== "string" || key === "") {
      issue("error", key === undefined ? "empty-id" : "bad-id", key === undefined ? p : [...p, "key"], key === undefined ? "node has no key; dropped" : `node key must be a non-empty string, found ${JSON.stringify(key)}; dropped`, "give every node a unique key");
      report.count("rowsDropped");
      return;
    }
    if (nodeAt.has(key)) {
      issue("error", "duplicate-id", [...p, "key"], `node key "${key}" already used by nodes[${nodeAt.get(key)}]; dropped`, "make node keys unique");
      report.count("rowsDropped");
      return;
    }
    nodeAt.set(key, k);
    const raw = node.attributes === undefined ? {} : node.attributes;
    if (!isObject(raw)) {
      issue("error", "json-shape", [...p, "attributes"], "node attributes must be an object; attributes ignored");
    }
    const attrs: Partial<ActorAttributes> = { label: key, kind: "other", inCluster: true };
    for (const [name, v] of Object.entries(isObject(raw) ? raw : {})) {
      const ap: Path = [...p, "attributes", name];
      if (v === undefined) continue;
      if (name === "label") {
        if (typeof v === "string" || typeof v === "number") attrs.label = String(v);
        else issue("warning", "bad-value", ap, `label must be text; the key is used`);
      } else if (name === "kind") {
        if (typeof v === "string" && v.trim() !== "") attrs.kind = v;
        else issue("warning", "bad-value", ap, `kind must be text; kind 'other'`);
      } else if (name === "inCluster" || name === "respondent") {
        const b = typeof v === "boolean" ? v : v === "true" ? true : v === "false" ? false : undefined;
        if (b === undefined) issue("warning", "bad-boolean", ap, `${name} must be true or false, found ${JSON.stringify(v)}; ${name === "inCluster" ? "taken as inside the cluster" : "left unknown"}`);
        else {
          if (typeof v !== "boolean") {
            issue("info", "coerced", ap, `${name} "${v}" read as ${b}`);
            report.count("valuesCoerced");
          }
          attrs[name] = b;
        }
      } else if (name === "x" || name === "y") {
        if (typeof v === "number" && Number.isFinite(v)) attrs[name] = v;
        else issue("warning", "bad-number", ap, `${name} must be a number; ignored`);
      } else if (name === "stage" || name === "group") {
        if (v === null) continue;
        attrs[name] = String(v);
        if (typeof v !== "string") {
          issue("info", "coerced", ap, `${name} ${JSON.stringify(v)} read as text`);
          report.count("valuesCoerced");
        }
      } else {
        const target = (RESERVED_ATTRIBUTES as readonly string[]).includes(name) ? `${name}_` : safeAttributeName(name);
        if (target !== name) issue("warning", "reserved-attribute", ap, `attribute "${name}" is a reserved name (sigma or built-in object member); kept as "${target}"`);
        attrs[target] = freeValue(v, ap, issue, report);
      }
    }
    graph.addNode(key, attrs as ActorAttributes);
  });
  if (coercedKeys > 0) report.note(`${coercedKeys} numeric node key(s) read as text`);

  // Non-respondents (need the nodes).
  if (ga.nonRespondents !== undefined) {
    const nr = ga.nonRespondents;
    if (!isObject(nr)) issue("error", "json-shape", ["attributes", "nonRespondents"], "nonRespondents must be an object { relation: [actor ids] }");
    else {
      const out: Record<string, string[]> = dict();
      for (const [rel, ids] of Object.entries(nr)) {
        const p: Path = ["attributes", "nonRespondents", rel];
        if (!Array.isArray(ids)) {
          issue("error", "json-shape", p, "must be an array of actor ids");
          continue;
        }
        out[rel] = [];
        ids.forEach((id: unknown, k: number) => {
          if (typeof id !== "string" || !graph.hasNode(id)) {
            issue("warning", "unknown-actor", [...p, k], `${JSON.stringify(id)} is not an actor; left out of the non-respondents`);
            report.count("valuesDropped");
          } else out[rel].push(id);
        });
      }
      graph.setAttribute("nonRespondents", out);
    }
  }

  // Edges.
  if (data.edges === undefined) {
    report.note("no edges array: actors only");
  } else if (!Array.isArray(data.edges)) {
    issue("error", "json-shape", ["edges"], "edges must be an array", "export the graph with graph.export()");
  } else {
    const edgeKeys = new Map<string, number>();
    // A tie without a key of its own gets the model's key e<index>; where the file gives that key to another
    // edge (an export keyed e0, e1 … with edges reordered or undirected ones doubled) it gets a made-up key instead.
    const dataKeys = new Set<string>();
    for (const edge of data.edges as unknown[]) {
      const kv = isObject(edge) ? edge.key : undefined;
      if (typeof kv === "string" || typeof kv === "number") dataKeys.add(String(kv));
    }
    const addUnkeyed = (s: string, t: string, attrs: Partial<TieAttributes>) => {
      if (dataKeys.has(`e${graph.size}`)) graph.addEdgeWithKey(`geid_0_${graph.size}`, s, t, attrs);
      else graph.addEdge(s, t, attrs);
    };
    let defaultWeight = 0;
    let defaultRelation = 0;
    let twoWay = 0;
    data.edges.forEach((edge: unknown, k: number) => {
      report.count("rowsRead");
      const p: Path = ["edges", k];
      const drop = () => report.count("rowsDropped");
      if (!isObject(edge)) {
        issue("error", "json-shape", p, "an edge must be an object { source, target, attributes }; dropped");
        return drop();
      }
      const ends: string[] = [];
      for (const end of ["source", "target"] as const) {
        let v = edge[end];
        if (typeof v === "number") v = String(v);
        if (typeof v !== "string" || v === "") {
          issue("error", "empty-id", v === undefined ? p : [...p, end], v === undefined ? `edge has no ${end}; dropped` : `${end} must be a node key; dropped`);
          return drop();
        }
        if (!graph.hasNode(v)) {
          issue("error", "unknown-actor", [...p, end], `${end} "${v}" is not a node; edge dropped`, "add the node or correct the key");
          return drop();
        }
        ends.push(v);
      }
      if (ends.length < 2) return;
      const raw = edge.attributes === undefined ? {} : edge.attributes;
      if (!isObject(raw)) {
        issue("error", "json-shape", [...p, "attributes"], "edge attributes must be an object; edge dropped");
        return drop();
      }
      const w = raw.weight;
      let weight = 1;
      if (w === undefined || w === null) defaultWeight++;
      else if (typeof w !== "number" || !Number.isFinite(w)) {
        issue("error", "bad-weight", [...p, "attributes", "weight"], `weight ${JSON.stringify(w)} is not a number; edge dropped`, "write tie strengths as JSON numbers");
        return drop();
      } else if (w < 0) {
        issue("error", "negative-weight", [...p, "attributes", "weight"], `weight ${w} is negative; edge dropped`, "tie strengths must be ≥ 0");
        return drop();
      } else if (w === 0) {
        issue("warning", "zero-weight", [...p, "attributes", "weight"], "weight 0 means no tie; edge dropped");
        return drop();
      } else weight = w;
      let relation = options.relation ?? "knowledge";
      if (raw.relation !== undefined && raw.relation !== null) {
        if (typeof raw.relation === "string" && raw.relation !== "") relation = raw.relation;
        else {
          issue("error", "bad-value", [...p, "attributes", "relation"], `relation must be text, found ${JSON.stringify(raw.relation)}; edge dropped`);
          return drop();
        }
      } else defaultRelation++;
      let wave: string | undefined = options.wave;
      if (raw.wave !== undefined && raw.wave !== null) {
        if (typeof raw.wave === "string") wave = raw.wave;
        else if (typeof raw.wave === "number") {
          wave = String(raw.wave);
          issue("info", "coerced", [...p, "attributes", "wave"], `wave ${raw.wave} read as text "${wave}"`);
          report.count("valuesCoerced");
        } else {
          issue("error", "bad-value", [...p, "attributes", "wave"], `wave must be text or a number; edge dropped`);
          return drop();
        }
      }
      let [s, t] = ends;
      if (reverse) [s, t] = [t, s];
      if (s === t) issue("warning", "self-loop", p, `tie from "${s}" to itself; kept as a self-loop`);
      const sa = graph.getNodeAttributes(s);
      const ta = graph.getNodeAttributes(t);
      let given = undefined as ReturnType<typeof parseTieType>;
      if (raw.tieType !== undefined && raw.tieType !== null) {
        given = typeof raw.tieType === "string" ? parseTieType(raw.tieType) : undefined;
        if (given === undefined) issue("warning", "bad-tie-type", [...p, "attributes", "tieType"], `tie type ${JSON.stringify(raw.tieType)} is not horizontal, vertical or external; derived from the actors`);
        else if (raw.tieTypeGiven !== true && given === resolveTieType(sa, ta).derived) given = undefined;
      }
      const r = resolveTieType(sa, ta, given);
      if (r.contradiction) issue("warning", "tie-type-contradiction", [...p, "attributes", "tieType"], `tie type given as ${r.tieType}, but the actors make it ${r.derived}; the given type is kept`);
      const attrs: TieAttributes = { relation, weight, tieType: r.tieType };
      if (wave !== undefined && wave !== "") attrs.wave = wave;
      if (r.given) attrs.tieTypeGiven = true;
      for (const [name, v] of Object.entries(raw)) {
        if (["relation", "weight", "wave", "tieType", "tieTypeGiven"].includes(name) || v === undefined) continue;
        if (name === "nominator") {
          if (typeof v === "string") attrs.nominator = v;
          else issue("warning", "bad-value", [...p, "attributes", name], "nominator must be an actor id; ignored");
          continue;
        }
        const target = (RESERVED_ATTRIBUTES as readonly string[]).includes(name) ? `${name}_` : safeAttributeName(name);
        if (target !== name) issue("warning", "reserved-attribute", [...p, "attributes", name], `attribute "${name}" is a reserved name (sigma or built-in object member); kept as "${target}"`);
        attrs[target] = freeValue(v, [...p, "attributes", name], issue, report);
      }
      let key: string | undefined;
      if (edge.key !== undefined && edge.key !== null) {
        const kv = typeof edge.key === "number" ? String(edge.key) : edge.key;
        if (typeof kv !== "string") issue("warning", "bad-id", [...p, "key"], "edge key must be text; a new key is used");
        else if (edgeKeys.has(kv)) issue("warning", "duplicate-id", [...p, "key"], `edge key "${kv}" already used by edges[${edgeKeys.get(kv)}]; a new key is used`);
        else if (!GENERATED_KEY.test(kv)) {
          key = kv;
          edgeKeys.set(kv, k);
        }
      }
      if (key !== undefined) graph.addEdgeWithKey(key, s, t, attrs);
      else addUnkeyed(s, t, attrs);
      if (undirectedGraph || edge.undirected === true) {
        if (!undirectedGraph) issue("warning", "undirected", p, "undirected edge: read as two ties, one each way");
        if (s !== t) {
          const back = { ...attrs, tieType: resolveTieType(ta, sa, r.given ? r.tieType : undefined).tieType };
          addUnkeyed(t, s, back);
          twoWay++;
        }
      }
    });
    if (defaultWeight > 0) report.note(`${defaultWeight} edge(s) without a weight: strength 1`);
    if (defaultRelation > 0) report.note(`${defaultRelation} edge(s) without a relation: relation "${options.relation ?? "knowledge"}"`);
    if (twoWay > 0) {
      report.count("tiesCreated", twoWay);
      report.note(`${twoWay} undirected edge(s) each read as two ties (one each way)`);
    }
  }
  return finish(graph);
}

function freeValue(v: unknown, path: Path, issue: (s: Pending["severity"], c: string, p: Path, m: string) => void, report: ImportReport): AttributeValue {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return v;
  issue("warning", "nested-value", path, `${Array.isArray(v) ? "an array" : "an object"} value; kept as JSON text`);
  report.count("valuesCoerced");
  return JSON.stringify(v);
}

/** The graph as graphology JSON (see the module comment). Same graph → same bytes. */
export function writeJson(graph: ClusterGraph, options: WriteOptions = {}): string {
  const nodes: object[] = [];
  graph.forEachNode((key, a) => nodes.push({ key, attributes: definedOnly(a) }));
  const edges: object[] = [];
  graph.forEachEdge((key, a, source, target) => {
    const e: Record<string, unknown> = GENERATED_KEY.test(key) ? {} : { key };
    e.source = source;
    e.target = target;
    e.attributes = definedOnly(a);
    edges.push(e);
  });
  const doc = {
    options: { type: "directed", multi: true, allowSelfLoops: true },
    attributes: definedOnly(graph.getAttributes()),
    nodes,
    edges,
  };
  return (options.compact ? JSON.stringify(doc) : JSON.stringify(doc, null, 1)) + "\n";
}

function definedOnly(o: object): Record<string, unknown> {
  const out: Record<string, unknown> = dict();
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

export const jsonFormat: Format = {
  name: "json",
  description: "graphology JSON (graph.export()): everything kept — ids, attributes, weights, relations, waves, tie types, non-respondents",
  extensions: [".json"],
  sniff(file) {
    return /^\s*\{/.test(file.text.slice(0, 64).replace(/^\ufeff/, "")) ? 0.9 : 0;
  },
  read: (files, options) => parseJson(files, options),
  write: (graph, base, options) => {
    const name = /\.json$/i.test(base) ? base : `${base.replace(/[\\/]+$/, "")}/graph.json`;
    return [{ name, data: writeJson(graph, options) }];
  },
};

/** Offset where brackets first nest deeper than `max` (strings skipped), or undefined. Linear. */
function deepestNesting(text: string, max: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > max) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}
