import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMatrix, writeMatrix, matrixFormat } from "../../src/io/matrix.js";
import { readInput } from "../../src/io/load.js";
import { detectFormat } from "../../src/io/formats.js";
import { assertImportOk, InputError, type ImportReport } from "../../src/io/report.js";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";

const fixture = (name: string) => new URL(`../fixtures/io/${name}`, import.meta.url).pathname;
const file = (name: string, text: string) => ({ name, text });
const ties = (g: ReturnType<typeof parseMatrix>["graph"]) => {
  const out: string[] = [];
  g.forEachEdge((_e, a, s, t) => out.push(`${s}>${t}:${a.weight}:${a.relation}`));
  return out.sort();
};
const issue = (r: ImportReport, code: string) => r.issues.filter((i) => i.code === code);

describe("matrix: good files", () => {
  it("reads a comma matrix with an empty top-left cell; cell = strength of row → column", () => {
    const { graph, report } = parseMatrix([file("m.csv", readFileSync(fixture("matrix-good.csv"), "utf8"))]);
    expect(report.errors).toEqual([]);
    expect(graph.order).toBe(4);
    expect(ties(graph)).toEqual(["A>B:2:knowledge", "A>D:1:knowledge", "B>A:1:knowledge", "C>B:3:knowledge", "D>C:1:knowledge"]);
    expect(report.counts.actorsCreated).toBe(4);
    expect(graph.getAttribute("direction")).toBe("flow");
  });

  it("reads a semicolon matrix with bare-CR line endings, a BOM and decimal commas", () => {
    const text = "\ufeff;A;B;C\rA;0;1,5;\rB;0;0;2\rC;3;0;0\r";
    const { graph, report } = parseMatrix([file("semi.csv", text)], { relation: "advice", wave: "2019" });
    expect(report.errors).toEqual([]);
    expect(ties(graph)).toEqual(["A>B:1.5:advice", "B>C:2:advice", "C>A:3:advice"]);
    expect(issue(report, "bom")).toHaveLength(1);
    expect(issue(report, "line-endings")[0].message).toContain("CR");
    graph.forEachEdge((_e, a) => expect(a.wave).toBe("2019"));
  });

  it("--direction asks reverses: row asks column, knowledge flows column → row", () => {
    const { graph, report } = parseMatrix([file("m.csv", readFileSync(fixture("matrix-good.csv"), "utf8"))], { direction: "asks" });
    expect(ties(graph)).toEqual(["A>B:1:knowledge", "B>A:2:knowledge", "B>C:3:knowledge", "C>D:1:knowledge", "D>A:1:knowledge"]);
    expect(report.direction).toBe("asks");
    graph.forEachEdge((_e, a, s, t) => expect(a.nominator).toBe(t));
  });

  it("a non-empty corner cell is not a label", () => {
    const { graph, report } = parseMatrix([file("m.csv", "from\\to,A,B\nA,0,1\nB,0,0\n")]);
    expect(report.errors).toEqual([]);
    expect(ties(graph)).toEqual(["A>B:1:knowledge"]);
    expect(issue(report, "corner-cell")).toHaveLength(1);
  });

  it("rows in another order than the columns are matched by label, with a warning", () => {
    const { graph, report } = parseMatrix([file("m.csv", ",A,B\nB,1,0\nA,0,0\n")]);
    expect(ties(graph)).toEqual(["B>A:1:knowledge"]);
    expect(issue(report, "label-order")).toHaveLength(1);
  });

  it("a dataset folder with nodes.csv and matrix.csv takes actors from nodes.csv", async () => {
    const { graph, report, format } = await readInput(fixture("matrix-folder"));
    expect(format.name).toBe("matrix");
    expect(report.errors).toEqual([]);
    expect(graph.getNodeAttribute("X1", "inCluster")).toBe(false);
    expect(report.counts.actorsCreated).toBe(0);
    const types: Record<string, string> = {};
    graph.forEachEdge((_e, a, s, t) => (types[`${s}>${t}`] = a.tieType));
    expect(types).toEqual({ "F1>F2": "horizontal", "F1>X1": "external", "F2>F1": "horizontal", "L1>F1": "vertical", "L1>F2": "vertical" });
  });
});

