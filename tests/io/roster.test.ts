import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { addRosterAnswers, parseRoster, splitNames, writeRoster, type RosterAnswer } from "../../src/io/roster.js";
import { readInput } from "../../src/io/load.js";
import { ImportReport, assertImportOk, InputError, type ImportReport as Report } from "../../src/io/report.js";
import { addActor, createClusterGraph } from "../../src/model/graph.js";
import type { ClusterGraph } from "../../src/model/types.js";

const dataset = new URL("../../datasets/wine-valley-survey", import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(`${dataset}/manifest.json`, "utf8"));
const fixture = (name: string) => new URL(`../fixtures/io/${name}`, import.meta.url).pathname;
const file = (name: string, text: string) => ({ name, text });
const NODES = file("nodes.csv", "id,kind,inCluster\nA,firm,true\nB,firm,true\nC,firm,true\nX,buyer,false\n");
const issue = (r: Report, code: string) => r.issues.filter((i) => i.code === code);
const ties = (g: ClusterGraph) => {
  const out: string[] = [];
  g.forEachEdge((_e, a, s, t) => out.push(`${s}>${t}:${a.relation}:${a.weight}`));
  return out.sort();
};

describe("roster: the wine valley survey", () => {
  it("reads as 'respondent asks alter' by default and says so", async () => {
    const { graph, report, format } = await readInput(dataset);
    expect(format.name).toBe("roster");
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.direction).toBe("asks");
    expect(graph.getAttribute("direction")).toBe("asks");
    expect(report.notes.some((n) => n.includes("the default for roster surveys"))).toBe(true);
    // Every tie points at its nominator: knowledge flows alter → respondent.
    graph.forEachEdge((_e, a, _s, t) => expect(a.nominator).toBe(t));
    // A cell of the file: W03's row, column advice:X with a strength > 0 ↔ tie X → W03.
    const text = readFileSync(`${dataset}/roster.csv`, "utf8").trim().split("\n").map((l) => l.split(","));
    const header = text[0];
    const w03 = text.find((r) => r[0] === "W03")!;
    const named = header.map((h, k) => [h, w03[k]] as const).filter(([h, v]) => h.startsWith("advice:") && Number(v) > 0);
    expect(named.length).toBeGreaterThan(0);
    const into = graph.inEdges("W03").filter((e) => graph.getEdgeAttribute(e, "relation") === "advice");
    expect(into.map((e) => `${graph.source(e)}:${graph.getEdgeAttribute(e, "weight")}`).sort()).toEqual(named.map(([h, v]) => `${h.slice(7)}:${Number(v)}`).sort());
  });

  it("keeps non-response apart from naming nobody", async () => {
    const { graph, report } = await readInput(dataset);
    const silent = manifest.nonRespondents.all[0];
    const noMarket = manifest.nonRespondents.market[0];
    const nobody = manifest.namesNobody.advice[0];
    const nr = graph.getAttribute("nonRespondents")!;
    expect(nr.advice).toContain(silent);
    expect(nr.market).toEqual([silent, noMarket].sort());
    expect(nr.advice).not.toContain(noMarket);
    expect(nr.advice).not.toContain(nobody);
    expect(graph.getNodeAttribute(silent, "respondent")).toBe(false);
    expect(graph.getNodeAttribute(noMarket, "respondent")).toBe(true);
    expect(graph.getNodeAttribute(nobody, "respondent")).toBe(true);
    expect(graph.inEdges(silent)).toEqual([]);
    expect(graph.inEdges(nobody).filter((e) => graph.getEdgeAttribute(e, "relation") === "advice")).toEqual([]);
    // Blank cells of an answered question are counted as zeros and located.
    const blanks = issue(report, "blank-as-zero");
    expect(blanks.length).toBeGreaterThan(0);
    expect(blanks.every((b) => b.line !== undefined && b.column !== undefined)).toBe(true);
    expect(report.counts.blankCellsAsZero).toBeGreaterThan(0);
    // Organisations with no row: not surveyed, respondent false, listed in a note.
    expect(graph.getNodeAttribute("IMPORTER", "respondent")).toBe(false);
    expect(report.notes.some((n) => n.includes("no row in roster.csv") && n.includes("IMPORTER"))).toBe(true);
  });

  it("--direction flow reverses every tie", async () => {
    const asks = await readInput(dataset);
    const flow = await readInput(dataset, { direction: "flow" });
    const a = new Set<string>();
    asks.graph.forEachEdge((_e, x, s, t) => a.add(`${t}>${s}:${x.relation}:${x.weight}`));
    expect(ties(flow.graph)).toEqual([...a].sort());
    expect(flow.report.notes.some((n) => n.includes("--direction flow"))).toBe(true);
  });
});

