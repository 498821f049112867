/**
 * Interventions simulated on a copy of the network — the literature's interventions, not single new ties:
 *
 * 1. **Diffusion programme, key players positive (KPP-Pos; Borgatti 2006, "Identifying sets of key
 *    players in a social network", CMOT 12:21–34).** The k inside actors from which knowledge reaches most
 *    other inside actors within `m` ties (m-reach), following the flow source → target on the ties among
 *    inside actors: `R(S) = |{v ∉ S : d(S, v) ≤ m}| / (n − k)`. Exact (every k-set) when the number of
 *    k-sets is at most `exactLimit`; otherwise Borgatti's best-swap improvement until no swap improves R,
 *    from a greedy start and 10 seeded random starts (2 above 200 actors; seed 1 unless given; the best wins). R keyplayer `kpset(type = "mreach.degree")` on the directed graph is the peer.
 * 2. **A broker or service centre** (Chile's PROFO broker, a technology service centre): a new inside actor
 *    tied both ways to k chosen firms (default: the KPP-Pos set) and, when the data name outside actors,
 *    receiving from the outside source that gives most. Reported (over the original inside actors, the
 *    broker itself not counted): the change in the share of inside actors
 *    reached from outside within two ties (metrics/diffusion.ts), in fragmentation F of the inside actors
 *    (metrics/fragmentation.ts, undirected) and in the inflow share of external openness
 *    (metrics/openness.ts).
 * 3. **A shock: outside sources lost** (Suame after the liberalised imports): the ties of all outside
 *    sources of one kind (diagnosis/outsideSources.ts) removed, and of each single source; reported: the
 *    inside actors no longer reached within two ties.
 *
 * Effects are shares of inside actors (0 … 1). An intervention whose effect on reach is below `minEffect`
 * (default 0.05, five percentage points) is reported with `proposed: false` and is not proposed.
 */
import { contextOf } from "../model/context.js";
import type { ClusterGraph } from "../model/types.js";
import { addActor, addTie } from "../model/graph.js";
import { type Digraph, type WeightRule } from "../model/views.js";
import { diffusionDepth } from "../metrics/diffusion.js";
import { fragmentation } from "../metrics/fragmentation.js";
import { externalOpenness } from "../metrics/openness.js";
import { sourceKindOf, type SourceKind } from "./outsideSources.js";
import { seededRng, shuffle } from "../model/random.js";

export interface InterventionOptions {
  /** Firms the programme or broker reaches (default 3). */
  k?: number;
  /** Steps of the m-reach (default 2). */
  m?: number;
  /** Smallest effect on reach worth proposing (share of inside actors, default 0.05). */
  minEffect?: number;
  /** Largest number of k-sets searched exhaustively (default 50 000). */
  exactLimit?: number;
  /** Firms the broker is tied to (default: the KPP-Pos set). */
  brokerFirms?: string[];
  weight?: WeightRule;
}

export interface KeyPlayersPositive {
  k: number;
  m: number;
  set: string[];
  /** R(S): share of the other inside actors reached within m ties. */
  reach: number;
  reached: number;
  /** exact: every k-set; greedy + swap: Borgatti's improvement; greedy: the greedy set alone (above SWAP_LIMIT actors). */
  method: "exact" | "greedy + swap" | "greedy";
  candidates: number;
}

/**
 * Number of actors outside `set` within m forward steps of it (multi-source BFS, capped at m). `dist` must
 * be −1 everywhere (it is left so: only the entries the search touched are reset, so one evaluation costs
 * the size of the set's m-neighbourhood, not n).
 */
export function mReach(g: Digraph, set: readonly number[], m: number, dist = new Int32Array(g.n).fill(-1), queue = new Int32Array(g.n)): number {
  let head = 0;
  let tail = 0;
  for (const s of set) {
    if (dist[s] === 0) continue;
    dist[s] = 0;
    queue[tail++] = s;
  }
  let reached = 0;
  while (head < tail) {
    const v = queue[head++];
    if (dist[v] >= m) continue;
    for (let q = g.outStart[v]; q < g.outStart[v + 1]; q++) {
      const t = g.outAdj[q];
      if (dist[t] < 0) {
        dist[t] = dist[v] + 1;
        reached++;
        queue[tail++] = t;
      }
    }
  }
  for (let i = 0; i < tail; i++) dist[queue[i]] = -1;
  return reached;
}

