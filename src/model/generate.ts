/**
 * Synthetic clusters at any scale, from a few dozen actors to millions of ties: a degree-corrected planted
 * partition (stochastic block model) of local actors, external actors reached with a set openness, hubs,
 * heavy-tailed activity, several relations and survey waves. Seeded; the same specification and seed give
 * the same cluster.
 *
 * Model, per relation and wave:
 * - Local actors fall into `groups` planted groups. For each ordered pair of groups (a, b) the number of ties
 *   is drawn as Binomial(pairs_ab, p_ab), with p_ab = `within` if a = b else `between` and pairs_ab the ordered
 *   pairs of distinct actors; so the expected within- and between-group densities are exactly `within` and
 *   `between`.
 * - Which pairs carry those ties: sparse blocks draw sources and targets with probability proportional to each
 *   actor's activity θ (Pareto with exponent `tail`, hubs multiplied by `hubWeight`, normalised to mean 1 in
 *   each group), without repeating a pair (degree-corrected, Karrer & Newman 2011); dense blocks (more than
 *   half the pairs tied) are drawn pair by pair with probability p_ab, ignoring θ.
 * - External actors (inCluster false) carry a share `openness` of all ties: for L local ties drawn,
 *   round(L · openness / (1 − openness)) external ties are added; a share `inflow` of them flow from outside
 *   in, the rest from a local actor out. Local ends are drawn ∝ θ, external ends ∝ their own θ.
 * - Waves: wave 1 is drawn as above; in each later wave every tie of the previous wave is kept with
 *   probability `persistence`, and new ties are drawn until the wave has its own Binomial count. New ties
 *   are never drawn on a pair whose tie has just dissolved, so the share of ties kept (metrics/waves.ts
 *   persistence n11 / (n10 + n11)) estimates `persistence` without bias.
 *
 * Cost: O(actors + ties) time and memory — no loop over all pairs (sampling draws ties directly; the
 * Binomial counts come from geometric skipping). Ties are kept in typed arrays, so a million ties take about
 * 12 MB. Direction: each tie is a knowledge flow, source gives knowledge to target. Strengths: integers
 * 1–3 on the survey scale (within-group ties stronger, between-group ties weaker).
 */
import { seededRng, type Rng } from "./random.js";
import { addActor, addTie, createClusterGraph } from "./graph.js";
import type { ClusterGraph } from "./types.js";

export interface GenerateSpec {
  /** Local actors (inside the cluster). */
  actors: number;
  /** Planted groups among the local actors (sizes as equal as possible, or by `groupShares`). */
  groups: number;
  /** Relative group sizes (normalised); length must equal `groups`. */
  groupShares?: number[];
  /** Expected density of ties within a group, per relation and wave. */
  within: number;
  /** Expected density of ties between two groups, per relation and wave. */
  between: number;
  /**
   * Expected total number of ties (all relations, waves, local and external). When set, `within` and
   * `between` are scaled by one factor (their ratio kept) so that the expected total is this.
   */
  ties?: number;
  /** External actors (outside the cluster). */
  external: number;
  /** Share of all ties with one end outside the cluster, in [0, 1). */
  openness: number;
  /** Share of external ties that flow from outside into the cluster (the rest flow out). */
  inflow: number;
  /** Number of hub actors (their activity is multiplied by `hubWeight`). */
  hubs: number;
  hubWeight: number;
  /** Pareto exponent of actor activity (heavier tail when smaller, > 1); 0 = every actor equally active. */
  tail: number;
  /** Relation names; each relation is drawn with the same densities. */
  relations: string[];
  /** Number of survey waves (1 = no wave column). */
  waves: number;
  /** Probability that a tie of one wave is still there in the next. */
  persistence: number;
  /** Value-chain stages local actors are spread over. */
  stages: string[];
  seed: number;
  name: string;
}

