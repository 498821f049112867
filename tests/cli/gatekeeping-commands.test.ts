/** The centrality, brokerage, holes and gatekeepers commands: ids of the input, JSON fields, refusals, direction. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["node", "clusterflow", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Krackhardt's advice survey as a dataset folder in a temporary directory ("i goes to j for advice"). */
function krackhardt(): string {
  const dir = mkdtempSync(join(tmpdir(), "cf-krack-"));
  const src = new URL("../fixtures/datasets/krackhardt_hightech/", import.meta.url);
  writeFileSync(join(dir, "nodes.csv"), readFileSync(new URL("nodes.csv", src)));
  writeFileSync(join(dir, "ties.csv"), readFileSync(new URL("edges_advice.csv", src)));
  return dir;
}

/** A small cluster with string ids that are not in index order. */
function jepara(): string {
  const dir = mkdtempSync(join(tmpdir(), "cf-jepara-"));
  writeFileSync(join(dir, "nodes.csv"), "id,label,kind,inCluster\nZ-buyer,IKEA,buyer,false\nK7,Subcontractor,firm,true\nS-01,Supplier 1,supplier,true\nS-02,Supplier 2,supplier,true\nS-03,Supplier 3,supplier,true\n");
  writeFileSync(join(dir, "ties.csv"), "source,target,weight\nZ-buyer,K7,3\nK7,S-01,2\nK7,S-02,2\nK7,S-03,1\nS-01,S-02,1\nS-02,S-01,1\nS-01,K7,1\n");
  return dir;
}

describe("gatekeeping commands", () => {
  it("brokerage --direction asks swaps gatekeeper and representative relative to reading the survey as flow", async () => {
    const dir = krackhardt();
    const flow = JSON.parse((await run("brokerage", dir, "--partition", "department", "--json")).out);
    const asks = JSON.parse((await run("brokerage", dir, "--partition", "department", "--direction", "asks", "--json")).out);
    expect(flow.direction).toBe("flow");
    expect(asks.direction).toBe("asks");
    expect(asks.actors.map((a: { gatekeeper: number }) => a.gatekeeper)).toEqual(flow.actors.map((a: { representative: number }) => a.representative));
    expect(asks.actors.map((a: { representative: number }) => a.representative)).toEqual(flow.actors.map((a: { gatekeeper: number }) => a.gatekeeper));
    expect(asks.network.raw.gatekeeper).toBe(flow.network.raw.representative);
    expect(flow.actors.some((a: { gatekeeper: number; representative: number }) => a.gatekeeper !== a.representative)).toBe(true);
  });

  it("brokerage --json: field names, expected/sd/z per role, whole-network figures, NaN as null", async () => {
    const r = await run("brokerage", krackhardt(), "--partition", "department", "--direction", "asks", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.schema).toBe("clusterflow/brokerage@1");
    const roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"];
    for (const k of [...roles, "id", "group", "expected", "sd", "z"]) expect(j.actors[0]).toHaveProperty(k);
    for (const k of roles) for (const f of ["expected", "sd", "z"]) expect(j.actors[0][f]).toHaveProperty(k);
    for (const f of ["raw", "expected", "sd", "z"]) expect(Object.keys(j.network[f])).toEqual(roles);
    expect(j.actors[0].id).toBe("M01");
    // The CEO (M07) is alone in department 0: coordinator z is 0/0 → null in JSON.
    expect(j.actors.find((a: { id: string }) => a.id === "M07").z.coordinator).toBeNull();
  });

  it("a missing partition attribute is refused (exit 1), naming the available attributes", async () => {
    const r = await run("brokerage", krackhardt(), "--partition", "dept");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/"dept"/);
    expect(r.err).toMatch(/department/);
    expect(r.err).not.toMatch(/at .*\.ts/);
    const g = await run("gatekeepers", krackhardt(), "--partition", "dept", "--json");
    expect(g.code).toBe(1);
    expect(JSON.parse(g.out).kind).toBe("refused");
  });

  it("gatekeepers: the subcontractor first, with reasons; --top; ids of the input", async () => {
    const r = await run("gatekeepers", jepara(), "--top", "2", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.ranking).toHaveLength(2);
    expect(j.ranking[0]).toMatchObject({ id: "K7", rank: 1, outsideSources: ["Z-buyer"], localRecipients: 3 });
    expect(j.ranking[0].reasons.join(" ")).toMatch(/IKEA/);
    expect(j.thresholds.origin.localOut).toBe("median of inside actors");
    const text = await run("gatekeepers", jepara());
    expect(text.out).toMatch(/K7/);
    expect(text.out).toMatch(/thresholds/);
  });

  it("centrality and holes: tables, --csv and --json keep the input ids", async () => {
    const dir = jepara();
    const c = await run("centrality", dir, "--json");
    const cj = JSON.parse(c.out);
    expect(cj.actors.map((a: { id: string }) => a.id)).toEqual(["Z-buyer", "K7", "S-01", "S-02", "S-03"]);
    expect(cj.options).toMatchObject({ pathWeights: "none", spectralWeights: true });
    expect(cj.centralization.outDegree).toBeGreaterThan(0);
    const csv = await run("centrality", dir, "--csv");
    expect(csv.out.split("\n")[0]).toBe("id,inDegree,outDegree,inStrength,outStrength,betweenness,closenessIn,closenessOut,pagerank,eigenvector");
    expect(csv.out).toMatch(/^K7,/m);
    const h = await run("holes", dir, "--json");
    const hj = JSON.parse(h.out);
    expect(hj.actors.find((a: { id: string }) => a.id === "S-03").hierarchy).toBeNull(); // one alter: undefined
    const ht = await run("holes", dir);
    expect(ht.out).toMatch(/constraint/);
  });
});

describe("gatekeepers text: the units of the role thresholds", () => {
  it("under measure strength, externalIn and localOut (partner counts) have their strengths beside them, as the thresholds are in strength", async () => {
    const jepara = new URL("../../datasets/jepara-furniture/", import.meta.url).pathname;
    let out = "";
    await main(["node", "clusterflow", "gatekeepers", jepara], { out: (t) => (out += t), err: () => {} });
    const header = out.split("\n").find((l) => l.startsWith("rank "))!.split(/\s+/);
    expect(header).toEqual(expect.arrayContaining(["externalIn", "externalInStrength", "localOut", "localOutStrength"]));
    expect(header.indexOf("localOutStrength")).toBe(header.indexOf("localOut") + 1);
    expect(out).toMatch(/cognitive-role thresholds \(strength: compare externalInStrength and localOutStrength/);
    let count = "";
    await main(["node", "clusterflow", "gatekeepers", jepara, "--measure", "count"], { out: (t) => (count += t), err: () => {} });
    expect(count.split("\n").find((l) => l.startsWith("rank "))).not.toContain("Strength");
  });
});
