/**
 * Attribute profiles and node-level tests: do the firms of one category (ownership, size class,
 * certification …) hold other positions in the knowledge network, and does an actor attribute go with a
 * network position (UCINET "node-level regression")?
 *
 * Network indicators per actor ({@link nodeIndicators}), ties = knowledge flow source → target, parallel
 * ties collapsed by `sum`: out- and in-degree (numbers of partners), external inflow (outside partners;
 * metrics/openness.ts), gatekeeper score (diagnosis/gatekeepers.ts), Gould–Fernandez gatekeeper + liaison
 * counts over `inCluster` (metrics/brokerage.ts), Burt's constraint (metrics/structuralHoles.ts; NaN for
 * isolates) and core membership 1/0 (metrics/corePeriphery.ts, undirected).
 *
 * {@link profileByAttribute}: the mean of each indicator per category of an actor attribute, and a label
 * permutation test: the statistic is the between-group sum of squares over the within-group sum of squares
 * scaled as the one-way ANOVA F, `F = (SS_between / (k − 1)) / (SS_within / (m − k))`; the category labels
 * are shuffled `reps` times among the actors that have a value (seeded) and `p` is the share of permuted F
 * ≥ the observed. With two categories the difference of means (first − second) is reported too.
 * Actors without a category value, or with an undefined indicator (constraint of an isolate), are left
 * out of that indicator and counted.
 *
 * {@link nodeRegression}: ordinary least squares of a numeric vector on others (with intercept) over the
 * actors observed in all; UCINET's permutation test permutes the dependent vector `reps` times (seeded),
 * and each coefficient's two-sided p is the share of permuted |b| ≥ the observed |b| (one-sided shares too).
 */
import { contextOf } from "../model/context.js";
import type { ClusterGraph } from "../model/types.js";
import { indexDigraph } from "../model/views.js";
import { seededRng, shuffle } from "../model/random.js";
import { AnalysisRefused } from "../model/errors.js";
import { opennessOnDigraph } from "../metrics/openness.js";
import { brokerage } from "../metrics/brokerage.js";
import { constraint } from "../metrics/structuralHoles.js";
import { corePeriphery } from "../metrics/corePeriphery.js";
import { qrLeastSquares } from "../metrics/linalg.js";
import { gatekeepers } from "./gatekeepers.js";
import { NODE_INDICATORS, type NodeIndicator } from "./indicators.js";

export { NODE_INDICATORS, type NodeIndicator } from "./indicators.js";

/** Every indicator per actor, in graph order. */
export function nodeIndicators(graph: ClusterGraph): { ids: string[]; values: Record<NodeIndicator, Float64Array> } {
  const g = contextOf(graph).digraph("sum");
  const inside = g.ids.map((id) => graph.getNodeAttribute(id, "inCluster") !== false);
  const o = opennessOnDigraph(g, inside);
  const n = g.n;
  const outDegree = new Float64Array(n).map((_v, i) => g.outStart[i + 1] - g.outStart[i]);
  const inDegree = new Float64Array(n).map((_v, i) => g.inStart[i + 1] - g.inStart[i]);
  const gk = gatekeepers(graph);
  const score = new Map(gk.ranking.map((r) => [r.id, r.score] as const));
  const br = brokerage(graph, { partition: "inCluster" });
  const core = new Set(n >= 2 ? corePeriphery(g, { mode: "undirected" }).core : []);
  const cons = constraint(g);
  return {
    ids: g.ids,
    values: {
      outDegree,
      inDegree,
      externalIn: Float64Array.from(o.extIn),
      gatekeeperScore: Float64Array.from(g.ids, (id) => score.get(id) ?? NaN),
      brokerage: Float64Array.from(br.actors, (a) => a.gatekeeper + a.liaison),
      constraint: Float64Array.from(cons),
      core: Float64Array.from(g.ids, (id) => (core.has(id) ? 1 : 0)),
    },
  };
}

export interface PermutationOptions {
  reps?: number;
  seed?: number;
}

/** One-way ANOVA F of values by group index (NaN with fewer than 2 groups or no within variance). */
export function groupF(values: ArrayLike<number>, groups: ArrayLike<number>, k: number): number {
  const m = values.length;
  const sum = new Float64Array(k);
  const cnt = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < m; i++) {
    sum[groups[i]] += values[i];
    cnt[groups[i]]++;
    total += values[i];
  }
  const mean = total / m;
  let between = 0;
  for (let c = 0; c < k; c++) if (cnt[c] > 0) between += cnt[c] * (sum[c] / cnt[c] - mean) ** 2;
  let within = 0;
  for (let i = 0; i < m; i++) within += (values[i] - sum[groups[i]] / cnt[groups[i]]) ** 2;
  const used = [...cnt].filter((c) => c > 0).length;
  if (used < 2 || m - used <= 0) return NaN;
  return between / (used - 1) / (within / (m - used));
}

export interface GroupComparison {
  groups: { value: string; actorCount: number; mean: number }[];
  /** Actors in the test (a category value and a defined indicator). */
  actorCount: number;
  /** Actors left out (no category value, or undefined indicator). */
  leftOut: number;
  f: number;
  /** Share of label permutations with F ≥ the observed. */
  p: number;
  /** With exactly two groups: mean of the first minus mean of the second (groups in sorted order). */
  difference?: number;
}

