/**
 * Inputs the long fuzz run (`npm run fuzz`) found slow or crashing, reduced to their cause: each test fails
 * on the code before its fix.
 */
import { describe, expect, it } from "vitest";
import { parseTidy } from "../../src/io/tidy.js";
import { parseJson } from "../../src/io/json.js";
import { CsvRows } from "../../src/io/csv.js";

describe("fuzz regressions", () => {
  it("tidy case 423 (seed 1): a header of 23,000 empty column names is refused in well under a second, not minutes", () => {
    // Each empty column name is an issue located by its column; the row was re-read for every field (quadratic).
    const ties = `${",".repeat(23_000)}source,target,relation,weight\nf01,f02,advice,3\nf02,f03,advice,1\n`;
    const t0 = performance.now();
    const { report } = parseTidy([{ name: "ties.csv", text: ties }]);
    const ms = performance.now() - t0;
    expect(report.issues.length).toBeGreaterThan(0);
    expect(report.issues.every((i) => i.line !== undefined)).toBe(true);
    expect(ms).toBeLessThan(1500);
  });

  it("CsvRows.column gives the same columns when asked about many fields of one row and then another row", () => {
    const rows = new CsvRows('a,bb,"c,c",d\n1,22,333,4444\n');
    expect([0, 1, 2, 3].map((f) => rows.column(0, f))).toEqual([1, 3, 6, 12]);
    rows.forEachRow(() => {});
    expect([0, 1, 2, 3].map((f) => rows.column(1, f))).toEqual([1, 3, 6, 10]);
    expect(rows.column(0, 2)).toBe(6);
  });

  it("json: an edge key of the model's own form (e1) on one edge while another edge has no key is kept, not a crash", () => {
    const doc = {
      nodes: [{ key: "a" }, { key: "b" }, { key: "c" }],
      edges: [
        { key: "e0", source: "a", target: "b" },
        { source: "b", target: "c" },
        { key: "e1", source: "c", target: "a" },
        { key: "e7", source: "a", target: "c" },
        { source: "c", target: "b", undirected: true },
      ],
    };
    const { graph, report } = parseJson([{ name: "g.json", text: JSON.stringify(doc) }]);
    expect(report.errors).toEqual([]);
    expect(report.warnings.filter((w) => w.code === "duplicate-id")).toEqual([]);
    expect(graph.size).toBe(6);
    expect(new Set(graph.edges()).size).toBe(6);
    // The keys given in the file name the edges they were given to.
    expect([graph.source("e0"), graph.target("e0")]).toEqual(["a", "b"]);
    expect([graph.source("e1"), graph.target("e1")]).toEqual(["c", "a"]);
    expect([graph.source("e7"), graph.target("e7")]).toEqual(["a", "c"]);
  });

  it("json case 1289 (seed 1): an edge key e00000000001 is a key of its own, not tie 1's e1", () => {
    const doc = { nodes: [{ key: "a" }, { key: "b" }], edges: [{ key: "e0", source: "a", target: "b" }, { key: "e1", source: "b", target: "a" }, { key: "e00000000001", source: "a", target: "b" }] };
    const { graph, report } = parseJson([{ name: "g.json", text: JSON.stringify(doc) }]);
    expect(report.errors).toEqual([]);
    expect(graph.size).toBe(3);
    expect(graph.edges()).toEqual(["e0", "e1", "e00000000001"]);
    expect(graph.source("e1")).toBe("b");
    expect(graph.hasEdge("e01")).toBe(false);
  });
});
