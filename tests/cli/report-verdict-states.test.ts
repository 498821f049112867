/** The report keeps "cannot judge" apart from "does not hold", in every format. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { writeTidy } from "../../src/io/tidy.js";
import { plantedPartition } from "../diagnosis/graphs.js";

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "clusterflow", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Two planted groups and no actor outside the cluster. */
function insideOnly(): string {
  const dir = mkdtempSync(join(tmpdir(), "cf-states-"));
  for (const f of writeTidy(plantedPartition([10, 10], 0.3, 0.1, 1), dir)) writeFileSync(f.name, f.data);
  return dir;
}
const dir = insideOnly();

describe("report of a network without outside actors", () => {
  it("json: no verdict that could not be judged is in the 'does not hold' state", async () => {
    const r = await run("report", dir, "--format", "json", "--reps", "199");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const byName = Object.fromEntries(j.verdicts.map((v: { name: string }) => [v.name, v]));
    for (const name of ["closed", "gatekeeper-dependent"]) {
      expect(byName[name].state, name).toBe("cannot-judge");
      expect(byName[name].holds, name).toBeNull();
      expect(byName[name].reason, name).toMatch(/outside the cluster/);
    }
    for (const v of j.verdicts) if (v.state === "does-not-hold") expect(v.summary, v.name).not.toMatch(/Cannot (judge|tell)/);
  });
  it("text, markdown and html name the state", async () => {
    expect((await run("report", dir, "--reps", "199")).out).toMatch(/\[cannot judge\] Closed to outside knowledge/);
    expect((await run("report", dir, "--format", "md", "--reps", "199")).out).toMatch(/\? Closed to outside knowledge — cannot judge/);
    const html = (await run("report", dir, "--format", "html", "--reps", "199")).out;
    expect(html).toMatch(/<article class="verdict cannot-judge" id="verdict-closed"[^>]*><h3><span class="badge">cannot judge<\/span>/);
    expect(html).toMatch(/The data cannot judge: closed to outside knowledge; dependent on gatekeepers/);
  });
});

describe("one key-player rule for fragmentation and report", () => {
  it("the same critical actors and criterion on a dataset with outside actors, and the rule printed", async () => {
    const ds = new URL("../../datasets/bangalore-software/", import.meta.url).pathname;
    const f = JSON.parse((await run("fragmentation", ds, "--json")).out);
    const r = JSON.parse((await run("report", ds, "--json", "--reps", "199")).out);
    expect(f.keyPlayers.options.criterion).toBe(r.criticalActors.criterion);
    expect(f.keyPlayers.set).toEqual(r.criticalActors.set);
    // Key players are inside actors: none of the set is inCluster = false in the dataset's nodes.csv.
    const [head, ...rows] = readFileSync(join(ds, "nodes.csv"), "utf8").trim().split(/\r?\n/).map((l) => l.split(","));
    const outside = new Set(rows.filter((r) => r[head.indexOf("inCluster")] === "false").map((r) => r[0]));
    expect(outside.size).toBeGreaterThan(0);
    for (const id of f.keyPlayers.set) expect(outside.has(id), id).toBe(false);
    expect(f.keyPlayerRule).toMatch(/inside the cluster/);
    expect((await run("fragmentation", ds)).out).toMatch(/^rule: key players are judged among the actors inside the cluster/m);
    expect((await run("report", ds, "--reps", "199")).out).toMatch(/Rule: key players are judged/);
  });
});
