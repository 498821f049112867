/**
 * Modularity, components, transitivity, reciprocity, articulation points, bridges and partition agreement
 * against R igraph / sna and networkx (values computed by tests/oracles/groups_igraph.R and
 * tests/oracles/groups_networkx.py and committed beside them).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTidy } from "../../src/io/tidy.js";
import { digraphFromArcs, indexDigraph, type Digraph } from "../../src/model/views.js";
import { modularity } from "../../src/metrics/communities.js";
import { strongComponents, weakComponents } from "../../src/metrics/components.js";
import { reciprocity } from "../../src/metrics/cohesion.js";
import { transitivity } from "../../src/metrics/transitivity.js";
import { cutPoints } from "../../src/metrics/fragmentation.js";
import { adjustedRandIndex, normalizedMutualInformation } from "../../src/metrics/agreement.js";
import { undirectedDegreeCentralization } from "../../src/diagnosis/diagnose.js";

const oracle = (name: string) => JSON.parse(readFileSync(new URL(`../oracles/${name}`, import.meta.url), "utf8"));
const IG = oracle("groups_igraph.json");
const NX = oracle("groups_networkx.json");
const SHARED = new URL("../fixtures/datasets/", import.meta.url);

type Expected = Record<string, any>;
interface Case {
  name: string;
  g: Digraph;
  partitions: Record<string, string[]>;
  weighted: boolean;
  ig: Expected;
  nx: Expected;
}

function datasetDigraph(folder: string, edges: string, ids: string[]): Digraph {
  const file = (n: string) => ({ name: `${folder}/${n}`, text: readFileSync(new URL(`${folder}/${n}`, SHARED), "utf8") });
  const { graph, report } = parseTidy([file("nodes.csv"), file(edges)]);
  expect(report.errors).toEqual([]);
  const g = indexDigraph(graph, { weight: "binary" });
  expect(g.ids).toEqual(ids);
  return g;
}

const cases: Case[] = [
  ...IG.graphs.map((c: any, i: number) => ({
    name: c.name,
    g: digraphFromArcs(c.ids, c.arcs.map(([source, target, weight]: [string, string, number]) => ({ source, target, weight }))),
    partitions: c.partitions,
    weighted: true,
    ig: c.expected,
    nx: NX.graphs[i].expected,
  })),
  ...IG.datasets.map((c: any, i: number) => ({
    name: c.name,
    g: datasetDigraph(c.folder, c.edges, c.ids),
    partitions: c.partitions,
    weighted: false,
    ig: c.expected,
    nx: NX.datasets[i].expected,
  })),
];

/** Same partition up to the names of the parts. */
function samePartition(a: ArrayLike<number | string>, b: ArrayLike<number | string>): boolean {
  const canon = (x: ArrayLike<number | string>) => {
    const m = new Map<string, number>();
    return Array.from(x, (v) => {
      const k = String(v);
      if (!m.has(k)) m.set(k, m.size);
      return m.get(k)!;
    });
  };
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

describe.each(cases)("$name", (c) => {
  it("has the oracle's size", () => {
    expect(c.g.n).toBe(c.ig.n);
    expect(c.g.arcs + c.g.loopCount).toBe(c.ig.arcs);
  });

  it("modularity of the given partitions matches igraph and networkx (directed, undirected, resolution, weights)", () => {
    for (const [name, labels] of Object.entries(c.partitions)) {
      const ig = c.ig.modularity[name];
      const nx = c.nx.modularity[name];
      const variants: [string, Parameters<typeof modularity>[2]][] = [
        ["directed", { directed: true }],
        ["undirected", { directed: false }],
        ["directed_res05", { directed: true, resolution: 0.5 }],
        ["undirected_res2", { directed: false, resolution: 2 }],
      ];
      if (c.weighted) variants.push(["directed_weighted", { directed: true, weighted: true }], ["undirected_weighted", { directed: false, weighted: true }]);
      for (const [key, opts] of variants) {
        const q = modularity(c.g, labels, opts);
        expect(q, `${name} ${key}`).toBeCloseTo(ig[key], 12);
        expect(q, `${name} ${key} (networkx)`).toBeCloseTo(nx[key], 12);
      }
    }
  });

  it("weak and strong components match igraph (membership) and networkx (counts)", () => {
    const weak = weakComponents(c.g);
    const strong = strongComponents(c.g);
    expect(weak.count).toBe(c.ig.weak.count);
    expect(strong.count).toBe(c.ig.strong.count);
    expect(weak.count).toBe(c.nx.weak_count);
    expect(strong.count).toBe(c.nx.strong_count);
    expect(samePartition(weak.membership, c.ig.weak.membership)).toBe(true);
    expect(samePartition(strong.membership, c.ig.strong.membership)).toBe(true);
  });

  it("transitivity and reciprocity match igraph, sna and networkx", () => {
    expect(transitivity(c.g).transitivity).toBeCloseTo(c.ig.transitivity, 12);
    expect(transitivity(c.g).transitivity).toBeCloseTo(c.nx.transitivity, 12);
    expect(reciprocity(c.g)).toBeCloseTo(c.ig.reciprocity, 12);
    expect(reciprocity(c.g)).toBeCloseTo(c.ig.sna_grecip_edgewise, 12);
    expect(reciprocity(c.g)).toBeCloseTo(c.nx.reciprocity, 12);
    expect(reciprocity(c.g, { mode: "ratio" })).toBeCloseTo(c.ig.reciprocity_ratio, 12);
  });

  it("undirected degree centralisation matches igraph centr_degree(loops = FALSE) and sna centralization", () => {
    expect(undirectedDegreeCentralization(c.g)).toBeCloseTo(c.ig.centralization_degree_undirected, 12);
    expect(undirectedDegreeCentralization(c.g)).toBeCloseTo(c.ig.sna_centralization_graph, 12);
  });

  it("articulation points and bridges match igraph and networkx", () => {
    const cp = cutPoints(c.g);
    expect([...cp.articulationPoints].sort()).toEqual(c.ig.articulation_points);
    expect(cp.articulationPoints.slice().sort()).toEqual(c.nx.articulation_points);
    expect(cp.bridges).toEqual(c.ig.bridges);
    expect(cp.bridges).toEqual(c.nx.bridges);
  });

  it("NMI and adjusted Rand index between partitions match igraph compare()", () => {
    const agreement = Array.isArray(c.ig.agreement) ? {} : c.ig.agreement;
    for (const [pair, exp] of Object.entries(agreement as Record<string, { nmi: number; adjusted_rand: number }>)) {
      const [a, b] = pair.split("|");
      expect(normalizedMutualInformation(c.partitions[a], c.partitions[b]), pair).toBeCloseTo(exp.nmi, 12);
      expect(adjustedRandIndex(c.partitions[a], c.partitions[b]), pair).toBeCloseTo(exp.adjusted_rand, 12);
    }
  });
});

describe("partition agreement on edge cases and random labels (python-igraph compare_communities)", () => {
  const A = oracle("agreement_igraph.json");
  it.each(A.cases as { a: string[]; b: string[]; nmi: number | null; adjusted_rand: number | null }[])("case %#", (c) => {
    const nmi = normalizedMutualInformation(c.a, c.b);
    const ari = adjustedRandIndex(c.a, c.b);
    if (c.nmi === null) expect(nmi).toBeNaN();
    else expect(nmi).toBeCloseTo(c.nmi, 12);
    if (c.adjusted_rand === null) expect(ari).toBeNaN();
    else expect(ari).toBeCloseTo(c.adjusted_rand, 12);
  });
});
