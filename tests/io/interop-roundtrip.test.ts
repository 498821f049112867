/**
 * Round trips tidy → X → tidy for every format clusterflow writes besides tidy and JSON: GEXF, GraphML,
 * UCINET DL (full matrix and edge list), Pajek (with .clu partitions and the actor table), XLSX. What each
 * format can hold comes back identical; what it cannot hold is said in the writer's notes.
 */
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readInput, writeOutput } from "../../src/io/load.js";
import { formatByName } from "../../src/io/formats.js";
import type { InputFile, WriteResult } from "../../src/io/format.js";
import { parseGexf } from "../../src/io/gexf.js";
import { parseGraphml } from "../../src/io/graphml.js";
import { parseDl } from "../../src/io/dl.js";
import { parsePajek } from "../../src/io/pajek.js";
import { parseXlsx } from "../../src/io/xlsx.js";
import { parseTidy, writeTidy } from "../../src/io/tidy.js";
import { filterTies } from "../../src/model/views.js";
import type { ClusterGraph } from "../../src/model/types.js";

const fixture = new URL("../fixtures/io/interop", import.meta.url).pathname;

/** Actors with all their attributes; ties as sorted JSON of ends and attributes (edge keys aside). */
function snapshot(g: ClusterGraph, tieFields?: string[]) {
  const nodes: Record<string, unknown> = {};
  g.forEachNode((id, a) => {
    const clean: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(a)) if (v !== undefined && v !== null) clean[k] = v;
    nodes[id] = clean;
  });
  const edges: string[] = [];
  g.forEachEdge((_e, a, s, t) => {
    const entries = Object.entries(a).filter(([k, v]) => v !== undefined && v !== null && (!tieFields || tieFields.includes(k)));
    edges.push(JSON.stringify([s, t, Object.fromEntries(entries.sort())]));
  });
  return { order: g.nodes(), nodes, edges: edges.sort() };
}

const asFiles = (w: WriteResult): InputFile[] =>
  w.map((f) => (typeof f.data === "string" ? { name: f.name, text: f.data } : { name: f.name, text: "", bytes: f.data as Uint8Array }));

async function original() {
  const r = await readInput(fixture);
  expect(r.report.errors).toEqual([]);
  return r.graph;
}

