/**
 * Openness from an attribute: a one-value-per-actor file of extra-regional partner counts feeds external
 * openness and the cognitive roles without adding actors. The roles are checked against an independent
 * implementation of the rule documented in src/diagnosis/roles.ts, written here from the CSV text.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readInput } from "../../src/io/load.js";
import { readActorValues } from "../../src/io/actorValues.js";
import { cognitiveRoles } from "../../src/diagnosis/roles.js";
import { externalOpenness } from "../../src/metrics/openness.js";
import { gatekeepers } from "../../src/diagnosis/gatekeepers.js";
import { InputError } from "../../src/io/report.js";
import { main } from "../../src/cli/main.js";

const dir = new URL("../fixtures/layers/", import.meta.url);
const folder = new URL("two-relations/", dir).pathname;
const valuesFile = new URL("extra-regional.csv", dir).pathname;
const csv = (name: string) => readFileSync(new URL(name, dir), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));

/** The documented rule: above = strictly greater than the median over inside actors; well connected = source and absorber. */
function expectedRoles(measure: "strength" | "count"): Map<string, string> {
  const ids = csv("two-relations/nodes.csv").map((r) => r[0]);
  const ext = new Map(csv("extra-regional.csv").map(([id, v]) => [id, v === undefined || v === "" ? 0 : Number(v)]));
  const outS = new Map<string, number>();
  const inS = new Map<string, number>();
  const outP = new Map<string, Set<string>>();
  const inP = new Map<string, Set<string>>();
  for (const id of ids) {
    outS.set(id, 0);
    inS.set(id, 0);
    outP.set(id, new Set());
    inP.set(id, new Set());
  }
  for (const [s, t, , w] of csv("two-relations/ties.csv")) {
    if (s === t) continue;
    outS.set(s, outS.get(s)! + Number(w));
    inS.set(t, inS.get(t)! + Number(w));
    outP.get(s)!.add(t);
    inP.get(t)!.add(s);
  }
  const lo = (id: string) => (measure === "strength" ? outS.get(id)! : outP.get(id)!.size);
  const li = (id: string) => (measure === "strength" ? inS.get(id)! : inP.get(id)!.size);
  const ei = (id: string) => ext.get(id) ?? 0;
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const [tLo, tLi, tEi] = [median(ids.map(lo)), median(ids.map(li)), median(ids.map(ei))];
  return new Map(
    ids.map((id) => {
      const well = lo(id) > tLo && li(id) > tLi;
      const open = ei(id) > tEi;
      const role = well ? (open ? "technologicalGatekeeper" : "activeMutualExchanger") : open ? "externalStar" : lo(id) + li(id) > 0 ? "weaklyConnected" : "isolated";
      return [id, role];
    }),
  );
}

describe("outside ties from an attribute", () => {
  for (const measure of ["strength", "count"] as const) {
    it(`cognitive roles (${measure}) equal the documented rule`, async () => {
      const { graph } = await readInput(folder);
      const read = readActorValues(graph, valuesFile);
      expect(read.attribute).toBe("extra_regional");
      const before = graph.order;
      const r = cognitiveRoles(graph, { measure, externalAttribute: "extra_regional" });
      expect(graph.order).toBe(before);
      const want = expectedRoles(measure);
      for (const a of r.actors) expect(a.role, a.id).toBe(want.get(a.id));
      expect(r.externalFromAttribute?.missing).toEqual(["f07"]);
      expect(r.externalFromAttribute?.note).toMatch(/no actor added/);
      expect(r.counts.externalStar + r.counts.technologicalGatekeeper).toBeGreaterThan(0);
    });
  }
  it("without the option the same survey gives every firm openness 0", async () => {
    const { graph } = await readInput(folder);
    readActorValues(graph, valuesFile);
    const r = cognitiveRoles(graph);
    expect(r.counts.externalStar + r.counts.technologicalGatekeeper).toBe(0);
  });
  it("feeds the cluster's external openness and the gatekeeper ranking", async () => {
    const { graph } = await readInput(folder);
    readActorValues(graph, valuesFile);
    const values = csv("extra-regional.csv").map(([, v]) => (v ? Number(v) : 0));
    const o = externalOpenness(graph, { externalAttribute: "extra_regional" });
    expect(o.cluster.inflowTies).toBe(values.reduce((s, v) => s + v, 0));
    expect(o.cluster.openActors).toBe(values.filter((v) => v > 0).length);
    expect(o.cluster.outsideActors).toBe(0);
    const g = gatekeepers(graph, { externalAttribute: "extra_regional" });
    expect(g.options.externalAttribute).toBe("extra_regional");
    expect(g.notes.join(" ")).toMatch(/from the attribute extra_regional/);
    expect(g.ranking[0].scoreParts.openness).toBe(1);
  });
  it("an unknown id is an error at its line and column, a non-number a warning", async () => {
    const { graph } = await readInput(folder);
    try {
      readActorValues(graph, new URL("extra-regional-bad.csv", dir).pathname);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const issues = (e as InputError).report!.issues;
      expect(issues.find((i) => i.code === "unknown-actor")).toMatchObject({ line: 3, column: 1 });
      expect(issues.find((i) => i.code === "bad-number")).toMatchObject({ line: 4, column: 5, severity: "warning" });
    }
  });
  it("gatekeepers --external-attribute says where the outside ties came from", async () => {
    let out = "";
    const code = await main(["node", "clusterflow", "gatekeepers", folder, "--external-attribute", "external_ties"], { out: (t) => (out += t), err: () => {} });
    expect(code).toBe(0);
    expect(out).toMatch(/outside ties: from the attribute external_ties/);
  });
  it("gatekeepers --attributes file --external-attribute: the roles of the documented rule", async () => {
    let out = "";
    const code = await main(["node", "clusterflow", "gatekeepers", folder, "--attributes", valuesFile, "--external-attribute", "extra_regional", "--json"], { out: (t) => (out += t), err: () => {} });
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(j.options.externalAttribute).toBe("extra_regional");
    const want = expectedRoles("strength");
    for (const a of j.ranking) expect(a.role, a.id).toBe(want.get(a.id));
  });
});
