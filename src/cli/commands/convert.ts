import type { Command } from "commander";
import { Option } from "commander";
import { outputFormat, writeOutput } from "../../io/load.js";
import { InputError } from "../../io/report.js";
import { parseRoundSpecs } from "../../io/rounds.js";
import { load, readOptions, viewOptions, viewUsed, type Context, type InputOptions } from "../common.js";
import { analysisJson } from "../output.js";

interface ConvertOptions extends InputOptions {
  output: string;
  to?: string;
  writeDirection?: "flow" | "asks";
}

/**
 * `clusterflow convert <input> -o <output> [--to <format>]` — between tidy, matrix, roster, json (and the other
 * registered writers). What a writer merges or leaves out is printed as notes.
 */
export function registerConvert(program: Command, ctx: Context): void {
  const cmd = program
    .command("convert")
    .argument("<input>", "dataset folder or file")
    .requiredOption("-o, --output <path>", "output file, or folder for tidy (nodes.csv + ties.csv)")
    .option("--to <format>", "output format (tidy, matrix, roster, json, …); default from the output's extension, a path without extension = tidy folder")
    .addOption(new Option("--write-direction <convention>", "matrix and roster output: flow = row gives knowledge to column (matrix default); asks = row asks column (roster default)").choices(["flow", "asks"]))
    .description("convert a network between formats (the view options select relations, waves, tie types)");
  readOptions(viewOptions(cmd)).action(async (input: string, opts: ConvertOptions) => {
    // Each relation's ties are written as ties of their own (a writer that cannot tell relations apart says so).
    opts.comparesRelations = true;
    const loaded = await load(input, opts, ctx);
    const { view, format } = loaded;
    const out = outputFormat(opts.output, opts.to);
    if (!out.write) throw new InputError(`format ${out.name} cannot be written`);
    const notes: string[] = [];
    const relation = opts.relation && opts.relation.length === 1 ? opts.relation[0] : undefined;
    const labels = parseRoundSpecs(opts.wave).labels;
    const wave = labels.length === 1 ? labels[0] : undefined;
    const written = await writeOutput(view, opts.output, out, { relation, wave, direction: opts.writeDirection, notes });
    if (opts.json) {
      ctx.io.out(analysisJson("convert", loaded, viewUsed(opts), { from: format.name, to: out.name, written, counts: { actors: view.order, ties: view.size }, notes }));
      return;
    }
    ctx.io.out(`${input} (${format.name}) → ${out.name}: ${view.order} actors, ${view.size} ties\n`);
    for (const w of written) ctx.io.out(`  wrote ${w}\n`);
    for (const n of notes) ctx.io.out(`  note: ${n}\n`);
  });
}
