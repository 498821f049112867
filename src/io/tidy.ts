/**
 * Tidy CSV: a dataset folder with `nodes.csv` (one row per actor) and `ties.csv` (one row per tie), or a ties
 * file alone, in which case actors are created from the ids it names (and the report says so).
 *
 * nodes.csv columns: id, label, kind, inCluster, stage, group, respondent (+ any survey attributes, typed), and
 * optionally nonRespondentFor: the relations (separated by `;`) whose question the actor left blank — the graph
 * attribute `nonRespondents`, so that a roster survey written as tidy files keeps its non-response.
 * ties.csv columns: source, target, relation, weight, wave, tieType (+ any tie attributes, typed).
 * With `direction: "asks"` each row reads "source asks target for advice": knowledge flows target → source.
 */
import type { ActorAttributes, AttributeValue, ClusterGraph } from "../model/types.js";
import { TIE_TYPES } from "../model/types.js";
import { actorDefaults, addActor, createClusterGraph } from "../model/graph.js";
import { record, tieTypeCode } from "../model/network.js";
import { parseTieType, tieTypeDeriver } from "../model/tieType.js";
import { progress } from "../model/progress.js";
import { CsvRows, parseCsv, writeCsv, type CsvTable } from "./csv.js";
import { ACTOR_COLUMN_ALIASES, TIE_COLUMN_ALIASES, extraValues, mapColumns, swallowedRowsIn, typeExtras } from "./columns.js";
import { finishImport, baseName, coerce, hasDecimalComma, inferColumnType, MAX_WEIGHT, parseBoolean, parseNumber, weightProblem, type Format, type ImportResult, type InputFile, type ReadOptions, type WriteResult } from "./format.js";
import { dict } from "../model/dict.js";
import { ImportReport, InputError } from "./report.js";

/** The trimmed text of field f of a row ("" when the column is absent or the row is short). */
function cellOf(row: string[], f: number | undefined): string {
  return f === undefined ? "" : (row[f] ?? "").trim();
}

/** Rows with a different number of fields than the header: fewer → padded (warning); more → dropped (error). */
function checkRagged(t: Pick<CsvTable, "rows" | "line" | "column">, r: number, file: string, report: ImportReport): boolean {
  const width = t.rows[0].length;
  const row = t.rows[r];
  if (row.length === width) return true;
  if (row.length < width) {
    report.warn(file, "ragged-row", `row has ${row.length} fields, the header has ${width}; the missing ones are read as empty`, { line: t.line(r), column: t.column(r, row.length - 1) + (row[row.length - 1]?.length ?? 0) }, "check for a missing delimiter in this row");
    return true;
  }
  // Tolerate trailing empty fields (a trailing delimiter).
  if (row.slice(width).every((f) => f.trim() === "")) return true;
  report.error(file, "ragged-row", `row has ${row.length} fields, the header has ${width}; row dropped`, { line: t.line(r), column: t.column(r, width) }, "quote fields that contain the delimiter, or remove the extra fields");
  report.count("rowsDropped");
  return false;
}

function readNodes(graph: ClusterGraph, file: InputFile, report: ImportReport): void {
  report.files.push(file.name);
  const rows = new CsvRows(file.text);
  if (!rows.header) {
    report.error(file.name, "empty-file", "the file is empty", { line: 1, column: 1 }, "export the table again with its header row");
    return;
  }
  if (rows.hadBom) report.info(file.name, "bom", "UTF-8 byte-order mark removed", { line: 1, column: 1 });
  graph.reserveActors(graph.order + rows.estimateRows());
  // The free attributes are typed from all their values before the rows are read: a first pass keeps
  // those columns' cells only (the table itself is never held).
  const columnsOf = (indices: number[]): string[][] => {
    const columns = indices.map(() => [] as string[]);
    if (indices.length === 0) return columns;
    // Unquoted rows: only these columns' cells are cut out of the text.
    const pass = new CsvRows(file.text);
    const text = pass.text;
    pass.forEachRowFast(
      (_r, starts, ends, fields) => {
        for (let j = 0; j < indices.length; j++) columns[j].push(indices[j] < fields ? text.slice(starts[indices[j]], ends[indices[j]]) : "");
        return true;
      },
      (row) => indices.forEach((f, j) => columns[j].push(row[f] ?? "")),
    );
    return columns;
  };
  readNodesTable(graph, rows as TableRows, file.name, report, columnsOf);
  for (const p of rows.problems) report.error(file.name, "csv-syntax", p.message, { line: p.line, column: p.column }, "fix the quoting in this row");
  const ending = rows.lineEnding;
  if (ending === "CR" || ending === "mixed") report.info(file.name, "line-endings", `line endings: ${ending}`, { line: 1 });
}

