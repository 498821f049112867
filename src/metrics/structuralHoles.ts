/**
 * Burt's structural holes: effective size, efficiency, constraint and hierarchy of each actor's
 * network (Burt 1992, *Structural Holes*; Burt 2004, AJS 110:349–399; Borgatti 1997, Connections 20(1)).
 *
 * Direction is ignored in the way Burt and the peers define it: the neighbours N(i) of an actor are the
 * actors it gives knowledge to **or** receives knowledge from, each counted once (predecessors ∪
 * successors), and the investment in a pair is the *mutual* strength `m_ij = a_ij + a_ji`. Self-loops
 * are ignored, and so are pairs of total strength 0. Weights are tie strengths (sums of survey
 * strengths; `weighted: false` counts every tie as 1, so a mutual pair weighs 2 and a one-way pair 1,
 * as the peers do).
 *
 * - `p_ij = m_ij / Σ_{k∈N(i)} m_ik` (proportional investment of i in j).
 * - Constraint `C_i = Σ_{j∈N(i)} c_ij`, local constraint `c_ij = (p_ij + Σ_{q∈N(i)} p_iq p_qj)²`.
 * - Effective size `E_i = Σ_{j∈N(i)} (1 − Σ_{q∈N(i)} p_iq m̂_jq)`, `m̂_jq = m_jq / max_k m_jk` (j's
 *   strongest mutual tie). Unweighted symmetric graphs give Borgatti's `n − 2t/n`.
 * - Efficiency `E_i / |N(i)|` (effective size per alter; networkx's docstring divides by `G.degree`,
 *   which counts a mutual pair twice in a DiGraph — not done here).
 * - Hierarchy `H_i = Σ_j r_ij ln r_ij / (|N(i)| ln |N(i)|)`, `r_ij = c_ij / (C_i / |N(i)|)`, `0 ln 0 = 0`;
 *   0 when constraint is spread evenly; undefined (NaN) when |N(i)| = 1.
 * - Isolates (no neighbour, self-loops aside): every measure NaN.
 *
 * `p_qj` and `m̂_jq` are normalised over **all** the alter's ties (whole-network flavour), as networkx
 * and R igraph compute them. Constraint matches networkx `constraint(G, weight=…)` and igraph
 * `constraint(g, weights = …)` on loop-free graphs (igraph ignores loops too, but gives 0 instead of NaN
 * to an actor whose only tie is a self-loop). Effective size matches networkx
 * `effective_size(G, nodes=…, weight=…)` (the per-node path); networkx's SciPy path (`nodes=None`)
 * divides by the wrong maxima on weighted or directed graphs (networkx PR #8906, open), and its per-node
 * path takes an actor with only incoming ties for an isolate (issue #2661) — clusterflow does neither.
 * Hierarchy has no peer in networkx or igraph; it is tested against a direct evaluation of the formula.
 */
import { undirectedOf, contextOf, type Analysable } from "../model/context.js";
import { hasArc, type Digraph, type WeightRule } from "../model/views.js";

export interface StructuralHolesOptions {
  /** Use tie strengths (default true) or count every tie as 1. */
  weighted?: boolean;
  /** Weight rule for collapsing parallel ties (default `sum`). */
  weight?: WeightRule;
}

export interface ActorStructuralHoles {
  id: string;
  label: string;
  /** |N(i)|: actors tied to i in either direction. */
  alters: number;
  effectiveSize: number;
  efficiency: number;
  constraint: number;
  hierarchy: number;
}

export interface StructuralHolesResult {
  options: { weighted: boolean; weight: WeightRule };
  actors: ActorStructuralHoles[];
}

export interface StructuralHolesArrays {
  alters: Float64Array;
  effectiveSize: Float64Array;
  efficiency: Float64Array;
  constraint: Float64Array;
  hierarchy: Float64Array;
}

