/**
 * The qap command on a two-relation fixture: the matrices it builds from the files (non-respondents,
 * an actor absent from a covariate file, attribute terms) equal matrices built here straight from the
 * CSV text, located errors for a misspelt actor id, usage errors, the seed echoed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { mrqap } from "../../src/metrics/mrqap.js";
import type { DyadicMatrix } from "../../src/model/dyadic.js";

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["node", "clusterflow", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
const dir = new URL("../fixtures/layers/", import.meta.url);
const folder = new URL("two-relations/", dir).pathname;
const lines = (name: string) => readFileSync(new URL(name, dir), "utf8").trim().split("\n").map((l) => l.split(","));

/** Matrices built from the CSV text, independently of the importers. */
function handMade() {
  const nodes = lines("two-relations/nodes.csv");
  const head = nodes[0];
  const ids = nodes.slice(1).map((r) => r[0]);
  const n = ids.length;
  const at = (id: string) => ids.indexOf(id);
  const blank = () => {
    const v = new Float64Array(n * n);
    for (let i = 0; i < n; i++) v[i * n + i] = NaN;
    return v;
  };
  const advice = blank();
  const business = blank();
  for (const [s, t, rel, w] of lines("two-relations/ties.csv").slice(1)) (rel === "advice" ? advice : business)[at(s) * n + at(t)] += Number(w);
  const nr = head.indexOf("nonRespondentFor");
  for (const r of nodes.slice(1)) if (r[nr] === "advice") for (let j = 0; j < n; j++) advice[at(r[0]) * n + j] = NaN;
  const geo = new Float64Array(n * n).fill(NaN);
  const dm = lines("distance-partial.csv");
  const cols = dm[0].slice(1);
  for (const row of dm.slice(1)) cols.forEach((c, k) => row[0] !== c && (geo[at(row[0]) * n + at(c)] = Number(row[k + 1])));
  const own = head.indexOf("ownership");
  const same = blank();
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) same[i * n + j] = nodes[i + 1][own] === nodes[j + 1][own] ? 1 : 0;
  const m = (name: string, values: Float64Array): DyadicMatrix => ({ name, ids, n, values, notes: [] });
  return { advice: m("advice", advice), business: m("business", business), geo: m("geo", geo), same: m("same:ownership", same) };
}

describe("clusterflow qap", () => {
  const args = [folder, "--y", "advice", "--x", "business", "--x", "geo", "--dyadic", `geo=${new URL("distance-partial.csv", dir).pathname}`, "--x", "same:ownership", "--reps", "300", "--seed", "11", "--json"];
  it("fits the matrices the data define, missing dyads left out and counted", async () => {
    const r = await run("qap", ...args);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const h = handMade();
    const ref = mrqap(h.advice, [h.business, h.geo, h.same], { reps: 300, seed: 11 });
    expect(j.terms.map((t: { name: string }) => t.name)).toEqual(["(intercept)", "business", "geo", "same:ownership"]);
    j.terms.forEach((t: { coefficient: number; pAbsGreaterOrEqual: number }, k: number) => {
      expect(t.coefficient).toBeCloseTo(ref.terms[k].coefficient, 12);
      expect(t.pAbsGreaterOrEqual).toBe(ref.terms[k].pAbsGreaterOrEqual);
    });
    // advice misses f04's and f09's rows (2·11); geo misses f12's row and column (2·11), 2 dyads in both.
    expect(j.missingBy).toEqual({ advice: 22, business: 0, geo: 22, "same:ownership": 0 });
    expect(j.dyads).toBe(132 - 42);
    expect(j.seed).toBe(11);
    expect(j.nullHypothesisUsed).toBe("qapspp");
    expect(j.relations).toEqual(["advice", "business"]);
    expect(j.warnings.join("\n")).toMatch(/f12/);
  });
  it("a misspelt actor id in a covariate file: exit 2 with file:line:column", async () => {
    const r = await run("qap", folder, "--y", "advice", "--x", "geo", "--dyadic", `geo=${new URL("distance-misspelt.csv", dir).pathname}`);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/distance-misspelt\.csv:1:10: error: .*"f3x" is not an actor/);
    expect(r.err).not.toMatch(/at .*\.ts:/);
  });
  it("an unknown term or a missing --y is a usage error", async () => {
    expect((await run("qap", folder, "--y", "advice", "--x", "nosuch")).code).toBe(2);
    expect((await run("qap", folder, "--x", "business")).code).toBe(2);
    expect((await run("qap", folder, "--y", "advice", "--x", "same:nosuch")).err).toMatch(/no actor has an attribute "nosuch"/);
  });
  it("logistic: the response read as 0/1 and said so", async () => {
    const r = await run("qap", folder, "--y", "advice", "--x", "business", "--model", "logistic", "--null", "qapy", "--reps", "100", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.model).toBe("logistic");
    expect(j.notes.join(" ")).toMatch(/read as 0\/1/);
    expect(j.terms[1].oddsRatio).toBeCloseTo(Math.exp(j.terms[1].coefficient), 12);
  });
});
