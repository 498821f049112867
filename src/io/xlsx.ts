/**
 * Excel workbooks (.xlsx, read and written with exceljs — not the npm `xlsx` package, whose npm release has
 * an unpatched vulnerability).
 *
 * Layouts, chosen by sheet name (case-insensitive):
 * - a `ties` sheet (also `edges`, `links`, `arcs`), with or without a `nodes` sheet (`actors`, `vertices`):
 *   the tidy layout, read by the tidy table readers (same columns, aliases, types, checks);
 * - a `matrix` sheet (`adjacency`): the adjacency matrix layout of matrix.ts, with the `nodes` sheet as its
 *   actor table;
 * - a `roster` sheet (`survey`): the roster survey layout of roster.ts, with the `nodes` sheet.
 * A workbook without such names is read from its first non-empty sheet, whose layout is recognised as for a
 * CSV file. Other sheets are listed in the report as not read. Option `sheet` names the sheet to read.
 *
 * Cells: numbers, booleans and text as typed in Excel; dates as ISO dates (`2024-03-01`, with the time when
 * it is not midnight); formulas by their cached result; rich text by its text; error cells are empty (and
 * reported). Every problem names the workbook, the sheet, the row and the column: `survey.xlsx[ties]:7:3`
 * (row 7, column 3), with the cell (`C7`) in the message.
 *
 * Writing: a `nodes` sheet and a `ties` sheet with the tidy columns (typed cells), plus `tieTypeGiven` so
 * that a given tie type is told from a derived one when the workbook is read back.
 */
import { withNonResponseAttribute } from "./nonResponse.js";
import type ExcelJS from "exceljs";
import { columnLetters, loadExcel, readWorkbook, sheetAsCsv, type SheetTable } from "./sheets.js";
import type { AttributeValue, ClusterGraph } from "../model/types.js";
import { createClusterGraph, describeDirection, rederiveTieTypes } from "../model/graph.js";
import { finishImport, type Format, type ImportResult, type InputFile, type ReadOptions, type WriteOptions, type WriteResult } from "./format.js";
import { parseMatrix, matrixFormat } from "./matrix.js";
import { ImportReport, type ImportIssue } from "./report.js";
import { parseRoster, rosterFormat } from "./roster.js";
import { readNodesTable, readTiesTable, tidyFormat } from "./tidy.js";
import { koboFormat, looksLikeSurveyExport, parseKobo } from "./kobo.js";

/** Point issues raised on a sheet's CSV text back at the sheet's cells. */
function relocate(issues: ImportIssue[], from: string, sheet: SheetTable, locate: (line: number, column: number) => { row: number; column: number }): void {
  for (const i of issues) {
    if (i.file !== from) continue;
    i.file = sheet.name;
    if (i.line !== undefined) {
      const p = locate(i.line, i.column ?? 1);
      i.line = p.row;
      i.column = p.column;
      i.message += ` (cell ${columnLetters(p.column)}${p.row})`;
    }
  }
}

/** Add the cell reference to issues raised directly on a sheet table. */
function cellRefs(issues: ImportIssue[], from: number, sheets: Set<string>): void {
  for (const i of issues.slice(from)) {
    if (!sheets.has(i.file) || i.line === undefined || i.column === undefined || / \(cell [A-Z]+\d+\)$/.test(i.message)) continue;
    i.message += ` (cell ${columnLetters(i.column)}${i.line})`;
  }
}

const NODES = /^(nodes|actors|vertices)$/i;
const TIES = /^(ties|edges|links|arcs)$/i;
const MATRIX = /^(matrix|adjacency)$/i;
const ROSTER = /^(roster|survey)$/i;

/** Ties written with `tieTypeGiven = false` get their derived type back (the column itself is not kept). */
function restoreGivenFlags(graph: ClusterGraph): void {
  graph.forEachEdge((e, a) => {
    if (a.tieTypeGiven === false) graph.removeEdgeAttribute(e, "tieTypeGiven");
  });
  rederiveTieTypes(graph);
}

