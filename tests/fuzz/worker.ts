/** Runs fuzz cases for run.ts in a worker thread, announcing each case before it starts (for the watchdog). */
import { parentPort, workerData } from "node:worker_threads";
import { runCase, seedFiles, type FuzzFormat } from "./harness.js";

const { format, seed, from, to } = workerData as { format: FuzzFormat; seed: number; from: number; to: number };
const seeds = await seedFiles(format);
for (let i = from; i < to; i++) {
  parentPort!.postMessage({ begin: i });
  const r = await runCase(format, seeds, seed, i);
  parentPort!.postMessage({ result: r });
}
parentPort!.postMessage({ done: true });
