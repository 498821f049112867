/**
 * Every command's --json document carries the import report under `import` (issue 11: `info --json` on a
 * file with a dropped zero-weight row exited 0 with no warning anywhere), states the direction once, and
 * gives `actors` one shape: an array of rows, each with id and label.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

const root = new URL("../../", import.meta.url).pathname;
const jepara = join(root, "datasets/jepara-furniture");
const jeparaSizes: { actors: number; ties: number } = JSON.parse(readFileSync(join(jepara, "manifest.json"), "utf8")).sizes;

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "clusterflow", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function withZeroWeightRow(): string {
  const dir = mkdtempSync(join(tmpdir(), "clusterflow-zw-"));
  writeFileSync(join(dir, "nodes.csv"), readFileSync(join(jepara, "nodes.csv")));
  const ties = readFileSync(join(jepara, "ties.csv"), "utf8");
  writeFileSync(join(dir, "ties.csv"), ties + "buyer1,principal2,business,0,\n");
  return dir;
}

const COMMANDS: string[][] = [
  ["validate"],
  ["info"],
  ["centrality"],
  ["brokerage"],
  ["holes"],
  ["gatekeepers"],
  ["groups", "--reps", "50"],
  ["fragmentation"],
  ["report", "--reps", "50"],
];

describe("--json carries the import report", () => {
  const dir = withZeroWeightRow();
  const line = readFileSync(join(dir, "ties.csv"), "utf8").trimEnd().split("\n").length;

  it.each(COMMANDS)("%s --json: the dropped row is in `import` with its location", async (command, ...rest) => {
    const r = await run(command, dir, "--json", ...rest);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.import.warnings).toBe(1);
    const w = doc.import.issues.find((i: { code: string }) => i.code === "zero-weight");
    expect(w).toMatchObject({ severity: "warning", file: join(dir, "ties.csv"), line });
    expect(doc.import.counts.rowsDropped).toBe(1);
    expect(doc.direction).toBe("flow");
    expect(doc.view?.direction).toBeUndefined();
    expect(r.err).toBe("");
  });

  it("convert --json carries it too", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "clusterflow-zw-out-")), "g.json");
    const doc = JSON.parse((await run("convert", dir, "-o", out, "--json")).out);
    expect(doc.import.warnings).toBe(1);
    // The zero-weight row is dropped: the counts are the dataset's own (its manifest).
    expect(doc.counts).toEqual({ actors: jeparaSizes.actors, ties: jeparaSizes.ties });
  });

  it("text output prints the warning on stderr", async () => {
    const r = await run("info", dir);
    expect(r.err).toContain(`ties.csv:${line}:`);
    expect(r.err).toContain("zero-weight");
  });

  it("a roster read as 'asks' says so once, at the top", async () => {
    const doc = JSON.parse((await run("info", join(root, "datasets/wine-valley-survey"), "--json")).out);
    expect(doc.direction).toBe(doc.import.notes.some((n: string) => n.includes("asks")) ? "asks" : "flow");
    expect(JSON.stringify(doc.view)).not.toContain("direction");
  });

  it.each([["centrality", "actors"], ["brokerage", "actors"], ["holes", "actors"], ["gatekeepers", "ranking"]])("%s --json: `%s` is an array of rows with id and label", async (command, key) => {
    const doc = JSON.parse((await run(command, jepara, "--json")).out);
    const rows = doc[key];
    expect(Array.isArray(rows)).toBe(true);
    for (const a of rows) {
      expect(typeof a.id).toBe("string");
      expect(typeof a.label).toBe("string");
    }
    expect(rows.find((a: { id: string }) => a.id === "principal1").label).toBe("Principal subcontractor 1");
  });

  it("info --json keeps counts out of `actors`", async () => {
    const doc = JSON.parse((await run("info", jepara, "--json")).out);
    expect(doc.actors).toBeUndefined();
    expect(doc.actorCounts.total).toBe(jeparaSizes.actors);
  });

  it("an input error's JSON carries the report under the same key", async () => {
    const bad = mkdtempSync(join(tmpdir(), "clusterflow-bad-"));
    writeFileSync(join(bad, "ties.csv"), "source,target,weight\nA,B,-1\n");
    const r = await run("info", join(bad, "ties.csv"), "--json");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).import.issues[0]).toMatchObject({ severity: "error", line: 2 });
  });
});
