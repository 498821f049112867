/**
 * Benchmark (a script, not a test): the group and fragmentation metrics on a planted-partition digraph
 * against R igraph and networkx, on the same graph, in one run — modularity, Louvain, transitivity,
 * articulation points and bridges, fragmentation F/DF (all-pairs breadth-first search) — plus the E-I
 * permutation test against the same test written in base R, and the whole diagnosis.
 *
 *   npx tsx tests/bench/groups.ts [--n 2000] [--groups 5] [--pin 0.02] [--pout 0.002] [--seed 1] [--reps 5] [--perms 1000]
 *
 * The graph is generated here (seeded), written to a temporary edge list, and read by R and Python.
 * Times are wall-clock medians over `reps` runs of the call itself (start-up and file reading excluded);
 * the peers' values are printed beside ours to show the runs computed the same thing.
 */
import { timeMedian } from "./timing.js";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { indexDigraph } from "../../src/model/views.js";
import { mulberry32 } from "../../src/model/random.js";
import { modularity, louvainCommunities } from "../../src/metrics/communities.js";
import { eiIndex } from "../../src/metrics/eiIndex.js";
import { transitivity } from "../../src/metrics/transitivity.js";
import { cutPoints, fragmentation } from "../../src/metrics/fragmentation.js";
import { corePeriphery } from "../../src/metrics/corePeriphery.js";
import { diagnose } from "../../src/diagnosis/diagnose.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("n", 2000);
const K = arg("groups", 5);
const pin = arg("pin", 0.02);
const pout = arg("pout", 0.002);
const seed = arg("seed", 1);
const reps = arg("reps", 5);
const perms = arg("perms", 1000);

const time = <T>(f: () => T, n = reps) => timeMedian(f, n);

const rng = mulberry32(seed);
const graph = createClusterGraph();
const ids = Array.from({ length: N }, (_, i) => `a${i + 1}`);
const groups = ids.map((_, i) => `g${1 + (i % K)}`);
ids.forEach((id, i) => addActor(graph, id, { group: groups[i] }));
const edges: string[] = ["source,target,weight"];
for (let i = 0; i < N; i++)
  for (let j = 0; j < N; j++) {
    if (i === j || rng() >= (groups[i] === groups[j] ? pin : pout)) continue;
    const w = 1 + Math.floor(rng() * 3);
    addTie(graph, ids[i], ids[j], { weight: w });
    edges.push(`${i + 1},${j + 1},${w}`);
  }
const dir = mkdtempSync(join(tmpdir(), "cf-bench-groups-"));
writeFileSync(join(dir, "edges.csv"), edges.join("\n") + "\n");
writeFileSync(join(dir, "groups.csv"), "group\n" + groups.join("\n") + "\n");
console.log(`graph: ${N} actors, ${graph.size} ties, ${K} planted groups (p_in ${pin}, p_out ${pout}), seed ${seed}; ${reps} runs each, median wall-clock`);

const g = indexDigraph(graph);
const ours = {
  modDir: time(() => modularity(g, groups, { directed: true, weighted: true })),
  modUnd: time(() => modularity(g, groups, { directed: false, weighted: true })),
  louvain: time(() => louvainCommunities(g, { seed: 1 })),
  trans: time(() => transitivity(g)),
  cut: time(() => cutPoints(g)),
  frag: time(() => fragmentation(g), Math.min(reps, 3)),
  ei: time(() => eiIndex(g, groups, { reps: perms, seed: 1 }), Math.min(reps, 3)),
  cp: time(() => corePeriphery(g), 1),
};

