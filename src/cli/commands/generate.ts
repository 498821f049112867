import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import { extensionOf } from "../../io/format.js";
import { GENERATE_DEFAULTS, GenerateSpecError, generateCluster, generatedSummary, generatedToGraph, type GenerateSpec } from "../../model/generate.js";
import { intOption, numberOption, type Context } from "../common.js";
import { UsageError } from "../errors.js";
import { toJson } from "../output.js";

interface GenerateOptions {
  actors?: string;
  groups?: string;
  groupShares?: string;
  within?: string;
  between?: string;
  ties?: string;
  external?: string;
  openness?: string;
  inflow?: string;
  hubs?: string;
  hubWeight?: string;
  tail?: string;
  relations?: string;
  waves?: string;
  persistence?: string;
  stages?: string;
  seed?: string;
  name?: string;
  format?: string;
  json?: boolean;
}

const names = (v: string | undefined) => v?.split(",").map((s) => s.trim()).filter(Boolean);

/** Write text chunks to a file as they come. */
function streamTo(path: string, produce: (sink: (chunk: string) => void) => void): void {
  const fd = openSync(path, "w");
  try {
    produce((chunk) => {
      writeSync(fd, chunk);
    });
  } finally {
    closeSync(fd);
  }
}

/**
 * `clusterflow generate <output>` — a synthetic cluster (planted groups, external actors with a set openness,
 * hubs, heavy-tailed activity, relations and waves), seeded, written as a tidy folder (streamed) or in any
 * format with a writer; the specification, seed and realised sizes go in a manifest.
 */
