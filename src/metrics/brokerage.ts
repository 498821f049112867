/**
 * Gould–Fernandez brokerage roles for any partition of the actors.
 *
 * Actor `b` brokers the ordered pair (a, c) when a → b → c, a, b, c distinct, and there is **no** tie
 * a → c (only the closing tie blocks; a tie c → a does not). Ties are knowledge flow source → target,
 * so a → b → c reads "a's knowledge reaches c through b". The role is decided by the groups of
 * a (source), b (broker) and c (recipient):
 *
 * | role           | groups of a, b, c           | sna column | UCINET name    |
 * |----------------|-----------------------------|------------|----------------|
 * | coordinator    | A, A, A                     | `w_I`      | Coordinator    |
 * | itinerant      | A, B, A (broker outside)    | `w_O`      | Consultant     |
 * | representative | A, A, B (own group → out)   | `b_IO`     | Representative |
 * | gatekeeper     | A, B, B (outside → own)     | `b_OI`     | Gatekeeper     |
 * | liaison        | A, B, C (all different)     | `b_O`      | Liaison        |
 * | total          | any                         | `t`        | Total          |
 *
 * With advice-seeking data ("i asks j") the knowledge flows j → i: import with `direction: "asks"`,
 * otherwise gatekeeper and representative counts are swapped.
 *
 * Matches R `sna::brokerage(g, cl)` (sna 2.7-1, `R/models.R` and `src/gli.c` `brokerage_R`) exactly:
 * - Tie strengths are ignored (any tie is a tie); parallel ties are collapsed into one arc first.
 * - Self-loops never form two-paths but **are** counted in the number of ties `m` that gives the density
 *   `d = m / (N(N − 1))` used for the expectations.
 * - A symmetric digraph (an undirected network given as mutual arcs) has every open triple counted twice
 *   (a → b → c and c → b → a), so its gatekeeper and representative counts are equal.
 * - Expected values and variances are sna's moments conditional on N, group sizes and density (ported
 *   verbatim from `sna::brokerage`, Gould & Fernandez 1989 as cited there); `z = (raw − expected) / sd`.
 *   Structural zeros (e.g. coordinator in a group of ≤ 2 actors, any between-group role when there is
 *   one group, liaison with fewer than three groups, density 0 or 1) give `sd = 0` and `z = NaN`
 *   (0/0), as in R; a positive count over `sd = 0` gives ±Infinity.
 * - Group-level results are listed in order of first appearance of each group among the actors, as sna.
 *
 * Option `partialCredit` (UCINET, Brokerage "partial credit"): when k actors broker the same ordered pair
 * (a, c), each gets 1/k instead of 1. sna has no such option and no moments for it: with partial credit
 * `expected`, `sd` and `z` are NaN.
 *
 * Reference: Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
 * brokerage in transaction networks. Sociological Methodology 19, 89–126.
 */
import { contextOf, type Analysable, type AnalysisContext } from "../model/context.js";
import type { ClusterGraph } from "../model/types.js";
import { partitionOf, type Digraph } from "../model/views.js";
import { AnalysisRefused } from "../model/errors.js";

/** The five Gould–Fernandez roles and their total, in sna's column order. */
export const BROKERAGE_ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];
/** sna's column names, same order as {@link BROKERAGE_ROLES}. */
export const SNA_BROKERAGE_COLUMNS = ["w_I", "w_O", "b_IO", "b_OI", "b_O", "t"] as const;

export type BrokerageRoles = Record<BrokerageRole, number>;

export interface BrokerageOptions {
  /** Actor attribute that defines the groups (default `"inCluster"`). */
  partition?: string;
  /** UCINET partial credit: 1/k when k actors broker the same ordered pair (default false = sna). */
  partialCredit?: boolean;
}

export interface BrokerageActor extends BrokerageRoles {
  id: string;
  /** The actor's label (its id when it has none). */
  label: string;
  /** The actor's group under the partition. */
  group: string;
  expected: BrokerageRoles;
  sd: BrokerageRoles;
  z: BrokerageRoles;
}

export interface BrokerageGroup {
  group: string;
  size: number;
  /** Expected counts for one broker of this group (sna `exp.grp`). */
  expected: BrokerageRoles;
  /** Standard deviations for one broker of this group (sna `sd.grp`). */
  sd: BrokerageRoles;
}

