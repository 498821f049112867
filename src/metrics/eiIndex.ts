/**
 * Krackhardt & Stern's E-I index: how much of the knowledge flow crosses group boundaries.
 *
 *   EI = (EL − IL) / (EL + IL)
 *
 * EL = ties between groups, IL = ties within groups; −1 = all flow stays inside groups, +1 = all of it
 * crosses. Reference: Krackhardt, D. & Stern, R. N. (1988) Informal networks and organizational crises,
 * *Social Psychology Quarterly* 51(2):123–140; UCINET *Network > Cohesion > E-I Index* (hs4360).
 * No peer in networkx / igraph / graphology; R netseg `ei()` gives the whole-network value.
 *
 * Conventions (ties = knowledge flow source → target, computed on the collapsed {@link Digraph}):
 * - **Whole network**: each arc counted once (a reciprocated pair is two arcs). Self-loops are left out.
 * - **Group** g, `groupConvention`:
 *   `"boundary"` (default) — IL = arcs with both ends in g (once), EL = arcs with exactly one end in g
 *   (leaving or entering g);
 *   `"members"` — the sum of the members' actor-level EL and IL under `actorMode`, so with `"both"` an
 *   internal arc counts twice (once for each end). The two differ (docs/methods.md §3 and §11).
 * - **Actor** i, `actorMode`: `"both"` (default) out- and in-arcs, `"out"` only the knowledge i gives,
 *   `"in"` only the knowledge i receives. An actor without such arcs has 0/0: NaN (undefined).
 * - **Weights**: binary by default, as UCINET ("edge values are ignored"); `weighted: true` sums tie
 *   strengths (strengths, not distances).
 *
 * Permutation test (UCINET's E-I permutation test, reading it as random re-assignment of the group labels
 * to actors with the graph and group sizes fixed): `reps` uniform label permutations drawn with a seeded
 * generator (model/random.ts, `seed` echoed). For the whole network and each group it reports the mean of
 * the permuted values and one-sided p-values `pLower = (1 + #{EI* ≤ EI}) / (reps + 1)` and
 * `pHigher = (1 + #{EI* ≥ EI}) / (reps + 1)` (the Monte-Carlo convention that never gives 0; a tolerance
 * of 1e-12 counts ties), and the two-sided `min(1, 2·min(pLower, pHigher))`. For the whole network the
 * exact expectation under label permutation is also given:
 * `E[EI] = 1 − 2·p_int`, `p_int = Σ_g n_g(n_g − 1) / (N(N − 1))` (derived in docs/methods.md §3).
 */
import { progress, progressShown } from "../model/progress.js";
import type { Digraph } from "../model/views.js";
import { seededRng } from "../model/random.js";
import { encodePartition, type Partition } from "./partition.js";

export type EiActorMode = "both" | "out" | "in";
export type EiGroupConvention = "boundary" | "members";

export interface EiOptions {
  /** Sum tie strengths instead of counting arcs. Default false. */
  weighted?: boolean;
  /** Which arcs count for an actor: out + in (default), out only, in only. */
  actorMode?: EiActorMode;
  /** How a group's EL and IL are counted; see the module comment. Default "boundary". */
  groupConvention?: EiGroupConvention;
  /** Label permutations for the test; 0 skips the test. Default 2000. */
  reps?: number;
  /** Seed of the permutations. Default 1. */
  seed?: number;
}

export interface EiCount {
  /** EL: ties (or strength) between groups. */
  external: number;
  /** IL: ties (or strength) within groups. */
  internal: number;
  /** (EL − IL) / (EL + IL); NaN when both are 0. */
  ei: number;
}

export interface EiTest {
  /** Mean E-I over the permutations. */
  mean: number;
  /** Exact expectation under label permutation (whole network only; NaN for groups). */
  expected: number;
  /** Share of permutations at or below the observed value (+1 smoothing). Small: more closed than chance. */
  pLower: number;
  /** Share of permutations at or above the observed value (+1 smoothing). Small: more open than chance. */
  pHigher: number;
  pTwoSided: number;
}

export interface EiGroup extends EiCount {
  group: string;
  size: number;
  test?: EiTest;
}

export interface EiActor extends EiCount {
  id: string;
  group: string;
}

