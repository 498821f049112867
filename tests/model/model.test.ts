import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { addActor, addTie, createClusterGraph, rederiveTieTypes } from "../../src/model/graph.js";
import { deriveTieType, parseTieType, resolveTieType } from "../../src/model/tieType.js";
import { arcWeight, collapse, filterTies, hasArc, indexDigraph, reverseTies, type WeightRule } from "../../src/model/views.js";
import { mulberry32 } from "../../src/model/random.js";
import type { ClusterGraph } from "../../src/model/types.js";

describe("tie types", () => {
  const inside = (stage?: string) => ({ inCluster: true, stage });
  const outside = { inCluster: false };
  it("external when either end is outside, whatever the stages", () => {
    expect(deriveTieType(outside, inside("production"))).toBe("external");
    expect(deriveTieType(inside("production"), outside)).toBe("external");
    expect(deriveTieType(outside, outside)).toBe("external");
  });
  it("vertical between stages, horizontal within one (or when a stage is unknown)", () => {
    expect(deriveTieType(inside("inputs"), inside("production"))).toBe("vertical");
    expect(deriveTieType(inside("production"), inside("production"))).toBe("horizontal");
    expect(deriveTieType(inside(), inside("production"))).toBe("horizontal");
  });
  it("a given type wins and a disagreement is flagged", () => {
    expect(resolveTieType(inside("a"), inside("a"), "vertical")).toEqual({ tieType: "vertical", derived: "horizontal", given: true, contradiction: true });
    expect(resolveTieType(inside("a"), inside("b"), "vertical").contradiction).toBe(false);
    expect(parseTieType(" E ")).toBe("external");
    expect(parseTieType("diagonal")).toBeUndefined();
  });
  it("addTie reports the contradiction; rederiveTieTypes updates only derived types", () => {
    const g = createClusterGraph();
    addActor(g, "a", { stage: "x" });
    addActor(g, "b", { stage: "x" });
    expect(addTie(g, "a", "b", { tieType: "vertical" }).contradiction).toEqual({ given: "vertical", derived: "horizontal" });
    const derived = addTie(g, "b", "a").key;
    g.setNodeAttribute("a", "inCluster", false);
    rederiveTieTypes(g);
    expect(g.getEdgeAttribute(derived, "tieType")).toBe("external");
    expect(g.filterEdges((_e, a) => a.tieTypeGiven === true).map((e) => g.getEdgeAttribute(e, "tieType"))).toEqual(["vertical"]);
  });
});

/** A random multigraph with relations, waves, loops and outside actors. */
function randomCluster(seed: number): ClusterGraph {
  const rng = mulberry32(seed);
  const g = createClusterGraph();
  for (let i = 0; i < 12; i++) addActor(g, `v${i}`, { inCluster: rng() > 0.2, stage: rng() > 0.5 ? "s1" : "s2" });
  for (let k = 0; k < 80; k++) {
    const s = `v${Math.floor(rng() * 12)}`;
    const t = `v${Math.floor(rng() * 12)}`;
    addTie(g, s, t, { relation: rng() > 0.5 ? "advice" : "business", wave: rng() > 0.5 ? "1" : "2", weight: 1 + Math.floor(rng() * 3) });
  }
  return g;
}

describe("views", () => {
  const g = randomCluster(3);
  it.each(["sum", "max", "mean", "count", "binary"] as WeightRule[])("collapse with the %s rule agrees with a brute-force grouping", (rule) => {
    const { arcs } = collapse(g, { weight: rule });
    const groups = new Map<string, number[]>();
    g.forEachEdge((_e, a, s, t) => {
      const k = `${s}>${t}`;
      groups.set(k, [...(groups.get(k) ?? []), a.weight]);
    });
    expect(arcs.length).toBe(groups.size);
    for (const arc of arcs) {
      const ws = groups.get(`${arc.source}>${arc.target}`)!;
      const expected = { sum: ws.reduce((x, y) => x + y, 0), max: Math.max(...ws), mean: ws.reduce((x, y) => x + y, 0) / ws.length, count: ws.length, binary: 1 }[rule];
      expect(arc.weight).toBeCloseTo(expected, 12);
      expect(arc.ties).toBe(ws.length);
    }
  });
  it("the indexed digraph holds the collapsed arcs, sorted, with loops aside", () => {
    const d = indexDigraph(g);
    const { arcs } = collapse(g);
    const loops = arcs.filter((a) => a.source === a.target);
    expect(d.loopCount).toBe(loops.length);
    expect(d.arcs).toBe(arcs.length - loops.length);
    for (const a of arcs) {
      const i = d.index.get(a.source)!;
      const j = d.index.get(a.target)!;
      if (i === j) expect(d.loops[i]).toBe(a.weight);
      else {
        expect(hasArc(d, i, j)).toBe(true);
        expect(arcWeight(d, i, j)).toBe(a.weight);
      }
    }
    for (let i = 0; i < d.n; i++) {
      for (let p = d.outStart[i] + 1; p < d.outStart[i + 1]; p++) expect(d.outAdj[p]).toBeGreaterThan(d.outAdj[p - 1]);
      for (let p = d.inStart[i] + 1; p < d.inStart[i + 1]; p++) expect(d.inAdj[p]).toBeGreaterThan(d.inAdj[p - 1]);
    }
    let absent = 0;
    for (let i = 0; i < d.n; i++) for (let j = 0; j < d.n; j++) if (i !== j && !hasArc(d, i, j)) absent++;
    expect(absent).toBe(d.n * (d.n - 1) - d.arcs);
  });
  it("the indexed digraph keeps V8's fast property layout before and after its lazy parts are built", () => {
    // A digraph in dictionary mode makes every g.inStart[v] of a kernel's inner loop a hash lookup (PageRank
    // ran 4–6× slower so). %HasFastProperties needs the natives syntax, switched on for this one function.
    setFlagsFromString("--allow-natives-syntax");
    const hasFastProperties = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean;
    const d = indexDigraph(g);
    expect(hasFastProperties(d)).toBe(true);
    expect(d.inAdj.length).toBe(d.arcs);
    expect(d.index.size).toBe(d.n);
    expect(hasFastProperties(d)).toBe(true);
    // The check itself can fail: an object whose data property was redefined as an accessor is a dictionary.
    const redefined = { a: 1, b: 2 };
    Object.defineProperty(redefined, "a", { get: () => 1, enumerable: true, configurable: true });
    expect(hasFastProperties(redefined)).toBe(false);
  });
  it("filterTies keeps exactly the ties asked for and never changes the original", () => {
    const before = g.size;
    const f = filterTies(g, { relations: ["advice"], waves: ["2"], minWeight: 2, localOnly: true });
    let expected = 0;
    g.forEachEdge((_e, a, _s, _t, sa, ta) => {
      if (a.relation === "advice" && a.wave === "2" && a.weight >= 2 && sa.inCluster && ta.inCluster) expected++;
    });
    expect(f.size).toBe(expected);
    expect(f.order).toBe(g.filterNodes((_n, a) => a.inCluster).length);
    expect(g.size).toBe(before);
    const ext = filterTies(g, { tieTypes: ["external"] });
    ext.forEachEdge((_e, a) => expect(a.tieType).toBe("external"));
  });
  it("reverseTies turns every tie round and keeps its attributes", () => {
    const r = reverseTies(g);
    g.forEachEdge((e, a, s, t) => {
      expect(r.source(e)).toBe(t);
      expect(r.target(e)).toBe(s);
      expect(r.getEdgeAttributes(e)).toEqual(a);
    });
  });
});
