/**
 * The cluster generator: the output has the requested properties (densities within and between groups,
 * openness, sizes, hubs, heavy tails, waves), within tolerances derived from the model's variance, and the
 * same seed gives the same bytes. Properties are measured on the written files, read back by the tidy
 * importer, so what is checked is what a user gets.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { binomial, generateCluster, generatedToGraph, type GenerateSpec } from "../../src/model/generate.js";
import { seededRng } from "../../src/model/random.js";
import { streamGeneratedNodes, streamGeneratedTies } from "../../src/io/generated.js";
import { parseTidy } from "../../src/io/tidy.js";
import { readInput } from "../../src/io/load.js";
import { main } from "../../src/cli/main.js";
import type { ClusterGraph } from "../../src/model/types.js";

const temp = mkdtempSync(join(tmpdir(), "clusterflow-generate-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function texts(spec: Partial<GenerateSpec>): { nodes: string; ties: string } {
  const g = generateCluster(spec);
  const n: string[] = [];
  const t: string[] = [];
  streamGeneratedNodes(g, (c) => n.push(c));
  streamGeneratedTies(g, (c) => t.push(c));
  return { nodes: n.join(""), ties: t.join("") };
}

function imported(spec: Partial<GenerateSpec>): ClusterGraph {
  const { nodes, ties } = texts(spec);
  const { graph, report } = parseTidy([
    { name: "nodes.csv", text: nodes },
    { name: "ties.csv", text: ties },
  ]);
  expect(report.errors).toEqual([]);
  expect(report.warnings).toEqual([]);
  return graph;
}

/** Within- and between-group densities of local actors, for one relation and wave (brute force). */
function densities(graph: ClusterGraph, relation?: string, wave?: string): { within: number; between: number } {
  const size = new Map<string, number>();
  let local = 0;
  graph.forEachNode((_id, a) => {
    if (!a.inCluster) return;
    local++;
    size.set(a.group!, (size.get(a.group!) ?? 0) + 1);
  });
  let within = 0;
  let between = 0;
  graph.forEachEdge((_e, a, _s, _t, sa, ta) => {
    if (!sa.inCluster || !ta.inCluster) return;
    if (relation !== undefined && a.relation !== relation) return;
    if (wave !== undefined && a.wave !== wave) return;
    if (sa.group === ta.group) within++;
    else between++;
  });
  let withinPairs = 0;
  for (const s of size.values()) withinPairs += s * (s - 1);
  const betweenPairs = local * (local - 1) - withinPairs;
  return { within: within / withinPairs, between: between / betweenPairs };
}

