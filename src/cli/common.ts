/**
 * What every command shares: the input options (format, direction, strictness, view filters, --json) and
 * loading an input into a graph, with import problems shown on stderr.
 */
import { Option, type Command } from "commander";
import { readInput } from "../io/load.js";
import { joinAttributeFiles, parseRoundSpecs, readRounds, roundsFolder, ROUND_SPEC } from "../io/rounds.js";
import { presenceOf, roundsOf, roundView, selectRounds, SelectionError, type Presence, type RoundSelection } from "../model/rounds.js";
import { assertImportOk, formatIssue, type ImportReport } from "../io/report.js";
import type { Format } from "../io/format.js";
import type { ClusterGraph, NominationDirection, TieType } from "../model/types.js";
import { TIE_TYPES } from "../model/types.js";
import { relationsOf } from "../model/graph.js";
import { filterTies } from "../model/views.js";
import { UsageError } from "./errors.js";
import type { Io } from "./output.js";
import { noteText } from "../report/wrap.js";

export interface Context {
  io: Io;
  /** Set the process exit code for this run (0 ok, 1 refused, 2 bad input). */
  setExit(code: number): void;
}

export interface InputOptions {
  format?: string;
  direction?: NominationDirection;
  strict?: boolean;
  relation?: string[];
  wave?: string[];
  tieType?: string[];
  localOnly?: boolean;
  json?: boolean;
  quiet?: boolean;
  /** Pool every survey round into one view (their ties summed). */
  poolWaves?: boolean;
  /** Actor attribute files to join (one value per actor, or id;value…; presence tables). */
  attributes?: string[];
  /** Extra cell codes meaning "missing" in matrices (NA and . always do; `blank` makes blank cells missing). */
  missingCodes?: string[];
  /** Read RSiena's structural codes 10 (structural zero) and 11 (structural one) in matrices. */
  structuralCodes?: boolean;
  /** The declared tie-strength scale, `min-max`: a value outside it is a located warning. */
  scale?: string;
  /** Take actors with no tie in or out in a round file as absent from that round. */
  absentIfIsolated?: boolean;
  /** Set by commands that compare every round (waves, report): no "analysing round …" note. */
  comparesRounds?: boolean;
  /** Set by commands that analyse each relation alone (layers): no "relations pooled" note. */
  comparesRelations?: boolean;
  encoding?: "utf8" | "latin1";
  decimalComma?: boolean;
  idCase?: "exact" | "fold";
}

const list = (v: string, prev: string[] = []) => [...prev, ...v.split(",").map((s) => s.trim()).filter(Boolean)];
/** `--wave` values: `2012=file` (a round file, kept whole) or comma-separated round labels. */
const waveList = (v: string, prev: string[] = []) => (ROUND_SPEC.test(v) ? [...prev, v.trim()] : list(v, prev));

/** Options for reading the input (format, direction, strict). */
export function readOptions(cmd: Command): Command {
  return cmd
    .option("--format <name>", "input format, overriding detection by name and content (tidy, matrix, roster, json, …)")
    .addOption(new Option("--direction <convention>", "how ties were recorded: flow = source gives knowledge to target; asks = source asks target for advice (reversed)").choices(["flow", "asks"]))
    .option("--strict", "treat import warnings as errors")
    .addOption(new Option("--encoding <name>", "text encoding of the input: utf8 (default; other bytes are read as Windows-1252 with a warning) or latin1").choices(["utf8", "latin1"]))
    .option("--decimal-comma", "read numbers written with a decimal comma (1,5) without a warning")
    .addOption(new Option("--id-case <rule>", "actor ids differing only in case, spacing or Unicode form: exact (kept apart, warned) or fold (merged)").choices(["exact", "fold"]))
    .option("--json", "print one JSON document")
    .option("-q, --quiet", "do not print import warnings");
}

/** Options for restricting the analysed view (relation, wave, tie type, local actors). */
export function viewOptions(cmd: Command): Command {
  cmd.option("--relation <names>", "only ties of these relations (comma-separated; repeatable)", list);
  return roundOptions(cmd)
    .option("--tie-type <types>", "only ties of these types: horizontal, vertical, external", list)
    .option("--local-only", "only actors inside the cluster");
}

