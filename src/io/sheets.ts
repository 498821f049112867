/**
 * Spreadsheets as tables: every sheet of an .xlsx workbook (read with exceljs) as rows of text cells that
 * keep their sheet row and column, for the tabular readers (tidy tables, matrix, roster, Kobo exports).
 */
import { MAX_FIELD_LENGTH, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from "./limits.js";
import type ExcelJSModule from "exceljs";
import type { CsvTable } from "./csv.js";
import type { InputFile } from "./format.js";
import type { ImportReport } from "./report.js";

/**
 * exceljs, loaded when a workbook is first read or written (it is large: the viewer and the other formats do
 * not pay for it until then).
 */
export async function loadExcel(): Promise<typeof ExcelJSModule> {
  const m = (await import("exceljs")) as unknown as { default?: typeof ExcelJSModule } & typeof ExcelJSModule;
  return m.default ?? m;
}

/** One sheet as a table of text cells, with the sheet row and column of every cell. */
export interface SheetTable extends Pick<CsvTable, "rows" | "line" | "column"> {
  sheet: string;
  /** Name used in messages: `book.xlsx[sheet]`. */
  name: string;
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let s = "";
  let c = column;
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(/\.000Z$/, "Z");
}

/** The text of an exceljs cell value; `error` is set for Excel error cells (#N/A …). */
export function cellText(value: unknown): { text: string; error?: string } {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number") return { text: Number.isFinite(value) ? String(value) : "" };
  if (typeof value === "boolean") return { text: value ? "true" : "false" };
  if (value instanceof Date) return { text: isoDate(value) };
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("error" in v) return { text: "", error: String(v.error) };
    if ("richText" in v && Array.isArray(v.richText)) return { text: (v.richText as { text: string }[]).map((r) => r.text).join("") };
    if ("formula" in v || "sharedFormula" in v) return cellText(v.result);
    if ("text" in v) return cellText(v.text);
    if ("hyperlink" in v) return { text: String(v.hyperlink) };
  }
  return { text: String(value) };
}

/** The parts of exceljs's parsed workbook model that {@link boundSheets} reads (exceljs 4.4, between parsing and building). */
interface LoadedModel {
  worksheets?: ({ id?: number; name?: string; rows?: { number: number; cells?: { address?: string }[] }[]; cols?: { min?: number; max?: number }[]; mergeCells?: string[] } | undefined)[];
}

/** Column number of column letters (A → 1, XFD → 16,384); letters past 7 give a number over the bound without overflow. */
function columnNumber(letters: string): number {
  if (letters.length > 7) return Number.MAX_SAFE_INTEGER;
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & ~32) - 64;
  return n;
}

/**
 * Excel's limits on the cells of the parsed workbook, before exceljs builds its sheets: exceljs keeps rows and
 * sheets in arrays indexed by their numbers and walks every index, so one row `r="200000000"` took seconds
 * (a minute at 2^31), a row or cell reference it cannot index was dropped without a word, and a column past
 * XFD made the whole workbook unreadable. Here each row numbered outside 1–1,048,576 (or not numbered) and
 * each cell outside A–XFD (or without a reference) is an error naming its sheet and cell, and is not read;
 * sheets get small ids in their order. Column formats (widths, styles: never read) are clamped to A–XFD, and
 * merged ranges (exceljs fills every cell of one) outside the bounds or covering more than a million cells in
 * all are errors and not applied. What is left costs in proportion to the cells present.
 */
function boundSheets(model: LoadedModel, book: string, report: ImportReport): void {
  const sheets = model.worksheets ?? [];
  let id = 0;
  for (const ws of sheets) {
    if (!ws) continue;
    ws.id = ++id;
    const name = `${book}[${ws.name ?? `sheet ${id}`}]`;
    const kept: NonNullable<typeof ws.rows> = [];
    for (const row of ws.rows ?? []) {
      const first = row.cells?.find((c) => typeof c.address === "string")?.address;
      const n = row.number;
      if (!Number.isSafeInteger(n) || n < 1 || n > MAX_SHEET_ROWS) {
        const what = Number.isNaN(n) ? "a row without a row number" : `row ${n}`;
        report.error(name, "xlsx-bound", `${what}${first ? ` (cell ${first.slice(0, 40)})` : ""} is outside Excel's rows 1–${MAX_SHEET_ROWS.toLocaleString("en")}; the row is not read`, { ...(Number.isSafeInteger(n) && n > 0 ? { line: n } : { line: 1 }), column: 1 }, "save the workbook again from Excel or LibreOffice, or export the sheet as CSV");
        continue;
      }
      if (row.cells) {
        row.cells = row.cells.filter((c) => {
          const m = typeof c.address === "string" ? /^\$?([A-Z]+)\$?(\d+)$/.exec(c.address) : null;
          const col = m ? columnNumber(m[1]) : NaN;
          if (m && col >= 1 && col <= MAX_SHEET_COLUMNS) return true;
          const ref = typeof c.address === "string" ? `cell ${c.address.slice(0, 40)}` : "a cell without a reference";
          report.error(name, "xlsx-bound", `${ref} in row ${n} is outside Excel's columns A–XFD (1–${MAX_SHEET_COLUMNS.toLocaleString("en")}); the cell is not read`, { line: n, column: Number.isSafeInteger(col) && col >= 1 ? col : 1 }, "save the workbook again from Excel or LibreOffice, or export the sheet as CSV");
          return false;
        });
      }
      kept.push(row);
    }
    ws.rows = kept;
    for (const c of ws.cols ?? []) {
      if (typeof c.min === "number") c.min = Math.max(1, Math.min(MAX_SHEET_COLUMNS, c.min));
      if (typeof c.max === "number") c.max = Math.max(1, Math.min(MAX_SHEET_COLUMNS, c.max));
    }
    let merged = 0;
    ws.mergeCells = (ws.mergeCells ?? []).filter((range) => {
      const m = typeof range === "string" ? /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(range) : null;
      const [c1, r1, c2, r2] = m ? [columnNumber(m[1]), Number(m[2]), columnNumber(m[3]), Number(m[4])] : [NaN, NaN, NaN, NaN];
      const inside = [c1, c2].every((c) => c >= 1 && c <= MAX_SHEET_COLUMNS) && [r1, r2].every((r) => r >= 1 && r <= MAX_SHEET_ROWS);
      const area = inside ? (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1) : Infinity;
      if (inside && merged + area <= 1_000_000) {
        merged += area;
        return true;
      }
      const text = String(range).slice(0, 40);
      report.error(name, "xlsx-bound", inside ? `merged range ${text} takes the merged cells of the sheet over 1,000,000; not applied` : `merged range ${text} is outside Excel's rows 1–${MAX_SHEET_ROWS.toLocaleString("en")} and columns A–XFD; not applied`, { line: inside ? Math.min(r1, r2) : 1, column: inside ? Math.min(c1, c2) : 1 }, "unmerge the cells, or export the sheet as CSV");
      return false;
    });
  }
}

