/**
 * clusterflow's own kernels against graphology-metrics 2.4.2, an independent implementation on graphology
 * graphs (docs/methods.md §8–§9), on public networks: raw betweenness (Brandes), PageRank (weighted, dangling
 * mass spread uniformly) and modularity (Leicht–Newman directed, and undirected). The graphology graphs are
 * built here from the same arcs clusterflow computes on; nothing is shared between the two computations but
 * the arc list.
 */
import { readFileSync } from "node:fs";
import Graph from "graphology";
import betweennessCentrality from "graphology-metrics/centrality/betweenness.js";
import pagerankCentrality from "graphology-metrics/centrality/pagerank.js";
import graphologyModularity from "graphology-metrics/graph/modularity.js";
import graphologyLouvain from "graphology-communities-louvain";
import { seededRng } from "../../src/model/random.js";
import { undirectedOf } from "../../src/model/context.js";
import { hasArc } from "../../src/model/views.js";
import { describe, expect, it } from "vitest";
import { parseTidy } from "../../src/io/tidy.js";
import { loadInput } from "../../src/io/load.js";
import { indexDigraph, partitionOf, type Digraph } from "../../src/model/views.js";
import type { ClusterGraph } from "../../src/model/types.js";
import { betweenness, pagerank } from "../../src/metrics/centrality.js";
import { louvainCommunities, modularity } from "../../src/metrics/communities.js";

const FIXTURES = new URL("../fixtures/datasets/", import.meta.url);
const REPO = new URL("../../", import.meta.url);

type AnyGraph = InstanceType<typeof Graph>;
const G = Graph as unknown as { DirectedGraph: new () => AnyGraph; UndirectedGraph: new () => AnyGraph };

function fixture(folder: string, edges: string, direction: "flow" | "asks" = "flow"): { graph: ClusterGraph; d: Digraph } {
  const file = (n: string) => ({ name: `${folder}/${n}`, text: readFileSync(new URL(`${folder}/${n}`, FIXTURES), "utf8") });
  const { graph, report } = parseTidy([file("nodes.csv"), file(edges)], { direction });
  expect(report.errors).toEqual([]);
  return { graph, d: indexDigraph(graph) };
}

/** The digraph's arcs (self-loops left out) as a graphology graph, `weight` = the arc's strength. */
function toGraphology(d: Digraph, type: "directed" | "undirected" = "directed"): AnyGraph {
  const h = type === "directed" ? new G.DirectedGraph() : new G.UndirectedGraph();
  for (const id of d.ids) h.addNode(id);
  for (let i = 0; i < d.n; i++) for (let p = d.outStart[i]; p < d.outStart[i + 1]; p++) h.addEdge(d.ids[i], d.ids[d.outAdj[p]], { weight: d.outW[p] });
  return h;
}

function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, digits: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) expect(actual[i]).toBeCloseTo(expected[i], digits);
}

const cases = [
  { name: "Krackhardt advice (flow)", load: () => fixture("krackhardt_hightech", "edges_advice.csv", "asks"), partition: "department" },
  { name: "Lazega advice (flow)", load: () => fixture("lazega_lawfirm", "edges_advice.csv", "asks"), partition: "office" },
];