export interface BrokerageResult {
  options: { partition: string; partialCredit: boolean };
  /** Number of actors N. */
  n: number;
  /** Number of ties m used for the density: collapsed arcs plus self-loops (as sna). */
  ties: number;
  /** Self-loops among those ties. */
  loops: number;
  /** `d = m / (N(N − 1))`. */
  density: number;
  groups: BrokerageGroup[];
  actors: BrokerageActor[];
  /** Whole-network figures (sna `raw.gli`, `exp.gli`, `sd.gli`, `z.gli`). */
  network: { raw: BrokerageRoles; expected: BrokerageRoles; sd: BrokerageRoles; z: BrokerageRoles };
}

/** Plain-number arrays of the computation on a {@link Digraph}, one row of 6 per actor (sna column order). */
export interface BrokerageArrays {
  /** N × 6 raw counts, row-major. */
  raw: Float64Array;
  /** N × 6 expected counts. */
  expected: Float64Array;
  /** N × 6 standard deviations. */
  sd: Float64Array;
  /** Group ids (first-appearance order) and, per group, expected and variance rows. */
  groupLabels: string[];
  groupSizes: number[];
  groupExpected: number[][];
  groupVariance: number[][];
  /** Graph-level raw, expected, variance (length 6). */
  rawTotal: number[];
  expectedTotal: number[];
  varianceTotal: number[];
  m: number;
  density: number;
}

const roles = (values: ArrayLike<number>, offset = 0): BrokerageRoles => ({
  coordinator: values[offset],
  itinerant: values[offset + 1],
  representative: values[offset + 2],
  gatekeeper: values[offset + 3],
  liaison: values[offset + 4],
  total: values[offset + 5],
});

/** `z = (raw − expected) / sd` per role (0/0 = NaN, as R). */
const zScores = (raw: BrokerageRoles, expected: BrokerageRoles, sd: BrokerageRoles): BrokerageRoles =>
  roles(BROKERAGE_ROLES.map((r) => (raw[r] - expected[r]) / sd[r]));

/**
 * Raw brokerage counts per actor on a digraph, `groups[i]` an integer group code per actor. Returns N × 6
 * row-major counts (sna column order). Runs in O(Σ_b indeg(b)·outdeg(b)) using a marker array for the
 * closing-tie test.
 */
export function brokerageCounts(g: Digraph, groups: ArrayLike<number>, partialCredit = false): Float64Array {
  if (!partialCredit) return wholeCreditCounts(g, groups);
  const n = g.n;
  const out = new Float64Array(n * 6);
  const mark = new Int32Array(n).fill(-1); // mark[k] === i ⇔ arc i → k exists (or k === i)
  const brokers = partialCredit ? new Int32Array(n) : undefined; // brokers[k]: number of open two-paths i → · → k
  const { outStart, outAdj } = g;
  for (let i = 0; i < n; i++) {
    const si = outStart[i];
    const ei = outStart[i + 1];
    if (si === ei) continue;
    for (let p = si; p < ei; p++) mark[outAdj[p]] = i;
    mark[i] = i;
    const gi = groups[i];
    if (brokers) {
      for (let p = si; p < ei; p++) {
        const j = outAdj[p];
        for (let q = outStart[j]; q < outStart[j + 1]; q++) {
          const k = outAdj[q];
          if (mark[k] !== i) brokers[k]++;
        }
      }
    }
    for (let p = si; p < ei; p++) {
      const j = outAdj[p];
      const gj = groups[j];
      const row = j * 6;
      for (let q = outStart[j]; q < outStart[j + 1]; q++) {
        const k = outAdj[q];
        if (mark[k] === i) continue; // k === i, or the closing tie i → k exists
        const gk = groups[k];
        const credit = brokers ? 1 / brokers[k] : 1;
        let type: number;
        if (gi === gj) type = gj === gk ? 0 : 2; // coordinator : representative
        else if (gj === gk) type = 3; // gatekeeper
        else type = gi === gk ? 1 : 4; // itinerant : liaison
        out[row + type] += credit;
        out[row + 5] += credit;
      }
    }
    if (brokers) {
      for (let p = si; p < ei; p++) {
        const j = outAdj[p];
        for (let q = outStart[j]; q < outStart[j + 1]; q++) brokers[outAdj[q]] = 0;
      }
    }
  }
  return out;
}

