/**
 * Delimited text as field researchers' tools write it: delimiter sniffed among `,` `;` and tab, a UTF-8 BOM,
 * CRLF, LF or bare-CR line endings, quoted fields with `""` escapes and embedded line breaks.
 * Every field keeps its line and column (1-based) so that importers can point at it.
 */

export type Delimiter = "," | ";" | "\t";

export interface CsvTable {
  /** Rows of fields, header included, empty lines skipped. */
  rows: string[][];
  delimiter: Delimiter;
  hadBom: boolean;
  lineEnding: "LF" | "CRLF" | "CR" | "mixed" | "none";
  /** Line (1-based) of row r. */
  line(r: number): number;
  /** Column (1-based, in characters within its line) where field f of row r starts. */
  column(r: number, f: number): number;
  /** Problems of the text itself (unterminated quotes, text after a closing quote). */
  problems: { line: number; column: number; message: string }[];
}

/**
 * Pick the delimiter that splits the first lines most consistently (quotes respected): per candidate, the
 * delimiter counts of the first 20 lines from the first line that has one. One pass over the sample
 * counts the three candidates at once.
 */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  const candidates: Delimiter[] = [",", ";", "\t"];
  const codes = [44, 59, 9];
  const counts: number[][] = [[], [], []];
  const c = [0, 0, 0];
  // A candidate absent from the sample has no counts: the scan ends once the others have their 20 lines.
  const absent = candidates.map((d) => !sample.includes(d));
  let open = absent.filter((x) => !x).length;
  let inQuotes = false;
  for (let i = 0; i < sample.length && open > 0; i++) {
    const ch = sample.charCodeAt(i);
    if (ch === 34) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (ch === codes[0]) c[0]++;
    else if (ch === codes[1]) c[1]++;
    else if (ch === codes[2]) c[2]++;
    else if (ch === 10 || ch === 13) {
      if (ch === 13 && sample.charCodeAt(i + 1) === 10) i++;
      for (let k = 0; k < 3; k++) {
        if (absent[k] || counts[k].length >= 20) continue;
        if (c[k] > 0 || counts[k].length > 0) counts[k].push(c[k]);
        if (counts[k].length >= 20) open--;
        c[k] = 0;
      }
    }
  }
  let best: Delimiter = ",";
  let bestScore = -1;
  for (let k = 0; k < 3; k++) {
    if (absent[k]) continue;
    if (counts[k].length < 20 && c[k] > 0) counts[k].push(c[k]);
    if (counts[k].length === 0) continue;
    const first = counts[k][0];
    const consistent = counts[k].filter((x) => x === first).length / counts[k].length;
    const score = first > 0 ? consistent * 1000 + first : 0;
    if (score > bestScore) {
      bestScore = score;
      best = candidates[k];
    }
  }
  return best;
}

/** Where one row's fields start: 1-based columns within the row's line, and the row's line. */
interface RowPosition {
  line: number;
  columns: number[];
}

/** State of a scan through a text: position, line bookkeeping, line-ending counts and problems. */
interface ScanState {
  text: string;
  d: number;
  i: number;
  line: number;
  lineStart: number;
  crlf: number;
  lf: number;
  cr: number;
  problems: CsvTable["problems"];
}

/**
 * Consume the line break at `i` (CRLF, LF or a bare CR, counted by kind) and move the scan to the next
 * line; returns the offset after the break.
 */
function lineBreak(st: ScanState, i: number): number {
  const text = st.text;
  if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) {
    st.crlf++;
    i += 2;
  } else {
    if (text.charCodeAt(i) === 13) st.cr++;
    else st.lf++;
    i++;
  }
  st.line++;
  st.lineStart = i;
  return i;
}

/** Skip blank lines before a row; false at the end of the text. Sets `start` to where the row begins. */
function skipBlankLines(st: ScanState, start?: { line: number; offset: number; lineStart: number }): boolean {
  const text = st.text;
  const n = text.length;
  for (;;) {
    if (st.i >= n) return false;
    const c = text.charCodeAt(st.i);
    if (c !== 10 && c !== 13) break;
    st.i = lineBreak(st, st.i);
  }
  if (start) {
    start.line = st.line;
    start.offset = st.i;
    start.lineStart = st.lineStart;
  }
  return true;
}

/**
 * The fields of the row at `st.i` as ranges of the text (`starts[f]`, `ends[f]`), without making strings:
 * the number of fields, 0 at the end of the text, or -1 (nothing of the row consumed) when a field is
 * quoted or the row has more fields than `starts` holds — then {@link nextRow} reads it. The same rows
 * as {@link nextRow} for unquoted text.
 */
function nextRowRanges(st: ScanState, starts: Int32Array, ends: Int32Array, start: { line: number; offset: number; lineStart: number }): number {
  const text = st.text;
  const n = text.length;
  const d = st.d;
  if (!skipBlankLines(st, start)) return 0;
  let i = st.i;
  let k = 0;
  for (;;) {
    if (k === starts.length || (i < n && text.charCodeAt(i) === 34)) return -1;
    starts[k] = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === d || c === 10 || c === 13) break;
      i++;
    }
    ends[k++] = i;
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    i = lineBreak(st, i);
    break;
  }
  st.i = i;
  if (i >= n && k === 1 && starts[0] === ends[0]) return 0;
  return k;
}

