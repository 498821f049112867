/**
 * Checks run on every import after the parser (readInput): what no single row shows. Ids and relation
 * names that are near-duplicates of each other (differing only in case, surrounding or repeated spaces,
 * Unicode normalisation — NFC vs NFD — or, for relation names, one edit), which otherwise become two
 * actors or two relations without a word; tie strengths that look like missing-data codes; and the
 * options that act on them: `idCase: "fold"` merges ids that differ only in case and spacing, and
 * `missingCodes` drops ties whose strength is a missing-data code (RSiena's 9 or 10 …).
 */
import { addActor, addTie, createClusterGraph } from "../model/graph.js";
import type { ClusterGraph, TieAttributes } from "../model/types.js";
import type { TieInput as AddTieInput } from "../model/graph.js";
import { InputError, type ImportReport } from "./report.js";

const PLAIN_ASCII = /^[\x21-\x7e]*$/;

/** The form two spellings of one name share: NFC, case-folded, spaces trimmed and collapsed. */
export function foldName(s: string): string {
  // Printable ASCII without spaces is already in NFC, trimmed and collapsed: only its case folds.
  if (PLAIN_ASCII.test(s)) return s.toLowerCase();
  return s.normalize("NFC").toLocaleLowerCase("en-US").trim().replace(/\s+/g, " ");
}

/** True when two names differ by exactly one insertion, deletion or substitution. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const MAX_LISTED = 20;

/** Groups of names (of at least two spellings) that fold to the same form. */
function sameFolded(names: Iterable<string>): string[][] {
  const byFold = new Map<string, string[]>();
  for (const n of names) {
    const k = foldName(n);
    const g = byFold.get(k);
    if (g) g.push(n);
    else byFold.set(k, [n]);
  }
  return [...byFold.values()].filter((g) => g.length > 1);
}

/**
 * {@link sameFolded} over a network's actor ids, without a map entry per actor: an id already in its
 * folded form can only be in a group with ids that fold onto it, so only the others are folded and
 * looked up. Groups and their members come in the order of the ids.
 */
function sameFoldedIds(g: ClusterGraph): string[][] {
  const ids = g.ids;
  const byFold = new Map<string, number[]>();
  for (let i = 0; i < ids.length; i++) {
    const k = foldName(ids[i]);
    if (k === ids[i]) continue;
    const members = byFold.get(k);
    if (members) members.push(i);
    else byFold.set(k, [i]);
  }
  const groups: number[][] = [];
  for (const [k, members] of byFold) {
    const same = g.indexOf(k);
    const all = same >= 0 ? [...members, same].sort((a, b) => a - b) : members;
    if (all.length > 1) groups.push(all);
  }
  return groups.sort((a, b) => a[0] - b[0]).map((group) => group.map((i) => ids[i]));
}

export interface ReviewOptions {
  /** `exact` (default): ids are compared as written and near-duplicates are warned about; `fold`: merged. */
  idCase?: "exact" | "fold";
  /** Tie strengths that are missing-data codes: such ties are dropped (the tie is unknown, not absent). */
  missingCodes?: number[];
}

/** Parse `--missing-codes 9,10`. */
export function parseCodes(value: unknown): number[] | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  // Words (`blank`, `NA`) are cell codes of the matrix reader; the numbers are strengths to drop here too.
  if (Array.isArray(value)) return value.map(String).filter((v) => v.trim() !== "" && Number.isFinite(Number(v))).map(Number);
  const codes = String(value).split(",").map((s) => s.trim()).filter(Boolean).map(Number);
  if (codes.some((c) => !Number.isFinite(c))) throw new InputError(`--missing-codes: "${String(value)}" is not a comma-separated list of numbers`);
  return codes;
}

/** Review an imported graph; returns the graph to use (a new one when ids were folded or ties dropped). */
export function reviewImport(graph: ClusterGraph, report: ImportReport, options: ReviewOptions = {}): ClusterGraph {
  const file = report.files[0] ?? "(input)";
  let g = graph;
  if (g.order === 0 && report.errors.length === 0) {
    report.error(file, "empty-network", `no actors and no ties were read (${report.counts.rowsRead} row(s) read): a header without data?`, { line: 1, column: 1 }, "give the file its rows; an empty network has no density, components or gatekeepers to compute");
    return g;
  }
  if (g.size === 0 && g.order > 0 && report.errors.length === 0) report.warn(file, "no-ties", `${g.order} actor(s) and no ties were read: every measure of flow is empty`, { line: 1, column: 1 }, "check that the ties file or section holds rows");
  if (options.missingCodes && options.missingCodes.length > 0) g = dropMissingCodes(g, report, options.missingCodes, file);
  else suspectCodes(g, report, file);

  const groups = sameFoldedIds(g);
  if (groups.length > 0 && options.idCase === "fold") g = foldIds(g, report, groups, file);
  else {
    for (const group of groups.slice(0, MAX_LISTED)) {
      report.warn(file, "near-duplicate-id", `actor ids ${group.map((x) => JSON.stringify(x)).join(" and ")} differ only in case, spacing or Unicode form; they are read as ${group.length} different actors`, { line: 1 }, "correct the spelling, or pass --id-case fold to merge them");
    }
    if (groups.length > MAX_LISTED) report.warn(file, "near-duplicate-id", `… and ${groups.length - MAX_LISTED} more groups of near-duplicate ids`, { line: 1 });
  }

  const relations = new Map<string, number>();
  const perCode = new Float64Array(g.relationNames.length);
  const codes = g.tieRelation;
  for (let e = 0; e < codes.length; e++) perCode[codes[e]]++;
  g.relationNames.forEach((name, c) => perCode[c] > 0 && relations.set(name, (relations.get(name) ?? 0) + perCode[c]));
  const names = [...relations.keys()].sort();
  const warned = new Set<string>();
  for (const group of sameFolded(names)) {
    report.warn(file, "near-duplicate-relation", `relations ${group.map((x) => `${JSON.stringify(x)} (${relations.get(x)} ties)`).join(" and ")} differ only in case, spacing or Unicode form; they are kept apart`, { line: 1 }, "correct the spelling so that each question has one name");
    for (const x of group) warned.add(x);
  }
  if (names.length <= 200) {
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const [a, b] = [names[i], names[j]];
        if (warned.has(a) && warned.has(b)) continue;
        if (Math.min(a.length, b.length) < 4 || !oneEditApart(foldName(a), foldName(b))) continue;
        // advice1 / advice2, wave2020 / wave2021: numbered series are not typos.
        if (/\d$/.test(a) && /\d$/.test(b) && a.slice(0, -1) === b.slice(0, -1)) continue;
        report.warn(file, "near-duplicate-relation", `relations ${JSON.stringify(a)} (${relations.get(a)} ties) and ${JSON.stringify(b)} (${relations.get(b)} ties) are one letter apart; they are kept apart — a typo?`, { line: 1 }, "correct the spelling (e.g. a roster column advise:X beside advice:Y), or rename one relation");
      }
    }
  }
  return g;
}

