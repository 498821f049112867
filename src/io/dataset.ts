/**
 * Example dataset folders: a planted cluster (src/model/plant.ts) rendered as `nodes.csv`, `ties.csv`,
 * `manifest.json` and `README.md`, the README stating that the data are a stylised reconstruction, the
 * source, the tie direction and every structural assumption the builder script made.
 *
 * {@link renderDataset} is pure (same planted cluster → same bytes); {@link runDatasetBuilder} writes the
 * files when a case script is run directly (`npx tsx datasets/<case>/build.ts [outDir]`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PlantedCluster } from "../model/plant.js";
import { deriveTieType } from "../model/tieType.js";
import { writeCsv } from "./csv.js";
import type { WriteResult } from "./format.js";
import { dict } from "../model/dict.js";

/** A structural assumption's warrant: the sentence of the source it rests on, as the case READMEs print it. */
export function sourceSentence(sentence: string): string {
  return `*Source:* “${sentence}”`;
}

/**
 * The mark of a structural assumption that no sentence of the source states: said plainly, with why the
 * reconstruction needs it. Every assumption of a case README carries {@link sourceSentence} or this.
 */
export function noSourceSentence(why: string): string {
  return `*No source sentence:* a modelling assumption — ${why}`;
}

export interface DatasetMeta {
  /** Folder name, e.g. taiwan-flowers. */
  name: string;
  title: string;
  /** Bibliographic source(s) of the qualitative case, as cited. */
  source: string;
  /** What the cluster is, in a paragraph. */
  summary: string;
  /** Every structural assumption: what is dense, what is sparse or missing, what lies outside. */
  assumptions: string[];
  /** What an analysis of the network should find (from the case study). */
  expected: string[];
  /** Meaning of each relation. */
  relations: Record<string, string>;
  /** Meaning of each free actor attribute. */
  attributes?: Record<string, string>;
  /** Meaning of each wave, when the case has waves. */
  waves?: Record<string, string>;
}

function counts<T>(items: readonly T[], key: (x: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m.entries()];
}

