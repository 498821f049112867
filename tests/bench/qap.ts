/**
 * Benchmark (a script, not a test): MRQAP (`qap`, linear, Dekker semi-partialling) with 1,000 permutations
 * on 500 actors against R `sna::netlm`, on the same matrices, in one run.
 *
 *   npx tsx tests/bench/qap.ts [--n 500] [--reps 1000] [--r-reps 10] [--seed 1]
 *
 * The response (a 0/1 relation with two non-respondents' rows missing) and three predictors (a relation,
 * a uniform and a normal dyadic covariate) are generated here (seeded) and written to temporary CSV
 * matrices that R reads. sna's netlm costs one full refit per permutation (4 predictor columns × reps
 * refits of 249,500 dyads), so by default R runs `--r-reps` permutations and its time for `--reps` is
 * extrapolated linearly from the time per permutation (the refits are identical in cost); pass
 * `--r-reps 1000` for a full run. Times are wall clock of the call itself (start-up and file reading
 * excluded); the coefficients are compared to show both computed the same fit.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { mulberry32 } from "../../src/model/random.js";
import { mrqap } from "../../src/metrics/mrqap.js";
import type { DyadicMatrix } from "../../src/model/dyadic.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const n = arg("n", 500);
const reps = arg("reps", 1000);
const rReps = arg("r-reps", 10);
const seed = arg("seed", 1);

const rng = mulberry32(seed);
const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
const ids = Array.from({ length: n }, (_v, i) => `a${i + 1}`);
const make = (name: string, f: (i: number, j: number) => number): DyadicMatrix => {
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) values[i * n + j] = i === j ? 0 : f(i, j);
  return { name, ids, n, values, notes: [] };
};
const x1 = make("x1", () => (rng() < 0.05 ? 1 : 0));
const x2 = make("x2", () => rng());
const x3 = make("x3", () => normal());
const y = make("y", (i, j) => (rng() < 0.03 + 0.1 * x1.values[i * n + j] + 0.02 * x2.values[i * n + j] ? 1 : 0));
for (const r of [3, 7]) for (let j = 0; j < n; j++) y.values[r * n + j] = NaN;

const t0 = performance.now();
const ours = mrqap(y, [x1, x2, x3], { nullHypothesis: "qapspp", reps, seed });
const oursMs = performance.now() - t0;

const dir = mkdtempSync(join(tmpdir(), "cf-bench-qap-"));
const write = (m: DyadicMatrix) => {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(Array.from(m.values.subarray(i * n, (i + 1) * n), (v) => (Number.isNaN(v) ? "NA" : String(v))).join(","));
  writeFileSync(join(dir, `${m.name}.csv`), lines.join("\n") + "\n");
};
[y, x1, x2, x3].forEach(write);
const rScript = `
suppressMessages(library(sna)); options(warn = -1); set.seed(${seed})
rd <- function(f) unname(as.matrix(read.csv(file.path("${dir}", f), header = FALSE)))
y <- rd("y.csv"); x <- list(rd("x1.csv"), rd("x2.csv"), rd("x3.csv"))
t0 <- proc.time()[["elapsed"]]; f0 <- netlm(y, x, nullhyp = "classical"); base <- proc.time()[["elapsed"]] - t0
t1 <- proc.time()[["elapsed"]]; f <- netlm(y, x, nullhyp = "qapspp", reps = ${rReps}); perm <- proc.time()[["elapsed"]] - t1
cat(base, perm, format(f$coefficients, digits = 17), "\\n")`;
const out = execFileSync("/usr/bin/Rscript", ["-e", rScript], { encoding: "utf8", maxBuffer: 1 << 26 }).trim().split(/\s+/).map(Number);
const [rBase, rPerm, ...rCoef] = out;
const rPerPerm = (rPerm - rBase) / rReps;
const rFullS = rBase + rPerPerm * reps;
const maxDiff = Math.max(...ours.terms.map((t, k) => Math.abs(t.coefficient - rCoef[k])));

console.log(`MRQAP linear, qapspp, ${n} actors (${n * (n - 1)} dyads, ${ours.missingDyads} missing), 4 columns, seed ${seed}`);
console.log(`clusterflow mrqap: ${reps} permutations in ${(oursMs / 1000).toFixed(2)} s`);
console.log(`R sna::netlm:      ${rReps} permutations in ${rPerm.toFixed(2)} s (fit alone ${rBase.toFixed(2)} s) → ${reps} permutations ${rReps === reps ? "" : "extrapolated "}${rFullS.toFixed(1)} s`);
console.log(`ratio sna / clusterflow: ${(rFullS / (oursMs / 1000)).toFixed(1)}×`);
console.log(`coefficients: max |clusterflow − sna| = ${maxDiff.toExponential(2)}`);
