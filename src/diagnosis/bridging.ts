/**
 * Bridging opportunities: where a new relationship would help knowledge cross the cluster's gaps.
 *
 * - **Group pairs** with no or few ties between them: for every pair of groups {A, B}, the ties A → B and
 *   B → A and their pooled density `(t_AB + t_BA) / (2·n_A·n_B)`; status `none` (no tie), `few` (density
 *   below `fewRatio` × the pooled within-group density, or a single tie), else `ok`. Weakest first.
 * - **New ties**: candidate pairs are, for each of the `maxPairs` weakest group pairs, the `perGroup`
 *   best-connected actors of each side (undirected degree; ties → input order), plus the best-connected
 *   actors of the largest separate components; pairs already tied are skipped. Each candidate is scored by
 *   the drop in distance-weighted fragmentation DF (and in F) of the whole view if the tie were added,
 *   undirected (metrics/fragmentation.ts `newTieEffects`), and by the change in the closeness of the two
 *   groups, `mean over i ∈ A, j ∈ B of 1/d_ij` (1/∞ = 0). Best DF drop first.
 * Deterministic: no randomness. Distances count steps (tie strengths are not distances). Views larger
 * than `maxActors` skip the new-tie search (one n × n distance matrix is needed) and say so in `notes`.
 */
import { undirectedOf } from "../model/context.js";
import type { Digraph } from "../model/views.js";

import { weakComponents } from "../metrics/components.js";
import { distanceMatrix, newTieEffects } from "../metrics/fragmentation.js";
import type { Partition } from "../metrics/partition.js";

export interface BridgingOptions {
  /** How many of the weakest group pairs get candidate ties (default 5). */
  maxPairs?: number;
  /** Best-connected actors per group taken as candidates (default 3). */
  perGroup?: number;
  /** New ties reported (default 5). */
  top?: number;
  /** A pair of groups has "few" ties below this share of the within-group density (default 0.25). */
  fewRatio?: number;
  /** Largest view searched for new ties (default 1500 actors). */
  maxActors?: number;
}

export interface GroupPairGap {
  a: string;
  b: string;
  sizeA: number;
  sizeB: number;
  tiesAB: number;
  tiesBA: number;
  density: number;
  status: "none" | "few" | "ok";
}

export interface NewTieSuggestion {
  a: string;
  b: string;
  groupA: string;
  groupB: string;
  /** Why this pair was a candidate. */
  reason: "weak group pair" | "separate components";
  fragmentation: number;
  distanceWeighted: number;
  fragmentationDrop: number;
  distanceWeightedDrop: number;
  /** Closeness of the two groups (mean 1/d between their members) before and after the tie. */
  groupCloseness: { before: number; after: number };
}

export interface Bridging {
  options: Required<BridgingOptions>;
  /** Pooled within-group density the "few" status is measured against. */
  withinDensity: number;
  groupPairs: GroupPairGap[];
  newTies: NewTieSuggestion[];
  notes: string[];
}