/** Options for choosing the survey rounds analysed (one round, a list pooled, or all pooled) and reading their cells. */
export function roundOptions(cmd: Command): Command {
  cmd
    .option("--wave <waves>", "survey rounds: a bare label (2012, or 2012,2015 to pool them) selects rounds to analyse; 2012=file reads a round from its own file (repeatable, one per round)", waveList)
    .option("--pool-waves", "pool every survey round into one view (ties of all rounds summed); by default a multi-round network is analysed one round at a time");
  return cellOptions(cmd);
}

/** Options for combining inputs and reading cells: attribute files, missing and structural codes, scale, absence. */
export function cellOptions(cmd: Command): Command {
  return cmd
    .option("--attributes <files>", "actor attribute files joined by id (id;value…) or in actor order (one value per line, named after the file); present_<round> columns are a presence table (comma-separated; repeatable)", list)
    .option("--missing-codes <codes>", "codes meaning a missing answer (e.g. 9,-99): matrix cells with them are missing ties (besides NA and .; 'blank' for blank cells), tie strengths with them are dropped as unknown", list)
    .option("--structural-codes", "matrices: read RSiena's 10 as a structural zero (no tie) and 11 as a structural one (a tie)")
    .option("--scale <min-max>", "the survey's tie-strength scale (e.g. 0-3): a matrix cell outside it is a located warning, a roster or Kobo strength outside it an error")
    .option("--absent-if-isolated", "round files: an actor with no tie in or out in a round is absent from it (default: present, suggested in the import report)");
}

/** The `--wave` option of commands that only read (validate): round files `<round>=<file>`. */
export function roundFileOption(cmd: Command): Command {
  return cmd.option("--wave <round=file>", "read a survey round from its own file (repeatable, one per round)", waveList);
}

/**
 * Let every command with an `<input>` and `--wave` take its rounds from `--wave <round>=<file>` instead of an
 * input: the input becomes optional, and is the list of round files in outputs.
 */
export function allowRoundInputs(program: Command): void {
  for (const cmd of program.commands) {
    const arg = cmd.registeredArguments[0];
    if (!arg || arg.name() !== "input" || !cmd.options.some((o) => o.long === "--wave")) continue;
    (arg as { required: boolean }).required = false;
    cmd.hook("preAction", (c) => {
      if (c.processedArgs[0] != null) return;
      const { sources } = parseRoundSpecs(c.opts().wave as string[] | undefined);
      if (sources.length === 0) c.error("error: missing required argument 'input' (or give the rounds with --wave <round>=<file>)", { code: "commander.missingArgument", exitCode: 2 });
      c.processedArgs[0] = sources.map((s) => `${s.wave}=${s.path}`).join(" + ");
    });
  }
}

export interface Loaded {
  /** The graph as imported. */
  graph: ClusterGraph;
  /** The graph restricted by the view options (the one to analyse). */
  view: ClusterGraph;
  report: ImportReport;
  format: Format;
  input: string;
  /** The survey rounds analysed, and whether they are pooled. */
  rounds: RoundSelection;
  /** Which actors are present in each round. */
  presence: Presence;
  /** The graph with the relation, tie-type and local filters applied but every round kept (for comparing rounds). */
  allRounds(): ClusterGraph;
}

const selections = new WeakMap<object, RoundSelection>();

/** Which relations a view holds, and whether several are pooled into it (stated in every output). */
export interface RelationSelection {
  used: string[];
  available: string[];
  pooled: boolean;
  statement: string;
}
const relationSelections = new WeakMap<object, RelationSelection>();

/** The relations of a loaded view: one, a chosen list, or all of them pooled — in words for the outputs. */
export function relationSelection(graph: ClusterGraph, view: ClusterGraph, asked: string[] | undefined, keptApart = false): RelationSelection {
  const available = relationsOf(graph);
  const used = relationsOf(view);
  // A command that keeps its relations apart (layers, qap, convert) pools none of them.
  const pooled = used.length > 1 && !keptApart;
  // The names are in `used` and `available`; the statement says what was done with them.
  const statement =
    available.length <= 1
      ? "one relation"
      : pooled
        ? `${used.length} of ${available.length} relations pooled${asked ? " (asked for)" : ""}: parallel ties of one pair are summed where a measure needs one tie per pair (--relation <name> for one relation; report --by-relation for each)`
        : used.length > 1
          ? `${used.length} relations, each kept apart (none pooled)`
          : `one relation alone, of ${available.length}`;
  return { used, available, pooled, statement };
}