/** Above this many actors KPP-Pos keeps the greedy set (no swaps, no random starts): a swap round costs k·n evaluations. */
export const SWAP_LIMIT = 2000;

/** Above SWAP_LIMIT actors the greedy KPP-Pos search considers this many actors: those with most out-ties. */
export const GREEDY_CANDIDATES = 500;

/** Single-source shocks are simulated for at most this many outside sources: those tied to most inside actors. */
export const SINGLE_SHOCK_LIMIT = 50;

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** KPP-Pos by m-reach on a digraph; see the module comment. Ties between equal sets go to the lower indices. */
export function keyPlayersPositive(g: Digraph, options: { k?: number; m?: number; exactLimit?: number; seed?: number; restarts?: number } = {}): KeyPlayersPositive {
  const m = options.m ?? 2;
  const k = Math.min(options.k ?? 3, g.n);
  const exactLimit = options.exactLimit ?? 50_000;
  const dist = new Int32Array(g.n).fill(-1);
  const queue = new Int32Array(g.n);
  const score = (s: number[]) => mReach(g, s, m, dist, queue);
  let best: number[] = [];
  let bestScore = -1;
  let method: KeyPlayersPositive["method"];
  if (k === 0) {
    method = "exact";
    bestScore = 0;
  } else if (binomial(g.n, k) <= exactLimit) {
    method = "exact";
    const s = Array.from({ length: k }, (_, i) => i);
    for (;;) {
      const r = score(s);
      if (r > bestScore) {
        bestScore = r;
        best = [...s];
      }
      let i = k - 1;
      while (i >= 0 && s[i] === g.n - k + i) i--;
      if (i < 0) break;
      s[i]++;
      for (let j = i + 1; j < k; j++) s[j] = s[j - 1] + 1;
    }
  } else {
    method = "greedy + swap";
    // Borgatti's improvement: from a start set, take the best improving swap (one member out, one
    // non-member in) until none improves. Starts: the greedy set, then `restarts` seeded random sets.
    const improve = (start: number[]): [number[], number] => {
      const set = [...start];
      const inSet = new Uint8Array(g.n);
      for (const v of set) inSet[v] = 1;
      let cur = score(set);
      for (let improved = true; improved; ) {
        improved = false;
        let bestSwap: [number, number, number] | null = null;
        for (let i = 0; i < k; i++)
          for (let v = 0; v < g.n; v++) {
            if (inSet[v]) continue;
            const trial = [...set];
            trial[i] = v;
            const r = score(trial);
            if (r > cur && (!bestSwap || r > bestSwap[2])) bestSwap = [i, v, r];
          }
        if (bestSwap) {
          inSet[set[bestSwap[0]]] = 0;
          set[bestSwap[0]] = bestSwap[1];
          inSet[bestSwap[1]] = 1;
          cur = bestSwap[2];
          improved = true;
        }
      }
      return [set.sort((a, b) => a - b), cur];
    };
    const greedy: number[] = [];
    const taken = new Uint8Array(g.n);
    // Above SWAP_LIMIT actors the greedy search looks at the GREEDY_CANDIDATES actors with most out-ties
    // (the m-reach of a set grows from its members' out-ties); below, at every actor.
    let pool: number[] | undefined;
    if (g.n > SWAP_LIMIT && options.restarts === undefined) {
      const outDeg = (v: number) => g.outStart[v + 1] - g.outStart[v];
      pool = Array.from({ length: g.n }, (_, v) => v).sort((a, b) => outDeg(b) - outDeg(a) || a - b).slice(0, GREEDY_CANDIDATES).sort((a, b) => a - b);
    }
    for (let c = 0; c < k; c++) {
      let bv = -1;
      let bs = -1;
      for (let pv = 0; pv < (pool ? pool.length : g.n); pv++) {
        const v = pool ? pool[pv] : pv;
        if (taken[v]) continue;
        const r = score([...greedy, v]);
        if (r > bs) {
          bs = r;
          bv = v;
        }
      }
      greedy.push(bv);
      taken[bv] = 1;
    }
    if (g.n > SWAP_LIMIT && options.restarts === undefined) {
      // Each swap round evaluates k·n sets: above SWAP_LIMIT actors the greedy set is kept as it is.
      return { k, m, set: [...greedy].sort((a, b) => a - b).map((i) => g.ids[i]), reach: g.n - k > 0 ? score(greedy) / (g.n - k) : NaN, reached: score(greedy), method: "greedy", candidates: pool ? pool.length : g.n };
    }
    const rng = seededRng(options.seed ?? 1);
    const starts = [greedy, ...Array.from({ length: options.restarts ?? (g.n <= 200 ? 10 : 2) }, () => shuffle(Array.from({ length: g.n }, (_, i) => i), rng).slice(0, k))];
    let set: number[] = [];
    let cur = -1;
    for (const st of starts) {
      const [s2, r] = improve(st);
      if (r > cur || (r === cur && s2.join() < set.join())) {
        set = s2;
        cur = r;
      }
    }
    best = [...set].sort((a, b) => a - b);
    bestScore = cur;
  }
  const others = g.n - k;
  return { k, m, set: best.map((i) => g.ids[i]), reach: others > 0 ? bestScore / others : NaN, reached: bestScore, method, candidates: g.n };
}

