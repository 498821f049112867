/**
 * Graph correlation (Krackhardt 1987): the Pearson correlation of two relations over the ordered pairs of
 * distinct actors, `r = Σ (x_ij − x̄)(y_ij − ȳ) / √(Σ (x_ij − x̄)² Σ (y_ij − ȳ)²)`, i ≠ j, over the dyads
 * observed in both (missing dyads of either left out). Matches R sna `gcor(x, y, mode = "digraph",
 * diag = FALSE)`, which calls `cor(…, use = "complete.obs")`. NaN when either relation is constant on the
 * observed dyads. Rows are sources, columns targets (knowledge flows i → j).
 */
import type { DyadicMatrix } from "../model/dyadic.js";

export interface GraphCorrelation {
  correlation: number;
  /** Dyads observed in both matrices. */
  dyads: number;
  /** Off-diagonal dyads missing in either matrix (left out). */
  missing: number;
}

/** {@link gcor} on raw row-major n × n arrays. */
export function graphCorrelationValues(x: Float64Array, y: Float64Array, n: number): GraphCorrelation {
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const a = x[i * n + j];
      const b = y[i * n + j];
      if (Number.isNaN(a) || Number.isNaN(b)) continue;
      m++;
      sx += a;
      sy += b;
    }
  }
  const mx = sx / m;
  const my = sy / m;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const a = x[i * n + j];
      const b = y[i * n + j];
      if (Number.isNaN(a) || Number.isNaN(b)) continue;
      sxy += (a - mx) * (b - my);
      sxx += (a - mx) ** 2;
      syy += (b - my) ** 2;
    }
  }
  const correlation = m < 2 || sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
  return { correlation, dyads: m, missing: n * (n - 1) - m };
}

/** Graph correlation of two dyadic matrices over the same actors (see the module comment). */
export function gcor(x: DyadicMatrix, y: DyadicMatrix): GraphCorrelation {
  if (x.n !== y.n || x.ids.some((id, i) => id !== y.ids[i])) throw new Error(`gcor: ${x.name} and ${y.name} are not over the same actors in the same order`);
  return graphCorrelationValues(x.values, y.values, x.n);
}
