/**
 * MRQAP: multiple regression of one relation on other relations and dyadic terms, tested by QAP
 * permutations (Krackhardt 1988; Dekker, Krackhardt & Snijders 2007). The unit of observation is the
 * ordered dyad (i, j), i ≠ j (row = source, column = target: knowledge flows i → j); dyads missing in the
 * response or in any predictor are left out and counted.
 *
 * - `linear`: ordinary least squares (R sna `netlm`); test statistic the t-value b_k / se_k with
 *   se_k = √((X'X)⁻¹_kk · RSS / (m − p)).
 * - `logistic`: logit regression fitted by iteratively reweighted least squares exactly as R `glm.fit`
 *   (start μ = (y + ½)/2, stop when |dev − dev_old| / (|dev| + 0.1) < 1e-8) (R sna `netlogit`); statistic
 *   the z-value b_k / se_k with se from the last weighted fit. The response is 0/1.
 *
 * Null hypotheses (sna's names; `reps` permutations of rows and columns together, seeded):
 * - `qapspp` (= `qap`, sna's default): Dekker's semi-partialling — for each predictor k, its residuals
 *   from a regression on the other predictors (over the dyads where every predictor is observed) are
 *   permuted and put in its place; the statistic of that column is recomputed.
 * - `qapy`: the response is permuted (all statistics at once).
 * - `qapx`: each predictor is permuted in turn, the others fixed.
 * - `qapallx`: all predictors permuted together, each by its own permutation.
 * - `classical`: no permutation; Student t with m − p degrees of freedom (for logistic too, as sna does).
 * With a single predictor column (intercept only) `qap`/`qapspp` fall back to `qapy`, as in sna.
 * p-values: shares of permuted statistics ≥ (`pGreaterOrEqual`), ≤ (`pLessOrEqual`) and |·| ≥
 * (`pAbsGreaterOrEqual`, the two-sided one) the observed statistic; the observed one is not counted.
 *
 * Where sna differs: with a predictor that has missing dyads, sna's `qapspp` places the residuals in
 * the wrong cells (R recycles a shorter vector); here each residual stays at its own dyad and the
 * dyads a predictor misses stay missing. Without missing predictor dyads the two agree.
 */
import { dict } from "../model/dict.js";
import type { DyadicMatrix } from "../model/dyadic.js";
import { randomPermutation } from "../model/dyadic.js";
import { seededRng, type Rng } from "../model/random.js";
import { normalEquations, qrLeastSquares } from "./linalg.js";
import { studentTCdf, studentTUpper } from "./distributions.js";
import type { NullHypothesis } from "./nullHypotheses.js";

export { NULL_HYPOTHESES, type NullHypothesis } from "./nullHypotheses.js";
export type RegressionModel = "linear" | "logistic";

export interface MrqapOptions {
  model?: RegressionModel;
  nullHypothesis?: NullHypothesis;
  reps?: number;
  seed?: number;
  /** Include an intercept (default true). */
  intercept?: boolean;
  /** Test statistic: the t (z) value (default) or the coefficient itself. */
  statistic?: "t" | "beta";
}

export interface MrqapTerm {
  name: string;
  coefficient: number;
  /** Standard error (NaN for an aliased term). */
  standardError: number;
  /** t-value (linear) or z-value (logistic). */
  statistic: number;
  /** exp(coefficient) for logistic models. */
  oddsRatio?: number;
  pGreaterOrEqual: number;
  pLessOrEqual: number;
  pAbsGreaterOrEqual: number;
}

export interface MrqapResult {
  model: RegressionModel;
  nullHypothesis: NullHypothesis;
  /** sna's fallback to qapy with a single column, stated. */
  nullHypothesisUsed: NullHypothesis;
  statistic: "t" | "beta";
  reps: number;
  seed: number;
  response: string;
  terms: MrqapTerm[];
  /** Dyads used (observed in the response and every predictor). */
  dyads: number;
  /** Off-diagonal dyads left out, in total and per matrix (a dyad can be missing in several). */
  missingDyads: number;
  missingBy: Record<string, number>;
  rank: number;
  dfResidual: number;
  /** Linear: R², adjusted R², residual standard error. */
  rSquared?: number;
  adjustedRSquared?: number;
  residualStandardError?: number;
  /** Logistic: deviance, null deviance (μ = ½, as glm.fit without intercept reports it), AIC, BIC, iterations. */
  deviance?: number;
  nullDeviance?: number;
  aic?: number;
  bic?: number;
  iterations?: number;
  converged?: boolean;
}

