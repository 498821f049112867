/**
 * UCINET DL: read every sub-format, write FULLMATRIX (several relations via NM) and EDGELIST1.
 *
 * Reading follows UCINET's DL language as its own reader behaves (shared/reference/ecosystem.md §1.4): the
 * file starts with `DL`; words are separated by blanks, commas, line breaks or `=` (so `=` is optional);
 * keywords are case-insensitive and may be abbreviated (`NR`/`NROWS`, `NM`/`NMAT`/`NREL`, `FORMAT=el1`);
 * `N` (square) or `NR` and `NC` (two-mode), `NM` matrices, `FORMAT` (default FULLMATRIX), `DIAGONAL =
 * ABSENT|PRESENT`; label blocks `LABELS:`, `ROW LABELS:`, `COLUMN LABELS:`, `MATRIX LABELS:` (labels
 * separated like words, `"quoted"` to hold blanks), or `LABELS EMBEDDED` (also `ROW`/`COLUMN LABELS
 * EMBEDDED`; the phrase is tolerated inside a label block, as in files UCINET writes); then `DATA:`.
 *
 * Sub-formats: FULLMATRIX (row by row; without its diagonal under DIAGONAL ABSENT; with embedded labels the
 * first line holds column labels and each row starts with its label), LOWERHALF/UPPERHALF (symmetric,
 * diagonal present unless DIAGONAL ABSENT), EDGELIST1 (`i j [value]` per line, value 1 when omitted),
 * EDGELIST2 (two-mode `row column [value]`), NODELIST1 (`ego alter alter …`; `ego` alone keeps an isolate),
 * NODELIST1B (`k alter₁ … alter_k` for every actor in order), NODELIST2 (two-mode node list). BLOCKMATRIX and
 * EDGEARRAY are refused by name. Actors are given by number (1-based, into the labels) or by label.
 * A file whose data holds too few or too many values is refused ("holds X values, not Y") — UCINET itself
 * silently pads missing values, which hides truncated files.
 *
 * Mapping to the model: cell (i, j) of a matrix is a tie i → j of strength value (0 = no tie; a negative
 * value is an error); with `--direction asks`, i asks j and knowledge flows j → i. Matrix k is relation
 * `MATRIX LABELS`[k] (a label `advice@2015` is relation advice, wave 2015 — the form the writer uses for
 * waves); without matrix labels the relation is `--relation` (default `knowledge`), numbered when NM > 1.
 * Half matrices are symmetric: each off-diagonal cell gives two ties marked `undirected` (as Pajek *Edges).
 * Two-mode data (NR × NC, EDGELIST2, NODELIST2): rows and columns are distinct actors with the attribute
 * `mode` (1 = row, 2 = column); ties go row → column; unlabelled rows are numbered 1…NR and columns
 * NR+1…NR+NC, as Pajek numbers two-mode vertices. Edge- and node-list files with NM > 1 are refused: how
 * their matrices are separated is not documented.
 *
 * A DL file carries no actor attributes. When an actor table `<stem>.nodes.csv` (tidy columns) lies beside
 * the file — the writer puts one there — actors come from it and DL labels are matched to its ids.
 *
 * Writing: FULLMATRIX (default) with one matrix per relation (× wave) and MATRIX LABELS, or EDGELIST1 (one
 * relation) with `dlFormat: "edgelist1"`. Labels are the actor ids, quoted when they hold blanks or commas;
 * parallel ties of one relation and wave are summed into one cell; tie attributes other than relation,
 * wave and weight are not written. Notes on what was merged or left out go to `options.notes`.
 */
import type { ClusterGraph, NominationDirection } from "../model/types.js";
import { addActor, addTie, createClusterGraph } from "../model/graph.js";
import { finishImport, parseNumber, type Format, type ImportResult, type InputFile, type ReadOptions, type WriteOptions, type WriteResult } from "./format.js";
import { ImportReport, InputError } from "./report.js";
import { isNodesCompanion, readActorCompanion, writeTidy } from "./tidy.js";
import { decodeText } from "./encoding.js";
import { declaredSizeLimit } from "./limits.js";

// ---------------------------------------------------------------------------------------------------------
// Tokens

interface Token {
  text: string;
  line: number;
  column: number;
  quoted: boolean;
  /** First token on its line. */
  first: boolean;
}

/**
 * Words of a DL file, produced on demand: the header is kept (it is read with look-ahead), the data is
 * streamed, so a large matrix never exists as millions of token objects at once.
 */
class Lexer {
  private text: string;
  private i = 0;
  private line = 1;
  private lineStart = 0;
  private firstOnLine = true;
  /** Tokens read so far and kept (the header); the data cursor stops keeping them. */
  private buf: Token[] = [];
  private keep = true;
  last: Token | undefined;

  constructor(
    input: string,
    private file: string,
    private report: ImportReport,
  ) {
    this.text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  }