const rScript = `
suppressMessages(library(igraph))
e <- read.csv("${join(dir, "edges.csv")}")
cl <- read.csv("${join(dir, "groups.csv")}", stringsAsFactors = FALSE)$group
N <- ${N}; reps <- ${reps}
g <- graph_from_data_frame(data.frame(from = e$source, to = e$target, weight = e$weight), directed = TRUE, vertices = data.frame(name = 1:N))
u <- as.undirected(g, mode = "each")
memb <- as.integer(factor(cl))
tm <- function(f, n = reps) { ts <- numeric(n); for (r in 1:n) { t0 <- proc.time()[["elapsed"]]; v <- f(); ts[r] <- proc.time()[["elapsed"]] - t0 }; list(ms = median(ts) * 1000, v = v) }
md <- tm(function() modularity(g, memb, weights = E(g)$weight, directed = TRUE))
mu <- tm(function() modularity(g, memb, weights = E(g)$weight, directed = FALSE))
set.seed(1)
lv <- tm(function() { cm <- cluster_louvain(u, weights = NA); c(length(unique(membership(cm))), modularity(g, membership(cm), directed = FALSE)) })
tr <- tm(function() transitivity(as.undirected(g, mode = "collapse"), type = "global"))
ap <- tm(function() { uu <- as.undirected(g, mode = "collapse"); c(length(articulation_points(uu)), length(bridges(uu))) })
fr <- tm(function() { d <- distances(g, mode = "all", weights = NA); diag(d) <- Inf; c(1 - sum(is.finite(d)) / (N * (N - 1)), 1 - sum(1 / d) / (N * (N - 1))) }, min(reps, 3))
src <- e$source; dst <- e$target; P <- ${perms}
eiperm <- tm(function() { obs <- { i <- cl[src] == cl[dst]; (sum(!i) - sum(i)) / length(i) }; d <- replicate(P, { s <- sample(cl); i <- s[src] == s[dst]; (sum(!i) - sum(i)) / length(i) }); c(obs, mean(d), (1 + sum(d <= obs)) / (P + 1)) }, min(reps, 3))
cat(sprintf("%.15g", c(md$ms, md$v, mu$ms, mu$v, lv$ms, lv$v, tr$ms, tr$v, ap$ms, ap$v, fr$ms, fr$v, eiperm$ms, eiperm$v)), "\\n")
`;
const R = execFileSync("/usr/bin/Rscript", ["-e", rScript], { encoding: "utf8", maxBuffer: 1 << 26 }).trim().split(/\s+/).map(Number);
const [rMdMs, rMd, rMuMs, rMu, rLvMs, rLvK, rLvQ, rTrMs, rTr, rApMs, rAp, rBr, rFrMs, rF, rDF, rEiMs, rEi, rEiMean, rEiP] = R;

const py = `
import time, statistics, networkx as nx
from networkx.algorithms import community
N = ${N}
D = nx.DiGraph(); D.add_nodes_from(range(1, N + 1))
M = nx.MultiGraph(); M.add_nodes_from(range(1, N + 1))
with open("${join(dir, "edges.csv")}") as f:
    next(f)
    for line in f:
        s, t, w = line.split(","); D.add_edge(int(s), int(t), weight=float(w)); M.add_edge(int(s), int(t), weight=float(w))
cl = [l.strip() for l in open("${join(dir, "groups.csv")}")][1:]
comms = {}
for i, c in enumerate(cl): comms.setdefault(c, set()).add(i + 1)
comms = list(comms.values())
U = nx.Graph(D.to_undirected())
def tm(f, n=${reps}):
    ts = []
    for _ in range(n):
        t0 = time.perf_counter(); v = f(); ts.append(time.perf_counter() - t0)
    return statistics.median(ts) * 1000, v
md = tm(lambda: community.modularity(D, comms, weight="weight"))
mu = tm(lambda: community.modularity(M, comms, weight="weight"))
def lv():
    c = community.louvain_communities(M, weight=None, seed=1)
    return len(c), community.modularity(M, c, weight=None)
lvr = tm(lv)
tr = tm(lambda: nx.transitivity(U))
ap = tm(lambda: (len(list(nx.articulation_points(U))), len(list(nx.bridges(U)))))
def frag():
    reach = 0; inv = 0.0
    for s, lengths in nx.all_pairs_shortest_path_length(U):
        for t, d in lengths.items():
            if t != s: reach += 1; inv += 1.0 / d
    return 1 - reach / (N * (N - 1)), 1 - inv / (N * (N - 1))
fr = tm(frag, min(${reps}, 3))
print(md[0], md[1], mu[0], mu[1], lvr[0], lvr[1][0], lvr[1][1], tr[0], tr[1], ap[0], ap[1][0], ap[1][1], fr[0], fr[1][0], fr[1][1], nx.__version__)
`;
const P = execFileSync("python3", ["-c", py], { encoding: "utf8", maxBuffer: 1 << 26 }).trim().split(/\s+/);
const [nMdMs, nMd, nMuMs, nMu, nLvMs, nLvK, nLvQ, nTrMs, nTr, nApMs, nAp, nBr, nFrMs, nF, nDF] = P.slice(0, 15).map(Number);

