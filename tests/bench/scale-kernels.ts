/**
 * The in-process part of `tests/bench/scale.ts`: import one generated tidy folder and time the kernels on
 * it, printing one JSON line (milliseconds, ties, peak memory in MB).
 *
 *   npx tsx tests/bench/scale-kernels.ts <folder>
 */
import { performance } from "node:perf_hooks";
import { readInput } from "../../src/io/load.js";
import { contextOf } from "../../src/model/context.js";
import { brokerage } from "../../src/metrics/brokerage.js";
import { constraint } from "../../src/metrics/structuralHoles.js";
import { betweenness, pagerank } from "../../src/metrics/centrality.js";
import { louvainCommunities } from "../../src/metrics/communities.js";
import { pathSources } from "../../src/metrics/scale.js";

const dir = process.argv[2];
const time = <T>(f: () => T): [number, T] => {
  const t0 = performance.now();
  const v = f();
  return [performance.now() - t0, v];
};
const t0 = performance.now();
const { graph } = await readInput(dir, {});
const importMs = performance.now() - t0;
const ctx = contextOf(graph);
const [digraphMs, g] = time(() => ctx.digraph("sum"));
const [brokerageMs] = time(() => brokerage(ctx, { partition: "inCluster" }));
const [constraintMs] = time(() => constraint(g));
const [pagerankMs] = time(() => pagerank(g, { tolerance: 1e-10 }));
const [louvainMs] = time(() => louvainCommunities(g, { seed: 1 }));
const sources = pathSources(g.n, g.n + g.arcs, { seed: 1 });
const [betweennessMs] = time(() => betweenness(g, { sources }));
console.log(
  JSON.stringify({
    ties: graph.size,
    actors: graph.order,
    import: importMs,
    digraph: digraphMs,
    brokerage: brokerageMs,
    constraint: constraintMs,
    pagerank: pagerankMs,
    louvain: louvainMs,
    betweenness: betweennessMs,
    betweennessMethod: sources.method,
    betweennessSources: sources.sources,
    peakMB: process.resourceUsage().maxRSS / 1024,
  }),
);