/** Bridging opportunities for a partition of a digraph; see the module comment. */
export function bridgingOpportunities(g: Digraph, p: Partition, options: BridgingOptions = {}): Bridging {
  const opts: Required<BridgingOptions> = {
    maxPairs: options.maxPairs ?? 5,
    perGroup: options.perGroup ?? 3,
    top: options.top ?? 5,
    fewRatio: options.fewRatio ?? 0.25,
    maxActors: options.maxActors ?? 1500,
  };
  const k = p.groups.length;
  const ties = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < g.n; i++) for (let a = g.outStart[i]; a < g.outStart[i + 1]; a++) ties[p.codes[i]][p.codes[g.outAdj[a]]]++;
  let tw = 0;
  let pw = 0;
  for (let c = 0; c < k; c++) {
    tw += ties[c][c];
    pw += p.sizes[c] * (p.sizes[c] - 1);
  }
  const withinDensity = pw === 0 ? NaN : tw / pw;
  const pairs: (GroupPairGap & { ca: number; cb: number })[] = [];
  for (let a = 0; a < k; a++)
    for (let b = a + 1; b < k; b++) {
      const t = ties[a][b] + ties[b][a];
      const density = t / (2 * p.sizes[a] * p.sizes[b]);
      const status = t === 0 ? "none" : t === 1 || (withinDensity > 0 && density < opts.fewRatio * withinDensity) ? "few" : "ok";
      pairs.push({ a: p.groups[a], b: p.groups[b], sizeA: p.sizes[a], sizeB: p.sizes[b], tiesAB: ties[a][b], tiesBA: ties[b][a], density, status, ca: a, cb: b });
    }
  pairs.sort((x, y) => x.density - y.density || x.ca - y.ca || x.cb - y.cb);
  const notes: string[] = [];
  const newTies: NewTieSuggestion[] = [];
  if (g.n > opts.maxActors) {
    notes.push(`new ties not searched: ${g.n} actors is above the limit of ${opts.maxActors} for the distance matrix`);
  } else if (g.n >= 2) {
    const u = undirectedOf(g);
    const degree = (i: number) => u.start[i + 1] - u.start[i];
    const byDegree = Array.from({ length: g.n }, (_, i) => i).sort((x, y) => degree(y) - degree(x) || x - y);
    const topOf = (c: number) => byDegree.filter((i) => p.codes[i] === c).slice(0, opts.perGroup);
    const tied = (i: number, j: number) => {
      for (let q = u.start[i]; q < u.start[i + 1]; q++) if (u.adj[q] === j) return true;
      return false;
    };
    const seen = new Set<number>();
    const candidates: { pair: [number, number]; reason: NewTieSuggestion["reason"] }[] = [];
    const add = (i: number, j: number, reason: NewTieSuggestion["reason"]) => {
      const [x, y] = i < j ? [i, j] : [j, i];
      const key = x * g.n + y;
      if (x === y || seen.has(key) || tied(x, y)) return;
      seen.add(key);
      candidates.push({ pair: [x, y], reason });
    };
    for (const pr of pairs.slice(0, opts.maxPairs)) for (const i of topOf(pr.ca)) for (const j of topOf(pr.cb)) add(i, j, "weak group pair");
    const wc = weakComponents(g);
    const comps = wc.sizes
      .map((s, c) => ({ s, c }))
      .filter((x) => x.s > 1)
      .sort((a, b) => b.s - a.s || a.c - b.c)
      .slice(0, 4);
    const head = comps.map((x) => byDegree.find((i) => wc.membership[i] === x.c)!);
    for (let x = 0; x < head.length; x++) for (let y = x + 1; y < head.length; y++) add(head[x], head[y], "separate components");
    const d = distanceMatrix(g, "undirected");
    const effects = newTieEffects(
      g,
      candidates.map((c) => c.pair),
      d,
    );
    const n = g.n;
    const members = (c: number) => byDegree.filter((i) => p.codes[i] === c);
    const closeness = (A: number[], B: number[], a: number, b: number, added: boolean) => {
      let s = 0;
      for (const i of A)
        for (const j of B) {
          let x = d[i * n + j];
          if (added) {
            const via1 = d[i * n + a] >= 0 && d[b * n + j] >= 0 ? d[i * n + a] + 1 + d[b * n + j] : -1;
            const via2 = d[i * n + b] >= 0 && d[a * n + j] >= 0 ? d[i * n + b] + 1 + d[a * n + j] : -1;
            for (const v of [via1, via2]) if (v >= 0 && (x < 0 || v < x)) x = v;
          }
          if (x > 0) s += 1 / x;
        }
      return A.length * B.length === 0 ? NaN : s / (A.length * B.length);
    };
    const scored = candidates.map((c, idx) => {
      const [a, b] = c.pair;
      const A = members(p.codes[a]);
      const B = members(p.codes[b]);
      const e = effects[idx];
      return {
        idx,
        s: {
          a: e.a,
          b: e.b,
          groupA: p.groups[p.codes[a]],
          groupB: p.groups[p.codes[b]],
          reason: c.reason,
          fragmentation: e.fragmentation,
          distanceWeighted: e.distanceWeighted,
          fragmentationDrop: e.fragmentationDrop,
          distanceWeightedDrop: e.distanceWeightedDrop,
          groupCloseness: { before: closeness(A, B, a, b, false), after: closeness(A, B, a, b, true) },
        } satisfies NewTieSuggestion,
      };
    });
    scored.sort((x, y) => y.s.distanceWeightedDrop - x.s.distanceWeightedDrop || y.s.fragmentationDrop - x.s.fragmentationDrop || x.idx - y.idx);
    newTies.push(...scored.slice(0, opts.top).map((x) => x.s));
    if (candidates.length === 0) notes.push("no candidate pair: the best-connected actors of the weakest group pairs are already tied");
  }
  return { options: opts, withinDensity, groupPairs: pairs.map(({ ca: _a, cb: _b, ...rest }) => rest), newTies, notes };
}
