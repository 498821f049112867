/**
 * The long fuzz run: `npm run fuzz -- --n 100000 --seed 1 [--format dl,pajek] [--timeout 5000]`.
 * Each format's cases run in a worker thread; a watchdog ends a worker whose case runs past the timeout,
 * records a hang for that case and goes on with the next. Prints per format the count of each outcome and
 * every failure signature with one reproducing case (format, seed, index), and exits 1 on any failure.
 */
import { Worker } from "node:worker_threads";
import { FUZZ_FORMATS, type CaseResult, type FuzzFormat } from "./harness.js";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const n = Number(arg("n", "1000"));
const seed = Number(arg("seed", "1"));
const timeout = Number(arg("timeout", "5000"));
const formats = arg("format", FUZZ_FORMATS.join(",")).split(",") as FuzzFormat[];
for (const f of formats) if (!(FUZZ_FORMATS as readonly string[]).includes(f)) throw new Error(`--format: unknown format ${f} (known: ${FUZZ_FORMATS.join(", ")})`);
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) throw new Error("--n and --seed take integers");

interface Tally {
  counts: Record<string, number>;
  signatures: Map<string, { count: number; example: number }>;
  slowest: { index: number; ms: number };
}

function runFormat(format: FuzzFormat): Promise<Tally> {
  const tally: Tally = { counts: Object.create(null), signatures: new Map(), slowest: { index: -1, ms: 0 } };
  const record = (r: Pick<CaseResult, "outcome" | "index" | "signature" | "ms">) => {
    tally.counts[r.outcome] = (tally.counts[r.outcome] ?? 0) + 1;
    if (r.ms > tally.slowest.ms) tally.slowest = { index: r.index, ms: r.ms };
    if (r.outcome !== "clean" && r.outcome !== "refused") {
      const key = `${r.outcome}: ${r.signature ?? ""}`;
      const s = tally.signatures.get(key);
      if (s) s.count++;
      else tally.signatures.set(key, { count: 1, example: r.index });
    }
  };
  return new Promise((resolve, reject) => {
    const start = (from: number) => {
      if (from >= n) return resolve(tally);
      const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url), { workerData: { format, seed, from, to: n } });
      let current = from;
      let timer: NodeJS.Timeout | undefined;
      let finished = false;
      worker.on("message", (m: { begin?: number; result?: CaseResult; done?: boolean }) => {
        if (m.begin !== undefined) {
          current = m.begin;
          clearTimeout(timer);
          timer = setTimeout(() => {
            finished = true;
            record({ outcome: "hang", index: current, signature: `over ${timeout} ms`, ms: timeout });
            void worker.terminate().then(() => start(current + 1));
          }, timeout);
        } else if (m.result) {
          clearTimeout(timer);
          record(m.result);
        } else if (m.done) {
          finished = true;
          clearTimeout(timer);
          void worker.terminate().then(() => resolve(tally));
        }
      });
      worker.on("error", (e) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        // Out of memory or a stack overflow outside the parser's try: a crash of this case.
        record({ outcome: "crash", index: current, signature: `worker died: ${String(e).slice(0, 100)}`, ms: 0 });
        start(current + 1);
      });
      worker.on("exit", (code) => {
        if (!finished && code !== 0) reject(new Error(`worker exited with ${code} at case ${current}`));
      });
    };
    start(0);
  });
}

let failures = 0;
const started = performance.now();
console.log(`fuzz: ${n} cases per format, seed ${seed}, timeout ${timeout} ms`);
for (const format of formats) {
  const t0 = performance.now();
  const t = await runFormat(format);
  const line = ["clean", "refused", "crash", "hang", "unlocated", "unaccounted"].map((k) => `${k} ${t.counts[k] ?? 0}`).join(", ");
  console.log(`${format.padEnd(13)} ${line}; slowest case ${t.slowest.index} (${Math.round(t.slowest.ms)} ms); ${Math.round((performance.now() - t0) / 1000)} s`);
  for (const [sig, s] of [...t.signatures].sort((a, b) => b[1].count - a[1].count)) {
    console.log(`    ${s.count} × ${sig} (e.g. case ${s.example})`);
    failures += s.count;
  }
}
console.log(`${failures === 0 ? "OK" : "FAILED"}: ${failures} failure(s) in ${Math.round((performance.now() - started) / 1000)} s`);
process.exit(failures === 0 ? 0 : 1);
