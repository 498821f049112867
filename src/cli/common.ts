/**
 * What every command shares: the input options (format, direction, strictness, view filters, --json) and
 * loading an input into a graph, with import problems shown on stderr.
 */
import { Option, type Command } from "commander";
import { readInput } from "../io/load.js";
import { assertImportOk, formatIssue, type ImportReport } from "../io/report.js";
import type { Format } from "../io/format.js";
import type { ClusterGraph, NominationDirection, TieType } from "../model/types.js";
import { TIE_TYPES } from "../model/types.js";
import { filterTies } from "../model/views.js";
import { UsageError } from "./errors.js";
import type { Io } from "./output.js";

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
  encoding?: "utf8" | "latin1";
  decimalComma?: boolean;
  idCase?: "exact" | "fold";
  missingCodes?: string;
  scale?: string;
}

const list = (v: string, prev: string[] = []) => [...prev, ...v.split(",").map((s) => s.trim()).filter(Boolean)];

/** Options for reading the input (format, direction, strict). */
export function readOptions(cmd: Command): Command {
  return cmd
    .option("--format <name>", "input format, overriding detection by name and content (tidy, matrix, roster, json, …)")
    .addOption(new Option("--direction <convention>", "how ties were recorded: flow = source gives knowledge to target; asks = source asks target for advice (reversed)").choices(["flow", "asks"]))
    .option("--strict", "treat import warnings as errors")
    .addOption(new Option("--encoding <name>", "text encoding of the input: utf8 (default; other bytes are read as Windows-1252 with a warning) or latin1").choices(["utf8", "latin1"]))
    .option("--decimal-comma", "read numbers written with a decimal comma (1,5) without a warning")
    .addOption(new Option("--id-case <rule>", "actor ids differing only in case, spacing or Unicode form: exact (kept apart, warned) or fold (merged)").choices(["exact", "fold"]))
    .option("--missing-codes <codes>", "tie strengths that code missing answers (e.g. 9,10): those ties are dropped as unknown")
    .option("--scale <min-max>", "the survey's strength scale for rosters and Kobo exports (e.g. 0-3): strengths outside it are errors")
    .option("--json", "print one JSON document")
    .option("-q, --quiet", "do not print import warnings");
}

/** Options for restricting the analysed view (relation, wave, tie type, local actors). */
export function viewOptions(cmd: Command): Command {
  return cmd
    .option("--relation <names>", "only ties of these relations (comma-separated; repeatable)", list)
    .option("--wave <waves>", "only ties of these survey waves (comma-separated; repeatable)", list)
    .option("--tie-type <types>", "only ties of these types: horizontal, vertical, external", list)
    .option("--local-only", "only actors inside the cluster");
}

export interface Loaded {
  /** The graph as imported. */
  graph: ClusterGraph;
  /** The graph restricted by the view options (the one to analyse). */
  view: ClusterGraph;
  report: ImportReport;
  format: Format;
  input: string;
}

/** The import options of the command line, as readInput takes them. */
export function readInputOptions(opts: InputOptions): Parameters<typeof readInput>[1] {
  return { format: opts.format, direction: opts.direction, strict: opts.strict, encoding: opts.encoding, decimalComma: opts.decimalComma, idCase: opts.idCase, missingCodes: opts.missingCodes, scale: opts.scale };
}

/** Load an input (file or dataset folder) and apply the view options; import problems go to stderr. */
export async function load(input: string, opts: InputOptions, ctx: Context): Promise<Loaded> {
  const { graph, report, format } = await readInput(input, readInputOptions(opts));
  assertImportOk(report, opts.strict ?? false);
  if (!opts.json && !opts.quiet) {
    const warnings = report.warnings;
    for (const w of warnings.slice(0, 10)) ctx.io.err(formatIssue(w) + "\n");
    if (warnings.length > 10) ctx.io.err(`… ${warnings.length - 10} more warnings (clusterflow validate ${input} lists them all)\n`);
  }
  const tieTypes = opts.tieType?.map((t) => {
    if (!(TIE_TYPES as readonly string[]).includes(t)) throw new UsageError(`--tie-type: "${t}" is not one of ${TIE_TYPES.join(", ")}`);
    return t as TieType;
  });
  const filtered = opts.relation || opts.wave || tieTypes || opts.localOnly;
  const view = filtered ? filterTies(graph, { relations: opts.relation, waves: opts.wave, tieTypes, localOnly: opts.localOnly }) : graph;
  if (opts.relation) {
    const known = new Set<string>();
    graph.forEachEdge((_e, a) => known.add(a.relation));
    for (const r of opts.relation) if (!known.has(r)) throw new UsageError(`--relation: no ties of relation "${r}" (relations: ${[...known].sort().join(", ") || "none"})`);
  }
  return { graph, view, report, format, input };
}

/** The view options actually used, for echoing in outputs (the direction is stated once, beside the input). */
export function viewUsed(opts: InputOptions): Record<string, unknown> {
  return {
    relation: opts.relation ?? "all",
    wave: opts.wave ?? "all",
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
