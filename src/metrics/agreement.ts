/**
 * Agreement between two partitions of the same actors, e.g. detected communities vs the declared groups
 * (does the knowledge network split along the lines the survey expected?).
 *
 * - Normalised mutual information (Danon, Díaz-Guilera, Duch & Arenas 2005, *J. Stat. Mech.* P09008):
 *   `NMI = 2·I(X;Y) / (H(X) + H(Y))` with natural logarithms (the base cancels); 1 = identical partitions,
 *   0 = independent. Both partitions trivial (one group each): H(X) + H(Y) = 0 → 1, as igraph.
 *   Matches igraph `compare(x, y, method = "nmi")`.
 * - Adjusted Rand index (Hubert & Arabie 1985, *J. Classification* 2:193–218):
 *   `ARI = (Σ_ij C(n_ij,2) − E) / (½(Σ_i C(a_i,2) + Σ_j C(b_j,2)) − E)`,
 *   `E = Σ_i C(a_i,2)·Σ_j C(b_j,2) / C(n,2)`; 1 = identical, ≈ 0 = chance, can be negative. When the
 *   denominator is 0 (both partitions trivial: one group each, or all singletons each) the index is 0/0:
 *   NaN, as igraph (scikit-learn returns 1 there). Fewer than two actors: NaN (igraph refuses).
 *   Matches igraph `compare(x, y, method = "adjusted.rand")`.
 *
 * No network is involved: only the labels (aligned by actor) matter, not their names.
 */

export interface Agreement {
  nmi: number;
  adjustedRand: number;
  /** Number of groups in each partition. */
  groupsA: number;
  groupsB: number;
}

function contingency(a: readonly string[], b: readonly string[]) {
  if (a.length !== b.length) throw new Error(`agreement: partitions of different lengths (${a.length} and ${b.length})`);
  const ia = new Map<string, number>();
  const ib = new Map<string, number>();
  const ca: number[] = [];
  const cb: number[] = [];
  const cells = new Map<number, number>();
  const code = (m: Map<string, number>, counts: number[], v: string) => {
    let c = m.get(v);
    if (c === undefined) {
      c = m.size;
      m.set(v, c);
      counts.push(0);
    }
    counts[c]++;
    return c;
  };
  const A: number[] = [];
  const B: number[] = [];
  for (let i = 0; i < a.length; i++) {
    A.push(code(ia, ca, a[i]));
    B.push(code(ib, cb, b[i]));
  }
  for (let i = 0; i < a.length; i++) {
    const key = A[i] * (cb.length + 1) + B[i];
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  return { ca, cb, cells: [...cells.values()], n: a.length };
}

/** Normalised mutual information between two partitions (labels aligned by actor). */
export function normalizedMutualInformation(a: readonly string[], b: readonly string[]): number {
  const { ca, cb, cells, n } = contingency(a, b);
  if (n === 0) return NaN;
  const h = (counts: number[]) => counts.reduce((s, c) => (c > 0 ? s - (c / n) * Math.log(c / n) : s), 0);
  const ha = h(ca);
  const hb = h(cb);
  if (ha + hb === 0) return 1;
  // I = Σ p_ij log(p_ij / (p_i p_j)); computed as H(X) + H(Y) − H(X,Y).
  const hab = h(cells);
  const mi = ha + hb - hab;
  return (2 * mi) / (ha + hb);
}

const pairs = (x: number) => (x * (x - 1)) / 2;

/** Adjusted Rand index between two partitions (labels aligned by actor). */
export function adjustedRandIndex(a: readonly string[], b: readonly string[]): number {
  const { ca, cb, cells, n } = contingency(a, b);
  if (n <= 1) return NaN;
  const sa = ca.reduce((s, c) => s + pairs(c), 0);
  const sb = cb.reduce((s, c) => s + pairs(c), 0);
  const sij = cells.reduce((s, c) => s + pairs(c), 0);
  const expected = (sa * sb) / pairs(n);
  const max = (sa + sb) / 2;
  if (max === expected) return NaN;
  return (sij - expected) / (max - expected);
}

/** NMI and adjusted Rand index of two partitions. */
export function partitionAgreement(a: readonly string[], b: readonly string[]): Agreement {
  return {
    nmi: normalizedMutualInformation(a, b),
    adjustedRand: adjustedRandIndex(a, b),
    groupsA: new Set(a).size,
    groupsB: new Set(b).size,
  };
}
