/**
 * The example datasets: each imports cleanly, has the shape a survey could have, says what it is, and is
 * exactly what its seeded builder script produces.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { readInput } from "../../src/io/load.js";
import { renderDataset } from "../../src/io/dataset.js";
import { CASES, REPO, datasetDir } from "./cases.js";

const run = promisify(execFile);
const FILES = ["nodes.csv", "ties.csv", "manifest.json", "README.md"];
const temp = mkdtempSync(join(tmpdir(), "clusterflow-datasets-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const BRIEF = readFileSync(join(REPO, "docs", "cases.md"), "utf8");

/** The quotations marked `*Source:* “…”` in a text (a quotation may hold a quotation of its own). */
function quotations(text: string): string[] {
  const out: string[] = [];
  const key = "*Source:* “";
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i)) {
    let k = i + key.length;
    for (let depth = 1; depth > 0 && k < text.length; k++) depth += text[k] === "“" ? 1 : text[k] === "”" ? -1 : 0;
    out.push(text.slice(i + key.length, k - 1));
    i = k;
  }
  return out;
}

describe.each(Object.keys(CASES))("dataset %s", (name) => {
  it("imports with no error and no warning, with the fields a survey has", async () => {
    const { graph, report } = await readInput(datasetDir(name));
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(graph.order).toBeGreaterThanOrEqual(40);
    expect(graph.order).toBeLessThanOrEqual(200);
    let inside = 0;
    graph.forEachNode((id, a) => {
      expect(a.kind, id).toMatch(/\S/);
      expect(a.stage, id).toMatch(/\S/);
      expect(a.group, id).toMatch(/\S/);
      expect(typeof a.inCluster, id).toBe("boolean");
      if (a.inCluster) inside++;
    });
    expect(inside).toBeGreaterThan(0);
    expect(inside).toBeLessThan(graph.order); // every case has actors outside the cluster
    const relations = new Set<string>();
    graph.forEachEdge((_e, a, s, t) => {
      expect([1, 2, 3], `${s} → ${t}`).toContain(a.weight);
      expect(s).not.toBe(t);
      relations.add(a.relation);
    });
    expect(relations.size).toBeGreaterThanOrEqual(2);
    // The tie type is derived, never given.
    graph.forEachEdge((_e, a) => expect(a.tieTypeGiven).toBeUndefined());
  });

  it("has a manifest and README that say what it is", async () => {
    const dir = datasetDir(name);
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    const { graph } = await readInput(dir);
    expect(manifest.name).toBe(name);
    expect(manifest.direction).toBe("flow");
    expect(manifest.seed).toBe(CASES[name].SEED);
    expect(manifest.builder).toBe(`datasets/${name}/build.ts`);
    expect(manifest.files).toEqual(["nodes.csv", "ties.csv"]);
    expect(manifest.sizes.actors).toBe(graph.order);
    expect(manifest.sizes.ties).toBe(graph.size);
    expect(manifest.source).toMatch(/\(\d{4}\)/);
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    expect(readme).toMatch(/stylised reconstruction from a qualitative case study — NOT survey data/);
    expect(readme).toMatch(/knowledge flow: `source` gives knowledge to `target`/);
    expect(readme).toContain("## Structural assumptions");
    expect(readme).toContain(manifest.source);
  });

  it("rests every structural assumption on a sentence of the case brief, or says plainly that none does", () => {
    const readme = readFileSync(join(datasetDir(name), "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Structural assumptions"), readme.indexOf("## What the analysis should find"));
    const bullets = section.split("\n").filter((l) => l.startsWith("- "));
    expect(bullets.length).toBeGreaterThan(3);
    for (const b of bullets) expect(b.includes("*Source:* “") || b.includes("*No source sentence:* a modelling assumption — "), b).toBe(true);
    // Each quotation is in the brief (docs/cases.md), word for word: whitespace, emphasis and quote marks aside,
    // and with an ellipsis standing for what is left out.
    const flat = (t: string) => t.replace(/\*/g, "").replace(/[“”]/g, '"').replace(/\s+/g, " ");
    const brief = flat(BRIEF);
    for (const q of quotations(section)) for (const part of q.split("…").map((x) => x.trim()).filter(Boolean)) expect(brief.includes(flat(part)), `${name}: “${part}” is not in docs/cases.md`).toBe(true);
  });

  it("is byte for byte what its builder renders", () => {
    const { planted, meta } = CASES[name].build();
    const files = renderDataset(planted, meta);
    expect(files.map((f) => f.name)).toEqual(FILES);
    for (const f of files) expect(f.data, f.name).toBe(readFileSync(join(datasetDir(name), f.name), "utf8"));
  });
});

describe("builder scripts", () => {
  // Every dataset is compared with its builder's rendering above (in process); running a script the way a
  // reader would (tsx, into another folder) is checked on the quick-start dataset, to keep the suite fast.
  it("rewrite a dataset byte for byte when run with tsx into another folder", async () => {
    const name = "taiwan-flowers";
    const tsx = join(REPO, "node_modules", ".bin", "tsx");
    await run(tsx, [join(REPO, "datasets", name, "build.ts"), join(temp, name)], { cwd: REPO });
    for (const f of FILES) expect(readFileSync(join(temp, name, f)), `${name}/${f}`).toEqual(readFileSync(join(datasetDir(name), f)));
  }, 60_000);
});