/**
 * Read an actor table (header row + one row per actor) into the graph. Exported for the other tabular
 * importers (XLSX sheets …): `t` only needs its rows and the line/column of each cell. A streamed table
 * (`TableRows`) comes with `columnsOf`, the cells of the given columns in row order (the free attributes
 * are typed from all their values before any row is stored).
 */
export function readNodesTable(
  graph: ClusterGraph,
  source: TableRows | Pick<CsvTable, "rows" | "line" | "column">,
  fileName: string,
  report: ImportReport,
  columnsOf?: (indices: number[]) => string[][],
): void {
  const t: TableRows = "rows" in source ? tableRows(source) : source;
  const inMemory = "rows" in source ? source.rows : undefined;
  const file = { name: fileName };
  const header = t.header;
  const cols = mapColumns(header, ACTOR_COLUMN_ALIASES, report, file.name, t.line(0), (f) => t.column(0, f));
  const idCol = cols.fields.id;
  if (idCol === undefined) {
    report.error(file.name, "missing-column", `no id column (looked for: ${ACTOR_COLUMN_ALIASES.id.join(", ")})`, { line: t.line(0), column: 1 }, "name the column holding actor ids 'id'");
    return;
  }
  // `nonRespondentFor`: the relations (separated by ;) whose question the actor left blank (see writeTidy).
  const nrIndex = cols.extras.findIndex((e) => e.name.toLowerCase().replace(/[\s_\-.]+/g, "") === "nonrespondentfor");
  const nrCol = nrIndex >= 0 ? cols.extras.splice(nrIndex, 1)[0].index : undefined;
  const nonRespondents: Record<string, string[]> = dict(graph.getAttribute("nonRespondents") ?? {});
  const extraColumns = inMemory ? cols.extras.map((e) => inMemory.slice(1).map((r) => r[e.index] ?? "")) : (columnsOf?.(cols.extras.map((e) => e.index)) ?? cols.extras.map(() => []));
  const typed = typeExtras(cols.extras, extraColumns, report, "actors");
  // Line of each actor this table defines (by actor index), for the duplicate-id message.
  const definedOn = new Map<number, number>();
  let defaultedKind = 0;
  const f = cols.fields;
  const at = (r: number, col: number | undefined) => ({ line: t.line(r), column: col === undefined ? 1 : t.column(r, col) });
  const nrSets = new Map<string, Set<string>>();
  const width = header.length;
  let read = 0;
  t.forEachRow((row, r) => {
    read++;
    if (!inMemory) swallowedRowsIn(row, r, t, file.name, report);
    if (row.length !== width && !raggedOk(t, row, width, r, file.name, report)) return;
    const id = cellOf(row, idCol);
    if (id === "") {
      report.error(file.name, "empty-id", "actor row has an empty id; row dropped", at(r, idCol), "give every actor a unique id");
      report.count("rowsDropped");
      return;
    }
    const known = graph.indexOf(id);
    const before = known >= 0 ? definedOn.get(known) : undefined;
    if (before !== undefined) {
      report.error(file.name, "duplicate-id", `actor id "${id}" already defined on line ${before}; this row is dropped`, at(r, idCol), "make ids unique, or merge the two rows by hand");
      report.count("rowsDropped");
      return;
    }
    // A new actor's record is built here, on its defaults (the order of its keys is that of
    // record(actorDefaults(id), attrs)); a known actor gets only what this row gives, merged.
    const attrs: Partial<ActorAttributes> = extraValues(row, typed, known < 0 ? record<Record<string, AttributeValue>>(actorDefaults(id)) : dict());
    const label = cellOf(row, f.label);
    if (label !== "") attrs.label = label;
    const kind = cellOf(row, f.kind);
    if (kind !== "") attrs.kind = kind.toLowerCase();
    else defaultedKind++;
    const inside = cellOf(row, f.inCluster);
    if (inside !== "") {
      const b = parseBoolean(inside);
      if (b === undefined) report.warn(file.name, "bad-boolean", `inCluster "${inside}" is not true/false; actor taken as inside the cluster`, at(r, f.inCluster), "write true/false, yes/no or 1/0");
      else attrs.inCluster = b;
    }
    const stage = cellOf(row, f.stage);
    if (stage !== "") attrs.stage = stage;
    const group = cellOf(row, f.group);
    if (group !== "") attrs.group = group;
    const resp = cellOf(row, f.respondent);
    if (resp !== "") {
      const b = parseBoolean(resp);
      if (b === undefined) report.warn(file.name, "bad-boolean", `respondent "${resp}" is not true/false; left unknown`, at(r, f.respondent), "write true/false, yes/no or 1/0");
      else attrs.respondent = b;
    }
    if (f.x !== undefined || f.y !== undefined) {
      for (const xy of ["x", "y"] as const) {
        const v = cellOf(row, f[xy]);
        if (v !== "") {
          const num = parseNumber(v);
          if (num === undefined) report.warn(file.name, "bad-number", `${xy} "${v}" is not a number; ignored`, at(r, f[xy]));
          else attrs[xy] = num;
        }
      }
    }
    if (known >= 0) addActor(graph, id, attrs);
    else graph.pushActor(id, attrs as ActorAttributes);
    definedOn.set(known >= 0 ? known : graph.order - 1, t.line(r));
    if (nrCol !== undefined) {
      for (const rel of cellOf(row, nrCol).split(";").map((x) => x.trim()).filter(Boolean)) {
        let set = nrSets.get(rel);
        if (!set) nrSets.set(rel, (set = new Set(nonRespondents[rel] ?? [])));
        set.add(id);
      }
    }
  });
  report.count("rowsRead", read);
  for (const [rel, set] of nrSets) nonRespondents[rel] = [...set];
  if (nrCol !== undefined) {
    for (const rel of Object.keys(nonRespondents)) nonRespondents[rel].sort();
    graph.setAttribute("nonRespondents", nonRespondents);
    report.note(`non-respondents per relation read from the nonRespondentFor column: ${Object.entries(nonRespondents).map(([r, ids]) => `${r} ${ids.length}`).join(", ") || "none"}`);
  }
  if (cols.fields.kind === undefined) report.note("nodes.csv has no kind column: every actor is of kind 'other'");
  else if (defaultedKind > 0) report.note(`${defaultedKind} actor(s) with no kind: kind 'other'`);
  if (cols.fields.inCluster === undefined) report.note("nodes.csv has no inCluster column: every actor is taken as inside the cluster");
}