describe("roster: strength layout, bad cells and headers", () => {
  it("a non-numeric and a negative strength are errors at their cells", () => {
    const text = "id,advice:A,advice:B,advice:C\nA,,x,1\nB,2,,-1\nC,0,0,\n";
    const { report, graph } = parseRoster([NODES, file("roster.csv", text)]);
    expect(issue(report, "bad-weight").map((i) => [i.file, i.line, i.column])).toEqual([["roster.csv", 2, 4]]);
    expect(issue(report, "negative-weight").map((i) => [i.line, i.column])).toEqual([[3, 6]]);
    expect(report.counts.cellsDropped).toBe(2);
    expect(ties(graph)).toEqual(["A>B:advice:2", "C>A:advice:1"]);
  });

  it("a header naming an unknown actor is an error at its header cell", () => {
    const { report } = parseRoster([NODES, file("roster.csv", "id,advice:A,advice:ZZ\nB,1,1\n")]);
    expect(issue(report, "unknown-actor").map((i) => [i.line, i.column, i.message])).toEqual([[1, 13, 'column "advice:ZZ" names actor "ZZ", which is not in the actor table; the column is ignored']]);
    expect(report.counts.columnsDropped).toBe(1);
  });

  it("an unknown respondent, a duplicate respondent and an empty id are errors; their rows are dropped", () => {
    const text = "id,advice:A\nB,1\nQ,1\nB,0\n,1\n";
    const { report, graph } = parseRoster([NODES, file("roster.csv", text)]);
    expect(issue(report, "unknown-respondent").map((i) => [i.line, i.column])).toEqual([[3, 1]]);
    expect(issue(report, "duplicate-respondent").map((i) => [i.line, i.column])).toEqual([[4, 1]]);
    expect(issue(report, "empty-id").map((i) => [i.line, i.column])).toEqual([[5, 1]]);
    expect(report.counts.rowsDropped).toBe(3);
    expect(ties(graph)).toEqual(["A>B:advice:1"]);
  });

  it("a self-nomination is dropped with a warning; --strict makes it fail", () => {
    const { report, graph } = parseRoster([NODES, file("roster.csv", "id,advice:A,advice:B\nA,2,1\n")]);
    expect(issue(report, "self-nomination").map((i) => [i.severity, i.line, i.column])).toEqual([["warning", 2, 3]]);
    expect(report.counts.selfNominationsDropped).toBe(1);
    expect(ties(graph)).toEqual(["B>A:advice:1"]);
    expect(() => assertImportOk(report)).not.toThrow();
    expect(() => assertImportOk(report, true)).toThrow(InputError);
  });

  it("ragged rows: too many fields drop the row, too few are padded with a warning", () => {
    const { report } = parseRoster([NODES, file("roster.csv", "id,advice:A,advice:B\nB,1,0,7\nC,1\n")]);
    expect(issue(report, "ragged-row").map((i) => [i.severity, i.line, i.column])).toEqual([
      ["error", 2, 7],
      ["warning", 3, 4],
    ]);
  });

  it("an empty file and a file without nomination columns are errors", () => {
    expect(issue(parseRoster([NODES, file("roster.csv", "")]).report, "empty-file")).toHaveLength(1);
    const r = parseRoster([NODES, file("roster.csv", "id,age\nA,3\n")]).report;
    expect(issue(r, "no-nominations").map((i) => [i.line, i.column])).toEqual([[1, 1]]);
  });

  it("bare actor-id headers and relation_ACTOR headers are read with nodes.csv; other columns are attributes", () => {
    const { graph, report } = parseRoster([NODES, file("roster.csv", "id,A,B,market_X,employees\nC,1,0,3,40\n")], { relation: "advice" });
    expect(report.errors).toEqual([]);
    expect(ties(graph)).toEqual(["A>C:advice:1", "X>C:market:3"]);
    expect(graph.getNodeAttribute("C", "employees")).toBe(40);
    expect(report.notes.some((n) => n.includes("market_ACTOR"))).toBe(true);
  });

  it("without nodes.csv: actors are the respondents and those named in headers, created and said so", () => {
    const { graph, report } = parseRoster([file("survey.csv", "\ufeffid;advice:A;advice:B;advice:LAB\rA;;2;1\rB;0;;3\r")]);
    expect(report.errors).toEqual([]);
    expect(graph.nodes().sort()).toEqual(["A", "B", "LAB"]);
    expect(issue(report, "actor-created").map((i) => [i.line, i.column])).toEqual([[1, 22]]);
    expect(ties(graph)).toEqual(["B>A:advice:2", "LAB>A:advice:1", "LAB>B:advice:3"]);
    expect(issue(report, "bom")).toHaveLength(1);
  });
});