describe("graphology-metrics as an independent cross-check", () => {
  it.each(cases)("raw directed betweenness: $name", ({ load }) => {
    const g = load().d;
    const h = toGraphology(g);
    const theirs = betweennessCentrality(h, { normalized: false, getEdgeWeight: null }) as Record<string, number>;
    const ours = betweenness(g);
    expect(Math.max(...ours)).toBeGreaterThan(1); // not an all-zero graph
    expectAllClose(ours, g.ids.map((id) => theirs[id]), 9);
  });

  it.each(cases)("PageRank α = 0.85: $name", ({ load }) => {
    const g = load().d;
    const theirs = pagerankCentrality(toGraphology(g), { alpha: 0.85, getEdgeWeight: "weight", tolerance: 1e-12, maxIterations: 10000 }) as Record<string, number>;
    const ours = pagerank(g, { alpha: 0.85 });
    expect(ours.converged).toBe(true);
    expectAllClose(ours.values, g.ids.map((id) => theirs[id]), 9);
  });

  it.each(cases)("directed modularity of the $partition partition: $name", ({ load, partition }) => {
    const { graph, d: g } = load();
    const labels = partitionOf(graph, partition, g.ids);
    const byId = new Map(g.ids.map((id, i) => [id, labels[i]]));
    const theirs = graphologyModularity(toGraphology(g), { getNodeCommunity: (id: string) => byId.get(id)!, getEdgeWeight: null });
    const ours = modularity(g, labels, { directed: true });
    expect(Math.abs(ours)).toBeGreaterThan(0.01);
    expect(ours).toBeCloseTo(theirs, 12);
  });

  it("weighted PageRank on a cluster with summed parallel ties (taiwan-flowers)", async () => {
    const { graph } = await loadInput(new URL("datasets/taiwan-flowers", REPO).pathname);
    const g = indexDigraph(graph);
    expect(new Set(g.outW).size).toBeGreaterThan(2); // strengths differ, so the weights matter
    const theirs = pagerankCentrality(toGraphology(g), { alpha: 0.85, getEdgeWeight: "weight", tolerance: 1e-12, maxIterations: 10000 }) as Record<string, number>;
    const unweighted = pagerank(g, { weighted: false }).values;
    const ours = pagerank(g).values;
    expectAllClose(ours, g.ids.map((id) => theirs[id]), 9);
    expect(unweighted.some((x, i) => Math.abs(x - ours[i]) > 1e-4)).toBe(true);
  });

  it("undirected modularity of the Louvain communities (Padgett marriage)", () => {
    const g = fixture("padgett_florentine", "edges_marriage.csv").d;
    const c = louvainCommunities(g, { seed: 1 });
    expect(c.count).toBeGreaterThan(1);
    const byId = new Map(g.ids.map((id, i) => [id, c.membership[i]]));
    const theirs = graphologyModularity(toGraphology(g, "undirected"), { getNodeCommunity: (id: string) => byId.get(id)!, getEdgeWeight: null });
    expect(c.modularity).toBeCloseTo(theirs, 12);
    expect(modularity(g, c.membership, { directed: false })).toBeCloseTo(theirs, 12);
  });

  it("Louvain run over edge arrays finds exactly what graphology-communities-louvain finds on a graphology graph", async () => {
    // The graphology graph the communities module used to build: nodes "0" … "n−1", one edge per arc
    // (directed) or per connected pair i < j (undirected, weight = arcs between them), in that order.
    const graphologyCommunities = (g: Digraph, directed: boolean, weighted: boolean, seed: number): string[] => {
      const h = directed ? new G.DirectedGraph() : new G.UndirectedGraph();
      for (let i = 0; i < g.n; i++) h.addNode(String(i));
      if (directed) {
        for (let i = 0; i < g.n; i++) for (let a = g.outStart[i]; a < g.outStart[i + 1]; a++) h.addEdge(String(i), String(g.outAdj[a]), { w: weighted ? g.outW[a] : 1 });
      } else {
        const u = undirectedOf(g);
        for (let i = 0; i < g.n; i++)
          for (let q = u.start[i]; q < u.start[i + 1]; q++) {
            const j = u.adj[q];
            if (j > i) h.addEdge(String(i), String(j), { w: weighted ? u.w[q] : (hasArc(g, i, j) ? 1 : 0) + (hasArc(g, j, i) ? 1 : 0) });
          }
      }
      const raw = graphologyLouvain(h, { getEdgeWeight: "w", rng: seededRng(seed) }) as Record<string, number>;
      // Number communities by first member, as louvainCommunities does.
      const relabel = new Map<number, number>();
      return Array.from({ length: g.n }, (_, i) => {
        if (!relabel.has(raw[String(i)])) relabel.set(raw[String(i)], relabel.size + 1);
        return String(relabel.get(raw[String(i)]));
      });
    };
    const graphs = [fixture("lazega_lawfirm", "edges_advice.csv").d, indexDigraph((await loadInput(new URL("datasets/taiwan-flowers", REPO).pathname)).graph)];
    let differentSeedsDiffer = false;
    for (const g of graphs)
      for (const directed of [false, true])
        for (const weighted of [false, true])
          for (const seed of [1, 7, 42]) {
            const ours = louvainCommunities(g, { seed, directed, weighted }).membership;
            expect(ours).toEqual(graphologyCommunities(g, directed, weighted, seed));
            if (seed === 7 && ours.join() !== louvainCommunities(g, { seed: 1, directed, weighted }).membership.join()) differentSeedsDiffer = true;
          }
    // The seed reaches Louvain (else the comparison above could hold for a fixed order alone).
    expect(differentSeedsDiffer).toBe(true);
  });
});
