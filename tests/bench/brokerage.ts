/**
 * Benchmark (a script, not a test): Gould–Fernandez brokerage on a 2,000-actor random digraph against
 * R `sna::brokerage`, and Burt's constraint against networkx (and R igraph), on the same graph, in one run.
 *
 *   npx tsx tests/bench/brokerage.ts [--n 2000] [--density 0.01] [--groups 4] [--seed 1] [--reps 5]
 *
 * The graph is generated here (seeded), written to a temporary edge list, and read by R and Python.
 * Times are wall-clock medians over `reps` runs of the call itself (process start-up and file reading
 * excluded for every tool); the peers' values are compared with ours to show the runs computed the same.
 */
import { timeMedian } from "./timing.js";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { indexDigraph } from "../../src/model/views.js";
import { mulberry32 } from "../../src/model/random.js";
import { brokerage } from "../../src/metrics/brokerage.js";
import { structuralHoles, constraint } from "../../src/metrics/structuralHoles.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("n", 2000);
const density = arg("density", 0.01);
const groupCount = arg("groups", 4);
const seed = arg("seed", 1);
const reps = arg("reps", 5);

const time = <T>(f: () => T) => timeMedian(f, reps);

// The graph: G(n, p) digraph, strengths 1..5, groups uniformly at random.
const rng = mulberry32(seed);
const graph = createClusterGraph();
const ids = Array.from({ length: N }, (_, i) => `a${i + 1}`);
const groups = ids.map(() => `g${1 + Math.floor(rng() * groupCount)}`);
ids.forEach((id, i) => addActor(graph, id, { group: groups[i] }));
const edges: string[] = ["source,target,weight"];
for (let i = 0; i < N; i++)
  for (let j = 0; j < N; j++) {
    if (i === j || rng() >= density) continue;
    const w = 1 + Math.floor(rng() * 5);
    addTie(graph, ids[i], ids[j], { weight: w });
    edges.push(`${i + 1},${j + 1},${w}`);
  }
const dir = mkdtempSync(join(tmpdir(), "cf-bench-"));
writeFileSync(join(dir, "edges.csv"), edges.join("\n") + "\n");
writeFileSync(join(dir, "groups.csv"), "group\n" + groups.join("\n") + "\n");
console.log(`graph: ${N} actors, ${graph.size} ties (density ${density}), ${groupCount} groups, seed ${seed}; ${reps} runs each, median wall-clock`);

// clusterflow
const ours = time(() => brokerage(graph, { partition: "group" }));
const digraph = indexDigraph(graph);
const oursConstraint = time(() => structuralHoles(graph));
const oursConstraintKernel = time(() => constraint(digraph));

// R: sna::brokerage and igraph::constraint
const rScript = `
suppressMessages({ library(sna); library(igraph) })
e <- read.csv("${join(dir, "edges.csv")}")
cl <- read.csv("${join(dir, "groups.csv")}", stringsAsFactors = FALSE)$group
N <- ${N}
el <- as.matrix(e[, 1:2]); el <- cbind(el, 1); attr(el, "n") <- N
reps <- ${reps}
tb <- numeric(reps)
for (r in 1:reps) { t0 <- proc.time()[["elapsed"]]; b <- sna::brokerage(el, cl); tb[r] <- proc.time()[["elapsed"]] - t0 }
g <- graph_from_data_frame(data.frame(from = e$source, to = e$target, weight = e$weight), directed = TRUE, vertices = data.frame(name = 1:N))
tc <- numeric(reps)
for (r in 1:reps) { t0 <- proc.time()[["elapsed"]]; cs <- constraint(g, weights = E(g)$weight); tc[r] <- proc.time()[["elapsed"]] - t0 }
cat(sprintf("%.15g", c(median(tb) * 1000, median(tc) * 1000, sum(b$raw.nli[, 6]), b$z.gli[4], sum(b$raw.nli[, 4]), sum(cs))), "\\n")
writeLines(format(b$z.nli[, 4], digits = 17), "${join(dir, "sna_z_gatekeeper.txt")}")
`;
const rOut = execFileSync("/usr/bin/Rscript", ["-e", rScript], { encoding: "utf8", maxBuffer: 1 << 26 }).trim().split(/\s+/).map(Number);
const [snaMs, igraphMs, snaTotal, snaZgk, snaGk, igraphConstraintSum] = rOut;

