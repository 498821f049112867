/**
 * Survey-round change figures against R (tests/oracles/waves.R → waves-r.json): a seeded three-round network
 * read as a rounds folder (actors entering and leaving, NA and "." cells, a non-respondent row) and a
 * two-round network in RSiena's layout (semicolon matrices with bare-CR line endings, rows ask columns,
 * absent firms, a presence table, one-column attribute files, an NA cell and a structural zero coded 10).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRounds, roundsFolder } from "../../src/io/rounds.js";
import { waves, type RelationWaves } from "../../src/metrics/waves.js";
import { presenceOf } from "../../src/model/rounds.js";

const root = new URL("../../", import.meta.url).pathname;
const oracle = JSON.parse(readFileSync(join(root, "tests/oracles/waves-r.json"), "utf8"));
const rsDir = join(root, "tests/fixtures/rsiena-layout");

type RFigures = Record<string, number | string>;
const RATIOS = ["missingFraction", "density", "averageDegree"];

function expectFigures(rel: RelationWaves, expected: Record<string, RFigures>) {
  expect(rel.rounds.map((r) => r.round)).toEqual(Object.keys(expected));
  for (const r of rel.rounds) {
    const e = expected[r.round];
    for (const k of ["actors", "ties", "mutualDyads", "reciprocatedTies", "missingCells", "transitiveTriplets", "threeCycles"]) expect([r.round, k, (r as unknown as Record<string, number>)[k === "actors" ? "actorCount" : k]]).toEqual([r.round, k, e[k]]);
    for (const k of RATIOS) expect([r.round, k, (r as unknown as Record<string, number>)[k]]).toEqual([r.round, k, Number(e[k])]);
  }
}

interface RChange {
  from: string;
  to: string;
  actors: number;
  n00: number;
  n01: number;
  n10: number;
  n11: number;
  missing: number;
  hamming: number;
  jaccard: string;
  perActor: Record<string, number | string>[];
  rates: Record<string, { ties: number; kept: number; nonTies: number; created: number }>;
}

function expectChanges(rel: RelationWaves, expected: RChange[]) {
  expect(rel.changes.length).toBe(expected.length);
  rel.changes.forEach((c, k) => {
    const e = expected[k];
    const { jaccard, ...counts } = c.table;
    expect(counts).toEqual({ from: e.from, to: e.to, actorCount: e.actors, n00: e.n00, n01: e.n01, n10: e.n10, n11: e.n11, missing: e.missing, hamming: e.hamming });
    expect(jaccard).toBe(Number(e.jaccard));
    const mine = Object.fromEntries(c.actors.map(({ label: _l, ...a }) => [a.id, a]));
    expect(mine).toEqual(Object.fromEntries(e.perActor.map((a) => [a.id, a])));
    const rate = (property: string, value: string) => {
      const r = c.rates.find((x) => x.property === property && x.value === value);
      return r ? { ties: r.ties, kept: r.kept, nonTies: r.nonTies, created: r.created } : { ties: 0, kept: 0, nonTies: 0, created: 0 };
    };
    expect(rate("all", "all")).toEqual(e.rates.all);
    expect(rate("reciprocated", "yes")).toEqual(e.rates.reciprocatedYes);
    expect(rate("reciprocated", "no")).toEqual(e.rates.reciprocatedNo);
    expect(rate("closedTriad", "yes")).toEqual(e.rates.closedTriadYes);
    expect(rate("closedTriad", "no")).toEqual(e.rates.closedTriadNo);
  });
}

describe("waves against R: a seeded three-round network (rounds folder)", () => {
  it("reads wave-1.csv … wave-3.csv as rounds 1, 2, 3, each file listing the actors present", async () => {
    const folder = roundsFolder(join(root, "tests/fixtures/waves-seeded"))!;
    expect(folder.sources.map((s) => s.wave)).toEqual(["1", "2", "3"]);
    const { graph, report } = await readRounds(folder.sources);
    expect(report.ok(false)).toBe(true);
    const p = presenceOf(graph);
    expect(p.changes.map((c) => [c.entering, c.leaving])).toEqual([
      [["F13"], ["F11", "F12"]],
      [["F11", "F14"], ["F10"]],
    ]);
    const w = waves(graph);
    expect(w.relations.map((r) => r.relation)).toEqual(["knowledge"]);
    expectFigures(w.relations[0], oracle.seeded.figures);
    expectChanges(w.relations[0], oracle.seeded.changes);
  });
});

describe("waves against R: RSiena's layout", () => {
  const sources = [
    { wave: "2012", path: join(rsDir, "net2012.csv") },
    { wave: "2015", path: join(rsDir, "net2015.csv") },
  ];
  const attributes = ["presence.csv", "ownership.csv", "size.csv"].map((f) => join(rsDir, f));

  it("rows ask columns, structural zero 10, presence table and one-column attribute files", async () => {
    const { graph, report } = await readRounds(sources, { direction: "asks", structuralCodes: true, attributes });
    expect(report.ok(false)).toBe(true);
    expect(report.issues.filter((i) => i.code === "line-endings").map((i) => i.message)).toEqual(["line endings: CR", "line endings: CR"]);
    const ids = graph.nodes();
    expect(ids.map((id) => graph.getNodeAttribute(id, "ownership"))).toEqual(oracle.rsiena.ownership);
    // "size" is reserved for display: the attribute is renamed size_ (and the report says so).
    expect(ids.map((id) => graph.getNodeAttribute(id, "size_"))).toEqual(oracle.rsiena.size);
    expect(report.issues.some((i) => i.code === "reserved-attribute" && i.message.includes("size_"))).toBe(true);
    const p = presenceOf(graph);
    expect(p.source).toEqual({ "2012": "presence table", "2015": "presence table" });
    expect(p.changes[0].entering.sort()).toEqual([...oracle.rsiena.absent["2012"]].sort());
    expect(p.changes[0].leaving).toEqual([oracle.rsiena.absent["2015"]].flat());
    // F1 asks F2 is coded 10 in 2015: no tie F2 → F1 (flow) in that round.
    let tie = false;
    graph.forEachEdge((_k, a, s, t) => {
      if (s === "F2" && t === "F1" && a.wave === "2015") tie = true;
    });
    expect(tie).toBe(false);
    const w = waves(graph);
    expectFigures(w.relations[0], oracle.rsiena.figures);
    expectChanges(w.relations[0], oracle.rsiena.changes);
  });

  it("without --structural-codes, the 10 is a located warning and a missing cell, never a tie of strength 10", async () => {
    const { graph, report } = await readRounds(sources, { direction: "asks", attributes });
    const warn = report.warnings.filter((i) => i.code === "structural-code");
    expect(warn.map((i) => [i.file.endsWith("net2015.csv"), i.line, i.column])).toEqual([[true, 2, "F1;0;".length + 1]]);
    graph.forEachEdge((_k, a) => expect(a.weight).toBe(1));
    const w = waves(graph);
    const r2015 = w.relations[0].rounds[1];
    expect(r2015.missingCells).toBe((oracle.rsiena.figures["2015"].missingCells as number) + 1);
  });

  it("without a presence table, the absent firms' all-zero rows are only suggested in the import report", async () => {
    const { graph, report } = await readRounds(sources, { direction: "asks", structuralCodes: true });
    const hints = report.issues.filter((i) => i.code === "absent-suggestion");
    expect(hints.map((h) => h.message.match(/: ([A-Z0-9, ]+); taken as present/)![1])).toEqual(["F9, F10", "F3"]);
    expect(presenceOf(graph).present.get("2012")!.size).toBe(10);
    const opted = await readRounds(sources, { direction: "asks", structuralCodes: true, absentIfIsolated: true });
    const p = presenceOf(opted.graph);
    expect([...p.present.get("2012")!].includes("F9")).toBe(false);
    expect(waves(opted.graph).relations[0].changes[0].table.n11).toBe(oracle.rsiena.changes[0].n11);
  });
});
