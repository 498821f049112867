/**
 * Roster questions exported by KoboToolbox, ODK (Central, Briefcase), SurveyCTO and Ona: one row per
 * submission, `select_multiple` roster questions in either export shape (shared/reference/ecosystem.md §3):
 *
 * - one column per question holding the selected choice codes separated by blanks (`advice` = `f03 f07`);
 * - one 0/1 column per option named `question/option` — with group prefixes (`grp_net/advice/f03`) and the
 *   separator `/` (Kobo), `-` (ODK Central) or `_` (SurveyCTO `advice_f03`); `1`/`True` selected, `0`/`False`
 *   not selected. When a question comes in both shapes, the option columns are read.
 *
 * The answers go to the roster core of roster.ts ({@link addRosterAnswers}), which keeps non-response apart
 * from naming nobody, drops self-nominations, merges repeated names and applies the direction convention
 * (default `asks`: the respondent asks the alter, knowledge flows alter → respondent).
 *
 * Per respondent and question: every cell of the question empty (skipped, not relevant) → a non-respondent
 * for that relation (their ties are missing, not absent); option columns all 0, or a "none" choice
 * (`none`, `nobody`, `0`) → answered, named nobody; only negative sentinel codes (`-88` don't know, `-99`
 * refused, or the `sentinels` option) → non-response as well. Sentinel codes never become actors. Codes that
 * are no roster choice and no actor are reported and dropped.
 *
 * The roster: a choice list mapping codes to actors — `choices.csv` / `<stem>.choices.csv` beside the
 * export (XLSForm choices columns `list_name`, `name`, `label`, optionally `actor` for the actor id the code
 * stands for), a `choices` sheet of an .xlsx export, or an XLSForm (`form.xlsx` / `<stem>.form.xlsx`, whose
 * survey sheet also says which questions are `select_multiple`/`select_one` over the roster list). Choices
 * become actors (id = `actor` or the code, label = the choice label) unless an actor table (`nodes.csv`,
 * `<stem>.nodes.csv` or a `nodes` sheet) already has them. Without a choice list the codes are actor ids.
 *
 * The respondent: the column given by the `respondent` option, else the `select_one` question over the
 * roster list (XLSForm), else a column named respondent, respondent_id, ego, firm, firm_id, firm_code,
 * company, organisation, actor, actor_id, id or code. Platform columns (`_id`, `_uuid`, `_submission_time`,
 * `start`, `end`, `KEY`, `SubmissionDate`, `meta/instanceID` …) are skipped; the other columns are
 * respondent attributes (typed; sigma-reserved names renamed). A respondent who submitted twice: the later
 * submission is read (reported).
 *
 * Tie strengths: follow-up questions named `<question>_strength` (also `_intensity`, `_frequency`, `_freq`,
 * `_weight`, or the `strength` option: question → follow-up name) with one column per option
 * (`grp/advice_strength/f03` = 3). A named alter without a strength gets 1 (counted); a sentinel strength
 * likewise.
 *
 * Non-respondents (`nonRespondents` option): `missing` (default) keeps them as missing — listed per relation
 * in the graph attribute `nonRespondents`; `reconstruct` fills each non-respondent's answers from the
 * nominations they received (x named r ⇒ r is taken to name x, same strength), the standard fix for
 * symmetric relations (Borgatti; UCINET) — the added ties carry `reconstructed: true`, and the graph
 * attribute `reconstructed` lists who was filled in. The report says how many there were and what was done.
 *
 * Options (`options.kobo`, or a `<stem>.kobo.json` file beside the export): `questions` (names, or
 * name → relation), `respondent`, `separator`, `strength`, `nonRespondents`, `sentinels`, `none`,
 * `rosterList`, `choices` (code → actor id), `unknownCodes` (`drop` default, `error`, `create`). Both are
 * checked against this shape first (koboOptions.ts): a wrong value is a located error and is not used.
 */
import type { AttributeValue, ClusterGraph, NominationDirection } from "../model/types.js";
import { addActor, addTie, createClusterGraph } from "../model/graph.js";
import { ACTOR_COLUMN_ALIASES, extraValues, inferExtras, mapColumns } from "./columns.js";
import { parseCsv } from "./csv.js";
import { isNodesCompanion } from "./tidy.js";
import { finishImport, baseName, parseBoolean, parseNumber, type Format, type ImportResult, type InputFile, type ReadOptions } from "./format.js";
import { ImportReport } from "./report.js";
import { ActorResolver, addRosterAnswers, parseScale, type RosterAnswer, type RosterNomination } from "./roster.js";
import { readWorkbook, type SheetTable } from "./sheets.js";
import { readNodesTable } from "./tidy.js";
import { checkKoboOptions } from "./koboOptions.js";
import { scanJson } from "./json.js";
import { dict } from "../model/dict.js";

