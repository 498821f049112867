/**
 * Output helpers shared by every command: data on stdout, diagnostics on stderr, one JSON document with
 * a schema field under --json, aligned plain tables for people, CSV for spreadsheets.
 */
import { writeCsv } from "../io/csv.js";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** One JSON document; NaN and ±Infinity (undefined z-scores, unreachable distances) become null. */
export function toJson(schema: string, body: object): string {
  return JSON.stringify({ schema: `clusterflow/${schema}@1`, ...body }, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2) + "\n";
}

/** Format a number for people: integers as is, others with up to `digits` significant decimals. */
export function fmt(v: unknown, digits = 4): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "NaN";
    if (!Number.isFinite(v)) return v > 0 ? "Inf" : "-Inf";
    if (Number.isInteger(v)) return String(v);
    return String(Number(v.toFixed(digits)));
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
