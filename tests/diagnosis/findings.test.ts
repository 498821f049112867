/**
 * Tie-type mix, sources of outside knowledge, depth of diffusion, typology and interventions on planted
 * graphs where the answer is known; distances against networkx; KPP-Pos against brute force.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { seededRng } from "../../src/model/random.js";
import type { ClusterGraph } from "../../src/model/types.js";
import { digraphFromArcs } from "../../src/model/views.js";
import { diagnose } from "../../src/diagnosis/diagnose.js";
import { diffusionDepth } from "../../src/metrics/diffusion.js";
import { tieTypeMix } from "../../src/metrics/tieTypeMix.js";
import { keyPlayersPositive, mReach } from "../../src/diagnosis/interventions.js";
import { sourceKindOf } from "../../src/diagnosis/outsideSources.js";

const FAST = { reps: 99, nullReps: 9 };

/** A copy of the network without the given actors and their ties. */
function without(g: ClusterGraph, drop: string[]): ClusterGraph {
  const out = createClusterGraph({ ...g.getAttributes() });
  g.forEachNode((id, a) => {
    if (!drop.includes(id)) addActor(out, id, { ...a });
  });
  g.forEachEdge((_k, a, s, t) => {
    if (!drop.includes(s) && !drop.includes(t)) addTie(out, s, t, { relation: a.relation, weight: a.weight, wave: a.wave });
  });
  return out;
}

const typeOf = (g: ClusterGraph, name: string) => diagnose(g, FAST).typology.types.find((t) => t.name === name)!;

/**
 * A satellite: `hubs` local subsidiaries, each with a parent abroad that advises it strongly; each hub
 * advises its own first-tier firms; a few first-tier firms pass orders to lower-tier SMEs, most SMEs
 * untied. `parentsAbroad: false` gives the same hubs without parents (one outside buyer buys from an SME).
 */
function satellite(seed: number, parentsAbroad = true): ClusterGraph {
  const rng = seededRng(seed);
  const g = createClusterGraph({ name: "planted satellite" });
  const hubs = 4;
  for (let h = 0; h < hubs; h++) {
    addActor(g, `hub${h}`, { kind: "firm", stage: "assembly", employees: 3000 });
    if (parentsAbroad) {
      addActor(g, `parent${h}`, { kind: "firm", stage: "headquarters", inCluster: false });
      addTie(g, `parent${h}`, `hub${h}`, { relation: "advice", weight: 3 });
      addTie(g, `parent${h}`, `hub${h}`, { relation: "business", weight: 3 });
    }
  }
  for (let i = 0; i < 24; i++) {
    addActor(g, `t1_${i}`, { kind: "supplier", stage: "first-tier", employees: 300 });
    for (let h = 0; h < hubs; h++) if (h === i % hubs || rng() < 0.5) addTie(g, `hub${h}`, `t1_${i}`, { relation: "advice", weight: 2 });
    if (!parentsAbroad && rng() < 0.5) addTie(g, `t1_${i}`, `hub${i % hubs}`, { relation: "advice", weight: 2 });
  }
  for (let i = 0; i < 40; i++) addActor(g, `sme${i}`, { kind: "supplier", stage: "second-tier", employees: 20 });
  for (let i = 0; i < 6; i++) addTie(g, `t1_${i}`, `sme${i}`, { relation: "business", weight: 1 });
  for (let i = 0; i < 3; i++) addTie(g, `sme${i}`, `sme${10 + i}`, { relation: "business", weight: 1 });
  if (!parentsAbroad) {
    addActor(g, "buyer", { kind: "buyer", inCluster: false });
    addTie(g, "buyer", "sme39", { relation: "business", weight: 1 });
  }
  return g;
}

