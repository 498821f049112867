/** Outputs say what they computed (issue 11): no NaN or exponent notation in text, an empty network refused. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { fmt } from "../../src/cli/output.js";
import { num } from "../../src/report/words.js";

const root = new URL("../../", import.meta.url).pathname;
async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "clusterflow", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("text output", () => {
  it("never prints NaN or exponent notation", () => {
    expect(fmt(NaN)).toBe("n/a");
    expect(fmt(7.1e-136)).toBe("<0.0001");
    expect(fmt(-7.1e-136)).toBe(">-0.0001");
    expect(fmt(1e23)).not.toMatch(/e/);
    expect(num(7.1e-136)).toBe("<0.001");
    expect(num(NaN)).toBe("n/a");
  });

  it.each(["centrality", "brokerage", "holes"])("%s on Jepara prints no NaN and no exponent", async (command) => {
    const r = await run(command, join(root, "datasets/jepara-furniture"));
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/NaN|\de[-+]\d/);
  });

  it("--json writes NaN as null and lists where and why", async () => {
    const doc = JSON.parse((await run("centrality", join(root, "datasets/jepara-furniture"), "--json")).out);
    const nulls = doc.undefinedValues as { path: string; value: string; reason: string }[];
    expect(nulls.length).toBeGreaterThan(0);
    const first = nulls[0];
    const [, i, key] = /^actors\.(\d+)\.(\w+)$/.exec(first.path)!;
    expect(doc.actors[Number(i)][key]).toBeNull();
    expect(first.reason).toMatch(/undefined|unbounded/);
  });
});

describe("a header-only network", () => {
  const dir = mkdtempSync(join(tmpdir(), "clusterflow-empty-"));
  writeFileSync(join(dir, "ties.csv"), "source,target,weight\n");
  it("does not validate OK", async () => {
    const r = await run("validate", join(dir, "ties.csv"));
    expect(r.code).toBe(2);
    expect(r.out).toContain("empty-network");
    expect(r.out).not.toContain(": OK");
  });
  it("info refuses it instead of printing density NaN", async () => {
    const r = await run("info", join(dir, "ties.csv"));
    expect(r.code).toBe(2);
    expect(r.out).not.toContain("NaN");
  });
});
