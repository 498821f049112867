/**
 * Interchange-format benchmark (not a test): a seeded network (actors with attributes, ties with relation,
 * weight and wave) is written by clusterflow as GEXF, GraphML, Pajek (one relation: what igraph and networkx
 * read), UCINET DL and XLSX; each file is read back by clusterflow, and in the same run by the peers:
 *   - networkx: read_gexf, read_graphml, read_pajek (timed inside python3, start-up excluded);
 *   - R igraph: read_graph(format = "graphml" | "pajek") (timed inside Rscript).
 * Times are wall-clock milliseconds; ratios are peer / clusterflow (above 1: clusterflow is faster).
 *
 *   npx tsx tests/bench/interop.ts [ties=20000] [actors=1000] [seed=1]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { filterTies } from "../../src/model/views.js";
import { seededRng } from "../../src/model/random.js";
import { parseGexf, writeGexf } from "../../src/io/gexf.js";
import { parseGraphml, writeGraphml } from "../../src/io/graphml.js";
import { parsePajek, writePajek } from "../../src/io/pajek.js";
import { parseDl, writeDl } from "../../src/io/dl.js";
import { parseXlsx, writeXlsx } from "../../src/io/xlsx.js";

const TIES = Number(process.argv[2] ?? 20_000);
const ACTORS = Number(process.argv[3] ?? 1_000);
const SEED = Number(process.argv[4] ?? 1);

const rng = seededRng(SEED);
const g = createClusterGraph();
const kinds = ["firm", "firm", "supplier", "buyer", "lab"];
for (let i = 0; i < ACTORS; i++) addActor(g, `A${i}`, { label: `Actor ${i}`, kind: kinds[Math.floor(rng() * kinds.length)], inCluster: rng() < 0.9, employees: 1 + Math.floor(rng() * 500) });
const relations = ["technical-advice", "business", "market-information"];
for (let k = 0; k < TIES; k++) {
  const s = Math.floor(rng() * ACTORS);
  let t = Math.floor(rng() * (ACTORS - 1));
  if (t >= s) t++;
  addTie(g, `A${s}`, `A${t}`, { relation: relations[Math.floor(rng() * 3)], weight: 1 + Math.floor(rng() * 3), wave: rng() < 0.5 ? "2019" : "2021" });
}
const one = filterTies(g, { relations: ["technical-advice"], waves: ["2019"] });

const dir = mkdtempSync(join(tmpdir(), "cf-bench-interop-"));
const time = async <T>(f: () => T | Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
};

interface Row {
  format: string;
  ties: number;
  bytes: number;
  write: number;
  read: number;
  networkx?: number;
  igraph?: number;
}
const rows: Row[] = [];
const files: Record<string, string> = {};
const cases: [string, () => string | Promise<Uint8Array>, (text: string, bytes: Uint8Array) => unknown, number][] = [
  ["gexf", () => writeGexf(g), (text) => parseGexf([{ name: "b.gexf", text }]), g.size],
  ["graphml", () => writeGraphml(g), (text) => parseGraphml([{ name: "b.graphml", text }]), g.size],
  ["pajek", () => writePajek(one), (text) => parsePajek([{ name: "b.net", text }]), one.size],
  ["dl", () => writeDl(g), (text) => parseDl([{ name: "b.dl", text }]), g.size],
  ["xlsx", () => writeXlsx(g), (_t, bytes) => parseXlsx([{ name: "b.xlsx", text: "", bytes }]), g.size],
];
for (const [format, write, read, ties] of cases) {
  const [data, w] = await time<string | Uint8Array>(write);
  const ext = format === "pajek" ? "net" : format;
  const path = join(dir, `b.${ext}`);
  writeFileSync(path, data);
  files[format] = path;
  const bytes = new Uint8Array(readFileSync(path));
  const text = typeof data === "string" ? data : "";
  const [, r] = await time(() => read(text, bytes));
  rows.push({ format, ties, bytes: bytes.length, write: w, read: r });
}

const PY = `
import sys, time
import networkx as nx
out = []
for fmt, path in zip(sys.argv[1::2], sys.argv[2::2]):
    t0 = time.perf_counter()
    if fmt == "gexf": G = nx.read_gexf(path)
    elif fmt == "graphml": G = nx.read_graphml(path, force_multigraph=True)
    else: G = nx.read_pajek(path)
    out.append(f"{fmt}={(time.perf_counter() - t0) * 1000}:{G.number_of_edges()}")
print(" ".join(out), nx.__version__)
`;
const R = `
suppressMessages(library(igraph))
a <- commandArgs(TRUE)
out <- c()
for (i in seq(1, length(a), 2)) {
  t0 <- proc.time()[["elapsed"]]
  g <- read_graph(a[i + 1], format = a[i])
  out <- c(out, sprintf("%s=%f:%d", a[i], (proc.time()[["elapsed"]] - t0) * 1000, ecount(g)))
}
cat(paste(out, collapse = " "), as.character(packageVersion("igraph")), "\\n")
`;
let nxVersion = "";
let igVersion = "";
const py = spawnSync("python3", ["-c", PY, "gexf", files.gexf, "graphml", files.graphml, "pajek", files.pajek], { encoding: "utf8" });
if (py.status === 0) {
  const parts = py.stdout.trim().split(" ");
  nxVersion = parts.pop()!;
  for (const p of parts) {
    const [fmt, rest] = p.split("=");
    rows.find((r) => r.format === fmt)!.networkx = Number(rest.split(":")[0]);
  }
}
const rs = spawnSync("Rscript", ["-e", R, "graphml", files.graphml, "pajek", files.pajek], { encoding: "utf8" });
if (rs.status === 0) {
  const parts = rs.stdout.trim().split(" ");
  igVersion = parts.pop()!;
  for (const p of parts) {
    const [fmt, rest] = p.split("=");
    rows.find((r) => r.format === fmt)!.igraph = Number(rest.split(":")[0]);
  }
}
rmSync(dir, { recursive: true, force: true });

const ms = (x?: number) => (x === undefined ? "—" : x < 10 ? x.toFixed(1) : Math.round(x).toString());
const ratio = (peer: number | undefined, own: number) => (peer === undefined ? "—" : (peer / own).toFixed(2));
console.log(`interchange formats: ${ACTORS} actors, ${TIES} ties (seed ${SEED}); Pajek holds one relation × wave (igraph and networkx read no multi-relational Pajek)`);
console.log(`peers: networkx ${nxVersion || "not installed"}, R igraph ${igVersion || "not installed"}; times in ms (wall clock), ratio = peer / clusterflow read\n`);
console.log("format    ties    size(kB)  write   read   networkx  ratio   igraph  ratio");
for (const r of rows) {
  console.log(
    `${r.format.padEnd(9)} ${String(r.ties).padStart(6)} ${String(Math.round(r.bytes / 1024)).padStart(9)} ${ms(r.write).padStart(6)} ${ms(r.read).padStart(6)} ${ms(r.networkx).padStart(9)} ${ratio(r.networkx, r.read).padStart(6)} ${ms(r.igraph).padStart(8)} ${ratio(r.igraph, r.read).padStart(6)}`,
  );
}