describe("matrix: bad files", () => {
  it("non-numeric and negative cells are errors at their line and column", () => {
    const { report } = parseMatrix([file("bad.csv", readFileSync(fixture("matrix-bad-cells.csv"), "utf8"))]);
    const bad = issue(report, "bad-weight");
    const neg = issue(report, "negative-weight");
    expect(bad.map((i) => [i.line, i.column])).toEqual([[3, 7]]);
    expect(neg.map((i) => [i.line, i.column])).toEqual([[4, 3]]);
    expect(report.counts.cellsDropped).toBe(2);
    expect(() => assertImportOk(report)).toThrow(InputError);
  });

  it("a ragged row is an error pointing at the end of the short row", () => {
    const { report, graph } = parseMatrix([file("r.csv", ",A,B,C\nA,0,1,0\nB,0,1\nC,0,0,0\n")]);
    const r = issue(report, "ragged-row");
    expect(r.map((i) => [i.line, i.column])).toEqual([[3, 6]]);
    expect(graph.size).toBe(0);
  });

  it("a non-square matrix is an error", () => {
    const { report } = parseMatrix([file("ns.csv", ",A,B,C\nA,0,1,0\nB,0,0,1\n")]);
    expect(issue(report, "not-square")).toHaveLength(1);
    expect(issue(report, "label-mismatch").map((i) => [i.line, i.column, i.message])).toEqual([[1, 6, 'column label "C" is not among the row labels']]);
  });

  it("row and column labels that differ are errors at each label", () => {
    const { report } = parseMatrix([file("lm.csv", ",A,B\nA,0,1\nZ,0,0\n")]);
    expect(issue(report, "label-mismatch").map((i) => [i.line, i.column])).toEqual([
      [3, 1],
      [1, 4],
    ]);
  });

  it("duplicate labels are errors", () => {
    const { report } = parseMatrix([file("d.csv", ",A,A\nA,0,1\nA,0,0\n")]);
    expect(issue(report, "duplicate-id").map((i) => [i.line, i.column])).toEqual([
      [1, 4],
      [3, 1],
    ]);
  });

  it("an empty file is an error", () => {
    const { report } = parseMatrix([file("e.csv", "")]);
    expect(issue(report, "empty-file").map((i) => [i.line, i.column])).toEqual([[1, 1]]);
  });

  it("a labelled actor missing from nodes.csv is an error", () => {
    const { report } = parseMatrix([file("nodes.csv", "id\nA\nB\n"), file("matrix.csv", ",A,Q\nA,0,1\nQ,0,0\n")]);
    expect(issue(report, "unknown-actor").map((i) => [i.file, i.line, i.column])).toEqual([["matrix.csv", 1, 4]]);
  });

  it("a non-zero diagonal is a self-loop warning; --strict makes it fail", () => {
    const { graph, report } = parseMatrix([file("l.csv", ",A,B\nA,2,1\nB,0,0\n")]);
    expect(issue(report, "self-loop").map((i) => [i.severity, i.line, i.column])).toEqual([["warning", 2, 3]]);
    expect(graph.hasEdge("A", "A")).toBe(true);
    expect(() => assertImportOk(report)).not.toThrow();
    expect(() => assertImportOk(report, true)).toThrow(InputError);
  });
});

describe("matrix: writer", () => {
  const twoRelations = () => {
    const g = createClusterGraph();
    for (const id of ["a", "b", "c"]) addActor(g, id);
    addTie(g, "a", "b", { relation: "advice", weight: 2, wave: "1" });
    addTie(g, "a", "b", { relation: "advice", weight: 1, wave: "2" });
    addTie(g, "b", "c", { relation: "market", weight: 3 });
    return g;
  };

  it("refuses to guess the relation when there are several, listing them", () => {
    expect(() => writeMatrix(twoRelations())).toThrow(/advice, market/);
  });

  it("sums parallel ties of the chosen relation and says so; reads back", () => {
    const notes: string[] = [];
    const text = writeMatrix(twoRelations(), { relation: "advice", notes });
    expect(text).toBe(",a,b,c\na,0,3,0\nb,0,0,0\nc,0,0,0\n");
    expect(notes.some((n) => /2 parallel tie\(s\).*summing/.test(n))).toBe(true);
    expect(notes.some((n) => /only relation "advice"/.test(n))).toBe(true);
    const back = parseMatrix([file("w.csv", text)], { relation: "advice" });
    expect(ties(back.graph)).toEqual(["a>b:3:advice"]);
  });

  it("with direction asks writes the transpose", () => {
    expect(writeMatrix(twoRelations(), { relation: "market", direction: "asks" })).toBe(",a,b,c\na,0,0,0\nb,0,0,0\nc,0,3,0\n");
  });

  it("is recognised by content among .csv formats", () => {
    expect(detectFormat(file("x.csv", ",A,B\nA,0,1\nB,1,0\n"))?.name).toBe("matrix");
    expect(detectFormat(file("x.csv", "id,kind\nA,firm\nB,lab\nC,firm\n"))?.name).not.toBe("matrix");
    expect(detectFormat(file("x.csv", "source,target\nA,B\n"))?.name).toBe("tidy");
    expect(matrixFormat.sniff!(file("x.csv", "id;A;B\rA;0;1\rB;1;0\r"))).toBeGreaterThan(0.9);
  });
});
