import { describe, expect, it } from "vitest";
import { parseJson, scanJson, writeJson, jsonPath } from "../../src/io/json.js";
import { parseTidy, writeTidy } from "../../src/io/tidy.js";
import { readInput } from "../../src/io/load.js";
import { detectFormat } from "../../src/io/formats.js";
import type { ImportReport } from "../../src/io/report.js";
import type { ClusterGraph } from "../../src/model/types.js";
import { readFileSync } from "node:fs";

const fixture = (name: string) => new URL(`../fixtures/io/${name}`, import.meta.url).pathname;
const file = (name: string, text: string) => ({ name, text });
const issue = (r: ImportReport, code: string) => r.issues.filter((i) => i.code === code);

/** Everything a graph holds, in a comparable form (edge keys aside). */
function snapshot(g: ClusterGraph) {
  const nodes: Record<string, unknown> = {};
  g.forEachNode((id, a) => (nodes[id] = a));
  const edges: string[] = [];
  g.forEachEdge((_e, a, s, t) => edges.push(JSON.stringify([s, t, Object.fromEntries(Object.entries(a).sort())])));
  return { attributes: g.getAttributes(), nodes, edges: edges.sort() };
}

function readTidyFolder(files: { name: string; data: string | Uint8Array }[]) {
  return parseTidy(files.map((f) => file(f.name, String(f.data))));
}

describe("json: round trips", () => {
  it("tidy → JSON → tidy loses nothing: ids, attributes, weights, relations, waves, tie types", async () => {
    const first = await readInput(fixture("tidy-full"));
    expect(first.report.errors).toEqual([]);
    const json = writeJson(first.graph);
    const viaJson = parseJson([file("g.json", json)]);
    expect(viaJson.report.errors).toEqual([]);
    // The one warning of the tidy import (a given tie type that contradicts the actors) is said again, nothing else.
    expect(viaJson.report.warnings.map((w) => w.code)).toEqual(first.report.warnings.map((w) => w.code));
    expect(first.report.warnings.map((w) => w.code)).toEqual(["tie-type-contradiction"]);
    expect(snapshot(viaJson.graph)).toEqual(snapshot(first.graph));
    // … and back to tidy files and in again.
    const again = readTidyFolder(writeTidy(viaJson.graph, "out"));
    expect(again.report.errors).toEqual([]);
    const a = snapshot(first.graph);
    const b = snapshot(again.graph);
    expect(b.nodes).toEqual(a.nodes);
    // A written tidy file states only the tie types that were given; derived ones are derived again.
    expect(b.edges).toEqual(a.edges);
    // Same graph → same bytes.
    expect(writeJson(viaJson.graph)).toBe(json);
    // Spot checks of what a lossy path would break.
    expect(first.graph.getNodeAttribute("F1", "label")).toBe("Alpha Farm, Ltd.");
    expect(first.graph.getNodeAttribute("F2", "employees")).toBe(4.5);
    expect(first.graph.getNodeAttribute("F2", "respondent")).toBe(false);
    expect(first.graph.hasNode("7")).toBe(true);
    expect(first.graph.edges().length).toBe(7);
  });

  it("roster → JSON keeps direction, nominators and non-respondents", async () => {
    const { graph } = await readInput(new URL("../../datasets/wine-valley-survey", import.meta.url).pathname);
    const back = parseJson([file("g.json", writeJson(graph))]);
    expect(back.report.errors).toEqual([]);
    expect(snapshot(back.graph)).toEqual(snapshot(graph));
    expect(back.graph.getAttribute("direction")).toBe("asks");
    expect(back.report.direction).toBe("asks");
    // A clusterflow file stores flow ties: --direction asks does not reverse them again.
    const again = parseJson([file("g.json", writeJson(graph))], { direction: "flow" });
    expect(issue(again.report, "direction-ignored")).toHaveLength(1);
    expect(snapshot(again.graph)).toEqual(snapshot(graph));
  });

  it("roster → tidy → JSON keeps non-response per relation (nonRespondentFor column)", async () => {
    const { graph } = await readInput(new URL("../../datasets/wine-valley-survey", import.meta.url).pathname);
    const tidy = readTidyFolder(writeTidy(graph, "out"));
    expect(tidy.report.errors).toEqual([]);
    expect(tidy.graph.getAttribute("nonRespondents")).toEqual(graph.getAttribute("nonRespondents"));
    const back = parseJson([file("g.json", writeJson(tidy.graph))]).graph;
    expect(back.getAttribute("nonRespondents")).toEqual(graph.getAttribute("nonRespondents"));
    graph.forEachNode((id, a) => expect(back.getNodeAttribute(id, "respondent")).toBe(a.respondent));
  });

  it("reads a plain graphology export; --direction asks reverses it; undirected edges become two ties", () => {
    const text = JSON.stringify({ options: { type: "mixed" }, attributes: {}, nodes: [{ key: "a" }, { key: "b" }, { key: 3 }], edges: [{ key: "e1", source: "a", target: "b", attributes: { weight: 2 } }, { source: "b", target: 3, undirected: true }] });
    const flow = parseJson([file("g.json", text)]);
    expect(flow.report.errors).toEqual([]);
    expect(flow.graph.hasEdge("e1")).toBe(true);
    expect(flow.graph.source("e1")).toBe("a");
    expect(flow.graph.size).toBe(3);
    expect(issue(flow.report, "undirected")).toHaveLength(1);
    expect(flow.report.counts.tiesCreated).toBe(1);
    const asks = parseJson([file("g.json", text)], { direction: "asks" });
    expect(asks.graph.source("e1")).toBe("b");
    expect(asks.graph.getAttribute("direction")).toBe("asks");
  });
});

