/**
 * The analysis core: one context per view, each derived structure built once per view in a diagnosis,
 * one role per actor whatever the options, and the columnar network read like a graphology graph.
 */
import { inheritsNothing } from "../../src/model/dict.js";
import { describe, expect, it } from "vitest";
import { readInput } from "../../src/io/load.js";
import { diagnose } from "../../src/diagnosis/diagnose.js";
import { gatekeepers } from "../../src/diagnosis/gatekeepers.js";
import { contextOf, traceBuilds } from "../../src/model/context.js";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { asNetwork } from "../../src/model/networkInput.js";
import { toGraphology } from "../../src/model/graphology.js";
import { filterTies, indexDigraph } from "../../src/model/views.js";
import { deriveTieType, tieTypeDeriver } from "../../src/model/tieType.js";
import { TIE_TYPES } from "../../src/model/types.js";
import { seededRng } from "../../src/model/random.js";
import { relationsOf } from "../../src/model/graph.js";
import { centrality } from "../../src/metrics/centrality.js";
import { brokerage } from "../../src/metrics/brokerage.js";
import { structuralHoles } from "../../src/metrics/structuralHoles.js";
import { externalOpenness } from "../../src/metrics/openness.js";
import { networkOverview } from "../../src/metrics/overview.js";

const datasets = ["taiwan-flowers", "jepara-furniture", "gamarra-garments"];