export const GENERATE_DEFAULTS: GenerateSpec = {
  actors: 100,
  groups: 3,
  within: 0.15,
  between: 0.02,
  external: 10,
  openness: 0.1,
  inflow: 0.7,
  hubs: 2,
  hubWeight: 8,
  tail: 2.5,
  relations: ["technical-advice", "business"],
  waves: 1,
  persistence: 0.7,
  stages: ["inputs", "production", "marketing"],
  seed: 1,
  name: "synthetic cluster",
};

/** Why a specification cannot be generated; the CLI turns it into a usage error. */
export class GenerateSpecError extends Error {}

/** Actor kinds of local actors and their shares; stages follow from the kind. */
const LOCAL_KINDS: [string, number][] = [
  ["firm", 0.76],
  ["supplier", 0.12],
  ["lab", 0.05],
  ["association", 0.03],
  ["government", 0.02],
  ["buyer", 0.02],
];
const EXTERNAL_KINDS: [string, number, string][] = [
  ["buyer", 0.4, "market"],
  ["firm", 0.25, "headquarters"],
  ["lab", 0.2, "research"],
  ["government", 0.1, "support"],
  ["other", 0.05, "support"],
];

/** Strength mixes (probabilities of 1, 2, 3). */
const WITHIN_MIX = [0.2, 0.45, 0.35];
const BETWEEN_MIX = [0.6, 0.3, 0.1];
const EXTERNAL_MIX = [0.4, 0.4, 0.2];

/** A generated cluster: actors and ties in typed arrays. */
export interface GeneratedCluster {
  /** The specification actually used (defaults filled, densities after scaling to `ties`). */
  spec: GenerateSpec;
  /** Scale factor applied to the densities to reach `ties` (1 when `ties` was not given). */
  densityScale: number;
  /** Local actors are 0..local−1, external actors local..local+external−1. */
  local: number;
  actorCount: number;
  groupNames: string[];
  kindNames: string[];
  stageNames: string[];
  /** Per actor: group index (local) or −1 (external). */
  group: Int32Array;
  kind: Uint8Array;
  stage: Uint8Array;
  employees: Int32Array;
  hub: Uint8Array;
  /** Actor activity θ (mean 1 within each group). */
  activity: Float64Array;
  tieCount: number;
  source: Int32Array;
  target: Int32Array;
  relation: Uint8Array;
  /** Wave index 0..waves−1. */
  wave: Uint16Array;
  weight: Uint8Array;
}

/** Check and complete a specification; throws GenerateSpecError with what to change. */
export function resolveSpec(partial: Partial<GenerateSpec>): GenerateSpec {
  const s: GenerateSpec = { ...GENERATE_DEFAULTS, ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) };
  const int = (name: keyof GenerateSpec, min: number) => {
    const v = s[name] as number;
    if (!Number.isInteger(v) || v < min) throw new GenerateSpecError(`${name} must be an integer ≥ ${min} (got ${v})`);
  };
  const prob = (name: keyof GenerateSpec, closedTop = true) => {
    const v = s[name] as number;
    if (!Number.isFinite(v) || v < 0 || (closedTop ? v > 1 : v >= 1)) throw new GenerateSpecError(`${name} must be in [0, 1${closedTop ? "]" : ")"} (got ${v})`);
  };
  int("actors", 2);
  int("groups", 1);
  int("external", 0);
  int("hubs", 0);
  int("waves", 1);
  int("seed", 0);
  prob("within");
  prob("between");
  prob("openness", false);
  prob("inflow");
  prob("persistence");
  if (s.groups > s.actors) throw new GenerateSpecError(`groups (${s.groups}) cannot exceed actors (${s.actors})`);
  if (s.hubs > s.actors) throw new GenerateSpecError(`hubs (${s.hubs}) cannot exceed actors (${s.actors})`);
  if (!(s.hubWeight >= 1)) throw new GenerateSpecError(`hubWeight must be ≥ 1 (got ${s.hubWeight})`);
  if (!(s.tail === 0 || s.tail > 1)) throw new GenerateSpecError(`tail must be 0 (no heavy tail) or > 1 (got ${s.tail})`);
  if (s.relations.length < 1 || s.relations.length > 255) throw new GenerateSpecError("give between 1 and 255 relations");
  if (new Set(s.relations).size !== s.relations.length || s.relations.some((r) => r.trim() === "")) throw new GenerateSpecError("relation names must be distinct and non-empty");
  if (s.stages.length < 1 || s.stages.length > 200) throw new GenerateSpecError("give between 1 and 200 stages");
  if (s.openness > 0 && s.external === 0) throw new GenerateSpecError("openness > 0 needs external actors (--external)");
  if (s.groupShares !== undefined) {
    if (s.groupShares.length !== s.groups || s.groupShares.some((x) => !(x > 0))) throw new GenerateSpecError(`groupShares must be ${s.groups} positive numbers`);
  }
  if (s.ties !== undefined && (!Number.isInteger(s.ties) || s.ties < 0)) throw new GenerateSpecError(`ties must be an integer ≥ 0 (got ${s.ties})`);
  return s;
}