/** Off-diagonal cells of an n × n matrix, row-major, as one vector. */
function vectorize(values: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * (n - 1));
  let c = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) out[c++] = values[i * n + j];
  return out;
}

/** Vector index of off-diagonal cell (i, j). */
const cellIndex = (i: number, j: number, n: number) => i * (n - 1) + (j < i ? j : j - 1);

/** The rows where every column is observed, as a design (row-major) and a response. */
function design(cols: Float64Array[], y: Float64Array): { a: Float64Array; b: Float64Array; m: number; rows: Int32Array } {
  const N = y.length;
  const p = cols.length;
  const rows: number[] = [];
  for (let c = 0; c < N; c++) {
    if (Number.isNaN(y[c])) continue;
    let ok = true;
    for (let k = 0; k < p; k++) if (Number.isNaN(cols[k][c])) { ok = false; break; }
    if (ok) rows.push(c);
  }
  const m = rows.length;
  const a = new Float64Array(m * p);
  const b = new Float64Array(m);
  rows.forEach((c, r) => {
    for (let k = 0; k < p; k++) a[r * p + k] = cols[k][c];
    b[r] = y[c];
  });
  return { a, b, m, rows: Int32Array.from(rows) };
}

interface Fit {
  coef: Float64Array;
  se: Float64Array;
  stat: Float64Array;
  rank: number;
  m: number;
  extra: Partial<MrqapResult>;
}

function linearFit(cols: Float64Array[], y: Float64Array, statistic: "t" | "beta"): Fit {
  const p = cols.length;
  const { a, b, m } = design(cols, y);
  const f = qrLeastSquares(a, b, m, p);
  const rss = f.residuals.reduce((s, r) => s + r * r, 0);
  const df = m - f.rank;
  const resvar = rss / df;
  const se = new Float64Array(p).map((_v, k) => Math.sqrt(f.xtxInverse[k * p + k] * resvar));
  const stat = statistic === "beta" ? Float64Array.from(f.coef) : f.coef.map((c, k) => c / se[k]);
  // summary.netlm: mss from the fitted values, R² = mss / (mss + rss).
  const fitted = b.map((v, r) => v - f.residuals[r]);
  const hasIntercept = cols.some((c) => c.every((v) => v === 1 || Number.isNaN(v)));
  const mean = fitted.reduce((s, v) => s + v, 0) / m;
  const mss = hasIntercept ? fitted.reduce((s, v) => s + (v - mean) ** 2, 0) : fitted.reduce((s, v) => s + v * v, 0);
  const r2 = mss / (mss + rss);
  const dfInt = hasIntercept ? 1 : 0;
  return { coef: f.coef, se, stat, rank: f.rank, m, extra: { rSquared: r2, adjustedRSquared: 1 - (1 - r2) * ((m - dfInt) / df), residualStandardError: Math.sqrt(resvar) } };
}

const EPS = 2.220446049250313e-16;
const linkinv = (eta: number) => {
  const t = eta < -30 ? EPS : eta > 30 ? 1 / EPS : Math.exp(eta);
  return t / (1 + t);
};
const muEta = (eta: number) => {
  if (eta > 30 || eta < -30) return EPS;
  const e = Math.exp(eta);
  return e / ((1 + e) * (1 + e));
};
const devResid = (y: number, mu: number) => 2 * (y > 0 ? y * Math.log(y / mu) : 0) + 2 * (1 - y > 0 ? (1 - y) * Math.log((1 - y) / (1 - mu)) : 0);

