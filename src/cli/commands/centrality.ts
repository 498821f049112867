import type { Command } from "commander";
import { Option } from "commander";
import { centrality, type PathWeights } from "../../metrics/centrality.js";
import { load, numberOption, readOptions, viewOptions, viewUsed, type Context, type InputOptions } from "../common.js";
import { csvTable, fmt, table, toJson } from "../output.js";
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

const COLUMNS = ["inDegree", "outDegree", "inStrength", "outStrength", "betweenness", "closenessIn", "closenessOut", "pagerank", "eigenvector"] as const;

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
    .option("--alpha <d>", "PageRank damping", "0.85")
    .option("--csv", "print CSV")
    .option("--sort <column>", "sort the printed table by this column, highest first (default betweenness)", "betweenness");
  readOptions(viewOptions(cmd)).action(async (input: string, opts: CentralityCliOptions) => {
    const { view } = await load(input, opts, ctx);
    const r = centrality(view, {
      pathWeights: opts.pathWeights,
      spectralWeights: !opts.unweighted,
      normalized: opts.normalized,
      wassermanFaust: opts.wassermanFaust,
      alpha: numberOption("--alpha", opts.alpha, 0.85),
    });
    if (opts.json) {
      ctx.io.out(toJson("centrality", { input, view: viewUsed(opts), ...r }));
      return;
    }
    const rows = r.actors.map((a) => [a.id, ...COLUMNS.map((c) => a[c])]);
    if (opts.csv) {
      ctx.io.out(csvTable(["id", ...COLUMNS], rows));
      return;
    }
    const o = r.options;
    ctx.io.out(`Centrality on the knowledge-flow graph (ties: source gives knowledge to target; self-loops ignored)\n`);
    ctx.io.out(`betweenness/closeness: ${o.pathWeights === "none" ? "unweighted" : "path length = 1/strength"}${o.normalized ? ", betweenness normalised" : ""}; PageRank (α ${o.alpha}) and eigenvector: ${o.spectralWeights ? "weighted by strength" : "unweighted"}\n\n`);
    const ranked = rankedRows(view, ["id", ...COLUMNS], rows, opts.sort ?? "betweenness");
    ctx.io.out(`rows sorted by ${ranked.sortedBy}\n\n`);
    ctx.io.out(table(ranked.columns, ranked.rows));
    ctx.io.out(`\nFreeman degree centralisation (binary, loops excluded): in ${fmt(r.centralization.inDegree)}, out ${fmt(r.centralization.outDegree)}\n`);
    if (!r.convergence.eigenvector.converged) ctx.io.out("note: eigenvector centrality did not converge (no unique leading eigenvector, e.g. an acyclic graph): reported as NaN\n");
    if (!r.convergence.pagerank.converged) ctx.io.out("note: PageRank did not converge within the iteration limit\n");
  });
}