/** Number of successes in n Bernoulli(p) trials, by geometric skipping: O(n·min(p, 1−p)) draws. */
export function binomial(n: number, p: number, rng: Rng): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(n, 1 - p, rng);
  const logq = Math.log1p(-p);
  let k = 0;
  let i = -1;
  for (;;) {
    i += 1 + Math.floor(Math.log(1 - rng()) / logq);
    if (i >= n) return k;
    k++;
  }
}

/** Walker's alias table for drawing index i with probability w_i / Σw in O(1). */
class Alias {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;
  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i];
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i] * n) / total;
      (scaled[i] < 1 ? small : large).push(i);
    }
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large[large.length - 1];
      this.prob[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) {
        large.pop();
        small.push(l);
      }
    }
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1;
  }
  draw(rng: Rng): number {
    const u = rng() * this.prob.length;
    const i = Math.floor(u);
    return u - i < this.prob[i] ? i : this.alias[i];
  }
}

function drawMix(mix: number[], rng: Rng): number {
  const u = rng();
  return u < mix[0] ? 1 : u < mix[0] + mix[1] ? 2 : 3;
}

/** Growable typed arrays of ties. */
class TieBuffer {
  n = 0;
  source = new Int32Array(1024);
  target = new Int32Array(1024);
  relation = new Uint8Array(1024);
  wave = new Uint16Array(1024);
  weight = new Uint8Array(1024);
  push(s: number, t: number, r: number, w: number, weight: number): void {
    if (this.n === this.source.length) {
      const grow = <T extends Int32Array | Uint8Array | Uint16Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.source = grow(this.source);
      this.target = grow(this.target);
      this.relation = grow(this.relation);
      this.wave = grow(this.wave);
      this.weight = grow(this.weight);
    }
    this.source[this.n] = s;
    this.target[this.n] = t;
    this.relation[this.n] = r;
    this.wave[this.n] = w;
    this.weight[this.n] = weight;
    this.n++;
  }
}

/** One block of the model: ordered pairs from a set of sources to a set of targets. */
interface Block {
  /** Source actor indices and their alias table (∝ θ). */
  from: Int32Array;
  to: Int32Array;
  fromAlias: Alias;
  toAlias: Alias;
  /** Ordered pairs of distinct actors in the block. */
  pairs: number;
  /** Whether source and target sets are the same (then i ≠ j is required). */
  same: boolean;
  mix: number[];
}

/** Expected number of ties of one relation-wave given the densities (before the external share). */
function expectedLocal(sizes: number[], within: number, between: number): number {
  let total = 0;
  const n = sizes.reduce((a, b) => a + b, 0);
  for (const a of sizes) total += within * a * (a - 1) + between * a * (n - a);
  return total;
}

/**
 * Generate a cluster. Pure: the result depends only on the specification (seed included).
 * Throws GenerateSpecError for specifications that cannot be met.
 */