function readTies(graph: ClusterGraph, file: InputFile, report: ImportReport, options: ReadOptions, createActors: boolean): void {
  report.files.push(file.name);
  const rows = new CsvRows(file.text);
  if (!rows.header) {
    report.error(file.name, "empty-file", "the file is empty", { line: 1, column: 1 }, "export the table again with its header row");
    return;
  }
  if (rows.hadBom) report.info(file.name, "bom", "UTF-8 byte-order mark removed", { line: 1, column: 1 });
  const estimate = rows.estimateRows();
  graph.reserve(graph.size + estimate);
  graph.capacityHint = estimate;
  readTiesTable(graph, rows as TableRows, file.name, report, options, createActors);
  for (const p of rows.problems) report.error(file.name, "csv-syntax", p.message, { line: p.line, column: p.column }, "fix the quoting in this row");
  const ending = rows.lineEnding;
  if (ending === "CR" || ending === "mixed") report.info(file.name, "line-endings", `line endings: ${ending}`, { line: 1 });
}

/**
 * The rows of a table read one after the other (a CSV file streamed by `CsvRows`, or rows held in memory,
 * see {@link tableRows}), with the line and column of any cell.
 */
export interface TableRows {
  header: string[];
  forEachRow(cb: (fields: string[], r: number) => void): void;
  line(r: number): number;
  column(r: number, f: number): number;
}

/** The rows of an in-memory table (header row first) as {@link TableRows}. */
export function tableRows(t: Pick<CsvTable, "rows" | "line" | "column">): TableRows {
  return {
    header: t.rows[0],
    forEachRow: (cb) => {
      for (let r = 1; r < t.rows.length; r++) cb(t.rows[r], r);
    },
    line: (r) => t.line(r),
    column: (r, f) => t.column(r, f),
  };
}

/** One located issue found while reading ties, emitted in row order at the end. */
interface TieIssue {
  r: number;
  /** Order of the checks within one row (as they are made). */
  step: number;
  emit: () => void;
}