/**
 * Parse the row that starts at `st.i` (blank lines are skipped first); returns its fields, or undefined at
 * the end of the text. With `columns`, the 1-based start column of every field is pushed there.
 */
function nextRow(st: ScanState, columns?: number[], start?: { line: number; offset: number; lineStart: number }): string[] | undefined {
  const text = st.text;
  const n = text.length;
  const d = st.d;
  if (!skipBlankLines(st, start)) return undefined;
  const rowLine = st.line;
  const row: string[] = [];
  let i = st.i;
  for (;;) {
    // At the start of a field.
    columns?.push(i - st.lineStart + 1);
    if (i < n && text.charCodeAt(i) === 34 /* " */) {
      const fieldCol = i - st.lineStart + 1;
      i++;
      let from = i;
      let buf = "";
      let closed = false;
      while (i < n) {
        const ch = text.charCodeAt(i);
        if (ch === 34) {
          if (text.charCodeAt(i + 1) === 34) {
            buf += text.slice(from, i + 1);
            i += 2;
            from = i;
            continue;
          }
          buf += text.slice(from, i);
          i++;
          closed = true;
          break;
        }
        if (ch === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          st.line++;
          st.lineStart = i + 1;
        } else if (ch === 10) {
          st.line++;
          st.lineStart = i + 1;
        }
        i++;
      }
      if (!closed) {
        st.problems.push({ line: rowLine, column: fieldCol, message: 'a quoted field is never closed (missing closing ")' });
        buf += text.slice(from, i);
      }
      // After the closing quote: expect the delimiter, a line break or the end.
      const after = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === 10 || c === 13) break;
        i++;
      }
      if (i > after) {
        const extra = text.slice(after, i);
        if (extra.trim() !== "") st.problems.push({ line: st.line, column: after - st.lineStart + 1, message: `text after a closing quote: ${JSON.stringify(extra.slice(0, 20))}` });
      }
      row.push(buf);
    } else {
      const from = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === 10 || c === 13) break;
        i++;
      }
      row.push(text.slice(from, i));
    }
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue; // a delimiter at the very end of the text gives one more empty field
    }
    // A line break ends the row.
    i = lineBreak(st, i);
    break;
  }
  st.i = i;
  if (i >= n && row.length === 1 && row[0] === "") return nextRow(st, columns, start);
  return row;
}

function lineEndingOf(st: ScanState): CsvTable["lineEnding"] {
  const kinds = [st.crlf > 0, st.lf > 0, st.cr > 0].filter(Boolean).length;
  return kinds === 0 ? "none" : kinds > 1 ? "mixed" : st.crlf > 0 ? "CRLF" : st.lf > 0 ? "LF" : "CR";
}

function startScan(input: string, delimiter?: Delimiter): { st: ScanState; d: Delimiter; hadBom: boolean } {
  let text = input;
  const hadBom = text.charCodeAt(0) === 0xfeff;
  if (hadBom) text = text.slice(1);
  const d = delimiter ?? sniffDelimiter(text);
  return { st: { text, d: d.charCodeAt(0), i: 0, line: 1, lineStart: 0, crlf: 0, lf: 0, cr: 0, problems: [] }, d, hadBom };
}

/**
 * A delimited text read row by row, without holding every row: for tables of millions of rows. The header
 * (first non-blank row) is read at once; {@link CsvRows.forEachRow} reads the rest. Lines and columns of
 * any row are known afterwards (columns by re-reading that one row), as in {@link parseCsv}.
 */
export class CsvRows {
  readonly header: string[] | undefined;
  readonly delimiter: Delimiter;
  readonly hadBom: boolean;
  private st: ScanState;
  // Line and offset of every row read (typed, grown by doubling: millions of rows). A row always starts a
  // line (after a line break, or at the start of the text), so its offset is also its line's start; a
  // string's length stays below 2^30, so an offset fits an Int32.
  private rowLine = new Int32Array(1024);
  private rowOffset = new Int32Array(1024);
  private count = 0;
  private done = false;

  constructor(input: string, delimiter?: Delimiter) {
    const { st, d, hadBom } = startScan(input, delimiter);
    this.st = st;
    this.delimiter = d;
    this.hadBom = hadBom;
    const at = { line: 1, offset: 0, lineStart: 0 };
    this.header = nextRow(st, undefined, at);
    if (this.header) this.remember(at);
  }

  private remember(at: { line: number; offset: number; lineStart: number }): void {
    if (this.count === this.rowLine.length) {
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.rowLine = grow(this.rowLine);
      this.rowOffset = grow(this.rowOffset);
    }
    this.rowLine[this.count] = at.line;
    this.rowOffset[this.count++] = at.offset;
  }