/** A Marshallian district: 40 small firms at one stage, many horizontal ties, no hub; a thin association. */
function marshallian(seed: number): ClusterGraph {
  const rng = seededRng(seed);
  const g = createClusterGraph({ name: "planted Marshallian district" });
  for (let i = 0; i < 40; i++) addActor(g, `f${i}`, { kind: "firm", stage: "weaving", employees: 5 + Math.floor(rng() * 30) });
  addActor(g, "assoc", { kind: "association", stage: "support", employees: 4 });
  addActor(g, "buyer", { kind: "buyer", inCluster: false });
  for (let i = 0; i < 40; i++)
    for (let j = 0; j < 40; j++) if (i !== j && rng() < 0.08) addTie(g, `f${i}`, `f${j}`, { relation: "advice", weight: 1 + Math.floor(rng() * 3) });
  for (let i = 0; i < 40; i += 8) addTie(g, "assoc", `f${i}`, { relation: "advice", weight: 1 });
  for (let i = 0; i < 40; i += 5) addTie(g, "buyer", `f${i}`, { relation: "market", weight: 2 });
  return g;
}

describe("typology on planted graphs", () => {
  it.each([1, 2, 3])("subsidiaries with parents abroad, lower tiers barely reached: satellite (seed %i)", (seed) => {
    const d = diagnose(satellite(seed), FAST);
    const sat = d.typology.types.find((t) => t.name === "satellite")!;
    expect(sat.state, sat.summary).toBe("holds");
    expect(d.typology.leads.slice(0, 4).map((l) => l.id).sort()).toEqual(["hub0", "hub1", "hub2", "hub3"]);
    expect(d.typology.types.find((t) => t.name === "hub-and-spoke-local")!.state).toBe("does-not-hold");
    expect(d.typology.types.find((t) => t.name === "marshallian")!.state).toBe("does-not-hold");
  });
  it("the same hubs without parents abroad are hub-and-spoke anchored locally, not a satellite", () => {
    const g = satellite(1, false);
    expect(typeOf(g, "satellite").state).toBe("does-not-hold");
    expect(typeOf(g, "hub-and-spoke-local").state).toBe("holds");
  });
  it.each([1, 2, 3])("many small firms with dense horizontal ties and no hub: Marshallian (seed %i)", (seed) => {
    const d = diagnose(marshallian(seed), FAST);
    const m = d.typology.types.find((t) => t.name === "marshallian")!;
    expect(m.state, m.summary).toBe("holds");
    expect(d.typology.types.find((t) => t.name === "satellite")!.state).toBe("does-not-hold");
  });
  it("without declared firm sizes, Marshallian cannot be judged; without outside actors neither can satellite", () => {
    const g = marshallian(1);
    g.forEachNode((id) => g.setNodeAttribute(id, "employees", undefined));
    expect(typeOf(g, "marshallian").state).toBe("cannot-judge");
    const noOutside = without(satellite(1), [0, 1, 2, 3].map((h) => `parent${h}`));
    const s = typeOf(noOutside, "satellite");
    expect(s.state).toBe("cannot-judge");
    expect(s.holds).toBeNull();
  });
});

describe("depth of diffusion", () => {
  it("a planted chain: steps, strongest path, never reached, reach by stage", () => {
    const g = createClusterGraph();
    addActor(g, "src", { inCluster: false });
    for (const [id, stage] of [["a", "t1"], ["b", "t2"], ["c", "t3"], ["d", "t3"], ["x", "t3"]]) addActor(g, id, { stage });
    addTie(g, "src", "a", { weight: 1 });
    addTie(g, "a", "b", { weight: 2 });
    addTie(g, "b", "c", { weight: 2 });
    addTie(g, "a", "c", { weight: 1 }); // fewer steps, weaker
    addTie(g, "c", "d", { weight: 4 });
    addTie(g, "x", "a", { weight: 3 }); // x gives but never receives
    const d = diffusionDepth(g);
    const by = Object.fromEntries(d.actors.map((a) => [a.id, a]));
    expect([by.a.steps, by.b.steps, by.c.steps, by.d.steps, by.x.steps]).toEqual([1, 2, 2, 3, Infinity]);
    expect(by.c.strongest).toBeCloseTo(1 + 1 / 2 + 1 / 2); // via b (strong), 2.0, beats a→c (1 + 1)
    expect(by.d.strongest).toBeCloseTo(2.25);
    expect(d.neverReached).toEqual(["x"]);
    expect(d.depth).toBe(3);
    const t3 = d.breakdown.find((r) => r.attribute === "stage" && r.value === "t3")!;
    expect(t3.reached.slice(0, 3)).toEqual([0, 1, 2]);
    expect(t3.neverReached).toBe(1);
  });
  const oracle = JSON.parse(readFileSync(new URL("../oracles/diffusion_networkx.json", import.meta.url), "utf8"));
  it.each(oracle.cases as any[])("matches networkx multi-source distances (seed $seed)", (c: any) => {
    const g = createClusterGraph();
    for (const n of c.nodes) addActor(g, n.id, { inCluster: n.inCluster });
    for (const t of c.ties) addTie(g, t.source, t.target, { weight: t.weight });
    const d = diffusionDepth(g);
    for (const a of d.actors) {
      const s = c.steps[a.id];
      expect(a.steps, a.id).toBe(s === null ? Infinity : s);
      if (c.strongest[a.id] === null) expect(a.strongest).toBe(Infinity);
      else expect(a.strongest, a.id).toBeCloseTo(c.strongest[a.id], 10);
    }
  });
});

