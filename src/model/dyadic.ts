/**
 * Dyadic data: one value per ordered pair of actors (i, j), as a dense n × n matrix in row-major order
 * (`values[i·n + j]`), row = source, column = target — for a relation, the knowledge flow i → j.
 *
 * A missing dyad is `NaN` (NA in R sna): the nominator did not answer the question (a non-respondent), an
 * actor absent from a covariate file, an attribute left blank. The diagonal is never analysed.
 *
 * Built from a relation of a {@link ClusterGraph} ({@link relationMatrix}), from an actor attribute
 * ({@link attributeTerm}: same value, absolute difference, sender, receiver), or read from a file
 * (io/dyadic.ts). Every matrix of one analysis shares the actor order `ids`.
 */
import type { ClusterGraph } from "./types.js";
import { filterTies, indexDigraph, type WeightRule } from "./views.js";
import type { Rng } from "./random.js";
import { shuffle } from "./random.js";

export interface DyadicMatrix {
  /** What the matrix holds, e.g. `advice`, `same:ownership`, `geo_distance`. */
  name: string;
  /** Actor ids in row / column order. */
  ids: string[];
  n: number;
  /** Row-major n × n values; NaN = missing dyad. */
  values: Float64Array;
  /** Plain statements of how the values were built and which dyads are missing. */
  notes: string[];
}

/** Number of missing off-diagonal dyads. */
export function missingDyads(m: DyadicMatrix): number {
  let c = 0;
  for (let i = 0; i < m.n; i++) for (let j = 0; j < m.n; j++) if (i !== j && Number.isNaN(m.values[i * m.n + j])) c++;
  return c;
}

export interface RelationMatrixOptions {
  /** Weight rule for parallel ties of the pair (default `sum`); `binary` gives a 0/1 adjacency matrix. */
  weight?: WeightRule;
  /** Leave the dyads nominated by non-respondents missing (default true). */
  missingNonRespondents?: boolean;
  /** Actor order (default: graph order). */
  ids?: string[];
}

/**
 * The matrix of one relation (or of all relations pooled, `relation` undefined): cell (i, j) is the
 * collapsed weight of the ties i → j, 0 when none. The dyads a non-respondent would have reported are
 * missing: the non-respondents listed for the relation in the graph's `nonRespondents` (or marked
 * `respondent: false`) — their row when ties were read as flow (they nominated the targets), their column
 * when read as `asks` (they nominated the sources, stored reversed).
 */
export function relationMatrix(graph: ClusterGraph, relation: string | undefined, options: RelationMatrixOptions = {}): DyadicMatrix {
  const ids = options.ids ?? graph.nodes();
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i] as const));
  const view = relation === undefined ? graph : filterTies(graph, { relations: [relation] });
  const g = indexDigraph(view, { weight: options.weight ?? "sum" });
  const values = new Float64Array(n * n);
  for (let u = 0; u < g.n; u++) {
    const i = index.get(g.ids[u]);
    if (i === undefined) continue;
    for (let p = g.outStart[u]; p < g.outStart[u + 1]; p++) {
      const j = index.get(g.ids[g.outAdj[p]]);
      if (j !== undefined) values[i * n + j] = g.outW[p];
    }
  }
  for (let i = 0; i < n; i++) values[i * n + i] = NaN;
  const notes: string[] = [`${relation ?? "all relations pooled"}: ties collapsed by ${options.weight ?? "sum"}`];
  if (options.missingNonRespondents ?? true) {
    const listed = graph.getAttribute("nonRespondents") ?? {};
    const non = new Set<string>(relation === undefined ? Object.values(listed).flat() : (listed[relation] ?? []));
    for (const id of ids) if (graph.hasNode(id) && graph.getNodeAttribute(id, "respondent") === false) non.add(id);
    const asks = graph.getAttribute("direction") === "asks";
    const missing = ids.filter((id) => non.has(id));
    for (const id of missing) {
      const a = index.get(id)!;
      for (let b = 0; b < n; b++) values[asks ? b * n + a : a * n + b] = NaN;
    }
    if (missing.length > 0) notes.push(`${missing.length} non-respondent(s): their ${asks ? "columns (nominations read as asks)" : "rows (their nominations)"} are missing dyads`);
  }
  return { name: relation ?? "all", ids, n, values, notes };
}

/** The four dyadic terms made from an actor attribute. */
export const ATTRIBUTE_TERMS = ["same", "diff", "sender", "receiver"] as const;
export type AttributeTerm = (typeof ATTRIBUTE_TERMS)[number];

