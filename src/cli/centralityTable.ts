/**
 * The centrality table as `clusterflow centrality --csv` prints it: one row per actor of the view, the
 * columns below, full precision. The viewer's actor table downloads the same CSV through this module, so
 * the two cannot drift apart.
 */
import { csvTable } from "./output.js";

export const CENTRALITY_COLUMNS = ["inDegree", "outDegree", "inStrength", "outStrength", "betweenness", "closenessIn", "closenessOut", "pagerank", "eigenvector"] as const;

export type CentralityColumn = (typeof CENTRALITY_COLUMNS)[number];

/** The rows of the table: id, then the columns (in the order the actors are given). */
export function centralityRows(actors: ({ id: string } & Record<CentralityColumn, number>)[]): unknown[][] {
  return actors.map((a) => [a.id, ...CENTRALITY_COLUMNS.map((c) => a[c])]);
}

/** The CSV text of the table. */
export function centralityCsv(actors: ({ id: string } & Record<CentralityColumn, number>)[]): string {
  return csvTable(["id", ...CENTRALITY_COLUMNS], centralityRows(actors));
}