export interface Effect {
  before: number;
  after: number;
  change: number;
}

export interface BrokerIntervention {
  firms: string[];
  /** The outside source the broker receives from (null when the data name none). */
  outsideSource: string | null;
  reachWithinTwo: Effect;
  fragmentation: Effect;
  inflowShare: Effect;
  proposed: boolean;
}

export interface ShockRow {
  /** `kind:<source kind>` or `source:<id>` or `all`. */
  lost: string;
  sources: string[];
  reachedBefore: number;
  reachedAfter: number;
  /** Share of inside actors no longer reached within two ties. */
  reachLost: number;
  proposedAsRisk: boolean;
}

export interface Interventions {
  options: { k: number; m: number; minEffect: number; exactLimit: number; weight: WeightRule };
  programme: KeyPlayersPositive;
  broker: BrokerIntervention | null;
  /** Empty (and `shockNote` says why) when the data name no outside actor. */
  shocks: ShockRow[];
  notes: string[];
}

function copyGraph(graph: ClusterGraph): ClusterGraph {
  return graph.copy();
}

/** Share of inside actors (the simulated broker left out) within two ties of an outside source. */
function reachWithinTwo(graph: ClusterGraph, weight: WeightRule, leaveOut?: string): number {
  const d = diffusionDepth(graph, { maxSteps: 2, by: [], weight });
  const actors = d.actors.filter((a) => a.id !== leaveOut);
  return actors.length ? actors.filter((a) => a.steps <= 2).length / actors.length : NaN;
}

