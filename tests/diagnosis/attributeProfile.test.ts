/**
 * Attribute profiles and node-level regression against base R on seeded vectors with missing values
 * (tests/oracles/nodelevel.R → nodelevel-r.json): F and coefficients exact, permutation p within 3
 * standard errors; indicators wired to the metrics; the profile command.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareGroups, nodeIndicators, nodeRegression, profileByAttribute } from "../../src/diagnosis/attributeProfile.js";
import { readInput } from "../../src/io/load.js";
import { externalOpenness } from "../../src/metrics/openness.js";
import { main } from "../../src/cli/main.js";

const o = JSON.parse(readFileSync(new URL("../oracles/nodelevel-r.json", import.meta.url), "utf8"));
const num = (xs: (number | null)[]) => xs.map((v) => (v === null ? NaN : v));
const REPS = 4000;
const within = (ours: number, theirs: number) => {
  const p = (ours + theirs) / 2;
  return Math.abs(ours - theirs) <= 3 * Math.sqrt(p * (1 - p) * (1 / REPS + 1 / o.reps)) + 1e-12;
};
const fixture = new URL("../fixtures/layers/two-relations/", import.meta.url).pathname;

describe("group comparison and node-level regression against R", () => {
  it("F, group means and the label-permutation p", () => {
    const r = compareGroups(num(o.v), o.g.map((x: string | null) => x ?? undefined), { reps: REPS, seed: 3 });
    expect(r.f).toBeCloseTo(o.F, 12);
    expect(r.groups.map((g) => g.mean)).toEqual(o.means.map((m: number) => expect.closeTo(m, 12)));
    expect(r.leftOut).toBe(3);
    expect(within(r.p, o.pF)).toBe(true);
  });
  it("coefficients, standard errors, R² and the permutation p of the dependent vector", () => {
    const r = nodeRegression({ name: "y", values: num(o.y) }, [{ name: "x1", values: num(o.x1) }, { name: "x2", values: num(o.x2) }], { reps: REPS, seed: 5 });
    expect(r.actorCount).toBe(o.n);
    r.terms.forEach((t, k) => {
      expect(t.coefficient).toBeCloseTo(o.coef[k], 12);
      expect(t.standardError).toBeCloseTo(o.se[k], 12);
      expect(within(t.pAbsGreaterOrEqual, o.pabs[k]), `${t.name}: ${t.pAbsGreaterOrEqual} vs ${o.pabs[k]}`).toBe(true);
    });
    expect(r.rSquared).toBeCloseTo(o.r2, 12);
  });
});

describe("attribute profiles on a cluster", () => {
  it("indicators are the metrics' values; the profile leaves actors without a value out", async () => {
    const { graph } = await readInput(fixture);
    const ind = nodeIndicators(graph);
    const open = externalOpenness(graph);
    expect(Array.from(ind.values.externalIn)).toEqual(open.actors.map((a) => a.externalIn));
    const p = profileByAttribute(graph, "employees", { reps: 50, indicators: ["outDegree"] });
    expect(p.withoutValue).toEqual(["f08"]);
    expect(p.indicators[0].actorCount).toBe(11);
    const q = profileByAttribute(graph, "ownership", { reps: 200, seed: 2 });
    expect(q.indicators.map((i) => i.indicator)).toContain("constraint");
    expect(q.seed).toBe(2);
    expect(() => profileByAttribute(graph, "nosuch")).toThrow(/no actor has a value/);
  });
  it("the profile command prints the groups, the test and the seed; refuses an unknown attribute", async () => {
    let out = "";
    const code = await main(["node", "clusterflow", "profile", fixture, "--by", "ownership", "--reps", "100", "--seed", "8"], { out: (t) => (out += t), err: () => {} });
    expect(code).toBe(0);
    expect(out).toMatch(/family/);
    expect(out).toMatch(/100 label permutations, seed 8/);
    const bad = await main(["node", "clusterflow", "profile", fixture, "--by", "nosuch"], { out: () => {}, err: () => {} });
    expect(bad).toBe(1);
  });
});
