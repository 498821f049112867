/**
 * Roster surveys, wide: one row per respondent.
 *
 * ## The reusable core: {@link addRosterAnswers}
 *
 * ```ts
 * addRosterAnswers(graph: ClusterGraph, answers: RosterAnswer[], report: ImportReport, options: RosterTieOptions): RosterSummary
 * ```
 * turns what respondents answered into ties. Every survey importer that knows "respondent R, question Q,
 * named these alters (with these strengths)" — this module's CSV reader, the KoboToolbox/ODK importer —
 * builds {@link RosterAnswer}s and hands them over, so that non-response, self-nominations, unknown names,
 * repeated names and the direction convention are treated in one place:
 *
 * - `nominations: null` means the question was left blank: the respondent is a **non-respondent** for that
 *   relation (listed in the graph attribute `nonRespondents[relation]`); their ties are missing, not absent.
 *   `nominations: []` means they answered and named nobody.
 * - An actor who answered none of the questions gets `respondent: false`; one who answered at least one
 *   gets `respondent: true`.
 * - A self-nomination is dropped with a warning. A name that is no actor is an error by default
 *   (`unknownAlters: "error"`), or a warning with the nomination dropped (`"drop"`), or creates the actor
 *   (`"create"`, reported). Alters are matched by id, then by a unique label (reported as coerced).
 * - The same alter named twice in one answer: the nominations are merged into one tie with the larger
 *   strength, with a warning at the second mention.
 * - Direction: roster questions are usually "to whom do you turn for advice?", so the default is
 *   `direction: "asks"`: the respondent asks the alter and knowledge flows alter → respondent. Pass
 *   `direction: "flow"` for questions of the form "to whom do you give advice?". The tie records the
 *   respondent as `nominator` either way.
 * - Strengths must be finite and > 0 (0 is no tie and should not be passed; it is ignored if it is).
 *
 * ## The CSV file (`roster.csv` or `survey.csv`, optionally beside `nodes.csv`)
 *
 * One column holds the respondent's id (`id`, `respondent`, `respondent_id`, `ego`, `actor`, `name`).
 * Nomination columns, by header:
 * - `relation:ACTOR` — the strength (a number, e.g. 0–3) of the respondent's tie to ACTOR for that relation,
 *   e.g. `advice:FIRM01`, `market:FIRM01`. Several relations can live in one file.
 * - `ACTOR` — a bare actor id: the same for the default relation (`--relation`, else `knowledge`). Without
 *   `nodes.csv` a bare header is taken for an actor only when it is a respondent's id; use `relation:ACTOR`
 *   for actors who are not respondents (external buyers, labs).
 * - `relation_ACTOR`, `relation.ACTOR`, `relation/ACTOR` — accepted when ACTOR is an actor of `nodes.csv`
 *   (the report notes how each such header was read).
 * - `relation:*` — a list question: the cell names the actors, separated by `;`, `,`, `|` or line breaks;
 *   spaces also separate names when the whole text is not itself an actor's id or label (so Kobo-style
 *   `FIRM01 FIRM07` works while `Cave Dubois` stays one name). A name may carry a strength as
 *   `FIRM03=2`; otherwise its strength is 1. `none`, `nobody`, `-` or `0` means "named nobody".
 * A question is the set of columns of one relation. For a respondent, all of them blank = non-response for
 * that relation; any of them filled = answered, and blank strength cells in the same question are read as
 * 0 (no tie; counted and reported). Other columns are actor attributes of the respondent (`kind`, `stage`,
 * … and free survey attributes, typed as in the tidy format). A respondent id not in `nodes.csv` is an
 * error; a second row for the same respondent is an error (the row is dropped). When `nodes.csv` is
 * present, actors come from it; without it, actors are the respondents plus the actors named in headers
 * and lists (created, and said so).
 * Actors of `nodes.csv` with no row are taken as not having answered (`respondent: false`, listed in a note)
 * unless `nodes.csv` says otherwise.
 *
 * The writer produces the strength layout (`relation:ACTOR` columns, one row per actor that is not marked
 * `respondent: false` or is listed in `nonRespondents`; blank cells for a relation the actor did not
 * answer), read back by this reader.
 */
import type { ActorAttributes, AttributeValue, ClusterGraph, NominationDirection } from "../model/types.js";
import { addActor, addTie, createClusterGraph, relationsOf, wavesOf } from "../model/graph.js";
import { parseCsv, writeCsv } from "./csv.js";
import { ACTOR_COLUMN_ALIASES, extraValues, inferExtras, readCsvFile } from "./columns.js";
import { readNodesTable } from "./tidy.js";
import { finishImport, baseName, parseBoolean, parseNumber, weightProblem, type Format, type ImportResult, type InputFile, type ReadOptions, type WriteOptions, type WriteResult } from "./format.js";
import { ImportReport, InputError } from "./report.js";
import { dict } from "../model/dict.js";