describe("roster: list layout", () => {
  it("reads names and strengths; 'none' is naming nobody, blank is non-response", async () => {
    const { graph, report } = await readInput(fixture("roster-lists"));
    expect(report.errors).toEqual([]);
    expect(ties(graph)).toEqual(["F2>F1:advice:1", "L1>F1:advice:3", "X1>F1:market:1"]);
    expect(graph.getAttribute("nonRespondents")).toEqual({ advice: ["F3"], market: ["F2", "F3"] });
    expect(graph.getNodeAttribute("F2", "respondent")).toBe(true);
    expect(graph.getNodeAttribute("F3", "respondent")).toBe(false);
    expect(graph.getNodeAttribute("X1", "respondent")).toBe(false);
    expect(graph.getNodeAttribute("F1", "employees")).toBe(12);
  });

  it("an unknown name is an error at its cell; names match labels; repeated names merge", () => {
    const text = 'id,advice:*\nF1,"Beta Farm; F2=2; Q9"\nF2,F1 L1\n';
    const nodes = file("nodes.csv", readFileSync(fixture("roster-lists/nodes.csv"), "utf8"));
    const { graph, report } = parseRoster([nodes, file("roster.csv", text)]);
    expect(issue(report, "unknown-actor").map((i) => [i.line, i.column, i.severity])).toEqual([[2, 4, "error"]]);
    expect(issue(report, "name-matched")).toHaveLength(1);
    expect(issue(report, "repeated-nomination").map((i) => [i.line, i.column])).toEqual([[2, 4]]);
    expect(report.counts.nominationsMerged).toBe(1);
    expect(ties(graph)).toEqual(["F1>F2:advice:1", "F2>F1:advice:2", "L1>F2:advice:1"]);
    expect(report.notes.some((n) => n.includes("Q9"))).toBe(true);
  });

  it("splits on ; , | and, when every word is an actor, on spaces", () => {
    const known = (n: string) => ["F1", "F2", "Cave Dubois"].includes(n);
    expect(splitNames("F1 F2", known)).toEqual(["F1", "F2"]);
    expect(splitNames("Cave Dubois; F1,F2|F1", known)).toEqual(["Cave Dubois", "F1", "F2", "F1"]);
    expect(splitNames("Cave Nouvelle", known)).toEqual(["Cave Nouvelle"]);
    expect(splitNames("F1=2 F2=3", known)).toEqual(["F1=2", "F2=3"]);
  });
});

