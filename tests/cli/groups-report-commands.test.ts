/** groups, fragmentation and report through main(argv, io): outputs, files, exit codes, reproducibility. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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

/** A planted three-group cluster as a tidy dataset folder. */
function dataset(): string {
  const dir = mkdtempSync(join(tmpdir(), "cf-groups-"));
  for (const f of writeTidy(plantedPartition([8, 10, 7], 0.45, 0.03, 2), dir)) writeFileSync(f.name, f.data);
  return dir;
}
const dir = dataset();

describe("clusterflow groups", () => {
  it("prints E-I with its test, block densities and communities; --json keeps the actor ids", async () => {
    const text = await run("groups", dir, "--partition", "group", "--reps", "199");
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/E-I index -0\.\d+/);
    expect(text.out).toMatch(/permutation test \(199 label permutations, seed 1\)/);
    expect(text.out).toMatch(/block densities/);
    const j = JSON.parse((await run("groups", dir, "--partition", "group", "--reps", "199", "--json")).out);
    expect(j.schema).toBe("clusterflow/groups@1");
    expect(j.groups).toEqual(["cooperatives", "growers", "labs"]);
    expect(j.actors.map((a: { id: string }) => a.id)).toContain("l01");
    expect(j.options.seed).toBe(1);
  });
  it("refuses a partition attribute no actor has (exit 1)", async () => {
    const r = await run("groups", dir, "--partition", "sector");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/sector/);
  });
});

describe("clusterflow fragmentation", () => {
  it("reports F, DF and k key players", async () => {
    const j = JSON.parse((await run("fragmentation", dir, "--k", "2", "--json")).out);
    expect(j.keyPlayers.set).toHaveLength(2);
    expect(j.fragmentation.fragmentation).toBe(0);
    expect(j.fragmentation.distanceWeighted).toBeGreaterThan(0);
    const t = await run("fragmentation", dir, "--k", "1");
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/key players \(k = 1, criterion DF/);
  });
});

describe("clusterflow report", () => {
  it("writes a self-contained HTML file with -o", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "cf-report-")), "sub", "report.html");
    const r = await run("report", dir, "--format", "html", "-o", out, "--reps", "199");
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, "utf8").startsWith("<!DOCTYPE html>")).toBe(true);
    expect(r.err).toMatch(/wrote .*report\.html \(html; fragmented\)/);
  });
  it("prints markdown and text; calls the planted groups fragmented", async () => {
    const md = await run("report", dir, "--format", "md", "--reps", "199");
    expect(md.out).toMatch(/^# Cluster diagnosis/);
    expect(md.out).toMatch(/✔ Fragmented into groups — holds/);
    const text = await run("report", dir, "--reps", "199");
    expect(text.out).toMatch(/\[HOLDS\] Fragmented into groups/);
  });
  it("json with the seed and thresholds used; the same seed gives the same bytes", async () => {
    const a = await run("report", dir, "--format", "json", "--seed", "7", "--reps", "199", "--threshold", "maxDensityRatio=0.1");
    const b = await run("report", dir, "--json", "--seed", "7", "--reps", "199", "--threshold", "maxDensityRatio=0.1");
    expect(a.code).toBe(0);
    expect(b.out).toBe(a.out);
    const j = JSON.parse(a.out);
    expect(j.options.seed).toBe(7);
    expect(j.options.thresholds.maxDensityRatio).toBe(0.1);
    expect(j.input).toBe(dir);
  });
  it("rejects an unknown threshold (exit 2) and a missing input (exit 2); refuses a missing partition (exit 1)", async () => {
    expect((await run("report", dir, "--threshold", "nonsense=1")).code).toBe(2);
    expect((await run("report", join(dir, "missing"))).code).toBe(2);
    expect((await run("report", dir, "--partition", "sector")).code).toBe(1);
  });
});

describe("text report wrapped to the terminal", () => {
  /** The lines of a text that are not in a table (a table is its header, a rule of dashes and rows up to a blank line). */
  function proseLines(text: string): string[] {
    const lines = text.split("\n");
    const out: string[] = [];
    let inTable = false;
    for (let i = 0; i < lines.length; i++) {
      if (/^\s*-+(\s+-+)*\s*$/.test(lines[i + 1] ?? "")) inTable = true;
      if (lines[i].trim() === "") inTable = false;
      if (!inTable) out.push(lines[i]);
    }
    return out;
  }
  const thai = new URL("../../datasets/thai-automotive/", import.meta.url).pathname;
  const sialkot = new URL("../../datasets/sialkot-surgical/", import.meta.url).pathname;

  it.each([[thai], [sialkot]])("at 80 columns (%s): captions, facts, notes on stderr and their continuation lines fit; tables keep their columns", async (input) => {
    let out = "";
    let err = "";
    const code = await main(["node", "clusterflow", "report", input, "--reps", "20"], { out: (t) => (out += t), err: (t) => (err += t), width: 80, errWidth: 80 });
    expect(code).toBe(0);
    const prose = proseLines(out);
    expect(prose.filter((l) => l.length > 80)).toEqual([]);
    expect(err.split("\n").filter((l) => l.length > 80)).toEqual([]);
    // The long caption and the pooled-relations note are there, wrapped (not cut).
    expect(out).toContain("Ties between groups by type: every tie of the network counted");
    expect(err.replace(/\n\s*/g, " ")).toContain("2 of 2 relations pooled: parallel ties of one pair are summed where a measure needs one tie per pair");
    // A table wider than the terminal stays whole, one row per line.
    expect(out.split("\n").some((l) => l.length > 80 && !prose.includes(l))).toBe(true);
  }, 60_000);

  it("without a terminal width the notes stay on one line", async () => {
    let err = "";
    await main(["node", "clusterflow", "report", thai, "--reps", "20"], { out: () => {}, err: (t) => (err += t) });
    expect(err.split("\n").find((l) => l.startsWith("relations "))!.length).toBeGreaterThan(150);
  }, 60_000);
});
