/**
 * What every public function takes as a network: a {@link ClusterNetwork} or any graphology graph, read
 * into a network by {@link asNetwork}. Nothing here loads graphology: the graph is only read through its
 * interface.
 */
import type { ActorAttributes, ClusterAttributes, TieAttributes } from "./types.js";
import { ClusterNetwork, record } from "./network.js";
import { actorDefaults } from "./graph.js";
import { deriveTieType } from "./tieType.js";

/** Anything a public function takes as a network: a {@link ClusterNetwork} or a graphology graph. */
export type NetworkInput = ClusterNetwork | GraphologyLike;

/** The part of graphology's interface read by {@link asNetwork}. */
export interface GraphologyLike {
  getAttributes(): Record<string, unknown>;
  forEachNode(cb: (id: string, attributes: Record<string, unknown>) => void): void;
  forEachEdge(cb: (key: string, attributes: Record<string, unknown>, source: string, target: string) => void): void;
  readonly size: number;
}

/**
 * The network of a graphology graph (any type: undirected edges are read as two opposite ties). Missing
 * actor fields take their defaults (label = id, kind `other`, inside the cluster); a tie without a type
 * gets the derived one; `relation` defaults to `knowledge` and `weight` to 1. A {@link ClusterNetwork}
 * is returned as it is.
 */
export function asNetwork(input: NetworkInput): ClusterNetwork {
  if (input instanceof ClusterNetwork) return input;
  const attrs = input.getAttributes() as Partial<ClusterAttributes>;
  const net = new ClusterNetwork({ direction: "flow", ...attrs }, input.size);
  input.forEachNode((id, a) => net.pushActor(String(id), record<ActorAttributes>(actorDefaults(String(id)), a)));
  const undirected = (input as { type?: string }).type === "undirected";
  input.forEachEdge((key, a, s, t) => {
    const sa = net.actorRecords[net.indexOf(s)];
    const ta = net.actorRecords[net.indexOf(t)];
    const tieAttrs = { relation: "knowledge", weight: 1, ...a } as Partial<TieAttributes>;
    if (tieAttrs.tieType === undefined) tieAttrs.tieType = deriveTieType(sa, ta);
    net.addEdgeWithKey(String(key), s, t, tieAttrs);
    if (undirected && s !== t) net.addEdge(t, s, tieAttrs);
  });
  return net;
}
