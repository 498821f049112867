/**
 * The diagnosis on graphs generated here from a seed: planted partitions are called fragmented along the
 * planted groups when cross-group density is low and not when it is high; a cluster cut off from outside
 * is called closed; a star is hub-and-spoke; outside knowledge entering through one actor is
 * gatekeeper-dependent. Same seed → same diagnosis, byte for byte.
 */
import { describe, expect, it } from "vitest";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import type { ClusterGraph } from "../../src/model/types.js";
import { diagnose, verdict, VERDICT_NAMES, DEFAULT_THRESHOLDS, type Diagnosis } from "../../src/diagnosis/diagnose.js";
import { AnalysisRefused } from "../../src/model/errors.js";
import { cutOff, plantedPartition, star, throughOne } from "./graphs.js";

const FAST = { reps: 499, nullReps: 19 };
const withoutGroups = (g: ClusterGraph) => {
  g.forEachNode((id) => g.removeNodeAttribute(id, "group"));
  return g;
};

describe("verdict API", () => {
  const d = diagnose(plantedPartition([8, 8], 0.5, 0.05, 3), FAST);
  it("always four verdicts, in order, each with a state, summary, evidence and thresholds", () => {
    expect(d.verdicts.map((v) => v.name)).toEqual([...VERDICT_NAMES]);
    for (const v of d.verdicts) {
      expect(["holds", "does-not-hold", "cannot-judge"]).toContain(v.state);
      expect(v.holds).toBe(v.state === "holds" ? true : v.state === "does-not-hold" ? false : null);
      expect(v.reason === null).toBe(v.state !== "cannot-judge");
      expect(v.summary.length).toBeGreaterThan(20);
      expect(Object.keys(v.evidence).length).toBeGreaterThan(0);
      for (const x of Object.values(v.thresholds)) expect(typeof x).toBe("number");
    }
  });
  it("records the options used: seed, partition, thresholds", () => {
    expect(d.options.seed).toBe(1);
    expect(d.options.partition).toBe("group");
    expect(d.options.partitionSource).toBe("declared");
    expect(d.options.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(d.options.reps).toBe(499);
    expect(d.groups.communities.options.seed).toBe(1);
  });
});

describe("fragmented", () => {
  it.each([1, 2, 3, 4, 5])("planted groups with sparse cross ties (seed %i): fragmented along the planted groups", (seed) => {
    const d = diagnose(plantedPartition([9, 12, 7], 0.45, 0.02, seed), FAST);
    const v = verdict(d, "fragmented");
    expect(v.holds, v.summary).toBe(true);
    expect((v.evidence.inwardGroups as string[]).sort()).toEqual(["cooperatives", "growers", "labs"]);
    expect(v.evidence.eiPLower as number).toBeLessThanOrEqual(0.05);
    expect(v.evidence.densityRatio as number).toBeLessThanOrEqual(DEFAULT_THRESHOLDS.maxDensityRatio);
    expect(v.summary).toMatch(/labs/);
  });
  it.each([1, 2, 3, 4, 5])("planted groups with dense cross ties (seed %i): not fragmented", (seed) => {
    const d = diagnose(plantedPartition([9, 12, 7], 0.45, 0.35, seed), FAST);
    expect(verdict(d, "fragmented").holds, verdict(d, "fragmented").summary).toBe(false);
  });
  it.each([1, 2, 3])("no group attribute: detected communities match the planted groups when cross ties are sparse (seed %i)", (seed) => {
    const d = diagnose(withoutGroups(plantedPartition([9, 12, 7], 0.45, 0.02, seed)), FAST);
    const v = verdict(d, "fragmented");
    expect(d.options.partitionSource).toBe("detected");
    expect(v.holds, v.summary).toBe(true);
    // The communities are the planted groups (ids start with the group's initial).
    const planted = d.groups.actors.map((a) => a.id[0]);
    expect(d.groups.communities.count).toBe(3);
    const byCommunity = new Map<string, Set<string>>();
    d.groups.actors.forEach((a, i) => byCommunity.set(a.community, (byCommunity.get(a.community) ?? new Set()).add(planted[i])));
    for (const s of byCommunity.values()) expect(s.size).toBe(1);
  });
  it.each([1, 2, 3])("no group attribute and no structure (seed %i): not fragmented", (seed) => {
    const d = diagnose(withoutGroups(plantedPartition([28], 0.15, 0.15, seed)), FAST);
    expect(verdict(d, "fragmented").holds, verdict(d, "fragmented").summary).toBe(false);
  });
  it("a single group cannot be judged: the state says so, not 'does not hold'", () => {
    const d = diagnose(plantedPartition([12], 0.3, 0, 1), FAST);
    const v = verdict(d, "fragmented");
    expect(v.state).toBe("cannot-judge");
    expect(v.holds).toBeNull();
    expect(v.reason).toMatch(/fewer than two groups/);
    expect(v.summary).toMatch(/Cannot judge/);
  });
  it("a named partition no actor has is refused", () => {
    expect(() => diagnose(plantedPartition([5, 5], 0.5, 0.1, 1), { ...FAST, partition: "sector" })).toThrow(AnalysisRefused);
  });
});

describe("closed", () => {
  it.each([1, 2, 3])("a cluster cut off from outside knowledge is closed (seed %i)", (seed) => {
    const d = diagnose(cutOff(20, 0.15, 4, seed), FAST);
    const v = verdict(d, "closed");
    expect(v.holds, v.summary).toBe(true);
    expect(v.evidence.inflowShare).toBe(0);
  });
  it("the same cluster with plenty of outside knowledge is not", () => {
    const d = diagnose(cutOff(20, 0.15, 6, 1, 30), FAST);
    expect(verdict(d, "closed").holds).toBe(false);
    expect(verdict(d, "closed").evidence.inflowShare as number).toBeGreaterThan(0.1);
  });
  it("without any outside actor the question cannot be answered: closed and gatekeeper-dependent cannot be judged", () => {
    const d = diagnose(plantedPartition([10, 10], 0.3, 0.1, 1), FAST);
    expect(verdict(d, "closed").state).toBe("cannot-judge");
    expect(verdict(d, "closed").holds).toBeNull();
    expect(verdict(d, "gatekeeper-dependent").state).toBe("cannot-judge");
    expect(verdict(d, "fragmented").state).not.toBe("cannot-judge");
    expect(verdict(d, "closed").summary).toMatch(/Cannot tell/);
  });
  it("names who the few outside links go through", () => {
    // One firm hears from outside and keeps it to itself: little comes in, and it does not travel.
    const d = diagnose(throughOne(40, 0.1, 1, 2, 0), FAST);
    const v = verdict(d, "closed");
    expect(v.holds, v.summary).toBe(true);
    expect(v.evidence.reachedWithinTwoShare as number).toBeLessThanOrEqual(v.thresholds.maxOutsideReach);
    expect((v.evidence.receivers as { id: string }[]).map((r) => r.id)).toEqual(["f0"]);
    expect(v.summary).toMatch(/Firm 0/);
  });
  it("little inflow passed on widely by one actor is not closed", () => {
    const d = diagnose(throughOne(20, 0.15, 1, 2), FAST);
    const v = verdict(d, "closed");
    expect(v.evidence.inflowShare as number).toBeLessThanOrEqual(v.thresholds.maxInflowShare);
    expect(v.evidence.reachedWithinTwoShare as number).toBeGreaterThan(v.thresholds.maxOutsideReach);
    expect(v.holds, v.summary).toBe(false);
    expect(v.summary).toMatch(/passed on/);
  });
  it("a stricter threshold given by the user is used and recorded", () => {
    const d = diagnose(throughOne(40, 0.1, 1, 2, 0), { ...FAST, thresholds: { maxInflowShare: 0 } });
    expect(verdict(d, "closed").holds).toBe(false);
    expect(verdict(d, "closed").thresholds.maxInflowShare).toBe(0);
    expect(d.options.thresholds.maxInflowShare).toBe(0);
  });
});

describe("hub-and-spoke", () => {
  it.each([6, 12, 30])("a star of %i actors is hub-and-spoke around its centre", (n) => {
    const d = diagnose(star(n, 1), FAST);
    const v = verdict(d, "hub-and-spoke");
    expect(v.holds, v.summary).toBe(true);
    expect((v.evidence.hubs as { id: string }[]).map((h) => h.id)).toEqual(["hub"]);
    expect(v.evidence.centralization).toBeCloseTo(1, 12);
    expect(v.evidence.hubShare).toBe(1);
  });
  it("three hubs with their own suppliers are hub-and-spoke", () => {
    const g = createClusterGraph();
    for (const h of ["A", "B", "C"]) addActor(g, h, { kind: "firm" });
    for (const h of ["A", "B", "C"]) for (let k = 0; k < 8; k++) {
      addActor(g, `${h}${k}`, { kind: "supplier" });
      addTie(g, h, `${h}${k}`);
    }
    addTie(g, "A", "B");
    addTie(g, "A0", "A1");
    const v = verdict(diagnose(g, FAST), "hub-and-spoke");
    expect(v.holds, v.summary).toBe(true);
    expect((v.evidence.hubs as { id: string }[]).map((h) => h.id)).toEqual(["A", "B", "C"]);
  });
  it.each([1, 2])("planted groups are not hub-and-spoke (seed %i)", (seed) => {
    expect(verdict(diagnose(plantedPartition([9, 12, 7], 0.45, 0.05, seed), FAST), "hub-and-spoke").holds).toBe(false);
  });
  it("a short path is too little evidence", () => {
    const g = createClusterGraph();
    for (const x of "abcde") addActor(g, x);
    addTie(g, "a", "b");
    addTie(g, "b", "c");
    expect(verdict(diagnose(g, FAST), "hub-and-spoke").holds).toBe(false);
  });
});

describe("gatekeeper-dependent", () => {
  it.each([1, 2, 3])("outside knowledge entering through one actor (seed %i)", (seed) => {
    const d = diagnose(throughOne(20, 0.15, 5, seed), FAST);
    const v = verdict(d, "gatekeeper-dependent");
    expect(v.holds, v.summary).toBe(true);
    expect(v.evidence.through).toBe(1);
    expect((v.evidence.entryActors as { id: string; passesOn: boolean }[])[0]).toMatchObject({ id: "f0", passesOn: true });
    expect(d.gatekeepers.ranking[0].id).toBe("f0");
  });
  it("outside knowledge spread over many actors is not", () => {
    const d = diagnose(cutOff(20, 0.15, 8, 1, 16), FAST);
    expect(verdict(d, "gatekeeper-dependent").holds, verdict(d, "gatekeeper-dependent").summary).toBe(false);
  });
});

describe("bridging opportunities and critical actors", () => {
  // Two groups joined only through the broker "b": L0..L5 – b – R0..R5.
  function barbell(): ClusterGraph {
    const g = createClusterGraph();
    for (let k = 0; k < 6; k++) addActor(g, `L${k}`, { group: "left" });
    for (let k = 0; k < 6; k++) addActor(g, `R${k}`, { group: "right" });
    addActor(g, "b", { group: "left" });
    addActor(g, "z", { group: "island" });
    addActor(g, "z2", { group: "island" });
    addTie(g, "z", "z2");
    for (const s of ["L", "R"]) for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) addTie(g, `${s}${i}`, `${s}${j}`);
    addTie(g, "L0", "b");
    addTie(g, "L1", "b");
    addTie(g, "b", "R0");
    addTie(g, "b", "R1");
    return g;
  }
  const d = diagnose(barbell(), { ...FAST, k: 1 });
  it("the broker is the critical actor and an articulation point", () => {
    expect(d.criticalActors.set).toEqual(["b"]);
    expect(d.criticalActors.articulationPoints).toEqual(["b"]);
    expect(d.criticalActors.after.fragmentation).toBeGreaterThan(d.criticalActors.before.fragmentation);
  });
  it("group pairs without ties are listed first; the best new tie joins the separate part", () => {
    expect(d.bridging.groupPairs.filter((p) => p.status === "none").map((p) => [p.a, p.b].sort().join("|")).sort()).toEqual(["island|left", "island|right"]);
    const best = d.bridging.newTies[0];
    expect([best.groupA, best.groupB]).toContain("island");
    expect(best.fragmentationDrop).toBeGreaterThan(0);
    expect(best.groupCloseness.after).toBeGreaterThan(best.groupCloseness.before);
  });
});

