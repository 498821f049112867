/**
 * The bridge to graphology: a `MultiDirectedGraph` built from a network on demand (for the viewer, sigma
 * and users' own graphology code), and a network read from any graphology graph, so that every public
 * function also accepts one.
 */
import Graph from "graphology";
import type { MultiDirectedGraph } from "graphology";
import type { ActorAttributes, ClusterAttributes, TieAttributes } from "./types.js";
import { ClusterNetwork, record } from "./network.js";
import { actorDefaults } from "./graph.js";
import { deriveTieType } from "./tieType.js";

/** A graphology multi-digraph with clusterflow's attributes. */
export type ClusterGraphology = MultiDirectedGraph<ActorAttributes, TieAttributes, ClusterAttributes>;

const { MultiDirectedGraph: MultiDirected } = Graph as unknown as { MultiDirectedGraph: new (options?: object) => ClusterGraphology };

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
 * A graphology `MultiDirectedGraph` with the same actors, ties, keys and attributes (self-loops allowed).
 * Actor and tie attributes are copied, so changing the graphology graph leaves the network as it was.
 */
export function toGraphology(net: ClusterNetwork): ClusterGraphology {
  const g = new MultiDirected({ allowSelfLoops: true });
  g.replaceAttributes({ ...net.getAttributes() });
  net.forEachNode((id, a) => g.addNode(id, { ...a }));
  for (let e = 0; e < net.size; e++) g.addEdgeWithKey(net.tieKey(e), net.ids[net.tieSource[e]], net.ids[net.tieTarget[e]], { ...net.tieAttributes(e) });
  return g;
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