export interface EiResult {
  options: Required<EiOptions>;
  groups: string[];
  network: EiCount & { test?: EiTest };
  groupLevel: EiGroup[];
  actors: EiActor[];
}

/** Up to this many groups, unweighted sums count arcs in a k × k table (see groupSums). */
const PAIR_GROUPS = 64;

const ratio = (e: number, i: number) => (e + i === 0 ? NaN : (e - i) / (e + i));
const TOL = 1e-12;

/** Per-group sums for one labelling: internal arcs, arcs leaving and arcs entering each group. */
function groupSums(g: Digraph, codes: Int32Array, k: number, weighted: boolean, internal: Float64Array, extOut: Float64Array, extIn: Float64Array, pairs?: Int32Array): void {
  internal.fill(0, 0, k);
  extOut.fill(0, 0, k);
  extIn.fill(0, 0, k);
  if (!weighted && k <= PAIR_GROUPS) {
    // Arcs counted per (source group, target group) without a branch, then summed: the same integers,
    // several times faster in the permutation loop.
    const pair = pairs ?? new Int32Array(k * k);
    pair.fill(0, 0, k * k);
    const { outStart, outAdj } = g;
    for (let i = 0; i < g.n; i++) {
      const row = codes[i] * k;
      const end = outStart[i + 1];
      for (let a = outStart[i]; a < end; a++) pair[row + codes[outAdj[a]]]++;
    }
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) {
        const v = pair[a * k + b];
        if (a === b) internal[a] += v;
        else {
          extOut[a] += v;
          extIn[b] += v;
        }
      }
    return;
  }
  for (let i = 0; i < g.n; i++) {
    const ci = codes[i];
    for (let a = g.outStart[i]; a < g.outStart[i + 1]; a++) {
      const cj = codes[g.outAdj[a]];
      const w = weighted ? g.outW[a] : 1;
      if (ci === cj) internal[ci] += w;
      else {
        extOut[ci] += w;
        extIn[cj] += w;
      }
    }
  }
}

function groupCount(c: number, convention: EiGroupConvention, mode: EiActorMode, internal: Float64Array, extOut: Float64Array, extIn: Float64Array): EiCount {
  let e: number;
  let i: number;
  if (convention === "boundary") {
    e = extOut[c] + extIn[c];
    i = internal[c];
  } else if (mode === "both") {
    e = extOut[c] + extIn[c];
    i = 2 * internal[c];
  } else {
    e = mode === "out" ? extOut[c] : extIn[c];
    i = internal[c];
  }
  return { external: e, internal: i, ei: ratio(e, i) };
}

/**
 * E-I index of the whole network, of each group and of each actor for a partition (group labels in
 * Digraph index order, or an encoded {@link Partition}), with a seeded label-permutation test.
 */
