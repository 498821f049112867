/** Numeric options are checked against stated bounds (issue 11: `--alpha 2` gave PageRank −Infinity and exit 0; `--reps 1e9` ran for minutes). */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

const root = new URL("../../", import.meta.url).pathname;
const jepara = join(root, "datasets/jepara-furniture");

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "clusterflow", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("option bounds", () => {
  it.each([
    ["centrality", "--alpha", "2", "(0, 1]"],
    ["centrality", "--alpha", "0", "(0, 1]"],
    ["centrality", "--alpha", "-0.5", "(0, 1]"],
    ["centrality", "--alpha", "0x1", "not a number"],
    ["groups", "--reps", "1e9", "100,000"],
    ["groups", "--reps", "1000000000", "100,000"],
    ["groups", "--reps", "2.5", "integer"],
    ["groups", "--seed", "-1", "integer"],
    ["groups", "--resolution", "0", "(0, 100]"],
    ["report", "--reps", "1e9", "100,000"],
    ["report", "--k", "0", "integer from 1"],
    ["fragmentation", "--k", "1e6", "integer"],
    ["gatekeepers", "--top", "0", "integer"],
  ])("%s %s %s is a usage error (exit 2) naming the bound", async (command, option, value, says) => {
    const r = await run(command, jepara, option, value);
    expect(r.code).toBe(2);
    expect(r.err).toContain(option);
    expect(r.err).toContain(says);
    expect(r.out).toBe("");
  });

  it("a damping of exactly 1 and the default are accepted, and PageRank stays finite", async () => {
    for (const alpha of ["1", "0.85"]) {
      const r = await run("centrality", jepara, "--alpha", alpha, "--json");
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.out);
      for (const a of doc.actors) expect(Number.isFinite(a.pagerank)).toBe(true);
    }
  });

  it("usage errors under --json are one JSON document", async () => {
    const r = await run("centrality", jepara, "--alpha", "2", "--json");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ kind: "usage" });
  });
});