/**
 * The role of a two-path a → b → c indexed by 4·[a, b same group] + 2·[b, c same group] + [a, c same
 * group], in sna's column order (−1: impossible combinations).
 */
const ROLE_OF_PATTERN = new Int32Array([4, 1, 3, -1, 2, -1, -1, 0]);

/**
 * {@link brokerageCounts} with whole credit: each open two-path is counted in the broker's row of 8
 * group patterns (no branch on the groups), the patterns turned into roles at the end.
 */
function wholeCreditCounts(g: Digraph, groups: ArrayLike<number>): Float64Array {
  const n = g.n;
  const byPattern = new Float64Array(n * 8);
  const mark = new Int32Array(n).fill(-1); // mark[k] === i ⇔ arc i → k exists (or k === i)
  const { outStart, outAdj } = g;
  for (let i = 0; i < n; i++) {
    const si = outStart[i];
    const ei = outStart[i + 1];
    if (si === ei) continue;
    for (let p = si; p < ei; p++) mark[outAdj[p]] = i;
    mark[i] = i;
    const gi = groups[i];
    for (let p = si; p < ei; p++) {
      const j = outAdj[p];
      const gj = groups[j];
      const row = j * 8 + (gi === gj ? 4 : 0);
      const end = outStart[j + 1];
      for (let q = outStart[j]; q < end; q++) {
        const k = outAdj[q];
        if (mark[k] === i) continue; // k === i, or the closing tie i → k exists
        const gk = groups[k];
        byPattern[row + (gj === gk ? 2 : 0) + (gi === gk ? 1 : 0)]++;
      }
    }
  }
  const out = new Float64Array(n * 6);
  for (let j = 0; j < n; j++) {
    let total = 0;
    for (let pattern = 0; pattern < 8; pattern++) {
      const c = byPattern[j * 8 + pattern];
      if (c === 0) continue;
      out[j * 6 + ROLE_OF_PATTERN[pattern]] += c;
      total += c;
    }
    out[j * 6 + 5] = total;
  }
  return out;
}

/** `choose(x, 2)` as R computes it for real x ≥ 0 (0 for x < 2). */
function choose2(x: number): number {
  return x < 2 ? 0 : (x * (x - 1)) / 2;
}

/**
 * Full computation on a digraph: raw counts, sna's expectations and variances. `labels[i]` is the group
 * label of actor i. Self-loops count in `m` (sna).
 */