// ---------------------------------------------------------------------------------------------------------
// The core: answers → ties
// ---------------------------------------------------------------------------------------------------------

/** Where something was read, for messages. */
export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
}

/** One actor named in an answer. */
export interface RosterNomination extends SourceLocation {
  /** The name as written (an actor id, or a label). */
  alter: string;
  /** Strength on the survey's scale; default 1. */
  weight?: number;
  /** Extra tie attributes (e.g. frequency, channel). */
  attributes?: Record<string, AttributeValue>;
}

/** One respondent's answer to one question (= one relation). */
export interface RosterAnswer extends SourceLocation {
  respondent: string;
  relation: string;
  /** `null`: the question was left blank (non-response). `[]`: answered, named nobody. */
  nominations: RosterNomination[] | null;
  wave?: string;
}

export interface RosterTieOptions {
  /** Default `asks` ("whom do you turn to"): knowledge flows alter → respondent. */
  direction?: NominationDirection;
  /** File name for messages when an answer/nomination carries none. */
  file: string;
  /** What to do with a name that is no actor. Default `error`. */
  unknownAlters?: "error" | "drop" | "create";
  /** Respondents unknown to the graph: error (default) or create them. */
  unknownRespondents?: "error" | "create";
  /** The survey's strength scale (`--scale 0-3`): a strength outside it is an error and its nomination is dropped. */
  scale?: { min: number; max: number };
}

/** Read a scale written `min-max` (`0-3`, `1-5`); undefined when none is given. Throws InputError when malformed. */
export function parseScale(value: unknown): { min: number; max: number } | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "object" && value !== null && "min" in value && "max" in value) return value as { min: number; max: number };
  const m = /^\s*(\d+(?:\.\d+)?)\s*[-–:]\s*(\d+(?:\.\d+)?)\s*$/.exec(String(value));
  if (!m || Number(m[1]) >= Number(m[2])) throw new InputError(`--scale: "${String(value)}" is not a scale written min-max with min < max (e.g. 0-3)`);
  return { min: Number(m[1]), max: Number(m[2]) };
}

export interface RosterSummary {
  direction: NominationDirection;
  ties: number;
  /** Per relation: who answered / who left it blank. */
  respondents: Record<string, string[]>;
  nonRespondents: Record<string, string[]>;
  /** Respondents who answered nothing at all. */
  silent: string[];
  selfNominations: number;
  unknownNames: string[];
  createdActors: string[];
  mergedNominations: number;
  matchedByLabel: number;
}

/** Finds actors by what a respondent wrote: the id, else a unique label (case and spacing ignored). */
export class ActorResolver {
  private labels = new Map<string, string | null>();
  constructor(private graph: ClusterGraph) {
    graph.forEachNode((id, a) => this.addLabel(id, a.label));
  }
  private static norm(s: string): string {
    return s.trim().toLowerCase().replace(/\s+/g, " ");
  }
  private addLabel(id: string, label: string | undefined): void {
    for (const key of [label, id]) {
      if (key === undefined || key === "") continue;
      const k = ActorResolver.norm(key);
      const prev = this.labels.get(k);
      this.labels.set(k, prev === undefined || prev === id ? id : null); // null = ambiguous
    }
  }
  /** Note an actor added after construction. */
  added(id: string): void {
    this.addLabel(id, this.graph.getNodeAttribute(id, "label"));
  }
  /** `{ id, exact }` or undefined (unknown or ambiguous). */
  resolve(written: string): { id: string; exact: boolean } | undefined {
    const w = written.trim();
    if (this.graph.hasNode(w)) return { id: w, exact: true };
    const hit = this.labels.get(ActorResolver.norm(w));
    return hit ? { id: hit, exact: false } : undefined;
  }
}

/**
 * Turn respondents' answers into ties and record who answered what (see the module comment for every rule).
 * Adds ties to `graph`, sets `respondent` on the respondents, merges `nonRespondents` into the graph
 * attributes, and reports every dropped, merged, created or coerced nomination in `report`.
 */