describe("round trips tidy → X → tidy", () => {
  it("GEXF keeps ids, labels, typed attributes, positions, colours, weights, relations, waves, given tie types, undirected pairs", async () => {
    const g = await original();
    const w = await formatByName("gexf")!.write!(g, "out/net", {});
    expect(w.map((f) => f.name)).toEqual(["out/net.gexf"]);
    const back = parseGexf(asFiles(w));
    expect(back.report.errors).toEqual([]);
    expect(back.report.warnings).toEqual([]);
    expect(snapshot(back.graph)).toEqual(snapshot(g));
    // and once more through tidy files
    const tidy = parseTidy(writeTidy(back.graph, "t").map((f) => ({ name: f.name, text: String(f.data) })));
    expect(snapshot(tidy.graph)).toEqual(snapshot(g));
  });

  it("GEXF 1.3 too", async () => {
    const g = await original();
    const w = await formatByName("gexf")!.write!(g, "net.gexf", { gexfVersion: "1.3" });
    expect(String(w[0].data)).toContain('xmlns="http://gexf.net/1.3"');
    expect(snapshot(parseGexf(asFiles(w)).graph)).toEqual(snapshot(g));
  });

  it("GraphML keeps the same", async () => {
    const g = await original();
    const w = await formatByName("graphml")!.write!(g, "net", {});
    const back = parseGraphml(asFiles(w));
    expect(back.report.errors).toEqual([]);
    expect(back.report.warnings).toEqual([]);
    expect(snapshot(back.graph)).toEqual(snapshot(g));
  });

  it("XLSX keeps the same", async () => {
    const g = await original();
    const w = await formatByName("xlsx")!.write!(g, "net", {});
    expect(w[0].name).toBe("net.xlsx");
    const back = await parseXlsx(asFiles(w));
    expect(back.report.errors).toEqual([]);
    expect(snapshot(back.graph)).toEqual(snapshot(g));
  });

  it("DL full matrix keeps ids, weights, relations and waves (NM matrices) and, through its actor table, labels and attributes", async () => {
    const g = await original();
    const notes: string[] = [];
    const w = await formatByName("dl")!.write!(g, "net", { notes });
    expect(w.map((f) => f.name)).toEqual(["net.dl", "net.nodes.csv"]);
    const back = parseDl(asFiles(w));
    expect(back.report.errors).toEqual([]);
    const fields = ["relation", "wave", "weight"];
    // Parallel ties of one relation and wave become one cell (summed): compare the summed cells.
    const summed = (x: ClusterGraph) => {
      const m = new Map<string, number>();
      x.forEachEdge((_e, a, s, t) => m.set(JSON.stringify([s, t, a.relation, a.wave ?? null]), (m.get(JSON.stringify([s, t, a.relation, a.wave ?? null])) ?? 0) + a.weight));
      return [...m.entries()].sort();
    };
    expect(summed(back.graph)).toEqual(summed(g));
    expect(snapshot(back.graph, fields).nodes).toEqual(snapshot(g).nodes);
    expect(snapshot(back.graph).order).toEqual(snapshot(g).order);
    expect(notes.join("\n")).toMatch(/tie attributes not written in DL: channel, nominator?|tie attributes not written in DL: channel, trust/);
    // Without parallel ties of one layer the round trip is exact on relation, wave and weight.
    expect(snapshot(back.graph, fields).edges.length).toBe(g.size);
  });

  it("DL edge list keeps one relation exactly, isolates included", async () => {
    const g = filterTies(await original(), { relations: ["advice"], waves: ["2019"] });
    const w = await formatByName("dl")!.write!(g, "m.dl", { dlFormat: "edgelist1" });
    expect(String(w[0].data)).toMatch(/FORMAT = EDGELIST1/);
    const back = parseDl(asFiles(w));
    expect(back.report.errors).toEqual([]);
    expect(snapshot(back.graph, ["relation", "wave", "weight"]).edges).toEqual(snapshot(g, ["relation", "wave", "weight"]).edges);
    expect(back.graph.order).toBe(6);
    // Several relations do not fit one edge list.
    await expect(async () => formatByName("dl")!.write!(await original(), "x.dl", { dlFormat: "edgelist1" })).rejects.toThrow(/one relation/);
  });

  it("Pajek keeps ids, weights, relations, waves, positions and undirected pairs; .clu partitions and the actor table keep the rest", async () => {
    const g = await original();
    const notes: string[] = [];
    const w = await formatByName("pajek")!.write!(g, "net.net", { notes });
    expect(w.map((f) => f.name)).toEqual(["net.net", "net.kind.clu", "net.inCluster.clu", "net.stage.clu", "net.group.clu", "net.respondent.clu", "net.nodes.csv"]);
    const back = parsePajek(asFiles(w));
    expect(back.report.errors).toEqual([]);
    // The network mixes directed and undirected ties: the undirected pair is written as two arcs (igraph reads a
    // file mixing *Arcs and *Edges as undirected), so it comes back as two directed ties.
    const fields = ["relation", "wave", "weight"];
    expect(snapshot(back.graph, fields).edges).toEqual(snapshot(g, fields).edges);
    expect(back.graph.filterEdges((_e, a) => a.undirected === true)).toEqual([]);
    expect(notes.join("\n")).toMatch(/1 undirected tie pair\(s\) written as two arcs/);
    expect(snapshot(back.graph).nodes).toEqual(snapshot(g).nodes);
    // The partitions alone (no actor table) give the categorical attributes back with their types.
    const withoutTable = parsePajek(asFiles(w.filter((f) => !f.name.endsWith(".csv"))));
    expect(withoutTable.report.errors).toEqual([]);
    withoutTable.graph.forEachNode((id, a) => {
      const o = g.getNodeAttributes(id);
      expect([a.kind, a.inCluster, a.stage, a.group, a.respondent]).toEqual([o.kind, o.inCluster, o.stage, o.group, o.respondent]);
    });
    expect(notes.join("\n")).toMatch(/tie attributes not written in Pajek: channel, trust/);
  });

  it("Pajek keeps undirected ties as *Edges when every tie is undirected", async () => {
    const g = filterTies(await original(), { relations: ["cooperation"] });
    const w = await formatByName("pajek")!.write!(g, "coop", {});
    expect(String(w[0].data)).toMatch(/% clusterflow relation "cooperation@2021"\n\*Edges\n[0-9]+ [0-9]+ 2\n$/);
    const back = parsePajek(asFiles(w));
    const fields = ["relation", "wave", "weight", "undirected"];
    expect(snapshot(back.graph, fields).edges).toEqual(snapshot(g, fields).edges);
  });

  it("on disk: writeOutput writes the companions and readInput reads them back (DL, Pajek)", async () => {
    const g = await original();
    const dir = mkdtempSync(join(tmpdir(), "clusterflow-interop-"));
    for (const ext of ["dl", "net"]) {
      const path = join(dir, `cluster.${ext}`);
      const fmt = formatByName(ext === "dl" ? "dl" : "pajek")!;
      await writeOutput(g, path, fmt, {});
      const back = await readInput(path);
      expect(back.format.name).toBe(fmt.name);
      expect(back.report.errors).toEqual([]);
      expect(snapshot(back.graph).nodes).toEqual(snapshot(g).nodes);
    }
    expect(readdirSync(dir).sort()).toEqual(["cluster.dl", "cluster.group.clu", "cluster.inCluster.clu", "cluster.kind.clu", "cluster.net", "cluster.nodes.csv", "cluster.respondent.clu", "cluster.stage.clu"]);
    expect(readFileSync(join(dir, "cluster.kind.clu"), "utf8")).toMatch(/^% clusterflow "kind": 1 = "buyer", 2 = "firm", 3 = "lab", 4 = "other", 5 = "supplier"\n\*Vertices 6\n/);
  });

  it("writers are reproducible: the same network gives the same bytes", async () => {
    const g = await original();
    for (const name of ["gexf", "graphml", "dl", "pajek", "xlsx"]) {
      const a = await formatByName(name)!.write!(g, "x", {});
      const b = await formatByName(name)!.write!(g, "x", {});
      expect(a.map((f) => Buffer.from(f.data as string | Uint8Array).toString("base64"))).toEqual(b.map((f) => Buffer.from(f.data as string | Uint8Array).toString("base64")));
    }
  });
});