export function generateCluster(partial: Partial<GenerateSpec> = {}): GeneratedCluster {
  const spec = resolveSpec(partial);
  const rng = seededRng(spec.seed);
  const n = spec.actors;
  const x = spec.external;
  const N = n + x;

  // --- Group sizes ---------------------------------------------------------------------------------------
  const shares = spec.groupShares ?? Array.from({ length: spec.groups }, () => 1);
  const shareTotal = shares.reduce((a, b) => a + b, 0);
  const sizes = shares.map((s) => Math.floor((s / shareTotal) * n));
  for (let i = 0, left = n - sizes.reduce((a, b) => a + b, 0); left > 0; i = (i + 1) % sizes.length, left--) sizes[i]++;
  if (sizes.some((s) => s < 1)) throw new GenerateSpecError("every group needs at least one actor: fewer groups or more actors");

  // --- Scale the densities to the requested number of ties ------------------------------------------------
  let densityScale = 1;
  if (spec.ties !== undefined) {
    const perLayer = expectedLocal(sizes, spec.within, spec.between) / (1 - spec.openness);
    const layers = spec.relations.length * spec.waves;
    if (perLayer <= 0) throw new GenerateSpecError("within and between are both 0: no ties to scale");
    densityScale = spec.ties / (perLayer * layers);
    const within = spec.within * densityScale;
    const between = spec.between * densityScale;
    if (within > 1 || between > 1) {
      throw new GenerateSpecError(`${spec.ties} ties need densities within ${within.toFixed(3)} and between ${between.toFixed(3)}; densities cannot exceed 1: more actors or fewer ties`);
    }
    spec.within = within;
    spec.between = between;
  }
  if (x > 0 && spec.openness > 0) {
    const maxExternal = 2 * n * x;
    const perLayerExt = (expectedLocal(sizes, spec.within, spec.between) * spec.openness) / (1 - spec.openness);
    if (perLayerExt > 0.5 * maxExternal) throw new GenerateSpecError(`openness ${spec.openness} needs about ${Math.round(perLayerExt)} external ties per relation and wave, more than half of the ${maxExternal} possible: more external actors or lower openness`);
  }

  // --- Actors: groups, kinds, stages, activity, hubs, size ------------------------------------------------
  const groupNames = sizes.map((_s, i) => `g${i + 1}`);
  const kindNames = [...new Set([...LOCAL_KINDS.map((k) => k[0]), ...EXTERNAL_KINDS.map((k) => k[0])])];
  const stageNames = [...new Set([...spec.stages, "research", "support", "market", "headquarters"])];
  const group = new Int32Array(N).fill(-1);
  const kind = new Uint8Array(N);
  const stage = new Uint8Array(N);
  const employees = new Int32Array(N);
  const hub = new Uint8Array(N);
  const activity = new Float64Array(N);
  const kindIndex = (k: string) => kindNames.indexOf(k);
  const stageIndex = (st: string) => stageNames.indexOf(st);
  const lastStage = spec.stages.length - 1;
  for (let g = 0, i = 0; g < sizes.length; g++) for (let k = 0; k < sizes[g]; k++, i++) group[i] = g;
  const pareto = () => (spec.tail === 0 ? 1 : Math.pow(1 - rng(), -1 / spec.tail));
  for (let i = 0; i < n; i++) {
    let u = rng();
    let k = LOCAL_KINDS[LOCAL_KINDS.length - 1][0];
    for (const [name, share] of LOCAL_KINDS) {
      if (u < share) {
        k = name;
        break;
      }
      u -= share;
    }
    kind[i] = kindIndex(k);
    // Suppliers at the first stage, buyers at the last, firms at any stage after the first, others off the chain.
    const st =
      k === "supplier" ? spec.stages[0]
      : k === "buyer" ? spec.stages[lastStage]
      : k === "lab" ? "research"
      : k === "association" || k === "government" ? "support"
      : spec.stages[lastStage === 0 ? 0 : 1 + Math.floor(rng() * lastStage)];
    stage[i] = stageIndex(st);
    activity[i] = pareto();
  }
  // Hubs: spread over the groups (round robin), a random member of each in turn.
  if (spec.hubs > 0) {
    const members: number[][] = sizes.map(() => []);
    for (let i = 0; i < n; i++) members[group[i]].push(i);
    for (const m of members) {
      for (let k = m.length - 1; k > 0; k--) {
        const j = Math.floor(rng() * (k + 1));
        [m[k], m[j]] = [m[j], m[k]];
      }
    }
    for (let h = 0, round = 0; h < spec.hubs; round++) {
      for (let g = 0; g < members.length && h < spec.hubs; g++) {
        if (round < members[g].length) {
          hub[members[g][round]] = 1;
          activity[members[g][round]] *= spec.hubWeight;
          h++;
        }
      }
    }
  }
  // Normalise activity to mean 1 within each group (so densities hold), and among external actors.
  const sums = new Float64Array(sizes.length);
  for (let i = 0; i < n; i++) sums[group[i]] += activity[i];
  for (let i = 0; i < n; i++) activity[i] = (activity[i] * sizes[group[i]]) / sums[group[i]];
  for (let i = n; i < N; i++) {
    let u = rng();
    let chosen = EXTERNAL_KINDS[EXTERNAL_KINDS.length - 1];
    for (const e of EXTERNAL_KINDS) {
      if (u < e[1]) {
        chosen = e;
        break;
      }
      u -= e[1];
    }
    kind[i] = kindIndex(chosen[0]);
    stage[i] = stageIndex(chosen[2]);
    activity[i] = pareto();
  }
  if (x > 0) {
    let s = 0;
    for (let i = n; i < N; i++) s += activity[i];
    for (let i = n; i < N; i++) activity[i] = (activity[i] * x) / s;
  }
  for (let i = 0; i < N; i++) {
    // Employees: heavy-tailed, larger for more active actors; unknown (0 → empty) for external actors.
    employees[i] = i < n ? Math.max(1, Math.round(4 * Math.sqrt(activity[i]) * Math.pow(1 - rng(), -0.6))) : 0;
  }

  // --- Blocks ------------------------------------------------------------------------------------------------
  const memberArrays: Int32Array[] = sizes.map(() => new Int32Array(0));
  {
    const lists: number[][] = sizes.map(() => []);
    for (let i = 0; i < n; i++) lists[group[i]].push(i);
    lists.forEach((l, g) => (memberArrays[g] = Int32Array.from(l)));
  }
  const aliasOf = (ids: Int32Array) => new Alias(Array.from(ids, (i) => activity[i]));
  const groupAlias = memberArrays.map(aliasOf);
  const blocks: (Block & { density: number })[] = [];
  for (let a = 0; a < sizes.length; a++) {
    for (let b = 0; b < sizes.length; b++) {
      const same = a === b;
      blocks.push({
        from: memberArrays[a],
        to: memberArrays[b],
        fromAlias: groupAlias[a],
        toAlias: groupAlias[b],
        pairs: same ? sizes[a] * (sizes[a] - 1) : sizes[a] * sizes[b],
        same,
        mix: same ? WITHIN_MIX : BETWEEN_MIX,
        density: same ? spec.within : spec.between,
      });
    }
  }
  const locals = Int32Array.from({ length: n }, (_v, i) => i);
  const externals = Int32Array.from({ length: x }, (_v, i) => n + i);
  const localAlias = aliasOf(locals);
  const externalAlias = x > 0 ? aliasOf(externals) : undefined;

  // --- Ties --------------------------------------------------------------------------------------------------
  const out = new TieBuffer();
  const key = (s: number, t: number) => s * N + t;
  /** Previous wave's ties per relation and block (block index = blocks.length for the external block). */
  for (let r = 0; r < spec.relations.length; r++) {
    let previous: { s: number[]; t: number[]; w: number[] }[] | undefined;
    for (let wv = 0; wv < spec.waves; wv++) {
      const current: { s: number[]; t: number[]; w: number[] }[] = [];
      let localCount = 0;
      for (let bi = 0; bi <= blocks.length; bi++) {
        const isExternal = bi === blocks.length;
        const kept = { s: [] as number[], t: [] as number[], w: [] as number[] };
        const seen = new Set<number>();
        let dissolved = 0;
        if (previous) {
          const prev = previous[bi];
          for (let k = 0; k < prev.s.length; k++) {
            if (rng() < spec.persistence) {
              kept.s.push(prev.s[k]);
              kept.t.push(prev.t[k]);
              kept.w.push(prev.w[k]);
            } else dissolved++;
            seen.add(key(prev.s[k], prev.t[k]));
          }
        }
        let target: number;
        if (!isExternal) {
          const block = blocks[bi];
          target = binomial(block.pairs, block.density, rng);
          if (block.pairs > 0 && target > 0.5 * block.pairs) {
            // Dense block: pair by pair with probability p (survivors are kept, the rest drawn afresh).
            const fresh = Math.max(0, target - kept.s.length);
            const free = block.pairs - kept.s.length - dissolved;
            const p = free > 0 ? fresh / free : 0;
            for (let ia = 0; ia < block.from.length; ia++) {
              for (let ib = 0; ib < block.to.length; ib++) {
                const s = block.from[ia];
                const t = block.to[ib];
                if (s === t || seen.has(key(s, t))) continue;
                if (rng() < p) {
                  kept.s.push(s);
                  kept.t.push(t);
                  kept.w.push(drawMix(block.mix, rng));
                }
              }
            }
          } else {
            let tries = 0;
            const maxTries = 50 * target + 1000;
            while (kept.s.length < target) {
              let s: number;
              let t: number;
              if (tries++ < maxTries) {
                s = block.from[block.fromAlias.draw(rng)];
                t = block.to[block.toAlias.draw(rng)];
              } else {
                // Saturated hubs: fall back to uniform draws for the rest.
                s = block.from[Math.floor(rng() * block.from.length)];
                t = block.to[Math.floor(rng() * block.to.length)];
              }
              if (s === t) continue;
              const k = key(s, t);
              if (seen.has(k)) continue;
              seen.add(k);
              kept.s.push(s);
              kept.t.push(t);
              kept.w.push(drawMix(block.mix, rng));
            }
          }
          localCount += kept.s.length;
        } else {
          target = x > 0 && spec.openness > 0 ? Math.round((localCount * spec.openness) / (1 - spec.openness)) : 0;
          if (kept.s.length > target) {
            kept.s.length = target;
            kept.t.length = target;
            kept.w.length = target;
          }
          while (kept.s.length < target) {
            const inward = rng() < spec.inflow;
            const ext = externals[externalAlias!.draw(rng)];
            const loc = locals[localAlias.draw(rng)];
            const s = inward ? ext : loc;
            const t = inward ? loc : ext;
            const k = key(s, t);
            if (seen.has(k)) continue;
            seen.add(k);
            kept.s.push(s);
            kept.t.push(t);
            kept.w.push(drawMix(EXTERNAL_MIX, rng));
          }
        }
        for (let k = 0; k < kept.s.length; k++) out.push(kept.s[k], kept.t[k], r, wv, kept.w[k]);
        current.push(kept);
      }
      previous = current;
    }
  }

  return {
    spec,
    densityScale,
    local: n,
    actorCount: N,
    groupNames,
    kindNames,
    stageNames,
    group,
    kind,
    stage,
    employees,
    hub,
    activity,
    tieCount: out.n,
    source: out.source.subarray(0, out.n),
    target: out.target.subarray(0, out.n),
    relation: out.relation.subarray(0, out.n),
    wave: out.wave.subarray(0, out.n),
    weight: out.weight.subarray(0, out.n),
  };
}