/**
 * Read a tie table (header row + one row per tie) into the graph; with `createActors` unknown ids become new
 * actors (reported), else they are errors. Exported for the other tabular importers.
 *
 * Built for tables of millions of ties: rows are read one by one and appended to the tie columns by code;
 * tie types are derived, and parallel duplicates found, in passes over the columns afterwards (duplicates by
 * bucketing ties by source, no hashing); issues are reported in row order as before.
 */
export function readTiesTable(
  graph: ClusterGraph,
  source: TableRows | Pick<CsvTable, "rows" | "line" | "column">,
  fileName: string,
  report: ImportReport,
  options: ReadOptions,
  createActors: boolean,
): void {
  const t: TableRows = "rows" in source ? tableRows(source) : source;
  const file = fileName;
  const cols = mapColumns(t.header, TIE_COLUMN_ALIASES, report, file, t.line(0), (f) => t.column(0, f));
  for (const need of ["source", "target"] as const) {
    if (cols.fields[need] === undefined) {
      report.error(file, "missing-column", `no ${need} column (looked for: ${TIE_COLUMN_ALIASES[need].join(", ")})`, { line: t.line(0), column: 1 }, `name the column '${need}'`);
      return;
    }
  }
  const width = t.header.length;
  const srcCol = cols.fields.source!;
  const dstCol = cols.fields.target!;
  const wCol = cols.fields.weight;
  const relCol = cols.fields.relation;
  const waveCol = cols.fields.wave;
  const typeCol = cols.fields.tieType;
  const asks = options.direction === "asks";
  const defaultRelation = options.relation || "knowledge";
  const defaultWave = options.wave || undefined;
  const extras = cols.extras;
  const extraRaw: string[][] = extras.map(() => []);
  const issues: TieIssue[] = [];
  const at = (r: number, f: number | undefined) => ({ line: t.line(r), column: f === undefined ? 1 : t.column(r, f) });
  const created: string[] = [];
  const first = graph.size;
  // Per tie read here: its row (for locations), whether its type was given, and the nominator's index.
  let tieRow = new Int32Array(1024);
  let nominator = asks ? new Int32Array(1024) : undefined;
  const relCodes = new Map<string, number>();
  const waveCodes = new Map<string, number>();
  const relationCode = (name: string) => {
    let c = relCodes.get(name);
    if (c === undefined) relCodes.set(name, (c = graph.relationCode(name, true)));
    return c;
  };
  const waveCode = (name: string | undefined) => {
    if (name === undefined) return -1;
    let c = waveCodes.get(name);
    if (c === undefined) waveCodes.set(name, (c = graph.waveCode(name, true)));
    return c;
  };
  const resolve = (id: string, r: number, col: number, end: "source" | "target"): number => {
    if (id === "") {
      issues.push({ r, step: 1, emit: () => report.error(file, "empty-id", `tie has an empty ${end}; row dropped`, at(r, col), "fill in both ends of every tie") });
      return -1;
    }
    const i = graph.indexOf(id);
    if (i >= 0) return i;
    if (createActors) {
      created.push(id);
      return graph.pushActor(id, record<ActorAttributes>(actorDefaults(id)));
    }
    issues.push({ r, step: 1, emit: () => report.error(file, "unknown-actor", `tie names actor "${id}", which is not in nodes.csv; row dropped`, at(r, col), "add the actor to nodes.csv or correct the id") });
    return -1;
  };
  const drop = (r: number, step: number, emit: () => void) => {
    issues.push({ r, step, emit: () => (emit(), report.count("rowsDropped")) });
  };
  let read = 0;
  let trimmedIds = 0;
  const streamed = "rowCount" in t;
  const expected = streamed ? Math.max(1, graph.capacityHint ?? 0) : 0;
  const counted = () => {
    read++;
    if ((read & 0xffff) === 0 && expected > 0) progress(`reading ${file}`, read, expected);
  };
  /** Append one read tie and remember its row (and, for `asks`, its nominator). */
  const append = (s: number, tg: number, weight: number, rc: number, wc: number, type: number, given: boolean, r: number, ia: number): number => {
    const e = graph.pushTie(s, tg, weight, rc, wc, type, given);
    const k = e - first;
    if (k >= tieRow.length) {
      const grown = new Int32Array(tieRow.length * 2);
      grown.set(tieRow);
      tieRow = grown;
      if (nominator) {
        const g2 = new Int32Array(tieRow.length);
        g2.set(nominator);
        nominator = g2;
      }
    }
    tieRow[k] = r;
    if (nominator) nominator[k] = ia;
    return k;
  };
  const readRow = (row: string[], r: number) => {
    if (streamed) swallowedRowsIn(row, r, t, file, report);
    if (row.length !== width && !raggedOk(t, row, width, r, file, report)) return;
    const rawA = row[srcCol] ?? "";
    const rawB = row[dstCol] ?? "";
    const a = rawA.trim();
    const b = rawB.trim();
    if (a.length !== rawA.length || b.length !== rawB.length) {
      for (const [raw, col] of [[rawA, srcCol], [rawB, dstCol]] as const) {
        if (raw === raw.trim()) continue;
        report.count("idsTrimmed");
        if (trimmedIds++ === 0) issues.push({ r, step: 0, emit: () => report.warn(file, "id-trimmed", `actor id ${JSON.stringify(raw)} read as ${JSON.stringify(raw.trim())} (surrounding spaces removed; later cells like it are counted, not listed)`, at(r, col), "remove the spaces, or keep them out of ids") });
      }
    }
    const ia = resolve(a, r, srcCol, "source");
    const ib = resolve(b, r, dstCol, "target");
    if (ia < 0 || ib < 0) {
      issues.push({ r, step: 1, emit: () => report.count("rowsDropped") });
      return;
    }
    let weight = 1;
    if (wCol !== undefined) {
      const text = (row[wCol] ?? "").trim();
      if (text !== "") {
        const w = text.length === 1 && text >= "1" && text <= "9" ? text.charCodeAt(0) - 48 : parseNumber(text);
        if (w === undefined) {
          drop(r, 2, () => report.error(file, "bad-weight", `weight "${text}" is not a number; row dropped`, at(r, wCol), "write tie strengths as numbers (e.g. 1–3)"));
          return;
        }
        if (w < 0) {
          drop(r, 2, () => report.error(file, "negative-weight", `weight ${w} is negative; row dropped`, at(r, wCol), "tie strengths must be ≥ 0; code negative ties (e.g. distrust) as a separate relation"));
          return;
        }
        if (w === 0) {
          drop(r, 2, () => report.warn(file, "zero-weight", "weight 0 means no tie; row dropped", at(r, wCol), "remove rows of absent ties, or give the tie a strength"));
          return;
        }
        const absurd = weightProblem(w);
        if (absurd) {
          drop(r, 2, () => report.error(file, "absurd-weight", `${absurd}; row dropped`, at(r, wCol), `tie strengths above ${MAX_WEIGHT.toExponential()} are refused; check the column`));
          return;
        }
        if (!options.decimalComma && hasDecimalComma(text)) issues.push({ r, step: 2, emit: () => report.warn(file, "decimal-comma", `weight "${text}" read as ${w} (decimal comma)`, at(r, wCol), "write decimal points, or pass --decimal-comma to read decimal commas without a warning") });
        weight = w;
      } else {
        issues.push({ r, step: 2, emit: () => (report.warn(file, "empty-weight", "empty weight read as 1", at(r, wCol), "give every tie a strength, or leave out the weight column when all ties count 1"), report.count("valuesCoerced")) });
      }
    }
    const [s, tg] = asks ? [ib, ia] : [ia, ib];
    if (s === tg) issues.push({ r, step: 3, emit: () => report.warn(file, "self-loop", `tie from "${a}" to itself; kept as a self-loop`, at(r, srcCol), "remove self-nominations unless they mean something in your survey") });
    let type = 0;
    let given = false;
    if (typeCol !== undefined) {
      const text = (row[typeCol] ?? "").trim();
      if (text !== "") {
        const tt = parseTieType(text);
        if (tt === undefined) issues.push({ r, step: 4, emit: () => report.warn(file, "bad-tie-type", `tie type "${text}" is not horizontal, vertical or external; derived from the actors instead`, at(r, typeCol)) });
        else {
          type = tieTypeCode(tt);
          given = true;
        }
      }
    }
    const relation = (relCol !== undefined ? (row[relCol] ?? "").trim() : "") || defaultRelation;
    const wave = (waveCol !== undefined ? (row[waveCol] ?? "").trim() : "") || defaultWave;
    const k = append(s, tg, weight, relationCode(relation), waveCode(wave), type, given, r, ia);
    for (let x = 0; x < extras.length; x++) extraRaw[x][k] = row[extras[x].index] ?? "";
  };
  if (t instanceof CsvRows) {
    // Unquoted rows as field ranges: a row with nothing to report is appended without making a string;
    // anything else (a quote, an unknown or padded id, a weight other than 1–9, a given tie type, a
    // self-loop, an empty cell) goes through `readRow`, the one place where the rules live.
    const text = t.text;
    const lastRelation = { name: "", code: -1 };
    const lastWave = { name: "", code: -1 };
    /** The code of the relation or round spelled by text[from, to) (cached while it repeats), or -2. */
    const codeOf = (from: number, to: number, last: { name: string; code: number }, encode: (name: string) => number): number => {
      const len = to - from;
      if (last.code >= 0 && last.name.length === len && text.startsWith(last.name, from)) return last.code;
      if (len === 0 || isBlank(text.charCodeAt(from)) || isBlank(text.charCodeAt(to - 1))) return -2;
      last.name = text.slice(from, to);
      last.code = encode(last.name);
      return last.code;
    };
    let lastCounted = -1;
    const fast = (r: number, starts: Int32Array, ends: Int32Array, fields: number): boolean => {
      counted();
      lastCounted = r;
      if (fields !== width || extras.length > 0) return false;
      const a0 = starts[srcCol], a1 = ends[srcCol], b0 = starts[dstCol], b1 = ends[dstCol];
      if (a0 === a1 || b0 === b1 || isBlank(text.charCodeAt(a0)) || isBlank(text.charCodeAt(a1 - 1)) || isBlank(text.charCodeAt(b0)) || isBlank(text.charCodeAt(b1 - 1))) return false;
      const ia = graph.indexOfRange(text, a0, a1);
      const ib = ia < 0 ? -1 : graph.indexOfRange(text, b0, b1);
      if (ib < 0 || ia === ib) return false;
      let weight = 1;
      if (wCol !== undefined) {
        const c = text.charCodeAt(starts[wCol]);
        if (ends[wCol] - starts[wCol] !== 1 || c < 49 || c > 57) return false;
        weight = c - 48;
      }
      if (typeCol !== undefined && ends[typeCol] > starts[typeCol]) return false;
      if (relCol !== undefined && ends[relCol] === starts[relCol]) return false;
      if (waveCol !== undefined && ends[waveCol] === starts[waveCol]) return false;
      const rc = relCol === undefined ? relationCode(defaultRelation) : codeOf(starts[relCol], ends[relCol], lastRelation, relationCode);
      if (rc === -2) return false;
      const wc = waveCol === undefined ? waveCode(defaultWave) : codeOf(starts[waveCol], ends[waveCol], lastWave, waveCode);
      if (wc === -2) return false;
      if (asks) append(ib, ia, weight, rc, wc, 0, false, r, ia);
      else append(ia, ib, weight, rc, wc, 0, false, r, ia);
      return true;
    };
    t.forEachRowFast(fast, (row, r) => {
      if (r !== lastCounted) counted();
      readRow(row, r);
    });
  } else
    t.forEachRow((row, r) => {
      counted();
      readRow(row, r);
    });
  report.count("rowsRead", read);
  if (expected > 0) progress(`reading ${file}`, expected, expected);
  const last = graph.size;

  // Free attributes: typed from all their values, then set per tie (empty cells left out).
  const typed = extras.map((x, j) => ({ ...x, type: inferColumnType(extraRaw[j]) }));
  if (typed.length > 0) {
    report.attributes.ties ??= dict();
    for (const x of typed) report.attributes.ties[x.name] = x.type;
  }
  for (let j = 0; j < typed.length; j++) {
    const raw = extraRaw[j];
    for (let k = 0; k < last - first; k++) {
      const v = coerce(raw[k] ?? "", typed[j].type);
      if (v !== undefined) graph.setTieAttribute(first + k, typed[j].name, v);
    }
  }
  if (nominator) for (let k = 0; k < last - first; k++) graph.setTieAttribute(first + k, "nominator", graph.ids[nominator[k]]);

  // Tie types derived from the actors (a given type wins; a disagreement is reported).
  const src = graph.tieSource;
  const dst = graph.tieTarget;
  const typeCodes = graph.tieTypeCode;
  const givenFlags = graph.tieGiven;
  const derive = tieTypeDeriver(graph.actorRecords);
  for (let e = first; e < last; e++) {
    const d = derive(src[e], dst[e]);
    if (!givenFlags[e]) typeCodes[e] = d;
    else if (typeCodes[e] !== d) {
      const r = tieRow[e - first];
      const gv = TIE_TYPES[typeCodes[e]];
      const dv = TIE_TYPES[d];
      issues.push({ r, step: 6, emit: () => report.warn(file, "tie-type-contradiction", `tie type given as ${gv}, but the actors make it ${dv}; the given type is kept`, at(r, typeCol), "check the actors' inCluster and stage, or the tie type") });
    }
  }

  // Parallel duplicates: the same source, target, relation and round more than once.
  for (const [dup, firstTie] of duplicateTies(graph, first, last)) {
    const r = tieRow[dup - first];
    const prevLine = t.line(tieRow[firstTie - first]);
    const a = graph.ids[asks ? dst[dup] : src[dup]];
    const b = graph.ids[asks ? src[dup] : dst[dup]];
    const relation = graph.relationNames[graph.tieRelation[dup]];
    const wv = graph.tieWave[dup];
    const wave = wv >= 0 ? graph.waveNames[wv] : undefined;
    issues.push({ r, step: 5, emit: () => report.warn(file, "duplicate-tie", `the same tie (${a} → ${b}, ${relation}${wave ? `, wave ${wave}` : ""}) already appears on line ${prevLine}; both kept as parallel ties`, at(r, srcCol), "delete one of the rows if it is a double entry") });
  }

  issues.sort((x, y) => x.r - y.r || x.step - y.step);
  for (const i of issues) i.emit();
  if (created.length > 0) {
    report.counts.actorsCreated += created.length;
    report.note(`${created.length} actor(s) created from ${baseName(file)} (no nodes table): kind 'other', inside the cluster`);
    for (const id of created.slice(0, 50)) report.info(file, "actor-created", `actor "${id}" created from the ties`);
    if (created.length > 50) report.info(file, "actor-created", `… and ${created.length - 50} more actors created`);
  }
}

