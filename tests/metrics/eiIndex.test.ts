/**
 * E-I index: counts derived here from the arc list, the permutation test against the exact distribution
 * over every relabelling, and the whole-network values of the public datasets against their R reference
 * values (tests/fixtures/datasets/<set>/reference_values_computed_advice/graph_level.csv).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTidy } from "../../src/io/tidy.js";
import { parseCsv } from "../../src/io/csv.js";
import { digraphFromArcs, indexDigraph, partitionOf } from "../../src/model/views.js";
import { seededRng } from "../../src/model/random.js";
import { eiIndex } from "../../src/metrics/eiIndex.js";

const SHARED = new URL("../fixtures/datasets/", import.meta.url);

// docs/methods.md §11: undirected A = {1,2,3}, B = {4,5,6}; edges 1–2, 1–3, 2–3, 4–5, 3–4, 2–5 (stored once each).
const ids = ["1", "2", "3", "4", "5", "6"];
const edges: [string, string][] = [["1", "2"], ["1", "3"], ["2", "3"], ["4", "5"], ["3", "4"], ["2", "5"]];
const labels = ["A", "A", "A", "B", "B", "B"];
const g = digraphFromArcs(ids, edges.map(([source, target]) => ({ source, target, weight: 1 })));

/** E and I counted straight from an arc list. */
function naive(arcs: [number, number, number][], lab: string[], weighted = false) {
  let E = 0;
  let I = 0;
  for (const [s, t, w] of arcs) {
    if (s === t) continue;
    if (lab[s] === lab[t]) I += weighted ? w : 1;
    else E += weighted ? w : 1;
  }
  return (E - I) / (E + I);
}

function randomArcs(n: number, p: number, seed: number): [number, number, number][] {
  const rng = seededRng(seed);
  const arcs: [number, number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && rng() < p) arcs.push([i, j, 1 + Math.floor(rng() * 5)]);
  return arcs;
}

/** Every distinct relabelling with the same group sizes (multiset permutations). */
function* relabellings(lab: string[]): Generator<string[]> {
  const sorted = [...lab].sort();
  const used = new Array(sorted.length).fill(false);
  const acc: string[] = [];
  function* rec(): Generator<string[]> {
    if (acc.length === sorted.length) {
      yield acc.slice();
      return;
    }
    for (let i = 0; i < sorted.length; i++) {
      if (used[i] || (i > 0 && sorted[i] === sorted[i - 1] && !used[i - 1])) continue;
      used[i] = true;
      acc.push(sorted[i]);
      yield* rec();
      acc.pop();
      used[i] = false;
    }
  }
  yield* rec();
}

describe("E-I on the worked example (docs/methods.md §11)", () => {
  const r = eiIndex(g, labels, { reps: 0 });
  it("whole network: E 2, I 4", () => {
    expect(r.network.external).toBe(2);
    expect(r.network.internal).toBe(4);
    expect(r.network.ei).toBeCloseTo((2 - 4) / 6, 14);
  });
  it("groups, boundary convention: A (2−3)/5, B (2−1)/3", () => {
    expect(r.groupLevel.map((x) => [x.group, x.external, x.internal])).toEqual([
      ["A", 2, 3],
      ["B", 2, 1],
    ]);
  });
  it("groups, members convention (internal ties counted at both ends)", () => {
    const m = eiIndex(g, labels, { reps: 0, groupConvention: "members" });
    expect(m.groupLevel.map((x) => [x.external, x.internal])).toEqual([
      [2, 6],
      [2, 2],
    ]);
  });
  it("actors: out+in by default; isolate undefined", () => {
    expect(r.actors.map((a) => [a.external, a.internal])).toEqual([
      [0, 2],
      [1, 2],
      [1, 2],
      [1, 1],
      [1, 1],
      [0, 0],
    ]);
    expect(r.actors[5].ei).toBeNaN();
    const out = eiIndex(g, labels, { reps: 0, actorMode: "out" });
    expect(out.actors.map((a) => [a.external, a.internal])).toEqual([
      [0, 2],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
      [0, 0],
    ]);
  });
});

