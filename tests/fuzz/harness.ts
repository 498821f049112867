/**
 * Seeded mutation fuzzing of every importer. A seed corpus (small valid files of every format, written by
 * clusterflow's own writers from one attribute-rich, multi-relation, multi-wave network, plus a Kobo
 * export) is mutated — byte flips, truncation, duplicated lines, delimiter and quote insertion, CR, NUL and
 * BOM, huge fields, number swaps, deep nesting, hostile ids — and each mutant is read by its format's
 * parser. An outcome is a failure when:
 *
 * - `crash`: the parser throws anything but the documented {@link InputError};
 * - `unlocated`: an error (in the report or the thrown InputError's report) has no line;
 * - `unaccounted`: a read without errors whose counts disagree with the graph; whose actor ids do not all
 *   occur in the files (XLSX: in the workbook's inflated XML) unless an issue or note of the report names
 *   the id (an id guessed, merged or re-encoded silently); or, for tidy tables, whose tie count differs from
 *   the data rows of the ties file less the rows the report counts as dropped;
 * - `hang`: one input takes longer than the bound (measured here; run.ts also runs inputs in a worker
 *   with a watchdog so that an endless loop cannot stop the run).
 *
 * Each case mutates the main file or, one time in four, one of its companion files (the tidy nodes.csv, the
 * Kobo options file and choice list, the DL and Pajek actor tables and partitions).
 *
 * Every case is a pure function of (format, seed, index), so a failure is reproduced by its triple.
 */
import { inflateRawSync } from "node:zlib";
import { parseCsv } from "../../src/io/csv.js";
import { createClusterGraph, addActor, addTie } from "../../src/model/graph.js";
import type { ClusterGraph } from "../../src/model/types.js";
import { mulberry32, type Rng } from "../../src/model/random.js";
import type { Format, InputFile } from "../../src/io/format.js";
import { formatByName } from "../../src/io/formats.js";
import { filterTies } from "../../src/model/views.js";
import { InputError, type ImportReport } from "../../src/io/report.js";

/** The formats fuzzed, with the file names of their seeds (the first is the file mutated). */
export const FUZZ_FORMATS = ["tidy", "matrix", "roster", "json", "gexf", "graphml", "dl", "dl-edgelist1", "pajek", "xlsx", "kobo"] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

/** The network every seed file is written from: two relations, two waves, groups, free attributes, unicode. */
export function seedNetwork(): ClusterGraph {
  const g = createClusterGraph({ name: "fuzz seed", direction: "flow" });
  const actors: [string, string, string, boolean, number][] = [
    ["f01", "Alpha Tiles", "firm", true, 12],
    ["f02", "Béta Glaze", "firm", true, 40],
    ["f03", "Gamma 窑", "supplier", true, 7],
    ["f04", "Delta Clay", "firm", true, 9],
    ["lab", "Ceramics Lab", "lab", false, 30],
  ];
  for (const [id, label, kind, inCluster, employees] of actors) addActor(g, id, { label, kind, inCluster, group: inCluster ? (id < "f03" ? "north" : "south") : "outside", employees });
  const ties: [string, string, string, number, string][] = [
    ["f01", "f02", "advice", 3, "2020"],
    ["f02", "f03", "advice", 1, "2020"],
    ["f03", "f01", "business", 2, "2021"],
    ["lab", "f01", "advice", 2, "2021"],
    ["f04", "f02", "business", 1, "2020"],
  ];
  for (const [s, t, relation, weight, wave] of ties) addTie(g, s, t, { relation, weight, wave });
  return g;
}

const KOBO_EXPORT = [
  "start;end;grp_id/firm_id;grp_info/employees;grp_net/advice;grp_net/advice/f01;grp_net/advice/f02;grp_net/advice/f03;grp_net/advice_strength/f01;grp_net/advice_strength/f02;grp_net/advice_strength/f03;_id",
  "2024-03-01;2024-03-01;f01;12;f02 f03;0;1;1;;3;;101",
  "2024-03-01;2024-03-01;f02;40;;;;;;;;102",
  "2024-03-01;2024-03-01;f03;7;f01;1;0;0;2;;;103",
].join("\n");
const KOBO_CHOICES = "list_name,name,label\nfirms,f01,Alpha Tiles\nfirms,f02,Beta Glaze\nfirms,f03,Gamma Kilns\nfirms,-99,Refused\n";
/** Every option of the Kobo reader, with the values the seed export reads the same with. */
const KOBO_OPTIONS = `{
  "questions": { "advice": "advice" },
  "respondent": "firm_id",
  "separator": ["/"],
  "groupSeparator": "/",
  "strength": { "advice": "advice_strength" },
  "nonRespondents": "missing",
  "sentinels": ["-99", "-88"],
  "none": ["none", "0"],
  "rosterList": "firms",
  "choices": { "f01": "f01" },
  "unknownCodes": "drop"
}
`;