/** Logistic regression by IRLS as R glm.fit(family = binomial(), intercept = FALSE). */
export function logisticIrls(a: Float64Array, b: Float64Array, m: number, p: number) {
  const mu = new Float64Array(m);
  const eta = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    const ms = (b[r] + 0.5) / 2;
    eta[r] = Math.log(ms / (1 - ms));
    mu[r] = linkinv(eta[r]);
  }
  let devold = 0;
  for (let r = 0; r < m; r++) devold += devResid(b[r], mu[r]);
  let coef: Float64Array = new Float64Array(p);
  let coefold: Float64Array | null = null;
  let inv: Float64Array = new Float64Array(p * p);
  let rank = p;
  let dev = devold;
  let converged = false;
  let iter = 0;
  const wa = new Float64Array(m * p);
  const wz = new Float64Array(m);
  for (iter = 1; iter <= 25; iter++) {
    for (let r = 0; r < m; r++) {
      const me = muEta(eta[r]);
      const z = eta[r] + (b[r] - mu[r]) / me;
      const w = Math.sqrt((me * me) / (mu[r] * (1 - mu[r])));
      for (let k = 0; k < p; k++) wa[r * p + k] = a[r * p + k] * w;
      wz[r] = z * w;
    }
    const f = qrLeastSquares(wa, wz, m, p, Math.min(1e-7, 1e-8 / 1000));
    let start = f.coef.map((c) => (Number.isNaN(c) ? 0 : c));
    inv = f.xtxInverse;
    rank = f.rank;
    const evaluate = (s: Float64Array) => {
      let d = 0;
      for (let r = 0; r < m; r++) {
        let e = 0;
        for (let k = 0; k < p; k++) e += a[r * p + k] * s[k];
        eta[r] = e;
        mu[r] = linkinv(e);
        d += devResid(b[r], mu[r]);
      }
      return d;
    };
    dev = evaluate(start);
    // Step halving when the deviance is not finite (glm.fit).
    for (let h = 0; !Number.isFinite(dev) && coefold && h < 25; h++) {
      start = start.map((s, k) => (s + coefold![k]) / 2);
      dev = evaluate(start);
    }
    coef = start;
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < 1e-8) {
      converged = true;
      break;
    }
    devold = dev;
    coefold = start;
  }
  const se = new Float64Array(p).map((_v, k) => Math.sqrt(inv[k * p + k]));
  return { coef, se, rank, deviance: dev, iterations: Math.min(iter, 25), converged };
}

function logisticFit(cols: Float64Array[], y: Float64Array, statistic: "t" | "beta"): Fit {
  const p = cols.length;
  const { a, b, m } = design(cols, y);
  const f = logisticIrls(a, b, m, p);
  const stat = statistic === "beta" ? Float64Array.from(f.coef) : f.coef.map((c, k) => c / f.se[k]);
  return {
    coef: f.coef,
    se: f.se,
    stat,
    rank: f.rank,
    m,
    extra: { deviance: f.deviance, nullDeviance: 2 * m * Math.LN2, aic: f.deviance + 2 * f.rank, bic: f.deviance + f.rank * Math.log(m), iterations: f.iterations, converged: f.converged },
  };
}

/**
 * Linear statistics of every column when one column (`pos`; `p` = the response) is replaced by permuted
 * copies of a matrix: the cross-products of the fixed columns are computed once and corrected for the
 * dyads the permuted copy misses, so each permutation costs one pass over the dyads.
 */
class SwapOneLinear {
  private readonly q: number;
  private readonly fixedIdx: number[];
  private readonly fixedVals: Float64Array;
  private readonly valid: Uint8Array;
  private readonly gFixed: Float64Array;
  private readonly nanCells: Int32Array;
  constructor(
    private readonly cols: Float64Array[],
    private readonly y: Float64Array,
    private readonly pos: number,
    private readonly source: Float64Array,
    private readonly n: number,
    private readonly statistic: "t" | "beta",
  ) {
    const p = cols.length;
    const all = [...cols, y];
    this.fixedIdx = [...Array(p + 1).keys()].filter((k) => k !== pos);
    this.q = this.fixedIdx.length;
    const N = y.length;
    this.fixedVals = new Float64Array(N * this.q);
    this.valid = new Uint8Array(N);
    const w = p + 1;
    this.gFixed = new Float64Array(w * w);
    for (let c = 0; c < N; c++) {
      let ok = 1;
      for (let s = 0; s < this.q; s++) {
        const v = all[this.fixedIdx[s]][c];
        if (Number.isNaN(v)) ok = 0;
        this.fixedVals[c * this.q + s] = v;
      }
      this.valid[c] = ok;
      if (!ok) continue;
      for (let s = 0; s < this.q; s++) {
        const vs = this.fixedVals[c * this.q + s];
        for (let t = s; t < this.q; t++) this.gFixed[this.fixedIdx[s] * w + this.fixedIdx[t]] += vs * this.fixedVals[c * this.q + t];
      }
    }
    const nan: number[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && Number.isNaN(source[i * n + j])) nan.push(i * n + j);
    this.nanCells = Int32Array.from(nan);
  }

