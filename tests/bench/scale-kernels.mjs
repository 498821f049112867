/**
 * The in-process part of tests/bench/scale.ts on the compiled package (dist/, `npm run build`), run by plain
 * Node: import one generated tidy folder and time the kernels on it; prints one JSON line (milliseconds,
 * ties, peak memory in MB).
 *
 *   node tests/bench/scale-kernels.mjs <folder>
 */
import { performance } from "node:perf_hooks";
const dist = new URL("../../dist/", import.meta.url);
const { readInput } = await import(new URL("io/load.js", dist).href);
const { contextOf } = await import(new URL("model/context.js", dist).href);
const { brokerage } = await import(new URL("metrics/brokerage.js", dist).href);
const { constraint } = await import(new URL("metrics/structuralHoles.js", dist).href);
const { betweenness, pagerank } = await import(new URL("metrics/centrality.js", dist).href);
const { louvainCommunities } = await import(new URL("metrics/communities.js", dist).href);
const { pathSources } = await import(new URL("metrics/scale.js", dist).href);

const dir = process.argv[2];
const time = (f) => {
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
console.log(JSON.stringify({ ties: graph.size, actors: graph.order, import: importMs, digraph: digraphMs, brokerage: brokerageMs, constraint: constraintMs, pagerank: pagerankMs, louvain: louvainMs, betweenness: betweennessMs, betweennessMethod: sources.method, betweennessSources: sources.sources, peakMB: process.resourceUsage().maxRSS / 1024 }));
