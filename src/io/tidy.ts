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
import type { ActorAttributes, ClusterGraph } from "../model/types.js";
import { addActor, addTie, createClusterGraph } from "../model/graph.js";
import { parseTieType } from "../model/tieType.js";
import { parseCsv, writeCsv, type CsvTable } from "./csv.js";
import { ACTOR_COLUMN_ALIASES, TIE_COLUMN_ALIASES, extraValues, inferExtras, mapColumns, reportSwallowedRows } from "./columns.js";
import { finishImport, baseName, hasDecimalComma, MAX_WEIGHT, parseBoolean, parseNumber, weightProblem, type Format, type ImportResult, type InputFile, type ReadOptions, type WriteResult } from "./format.js";
import { ImportReport, InputError } from "./report.js";
import { dict } from "../model/dict.js";

function table(file: InputFile, report: ImportReport): CsvTable | undefined {
  report.files.push(file.name);
  const t = parseCsv(file.text);
  for (const p of t.problems) report.error(file.name, "csv-syntax", p.message, { line: p.line, column: p.column }, "fix the quoting in this row");
  reportSwallowedRows(t, file.name, report);
  if (t.rows.length === 0) {
    report.error(file.name, "empty-file", "the file is empty", { line: 1, column: 1 }, "export the table again with its header row");
    return undefined;
  }
  if (t.hadBom) report.info(file.name, "bom", "UTF-8 byte-order mark removed", { line: 1, column: 1 });
  if (t.lineEnding === "CR" || t.lineEnding === "mixed") report.info(file.name, "line-endings", `line endings: ${t.lineEnding}`, { line: 1 });
  return t;
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
  const t = table(file, report);
  if (t) readNodesTable(graph, t, file.name, report);
}

/**
 * Read an actor table (header row + one row per actor) into the graph. Exported for the other tabular
 * importers (XLSX sheets …): `t` only needs rows and the line/column of each cell.
 */
export function readNodesTable(graph: ClusterGraph, t: Pick<CsvTable, "rows" | "line" | "column">, fileName: string, report: ImportReport): void {
  const file = { name: fileName };
  const cols = mapColumns(t.rows[0], ACTOR_COLUMN_ALIASES, report, file.name, t.line(0), (f) => t.column(0, f));
  const idCol = cols.fields.id;
  if (idCol === undefined) {
    report.error(file.name, "missing-column", `no id column (looked for: ${ACTOR_COLUMN_ALIASES.id.join(", ")})`, { line: t.line(0), column: 1 }, "name the column holding actor ids 'id'");
    return;
  }
  const body = t.rows.slice(1);
  // `nonRespondentFor`: the relations (separated by ;) whose question the actor left blank (see writeTidy).
  const nrIndex = cols.extras.findIndex((e) => e.name.toLowerCase().replace(/[\s_\-.]+/g, "") === "nonrespondentfor");
  const nrCol = nrIndex >= 0 ? cols.extras.splice(nrIndex, 1)[0].index : undefined;
  const nonRespondents: Record<string, string[]> = dict(graph.getAttribute("nonRespondents") ?? {});
  const typed = inferExtras(body, cols.extras, report, "actors");
  const seen = new Map<string, number>();
  let defaultedKind = 0;
  for (let r = 1; r < t.rows.length; r++) {
    report.count("rowsRead");
    if (!checkRagged(t, r, file.name, report)) continue;
    const row = t.rows[r];
    const at = (f: number | undefined) => ({ line: t.line(r), column: f === undefined ? 1 : t.column(r, f) });
    const cell = (f: number | undefined) => (f === undefined ? "" : (row[f] ?? "").trim());
    const id = cell(idCol);
    if (id === "") {
      report.error(file.name, "empty-id", "actor row has an empty id; row dropped", at(idCol), "give every actor a unique id");
      report.count("rowsDropped");
      continue;
    }
    if (seen.has(id)) {
      report.error(file.name, "duplicate-id", `actor id "${id}" already defined on line ${seen.get(id)}; this row is dropped`, at(idCol), "make ids unique, or merge the two rows by hand");
      report.count("rowsDropped");
      continue;
    }
    seen.set(id, t.line(r));
    const attrs: Partial<ActorAttributes> = { ...extraValues(row, typed) };
    const label = cell(cols.fields.label);
    if (label !== "") attrs.label = label;
    const kind = cell(cols.fields.kind);
    if (kind !== "") attrs.kind = kind.toLowerCase();
    else defaultedKind++;
    const inside = cell(cols.fields.inCluster);
    if (inside !== "") {
      const b = parseBoolean(inside);
      if (b === undefined) report.warn(file.name, "bad-boolean", `inCluster "${inside}" is not true/false; actor taken as inside the cluster`, at(cols.fields.inCluster), "write true/false, yes/no or 1/0");
      else attrs.inCluster = b;
    }
    const stage = cell(cols.fields.stage);
    if (stage !== "") attrs.stage = stage;
    const group = cell(cols.fields.group);
    if (group !== "") attrs.group = group;
    const resp = cell(cols.fields.respondent);
    if (resp !== "") {
      const b = parseBoolean(resp);
      if (b === undefined) report.warn(file.name, "bad-boolean", `respondent "${resp}" is not true/false; left unknown`, at(cols.fields.respondent), "write true/false, yes/no or 1/0");
      else attrs.respondent = b;
    }
    for (const xy of ["x", "y"] as const) {
      const v = cell(cols.fields[xy]);
      if (v !== "") {
        const num = parseNumber(v);
        if (num === undefined) report.warn(file.name, "bad-number", `${xy} "${v}" is not a number; ignored`, at(cols.fields[xy]));
        else attrs[xy] = num;
      }
    }
    addActor(graph, id, attrs);
    if (nrCol !== undefined) {
      for (const rel of cell(nrCol).split(";").map((x) => x.trim()).filter(Boolean)) {
        nonRespondents[rel] = [...(nonRespondents[rel] ?? []).filter((x) => x !== id), id];
      }
    }
  }
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
  const t = table(file, report);
  if (t) readTiesTable(graph, t, file.name, report, options, createActors);
}