/** Burt's measures on a digraph (see the module comment). */
export function structuralHolesOnDigraph(g: Digraph, options: { weighted?: boolean } = {}): StructuralHolesArrays {
  const weighted = options.weighted ?? true;
  const n = g.n;
  let u = undirectedOf(g);
  if (!weighted) {
    // Every arc counts 1: m_ij = [i→j] + [j→i].
    const w = new Float64Array(u.w.length);
    for (let i = 0; i < n; i++) {
      for (let p = u.start[i]; p < u.start[i + 1]; p++) {
        const j = u.adj[p];
        w[p] = (hasArc(g, i, j) ? 1 : 0) + (hasArc(g, j, i) ? 1 : 0);
      }
    }
    u = { ...u, w };
  }
  const { start, adj, w } = u;
  // Row sums and row maxima of the mutual-strength matrix.
  const sum = new Float64Array(n);
  const max = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let p = start[i]; p < start[i + 1]; p++) {
      sum[i] += w[p];
      if (w[p] > max[i]) max[i] = w[p];
    }
  }
  const alters = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  const efficiency = new Float64Array(n);
  const constraint = new Float64Array(n);
  const hierarchy = new Float64Array(n);
  // Dense scratch rows: pi[k] = p_ik for k ∈ N(i); indirect[j] = Σ_q p_iq p_qj; red[j] = Σ_q p_iq m̂_jq.
  const pi = new Float64Array(n);
  const indirect = new Float64Array(n);
  const red = new Float64Array(n);
  const mark = new Int32Array(n); // mark[j] === i + 1 ⇔ j ∈ N(i)
  const local: number[] = [];
  for (let i = 0; i < n; i++) {
    const s0 = start[i];
    const s1 = start[i + 1];
    let k = 0; // alters with a positive mutual strength (a tie of strength 0 invests nothing)
    for (let p = s0; p < s1; p++) if (w[p] > 0) k++;
    alters[i] = k;
    if (k === 0 || sum[i] === 0) {
      effectiveSize[i] = efficiency[i] = constraint[i] = hierarchy[i] = NaN;
      continue;
    }
    for (let p = s0; p < s1; p++) {
      pi[adj[p]] = w[p] / sum[i];
      mark[adj[p]] = i + 1;
    }
    // For j ∈ N(i): indirect[j] = Σ_{q∈N(i)} p_iq p_qj = Σ_q p_iq m_qj / Σ_k m_qk, and
    // red[j] = Σ_{q∈N(i)} p_iq m_qj (m is symmetric; divided by max_k m_jk below).
    for (let p = s0; p < s1; p++) {
      const q = adj[p];
      const piq = pi[q];
      if (piq === 0 || sum[q] === 0) continue;
      const f = piq / sum[q];
      for (let r = start[q]; r < start[q + 1]; r++) {
        const j = adj[r];
        if (mark[j] !== i + 1) continue;
        indirect[j] += f * w[r];
        red[j] += piq * w[r];
      }
    }
    let c = 0;
    let e = 0;
    local.length = 0;
    for (let p = s0; p < s1; p++) {
      if (w[p] === 0) continue;
      const j = adj[p];
      const lc = (pi[j] + indirect[j]) ** 2;
      local.push(lc);
      c += lc;
      e += 1 - (max[j] > 0 ? red[j] / max[j] : 0);
    }
    constraint[i] = c;
    effectiveSize[i] = e;
    efficiency[i] = e / k;
    if (k === 1) hierarchy[i] = NaN;
    else {
      let h = 0;
      const mean = c / k;
      for (const lc of local) {
        const r = lc / mean;
        if (r > 0) h += r * Math.log(r);
      }
      hierarchy[i] = h / (k * Math.log(k));
    }
    // Clear the scratch rows.
    for (let p = s0; p < s1; p++) {
      const j = adj[p];
      pi[j] = 0;
      indirect[j] = 0;
      red[j] = 0;
    }
  }
  return { alters, effectiveSize, efficiency, constraint, hierarchy };
}

/** Burt's structural-hole measures of every actor of a cluster graph (see the module comment). */
export function structuralHoles(input: Analysable, options: StructuralHolesOptions = {}): StructuralHolesResult {
  const ctx = contextOf(input);
  const graph = ctx.network;
  const weighted = options.weighted ?? true;
  const weight = options.weight ?? "sum";
  const g = ctx.digraph(weight);
  const r = structuralHolesOnDigraph(g, { weighted });
  return {
    options: { weighted, weight },
    actors: g.ids.map((id, i) => ({
      id,
      label: graph.getNodeAttribute(id, "label") ?? id,
      alters: r.alters[i],
      effectiveSize: r.effectiveSize[i],
      efficiency: r.efficiency[i],
      constraint: r.constraint[i],
      hierarchy: r.hierarchy[i],
    })),
  };
}

/** Constraint only (R igraph `constraint`, networkx `constraint`), on a digraph. */
export function constraint(g: Digraph, options: { weighted?: boolean } = {}): Float64Array {
  return structuralHolesOnDigraph(g, options).constraint;
}

/** Effective size only (networkx `effective_size`), on a digraph. */
export function effectiveSize(g: Digraph, options: { weighted?: boolean } = {}): Float64Array {
  return structuralHolesOnDigraph(g, options).effectiveSize;
}
