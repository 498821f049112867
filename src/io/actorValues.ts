/**
 * One value per actor from a small CSV file — `id,<name>` with a header, e.g. the number of extra-regional
 * partners each firm reported — set as the actor attribute `<name>` of a graph. Every problem is located:
 * an id the network does not have is an error (file:line:column), a value that is not a number is a
 * warning and left unset, actors without a row are counted in a note.
 */
import { readFileSync, existsSync } from "node:fs";
import type { ClusterGraph } from "../model/types.js";
import { parseCsv } from "./csv.js";
import { ImportReport, InputError } from "./report.js";

export interface ActorValuesRead {
  /** The attribute set (the header of the value column). */
  attribute: string;
  /** Actors given a value. */
  set: number;
  report: ImportReport;
}

/** Read `path` and set its values on the graph's actors (see the module comment). Throws InputError on errors. */
export function readActorValues(graph: ClusterGraph, path: string): ActorValuesRead {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`);
  const report = new ImportReport("actor-values");
  report.files.push(path);
  const t = parseCsv(readFileSync(path, "utf8"));
  for (const p of t.problems) report.error(path, "csv-syntax", p.message, { line: p.line, column: p.column });
  const head = t.rows[0] ?? [];
  if (head.length !== 2) {
    report.error(path, "bad-header", `expected two columns (id and one value), found ${head.length}`, { line: t.rows.length ? t.line(0) : 1, column: 1 }, "write a header such as id,external_ties");
    throw new InputError(`${path}: not an id,value file`, report);
  }
  const attribute = head[1].trim();
  const pending: [string, number][] = [];
  for (let r = 1; r < t.rows.length; r++) {
    const [id, raw] = [t.rows[r][0]?.trim() ?? "", t.rows[r][1]?.trim() ?? ""];
    report.count("rowsRead");
    if (!graph.hasNode(id)) {
      report.error(path, "unknown-actor", `actor "${id}" is not an actor of the network`, { line: t.line(r), column: t.column(r, 0) }, "check the id's spelling");
      continue;
    }
    if (raw === "") continue;
    const v = Number(raw);
    if (!Number.isFinite(v)) {
      report.warn(path, "bad-number", `${attribute} "${raw}" of ${id} is not a number; left unset`, { line: t.line(r), column: t.column(r, 1) });
      report.count("rowsDropped");
      continue;
    }
    pending.push([id, v]);
  }
  if (report.errors.length > 0) throw new InputError(`${path}: ${report.errors.length} problem(s)`, report);
  for (const [id, v] of pending) graph.setNodeAttribute(id, attribute, v);
  const without = graph.order - pending.length;
  if (without > 0) report.note(`${without} actor(s) have no value of ${attribute} in ${path}`);
  return { attribute, set: pending.length, report };
}
