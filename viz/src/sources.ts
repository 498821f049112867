/**
 * Where the viewer's data comes from: the example datasets bundled into the build, the input that
 * `clusterflow view` serves, or files the user drops or picks. Every path ends in the importers of
 * src/io (the registry), the same code the command line runs.
 */
import type { Format, ImportResult, InputFile, ReadOptions } from "../../src/io/format.js";
import { extensionOf } from "../../src/io/format.js";
import { detectFormat, FOLDER_LAYOUTS, formatByName, FORMATS, NODES_FILE } from "../../src/io/formats.js";
import { ImportReport, InputError } from "../../src/io/report.js";
import type { NominationDirection } from "../../src/model/types.js";

/** Extensions read as bytes only (the text of a zip container means nothing). */
const BINARY_EXTENSIONS = new Set([".xlsx", ".xls", ".xlsm", ".zip"]);

// ---------------------------------------------------------------- bundled datasets

const datasetFiles = import.meta.glob(["../../datasets/*/*.{csv,tsv,txt,json}", "!../../datasets/*/manifest.json"], { query: "?raw", import: "default" }) as Record<string, () => Promise<string>>;
const datasetManifests = import.meta.glob("../../datasets/*/manifest.json", { eager: true, import: "default" }) as Record<string, unknown>;
const datasetReadmes = import.meta.glob("../../datasets/*/README.md", { query: "?raw", import: "default" }) as Record<string, () => Promise<string>>;

export interface BundledDataset {
  id: string;
  title: string;
  description?: string;
  manifest?: Record<string, unknown>;
  files: { name: string; load: () => Promise<string> }[];
  /** The format the folder's layout selects (as `readInput` chooses it for a folder). */
  format?: string;
  readme?: () => Promise<string>;
}

/**
 * Which files of a dataset folder are read, and as what: the registry's folder layouts, the first found
 * wins, as `readInput` chooses for a folder on disk.
 */
export function folderLayout(names: string[]): { files: string[]; format: string } | undefined {
  const base = (n: string) => n.slice(n.lastIndexOf("/") + 1);
  const sorted = [...names].sort((a, b) => base(a).localeCompare(base(b)));
  const nodes = sorted.find((n) => NODES_FILE.test(base(n)));
  for (const l of FOLDER_LAYOUTS) {
    const main = sorted.find((n) => l.main.test(base(n)));
    if (!main) continue;
    if (l.format === "json") return { files: [main], format: "json" };
    return { files: [nodes, main].filter((x): x is string => x !== undefined), format: l.format };
  }
  return nodes ? { files: [nodes], format: "tidy" } : undefined;
}

function folderOf(path: string): string {
  const m = /datasets\/([^/]+)\//.exec(path);
  return m ? m[1] : path;
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}

/** The example clusters in datasets/, in alphabetical order. */
export function bundledDatasets(): BundledDataset[] {
  const byId = new Map<string, BundledDataset>();
  for (const [path, load] of Object.entries(datasetFiles)) {
    const id = folderOf(path);
    if (!byId.has(id)) byId.set(id, { id, title: id, files: [] });
    const name = path.slice(path.indexOf("datasets/"));
    byId.get(id)!.files.push({ name, load });
  }
  for (const [path, m] of Object.entries(datasetManifests)) {
    const d = byId.get(folderOf(path));
    if (!d || typeof m !== "object" || m === null) continue;
    const man = m as Record<string, unknown>;
    d.manifest = man;
    d.title = str(man.title) ?? str(man.name) ?? d.id;
    d.description = str(man.description) ?? str(man.summary);
  }
  for (const [path, load] of Object.entries(datasetReadmes)) {
    const d = byId.get(folderOf(path));
    if (d) d.readme = load;
  }
  // A dataset folder is read as readInput reads it: the files of its layout, in the layout's format.
  for (const d of byId.values()) {
    const layout = folderLayout(d.files.map((f) => f.name));
    d.format = layout?.format;
    const keep = new Set(layout?.files ?? []);
    d.files = d.files.filter((f) => keep.has(f.name)).sort((a, b) => a.name.localeCompare(b.name));
  }
  return [...byId.values()].filter((d) => d.files.length > 0).sort((a, b) => a.id.localeCompare(b.id));
}

export async function loadBundled(d: BundledDataset): Promise<InputFile[]> {
  return Promise.all(d.files.map(async (f) => ({ name: f.name, text: await f.load() })));
}

// ---------------------------------------------------------------- input served by `clusterflow view`

export interface ServedInput {
  input: string;
  format?: string;
  direction?: NominationDirection;
  files: InputFile[];
}

