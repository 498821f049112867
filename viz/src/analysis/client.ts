/** The main thread's side of the analysis worker: answers to stale requests are dropped by the caller. */
import type { ClusterGraph } from "../../../src/model/types.js";
import { applyDelta, type Analysis, type AnalysisOptions } from "./compute.js";

interface Pending {
  resolve: (a: Analysis) => void;
  reject: (e: Error) => void;
  partial?: (a: Analysis) => void;
  /** What the worker has sent so far for this request (the deltas applied in turn). */
  sofar?: Analysis;
}

export class AnalysisClient {
  private worker!: Worker;
  private next = 1;
  private pending = new Map<number, Pending>();
  private sentGraph?: ClusterGraph;

  constructor() {
    this.start();
  }

  private start(): void {
    this.sentGraph = undefined;
    this.worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    this.worker.onmessage = (ev: MessageEvent<{ id: number; delta?: Partial<Analysis>; error?: string; final: boolean }>) => {
      const p = this.pending.get(ev.data.id);
      if (!p) return;
      if (ev.data.delta) p.sofar = applyDelta(p.sofar, ev.data.delta);
      if (!ev.data.final && p.sofar) {
        p.partial?.(p.sofar);
        return;
      }
      this.pending.delete(ev.data.id);
      if (ev.data.delta && p.sofar) p.resolve(p.sofar);
      else p.reject(new Error(ev.data.error ?? "analysis failed"));
    };
    this.worker.onerror = (ev) => {
      for (const p of this.pending.values()) p.reject(new Error(ev.message || "analysis worker failed"));
      this.pending.clear();
    };
  }

  /** Analyse `graph` (sent to the worker only when it changed) with `options`; `partial` gets the fast phase. */
  analyse(graph: ClusterGraph, options: AnalysisOptions, partial?: (a: Analysis) => void): { id: number; promise: Promise<Analysis> } {
    const id = this.next++;
    const message: { id: number; options: AnalysisOptions; graph?: unknown } = { id, options };
    if (graph !== this.sentGraph) {
      message.graph = graph.export();
      this.sentGraph = graph;
    }
    const promise = new Promise<Analysis>((resolve, reject) => this.pending.set(id, { resolve, reject, partial }));
    this.worker.postMessage(message);
    return { id, promise };
  }

  /** Stop the analysis under way: the worker is ended (and a new one started for the next request). */
  cancel(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error("cancelled"));
    this.pending.clear();
    this.start();
  }

  get latest(): number {
    return this.next - 1;
  }
}