/** Read a workbook. */
export async function parseXlsx(files: InputFile[], options: ReadOptions = {}): Promise<ImportResult> {
  const direction = options.direction ?? "flow";
  const file = files[0];
  let report = new ImportReport("xlsx", direction);
  let graph = createClusterGraph({ direction });
  const done = (): ImportResult => {
    report.format = "xlsx";
    return finishImport(graph, report);
  };
  report.files.push(file.name);
  const sheets = await readWorkbook(file, report);
  if (!sheets) return done();
  const nonEmpty = sheets.filter((s) => s.rows.length > 0);
  const find = (re: RegExp) => nonEmpty.find((s) => re.test(s.sheet.trim()));
  const wanted = typeof options.sheet === "string" ? nonEmpty.find((s) => s.sheet === options.sheet) : undefined;
  if (typeof options.sheet === "string" && !wanted) {
    report.error(file.name, "xlsx-sheet", `no sheet "${options.sheet}" with data (sheets: ${sheets.map((s) => s.sheet).join(", ")})`, {}, "name one of the workbook's sheets");
    return done();
  }
  const nodes = find(NODES);
  type Layout = "tidy" | "matrix" | "roster";
  let layout: Layout | undefined;
  let main = wanted ?? find(TIES);
  if (main && (wanted === undefined || TIES.test(main.sheet))) layout = "tidy";
  if (!layout) {
    main = wanted ?? find(MATRIX);
    if (main && (wanted === undefined || MATRIX.test(main.sheet))) layout = "matrix";
  }
  if (!layout) {
    main = wanted ?? find(ROSTER);
    if (main && (wanted === undefined || ROSTER.test(main.sheet))) layout = "roster";
  }
  if (!layout) {
    main = wanted ?? nonEmpty.find((s) => s !== nodes);
    if (main && looksLikeSurveyExport(main.rows[0])) {
      // A KoboToolbox/ODK/SurveyCTO export saved as a workbook.
      const result = await parseKobo(files, options);
      for (const i of report.issues) result.report.issues.unshift(i);
      return result;
    }
    if (main) {
      // Recognised by its header only (the name of the workbook says nothing about the sheet).
      const probe = sheetAsCsv(main, "sheet.csv").file;
      const scores: [Layout, number][] = [
        ["tidy", tidyFormat.sniff?.(probe) ?? 0],
        ["matrix", matrixFormat.sniff?.(probe) ?? 0],
        ["roster", rosterFormat.sniff?.(probe) ?? 0],
      ];
      scores.sort((a, b) => b[1] - a[1]);
      layout = scores[0][1] > 0 ? scores[0][0] : undefined;
      if (layout) report.note(`sheet "${main.sheet}" read as a ${layout} table (recognised from its header)`);
    }
  }
  if (!main || !layout) {
    if (nodes && !main) {
      readNodesTable(graph, nodes, nodes.name, report);
      report.note(`only an actor sheet ("${nodes.sheet}"): actors without ties`);
      return done();
    }
    report.error(file.name, "xlsx-layout", `no sheet to read: name the sheets nodes and ties (or matrix, or roster) — found ${sheets.map((s) => `"${s.sheet}"`).join(", ") || "no sheets"}`, { line: 1, column: 1 }, "rename the sheets, or export them as CSV");
    return done();
  }
  const read = [main, ...(nodes && nodes !== main ? [nodes] : [])];
  for (const s of sheets) if (!read.includes(s) && s.rows.length > 0) report.info(file.name, "xlsx-sheet-skipped", `sheet "${s.sheet}" is not read`);
  const sheetNames = new Set(read.map((s) => s.name));
  if (layout === "tidy") {
    const before = report.issues.length;
    if (nodes && nodes !== main) readNodesTable(graph, nodes, nodes.name, report);
    readTiesTable(graph, main, main.name, report, options, !nodes || nodes === main);
    restoreGivenFlags(graph);
    if (report.attributes.ties) delete report.attributes.ties.tieTypeGiven;
    cellRefs(report.issues, before, sheetNames);
    report.note(describeDirection(direction));
    return done();
  }
  // Matrix and roster sheets go through their readers as CSV text; positions are mapped back to cells.
  const mainCsv = sheetAsCsv(main, `${main.name}.csv`);
  const csvFiles = [mainCsv.file];
  const nodesCsv = nodes && nodes !== main ? sheetAsCsv(nodes, `${nodes.name}/nodes.csv`) : undefined;
  if (nodesCsv) csvFiles.unshift(nodesCsv.file);
  const result = layout === "matrix" ? parseMatrix(csvFiles, options) : parseRoster(csvFiles, options);
  for (const i of report.issues) result.report.issues.unshift(i);
  relocate(result.report.issues, mainCsv.file.name, main, mainCsv.locate);
  if (nodesCsv && nodes) relocate(result.report.issues, nodesCsv.file.name, nodes, nodesCsv.locate);
  result.report.files.splice(0, result.report.files.length, file.name);
  result.report.notes.forEach((n, k) => {
    result.report.notes[k] = n.split(mainCsv.file.name).join(main!.name).split(nodesCsv?.file.name ?? "\u0000").join(nodes?.name ?? "");
  });
  report = result.report;
  graph = result.graph;
  return done();
}