export function addRosterAnswers(graph: ClusterGraph, answers: RosterAnswer[], report: ImportReport, options: RosterTieOptions): RosterSummary {
  const direction = options.direction ?? "asks";
  const unknownAlters = options.unknownAlters ?? "error";
  const resolver = new ActorResolver(graph);
  const summary: RosterSummary = {
    direction,
    ties: 0,
    respondents: dict(),
    nonRespondents: dict(),
    silent: [],
    selfNominations: 0,
    unknownNames: [],
    createdActors: [],
    mergedNominations: 0,
    matchedByLabel: 0,
  };
  const answered = new Map<string, boolean>(); // respondent → answered at least one question
  const unknownSeen = new Set<string>();
  const loc = (x: SourceLocation, fallback?: SourceLocation) => ({ line: x.line ?? fallback?.line, column: x.column ?? fallback?.column });
  const fileOf = (x: SourceLocation, fallback?: SourceLocation) => x.file ?? fallback?.file ?? options.file;
  const byRelation = (rec: Record<string, Set<string>>, rel: string) => (rec[rel] ??= new Set());
  const resp: Record<string, Set<string>> = dict();
  const nonResp: Record<string, Set<string>> = dict();
  // (respondent, relation, wave, alter) → tie key and the line it came from
  const seen = new Map<string, { key: string; line?: number }>();

  for (const ans of answers) {
    let r = ans.respondent.trim();
    if (!graph.hasNode(r)) {
      const found = resolver.resolve(r);
      if (found) r = found.id;
      else if (options.unknownRespondents === "create") {
        addActor(graph, r);
        resolver.added(r);
        summary.createdActors.push(r);
        report.counts.actorsCreated++;
        report.info(fileOf(ans), "actor-created", `respondent "${r}" is not in the actor table; actor created`, loc(ans));
      } else {
        report.error(fileOf(ans), "unknown-respondent", `respondent "${r}" is not an actor; their answer to ${ans.relation} is dropped`, loc(ans), "add the respondent to nodes.csv or correct the id");
        report.count("answersDropped");
        continue;
      }
    }
    if (ans.nominations === null) {
      byRelation(nonResp, ans.relation).add(r);
      if (!answered.has(r)) answered.set(r, false);
      continue;
    }
    byRelation(resp, ans.relation).add(r);
    answered.set(r, true);
    for (const nom of ans.nominations) {
      const at = loc(nom, ans);
      const file = fileOf(nom, ans);
      const weight = nom.weight ?? 1;
      if (!Number.isFinite(weight) || weight < 0) {
        report.error(file, weight < 0 ? "negative-weight" : "bad-weight", `strength ${weight} for "${nom.alter}" is not a number ≥ 0; nomination dropped`, at, "tie strengths must be numbers ≥ 0");
        report.count("nominationsDropped");
        continue;
      }
      if (weight === 0) continue;
      const absurd = weightProblem(weight);
      if (absurd || (options.scale && (weight < options.scale.min || weight > options.scale.max))) {
        const why = absurd ?? `strength ${weight} for "${nom.alter}" is outside the scale ${options.scale!.min}–${options.scale!.max}`;
        report.error(file, absurd ? "absurd-weight" : "off-scale", `${why}; nomination dropped`, at, absurd ? "check the strength column" : "correct the strength, or give the survey's scale with --scale");
        report.count("nominationsDropped");
        continue;
      }
      let alter: string;
      const found = resolver.resolve(nom.alter);
      if (found) {
        alter = found.id;
        if (!found.exact) {
          summary.matchedByLabel++;
          report.count("namesMatchedByLabel");
          report.info(file, "name-matched", `"${nom.alter}" read as actor "${alter}" (matched by label)`, at);
        }
      } else if (unknownAlters === "create") {
        alter = nom.alter.trim();
        addActor(graph, alter);
        resolver.added(alter);
        summary.createdActors.push(alter);
        report.counts.actorsCreated++;
        report.info(file, "actor-created", `"${alter}" is not in the actor table; actor created (kind 'other', inside the cluster)`, at, "add the actor to nodes.csv to give it a kind and stage");
      } else {
        if (!unknownSeen.has(nom.alter)) {
          unknownSeen.add(nom.alter);
          summary.unknownNames.push(nom.alter);
        }
        const msg = `"${nom.alter}" (named by ${r} for ${ans.relation}) is not an actor; nomination dropped`;
        const hint = "add the actor to nodes.csv, correct the spelling, or import with unknown actors created";
        if (unknownAlters === "error") report.error(file, "unknown-actor", msg, at, hint);
        else report.warn(file, "unknown-actor", msg, at, hint);
        report.count("nominationsDropped");
        continue;
      }
      if (alter === r) {
        summary.selfNominations++;
        report.count("selfNominationsDropped");
        report.warn(file, "self-nomination", `${r} names itself for ${ans.relation}; dropped`, at, "self-nominations carry no tie; remove them from the survey data to silence this");
        continue;
      }
      const [source, target] = direction === "asks" ? [alter, r] : [r, alter];
      const k = `${r}\u0000${ans.relation}\u0000${ans.wave ?? ""}\u0000${alter}`;
      const prev = seen.get(k);
      if (prev) {
        const old = graph.getEdgeAttribute(prev.key, "weight");
        const kept = Math.max(old, weight);
        graph.setEdgeAttribute(prev.key, "weight", kept);
        summary.mergedNominations++;
        report.count("nominationsMerged");
        report.warn(file, "repeated-nomination", `${r} names ${alter} again for ${ans.relation}${prev.line !== undefined ? ` (first on line ${prev.line})` : ""}; merged into one tie of strength ${kept}`, at, "remove the repeated name if it is a double entry");
        continue;
      }
      const added = addTie(graph, source, target, { relation: ans.relation, weight, wave: ans.wave, nominator: r, ...(nom.attributes ?? {}) });
      seen.set(k, { key: added.key, line: at.line });
      summary.ties++;
    }
  }

  // Respondent status and non-response, merged into what the graph already records.
  const attrs = graph.getAttributes();
  const merged: Record<string, string[]> = dict(attrs.nonRespondents ?? {});
  for (const [rel, set] of Object.entries(nonResp)) {
    merged[rel] = [...new Set([...(merged[rel] ?? []), ...set])].sort();
    summary.nonRespondents[rel] = [...set].sort();
  }
  for (const [rel, set] of Object.entries(resp)) summary.respondents[rel] = [...set].sort();
  if (Object.keys(merged).length > 0) graph.setAttribute("nonRespondents", merged);
  for (const [id, any] of answered) {
    const given = graph.getNodeAttribute(id, "respondent");
    if (!any) summary.silent.push(id);
    if (given !== undefined && given !== any) {
      report.warn(options.file, "respondent-contradiction", `${id} is marked respondent=${given} in the actor table, but ${any ? "answered" : "answered none of the questions"}; set to ${any}`, {}, "correct the respondent column of the actor table");
    }
    graph.setNodeAttribute(id, "respondent", any);
  }
  summary.silent.sort();
  if (summary.unknownNames.length > 0) {
    report.note(`${summary.unknownNames.length} name(s) in the answers are not actors: ${summary.unknownNames.slice(0, 20).join(", ")}${summary.unknownNames.length > 20 ? ", …" : ""}`);
  }
  return summary;
}