  private lex(): Token | undefined {
    const text = this.text;
    const n = text.length;
    let i = this.i;
    while (i < n) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || ch === 13) {
        if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
        i++;
        this.line++;
        this.lineStart = i;
        this.firstOnLine = true;
        continue;
      }
      // blank, tab, comma, '=', form feed, vertical tab
      if (ch === 32 || ch === 9 || ch === 44 || ch === 61 || ch === 12 || ch === 11) {
        i++;
        continue;
      }
      const column = i - this.lineStart + 1;
      const first = this.firstOnLine;
      this.firstOnLine = false;
      if (ch === 34 || ch === 39) {
        let j = i + 1;
        while (j < n && text.charCodeAt(j) !== ch && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
        const closed = j < n && text.charCodeAt(j) === ch;
        if (!closed) this.report.error(this.file, "dl-quote", `label opened with ${text[i]} is not closed on this line`, { line: this.line, column }, `close the label with ${text[i]}`);
        this.i = closed ? j + 1 : j;
        return { text: text.slice(i + 1, j), line: this.line, column, quoted: true, first };
      }
      let j = i + 1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 32 || c === 9 || c === 44 || c === 61 || c === 10 || c === 13 || c === 12 || c === 11) break;
        j++;
      }
      this.i = j;
      return { text: text.slice(i, j), line: this.line, column, quoted: false, first };
    }
    this.i = i;
    return undefined;
  }

  /** Token k of the file (header look-ahead). */
  get(k: number): Token | undefined {
    while (this.keep && this.buf.length <= k) {
      const t = this.lex();
      if (!t) return undefined;
      this.last = t;
      this.buf.push(t);
    }
    return this.buf[k];
  }

  /** The tokens from k on, streamed: kept tokens first, then straight from the text. */
  cursor(k: number): Cursor {
    const pending = this.buf.slice(k);
    this.keep = false;
    this.buf = [];
    let peeked: Token | undefined;
    let hasPeeked = false;
    const pull = (): Token | undefined => {
      const t = pending.length > 0 ? pending.shift() : this.lex();
      if (t) this.last = t;
      return t;
    };
    return {
      next: () => {
        if (hasPeeked) {
          hasPeeked = false;
          return peeked;
        }
        return pull();
      },
      peek: () => {
        if (!hasPeeked) {
          peeked = pull();
          hasPeeked = true;
        }
        return peeked;
      },
    };
  }
}