describe("roster: addRosterAnswers, the core shared with other survey importers", () => {
  const graph = () => {
    const g = createClusterGraph({ direction: "asks" });
    for (const id of ["A", "B", "C"]) addActor(g, id);
    return g;
  };

  it("null is non-response, [] is naming nobody; respondent status follows", () => {
    const g = graph();
    const report = new ImportReport("kobo", "asks");
    const answers: RosterAnswer[] = [
      { respondent: "A", relation: "advice", nominations: [{ alter: "B", weight: 2 }] },
      { respondent: "A", relation: "market", nominations: null },
      { respondent: "B", relation: "advice", nominations: [] },
      { respondent: "B", relation: "market", nominations: [] },
      { respondent: "C", relation: "advice", nominations: null },
      { respondent: "C", relation: "market", nominations: null },
    ];
    const s = addRosterAnswers(g, answers, report, { file: "form.xlsx" });
    expect(s.ties).toBe(1);
    expect(ties(g)).toEqual(["B>A:advice:2"]);
    expect(s.nonRespondents).toEqual({ market: ["A", "C"], advice: ["C"] });
    expect(g.getAttribute("nonRespondents")).toEqual({ market: ["A", "C"], advice: ["C"] });
    expect(s.respondents).toEqual({ advice: ["A", "B"], market: ["B"] });
    expect(s.silent).toEqual(["C"]);
    expect([g.getNodeAttribute("A", "respondent"), g.getNodeAttribute("B", "respondent"), g.getNodeAttribute("C", "respondent")]).toEqual([true, true, false]);
  });

  it("unknown alters: error by default, dropped with a warning, or created — each reported with its place", () => {
    const ans: RosterAnswer[] = [{ respondent: "A", relation: "advice", nominations: [{ alter: "Z", line: 7, column: 3 }] }];
    const r1 = new ImportReport("kobo");
    addRosterAnswers(graph(), ans, r1, { file: "f.csv" });
    expect(r1.errors.map((i) => [i.code, i.file, i.line, i.column])).toEqual([["unknown-actor", "f.csv", 7, 3]]);
    const r2 = new ImportReport("kobo");
    addRosterAnswers(graph(), ans, r2, { file: "f.csv", unknownAlters: "drop" });
    expect(r2.warnings.map((i) => i.code)).toEqual(["unknown-actor"]);
    const r3 = new ImportReport("kobo");
    const g3 = graph();
    const s3 = addRosterAnswers(g3, ans, r3, { file: "f.csv", unknownAlters: "create", direction: "flow" });
    expect(s3.createdActors).toEqual(["Z"]);
    expect(ties(g3)).toEqual(["A>Z:advice:1"]);
    expect(r3.counts.actorsCreated).toBe(1);
  });

  it("bad strengths are errors; 0 is no tie", () => {
    const r = new ImportReport("kobo");
    const g = graph();
    addRosterAnswers(g, [{ respondent: "A", relation: "advice", nominations: [{ alter: "B", weight: -1 }, { alter: "C", weight: Number.NaN }, { alter: "C", weight: 0 }] }], r, { file: "f" });
    expect(r.errors.map((i) => i.code)).toEqual(["negative-weight", "bad-weight"]);
    expect(g.size).toBe(0);
  });
});

describe("roster: writer", () => {
  it("writes the strength layout and reads back the same ties and non-response", async () => {
    const { graph } = await readInput(dataset);
    const notes: string[] = [];
    const text = writeRoster(graph, { notes });
    const nodes = file("nodes.csv", readFileSync(`${dataset}/nodes.csv`, "utf8"));
    const back = parseRoster([nodes, file("roster.csv", text)]);
    expect(back.report.errors).toEqual([]);
    expect(ties(back.graph)).toEqual(ties(graph));
    expect(back.graph.getAttribute("nonRespondents")).toEqual(graph.getAttribute("nonRespondents"));
    graph.forEachNode((id, a) => expect(back.graph.getNodeAttribute(id, "respondent")).toBe(a.respondent));
    expect(notes.some((n) => n.includes("direction asks"))).toBe(true);
  });

  it("refuses several waves without a choice", () => {
    const g = createClusterGraph();
    addActor(g, "a");
    addActor(g, "b");
    g.addEdge("a", "b", { relation: "x", weight: 1, tieType: "horizontal", wave: "1" });
    g.addEdge("a", "b", { relation: "x", weight: 1, tieType: "horizontal", wave: "2" });
    expect(() => writeRoster(g)).toThrow(/--wave/);
    expect(writeRoster(g, { wave: "2" })).toBe("id,x:a,x:b\na,0,0\nb,1,0\n");
  });
});
