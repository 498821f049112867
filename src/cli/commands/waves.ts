import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Command } from "commander";
import { Option } from "commander";
import { parseRoundSpecs } from "../../io/rounds.js";
import { intOption, load, readOptions, viewOptions, viewUsed, type Context, type InputOptions } from "../common.js";
import { analysisJson } from "../output.js";
import { UsageError } from "../errors.js";

interface WavesCliOptions extends InputOptions {
  by?: string[];
  to?: "text" | "md" | "json" | "html";
  output?: string;
  seed?: string;
  reps?: string;
  diagnosis?: boolean;
}

const list = (v: string, prev: string[] = []) => [...prev, ...v.split(",").map((s) => s.trim()).filter(Boolean)];

/**
 * `clusterflow waves <input>` — what changed between survey rounds: per round (actors present, ties,
 * reciprocated ties, average degree, missing fraction, transitive triplets, 3-cycles), between consecutive
 * rounds (0→0 / 0→1 / 1→0 / 1→1, Hamming distance, Jaccard index) per relation, per actor (ties created,
 * dissolved, kept), persistence and creation by dyad property, and the rounds' verdicts, gatekeeper ranks and
 * cognitive roles side by side.
 */
export function registerWaves(program: Command, ctx: Context): void {
  const cmd = program
    .command("waves")
    .argument("<input>", "dataset folder or file with several rounds (a wave column), a rounds folder, or none with --wave <round>=<file> …")
    .description("change between survey rounds: ties created, kept and dissolved (RSiena's change table, Hamming, Jaccard), who entered and left, persistence by dyad property, and verdicts, gatekeeper ranks and roles per round")
    .option("--by <attributes>", "categorical actor attributes for the persistence and creation breakdown (comma-separated)", list)
    .addOption(new Option("--to <format>", "output format").choices(["text", "md", "json", "html"]).default("text"))
    .option("-o, --output <file>", "write to this file instead of standard output")
    .option("--seed <n>", "seed of the per-round diagnoses (permutation tests, Louvain)", "1")
    .option("--reps <n>", "label permutations of the E-I test in each round's diagnosis", "2000")
    .option("--no-diagnosis", "leave out the side-by-side verdicts, gatekeeper ranks and roles (faster)");
  readOptions(viewOptions(cmd)).action(async (input: string, opts: WavesCliOptions) => {
    const to = opts.json ? "json" : (opts.to ?? "text");
    const [{ roundsSideBySide }, { waves }, { documentHtml, documentMarkdown, documentText, wavesDocument }] = await Promise.all([import("../../diagnosis/roundComparison.js"), import("../../metrics/waves.js"), import("../../report/waves.js")]);
    const loaded = await load(input, { ...opts, poolWaves: false, comparesRounds: true }, ctx);
    const { labels } = parseRoundSpecs(opts.wave);
    const rounds = labels.length > 0 ? loaded.rounds.used : loaded.rounds.available;
    if (rounds.length === 0) throw new UsageError(`${input}: the network has no survey rounds (no tie carries a wave); read rounds with --wave <round>=<file> or give a file with a wave column`);
    // loaded.view holds only the selected round; the comparison needs every round of the filtered network.
    const source = loaded.allRounds();
    const w = waves(source, { rounds, attributes: opts.by });
    const seed = intOption("--seed", opts.seed, 1);
    const side = opts.diagnosis === false ? undefined : roundsSideBySide(source, { rounds, seed, reps: intOption("--reps", opts.reps, 2000) });
    let text: string;
    if (to === "json") {
      const { diagnoses: _d, ...sideJson } = side ?? { diagnoses: [] };
      const diagnosisOptions = side?.diagnoses[0]?.options ?? null;
      text = analysisJson("waves", loaded, { ...viewUsed(opts), wave: rounds, rounds: { used: rounds, pooled: false, statement: `rounds ${rounds.join(", ")} compared, each analysed on its own` } }, { seed, ...w, sideBySide: side ? { ...sideJson, diagnosisOptions } : null });
    } else {
      const doc = wavesDocument(w, side, { input });
      text = to === "md" ? documentMarkdown(doc) : to === "html" ? documentHtml(doc, w, side) : documentText(doc, opts.output ? undefined : ctx.io.width);
    }
    if (opts.output) {
      mkdirSync(dirname(opts.output), { recursive: true });
      writeFileSync(opts.output, text);
      if (!opts.quiet) ctx.io.err(`wrote ${opts.output} (${to})\n`);
    } else ctx.io.out(text);
  });
}

