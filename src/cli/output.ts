/**
 * Output helpers shared by every command: data on stdout, diagnostics on stderr, one JSON document with
 * a schema field under --json, aligned plain tables for people, CSV for spreadsheets.
 */
import { writeCsv } from "../io/csv.js";
import { dict, inheritsNothing } from "../model/dict.js";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Columns of the terminal text output goes to (undefined when it is not a terminal): text reports wrap to it. */
  width?: number;
  /** Columns of the terminal notes go to (standard error; undefined when it is not a terminal): notes wrap to it. */
  errWidth?: number;
}

export const processIo: Io = {
  out: (t) => writeInSlices(t),
  err: (t) => process.stderr.write(t),
  get width() {
    return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : undefined;
  },
  get errWidth() {
    return process.stderr.isTTY && process.stderr.columns ? process.stderr.columns : undefined;
  },
};

/**
 * Write text to standard output in slices of 4 MB: a report of 100,000 actors is hundreds of megabytes,
 * and written at once it is first copied whole into one buffer.
 */
function writeInSlices(text: string): void {
  const SLICE = 1 << 22;
  if (text.length <= SLICE) {
    process.stdout.write(text);
    return;
  }
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + SLICE);
    // Never between the two halves of a surrogate pair (each slice is encoded as UTF-8 on its own).
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    process.stdout.write(text.slice(i, end));
    i = end;
  }
}

/**
 * One JSON document. NaN and ±Infinity are written as null, and each such value is listed under
 * `undefinedValues` with its path and the reason (NaN: undefined, e.g. a z-score with sd 0 or a ratio of
 * 0/0; Infinity: unbounded, e.g. the distance to an actor that cannot be reached).
 *
 * With `sink`, the text is handed to it in blocks as it is written (a report of 100,000 actors is
 * hundreds of megabytes, never held whole) and the empty string is returned.
 */