export function brokerageOnDigraph(g: Digraph, labels: readonly string[], partialCredit = false): BrokerageArrays {
  const N = g.n;
  const clid: string[] = [];
  const code = new Map<string, number>();
  const icl = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    let c = code.get(labels[i]);
    if (c === undefined) {
      c = clid.length;
      code.set(labels[i], c);
      clid.push(labels[i]);
    }
    icl[i] = c;
  }
  const raw = brokerageCounts(g, icl, partialCredit);
  const m = g.arcs + g.loopCount;
  const d = m / (N * (N - 1));
  const n = clid.map(() => 0);
  for (let i = 0; i < N; i++) n[icl[i]]++;
  const G = n.length;
  const q = d ** 2 * (1 - d);
  const r = d ** 3 * (1 - d) ** 3;
  const ebr: number[][] = [];
  const vbr: number[][] = [];
  for (let i = 0; i < G; i++) {
    const ni = n[i];
    let sumOther1 = 0; // Σ_{j≠i} n_j (n_j − 1)
    let sumOther2 = 0; // Σ_{j≠i} n_j (n_j − 1)(n_j − 2)
    let sumOther = 0; // Σ_{j≠i} n_j
    let sumOtherSq = 0; // Σ_{j≠i} n_j²
    let liaisonVar = 0; // Σ_{j≠i} n_j choose(N − n_j − n_i, 2) d³(1−d)³
    for (let j = 0; j < G; j++) {
      if (j === i) continue;
      const nj = n[j];
      sumOther1 += nj * (nj - 1);
      sumOther2 += nj * (nj - 1) * (nj - 2);
      sumOther += nj;
      sumOtherSq += nj * nj;
      liaisonVar += nj * choose2(N - nj - ni) * d ** 3 * (1 - d) ** 3;
    }
    const e = new Array<number>(6);
    const v = new Array<number>(6);
    e[0] = q * (ni - 1) * (ni - 2);
    v[0] = e[0] * (1 - q) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * r;
    e[1] = q * sumOther1;
    v[1] = e[1] * (1 - q) + 2 * sumOther2 * r;
    e[2] = q * (N - ni) * (ni - 1);
    v[2] = e[2] * (1 - q) + 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * r;
    e[3] = e[2];
    v[3] = v[2];
    // sum(n[-i] %o% n[-i]) − sum(n[-i]^2) = (Σ n_j)² − Σ n_j²
    e[4] = q * (sumOther * sumOther - sumOtherSq);
    v[4] = e[4] * (1 - q) + 4 * liaisonVar;
    e[5] = q * (N - 1) * (N - 2);
    v[5] = e[5] * (1 - q) + 2 * (N - 1) * (N - 2) * (N - 3) * r;
    ebr.push(e);
    vbr.push(v);
  }
  const expected = new Float64Array(N * 6);
  const sd = new Float64Array(N * 6);
  for (let i = 0; i < N; i++) {
    for (let c = 0; c < 6; c++) {
      expected[i * 6 + c] = ebr[icl[i]][c];
      sd[i * 6 + c] = Math.sqrt(vbr[icl[i]][c]);
    }
  }
  // Graph level.
  const d3 = d ** 3 * (1 - d) ** 3;
  const d4 = d ** 4 * (1 - d) ** 2;
  const d5 = d ** 5 * (1 - d);
  const eg = new Array<number>(6).fill(0);
  const vg = new Array<number>(6).fill(0);
  let s0 = 0;
  let s0v = 0;
  let s2 = 0;
  let s2v = 0;
  let outerW = 0;
  let diagW = 0;
  let outerL = 0;
  let diagL = 0;
  for (let a = 0; a < G; a++) {
    const x = n[a];
    s0 += x * (x - 1) * (x - 2);
    s0v += x * (x - 1) * (x - 2) * ((4 * x - 10) * d3 - 4 * (x - 3) * d4 + (x - 3) * d5);
    s2 += x * (N - x) * (x - 1);
    s2v += x * (N - x) * (x - 1) * ((N - 3) * d3 + (x - 2) * d5);
    diagW += x * x * (x - 1) * ((4 * x - 6) * d3 + (N - x - 1) * d5);
    diagL += x * x * (N - 2 * x);
    for (let b = 0; b < G; b++) {
      const y = n[b];
      outerW += x * y * (x - 1) * ((2 * x + 2 * y - 6) * d3 + (N - x - 1) * d5);
      outerL += x * y * (N - x - y);
    }
  }
  eg[0] = q * s0;
  vg[0] = eg[0] * (1 - q) + s0v;
  eg[1] = q * s2;
  vg[1] = eg[1] * (1 - q) + (outerW - diagW);
  eg[2] = q * s2;
  vg[2] = eg[2] * (1 - q) + s2v;
  eg[3] = eg[2];
  vg[3] = vg[2];
  eg[4] = q * (outerL - diagL);
  vg[4] = eg[4] * (1 - q);
  for (let i = 0; i < G; i++)
    for (let j = 0; j < G; j++)
      for (let k = 0; k < G; k++)
        if (i !== j && j !== k && i !== k)
          vg[4] +=
            n[i] * n[j] * n[k] *
            ((4 * (N - n[j]) - 2 * (n[i] + n[k] + 1)) * d3 - (4 * (N - n[k]) - 2 * (n[i] + n[j] + 1)) * d4 + (N - (n[i] + n[k] + 1)) * d5);
  eg[5] = q * N * (N - 1) * (N - 2);
  vg[5] = eg[5] * (1 - q) + N * (N - 1) * (N - 2) * ((4 * N - 10) * d3 - 4 * (N - 3) * d4 + (N - 3) * d5);
  const rawTotal = new Array<number>(6).fill(0);
  for (let i = 0; i < N; i++) for (let c = 0; c < 6; c++) rawTotal[c] += raw[i * 6 + c];
  if (partialCredit) {
    expected.fill(NaN);
    sd.fill(NaN);
    for (const row of [...ebr, ...vbr]) row.fill(NaN);
    eg.fill(NaN);
    vg.fill(NaN);
  }
  return { raw, expected, sd, groupLabels: clid, groupSizes: n, groupExpected: ebr, groupVariance: vbr, rawTotal, expectedTotal: eg, varianceTotal: vg, m, density: d };
}