export interface KoboOptions {
  /** Roster questions (names as exported, without group prefix), or question → relation name. */
  questions?: string[] | Record<string, string>;
  /** The column holding the respondent's code or actor id. */
  respondent?: string;
  /** Separators between a question and an option code in option columns (default: `/`, `-`, `_`, `:`, `.`). */
  separator?: string | string[];
  /** Separator of group prefixes (`grp/question`; default `/`; ODK Central: `-`). */
  groupSeparator?: string;
  /** Question → its strength follow-up question. */
  strength?: Record<string, string>;
  nonRespondents?: "missing" | "reconstruct";
  /** Codes that mean "no answer" (default: any negative integer, e.g. -88, -99). */
  sentinels?: string[];
  /** Codes that mean "named nobody" (default: none, nobody, no_one, 0). */
  none?: string[];
  /** The XLSForm choice list holding the roster. */
  rosterList?: string;
  /** The roster given directly: choice code → actor id (instead of, or on top of, a choice list file). */
  choices?: Record<string, string>;
  /** Codes that are neither a roster choice nor an actor: drop (warning, default), error, or create the actor. */
  unknownCodes?: "drop" | "error" | "create";
}

interface Table {
  name: string;
  rows: string[][];
  line(r: number): number;
  column(r: number, f: number): number;
}

interface Choice {
  list: string;
  code: string;
  label?: string;
  actor?: string;
}

const META = new Set(
  [
    "_id", "_uuid", "_submission_time", "_index", "_parent_index", "_parent_table_name", "_validation_status", "_notes", "_status",
    "_submitted_by", "_tags", "__version__", "_version_", "_version", "_xform_id_string", "_geolocation", "_attachments", "_media_count",
    "_media_all_received", "_total_media", "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username",
    "email", "audit", "instanceid", "instancename", "deprecatedid", "rootuuid", "key", "parent_key", "submissiondate", "formdef_version",
    "review_status", "review_comments", "review_corrections", "duration", "caseid", "uuid", "submitterid", "submittername",
    "attachmentspresent", "attachmentsexpected", "status", "reviewstate", "deviceid", "edits", "formversion", "completiondate",
    "starttime", "endtime", "__id", "meta", "instance_id", "formhub/uuid", "_submission__id", "_submission__uuid",
  ].map((s) => s.toLowerCase()),
);
const RESPONDENT_ALIASES = ["respondent", "respondentid", "ego", "egoid", "firm", "firmid", "firmcode", "company", "companyid", "organisation", "organization", "organisationid", "organizationid", "orgid", "actor", "actorid", "id", "code"];
const STRENGTH_SUFFIXES = ["_strength", "_str", "_intensity", "_frequency", "_freq", "_weight", "_importance"];
const DEFAULT_NONE = ["none", "nobody", "no_one", "noone", "0"];
const SELECTED = new Set(["1", "1.0", "true", "yes", "selected", "x"]);
const NOT_SELECTED = new Set(["0", "0.0", "false", "no"]);
const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_\-.]+/g, "");

function csvTable(file: InputFile, report: ImportReport): Table | undefined {
  const t = parseCsv(file.text.replace(/^\uFEFF/, ""));
  for (const p of t.problems) report.error(file.name, "csv-syntax", p.message, { line: p.line, column: p.column }, "fix the quoting in this row");
  if (t.rows.length === 0) {
    report.error(file.name, "empty-file", "the file is empty", { line: 1, column: 1 }, "export the submissions again with their header row");
    return undefined;
  }
  return { name: file.name, rows: t.rows, line: t.line, column: t.column };
}

function readChoices(t: Table, report: ImportReport): Choice[] {
  const header = t.rows[0].map((h) => h.trim().toLowerCase());
  const find = (...names: string[]) => header.findIndex((h) => names.includes(h.replace(/[\s]+/g, "_")));
  const list = find("list_name", "listname", "list");
  const code = find("name", "value", "code");
  let label = find("label");
  if (label < 0) label = header.findIndex((h) => h.startsWith("label"));
  const actor = find("actor", "actor_id", "actorid", "id");
  if (code < 0) {
    report.error(t.name, "missing-column", "the choice list has no name column (the choice codes)", { line: t.line(0), column: 1 }, "export the XLSForm choices sheet: list_name, name, label");
    return [];
  }
  const out: Choice[] = [];
  for (let r = 1; r < t.rows.length; r++) {
    const row = t.rows[r];
    const c = (row[code] ?? "").trim();
    if (c === "") continue;
    out.push({
      list: list >= 0 ? (row[list] ?? "").trim() : "",
      code: c,
      label: label >= 0 && (row[label] ?? "").trim() !== "" ? (row[label] ?? "").trim() : undefined,
      actor: actor >= 0 && actor !== code && (row[actor] ?? "").trim() !== "" ? (row[actor] ?? "").trim() : undefined,
    });
  }
  return out;
}

/** `select_multiple`/`select_one` questions of an XLSForm survey sheet: name → { kind, list }. */
function readSurveySheet(t: Table): Map<string, { kind: "multiple" | "one"; list: string }> {
  const header = t.rows[0].map((h) => h.trim().toLowerCase());
  const type = header.indexOf("type");
  const name = header.indexOf("name");
  const out = new Map<string, { kind: "multiple" | "one"; list: string }>();
  if (type < 0 || name < 0) return out;
  for (const row of t.rows.slice(1)) {
    const m = /^select_(multiple|one)\s+(\S+)/.exec((row[type] ?? "").trim());
    if (m && (row[name] ?? "").trim()) out.set((row[name] ?? "").trim(), { kind: m[1] === "multiple" ? "multiple" : "one", list: m[2] });
  }
  return out;
}

