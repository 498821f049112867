import type { Command } from "commander";
import { load, readOptions, viewOptions, viewUsed, type Context, type InputOptions } from "../common.js";
import { csvTable, table, analysisJson } from "../output.js";
import { rankedRows } from "../ranked.js";

interface HolesCliOptions extends InputOptions {
  csv?: boolean;
  sort?: string;
  unweighted?: boolean;
}

const COLUMNS = ["alters", "effectiveSize", "efficiency", "constraint", "hierarchy"] as const;

/** `clusterflow holes <input>` — Burt's effective size, efficiency, constraint and hierarchy per actor. */
export function registerHoles(program: Command, ctx: Context): void {
  const cmd = program
    .command("holes")
    .argument("<input>", "dataset folder or file")
    .description("Burt's structural holes per actor: effective size, efficiency, constraint, hierarchy")
    .option("--unweighted", "count every tie as 1 instead of using tie strengths")
    .option("--csv", "print CSV")
    .option("--sort <column>", "sort the printed table by this column (default effectiveSize, highest first; constraint sorts lowest first)", "effectiveSize");
  readOptions(viewOptions(cmd)).action(async (input: string, opts: HolesCliOptions) => {
    const { structuralHoles } = await import("../../metrics/structuralHoles.js");
    const loaded = await load(input, opts, ctx);
    const { view } = loaded;
    const r = structuralHoles(view, { weighted: !opts.unweighted });
    if (opts.json) {
      ctx.io.out(analysisJson("holes", loaded, viewUsed(opts), r));
      return;
    }
    const rows = r.actors.map((a) => [a.id, ...COLUMNS.map((c) => a[c])]);
    if (opts.csv) {
      ctx.io.out(csvTable(["id", ...COLUMNS], rows));
      return;
    }
    ctx.io.out(`Structural holes (alters = actors tied either way; mutual strength a_ij + a_ji, ${r.options.weighted ? "tie strengths" : "every tie 1"}; n/a = undefined)\n\n`);
    const by = opts.sort ?? "effectiveSize";
    const ranked = rankedRows(view, ["id", ...COLUMNS], rows, by, by === "constraint" || by === "hierarchy");
    ctx.io.out(`rows sorted by ${ranked.sortedBy}\n\n`);
    ctx.io.out(table(ranked.columns, ranked.rows));
  });
}
