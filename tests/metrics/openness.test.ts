/** External openness: per-actor inflow/outflow across the cluster boundary, against a count over the ties. */
import { describe, expect, it } from "vitest";
import { externalOpenness } from "../../src/metrics/openness.js";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { mulberry32 } from "../../src/model/random.js";

describe("externalOpenness", () => {
  it("counts partners and sums strengths across the boundary; parallel ties merge, loops are ignored", () => {
    const rng = mulberry32(5);
    const g = createClusterGraph();
    const n = 30;
    for (let i = 0; i < n; i++) addActor(g, `a${i}`, { inCluster: rng() < 0.7 });
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (rng() < 0.12) addTie(g, `a${i}`, `a${j}`, { relation: "advice", weight: 1 + Math.floor(rng() * 3) });
        if (rng() < 0.04) addTie(g, `a${i}`, `a${j}`, { relation: "business", weight: 2 });
      }
    const r = externalOpenness(g);
    const inside = (id: string) => g.getNodeAttribute(id, "inCluster");
    let inflow = 0;
    let local = 0;
    let inflowS = 0;
    let localS = 0;
    for (const a of r.actors) {
      const from = new Map<string, number>();
      const to = new Map<string, number>();
      g.forEachInEdge(a.id, (_e, t, s) => { if (s !== a.id) from.set(s, (from.get(s) ?? 0) + t.weight); });
      g.forEachOutEdge(a.id, (_e, t, _s, d) => { if (d !== a.id) to.set(d, (to.get(d) ?? 0) + t.weight); });
      const ext = [...from].filter(([s]) => !inside(s));
      const loc = [...from].filter(([s]) => inside(s));
      expect(a.externalIn).toBe(ext.length);
      expect(a.externalInStrength).toBe(ext.reduce((t, [, w]) => t + w, 0));
      expect(a.localIn).toBe(loc.length);
      expect(a.localInStrength).toBe(loc.reduce((t, [, w]) => t + w, 0));
      expect(a.externalOut).toBe([...to].filter(([d]) => !inside(d)).length);
      expect(a.localOut).toBe([...to].filter(([d]) => inside(d)).length);
      expect(a.localOutStrength).toBe([...to].filter(([d]) => inside(d)).reduce((t, [, w]) => t + w, 0));
      expect(new Set(a.outsideSources)).toEqual(new Set(ext.map(([s]) => s)));
      if (a.inCluster) {
        inflow += ext.length;
        local += loc.length;
        inflowS += ext.reduce((t, [, w]) => t + w, 0);
        localS += loc.reduce((t, [, w]) => t + w, 0);
      }
    }
    expect(r.cluster.inflowTies).toBe(inflow);
    expect(r.cluster.inflowShare).toBeCloseTo(inflow / (inflow + local), 15);
    expect(r.cluster.inflowStrengthShare).toBeCloseTo(inflowS / (inflowS + localS), 15);
    expect(r.cluster.openActors).toBe(r.actors.filter((a) => a.inCluster && a.externalIn > 0).length);
    expect(externalOpenness(g, { insideOnly: true }).actors.every((a) => a.inCluster)).toBe(true);
  });

  it("closed cluster: no inflow → share 0 and no top receiver; one entry point → concentration 1", () => {
    const g = createClusterGraph();
    for (const id of ["a", "b", "c"]) addActor(g, id);
    addTie(g, "a", "b");
    addTie(g, "b", "c");
    const closed = externalOpenness(g).cluster;
    expect(closed.inflowShare).toBe(0);
    expect(closed.openActors).toBe(0);
    expect(closed.topReceiverShare).toBeNaN();
    expect(closed.topReceiver).toBeUndefined();
    addActor(g, "lab", { inCluster: false });
    addTie(g, "lab", "a", { weight: 3 });
    const open = externalOpenness(g).cluster;
    expect(open.topReceiver).toBe("a");
    expect(open.topReceiverShare).toBe(1);
    expect(open.inflowShare).toBeCloseTo(1 / 3, 15);
    expect(open.inflowStrengthShare).toBeCloseTo(3 / 5, 15);
  });
});
