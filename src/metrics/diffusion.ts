/**
 * Depth of diffusion: how far each inside actor is from the nearest source of outside knowledge, and how
 * much of the cluster outside knowledge can reach within k steps — the Thai question, "does outside
 * knowledge reach the lower tiers?", asked actor by actor.
 *
 * Sources: every actor outside the cluster (`inCluster === false`); options.sources overrides. Ties are
 * knowledge flow source → target, so distances follow the ties forward (a multi-source breadth-first
 * search from all sources at once; an actor's distance is the fewest ties from any source to it):
 *
 * - `steps(v) = min_s d(s, v)`, unweighted; `Infinity` when no source reaches v (never reached).
 * - `strongest(v) = min_s d_w(s, v)`: the same on strengths, each tie's length `1 / strength` (the
 *   strongest path is the shortest on inverse strengths — Brandes 2001, Opsahl et al. 2010); parallel ties
 *   are collapsed first (`weight`, default `sum`). networkx `multi_source_dijkstra_path_length` with
 *   weight `1/w` and `multi_source_dijkstra`/BFS for steps; tests/oracles/diffusion.py.
 * - `reachWithin[k]`: share of inside actors at `steps ≤ k` (k = 1 … maxSteps), pooled and per value of
 *   each attribute in `by` (default kind, stage, group, and any attribute the caller names).
 *
 * Paths may pass through other outside actors (they are sources themselves, at distance 0).
 */
import { contextOf } from "../model/context.js";
import type { ClusterGraph } from "../model/types.js";
import { indexDigraph, type Digraph, type WeightRule } from "../model/views.js";

export interface DiffusionOptions {
  /** Actors that bring outside knowledge (default: every actor outside the cluster). */
  sources?: string[];
  /** Largest k of the reach table (default 4). */
  maxSteps?: number;
  /** Attributes to break the reach down by (default `kind`, `stage`, `group` when present). */
  by?: string[];
  weight?: WeightRule;
}

export interface ActorDepth {
  id: string;
  /** Fewest ties from the nearest source (Infinity: never reached). */
  steps: number;
  /** Length of the strongest path (Σ 1/strength; Infinity: never reached). */
  strongest: number;
  /** The source at the end of a fewest-steps path (the first in graph order among the nearest). */
  nearestSource: string | null;
}

export interface ReachRow {
  attribute: string;
  value: string;
  actorCount: number;
  /** reached[k − 1]: actors at steps ≤ k. */
  reached: number[];
  share: number[];
  neverReached: number;
  /** Median steps among the reached (NaN when none). */
  medianSteps: number;
}

export interface Diffusion {
  options: { sources: string[]; maxSteps: number; by: string[]; weight: WeightRule };
  /** Inside actors, in graph order. */
  actors: ActorDepth[];
  /** All inside actors pooled (attribute `all`). */
  pooled: ReachRow;
  /** Per attribute value, attributes in `by` order, values sorted. */
  breakdown: ReachRow[];
  /** Inside actors no source reaches. */
  neverReached: string[];
  /** Largest finite distance (0 when nothing is reached). */
  depth: number;
}

/** Multi-source BFS (steps) on a digraph from the `sources` indices. */
export function multiSourceSteps(g: Digraph, sources: number[]): { steps: Float64Array; origin: Int32Array } {
  const steps = new Float64Array(g.n).fill(Infinity);
  const origin = new Int32Array(g.n).fill(-1);
  const queue = new Int32Array(g.n);
  let head = 0;
  let tail = 0;
  for (const s of [...sources].sort((a, b) => a - b)) {
    if (steps[s] === 0) continue;
    steps[s] = 0;
    origin[s] = s;
    queue[tail++] = s;
  }
  while (head < tail) {
    const v = queue[head++];
    for (let q = g.outStart[v]; q < g.outStart[v + 1]; q++) {
      const t = g.outAdj[q];
      if (steps[t] === Infinity) {
        steps[t] = steps[v] + 1;
        origin[t] = origin[v];
        queue[tail++] = t;
      }
    }
  }
  return { steps, origin };
}

