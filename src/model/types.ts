/**
 * The vocabulary of a cluster's knowledge network (see DESIGN.md).
 *
 * A tie is always stored as a knowledge *flow*: `source` gives knowledge to `target`.
 * What the survey recorded (the nomination) is kept on the tie (`nominator`) and in the
 * graph attributes (`direction`), so the convention is never implicit.
 */
import type { ClusterNetwork } from "./network.js";

/** Known actor kinds get colours and rules; the set stays open. */
export const KNOWN_KINDS = ["firm", "buyer", "supplier", "lab", "association", "government", "other"] as const;
export type KnownKind = (typeof KNOWN_KINDS)[number];

/** Horizontal: both inside, same stage. Vertical: both inside, different stages. External: one end outside. */
export const TIE_TYPES = ["horizontal", "vertical", "external"] as const;
export type TieType = (typeof TIE_TYPES)[number];

/** Primitive values an attribute read from a file may take after type inference. */
export type AttributeValue = string | number | boolean | null;

/** Node attributes of a {@link ClusterGraph}. `id` is the graphology key. */
export interface ActorAttributes {
  label: string;
  kind: string;
  inCluster: boolean;
  stage?: string;
  group?: string;
  /** true: answered the survey; false: did not (their out-nominations are missing, not absent); undefined: unknown. */
  respondent?: boolean;
  /** Positions from a file (GEXF, Pajek), when present. */
  x?: number;
  y?: number;
  [attribute: string]: AttributeValue | undefined;
}

/** Edge attributes of a {@link ClusterGraph}: knowledge flows source → target. */
export interface TieAttributes {
  relation: string;
  /** Strength on the survey's scale (1 when the data has none). Always finite and ≥ 0. */
  weight: number;
  wave?: string;
  tieType: TieType;
  /** true when the data gave the tie type explicitly (it then wins over the derived one). */
  tieTypeGiven?: boolean;
  /** The actor who reported the tie, when known (roster surveys). */
  nominator?: string;
  [attribute: string]: AttributeValue | undefined;
}

/** How a file's ties were read: `flow` = source gives knowledge to target; `asks` = source asks target (reversed). */
export type NominationDirection = "flow" | "asks";

/** Graph attributes of a {@link ClusterGraph}. */
export interface ClusterAttributes {
  name?: string;
  /** The convention the input was read with; ties are stored as flow either way. */
  direction: NominationDirection;
  /**
   * Per relation, the actors whose answers to that question are missing (they were asked, or are on the
   * roster, but left the question blank). Their out-nominations are unknown, not zero.
   */
  nonRespondents?: Record<string, string[]>;
  [attribute: string]: unknown;
}

/**
 * The network of a cluster: a multi-digraph, one tie per relation and round (they stay separate), held in
 * columns (model/network.ts). The name is kept from the graphology-backed model: the class answers the
 * same graphology-style calls, and a graphology graph is built from it on demand (model/graphology.ts).
 */
export type ClusterGraph = ClusterNetwork;

/**
 * Attribute names that sigma reserves for display. Survey attributes with these names are renamed
 * on import (`type` → `type_`), and the import report says so.
 */
export const RESERVED_ATTRIBUTES = ["type", "size", "color", "hidden", "highlighted", "forceLabel", "zIndex"] as const;

/** Attributes with a fixed meaning on actors; the rest are free survey attributes. */
export const ACTOR_FIELDS = ["id", "label", "kind", "inCluster", "stage", "group", "respondent", "x", "y"] as const;
/** Columns with a fixed meaning on ties; the rest are free survey attributes. */
export const TIE_FIELDS = ["source", "target", "relation", "weight", "wave", "tieType", "nominator"] as const;
