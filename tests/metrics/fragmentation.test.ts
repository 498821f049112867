/**
 * Fragmentation F and DF against networkx shortest paths (tests/oracles/fragmentation_networkx.py);
 * key players, articulation points, bridges and new-tie effects against brute force done here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { digraphFromArcs, inducedDigraph, type Digraph } from "../../src/model/views.js";
import { seededRng } from "../../src/model/random.js";
import { weakComponents } from "../../src/metrics/components.js";
import { cutPoints, fragmentation, keyPlayers, newTieEffects } from "../../src/metrics/fragmentation.js";

const NX = JSON.parse(readFileSync(new URL("../oracles/fragmentation_networkx.json", import.meta.url), "utf8"));

const build = (ids: string[], arcs: [string, string][]) => digraphFromArcs(ids, arcs.map(([source, target]) => ({ source, target, weight: 1 })));

function randomDigraph(n: number, p: number, seed: number): Digraph {
  const rng = seededRng(seed);
  const ids = Array.from({ length: n }, (_, i) => `a${i}`);
  const arcs: [string, string][] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && rng() < p) arcs.push([ids[i], ids[j]]);
  return build(ids, arcs);
}

function* subsets(n: number, k: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield acc.slice();
    return;
  }
  for (let i = start; i < n; i++) {
    acc.push(i);
    yield* subsets(n, k, i + 1, acc);
    acc.pop();
  }
}

describe("F and DF match networkx shortest paths", () => {
  for (const c of NX.cases) {
    const g = build(c.ids, c.arcs);
    for (const r of c.results) {
      it(`${c.name} without [${r.removed.join(", ")}]`, () => {
        const u = fragmentation(g, { removed: r.removed });
        expect(u.fragmentation).toBeCloseTo(r.undirected.F, 12);
        expect(u.distanceWeighted).toBeCloseTo(r.undirected.DF, 12);
        const d = fragmentation(g, { removed: r.removed, mode: "directed" });
        expect(d.fragmentation).toBeCloseTo(r.directed.F, 12);
        expect(d.distanceWeighted).toBeCloseTo(r.directed.DF, 12);
      });
    }
  }
});

describe("F by component sizes (undirected), derived here", () => {
  it.each([1, 2, 3, 4, 5])("random digraph seed %i", (seed) => {
    const g = randomDigraph(30, 0.03, seed);
    const comps = weakComponents(g);
    const n = g.n;
    const within = comps.sizes.reduce((s, k) => s + k * (k - 1), 0);
    expect(fragmentation(g).fragmentation).toBeCloseTo(1 - within / (n * (n - 1)), 12);
  });
  it("is 0 when connected and 1 when all are isolated; NaN below two actors", () => {
    expect(fragmentation(build(["a", "b", "c"], [["a", "b"], ["b", "c"]])).fragmentation).toBe(0);
    expect(fragmentation(build(["a", "b", "c"], [])).fragmentation).toBe(1);
    expect(fragmentation(build(["a"], [])).fragmentation).toBeNaN();
  });
});

const heuristicGap: { name: string; gap: number }[] = [];

describe("key players reach the brute-force optimum on small graphs", () => {
  const kite = NX.cases[0];
  const graphs: [string, Digraph][] = [
    ["kite", build(kite.ids, kite.arcs)],
    ...NX.cases.slice(1).map((c: any) => [c.name, build(c.ids, c.arcs)] as [string, Digraph]),
    ["random 14", randomDigraph(14, 0.15, 9)],
  ];
  for (const [name, g] of graphs) {
    for (const criterion of ["DF", "F"] as const) {
      for (const k of [1, 2, 3]) {
        it(`${name}, ${criterion}, k = ${k}`, () => {
          let best = -Infinity;
          for (const s of subsets(g.n, k)) {
            const r = fragmentation(g, { removed: s });
            best = Math.max(best, criterion === "DF" ? r.distanceWeighted : r.fragmentation);
          }
          const kp = keyPlayers(g, { k, criterion });
          expect(kp.options.method).toBe("exhaustive");
          expect(kp.set).toHaveLength(k);
          expect(kp.score).toBeCloseTo(best, 12);
          const again = fragmentation(g, { removed: kp.set });
          expect(criterion === "DF" ? again.distanceWeighted : again.fragmentation).toBeCloseTo(kp.score, 12);
          const h = keyPlayers(g, { k, criterion, method: "heuristic", restarts: 10 });
          heuristicGap.push({ name: `${name} ${criterion} k=${k}`, gap: best - h.score });
          expect(h.score).toBeLessThanOrEqual(best + 1e-12);
        });
      }
    }
  }
  it("the heuristic reaches the optimum on most of these graphs", () => {
    const missed = heuristicGap.filter((x) => x.gap > 1e-9);
    expect(heuristicGap.length).toBeGreaterThan(20);
    expect(missed.length, JSON.stringify(missed)).toBeLessThanOrEqual(Math.floor(heuristicGap.length / 10));
  });
  it("the kite's best single cut is Heather (F), as in Borgatti's example", () => {
    expect(keyPlayers(build(kite.ids, kite.arcs), { k: 1, criterion: "F" }).set).toEqual(["Heather"]);
  });
});

describe("articulation points and bridges agree with removal by brute force", () => {
  it.each([11, 12, 13, 14])("random sparse digraph seed %i", (seed) => {
    const g = randomDigraph(25, 0.05, seed);
    const base = weakComponents(g).count;
    const cp = cutPoints(g);
    const expectedPoints: string[] = [];
    for (let v = 0; v < g.n; v++) {
      const keep = Array.from({ length: g.n }, (_, i) => i !== v);
      // Removing an actor removes itself: compare components among the others.
      if (weakComponents(inducedDigraph(g, keep)).count > base - (isIsolate(g, v) ? 1 : 0)) expectedPoints.push(g.ids[v]);
    }
    expect(cp.articulationPoints).toEqual(expectedPoints);
    const pairs = new Set<string>();
    for (let i = 0; i < g.n; i++) for (let k = g.outStart[i]; k < g.outStart[i + 1]; k++) pairs.add([Math.min(i, g.outAdj[k]), Math.max(i, g.outAdj[k])].join(","));
    const expectedBridges: [string, string][] = [];
    for (const p of [...pairs].sort((x, y) => Number(x.split(",")[0]) - Number(y.split(",")[0]) || Number(x.split(",")[1]) - Number(y.split(",")[1]))) {
      const [a, b] = p.split(",").map(Number);
      const arcs: [string, string][] = [];
      for (let i = 0; i < g.n; i++)
        for (let k = g.outStart[i]; k < g.outStart[i + 1]; k++) {
          const j = g.outAdj[k];
          if ((i === a && j === b) || (i === b && j === a)) continue;
          arcs.push([g.ids[i], g.ids[j]]);
        }
      if (weakComponents(build(g.ids, arcs)).count > base) expectedBridges.push([g.ids[a], g.ids[b]]);
    }
    expect(cp.bridges).toEqual(expectedBridges);
  });
});

function isIsolate(g: Digraph, v: number): boolean {
  return g.outStart[v + 1] === g.outStart[v] && g.inStart[v + 1] === g.inStart[v];
}

describe("new-tie effects equal recomputation with the tie added", () => {
  it.each([21, 22])("random digraph seed %i", (seed) => {
    const g = randomDigraph(18, 0.07, seed);
    const rng = seededRng(seed);
    const candidates: [number, number][] = [];
    while (candidates.length < 12) {
      const a = Math.floor(rng() * g.n);
      const b = Math.floor(rng() * g.n);
      if (a !== b) candidates.push([a, b]);
    }
    const before = fragmentation(g);
    const effects = newTieEffects(g, candidates);
    candidates.forEach(([a, b], i) => {
      const arcs: [string, string][] = [[g.ids[a], g.ids[b]]];
      for (let x = 0; x < g.n; x++) for (let k = g.outStart[x]; k < g.outStart[x + 1]; k++) if (!(x === a && g.outAdj[k] === b)) arcs.push([g.ids[x], g.ids[g.outAdj[k]]]);
      const after = fragmentation(build(g.ids, arcs));
      expect(effects[i].fragmentation).toBeCloseTo(after.fragmentation, 12);
      expect(effects[i].distanceWeighted).toBeCloseTo(after.distanceWeighted, 12);
      expect(effects[i].distanceWeightedDrop).toBeCloseTo(before.distanceWeighted - after.distanceWeighted, 12);
    });
  });
});
