/**
 * Relations as layers: overlap and QAP graph correlation against R sna on the bundled Suame Magazine
 * dataset (tests/oracles/layers.R → layers-sna.json); missing dyads of non-respondents on the two-relation
 * fixture; the per-relation ranks agree with the gatekeeper ranking of each relation alone; the command.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readInput } from "../../src/io/load.js";
import { layers } from "../../src/diagnosis/layers.js";
import { gatekeepers } from "../../src/diagnosis/gatekeepers.js";
import { filterTies } from "../../src/model/views.js";
import { main } from "../../src/cli/main.js";

const oracle = JSON.parse(readFileSync(new URL("../oracles/layers-sna.json", import.meta.url), "utf8"));
const suame = new URL("../../datasets/suame-magazine/", import.meta.url).pathname;
const fixture = new URL("../fixtures/layers/two-relations/", import.meta.url).pathname;

describe("layers", () => {
  it("Suame Magazine: overlap and gcor equal sna's, QAP p within Monte-Carlo error", async () => {
    const { graph } = await readInput(suame);
    const r = layers(graph, { reps: 4000, seed: 9 });
    const p = r.pairs[0];
    expect([p.a, p.b]).toEqual([oracle.a, oracle.b]);
    expect([p.tiesA, p.tiesB, p.shared]).toEqual([oracle.tiesA, oracle.tiesB, oracle.shared]);
    expect(p.jaccard).toBeCloseTo(oracle.jaccard, 14);
    expect(p.correlation).toBeCloseTo(oracle.gcor, 12);
    const pool = (p.qap.pGreaterOrEqual * 4000 + oracle.pgreq * oracle.reps) / (4000 + oracle.reps);
    const se = Math.sqrt(pool * (1 - pool) * (1 / 4000 + 1 / oracle.reps));
    expect(Math.abs(p.qap.pGreaterOrEqual - oracle.pgreq)).toBeLessThanOrEqual(3 * se + 1e-12);
    expect(p.qap.seed).toBe(9);
  });
  it("leaves the non-respondents' dyads out of the overlap", async () => {
    const { graph } = await readInput(fixture);
    const r = layers(graph, { reps: 50 });
    const p = r.pairs[0];
    expect([p.a, p.b]).toEqual(["advice", "business"]);
    expect(p.dyads).toBe(132 - 22);
    expect(r.layers.find((l) => l.relation === "advice")!.missingDyads).toBe(22);
    // Ranks listed are those of each relation alone.
    const alone = gatekeepers(filterTies(graph, { relations: ["advice"] }));
    for (const a of p.actors) expect(a.rankA).toBe(alone.ranking.find((x) => x.id === a.id)!.rank);
    for (let k = 1; k < p.actors.length; k++) expect(p.actors[k - 1].rankDifference).toBeGreaterThanOrEqual(p.actors[k].rankDifference);
  });
  it("refuses a graph with one relation", async () => {
    const { graph } = await readInput(fixture);
    expect(() => layers(filterTies(graph, { relations: ["advice"] }))).toThrow(/only one/);
  });
  it("the command shows the overlap and the QAP correlation, and echoes the seed", async () => {
    let out = "";
    const code = await main(["node", "clusterflow", "layers", suame, "--reps", "200", "--seed", "4"], { out: (t) => (out += t), err: () => {} });
    expect(code).toBe(0);
    // The pair's row: dyads, ties of each relation, shared ties, Jaccard and gcor as sna computes them (4 decimals).
    const row = ["business", "technical-advice", oracle.n * (oracle.n - 1), oracle.tiesA, oracle.tiesB, oracle.shared, +oracle.jaccard.toFixed(4), +oracle.gcor.toFixed(4)];
    expect(out).toMatch(new RegExp(row.map((x) => String(x).replace(/\./g, "\\.")).join("\\s+")));
    expect(out).toMatch(/200 permutations, seed 4/);
    expect(out).toMatch(/not pooled/);
  });
});
