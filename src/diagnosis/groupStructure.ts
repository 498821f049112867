/**
 * The group structure of a cluster: how knowledge flows within and between groups of actors.
 *
 * Composes the group metrics on one view of the graph: the E-I index with its permutation test
 * (metrics/eiIndex.ts), block densities and tie types between groups (metrics/blockDensity.ts), Louvain
 * communities and the modularity of the partition (metrics/communities.ts), the agreement between the
 * declared groups and the detected communities (metrics/agreement.ts), and the Borgatti–Everett core and
 * periphery (metrics/corePeriphery.ts).
 *
 * Partition: the actor attribute given in `partition`; without it, `group` when some actor has one,
 * otherwise the Louvain communities (seeded). A named attribute no actor has is refused
 * (AnalysisRefused). Ties are knowledge flow source → target; parallel ties are collapsed (`weight` rule,
 * default `sum`); every option used, the seed included, is echoed in `options`.
 */
import { permutationReps } from "../metrics/scale.js";
import { contextOf, type Analysable } from "../model/context.js";
import type { ClusterGraph } from "../model/types.js";
import { type Digraph, type WeightRule } from "../model/views.js";
import { partitionLabelsOrRefuse } from "../metrics/brokerage.js";
import { eiIndex, type EiActorMode, type EiGroupConvention, type EiResult } from "../metrics/eiIndex.js";
import { blockDensity, groupTieTypes, type BlockDensity, type GroupTieTypes } from "../metrics/blockDensity.js";
import { louvainCommunities, modularity, type Communities } from "../metrics/communities.js";
import { partitionAgreement, type Agreement } from "../metrics/agreement.js";
import { corePeriphery, type CorePeripheryResult } from "../metrics/corePeriphery.js";
import { encodePartition } from "../metrics/partition.js";
import type { TieTypeMixOptions } from "../metrics/tieTypeMix.js";

export interface GroupStructureOptions {
  /** Actor attribute that defines the groups; default `group` if present, else detected communities. */
  partition?: string;
  /** Seed of the permutation test and of Louvain (default 1). */
  seed?: number;
  /** Label permutations of the E-I test (default 2000). */
  reps?: number;
  /** Louvain resolution (default 1). */
  resolution?: number;
  /** Tie strengths in E-I and modularity (default false: ties counted). */
  weighted?: boolean;
  actorMode?: EiActorMode;
  groupConvention?: EiGroupConvention;
  /** Only actors inside the cluster (default false). */
  localOnly?: boolean;
  /** Collapse rule for parallel ties (default `sum`). */
  weight?: WeightRule;
  /**
   * The whole network, whose every tie the table of ties between groups by type counts (default: the view
   * analysed); actors outside the groups' view are in the group {@link OUTSIDE_GROUP}.
   */
  allTies?: ClusterGraph;
  /** Tie-type classes of that table (the tie-type mix's rule and support organisations). */
  tieTypes?: TieTypeMixOptions;
}

/** The group of the actors the groups leave out (the outside actors, when only inside actors are grouped). */
export const OUTSIDE_GROUP = "outside the cluster";

export interface GroupStructure {
  options: {
    partition: string;
    partitionSource: "declared" | "detected";
    seed: number;
    reps: number;
    /** How many permutations were run and why (metrics/scale.ts: fewer on large networks). */
    repsRule: string;
    resolution: number;
    weighted: boolean;
    actorMode: EiActorMode;
    groupConvention: EiGroupConvention;
    localOnly: boolean;
    weight: WeightRule;
  };
  /** Actors analysed (in graph order) and each one's group. */
  actors: { id: string; label: string; group: string; community: string; core: boolean }[];
  groups: string[];
  sizes: number[];
  ei: EiResult;
  blocks: BlockDensity;
  tieTypes: GroupTieTypes;
  /** Louvain communities of the same view (undirected, each arc an edge). */
  communities: Communities;
  /** Modularity of the partition used (directed Leicht–Newman and undirected). */
  modularity: { directed: number; undirected: number };
  /** Declared groups vs detected communities (null when the partition is the detected one). */
  agreement: Agreement | null;
  corePeriphery: CorePeripheryResult;
}

/** Whether some actor has a non-empty value for an attribute. */
export function hasAttribute(graph: ClusterGraph, attribute: string): boolean {
  let any = false;
  graph.forEachNode((_id, a) => {
    const v = a[attribute];
    if (v !== undefined && v !== null && v !== "") any = true;
  });
  return any;
}

/** The group structure of a cluster graph; see the module comment. */
export function groupStructure(input: Analysable, options: GroupStructureOptions = {}): GroupStructure {
  const localOnly = options.localOnly ?? false;
  const weight = options.weight ?? "sum";
  const ctx = contextOf(input);
  const view = localOnly ? ctx.local() : ctx;
  return groupStructureOnDigraph(view.network, view.digraph(weight), { ...options, localOnly, weight, allTies: options.allTies ?? ctx.network });
}

/** The same on an already indexed view (`g` built from `view`). */
export function groupStructureOnDigraph(view: ClusterGraph, g: Digraph, options: GroupStructureOptions = {}): GroupStructure {
  const seed = options.seed ?? 1;
  const reps = options.reps ?? 2000;
  const resolution = options.resolution ?? 1;
  const weighted = options.weighted ?? false;
  const actorMode = options.actorMode ?? "both";
  const groupConvention = options.groupConvention ?? "boundary";
  const communities = louvainCommunities(g, { seed, resolution, weighted });
  let partition: string;
  let source: "declared" | "detected";
  let labels: string[];
  if (options.partition !== undefined) {
    partition = options.partition;
    source = "declared";
    labels = partitionLabelsOrRefuse(view, partition, g.ids);
  } else if (hasAttribute(view, "group")) {
    partition = "group";
    source = "declared";
    labels = partitionLabelsOrRefuse(view, partition, g.ids);
  } else {
    partition = "community";
    source = "detected";
    labels = communities.membership;
  }
  const p = encodePartition(labels);
  const permutations = permutationReps(reps, g.n, g.arcs);
  const ei = eiIndex(g, p, { seed, reps: permutations.reps, weighted, actorMode, groupConvention });
  const blocks = blockDensity(g, p);
  const tieTypes = groupTieTypes(options.allTies ?? view, g.ids, p, { ...options.tieTypes, outside: OUTSIDE_GROUP });
  const cp = corePeriphery(g, { weighted: false });
  const core = new Set(cp.core);
  return {
    options: { partition, partitionSource: source, seed, reps: permutations.reps, repsRule: permutations.rule, resolution, weighted, actorMode, groupConvention, localOnly: options.localOnly ?? false, weight: options.weight ?? "sum" },
    actors: g.ids.map((id, i) => ({ id, label: String(view.getNodeAttribute(id, "label") ?? id), group: labels[i], community: communities.membership[i], core: core.has(id) })),
    groups: p.groups,
    sizes: p.sizes,
    ei,
    blocks,
    tieTypes,
    communities,
    modularity: { directed: modularity(g, p, { directed: true, weighted, resolution }), undirected: modularity(g, p, { directed: false, weighted, resolution }) },
    agreement: source === "declared" ? partitionAgreement(labels, communities.membership) : null,
    corePeriphery: cp,
  };
}
