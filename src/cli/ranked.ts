/**
 * Per-actor tables for people: the actor's label beside its id, rows sorted by a measure (highest first,
 * NaN last, graph order among equals). CSV and JSON outputs keep graph order and ids only.
 */
import type { ClusterGraph } from "../model/types.js";
import { UsageError } from "./errors.js";

/** Rows `[id, …values]` → `[id, label, …values]`, sorted by `column` (one of `columns`, without "id"). */
export function rankedRows(view: ClusterGraph, columns: string[], rows: unknown[][], column: string, ascending = false): { columns: string[]; rows: unknown[][]; sortedBy: string } {
  const at = columns.indexOf(column);
  if (at < 1) throw new UsageError(`--sort: unknown column "${column}"; use one of ${columns.slice(1).join(", ")}`);
  const key = (r: unknown[]) => (typeof r[at] === "number" && !Number.isNaN(r[at]) ? (r[at] as number) : null);
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const x = key(a.r);
      const y = key(b.r);
      if (x === null || y === null) return x === null && y === null ? a.i - b.i : x === null ? 1 : -1;
      return (ascending ? x - y : y - x) || a.i - b.i;
    })
    .map(({ r }) => [r[0], String(view.getNodeAttribute(String(r[0]), "label") ?? r[0]), ...r.slice(1)]);
  return { columns: [columns[0], "label", ...columns.slice(1)], rows: sorted, sortedBy: `${column}, ${ascending ? "lowest" : "highest"} first` };
}
