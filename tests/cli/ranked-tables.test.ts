/** centrality, brokerage and holes print labels beside ids, rows sorted by the measure. */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "clusterflow", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
const ds = new URL("../../datasets/suame-magazine/", import.meta.url).pathname;

/** The data rows of the printed table: [id, …cells], split on two or more spaces. */
function tableRows(out: string): string[][] {
  const lines = out.split("\n");
  const rule = lines.findIndex((l) => /^-+\s+-+/.test(l));
  const head = lines[rule - 1].split(/\s{2,}/);
  const rows: string[][] = [];
  for (const l of lines.slice(rule + 1)) {
    if (!l.trim()) break;
    rows.push(l.split(/\s{2,}/));
  }
  return [head, ...rows];
}

describe("ranked per-actor tables", () => {
  it.each([
    ["centrality", "betweenness", false],
    ["brokerage", "total", false],
    ["holes", "effectiveSize", false],
    ["holes", "constraint", true],
  ] as const)("%s sorted by %s, with labels", async (command, column, ascending) => {
    const r = await run(command, ds, "--sort", column);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(new RegExp(`rows sorted by ${column}, ${ascending ? "lowest" : "highest"} first`));
    const [head, ...rows] = tableRows(r.out);
    expect(head.slice(0, 2)).toEqual(["id", "label"]);
    const at = head.indexOf(column);
    const values = rows.map((x) => Number(x[at])).filter((x) => !Number.isNaN(x));
    expect(values.length).toBeGreaterThan(10);
    for (let i = 1; i < values.length; i++) expect(ascending ? values[i] >= values[i - 1] : values[i] <= values[i - 1]).toBe(true);
    expect(rows.find((x) => x[0] === "tcc")?.[1]).toMatch(/Technology Consultancy Centre/);
  });
  it("an unknown column is a usage error (exit 2)", async () => {
    const r = await run("centrality", ds, "--sort", "nope");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--sort: unknown column "nope"/);
  });
});

describe("text output never says NaN", () => {
  const thai = new URL("../../datasets/thai-automotive/", import.meta.url).pathname;
  // Thai: eigenvector centrality does not converge (an acyclic network), and several ratios are 0/0.
  it.each([["centrality"], ["brokerage"], ["holes"], ["gatekeepers"], ["groups", "--reps", "20"], ["fragmentation"], ["info"], ["report", "--reps", "20"]])("%s on the Thai cluster writes n/a, never NaN", async (command, ...extra) => {
    const r = await run(command, thai, ...extra);
    expect(r.code).toBe(0);
    expect(r.out + r.err).not.toMatch(/NaN/);
    if (command === "centrality") expect(r.out).toContain("eigenvector centrality did not converge");
  }, 60_000);
});