// ---------------------------------------------------------------------------------------------------------
// The CSV reader
// ---------------------------------------------------------------------------------------------------------

const ID_ALIASES = ["id", "respondent", "respondentid", "ego", "actor", "actorid", "name", "key"];
const NOBODY = new Set(["none", "nobody", "-", "0", "no one", "noone"]);
const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_\-.]+/g, "");

type Column =
  | { kind: "strength"; index: number; relation: string; alter: string }
  | { kind: "list"; index: number; relation: string }
  | { kind: "field"; index: number; field: string }
  | { kind: "extra"; index: number; name: string };

const readTable = (file: InputFile, report: ImportReport) => readCsvFile(file, report, "the survey again with its header row");

/** Split a list cell into names (see the module comment). `known` tells whether a text is an actor. */
export function splitNames(cell: string, known: (name: string) => boolean): string[] {
  const parts = cell.split(/[;,|\r\n]+/).map((s) => s.trim()).filter((s) => s !== "");
  const out: string[] = [];
  for (const p of parts) {
    const bare = p.replace(/\s*=\s*[^=]*$/, "");
    if (known(bare) || !/\s/.test(bare)) out.push(p);
    else {
      const words = p.split(/\s+/);
      if (words.every((w) => known(w.replace(/=.*$/, "")))) out.push(...words);
      else out.push(p);
    }
  }
  return out;
}