/** Compare a numeric vector across categories with a label-permutation F test (see the module comment). */
export function compareGroups(values: ArrayLike<number>, labels: ArrayLike<string | undefined>, options: PermutationOptions = {}): GroupComparison {
  const reps = options.reps ?? 1000;
  const rng = seededRng(options.seed ?? 1);
  const keep: number[] = [];
  for (let i = 0; i < values.length; i++) if (labels[i] !== undefined && labels[i] !== "" && Number.isFinite(values[i])) keep.push(i);
  const names = [...new Set(keep.map((i) => labels[i]!))].sort();
  const index = new Map(names.map((v, c) => [v, c] as const));
  const v = Float64Array.from(keep, (i) => values[i]);
  const grp = Int32Array.from(keep, (i) => index.get(labels[i]!)!);
  const k = names.length;
  const f = groupF(v, grp, k);
  let ge = 0;
  const perm = Array.from(grp);
  for (let r = 0; r < reps; r++) {
    shuffle(perm, rng);
    const fr = groupF(v, perm, k);
    if (fr >= f - 1e-9 * Math.abs(f)) ge++;
  }
  const groups = names.map((value, c) => {
    let s = 0;
    let m = 0;
    for (let i = 0; i < v.length; i++)
      if (grp[i] === c) {
        s += v[i];
        m++;
      }
    return { value, actorCount: m, mean: s / m };
  });
  return { groups, actorCount: v.length, leftOut: values.length - v.length, f, p: Number.isNaN(f) ? NaN : ge / reps, ...(k === 2 ? { difference: groups[0].mean - groups[1].mean } : {}) };
}

export interface AttributeProfile {
  attribute: string;
  reps: number;
  seed: number;
  indicators: ({ indicator: NodeIndicator } & GroupComparison)[];
  /** Actors without a value of the attribute. */
  withoutValue: string[];
}

/** Network indicators profiled by a categorical actor attribute, each with a permutation test. */
export function profileByAttribute(graph: ClusterGraph, attribute: string, options: PermutationOptions & { indicators?: NodeIndicator[] } = {}): AttributeProfile {
  const reps = options.reps ?? 1000;
  const seed = options.seed ?? 1;
  const { ids, values } = nodeIndicators(graph);
  const raw = ids.map((id) => graph.getNodeAttribute(id, attribute));
  if (raw.every((x) => x === undefined || x === null || x === "")) throw new AnalysisRefused(`no actor has a value of "${attribute}"`);
  const labels = raw.map((x) => (x === undefined || x === null || x === "" ? undefined : String(x)));
  const indicators = (options.indicators ?? [...NODE_INDICATORS]).map((indicator, k) => ({ indicator, ...compareGroups(values[indicator], labels, { reps, seed: seed + k }) }));
  return { attribute, reps, seed, indicators, withoutValue: ids.filter((_id, i) => labels[i] === undefined) };
}

export interface NodeRegressionTerm {
  name: string;
  coefficient: number;
  standardError: number;
  pGreaterOrEqual: number;
  pLessOrEqual: number;
  /** Two-sided: share of permuted |b| ≥ |b|. */
  pAbsGreaterOrEqual: number;
}

export interface NodeRegression {
  response: string;
  terms: NodeRegressionTerm[];
  actorCount: number;
  leftOut: number;
  rSquared: number;
  reps: number;
  seed: number;
}

/** OLS of `y` on the columns `x` with a permutation test of the dependent vector (see the module comment). */
export function nodeRegression(y: { name: string; values: ArrayLike<number> }, x: { name: string; values: ArrayLike<number> }[], options: PermutationOptions = {}): NodeRegression {
  const reps = options.reps ?? 1000;
  const seed = options.seed ?? 1;
  const rng = seededRng(seed);
  const N = y.values.length;
  const rows: number[] = [];
  for (let i = 0; i < N; i++) if (Number.isFinite(y.values[i]) && x.every((c) => Number.isFinite(c.values[i]))) rows.push(i);
  const m = rows.length;
  const p = x.length + 1;
  if (m <= p) throw new AnalysisRefused(`node-level regression: ${m} actors observed in every variable, for ${p} coefficients`);
  const a = new Float64Array(m * p);
  rows.forEach((i, r) => {
    a[r * p] = 1;
    x.forEach((c, k) => (a[r * p + k + 1] = c.values[i]));
  });
  const b = Float64Array.from(rows, (i) => y.values[i]);
  const fit = qrLeastSquares(a, b, m, p);
  const rss = fit.residuals.reduce((s, e) => s + e * e, 0);
  const mean = b.reduce((s, v) => s + v, 0) / m;
  const tss = b.reduce((s, v) => s + (v - mean) ** 2, 0);
  const resvar = rss / (m - fit.rank);
  const ge = new Float64Array(p);
  const le = new Float64Array(p);
  const ab = new Float64Array(p);
  const perm = Array.from(b);
  for (let r = 0; r < reps; r++) {
    shuffle(perm, rng);
    const c = qrLeastSquares(a, Float64Array.from(perm), m, p).coef;
    for (let k = 0; k < p; k++) {
      const o = fit.coef[k];
      const tol = 1e-9 * Math.abs(o) + 1e-12;
      if (c[k] >= o - tol) ge[k]++;
      if (c[k] <= o + tol) le[k]++;
      if (Math.abs(c[k]) >= Math.abs(o) - tol) ab[k]++;
    }
  }
  const names = ["(intercept)", ...x.map((c) => c.name)];
  return {
    response: y.name,
    // An aliased term (a constant or collinear indicator) has no coefficient and no test: NaN.
    terms: names.map((name, k) => {
      const q = (c: number) => (Number.isNaN(fit.coef[k]) ? NaN : c / reps);
      return { name, coefficient: fit.coef[k], standardError: Math.sqrt(fit.xtxInverse[k * p + k] * resvar), pGreaterOrEqual: q(ge[k]), pLessOrEqual: q(le[k]), pAbsGreaterOrEqual: q(ab[k]) };
    }),
    actorCount: m,
    leftOut: N - m,
    rSquared: 1 - rss / tss,
    reps,
    seed,
  };
}
