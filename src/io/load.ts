/**
 * Reading and writing files and dataset folders from disk (Node only; the viewer hands parsers text directly).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ClusterGraph } from "../model/types.js";
import { extensionOf, type Format, type ImportResult, type InputFile, type ReadOptions, type WriteOptions } from "./format.js";
import { detectFormat, FOLDER_LAYOUTS, formatByName, FORMATS, NODES_FILE } from "./formats.js";
import { ImportReport, InputError, assertImportOk, type ImportIssue } from "./report.js";
import { parseCodes, reviewImport } from "./review.js";
import { containerOf, decodeBytes, looksBinary, type TextEncoding } from "./bytes.js";
import { longestFieldOver, MAX_FIELD_LENGTH } from "./limits.js";
import { positionOf } from "./xml.js";

const BINARY_EXTENSIONS = new Set([".xlsx", ".xls"]);

function readFile(path: string, encoding?: TextEncoding, pending: ImportIssue[] = []): InputFile {
  if (!existsSync(path)) throw new InputError(`${path}: no such file or folder`);
  const bytes = new Uint8Array(readFileSync(path));
  const ext = extensionOf(path);
  if (BINARY_EXTENSIONS.has(ext)) return { name: path, text: "", bytes };
  const { text, issues } = decodeBytes(path, bytes, encoding);
  pending.push(...issues);
  return { name: path, text, bytes };
}

/** Refuse a binary file given to a text format (and a text file given to the workbook reader), naming the format to use. */
function checkContainer(file: InputFile, format: Format): void {
  const bytes = file.bytes;
  if (!bytes || bytes.length === 0) return;
  const container = containerOf(bytes);
  const workbook = (format.name === "xlsx" || format.name === "kobo") && extensionOf(file.name) === ".xlsx";
  if (workbook) {
    if (container || looksBinary(bytes)) return;
    const asText = detectFormat({ name: file.name.replace(/\.xlsx$/i, ".csv"), text: new TextDecoder().decode(bytes.subarray(0, 65536)) });
    throw new InputError(`${file.name}:1:1: not an .xlsx workbook (no zip container) but a text file${asText ? ` that reads as ${asText.name}; pass --format ${asText.name}` : "; pass --format with its text format (tidy, matrix, roster …)"}`);
  }
  if (container) throw new InputError(`${file.name}:1:1: not a text file but ${container.kind}; ${container.hint}`);
  if (looksBinary(bytes)) throw new InputError(`${file.name}:1:1: not a text file (it holds NUL or control bytes); give the network file, or pass --format for its real format`);
}

/**
 * Refuse a text file holding one field (cell, id, label, value) longer than {@link MAX_FIELD_LENGTH}
 * characters, located where the field starts: such a file is broken (an unclosed quote in a generated file,
 * a paste gone wrong) and would otherwise be carried through every layer as a 10 MB actor id.
 */
function checkFieldLength(file: InputFile, format: Format, direction: ReadOptions["direction"]): void {
  if (format.name === "xlsx" || (format.name === "kobo" && extensionOf(file.name) === ".xlsx")) return;
  const long = longestFieldOver(file.text);
  if (!long) return;
  const at = positionOf(file.text, long.offset);
  const report = new ImportReport(format.name, direction ?? "flow");
  report.files.push(file.name);
  const message = `a field of ${long.length.toLocaleString("en")} characters without a delimiter, space, quote or line break (at most ${MAX_FIELD_LENGTH.toLocaleString("en")}); the file is not read`;
  report.error(file.name, "field-too-long", message, at, "look for an unclosed quote or a missing delimiter before this point, or a value pasted many times; split or shorten the field");
  throw new InputError(`${file.name}:${at.line}:${at.column}: ${message}`, report);
}

/** The files of a dataset folder: nodes.csv and ties.csv (edges.csv, links.csv also accepted). */
export function datasetFiles(folder: string): string[] {
  return datasetLayout(folder).paths;
}


/**
 * What a dataset folder holds: `nodes.csv` with `ties.csv` (tidy), `roster.csv`/`survey.csv` (roster),
 * `matrix.csv` (matrix), or `graph.json` (json); with `format` given, the files of that format. When a
 * folder holds several layouts the first in that order is read and `notes` says which others were left.
 */
export function datasetLayout(folder: string, format?: string): { paths: string[]; format?: string; notes: string[] } {
  const names = readdirSync(folder).sort();
  const nodes = names.find((n) => NODES_FILE.test(n));
  const found = FOLDER_LAYOUTS.map((l) => ({ ...l, file: names.find((n) => l.main.test(n)) })).filter((l) => l.file !== undefined);
  const notes: string[] = [];
  const withNodes = (file: string | undefined) => [nodes, file].filter((x): x is string => x !== undefined).map((n) => join(folder, n));
  if (format !== undefined) {
    if (!formatByName(format)) throw new InputError(`unknown format "${format}" (known: ${FORMATS.map((f) => f.name).join(", ")})`);
    const layout = found.find((l) => l.format === format);
    if (layout) return { paths: layout.format === "json" ? [join(folder, layout.file!)] : withNodes(layout.file), format, notes };
    // A format without a folder layout (gexf, graphml, dl …): the one file with one of its extensions.
    const f = formatByName(format);
    const files = f ? names.filter((n) => f.extensions.includes(extensionOf(n)) && !/^manifest\.json$/i.test(n)) : [];
    if (f && files.length === 1) return { paths: [join(folder, files[0])], format, notes };
    if (format === "tidy" && nodes) return { paths: withNodes(undefined), format, notes };
    throw new InputError(`${folder}: no ${format} file in this folder (found ${names.length ? names.join(", ") : "nothing"})`);
  }
  if (found.length === 0) {
    if (nodes) return { paths: withNodes(undefined), format: "tidy", notes: ["no ties file: actors only"] };
    throw new InputError(
      `${folder}: a dataset folder needs ties.csv (and usually nodes.csv), roster.csv, matrix.csv or graph.json; found ${names.length ? names.join(", ") : "nothing"}`,
    );
  }
  const [chosen, ...others] = found;
  for (const o of others) notes.push(`the folder also holds ${o.file} (${o.format}); ${chosen.file} was read — pass --format ${o.format} to read the other`);
  return { paths: chosen.format === "json" ? [join(folder, chosen.file!)] : withNodes(chosen.file), format: chosen.format, notes };
}