/** The round selection of a {@link load} call made with these options (for echoing in outputs). */
export function roundsUsed(opts: InputOptions): RoundSelection | undefined {
  return selections.get(opts);
}

/** {@link selectRounds} with its errors as usage errors (exit 2). */
export function selectRoundsOrUsage(...args: Parameters<typeof selectRounds>): RoundSelection {
  try {
    return selectRounds(...args);
  } catch (e) {
    if (e instanceof SelectionError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * Read an input as the user gave it: round files (`--wave <round>=<file>`), a rounds folder, or one file or
 * dataset folder; attribute files joined. The import report is returned unchecked.
 */
export async function readAny(input: string, opts: InputOptions) {
  const { sources } = parseRoundSpecs(opts.wave);
  const label = sources.map((s) => `${s.wave}=${s.path}`).join(" + ");
  if (sources.length > 0 && input !== label) throw new UsageError(`give either an input (${input}) or round files (--wave <round>=<file>), not both`);
  const cells = { missingCodes: opts.missingCodes, structuralCodes: opts.structuralCodes, scale: opts.scale };
  const readOpts = { ...readInputOptions(opts), ...cells };
  const folder = sources.length === 0 ? roundsFolder(input) : undefined;
  const rounds = sources.length > 0 ? sources : folder?.sources;
  const result = rounds
    ? await readRounds(rounds, { ...readOpts, attributes: opts.attributes, absentIfIsolated: opts.absentIfIsolated })
    : await readInput(input, readOpts);
  if (folder && folder.others.length) result.report.note(`rounds folder ${input}: read ${folder.sources.map((s) => s.path).join(", ")}; left ${folder.others.join(", ")} (pass attribute files with --attributes)`);
  if (!rounds && opts.attributes?.length) joinAttributeFiles(result.graph, opts.attributes, result.report);
  return result;
}

/** The import options of the command line, as readInput takes them. */
export function readInputOptions(opts: InputOptions): Parameters<typeof readInput>[1] {
  return { format: opts.format, direction: opts.direction, strict: opts.strict, encoding: opts.encoding, decimalComma: opts.decimalComma, idCase: opts.idCase, missingCodes: opts.missingCodes, scale: opts.scale };
}

/** Write a note to standard error, wrapped to its terminal's width (one line when it is not a terminal). */
export function note(ctx: Context, text: string): void {
  ctx.io.err(noteText(text, ctx.io.errWidth));
}

/** Load an input (file or dataset folder) and apply the view options; import problems go to stderr. */
export async function load(input: string, opts: InputOptions, ctx: Context): Promise<Loaded> {
  const { labels } = parseRoundSpecs(opts.wave);
  const { graph, report, format } = await readAny(input, opts);
  assertImportOk(report, opts.strict ?? false);
  if (!opts.json && !opts.quiet) {
    const warnings = report.warnings;
    for (const w of warnings.slice(0, 10)) note(ctx, formatIssue(w));
    if (warnings.length > 10) note(ctx, `… ${warnings.length - 10} more warnings (clusterflow validate ${input} lists them all)`);
  }
  const tieTypes = opts.tieType?.map((t) => {
    if (!(TIE_TYPES as readonly string[]).includes(t)) throw new UsageError(`--tie-type: "${t}" is not one of ${TIE_TYPES.join(", ")}`);
    return t as TieType;
  });
  const presence = presenceOf(graph);
  const selection = selectRoundsOrUsage(roundsOf(graph), { asked: labels, pool: opts.poolWaves });
  selections.set(opts, selection);
  if (!opts.json && !opts.comparesRounds && (selection.available.length > 1 || labels.length > 0)) note(ctx, `rounds: ${selection.statement}`);
  const inRounds = roundView(graph, selection.used, presence);
  if (selection.used.length > 0 && !opts.json && !opts.quiet) {
    let unlabelled = 0;
    graph.forEachEdge((_e, a) => {
      if (a.wave === undefined) unlabelled++;
    });
    if (unlabelled > 0) note(ctx, `note: ${unlabelled} tie(s) carry no wave and are left out of round views (give them a wave, or drop the wave column to analyse all ties as one network)`);
  }
  const filtered = opts.relation || tieTypes || opts.localOnly;
  const view = filtered ? filterTies(inRounds, { relations: opts.relation, tieTypes, localOnly: opts.localOnly }) : inRounds;
  if (opts.relation) {
    const known = new Set<string>();
    graph.forEachEdge((_e, a) => known.add(a.relation));
    for (const r of opts.relation) if (!known.has(r)) throw new UsageError(`--relation: no ties of relation "${r}" (relations: ${[...known].sort().join(", ") || "none"})`);
  }
  const relations = relationSelection(graph, view, opts.relation, opts.comparesRelations);
  relationSelections.set(opts, relations);
  if (!opts.json && !opts.quiet && relations.pooled) note(ctx, `relations ${relations.used.join(", ")}: ${relations.statement}`);
  const allRounds = () => (filtered ? filterTies(graph, { relations: opts.relation, tieTypes, localOnly: opts.localOnly }) : graph);
  return { graph, view, report, format, input, rounds: selection, presence, allRounds };
}

/**
 * The view options actually used, for echoing in outputs: the rounds as chosen by {@link load}; the
 * direction is stated once, beside the input.
 */
export function viewUsed(opts: InputOptions): Record<string, unknown> {
  const rounds = selections.get(opts);
  return {
    relation: opts.relation ?? "all",
    relations: relationSelections.get(opts),
    wave: rounds ? (rounds.available.length === 0 ? "none in the data" : rounds.used) : (opts.wave ?? "all"),
    rounds: rounds ? { used: rounds.used, pooled: rounds.pooled, available: rounds.available, how: rounds.how, statement: rounds.statement } : undefined,
    tieType: opts.tieType ?? "all",
    localOnly: opts.localOnly ?? false,
  };
}

/**
 * Parse an integer option written in decimal digits within [min, max], or throw a usage error naming it
 * and its bounds (`--reps 1e9` and `--seed 1.5` are refused, not rounded or left to run for hours).
 */
export function intOption(name: string, value: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const t = String(value).trim();
  const n = /^[+-]?\d{1,16}$/.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max.toLocaleString("en-US")}`;
    throw new UsageError(`${name}: "${value}" is not an integer ${range}`);
  }
  return n;
}

export interface NumberBounds {
  min?: number;
  max?: number;
  /** The minimum itself is not allowed (a probability in (0, 1]). */
  minExclusive?: boolean;
}

/** Parse a finite number option within bounds, or throw a usage error naming it and its bounds. */
export function numberOption(name: string, value: string | undefined, fallback: number, bounds: NumberBounds = {}): number {
  if (value === undefined) return fallback;
  const t = String(value).trim();
  const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(n)) throw new UsageError(`${name}: "${value}" is not a number`);
  const { min, max, minExclusive } = bounds;
  const low = min !== undefined && (minExclusive ? n <= min : n < min);
  const high = max !== undefined && n > max;
  if (low || high) {
    const lo = min === undefined ? "" : `${minExclusive ? "(" : "["}${min}`;
    const hi = max === undefined ? "" : `${max}]`;
    const range = min !== undefined && max !== undefined ? `in ${lo}, ${hi}` : min !== undefined ? `${minExclusive ? ">" : "≥"} ${min}` : `≤ ${max}`;
    throw new UsageError(`${name}: ${value} is out of range; it must be ${range}`);
  }
  return n;
}

/** A probability in (0, 1], such as PageRank's damping. */
export function probabilityOption(name: string, value: string | undefined, fallback: number): number {
  return numberOption(name, value, fallback, { min: 0, max: 1, minExclusive: true });
}

/** Bounds shared by the commands. */
export const BOUNDS = {
  /** Permutations of a test: 100,000 take about a minute on a 100-actor network; more buys no precision worth having. */
  reps: { min: 0, max: 100_000 },
  seed: { min: 0, max: 2 ** 32 - 1 },
  k: { min: 1, max: 1_000 },
  resolution: { min: 0, max: 100, minExclusive: true },
} as const;