/** Multi-source Dijkstra on tie lengths 1 / strength (ties of strength ≤ 0 are not passable). */
export function multiSourceStrongest(g: Digraph, sources: number[]): Float64Array {
  const dist = new Float64Array(g.n).fill(Infinity);
  // Binary heap of (distance, node).
  const heapD: number[] = [];
  const heapV: number[] = [];
  const push = (d: number, v: number) => {
    heapD.push(d);
    heapV.push(v);
    let i = heapD.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heapD[p] <= heapD[i]) break;
      [heapD[p], heapD[i]] = [heapD[i], heapD[p]];
      [heapV[p], heapV[i]] = [heapV[i], heapV[p]];
      i = p;
    }
  };
  const pop = (): [number, number] => {
    const d = heapD[0];
    const v = heapV[0];
    const ld = heapD.pop()!;
    const lv = heapV.pop()!;
    if (heapD.length) {
      heapD[0] = ld;
      heapV[0] = lv;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heapD.length && heapD[l] < heapD[m]) m = l;
        if (r < heapD.length && heapD[r] < heapD[m]) m = r;
        if (m === i) break;
        [heapD[m], heapD[i]] = [heapD[i], heapD[m]];
        [heapV[m], heapV[i]] = [heapV[i], heapV[m]];
        i = m;
      }
    }
    return [d, v];
  };
  for (const s of sources) {
    dist[s] = 0;
    push(0, s);
  }
  while (heapD.length) {
    const [d, v] = pop();
    if (d > dist[v]) continue;
    for (let q = g.outStart[v]; q < g.outStart[v + 1]; q++) {
      const w = g.outW[q];
      if (!(w > 0)) continue;
      const nd = d + 1 / w;
      const t = g.outAdj[q];
      if (nd < dist[t] - 1e-15) {
        dist[t] = nd;
        push(nd, t);
      }
    }
  }
  return dist;
}

function median(values: number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

function reachRow(attribute: string, value: string, steps: number[], maxSteps: number): ReachRow {
  const reached = Array.from({ length: maxSteps }, (_, k) => steps.filter((s) => s <= k + 1).length);
  const finite = steps.filter((s) => Number.isFinite(s));
  return {
    attribute,
    value,
    actorCount: steps.length,
    reached,
    share: reached.map((r) => (steps.length ? r / steps.length : NaN)),
    neverReached: steps.length - finite.length,
    medianSteps: median(finite),
  };
}

/** Depth of diffusion of outside knowledge; see the module comment. */
export function diffusionDepth(graph: ClusterGraph, options: DiffusionOptions = {}): Diffusion {
  const weight = options.weight ?? "sum";
  const maxSteps = options.maxSteps ?? 4;
  const g = contextOf(graph).digraph(weight);
  const inside = g.ids.map((id) => graph.getNodeAttribute(id, "inCluster") !== false);
  const sourceIds = options.sources ?? g.ids.filter((_id, i) => !inside[i]);
  const src = sourceIds.map((id) => g.index.get(id)).filter((i): i is number => i !== undefined);
  const { steps, origin } = multiSourceSteps(g, src);
  const strongest = multiSourceStrongest(g, src);
  const present = (attr: string) => {
    let any = false;
    graph.forEachNode((_id, a) => {
      if (a[attr] !== undefined && a[attr] !== null && a[attr] !== "") any = true;
    });
    return any;
  };
  const by = options.by ?? ["kind", "stage", "group"].filter(present);
  const actors: ActorDepth[] = [];
  const insideIdx: number[] = [];
  for (let v = 0; v < g.n; v++) {
    if (!inside[v]) continue;
    insideIdx.push(v);
    actors.push({ id: g.ids[v], steps: steps[v], strongest: strongest[v], nearestSource: origin[v] >= 0 ? g.ids[origin[v]] : null });
  }
  const pooled = reachRow("all", "all", insideIdx.map((v) => steps[v]), maxSteps);
  const breakdown: ReachRow[] = [];
  for (const attr of by) {
    const groups = new Map<string, number[]>();
    for (const v of insideIdx) {
      const raw = graph.getNodeAttribute(g.ids[v], attr);
      const value = raw === undefined || raw === null || raw === "" ? "(none)" : String(raw);
      if (!groups.has(value)) groups.set(value, []);
      groups.get(value)!.push(steps[v]);
    }
    for (const value of [...groups.keys()].sort()) breakdown.push(reachRow(attr, value, groups.get(value)!, maxSteps));
  }
  let depth = 0;
  for (const v of insideIdx) if (Number.isFinite(steps[v])) depth = Math.max(depth, steps[v]);
  return {
    options: { sources: src.map((i) => g.ids[i]), maxSteps, by, weight },
    actors,
    pooled,
    breakdown,
    neverReached: actors.filter((a) => !Number.isFinite(a.steps)).map((a) => a.id),
    depth,
  };
}
