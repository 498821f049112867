/**
 * Adjacency matrix CSV: one relation as a square table.
 *
 * ```
 *       ;FIRM01;FIRM02;LAB1
 * FIRM01;0;2;1
 * FIRM02;0;0;3
 * LAB1;1;0;0
 * ```
 * The first row holds the column labels after a corner cell (empty, or any text such as `id` — it is not a
 * label); the first column holds the row labels. Row labels must be the column labels (the same set; a
 * different order is matched by label and warned about). Cell (i, j) is the strength of the tie row → column:
 * with `--direction flow` (the default) row i gives knowledge to column j; with `--direction asks` row i
 * asks column j, so knowledge flows j → i. A blank cell or 0 is no tie. A number on the diagonal is a
 * self-loop (kept, warned). A cell that is not a number, or a negative number, is an error with its line and
 * column. The relation is `--relation` (default `knowledge`); the wave is `--wave` when given.
 *
 * Missing and structural codes (see {@link cellCodes}): `NA` and `.` (and codes given with `--missing-codes`)
 * are missing cells, kept in the graph attribute `missingTies` (like non-respondents: unknown, not absent).
 * With `--structural-codes`, 10 is RSiena's structural zero (no tie) and 11 its structural one (a tie of
 * strength 1, marked `structural`), both listed in `structuralTies`. Without it, a 10 or 11 in an otherwise
 * 0/1 matrix is never read as a strength: it is a located warning and a missing cell. With `--scale a-b`, a
 * value outside the scale is a located warning (the tie is kept).
 *
 * With a `nodes.csv` beside it (a dataset folder holding nodes.csv and matrix.csv), the actors come from
 * nodes.csv and every label must be one of them; actors of nodes.csv missing from the matrix are kept as
 * actors without ties and listed.
 *
 * The writer writes one relation (`relation` option; required when the network has several). Parallel ties
 * (several waves, or repeated ties) are collapsed with the `sum` rule of model/views.ts `collapse`: a cell
 * holds the total strength of the ties from row to column. Actor attributes are not written.
 */
import type { ClusterGraph, NominationDirection } from "../model/types.js";
import { addActor, addTie, createClusterGraph, relationsOf, wavesOf } from "../model/graph.js";
import { collapse, filterTies } from "../model/views.js";
import { parseCsv, writeCsv, type Delimiter } from "./csv.js";
import { readNodesTable } from "./tidy.js";
import { finishImport, parseNumber, type Format, type ImportResult, type InputFile, type ReadOptions, type WriteOptions } from "./format.js";
import { ImportReport, InputError } from "./report.js";
import { readCsvFile } from "./columns.js";

/** A cell coded missing: the tie source → target (knowledge flow) is unknown, not absent. */
export interface MissingTie {
  source: string;
  target: string;
  relation: string;
  wave?: string;
}

/** A cell holding an RSiena structural code: 10 = structural zero (value 0), 11 = structural one (value 1). */
export interface StructuralTie extends MissingTie {
  value: 0 | 1;
}

/**
 * How cells are coded (read options `missingCodes`, `structuralCodes`, `scale`): `NA` and `.` always mean a
 * missing cell; `missingCodes` adds codes (`blank` or "" makes blank cells missing instead of "no tie");
 * `structuralCodes` reads 10/11 as RSiena's structural zero/one; `scale` ("0-3" or {min,max}) makes values
 * outside it a located warning.
 */
export function cellCodes(options: ReadOptions): { missing: Set<string>; blankMissing: boolean; structural: boolean; scale?: { min: number; max: number } } {
  const extra = Array.isArray(options.missingCodes) ? (options.missingCodes as unknown[]).map((c) => String(c).trim()) : [];
  const missing = new Set(["NA", "."]);
  let blankMissing = false;
  for (const c of extra) {
    if (c === "" || c.toLowerCase() === "blank") blankMissing = true;
    else missing.add(c);
  }
  let scale: { min: number; max: number } | undefined;
  const sc = options.scale as string | { min: number; max: number } | undefined;
  if (typeof sc === "string") {
    const m = /^\s*(-?[\d.]+)\s*[-–:]\s*(-?[\d.]+)\s*$/.exec(sc);
    if (m) scale = { min: Number(m[1]), max: Number(m[2]) };
  } else if (sc && typeof sc === "object") scale = sc;
  return { missing, blankMissing, structural: options.structuralCodes === true, scale };
}

