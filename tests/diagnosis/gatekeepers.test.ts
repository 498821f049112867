/** Gatekeeper ranking and cognitive roles on cluster structures from the literature (docs/cases.md). */
import { describe, expect, it } from "vitest";
import { gatekeepers } from "../../src/diagnosis/gatekeepers.js";
import { cognitiveRoles, classifyCognitiveRole } from "../../src/diagnosis/roles.js";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { reverseTies } from "../../src/model/views.js";
import { AnalysisRefused } from "../../src/cli/errors.js";

/** Jepara-like: buyer (outside) → principal subcontractor → suppliers with kinship ties; a second buyer tie to a trader. */
function jepara() {
  const g = createClusterGraph({ name: "jepara" });
  addActor(g, "ikea", { label: "IKEA", kind: "buyer", inCluster: false, group: "buyers" });
  addActor(g, "sub", { label: "Principal subcontractor", kind: "firm", group: "lead" });
  addActor(g, "trader", { kind: "firm", group: "lead" });
  for (let i = 1; i <= 6; i++) addActor(g, `s${i}`, { kind: "supplier", group: "smes" });
  addTie(g, "ikea", "sub", { weight: 3 });
  for (let i = 1; i <= 6; i++) addTie(g, "sub", `s${i}`, { weight: 2 });
  for (let i = 1; i <= 4; i++) addTie(g, `s${i}`, "sub"); // feedback from four suppliers
  for (const [a, b] of [["s1", "s2"], ["s2", "s1"], ["s3", "s4"], ["s4", "s3"], ["s5", "s6"]]) addTie(g, a, b);
  addTie(g, "ikea", "trader");
  addTie(g, "trader", "s6");
  return g;
}

describe("gatekeepers", () => {
  it.each(["inCluster", "kind", "group"])("the principal subcontractor ranks first (partition %s)", (partition) => {
    const r = gatekeepers(jepara(), { partition });
    expect(r.ranking[0].id).toBe("sub");
    expect(r.ranking[0].rank).toBe(1);
    expect(r.ranking[0].score).toBe(1);
    expect(r.ranking[0].outsideSources).toEqual(["ikea"]);
    expect(r.ranking[0].localRecipients).toBe(6);
    expect(r.ranking[0].brokerage.gatekeeper + r.ranking[0].brokerage.liaison).toBeGreaterThan(0);
    expect(r.ranking[0].reasons.join(" ")).toMatch(/IKEA/);
    expect(r.ranking[0].reasons.join(" ")).toMatch(/6 local actors/);
    expect(r.ranking[1].id).toBe("trader");
    expect(r.options.partition).toBe(partition);
  });

  it("the subcontractor is a gatekeeper under inCluster: open two-paths buyer → sub → supplier", () => {
    const r = gatekeepers(jepara());
    const sub = r.ranking.find((x) => x.id === "sub")!;
    // ikea → sub → s_i with no ikea → s_i tie: 6 gatekeeper paths; s_i → sub → s_j are coordinator paths.
    expect(sub.brokerage.gatekeeper).toBe(6);
    expect(sub.role).toBe("technologicalGatekeeper");
    expect(r.options.direction).toBe("flow");
  });

  it("read the wrong way round, the subcontractor is no longer a gatekeeper", () => {
    const r = gatekeepers(reverseTies(jepara()));
    const sub = r.ranking.find((x) => x.id === "sub")!;
    expect(sub.brokerage.gatekeeper).toBe(0);
    expect(sub.brokerage.representative).toBe(6);
  });

  it("top, insideOnly, weights and thresholds are applied and echoed", () => {
    const r = gatekeepers(jepara(), { top: 2, insideOnly: true, weights: { brokerage: 1, openness: 0 }, thresholds: { externalIn: 5 } });
    expect(r.ranking).toHaveLength(2);
    expect(r.ranking.every((x) => x.inCluster)).toBe(true);
    expect(r.options).toMatchObject({ top: 2, insideOnly: true, weights: { brokerage: 1, openness: 0 } });
    expect(r.thresholds.externalIn).toBe(5);
    expect(r.thresholds.origin.externalIn).toBe("given");
    expect(r.thresholds.origin.localOut).toBe("median of inside actors");
    expect(r.ranking.find((x) => x.id === "sub")!.role).toBe("activeMutualExchanger");
  });

  it("equal scores share a rank; a cluster with nobody outside gets a note", () => {
    const g = createClusterGraph();
    for (const id of ["a", "b", "c"]) addActor(g, id);
    addTie(g, "a", "b");
    const r = gatekeepers(g);
    expect(r.ranking.map((x) => x.rank)).toEqual([1, 1, 1]);
    expect(r.notes.join(" ")).toMatch(/every actor is inside/);
  });

  it("wellConnected 'either': an open strong local source that receives little back is a gatekeeper, not an external star", () => {
    const g = jepara();
    for (const s of ["s1", "s2", "s3", "s4"]) for (const e of g.edges(s, "sub")) g.dropEdge(e);
    const both = gatekeepers(g).ranking.find((x) => x.id === "sub")!;
    expect(both.role).toBe("externalStar");
    expect(both.reasons.join(" ")).toMatch(/strong local source, but receives little/);
    const either = gatekeepers(g, { wellConnected: "either" });
    expect(either.ranking.find((x) => x.id === "sub")!.role).toBe("technologicalGatekeeper");
    expect(either.options.wellConnected).toBe("either");
  });

  it("refuses an unknown partition", () => {
    expect(() => gatekeepers(jepara(), { partition: "sector" })).toThrow(AnalysisRefused);
  });
});