/** Read a roster survey (and its actor table when `nodes.csv` is among the files). */
export function parseRoster(files: InputFile[], options: ReadOptions = {}): ImportResult {
  const direction: NominationDirection = options.direction ?? "asks";
  const report = new ImportReport("roster", direction);
  const graph = createClusterGraph({ direction });
  const isNodes = (f: InputFile) => /(^|[\\/])(nodes|actors|vertices)[^\\/]*\.(csv|tsv|txt)$/i.test(f.name);
  const nodesFile = files.find(isNodes);
  const rosterFile = files.find((f) => f !== nodesFile);
  if (nodesFile) {
    const t = readTable(nodesFile, report);
    if (t) readNodesTable(graph, t, nodesFile.name, report);
  }
  if (!rosterFile) {
    report.error(nodesFile?.name ?? "(input)", "missing-file", "no roster file (roster.csv or survey.csv)", {}, "put the survey table beside nodes.csv as roster.csv");
    return finishResult(graph, report, direction);
  }
  const file = rosterFile.name;
  const t = readTable(rosterFile, report);
  if (!t) return finishResult(graph, report, direction);
  const header = t.rows[0];
  const hasNodes = nodesFile !== undefined && graph.order > 0;
  const at = (r: number, f: number) => ({ line: t.line(r), column: t.column(r, f) });

  // The id column.
  let idCol: number | undefined;
  for (const alias of ID_ALIASES) {
    idCol = header.findIndex((h) => norm(h) === alias);
    if (idCol >= 0) break;
  }
  if (idCol === undefined || idCol < 0) {
    report.error(file, "missing-column", `no respondent id column (looked for: ${ID_ALIASES.join(", ")})`, { line: t.line(0), column: 1 }, "name the column holding respondents' ids 'id'");
    return finishResult(graph, report, direction);
  }
  const idColumn = idCol;

  // Respondent ids, needed to recognise bare actor headers when there is no actor table.
  const rowIds = new Set<string>();
  for (let r = 1; r < t.rows.length; r++) {
    const id = (t.rows[r][idColumn] ?? "").trim();
    if (id !== "") rowIds.add(id);
  }
  const resolver = new ActorResolver(graph);
  const isActor = (name: string): boolean => (hasNodes ? resolver.resolve(name) !== undefined : rowIds.has(name.trim()) || resolver.resolve(name) !== undefined);
  const defaultRelation = options.relation ?? "knowledge";
  const columns: Column[] = [];
  const headerNotes = new Map<string, number>();
  const seenHeader = new Map<string, number>();
  const fieldAliases = Object.entries(ACTOR_COLUMN_ALIASES).filter(([f]) => f !== "id");
  header.forEach((raw, index) => {
    if (index === idColumn) return;
    const h = raw.trim();
    const where = at(0, index);
    if (h === "") {
      report.warn(file, "empty-header", `column ${index + 1} has no name; its values are ignored`, where, "give the column a name in the header row");
      return;
    }
    if (seenHeader.has(h)) {
      report.error(file, "duplicate-column", `column "${h}" appears twice (first as column ${seenHeader.get(h)! + 1}); the second is ignored`, where, "rename or remove one of the columns");
      return;
    }
    seenHeader.set(h, index);
    const colon = h.indexOf(":");
    if (colon > 0) {
      const relation = h.slice(0, colon).trim();
      const rest = h.slice(colon + 1).trim();
      if (rest === "*") {
        columns.push({ kind: "list", index, relation });
        return;
      }
      const found = resolver.resolve(rest);
      if (found) {
        if (!found.exact) report.info(file, "name-matched", `column "${h}": "${rest}" read as actor "${found.id}" (matched by label)`, where);
        columns.push({ kind: "strength", index, relation, alter: found.id });
      } else if (!hasNodes) {
        if (!graph.hasNode(rest) && !rowIds.has(rest)) {
          addActor(graph, rest);
          resolver.added(rest);
          report.counts.actorsCreated++;
          report.info(file, "actor-created", `actor "${rest}" created from column "${h}" (no actor table)`, where);
        }
        columns.push({ kind: "strength", index, relation, alter: rest });
      } else {
        report.error(file, "unknown-actor", `column "${h}" names actor "${rest}", which is not in the actor table; the column is ignored`, where, "add the actor to nodes.csv or correct the header");
        report.count("columnsDropped");
      }
      return;
    }
    if (isActor(h)) {
      const found = resolver.resolve(h);
      if (found && !found.exact) report.info(file, "name-matched", `column "${h}" read as actor "${found.id}" (matched by label)`, where);
      columns.push({ kind: "strength", index, relation: defaultRelation, alter: found?.id ?? h.trim() });
      return;
    }
    if (hasNodes) {
      for (let cut = 1; cut < h.length - 1; cut++) {
        if (!"_./".includes(h[cut])) continue;
        const alterText = h.slice(cut + 1);
        const found = resolver.resolve(alterText);
        if (found?.exact) {
          const relation = h.slice(0, cut);
          columns.push({ kind: "strength", index, relation, alter: found.id });
          headerNotes.set(`${relation}${h[cut]}ACTOR`, (headerNotes.get(`${relation}${h[cut]}ACTOR`) ?? 0) + 1);
          return;
        }
      }
    }
    const field = fieldAliases.find(([, names]) => names.includes(norm(h)))?.[0];
    if (field && field !== "respondent" && !columns.some((c) => c.kind === "field" && c.field === field)) {
      columns.push({ kind: "field", index, field });
      return;
    }
    columns.push({ kind: "extra", index, name: h });
  });
  for (const [pattern, n] of headerNotes) report.note(`${n} column(s) of the form ${pattern} read as relation "${pattern.slice(0, -6)}" × actor`);

  const relations = [...new Set(columns.flatMap((c) => (c.kind === "strength" || c.kind === "list" ? [c.relation] : [])))];
  if (relations.length === 0) {
    report.error(
      file,
      "no-nominations",
      "no nomination columns found",
      { line: t.line(0), column: 1 },
      "name columns relation:ACTOR (a strength per actor, e.g. advice:FIRM01) or relation:* (a list of names), or bare actor ids with nodes.csv",
    );
    return finishResult(graph, report, direction);
  }
  const extras = columns.filter((c): c is Extract<Column, { kind: "extra" }> => c.kind === "extra").map((c) => ({ index: c.index, name: reservedSafe(c.name, report, file, at(0, c.index)) }));
  const typed = inferExtras(t.rows.slice(1), extras, report, "respondents");
  if (extras.length > 0) report.note(`${extras.length} column(s) read as respondent attributes, not nominations: ${extras.map((e) => e.name).join(", ")}`);
  const fields = columns.filter((c): c is Extract<Column, { kind: "field" }> => c.kind === "field");

  // Rows → answers.
  const answers: RosterAnswer[] = [];
  const seenRow = new Map<string, number>();
  const width = header.length;
  let blankAsZero = 0;
  let rowsWithBlankAsZero = 0;
  for (let r = 1; r < t.rows.length; r++) {
    report.count("rowsRead");
    const row = t.rows[r];
    if (row.length > width && !row.slice(width).every((f) => f.trim() === "")) {
      report.error(file, "ragged-row", `row has ${row.length} fields, the header has ${width}; row dropped`, at(r, width), "quote fields that contain the delimiter, or remove the extra fields");
      report.count("rowsDropped");
      continue;
    }
    if (row.length < width) {
      report.warn(file, "ragged-row", `row has ${row.length} fields, the header has ${width}; the missing ones are read as empty`, { line: t.line(r), column: t.column(r, row.length - 1) + (row[row.length - 1]?.length ?? 0) }, "check for a missing delimiter in this row");
    }
    const cell = (f: number) => (row[f] ?? "").trim();
    const id = cell(idColumn);
    if (id === "") {
      report.error(file, "empty-id", "row has no respondent id; row dropped", at(r, idColumn), "give every respondent's row their actor id");
      report.count("rowsDropped");
      continue;
    }
    if (seenRow.has(id)) {
      report.error(file, "duplicate-respondent", `respondent "${id}" already has a row on line ${seenRow.get(id)}; this row is dropped`, at(r, idColumn), "keep one row per respondent (merge the two answers by hand)");
      report.count("rowsDropped");
      continue;
    }
    seenRow.set(id, t.line(r));
    let respondentId = id;
    if (!graph.hasNode(id)) {
      const found = resolver.resolve(id);
      if (found) {
        respondentId = found.id;
        report.info(file, "name-matched", `respondent "${id}" read as actor "${found.id}" (matched by label)`, at(r, idColumn));
      } else if (hasNodes) {
        report.error(file, "unknown-respondent", `respondent "${id}" is not in the actor table; row dropped`, at(r, idColumn), "add the respondent to nodes.csv or correct the id");
        report.count("rowsDropped");
        continue;
      } else {
        addActor(graph, id);
        resolver.added(id);
        report.counts.actorsCreated++;
      }
    }
    // Actor fields and attributes from the row.
    const attrs: Partial<ActorAttributes> = { ...extraValues(row, typed) };
    for (const f of fields) {
      const v = cell(f.index);
      if (v === "") continue;
      if (f.field === "inCluster") {
        const b = parseBoolean(v);
        if (b === undefined) report.warn(file, "bad-boolean", `inCluster "${v}" is not true/false; ignored`, at(r, f.index), "write true/false, yes/no or 1/0");
        else attrs.inCluster = b;
      } else if (f.field === "x" || f.field === "y") {
        const num = parseNumber(v);
        if (num === undefined) report.warn(file, "bad-number", `${f.field} "${v}" is not a number; ignored`, at(r, f.index));
        else attrs[f.field] = num;
      } else attrs[f.field] = f.field === "kind" ? v.toLowerCase() : v;
    }
    const current = graph.getNodeAttributes(respondentId);
    for (const [k, v] of Object.entries(attrs)) {
      const old = current[k];
      if (hasNodes && old !== undefined && old !== v) {
        report.warn(file, "attribute-conflict", `${k} of ${respondentId} is "${String(old)}" in the actor table and "${String(v)}" here; the actor table wins`, { line: t.line(r) }, "make the two tables agree");
        delete attrs[k];
      }
    }
    addActor(graph, respondentId, attrs);

    for (const relation of relations) {
      const cols = columns.filter((c): c is Extract<Column, { kind: "strength" | "list" }> => (c.kind === "strength" || c.kind === "list") && c.relation === relation);
      const filled = cols.some((c) => cell(c.index) !== "");
      const first = cols[0];
      if (!filled) {
        answers.push({ respondent: respondentId, relation, nominations: null, wave: options.wave, file, ...at(r, first.index) });
        continue;
      }
      const noms: RosterNomination[] = [];
      let blanks = 0;
      let firstBlank: number | undefined;
      for (const c of cols) {
        const text = cell(c.index);
        const where = { file, ...at(r, c.index) };
        if (c.kind === "strength") {
          if (text === "") {
            if (c.alter !== respondentId) {
              blanks++;
              firstBlank ??= c.index;
            }
            continue;
          }
          const w = parseNumber(text);
          if (w === undefined) {
            report.error(file, "bad-weight", `"${text}" (${relation}, ${c.alter}) is not a number; cell ignored`, where, "write tie strengths as numbers (e.g. 0–3); leave a whole question blank for non-response");
            report.count("cellsDropped");
            continue;
          }
          if (w < 0) {
            report.error(file, "negative-weight", `strength ${w} (${relation}, ${c.alter}) is negative; cell ignored`, where, "tie strengths must be ≥ 0");
            report.count("cellsDropped");
            continue;
          }
          if (w === 0) continue;
          noms.push({ alter: c.alter, weight: w, ...where });
        } else {
          if (text === "" || NOBODY.has(text.toLowerCase())) continue;
          for (const item of splitNames(text, (n) => resolver.resolve(n) !== undefined)) {
            const m = /^(.*?)\s*=\s*(.*)$/.exec(item);
            if (m) {
              const w = parseNumber(m[2]);
              if (w === undefined || w < 0) {
                report.error(file, w === undefined ? "bad-weight" : "negative-weight", `strength "${m[2]}" for "${m[1]}" is not a number ≥ 0; name ignored`, where, "write NAME=strength, e.g. FIRM03=2");
                report.count("nominationsDropped");
                continue;
              }
              noms.push({ alter: m[1], weight: w, ...where });
            } else noms.push({ alter: item, weight: 1, ...where });
          }
        }
      }
      if (blanks > 0) {
        blankAsZero += blanks;
        rowsWithBlankAsZero++;
        report.info(file, "blank-as-zero", `${blanks} blank strength cell(s) of ${relation} read as 0 (no tie): ${respondentId} answered the question`, at(r, firstBlank!));
      }
      answers.push({ respondent: respondentId, relation, nominations: noms, wave: options.wave, file, ...at(r, first.index) });
    }
  }
  if (blankAsZero > 0) {
    report.count("blankCellsAsZero", blankAsZero);
    report.note(`${blankAsZero} blank strength cell(s) in ${rowsWithBlankAsZero} answered question(s) read as 0 (no tie); a question left wholly blank is non-response`);
  }
  const summary = addRosterAnswers(graph, answers, report, { direction, file, unknownAlters: hasNodes ? "error" : "create", scale: parseScale(options.scale) });

  // Actors of the actor table with no row.
  if (hasNodes) {
    const noRow: string[] = [];
    const withRow = new Set(answers.map((x) => x.respondent));
    graph.forEachNode((id, a) => {
      if (seenRow.has(id) || withRow.has(id)) return;
      if (a.respondent === undefined) {
        graph.setNodeAttribute(id, "respondent", false);
        noRow.push(id);
      } else if (a.respondent === true) {
        report.warn(file, "respondent-without-row", `${id} is marked as a respondent in the actor table but has no row in ${baseName(file)}`, {}, "add their answers or mark them respondent=false");
      }
    });
    if (noRow.length > 0) report.note(`${noRow.length} actor(s) have no row in ${baseName(file)} and are taken as not having answered (respondent = false): ${noRow.slice(0, 30).join(", ")}${noRow.length > 30 ? ", …" : ""}`);
  } else {
    report.note(`no actor table: actors are the respondents and the actors named in the survey (kind 'other', inside the cluster)`);
  }
  for (const rel of relations) {
    const nr = summary.nonRespondents[rel] ?? [];
    const rs = summary.respondents[rel] ?? [];
    report.note(`${rel}: ${rs.length} respondent(s) answered, ${nr.length} left the question blank${nr.length ? ` (${nr.slice(0, 20).join(", ")}${nr.length > 20 ? ", …" : ""})` : ""}`);
  }
  if (summary.silent.length > 0) report.note(`${summary.silent.length} respondent(s) answered none of the questions (respondent = false): ${summary.silent.join(", ")}`);
  report.count("nonRespondentAnswers", Object.values(summary.nonRespondents).reduce((s, x) => s + x.length, 0));
  return finishResult(graph, report, direction, options.direction === undefined);
}