  /** An upper bound of the number of rows (line breaks + 1), for reserving space before reading. */
  estimateRows(): number {
    const text = this.st.text;
    let count = 1;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
    if (count === 1) for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) count++;
    return count;
  }

  /** Read the rows after the header, in order; `r` is the row's number (the header is row 0). */
  forEachRow(cb: (fields: string[], r: number) => void): void {
    // Unquoted rows are cut at their delimiters by the range scanner (the same fields as nextRow gives).
    this.forEachRowFast(() => false, cb);
  }

  /**
   * Read the rows after the header, in order, for readers of millions of rows: `fast` gets each unquoted
   * row as field ranges of `text` (no strings made) and returns false to have the row read as strings
   * after all; `slow` gets those rows and the quoted ones as fields, as {@link forEachRow} does.
   */
  forEachRowFast(fast: (r: number, starts: Int32Array, ends: Int32Array, fields: number) => boolean, slow: (fields: string[], r: number) => void): void {
    if (this.done) throw new Error("CsvRows: the rows were already read");
    const at = { line: 1, offset: 0, lineStart: 0 };
    const width = Math.max(1, this.header?.length ?? 1);
    const starts = new Int32Array(width + 1);
    const ends = new Int32Array(width + 1);
    const text = this.st.text;
    for (;;) {
      const k = nextRowRanges(this.st, starts, ends, at);
      if (k === 0) break;
      if (k > 0) {
        this.remember(at);
        const r = this.count - 1;
        if (fast(r, starts, ends, k)) continue;
        const fields = new Array<string>(k);
        for (let f = 0; f < k; f++) fields[f] = text.slice(starts[f], ends[f]);
        slow(fields, r);
        continue;
      }
      const row = nextRow(this.st, undefined, at);
      if (!row) break;
      this.remember(at);
      slow(row, this.count - 1);
    }
    this.done = true;
  }

  /** The text being read (BOM removed): the ranges given to {@link forEachRowFast} index into it. */
  get text(): string {
    return this.st.text;
  }

  /** Number of rows read so far, header included. */
  get rowCount(): number {
    return this.count;
  }
  get problems(): CsvTable["problems"] {
    return this.st.problems;
  }
  get lineEnding(): CsvTable["lineEnding"] {
    return lineEndingOf(this.st);
  }
  line(r: number): number {
    return r < this.count ? this.rowLine[r] : this.st.line;
  }
  column(r: number, f: number): number {
    // The last row asked about is kept: a header of 20,000 fields with an issue per field is re-read once, not 20,000 times.
    if (this.located?.r !== r) {
      const pos = this.position(r);
      if (!pos) return 1;
      this.located = { r, columns: pos.columns, fields: this.fieldsOf(r) };
    }
    return columnOf(this.located.columns, f, this.located.fields);
  }
  private located: { r: number; columns: number[]; fields: string[] } | undefined;

  private fieldsOf(r: number): string[] {
    if (r >= this.count) return [];
    return nextRow(this.stateAt(r)) ?? [];
  }

  private position(r: number): RowPosition | undefined {
    if (r >= this.count) return undefined;
    const columns: number[] = [];
    nextRow(this.stateAt(r), columns);
    return { line: this.rowLine[r], columns };
  }

  /** A scan state at the start of row r (read again to locate its fields). */
  private stateAt(r: number): ScanState {
    return { ...this.st, i: this.rowOffset[r], line: this.rowLine[r], lineStart: this.rowOffset[r], problems: [] };
  }
}

/** The column of field f given the row's field start columns; past the last field, one past its end. */
function columnOf(columns: number[], f: number, fields: string[]): number {
  if (f < columns.length) return columns[f];
  return columns.length > 0 ? columns[columns.length - 1] + (fields[fields.length - 1]?.length ?? 0) + 1 : 1;
}

/** Parse delimited text. `delimiter` overrides sniffing. */
export function parseCsv(input: string, delimiter?: Delimiter): CsvTable {
  const { st, d, hadBom } = startScan(input, delimiter);
  const rows: string[][] = [];
  const rowLines: number[] = [];
  const rowColumns: number[][] = [];
  const at = { line: 1, offset: 0, lineStart: 0 };
  for (;;) {
    const columns: number[] = [];
    const row = nextRow(st, columns, at);
    if (!row) break;
    rows.push(row);
    rowLines.push(at.line);
    rowColumns.push(columns);
  }
  return {
    rows,
    delimiter: d,
    hadBom,
    lineEnding: lineEndingOf(st),
    problems: st.problems,
    line: (r) => rowLines[r] ?? st.line,
    column: (r, f) => (rowColumns[r] === undefined ? 1 : columnOf(rowColumns[r], f, rows[r])),
  };
}

/** Quote a field for writing when needed. */
export function csvField(value: unknown, delimiter: Delimiter = ","): string {
  if (value === undefined || value === null) return "";
  const s = String(value);
  if (s.includes(delimiter) || s.includes('"') || s.includes("\n") || s.includes("\r") || s !== s.trim()) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** Write rows as delimited text with LF line endings. */
export function writeCsv(rows: unknown[][], delimiter: Delimiter = ","): string {
  return rows.map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter)).join("\n") + "\n";
}