export function registerGenerate(program: Command, ctx: Context): void {
  const d = GENERATE_DEFAULTS;
  program
    .command("generate")
    .argument("<output>", "output folder (tidy: nodes.csv, ties.csv, manifest.json) or file (format from the extension or --format)")
    .description("generate a synthetic cluster of any size: planted groups, outside actors, hubs, heavy tails, relations, waves (seeded)")
    .option("--actors <n>", `local actors (default ${d.actors})`)
    .option("--groups <n>", `planted groups among local actors (default ${d.groups})`)
    .option("--group-shares <list>", "relative group sizes, comma-separated (default: equal)")
    .option("--within <density>", `tie density within a group, per relation and wave (default ${d.within})`)
    .option("--between <density>", `tie density between groups, per relation and wave (default ${d.between})`)
    .option("--ties <n>", "expected total number of ties: scales --within and --between (ratio kept)")
    .option("--external <n>", "external actors (default: a tenth of the local actors, at least 1)")
    .option("--openness <share>", `share of ties with one end outside the cluster (default ${d.openness})`)
    .option("--inflow <share>", `share of external ties flowing into the cluster (default ${d.inflow})`)
    .option("--hubs <n>", `hub actors (default ${d.hubs})`)
    .option("--hub-weight <x>", `activity multiplier of hubs (default ${d.hubWeight})`)
    .option("--tail <alpha>", `Pareto exponent of actor activity, > 1 (smaller = heavier tail); 0 = none (default ${d.tail})`)
    .option("--relations <names>", `relations, comma-separated (default ${d.relations.join(",")})`)
    .option("--waves <n>", `survey waves (default ${d.waves})`)
    .option("--persistence <p>", `probability a tie persists from one wave to the next (default ${d.persistence})`)
    .option("--stages <names>", `value-chain stages, comma-separated (default ${d.stages.join(",")})`)
    .option("--seed <n>", `random seed (default ${d.seed})`)
    .option("--name <text>", "name recorded in the manifest")
    .option("--format <name>", "output format (tidy, json, gexf, graphml, …); default from the output's extension, none = tidy folder")
    .option("--json", "print one JSON document (the manifest)")
    .action(async (output: string, opts: GenerateOptions) => {
      const [{ streamGeneratedNodes, streamGeneratedTies }, { outputFormat, writeOutput }] = await Promise.all([import("../../io/generated.js"), import("../../io/load.js")]);
      const actors = intOption("--actors", opts.actors, d.actors, 2);
      const shares = names(opts.groupShares)?.map((s) => numberOption("--group-shares", s, 1));
      const partial: Partial<GenerateSpec> = {
        actors,
        groups: intOption("--groups", opts.groups, d.groups, 1),
        groupShares: shares,
        within: numberOption("--within", opts.within, d.within),
        between: numberOption("--between", opts.between, d.between),
        ties: opts.ties === undefined ? undefined : intOption("--ties", opts.ties, 0, 0),
        external: intOption("--external", opts.external, Math.max(1, Math.round(actors / 10)), 0),
        openness: numberOption("--openness", opts.openness, d.openness),
        inflow: numberOption("--inflow", opts.inflow, d.inflow),
        hubs: intOption("--hubs", opts.hubs, d.hubs, 0),
        hubWeight: numberOption("--hub-weight", opts.hubWeight, d.hubWeight),
        tail: numberOption("--tail", opts.tail, d.tail),
        relations: names(opts.relations) ?? d.relations,
        waves: intOption("--waves", opts.waves, d.waves, 1),
        persistence: numberOption("--persistence", opts.persistence, d.persistence),
        stages: names(opts.stages) ?? d.stages,
        seed: intOption("--seed", opts.seed, d.seed, 0, 2 ** 32 - 1),
        name: opts.name ?? `synthetic cluster (seed ${opts.seed ?? d.seed})`,
      };
      const format = outputFormat(output, opts.format);
      if (!format.write) throw new UsageError(`format ${format.name} cannot be written`);
      const started = performance.now();
      let g;
      try {
        g = generateCluster(partial);
      } catch (e) {
        if (e instanceof GenerateSpecError) throw new UsageError(e.message);
        throw e;
      }
      const generatedMs = performance.now() - started;
      const folder = format.name === "tidy" && extensionOf(output) === "";
      let written: string[];
      let manifestPath: string;
      if (folder) {
        mkdirSync(output, { recursive: true });
        const nodes = join(output, "nodes.csv");
        const ties = join(output, "ties.csv");
        streamTo(nodes, (sink) => streamGeneratedNodes(g, sink));
        streamTo(ties, (sink) => streamGeneratedTies(g, sink));
        written = [nodes, ties];
        manifestPath = join(output, "manifest.json");
      } else {
        if (format.name === "tidy") throw new UsageError(`${output}: tidy output is a folder; give a path without extension`);
        written = await writeOutput(generatedToGraph(g), output, format, {});
        manifestPath = `${output}.manifest.json`;
        mkdirSync(dirname(manifestPath), { recursive: true });
      }
      const manifest = {
        name: g.spec.name,
        kind: "synthetic cluster generated by clusterflow generate (planted groups, degree-corrected)",
        files: [...written.map((w) => w.slice(dirname(manifestPath).length + 1))],
        format: format.name,
        direction: "flow",
        directionMeaning: "each tie is a knowledge flow: source gives knowledge to target",
        relations: g.spec.relations,
        seed: g.spec.seed,
        spec: g.spec,
        densityScale: g.densityScale,
        sizes: generatedSummary(g),
        regenerate: `clusterflow generate ${output} ${regenerateArgs(g.spec, opts)}`.trim(),
      };
      writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
      written.push(manifestPath);
      const totalMs = performance.now() - started;
      if (opts.json) {
        // The common head where it applies: no input was read (so no import report), the format written and
        // the direction of the ties (generated ties are knowledge flows).
        ctx.io.out(toJson("generate", { output, format: format.name, direction: "flow", written, manifest, timing: { generateMs: Math.round(generatedMs), totalMs: Math.round(totalMs) } }));
        return;
      }
      const s = manifest.sizes as { actors: number; local: number; external: number; ties: number };
      ctx.io.out(`${output} (${format.name}): ${s.actors} actors (${s.local} local, ${s.external} outside), ${s.ties} ties; seed ${g.spec.seed}\n`);
      for (const w of written) ctx.io.out(`  wrote ${w}\n`);
    });
}

/** The options that reproduce a run, for the manifest. */
function regenerateArgs(spec: GenerateSpec, opts: GenerateOptions): string {
  const parts: string[] = [];
  const add = (flag: string, v: unknown) => v !== undefined && parts.push(`${flag} ${/^[\w.,:/+-]+$/.test(String(v)) ? v : JSON.stringify(String(v))}`);
  add("--actors", spec.actors);
  add("--groups", spec.groups);
  add("--group-shares", opts.groupShares);
  add("--within", opts.ties === undefined ? spec.within : opts.within);
  add("--between", opts.ties === undefined ? spec.between : opts.between);
  add("--ties", opts.ties);
  add("--external", spec.external);
  add("--openness", spec.openness);
  add("--inflow", spec.inflow);
  add("--hubs", spec.hubs);
  add("--hub-weight", spec.hubWeight);
  add("--tail", spec.tail);
  add("--relations", spec.relations.join(","));
  add("--waves", spec.waves);
  add("--persistence", spec.persistence);
  add("--stages", spec.stages.join(","));
  add("--seed", spec.seed);
  add("--format", opts.format);
  return parts.join(" ");
}