describe("json: untrusted input", () => {
  it("a syntax error is located exactly", () => {
    const { report } = parseJson([file("bad.json", '{\n  "nodes": [\n    {"key": "a",}\n  ]\n}')]);
    expect(issue(report, "json-syntax").map((i) => [i.line, i.column])).toEqual([[3, 17]]);
    const r2 = parseJson([file("bad.json", '{"nodes": [{"key": "a", "attributes": {"x": NaN}}]}')]).report;
    expect(issue(r2, "json-syntax")[0].message).toContain("NaN");
    const bad = '{"nodes": [{"key": "a", "attributes": {"x": NaN}}]}';
    expect(issue(r2, "json-syntax").map((i) => [i.line, i.column])).toEqual([[1, bad.indexOf("NaN") + 1]]);
  });

  it("wrong shapes are errors with a JSON path", () => {
    expect(issue(parseJson([file("a.json", "[1, 2]")]).report, "json-shape")[0].message).toContain("(top level)");
    const r = parseJson([file("a.json", '{"nodes": {"a": 1}}')]).report;
    expect(issue(r, "json-shape").map((i) => [i.message, i.line, i.column])).toEqual([["nodes: nodes must be an array", 1, 11]]);
  });

  it("unknown endpoints, non-numeric and negative weights, duplicate keys: path, line and column", () => {
    const text = [
      "{",
      '  "nodes": [',
      '    {"key": "a"},',
      '    {"key": "b", "attributes": {"inCluster": "false", "size": 3}},',
      '    {"key": "a"}',
      "  ],",
      '  "edges": [',
      '    {"source": "a", "target": "zz"},',
      '    {"source": "a", "target": "b", "attributes": {"weight": "heavy"}},',
      '    {"source": "b", "target": "a", "attributes": {"weight": -2}},',
      '    {"source": "a", "target": "a", "attributes": {"weight": 1, "relation": "advice", "wave": 2020}}',
      "  ]",
      "}",
    ].join("\n");
    const { graph, report } = parseJson([file("g.json", text)]);
    const at = (code: string) => issue(report, code).map((i) => [i.line, i.column, i.message.split(":")[0]]);
    const lines = text.split("\n");
    /** Line and column of the n-th occurrence of `needle` on a line (1-based), found in the text itself. */
    const where = (line: number, needle: string, nth = 1) => {
      let c = -1;
      for (let k = 0; k < nth; k++) c = lines[line - 1].indexOf(needle, c + 1);
      return [line, c + 1];
    };
    expect(at("unknown-actor")).toEqual([[...where(8, '"zz"'), "edges[0].target"]]);
    expect(at("bad-weight")).toEqual([[...where(9, '"heavy"'), "edges[1].attributes.weight"]]);
    expect(at("negative-weight")).toEqual([[...where(10, "-2"), "edges[2].attributes.weight"]]);
    expect(at("duplicate-id")).toEqual([[...where(5, '"a"'), "nodes[2].key"]]);
    expect(at("self-loop")).toEqual([[...where(11, "{"), "edges[3]"]]);
    expect(at("reserved-attribute")).toEqual([[...where(4, "3"), "nodes[1].attributes.size"]]);
    expect(at("coerced").map((x) => x[2])).toEqual(["nodes[1].attributes.inCluster", "edges[3].attributes.wave"]);
    expect(report.counts.rowsDropped).toBe(4);
    expect(graph.size).toBe(1);
    expect(graph.getNodeAttribute("b", "inCluster")).toBe(false);
    expect(graph.getEdgeAttributes(graph.edges()[0]).wave).toBe("2020");
  });

  it("an empty file is an error", () => {
    expect(issue(parseJson([file("e.json", "  \n")]).report, "empty-file")).toHaveLength(1);
  });

  it("scanJson and jsonPath agree on paths", () => {
    const text = '{"a b": [1, {"c": 2}], "d": 3}';
    const want = new Set([jsonPath(["a b", 1, "c"]), jsonPath(["d"])]);
    const { positions, error } = scanJson(text, want);
    expect(error).toBeUndefined();
    expect(positions.get('["a b"][1].c')).toEqual({ line: 1, column: 19 });
    expect(positions.get("d")).toEqual({ line: 1, column: 29 });
  });

  it("is recognised by extension", () => {
    expect(detectFormat(file("x.json", readFileSync(fixture("../io/matrix-good.csv"), "utf8")))?.name).toBe("json");
  });
});