/** RSiena codes structural and missing values with 9, 10 and 11 in 0/1 matrices. */
function suspectCodes(g: ClusterGraph, report: ImportReport, file: string): void {
  // Whole strengths up to 999 are counted in an array, any other in the map.
  const small = new Float64Array(1000);
  const values = new Map<number, number>();
  const weights = g.tieWeight;
  for (let e = 0; e < weights.length; e++) {
    const w = weights[e];
    if (w >= 0 && w < 1000 && w === Math.floor(w)) small[w]++;
    else values.set(w, (values.get(w) ?? 0) + 1);
  }
  for (let w = 0; w < 1000; w++) if (small[w] > 0) values.set(w, small[w]);
  const codes = [9, 10, 11, 99, 999].filter((c) => values.has(c));
  const others = [...values.keys()].filter((v) => !codes.includes(v));
  if (codes.length > 0 && others.length > 0 && others.every((v) => v <= 1)) {
    report.warn(file, "suspect-code", `every tie strength is 1 except ${codes.map((c) => `${values.get(c)} of strength ${c}`).join(", ")}: missing-data or structural codes (as in RSiena) read as strengths?`, { line: 1 }, "pass --missing-codes with the codes of missing answers so that those ties are dropped");
  }
}

function dropMissingCodes(g: ClusterGraph, report: ImportReport, codes: number[], file: string): ClusterGraph {
  const drop = new Set(codes);
  const out = rebuild(g, (id) => id, (_k, a) => !drop.has(a.weight));
  const dropped = g.size - out.size;
  report.count("missingCodeTies", dropped);
  report.count("rowsDropped", dropped);
  report.note(`${dropped} tie(s) with a missing-data strength (${codes.join(", ")}) dropped: those ties are unknown, not absent`);
  if (dropped > 0) report.info(file, "missing-code", `${dropped} tie(s) with strength ${codes.join(" or ")} dropped as missing data`, { line: 1 });
  return out;
}

function foldIds(g: ClusterGraph, report: ImportReport, groups: string[][], file: string): ClusterGraph {
  const to = new Map<string, string>();
  for (const group of groups) {
    const keep = [...group].sort()[0];
    for (const x of group) if (x !== keep) to.set(x, keep);
    report.info(file, "id-folded", `actor ids ${group.map((x) => JSON.stringify(x)).join(", ")} merged into ${JSON.stringify(keep)} (--id-case fold)`, { line: 1 });
  }
  report.note(`--id-case fold: ${to.size} actor id(s) that differ from another only in case, spacing or Unicode form merged into it`);
  report.count("actorsMerged", to.size);
  return rebuild(g, (id) => to.get(id) ?? id, () => true);
}

/** A copy of the graph with ids renamed and some ties left out, through the model's own builders. */
function rebuild(g: ClusterGraph, rename: (id: string) => string, keepTie: (key: string, a: TieAttributes) => boolean): ClusterGraph {
  const out = createClusterGraph({ ...g.getAttributes() });
  const nr = g.getAttribute("nonRespondents");
  if (nr) {
    const renamed = Object.create(null) as Record<string, string[]>;
    for (const [rel, ids] of Object.entries(nr)) renamed[rel] = [...new Set(ids.map(rename))].sort();
    out.setAttribute("nonRespondents", renamed);
  }
  g.forEachNode((id, a) => {
    const to = rename(id);
    if (out.hasNode(to)) return; // the kept spelling's attributes win
    addActor(out, to, to === id ? { ...a } : { ...g.getNodeAttributes(to) });
  });
  g.forEachEdge((key, a, s, t) => {
    if (!keepTie(key, a)) return;
    const { tieType, tieTypeGiven, ...rest } = a;
    const input: AddTieInput = { ...(rest as AddTieInput) };
    if (tieTypeGiven) input.tieType = tieType;
    addTie(out, rename(s), rename(t), input);
  });
  return out;
}
