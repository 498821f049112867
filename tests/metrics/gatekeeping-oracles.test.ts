/**
 * Agreement with R sna 2.7-1, R igraph 1.3.5 and networkx 3.6.1 on the graphs written by
 * tests/oracles/gatekeeping.R (values in gatekeeping-r.json and gatekeeping-networkx.json).
 *
 * Tolerance: |ours − theirs| ≤ 1e-9 · max(1, |theirs|) for every measure. The iterative ones (PageRank,
 * eigenvector) are run to tolerance 1e-13 here, networkx to 1e-15 / 1e-14 in the oracle, igraph uses
 * PRPACK / ARPACK; they agree within the same 1e-9. NaN must match NaN.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { digraphFromArcs, indexDigraph, type Digraph } from "../../src/model/views.js";
import { parseTidy } from "../../src/io/tidy.js";
import { brokerageOnDigraph, brokerage, SNA_BROKERAGE_COLUMNS, BROKERAGE_ROLES } from "../../src/metrics/brokerage.js";
import { betweenness, closeness, pagerank, eigenvector, degrees, degreeCentralization } from "../../src/metrics/centrality.js";
import { structuralHolesOnDigraph } from "../../src/metrics/structuralHoles.js";
import { createClusterGraph, addActor, addTie } from "../../src/model/graph.js";

type Num = number | "NaN" | "Inf" | "-Inf";
interface RGraph {
  name: string;
  ids: string[];
  groups: string[];
  attribute?: string;
  arcs: [string, string, number][];
  brokerage: {
    raw: Num[][];
    expected: Num[][];
    sd: Num[][];
    z: Num[][];
    raw_gli: Num[];
    exp_gli: Num[];
    sd_gli: Num[];
    z_gli: Num[];
    clid: string[];
    exp_grp: Num[][];
    sd_grp: Num[][];
  };
  sna: { centralization_in: Num; centralization_out: Num; betweenness: Num[] };
  loop_only: string[];
  igraph: Record<string, Num[] | Num>;
}

const oracle = (name: string) => JSON.parse(readFileSync(new URL(`../oracles/${name}`, import.meta.url), "utf8"));
const R: { graphs: RGraph[] } = oracle("gatekeeping-r.json");
const NX: { graphs: Record<string, Record<string, Num[] | null>> } = oracle("gatekeeping-networkx.json");

const num = (v: Num): number => (v === "NaN" ? NaN : v === "Inf" ? Infinity : v === "-Inf" ? -Infinity : v);
const TOL = 1e-9;

function expectClose(actual: ArrayLike<number>, expected: Num[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = num(expected[i]);
    const a = actual[i];
    if (Number.isNaN(e) || !Number.isFinite(e)) {
      expect(Object.is(a, e) || (Number.isNaN(a) && Number.isNaN(e)), `${what}[${i}]: ${a} vs ${e}`).toBe(true);
    } else {
      expect(Math.abs(a - e) <= TOL * Math.max(1, Math.abs(e)), `${what}[${i}]: ${a} vs ${e}`).toBe(true);
    }
  }
}

const digraphOf = (g: RGraph): Digraph => digraphFromArcs(g.ids, g.arcs.map(([source, target, weight]) => ({ source, target, weight })));
const column = (rows: ArrayLike<number>, c: number, n: number) => Array.from({ length: n }, (_, i) => rows[i * 6 + c]);

describe.each(R.graphs.map((g) => [g.name, g] as const))("%s", (_name, g) => {
  const d = digraphOf(g);
  const nx = NX.graphs[g.name];

  it("brokerage: raw, expected, sd, z per actor = sna::brokerage", () => {
    const b = brokerageOnDigraph(d, g.groups);
    const n = g.ids.length;
    expect(b.groupLabels).toEqual(g.brokerage.clid);
    for (let c = 0; c < 6; c++) {
      const col = SNA_BROKERAGE_COLUMNS[c];
      expectClose(column(b.raw, c, n), g.brokerage.raw.map((r) => r[c]), `raw ${col}`);
      expectClose(column(b.expected, c, n), g.brokerage.expected.map((r) => r[c]), `expected ${col}`);
      expectClose(column(b.sd, c, n), g.brokerage.sd.map((r) => r[c]), `sd ${col}`);
      const z = Array.from({ length: n }, (_, i) => (b.raw[i * 6 + c] - b.expected[i * 6 + c]) / b.sd[i * 6 + c]);
      expectClose(z, g.brokerage.z.map((r) => r[c]), `z ${col}`);
      expectClose(b.groupExpected.map((r) => r[c]), g.brokerage.exp_grp.map((r) => r[c]), `exp.grp ${col}`);
      expectClose(b.groupVariance.map((r) => Math.sqrt(r[c])), g.brokerage.sd_grp.map((r) => r[c]), `sd.grp ${col}`);
    }
    expectClose(b.rawTotal, g.brokerage.raw_gli, "raw.gli");
    expectClose(b.expectedTotal, g.brokerage.exp_gli, "exp.gli");
    expectClose(b.varianceTotal.map(Math.sqrt), g.brokerage.sd_gli, "sd.gli");
    expectClose(b.rawTotal.map((r, c) => (r - b.expectedTotal[c]) / Math.sqrt(b.varianceTotal[c])), g.brokerage.z_gli, "z.gli");
  });

  it("brokerage through the cluster-graph API gives the same roles and z", () => {
    const graph = createClusterGraph();
    g.ids.forEach((id, i) => addActor(graph, id, { group: g.groups[i] }));
    for (const [s, t, w] of g.arcs) addTie(graph, s, t, { weight: w });
    const r = brokerage(graph, { partition: "group" });
    BROKERAGE_ROLES.forEach((role, c) => {
      expectClose(r.actors.map((a) => a[role]), g.brokerage.raw.map((row) => row[c]), `raw ${role}`);
      expectClose(r.actors.map((a) => a.z[role]), g.brokerage.z.map((row) => row[c]), `z ${role}`);
      expectClose([r.network.z[role]], [g.brokerage.z_gli[c]], `network z ${role}`);
    });
  });

  it("degree, strength and Freeman centralisation = igraph (loops = FALSE) and sna", () => {
    const dg = degrees(d);
    expectClose(dg.inDegree, g.igraph.in_degree as Num[], "in degree");
    expectClose(dg.outDegree, g.igraph.out_degree as Num[], "out degree");
    expectClose(dg.inStrength, g.igraph.in_strength as Num[], "in strength");
    expectClose(dg.outStrength, g.igraph.out_strength as Num[], "out strength");
    expectClose([degreeCentralization(d, "in")], [g.sna.centralization_in], "sna indegree centralization");
    expectClose([degreeCentralization(d, "out")], [g.sna.centralization_out], "sna outdegree centralization");
    expectClose([degreeCentralization(d, "in")], [g.igraph.centr_degree_in as Num], "igraph centr_degree in");
    expectClose([degreeCentralization(d, "out")], [g.igraph.centr_degree_out as Num], "igraph centr_degree out");
  });

  it("betweenness = sna, igraph and networkx (unweighted, 1/strength, normalised)", () => {
    const b = betweenness(d);
    expectClose(b, g.sna.betweenness, "sna");
    expectClose(b, g.igraph.betweenness as Num[], "igraph");
    expectClose(b, nx.betweenness!, "networkx");
    expectClose(betweenness(d, { normalized: true }), nx.betweenness_normalized!, "networkx normalized");
    const bw = betweenness(d, { pathWeights: "inverse" });
    expectClose(bw, g.igraph.betweenness_inverse as Num[], "igraph 1/w");
    expectClose(bw, nx.betweenness_inverse!, "networkx 1/w");
  });

  it("closeness in/out = igraph (normalized, reachable only) and networkx", () => {
    for (const dir of ["in", "out"] as const) {
      const c = closeness(d, dir);
      expectClose(c, g.igraph[`closeness_${dir}`] as Num[], `igraph ${dir}`);
      // networkx gives 0 where nothing is reachable; igraph (and clusterflow) NaN.
      expectClose(Array.from(c, (x) => (Number.isNaN(x) ? 0 : x)), nx[`closeness_${dir}`]!, `networkx ${dir}`);
      expectClose(closeness(d, dir, { wassermanFaust: true }), nx[`closeness_${dir}_wf`]!, `networkx WF ${dir}`);
      const cw = closeness(d, dir, { pathWeights: "inverse" });
      expectClose(cw, g.igraph[`closeness_${dir}_inverse`] as Num[], `igraph 1/w ${dir}`);
      expectClose(Array.from(cw, (x) => (Number.isNaN(x) ? 0 : x)), nx[`closeness_${dir}_inverse`]!, `networkx 1/w ${dir}`);
    }
  });

  it("PageRank = igraph (PRPACK) and networkx, weighted and unweighted", () => {
    const p = pagerank(d);
    expect(p.converged).toBe(true);
    expectClose(p.values, g.igraph.pagerank as Num[], "igraph");
    expectClose(p.values, nx.pagerank!, "networkx");
    const pu = pagerank(d, { weighted: false });
    expectClose(pu.values, g.igraph.pagerank_unweighted as Num[], "igraph unweighted");
    expectClose(pu.values, nx.pagerank_unweighted!, "networkx unweighted");
  });

  it("eigenvector = networkx (L2) and igraph (max 1), weighted and unweighted", () => {
    for (const [weighted, nxKey, igKey] of [
      [true, "eigenvector", "eigenvector_max1"],
      [false, "eigenvector_unweighted", "eigenvector_unweighted_max1"],
    ] as const) {
      const e = eigenvector(d, { weighted });
      expect(e.converged).toBe(true);
      expectClose(e.values, nx[nxKey]!, `networkx ${nxKey}`);
      const max = Math.max(...e.values);
      expectClose(Array.from(e.values, (x) => x / max), g.igraph[igKey] as Num[], `igraph ${igKey}`);
    }
  });

  it("constraint = igraph and networkx; effective size = networkx (weighted and unweighted)", () => {
    const w = structuralHolesOnDigraph(d, { weighted: true });
    const u = structuralHolesOnDigraph(d, { weighted: false });
    expectClose(w.constraint, g.igraph.constraint as Num[], "igraph constraint");
    expectClose(u.constraint, g.igraph.constraint_unweighted as Num[], "igraph constraint unweighted");
    expectClose(w.constraint, nx.constraint!, "networkx constraint");
    expectClose(u.constraint, nx.constraint_unweighted!, "networkx constraint unweighted");
    expectClose(w.effectiveSize, nx.effective_size!, "networkx effective size");
    expectClose(u.effectiveSize, nx.effective_size_unweighted!, "networkx effective size unweighted");
    // igraph on the graph with its self-loops: the same, except that an actor whose only tie is a
    // self-loop gets 0 from igraph and NaN here (no alter: undefined, as networkx and igraph's isolates).
    const loopOnly = new Set(g.loop_only);
    const withLoops = (g.igraph.constraint_with_loops as Num[]).map((v, i) => (loopOnly.has(g.ids[i]) ? "NaN" : v));
    expectClose(w.constraint, withLoops, "igraph constraint, graph with loops");
    for (const id of loopOnly) expect(num((g.igraph.constraint_with_loops as Num[])[g.ids.indexOf(id)])).toBe(0);
    if (nx.undirected_constraint) {
      expectClose(w.constraint, nx.undirected_constraint, "networkx Graph constraint");
      expectClose(w.effectiveSize, nx.undirected_effective_size!, "networkx Graph effective size");
      expectClose(u.effectiveSize.map((e) => e), nx.undirected_effective_size_unweighted!, "networkx Graph effective size (Borgatti n − 2t/n)");
      expectClose(u.effectiveSize, nx.undirected_effective_size_unweighted_scipy!, "networkx Graph effective size, SciPy path");
    }
  });
});

describe("advice surveys imported with direction 'asks' are the flow graphs given to the peers", () => {
  const datasets = { krackhardt_advice: "krackhardt_hightech", lazega_advice: "lazega_lawfirm" } as const;
  it.each(Object.entries(datasets))("%s", (name, folder) => {
    const g = R.graphs.find((x) => x.name === name)!;
    const dir = new URL(`../fixtures/datasets/${folder}/`, import.meta.url);
    const files = ["nodes.csv", "edges_advice.csv"].map((f) => ({ name: f, text: readFileSync(new URL(f, dir), "utf8") }));
    const { graph } = parseTidy(files, { direction: "asks" });
    const d = indexDigraph(graph);
    const arcs = new Set<string>();
    for (let i = 0; i < d.n; i++) for (let p = d.outStart[i]; p < d.outStart[i + 1]; p++) arcs.add(`${d.ids[i]}>${d.ids[d.outAdj[p]]}`);
    expect(d.ids).toEqual(g.ids);
    expect([...arcs].sort()).toEqual(g.arcs.map(([s, t]) => `${s}>${t}`).sort());
    const r = brokerage(graph, { partition: g.attribute! });
    BROKERAGE_ROLES.forEach((role, c) => {
      expectClose(r.actors.map((a) => a[role]), g.brokerage.raw.map((row) => row[c]), `raw ${role}`);
      expectClose(r.actors.map((a) => a.z[role]), g.brokerage.z.map((row) => row[c]), `z ${role}`);
    });
  });
});