describe("generateCluster", () => {
  it("plants the requested within- and between-group densities", () => {
    const graph = imported({ actors: 300, groups: 3, within: 0.1, between: 0.01, relations: ["advice"], external: 20, openness: 0.1, seed: 11 });
    const d = densities(graph);
    // 29,700 within pairs: sd of the density about 0.0017; 60,000 between pairs: sd about 0.0004.
    expect(Math.abs(d.within - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(d.between - 0.01)).toBeLessThan(0.003);
  });

  it("plants dense blocks (drawn pair by pair) at their density", () => {
    const graph = imported({ actors: 60, groups: 4, within: 0.8, between: 0.05, relations: ["advice", "business"], external: 0, openness: 0, hubs: 1, seed: 2 });
    for (const r of ["advice", "business"]) {
      const d = densities(graph, r);
      // 840 within pairs per relation: sd about 0.014.
      expect(Math.abs(d.within - 0.8)).toBeLessThan(0.06);
      expect(Math.abs(d.between - 0.05)).toBeLessThan(0.02);
    }
  });

  it("gives external ties the requested share, mostly flowing in", () => {
    const graph = imported({ actors: 200, groups: 2, within: 0.05, between: 0.01, external: 30, openness: 0.2, inflow: 0.7, seed: 5 });
    let external = 0;
    let inward = 0;
    graph.forEachEdge((_e, a, _s, _t, sa) => {
      if (a.tieType !== "external") return;
      external++;
      if (!sa.inCluster) inward++;
    });
    // The count is set from the local ties drawn, so the share is exact up to rounding per relation.
    expect(Math.abs(external / graph.size - 0.2)).toBeLessThan(0.002);
    // About 650 external ties: sd of the inflow share about 0.018.
    expect(Math.abs(inward / external - 0.7)).toBeLessThan(0.07);
  });

  it("has the requested sizes, kinds, stages and hubs", () => {
    const g = generateCluster({ actors: 101, groups: 4, external: 9, hubs: 5, stages: ["design", "making", "selling"], seed: 3 });
    const graph = generatedToGraph(g);
    const groups = new Map<string, number>();
    let outside = 0;
    let hubs = 0;
    const kinds = new Set<string>();
    graph.forEachNode((_id, a) => {
      kinds.add(a.kind);
      if (!a.inCluster) {
        outside++;
        expect(a.group).toBe("outside");
      } else groups.set(a.group!, (groups.get(a.group!) ?? 0) + 1);
      if (a.hub) hubs++;
      expect(["design", "making", "selling", "research", "support", "market", "headquarters"]).toContain(a.stage);
    });
    expect(graph.order).toBe(110);
    expect(outside).toBe(9);
    expect([...groups.values()].sort()).toEqual([25, 25, 25, 26]);
    expect(hubs).toBe(5);
    expect(kinds.has("firm")).toBe(true);
    expect(g.tieCount).toBe(graph.size);
  });

  it("gives heavy-tailed degrees with hubs on top, and near-Poisson degrees without", () => {
    const degreesOf = (graph: ClusterGraph) => {
      const d: { id: string; d: number; hub: boolean }[] = [];
      graph.forEachNode((id, a) => a.inCluster && d.push({ id, d: graph.degree(id), hub: a.hub === true }));
      return d.sort((x, y) => y.d - x.d);
    };
    const heavy = degreesOf(imported({ actors: 1000, groups: 2, within: 0.01, between: 0.002, tail: 2, hubs: 4, hubWeight: 10, external: 10, openness: 0.05, seed: 9 }));
    const flat = degreesOf(imported({ actors: 1000, groups: 2, within: 0.01, between: 0.002, tail: 0, hubs: 0, external: 10, openness: 0.05, seed: 9 }));
    const mean = (d: { d: number }[]) => d.reduce((s, x) => s + x.d, 0) / d.length;
    expect(heavy[0].d / mean(heavy)).toBeGreaterThan(6);
    expect(flat[0].d / mean(flat)).toBeLessThan(3);
    // The hubs are among the 1 % best connected.
    const top = new Set(heavy.slice(0, 10).map((x) => x.id));
    for (const h of heavy.filter((x) => x.hub)) expect(top.has(h.id)).toBe(true);
  });

  it("keeps ties from wave to wave with the set persistence, at the same density", () => {
    const graph = imported({ actors: 150, groups: 3, within: 0.1, between: 0.01, waves: 3, persistence: 0.6, relations: ["advice"], external: 10, openness: 0.1, seed: 4 });
    const byWave = new Map<string, Set<string>>();
    graph.forEachEdge((_e, a, s, t) => {
      if (!byWave.has(a.wave!)) byWave.set(a.wave!, new Set());
      byWave.get(a.wave!)!.add(`${s}>${t}`);
    });
    expect([...byWave.keys()].sort()).toEqual(["1", "2", "3"]);
    for (const [w, next] of [["1", "2"], ["2", "3"]]) {
      const a = byWave.get(w)!;
      const b = byWave.get(next)!;
      let kept = 0;
      for (const k of a) if (b.has(k)) kept++;
      // About 1,300 ties per wave: sd of the kept share about 0.014 (plus new draws hitting old pairs, rare).
      expect(Math.abs(kept / a.size - 0.6)).toBeLessThan(0.06);
    }
    for (const w of ["1", "2", "3"]) expect(Math.abs(densities(graph, undefined, w).within - 0.1)).toBeLessThan(0.015);
  });

  it("scales the densities to a requested number of ties", () => {
    const g = generateCluster({ actors: 2000, groups: 5, within: 0.1, between: 0.01, ties: 50_000, external: 100, openness: 0.1, seed: 8 });
    expect(Math.abs(g.tieCount - 50_000) / 50_000).toBeLessThan(0.02);
    expect(g.spec.within / g.spec.between).toBeCloseTo(10, 9);
  });

  it("gives the same bytes for the same seed, and others for another seed", () => {
    const spec = { actors: 120, groups: 3, waves: 2, hubs: 3, seed: 42 };
    const a = texts(spec);
    const b = texts(spec);
    expect(a.nodes).toBe(b.nodes);
    expect(a.ties).toBe(b.ties);
    const c = texts({ ...spec, seed: 43 });
    expect(c.ties).not.toBe(a.ties);
  });

  it("writes the same ties streamed as through the cluster graph", () => {
    const g = generateCluster({ actors: 80, waves: 2, seed: 6 });
    const { ties } = texts({ actors: 80, waves: 2, seed: 6 });
    const streamed = ties.trim().split("\n").slice(1);
    const graph = generatedToGraph(g);
    const viaGraph: string[] = [];
    graph.forEachEdge((_e, a, s, t) => viaGraph.push(`${s},${t},${a.relation},${a.weight},${a.wave}`));
    expect(streamed).toEqual(viaGraph);
  });

  it("refuses specifications it cannot meet, saying what to change", () => {
    expect(() => generateCluster({ within: 1.5 })).toThrow(/within must be in \[0, 1\]/);
    expect(() => generateCluster({ actors: 10, groups: 3, ties: 10_000 })).toThrow(/cannot exceed 1/);
    expect(() => generateCluster({ external: 0, openness: 0.2 })).toThrow(/needs external actors/);
    expect(() => generateCluster({ actors: 5, groups: 6 })).toThrow(/groups/);
  });
});

describe("binomial", () => {
  it("has mean n·p and variance n·p·(1−p)", () => {
    const rng = seededRng(1);
    for (const [n, p] of [[1000, 0.01], [50, 0.7], [1e9, 1e-6]] as const) {
      const k = 4000;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < k; i++) {
        const x = binomial(n, p, rng);
        s += x;
        s2 += x * x;
      }
      const mean = s / k;
      const variance = s2 / k - mean * mean;
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(k));
      expect(Math.abs(variance / (n * p * (1 - p)) - 1)).toBeLessThan(0.15);
    }
    expect(binomial(10, 0, rng)).toBe(0);
    expect(binomial(10, 1, rng)).toBe(10);
  });
});

