/// <reference lib="webworker" />
/**
 * Runs the analysis off the main thread so that the graph stays responsive while metrics compute. Large
 * views get two answers: the fast measures first, then everything.
 */
import { createClusterGraph } from "../../../src/model/graph.js";
import { analyse, HEAVY_WORK, viewOf, type AnalysisOptions } from "./compute.js";

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
    if (graph) {
      current = createClusterGraph();
      current.import(graph as never);
    }
    if (!current) throw new Error("no graph loaded");
    const v = viewOf(current, options.filter);
    let verdicts: ReturnType<typeof analyse> | undefined;
    if (v.order + v.size > HEAVY_WORK) {
      // Large views: the cheap measures first, then the verdicts, then the path-based centralities.
      post({ id, result: analyse(current, options, "fast"), final: false });
      verdicts = analyse(current, options, "verdicts");
      post({ id, result: verdicts, final: false });
    }
    post({ id, result: analyse(current, options, "full", verdicts), final: true });
  } catch (e) {
    post({ id, error: e instanceof Error ? e.message : String(e), final: true });
  }
};