const utf8 = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** The seed files of a format: the main file first (the one mutated), companions after. */
export async function seedFiles(format: FuzzFormat): Promise<InputFile[]> {
  const single = format === "matrix" || format === "roster" || format === "dl-edgelist1";
  const g = single ? filterTies(seedNetwork(), { relations: ["advice"], waves: ["2020"] }) : seedNetwork();
  const text = (name: string, t: string): InputFile => ({ name, text: t, bytes: utf8.encode(t) });
  if (format === "kobo") return [text("export.csv", KOBO_EXPORT), text("choices.csv", KOBO_CHOICES), text("export.kobo.json", KOBO_OPTIONS)];
  const writerName = format;
  const f = formatByName(writerName)!;
  const written = await f.write!(g, format === "tidy" ? "seed" : `seed${extensionFor(format)}`, { notes: [] });
  const files = written.map((w) => (typeof w.data === "string" ? text(w.name, w.data) : { name: w.name, text: "", bytes: w.data }));
  if (format === "tidy") files.sort((a, b) => (a.name.includes("ties") ? -1 : b.name.includes("ties") ? 1 : 0));
  // Companions the writer adds (a .clu partition, a nodes table) stay as written.
  return files;
}

function extensionFor(format: FuzzFormat): string {
  return { matrix: ".csv", roster: ".csv", json: ".json", gexf: ".gexf", graphml: ".graphml", dl: ".dl", "dl-edgelist1": ".dl", pajek: ".net", xlsx: ".xlsx" }[format as string] ?? ".csv";
}

const HOSTILE = ["__proto__", "constructor", "toString", "hasOwnProperty", "prototype", "", " ", "f01 ", "F01", "f0１", "é", "e\u0301"];
const NUMBERS = ["NaN", "Infinity", "-1", "1e308", "1e23", "0", "99999999999", "1,5", "2147483648", "1e21", "x5", "-0", "1e-400", "9".repeat(400), "00000000001"];
const JUNK = [",", ";", "\t", "|", '"', "'", "<", ">", "{", "}", "[", "]", "*", "\r", "\0", "\uFEFF", "\n", "&", "&#0;", "]]>", "<!--", "\\"];

function pick<T>(xs: readonly T[], rng: Rng): T {
  return xs[Math.floor(rng() * xs.length)];
}

/** One mutation of a byte string; the kinds are named for the counts. */
export const MUTATIONS = ["flip", "truncate", "duplicate-line", "insert-junk", "huge-field", "number-swap", "deep-nesting", "hostile-id", "delete-line", "swap-lines"] as const;
export type Mutation = (typeof MUTATIONS)[number];