const readTable = (file: InputFile, report: ImportReport) => readCsvFile(file, report, "the matrix again with its label row and column");

const isNodesFile = (f: InputFile) => /(^|[\\/])(nodes|actors|vertices)[^\\/]*\.(csv|tsv|txt)$/i.test(f.name);

/** Read an adjacency matrix (and its actor table when `nodes.csv` is among the files). */
export function parseMatrix(files: InputFile[], options: ReadOptions = {}): ImportResult {
  const direction: NominationDirection = options.direction ?? "flow";
  const report = new ImportReport("matrix", direction);
  const graph = createClusterGraph({ direction });
  const nodesFile = files.find(isNodesFile);
  const matrixFile = files.find((f) => f !== nodesFile);
  if (nodesFile) {
    const t = readTable(nodesFile, report);
    if (t) readNodesTable(graph, t, nodesFile.name, report);
  }
  const done = (): ImportResult => finishImport(graph, report, direction);
  if (!matrixFile) {
    report.error(nodesFile?.name ?? "(input)", "missing-file", "no matrix file", {}, "put the matrix beside nodes.csv as matrix.csv");
    return done();
  }
  const file = matrixFile.name;
  const t = readTable(matrixFile, report);
  if (!t) return done();
  const hasNodes = nodesFile !== undefined;
  const at = (r: number, f: number) => ({ line: t.line(r), column: t.column(r, f) });

  // Column labels (after the corner cell); trailing empty header fields from a trailing delimiter are dropped.
  const header = t.rows[0].map((s) => s.trim());
  let width = header.length;
  while (width > 1 && header[width - 1] === "" && t.rows.slice(1).every((r) => (r[width - 1] ?? "").trim() === "")) width--;
  const colLabels = header.slice(1, width);
  if (header[0] !== "") report.info(file, "corner-cell", `top-left cell "${header[0]}" is not a label; ignored`, at(0, 0));
  if (colLabels.length === 0) {
    report.error(file, "no-labels", "the first row holds no column labels", at(0, 0), "write the actor ids in the first row (after an empty top-left cell) and in the first column");
    return done();
  }
  let fatal = false;
  const colIndex = new Map<string, number>();
  colLabels.forEach((l, k) => {
    if (l === "") {
      report.error(file, "empty-label", `column ${k + 2} has no label`, at(0, k + 1), "label every column with an actor id");
      fatal = true;
    } else if (colIndex.has(l)) {
      report.error(file, "duplicate-id", `column label "${l}" appears twice (columns ${colIndex.get(l)! + 2} and ${k + 2})`, at(0, k + 1), "make labels unique");
      fatal = true;
    } else colIndex.set(l, k);
  });

  // Rows: shape first.
  const body = t.rows.slice(1);
  const rowLabels: string[] = [];
  const rowOf = new Map<string, number>();
  for (let r = 1; r < t.rows.length; r++) {
    report.count("rowsRead");
    const row = t.rows[r];
    const label = (row[0] ?? "").trim();
    const extra = row.length > width && row.slice(width).some((f) => f.trim() !== "");
    if (row.length < width || extra) {
      report.error(
        file,
        "ragged-row",
        `row ${label === "" ? r + 1 : `"${label}"`} has ${row.length} fields, the label row has ${width}`,
        row.length < width ? { line: t.line(r), column: t.column(r, row.length - 1) + (row[row.length - 1]?.length ?? 0) } : at(r, width),
        "every row needs its label and one cell per column; check for a missing or extra delimiter",
      );
      fatal = true;
    }
    if (label === "") {
      report.error(file, "empty-label", `row on line ${t.line(r)} has no label`, at(r, 0), "label every row with an actor id");
      fatal = true;
    } else if (rowOf.has(label)) {
      report.error(file, "duplicate-id", `row label "${label}" appears twice (lines ${t.line(rowOf.get(label)! + 1)} and ${t.line(r)})`, at(r, 0), "make labels unique");
      fatal = true;
    } else rowOf.set(label, r - 1);
    rowLabels.push(label);
  }
  if (body.length === 0) {
    report.error(file, "empty-file", "the matrix has a label row but no rows", at(0, 0), "add one row per actor");
    return done();
  }
  if (body.length !== colLabels.length) {
    report.error(file, "not-square", `the matrix has ${body.length} rows and ${colLabels.length} columns; it must be square`, { line: t.line(body.length), column: 1 }, "one row and one column per actor, in the same order");
    fatal = true;
  }
  const onlyRows = rowLabels.filter((l) => l !== "" && !colIndex.has(l));
  const onlyCols = colLabels.filter((l) => l !== "" && !rowOf.has(l));
  for (const l of onlyRows) report.error(file, "label-mismatch", `row label "${l}" is not among the column labels`, at(rowOf.get(l)! + 1, 0), "row and column labels must name the same actors");
  for (const l of onlyCols) report.error(file, "label-mismatch", `column label "${l}" is not among the row labels`, at(0, colIndex.get(l)! + 1), "row and column labels must name the same actors");
  if (onlyRows.length || onlyCols.length) fatal = true;
  if (fatal) {
    report.count("rowsDropped", body.length);
    report.note("the matrix is not square with matching labels: no ties read");
    return done();
  }
  if (rowLabels.some((l, i) => l !== colLabels[i])) {
    report.warn(file, "label-order", "row labels are not in the order of the column labels; cells matched by label", at(1, 0), "write rows and columns in the same order to silence this");
  }

  // Actors.
  if (hasNodes) {
    for (const l of colLabels) {
      if (!graph.hasNode(l)) {
        report.error(file, "unknown-actor", `label "${l}" is not an actor of the actor table`, at(0, colIndex.get(l)! + 1), "add the actor to nodes.csv or correct the label");
        fatal = true;
      }
    }
    if (fatal) {
      report.count("rowsDropped", body.length);
      return done();
    }
    const missing = graph.nodes().filter((id) => !colIndex.has(id));
    if (missing.length > 0) report.note(`${missing.length} actor(s) of the actor table are not in the matrix and have no ties: ${missing.slice(0, 30).join(", ")}${missing.length > 30 ? ", …" : ""}`);
  } else {
    for (const l of colLabels) addActor(graph, l);
    report.counts.actorsCreated += colLabels.length;
    report.note(`${colLabels.length} actor(s) created from the matrix labels (no actor table): kind 'other', inside the cluster`);
  }

  // Cells.
  const relation = options.relation ?? "knowledge";
  const wave = options.wave;
  const asks = direction === "asks";
  const codes = cellCodes(options);
  // 10 and 11 in an otherwise binary matrix look like RSiena's structural codes: never read as strengths.
  let binary = true;
  for (let r = 1; r < t.rows.length && binary; r++) {
    for (let f = 1; f < width; f++) {
      const w = parseNumber((t.rows[r][f] ?? "").trim());
      if (w !== undefined && w !== 0 && w !== 1 && w !== 10 && w !== 11) {
        binary = false;
        break;
      }
    }
  }
  const missing: MissingTie[] = [];
  const structural: StructuralTie[] = [];
  let loops = 0;
  let outOfScale = 0;
  let unread = 0;
  for (let r = 1; r < t.rows.length; r++) {
    const row = t.rows[r];
    const from = rowLabels[r - 1];
    for (let f = 1; f < width; f++) {
      const text = (row[f] ?? "").trim();
      const to = colLabels[f - 1];
      const [s, d] = asks ? [to, from] : [from, to];
      if (codes.missing.has(text) || (text === "" && codes.blankMissing)) {
        if (from !== to) missing.push({ source: s, target: d, relation, ...(wave ? { wave } : {}) });
        continue;
      }
      if (text === "") continue;
      const w = parseNumber(text);
      if (w === undefined) {
        report.error(file, "bad-weight", `cell (${from}, ${to}) "${text}" is not a number`, at(r, f), "write tie strengths as numbers; leave the cell blank or 0 for no tie; mark missing cells NA or . (or name your code with --missing-codes)");
        report.count("cellsDropped");
        continue;
      }
      if (w < 0) {
        report.error(file, "negative-weight", `cell (${from}, ${to}) is negative (${w})`, at(r, f), "tie strengths must be ≥ 0; code negative ties (e.g. distrust) as a separate relation; a negative missing code is named with --missing-codes");
        report.count("cellsDropped");
        continue;
      }
      if ((w === 10 || w === 11) && codes.structural) {
        if (from !== to) structural.push({ source: s, target: d, relation, value: w === 11 ? 1 : 0, ...(wave ? { wave } : {}) });
        if (w === 11 && from !== to) addTie(graph, s, d, { relation, weight: 1, wave, structural: true, ...(asks ? { nominator: from } : {}) });
        continue;
      }
      if ((w === 10 || w === 11) && binary && !codes.scale) {
        report.warn(file, "structural-code", `cell (${from}, ${to}) is ${w} in a 0/1 matrix: RSiena's structural ${w === 10 ? "zero" : "one"}? Read as a missing cell, not as a tie of strength ${w}`, at(r, f), "pass --structural-codes to read 10 as a structural zero and 11 as a structural one, or --scale 0-11 if it is a strength");
        if (from !== to) missing.push({ source: s, target: d, relation, ...(wave ? { wave } : {}) });
        unread++;
        continue;
      }
      if (codes.scale && (w < codes.scale.min || w > codes.scale.max)) {
        outOfScale++;
        report.warn(file, "out-of-scale", `cell (${from}, ${to}) is ${w}, outside the declared scale ${codes.scale.min}–${codes.scale.max}; kept as a tie of strength ${w}`, at(r, f), "correct the cell, declare the scale actually used with --scale, or mark it missing (NA)");
      }
      if (w === 0) continue;
      if (from === to) {
        loops++;
        report.warn(file, "self-loop", `diagonal cell of ${from} is ${w}; kept as a self-loop`, at(r, f), "set the diagonal to 0 or blank unless self-ties mean something in your data");
      }
      addTie(graph, s, d, { relation, weight: w, wave, ...(asks ? { nominator: from } : {}) });
    }
  }
  if (missing.length > 0) {
    graph.setAttribute("missingTies", missing);
    report.count("cellsMissing", missing.length);
    const coded = missing.length - unread;
    report.note(`${coded} cell(s) coded missing (${[...codes.missing].map((c) => `"${c}"`).join(", ")}${codes.blankMissing ? ", blank" : ""})${unread ? ` and ${unread} cell(s) holding a structural code (10/11) without --structural-codes` : ""}: missing ties, not absent ties`);
  }
  if (structural.length > 0) {
    graph.setAttribute("structuralTies", structural);
    report.count("cellsStructural", structural.length);
    report.note(`RSiena structural codes read: ${structural.filter((x) => x.value === 0).length} structural zero(s) (10, no tie), ${structural.filter((x) => x.value === 1).length} structural one(s) (11, a tie of strength 1)`);
  }
  if (outOfScale > 0) report.count("cellsOutOfScale", outOfScale);
  if (loops > 0) report.count("selfLoops", loops);
  report.note(`matrix read as relation "${relation}"${wave ? `, wave ${wave}` : ""}; cell (row, column) = strength of the tie row → column${asks ? " read as 'row asks column' (knowledge flows column → row)" : ""}`);
  return done();
}