type ColumnRole =
  | { role: "meta" }
  | { role: "respondent" }
  | { role: "option"; question: string; code: string }
  | { role: "strength"; question: string; code: string }
  | { role: "list"; question: string }
  | { role: "summary"; question: string }
  | { role: "attribute" };

/** Read a Kobo/ODK/SurveyCTO export (with its choice list, actor table and options files when given). */
export async function parseKobo(files: InputFile[], options: ReadOptions = {}): Promise<ImportResult> {
  const direction: NominationDirection = options.direction ?? "asks";
  const report = new ImportReport("kobo", direction);
  const graph = createClusterGraph({ direction });
  const done = (): ImportResult => finishImport(graph, report, direction);

  // Sort the files: options, actor table, choice list, XLSForm, export.
  const optionFile = files.find((f) => /\.kobo\.json$/i.test(f.name));
  const nodesFile = files.find((f) => isNodesCompanion(f.name));
  const choicesFile = files.find((f) => /(^|[\\/.])choices\.(csv|tsv)$/i.test(f.name));
  const formFile = files.find((f) => /(^|[\\/.])(form|xlsform)\.xlsx$/i.test(f.name));
  const exportFile = files.find((f) => ![optionFile, nodesFile, choicesFile, formFile].includes(f));
  let o: KoboOptions = {};
  if (optionFile) {
    report.files.push(optionFile.name);
    const text = optionFile.text.replace(/^\uFEFF/, "");
    let parsed: { value: unknown } | undefined;
    try {
      parsed = { value: JSON.parse(text) };
    } catch (e) {
      // JSON.parse names no line; the scan gives the place (and a plainer message).
      const at = scanJson(text).error;
      report.error(optionFile.name, "bad-options", `not valid JSON: ${at?.message ?? (e instanceof Error ? e.message : String(e))}`, at ? { line: at.line, column: at.column } : { line: 1, column: 1 }, "fix the JSON syntax at this place");
    }
    if (parsed) {
      o = checkKoboOptions(parsed.value, optionFile.name, report, text);
      report.note(`options read from ${optionFile.name}`);
    }
  }
  if (options.kobo !== undefined) o = { ...o, ...checkKoboOptions(options.kobo, "options.kobo", report) };
  if (!exportFile) {
    report.error(files[0]?.name ?? "(input)", "missing-file", "no survey export among the files", {}, "give the CSV or XLSX export of the submissions");
    return done();
  }

  // Tables.
  let main: Table | undefined;
  let nodes: Table | undefined;
  let choiceTable: Table | undefined;
  let surveyTable: Table | undefined;
  if (nodesFile) {
    report.files.push(nodesFile.name);
    nodes = csvTable(nodesFile, report);
  }
  if (choicesFile) {
    report.files.push(choicesFile.name);
    choiceTable = csvTable(choicesFile, report);
  }
  if (formFile) {
    report.files.push(formFile.name);
    const sheets = await readWorkbook(formFile, report);
    choiceTable ??= sheets?.find((s) => /^choices$/i.test(s.sheet) && s.rows.length > 0);
    surveyTable = sheets?.find((s) => /^survey$/i.test(s.sheet) && s.rows.length > 0);
  }
  report.files.push(exportFile.name);
  if (exportFile.bytes && exportFile.bytes[0] === 0x50 && exportFile.bytes[1] === 0x4b) {
    const sheets = await readWorkbook(exportFile, report);
    if (!sheets) return done();
    const data = sheets.filter((s) => s.rows.length > 0);
    const named = (re: RegExp) => data.find((s) => re.test(s.sheet.trim()));
    nodes ??= named(/^(nodes|actors|vertices)$/i);
    choiceTable ??= named(/^choices$/i);
    surveyTable ??= named(/^survey$/i);
    main = data.find((s) => s !== nodes && s !== choiceTable && s !== surveyTable);
    for (const s of data) if (s !== main && s !== nodes && s !== choiceTable && s !== surveyTable) report.info(exportFile.name, "xlsx-sheet-skipped", `sheet "${s.sheet}" is not read (repeat groups are not read; tie strengths come from <question>_strength columns)`);
  } else main = csvTable(exportFile, report);
  if (!main) {
    report.error(exportFile.name, "empty-file", "the export holds no submissions", { line: 1, column: 1 });
    return done();
  }
  const file = main.name;
  const at = (r: number, f: number) => ({ line: main!.line(r), column: main!.column(r, f) });

  // Actors: the actor table, then the roster choices.
  if (nodes) readNodesTable(graph, nodes, nodes.name, report);
  const hasNodes = graph.order > 0;
  const survey = surveyTable ? readSurveySheet(surveyTable) : new Map<string, { kind: "multiple" | "one"; list: string }>();
  let choices = choiceTable ? readChoices(choiceTable, report) : [];
  const lists = [...new Set(choices.map((c) => c.list))];
  const header = main.rows[0].map((h) => h.trim());
  const separators = o.separator === undefined ? ["/", "-", "_", ":", "."] : Array.isArray(o.separator) ? o.separator : [o.separator];
  const sepRe = new RegExp(`[${separators.map((s) => s.replace(/[\]\\^-]/g, "\\$&")).join("")}]`);
  let rosterList = o.rosterList;
  if (rosterList === undefined && lists.length > 1) {
    // The list used by select_multiple questions in the form, else the one whose codes head most columns.
    const fromForm = [...survey.values()].filter((q) => q.kind === "multiple").map((q) => q.list);
    const score = (l: string) => (fromForm.includes(l) ? 1e6 : 0) + choices.filter((c) => c.list === l && header.some((h) => h.endsWith(c.code) && sepRe.test(h[h.length - c.code.length - 1] ?? ""))).length;
    rosterList = lists.sort((a, b) => score(b) - score(a))[0];
    report.note(`choice list "${rosterList}" taken as the roster (lists: ${lists.join(", ")}); pass the rosterList option to choose another`);
  } else if (rosterList === undefined) rosterList = lists[0];
  if (rosterList !== undefined && lists.length > 0 && !lists.includes(rosterList)) {
    report.error(choiceTable!.name, "kobo-roster-list", `no choice list "${rosterList}" (lists: ${lists.join(", ")})`, { line: choiceTable!.line(0), column: 1 }, "set the rosterList option to one of the lists");
  }
  choices = choices.filter((c) => c.list === rosterList);
  if (o.choices) {
    for (const [code, actor] of Object.entries(o.choices)) {
      const known = choices.find((c) => c.code === code);
      if (known) known.actor = actor;
      else choices.push({ list: rosterList ?? "", code, actor });
    }
  }
  const sentinelSet = new Set(o.sentinels ?? []);
  const isSentinel = (code: string) => sentinelSet.has(code) || (o.sentinels === undefined && /^-\d+$/.test(code));
  const noneSet = new Set((o.none ?? DEFAULT_NONE).map((s) => s.toLowerCase()));
  for (const c of choices) if (c.label && /^(none|nobody|no one|no-one|nessuno|ninguno|aucun)\b/i.test(c.label)) noneSet.add(c.code.toLowerCase());
  const isNone = (code: string) => noneSet.has(code.toLowerCase());

  // Codes → actors.
  const codeToActor = new Map<string, string>();
  const createdFromChoices: string[] = [];
  const resolver = new ActorResolver(graph);
  for (const c of choices) {
    if (isSentinel(c.code) || isNone(c.code)) continue;
    const id = c.actor ?? c.code;
    let actor = graph.hasNode(id) ? id : resolver.resolve(id)?.id;
    if (actor === undefined && c.label && hasNodes) actor = resolver.resolve(c.label)?.id;
    if (actor === undefined) {
      addActor(graph, id, c.label ? { label: c.label } : {});
      resolver.added(id);
      createdFromChoices.push(id);
      actor = id;
    }
    codeToActor.set(c.code, actor);
  }
  if (createdFromChoices.length > 0) {
    if (hasNodes) {
      report.warn(choiceTable!.name, "actor-created", `${createdFromChoices.length} roster choice(s) are not in the actor table; actors created: ${createdFromChoices.slice(0, 10).join(", ")}${createdFromChoices.length > 10 ? ", …" : ""}`, {}, "add them to the actor table");
      report.counts.actorsCreated += createdFromChoices.length;
    } else report.note(`${createdFromChoices.length} actor(s) from the roster choice list (kind 'other', inside the cluster)`);
  }
  const knownCode = (code: string) => codeToActor.has(code) || (choices.length === 0 && graph.hasNode(code)) || isSentinel(code) || isNone(code);

  // Column roles.
  const groupSep = o.groupSeparator ?? "/";
  /** The question's own name: the header without its group prefix. */
  // Memoised: the respondent search asks it of every column for each alias (an export may have 50,000 columns).
  const segments = new Map<string, string>();
  const lastSegment = (h: string): string => {
    let s = segments.get(h);
    if (s === undefined) segments.set(h, (s = h.split(groupSep).pop()!.trim()));
    return s;
  };
  const splitHeader = (h: string): { path: string; code: string } | undefined => {
    // Option codes are short: look at most 256 characters back (a 60,000-character header made this quadratic).
    for (let k = h.length - 2; k > 0 && h.length - k <= 256; k--) {
      if (!sepRe.test(h[k])) continue;
      const code = h.slice(k + 1);
      if (knownCode(code)) return { path: h.slice(0, k), code };
    }
    return undefined;
  };
  const questionOf = lastSegment;
  const declared = o.questions === undefined ? undefined : Array.isArray(o.questions) ? dict(o.questions.map((q) => [q, q] as const)) : dict(o.questions);
  const strengthNames = new Map<string, string>(); // follow-up question → roster question
  const roles: ColumnRole[] = header.map(() => ({ role: "attribute" }));
  const isMeta = (h: string) => META.has(h.toLowerCase()) || META.has(lastSegment(h).toLowerCase()) || /^meta[/-]/i.test(h) || /^_/.test(lastSegment(h));

  // The respondent column.
  let respondentCol = -1;
  if (o.respondent !== undefined) {
    respondentCol = header.findIndex((h) => h === o.respondent || lastSegment(h) === o.respondent);
    if (respondentCol < 0) {
      report.error(file, "missing-column", `no respondent column "${o.respondent}"`, { line: main.line(0), column: 1 }, `columns: ${header.slice(0, 20).join(", ")}${header.length > 20 ? ", …" : ""}`);
      return done();
    }
  } else {
    const ones = [...survey.entries()].filter(([, q]) => q.kind === "one" && q.list === rosterList).map(([n]) => n);
    if (ones.length === 1) respondentCol = header.findIndex((h) => lastSegment(h) === ones[0] || h === ones[0]);
    if (respondentCol < 0) {
      for (const alias of RESPONDENT_ALIASES) {
        respondentCol = header.findIndex((h) => !isMeta(h) && norm(lastSegment(h)) === alias);
        if (respondentCol >= 0) break;
      }
    }
  }
  if (respondentCol < 0) {
    report.error(file, "missing-column", `no respondent column (looked for the select_one question over the roster, or: ${RESPONDENT_ALIASES.join(", ")})`, { line: main.line(0), column: 1 }, "name the column identifying the responding actor, or set the respondent option");
    return done();
  }
  roles[respondentCol] = { role: "respondent" };

  // Option columns and strength columns first (they identify questions), then list columns.
  const multiFromForm = new Set([...survey.entries()].filter(([, q]) => q.kind === "multiple" && (rosterList === undefined || q.list === rosterList)).map(([n]) => n));
  const rosterQuestions = new Set<string>([...multiFromForm, ...Object.keys(declared ?? {})]);
  const strengthFor = (path: string): string | undefined => {
    const q = questionOf(path);
    if (o.strength) for (const [rq, sq] of Object.entries(o.strength)) if (sq === q) return rq;
    for (const suffix of STRENGTH_SUFFIXES) if (q.toLowerCase().endsWith(suffix) && q.length > suffix.length) return q.slice(0, -suffix.length);
    if (/^strength_/i.test(q)) return q.slice(9);
    return undefined;
  };
  header.forEach((h, f) => {
    if (f === respondentCol) return;
    if (h === "" || isMeta(h)) {
      roles[f] = { role: "meta" };
      return;
    }
    let split = splitHeader(h);
    if (!split && declared) {
      // Declared questions: any `question<sep>option` column, known code or not.
      for (const q of Object.keys(declared)) {
        const code = optionAfter(h, q);
        if (code !== undefined) split = { path: h.slice(0, h.length - code.length - 1), code };
      }
    }
    if (!split) return;
    const strengthOf = strengthFor(split.path);
    if (strengthOf !== undefined && !(declared && questionOf(split.path) in declared)) {
      roles[f] = { role: "strength", question: strengthOf, code: split.code };
      strengthNames.set(questionOf(split.path), strengthOf);
      return;
    }
    const q = questionOf(split.path);
    if (declared && !(q in declared) && !multiFromForm.has(q)) return;
    roles[f] = { role: "option", question: q, code: split.code };
    rosterQuestions.add(q);
  });
  // Single columns: declared or form questions, the summary of split questions, or columns of code lists.
  const optionQuestions = new Set(roles.flatMap((r) => (r.role === "option" ? [r.question] : [])));
  header.forEach((h, f) => {
    if (roles[f].role !== "attribute") return;
    const q = lastSegment(h);
    if (optionQuestions.has(q)) {
      roles[f] = { role: "summary", question: q };
      return;
    }
    if (rosterQuestions.has(q)) {
      roles[f] = { role: "list", question: q };
      return;
    }
    if (declared || codeToActor.size + (choices.length === 0 ? graph.order : 0) === 0) return;
    // A column of blank-separated codes, mostly roster codes (a few unknown codes are reported later), with at
    // least one cell naming several (a select_one over the roster names one: that is no roster question).
    let known = 0;
    let total = 0;
    let multi = false;
    let roster = false;
    for (let r = 1; r < main!.rows.length; r++) {
      const v = (main!.rows[r][f] ?? "").trim();
      if (v === "") continue;
      const tokens = v.split(/\s+/);
      total += tokens.length;
      known += tokens.filter(knownCode).length;
      if (tokens.length > 1) multi = true;
      if (tokens.some((t) => codeToActor.has(t) || (choices.length === 0 && graph.hasNode(t)))) roster = true;
    }
    if (total > 0 && known >= 0.75 * total && roster && multi) {
      roles[f] = { role: "list", question: q };
      rosterQuestions.add(q);
    }
  });
  const questions = [...new Set(roles.flatMap((r) => (r.role === "option" || r.role === "list" ? [r.question] : [])))];
  if (questions.length === 0) {
    report.error(
      file,
      "no-nominations",
      "no roster question found: no question/option columns whose options are roster codes, and no column of space-separated roster codes",
      { line: main.line(0), column: 1 },
      "give the roster choice list (choices.csv beside the export, or the XLSForm as form.xlsx), or name the questions with the questions option",
    );
    return done();
  }
  const relationOf = (q: string) => declared?.[q] ?? q;
  const summaries = roles.filter((r) => r.role === "summary").length;
  report.note(
    `roster question(s): ${questions.map((q) => `${q}${relationOf(q) !== q ? ` → relation ${relationOf(q)}` : ""} (${roles.some((r) => r.role === "option" && r.question === q) ? "one column per option" : "codes in one column"})`).join(", ")}; respondent column "${header[respondentCol]}"${summaries > 0 ? `; ${summaries} summary column(s) of split questions not read (the option columns are)` : ""}`,
  );
  if (strengthNames.size > 0) report.note(`tie strengths from ${[...strengthNames.entries()].map(([s, q]) => `${s} (for ${q})`).join(", ")}`);

  // Respondent attributes.
  const attrCols = roles.map((r, f) => (r.role === "attribute" ? f : -1)).filter((f) => f >= 0);
  const actorAliases = Object.fromEntries(Object.entries(ACTOR_COLUMN_ALIASES).filter(([k]) => k !== "id" && k !== "respondent")); // keys from code
  const mapped = mapColumns(attrCols.map((f) => lastSegment(header[f])), actorAliases, report, file, main.line(0), (k) => main!.column(0, attrCols[k]));
  const extras = mapped.extras.map((e) => ({ index: attrCols[e.index], name: e.name }));
  const typed = inferExtras(main.rows.slice(1), extras, report, "respondents");
  const fieldCols = Object.entries(mapped.fields).map(([field, k]) => ({ field, index: attrCols[k] }));

  // Rows: the later submission of a respondent wins.
  const rowOf = new Map<string, number>();
  const resolveRespondent = (code: string): string | undefined => codeToActor.get(code) ?? (graph.hasNode(code) ? code : resolver.resolve(code)?.id);
  const unknownRespondents: string[] = [];
  for (let r = 1; r < main.rows.length; r++) {
    report.count("rowsRead");
    const code = (main.rows[r][respondentCol] ?? "").trim();
    if (code === "") {
      report.error(file, "empty-id", "submission without a respondent; row dropped", at(r, respondentCol), "fill in who answered");
      report.count("rowsDropped");
      continue;
    }
    if (isSentinel(code)) {
      report.error(file, "empty-id", `respondent given as the no-answer code ${code}; row dropped`, at(r, respondentCol));
      report.count("rowsDropped");
      continue;
    }
    let id = resolveRespondent(code);
    if (id === undefined) {
      if (hasNodes || codeToActor.size > 0) {
        report.error(file, "unknown-respondent", `respondent "${code}" is not on the roster; row dropped`, at(r, respondentCol), "add the respondent to the roster choices / actor table, or correct the code");
        report.count("rowsDropped");
        continue;
      }
      addActor(graph, code);
      resolver.added(code);
      unknownRespondents.push(code);
      id = code;
    }
    const prev = rowOf.get(id);
    if (prev !== undefined) {
      report.warn(file, "duplicate-respondent", `${id} submitted again (first on line ${main.line(prev)}); the later submission is read`, at(r, respondentCol), "delete the submission that should not count");
      report.count("rowsDropped");
    }
    rowOf.set(id, r);
  }
  if (unknownRespondents.length > 0) {
    report.counts.actorsCreated += unknownRespondents.length;
    report.note(`no roster: ${unknownRespondents.length} respondent(s) created as actors`);
  }

  const answers: RosterAnswer[] = [];
  let sentinelOnly = 0;
  let missingStrength = 0;
  const sentinelAnswers: string[] = [];
  const unknownCodes = new Map<string, { line: number; column: number }>();
  for (const [id, r] of [...rowOf.entries()].sort((a, b) => a[1] - b[1])) {
    const row = main.rows[r];
    const cell = (f: number) => (row[f] ?? "").trim();
    // Attributes of the respondent (the actor table wins on conflicts).
    const attrs: Record<string, AttributeValue> = { ...extraValues(row, typed) };
    for (const { field, index } of fieldCols) {
      const v = cell(index);
      if (v === "") continue;
      if (field === "inCluster") {
        const b = parseBoolean(v);
        if (b === undefined) report.warn(file, "bad-boolean", `inCluster "${v}" is not true/false; ignored`, at(r, index), "write true/false, yes/no or 1/0");
        else attrs.inCluster = b;
      } else if (field === "x" || field === "y") {
        const num = parseNumber(v);
        if (num === undefined) report.warn(file, "bad-number", `${field} "${v}" is not a number; ignored`, at(r, index));
        else attrs[field] = num;
      } else attrs[field] = field === "kind" ? v.toLowerCase() : v;
    }
    const current = graph.getNodeAttributes(id);
    for (const [k, v] of Object.entries(attrs)) {
      if (hasNodes && current[k] !== undefined && current[k] !== v) {
        report.warn(file, "attribute-conflict", `${k} of ${id} is "${String(current[k])}" in the actor table and "${String(v)}" in the export; the actor table wins`, { line: main.line(r) });
        delete attrs[k];
      }
    }
    graph.mergeNodeAttributes(id, attrs);

    for (const q of questions) {
      const relation = relationOf(q);
      const optionCols = roles.map((x, f) => (x.role === "option" && x.question === q ? f : -1)).filter((f) => f >= 0);
      const listCol = roles.findIndex((x) => x.role === "list" && x.question === q);
      const strengthCol = new Map<string, number>();
      roles.forEach((x, f) => x.role === "strength" && x.question === q && strengthCol.set(x.code, f));
      const selected: { code: string; f: number }[] = [];
      let anyFilled = false;
      let firstCol = optionCols[0] ?? listCol;
      if (optionCols.length > 0) {
        for (const f of optionCols) {
          const v = cell(f);
          if (v === "") continue;
          anyFilled = true;
          const code = (roles[f] as { code: string }).code;
          const lv = v.toLowerCase();
          if (SELECTED.has(lv) || lv === code.toLowerCase()) selected.push({ code, f });
          else if (!NOT_SELECTED.has(lv)) {
            const n = parseNumber(v);
            if (n !== undefined && n > 0) selected.push({ code, f });
            else report.warn(file, "kobo-value", `"${v}" in an option column of ${q} is not 1/0; read as not selected`, at(r, f), "option columns hold 1 (selected) or 0");
          }
        }
      } else if (listCol >= 0) {
        const v = cell(listCol);
        if (v !== "") {
          anyFilled = true;
          for (const code of v.split(/\s+/)) selected.push({ code, f: listCol });
        }
        firstCol = listCol;
      }
      const where = at(r, firstCol);
      if (!anyFilled) {
        answers.push({ respondent: id, relation, nominations: null, wave: options.wave, file, ...where });
        continue;
      }
      const real = selected.filter((s) => !isSentinel(s.code) && !isNone(s.code));
      if (real.length === 0 && selected.some((s) => isSentinel(s.code)) && !selected.some((s) => isNone(s.code))) {
        sentinelOnly++;
        sentinelAnswers.push(`${id} (${q}: ${selected.map((s) => s.code).join(" ")})`);
        answers.push({ respondent: id, relation, nominations: null, wave: options.wave, file, ...where });
        continue;
      }
      const noms: RosterNomination[] = [];
      for (const s of real) {
        let alter = codeToActor.get(s.code);
        if (alter === undefined) {
          if (choices.length > 0 && !graph.hasNode(s.code)) {
            if (!unknownCodes.has(s.code)) unknownCodes.set(s.code, at(r, s.f));
          }
          alter = s.code;
        }
        let weight: number | undefined;
        const sf = strengthCol.get(s.code);
        if (sf !== undefined) {
          const text = cell(sf);
          const w = parseNumber(text);
          if (w !== undefined && w > 0) weight = w;
          else {
            missingStrength++;
            if (text !== "" && !(w !== undefined && isSentinel(text))) report.warn(file, "bad-weight", `strength "${text}" for ${s.code} (${q}) is not a number > 0; the tie gets strength 1`, at(r, sf), "strengths are positive numbers");
          }
        } else if (strengthCol.size > 0) missingStrength++;
        noms.push({ alter, weight, file, ...at(r, s.f) });
      }
      for (const [code, f] of strengthCol) {
        if (cell(f) !== "" && !real.some((s) => s.code === code) && parseNumber(cell(f)) !== 0) {
          report.warn(file, "kobo-strength-unselected", `a strength is given for ${code} (${q}), who is not named; ignored`, at(r, f), "check the form's relevance condition for the strength question");
        }
      }
      answers.push({ respondent: id, relation, nominations: noms, wave: options.wave, file, ...where });
    }
  }
  // With no roster at all (no choice list, no actor table) the codes are the actors.
  const unknownMode = o.unknownCodes ?? (choices.length === 0 && !hasNodes ? "create" : "drop");
  if (unknownCodes.size > 0 && unknownMode !== "create") {
    report.note(`${unknownCodes.size} code(s) are no roster choice: ${[...unknownCodes.keys()].slice(0, 20).join(", ")}`);
  }
  const summary = addRosterAnswers(graph, answers, report, { direction, file, unknownAlters: unknownMode, unknownRespondents: "error", scale: parseScale(options.scale) });

  // Roster members with no submission did not answer (the roster: the choice list, else the actor table).
  const noRow: string[] = [];
  const rosterActors = codeToActor.size > 0 ? [...new Set(codeToActor.values())] : hasNodes ? graph.nodes() : [];
  for (const id of rosterActors) {
    if (rowOf.has(id) || graph.getNodeAttribute(id, "respondent") !== undefined) continue;
    graph.setNodeAttribute(id, "respondent", false);
    noRow.push(id);
  }
  noRow.sort();

  // Non-respondents: per question, those who skipped it, those with no submission.
  const mode = o.nonRespondents ?? "missing";
  const nonResp = dict<string[]>(graph.getAttribute("nonRespondents") ?? {});
  for (const q of questions) {
    const rel = relationOf(q);
    nonResp[rel] = [...new Set([...(nonResp[rel] ?? []), ...noRow])].sort();
  }
  const reconstructed: Record<string, string[]> = dict();
  let added = 0;
  if (mode === "reconstruct") {
    for (const q of questions) {
      const rel = relationOf(q);
      const missing = new Set(nonResp[rel] ?? []);
      if (missing.size === 0) continue;
      const toAdd: { s: string; t: string; w: number; wave?: string; nominator: string }[] = [];
      graph.forEachEdge((_e, a, s, t) => {
        if (a.relation !== rel || a.nominator === undefined || a.reconstructed) return;
        const named = a.nominator === s ? t : s;
        if (!missing.has(named) || named === a.nominator) return;
        toAdd.push({ s: t, t: s, w: a.weight, wave: a.wave, nominator: named });
      });
      for (const x of toAdd) addTie(graph, x.s, x.t, { relation: rel, weight: x.w, wave: x.wave, nominator: x.nominator, reconstructed: true });
      added += toAdd.length;
      reconstructed[rel] = [...missing].sort();
      nonResp[rel] = [];
      report.note(`${rel}: ${missing.size} non-respondent(s) (${[...missing].slice(0, 20).join(", ")}${missing.size > 20 ? ", …" : ""}) reconstructed from the nominations they received: ${toAdd.length} tie(s) added, marked reconstructed=true`);
    }
    for (const k of Object.keys(nonResp)) if (nonResp[k].length === 0) delete nonResp[k];
    graph.setAttribute("reconstructed", reconstructed);
  }
  if (Object.keys(nonResp).length > 0) graph.setAttribute("nonRespondents", nonResp);
  else graph.removeAttribute("nonRespondents");
  report.count("nonRespondents", new Set([...Object.values(nonResp), ...Object.values(reconstructed)].flat()).size);
  if (added > 0) report.count("tiesReconstructed", added);

  for (const q of questions) {
    const rel = relationOf(q);
    const answered = summary.respondents[rel] ?? [];
    const skipped = (summary.nonRespondents[rel] ?? []).length;
    const none = answers.filter((a) => a.relation === rel && a.nominations !== null && a.nominations.length === 0).length;
    const missingNow = nonResp[rel] ?? [];
    report.note(
      `${rel}: ${answered.length} respondent(s) answered (${none} named nobody), ${skipped} skipped the question${noRow.length > 0 ? `, ${noRow.length} roster member(s) sent no submission` : ""}` +
        (mode === "missing" && missingNow.length > 0 ? `; ${missingNow.length} non-respondent(s) kept as missing (${missingNow.slice(0, 20).join(", ")}${missingNow.length > 20 ? ", …" : ""}): their nominations are unknown, not zero` : ""),
    );
  }
  if (sentinelOnly > 0) report.note(`${sentinelOnly} answer(s) held only no-answer codes (don't know / refused) and count as non-response: ${sentinelAnswers.slice(0, 10).join("; ")}${sentinelAnswers.length > 10 ? "; …" : ""}`);
  if (missingStrength > 0) {
    report.count("strengthsMissing", missingStrength);
    report.note(`${missingStrength} named alter(s) without a tie strength: strength 1`);
  }
  if (noRow.length > 0) report.note(`${noRow.length} roster member(s) sent no submission (respondent = false): ${noRow.slice(0, 20).join(", ")}${noRow.length > 20 ? ", …" : ""}`);
  return done();
}

