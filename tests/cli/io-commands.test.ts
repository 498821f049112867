/** validate, info and convert through main(argv, io), and one run of the installed bin. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

const root = new URL("../../", import.meta.url).pathname;
const wine = join(root, "datasets/wine-valley-survey");

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "clusterflow", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
const tmp = () => mkdtempSync(join(tmpdir(), "clusterflow-cli-"));

describe("clusterflow validate", () => {
  it("prints line and column of each problem in a broken file and exits 2", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "nodes.csv"), "id,kind\nA,firm\nB,firm\n");
    writeFileSync(join(dir, "ties.csv"), "source,target,weight\nA,B,2\nB,Q,1\nA,B,-3\n");
    const r = await run("validate", dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${join(dir, "ties.csv")}:3:3: error:`);
    expect(r.out).toContain(`${join(dir, "ties.csv")}:4:5: error:`);
    expect(r.out).toContain("FAILED");
  });

  it("exits 0 on a good dataset, and 2 under --strict when there are warnings", async () => {
    expect((await run("validate", wine)).code).toBe(0);
    const dir = tmp();
    writeFileSync(join(dir, "m.csv"), ",A,B\nA,1,1\nB,0,0\n");
    const lax = await run("validate", join(dir, "m.csv"));
    expect(lax.code).toBe(0);
    expect(lax.out).toContain("m.csv:2:3: warning:");
    expect((await run("validate", join(dir, "m.csv"), "--strict")).code).toBe(2);
  });

  it("--json gives the report with every issue located", async () => {
    const dir = tmp();
    const line2 = ' "edges": [{"source": "a", "target": "b"}]}';
    writeFileSync(join(dir, "g.json"), `{"nodes": [{"key": "a"}],\n${line2}`);
    const r = await run("validate", join(dir, "g.json"), "--json");
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    expect(doc.schema).toBe("clusterflow/validate@1");
    expect(doc.format).toBe("json");
    expect(doc.import.issues.map((i: { code: string; line: number; column: number }) => [i.code, i.line, i.column])).toEqual([["unknown-actor", 2, line2.indexOf('"b"') + 1]]);
  });
});

describe("clusterflow info", () => {
  it("summarises the wine valley survey, and says how ties were read", async () => {
    const r = await run("info", wine);
    expect(r.code).toBe(0);
    expect(r.out).toContain("ties read as 'source asks target'");
    expect(r.out).toMatch(/actors: 34 \(30 inside the cluster, 4 outside\)/);
    expect(r.out).toContain("reciprocity");
    expect(r.out).toContain("W10");
  });

  it("--json: actors, ties, cohesion, components and respondents per relation", async () => {
    const r = await run("info", wine, "--json");
    const doc = JSON.parse(r.out);
    const oracle = JSON.parse(readFileSync(join(root, "tests/oracles/cohesion-r.json"), "utf8")).graphs.wine_valley;
    expect(doc.schema).toBe("clusterflow/info@1");
    expect(doc.actorCounts.total).toBe(34);
    expect(doc.cohesion.arcs).toBe(oracle.arcs);
    expect(doc.cohesion.density).toBeCloseTo(oracle.density_igraph, 12);
    expect(doc.cohesion.reciprocity).toBeCloseTo(oracle.reciprocity_igraph, 12);
    expect(doc.cohesion.weakComponents).toBe(oracle.weak.count);
    expect(doc.cohesion.strongComponents).toBe(oracle.strong.count);
    const market = doc.respondents.byRelation.find((x: { relation: string }) => x.relation === "market");
    expect(market.nonRespondentIds).toContain("W15");
    expect(doc.byRelation.map((x: { relation: string }) => x.relation)).toEqual(["advice", "market"]);
  });

  it("--relation restricts the view; an unknown relation is a usage error (exit 2)", async () => {
    const one = JSON.parse((await run("info", wine, "--relation", "advice", "--json")).out);
    expect(one.relations).toEqual(["advice"]);
    expect((await run("info", wine, "--relation", "nope")).code).toBe(2);
  });
});

describe("clusterflow convert", () => {
  it("roster → json → tidy → json keeps the same graph", async () => {
    const dir = tmp();
    expect((await run("convert", wine, "-o", join(dir, "a.json"))).code).toBe(0);
    expect((await run("convert", join(dir, "a.json"), "-o", join(dir, "tidy"))).code).toBe(0);
    const back = await run("convert", join(dir, "tidy"), "-o", join(dir, "b.json"), "--json");
    expect(JSON.parse(back.out).to).toBe("json");
    const a = JSON.parse(readFileSync(join(dir, "a.json"), "utf8"));
    const b = JSON.parse(readFileSync(join(dir, "b.json"), "utf8"));
    expect(b.nodes).toEqual(a.nodes.map((n: { key: string; attributes: object }) => n));
    expect(b.edges.length).toBe(a.edges.length);
  });

  it("to a matrix: several relations need --relation; the notes say what was merged", async () => {
    const dir = tmp();
    const refused = await run("convert", wine, "-o", join(dir, "m.csv"), "--to", "matrix");
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("advice, market");
    const ok = await run("convert", wine, "-o", join(dir, "m.csv"), "--to", "matrix", "--relation", "advice");
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("note: matrix written as knowledge flow");
    const info = JSON.parse((await run("info", join(dir, "m.csv"), "--json")).out);
    expect(info.ties.total).toBe(118);
  });

  it("to a roster and back", async () => {
    const dir = tmp();
    const r = await run("convert", wine, "-o", join(dir, "roster.csv"), "--to", "roster");
    expect(r.code).toBe(0);
    const v = JSON.parse((await run("info", join(dir, "roster.csv"), "--json")).out);
    expect(v.ties.total).toBe(212);
  });
});

describe("the bin", () => {
  it("node src/cli/bin.mjs validate runs and sets the exit code", () => {
    const good = spawnSync(process.execPath, [join(root, "src/cli/bin.mjs"), "validate", wine], { encoding: "utf8" });
    expect(good.status).toBe(0);
    expect(good.stdout).toContain("OK");
    const dir = tmp();
    writeFileSync(join(dir, "m.csv"), ",A,B\nA,0,x\nB,0,0\n");
    const bad = spawnSync(process.execPath, [join(root, "src/cli/bin.mjs"), "validate", join(dir, "m.csv")], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain("m.csv:2:5: error:");
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
