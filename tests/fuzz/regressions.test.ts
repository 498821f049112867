/**
 * Inputs the long fuzz run (`npm run fuzz`) found slow or crashing, reduced to their cause: each test fails
 * on the code before its fix.
 */
import { describe, expect, it } from "vitest";
import { parseTidy } from "../../src/io/tidy.js";
import { parseJson } from "../../src/io/json.js";
import { CsvRows } from "../../src/io/csv.js";
import { parseGraphml } from "../../src/io/graphml.js";
import { parseGexf } from "../../src/io/gexf.js";
import { deepestElement, unclosedElement } from "../../src/io/xml.js";
import { parsePajek } from "../../src/io/pajek.js";
import { parseKobo } from "../../src/io/kobo.js";

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

  it("graphml case 88066 (seed 1): a comment opened and never closed (<!-- before the root) is refused at once, not an endless scan", () => {
    const graphml = '<?xml version="1.0"?>\n<!--<graphml>\n<graph edgedefault="directed">\n<node id="a"/><node id="b"/>\n<edge source="a" target="b"/>\n</graph>\n</graphml>\n';
    const gexf = '<?xml version="1.0"?>\n<gexf><graph><nodes><node id="a"/><![CDATA[ <node id="b"/>\n</nodes></graph></gexf>\n';
    const t0 = performance.now();
    const g = parseGraphml([{ name: "g.graphml", text: graphml }]);
    const x = parseGexf([{ name: "g.gexf", text: gexf }]);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(g.report.errors.length).toBeGreaterThan(0);
    expect(g.report.errors.every((e) => e.line !== undefined)).toBe(true);
    expect(x.report.errors.length).toBeGreaterThan(0);
    expect(x.report.errors.every((e) => e.line !== undefined)).toBe(true);
    // The two scans end on every unclosed kind of markup.
    for (const open of ["<!--", "<![CDATA[", "<?x", "<!DOCTYPE"]) {
      const text = `<a><b>${open} <c></c>`;
      expect(unclosedElement(text)?.name).toBe("b");
      expect(deepestElement(text, 1)).toBe(3);
    }
  });

  it("pajek case 64 (seed 1, companions mutated): a partition file cut before its first value is refused with a line", () => {
    const net = '*Vertices 2\n1 "a"\n2 "b"\n*Arcs\n1 2\n';
    const { report } = parsePajek([{ name: "t.net", text: net }, { name: "t.kind.clu", text: "*Vertices 2\n" }]);
    expect(report.errors.map((e) => [e.file, e.line, e.message])).toEqual([["t.kind.clu", 2, "the partition holds 0 values, not 2"]]);
  });

  it("pajek case 782 (seed 2, companions mutated): a partition legend holding a run of 50,000 digits is read in well under a second", () => {
    const net = '*Vertices 2\n1 "a"\n2 "b"\n*Arcs\n1 2\n';
    const clu = `% clusterflow "group": 1 = "north", ${"9".repeat(50_000)} "outside", 2 = "south"\n*Vertices 2\n1\n2\n`;
    const t0 = performance.now();
    const { graph, report } = parsePajek([{ name: "t.net", text: net }, { name: "t.group.clu", text: clu }]);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(report.errors).toEqual([]);
    expect(graph.getNodeAttribute("a", "group")).toBe("north");
    expect(graph.getNodeAttribute("b", "group")).toBe("south");
  });

  it("kobo case 1182 (seed 2, options file mutated): a declared question of 100,000 characters is no crash; declared questions still find their option columns", async () => {
    const text = "_uuid,firm_id,grp/advice/x1,grp/advice/x2\nu1,f01,1,0\nu2,f02,0,1\n";
    const long = `con${",".repeat(60_000)}${"(".repeat(40_000)}structor`;
    const huge = await parseKobo([{ name: "e.csv", text }, { name: "e.kobo.json", text: JSON.stringify({ questions: { [long]: "x" } }) }]);
    expect(huge.report.errors.map((e) => e.code)).toEqual(["no-nominations"]);
    const { graph, report } = await parseKobo([{ name: "e.csv", text }, { name: "e.kobo.json", text: '{"questions":{"advice":"advice"}}' }]);
    expect(report.errors).toEqual([]);
    expect(graph.edges().map((e) => `${graph.source(e)}>${graph.target(e)}`).sort()).toEqual(["x1>f01", "x2>f02"]);
  });
});