// ---------------------------------------------------------------------------------------------------------
// Writing

const ACTOR_FIXED = ["id", "label", "kind", "inCluster", "stage", "group", "respondent"];
const TIE_FIXED = ["source", "target", "relation", "weight", "wave", "tieType", "tieTypeGiven"];

function cellValue(v: AttributeValue | undefined): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  return typeof v === "string" ? xstring(v) : v;
}

/** Characters XML 1.0 cannot hold, and CR (which an XML reader turns into LF). */
const NOT_IN_XML = /[\x00-\x08\x0B-\x1F\uFFFE\uFFFF]/g;

/**
 * A text cell in OOXML's own escape (ECMA-376 Part 1, §22.9.2.19 ST_Xstring): a character XML cannot hold is
 * written `_xHHHH_`, and an underscore that would start such an escape as `_x005F_`. Excel, LibreOffice and
 * exceljs decode it on reading, so control characters and CRs come back as they were (exceljs writes them
 * raw otherwise, and drops them).
 */
function xstring(text: string): string {
  NOT_IN_XML.lastIndex = 0;
  if (!NOT_IN_XML.test(text) && !text.includes("_x")) return text;
  return text
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")
    .replace(NOT_IN_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Write a workbook with a nodes sheet and a ties sheet (ties in flow direction). */
export async function writeXlsx(graph: ClusterGraph): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = "clusterflow";
  // A fixed date keeps the output byte-identical from run to run.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const extraActor = new Set<string>();
  graph.forEachNode((_id, a) => {
    for (const k of Object.keys(a)) if (!ACTOR_FIXED.includes(k) && a[k] !== undefined && a[k] !== null) extraActor.add(k);
  });
  const actorCols = [...ACTOR_FIXED, ...[...extraActor].sort()];
  const nodes = wb.addWorksheet("nodes");
  nodes.addRow(actorCols.map(xstring));
  graph.forEachNode((id, a) => nodes.addRow(actorCols.map((c) => (c === "id" ? xstring(id) : cellValue(a[c])))));
  const extraTie = new Set<string>();
  graph.forEachEdge((_e, a) => {
    for (const k of Object.keys(a)) if (!TIE_FIXED.includes(k) && a[k] !== undefined && a[k] !== null) extraTie.add(k);
  });
  const tieCols = [...TIE_FIXED, ...[...extraTie].sort()];
  const ties = wb.addWorksheet("ties");
  ties.addRow(tieCols.map(xstring));
  graph.forEachEdge((_e, a, s, t) =>
    ties.addRow(tieCols.map((c) => (c === "source" ? xstring(s) : c === "target" ? xstring(t) : c === "tieTypeGiven" ? a.tieTypeGiven === true : cellValue(a[c])))),
  );
  for (const ws of [nodes, ties]) ws.getRow(1).font = { bold: true };
  const buffer = await wb.xlsx.writeBuffer();
  return fixZipTimes(new Uint8Array(buffer as ArrayBuffer));
}

/**
 * Set every entry's modification time in a zip to 1980-01-01 00:00, so that the same network gives the same
 * bytes (the zip library stamps entries with the current time). Walks the central directory; CRCs are
 * unaffected.
 */
export function fixZipTimes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return zip;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const DOS_TIME = 0;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (let k = 0; k < count && p + 46 <= zip.length; k++) {
    if (view.getUint32(p, true) !== 0x02014b50) break;
    view.setUint16(p + 12, DOS_TIME, true);
    view.setUint16(p + 14, DOS_DATE, true);
    const local = view.getUint32(p + 42, true);
    if (local + 30 <= zip.length && view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, DOS_TIME, true);
      view.setUint16(local + 12, DOS_DATE, true);
    }
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return zip;
}

export const xlsxFormat: Format = {
  name: "xlsx",
  description: "Excel workbook: nodes + ties sheets, or a matrix sheet, or a roster sheet",
  extensions: [".xlsx"],
  sniff(file) {
    const b = file.bytes;
    return b && b[0] === 0x50 && b[1] === 0x4b ? 0.5 : 0;
  },
  read: (files, options) => parseXlsx(files, options),
  // A workbook may be a survey export, read with its choice list and options files.
  companions: (main, siblings) => koboFormat.companions!(main, siblings),
  async write(graph, base, _options: WriteOptions): Promise<WriteResult> {
    return [{ name: /\.xlsx$/i.test(base) ? base : `${base}.xlsx`, data: await writeXlsx(withNonResponseAttribute(graph)) }];
  },
};