describe("reproducibility", () => {
  const g = () => withoutGroups(plantedPartition([9, 12, 7], 0.45, 0.04, 8));
  it("the same seed gives the same communities, p-values and diagnosis, byte for byte", () => {
    const a: Diagnosis = diagnose(g(), { ...FAST, seed: 42 });
    const b: Diagnosis = diagnose(g(), { ...FAST, seed: 42 });
    expect(b.groups.communities.membership).toEqual(a.groups.communities.membership);
    expect(b.groups.ei.network.test).toEqual(a.groups.ei.network.test);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
  it("another seed draws other permutations (the seed is really used)", () => {
    const h = plantedPartition([9, 12, 7], 0.45, 0.3, 8);
    const a = diagnose(h, { ...FAST, seed: 1 });
    const b = diagnose(h, { ...FAST, seed: 2 });
    expect(b.groups.ei.network.test!.mean).not.toBe(a.groups.ei.network.test!.mean);
    expect(b.options.seed).toBe(2);
  });
});

describe("edge cases", () => {
  it("a network without actors is refused; one without ties gives no verdict", () => {
    expect(() => diagnose(createClusterGraph())).toThrow(AnalysisRefused);
    const g = createClusterGraph();
    for (const x of "abcdef") addActor(g, x, { group: x < "d" ? "A" : "B" });
    const d = diagnose(g, FAST);
    expect(d.verdicts.every((v) => !v.holds)).toBe(true);
  });
});

describe("ties between groups by type", () => {
  /** Two inside groups with a production stage each, an association (a support organisation) and two outside buyers. */
  function mixed() {
    const g = createClusterGraph({ name: "mixed" });
    for (const [id, group, stage] of [["a1", "makers", "production"], ["a2", "makers", "production"], ["b1", "traders", "marketing"], ["b2", "traders", "marketing"]] as const) addActor(g, id, { group, stage });
    addActor(g, "assoc", { group: "makers", kind: "association", stage: "support" });
    addActor(g, "buyer1", { inCluster: false, kind: "buyer" });
    addActor(g, "buyer2", { inCluster: false, kind: "buyer" });
    addTie(g, "a1", "a2"); // horizontal
    addTie(g, "a1", "b1"); // vertical
    addTie(g, "b1", "b2"); // horizontal
    addTie(g, "assoc", "a1"); // institutional
    addTie(g, "assoc", "b2"); // institutional
    addTie(g, "buyer1", "a1"); // external
    addTie(g, "buyer2", "b1"); // external
    addTie(g, "buyer1", "b2", { relation: "business" }); // external
    return g;
  }

  it("count every tie, with the outside actors in a group of their own, in the four classes of the tie-type mix", () => {
    const d = diagnose(mixed(), { reps: 19, nullReps: 0, seed: 1 });
    expect(d.options.scope).toBe("local");
    const tt = d.groups.tieTypes;
    const sum = (k: "horizontal" | "vertical" | "institutional" | "external") => tt.pairs.reduce((s, p) => s + p.byType[k], 0);
    expect(tt.pairs.reduce((s, p) => s + p.total, 0)).toBe(8);
    expect([sum("horizontal"), sum("vertical"), sum("institutional"), sum("external")]).toEqual([2, 1, 2, 3]);
    // The same classes as the tie-type mix of the whole network.
    expect(sum("external")).toBe(d.tieTypeMix.all.ties.external);
    expect(sum("institutional")).toBe(d.tieTypeMix.all.ties.institutional);
    expect(tt.pairs.find((p) => p.from === "outside the cluster" && p.to === "traders")).toMatchObject({ total: 2, byType: { external: 2 } });
    expect(tt.groups).toEqual(["makers", "traders", "outside the cluster"]);
  });
});