describe("tie-type mix and outside sources", () => {
  const g = createClusterGraph();
  addActor(g, "f1", { kind: "firm", stage: "weaving" });
  addActor(g, "f2", { kind: "firm", stage: "weaving" });
  addActor(g, "s1", { kind: "supplier", stage: "yarn" });
  addActor(g, "assoc", { kind: "association", stage: "support" });
  addActor(g, "lab", { kind: "lab", stage: "support" });
  addActor(g, "buyer", { kind: "buyer", inCluster: false });
  addActor(g, "hq", { kind: "firm", stage: "headquarters", inCluster: false });
  addActor(g, "uni", { kind: "university", inCluster: false });
  addTie(g, "f1", "f2", { relation: "advice", weight: 2, wave: "1994" });
  addTie(g, "s1", "f1", { relation: "advice", weight: 1, wave: "1994" });
  addTie(g, "assoc", "f1", { relation: "advice", weight: 3, wave: "1997" });
  addTie(g, "assoc", "f2", { relation: "advice", weight: 1, wave: "1997" });
  addTie(g, "lab", "s1", { relation: "advice", weight: 2, wave: "1997" });
  addTie(g, "buyer", "f1", { relation: "market", weight: 3, wave: "1994" });
  addTie(g, "hq", "f2", { relation: "advice", weight: 2, wave: "1994" });
  addTie(g, "uni", "assoc", { relation: "advice", weight: 1, wave: "1997" });
  it("institutional ties are told apart from bilateral ones; the classic rule keeps the stored types", () => {
    const m = tieTypeMix(g);
    expect(m.all.ties).toEqual({ horizontal: 1, vertical: 1, institutional: 3, external: 3 });
    expect(m.all.strength.institutional).toBe(6);
    expect(m.all.inside).toBe(5);
    expect(m.all.across).toBe(3);
    expect(m.all.externalInstitutional).toBe(1);
    const r97 = m.rows.find((r) => r.relation === "advice" && r.round === "1997")!;
    expect(r97.ties.institutional).toBe(3);
    const classic = tieTypeMix(g, { rule: "classic" });
    expect(classic.all.ties.institutional).toBe(0);
    expect(classic.all.ties.horizontal + classic.all.ties.vertical).toBe(5);
  });
  it("outside sources are classed as buyer, parent company, knowledge organisation", () => {
    expect(sourceKindOf(g.getNodeAttributes("buyer"))).toBe("buyer");
    expect(sourceKindOf(g.getNodeAttributes("hq"))).toBe("parent company");
    expect(sourceKindOf(g.getNodeAttributes("uni"))).toBe("knowledge organisation");
    expect(sourceKindOf({ kind: "firm", sourceKind: "supplier" })).toBe("supplier");
    const d = diagnose(g, FAST);
    const rows = Object.fromEntries(d.outsideSources.bySourceKind.map((r) => [r.sourceKind, r]));
    expect(rows.buyer.strength).toBe(3);
    expect(rows["parent company"].strength).toBe(2);
    expect(rows["knowledge organisation"].strength).toBe(1);
    expect(rows.buyer.share).toBeCloseTo(0.5);
  });
});

