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

/** Pick the delimiter that splits the first lines most consistently (quotes respected). */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  const candidates: Delimiter[] = [",", ";", "\t"];
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const d of candidates) {
    const counts: number[] = [];
    let inQuotes = false;
    let c = 0;
    for (let i = 0; i < sample.length && counts.length < 20; i++) {
      const ch = sample[i];
      if (ch === '"') inQuotes = !inQuotes;
      else if (!inQuotes && ch === d) c++;
      else if (!inQuotes && (ch === "\n" || ch === "\r")) {
        if (ch === "\r" && sample[i + 1] === "\n") i++;
        if (c > 0 || counts.length > 0) counts.push(c);
        c = 0;
      }
    }
    if (c > 0) counts.push(c);
    if (counts.length === 0) continue;
    const first = counts[0];
    const consistent = counts.filter((x) => x === first).length / counts.length;
    const score = first > 0 ? consistent * 1000 + first : 0;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Parse delimited text. `delimiter` overrides sniffing. */
export function parseCsv(input: string, delimiter?: Delimiter): CsvTable {
  let text = input;
  const hadBom = text.charCodeAt(0) === 0xfeff;
  if (hadBom) text = text.slice(1);
  const d = delimiter ?? sniffDelimiter(text);
  const rows: string[][] = [];
  const rowLines: number[] = [];
  const colStart: number[] = []; // flat columns
  const rowColOffset: number[] = [];
  const problems: CsvTable["problems"] = [];
  let crlf = 0;
  let lf = 0;
  let cr = 0;

  let line = 1;
  let lineStart = 0; // offset of the current line's first char
  let i = 0;
  const n = text.length;
  let row: string[] = [];
  let cols: number[] = [];
  let rowLine = 1;
  let field = "";
  let fieldStartCol = 1;
  let atFieldStart = true;

  const endField = () => {
    row.push(field);
    cols.push(fieldStartCol);
    field = "";
    atFieldStart = true;
  };
  const endRow = () => {
    // skip rows that are entirely empty (a blank line)
    if (!(row.length === 1 && row[0] === "")) {
      rowColOffset.push(colStart.length);
      for (const c of cols) colStart.push(c);
      rows.push(row);
      rowLines.push(rowLine);
    }
    row = [];
    cols = [];
  };
  const newline = (at: number, width: number) => {
    line++;
    lineStart = at + width;
  };

  while (i < n) {
    if (atFieldStart) {
      if (row.length === 0) rowLine = line;
      fieldStartCol = i - lineStart + 1;
      atFieldStart = false;
      if (text[i] === '"') {
        // quoted field
        i++;
        let closed = false;
        let start = i;
        let buf = "";
        while (i < n) {
          const ch = text.charCodeAt(i);
          if (ch === 34 /* " */) {
            if (text.charCodeAt(i + 1) === 34) {
              buf += text.slice(start, i + 1);
              i += 2;
              start = i;
              continue;
            }
            buf += text.slice(start, i);
            i++;
            closed = true;
            break;
          }
          if (ch === 13 /* \r */) {
            if (text.charCodeAt(i + 1) === 10) {
              newline(i, 2);
              i += 2;
              continue;
            }
            newline(i, 1);
          } else if (ch === 10) newline(i, 1);
          i++;
        }
        if (!closed) {
          problems.push({ line: rowLine, column: fieldStartCol, message: "a quoted field is never closed (missing closing \")" });
          buf += text.slice(start, i);
        }
        field = buf;
        // after the closing quote: expect delimiter, newline or end
        const afterStart = i;
        while (i < n && text[i] !== d && text[i] !== "\n" && text[i] !== "\r") i++;
        if (i > afterStart) {
          const extra = text.slice(afterStart, i);
          if (extra.trim() !== "") problems.push({ line, column: afterStart - lineStart + 1, message: `text after a closing quote: ${JSON.stringify(extra.slice(0, 20))}` });
        }
        continue;
      }
    }
    // unquoted: scan to delimiter or newline
    const start = i;
    while (i < n) {
      const c = text[i];
      if (c === d || c === "\n" || c === "\r") break;
      i++;
    }
    field += text.slice(start, i);
    if (i >= n) break;
    const c = text[i];
    if (c === d) {
      endField();
      i++;
      if (i >= n) {
        // trailing delimiter at end of text: one more empty field
        fieldStartCol = i - lineStart + 1;
        endField();
        endRow();
        atFieldStart = true;
        field = "";
        return finish();
      }
      continue;
    }
    // newline
    endField();
    endRow();
    if (c === "\r" && text[i + 1] === "\n") {
      crlf++;
      newline(i, 2);
      i += 2;
    } else {
      if (c === "\r") cr++;
      else lf++;
      newline(i, 1);
      i++;
    }
  }
  if (!atFieldStart || field !== "" || row.length > 0) {
    endField();
    endRow();
  }
  return finish();

  function finish(): CsvTable {
    const kinds = [crlf > 0, lf > 0, cr > 0].filter(Boolean).length;
    const lineEnding = kinds === 0 ? "none" : kinds > 1 ? "mixed" : crlf > 0 ? "CRLF" : lf > 0 ? "LF" : "CR";
    return {
      rows,
      delimiter: d,
      hadBom,
      lineEnding,
      problems,
      line: (r) => rowLines[r] ?? line,
      column: (r, f) => {
        const off = rowColOffset[r];
        if (off === undefined) return 1;
        const end = r + 1 < rowColOffset.length ? rowColOffset[r + 1] : colStart.length;
        if (off + f < end) return colStart[off + f];
        // past the last field: one past the end of the last field's start
        return end > off ? colStart[end - 1] + (rows[r][rows[r].length - 1]?.length ?? 0) + 1 : 1;
      },
    };
  }
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