function reservedSafe(name: string, report: ImportReport, file: string, where: { line: number; column: number }): string {
  const reserved = ["type", "size", "color", "hidden", "highlighted", "forceLabel", "zIndex", "label", "id"];
  if (!reserved.includes(name)) return name;
  report.warn(file, "reserved-attribute", `column "${name}" is a reserved name; kept as attribute "${name}_"`, where, "rename the column to silence this warning");
  return `${name}_`;
}

function finishResult(graph: ClusterGraph, report: ImportReport, direction: NominationDirection, defaulted = false): ImportResult {
  report.note(
    direction === "asks"
      ? `roster read as nominations 'respondent asks alter'${defaulted ? " (the default for roster surveys; pass --direction flow if respondents named whom they give knowledge to)" : ""}: knowledge flows alter → respondent`
      : "roster read with --direction flow: the respondent gives knowledge to the alter",
  );
  return finishImport(graph, report, direction);
}

// ---------------------------------------------------------------------------------------------------------
// The writer
// ---------------------------------------------------------------------------------------------------------

/**
 * Write the strength layout: `id`, then `relation:ACTOR` for every relation and actor. Rows: every actor not
 * marked `respondent: false`, and every actor listed in `nonRespondents` (a blank row). Cells: the nomination's strength, 0 for none, blank where the actor is a
 * non-respondent for the relation. `direction` (default `asks`) says how nominations are written: with
 * `asks` a row lists whom the respondent receives knowledge from. The roster holds one wave: with several
 * waves pass `wave`. Parallel ties of one relation (e.g. repeated rows of a tidy file) are summed; the sum is
 * stated in `options.notes` when that array is given.
 */
