/**
 * A partition of the actors into groups (a declared attribute such as `group`, `kind`, `stage`, or
 * detected communities), encoded for the metrics: one integer code per actor (Digraph index order)
 * and the group labels in a fixed order.
 *
 * Group order: labels that are all numbers sort numerically, otherwise by code-unit order (numbers
 * before text); `"(none)"` (actors without a value, see model/views.ts `partitionOf`) comes last. The
 * order is independent of actor order and locale, so outputs are byte-stable.
 */

export interface Partition {
  /** Group label of each group code. */
  groups: string[];
  /** Group code of each actor (Digraph index order). */
  codes: Int32Array;
  /** Number of actors in each group, by code. */
  sizes: number[];
}

/** Compare group labels: numbers numerically and before text; "(none)" last. */
export function compareLabels(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "(none)") return 1;
  if (b === "(none)") return -1;
  const na = a.trim() === "" ? NaN : Number(a);
  const nb = b.trim() === "" ? NaN : Number(b);
  const fa = Number.isFinite(na);
  const fb = Number.isFinite(nb);
  if (fa && fb && na !== nb) return na - nb;
  if (fa !== fb) return fa ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Encode group labels (one per actor) as a {@link Partition}. */
export function encodePartition(labels: readonly string[]): Partition {
  const groups = [...new Set(labels)].sort(compareLabels);
  const code = new Map(groups.map((g, i) => [g, i] as const));
  const codes = new Int32Array(labels.length);
  const sizes = groups.map(() => 0);
  labels.forEach((l, i) => {
    const c = code.get(l)!;
    codes[i] = c;
    sizes[c]++;
  });
  return { groups, codes, sizes };
}

/** Group labels of each actor from a partition (inverse of {@link encodePartition}). */
export function partitionLabels(p: Partition): string[] {
  return Array.from(p.codes, (c) => p.groups[c]);
}