  /** Statistics of every column with the replaced column = source permuted by o (null when singular). */
  stats(o: Int32Array): Float64Array | null {
    const { n, q, fixedIdx, fixedVals, valid, source } = this;
    const p = this.cols.length;
    const w = p + 1;
    const g = Float64Array.from(this.gFixed);
    if (this.nanCells.length > 0) {
      const oi = new Int32Array(n);
      for (let a = 0; a < n; a++) oi[o[a]] = a;
      for (const cell of this.nanCells) {
        const a = oi[Math.floor(cell / n)];
        const b = oi[cell % n];
        const c = cellIndex(a, b, n);
        if (!valid[c]) continue;
        for (let s = 0; s < q; s++) {
          const vs = fixedVals[c * q + s];
          for (let t = s; t < q; t++) g[fixedIdx[s] * w + fixedIdx[t]] -= vs * fixedVals[c * q + t];
        }
      }
    }
    const cross = new Float64Array(q);
    let vv = 0;
    let c = 0;
    for (let a = 0; a < n; a++) {
      const ra = o[a] * n;
      for (let b = 0; b < n; b++) {
        if (a === b) continue;
        if (valid[c]) {
          const v = source[ra + o[b]];
          if (v === v) {
            vv += v * v;
            const base = c * q;
            for (let s = 0; s < q; s++) cross[s] += v * fixedVals[base + s];
          }
        }
        c++;
      }
    }
    const pos = this.pos;
    g[pos * w + pos] = vv;
    for (let s = 0; s < q; s++) {
      const k = fixedIdx[s];
      if (k < pos) g[k * w + pos] = cross[s];
      else g[pos * w + k] = cross[s];
    }
    for (let i = 0; i < w; i++) for (let j = 0; j < i; j++) g[i * w + j] = g[j * w + i];
    // Dyads used: count from g of the intercept-free way — the number of valid rows is not needed for
    // beta; for t it is m, recovered below.
    const sol = normalEquations(g, p);
    if (!sol) return null;
    if (this.statistic === "beta") return sol.coef;
    const m = this.countRows(o);
    const resvar = sol.rss / (m - p);
    return sol.coef.map((b, k) => b / Math.sqrt(sol.invDiag[k] * resvar));
  }

  private baseRows = -1;
  private countRows(o: Int32Array): number {
    const { n, valid } = this;
    if (this.baseRows < 0) this.baseRows = valid.reduce((s: number, v) => s + v, 0);
    if (this.nanCells.length === 0) return this.baseRows;
    const oi = new Int32Array(n);
    for (let a = 0; a < n; a++) oi[o[a]] = a;
    let lost = 0;
    for (const cell of this.nanCells) if (valid[cellIndex(oi[Math.floor(cell / n)], oi[cell % n], n)]) lost++;
    return this.baseRows - lost;
  }
}

function permuteVector(source: Float64Array, n: number, o: Int32Array): Float64Array {
  const out = new Float64Array(n * (n - 1));
  let c = 0;
  for (let a = 0; a < n; a++) {
    const ra = o[a] * n;
    for (let b = 0; b < n; b++) if (a !== b) out[c++] = source[ra + o[b]];
  }
  return out;
}

/**
 * Regress `y` on the predictors `x` (all over the same actors) and test each coefficient (see the module
 * comment). Term names are the matrices' names, after `(intercept)`.
 */