export function toJson(schema: string, body: object, sink?: (text: string) => void): string {
  const undefinedValues: { path: string; value: "NaN" | "Infinity" | "-Infinity"; reason: string }[] = [];
  let more = 0;
  const path: string[] = [];
  // Written as it is walked, in pieces joined at the end: the same text as JSON.stringify(…, null, 2) of
  // the cleaned document, without building that document first (a report of 100,000 actors holds
  // millions of values).
  const out = new JsonPieces(sink);
  /** The number of values of part `v` when JSON.stringify can write it (its non-finite values are then counted), else -1. */
  const plainPart = (v: object): number => {
    const nonFinite = { listFull: undefinedValues.length >= 200, count: 0 };
    const n = plainSize(v, PLAIN_PART, nonFinite);
    if (n >= 0) more += nonFinite.count;
    return n;
  };
  const number = (v: number): string => {
    if (Number.isFinite(v)) return JSON.stringify(v);
    if (undefinedValues.length < 200) {
      const value = Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
      undefinedValues.push({ path: path.join("."), value, reason: value === "NaN" ? "undefined for these data (0/0, or no variance)" : "unbounded (no path, or division by zero)" });
    } else more++;
    return "null";
  };
  /** Write `v` (false when it has no JSON form: undefined, a function or a symbol). */
  const resolve = (v: unknown): unknown => (v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function" ? resolve((v as { toJSON(): unknown }).toJSON()) : v);
  // A part with nothing to clean (no NaN or ±Infinity still to list, no toJSON) and of bounded size is
  // written by JSON.stringify itself, at its depth (stringifyAt): the same text, without a piece per value.
  const write = (raw: unknown, indent: string): boolean => {
    const v = resolve(raw);
    if (v === null) out.push("null");
    else if (typeof v === "number") out.push(number(v));
    else if (typeof v === "string" || typeof v === "boolean") out.push(JSON.stringify(v));
    else if (Array.isArray(v)) {
      if (v.length === 0) out.push("[]");
      else if (plainPart(v) >= 0) out.push(stringifyAt(v, indent.length / 2));
      else {
        const inner = indent + "  ";
        out.push("[\n");
        // Runs of plain elements are written by one JSON.stringify each (the run's brackets cut off).
        let run: unknown[] = [];
        let runSize = 0;
        let written = 0;
        const flush = () => {
          if (run.length === 0) return;
          const text = stringifyAt(run, indent.length / 2);
          out.push((written === 0 ? inner : ",\n" + inner) + text.slice(2 + inner.length, text.length - 2 - indent.length));
          written += run.length;
          run = [];
          runSize = 0;
        };
        for (let i = 0; i < v.length; i++) {
          const x = v[i];
          const n = x !== null && typeof x === "object" && typeof (x as { toJSON?: unknown }).toJSON !== "function" ? plainPart(x) : -1;
          if (n >= 0) {
            if (runSize + n > PLAIN_PART) flush();
            run.push(x);
            runSize += n;
            continue;
          }
          flush();
          out.push(written === 0 ? inner : ",\n" + inner);
          path.push(String(i));
          if (!write(x, inner)) out.push("null");
          path.pop();
          written++;
        }
        flush();
        out.push("\n" + indent + "]");
      }
    } else if (typeof v === "object") {
      if (plainPart(v) >= 0) out.push(stringifyAt(v, indent.length / 2));
      else writeObject(Object.entries(v as object), indent);
    } else return false;
    return true;
  };
  const writeObject = (entries: [string, unknown][], indent: string, close = true): void => {
    const inner = indent + "  ";
    let first = true;
    for (const [k, raw] of entries) {
      const x = resolve(raw);
      if (x === undefined || typeof x === "function" || typeof x === "symbol") continue;
      out.push((first ? "{\n" : ",\n") + inner + JSON.stringify(k) + ": ");
      first = false;
      path.push(k);
      write(x, inner);
      path.pop();
    }
    if (close) out.push(first ? "{}" : "\n" + indent + "}");
  };
  const entries = Object.entries({ schema: `clusterflow/${schema}@1`, ...body }).filter(([k]) => k !== "undefinedValues");
  // The top-level object is closed last: the list of undefined values, known only now, is its last member.
  writeObject(entries, "", false);
  if (undefinedValues.length > 0) {
    const list = more > 0 ? [...undefinedValues, { more }] : undefinedValues;
    out.push(',\n  "undefinedValues": ' + stringifyAt(list, 1));
  }
  out.push("\n}\n");
  return out.toString();
}

/** The largest part (in values) written by one JSON.stringify call: the pieces of a large document stay small. */
const PLAIN_PART = 4096;

/**
 * `JSON.stringify(v, null, 2)` as written at `depth` levels of a document indented by 2: `v` is nested
 * in `depth` one-element arrays, whose brackets are then cut off (no re-indenting of every line).
 */
function stringifyAt(v: object, depth: number): string {
  let w: unknown = v;
  for (let d = 0; d < depth; d++) w = [w];
  const text = JSON.stringify(w, null, 2);
  // Each wrapper k (1-based) opens with "[\n" and 2k spaces, and closes with "\n", 2(k − 1) spaces and "]".
  return depth === 0 ? text : text.slice(2 * depth + depth * (depth + 1), text.length - (2 * depth + depth * (depth - 1)));
}

/**
 * The number of values in `v`, or -1 when it holds more than `budget` values or one that JSON.stringify
 * would not write as the document must be written: an object with toJSON, a bigint, or NaN or ±Infinity
 * while their paths are still listed (once the list is full, `nonFinite.count` counts them instead).
 */
function plainSize(v: unknown, budget: number, nonFinite: { listFull: boolean; count: number }): number {
  if (typeof v === "number") return Number.isFinite(v) ? 1 : nonFinite.listFull ? (nonFinite.count++, 1) : -1;
  if (typeof v === "bigint") return -1;
  if (v === null || typeof v !== "object") return 1;
  if (typeof (v as { toJSON?: unknown }).toJSON === "function") return -1;
  let n = 1;
  const items: unknown[] = Array.isArray(v) ? v : Object.values(v);
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    let k = 1;
    if (typeof x === "number") {
      if (!Number.isFinite(x)) {
        if (!nonFinite.listFull) return -1;
        nonFinite.count++;
      }
    } else if (typeof x === "object" && x !== null) k = plainSize(x, budget - n, nonFinite);
    else if (typeof x === "bigint") return -1;
    if (k < 0) return -1;
    n += k;
    if (n > budget) return -1;
  }
  return n;
}

/**
 * Text built from many small pieces, joined in blocks (no rope of millions of strings); with a sink, each
 * block is handed to it when full and nothing is kept.
 */
class JsonPieces {
  private blocks: string[] = [];
  private pieces: string[] = [];
  constructor(private sink?: (text: string) => void) {}
  push(piece: string): void {
    this.pieces.push(piece);
    if (this.pieces.length === 8192) this.flush();
  }
  private flush(): void {
    const block = this.pieces.join("");
    this.pieces = [];
    if (this.sink) this.sink(block);
    else this.blocks.push(block);
  }
  toString(): string {
    if (this.pieces.length > 0) this.flush();
    return this.blocks.join("");
  }
}

