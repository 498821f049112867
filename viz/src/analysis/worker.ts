/// <reference lib="webworker" />
/**
 * Runs the analysis off the main thread so that the graph stays responsive while metrics compute. Large
 * views get three answers: the fast measures, then the verdicts, then the path-based centralities (two
 * on a re-analysis: the verdicts with the fast measures, then the path-based centralities). Each
 * answer carries only what the phase added (analysisDelta): a measure crosses the worker boundary once.
 */
import { createClusterGraph } from "../../../src/model/graph.js";
import { analyse, analysisDelta, HEAVY_WORK, viewOf, type Analysis, type AnalysisOptions } from "./compute.js";

interface Request {
  id: number;
  graph?: object;
  options: AnalysisOptions;
}

let current: ReturnType<typeof createClusterGraph> | undefined;
const post = (m: object) => (self as unknown as Worker).postMessage(m);

self.onmessage = (ev: MessageEvent<Request>) => {
  const { id, graph, options } = ev.data;
  try {
    const t0 = performance.now();
    if (graph) {
      current = createClusterGraph();
      current.import(graph as never);
    }
    const received = performance.now() - t0;
    if (!current) throw new Error("no graph loaded");
    const v = viewOf(current, options.filter);
    let last: Analysis | undefined;
    if (v.order + v.size > HEAVY_WORK) {
      // Large views: the cheap measures first, then the verdicts, then the path-based centralities. A new
      // view of the graph already shown (a filter) has its verdicts first: the map still shows the
      // measures of the last view meanwhile.
      for (const phase of graph ? (["fast", "verdicts"] as const) : (["verdicts"] as const)) {
        const next = analyse(current, options, phase, last);
        if (graph) next.timings["graph received"] ??= Math.round(received * 10) / 10;
        post({ id, delta: analysisDelta(last, next), phase, final: false });
        last = next;
      }
    }
    const full = analyse(current, options, "full", last);
    if (graph) full.timings["graph received"] ??= Math.round(received * 10) / 10;
    post({ id, delta: analysisDelta(last, full), phase: "full", final: true });
  } catch (e) {
    post({ id, error: e instanceof Error ? e.message : String(e), final: true });
  }
};
