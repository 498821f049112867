/**
 * Borgatti–Everett discrete core–periphery: the best partition found against every partition enumerated
 * here, with the Pearson correlation computed cell by cell from the adjacency matrix.
 */
import { describe, expect, it } from "vitest";
import { digraphFromArcs, type Digraph } from "../../src/model/views.js";
import { seededRng } from "../../src/model/random.js";
import { corePeriphery, corePeripheryFit } from "../../src/metrics/corePeriphery.js";

function matrixOf(n: number, arcs: [number, number, number][], mode: "undirected" | "directed", weighted: boolean): number[][] {
  const A = Array.from({ length: n }, () => new Array(n).fill(0));
  for (const [s, t, w] of arcs) {
    if (s === t) continue;
    const v = weighted ? w : 1;
    if (mode === "directed") A[s][t] = v;
    else {
      A[s][t] = weighted ? A[s][t] + v : 1;
      A[t][s] = weighted ? A[t][s] + v : 1;
    }
  }
  return A;
}

/** Pearson correlation over off-diagonal cells that are core–core or periphery–periphery. */
function naiveFit(A: number[][], core: boolean[]): number {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < A.length; i++)
    for (let j = 0; j < A.length; j++) {
      if (i === j || core[i] !== core[j]) continue;
      x.push(A[i][j]);
      y.push(core[i] ? 1 : 0);
    }
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < x.length; k++) {
    sxy += (x[k] - mx) * (y[k] - my);
    sxx += (x[k] - mx) ** 2;
    syy += (y[k] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function bruteForce(A: number[][]): number {
  const n = A.length;
  let best = -Infinity;
  for (let mask = 0; mask < 1 << n; mask++) {
    const core = Array.from({ length: n }, (_, i) => ((mask >> i) & 1) === 1);
    const c = core.filter(Boolean).length;
    if (c < 2 || n - c < 2) continue;
    const f = naiveFit(A, core);
    if (Number.isFinite(f)) best = Math.max(best, f);
  }
  return best;
}

function plantedArcs(n: number, coreSize: number, seed: number, pcc: number, pcp: number, ppp: number): [number, number, number][] {
  const rng = seededRng(seed);
  const arcs: [number, number, number][] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const p = i < coreSize && j < coreSize ? pcc : i < coreSize || j < coreSize ? pcp : ppp;
      if (rng() < p) arcs.push([i, j, 1 + Math.floor(rng() * 4)]);
    }
  return arcs;
}

const digraph = (n: number, arcs: [number, number, number][]): Digraph => {
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  return digraphFromArcs(ids, arcs.map(([s, t, w]) => ({ source: ids[s], target: ids[t], weight: w })));
};

describe("core–periphery fit equals the cell-by-cell correlation", () => {
  it.each([1, 2, 3])("random partitions, seed %i", (seed) => {
    const n = 12;
    const arcs = plantedArcs(n, 4, seed, 0.8, 0.3, 0.1);
    const g = digraph(n, arcs);
    const rng = seededRng(seed + 50);
    for (let t = 0; t < 20; t++) {
      const core = Array.from({ length: n }, () => rng() < 0.4);
      if (core.filter(Boolean).length < 2 || core.filter((x) => !x).length < 2) continue;
      const ids = g.ids.filter((_, i) => core[i]);
      for (const mode of ["undirected", "directed"] as const)
        for (const weighted of [false, true]) expect(corePeripheryFit(g, ids, { mode, weighted })).toBeCloseTo(naiveFit(matrixOf(n, arcs, mode, weighted), core), 12);
    }
  });
});

const searchGap: number[] = [];

describe("the best partition matches enumeration of every partition (n ≤ 10)", () => {
  const settings: [string, number, number, number, number, number][] = [
    ["clear core", 10, 4, 0.9, 0.4, 0.05],
    ["weak core", 10, 3, 0.6, 0.3, 0.2],
    ["no core (random)", 9, 3, 0.3, 0.3, 0.3],
    ["sparse", 10, 5, 0.4, 0.1, 0.05],
  ];
  for (const [name, n, c, pcc, pcp, ppp] of settings) {
    for (const seed of [1, 2, 3]) {
      for (const mode of ["undirected", "directed"] as const) {
        it(`${name}, seed ${seed}, ${mode}`, () => {
          const arcs = plantedArcs(n, c, seed, pcc, pcp, ppp);
          const g = digraph(n, arcs);
          const best = bruteForce(matrixOf(n, arcs, mode, false));
          const exact = corePeriphery(g, { mode });
          expect(exact.options.method).toBe("exact");
          expect(exact.fit).toBeCloseTo(best, 12);
          expect(naiveFit(matrixOf(n, arcs, mode, false), g.ids.map((id) => exact.core.includes(id)))).toBeCloseTo(best, 12);
          const search = corePeriphery(g, { mode, method: "search" });
          expect(search.options.method).toBe("search");
          expect(search.fit).toBeLessThanOrEqual(best + 1e-12);
          searchGap.push(best - search.fit);
        });
      }
    }
  }
  it("the search reaches the optimum in at least nine of ten cases", () => {
    expect(searchGap.length).toBe(24);
    expect(searchGap.filter((x) => x > 1e-9).length, JSON.stringify(searchGap)).toBeLessThanOrEqual(2);
    expect(Math.max(...searchGap)).toBeLessThan(0.05);
  });
  it("weighted: exact matches enumeration", () => {
    const n = 9;
    const arcs = plantedArcs(n, 3, 4, 0.8, 0.4, 0.1);
    const A = matrixOf(n, arcs, "undirected", true);
    expect(corePeriphery(digraph(n, arcs), { weighted: true }).fit).toBeCloseTo(bruteForce(A), 12);
  });
});

describe("known cases", () => {
  it("K5 plus 5 isolates: the core is the K5 (netUtils' test case), fit 1", () => {
    const arcs: [number, number, number][] = [];
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) arcs.push([i, j, 1]);
    for (const method of ["exact", "search"] as const) {
      const r = corePeriphery(digraph(10, arcs), { method });
      expect(r.core).toEqual(["n0", "n1", "n2", "n3", "n4"]);
      expect(r.fit).toBeCloseTo(1, 12);
      expect(r.coreDensity).toBe(1);
      expect(r.peripheryDensity).toBe(0);
    }
  });
  it("the search keeps a planted core on a larger graph and fits at least as well as it", () => {
    const n = 60;
    const arcs = plantedArcs(n, 8, 11, 0.9, 0.25, 0.02);
    const g = digraph(n, arcs);
    const r = corePeriphery(g);
    const planted = Array.from({ length: 8 }, (_, i) => `n${i}`);
    expect(r.options.method).toBe("search");
    for (const id of planted) expect(r.core).toContain(id);
    expect(r.fit).toBeGreaterThanOrEqual(corePeripheryFit(g, planted));
    expect(r.core.length).toBeLessThan(20);
  });
  it("fewer than four actors: no partition has two in each part", () => {
    expect(corePeriphery(digraph(3, [[0, 1, 1]])).fit).toBeNaN();
  });
});
