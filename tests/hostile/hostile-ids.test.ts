/**
 * Ids, relation and attribute names that are members of Object.prototype are data like any other, in
 * every layer: import → report, groups, diagnosis → writers. The Jepara dataset is read twice, once as
 * shipped and once with `principal1` renamed `__proto__`, `sme010` renamed `constructor` and the relation
 * `business` renamed `toString`; every output must be the same up to those names.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { readInput } from "../../src/io/load.js";

const root = new URL("../../", import.meta.url).pathname;
const jepara = join(root, "datasets/jepara-furniture");
const RENAMES: [RegExp, string][] = [
  [/\bprincipal1\b/g, "__proto__"],
  [/\bsme010\b/g, "constructor"],
  [/\bbusiness\b/g, "toString"],
];
const hostile = (s: string) => RENAMES.reduce((t, [re, to]) => t.replace(re, to), s);

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "clusterflow", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function hostileFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "clusterflow-hostile-"));
  for (const f of ["nodes.csv", "ties.csv"]) writeFileSync(join(dir, f), hostile(readFileSync(join(jepara, f), "utf8")));
  return dir;
}

/** A JSON document with the input path and the import report left out (they name the files). */
function comparable(json: string): unknown {
  const d = JSON.parse(json);
  delete d.input;
  delete d.dataset; // the input's name, as `input`
  delete d.import;
  return canonical(d);
}

/** Arrays sorted by content: renaming changes the alphabetical order of ids, not the results. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, canonical(x)]));
  return v;
}

describe("hostile ids, relations and attribute names", () => {
  const dir = hostileFolder();
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  it.each(["info", "groups", "report", "gatekeepers", "brokerage", "centrality"])("%s --json: the same result up to the renamed ids", async (command) => {
    const a = await run(command, jepara, "--json");
    const b = await run(command, dir, "--json");
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(comparable(b.out)).toEqual(comparable(hostile(a.out)));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
  });

  it("an actor __proto__ leaves Object.prototype untouched", async () => {
    await readInput(dir);
    expect(({} as Record<string, unknown>).previous).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
  });

  it.each(["json", "gexf", "graphml", "net", "dl", "xlsx", "csv"])("writes and reads back .%s with the same actors and relations", async (ext) => {
    const out = join(mkdtempSync(join(tmpdir(), "clusterflow-hostile-out-")), ext === "csv" ? "tidy" : `g.${ext}`);
    const c = await run("convert", dir, "-o", out, "--json");
    expect(c.code, c.out + c.err).toBe(0);
    const back = await readInput(out);
    const { graph } = await readInput(dir);
    expect(back.graph.hasNode("__proto__")).toBe(true);
    expect(back.graph.hasNode("constructor")).toBe(true);
    expect(back.graph.order).toBe(graph.order);
    const relations = new Set<string>();
    back.graph.forEachEdge((_e, a) => relations.add(a.relation));
    if (ext !== "dl") expect(relations.has("toString")).toBe(true);
  });

  it("attribute columns named after object members are kept, renamed and reported", async () => {
    const d = mkdtempSync(join(tmpdir(), "clusterflow-hostile-attr-"));
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, "nodes.csv"), "id,__proto__,constructor,hasOwnProperty,toString\nA,1,x,y,z\nB,2,x,y,z\n");
    writeFileSync(join(d, "ties.csv"), "source,target\nA,B\n");
    const { graph, report } = await readInput(d);
    expect(graph.getNodeAttribute("A", "__proto___")).toBe(1);
    expect(graph.getNodeAttribute("A", "constructor_")).toBe("x");
    expect(graph.hasNodeAttribute("A", "label")).toBe(true);
    const renamed = report.warnings.filter((w) => w.code === "unsafe-attribute").map((w) => w.message);
    expect(renamed).toHaveLength(4);
    expect(renamed[0]).toContain('"__proto__"');
  });

  it("an empty id is a located error and a 10 kB id is data, not a crash", async () => {
    const d = mkdtempSync(join(tmpdir(), "clusterflow-hostile-long-"));
    const long = "x".repeat(10_000);
    writeFileSync(join(d, "ties.csv"), `source,target\n${long},B\nhasOwnProperty,valueOf\nB,hasOwnProperty\n`);
    const r = await run("report", join(d, "ties.csv"), "--json");
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.out).schema).toMatch(/^clusterflow\//);
    const { graph } = await readInput(join(d, "ties.csv"));
    expect(graph.hasNode(long)).toBe(true);
    expect(graph.hasNode("hasOwnProperty")).toBe(true);
    writeFileSync(join(d, "empty.csv"), "source,target\nA,B\n,B\n");
    const { report } = await readInput(join(d, "empty.csv"));
    expect(report.errors.some((i) => i.line === 3)).toBe(true);
  });
});