interface ServedJson {
  input: string;
  format?: string;
  direction?: NominationDirection;
  files: { name: string; text?: string; base64?: string }[];
}

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The input of `clusterflow view <input>`, or undefined when the page is served without one. */
export async function loadServed(): Promise<ServedInput | undefined> {
  // `clusterflow view` marks the page when it serves an input; elsewhere there is nothing to ask for.
  const url = document.querySelector<HTMLMetaElement>('meta[name="clusterflow-input"]')?.content;
  if (url !== "./__clusterflow/input.json") return undefined;
  let res: Response;
  try {
    res = await fetch(url, { cache: "no-store" });
  } catch {
    return undefined;
  }
  if (!res.ok || res.status === 204) return undefined;
  const body = (await res.json()) as ServedJson;
  const files = body.files.map((f) => {
    const bytes = f.base64 !== undefined ? fromBase64(f.base64) : undefined;
    const text = f.text ?? (bytes && !BINARY_EXTENSIONS.has(extensionOf(f.name)) ? new TextDecoder().decode(bytes) : "");
    return { name: f.name, text, ...(bytes ? { bytes } : {}) };
  });
  return { input: body.input, format: body.format, direction: body.direction, files };
}

// ---------------------------------------------------------------- files from the user

/** Read browser File objects as InputFiles: text (UTF-8) and bytes, bytes only for binary containers. */
export async function readUserFiles(list: Iterable<File>): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const f of list) {
    const buf = new Uint8Array(await f.arrayBuffer());
    const name = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
    const text = BINARY_EXTENSIONS.has(extensionOf(name)) ? "" : new TextDecoder().decode(buf);
    out.push({ name, text, bytes: buf });
  }
  return out;
}

// ---------------------------------------------------------------- importing

export interface Imported {
  /** Absent when the input could not be read at all. */
  graph?: ImportResult["graph"];
  report: ImportResult["report"];
  format?: Format;
  files: string[];
}

const TIDY_NAME = /(^|[\\/])(nodes|actors|vertices|ties|edges|links|arcs)\.(csv|tsv|txt)$/i;

/**
 * Choose the format for a set of files: the one named, else the tidy format when the files are a
 * nodes/ties pair, else the format most of the files are detected as. All files go to that format's
 * reader (companions such as a Pajek .clu or a roster's actor list travel with the main file).
 */
export function chooseFormat(files: InputFile[], name?: string): { format?: Format; problem?: string } {
  if (name) {
    const f = formatByName(name);
    return f ? { format: f } : { problem: `unknown format "${name}" (known: ${FORMATS.map((x) => x.name).join(", ")})` };
  }
  if (files.length > 1 && files.every((f) => TIDY_NAME.test(f.name))) {
    const tidy = formatByName("tidy");
    if (tidy) return { format: tidy };
  }
  // Companion tables (an actor list beside a .net, .dl or workbook) follow the main file: when some files
  // are not plain tables, they decide.
  const TABLE = new Set([".csv", ".tsv", ".txt"]);
  const main = files.filter((f) => !TABLE.has(extensionOf(f.name)));
  const voters = main.length > 0 ? main : files;
  const votes = new Map<Format, number>();
  for (const f of voters) {
    const d = detectFormat(f);
    if (d) votes.set(d, (votes.get(d) ?? 0) + 1);
  }
  let best: Format | undefined;
  let most = 0;
  for (const [f, n] of votes) if (n > most) [best, most] = [f, n];
  if (!best) return { problem: `cannot tell the format of ${files.map((f) => f.name).join(", ")}; choose one in the Format menu (known: ${FORMATS.map((x) => x.name).join(", ")})` };
  return { format: best };
}

/**
 * Import files with the registry's readers. Never throws: a reader's InputError, or any other failure,
 * becomes an error in the returned report so that the viewer can list it.
 */
export async function importFiles(files: InputFile[], options: ReadOptions & { format?: string } = {}): Promise<Imported> {
  const names = files.map((f) => f.name);
  const { format: formatName, ...readOptions } = options;
  const { format, problem } = chooseFormat(files, formatName);
  if (!format) {
    const report = new ImportReport(formatName ?? "unknown", readOptions.direction ?? "flow");
    report.error(names[0] ?? "(no file)", "unknown-format", problem ?? "cannot tell the format", {}, "choose the format in the Format menu");
    return { report, files: names };
  }
  try {
    const result = await format.read(files, readOptions);
    return { ...result, format, files: names };
  } catch (e) {
    if (e instanceof InputError && e.report) return { report: e.report, format, files: names };
    const report = new ImportReport(format.name, readOptions.direction ?? "flow");
    const message = e instanceof Error ? e.message : String(e);
    report.error(names[0] ?? "(no file)", e instanceof InputError ? "input-error" : "reader-failure", message, {}, e instanceof InputError ? undefined : "this is a fault in the reader, not in your data; please report it with the file");
    return { report, format, files: names };
  }
}
