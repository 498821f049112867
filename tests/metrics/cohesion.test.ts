/**
 * Density, reciprocity, dyad census and components against R igraph / sna (tests/oracles/cohesion.R →
 * cohesion-r.json), and the roster importer's reading of the wine valley survey against the oracle's own
 * reading of the same roster.csv.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { digraphFromArcs, indexDigraph } from "../../src/model/views.js";
import { density, dyadCensus, reciprocity } from "../../src/metrics/cohesion.js";
import { componentMembers, strongComponents, weakComponents, type Components } from "../../src/metrics/components.js";
import { readInput } from "../../src/io/load.js";

interface OracleGraph {
  ids: string[];
  source: string[] | string;
  target: string[] | string;
  arcs: number;
  density_igraph: number;
  density_sna: number;
  reciprocity_igraph: number | null;
  reciprocity_ratio_igraph: number | null;
  grecip_edgewise_sna: number | null;
  grecip_dyadic_nonnull_sna: number | null;
  dyads: { mutual: number; asymmetric: number; null: number };
  weak: { count: number; sizes: number[]; membership: number[] };
  strong: { count: number; sizes: number[]; membership: number[] };
}
const oracle = JSON.parse(readFileSync(new URL("../oracles/cohesion-r.json", import.meta.url), "utf8")) as { graphs: Record<string, OracleGraph> };
const arr = (x: string[] | string) => (Array.isArray(x) ? x : [x]);

function build(g: OracleGraph) {
  const graph = createClusterGraph();
  for (const id of g.ids) addActor(graph, id);
  const s = arr(g.source);
  const t = arr(g.target);
  for (let k = 0; k < s.length; k++) addTie(graph, s[k], t[k]);
  return graph;
}

/** Same partition, whatever the labels: i and j together in one ⇔ together in the other. */
function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const map = new Map<number, number>();
  const back = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const x = map.get(a[i]);
    const y = back.get(b[i]);
    if (x === undefined && y === undefined) {
      map.set(a[i], b[i]);
      back.set(b[i], a[i]);
    } else if (x !== b[i] || y !== a[i]) return false;
  }
  return true;
}

describe("cohesion and components match igraph and sna", () => {
  for (const [name, g] of Object.entries(oracle.graphs)) {
    it(name, () => {
      const d = indexDigraph(build(g));
      expect(d.arcs).toBe(g.arcs);
      expect(density(d)).toBeCloseTo(g.density_igraph, 12);
      expect(density(d)).toBeCloseTo(g.density_sna, 12);
      const dc = dyadCensus(d);
      expect(dc).toEqual(g.dyads);
      if (g.reciprocity_igraph === null) {
        expect(reciprocity(d)).toBeNaN();
      } else {
        expect(reciprocity(d)).toBeCloseTo(g.reciprocity_igraph, 12);
        expect(reciprocity(d)).toBeCloseTo(g.grecip_edgewise_sna!, 12);
        expect(reciprocity(d, { mode: "ratio" })).toBeCloseTo(g.reciprocity_ratio_igraph!, 12);
        expect(reciprocity(d, { mode: "ratio" })).toBeCloseTo(g.grecip_dyadic_nonnull_sna!, 12);
      }
      const weak = weakComponents(d);
      const strong = strongComponents(d);
      expect(weak.count).toBe(g.weak.count);
      expect(strong.count).toBe(g.strong.count);
      expect([...weak.sizes].sort((a, b) => a - b)).toEqual([...g.weak.sizes].sort((a, b) => a - b));
      expect([...strong.sizes].sort((a, b) => a - b)).toEqual([...g.strong.sizes].sort((a, b) => a - b));
      expect(samePartition(weak.membership, g.weak.membership)).toBe(true);
      expect(samePartition(strong.membership, g.strong.membership)).toBe(true);
    });
  }
});

describe("the roster importer reads the wine valley survey as an independent reading does", () => {
  it("same actors and the same arcs (both questions merged)", async () => {
    const g = oracle.graphs.wine_valley;
    const { graph, report } = await readInput(new URL("../../datasets/wine-valley-survey", import.meta.url).pathname);
    expect(report.errors).toEqual([]);
    expect(graph.nodes().sort()).toEqual([...g.ids].sort());
    const ours = new Set<string>();
    graph.forEachEdge((_e, _a, s, t) => ours.add(`${s}>${t}`));
    const theirs = new Set(arr(g.source).map((s, k) => `${s}>${arr(g.target)[k]}`));
    expect([...ours].sort()).toEqual([...theirs].sort());
  });
});

describe("components: properties", () => {
  it("a long path (100 000 actors) does not overflow the stack; every actor is its own strong component", () => {
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => `v${i}`);
    const arcs = ids.slice(1).map((id, i) => ({ source: ids[i], target: id, weight: 1 }));
    const d = digraphFromArcs(ids, arcs);
    expect(strongComponents(d).count).toBe(n);
    expect(weakComponents(d).count).toBe(1);
    // Close the cycle: one strong component.
    const cyc = digraphFromArcs(ids, [...arcs, { source: ids[n - 1], target: ids[0], weight: 1 }]);
    expect(strongComponents(cyc).count).toBe(1);
  });

  it("strong components agree with brute-force mutual reachability on random digraphs", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 30; trial++) {
      const n = 3 + Math.floor(rnd() * 12);
      const ids = Array.from({ length: n }, (_, i) => `n${i}`);
      const seen = new Set<string>();
      const arcs: { source: string; target: string; weight: number }[] = [];
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) if (i !== j && rnd() < 0.18 && !seen.has(`${i},${j}`)) (seen.add(`${i},${j}`), arcs.push({ source: ids[i], target: ids[j], weight: 1 }));
      const d = digraphFromArcs(ids, arcs);
      // Reachability by Floyd–Warshall closure.
      const R = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j || seen.has(`${i},${j}`)));
      for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (R[i][k] && R[k][j]) R[i][j] = true;
      const s: Components = strongComponents(d);
      const w = weakComponents(d);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          expect(s.membership[i] === s.membership[j]).toBe(R[i][j] && R[j][i]);
        }
      // Weak: reachability in the undirected version.
      const U = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j || seen.has(`${i},${j}`) || seen.has(`${j},${i}`)));
      for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (U[i][k] && U[k][j]) U[i][j] = true;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(w.membership[i] === w.membership[j]).toBe(U[i][j]);
      // Labels in order of smallest member; members listed by component.
      expect(s.membership[0]).toBe(0);
      expect(componentMembers(d, s).flat().length).toBe(n);
    }
  });

  it("density with loops and weights follows its stated formulas", () => {
    const d = digraphFromArcs(["a", "b", "c"], [
      { source: "a", target: "b", weight: 2 },
      { source: "b", target: "a", weight: 3 },
      { source: "c", target: "c", weight: 5 },
    ]);
    expect(density(d)).toBe(2 / 6);
    expect(density(d, { loops: true })).toBe(3 / 9);
    expect(density(d, { weighted: true })).toBe(5 / 6);
    expect(density(d, { weighted: true, loops: true })).toBe(10 / 9);
    expect(density(digraphFromArcs(["a"], []))).toBeNaN();
  });
});