/**
 * Read a tie table (header row + one row per tie) into the graph; with `createActors` unknown ids become new
 * actors (reported), else they are errors. Exported for the other tabular importers.
 */
export function readTiesTable(
  graph: ClusterGraph,
  t: Pick<CsvTable, "rows" | "line" | "column">,
  fileName: string,
  report: ImportReport,
  options: ReadOptions,
  createActors: boolean,
): void {
  const file = { name: fileName };
  const cols = mapColumns(t.rows[0], TIE_COLUMN_ALIASES, report, file.name, t.line(0), (f) => t.column(0, f));
  for (const need of ["source", "target"] as const) {
    if (cols.fields[need] === undefined) {
      report.error(file.name, "missing-column", `no ${need} column (looked for: ${TIE_COLUMN_ALIASES[need].join(", ")})`, { line: t.line(0), column: 1 }, `name the column '${need}'`);
      return;
    }
  }
  const typed = inferExtras(t.rows.slice(1), cols.extras, report, "ties");
  const asks = options.direction === "asks";
  const created: string[] = [];
  const seenTie = new Map<string, number>();
  let trimmedIds = 0;
  for (let r = 1; r < t.rows.length; r++) {
    report.count("rowsRead");
    if (!checkRagged(t, r, file.name, report)) continue;
    const row = t.rows[r];
    const at = (f: number | undefined) => ({ line: t.line(r), column: f === undefined ? 1 : t.column(r, f) });
    const cell = (f: number | undefined) => (f === undefined ? "" : (row[f] ?? "").trim());
    const written = [cell(cols.fields.source), cell(cols.fields.target)];
    for (const f of [cols.fields.source, cols.fields.target]) {
      if (f === undefined || (row[f] ?? "") === (row[f] ?? "").trim()) continue;
      report.count("idsTrimmed");
      if (trimmedIds++ === 0) report.warn(file.name, "id-trimmed", `actor id ${JSON.stringify(row[f])} read as ${JSON.stringify(row[f].trim())} (surrounding spaces removed; later cells like it are counted, not listed)`, at(f), "remove the spaces, or keep them out of ids");
    }
    let bad = false;
    for (const [k, id] of written.entries()) {
      const col = k === 0 ? cols.fields.source : cols.fields.target;
      if (id === "") {
        report.error(file.name, "empty-id", `tie has an empty ${k === 0 ? "source" : "target"}; row dropped`, at(col), "fill in both ends of every tie");
        bad = true;
      } else if (!graph.hasNode(id)) {
        if (createActors) {
          addActor(graph, id);
          created.push(id);
        } else {
          report.error(file.name, "unknown-actor", `tie names actor "${id}", which is not in nodes.csv; row dropped`, at(col), "add the actor to nodes.csv or correct the id");
          bad = true;
        }
      }
    }
    if (bad) {
      report.count("rowsDropped");
      continue;
    }
    const weightText = cell(cols.fields.weight);
    let weight = 1;
    if (weightText !== "") {
      const w = parseNumber(weightText);
      if (w === undefined) {
        report.error(file.name, "bad-weight", `weight "${weightText}" is not a number; row dropped`, at(cols.fields.weight), "write tie strengths as numbers (e.g. 1–3)");
        report.count("rowsDropped");
        continue;
      }
      if (w < 0) {
        report.error(file.name, "negative-weight", `weight ${w} is negative; row dropped`, at(cols.fields.weight), "tie strengths must be ≥ 0; code negative ties (e.g. distrust) as a separate relation");
        report.count("rowsDropped");
        continue;
      }
      if (w === 0) {
        report.warn(file.name, "zero-weight", "weight 0 means no tie; row dropped", at(cols.fields.weight), "remove rows of absent ties, or give the tie a strength");
        report.count("rowsDropped");
        continue;
      }
      const absurd = weightProblem(w);
      if (absurd) {
        report.error(file.name, "absurd-weight", `${absurd}; row dropped`, at(cols.fields.weight), `tie strengths above ${MAX_WEIGHT.toExponential()} are refused; check the column`);
        report.count("rowsDropped");
        continue;
      }
      if (hasDecimalComma(weightText) && !options.decimalComma) {
        report.warn(file.name, "decimal-comma", `weight "${weightText}" read as ${w} (decimal comma)`, at(cols.fields.weight), "write decimal points, or pass --decimal-comma to read decimal commas without a warning");
      }
      weight = w;
    } else if (cols.fields.weight !== undefined) {
      report.warn(file.name, "empty-weight", "empty weight read as 1", at(cols.fields.weight), "give every tie a strength, or leave out the weight column when all ties count 1");
      report.count("valuesCoerced");
    }
    const [a, b] = written;
    const [source, target] = asks ? [b, a] : [a, b];
    if (source === target) {
      report.warn(file.name, "self-loop", `tie from "${a}" to itself; kept as a self-loop`, at(cols.fields.source), "remove self-nominations unless they mean something in your survey");
    }
    const tieTypeText = cell(cols.fields.tieType);
    const tieType = tieTypeText === "" ? undefined : parseTieType(tieTypeText);
    if (tieTypeText !== "" && tieType === undefined) {
      report.warn(file.name, "bad-tie-type", `tie type "${tieTypeText}" is not horizontal, vertical or external; derived from the actors instead`, at(cols.fields.tieType));
    }
    const relation = cell(cols.fields.relation) || options.relation || "knowledge";
    const wave = cell(cols.fields.wave) || options.wave || undefined;
    const key = `${source}\u0000${target}\u0000${relation}\u0000${wave ?? ""}`;
    const prev = seenTie.get(key);
    if (prev !== undefined) {
      report.warn(file.name, "duplicate-tie", `the same tie (${a} → ${b}, ${relation}${wave ? `, wave ${wave}` : ""}) already appears on line ${prev}; both kept as parallel ties`, at(cols.fields.source), "delete one of the rows if it is a double entry");
    } else seenTie.set(key, t.line(r));
    const added = addTie(graph, source, target, { ...extraValues(row, typed), relation, weight, wave, tieType, ...(asks ? { nominator: a } : {}) });
    if (added.contradiction) {
      report.warn(file.name, "tie-type-contradiction", `tie type given as ${added.contradiction.given}, but the actors make it ${added.contradiction.derived}; the given type is kept`, at(cols.fields.tieType), "check the actors' inCluster and stage, or the tie type");
    }
  }
  if (created.length > 0) {
    report.counts.actorsCreated += created.length;
    report.note(`${created.length} actor(s) created from ${baseName(file.name)} (no nodes table): kind 'other', inside the cluster`);
    for (const id of created.slice(0, 50)) report.info(file.name, "actor-created", `actor "${id}" created from the ties`);
    if (created.length > 50) report.info(file.name, "actor-created", `… and ${created.length - 50} more actors created`);
  }
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