/** Id of actor i: local actors a…, external actors x…, zero-padded so ids sort in order. */
export function generatedActorId(g: GeneratedCluster, i: number): string {
  const width = String(Math.max(g.local, g.actorCount - g.local)).length;
  return i < g.local ? `a${String(i + 1).padStart(width, "0")}` : `x${String(i - g.local + 1).padStart(width, "0")}`;
}

/** Wave label of wave index w (1-based, as a survey would number rounds). */
export function generatedWave(w: number): string {
  return String(w + 1);
}

/** A generated actor's attributes, as written to nodes.csv. */
export function generatedActor(g: GeneratedCluster, i: number): { id: string; label: string; kind: string; inCluster: boolean; stage: string; group: string; employees: number | undefined; hub: boolean } {
  const id = generatedActorId(g, i);
  const kind = g.kindNames[g.kind[i]];
  const inCluster = i < g.local;
  return {
    id,
    label: `${kind[0].toUpperCase()}${kind.slice(1)} ${id}`,
    kind,
    inCluster,
    stage: g.stageNames[g.stage[i]],
    group: inCluster ? g.groupNames[g.group[i]] : "outside",
    employees: inCluster ? g.employees[i] : undefined,
    hub: g.hub[i] === 1,
  };
}

/** Summary of a generated cluster: sizes and realised densities, for the manifest. */
export function generatedSummary(g: GeneratedCluster): Record<string, unknown> {
  const byRelation: Record<string, number> = {};
  const byWave: Record<string, number> = {};
  let external = 0;
  let within = 0;
  let between = 0;
  for (let k = 0; k < g.tieCount; k++) {
    const rel = g.spec.relations[g.relation[k]];
    byRelation[rel] = (byRelation[rel] ?? 0) + 1;
    const w = generatedWave(g.wave[k]);
    byWave[w] = (byWave[w] ?? 0) + 1;
    const s = g.source[k];
    const t = g.target[k];
    if (s >= g.local || t >= g.local) external++;
    else if (g.group[s] === g.group[t]) within++;
    else between++;
  }
  const sizes = g.groupNames.map((_n, gi) => {
    let c = 0;
    for (let i = 0; i < g.local; i++) if (g.group[i] === gi) c++;
    return c;
  });
  const layers = g.spec.relations.length * g.spec.waves;
  const withinPairs = sizes.reduce((a, s) => a + s * (s - 1), 0);
  const betweenPairs = g.local * g.local - sizes.reduce((a, s) => a + s * s, 0);
  return {
    actors: g.actorCount,
    local: g.local,
    external: g.actorCount - g.local,
    hubs: g.hub.reduce((a, b) => a + b, 0),
    groupSizes: Object.fromEntries(g.groupNames.map((nm, i) => [nm, sizes[i]])),
    ties: g.tieCount,
    byRelation,
    ...(g.spec.waves > 1 ? { byWave } : {}),
    realised: {
      withinDensity: withinPairs > 0 ? within / (withinPairs * layers) : null,
      betweenDensity: betweenPairs > 0 ? between / (betweenPairs * layers) : null,
      openness: g.tieCount > 0 ? external / g.tieCount : null,
    },
  };
}

/** The generated cluster as a {@link ClusterGraph} (for writers of other formats and for analysis in memory). */
export function generatedToGraph(g: GeneratedCluster): ClusterGraph {
  const graph = createClusterGraph({ name: g.spec.name, direction: "flow", seed: g.spec.seed });
  const ids: string[] = new Array(g.actorCount);
  for (let i = 0; i < g.actorCount; i++) {
    const a = generatedActor(g, i);
    ids[i] = a.id;
    addActor(graph, a.id, { label: a.label, kind: a.kind, inCluster: a.inCluster, stage: a.stage, group: a.group, employees: a.employees, hub: a.hub });
  }
  const multiWave = g.spec.waves > 1;
  for (let k = 0; k < g.tieCount; k++) {
    addTie(graph, ids[g.source[k]], ids[g.target[k]], { relation: g.spec.relations[g.relation[k]], weight: g.weight[k], wave: multiWave ? generatedWave(g.wave[k]) : undefined });
  }
  return graph;
}
