/**
 * How far a cluster falls apart and which actors hold it together: weak and strong components
 * (metrics/components.ts), Borgatti's fragmentation F and distance-weighted fragmentation DF, the key
 * players whose removal fragments it most, articulation points and bridges (metrics/fragmentation.ts).
 *
 * Ties are knowledge flow source → target. F, DF and the key players use the undirected view by default
 * (`mode`), i.e. a tie in either direction connects; strong components always follow the direction of
 * flow. Key-player criterion: DF by default; when even the greedy start for DF would exceed the
 * heuristic's work budget (k·n evaluations of n(n + m) BFS steps > 6·10⁷) F is used instead, and
 * `options.criterion` says so.
 */
import { contextOf, undirectedOf, type Analysable } from "../model/context.js";
import { type Digraph, type WeightRule } from "../model/views.js";
import { strongComponents, weakComponents } from "../metrics/components.js";
import { cutPoints, evaluationCost, keyPlayers, type CutPoints, type FragmentationMode, type FragmentationResult, type KeyPlayerCriterion, type KeyPlayerResult } from "../metrics/fragmentation.js";

export interface FragmentationProfileOptions {
  /** Number of key players (default 3). */
  k?: number;
  mode?: FragmentationMode;
  /** Key-player criterion; default DF (F on networks too large for DF). */
  criterion?: KeyPlayerCriterion;
  /** Seed of the key-player random starts (default 1). */
  seed?: number;
  /** Only actors inside the cluster (default false). */
  localOnly?: boolean;
  weight?: WeightRule;
}

export interface ComponentSummary {
  count: number;
  /** Sizes, largest first. */
  sizes: number[];
  largest: number;
  /** Actors of each component with at least two actors (largest first); isolates are counted apart. */
  members: string[][];
  isolates: string[];
}

export interface FragmentationProfile {
  options: { k: number; mode: FragmentationMode; criterion: KeyPlayerCriterion; seed: number; localOnly: boolean; weight: WeightRule };
  actorCount: number;
  weak: ComponentSummary;
  strong: ComponentSummary;
  fragmentation: FragmentationResult;
  keyPlayers: KeyPlayerResult;
  cutPoints: CutPoints;
}

function summarise(g: Digraph, membership: Int32Array, sizes: number[]): ComponentSummary {
  const members: string[][] = sizes.map(() => []);
  for (let i = 0; i < g.n; i++) members[membership[i]].push(g.ids[i]);
  const order = sizes.map((s, c) => ({ s, c })).sort((a, b) => b.s - a.s || a.c - b.c);
  return {
    count: sizes.length,
    sizes: order.map((x) => x.s),
    largest: order.length ? order[0].s : 0,
    members: order.filter((x) => x.s > 1).map((x) => members[x.c]),
    isolates: order.filter((x) => x.s === 1).map((x) => members[x.c][0]),
  };
}

/**
 * The one rule by which the key-player criterion and actors are chosen, shared by `clusterflow
 * fragmentation`, `clusterflow report` (diagnose.ts) and the viewer, and printed by each.
 */
export const KEY_PLAYER_RULE =
  "key players are judged among the actors inside the cluster (outside actors are not the cluster's to lose) on DF, distance-weighted fragmentation; on F, the share of pairs that cannot reach each other, when DF would exceed the work budget (k·n evaluations of n(n + m) steps > 6·10⁷) or when asked";

/** The key-player criterion affordable on this network (see the module comment). */
export function affordableCriterion(g: Digraph, k: number, mode: FragmentationMode = "undirected"): KeyPlayerCriterion {
  const entries = mode === "undirected" ? undirectedOf(g).adj.length : g.arcs;
  return Math.max(1, k) * g.n * evaluationCost(g.n, entries, "DF", mode) > 6e7 ? "F" : "DF";
}

/** Fragmentation profile of a cluster graph; see the module comment. */
export function fragmentationProfile(input: Analysable, options: FragmentationProfileOptions = {}): FragmentationProfile {
  const localOnly = options.localOnly ?? false;
  const weight = options.weight ?? "sum";
  const ctx = contextOf(input);
  const view = localOnly ? ctx.local() : ctx;
  return fragmentationProfileOnDigraph(view.digraph(weight), { ...options, localOnly, weight });
}

/** The same on an indexed digraph. */
export function fragmentationProfileOnDigraph(g: Digraph, options: FragmentationProfileOptions = {}): FragmentationProfile {
  const k = options.k ?? 3;
  const mode = options.mode ?? "undirected";
  const seed = options.seed ?? 1;
  const criterion = options.criterion ?? affordableCriterion(g, k, mode);
  const weak = weakComponents(g);
  const strong = strongComponents(g);
  // The key-player search measures the whole network first: the same F and DF as `fragmentation(g, { mode })`.
  const kp = keyPlayers(g, { k, criterion, mode, seed });
  return {
    options: { k, mode, criterion, seed, localOnly: options.localOnly ?? false, weight: options.weight ?? "sum" },
    actorCount: g.n,
    weak: summarise(g, weak.membership, weak.sizes),
    strong: summarise(g, strong.membership, strong.sizes),
    fragmentation: kp.before,
    keyPlayers: kp,
    cutPoints: cutPoints(g),
  };
}
