/**
 * Graph correlation, QAP test and MRQAP (netlm, netlogit) against R sna on seeded graphs with missing
 * dyads (tests/oracles/qap.R → qap-sna.json). Coefficients and standard errors to 1e-9; permutation
 * p-values within 3 standard errors of the difference of two Monte-Carlo proportions.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DyadicMatrix } from "../../src/model/dyadic.js";
import { gcor } from "../../src/metrics/gcor.js";
import { qapCorrelation } from "../../src/metrics/qap.js";
import { mrqap, type NullHypothesis } from "../../src/metrics/mrqap.js";

interface Fit {
  model: "linear" | "logistic";
  y: string;
  x: string[];
  nullhyp: NullHypothesis;
  coefficients: number[];
  se: number[];
  tstat: number[];
  pgreq: number[];
  pleeq: number[];
  pgreqabs: number[];
  n: number;
  df_residual: number;
  deviance: number | null;
}
const oracle = JSON.parse(readFileSync(new URL("../oracles/qap-sna.json", import.meta.url), "utf8")) as {
  n: number;
  reps: number;
  matrices: Record<string, (number | null)[][]>;
  gcor: { x: string; y: string; value: number }[];
  qaptest: { x: string; y: string; testval: number; pgreq: number; pleeq: number }[];
  fits: Fit[];
};
const ids = Array.from({ length: oracle.n }, (_v, i) => `a${i + 1}`);
const matrix = (name: string): DyadicMatrix => ({
  name,
  ids,
  n: oracle.n,
  values: Float64Array.from(oracle.matrices[name].flat().map((v) => (v === null ? NaN : v))),
  notes: [],
});
const REPS = 4000;
/** 3 standard errors of the difference of two proportions estimated from R and REPS permutations. */
const within = (ours: number, theirs: number) => {
  const p = (ours * REPS + theirs * oracle.reps) / (REPS + oracle.reps);
  const se = Math.sqrt(p * (1 - p) * (1 / REPS + 1 / oracle.reps));
  return Math.abs(ours - theirs) <= 3 * se + 1e-12;
};
const close = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe("gcor against sna", () => {
  for (const c of oracle.gcor) {
    it(`gcor(${c.x}, ${c.y}) = ${c.value}`, () => {
      expect(close(gcor(matrix(c.x), matrix(c.y)).correlation, c.value, 1e-12)).toBe(true);
    });
  }
  it("counts the dyads left out", () => {
    const r = gcor(matrix("x2abs"), matrix("ylin"));
    // y misses rows 3 and 7 (2·14 dyads); x2abs misses actor 11's row and column (2·14); both miss (3, 11) and (7, 11).
    expect(r.missing).toBe(28 + 28 - 2);
    expect(r.dyads).toBe(15 * 14 - r.missing);
  });
});

describe("qaptest(gcor) against sna", () => {
  for (const c of oracle.qaptest) {
    it(`${c.x} ~ ${c.y}: p≥ within Monte-Carlo error`, () => {
      const r = qapCorrelation(matrix(c.x), matrix(c.y), { reps: REPS, seed: 7 });
      expect(close(r.observed, c.testval, 1e-12)).toBe(true);
      expect(within(r.pGreaterOrEqual, c.pgreq)).toBe(true);
      expect(within(r.pLessOrEqual, c.pleeq)).toBe(true);
      expect(r.seed).toBe(7);
    });
  }
});

describe("netlm / netlogit against sna", () => {
  oracle.fits.forEach((f, idx) => {
    it(`${f.model} ${f.y} ~ ${f.x.join(" + ")} (${f.nullhyp})`, () => {
      const r = mrqap(matrix(f.y), f.x.map(matrix), { model: f.model, nullHypothesis: f.nullhyp, reps: REPS, seed: 100 + idx });
      expect(r.dyads).toBe(f.n);
      expect(r.dfResidual).toBe(f.df_residual);
      r.terms.forEach((t, k) => {
        expect(close(t.coefficient, f.coefficients[k]), `coefficient ${t.name}: ${t.coefficient} vs ${f.coefficients[k]}`).toBe(true);
        expect(close(t.standardError, f.se[k]), `se ${t.name}: ${t.standardError} vs ${f.se[k]}`).toBe(true);
        expect(close(t.statistic, f.tstat[k]), `statistic ${t.name}`).toBe(true);
        if (f.nullhyp === "classical") {
          expect(close(t.pGreaterOrEqual, f.pgreq[k], 1e-9)).toBe(true);
          expect(close(t.pLessOrEqual, f.pleeq[k], 1e-9)).toBe(true);
          expect(close(t.pAbsGreaterOrEqual, f.pgreqabs[k], 1e-9)).toBe(true);
        } else {
          expect(within(t.pGreaterOrEqual, f.pgreq[k]), `p≥ ${t.name}: ${t.pGreaterOrEqual} vs ${f.pgreq[k]}`).toBe(true);
          expect(within(t.pLessOrEqual, f.pleeq[k]), `p≤ ${t.name}: ${t.pLessOrEqual} vs ${f.pleeq[k]}`).toBe(true);
          expect(within(t.pAbsGreaterOrEqual, f.pgreqabs[k]), `p|≥| ${t.name}: ${t.pAbsGreaterOrEqual} vs ${f.pgreqabs[k]}`).toBe(true);
        }
      });
      if (f.model === "logistic" && f.deviance !== null) expect(close(r.deviance!, f.deviance)).toBe(true);
    });
  });
});

describe("mrqap permutations", () => {
  it("the same seed gives the same p-values, another seed other ones", () => {
    const run = (seed: number) => mrqap(matrix("ylin"), [matrix("x1"), matrix("x3")], { reps: 200, seed }).terms.map((t) => t.pAbsGreaterOrEqual);
    expect(run(3)).toEqual(run(3));
    const a = mrqap(matrix("ylin"), [matrix("x1"), matrix("x2")], { reps: 300, seed: 3, nullHypothesis: "qapy" }).terms.map((t) => t.pGreaterOrEqual);
    const b = mrqap(matrix("ylin"), [matrix("x1"), matrix("x2")], { reps: 300, seed: 4, nullHypothesis: "qapy" }).terms.map((t) => t.pGreaterOrEqual);
    expect(a).not.toEqual(b);
  });
});
