/** Missing and structural codes in adjacency matrices, the declared scale, and actor attribute files. */
import { describe, expect, it } from "vitest";
import { parseMatrix } from "../../src/io/matrix.js";
import { joinActorAttributes } from "../../src/io/actorAttributes.js";
import { ImportReport } from "../../src/io/report.js";
import { addActor, createClusterGraph } from "../../src/model/graph.js";

const m = (text: string, options = {}) => parseMatrix([{ name: "m.csv", text }], options);
const ties = (g: ReturnType<typeof m>["graph"]) => {
  const out: string[] = [];
  g.forEachEdge((_k, a, s, t) => out.push(`${s}>${t}:${a.weight}`));
  return out.sort();
};

describe("matrix cell codes", () => {
  it("NA and . are missing cells, kept apart from absent ties; blank stays 'no tie' unless asked", () => {
    const r = m(";A;B;C\nA;0;NA;1\nB;.;0;\nC;0;1;0\n");
    expect(r.report.ok(false)).toBe(true);
    expect(ties(r.graph)).toEqual(["A>C:1", "C>B:1"]);
    expect(r.graph.getAttribute("missingTies")).toEqual([
      { source: "A", target: "B", relation: "knowledge" },
      { source: "B", target: "A", relation: "knowledge" },
    ]);
    const blank = m(";A;B;C\nA;0;NA;1\nB;.;0;\nC;0;1;0\n", { missingCodes: ["blank"] });
    expect((blank.graph.getAttribute("missingTies") as unknown[]).length).toBe(3);
  });

  it("a user code such as -99 is missing, not a negative strength; with --direction asks the cell is reversed", () => {
    const r = m(",A,B\nA,0,-99\nB,1,0\n", { missingCodes: ["-99"], direction: "asks" });
    expect(r.report.ok(false)).toBe(true);
    expect(ties(r.graph)).toEqual(["A>B:1"]);
    expect(r.graph.getAttribute("missingTies")).toEqual([{ source: "B", target: "A", relation: "knowledge" }]);
    expect(m(",A,B\nA,0,-99\nB,1,0\n").report.ok(false)).toBe(false);
  });

  it("structural codes: 10 no tie, 11 a tie of strength 1, when asked; never a strength of 10", () => {
    const asked = m(",A,B,C\nA,0,10,11\nB,1,0,0\nC,0,0,0\n", { structuralCodes: true });
    expect(ties(asked.graph)).toEqual(["A>C:1", "B>A:1"]);
    expect(asked.graph.getAttribute("structuralTies")).toEqual([
      { source: "A", target: "B", relation: "knowledge", value: 0 },
      { source: "A", target: "C", relation: "knowledge", value: 1 },
    ]);
    const lax = m(",A,B,C\nA,0,10,11\nB,1,0,0\nC,0,0,0\n");
    expect(ties(lax.graph)).toEqual(["B>A:1"]);
    expect(lax.report.warnings.map((w) => [w.code, w.line, w.column])).toEqual([
      ["structural-code", 2, 5],
      ["structural-code", 2, 8],
    ]);
    // In a valued matrix (strengths beyond 0/1) a 10 is a strength.
    expect(ties(m(",A,B\nA,0,10\nB,3,0\n").graph)).toEqual(["A>B:10", "B>A:3"]);
  });

  it("a value outside the declared scale is a located warning", () => {
    const r = m(",A,B\nA,0,7\nB,3,0\n", { scale: "0-3" });
    expect(r.report.warnings.map((w) => [w.code, w.line, w.column])).toEqual([["out-of-scale", 2, 5]]);
    expect(ties(r.graph)).toEqual(["A>B:7", "B>A:3"]);
  });
});

describe("actor attribute files", () => {
  const graph = () => {
    const g = createClusterGraph();
    for (const id of ["F1", "F2", "F3"]) addActor(g, id);
    return g;
  };

  it("one column in actor order is named after the file", () => {
    const g = graph();
    const report = new ImportReport("attributes");
    expect(joinActorAttributes(g, { name: "dir/ownership.csv", text: "2\r1\r3\r" }, report)).toEqual(["ownership"]);
    expect(g.nodes().map((id) => g.getNodeAttribute(id, "ownership"))).toEqual([2, 1, 3]);
  });

  it("id;value without a header, id;a;b with one, and a wrong row count as a located error", () => {
    const g = graph();
    const report = new ImportReport("attributes");
    joinActorAttributes(g, { name: "age.csv", text: "F2;10\nF1;NA\nF3;4\n" }, report);
    expect(g.nodes().map((id) => g.getNodeAttribute(id, "age"))).toEqual([undefined, 10, 4]);
    joinActorAttributes(g, { name: "p.csv", text: "id;present_1;sector\nF1;1;metal\nF2;0;wood\nF3;1;metal\nF9;1;x\n" }, report);
    expect(g.getNodeAttribute("F2", "present_1")).toBe(0);
    expect(g.getNodeAttribute("F3", "sector")).toBe("metal");
    expect(report.warnings.map((w) => [w.code, w.line])).toEqual([["unknown-actor", 5]]);
    joinActorAttributes(g, { name: "bad.csv", text: "1\n2\n" }, report);
    expect(report.errors.map((e) => [e.code, e.file, e.line])).toEqual([["actor-count", "bad.csv", 2]]);
  });
});
