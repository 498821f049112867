/**
 * The contract every importer/exporter module follows, and shared helpers for reading values out of files.
 * Parsers are pure (text or bytes in, graph and report out) so the browser runs the very same code.
 */
import type { AttributeValue, ClusterGraph, NominationDirection } from "../model/types.js";
import type { ImportReport } from "./report.js";
import { describeDirection } from "../model/graph.js";

/** One input file: its name (as shown in messages), its text, and its bytes for binary formats. */
export interface InputFile {
  name: string;
  text: string;
  bytes?: Uint8Array;
}

export interface ReadOptions {
  /** How to read the ties: `flow` (source gives knowledge to target) or `asks` (source asks target; reversed). */
  direction?: NominationDirection;
  /** Relation name for formats that carry one relation without naming it. */
  relation?: string;
  /** Wave for formats that carry none. */
  wave?: string;
  /** Warnings count as errors (checked by the caller with `assertImportOk`). */
  strict?: boolean;
  /** Format-specific options (roster question columns, Kobo choice lists, DL quirks …). */
  [option: string]: unknown;
}

export interface ImportResult {
  graph: ClusterGraph;
  report: ImportReport;
}

export interface WriteOptions {
  /** Relation to write, for formats that hold one relation (matrix). */
  relation?: string;
  [option: string]: unknown;
}

/** Files produced by a writer: one main file, and sometimes companions (nodes.csv beside ties.csv, .clu beside .net). */
export type WriteResult = { name: string; data: string | Uint8Array }[];

export interface Format {
  name: string;
  description: string;
  /** Extensions (lower case, with dot) that select this format. */
  extensions: string[];
  /** Content sniffing for files whose extension is ambiguous (.csv, .txt). Higher wins; 0 = not this format. */
  sniff?(file: InputFile): number;
  read(files: InputFile[], options: ReadOptions): ImportResult | Promise<ImportResult>;
  /**
   * Files that belong with a main file and are read with it (Pajek `.clu` partitions, an actor table
   * `<stem>.nodes.csv` beside a DL or Pajek file): given the main file's path and the names of the files in
   * its folder, the names to read too.
   */
  companions?(main: string, siblings: string[]): string[];
  /** `baseName` is the output path without extension handling; the writer names its files. */
  write?(graph: ClusterGraph, baseName: string, options: WriteOptions): WriteResult | Promise<WriteResult>;
}

const TRUE_WORDS = new Set(["true", "yes", "y", "t"]);
const FALSE_WORDS = new Set(["false", "no", "n", "f"]);

/** Read a boolean written as true/false, yes/no, 1/0 (case-insensitive). */
export function parseBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (TRUE_WORDS.has(t) || t === "1") return true;
  if (FALSE_WORDS.has(t) || t === "0") return false;
  return undefined;
}

/** A finite number written in a file (decimal point or, when unambiguous, decimal comma), else undefined. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  let s = t;
  if (/^[+-]?\d+,\d+$/.test(s)) s = s.replace(",", ".");
  // Unambiguous pattern: linear time even on a 50,000-digit cell (`\d+\.?\d*` backtracks quadratically).
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

/**
 * The largest tie strength read. Survey scales run to 10 or 100, counts and volumes to millions; a weight
 * of 1e23 or 1e308 is a data error (it makes constraint and every normalised score overflow), refused with
 * its row.
 */
export const MAX_WEIGHT = 1e12;

/** Why a parsed weight cannot be a tie strength, or undefined when it can. */
export function weightProblem(w: number): string | undefined {
  if (!Number.isFinite(w)) return `weight ${w} is not a finite number`;
  if (Math.abs(w) > MAX_WEIGHT) return `weight ${w} is beyond ${MAX_WEIGHT.toExponential()} (an absurd magnitude for a tie strength)`;
  return undefined;
}

/** True when a number is written with a decimal comma (`1,5`), which {@link parseNumber} reads as 1.5. */
export function hasDecimalComma(text: string): boolean {
  return /^[+-]?\d+,\d+$/.test(text.trim());
}

export type InferredType = "number" | "boolean" | "string";

/** Infer a column's type from its non-empty values: all numbers → number; all booleans (words) → boolean. */
export function inferColumnType(values: Iterable<string>): InferredType {
  let allNum = true;
  let allBool = true;
  let any = false;
  for (const raw of values) {
    const v = raw.trim();
    if (v === "") continue;
    any = true;
    if (allNum && parseNumber(v) === undefined) allNum = false;
    if (allBool && !(TRUE_WORDS.has(v.toLowerCase()) || FALSE_WORDS.has(v.toLowerCase()))) allBool = false;
    if (!allNum && !allBool) return "string";
  }
  if (!any) return "string";
  if (allNum) return "number";
  if (allBool) return "boolean";
  return "string";
}

/** Convert a cell to its column's inferred type; empty cells become undefined (missing). */
export function coerce(text: string, type: InferredType): AttributeValue | undefined {
  const v = text.trim();
  if (v === "") return undefined;
  if (type === "number") return parseNumber(v);
  if (type === "boolean") return parseBoolean(v);
  return v;
}

/** File name without directories, for messages. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** Lower-case extension with the dot ('.csv'), '' when none. */
export function extensionOf(path: string): string {
  const b = baseName(path);
  const i = b.lastIndexOf(".");
  return i <= 0 ? "" : b.slice(i).toLowerCase();
}

/**
 * Close an import: state the direction the ties were read with (when given) and count actors and ties.
 * Every importer ends this way, so the report's figures always describe the graph returned.
 */
export function finishImport(graph: ClusterGraph, report: ImportReport, direction?: NominationDirection): ImportResult {
  if (direction !== undefined) report.note(describeDirection(direction));
  report.counts.actors = graph.order;
  report.counts.ties = graph.size;
  return { graph, report };
}