const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(11);
const ratio = (peer: number, mine: number) => `${(peer / mine).toFixed(2)}`;
const line = (what: string, mine: number, rMs: number, nMs: number | null, values: string) =>
  console.log(`${what.padEnd(34)}${fmt(mine)}${fmt(rMs)}${nMs === null ? "".padStart(11) : fmt(nMs)}   R/cf ${ratio(rMs, mine).padStart(6)}${nMs === null ? "" : `   nx/cf ${ratio(nMs, mine).padStart(6)}`}   ${values}`);
console.log(`\n${"".padEnd(34)}${"clusterflow".padStart(11)}${"R igraph".padStart(11)}${"networkx".padStart(11)}   ratios (> 1: clusterflow faster)   values (clusterflow | R | networkx)`);
const v = (x: number) => Number(x.toPrecision(10));
line("modularity, directed, weighted", ours.modDir.ms, rMdMs, nMdMs, `${v(ours.modDir.value)} | ${v(rMd)} | ${v(nMd)}`);
line("modularity, undirected, weighted", ours.modUnd.ms, rMuMs, nMuMs, `${v(ours.modUnd.value)} | ${v(rMu)} | ${v(nMu)}`);
line("Louvain (undirected, unweighted)", ours.louvain.ms, rLvMs, nLvMs, `k ${ours.louvain.value.count}, Q ${v(ours.louvain.value.modularity)} | k ${rLvK}, Q ${v(rLvQ)} | k ${nLvK}, Q ${v(nLvQ)}`);
line("transitivity", ours.trans.ms, rTrMs, nTrMs, `${v(ours.trans.value.transitivity)} | ${v(rTr)} | ${v(nTr)}`);
line("articulation points + bridges", ours.cut.ms, rApMs, nApMs, `${ours.cut.value.articulationPoints.length}/${ours.cut.value.bridges.length} | ${rAp}/${rBr} | ${nAp}/${nBr}`);
line("fragmentation F and DF (all pairs)", ours.frag.ms, rFrMs, nFrMs, `${v(ours.frag.value.fragmentation)}, ${v(ours.frag.value.distanceWeighted)} | ${v(rF)}, ${v(rDF)} | ${v(nF)}, ${v(nDF)}`);
const t = ours.ei.value.network;
line(`E-I + ${perms} permutations (R: base R)`, ours.ei.ms, rEiMs, null, `EI ${v(t.ei)}, mean ${t.test!.mean.toFixed(4)}, p ${t.test!.pLower.toFixed(4)} | EI ${v(rEi)}, mean ${rEiMean.toFixed(4)}, p ${rEiP.toFixed(4)}`);
console.log(`core–periphery (no peer installed)  ${fmt(ours.cp.ms)}   fit ${v(ours.cp.value.fit)}, core ${ours.cp.value.core.length} (${ours.cp.value.options.method})`);

// The whole diagnosis on a cluster-sized sample (first 300 actors).
const small = createClusterGraph();
const keep = new Set(ids.slice(0, 300));
graph.forEachNode((id, a) => keep.has(id) && small.addNode(id, { ...a }));
graph.forEachEdge((_e, a, s, t2) => keep.has(s) && keep.has(t2) && small.addEdge(s, t2, { ...a }));
const dg = time(() => diagnose(small, { seed: 1 }), Math.min(reps, 3));
console.log(`\ndiagnose() on ${small.order} actors / ${small.size} ties: ${dg.ms.toFixed(0)} ms (key players ${dg.value.criticalActors.criterion}, ${dg.value.fragmentation.keyPlayers.options.method}; ${dg.value.verdicts.filter((x) => x.holds).map((x) => x.name).join(", ") || "no verdict"})`);