/** The files of an example dataset, as text. */
export function renderDataset(planted: PlantedCluster, meta: DatasetMeta): WriteResult {
  const actors = planted.actorsPlanted;
  const ties = planted.tiesPlanted;
  const extra = planted.attributeNames();
  const waves = planted.waves();
  const nodeRows: unknown[][] = [["id", "label", "kind", "inCluster", "stage", "group", ...extra]];
  for (const a of actors) nodeRows.push([a.id, a.label, a.kind, a.inCluster, a.stage, a.group, ...extra.map((k) => a.attributes[k])]);
  const tieHeader = ["source", "target", "relation", "weight", ...(waves.length > 0 ? ["wave"] : []), "tieType"];
  const tieRows: unknown[][] = [tieHeader];
  for (const t of ties) tieRows.push([t.source, t.target, t.relation, t.weight, ...(waves.length > 0 ? [t.wave] : []), ""]);

  const byId = new Map(actors.map((a) => [a.id, a]));
  const tieTypes = counts(ties, (t) => deriveTieType(byId.get(t.source)!, byId.get(t.target)!));
  const local = actors.filter((a) => a.inCluster).length;
  const sizes = {
    actors: actors.length,
    local,
    external: actors.length - local,
    ties: ties.length,
    byGroup: dict(counts(actors, (a) => a.group)),
    byKind: dict(counts(actors, (a) => a.kind)),
    byRelation: dict(counts(ties, (t) => t.relation)),
    ...(waves.length > 0 ? { byWave: dict(counts(ties, (t) => t.wave ?? "")) } : {}),
    byTieType: dict(tieTypes),
  };
  const manifest = {
    name: meta.name,
    title: meta.title,
    kind: "stylised reconstruction from a qualitative case study (not survey data)",
    files: ["nodes.csv", "ties.csv"],
    format: "tidy",
    direction: "flow",
    directionMeaning: "each tie is a knowledge flow: source gives knowledge to target",
    weightScale: "tie strength on a 0–3 survey scale; present ties are 1 (weak), 2 or 3 (strong)",
    relations: planted.relations(),
    ...(waves.length > 0 ? { waves } : {}),
    seed: planted.seed,
    builder: `datasets/${meta.name}/build.ts`,
    regenerate: `npx tsx datasets/${meta.name}/build.ts`,
    source: meta.source,
    sizes,
  };

  const lines: string[] = [];
  lines.push(`# ${meta.title}`, "");
  lines.push(
    "**A stylised reconstruction from a qualitative case study — NOT survey data.** No network data were ever",
    "collected for this cluster. The actors and ties below were planted by a seeded script",
    `(\`datasets/${meta.name}/build.ts\`, seed ${planted.seed}) so that the network has the shape the case study`,
    "describes in words. Use it to learn the tools and to see what a diagnosis looks like, not as evidence about",
    "the cluster.",
    "",
  );
  lines.push(meta.summary, "");
  lines.push("## Source", "", meta.source, "");
  lines.push(
    "## Tie direction",
    "",
    "Every tie is a **knowledge flow: `source` gives knowledge to `target`** (read with `--direction flow`, the",
    "default). A survey answer \"A asks B for advice\" would be stored here as the tie B → A.",
    "",
  );
  lines.push("## Files", "");
  lines.push(
    `- \`nodes.csv\` — ${actors.length} actors: \`id\`, \`label\`, \`kind\`, \`inCluster\` (false = outside the cluster), \`stage\` (value-chain step), \`group\`${extra.length ? `, ${extra.map((x) => `\`${x}\``).join(", ")}` : ""}.`,
  );
  for (const [k, v] of Object.entries(meta.attributes ?? {})) lines.push(`  - \`${k}\`: ${v}`);
  lines.push(
    `- \`ties.csv\` — ${ties.length} ties: \`source\`, \`target\`, \`relation\`, \`weight\` (strength on the 0–3 survey scale; present ties are 1 = weak, 2, 3 = strong)${waves.length ? ", `wave`" : ""}, \`tieType\` (left empty: derived from the actors — external when one end is outside, vertical across stages, horizontal within a stage).`,
  );
  for (const [k, v] of Object.entries(meta.relations)) lines.push(`  - relation \`${k}\`: ${v}`);
  for (const [k, v] of Object.entries(meta.waves ?? {})) lines.push(`  - wave \`${k}\`: ${v}`);
  lines.push("- `manifest.json` — name, files, direction, relations, seed, builder script, source, sizes.", "");
  lines.push("## Sizes", "");
  lines.push(`${actors.length} actors (${local} inside the cluster, ${actors.length - local} outside), ${ties.length} ties.`, "");
  lines.push("| group | actors |", "|---|---:|");
  for (const [g, n] of Object.entries(sizes.byGroup)) lines.push(`| ${g} | ${n} |`);
  lines.push("", "| kind | actors |", "|---|---:|");
  for (const [k, n] of Object.entries(sizes.byKind)) lines.push(`| ${k} | ${n} |`);
  lines.push("", "| relation | ties |", "|---|---:|");
  for (const [r, n] of Object.entries(sizes.byRelation)) lines.push(`| ${r} | ${n} |`);
  lines.push("", "| tie type (derived) | ties |", "|---|---:|");
  for (const [t, n] of tieTypes) lines.push(`| ${t} | ${n} |`);
  lines.push("", "## Structural assumptions", "");
  lines.push("Everything the script assumed; anything not listed here is not in the data.", "");
  for (const a of meta.assumptions) lines.push(`- ${a}`);
  lines.push("", "## What the analysis should find", "");
  for (const e of meta.expected) lines.push(`- ${e}`);
  lines.push("", "## Regenerate", "");
  lines.push("```sh", `npx tsx datasets/${meta.name}/build.ts            # rewrites the files in this folder, byte for byte`, `npx tsx datasets/${meta.name}/build.ts /tmp/out   # or into another folder`, "```", "");
  lines.push("Try it:", "", "```sh", `npx clusterflow validate datasets/${meta.name}`, `npx clusterflow report datasets/${meta.name}`, "```", "");

  return [
    { name: "nodes.csv", data: writeCsv(nodeRows) },
    { name: "ties.csv", data: writeCsv(tieRows) },
    { name: "manifest.json", data: JSON.stringify(manifest, null, 2) + "\n" },
    { name: "README.md", data: lines.join("\n") },
  ];
}

/**
 * Run a case builder script: when `moduleUrl` is the script Node was started with, render the dataset and
 * write it into `process.argv[2]` (default: the script's own folder). Returns the files either way.
 */
export function runDatasetBuilder(moduleUrl: string, build: () => { planted: PlantedCluster; meta: DatasetMeta }): WriteResult | undefined {
  const self = fileURLToPath(moduleUrl);
  const started = process.argv[1] ? resolve(process.argv[1]) : "";
  if (started !== self && started.replace(/\.ts$/, "") !== self.replace(/\.ts$/, "")) return undefined;
  const { planted, meta } = build();
  const files = renderDataset(planted, meta);
  const out = resolve(process.argv[2] ?? dirname(self));
  mkdirSync(out, { recursive: true });
  for (const f of files) writeFileSync(join(out, f.name), f.data);
  process.stdout.write(`${meta.name}: ${planted.actorsPlanted.length} actors, ${planted.tiesPlanted.length} ties → ${out}\n`);
  return files;
}
