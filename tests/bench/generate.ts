/**
 * Generator benchmark (not a test): `clusterflow generate` writing a cluster of N ties as a tidy folder, then
 * `clusterflow validate` reading it back, each timed as a separate process (wall clock, CPU time, peak
 * memory from /usr/bin/time). In the same run the peers generate the same planted-partition model (a
 * directed stochastic block model, every actor equally active, one relation, no outside actors) and write
 * it as an edge list:
 *   - python-igraph `Graph.SBM` + `write_edgelist` (via /usr/bin/python3);
 *   - networkx `stochastic_block_model(..., directed=True, sparse=True)` + `write_edgelist` (via python3).
 * Then the full model (heavy tails, hubs, two relations, two waves, outside actors with 10 % openness) is
 * generated and validated for the record. Ratios are clusterflow time / peer time (below 1 = faster).
 *
 *   npx tsx tests/bench/generate.ts [ties=1000000] [actors=100000] [groups=10] [seed=1]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const TIES = Number(process.argv[2] ?? 1_000_000);
const ACTORS = Number(process.argv[3] ?? 100_000);
const GROUPS = Number(process.argv[4] ?? 10);
const SEED = Number(process.argv[5] ?? 1);
const REPO = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(REPO, "src/cli/bin.mjs");
const TIME = "/usr/bin/time";

interface Measure {
  wall: number;
  cpu: number;
  rssMb: number;
  ok: boolean;
  out: string;
}

/** Run a command under /usr/bin/time -v; wall and CPU seconds, peak resident memory in MB. */
function measure(cmd: string, args: string[], timeoutMs = 600_000): Measure {
  const useTime = existsSync(TIME);
  const r = useTime ? spawnSync(TIME, ["-v", cmd, ...args], { encoding: "utf8", timeout: timeoutMs, maxBuffer: 1 << 26 }) : spawnSync(cmd, args, { encoding: "utf8", timeout: timeoutMs });
  const err = r.stderr ?? "";
  const num = (re: RegExp) => Number(err.match(re)?.[1] ?? NaN);
  const wallText = err.match(/Elapsed \(wall clock\) time.*: ([\d:.]+)/)?.[1] ?? "";
  const wall = wallText.split(":").reduce((acc, part) => acc * 60 + Number(part), 0);
  return {
    wall,
    cpu: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/),
    rssMb: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
    ok: r.status === 0,
    out: (r.stdout ?? "") + (r.status === 0 ? "" : err.slice(-2000)),
  };
}

const fmt = (m: Measure) => (m.ok ? `wall ${m.wall.toFixed(1)} s, cpu ${m.cpu.toFixed(1)} s, peak ${m.rssMb.toFixed(0)} MB` : `FAILED ${m.out.trim().split("\n").slice(-3).join(" | ")}`);
const ratio = (a: Measure, b: Measure) => (a.ok && b.ok ? `wall ×${(a.wall / b.wall).toFixed(2)}, cpu ×${(a.cpu / b.cpu).toFixed(2)}` : "n/a");

const dir = mkdtempSync(join(tmpdir(), "clusterflow-bench-generate-"));
try {
  // Planted partition with expected TIES ties: within-group density 20 × between-group density.
  const size = Math.floor(ACTORS / GROUPS);
  const n = size * GROUPS;
  const withinPairs = GROUPS * size * (size - 1);
  const betweenPairs = n * (n - 1) - withinPairs;
  const between = TIES / (20 * withinPairs + betweenPairs);
  const within = 20 * between;
  console.log(`planted partition: ${n} actors in ${GROUPS} groups, within ${within.toExponential(3)}, between ${between.toExponential(3)}, expected ${TIES} ties (seed ${SEED})`);

  const plain = join(dir, "plain");
  const cf = measure("node", [BIN, "generate", plain, "--actors", String(n), "--groups", String(GROUPS), "--within", String(within), "--between", String(between), "--relations", "advice", "--tail", "0", "--hubs", "0", "--external", "0", "--openness", "0", "--seed", String(SEED)]);
  const tiesFile = join(plain, "ties.csv");
  const plainTies = cf.ok ? JSON.parse(readFileSync(join(plain, "manifest.json"), "utf8")).sizes.ties : NaN;
  console.log(`clusterflow generate (plain SBM): ${fmt(cf)}; ${plainTies} ties, ties.csv ${(statSync(tiesFile).size / 1e6).toFixed(1)} MB`);

  const pyIgraph = `
import igraph, time, sys
t=time.time(); k=${GROUPS}; s=${size}
pref=[[${within} if i==j else ${between} for j in range(k)] for i in range(k)]
g=igraph.Graph.SBM(k*s, pref, [s]*k, directed=True, loops=False)
g.write_edgelist(sys.argv[1]); print(g.ecount(), time.time()-t)`;
  const ig = measure("/usr/bin/python3", ["-c", pyIgraph, join(dir, "igraph.txt")]);
  console.log(`python-igraph Graph.SBM + write_edgelist: ${fmt(ig)}; ${ig.out.trim()}`);

  const pyNx = `
import networkx as nx, time, sys
t=time.time(); k=${GROUPS}; s=${size}
p=[[${within} if i==j else ${between} for j in range(k)] for i in range(k)]
g=nx.stochastic_block_model([s]*k, p, seed=${SEED}, directed=True, selfloops=False, sparse=True)
nx.write_edgelist(g, sys.argv[1], data=False); print(g.number_of_edges(), time.time()-t)`;
  const nx = measure("python3", ["-c", pyNx, join(dir, "networkx.txt")]);
  console.log(`networkx stochastic_block_model + write_edgelist: ${fmt(nx)}; ${nx.out.trim()}`);
  console.log(`ratio clusterflow / igraph:   ${ratio(cf, ig)}`);
  console.log(`ratio clusterflow / networkx: ${ratio(cf, nx)}`);

  const full = join(dir, "full");
  const gen = measure("node", [BIN, "generate", full, "--actors", String(n), "--groups", String(GROUPS), "--ties", String(TIES), "--waves", "2", "--seed", String(SEED)]);
  const manifest = gen.ok ? JSON.parse(readFileSync(join(full, "manifest.json"), "utf8")) : undefined;
  console.log(`clusterflow generate (full model: heavy tails, hubs, 2 relations, 2 waves, ${manifest?.sizes.external ?? "?"} outside actors, openness 0.1): ${fmt(gen)}; ${manifest?.sizes.ties ?? "?"} ties`);
  const val = measure("node", [BIN, "validate", full]);
  const summary = val.out.split("\n").filter((l) => /actors,|error\(s\)/.test(l)).join(" / ");
  console.log(`clusterflow validate of it: ${fmt(val)}; ${summary}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