interface Cursor {
  next(): Token | undefined;
  peek(): Token | undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Keywords

type Keyword = "N" | "NR" | "NC" | "NM" | "FORMAT" | "DIAGONAL" | "LABELS" | "ROW" | "COLUMN" | "MATRIX" | "EMBEDDED" | "DATA";

const KEYWORDS: [Keyword, string, string][] = [
  // canonical, shortest accepted prefix, full word
  ["NM", "NM", "NMATRICES"],
  ["NM", "NL", "NLEVELS"],
  ["NM", "NREL", "NRELATIONS"],
  ["NM", "NRESP", "NRESPONDENTS"],
  ["NR", "NR", "NROWS"],
  ["NR", "NI", "NI"],
  ["NC", "NC", "NCOLUMNS"],
  ["NC", "NC", "NCOLS"],
  ["NC", "NJ", "NJ"],
  ["N", "N", "N"],
  ["FORMAT", "FO", "FORMAT"],
  ["DIAGONAL", "DI", "DIAGONAL"],
  ["LABELS", "LA", "LABELS"],
  ["ROW", "ROW", "ROWS"],
  ["COLUMN", "COL", "COLUMNS"],
  ["MATRIX", "MAT", "MATRIX"],
  ["MATRIX", "LEV", "LEVELS"],
  ["EMBEDDED", "EMB", "EMBEDDED"],
  ["DATA", "DATA", "DATA"],
  ["DATA", "BEGIN", "BEGIN"],
  ["DATA", "START", "START"],
];

function keyword(word: string): Keyword | undefined {
  const u = word.toUpperCase();
  for (const [canon, min, full] of KEYWORDS) if (u.startsWith(min) && full.startsWith(u)) return canon;
  return undefined;
}

type SubFormat = "fullmatrix" | "upperhalf" | "lowerhalf" | "edgelist1" | "edgelist2" | "nodelist1" | "nodelist1b" | "nodelist2";

function subFormat(word: string): SubFormat | "refused" | undefined {
  const u = word.toUpperCase().replace(/[\s_-]/g, "");
  const exact: Record<string, SubFormat> = {
    EL1: "edgelist1", EDGELIST1: "edgelist1", EDGELIST: "edgelist1", E1: "edgelist1",
    EL2: "edgelist2", EDGELIST2: "edgelist2", E2: "edgelist2",
    NL1: "nodelist1", NODELIST1: "nodelist1", NODELIST: "nodelist1",
    NL1B: "nodelist1b", NODELIST1B: "nodelist1b",
    NL2: "nodelist2", NODELIST2: "nodelist2",
    FM: "fullmatrix", UH: "upperhalf", LH: "lowerhalf",
  };
  if (exact[u]) return exact[u];
  if (u.length >= 2 && "FULLMATRIX".startsWith(u)) return "fullmatrix";
  if (u.length >= 2 && "UPPERHALF".startsWith(u)) return "upperhalf";
  if (u.length >= 2 && "LOWERHALF".startsWith(u)) return "lowerhalf";
  if (/^(BLOCKMATRIX|BLOCK|EDGEARRAY|EA|LINKEDLIST|RANKEDLIST)/.test(u)) return "refused";
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Reading

interface Header {
  n?: number;
  nr?: number;
  nc?: number;
  nm: number;
  format: SubFormat;
  diagonal: "present" | "absent";
  rowLabels?: Token[];
  colLabels?: Token[];
  matrixLabels?: Token[];
  rowEmbedded: boolean;
  colEmbedded: boolean;
  dataStart: number;
}

/** A value of one cell: matrix k, row i, column j (0-based), with the token it came from. */
interface Cell {
  k: number;
  i: number;
  j: number;
  value: number;
  at: Token;
}

const MISSING = new Set([".", "NA", "?", "*"]);

class DlReader {
  private pos = 0;
  readonly cells: Cell[] = [];
  /** Labels met in the data (embedded): per axis, label → index. */
  rowNames: string[] = [];
  colNames: string[] = [];
  /** Where each embedded label stands (for messages about the label itself). */
  rowNameTokens: Token[] = [];
  colNameTokens: Token[] = [];
  missing = 0;

  constructor(
    private lexer: Lexer,
    private file: string,
    private report: ImportReport,
  ) {}

  lastToken(): Token | undefined {
    return this.lexer.last;
  }

  private at(t: Token | undefined) {
    return t ? { line: t.line, column: t.column } : { line: 1, column: 1 };
  }

  header(): Header | undefined {
    const { file, report } = this;
    const tok = (k: number) => this.lexer.get(k);
    const first = tok(0);
    if (!first || first.quoted || first.text.toUpperCase() !== "DL") {
      report.error(file, "not-dl", `a DL file starts with the word DL${first ? `, not "${first.text}"` : ""}`, this.at(first) ?? { line: 1, column: 1 }, "is this a UCINET DL file? pass --format to read it as another format");
      return undefined;
    }
    const h: Header = { nm: 1, format: "fullmatrix", diagonal: "present", rowEmbedded: false, colEmbedded: false, dataStart: 0 };
    let p = 1;
    const int = (kw: string): number | undefined => {
      const t = tok(p + 1);
      const v = t ? parseNumber(t.text) : undefined;
      if (t === undefined || v === undefined || !Number.isInteger(v) || v < 0) {
        report.error(file, "dl-header", `${kw} must be followed by a whole number${t ? `, not "${t.text}"` : ""}`, this.at(t ?? tok(p)), `write e.g. ${kw} = 10`);
        p += t && parseNumber(t.text) === undefined ? 1 : 2;
        return undefined;
      }
      p += 2;
      return v;
    };
    const word = (t: Token | undefined) => (t && !t.quoted ? t.text.replace(/:$/, "") : "");
    const endsWithColon = (t: Token | undefined) => !!t && !t.quoted && t.text.endsWith(":");
    /** Read labels up to the next block word at a line start. */
    const labelBlock = (): Token[] => {
      const labels: Token[] = [];
      for (let t = tok(p); t !== undefined; t = tok(p)) {
        if (!t.quoted && t.first) {
          const k = keyword(word(t));
          const next = tok(p + 1);
          const blockStart =
            (k === "DATA" && (endsWithColon(t) || !next || next.line !== t.line)) ||
            (k === "LABELS" && endsWithColon(t)) ||
            ((k === "ROW" || k === "COLUMN" || k === "MATRIX") && next && !next.quoted && next.line === t.line && keyword(word(next)) === "LABELS");
          if (blockStart) break;
        }
        // "LABELS EMBEDDED" inside a label block (UCINET writes it there): a flag, not two labels.
        const after = tok(p + 1);
        if (!t.quoted && keyword(word(t)) === "LABELS" && after && !after.quoted && keyword(word(after)) === "EMBEDDED") {
          h.rowEmbedded = h.colEmbedded = true;
          p += 2;
          continue;
        }
        if (t.text === ":" && !t.quoted && labels.length === 0) {
          p++;
          continue;
        }
        labels.push(t);
        p++;
      }
      return labels;
    };
    for (let t = tok(p); t !== undefined; t = tok(p)) {
      const w = word(t);
      const kw = t.quoted ? undefined : keyword(w);
      if (kw === "N" || kw === "NR" || kw === "NC" || kw === "NM") {
        const v = int(w.toUpperCase());
        if (v !== undefined) {
          if (kw === "N") h.n = v;
          else if (kw === "NR") h.nr = v;
          else if (kw === "NC") h.nc = v;
          else h.nm = v;
        }
        continue;
      }
      if (kw === "FORMAT") {
        const v = tok(p + 1);
        const f = v ? subFormat(v.text) : undefined;
        if (f === "refused") {
          report.error(file, "dl-format", `FORMAT ${v!.text} is not supported`, this.at(v), "export the data from UCINET as FULLMATRIX or EDGELIST1");
          return undefined;
        }
        if (!f) {
          report.error(file, "dl-format", `unknown FORMAT "${v?.text ?? ""}"`, this.at(v ?? t), "use FULLMATRIX, LOWERHALF, UPPERHALF, EDGELIST1, EDGELIST2, NODELIST1, NODELIST1B or NODELIST2");
          return undefined;
        }
        h.format = f;
        p += 2;
        continue;
      }
      if (kw === "DIAGONAL") {
        const v = tok(p + 1);
        const u = (v?.text ?? "").toUpperCase();
        if (u.startsWith("ABS")) h.diagonal = "absent";
        else if (u.startsWith("PRES")) h.diagonal = "present";
        else report.error(file, "dl-header", `DIAGONAL must be ABSENT or PRESENT, not "${v?.text ?? ""}"`, this.at(v ?? t));
        p += 2;
        continue;
      }
      if (kw === "ROW" || kw === "COLUMN" || kw === "MATRIX" || kw === "LABELS") {
        let axis: "both" | "row" | "column" | "matrix" = "both";
        let lt: Token | undefined = t;
        if (kw !== "LABELS") {
          axis = kw === "ROW" ? "row" : kw === "COLUMN" ? "column" : "matrix";
          p++;
          lt = tok(p);
          if (!lt || lt.quoted || keyword(word(lt)) !== "LABELS") {
            report.error(file, "dl-header", `expected LABELS after ${w}`, this.at(lt ?? t), `write ${w.toUpperCase()} LABELS:`);
            continue;
          }
        }
        const next = tok(p + 1);
        if (!endsWithColon(lt) && next && !next.quoted && keyword(word(next)) === "EMBEDDED") {
          if (axis === "row") h.rowEmbedded = true;
          else if (axis === "column") h.colEmbedded = true;
          else h.rowEmbedded = h.colEmbedded = true;
          p += 2;
          if (tok(p)?.text === ":") p++;
          continue;
        }
        p++;
        const labels = labelBlock();
        if (axis === "row") h.rowLabels = labels;
        else if (axis === "column") h.colLabels = labels;
        else if (axis === "matrix") h.matrixLabels = labels;
        else h.rowLabels = h.colLabels = labels;
        continue;
      }
      if (kw === "EMBEDDED") {
        h.rowEmbedded = h.colEmbedded = true;
        p++;
        continue;
      }
      if (kw === "DATA") {
        p++;
        if (tok(p)?.text === ":") p++;
        h.dataStart = p;
        return h;
      }
      if (t.text === ":") {
        p++;
        continue;
      }
      if (parseNumber(t.text) !== undefined && (h.n !== undefined || h.nr !== undefined)) {
        report.warn(file, "dl-no-data", "no DATA: line before the values; the data is taken to start here", this.at(t), "write DATA: on the line before the values");
        h.dataStart = p;
        return h;
      }
      report.error(file, "dl-header", `unknown word "${t.text}" in the DL header`, this.at(t), "header words are N, NR, NC, NM, FORMAT, DIAGONAL, LABELS, ROW LABELS, COLUMN LABELS, MATRIX LABELS, LABELS EMBEDDED, DATA");
      p++;
    }
    report.error(file, "dl-no-data", "the file has no DATA: section", this.at(this.lexer.last), "write DATA: followed by the values");
    return undefined;
  }

  /** The data block, streamed. */
  data(h: Header): Cursor {
    return this.lexer.cursor(h.dataStart);
  }

  value(t: Token): number | undefined {
    if (MISSING.has(t.text.toUpperCase())) {
      this.missing++;
      return 0;
    }
    const v = parseNumber(t.text);
    if (v === undefined) {
      this.report.error(this.file, "dl-value", `"${t.text}" is not a number`, this.at(t), "matrix values must be numbers (0 = no tie)");
      return undefined;
    }
    return v;
  }

  cell(k: number, i: number, j: number, t: Token): void {
    const v = this.value(t);
    if (v === undefined || v === 0) return;
    if (v < 0) {
      this.report.error(this.file, "negative-weight", `value ${v} is negative; no tie read here`, this.at(t), "tie strengths must be ≥ 0; code negative ties (e.g. distrust) as a separate relation");
      this.report.count("rowsDropped");
      return;
    }
    this.cells.push({ k, i, j, value: v, at: t });
  }
}

function countError(file: string, report: ImportReport, held: number, expected: number, what: string, at: Token | undefined): void {
  report.error(
    file,
    "dl-count",
    `the data holds ${held} ${what}, not ${expected}`,
    at ? { line: at.line, column: at.column } : { line: 1, column: 1 },
    held > expected ? "remove the extra values, or correct N/NM in the header" : "the file looks truncated: add the missing values, or correct N/NM in the header",
  );
}

/** Read matrices (full or half) as a token stream; embedded labels are consumed where they stand. */
function readMatrices(r: DlReader, h: Header, nr: number, nc: number, data: Cursor, file: string, report: ImportReport): void {
  const half = h.format === "lowerhalf" || h.format === "upperhalf";
  const diag = h.diagonal === "present";
  const perRow = (i: number) => {
    if (!half) return diag || nr !== nc ? nc : nc - 1;
    if (h.format === "lowerhalf") return diag ? i + 1 : i;
    return diag ? nc - i : nc - i - 1;
  };
  let expectedValues = 0;
  for (let i = 0; i < nr; i++) expectedValues += perRow(i);
  expectedValues *= h.nm;
  let values = 0;
  let last: Token | undefined;
  const isNum = (t: Token | undefined) => !!t && !t.quoted && (parseNumber(t.text) !== undefined || MISSING.has(t.text.toUpperCase()));
  for (let k = 0; k < h.nm; k++) {
    if (h.colEmbedded && (k === 0 || (data.peek() !== undefined && !isNum(data.peek())))) {
      const names: Token[] = [];
      for (let j = 0; j < nc && data.peek() !== undefined; j++) names.push(data.next()!);
      if (k === 0) {
        r.colNames = names.map((t) => t.text);
        r.colNameTokens = names;
      }
    }
    for (let i = 0; i < nr; i++) {
      if (h.rowEmbedded) {
        const t = data.next();
        if (!t) break;
        if (k === 0) {
          r.rowNames[i] = t.text;
          r.rowNameTokens[i] = t;
        } else if (r.rowNames[i] !== t.text) report.warn(file, "dl-label", `row ${i + 1} of matrix ${k + 1} is labelled "${t.text}", not "${r.rowNames[i]}" as in the first matrix; the first label is kept`, { line: t.line, column: t.column });
      }
      const count = perRow(i);
      for (let c = 0; c < count; c++) {
        const t = data.next();
        if (!t) break;
        let j: number;
        if (!half) j = diag || nr !== nc ? c : c < i ? c : c + 1;
        else if (h.format === "lowerhalf") j = c;
        else j = diag ? i + c : i + 1 + c;
        last = t;
        values++;
        r.cell(k, i, j, t);
      }
    }
  }
  let rest = 0;
  let surplus: Token | undefined;
  for (let t = data.next(); t; t = data.next()) {
    surplus ??= t;
    rest++;
  }
  if (values < expectedValues || rest > 0) countError(file, report, values + rest, expectedValues, "values", rest > 0 ? surplus : last);
}

/** The data tokens grouped by line, streamed. */
function* lines(data: Cursor): Generator<Token[]> {
  let cur: Token[] = [];
  for (let t = data.next(); t; t = data.next()) {
    if (cur.length > 0 && t.line !== cur[0].line) {
      yield cur;
      cur = [];
    }
    cur.push(t);
  }
  if (cur.length > 0) yield cur;
}

/** Resolve an actor written in a list format: a number into the labels, or a label. */
class Axis {
  private byName = new Map<string, number>();
  names: (string | undefined)[];
  /** Where each label met in the data stands. */
  tokens: (Token | undefined)[] = [];
  constructor(
    public size: number,
    labels: string[] | undefined,
    public embedded: boolean,
    private what: string,
  ) {
    this.names = labels ? [...labels] : new Array(size).fill(undefined);
    labels?.forEach((l, i) => {
      if (!this.byName.has(l)) this.byName.set(l, i);
      if (!this.byName.has(l.toUpperCase())) this.byName.set(l.toUpperCase(), i);
    });
  }
  resolve(t: Token, file: string, report: ImportReport): number | undefined {
    const num = parseNumber(t.text);
    if (!this.embedded && !t.quoted && num !== undefined) {
      if (!Number.isInteger(num) || num < 1 || num > this.size) {
        report.error(file, "dl-index", `${this.what} ${t.text} is not between 1 and ${this.size}`, { line: t.line, column: t.column }, `actors are numbered 1 to ${this.size}; check N in the header`);
        return undefined;
      }
      return num - 1;
    }
    const hit = this.byName.get(t.text) ?? this.byName.get(t.text.toUpperCase());
    if (hit !== undefined) return hit;
    if (!this.embedded) {
      report.error(file, "dl-label", `"${t.text}" is not one of the labels`, { line: t.line, column: t.column }, "use the actor's number or a label from LABELS:, or declare LABELS EMBEDDED");
      return undefined;
    }
    const free = this.names.findIndex((x) => x === undefined);
    if (free < 0) {
      report.error(file, "dl-count", `"${t.text}" is label number ${this.size + 1}, but the header declares ${this.size} ${this.what}s`, { line: t.line, column: t.column }, "correct N (or NR/NC) in the header");
      this.size++;
      this.names.push(t.text);
      this.byName.set(t.text, this.size - 1);
      return this.size - 1;
    }
    this.names[free] = t.text;
    this.tokens[free] = t;
    this.byName.set(t.text, free);
    return free;
  }
}

function readLists(r: DlReader, h: Header, rows: Axis, cols: Axis, data: Cursor, file: string, report: ImportReport): void {
  if (h.nm > 1) {
    report.error(file, "dl-nm-list", `NM = ${h.nm} with FORMAT ${h.format.toUpperCase()}: how the matrices of an edge or node list are separated is not documented, so the file is refused`, { line: data.peek()?.line, column: data.peek()?.column }, "write one file per relation, or use FORMAT = FULLMATRIX with NM");
    return;
  }
  if (h.format === "nodelist1b") {
    for (let i = 0; i < rows.size; i++) {
      const t = data.next();
      if (!t) {
        countError(file, report, i, rows.size, "actor rows", r.lastToken());
        return;
      }
      const k = parseNumber(t.text);
      if (k === undefined || !Number.isInteger(k) || k < 0) {
        report.error(file, "dl-value", `NODELIST1B: each row starts with the number of alters; "${t.text}" is not a whole number`, { line: t.line, column: t.column });
        return;
      }
      for (let c = 0; c < k; c++) {
        const a = data.next();
        if (!a) {
          report.error(file, "dl-count", `NODELIST1B: row ${i + 1} announces ${k} alters, but the data ends`, { line: t.line, column: t.column }, "the file looks truncated");
          return;
        }
        const j = cols.resolve(a, file, report);
        if (j !== undefined) r.cells.push({ k: 0, i, j, value: 1, at: a });
      }
    }
    const extra = data.next();
    if (extra) countError(file, report, rows.size + 1, rows.size, "actor rows (or more alters than announced)", extra);
    return;
  }
  for (const line of lines(data)) {
    const at = { line: line[0].line, column: line[0].column };
    if (h.format === "edgelist1" || h.format === "edgelist2") {
      if (line.length < 2 || line.length > 3) {
        report.error(file, "dl-count", `an edge list line holds "i j [value]"; this one holds ${line.length} value${line.length === 1 ? "" : "s"}`, at, "one tie per line: sender, receiver and optionally its value");
        report.count("rowsDropped");
        continue;
      }
      report.count("rowsRead");
      const i = rows.resolve(line[0], file, report);
      const j = cols.resolve(line[1], file, report);
      if (i === undefined || j === undefined) {
        report.count("rowsDropped");
        continue;
      }
      if (line.length === 3) {
        const before = r.cells.length;
        r.cell(0, i, j, line[2]);
        if (r.cells.length === before) report.count("rowsDropped");
      } else r.cells.push({ k: 0, i, j, value: 1, at: line[0] });
      continue;
    }
    // nodelist1 / nodelist2: ego alter alter …
    report.count("rowsRead");
    const i = rows.resolve(line[0], file, report);
    if (i === undefined) {
      report.count("rowsDropped");
      continue;
    }
    for (const a of line.slice(1)) {
      const j = cols.resolve(a, file, report);
      if (j !== undefined) r.cells.push({ k: 0, i, j, value: 1, at: a });
    }
  }
}


/** Read a DL file (and its actor table companion when given). */
export function parseDl(files: InputFile[], options: ReadOptions = {}): ImportResult {
  const direction: NominationDirection = options.direction ?? "flow";
  const report = new ImportReport("dl", direction);
  const graph = createClusterGraph({ direction });
  const companion = files.find((f) => isNodesCompanion(f.name));
  const file = files.find((f) => f !== companion) ?? files[0];
  const done = (): ImportResult => finishImport(graph, report, direction);
  if (companion) readActorCompanion(graph, companion, report);
  report.files.push(file.name);
  const lexer = new Lexer(decodeText(file, report), file.name, report);
  const r = new DlReader(lexer, file.name, report);
  const head = lexer.get(0) ?? { line: 1, column: 1 };
  const h = r.header();
  if (!h) return done();
  const twoModeFormat = h.format === "edgelist2" || h.format === "nodelist2";
  let nr = h.nr ?? h.n;
  let nc = h.nc ?? h.n;
  if (h.n !== undefined && (h.nr !== undefined || h.nc !== undefined) && (h.nr !== h.n || h.nc !== h.n)) {
    report.warn(file.name, "dl-header", `both N = ${h.n} and NR/NC given; NR = ${h.nr ?? h.n}, NC = ${h.nc ?? h.n} are used`, { line: head.line, column: 1 });
  }
  if (nr === undefined || nc === undefined) {
    report.error(file.name, "dl-header", "the header gives no size: N (one-mode) or NR and NC (two-mode)", { line: head.line, column: head.column }, "write e.g. DL N = 10");
    return done();
  }
  const limit = declaredSizeLimit(file.text.length);
  for (const [what, v] of [["N (or NR)", nr], ["NC", nc], ["NM", h.nm ?? 1]] as const) {
    if (v > limit) {
      report.error(file.name, "dl-header", `the header declares ${what} = ${v}, more than a file of ${file.text.length} characters can describe (at most ${limit})`, { line: head.line, column: head.column }, "correct the size in the header");
      return done();
    }
  }
  if ((h.format === "lowerhalf" || h.format === "upperhalf") && nr !== nc) {
    report.error(file.name, "dl-header", `a ${h.format.toUpperCase()} matrix is square; NR = ${nr}, NC = ${nc}`, { line: head.line, column: 1 });
    return done();
  }
  const labelsText = (ts: Token[] | undefined) => ts?.map((t) => t.text);
  let rowLabels = labelsText(h.rowLabels);
  let colLabels = labelsText(h.colLabels);
  const sameLabels = h.rowLabels !== undefined && h.rowLabels === h.colLabels;
  const twoMode = twoModeFormat || (h.n === undefined && (nr !== nc || (rowLabels !== undefined && colLabels !== undefined && !sameLabels && rowLabels.join("\u0000") !== colLabels.join("\u0000"))));
  for (const [labels, size, what, toks] of [
    [rowLabels, nr, sameLabels ? "LABELS" : "ROW LABELS", h.rowLabels],
    ...(sameLabels ? [] : [[colLabels, nc, "COLUMN LABELS", h.colLabels]]),
  ] as [string[] | undefined, number, string, Token[] | undefined][]) {
    if (labels && labels.length !== size) {
      const t = labels.length > size ? toks![size] : toks![toks!.length - 1];
      report.error(file.name, "dl-count", `${what}: holds ${labels.length} labels, not ${size}`, t ? { line: t.line, column: t.column } : { line: head.line, column: head.column }, "give one label per actor, quoting labels that contain blanks");
    }
  }
  if (h.matrixLabels && h.matrixLabels.length !== h.nm) {
    const t = h.matrixLabels[Math.min(h.nm, h.matrixLabels.length - 1)];
    report.error(file.name, "dl-count", `MATRIX LABELS: holds ${h.matrixLabels.length} labels, not ${h.nm} (NM)`, t ? { line: t.line, column: t.column } : { line: head.line, column: head.column }, "give one label per matrix, or correct NM");
  }
  const data = r.data(h);
  /** The token of each actor's label, wherever it stands (header block or data). */
  let rowTokens: (Token | undefined)[] | undefined = h.rowLabels;
  let colTokens: (Token | undefined)[] | undefined = h.colLabels;
  if (h.format === "fullmatrix" || h.format === "lowerhalf" || h.format === "upperhalf") {
    readMatrices(r, h, nr, nc, data, file.name, report);
    if (h.rowEmbedded) rowLabels = r.rowNames;
    if (h.colEmbedded) colLabels = r.colNames.length > 0 ? r.colNames : rowLabels;
    if (!twoMode && h.rowEmbedded && !h.colEmbedded) colLabels = rowLabels;
    if (!twoMode && h.colEmbedded && !h.rowEmbedded) rowLabels = colLabels;
    if (h.rowEmbedded) rowTokens = r.rowNameTokens;
    if (h.colEmbedded) colTokens = r.colNameTokens.length > 0 ? r.colNameTokens : rowTokens;
    if (!twoMode && h.rowEmbedded && !h.colEmbedded) colTokens = rowTokens;
    if (!twoMode && h.colEmbedded && !h.rowEmbedded) rowTokens = colTokens;
  } else {
    const rows = new Axis(nr, rowLabels, h.rowEmbedded, twoModeFormat ? "row" : "actor");
    const cols = twoMode ? new Axis(nc, colLabels, h.colEmbedded, "column") : rows;
    readLists(r, h, rows, cols, data, file.name, report);
    // Unlabelled actors are numbered (rows 1…NR, columns NR+1…); embedded labels that never appeared get #k.
    const named = (axis: Axis, given: string[] | undefined, embedded: boolean) =>
      given || embedded ? axis.names.map((x, i) => x ?? `#${i + 1}`) : undefined;
    rowLabels = named(rows, rowLabels, h.rowEmbedded);
    colLabels = twoMode ? named(cols, colLabels, h.colEmbedded) : rowLabels;
    rowTokens = rows.names.map((_x, i) => h.rowLabels?.[i] ?? rows.tokens[i]);
    colTokens = twoMode ? cols.names.map((_x, j) => h.colLabels?.[j] ?? cols.tokens[j]) : rowTokens;
    const unnamed = rows.names.filter((x) => x === undefined).length + (twoMode ? cols.names.filter((x) => x === undefined).length : 0);
    if ((h.rowEmbedded || h.colEmbedded) && unnamed > 0) {
      report.warn(file.name, "dl-count", `${unnamed} actor(s) declared by the header never appear in the data; created without a label as #k`, { line: head.line, column: 1 }, "correct N in the header, or list isolates on a line of their own");
    }
    nr = rows.size;
    nc = cols.size;
  }
  if (r.missing > 0) report.warn(file.name, "dl-missing", `${r.missing} missing value(s) (".", "NA", "?") read as no tie`, {}, "a missing cell is not an absent tie; mark non-respondents in the actor table");

  // Actors.
  const rowIds: string[] = [];
  const colIds: string[] = [];
  const used = new Set<string>();
  const idFor = (label: string | undefined, fallback: string, where: Token | undefined): string => {
    let id = label !== undefined && label.trim() !== "" ? label.trim() : fallback;
    if (label !== undefined && label.trim() === "") {
      report.warn(file.name, "empty-label", `actor ${fallback} has an empty label; its number ${fallback} is used as the actor id`, where ? { line: where.line, column: where.column } : { line: head.line, column: head.column }, "give every actor a label, or leave the labels out to number all actors");
    }
    if (used.has(id)) {
      const base = id;
      let k = 2;
      while (used.has(`${base} (${k})`)) k++;
      id = `${base} (${k})`;
      report.warn(file.name, "duplicate-id", `label "${base}" is used twice; the second actor is "${id}"`, where ? { line: where.line, column: where.column } : {}, "make labels unique");
    }
    used.add(id);
    return id;
  };
  const created: string[] = [];
  const ensure = (id: string, attrs: Record<string, number>) => {
    if (!graph.hasNode(id)) {
      addActor(graph, id, attrs);
      if (companion) created.push(id);
    } else if (Object.keys(attrs).length > 0) graph.mergeNodeAttributes(id, attrs);
  };
  for (let i = 0; i < nr; i++) {
    const id = idFor(rowLabels?.[i], String(i + 1), rowTokens?.[i]);
    rowIds.push(id);
    ensure(id, twoMode ? { mode: 1 } : {});
  }
  if (twoMode) {
    for (let j = 0; j < nc; j++) {
      const id = idFor(colLabels?.[j], String(nr + j + 1), colTokens?.[j]);
      colIds.push(id);
      ensure(id, { mode: 2 });
    }
    report.note(`two-mode data: ${nr} row actors (mode 1) and ${nc} column actors (mode 2), ties row → column`);
  } else colIds.push(...rowIds);
  if (created.length > 0) {
    report.warn(companion!.name, "actor-created", `${created.length} actor(s) of the DL file are not in the actor table; created: ${created.slice(0, 10).join(", ")}${created.length > 10 ? ", …" : ""}`, {}, "add them to the actor table");
    report.counts.actorsCreated += created.length;
  }

  // Relations.
  const defaultRelation = options.relation ?? "knowledge";
  const layers: { relation: string; wave?: string }[] = [];
  for (let k = 0; k < h.nm; k++) {
    const label = h.matrixLabels?.[k]?.text;
    if (label === undefined) {
      layers.push({ relation: h.nm > 1 ? `${defaultRelation}${k + 1}` : defaultRelation, wave: options.wave });
      continue;
    }
    const at = label.lastIndexOf("@");
    if (at > 0 && at < label.length - 1 && options.wave === undefined) layers.push({ relation: label.slice(0, at), wave: label.slice(at + 1) });
    else layers.push({ relation: label, wave: options.wave });
  }
  if (!h.matrixLabels && h.nm > 1) report.note(`${h.nm} matrices without MATRIX LABELS: relations named ${layers.map((l) => l.relation).join(", ")}`);

  // Ties.
  const asks = direction === "asks";
  const half = h.format === "lowerhalf" || h.format === "upperhalf";
  let loops = 0;
  for (const c of r.cells) {
    const a = rowIds[c.i];
    const b = colIds[c.j];
    if (a === undefined || b === undefined) continue;
    const layer = layers[c.k];
    const input = { relation: layer.relation, wave: layer.wave, weight: c.value };
    if (a === b) loops++;
    if (half && a !== b) {
      addTie(graph, a, b, { ...input, undirected: true });
      addTie(graph, b, a, { ...input, undirected: true });
      continue;
    }
    const [source, target] = asks ? [b, a] : [a, b];
    addTie(graph, source, target, { ...input, ...(half ? { undirected: true } : {}), ...(asks ? { nominator: a } : {}) });
  }
  if (loops > 0) report.warn(file.name, "self-loop", `${loops} non-zero value(s) on the diagonal kept as self-loops`, {}, "set the diagonal to 0, or write DIAGONAL ABSENT, unless self-ties mean something");
  if (half) report.note(`${h.format.toUpperCase()}: a symmetric relation; each cell read as two ties (both directions) marked undirected`);
  report.note(`DL ${h.format.toUpperCase()}, ${h.nm} matri${h.nm === 1 ? "x" : "ces"}: cell (row, column) = strength of the tie row → column${asks ? ", read as 'row asks column' (knowledge flows column → row)" : ""}`);
  return done();
}

// ---------------------------------------------------------------------------------------------------------
// Writing

function quoteLabel(id: string): string {
  const clean = id.replace(/"/g, "'");
  // A quote inside a word is a letter (O'Neil); only one that starts the word opens a quoted label. igraph keeps quotes in labels.
  return /[\s,=:]/.test(clean) || clean.startsWith("'") || clean === "" ? `"${clean}"` : clean;
}

/** The relation × wave layers of a graph, in a stable order, with the label written for each. */
export function layersOf(graph: ClusterGraph): { relation: string; wave?: string; label: string }[] {
  const seen = new Map<string, { relation: string; wave?: string; label: string }>();
  graph.forEachEdge((_e, a) => {
    const label = a.wave !== undefined ? `${a.relation}@${a.wave}` : a.relation;
    if (!seen.has(label)) seen.set(label, { relation: a.relation, wave: a.wave, label });
  });
  return [...seen.values()].sort((x, y) => (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
}

/** Does the graph hold anything about its actors beyond their ids (so an actor table is worth writing)? */
export function hasActorDetail(graph: ClusterGraph): boolean {
  let detail = false;
  graph.forEachNode((id, a) => {
    if (detail) return;
    for (const [k, v] of Object.entries(a)) {
      if (v === undefined || v === null) continue;
      if (k === "label" && v === id) continue;
      if (k === "kind" && v === "other") continue;
      if (k === "inCluster" && v === true) continue;
      detail = true;
      return;
    }
  });
  return detail;
}

/** Write a DL file (FULLMATRIX, or EDGELIST1 with `dlFormat: "edgelist1"`). */
export function writeDl(graph: ClusterGraph, options: WriteOptions = {}): string {
  const notes = Array.isArray(options.notes) ? (options.notes as string[]) : undefined;
  const format = String(options.dlFormat ?? "fullmatrix").toLowerCase();
  if (format !== "fullmatrix" && format !== "edgelist1") throw new InputError(`DL output: format "${format}" is not written (fullmatrix or edgelist1)`);
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i] as const));
  const layers = layersOf(graph);
  const layerIndex = new Map(layers.map((l, k) => [l.label, k] as const));
  if (format === "edgelist1" && layers.length > 1) {
    throw new InputError(`a DL edge list holds one relation; this network has ${layers.length} (${layers.map((l) => l.label).join(", ")}): write FULLMATRIX (several matrices) or choose one with --relation`);
  }
  const long = ids.filter((id) => id.length > 18).length;
  if (long > 0) notes?.push(`${long} label(s) longer than 18 characters: older UCINET versions truncate them`);
  if (ids.some((id) => id.includes('"'))) notes?.push(`labels containing " are written with ' (DL has no escape for quotes)`);
  const nm = Math.max(1, layers.length);
  const n = ids.length;
  let merged = 0;
  const dropped = new Set<string>();
  const cells = Array.from({ length: nm }, () => new Map<number, number>());
  graph.forEachEdge((_e, a, s, t) => {
    const k = layerIndex.get(a.wave !== undefined ? `${a.relation}@${a.wave}` : a.relation)!;
    const key = index.get(s)! * n + index.get(t)!;
    const m = cells[k];
    if (m.has(key)) merged++;
    m.set(key, (m.get(key) ?? 0) + a.weight);
    for (const [name, v] of Object.entries(a)) if (v !== undefined && !["relation", "wave", "weight", "tieType", "tieTypeGiven", "undirected"].includes(name)) dropped.add(name);
  });
  if (merged > 0) notes?.push(`${merged} parallel tie(s) of the same relation and wave summed into one cell`);
  if (dropped.size > 0) notes?.push(`tie attributes not written in DL: ${[...dropped].sort().join(", ")}`);
  const out: string[] = [];
  out.push(`DL N=${n}${nm > 1 ? ` NM=${nm}` : ""}\n`);
  out.push(`FORMAT = ${format.toUpperCase()}\n`);
  out.push("LABELS:\n");
  for (const id of ids) out.push(`${quoteLabel(id)}\n`);
  if (layers.length > 0) {
    out.push("MATRIX LABELS:\n");
    for (const l of layers) out.push(`${quoteLabel(l.label)}\n`);
  }
  out.push("DATA:\n");
  if (format === "fullmatrix") {
    for (let k = 0; k < nm; k++) {
      const m = cells[k];
      for (let i = 0; i < n; i++) {
        const row = new Array<string>(n);
        for (let j = 0; j < n; j++) row[j] = String(m.get(i * n + j) ?? 0);
        out.push(row.join(" ") + "\n");
      }
    }
  } else {
    const m = cells[0];
    // A valued list gives every line its value: igraph reads a line without one as NaN when others have one.
    const valued = [...m.values()].some((w) => w !== 1);
    for (const [key, w] of [...m.entries()].sort((x, y) => x[0] - y[0])) {
      const i = Math.floor(key / n);
      const j = key % n;
      out.push(`${i + 1} ${j + 1}${valued ? ` ${w}` : ""}\n`);
    }
  }
  return out.join("");
}

/** The stem of a path without its extension. */
export function stemOf(path: string, extensions: string[]): string {
  const lower = path.toLowerCase();
  for (const e of extensions) if (lower.endsWith(e)) return path.slice(0, -e.length);
  return path;
}

export const dlFormat: Format = {
  name: "dl",
  description: "UCINET DL: full/half matrices, edge lists, node lists, several relations (NM)",
  extensions: [".dl", ".txt"],
  sniff(file) {
    return /^\uFEFF?\s*dl[\s,=]/i.test(file.text.slice(0, 64)) ? 1 : 0;
  },
  read: (files, options) => parseDl(files, options),
  companions(main, siblings) {
    const parts = main.split(/[\\/]/);
    const stem = stemOf(parts[parts.length - 1], [".dl", ".txt"]);
    return siblings.filter((s) => s === `${stem}.nodes.csv`);
  },
  write(graph, base, options): WriteResult {
    const stem = stemOf(base, [".dl", ".txt"]);
    const name = /\.(dl|txt)$/i.test(base) ? base : `${base}.dl`;
    const files: WriteResult = [{ name, data: writeDl(graph, options) }];
    if (hasActorDetail(graph) && options.companions !== false) {
      files.push({ name: `${stem}.nodes.csv`, data: writeTidy(graph, "x")[0].data });
      (options.notes as string[] | undefined)?.push(`actor labels and attributes written to ${stem}.nodes.csv (DL holds only labels)`);
    }
    return files;
  },
};

/** DL written as EDGELIST1 (`--to dl-edgelist1`); reading is the same DL reader. */
export const dlEdgelistFormat: Format = {
  name: "dl-edgelist1",
  description: "UCINET DL written as an edge list (EDGELIST1, one relation); read like any DL file",
  extensions: [],
  read: (files, options) => parseDl(files, options),
  companions: dlFormat.companions,
  write: (graph, base, options) => dlFormat.write!(graph, base, { ...options, dlFormat: "edgelist1" }),
};