export function eiIndex(g: Digraph, partition: readonly string[] | Partition, options: EiOptions = {}): EiResult {
  const opts: Required<EiOptions> = {
    weighted: options.weighted ?? false,
    actorMode: options.actorMode ?? "both",
    groupConvention: options.groupConvention ?? "boundary",
    reps: options.reps ?? 2000,
    seed: options.seed ?? 1,
  };
  const p = "codes" in partition ? partition : encodePartition(partition);
  if (p.codes.length !== g.n) throw new Error(`eiIndex: the partition has ${p.codes.length} labels for ${g.n} actors`);
  const k = p.groups.length;
  const internal = new Float64Array(k);
  const extOut = new Float64Array(k);
  const extIn = new Float64Array(k);
  groupSums(g, p.codes, k, opts.weighted, internal, extOut, extIn);
  let I = 0;
  let E = 0;
  for (let c = 0; c < k; c++) {
    I += internal[c];
    E += extOut[c];
  }
  const network: EiCount & { test?: EiTest } = { external: E, internal: I, ei: ratio(E, I) };
  const groupLevel: EiGroup[] = p.groups.map((group, c) => ({ group, size: p.sizes[c], ...groupCount(c, opts.groupConvention, opts.actorMode, internal, extOut, extIn) }));

  const actors: EiActor[] = [];
  for (let i = 0; i < g.n; i++) {
    let e = 0;
    let n = 0;
    const ci = p.codes[i];
    if (opts.actorMode !== "in") {
      for (let a = g.outStart[i]; a < g.outStart[i + 1]; a++) {
        const w = opts.weighted ? g.outW[a] : 1;
        if (p.codes[g.outAdj[a]] === ci) n += w;
        else e += w;
      }
    }
    if (opts.actorMode !== "out") {
      for (let a = g.inStart[i]; a < g.inStart[i + 1]; a++) {
        const w = opts.weighted ? g.inW[a] : 1;
        if (p.codes[g.inAdj[a]] === ci) n += w;
        else e += w;
      }
    }
    actors.push({ id: g.ids[i], group: p.groups[ci], external: e, internal: n, ei: ratio(e, n) });
  }

  if (opts.reps > 0) {
    const rng = seededRng(opts.seed);
    const codes = Int32Array.from(p.codes);
    const pi = new Float64Array(k);
    const po = new Float64Array(k);
    const pn = new Float64Array(k);
    const pairs = new Int32Array(k <= PAIR_GROUPS ? k * k : 0);
    let sumNet = 0;
    let lowNet = 0;
    let highNet = 0;
    const sumG = new Float64Array(k);
    const cntG = new Float64Array(k);
    const lowG = new Float64Array(k);
    const highG = new Float64Array(k);
    const obsG = Float64Array.from(groupLevel, (x) => x.ei);
    const boundary = opts.groupConvention === "boundary";
    const mode = opts.actorMode;
    const shown = progressShown() && opts.reps * (g.n + g.arcs) > 5e7;
    for (let r = 0; r < opts.reps; r++) {
      if (shown && (r & 7) === 0) progress(`E-I permutation test (${opts.reps} permutations)`, r, opts.reps);
      // Fisher–Yates, as model/random.ts shuffle, on the typed array.
      for (let i = codes.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        const t = codes[i];
        codes[i] = codes[j];
        codes[j] = t;
      }
      groupSums(g, codes, k, opts.weighted, pi, po, pn, pairs);
      let ii = 0;
      let ee = 0;
      for (let c = 0; c < k; c++) {
        ii += pi[c];
        ee += po[c];
      }
      const v = ratio(ee, ii);
      if (!Number.isNaN(v)) {
        sumNet += v;
        if (v <= network.ei + TOL) lowNet++;
        if (v >= network.ei - TOL) highNet++;
      }
      for (let c = 0; c < k; c++) {
        let e: number;
        let i: number;
        if (boundary) {
          e = po[c] + pn[c];
          i = pi[c];
        } else if (mode === "both") {
          e = po[c] + pn[c];
          i = 2 * pi[c];
        } else {
          e = mode === "out" ? po[c] : pn[c];
          i = pi[c];
        }
        if (e + i === 0) continue;
        const gv = (e - i) / (e + i);
        sumG[c] += gv;
        cntG[c]++;
        if (gv <= obsG[c] + TOL) lowG[c]++;
        if (gv >= obsG[c] - TOL) highG[c]++;
      }
    }
    if (shown) progress(`E-I permutation test (${opts.reps} permutations)`, opts.reps, opts.reps);
    const N = g.n;
    let pairsIn = 0;
    for (const s of p.sizes) pairsIn += s * (s - 1);
    const pInt = N < 2 ? NaN : pairsIn / (N * (N - 1));
    const mk = (mean: number, expected: number, low: number, high: number, reps: number, obs: number): EiTest => {
      if (Number.isNaN(obs) || reps === 0) return { mean, expected, pLower: NaN, pHigher: NaN, pTwoSided: NaN };
      const pLower = (1 + low) / (reps + 1);
      const pHigher = (1 + high) / (reps + 1);
      return { mean, expected, pLower, pHigher, pTwoSided: Math.min(1, 2 * Math.min(pLower, pHigher)) };
    };
    const validNet = Number.isNaN(network.ei) ? 0 : opts.reps;
    network.test = mk(validNet ? sumNet / opts.reps : NaN, Number.isNaN(network.ei) ? NaN : 1 - 2 * pInt, lowNet, highNet, validNet, network.ei);
    groupLevel.forEach((gr, c) => {
      gr.test = mk(cntG[c] ? sumG[c] / cntG[c] : NaN, NaN, lowG[c], highG[c], cntG[c], gr.ei);
    });
  }
  return { options: opts, groups: p.groups, network, groupLevel, actors };
}