describe("E-I equals the count from the arc list on random digraphs (binary and weighted)", () => {
  it.each([1, 2, 3, 4])("seed %i", (seed) => {
    const n = 25;
    const arcs = randomArcs(n, 0.15, seed);
    const rng = seededRng(100 + seed);
    const lab = Array.from({ length: n }, () => "g" + Math.floor(rng() * 4));
    const names = Array.from({ length: n }, (_, i) => `v${i}`);
    const dg = digraphFromArcs(names, arcs.map(([s, t, w]) => ({ source: names[s], target: names[t], weight: w })));
    expect(eiIndex(dg, lab, { reps: 0 }).network.ei).toBeCloseTo(naive(arcs, lab), 14);
    expect(eiIndex(dg, lab, { reps: 0, weighted: true }).network.ei).toBeCloseTo(naive(arcs, lab, true), 14);
    // Each actor: out and in arcs to own vs other groups.
    const r = eiIndex(dg, lab, { reps: 0 });
    for (let v = 0; v < n; v++) {
      const mine = arcs.filter(([s, t]) => s === v || t === v);
      const e = mine.filter(([s, t]) => lab[s] !== lab[t]).length;
      const i = mine.length - e;
      expect([r.actors[v].external, r.actors[v].internal]).toEqual([e, i]);
    }
  });
});

describe("permutation test", () => {
  // Exact null distribution: all 20 relabellings of 3 + 3 actors.
  const all = [...relabellings(labels)].map((lab) => eiIndex(g, lab, { reps: 0 }));
  const observed = eiIndex(g, labels, { reps: 20000, seed: 7 });
  it("the analytic expectation is the mean over every relabelling", () => {
    const mean = all.reduce((s, r) => s + r.network.ei, 0) / all.length;
    expect(all).toHaveLength(20);
    expect(observed.network.test!.expected).toBeCloseTo(mean, 12);
    expect(observed.network.test!.mean).toBeCloseTo(mean, 2);
  });
  it("p-values approach the exact ones", () => {
    const exactLow = all.filter((r) => r.network.ei <= observed.network.ei + 1e-12).length / all.length;
    const exactHigh = all.filter((r) => r.network.ei >= observed.network.ei - 1e-12).length / all.length;
    expect(observed.network.test!.pLower).toBeCloseTo(exactLow, 2);
    expect(observed.network.test!.pHigher).toBeCloseTo(exactHigh, 2);
    for (let c = 0; c < 2; c++) {
      const exact = all.filter((r) => r.groupLevel[c].ei <= observed.groupLevel[c].ei + 1e-12).length / all.length;
      expect(observed.groupLevel[c].test!.pLower).toBeCloseTo(exact, 2);
    }
  });
  it("the same seed gives the same p-values; the seed is echoed", () => {
    const a = eiIndex(g, labels, { reps: 500, seed: 3 });
    const b = eiIndex(g, labels, { reps: 500, seed: 3 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.options.seed).toBe(3);
    expect(a.options.reps).toBe(500);
  });
  it("a strongly clustered network is significantly below chance", () => {
    const n = 30;
    const rng = seededRng(5);
    const lab = Array.from({ length: n }, (_, i) => String(i % 3));
    const names = lab.map((_, i) => `v${i}`);
    const arcs = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && rng() < (lab[i] === lab[j] ? 0.5 : 0.02)) arcs.push({ source: names[i], target: names[j], weight: 1 });
    const r = eiIndex(digraphFromArcs(names, arcs), lab, { reps: 999, seed: 1 });
    expect(r.network.test!.pLower).toBeLessThanOrEqual(0.002);
    expect(r.network.test!.pHigher).toBeGreaterThan(0.99);
  });
});

describe("public datasets: whole-network E-I matches the R reference values", () => {
  const cases: [string, string, string][] = [
    ["krackhardt_hightech", "edges_advice.csv", "department"],
    ["lazega_lawfirm", "edges_advice.csv", "office"],
    ["lazega_lawfirm", "edges_advice.csv", "practice"],
    ["lazega_lawfirm", "edges_advice.csv", "status"],
  ];
  it.each(cases)("%s %s by %s", (folder, edges, attr) => {
    const file = (n: string) => ({ name: `${folder}/${n}`, text: readFileSync(new URL(`${folder}/${n}`, SHARED), "utf8") });
    const { graph } = parseTidy([file("nodes.csv"), file(edges)]);
    const dg = indexDigraph(graph);
    const r = eiIndex(dg, partitionOf(graph, attr, dg.ids), { reps: 0 });
    const ref = new Map(parseCsv(readFileSync(new URL(`${folder}/reference_values_computed_advice/graph_level.csv`, SHARED), "utf8")).rows.map((row) => [row[0], row[1]]));
    expect(r.network.external).toBe(Number(ref.get(`EI_${attr}_E`)));
    expect(r.network.internal).toBe(Number(ref.get(`EI_${attr}_I`)));
    expect(r.network.ei).toBeCloseTo(Number(ref.get(`EI_${attr}`)), 9);
  });
});
