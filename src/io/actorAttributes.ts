/**
 * Actor attribute files joined to an existing actor table (`--attributes file…`), in the shapes longitudinal
 * cluster studies use (RSiena's covariate files among them):
 *
 * - **one column, one value per actor in actor order** (no id): the attribute is named after the file
 *   (`ownership.csv` → `ownership`); a first line that is text above numbers is taken as the name instead.
 *   The actor order is the order of the network's actors (the order of the first round's matrix labels).
 *   Several columns without ids (`;`, `,`, tab or spaces) are several attributes `<file>_1`, `<file>_2`, …
 *   (RSiena's changing covariates: one column per round).
 * - **id first, then values** (`id;value` or `id;a;b;…`): the first column names actors. With a header row
 *   (its first cell not an actor id) the columns are named by it; without one, a single value column is
 *   named after the file and several are `<file>_1` …
 *
 * Values are typed like the tidy actor table (all numbers → number, true/false → boolean, else text);
 * blank and `NA` are missing. A presence table is an attribute file with columns `present_<round>`.
 * Every row that does not fit is a located error; ids not in the network are warnings (the row is dropped).
 */
import { dict } from "../model/dict.js";
import type { ClusterGraph } from "../model/types.js";
import { RESERVED_ATTRIBUTES } from "../model/types.js";
import { parseCsv } from "./csv.js";
import { baseName, coerce, inferColumnType, type InputFile } from "./format.js";
import type { ImportReport } from "./report.js";

const MISSING = new Set(["", "NA", "."]);

function fileStem(name: string): string {
  return baseName(name).replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9_]+/g, "_") || "attribute";
}

/** Split a line of a headerless covariate file: the CSV delimiter, else runs of spaces. */
function rowsOf(file: InputFile): { rows: string[][]; line: (r: number) => number; column: (r: number, f: number) => number } {
  const t = parseCsv(file.text);
  const spaced = t.rows.length > 0 && t.rows.every((r) => r.length === 1) && t.rows.some((r) => /\S\s+\S/.test(r[0].trim()));
  if (!spaced) return t;
  const rows = t.rows.map((r) => r[0].trim().split(/\s+/));
  return { rows, line: t.line, column: (r, f) => t.column(r, 0) + rows[r].slice(0, f).reduce((s, x) => s + x.length + 1, 0) };
}

/** Join one attribute file to the actors of `graph`; returns the attribute names set. */
export function joinActorAttributes(graph: ClusterGraph, file: InputFile, report: ImportReport): string[] {
  report.files.push(file.name);
  const t = rowsOf(file);
  const rows = t.rows.map((r) => r.map((x) => x.trim()));
  if (rows.length === 0) {
    report.error(file.name, "empty-file", "the attribute file is empty", { line: 1, column: 1 }, "one value per actor, or id and value per line");
    return [];
  }
  const stem = fileStem(file.name);
  const width = Math.max(...rows.map((r) => r.length));
  const ids = graph.nodes();
  const isId = (x: string) => graph.hasNode(x);
  const idColumn = rows.filter((r) => isId(r[0] ?? "")).length >= Math.max(1, Math.ceil((rows.length - 1) / 2));
  let names: string[];
  let body: number;
  let headed: boolean;
  if (idColumn) {
    headed = !isId(rows[0][0] ?? "");
    body = headed ? 1 : 0;
    names = headed ? rows[0].slice(1) : width - 1 === 1 ? [stem] : Array.from({ length: width - 1 }, (_, k) => `${stem}_${k + 1}`);
  } else {
    const firstIsName = rows.length > 1 && rows[0].every((x) => Number.isNaN(Number(x)) && !MISSING.has(x)) && rows.slice(1).every((r) => r.every((x) => MISSING.has(x) || !Number.isNaN(Number(x))));
    headed = firstIsName;
    body = headed ? 1 : 0;
    names = headed ? rows[0] : width === 1 ? [stem] : Array.from({ length: width }, (_, k) => `${stem}_${k + 1}`);
    const n = rows.length - body;
    if (n !== ids.length) {
      report.error(
        file.name,
        "actor-count",
        `${n} value row(s) but the network has ${ids.length} actors: a file without ids needs one row per actor, in actor order`,
        { line: t.line(rows.length - 1), column: 1 },
        `put the actor id in a first column (id;value), or give one row per actor in the order ${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", …" : ""}`,
      );
      return [];
    }
  }
  names = names.map((n, k) => {
    const clean = n.trim() === "" ? `${stem}_${k + 1}` : n.trim();
    if ((RESERVED_ATTRIBUTES as readonly string[]).includes(clean)) {
      report.info(file.name, "reserved-attribute", `attribute "${clean}" renamed "${clean}_" (the name is reserved for display)`, { line: 1 });
      return `${clean}_`;
    }
    return clean;
  });
  const first = idColumn ? 1 : 0;
  const values: string[][] = names.map((_n, k) => rows.slice(body).map((r) => r[first + k] ?? ""));
  const types = values.map((v) => inferColumnType(v.filter((x) => !MISSING.has(x))));
  report.attributes[baseName(file.name)] = dict(names.map((n, k) => [n, types[k]] as const));
  let joined = 0;
  for (let r = body; r < rows.length; r++) {
    report.count("rowsRead");
    const row = rows[r];
    const id = idColumn ? row[0] : ids[r - body];
    if (!graph.hasNode(id)) {
      report.warn(file.name, "unknown-actor", `"${id}" is not an actor of the network; row dropped`, { line: t.line(r), column: 1 }, "correct the id or add the actor to the network");
      report.count("rowsDropped");
      continue;
    }
    if (row.length !== names.length + first) {
      report.error(file.name, "ragged-row", `row has ${row.length} field(s), expected ${names.length + first}`, { line: t.line(r), column: t.column(r, Math.max(0, row.length - 1)) }, "one value per attribute on every row");
      report.count("rowsDropped");
      continue;
    }
    const attrs: Record<string, string | number | boolean> = dict();
    names.forEach((n, k) => {
      const raw = row[first + k];
      if (MISSING.has(raw)) return;
      const v = coerce(raw, types[k]);
      if (v !== undefined && v !== null) attrs[n] = v;
    });
    graph.mergeNodeAttributes(id, attrs);
    joined++;
  }
  report.note(`${baseName(file.name)}: attribute(s) ${names.join(", ")} joined to ${joined} actor(s) ${idColumn ? "by id (first column)" : "in actor order (no id column)"}${headed ? ", named by the header row" : ", named after the file"}`);
  return names;
}