/** White space as `String.prototype.trim` sees it: a cell that starts or ends with it is trimmed (and reported) by the general reader. */
function isBlank(c: number): boolean {
  return c <= 32 || (c > 126 && String.fromCharCode(c).trim() === "");
}

/** A row whose number of fields differs from the header's: see {@link checkRagged}. */
function raggedOk(t: TableRows, row: string[], width: number, r: number, file: string, report: ImportReport): boolean {
  return checkRagged({ rows: { length: r + 1, [0]: { length: width }, [r]: row } as unknown as string[][], line: (x) => t.line(x), column: (x, f) => t.column(x, f) }, r, file, report);
}

/**
 * Ties in [first, last) that repeat an earlier tie of that range (same source, target, relation and
 * round), each with the first tie it repeats, in order of the repeating tie. Ties are bucketed by source
 * (counting sort) and compared through a per-target marker: O(ties), no hashing.
 */
function duplicateTies(graph: ClusterGraph, first: number, last: number): [number, number][] {
  const n = graph.order;
  const src = graph.tieSource;
  const dst = graph.tieTarget;
  const rel = graph.tieRelation;
  const wave = graph.tieWave;
  const m = last - first;
  const start = new Int32Array(n + 1);
  for (let e = first; e < last; e++) start[src[e] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const order = new Int32Array(m);
  for (let e = first; e < last; e++) order[fill[src[e]]++] = e;
  // head[t] = first position (in this source's bucket) of a tie to t; next = chain of ties to the same t.
  const head = new Int32Array(n).fill(-1);
  const next = new Int32Array(m).fill(-1);
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let p = start[i]; p < start[i + 1]; p++) {
      const e = order[p];
      const t = dst[e];
      let q = head[t];
      let match = -1;
      let tail = -1;
      while (q >= 0 && q >= start[i]) {
        const f = order[q];
        if (match < 0 && rel[f] === rel[e] && wave[f] === wave[e]) match = f;
        tail = q;
        q = next[q];
      }
      if (match >= 0) out.push([e, match]);
      if (head[t] < start[i]) head[t] = p;
      else next[tail] = p;
    }
    // Clear the markers of this bucket.
    for (let p = start[i]; p < start[i + 1]; p++) head[dst[order[p]]] = -1;
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** The actor-table companion of a network file (DL, Pajek, Kobo export …): `<stem>.nodes.csv` or `nodes.csv`. */
export function isNodesCompanion(name: string): boolean {
  return /\.nodes\.(csv|tsv)$/i.test(name) || /(^|[\\/])(nodes|actors|vertices)\.(csv|tsv)$/i.test(name);
}

/** Read an actor-table companion file into the graph (labels and attributes the network file cannot hold). */
export function readActorCompanion(graph: ClusterGraph, file: InputFile, report: ImportReport): void {
  report.files.push(file.name);
  const t = parseCsv(file.text);
  if (t.rows.length > 0) readNodesTable(graph, t, file.name, report);
  report.note(`actors and their attributes read from ${file.name}`);
}

/** Read a tidy dataset. `files` holds nodes.csv and/or ties.csv (matched by name), or one ties file. */
export function parseTidy(files: InputFile[], options: ReadOptions = {}): ImportResult {
  const direction = options.direction ?? "flow";
  const report = new ImportReport("tidy", direction);
  const graph = createClusterGraph({ direction });
  const isNodes = (f: InputFile) => /(^|[\\/])(nodes|actors|vertices)[^\\/]*\.(csv|tsv|txt)$/i.test(f.name);
  const nodes = files.find(isNodes);
  const ties = files.filter((f) => f !== nodes);
  if (nodes) readNodes(graph, nodes, report);
  if (ties.length === 0) {
    report.note("no ties file: actors only");
  }
  for (const t of ties) readTies(graph, t, report, options, nodes === undefined);
  return finishImport(graph, report, direction);
}

/** Write a graph as tidy nodes.csv and ties.csv (flow direction; all attributes as columns). */
export function writeTidy(graph: ClusterGraph, baseName = "."): WriteResult {
  if (/\.(csv|tsv|txt)$/i.test(baseName)) {
    throw new InputError(`${baseName}: tidy output is a dataset folder (nodes.csv + ties.csv); give a folder path, or --format matrix for one CSV file`);
  }
  const fixed = ["id", "label", "kind", "inCluster", "stage", "group", "respondent"];
  const extraActor = new Set<string>();
  graph.forEachNode((_id, a) => {
    for (const k of Object.keys(a)) if (!fixed.includes(k) && a[k] !== undefined) extraActor.add(k);
  });
  // Per-relation non-response (graph attribute nonRespondents) as a nodes.csv column, read back by readNodesTable.
  const nonResp = graph.getAttribute("nonRespondents") ?? {};
  const nrOf = new Map<string, string[]>();
  for (const [rel, ids] of Object.entries(nonResp)) for (const id of ids) nrOf.set(id, [...(nrOf.get(id) ?? []), rel]);
  const actorCols = [...fixed, ...[...extraActor].sort(), ...(nrOf.size > 0 ? ["nonRespondentFor"] : [])];
  const nodeRows: unknown[][] = [actorCols];
  graph.forEachNode((id, a) => nodeRows.push(actorCols.map((c) => (c === "id" ? id : c === "nonRespondentFor" ? (nrOf.get(id) ?? []).sort().join(";") : a[c]))));
  const tieFixed = ["source", "target", "relation", "weight", "wave", "tieType"];
  const extraTie = new Set<string>();
  graph.forEachEdge((_e, a) => {
    for (const k of Object.keys(a)) if (!tieFixed.includes(k) && k !== "tieTypeGiven" && a[k] !== undefined) extraTie.add(k);
  });
  const tieCols = [...tieFixed, ...[...extraTie].sort()];
  const tieRows: unknown[][] = [tieCols];
  // A derived tie type is left empty so that reading the file back derives it again (and keeps it "not given").
  graph.forEachEdge((_e, a, s, t) =>
    tieRows.push(tieCols.map((c) => (c === "source" ? s : c === "target" ? t : c === "tieType" && !a.tieTypeGiven ? "" : a[c]))),
  );
  const dir = baseName.replace(/[\\/]+$/, "");
  return [
    { name: `${dir}/nodes.csv`, data: writeCsv(nodeRows) },
    { name: `${dir}/ties.csv`, data: writeCsv(tieRows) },
  ];
}

export const tidyFormat: Format = {
  name: "tidy",
  description: "tidy CSV: nodes.csv + ties.csv (a dataset folder), or a ties file alone",
  extensions: [".csv", ".tsv"],
  sniff(file) {
    const head = parseCsv(file.text.slice(0, 4096)).rows[0] ?? [];
    const names = head.map((h) => h.trim().toLowerCase());
    const hasEnds = TIE_COLUMN_ALIASES.source.some((s) => names.includes(s)) && TIE_COLUMN_ALIASES.target.some((s) => names.includes(s));
    const hasId = ACTOR_COLUMN_ALIASES.id.some((s) => names.includes(s));
    return hasEnds ? 0.9 : hasId ? 0.6 : 0;
  },
  read: (files, options) => parseTidy(files, options),
  write: (graph, base) => writeTidy(graph, base),
};