describe("clusterflow generate", () => {
  const cli = async (args: string[]) => {
    let out = "";
    let err = "";
    const code = await main(["node", "clusterflow", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  };

  it("writes a tidy folder with a manifest echoing the seed, which validates cleanly", async () => {
    const dir = join(temp, "tidy");
    const r = await cli(["generate", dir, "--actors", "60", "--groups", "2", "--waves", "2", "--seed", "17", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.manifest.seed).toBe(17);
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(manifest.seed).toBe(17);
    expect(manifest.spec.actors).toBe(60);
    expect(manifest.regenerate).toContain("--seed 17");
    const v = await cli(["validate", dir, "--strict", "--json"]);
    expect(v.code).toBe(0);
    const { graph } = await readInput(dir);
    expect(graph.order).toBe(manifest.sizes.actors);
    expect(graph.size).toBe(manifest.sizes.ties);
  });

  it("writes other formats through the format registry; they import with the same counts", async () => {
    for (const ext of ["json", "gexf", "graphml"]) {
      const file = join(temp, `g.${ext}`);
      const r = await cli(["generate", file, "--actors", "40", "--seed", "3"]);
      expect(r.code, r.err).toBe(0);
      const manifest = JSON.parse(readFileSync(`${file}.manifest.json`, "utf8"));
      const { graph, report } = await readInput(file);
      expect(report.errors).toEqual([]);
      expect(graph.order).toBe(manifest.sizes.actors);
      expect(graph.size).toBe(manifest.sizes.ties);
    }
  });

  it("exits 2 with a plain message on an impossible specification", async () => {
    const r = await cli(["generate", join(temp, "bad"), "--within", "2"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/within must be in \[0, 1\]/);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });
});