/** Read every sheet of a workbook as tables. Problems (unreadable file, error cells) go to the report. */
export async function readWorkbook(file: InputFile, report: ImportReport): Promise<SheetTable[] | undefined> {
  const bytes = file.bytes;
  if (!bytes || bytes.length === 0) {
    report.error(file.name, "empty-file", "the workbook is empty", { line: 1, column: 1 }, "save the workbook again as .xlsx");
    return undefined;
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    const old = bytes[0] === 0xd0 && bytes[1] === 0xcf;
    report.error(file.name, "xlsx-unreadable", old ? "this is an old binary Excel file (.xls), which is not read" : "this is not an .xlsx workbook (no zip container)", { line: 1, column: 1 }, "open it in Excel or LibreOffice and save it as .xlsx (or export the sheets as CSV)");
    return undefined;
  }
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  try {
    // The parsed model passes Excel's bounds before exceljs builds sheets from it (see boundSheets).
    const xlsx = wb.xlsx as unknown as { reconcile(model: LoadedModel, options: unknown): void };
    const reconcile = xlsx.reconcile.bind(xlsx);
    xlsx.reconcile = (model, opts) => {
      reconcile(model, opts);
      boundSheets(model, file.name, report);
    };
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await wb.xlsx.load(buffer);
  } catch (e) {
    report.error(file.name, "xlsx-unreadable", `the workbook cannot be read: ${e instanceof Error ? e.message : String(e)}`, { line: 1, column: 1 }, "save the workbook again as .xlsx");
    return undefined;
  }
  const tables: SheetTable[] = [];
  const book = file.name;
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    const lines: number[] = [];
    const name = `${book}[${ws.name}]`;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) {
        const { text, error } = cellText(values[c]);
        if (error) report.warn(name, "xlsx-error-cell", `cell ${columnLetters(c)}${rowNumber} holds the Excel error ${error}; read as empty`, { line: rowNumber, column: c }, "fix the formula in the workbook");
        if (text.length > MAX_FIELD_LENGTH) {
          report.error(name, "field-too-long", `cell ${columnLetters(c)}${rowNumber} holds ${text.length.toLocaleString("en")} characters (at most ${MAX_FIELD_LENGTH.toLocaleString("en")}); read as empty`, { line: rowNumber, column: c }, "look for a value pasted many times or a formula gone wrong; shorten the cell");
          cells[c - 1] = "";
          continue;
        }
        cells[c - 1] = text;
      }
      for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = "";
      while (cells.length > 0 && cells[cells.length - 1].trim() === "") cells.pop();
      if (cells.length === 0) return;
      rows.push(cells);
      lines.push(rowNumber);
    });
    // Excel leaves trailing empty cells out: pad rows to the header's width.
    const width = rows[0]?.length ?? 0;
    for (const r of rows) while (r.length < width) r.push("");
    tables.push({ sheet: ws.name, name, rows, line: (r) => lines[r] ?? (lines[lines.length - 1] ?? 0) + 1, column: (_r, f) => f + 1 });
  });
  return tables;
}

/**
 * A sheet as CSV text, for the readers that take files (matrix, roster), and a map from the text's
 * line/column back to the sheet's row/column. Every field is quoted so that the delimiter is never in doubt.
 */
export function sheetAsCsv(t: SheetTable, fileName = `${t.name}.csv`): { file: InputFile; locate(line: number, column: number): { row: number; column: number } } {
  const starts: { line: number; col: number; row: number; column: number }[] = [];
  let text = "";
  let line = 1;
  let col = 1;
  t.rows.forEach((cells, r) => {
    cells.forEach((cell, f) => {
      if (f > 0) {
        text += ",";
        col++;
      }
      starts.push({ line, col, row: t.line(r), column: t.column(r, f) });
      const q = `"${cell.replace(/"/g, '""')}"`;
      text += q;
      const parts = q.split(/\r\n|\r|\n/);
      if (parts.length > 1) {
        line += parts.length - 1;
        col = parts[parts.length - 1].length + 1;
      } else col += q.length;
    });
    text += "\n";
    line++;
    col = 1;
  });
  const locate = (l: number, c: number) => {
    let best = starts[0];
    for (const s of starts) {
      if (s.line < l || (s.line === l && s.col <= c)) best = s;
      else break;
    }
    return best ? { row: best.row, column: best.column } : { row: l, column: c };
  };
  return { file: { name: fileName, text }, locate };
}