export function mrqap(y: DyadicMatrix, x: DyadicMatrix[], options: MrqapOptions = {}): MrqapResult {
  const model = options.model ?? "linear";
  const nullHypothesis = options.nullHypothesis ?? "qapspp";
  const reps = options.reps ?? 1000;
  const seed = options.seed ?? 1;
  const statistic = options.statistic ?? "t";
  const intercept = options.intercept ?? true;
  const n = y.n;
  for (const m of x) if (m.n !== n || m.ids.some((id, i) => id !== y.ids[i])) throw new Error(`mrqap: ${m.name} is not over the same actors as ${y.name}`);
  const mats: Float64Array[] = [];
  const names: string[] = [];
  if (intercept) {
    mats.push(new Float64Array(n * n).fill(1));
    names.push("(intercept)");
  }
  for (const m of x) {
    mats.push(m.values);
    names.push(m.name);
  }
  const p = mats.length;
  if (p === 0) throw new Error("mrqap: no predictor and no intercept");
  const cols = mats.map((v) => vectorize(v, n));
  const yv = vectorize(y.values, n);
  if (model === "logistic") for (const v of yv) if (!Number.isNaN(v) && v !== 0 && v !== 1) throw new Error(`mrqap: a logistic model needs a 0/1 response; ${y.name} has the value ${v}`);
  const fitter = model === "linear" ? linearFit : logisticFit;
  const fit = fitter(cols, yv, statistic);
  const N = n * (n - 1);
  const missingBy: Record<string, number> = dict();
  const count = (v: Float64Array) => v.reduce((s, e) => s + (Number.isNaN(e) ? 1 : 0), 0);
  missingBy[y.name] = count(yv);
  x.forEach((m, k) => (missingBy[m.name] = count(cols[k + (intercept ? 1 : 0)])));

  let used: NullHypothesis = nullHypothesis;
  if ((used === "qap" || used === "qapspp") && p === 1) used = "qapy";
  const rng: Rng = seededRng(seed);
  const ge = new Float64Array(p);
  const le = new Float64Array(p);
  const ab = new Float64Array(p);
  // A permuted statistic within rounding (1e-9 relative) of the observed one counts as equal: the
  // permutation refits use the normal equations, the observed fit QR, and a permutation that leaves a
  // column unchanged (the intercept under qapx) must tie as it does in sna.
  const tally = (k: number, s: number) => {
    const o = fit.stat[k];
    const tol = 1e-9 * Math.abs(o) + 1e-12;
    if (s >= o - tol) ge[k]++;
    if (s <= o + tol) le[k]++;
    if (Math.abs(s) >= Math.abs(o) - tol) ab[k]++;
  };
  // Statistics of all columns, or of one, for a design with columns replaced.
  const refit = (c: Float64Array[], yy: Float64Array) => fitter(c, yy, statistic).stat;
  let pvals: { ge: number; le: number; ab: number }[];
  if (used === "classical") {
    const df = fit.m - fit.rank;
    pvals = [...fit.stat].map((t) => ({ le: studentTCdf(t, df), ge: studentTUpper(t, df), ab: 2 * studentTUpper(Math.abs(t), df) }));
  } else {
    if (used === "qapy") {
      const swap = model === "linear" ? new SwapOneLinear(cols, yv, p, y.values, n, statistic) : null;
      for (let r = 0; r < reps; r++) {
        const o = randomPermutation(n, rng);
        const s = swap ? swap.stats(o) : refit(cols, permuteVector(y.values, n, o));
        for (let k = 0; k < p; k++) tally(k, s ? s[k] : NaN);
      }
    } else if (used === "qapallx") {
      for (let r = 0; r < reps; r++) {
        const c = mats.map((v) => permuteVector(v, n, randomPermutation(n, rng)));
        const s = refit(c, yv);
        for (let k = 0; k < p; k++) tally(k, s[k]);
      }
    } else {
      for (let k = 0; k < p; k++) {
        let source = mats[k];
        if (used === "qap" || used === "qapspp") {
          // Residuals of predictor k on the others, over the dyads where every predictor is observed.
          const others = cols.filter((_c, j) => j !== k);
          const d = design(others, cols[k]);
          const f = qrLeastSquares(d.a, d.b, d.m, p - 1);
          const res = new Float64Array(n * n).fill(NaN);
          let r = 0;
          let c = 0;
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              if (i === j) continue;
              if (r < d.rows.length && d.rows[r] === c) res[i * n + j] = f.residuals[r++];
              c++;
            }
          }
          source = res;
        }
        const swap = model === "linear" ? new SwapOneLinear(cols, yv, k, source, n, statistic) : null;
        for (let r = 0; r < reps; r++) {
          const o = randomPermutation(n, rng);
          let s: Float64Array | null;
          if (swap) s = swap.stats(o);
          else {
            const c = cols.slice();
            c[k] = permuteVector(source, n, o);
            s = refit(c, yv);
          }
          tally(k, s ? s[k] : NaN);
        }
      }
    }
    // An aliased term (NaN statistic) has no test.
    pvals = [...Array(p).keys()].map((k) => (Number.isNaN(fit.stat[k]) ? { ge: NaN, le: NaN, ab: NaN } : { ge: ge[k] / reps, le: le[k] / reps, ab: ab[k] / reps }));
  }
  const terms: MrqapTerm[] = names.map((name, k) => ({
    name,
    coefficient: fit.coef[k],
    standardError: fit.se[k],
    statistic: fit.stat[k],
    ...(model === "logistic" ? { oddsRatio: Math.exp(fit.coef[k]) } : {}),
    pGreaterOrEqual: pvals[k].ge,
    pLessOrEqual: pvals[k].le,
    pAbsGreaterOrEqual: pvals[k].ab,
  }));
  return {
    model,
    nullHypothesis,
    nullHypothesisUsed: used,
    statistic,
    reps: used === "classical" ? 0 : reps,
    seed,
    response: y.name,
    terms,
    dyads: fit.m,
    missingDyads: N - fit.m,
    missingBy,
    rank: fit.rank,
    dfResidual: fit.m - fit.rank,
    ...fit.extra,
  };
}