const OPTION_SEPARATORS = new Set(["/", "-", "_", ":", "."]);

/**
 * The option code of a header `…<sep>question<sep>code` for a declared question (the first place the question
 * stands between separators, or at the start, with a code of one line after it), or undefined. A string search:
 * a question name is data, and a regular expression built from a long one is refused by the engine.
 */
function optionAfter(header: string, question: string): string | undefined {
  if (question === "") return undefined;
  for (let i = header.indexOf(question); i >= 0; i = header.indexOf(question, i + 1)) {
    const end = i + question.length;
    if ((i === 0 || OPTION_SEPARATORS.has(header[i - 1])) && OPTION_SEPARATORS.has(header[end] ?? "") && end + 1 < header.length) {
      const code = header.slice(end + 1);
      if (!/[\n\r\u2028\u2029]/.test(code)) return code;
    }
  }
  return undefined;
}

/** Does a header row look like a survey platform's export (Kobo, ODK, SurveyCTO meta columns)? */
export function looksLikeSurveyExport(header: string[]): boolean {
  return looksLikeExport(header.map((h) => `"${h}"`).join(",")) > 0;
}

function looksLikeExport(headerLine: string): number {
  const h = headerLine.toLowerCase();
  if (/(^|[,;\t"])(_uuid|_submission_time|_index|_validation_status)([,;\t"]|$)/.test(h)) return 0.97;
  if (/(^|[,;\t"])(meta[/-]instanceid|instanceid|key)([,;\t"]|$)/.test(h) && /submissiondate|formdef_version|submitterid/.test(h)) return 0.97;
  return 0;
}

export const koboFormat: Format = {
  name: "kobo",
  description: "KoboToolbox / ODK / SurveyCTO export of roster questions (select_multiple), with its choice list",
  extensions: [".csv", ".tsv", ".xlsx"],
  sniff(file) {
    if (file.bytes && file.bytes[0] === 0x50 && file.bytes[1] === 0x4b) return 0;
    const first = file.text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/, 1)[0] ?? "";
    return looksLikeExport(first);
  },
  read: (files, options) => parseKobo(files, options),
  companions(main, siblings) {
    const b = baseName(main);
    const stem = b.replace(/\.(csv|tsv|xlsx)$/i, "");
    const wanted = new Set([`${stem}.kobo.json`, `${stem}.choices.csv`, "choices.csv", `${stem}.nodes.csv`, "nodes.csv", `${stem}.form.xlsx`, "form.xlsx", "xlsform.xlsx"]);
    return siblings.filter((s) => s !== b && wanted.has(s));
  },
};