/**
 * Write one relation as an adjacency matrix (see the module comment). Options: `relation`, `direction`
 * (`asks` writes the transpose: row asks column), `delimiter`, `notes` (an array that receives what was
 * merged or left out).
 */
export function writeMatrix(graph: ClusterGraph, options: WriteOptions = {}): string {
  const relations = relationsOf(graph);
  let relation = options.relation;
  if (relation === undefined) {
    if (relations.length > 1) throw new InputError(`a matrix holds one relation; this network has ${relations.length} (${relations.join(", ")}): choose one with --relation`);
    relation = relations[0];
  } else if (!relations.includes(relation) && relations.length > 0) {
    throw new InputError(`no ties of relation "${relation}" (relations: ${relations.join(", ")})`);
  }
  const notes = Array.isArray(options.notes) ? (options.notes as string[]) : undefined;
  const view = relation === undefined ? graph : filterTies(graph, { relations: [relation] });
  const { nodes, arcs } = collapse(view, { weight: "sum", keepLoops: true });
  const merged = arcs.filter((a) => a.ties > 1);
  if (merged.length > 0) {
    notes?.push(`${merged.reduce((s, a) => s + a.ties, 0)} parallel tie(s) (${wavesOf(view).length > 1 ? "several waves" : "repeated ties"}) collapsed into ${merged.length} cell(s) by summing their strengths (rule 'sum')`);
  }
  if (relations.length > 1) notes?.push(`only relation "${relation}" written (the network has ${relations.join(", ")})`);
  notes?.push(`matrix written as ${options.direction === "asks" ? "'row asks column' (knowledge flows column → row); read it back with --direction asks" : "knowledge flow: row gives knowledge to column"}`);
  notes?.push("actor attributes are not written in a matrix (keep nodes.csv beside it)");
  const nonResp = Object.values(graph.getAttribute("nonRespondents") ?? {}).flat();
  const silent = graph.filterNodes((_id, a) => a.respondent === false).length;
  if (nonResp.length > 0 || silent > 0) {
    notes?.push(`a matrix cannot mark missing answers: ${silent} actor(s) marked respondent = false and ${nonResp.length} non-response(s) to a question read back as 'no tie' — keep the JSON, tidy or roster files for them`);
  }
  const index = new Map(nodes.map((id, i) => [id, i] as const));
  const n = nodes.length;
  const cells: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const asks = options.direction === "asks";
  for (const a of arcs) {
    const i = index.get(a.source)!;
    const j = index.get(a.target)!;
    if (asks) cells[j][i] = a.weight;
    else cells[i][j] = a.weight;
  }
  const delimiter = (options.delimiter as Delimiter | undefined) ?? ",";
  return writeCsv([["", ...nodes], ...nodes.map((id, i) => [id, ...cells[i]])], delimiter);
}

export const matrixFormat: Format = {
  name: "matrix",
  description: "adjacency matrix CSV: actor labels in the first row and column, cell = tie strength (row → column)",
  extensions: [".csv", ".tsv", ".txt"],
  sniff(file) {
    const rows = parseCsv(file.text.slice(0, 16384)).rows;
    const head = rows[0] ?? [];
    if (head.length < 2) return 0;
    const labels = head.slice(1).map((s) => s.trim());
    const rowLabels = rows.slice(1, -1).map((r) => (r[0] ?? "").trim());
    const matches = rowLabels.length > 0 && rowLabels.every((l, i) => l === labels[i]);
    if (matches) return 0.92;
    if (head[0].trim() === "") return 0.85;
    return 0;
  },
  read: (files, options) => parseMatrix(files, options),
  write: (graph, base, options) => {
    const name = /\.(csv|tsv|txt)$/i.test(base) ? base : `${base.replace(/[\\/]+$/, "")}/matrix.csv`;
    return [{ name, data: writeMatrix(graph, options) }];
  },
};
