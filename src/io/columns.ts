/**
 * Column names as field data spells them, mapped to the fields of the model, and free attribute columns
 * typed and kept. Shared by every tabular importer (tidy CSV, XLSX sheets, Kobo exports).
 */
import type { AttributeValue } from "../model/types.js";
import { RESERVED_ATTRIBUTES } from "../model/types.js";
import { coerce, inferColumnType, type InferredType, type InputFile } from "./format.js";
import type { ImportReport } from "./report.js";
import { parseCsv, type CsvTable } from "./csv.js";
import { dict, safeAttributeName, UNSAFE_NAMES } from "../model/dict.js";

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_\-.]+/g, "");

export const ACTOR_COLUMN_ALIASES: Record<string, string[]> = {
  id: ["id", "actor", "actorid", "node", "nodeid", "name", "key"],
  label: ["label", "actorname", "displayname", "title"],
  kind: ["kind", "actorkind", "actortype", "category"],
  inCluster: ["incluster", "inside", "local", "member", "internal"],
  stage: ["stage", "valuechainstage", "chainstage", "tier"],
  group: ["group", "subgroup", "faction", "block"],
  respondent: ["respondent", "responded", "answered"],
  x: ["x"],
  y: ["y"],
};

export const TIE_COLUMN_ALIASES: Record<string, string[]> = {
  source: ["source", "from", "sender", "ego", "i", "nominator"],
  target: ["target", "to", "receiver", "alter", "j", "nominee"],
  relation: ["relation", "rel", "question", "layer", "network"],
  weight: ["weight", "strength", "value", "tiestrength", "intensity", "w"],
  wave: ["wave", "round", "time", "year", "period"],
  tieType: ["tietype", "linktype"],
};

export interface ColumnMap {
  /** field → column index */
  fields: Record<string, number>;
  /** free attribute columns: index → attribute name (renamed when reserved) */
  extras: { index: number; name: string }[];
}

