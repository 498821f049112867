import type { Command } from "commander";
import { Option } from "commander";
import type { PathWeights } from "../../metrics/centrality.js";
import { load, probabilityOption, readOptions, viewOptions, viewUsed, type Context, type InputOptions } from "../common.js";
import { fmt, table, analysisJson } from "../output.js";
import { CENTRALITY_COLUMNS as COLUMNS, centralityCsv, centralityRows } from "../centralityTable.js";
import { rankedRows } from "../ranked.js";

interface CentralityCliOptions extends InputOptions {
  csv?: boolean;
  sort?: string;
  pathWeights?: PathWeights;
  unweighted?: boolean;
  normalized?: boolean;
  wassermanFaust?: boolean;
  alpha?: string;
}

/** `clusterflow centrality <input>` — degree, strength, betweenness, closeness, PageRank, eigenvector per actor. */
export function registerCentrality(program: Command, ctx: Context): void {
  const cmd = program
    .command("centrality")
    .argument("<input>", "dataset folder or file")
    .description("centrality of every actor on the knowledge-flow graph, and Freeman in/out-degree centralisation")
    .addOption(new Option("--path-weights <w>", "betweenness/closeness path lengths: none (every tie 1) or inverse (1/strength)").choices(["none", "inverse"]).default("none"))
    .option("--unweighted", "PageRank and eigenvector ignore tie strengths")
    .option("--normalized", "betweenness divided by (n−1)(n−2)")
    .option("--wasserman-faust", "closeness multiplied by the share of actors reached")
    .option("--alpha <d>", "PageRank damping, a probability in (0, 1]", "0.85")
    .option("--csv", "print CSV")
    .option("--sort <column>", "sort the printed table by this column, highest first (default betweenness)", "betweenness");
  readOptions(viewOptions(cmd)).action(async (input: string, opts: CentralityCliOptions) => {
    const { centrality } = await import("../../metrics/centrality.js");
    const loaded = await load(input, opts, ctx);
    const { view } = loaded;
    const r = centrality(view, {
      pathWeights: opts.pathWeights,
      spectralWeights: !opts.unweighted,
      normalized: opts.normalized,
      wassermanFaust: opts.wassermanFaust,
      alpha: probabilityOption("--alpha", opts.alpha, 0.85),
    });
    if (opts.json) {
      ctx.io.out(analysisJson("centrality", loaded, viewUsed(opts), r));
      return;
    }
    if (opts.csv) {
      ctx.io.out(centralityCsv(r.actors));
      return;
    }
    const rows = centralityRows(r.actors);
    const o = r.options;
    ctx.io.out(`Centrality on the knowledge-flow graph (ties: source gives knowledge to target; self-loops ignored)\n`);
    ctx.io.out(`betweenness/closeness: ${o.pathWeights === "none" ? "unweighted" : "path length = 1/strength"}${o.normalized ? ", betweenness normalised" : ""}; PageRank (α ${o.alpha}) and eigenvector: ${o.spectralWeights ? "weighted by strength" : "unweighted"}\n\n`);
    const ranked = rankedRows(view, ["id", ...COLUMNS], rows, opts.sort ?? "betweenness");
    ctx.io.out(`rows sorted by ${ranked.sortedBy}\n\n`);
    ctx.io.out(table(ranked.columns, ranked.rows));
    ctx.io.out(`\nFreeman degree centralisation (binary, loops excluded): in ${fmt(r.centralization.inDegree)}, out ${fmt(r.centralization.outDegree)}\n`);
    if (!r.convergence.eigenvector.converged) ctx.io.out("note: eigenvector centrality did not converge (no unique leading eigenvector, e.g. an acyclic graph): reported as n/a (null in --json)\n");
    if (!r.convergence.pagerank.converged) ctx.io.out("note: PageRank did not converge within the iteration limit\n");
  });
}
