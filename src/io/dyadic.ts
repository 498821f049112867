/**
 * Dyadic covariates read from files: a proximity, a distance, a similarity, any value per ordered pair of
 * actors, in any network format clusterflow reads (matrix CSV, tidy edge list, DL, Pajek, GEXF …). The file
 * is read as a network (same readers, same direction convention) and cell (i, j) is the collapsed sum of
 * the values i → j (0 where the file has none — a matrix cell of 0 or an absent edge).
 *
 * Actors are matched by id to the analysed network's actors:
 * - an id in the file that the network does not have is an error, located at its first occurrence
 *   (file:line:column) — a misspelt id would otherwise silently become a missing actor;
 * - an actor of the network absent from the file is a warning; its dyads are missing (NaN).
 * Importer problems of the file itself are reported as for networks.
 */
import { readFileSync } from "node:fs";
import type { DyadicMatrix } from "../model/dyadic.js";
import type { NominationDirection } from "../model/types.js";
import { indexDigraph } from "../model/views.js";
import { readInput } from "./load.js";
import { assertImportOk, ImportReport, InputError } from "./report.js";

export interface DyadicReadOptions {
  format?: string;
  direction?: NominationDirection;
  strict?: boolean;
}

export interface DyadicRead {
  matrix: DyadicMatrix;
  /** Import problems of the covariate file and actor-matching warnings. */
  report: ImportReport;
}

/** First occurrence of `token` as a whole cell / word in a text file: 1-based line and column. */
export function locateToken(text: string, token: string): { line?: number; column?: number } {
  const lines = text.split(/\r?\n/);
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`(^|[\\s,;\\t"'=<>:])${escaped}(?=$|[\\s,;\\t"'=<>/:])`);
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]);
    if (m) return { line: i + 1, column: m.index + m[1].length + 1 };
  }
  return {};
}

/**
 * Read a dyadic covariate `name` from `path` over the actors `ids` (the analysed network's order). Throws
 * InputError (exit 2) on unknown actor ids or an unreadable file; warns about actors the file lacks.
 */
export async function readDyadic(name: string, path: string, ids: string[], options: DyadicReadOptions = {}): Promise<DyadicRead> {
  const { graph, report } = await readInput(path, { format: options.format, direction: options.direction, strict: options.strict });
  assertImportOk(report, options.strict ?? false);
  const known = new Set(ids);
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch {
    text = "";
  }
  const unknown = graph.nodes().filter((id) => !known.has(id));
  for (const id of unknown) {
    report.error(path, "unknown-actor", `dyadic covariate ${name}: actor "${id}" is not an actor of the network`, locateToken(text, id), "check the spelling of the id, or add the actor to the network's actor table");
  }
  if (unknown.length > 0) throw new InputError(`dyadic covariate ${name} (${path}): ${unknown.length} actor id(s) not in the network`, report);
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i] as const));
  const values = new Float64Array(n * n).fill(NaN);
  const present = new Uint8Array(n);
  for (const id of graph.nodes()) present[index.get(id)!] = 1;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && present[i] && present[j]) values[i * n + j] = 0;
  const g = indexDigraph(graph, { weight: "sum" });
  for (let u = 0; u < g.n; u++) {
    const i = index.get(g.ids[u])!;
    for (let p = g.outStart[u]; p < g.outStart[u + 1]; p++) values[i * n + index.get(g.ids[g.outAdj[p]])!] = g.outW[p];
  }
  const absent = ids.filter((_id, i) => !present[i]);
  const notes = [`${name}: read from ${path} (${report.format}); cell (i, j) = value i → j, 0 where the file has none`];
  if (absent.length > 0) {
    report.warn(path, "absent-actor", `dyadic covariate ${name}: ${absent.length} actor(s) of the network are not in the file (${absent.slice(0, 5).join(", ")}${absent.length > 5 ? ", …" : ""}); their dyads are missing`, {}, "add them to the file if their values are known");
    notes.push(`${absent.length} actor(s) absent from ${path}: their dyads are missing`);
  }
  return { matrix: { name, ids, n, values, notes }, report };
}
