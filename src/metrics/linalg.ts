/**
 * Small dense least squares for the regressions (MRQAP, node-level regression): Householder QR of a tall
 * matrix (accurate, as R's `qr`), and the normal equations with a Cholesky factor (fast, for the
 * permutation refits). Matrices are row-major Float64Arrays.
 */

export interface QrFit {
  /** Coefficients (NaN for a column aliased with the ones before it). */
  coef: Float64Array;
  /** (X'X)⁻¹ from R (R's chol2inv(qr$qr)), p × p row-major. */
  xtxInverse: Float64Array;
  residuals: Float64Array;
  rank: number;
}

/**
 * Least squares of b on the m × p matrix a by Householder QR without pivoting; a column whose remaining
 * norm is below `tol` times its original norm is declared aliased (rank deficient → NaN coefficient).
 */
export function qrLeastSquares(a: Float64Array, b: Float64Array, m: number, p: number, tol = 1e-7): QrFit {
  const A = Float64Array.from(a);
  const y = Float64Array.from(b);
  const rdiag = new Float64Array(p);
  const aliased = new Uint8Array(p);
  const colNorm = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += A[i * p + k] ** 2;
    colNorm[k] = Math.sqrt(s);
  }
  let rank = 0;
  const v = new Float64Array(m);
  // Row of R used for column k is `rank` (aliased columns are skipped, as with R's pivoting to the end).
  const rowOf = new Int32Array(p).fill(-1);
  for (let k = 0; k < p; k++) {
    const r = rank;
    let s = 0;
    for (let i = r; i < m; i++) s += A[i * p + k] ** 2;
    const norm = Math.sqrt(s);
    if (r >= m || norm <= tol * (colNorm[k] || 1) || colNorm[k] === 0) {
      aliased[k] = 1;
      continue;
    }
    const alpha = A[r * p + k] > 0 ? -norm : norm;
    for (let i = r; i < m; i++) v[i] = A[i * p + k];
    v[r] -= alpha;
    let vv = 0;
    for (let i = r; i < m; i++) vv += v[i] * v[i];
    if (vv > 0) {
      for (let j = k; j < p; j++) {
        let d = 0;
        for (let i = r; i < m; i++) d += v[i] * A[i * p + j];
        const f = (2 * d) / vv;
        for (let i = r; i < m; i++) A[i * p + j] -= f * v[i];
      }
      let d = 0;
      for (let i = r; i < m; i++) d += v[i] * y[i];
      const f = (2 * d) / vv;
      for (let i = r; i < m; i++) y[i] -= f * v[i];
    }
    rdiag[k] = A[r * p + k];
    rowOf[k] = r;
    rank++;
  }
  // Back substitution on the kept columns.
  const kept = [...Array(p).keys()].filter((k) => !aliased[k]);
  const q = kept.length;
  const R = new Float64Array(q * q);
  for (let s = 0; s < q; s++) for (let t = s; t < q; t++) R[s * q + t] = A[rowOf[kept[s]] * p + kept[t]];
  const c = new Float64Array(q);
  for (let s = q - 1; s >= 0; s--) {
    let acc = y[s];
    for (let t = s + 1; t < q; t++) acc -= R[s * q + t] * c[t];
    c[s] = acc / R[s * q + s];
  }
  const coef = new Float64Array(p).fill(NaN);
  kept.forEach((k, s) => (coef[k] = c[s]));
  // (R'R)⁻¹ = R⁻¹ R⁻ᵀ.
  const Ri = new Float64Array(q * q);
  for (let t = 0; t < q; t++) {
    Ri[t * q + t] = 1 / R[t * q + t];
    for (let s = t - 1; s >= 0; s--) {
      let acc = 0;
      for (let u = s + 1; u <= t; u++) acc += R[s * q + u] * Ri[u * q + t];
      Ri[s * q + t] = -acc / R[s * q + s];
    }
  }
  const xtxInverse = new Float64Array(p * p).fill(NaN);
  for (let s = 0; s < q; s++) {
    for (let t = 0; t < q; t++) {
      let acc = 0;
      for (let u = Math.max(s, t); u < q; u++) acc += Ri[s * q + u] * Ri[t * q + u];
      xtxInverse[kept[s] * p + kept[t]] = acc;
    }
  }
  const residuals = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let f = 0;
    for (let k = 0; k < p; k++) if (!aliased[k]) f += a[i * p + k] * coef[k];
    residuals[i] = b[i] - f;
  }
  return { coef, xtxInverse, residuals, rank };
}

/**
 * Solve the normal equations from the cross-product matrix of [X y] (size (p+1)², X columns first, y
 * last): coefficients, (X'X)⁻¹ diagonal and the residual sum of squares. `null` when X'X is not positive
 * definite (a column constant zero or aliased).
 */
export function normalEquations(g: Float64Array, p: number): { coef: Float64Array; invDiag: Float64Array; rss: number } | null {
  const w = p + 1;
  const L = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = g[j * w + j];
    for (let k = 0; k < j; k++) d -= L[j * p + k] ** 2;
    if (!(d > 1e-10 * Math.max(1, g[j * w + j]))) return null;
    const ljj = Math.sqrt(d);
    L[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = g[i * w + j];
      for (let k = 0; k < j; k++) s -= L[i * p + k] * L[j * p + k];
      L[i * p + j] = s / ljj;
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = g[i * w + p];
    for (let k = 0; k < i; k++) s -= L[i * p + k] * z[k];
    z[i] = s / L[i * p + i];
  }
  const coef = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < p; k++) s -= L[k * p + i] * coef[k];
    coef[i] = s / L[i * p + i];
  }
  // diag of (LLᵀ)⁻¹: column by column of L⁻¹.
  const invDiag = new Float64Array(p);
  const e = new Float64Array(p);
  for (let c = 0; c < p; c++) {
    e.fill(0);
    for (let i = c; i < p; i++) {
      let s = i === c ? 1 : 0;
      for (let k = c; k < i; k++) s -= L[i * p + k] * e[k];
      e[i] = s / L[i * p + i];
    }
    for (let i = c; i < p; i++) invDiag[c] += e[i] * e[i];
  }
  let rss = g[p * w + p];
  for (let i = 0; i < p; i++) rss -= coef[i] * g[i * w + p];
  return { coef, invDiag, rss: Math.max(rss, 0) };
}