export function mutate(bytes: Uint8Array, kind: Mutation, rng: Rng, binary: boolean): Uint8Array {
  const at = (n: number) => Math.floor(rng() * (n + 1));
  const insert = (b: Uint8Array, i: number, add: Uint8Array) => {
    const out = new Uint8Array(b.length + add.length);
    out.set(b.subarray(0, i));
    out.set(add, i);
    out.set(b.subarray(i), i + add.length);
    return out;
  };
  if (kind === "flip" || (binary && kind !== "truncate" && kind !== "huge-field")) {
    const out = bytes.slice();
    const flips = 1 + Math.floor(rng() * 4);
    for (let k = 0; k < flips && out.length > 0; k++) out[Math.floor(rng() * out.length)] = Math.floor(rng() * 256);
    return out;
  }
  if (kind === "truncate") return bytes.slice(0, at(bytes.length));
  if (kind === "huge-field") {
    const n = 1000 + Math.floor(rng() * 60_000);
    const ch = pick(["9", "a", "<", "[", ",", '"', " ", "-"], rng);
    return insert(bytes, at(bytes.length), utf8.encode(ch.repeat(n)));
  }
  if (kind === "deep-nesting") {
    const depth = 2000 + Math.floor(rng() * 8000);
    const open = pick(["[", '{"a":', "<g>", "<node><data>", "("], rng);
    return insert(bytes, at(bytes.length), utf8.encode(open.repeat(depth)));
  }
  const text = decoder.decode(bytes);
  const lines = text.split("\n");
  const li = Math.floor(rng() * lines.length);
  let out = text;
  if (kind === "duplicate-line") out = [...lines.slice(0, li + 1), ...lines.slice(li)].join("\n");
  else if (kind === "delete-line") out = [...lines.slice(0, li), ...lines.slice(li + 1)].join("\n");
  else if (kind === "swap-lines") {
    const lj = Math.floor(rng() * lines.length);
    const ls = lines.slice();
    [ls[li], ls[lj]] = [ls[lj], ls[li]];
    out = ls.join("\n");
  } else if (kind === "insert-junk") {
    const i = at(text.length);
    out = text.slice(0, i) + pick(JUNK, rng) + text.slice(i);
  } else if (kind === "number-swap") {
    const nums = [...text.matchAll(/\d+(\.\d+)?/g)];
    if (nums.length > 0) {
      const m = pick(nums, rng);
      out = text.slice(0, m.index) + pick(NUMBERS, rng) + text.slice(m.index! + m[0].length);
    }
  } else if (kind === "hostile-id") {
    const ids = [...text.matchAll(/f0\d|lab|advice|business|north|employees/g)];
    if (ids.length > 0) {
      const m = pick(ids, rng);
      out = text.slice(0, m.index) + pick(HOSTILE, rng) + text.slice(m.index! + m[0].length);
    }
  }
  return utf8.encode(out);
}

export type Outcome = "clean" | "refused" | "crash" | "unlocated" | "unaccounted" | "hang";

export interface CaseResult {
  format: FuzzFormat;
  index: number;
  outcome: Outcome;
  mutations: Mutation[];
  ms: number;
  /** For failures: a short signature (error name and message with numbers collapsed, first src frame). */
  signature?: string;
}

/**
 * The input of case `index` of a format's run with `seed`: the seed files with one of them mutated 1–3 times
 * (the main file, or one time in four a companion file). `mutated` is the index of the file mutated.
 */
export function caseInput(seeds: InputFile[], format: FuzzFormat, seed: number, index: number): { files: InputFile[]; mutations: Mutation[]; mutated: number } {
  const rng = mulberry32((seed * 1_000_003 + index * 7919 + FUZZ_FORMATS.indexOf(format) * 104_729) >>> 0);
  const count = 1 + Math.floor(rng() * 3);
  const mutated = seeds.length > 1 && rng() < 0.25 ? 1 + Math.floor(rng() * (seeds.length - 1)) : 0;
  const binary = format === "xlsx" && mutated === 0;
  const mutations: Mutation[] = [];
  const target = seeds[mutated];
  let bytes = target.bytes ?? utf8.encode(target.text);
  for (let k = 0; k < count; k++) {
    const kind = pick(MUTATIONS, rng);
    mutations.push(kind);
    bytes = mutate(bytes, kind, rng, binary);
  }
  const changed: InputFile = binary ? { name: target.name, text: "", bytes } : { name: target.name, text: decoder.decode(bytes), bytes };
  return { files: seeds.map((s, i) => (i === mutated ? changed : s)), mutations, mutated };
}

