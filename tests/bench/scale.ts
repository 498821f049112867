/**
 * Benchmark (a script, not a test): clusterflow from survey size to national size, beside R igraph and
 * `sna::brokerage` on the same files, in one run.
 *
 *   npm run bench:scale [-- --sizes 10k,100k,1m] [--seed 1] [--no-peers] [--no-report]
 *   npm run bench:scale -- --sizes 5k      (only the whole-process brokerage against the R script)
 *
 * Sizes (actors / ties, seeded `clusterflow generate`, one relation, inside actors plus a tenth outside):
 * 10k = 10,000 / 200,000; 100k = 100,000 / 1,000,000; 1m = 1,000,000 / 10,000,000. The generated folders are
 * kept under the OS temp folder and reused. Per size it prints:
 * - in-process (one Node process per size, `tests/bench/scale-kernels.mjs` on the compiled package): tidy import time and ties/s, and
 *   the times of brokerage (inCluster partition), constraint, PageRank, Louvain and betweenness (exact or
 *   source-sampled, as `centrality` decides; the rule is printed), with the process's peak memory;
 * - whole process: `clusterflow info` and `clusterflow report` wall time and peak memory (GNU time);
 * - the peers on the same ties.csv: R igraph (read + graph, page_rank, constraint, cluster_louvain,
 *   betweenness — exact, or with the same number of sampled sources by subsetting `vids`… igraph has no
 *   source sampling, so its betweenness is run only when exact fits the budget) and `sna::brokerage` (an
 *   n × n matrix: only where n ≤ 5,000), with the ratio peer / clusterflow; and, whole process, `clusterflow
 *   brokerage` against an R script reading the same files and calling `sna::brokerage` on 5,000 actors.
 * Every figure is one run on a shared machine: read the ratios, not the seconds.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const SIZES: Record<string, { actors: number; ties: number }> = {
  "10k": { actors: 10_000, ties: 200_000 },
  "100k": { actors: 100_000, ties: 1_000_000 },
  "1m": { actors: 1_000_000, ties: 10_000_000 },
};
const sizes = arg("sizes", "10k,100k,1m").split(",");
const seed = arg("seed", "1");
const root = join(tmpdir(), "clusterflow-bench-scale");
mkdirSync(root, { recursive: true });
const repo = new URL("../..", import.meta.url).pathname;
// The compiled package (npm run build; npm install and npm ci build it): the command and the kernels.
const compiled = join(repo, "dist/cli/bin.js");
if (!existsSync(compiled)) execFileSync("npm", ["run", "build"], { cwd: repo, stdio: "inherit" });
const cli = compiled;

/** Wall and CPU (user + system) seconds and peak resident memory (MB) of a whole command, by GNU time. */
function measured(cmd: string[], timeout = 1800): { seconds: number; cpu: number; peakMB: number; ok: boolean; out: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", ...cmd], { encoding: "utf8", timeout: timeout * 1000, maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const last = (r.stderr ?? "").trim().split("\n").pop() ?? "";
  const [, u, sy, kb] = last.split(" ").map(Number);
  return { seconds: wall, cpu: u + sy, peakMB: kb / 1024, ok: r.status === 0, out: r.stdout ?? "" };
}

function rScript(dir: string, n: number, withBrokerage: boolean, exactBetweenness: boolean): Record<string, number> | undefined {
  const file = join(root, "peer.R");
  writeFileSync(
    file,
    `suppressMessages({library(igraph); library(sna)})
args <- commandArgs(TRUE); dir <- args[1]; brok <- args[2] == "1"; bet <- args[3] == "1"
tm <- function(e) unname(system.time(e)["elapsed"]) * 1000
out <- list()
out$import <- tm({ nodes <- read.csv(file.path(dir, "nodes.csv"), stringsAsFactors = FALSE); ties <- read.csv(file.path(dir, "ties.csv"), stringsAsFactors = FALSE)
  g <- graph_from_data_frame(ties[, c("source", "target", "weight")], directed = TRUE, vertices = nodes[, c("id", "inCluster")]) })
s <- simplify(g, remove.multiple = TRUE, remove.loops = FALSE, edge.attr.comb = "sum")
out$pagerank <- tm(page_rank(s, weights = E(s)$weight))
out$constraint <- tm(constraint(s, weights = E(s)$weight))
out$louvain <- tm(cluster_louvain(as.undirected(s, mode = "collapse", edge.attr.comb = "sum")))
if (bet) out$betweenness <- tm(betweenness(s, directed = TRUE, weights = NA))
if (brok) { m <- as_adjacency_matrix(s, sparse = FALSE); cl <- ifelse(V(s)$inCluster %in% c(TRUE, "true"), 1, 2); out$brokerage <- tm(sna::brokerage(m, cl)) }
cat(jsonlite::toJSON(out, auto_unbox = TRUE))
`,
  );
  const hasJson = spawnSync("Rscript", ["-e", "library(jsonlite)"], { encoding: "utf8" }).status === 0;
  if (!hasJson) {
    console.log("  (R jsonlite is missing: peers skipped)");
    return undefined;
  }
  const r = spawnSync("Rscript", [file, dir, withBrokerage ? "1" : "0", exactBetweenness ? "1" : "0"], { encoding: "utf8", timeout: 3600_000, maxBuffer: 1 << 26 });
  if (r.status !== 0) {
    console.log(`  R failed: ${(r.stderr ?? "").trim().split("\n").slice(-2).join(" ")}`);
    return undefined;
  }
  void n;
  return JSON.parse(r.stdout);
}

