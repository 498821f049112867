/**
 * Brokerage beyond the sna oracle (tests/metrics/gatekeeping-oracles.test.ts): UCINET partial credit by
 * brute force, the direction convention (reading the same survey as "asks" swaps gatekeeper and
 * representative), and refusing a missing partition.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { brokerage, brokerageCounts, BROKERAGE_ROLES } from "../../src/metrics/brokerage.js";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { digraphFromArcs, reverseTies } from "../../src/model/views.js";
import { mulberry32 } from "../../src/model/random.js";
import { parseTidy } from "../../src/io/tidy.js";
import { AnalysisRefused } from "../../src/cli/errors.js";
import type { ClusterGraph } from "../../src/model/types.js";

function randomGraph(n: number, p: number, groups: string[], seed: number): ClusterGraph {
  const rng = mulberry32(seed);
  const g = createClusterGraph();
  for (let i = 0; i < n; i++) addActor(g, `a${i}`, { group: groups[Math.floor(rng() * groups.length)] });
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && rng() < p) addTie(g, `a${i}`, `a${j}`, { weight: 1 + Math.floor(rng() * 3) });
  return g;
}

/** Brute force over all ordered triples, straight from the definition. */
function bruteForce(g: ClusterGraph, partition: string, partial: boolean): Record<string, number[]> {
  const ids = g.nodes();
  const has = (a: string, b: string) => g.hasDirectedEdge(a, b);
  const grp = (a: string) => String(g.getNodeAttribute(a, partition));
  const out: Record<string, number[]> = Object.fromEntries(ids.map((id) => [id, [0, 0, 0, 0, 0, 0]]));
  for (const a of ids)
    for (const c of ids) {
      if (a === c || has(a, c)) continue;
      const brokers = ids.filter((b) => b !== a && b !== c && has(a, b) && has(b, c));
      for (const b of brokers) {
        const [ga, gb, gc] = [grp(a), grp(b), grp(c)];
        const type = ga === gb ? (gb === gc ? 0 : 2) : gb === gc ? 3 : ga === gc ? 1 : 4;
        const credit = partial ? 1 / brokers.length : 1;
        out[b][type] += credit;
        out[b][5] += credit;
      }
    }
  return out;
}

describe("brokerage", () => {
  it("full and partial credit agree with a brute-force count over all triples", () => {
    for (const seed of [1, 2, 3]) {
      const g = randomGraph(25, 0.2, ["A", "B", "C", "D"], seed);
      for (const partial of [false, true]) {
        const r = brokerage(g, { partition: "group", partialCredit: partial });
        const bf = bruteForce(g, "group", partial);
        for (const a of r.actors) BROKERAGE_ROLES.forEach((role, k) => expect(a[role]).toBeCloseTo(bf[a.id][k], 12));
      }
    }
  });

  it("partial credit: each open pair gives one point in total; sna moments are not reported", () => {
    const g = randomGraph(20, 0.25, ["A", "B"], 9);
    const full = brokerage(g, { partition: "group" });
    const part = brokerage(g, { partition: "group", partialCredit: true });
    // Total partial credit = number of ordered pairs (a, c) with at least one broker and no tie a → c.
    const ids = g.nodes();
    let pairs = 0;
    for (const a of ids)
      for (const c of ids)
        if (a !== c && !g.hasDirectedEdge(a, c) && ids.some((b) => b !== a && b !== c && g.hasDirectedEdge(a, b) && g.hasDirectedEdge(b, c))) pairs++;
    expect(part.network.raw.total).toBeCloseTo(pairs, 9);
    expect(part.network.raw.total).toBeLessThan(full.network.raw.total);
    expect(Number.isNaN(part.network.expected.total)).toBe(true);
    expect(Number.isNaN(part.actors[0].z.gatekeeper)).toBe(true);
    expect(part.options).toEqual({ partition: "group", partialCredit: true });
  });

  it("a chord a → c closes the path; a reverse tie c → a does not", () => {
    const d = digraphFromArcs(["1", "2", "3"], [
      { source: "1", target: "2", weight: 1 },
      { source: "2", target: "3", weight: 1 },
      { source: "3", target: "1", weight: 1 },
    ]);
    expect(Array.from(brokerageCounts(d, [0, 0, 0])).filter((_v, k) => k % 6 === 5)).toEqual([1, 1, 1]);
    const closed = digraphFromArcs(["1", "2", "3"], [
      { source: "1", target: "2", weight: 1 },
      { source: "2", target: "3", weight: 1 },
      { source: "3", target: "1", weight: 1 },
      { source: "1", target: "3", weight: 1 },
    ]);
    expect(Array.from(brokerageCounts(closed, [0, 0, 0])).filter((_v, k) => k % 6 === 5)).toEqual([1, 0, 1]);
  });

  it("direction convention: reading an advice survey as 'asks' swaps gatekeeper and representative", () => {
    const dir = new URL("../fixtures/datasets/krackhardt_hightech/", import.meta.url);
    const files = [
      { name: "nodes.csv", text: readFileSync(new URL("nodes.csv", dir), "utf8") },
      { name: "edges_advice.csv", text: readFileSync(new URL("edges_advice.csv", dir), "utf8") },
    ];
    const flow = parseTidy(files, { direction: "flow" }).graph;
    const asks = parseTidy(files, { direction: "asks" }).graph;
    const a = brokerage(flow, { partition: "department" });
    const b = brokerage(asks, { partition: "department" });
    let swapped = 0;
    a.actors.forEach((x, i) => {
      const y = b.actors[i];
      expect(y.id).toBe(x.id);
      expect(y.gatekeeper).toBe(x.representative);
      expect(y.representative).toBe(x.gatekeeper);
      expect([y.coordinator, y.itinerant, y.liaison, y.total]).toEqual([x.coordinator, x.itinerant, x.liaison, x.total]);
      if (x.gatekeeper !== x.representative) swapped++;
    });
    expect(swapped).toBeGreaterThan(5); // the test can tell the two readings apart
    // reverseTies is the same operation on a graph already imported.
    const c = brokerage(reverseTies(flow), { partition: "department" });
    expect(c.actors.map((x) => x.gatekeeper)).toEqual(b.actors.map((x) => x.gatekeeper));
  });

  it("refuses a partition attribute no actor has, naming the available ones", () => {
    const g = randomGraph(5, 0.5, ["A"], 4);
    expect(() => brokerage(g, { partition: "office" })).toThrow(AnalysisRefused);
    expect(() => brokerage(g, { partition: "office" })).toThrow(/"office".*group.*inCluster.*kind/);
  });

  it("actors without a value form the group (none); the default partition is inCluster", () => {
    const g = createClusterGraph();
    addActor(g, "buyer", { inCluster: false, group: "x" });
    addActor(g, "sub", {});
    addActor(g, "s1", {});
    addTie(g, "buyer", "sub");
    addTie(g, "sub", "s1");
    const r = brokerage(g);
    expect(r.options.partition).toBe("inCluster");
    expect(r.actors.find((a) => a.id === "sub")!.gatekeeper).toBe(1);
    const byGroup = brokerage(g, { partition: "group" });
    expect(byGroup.actors.map((a) => a.group)).toEqual(["x", "(none)", "(none)"]);
    expect(byGroup.actors.find((a) => a.id === "sub")!.gatekeeper).toBe(1);
  });
});