/** Attributes actors carry (for messages naming the available partitions). */
export function actorAttributes(graph: ClusterGraph): string[] {
  const seen = new Set<string>();
  graph.forEachNode((_id, a) => {
    for (const [k, v] of Object.entries(a)) if (v !== undefined && v !== null && v !== "" && k !== "x" && k !== "y" && k !== "label") seen.add(k);
  });
  return [...seen].sort();
}

/**
 * The group label of every actor for a partition attribute. Refuses (AnalysisRefused) when no actor
 * has a value for the attribute, naming the attributes that exist.
 */
export function partitionLabelsOrRefuse(graph: ClusterGraph, attribute: string, ids: string[] = graph.nodes()): string[] {
  const any = graph.actorRecords.some((a) => {
    const v = a[attribute];
    return v !== undefined && v !== null && v !== "";
  });
  if (!any) {
    throw new AnalysisRefused(`no actor has the partition attribute "${attribute}"; available actor attributes: ${actorAttributes(graph).join(", ") || "none"}`);
  }
  return partitionOf(graph, attribute, ids);
}

/**
 * Gould–Fernandez brokerage of every actor of a cluster graph over a partition (default `inCluster`);
 * see the module comment for the definition, the direction convention and the peer it matches.
 * Parallel ties are collapsed; tie strengths play no part.
 */
export function brokerage(input: Analysable, options: BrokerageOptions = {}): BrokerageResult {
  const ctx = contextOf(input);
  return ctx.memo(`brokerage:${JSON.stringify([options.partition ?? "inCluster", options.partialCredit ?? false])}`, () => brokerageIn(ctx, options));
}

function brokerageIn(ctx: AnalysisContext, options: BrokerageOptions): BrokerageResult {
  const graph = ctx.network;
  const partition = options.partition ?? "inCluster";
  const partialCredit = options.partialCredit ?? false;
  const g = ctx.digraph("binary");
  const labels = partitionLabelsOrRefuse(graph, partition, g.ids);
  const a = brokerageOnDigraph(g, labels, partialCredit);
  const records = graph.actorRecords;
  // Expected counts and standard deviations depend on the broker's group alone: the actors of one group
  // share one frozen record of each (sna repeats the group's row for every actor).
  const groupOf = new Map(a.groupLabels.map((label, k) => [label, k]));
  const expectedOf = a.groupLabels.map((_l, k) => Object.freeze(roles(a.groupExpected[k])));
  const sdOf = a.groupLabels.map((_l, k) => Object.freeze(roles(a.groupVariance[k].map(Math.sqrt))));
  const actors: BrokerageActor[] = new Array(g.n);
  for (let i = 0; i < g.n; i++) {
    const id = g.ids[i];
    const k = groupOf.get(labels[i])!;
    const expected = expectedOf[k];
    const sd = sdOf[k];
    const record = graph.ids[i] === id ? records[i] : graph.getNodeAttributes(id);
    const counts = roles(a.raw, i * 6);
    actors[i] = { id, label: record.label ?? id, group: labels[i], ...counts, expected, sd, z: zScores(counts, expected, sd) };
  }
  const rawT = roles(a.rawTotal);
  const expT = roles(a.expectedTotal);
  const sdT = roles(a.varianceTotal.map(Math.sqrt));
  const zT = zScores(rawT, expT, sdT);
  return {
    options: { partition, partialCredit },
    n: g.n,
    ties: a.m,
    loops: g.loopCount,
    density: a.density,
    groups: a.groupLabels.map((group, k) => ({ group, size: a.groupSizes[k], expected: expectedOf[k], sd: sdOf[k] })),
    actors,
    network: { raw: rawT, expected: expT, sd: sdT, z: zT },
  };
}