describe("analysis context", () => {
  for (const name of datasets) {
    it(`${name}: a diagnosis builds every derived structure once per view`, async () => {
      const { graph } = await readInput(`datasets/${name}`, {});
      const { result, builds } = traceBuilds(() => diagnose(graph, { reps: 99 }));
      expect(result.verdicts.length).toBeGreaterThan(0);
      const seen = new Map<string, number>();
      for (const b of builds) {
        const key = `${b.view}/${b.structure}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      const twice = [...seen].filter(([, c]) => c > 1);
      expect(twice).toEqual([]);
      // The structures are there: the digraph of the whole view, its undirected view, openness.
      const structures = new Set(builds.map((b) => b.structure));
      for (const s of ["digraph:sum", "undirected", "openness:sum", "inside"]) expect(structures).toContain(s);
    });
  }

  const optionSets = [
    {},
    { gatekeepers: { wellConnected: "either" as const } },
    { gatekeepers: { measure: "count" as const } },
    { gatekeepers: { thresholds: { localOut: 1, localIn: 0 } } },
    { gatekeepers: { wellConnected: "either" as const, measure: "count" as const, thresholds: { externalIn: 0 } } },
  ];
  for (const [k, options] of optionSets.entries()) {
    it(`taiwan-flowers: one cognitive role per actor in ranking and quadrant (options ${k})`, async () => {
      const { graph } = await readInput("datasets/taiwan-flowers", {});
      const d = diagnose(graph, { ...options, reps: 99 });
      const quadrant = new Map(d.roles.actors.map((a) => [a.id, a.role]));
      expect(d.gatekeepers.ranking.length).toBe(graph.order);
      for (const row of d.gatekeepers.ranking) expect([row.id, quadrant.get(row.id)]).toEqual([row.id, row.role]);
      // The same roles as the gatekeeper ranking computed on its own with those options.
      const alone = gatekeepers(graph, { ...(options.gatekeepers ?? {}) });
      for (const row of alone.ranking) expect([row.id, quadrant.get(row.id)]).toEqual([row.id, row.role]);
    });
  }

  it("the trace sees a digraph built outside the context", () => {
    const g = createClusterGraph();
    addActor(g, "a");
    addActor(g, "b");
    addTie(g, "a", "b");
    const { builds } = traceBuilds(() => {
      contextOf(g).digraph();
      contextOf(g).digraph();
      indexDigraph(g);
    });
    expect(builds.map((b) => b.structure)).toEqual(["digraph:sum", "digraph:sum"]);
    expect(builds[0].view).toBe(builds[1].view);
  });

  it("a context lasts while its network is unchanged", () => {
    const g = createClusterGraph();
    addActor(g, "a");
    addActor(g, "b");
    addTie(g, "a", "b");
    const c1 = contextOf(g);
    expect(contextOf(g)).toBe(c1);
    expect(c1.digraph()).toBe(c1.digraph());
    addTie(g, "b", "a");
    const c2 = contextOf(g);
    expect(c2).not.toBe(c1);
    expect(c2.digraph().arcs).toBe(2);
    expect(c1.digraph().arcs).toBe(1);
  });
});

describe("a graphology graph given to the public functions", () => {
  it("gives the results the network gives", async () => {
    const { graph } = await readInput("datasets/jepara-furniture", {});
    const h = toGraphology(graph);
    const same = (f: (x: never) => unknown) => expect(JSON.stringify(f(h as never))).toBe(JSON.stringify(f(graph as never)));
    same((x) => centrality(x));
    same((x) => brokerage(x, { partition: "group" }));
    same((x) => structuralHoles(x));
    same((x) => externalOpenness(x));
    same((x) => gatekeepers(x));
    same((x) => networkOverview(x));
    same((x) => relationsOf(x));
    same((x) => diagnose(x, { reps: 99 }));
  });
});

describe("columnar network", () => {
  const sample = () => {
    const g = createClusterGraph({ name: "sample" });
    addActor(g, "__proto__", { label: "proto", inCluster: true, stage: "production" });
    addActor(g, "constructor", { label: "ctor", inCluster: false });
    addActor(g, "toString", { stage: "marketing" });
    g.setNodeAttribute("toString", "__proto__", "data");
    addTie(g, "__proto__", "constructor", { relation: "advice", weight: 2 });
    addTie(g, "toString", "__proto__", { relation: "hasOwnProperty", weight: 1, wave: "2012", nominator: "toString" });
    addTie(g, "toString", "__proto__", { relation: "advice", tieType: "external" });
    return g;
  };

  it("ids and attribute names from files are plain data", () => {
    const g = sample();
    expect(g.nodes()).toEqual(["__proto__", "constructor", "toString"]);
    expect(g.getNodeAttribute("toString", "__proto__" as never)).toBe("data");
    const attrs = g.getNodeAttributes("toString") as Record<string, unknown>;
    expect(inheritsNothing(attrs)).toBe(true);
    expect(attrs.toString).toBeUndefined();
    expect(attrs.hasOwnProperty).toBeUndefined();
    expect("constructor" in attrs).toBe(false);
    expect(({} as Record<string, unknown>).data).toBeUndefined();
    expect(g.edges("toString", "__proto__").map((e) => g.getEdgeAttribute(e, "relation"))).toEqual(["hasOwnProperty", "advice"]);
  });

  it("tie types: derived from the actors unless given; a given one kept", () => {
    const g = sample();
    const types = g.edges().map((e) => [g.getEdgeAttribute(e, "tieType"), g.getEdgeAttribute(e, "tieTypeGiven") ?? false]);
    expect(types).toEqual([
      ["external", false],
      ["vertical", false],
      ["external", true],
    ]);
  });

  it("to graphology and back keeps actors, ties, keys and attributes", () => {
    const g = sample();
    const h = toGraphology(g);
    expect(h.order).toBe(3);
    expect(h.size).toBe(3);
    const back = asNetwork(h);
    expect(back.export()).toEqual(g.export());
  });

  it("views keep the keys of their ties", () => {
    const g = sample();
    const keys = g.edges();
    const f = filterTies(g, { relations: ["advice"] });
    expect(f.edges()).toEqual([keys[0], keys[2]]);
    expect(f.getEdgeAttribute(keys[2], "tieType")).toBe("external");
    const ff = filterTies(f, { minWeight: 2 });
    expect(ff.edges()).toEqual([keys[0]]);
    expect(ff.source(keys[0])).toBe("__proto__");
  });

  it("the bulk tie-type rule equals deriveTieType", () => {
    const rng = seededRng(7);
    const stages = [undefined, "", "inputs", "production", "marketing"];
    const actors = Array.from({ length: 60 }, () => ({ inCluster: rng() < 0.7, stage: stages[Math.floor(rng() * stages.length)] }));
    const derive = tieTypeDeriver(actors);
    for (let s = 0; s < actors.length; s++) for (let t = 0; t < actors.length; t++) expect(TIE_TYPES[derive(s, t)]).toBe(deriveTieType(actors[s], actors[t]));
  });
});