/** What {@link analysisJson} needs of a loaded input. */
export interface JsonInput {
  input: string;
  format: { name: string };
  report: { toJSON(): object };
  view: { getAttribute(name: "direction"): unknown; hasNode(id: string): boolean; getNodeAttribute(id: string, name: "label"): unknown };
}

type LabelView = JsonInput["view"];

/**
 * `v` with a `label` (right after `id`) in every actor row at any depth: every plain object whose string
 * `id` names an actor of one of `views` and that has no label. Parts with nothing to label are kept as they
 * are (not copied); typed arrays and class instances are not entered.
 */
export function labelActorRows(v: unknown, views: LabelView[]): unknown {
  const labelOf = (id: string): string | undefined => {
    for (const g of views) if (g.hasNode(id)) return String(g.getNodeAttribute(id, "label") ?? id);
    return undefined;
  };
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < x.length; i++) {
        const y = walk(x[i]);
        if (y !== x[i]) (copy ??= x.slice())[i] = y;
      }
      return copy ?? x;
    }
    if (x === null || typeof x !== "object") return x;
    const proto = Object.getPrototypeOf(x);
    if (proto !== Object.prototype && !inheritsNothing(x)) return x;
    const o = x as Record<string, unknown>;
    // Keys may come from the data (objects keyed by actor id): a Map and a dict, never a plain object.
    const changed = new Map<string, unknown>();
    for (const k of Object.keys(o)) {
      const y = walk(o[k]);
      if (y !== o[k]) changed.set(k, y);
    }
    const label = typeof o.id === "string" && !("label" in o) ? labelOf(o.id) : undefined;
    if (changed.size === 0 && label === undefined) return x;
    const out = dict<unknown>();
    for (const k of Object.keys(o)) {
      out[k] = changed.has(k) ? changed.get(k) : o[k];
      if (k === "id" && label !== undefined) out.label = label;
    }
    return out;
  };
  return walk(v);
}

/**
 * The document of an analysis command: what was read (`input`, `format`), how its ties were read
 * (`direction`, stated once: `flow` = source gives knowledge to target, `asks` = source asked target and
 * the tie is stored reversed), the import report (`import`: counts, notes, every error, warning and
 * note with its location), the view options, then the command's result. Every actor row, at any depth
 * (`actors`, rankings, evidence, key players), carries the actor's label beside its id (looked up in the
 * view, else in `loaded.graph` when given: a round's report names actors of every round).
 */
export function analysisJson(schema: string, loaded: JsonInput & { graph?: LabelView }, view: object, body: object, sink?: (text: string) => void): string {
  const { format: _f, direction: _d, ...importReport } = loaded.report.toJSON() as Record<string, unknown>;
  const withLabels = labelActorRows(body, loaded.graph && loaded.graph !== loaded.view ? [loaded.view, loaded.graph] : [loaded.view]) as object;
  return toJson(schema, { input: loaded.input, format: loaded.format.name, direction: String(loaded.view.getAttribute("direction") ?? "flow"), import: importReport, view, ...withLabels }, sink);
}

/**
 * Format a number for people: integers as is, others with up to `digits` decimals; a value too small to
 * show is written `<0.0001` (never `7.1e-136`), an undefined one `n/a` (never `NaN`), an unbounded one ∞.
 */
export function fmt(v: unknown, digits = 4): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "n/a";
    if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
    if (Number.isInteger(v)) return Math.abs(v) < 1e21 ? String(v) : v.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 0 });
    const r = Number(v.toFixed(digits));
    const unit = (1 / 10 ** digits).toFixed(digits);
    if (r === 0) return v > 0 ? `<${unit}` : `>-${unit}`;
    // toFixed of a large number can still print an exponent; write all its digits.
    return Math.abs(r) < 1e21 ? String(r) : r.toLocaleString("en-US", { useGrouping: false });
  }
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

/** An aligned plain-text table. Numeric columns are right-aligned. */
export function table(columns: string[], rows: unknown[][], digits = 4): string {
  const cells = rows.map((r) => r.map((v) => fmt(v, digits)));
  const numeric = columns.map((_c, i) => rows.length > 0 && rows.every((r) => r[i] === undefined || r[i] === null || typeof r[i] === "number"));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n") + "\n";
}

/** CSV of a table (full precision). */
export function csvTable(columns: string[], rows: unknown[][]): string {
  return writeCsv([columns, ...rows.map((r) => r.map((v) => (typeof v === "number" && !Number.isFinite(v) ? (Number.isNaN(v) ? "NaN" : v > 0 ? "Inf" : "-Inf") : v)))]);
}