/** Brute force: the best m-reach over every k-set, by plain enumeration of index sets. */
function bruteForce(g: ReturnType<typeof digraphFromArcs>, k: number, m: number): number {
  let best = 0;
  const rec = (start: number, set: number[]) => {
    if (set.length === k) {
      // reach by repeated frontier expansion (independent of mReach's queue)
      const seen = new Set(set);
      let frontier = [...set];
      for (let step = 0; step < m; step++) {
        const next: number[] = [];
        for (const v of frontier) for (let q = g.outStart[v]; q < g.outStart[v + 1]; q++) if (!seen.has(g.outAdj[q])) (seen.add(g.outAdj[q]), next.push(g.outAdj[q]));
        frontier = next;
      }
      best = Math.max(best, seen.size - k);
      return;
    }
    for (let v = start; v < g.n; v++) rec(v + 1, [...set, v]);
  };
  rec(0, []);
  return best;
}

describe("KPP-Pos (key players for a diffusion programme)", () => {
  const randomDigraph = (n: number, p: number, seed: number) => {
    const rng = seededRng(seed);
    const ids = Array.from({ length: n }, (_, i) => `v${i}`);
    const arcs: { source: string; target: string; weight: number }[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && rng() < p) arcs.push({ source: ids[i], target: ids[j], weight: 1 });
    return digraphFromArcs(ids, arcs);
  };
  const cases: [number, number, number, number][] = [];
  for (let seed = 1; seed <= 12; seed++) cases.push([seed, 8 + (seed % 5), 1 + (seed % 3), 1 + (seed % 2)]);
  it.each(cases)("exact search equals brute force (seed %i, n %i, k %i, m %i)", (seed, n, k, m) => {
    const g = randomDigraph(n, 0.15, seed);
    const r = keyPlayersPositive(g, { k, m });
    expect(r.method).toBe("exact");
    expect(r.reached).toBe(bruteForce(g, k, m));
    expect(mReach(g, r.set.map((id) => g.index.get(id)!), m)).toBe(r.reached);
  });
  it.each(cases)("greedy + swap reaches the brute-force optimum (seed %i, n %i, k %i, m %i)", (seed, n, k, m) => {
    const g = randomDigraph(n, 0.15, seed);
    const r = keyPlayersPositive(g, { k, m, exactLimit: 0 });
    expect(r.method).toBe("greedy + swap");
    expect(r.reached).toBe(bruteForce(g, k, m));
  });
  it("a planted star: the hub is the key player", () => {
    const ids = ["hub", ...Array.from({ length: 9 }, (_, i) => `s${i}`)];
    const g = digraphFromArcs(ids, ids.slice(1).map((t) => ({ source: "hub", target: t, weight: 1 })));
    expect(keyPlayersPositive(g, { k: 1, m: 1 }).set).toEqual(["hub"]);
  });
});

describe("interventions", () => {
  it("a broker tied to lower-tier firms raises reach from outside; a shock on parents removes it", () => {
    const g = satellite(1);
    const d = diagnose(g, { ...FAST, interventions: { k: 3, brokerFirms: ["sme20", "sme21", "sme22"] } });
    const iv = d.interventions!;
    expect(iv.broker!.outsideSource).toMatch(/^parent/);
    // Before: 4 hubs and 24 first-tier firms of 68 inside actors within two ties; after: three SMEs more.
    expect(iv.broker!.reachWithinTwo.before).toBeCloseTo(28 / 68, 12);
    expect(iv.broker!.reachWithinTwo.change).toBeCloseTo(3 / 68, 12);
    expect(iv.broker!.proposed).toBe(false); // below the 5-point minimum
    const all = iv.shocks.find((s) => s.lost === "all")!;
    expect(all.reachedAfter).toBe(0);
    expect(all.proposedAsRisk).toBe(true);
  });
});
