/**
 * Import benchmark (not a test): a 100,000-tie tidy dataset (nodes.csv + ties.csv) is generated with a seed into
 * a temporary folder and read by clusterflow's `readInput`, and in the same run by the peers:
 *   - networkx 3: `csv` module + `MultiDiGraph.add_edges_from` (with attributes), and `read_edgelist` on a
 *     header-less copy of the ties, via `python3 -c`;
 *   - R: `read.csv` + `igraph::graph_from_data_frame(ties, vertices = nodes)` via Rscript, if present.
 * Peer times are measured inside the peer (interpreter start-up excluded) and also as wall time. Each time is
 * given as wall-clock and as CPU time of the process (user + system): on a busy shared machine the CPU time
 * is the steadier figure, and the ratios are printed for both.
 *
 *   npx tsx tests/bench/import.ts [ties=100000] [actors=5000] [seed=1]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { readInput } from "../../src/io/load.js";
import { seededRng } from "../../src/model/random.js";

const TIES = Number(process.argv[2] ?? 100_000);
const ACTORS = Number(process.argv[3] ?? 5_000);
const SEED = Number(process.argv[4] ?? 1);

function generate(dir: string): void {
  const rng = seededRng(SEED);
  const kinds = ["firm", "firm", "firm", "supplier", "buyer", "lab", "association"];
  const stages = ["inputs", "production", "marketing", "research"];
  const nodes = ["id,label,kind,inCluster,stage,employees"];
  for (let i = 0; i < ACTORS; i++) {
    nodes.push(`A${i},Actor ${i},${kinds[Math.floor(rng() * kinds.length)]},${rng() < 0.9},${stages[Math.floor(rng() * stages.length)]},${1 + Math.floor(rng() * 500)}`);
  }
  const ties = ["source,target,relation,weight,wave"];
  const noHeader: string[] = [];
  const relations = ["technical-advice", "business", "market-information"];
  for (let k = 0; k < TIES; k++) {
    const s = Math.floor(rng() * ACTORS);
    let t = Math.floor(rng() * (ACTORS - 1));
    if (t >= s) t++;
    const rel = relations[Math.floor(rng() * relations.length)];
    const w = 1 + Math.floor(rng() * 3);
    const wave = rng() < 0.5 ? "2019" : "2021";
    ties.push(`A${s},A${t},${rel},${w},${wave}`);
    noHeader.push(`A${s},A${t},${rel},${w},${wave}`);
  }
  writeFileSync(join(dir, "nodes.csv"), nodes.join("\n") + "\n");
  writeFileSync(join(dir, "ties.csv"), ties.join("\n") + "\n");
  writeFileSync(join(dir, "ties-noheader.csv"), noHeader.join("\n") + "\n");
}

function has(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
}

const PY = `
import csv, sys, time
import networkx as nx
d = sys.argv[1]
t0 = time.perf_counter(); c0 = time.process_time()
G = nx.MultiDiGraph()
with open(d + "/nodes.csv", newline="") as f:
    G.add_nodes_from((r["id"], r) for r in csv.DictReader(f))
with open(d + "/ties.csv", newline="") as f:
    G.add_edges_from((r["source"], r["target"], {"relation": r["relation"], "weight": float(r["weight"]), "wave": r["wave"]}) for r in csv.DictReader(f))
t1 = time.perf_counter(); c1 = time.process_time()
H = nx.read_edgelist(d + "/ties-noheader.csv", delimiter=",", create_using=nx.MultiDiGraph, data=[("relation", str), ("weight", float), ("wave", str)])
t2 = time.perf_counter(); c2 = time.process_time()
print(f"{t1 - t0} {t2 - t1} {G.number_of_edges()} {H.number_of_edges()} {nx.__version__} {c1 - c0} {c2 - c1}")
`;

const R = `
suppressMessages(library(igraph))
d <- commandArgs(TRUE)[1]
p0 <- proc.time()
t0 <- p0[["elapsed"]]
nodes <- read.csv(file.path(d, "nodes.csv"), stringsAsFactors = FALSE)
ties <- read.csv(file.path(d, "ties.csv"), stringsAsFactors = FALSE, colClasses = c("character", "character", "character", "numeric", "character"))
g <- graph_from_data_frame(ties, directed = TRUE, vertices = nodes)
p1 <- proc.time()
t1 <- p1[["elapsed"]]
cpu <- (p1[["user.self"]] + p1[["sys.self"]]) - (p0[["user.self"]] + p0[["sys.self"]])
cat(t1 - t0, ecount(g), as.character(packageVersion("igraph")), cpu, "\\n")
`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "clusterflow-bench-"));
  try {
    generate(dir);
    console.log(`import benchmark: ${TIES} ties, ${ACTORS} actors, seed ${SEED} (tidy CSV: nodes.csv + ties.csv in ${dir})`);
    // clusterflow: three runs, the first cold (module JIT); the median of each clock is reported.
    const wall: number[] = [];
    const cpu: number[] = [];
    let ties = 0;
    for (let k = 0; k < 3; k++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await readInput(dir);
      wall.push((performance.now() - t0) / 1000);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1e6);
      ties = r.graph.size;
      if (r.report.errors.length > 0) throw new Error(`import errors: ${r.report.errors.length}`);
    }
    const med = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
    const ours = { wall: med(wall), cpu: med(cpu) };
    console.log(`clusterflow readInput (folder): wall ${wall.map((s) => s.toFixed(3)).join(" / ")} s, cpu ${cpu.map((s) => s.toFixed(3)).join(" / ")} s (medians ${ours.wall.toFixed(3)} / ${ours.cpu.toFixed(3)} s), ${ties} ties`);
    const rows: { name: string; wall: number; cpu: number }[] = [];

    if (has("python3", ["-c", "import networkx"])) {
      const w0 = performance.now();
      const out = execFileSync("python3", ["-c", PY, dir], { encoding: "utf8" }).trim().split(" ");
      const w = (performance.now() - w0) / 1000;
      const [csvNx, readEl, m1, m2, ver, cpuCsv, cpuEl] = out;
      console.log(`networkx ${ver}: csv + add_edges_from wall ${Number(csvNx).toFixed(3)} s, cpu ${Number(cpuCsv).toFixed(3)} s (${m1} ties); read_edgelist wall ${Number(readEl).toFixed(3)} s, cpu ${Number(cpuEl).toFixed(3)} s (${m2} ties); wall incl. start-up ${w.toFixed(3)} s for both`);
      rows.push({ name: "networkx csv + MultiDiGraph", wall: Number(csvNx), cpu: Number(cpuCsv) }, { name: "networkx read_edgelist", wall: Number(readEl), cpu: Number(cpuEl) });
    } else console.log("networkx: not available");

    if (has("Rscript", ["-e", "suppressMessages(library(igraph))"])) {
      const w0 = performance.now();
      const out = execFileSync("Rscript", ["-e", R, dir], { encoding: "utf8" }).trim().split(/\s+/);
      const w = (performance.now() - w0) / 1000;
      console.log(`R igraph ${out[2]}: read.csv + graph_from_data_frame wall ${Number(out[0]).toFixed(3)} s, cpu ${Number(out[3]).toFixed(3)} s (${out[1]} ties); wall incl. start-up ${w.toFixed(3)} s`);
      rows.push({ name: "R read.csv + igraph", wall: Number(out[0]), cpu: Number(out[3]) });
    } else console.log("R igraph: not available");

    console.log("\nratio = clusterflow time / peer time (below 1: clusterflow faster)      wall    cpu");
    for (const r of rows) console.log(`  vs ${r.name.padEnd(30)} ${(ours.wall / r.wall).toFixed(2).padStart(33)} ${(ours.cpu / r.cpu).toFixed(2).padStart(6)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
