/**
 * Survey rounds read from one file (or dataset folder) per round and combined into one network whose ties
 * carry the round as `wave`.
 *
 * From the command line: `--wave 2012=round1.csv --wave 2015=round2.csv` (any number of rounds, any
 * single-network format, each read with the ordinary readers of io/formats.ts), or a rounds folder: a folder
 * whose entries are named `wave-<round>` or `round-<round>` (files such as `wave-2012.csv`, or dataset
 * subfolders such as `wave-2012/`), read in round order.
 *
 * Combining: actors are the union of the rounds' actors (attributes from the first round that lists an actor;
 * later rounds only fill attributes still unset); every tie gets its round's label; missing cells, RSiena
 * structural codes and non-respondents are kept per round. Presence: the actors listed in a round's file are
 * present in that round (graph attribute `presence`), unless a presence table (`present_<round>` attributes)
 * says otherwise (model/rounds.ts). An actor listed with no tie in or out in a round (an all-zero row and
 * column) is only *suggested* as absent in the import report — never taken as absent unless the user asks
 * (`absentIfIsolated`, `--absent-if-isolated`).
 */
import { dict } from "../model/dict.js";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { addActor, addTie, createClusterGraph } from "../model/graph.js";
import type { ActorAttributes, ClusterGraph, NominationDirection } from "../model/types.js";
import { compareRounds, type RecordedCell } from "../model/rounds.js";
import { joinActorAttributes } from "./actorAttributes.js";
import { finishImport, type Format, type ImportResult, type ReadOptions } from "./format.js";
import { readInput, type ReadInputOptions } from "./load.js";
import { ImportReport, InputError } from "./report.js";

/** One round: its label and the file or folder holding its network. */
export interface RoundSource {
  wave: string;
  path: string;
}

/** A `--wave` value naming a round file: `<round>=<path>`. */
export const ROUND_SPEC = /^([^=]+)=(.+)$/;

/** Split `--wave` values into round files (`2012=file`) and bare round labels (a view filter). */
export function parseRoundSpecs(values: string[] = []): { sources: RoundSource[]; labels: string[] } {
  const sources: RoundSource[] = [];
  const labels: string[] = [];
  for (const v of values) {
    const m = ROUND_SPEC.exec(v);
    if (m) sources.push({ wave: m[1].trim(), path: m[2].trim() });
    else labels.push(v);
  }
  return { sources, labels };
}

const ROUND_ENTRY = /^(?:wave|round)[-_ ]?(.+?)(\.(?:csv|tsv|txt|json|gexf|graphml|net|paj|dl|xlsx))?$/i;

/**
 * The rounds of a rounds folder (entries `wave-<round>` / `round-<round>`, files or subfolders), in round
 * order; undefined when the folder has no such entry.
 */
export function roundsFolder(folder: string): { sources: RoundSource[]; others: string[] } | undefined {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return undefined;
  const names = readdirSync(folder).sort();
  const sources: RoundSource[] = [];
  const others: string[] = [];
  for (const n of names) {
    const m = ROUND_ENTRY.exec(n);
    if (m && (m[2] !== undefined || statSync(join(folder, n)).isDirectory())) sources.push({ wave: m[1], path: join(folder, n) });
    else others.push(n);
  }
  if (sources.length === 0) return undefined;
  sources.sort((a, b) => compareRounds(a.wave, b.wave));
  return { sources, others };
}

export interface ReadRoundsOptions extends ReadInputOptions {
  /** Actor attribute files joined after the rounds are combined (io/actorAttributes.ts). */
  attributes?: string[];
  /** Take actors with no tie in or out in a round as absent from it (off by default; suggested in the report). */
  absentIfIsolated?: boolean;
}

function readAttributeFile(path: string) {
  if (!existsSync(path)) throw new InputError(`${path}: no such attribute file`);
  return { name: path, text: readFileSync(path, "utf8") };
}

/** Join `--attributes` files to a graph (used for rounds and for a single input alike). */
export function joinAttributeFiles(graph: ClusterGraph, paths: string[], report: ImportReport): void {
  for (const p of paths) joinActorAttributes(graph, readAttributeFile(p), report);
}