const fmtMs = (ms: number | undefined) => (ms === undefined || !Number.isFinite(ms) ? "–" : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const ratio = (peer: number | undefined, ours: number | undefined) => (peer === undefined || ours === undefined || !(ours > 0) ? "" : `${(peer / ours).toFixed(1)}×`);

console.log(`clusterflow scale benchmark — seed ${seed}, ${new Date().toISOString()}; ${process.version}; command: ${cli.replace(repo, "")}`);

// Whole process, as a user runs it: clusterflow brokerage against an R script reading the same ties.csv
// and calling sna::brokerage (5,000 actors, 115,000 ties).
if (!flag("no-peers") && (sizes.includes("10k") || sizes.includes("5k"))) {
  const dir = join(root, `5k-seed${seed}`);
  if (!existsSync(join(dir, "ties.csv"))) measured(["node", cli, "generate", dir, "--actors", "5000", "--ties", "115000", "--relations", "advice", "--seed", seed], 600);
  const rFile = join(root, "brokerage.R");
  writeFileSync(
    rFile,
    `suppressMessages(library(sna))
dir <- commandArgs(TRUE)[1]
nodes <- read.csv(file.path(dir, "nodes.csv"), stringsAsFactors = FALSE)
ties <- read.csv(file.path(dir, "ties.csv"), stringsAsFactors = FALSE)
idx <- setNames(seq_len(nrow(nodes)), nodes$id)
m <- matrix(0, nrow(nodes), nrow(nodes))
m[cbind(idx[ties$source], idx[ties$target])] <- 1
cl <- ifelse(nodes$inCluster %in% c(TRUE, "true"), 1, 2)
b <- sna::brokerage(m, cl)
write.csv(b$raw.nli, stdout())
`,
  );
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  // Runs alternate (ours as text, as CSV, as JSON, then R) so that a drift of the machine's speed touches all four;
  // median of 7 each. The CSV is the R script's output (raw counts per actor); the JSON adds each actor's
  // expected counts, standard deviations and z-scores, the import report and the view.
  const runs: { text: ReturnType<typeof measured>; csv: ReturnType<typeof measured>; json: ReturnType<typeof measured>; r: ReturnType<typeof measured> }[] = [];
  for (let k = 0; k < 7; k++)
    runs.push({
      text: measured(["node", cli, "brokerage", dir]),
      csv: measured(["node", cli, "brokerage", dir, "--csv"]),
      json: measured(["node", cli, "brokerage", dir, "--json"]),
      r: measured(["Rscript", rFile, dir], 1800),
    });
  const t = med(runs.map((x) => x.r.seconds));
  const tc = med(runs.map((x) => x.r.cpu));
  const line = (what: string, xs: ReturnType<typeof measured>[]) => {
    const o = med(xs.map((x) => x.seconds));
    const oc = med(xs.map((x) => x.cpu));
    const failed = xs.every((x) => x.ok) && runs.every((x) => x.r.ok) ? "" : " (a run FAILED)";
    return `clusterflow brokerage ${what} ${o.toFixed(2)} s wall, ${oc.toFixed(2)} s CPU (peak ${med(xs.map((x) => x.peakMB)).toFixed(0)} MB): R ÷ clusterflow ${(t / o).toFixed(1)}× wall, ${(tc / oc).toFixed(1)}× CPU${failed}`;
  };
  console.log(`\n## whole process, 5,000 actors / 115,000 ties (median of 7 alternating runs)`);
  console.log(`Rscript + sna::brokerage, raw counts written as CSV: ${t.toFixed(2)} s wall, ${tc.toFixed(2)} s CPU (peak ${med(runs.map((x) => x.r.peakMB)).toFixed(0)} MB)`);
  console.log(line("(the table of every actor, as text)", runs.map((x) => x.text)));
  console.log(line("--csv (the same table as CSV)", runs.map((x) => x.csv)));
  console.log(line("--json (with expected, sd, z and the import report)", runs.map((x) => x.json)));
}
for (const size of sizes.filter((s) => s !== "5k")) {
  const spec = SIZES[size];
  if (!spec) throw new Error(`unknown size ${size} (known: ${Object.keys(SIZES).join(", ")})`);
  const dir = join(root, `${size}-seed${seed}`);
  if (!existsSync(join(dir, "ties.csv"))) {
    const g = measured(["node", cli, "generate", dir, "--actors", String(spec.actors), "--ties", String(spec.ties), "--relations", "advice", "--seed", seed], 3600);
    if (!g.ok) throw new Error(`generate ${size} failed`);
    console.log(`\n${size}: generated in ${g.seconds.toFixed(1)} s`);
  }
  console.log(`\n## ${size}: ${spec.actors.toLocaleString("en")} inside actors, ${spec.ties.toLocaleString("en")} ties (${dir})`);
  // In-process kernels on the compiled package, by plain Node.
  const k = spawnSync("node", ["--max-old-space-size=16000", join(repo, "tests/bench/scale-kernels.mjs"), dir], { encoding: "utf8", timeout: 7200_000, maxBuffer: 1 << 26 });
  if (k.status !== 0) {
    console.log(`  kernels failed: ${(k.stderr ?? "").trim().split("\n").slice(-3).join(" ")}`);
    continue;
  }
  const ours = JSON.parse(k.stdout.trim().split("\n").pop()!) as Record<string, number | string>;
  const big = spec.actors >= 1_000_000;
  const info = measured(["node", "--max-old-space-size=16000", cli, "info", dir, "--json"], 3600);
  const report = big || flag("no-report") ? undefined : measured(["node", cli, "report", dir, "--format", "json"], 3600);
  const peers = flag("no-peers") || big ? undefined : rScript(dir, spec.actors, spec.actors <= 5_000, ours.betweennessMethod === "exact");
  const rows: [string, string, string, string][] = [
    ["import (tidy, in-process)", `${fmtMs(ours.import as number)} (${Math.round(((ours.ties as number) / (ours.import as number)) * 1000).toLocaleString("en")} ties/s)`, fmtMs(peers?.import), ratio(peers?.import, ours.import as number)],
    ["brokerage (inCluster)", fmtMs(ours.brokerage as number), fmtMs(peers?.brokerage), ratio(peers?.brokerage, ours.brokerage as number)],
    ["constraint", fmtMs(ours.constraint as number), fmtMs(peers?.constraint), ratio(peers?.constraint, ours.constraint as number)],
    ["PageRank", fmtMs(ours.pagerank as number), fmtMs(peers?.pagerank), ratio(peers?.pagerank, ours.pagerank as number)],
    ["Louvain", fmtMs(ours.louvain as number), fmtMs(peers?.louvain), ratio(peers?.louvain, ours.louvain as number)],
    [`betweenness (${ours.betweennessMethod}, ${ours.betweennessSources} sources)`, fmtMs(ours.betweenness as number), fmtMs(peers?.betweenness), ratio(peers?.betweenness, ours.betweenness as number)],
  ];
  console.log(`| measure | clusterflow | R igraph / sna | peer ÷ clusterflow |\n|---|---|---|---|`);
  for (const r of rows) console.log(`| ${r.join(" | ")} |`);
  console.log(`in-process peak memory ${(ours.peakMB as number).toFixed(0)} MB (import + all kernels)`);
  if (info) console.log(`clusterflow info (whole process): ${info.seconds.toFixed(1)} s wall, ${info.cpu.toFixed(1)} s CPU, peak ${info.peakMB.toFixed(0)} MB${info.ok ? "" : " (FAILED)"}`);
  if (report) console.log(`clusterflow report (whole process): ${report.seconds.toFixed(1)} s wall, ${report.cpu.toFixed(1)} s CPU, peak ${report.peakMB.toFixed(0)} MB${report.ok ? "" : " (FAILED)"}`);
}