describe("cognitive roles", () => {
  it("classifies by the three thresholds (strictly above)", () => {
    const t = { localOut: 1, localIn: 1, externalIn: 0 };
    expect(classifyCognitiveRole(2, 2, 1, t)).toBe("technologicalGatekeeper");
    expect(classifyCognitiveRole(2, 2, 0, t)).toBe("activeMutualExchanger");
    expect(classifyCognitiveRole(1, 2, 1, t)).toBe("externalStar");
    expect(classifyCognitiveRole(1, 0, 0, t)).toBe("weaklyConnected");
    expect(classifyCognitiveRole(0, 0, 0, t)).toBe("isolated");
  });

  it("default thresholds are medians over inside actors; balance and position per actor", () => {
    const g = jepara();
    const r = cognitiveRoles(g, { measure: "count" });
    // inside local out-degrees: sub 6, trader 1, s1 2, s2 2, s3 2, s4 2, s5 1, s6 0 → median 2
    expect(r.thresholds.localOut).toBe(2);
    expect(r.thresholds.origin.localOut).toBe("median of inside actors");
    const byId = Object.fromEntries(r.actors.map((a) => [a.id, a]));
    expect(byId.ikea.role).toBe("outside");
    expect(byId.sub.balance).toBeCloseTo((6 - 4) / 10, 15);
    expect(byId.sub.position).toBe("mutual"); // 0.2 is not above the band 0.2
    const strength = Object.fromEntries(cognitiveRoles(g).actors.map((a) => [a.id, a]));
    expect(strength.sub.balance).toBeCloseTo((12 - 4) / 16, 15);
    expect(strength.sub.position).toBe("source");
    expect(byId.s6.position).toBe("absorber");
    expect(byId.s3.position).toBe("mutual");
    expect(r.counts.outside).toBe(1);
    expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(g.order);
  });
});

describe("the README example (package root)", () => {
  it("imports a roster survey and ranks its gatekeepers", async () => {
    const lib = await import("../../src/index.js");
    const { graph } = await lib.loadInput(new URL("../../datasets/wine-valley-survey", import.meta.url).pathname);
    const { options, ranking } = lib.gatekeepers(graph, { partition: "inCluster", top: 3 });
    expect(options.direction).toBe("asks");
    expect(ranking).toHaveLength(3);
    expect(ranking[0].score).toBe(1);
    expect(ranking[0].inCluster).toBe(true);
    expect(ranking[0].outsideSources.length).toBeGreaterThan(0);
    expect(lib.COGNITIVE_ROLE_LABELS[ranking[0].role]).toBeTypeOf("string");
    const share = lib.externalOpenness(graph).cluster.inflowStrengthShare;
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
  });
});