export function writeRoster(graph: ClusterGraph, options: WriteOptions = {}): string {
  const direction = (options.direction as NominationDirection | undefined) ?? "asks";
  const notes = Array.isArray(options.notes) ? (options.notes as string[]) : undefined;
  const waves = wavesOf(graph);
  const wave = options.wave as string | undefined;
  if (wave === undefined && waves.length > 1) {
    throw new InputError(`a roster holds one survey wave; this network has ${waves.length} (${waves.join(", ")}): choose one with --wave`);
  }
  if (wave !== undefined && !waves.includes(wave)) throw new InputError(`no ties of wave "${wave}" (waves: ${waves.join(", ") || "none"})`);
  const relations = relationsOf(graph);
  const actors = graph.nodes();
  const nonResp = graph.getAttribute("nonRespondents") ?? {};
  const listed = new Set(Object.values(nonResp).flat());
  // Rows: actors not marked as non-respondents, and those listed as non-respondents (a blank row keeps that).
  const rows = actors.filter((id) => graph.getNodeAttribute(id, "respondent") !== false || listed.has(id));
  const cell = new Map<string, number>();
  let parallel = 0;
  graph.forEachEdge((_e, a, s, t) => {
    if (wave !== undefined && a.wave !== wave) return;
    const [row, col] = direction === "asks" ? [t, s] : [s, t];
    const k = `${a.relation}\u0000${row}\u0000${col}`;
    if (cell.has(k)) parallel++;
    cell.set(k, (cell.get(k) ?? 0) + a.weight);
  });
  if (parallel > 0) notes?.push(`${parallel} parallel tie(s) of the same relation merged into one roster cell by summing their strengths`);
  const header = ["id", ...relations.flatMap((rel) => actors.map((a) => `${rel}:${a}`))];
  const out: unknown[][] = [header];
  let droppedRows = 0;
  for (const r of rows) {
    const line: unknown[] = [r];
    for (const rel of relations) {
      const blank = (nonResp[rel] ?? []).includes(r);
      for (const a of actors) line.push(blank ? "" : (cell.get(`${rel}\u0000${r}\u0000${a}`) ?? 0));
    }
    out.push(line);
  }
  graph.forEachEdge((_e, a, s, t) => {
    const row = direction === "asks" ? t : s;
    if (graph.getNodeAttribute(row, "respondent") === false && (wave === undefined || a.wave === wave)) droppedRows++;
  });
  if (droppedRows > 0) {
    throw new InputError(`${droppedRows} tie(s) were nominated by actors marked respondent = false; a roster cannot hold them — write tidy or json instead`);
  }
  notes?.push(`roster written with direction ${direction}: each row is a respondent, each relation:ACTOR cell the strength of ${direction === "asks" ? "the knowledge they receive from ACTOR" : "the knowledge they give ACTOR"}; actor attributes are not written (keep nodes.csv beside it)`);
  return writeCsv(out);
}

export const rosterFormat: Format = {
  name: "roster",
  description: "roster survey, wide: one row per respondent, relation:ACTOR strength columns or relation:* name lists (default direction: asks)",
  extensions: [".csv", ".tsv"],
  sniff(file) {
    if (/(^|[\\/])(roster|survey)[^\\/]*\.(csv|tsv|txt)$/i.test(file.name)) return 0.95;
    const head = parseCsv(file.text.slice(0, 8192)).rows[0] ?? [];
    const colon = head.filter((h) => /^[^:]+:.+$/.test(h.trim())).length;
    return colon >= 1 && colon >= head.length / 2 ? 0.8 : 0;
  },
  read: (files, options) => parseRoster(files, options),
  write: (graph, base, options) => {
    const name = /\.(csv|tsv|txt)$/i.test(base) ? base : `${base.replace(/[\\/]+$/, "")}/roster.csv`;
    return [{ name, data: writeRoster(graph, options) }];
  },
};