/**
 * A dyadic term from an actor attribute `a`:
 * - `same`: 1 when a_i = a_j, else 0 (homophily);
 * - `diff`: |a_i − a_j| (numeric attribute);
 * - `sender`: a_i, the source's value; `receiver`: a_j, the target's value (numeric).
 * A dyad is missing when either end's value is missing (blank, absent, or not a number for a numeric term).
 */
export function attributeTerm(graph: ClusterGraph, term: AttributeTerm, attribute: string, ids: string[] = graph.nodes()): DyadicMatrix {
  const n = ids.length;
  const raw = ids.map((id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, attribute) : undefined));
  const isBlank = (v: unknown) => v === undefined || v === null || v === "";
  const num = raw.map((v) => (isBlank(v) ? NaN : typeof v === "boolean" ? (v ? 1 : 0) : Number(v)));
  const values = new Float64Array(n * n);
  let blank = 0;
  let nonNumeric = 0;
  for (let i = 0; i < n; i++) {
    if (isBlank(raw[i])) blank++;
    else if (term !== "same" && Number.isNaN(num[i])) nonNumeric++;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let v: number;
      if (i === j) v = NaN;
      else if (term === "same") v = isBlank(raw[i]) || isBlank(raw[j]) ? NaN : String(raw[i]) === String(raw[j]) ? 1 : 0;
      else if (term === "diff") v = Math.abs(num[i] - num[j]);
      else if (term === "sender") v = num[i] + 0 * num[j];
      else v = num[j] + 0 * num[i];
      values[i * n + j] = v;
    }
  }
  const notes = [`${term}:${attribute}: ${term === "same" ? "1 when both actors have the same value, else 0" : term === "diff" ? "absolute difference of the values" : term === "sender" ? "value of the source actor" : "value of the target actor"}`];
  if (blank > 0) notes.push(`${blank} actor(s) without a value of ${attribute}: their dyads are missing`);
  if (nonNumeric > 0) notes.push(`${nonNumeric} actor(s) with a non-numeric ${attribute}: their dyads are missing`);
  return { name: `${term}:${attribute}`, ids, n, values, notes };
}

/** A random permutation of 0..n−1 (Fisher–Yates on the identity, seeded). */
export function randomPermutation(n: number, rng: Rng): Int32Array {
  const o = Array.from({ length: n }, (_v, i) => i);
  shuffle(o, rng);
  return Int32Array.from(o);
}

/**
 * Rows and columns permuted together (sna `rmperm`): `out[a][b] = m[o[a]][o[b]]`. Missing dyads move with
 * their actors.
 */
export function permuteMatrix(values: Float64Array, n: number, o: Int32Array, out = new Float64Array(n * n)): Float64Array {
  for (let a = 0; a < n; a++) {
    const ra = o[a] * n;
    const wa = a * n;
    for (let b = 0; b < n; b++) out[wa + b] = values[ra + o[b]];
  }
  return out;
}

export interface DyadicTermOptions {
  /** Covariates read from files, by name (io/dyadic.ts). */
  covariates?: Record<string, DyadicMatrix>;
  /** Weight rule for relations (default `sum`). */
  weight?: WeightRule;
  ids?: string[];
}

/**
 * The matrix a term names, formula-like: `same:attr`, `diff:attr`, `sender:attr`, `receiver:attr` (an actor
 * attribute), a covariate name, or a relation name — in that order of lookup. Throws with the names known
 * when it is none of them.
 */
export function dyadicTerm(graph: ClusterGraph, spec: string, options: DyadicTermOptions = {}): DyadicMatrix {
  const ids = options.ids ?? graph.nodes();
  const m = /^([a-z]+):(.+)$/.exec(spec);
  if (m && (ATTRIBUTE_TERMS as readonly string[]).includes(m[1])) {
    const attr = m[2];
    if (!ids.some((id) => graph.hasNode(id) && graph.getNodeAttribute(id, attr) !== undefined)) throw new UnknownTerm(`${spec}: no actor has an attribute "${attr}"`);
    return attributeTerm(graph, m[1] as AttributeTerm, attr, ids);
  }
  const cov = options.covariates?.[spec];
  if (cov) return cov;
  const relations = new Set<string>();
  graph.forEachEdge((_e, a) => relations.add(a.relation));
  if (relations.has(spec)) return relationMatrix(graph, spec, { weight: options.weight, ids });
  throw new UnknownTerm(
    `"${spec}" is not a relation (${[...relations].sort().join(", ") || "none"}), a dyadic covariate (${Object.keys(options.covariates ?? {}).join(", ") || "none given"}) or an attribute term (${ATTRIBUTE_TERMS.map((t) => `${t}:attr`).join(", ")})`,
  );
}

/** A term that names nothing in the data. */
export class UnknownTerm extends Error {
  override name = "UnknownTerm";
}