function signatureOf(e: unknown): string {
  const err = e instanceof Error ? e : new Error(String(e));
  const frame = (err.stack ?? "").split("\n").find((l) => l.includes("/src/")) ?? "";
  const where = frame.replace(/^.*\/src\//, "src/").replace(/[()]/g, "").trim();
  return `${err.name}: ${err.message.slice(0, 80).replace(/\d+/g, "N")} @ ${where}`;
}

function unlocatedOf(report: ImportReport | undefined): string | undefined {
  const bad = report?.errors.find((i) => i.line === undefined);
  return bad ? `unlocated ${bad.code}: ${bad.message.slice(0, 60).replace(/\d+/g, "N")}` : undefined;
}

/** Forms an id takes in each kind of file (escaped in XML and JSON). */
function occurs(id: string, text: string): boolean {
  if (text.includes(id)) return true;
  const xml = id.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  if (text.includes(xml)) return true;
  const json = JSON.stringify(id).slice(1, -1);
  if (text.includes(json)) return true;
  return text.includes(id.replace(/"/g, '""'));
}

/**
 * The text of the XML parts of a zip (an .xlsx), inflated; parts that cannot be read are left out (a reader
 * that reads them anyway gives ids the check then finds missing: a failure to look at, not a pass).
 */
export function zipText(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  // The whole file is searched: junk appended after the directory (past a comment's 64 kB) is still read
  // by exceljs's zip library, and so must be here.
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return "";
  const parts: string[] = [];
  let at = view.getUint32(end + 16, true);
  for (let k = view.getUint16(end + 10, true); k > 0 && at + 46 <= bytes.length; k--) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (local + 30 > bytes.length) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    try {
      parts.push(decoder.decode(method === 8 ? inflateRawSync(data) : data));
    } catch {
      // an unreadable part
    }
  }
  return parts.join("\n");
}

/** Data records of a delimited text after its header, blank ones (every cell empty) left out. */
function dataRecords(text: string): number {
  return parseCsv(text).rows.slice(1).filter((r) => r.some((c) => c.trim() !== "")).length;
}

/** The ties a graphology JSON document states: one per edge, two per undirected edge between two nodes. */
function jsonTies(text: string): number | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return undefined;
  }
  const d = doc as { options?: { type?: unknown }; edges?: unknown };
  if (!Array.isArray(d.edges)) return undefined;
  const undirectedGraph = d.options?.type === "undirected";
  let n = 0;
  for (const e of d.edges as { source?: unknown; target?: unknown; undirected?: unknown }[]) n += (undirectedGraph || e?.undirected === true) && String(e?.source) !== String(e?.target) ? 2 : 1;
  return n;
}

/** Run one case in this thread. */
export async function runCase(format: FuzzFormat, seeds: InputFile[], seed: number, index: number): Promise<CaseResult> {
  const { files, mutations } = caseInput(seeds, format, seed, index);
  const f: Format = formatByName(format)!;
  const started = performance.now();
  const result = (outcome: Outcome, signature?: string): CaseResult => ({ format, index, outcome, mutations, ms: performance.now() - started, signature });
  try {
    const { graph, report } = await f.read(files, {});
    if (report.errors.length > 0) {
      const u = unlocatedOf(report);
      return u ? result("unlocated", u) : result("refused");
    }
    if (report.counts.actors !== graph.order || report.counts.ties !== graph.size) return result("unaccounted", "counts disagree with the graph");
    // Every actor id occurs in the files, or the report names it (a renamed duplicate, a numbered vertex …).
    const text = files.map((x) => (x.bytes && x.bytes[0] === 0x50 && x.bytes[1] === 0x4b ? zipText(x.bytes) : x.text)).join("\n");
    let said: string | undefined;
    let missing: string | undefined;
    graph.forEachNode((id) => {
      if (missing !== undefined || occurs(id, text)) return;
      said ??= [...report.issues.map((i) => i.message), ...report.notes].join("\n");
      if (!occurs(id, said)) missing = id;
    });
    if (missing !== undefined) return result("unaccounted", `actor id ${JSON.stringify(missing.slice(0, 30))} does not occur in the file and the report does not name it`);
    if (format === "tidy") {
      // Each data row of the ties file is one tie unless the report counts it as dropped (no undirected column in the seed).
      const rows = dataRecords(files[0].text);
      if (graph.size !== rows - report.counts.rowsDropped) return result("unaccounted", `${graph.size} ties from ${rows} data rows with ${report.counts.rowsDropped} counted as dropped`);
    }
    if (format === "json" && report.counts.rowsDropped === 0) {
      // Each edge of the document is one tie, an undirected one (not a loop) two.
      const expected = jsonTies(files[0].text);
      if (expected !== undefined && graph.size !== expected) return result("unaccounted", `${graph.size} ties from a document of ${expected} (undirected edges counted twice), none counted as dropped`);
    }
    return result("clean");
  } catch (e) {
    if (e instanceof InputError) {
      const u = unlocatedOf(e.report);
      return u ? result("unlocated", u) : result("refused");
    }
    return result("crash", signatureOf(e));
  }
}