/** Map a header row to model fields by alias; the first matching column wins, repeats are reported. */
export function mapColumns(
  header: string[],
  aliases: Record<string, string[]>,
  report: ImportReport,
  file: string,
  line: number,
  column: (f: number) => number,
): ColumnMap {
  const fields: Record<string, number> = {}; // keys from code
  const extras: { index: number; name: string }[] = [];
  const seenNames = new Set<string>();
  const usable: number[] = [];
  header.forEach((raw, index) => {
    const name = raw.trim();
    if (name === "") {
      report.warn(file, "empty-header", `column ${index + 1} has no name; its values are ignored`, { line, column: column(index) }, "give the column a name in the header row");
      return;
    }
    if (seenNames.has(name)) {
      report.warn(file, "duplicate-column", `column "${name}" appears twice; the second is ignored`, { line, column: column(index) }, "rename one of the columns");
      return;
    }
    seenNames.add(name);
    usable.push(index);
  });
  // For each field, the alias earliest in its list wins (so "id" beats "name" whatever the column order).
  const taken = new Set<number>();
  for (const [field, names] of Object.entries(aliases)) {
    for (const alias of names) {
      const index = usable.find((i) => !taken.has(i) && norm(header[i]) === alias);
      if (index !== undefined) {
        fields[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  for (const index of usable) {
    if (taken.has(index)) continue;
    const name = header[index].trim();
    let attr = name;
    if ((RESERVED_ATTRIBUTES as readonly string[]).includes(attr) || attr === "label" || attr === "id") {
      attr = `${name}_`;
      report.warn(file, "reserved-attribute", `column "${name}" is a reserved name; kept as attribute "${attr}"`, { line, column: column(index) }, "rename the column to silence this warning");
    } else if (UNSAFE_NAMES.has(attr)) {
      attr = safeAttributeName(name);
      report.warn(file, "unsafe-attribute", `column "${name}" is the name of a built-in object member; kept as attribute "${attr}"`, { line, column: column(index) }, "rename the column to silence this warning");
    }
    extras.push({ index, name: attr });
  }
  return { fields, extras };
}

/** Infer the type of each extra column and report it under `table`. */
export function inferExtras(
  rows: string[][],
  extras: { index: number; name: string }[],
  report: ImportReport,
  table: string,
): { index: number; name: string; type: InferredType }[] {
  return typeExtras(extras, extras.map((e) => rows.map((r) => r[e.index] ?? "")), report, table);
}

/** {@link inferExtras} from the columns' cells (`columns[j]` = the cells of `extras[j]`, in row order). */
export function typeExtras(
  extras: { index: number; name: string }[],
  columns: string[][],
  report: ImportReport,
  table: string,
): { index: number; name: string; type: InferredType }[] {
  const typed = extras.map((e, j) => ({ ...e, type: inferColumnType(columns[j]) }));
  if (typed.length > 0) {
    report.attributes[table] ??= dict();
    for (const t of typed) report.attributes[table][t.name] = t.type;
  }
  return typed;
}

/** The typed free attributes of one row (empty cells are left out: missing, not empty string). */
export function extraValues(row: string[], typed: { index: number; name: string; type: InferredType }[], out: Record<string, AttributeValue> = dict()): Record<string, AttributeValue> {
  for (const t of typed) {
    const v = coerce(row[t.index] ?? "", t.type);
    if (v !== undefined) out[t.name] = v;
  }
  return out;
}

/**
 * A whole CSV file read as a table for the importers that need all its rows (matrix, roster), its
 * syntax problems, swallowed rows, byte-order mark and odd line endings reported; undefined (with an
 * error) when it is empty. `exportAgain` completes the hint "export … again": what to export.
 */
export function readCsvFile(file: InputFile, report: ImportReport, exportAgain: string): CsvTable | undefined {
  report.files.push(file.name);
  const t = parseCsv(file.text);
  for (const p of t.problems) report.error(file.name, "csv-syntax", p.message, { line: p.line, column: p.column }, "fix the quoting in this row");
  reportSwallowedRows(t, file.name, report);
  if (t.rows.length === 0) {
    report.error(file.name, "empty-file", "the file is empty", { line: 1, column: 1 }, `export ${exportAgain}`);
    return undefined;
  }
  if (t.hadBom) report.info(file.name, "bom", "UTF-8 byte-order mark removed", { line: 1, column: 1 });
  if (t.lineEnding === "CR" || t.lineEnding === "mixed") report.info(file.name, "line-endings", `line endings: ${t.lineEnding}`, { line: 1 });
  return t;
}

/**
 * Quoted fields that run over several lines and hold the delimiter — the mark of an unbalanced quote that
 * swallowed the rows after it. Each is warned about at the line where the field starts, and the lines it
 * swallowed are counted as rows not read (`rowsDropped`), so the summary never says "0 dropped" for them.
 */
export function reportSwallowedRows(t: CsvTable, file: string, report: ImportReport): void {
  for (let r = 0; r < t.rows.length; r++) swallowedRowsIn(t.rows[r], r, t, file, report);
}

/** {@link reportSwallowedRows} for one row (for tables read row by row). */
export function swallowedRowsIn(row: string[], r: number, t: Pick<CsvTable, "line" | "column">, file: string, report: ImportReport): void {
  for (let f = 0; f < row.length; f++) {
    const field = row[f];
    if (field.indexOf("\n") < 0 || !(field.includes(",") || field.includes(";") || field.includes("\t"))) continue;
    const lines = field.split("\n").length - 1;
    report.warn(file, "swallowed-rows", `a quoted field runs over ${lines + 1} lines and holds delimiters: an unbalanced quote? The ${lines} line(s) inside it are not read as rows`, { line: t.line(r), column: t.column(r, f) }, "close the quote where the field ends (a quote inside a field is written \"\")");
    report.count("rowsDropped", lines);
  }
}