export interface ReadInputOptions extends ReadOptions {
  /** Format name; overrides sniffing by name and content. */
  format?: string;
  /** Text encoding of the files: utf8 (default; non-UTF-8 bytes are read as Windows-1252 with a warning) or latin1. */
  encoding?: TextEncoding;
  /** `fold`: merge actor ids that differ only in case, spacing or Unicode form (default: warn about them). */
  idCase?: "exact" | "fold";
  /** Tie strengths that are missing-data codes (`9,10`): those ties are dropped as unknown. */
  missingCodes?: string | (string | number)[];
}

/** Read a dataset folder or a file into a cluster graph and its import report. Throws InputError on failure. */
export async function readInput(path: string, options: ReadInputOptions = {}): Promise<ImportResult & { format: Format }> {
  if (!existsSync(path)) throw new InputError(`${path}: no such file or folder`, undefined);
  let files: InputFile[];
  let format: Format | undefined;
  let folderNotes: string[] = [];
  const pending: ImportIssue[] = [];
  const read = (p: string) => readFile(p, options.encoding, pending);
  if (statSync(path).isDirectory()) {
    const layout = datasetLayout(path, options.format);
    files = layout.paths.map(read);
    format = formatByName(layout.format ?? options.format ?? "tidy");
    folderNotes = layout.notes;
  } else {
    files = [read(path)];
    format = options.format ? formatByName(options.format) : detectFormat(files[0]);
  }
  if (!format) {
    const known = FORMATS.map((f) => f.name).join(", ");
    throw new InputError(options.format ? `unknown format "${options.format}" (known: ${known})` : `${path}: cannot tell the format; pass --format (one of: ${known})`);
  }
  if (format.companions && files.length === 1) {
    const main = files[0].name;
    const dir = dirname(main);
    for (const name of format.companions(main, readdirSync(dir).sort())) files.push(read(join(dir, name)));
  }
  for (const f of files) checkContainer(f, format);
  for (const f of files) checkFieldLength(f, format, options.direction);
  const result = await format.read(files, options);
  for (const i of pending) result.report.add(i);
  result.graph = reviewImport(result.graph, result.report, { idCase: options.idCase, missingCodes: parseCodes(options.missingCodes) });
  result.report.counts.actors = result.graph.order;
  result.report.counts.ties = result.graph.size;
  for (const n of folderNotes) result.report.note(n);
  if (!statSync(path).isDirectory() && (format.name === "roster" || format.name === "matrix" || format.name === "tidy")) {
    const beside = readdirSync(dirname(path)).find((n) => NODES_FILE.test(n));
    if (beside && join(dirname(path), beside) !== path) {
      result.report.note(`${beside} lies beside ${path} but was not read; give the folder (${dirname(path)}) to take the actors from it`);
    }
  }
  return { ...result, format };
}

/** Like {@link readInput}, but throws InputError when the report has errors (or warnings under strict). */
export async function loadInput(path: string, options: ReadInputOptions = {}): Promise<ImportResult & { format: Format }> {
  const r = await readInput(path, options);
  assertImportOk(r.report, options.strict ?? false);
  return r;
}

/** Choose the output format from a name or the output path's extension (a path without extension = tidy folder). */
export function outputFormat(path: string, name?: string): Format {
  if (name) {
    const f = formatByName(name);
    if (!f) throw new InputError(`unknown format "${name}" (known: ${FORMATS.map((x) => x.name).join(", ")})`);
    return f;
  }
  const ext = extensionOf(path);
  if (ext === "") return formatByName("tidy")!;
  const claiming = FORMATS.filter((f) => f.extensions.includes(ext) && f.write);
  // For .csv the tidy ties file is the default; --format matrix|roster chooses another.
  const f = claiming.find((x) => x.name === "tidy") ?? claiming[0];
  if (!f) throw new InputError(`${path}: no writer for "${ext}" files; pass --format (writers: ${FORMATS.filter((x) => x.write).map((x) => x.name).join(", ")})`);
  return f;
}

/** Write a graph in a format to disk; returns the paths written. */
export async function writeOutput(graph: ClusterGraph, path: string, format: Format, options: WriteOptions = {}): Promise<string[]> {
  if (!format.write) throw new InputError(`format ${format.name} cannot be written`);
  const isFolder = format.name === "tidy" && extensionOf(path) === "";
  const files = await format.write(graph, isFolder ? path : path, options);
  const written: string[] = [];
  for (const f of files) {
    const target = f.name;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.data);
    written.push(target);
  }
  return written;
}
