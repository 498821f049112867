/**
 * Building a {@link ClusterGraph}: actors with defaults, ties with their derived type.
 */
import type { ActorAttributes, ClusterAttributes, ClusterGraph, NominationDirection, TieType } from "./types.js";
import { resolveTieType } from "./tieType.js";
import { ClusterNetwork, record, tieTypeCode } from "./network.js";
import { asNetwork, type NetworkInput } from "./networkInput.js";

/** An empty network (ties stored as knowledge flow; `direction` records how the input was read). */
export function createClusterGraph(attributes: Partial<ClusterAttributes> = {}, capacity = 0): ClusterGraph {
  return new ClusterNetwork({ direction: "flow", ...attributes }, capacity);
}

/** Default actor attributes: its id as label, kind `other`, inside the cluster. */
export function actorDefaults(id: string): ActorAttributes {
  return { label: id, kind: "other", inCluster: true };
}

/** Add (or merge into) an actor; returns its attributes. */
export function addActor(graph: ClusterGraph, id: string, attributes: Partial<ActorAttributes> = {}): ActorAttributes {
  const i = graph.indexOf(id);
  if (i >= 0) {
    graph.mergeNodeAttributes(id, attributes);
    return graph.actorRecords[i];
  }
  const a = record<ActorAttributes>(actorDefaults(id), attributes);
  graph.pushActor(id, a);
  return a;
}

export interface TieInput {
  relation?: string;
  weight?: number;
  wave?: string;
  /** An explicit tie type from the data; wins over derivation. */
  tieType?: TieType;
  nominator?: string;
  [attribute: string]: string | number | boolean | null | undefined;
}

export interface AddedTie {
  key: string;
  tieType: TieType;
  /** Set when an explicit tie type disagrees with the one derived from the actors. */
  contradiction?: { given: TieType; derived: TieType };
}

/** Add a tie (knowledge flows source → target). Both actors must exist. */
export function addTie(graph: ClusterGraph, source: string, target: string, input: TieInput = {}): AddedTie {
  const s = graph.indexOf(source);
  const t = graph.indexOf(target);
  if (s < 0 || t < 0) throw new Error(`tie ${source} → ${target} names an actor that does not exist`);
  const given = input.tieType;
  const r = resolveTieType(graph.actorRecords[s], graph.actorRecords[t], given);
  const e = graph.pushTie(s, t, input.weight ?? 1, graph.relationCode(input.relation ?? "knowledge", true), graph.waveCode(input.wave, true), tieTypeCode(r.tieType), r.given);
  for (const k of Object.keys(input)) {
    if (k === "tieType" || k === "relation" || k === "weight" || k === "wave") continue;
    const v = input[k];
    if (v !== undefined) graph.setTieAttribute(e, k, v);
  }
  const key = graph.tieKey(e);
  return r.contradiction ? { key, tieType: r.tieType, contradiction: { given: r.tieType, derived: r.derived } } : { key, tieType: r.tieType };
}

/** Re-derive the type of every tie whose type was not given (after actor attributes changed). */
export function rederiveTieTypes(graph: ClusterGraph): void {
  const src = graph.tieSource;
  const dst = graph.tieTarget;
  const given = graph.tieGiven;
  const type = graph.tieTypeCode;
  const actors = graph.actorRecords;
  for (let e = 0; e < graph.size; e++) if (!given[e]) type[e] = tieTypeCode(resolveTieType(actors[src[e]], actors[dst[e]]).tieType);
}

/** A reading direction stated as the flow convention used to store ties. */
export function describeDirection(direction: NominationDirection): string {
  return direction === "asks"
    ? "ties read as 'source asks target'; stored reversed as knowledge flow target → source"
    : "ties read as knowledge flow: source gives knowledge to target";
}

/** Relations present in the graph, sorted. */
export function relationsOf(input: NetworkInput): string[] {
  const graph = asNetwork(input);
  return namesUsed(graph.relationNames, graph.tieRelation);
}

/** The names whose codes occur in `codes` (−1: none), sorted; the scan stops once every name is seen. */
function namesUsed(names: readonly string[], codes: Int32Array): string[] {
  const used = new Uint8Array(names.length);
  let seen = 0;
  for (let e = 0; e < codes.length && seen < names.length; e++) {
    const c = codes[e];
    if (c >= 0 && used[c] === 0) {
      used[c] = 1;
      seen++;
    }
  }
  return names.filter((_n, c) => used[c]).sort();
}

/** Waves present in the graph, sorted. */
export function wavesOf(input: NetworkInput): string[] {
  const graph = asNetwork(input);
  return namesUsed(graph.waveNames, graph.tieWave);
}