/** Read every round with the ordinary readers and combine them (see the module comment). */
export async function readRounds(sources: RoundSource[], options: ReadRoundsOptions = {}): Promise<ImportResult & { format: Format }> {
  if (sources.length === 0) throw new InputError("no rounds to read");
  const seen = new Set<string>();
  for (const s of sources) {
    if (seen.has(s.wave)) throw new InputError(`round ${s.wave} is given twice`);
    seen.add(s.wave);
  }
  const direction: NominationDirection = options.direction ?? "flow";
  const report = new ImportReport("rounds", direction);
  const graph = createClusterGraph({ direction });
  const presence: Record<string, string[]> = dict();
  const missing: RecordedCell[] = [];
  const structural: RecordedCell[] = [];
  const nonResp: Record<string, Record<string, string[]>> = dict();
  const formats = new Set<string>();
  let firstFormat: Format | undefined;
  for (const src of sources) {
    const r = await readInput(src.path, { ...options, wave: src.wave });
    firstFormat ??= r.format;
    formats.add(r.format.name);
    for (const i of r.report.issues) report.add(i);
    for (const f of r.report.files) report.files.push(f);
    for (const [k, v] of Object.entries(r.report.counts)) if (k !== "actors" && k !== "ties") report.count(k, v);
    for (const [table, attrs] of Object.entries(r.report.attributes)) report.attributes[`${src.wave}: ${table}`] = attrs;
    for (const n of r.report.notes) report.note(`round ${src.wave} (${src.path}): ${n}`);
    const g = r.graph;
    const ids = g.nodes();
    presence[src.wave] = ids;
    for (const id of ids) {
      const a = g.getNodeAttributes(id);
      if (!graph.hasNode(id)) addActor(graph, id, { ...a });
      else {
        const have = graph.getNodeAttributes(id);
        const fill: Partial<ActorAttributes> = {};
        for (const [k, v] of Object.entries(a)) if (have[k] === undefined) fill[k] = v;
        if (Object.keys(fill).length) graph.mergeNodeAttributes(id, fill);
      }
    }
    const relabelled = new Set<string>();
    const touched = new Set<string>();
    g.forEachEdge((_k, a, s, t) => {
      const { wave, tieType, tieTypeGiven, ...rest } = a;
      if (wave !== undefined && wave !== src.wave) relabelled.add(wave);
      addTie(graph, s, t, { ...rest, wave: src.wave, ...(tieTypeGiven ? { tieType } : {}) });
      touched.add(s);
      touched.add(t);
    });
    if (relabelled.size > 0) report.warn(src.path, "wave-relabelled", `ties labelled wave ${[...relabelled].join(", ")} in the file were labelled round ${src.wave}`, {}, "give each round its own file, or read the file as one input (its wave column gives the rounds)");
    for (const c of (g.getAttribute("missingTies") ?? []) as RecordedCell[]) missing.push({ ...c, wave: src.wave });
    for (const c of (g.getAttribute("structuralTies") ?? []) as RecordedCell[]) structural.push({ ...c, wave: src.wave });
    const nr = g.getAttribute("nonRespondents");
    if (nr && Object.keys(nr).length) nonResp[src.wave] = nr;
    for (const c of missing) if (c.wave === src.wave) touched.add(c.source).add(c.target);
    const idle = ids.filter((id) => !touched.has(id));
    if (idle.length > 0) {
      if (options.absentIfIsolated) {
        presence[src.wave] = ids.filter((id) => !idle.includes(id));
        report.note(`round ${src.wave}: ${idle.length} actor(s) with no tie in or out taken as absent (--absent-if-isolated): ${idle.join(", ")}`);
      } else {
        report.info(
          src.path,
          "absent-suggestion",
          `round ${src.wave}: ${idle.length} actor(s) listed with no tie in or out (an all-zero row and column): ${idle.slice(0, 20).join(", ")}${idle.length > 20 ? ", …" : ""}; taken as present (isolates)`,
          {},
          `if they were absent from round ${src.wave}, give a presence table (--attributes presence.csv with columns id;present_${src.wave}, 0 = absent) or pass --absent-if-isolated`,
        );
      }
    }
  }
  const waves = sources.map((s) => s.wave);
  graph.setAttribute("rounds", waves);
  graph.setAttribute("presence", presence);
  if (missing.length) graph.setAttribute("missingTies", missing);
  if (structural.length) graph.setAttribute("structuralTies", structural);
  if (Object.keys(nonResp).length) {
    graph.setAttribute("roundNonRespondents", nonResp);
    const union: Record<string, string[]> = dict();
    for (const per of Object.values(nonResp)) for (const [rel, ids] of Object.entries(per)) union[rel] = [...new Set([...(union[rel] ?? []), ...ids])];
    graph.setAttribute("nonRespondents", union);
  }
  if (options.attributes?.length) joinAttributeFiles(graph, options.attributes, report);
  report.note(`${sources.length} round(s) combined: ${sources.map((s) => `${s.wave} = ${s.path}`).join("; ")}; each tie labelled with its round (wave)`);
  report.note(`presence: the actors listed in a round's file are present in that round, unless a presence table (present_<round> attributes) says otherwise`);
  const result = finishImport(graph, report);
  const format: Format = { ...(formats.size === 1 ? firstFormat! : firstFormat!), name: formats.size === 1 ? firstFormat!.name : [...formats].join("+") };
  return { ...result, format };
}

/** Options of {@link readRounds} as passed through the generic read options. */
export type RoundReadOptions = ReadOptions & ReadRoundsOptions;