// Python: networkx constraint (SciPy path, nodes=None)
const py = `
import time, statistics, networkx as nx
G = nx.DiGraph(); G.add_nodes_from(range(1, ${N} + 1))
with open("${join(dir, "edges.csv")}") as f:
    next(f)
    for line in f:
        s, t, w = line.split(","); G.add_edge(int(s), int(t), weight=float(w))
ts = []
for _ in range(${reps}):
    t0 = time.perf_counter(); c = nx.constraint(G, weight="weight"); ts.append(time.perf_counter() - t0)
print(statistics.median(ts) * 1000, sum(c[v] for v in G), nx.__version__)
`;
const pyOut = execFileSync("python3", ["-c", py], { encoding: "utf8" }).trim().split(/\s+/);
const nxMs = Number(pyOut[0]);
const nxConstraintSum = Number(pyOut[1]);

// Agreement
const r = ours.value;
const snaZ = readFileSync(join(dir, "sna_z_gatekeeper.txt"), "utf8").trim().split(/\s+/).map(Number);
const maxZDiff = Math.max(...r.actors.map((a, i) => Math.abs(a.z.gatekeeper - snaZ[i])));
const ourConstraintSum = oursConstraint.value.actors.reduce((t, a) => t + a.constraint, 0);

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const ratio = (peer: number, ours: number) => `${(peer / ours).toFixed(2)} (clusterflow ${peer >= ours ? `${(peer / ours).toFixed(1)}× faster` : `${(ours / peer).toFixed(1)}× slower`})`;
console.log(`\nbrokerage (partition: ${groupCount} groups, full credit, with sna's expectations and z)`);
console.log(`  clusterflow brokerage(graph)      ${fmt(ours.ms)}  (collapse + index + counts + moments)`);
console.log(`  R sna::brokerage(edgelist, cl)    ${fmt(snaMs)}`);
console.log(`  ratio sna / clusterflow           ${ratio(snaMs, ours.ms)}`);
console.log(`  agreement: total ${r.network.raw.total} vs ${snaTotal}; gatekeeper ${r.network.raw.gatekeeper} vs ${snaGk}; network z(gatekeeper) ${r.network.z.gatekeeper.toFixed(12)} vs ${snaZgk.toFixed(12)}; max |Δz| per actor ${maxZDiff.toExponential(2)}`);
console.log(`\nconstraint (weighted by strength)`);
console.log(`  clusterflow structuralHoles(graph) ${fmt(oursConstraint.ms)}  (all four measures, from the cluster graph)`);
console.log(`  clusterflow constraint(digraph)    ${fmt(oursConstraintKernel.ms)}  (on the indexed digraph)`);
console.log(`  networkx ${pyOut[2]} constraint(G)     ${fmt(nxMs)}  (SciPy path)`);
console.log(`  R igraph constraint(g)             ${fmt(igraphMs)}`);
console.log(`  ratio networkx / clusterflow       ${ratio(nxMs, oursConstraint.ms)}; on the indexed digraph ${ratio(nxMs, oursConstraintKernel.ms)}`);
console.log(`  ratio igraph / clusterflow         ${ratio(igraphMs, oursConstraint.ms)}; on the indexed digraph ${ratio(igraphMs, oursConstraintKernel.ms)}`);
console.log(`  agreement: Σ constraint ${ourConstraintSum.toFixed(9)} (clusterflow) vs ${nxConstraintSum.toFixed(9)} (networkx) vs ${igraphConstraintSum.toFixed(9)} (igraph)`);