/** The simulated interventions; see the module comment. */
export function simulateInterventions(graph: ClusterGraph, options: InterventionOptions = {}): Interventions {
  const k = options.k ?? 3;
  const m = options.m ?? 2;
  const minEffect = options.minEffect ?? 0.05;
  const exactLimit = options.exactLimit ?? 50_000;
  const weight = options.weight ?? "sum";
  const notes: string[] = [];
  const local = contextOf(graph).local().digraph(weight);
  const programme = keyPlayersPositive(local, { k, m, exactLimit });

  // Broker / service centre.
  let broker: BrokerIntervention | null = null;
  const firms = options.brokerFirms ?? programme.set;
  if (firms.length > 0) {
    const full = contextOf(graph).digraph(weight);
    let source: string | null = null;
    let bestOut = -1;
    for (let v = 0; v < full.n; v++) {
      if (graph.getNodeAttribute(full.ids[v], "inCluster") !== false) continue;
      let s = 0;
      for (let q = full.outStart[v]; q < full.outStart[v + 1]; q++) s += full.outW[q];
      if (s > bestOut) {
        bestOut = s;
        source = full.ids[v];
      }
    }
    const after = copyGraph(graph);
    let id = "simulated-broker";
    while (after.hasNode(id)) id += "_";
    addActor(after, id, { label: "Simulated broker / service centre", kind: "service-centre", inCluster: true, stage: "support" });
    for (const f of firms) {
      addTie(after, id, f, { relation: "programme", weight: 2 });
      addTie(after, f, id, { relation: "programme", weight: 2 });
    }
    if (source) addTie(after, source, id, { relation: "programme", weight: 2 });
    const eff = (b: number, a: number): Effect => ({ before: b, after: a, change: a - b });
    const frag = (gr: ClusterGraph) => fragmentation(contextOf(gr).local().digraph(weight), { onlyF: true }).fragmentation;
    const reach = eff(reachWithinTwo(graph, weight), reachWithinTwo(after, weight, id));
    broker = {
      firms: [...firms],
      outsideSource: source,
      reachWithinTwo: reach,
      fragmentation: eff(frag(graph), frag(after)),
      inflowShare: eff(externalOpenness(graph, { weight }).cluster.inflowShare, externalOpenness(after, { weight }).cluster.inflowShare),
      proposed: Number.isFinite(reach.change) && reach.change >= minEffect,
    };
    if (!source) notes.push("the data name no actor outside the cluster: the simulated broker links the chosen firms only, so reach from outside cannot change");
  }

  // Shocks.
  const shocks: ShockRow[] = [];
  const outside: string[] = [];
  graph.forEachNode((id, a) => {
    if (a.inCluster === false) outside.push(id);
  });
  if (outside.length === 0) notes.push("no shock simulated: the data name no actor outside the cluster");
  else {
    // On the indexed digraph once: a BFS from the remaining outside actors that never leaves a lost one
    // (its ties are gone), the same as re-running metrics/diffusion.ts on a copy without those ties.
    const full = contextOf(graph).digraph(weight);
    const inside = full.ids.map((id) => graph.getNodeAttribute(id, "inCluster") !== false);
    const n = inside.filter(Boolean).length;
    const dist = new Int32Array(full.n);
    const queue = new Int32Array(full.n);
    const reachedWithin2 = (lost: Set<number>): number => {
      dist.fill(-1);
      let head = 0;
      let tail = 0;
      for (let v = 0; v < full.n; v++)
        if (!inside[v] && !lost.has(v)) {
          dist[v] = 0;
          queue[tail++] = v;
        }
      let reached = 0;
      while (head < tail) {
        const v = queue[head++];
        if (dist[v] >= 2) continue;
        for (let q = full.outStart[v]; q < full.outStart[v + 1]; q++) {
          const t = full.outAdj[q];
          if (dist[t] >= 0 || lost.has(t)) continue;
          dist[t] = dist[v] + 1;
          if (inside[t]) reached++;
          queue[tail++] = t;
        }
      }
      return reached;
    };
    const before = reachedWithin2(new Set());
    const lose = (label: string, ids: string[]) => {
      const after = reachedWithin2(new Set(ids.map((id) => full.index.get(id)!)));
      const lost = n ? (before - after) / n : NaN;
      shocks.push({ lost: label, sources: ids, reachedBefore: before, reachedAfter: after, reachLost: lost, proposedAsRisk: lost >= minEffect });
    };
    const byKind = new Map<SourceKind, string[]>();
    for (const id of outside) {
      const sk = sourceKindOf(graph.getNodeAttributes(id));
      if (!byKind.has(sk)) byKind.set(sk, []);
      byKind.get(sk)!.push(id);
    }
    lose("all", outside);
    for (const [kind, ids] of byKind) if (byKind.size > 1) lose(`kind:${kind}`, ids);
    const single: ShockRow[] = [];
    const start = shocks.length;
    // One source at a time: the SINGLE_SHOCK_LIMIT sources giving to most inside actors (all when fewer).
    const insideRecipients = (id: string) => {
      const v = full.index.get(id)!;
      let c = 0;
      for (let q = full.outStart[v]; q < full.outStart[v + 1]; q++) if (inside[full.outAdj[q]]) c++;
      return c;
    };
    const candidates = outside.length <= SINGLE_SHOCK_LIMIT ? outside : outside.map((id, i) => ({ id, i, c: insideRecipients(id) })).sort((a, b) => b.c - a.c || a.i - b.i).slice(0, SINGLE_SHOCK_LIMIT).map((x) => x.id);
    if (candidates.length < outside.length) notes.push(`single-source shocks simulated for the ${candidates.length} of ${outside.length} outside sources that give to most inside actors`);
    for (const id of candidates) lose(`source:${id}`, [id]);
    single.push(...shocks.splice(start));
    single.sort((a, b) => b.reachLost - a.reachLost || (a.lost < b.lost ? -1 : 1));
    shocks.push(...single.slice(0, 5));
  }
  return { options: { k, m, minEffect, exactLimit, weight }, programme, broker, shocks, notes };
}
