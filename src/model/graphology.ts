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

/**
 * graphology keeps each node's neighbours in plain objects keyed by node id, so an actor id `__proto__`
 * would replace those objects' prototype (and, through its linked edge lists, write into
 * Object.prototype for the whole process), and ids such as `constructor` would find inherited members.
 * Give every adjacency object a null prototype, once, for every graph class.
 */
export function hardenAdjacency(): void {
  const classes = Graph as unknown as Record<string, new (o?: object) => { addNode(k: string): void; _nodes: Map<string, object> }>;
  for (const name of ["DirectedGraph", "UndirectedGraph", "Graph"]) {
    const g = name === "Graph" ? new (Graph as unknown as new () => { addNode(k: string): void; _nodes: Map<string, object> })() : new classes[name]();
    g.addNode("n");
    const proto = Object.getPrototypeOf(g._nodes.get("n")) as { clear(): void; nullPrototype?: boolean };
    if (proto.nullPrototype) continue;
    const clear = proto.clear;
    proto.clear = function (this: Record<string, unknown>) {
      clear.call(this);
      for (const k of ["in", "out", "undirected"]) if (k in this) this[k] = Object.create(null);
    };
    proto.nullPrototype = true;
  }
  // graphology's two-argument hasEdge family calls `adjacency.hasOwnProperty`, which a null-prototype
  // object lacks: answer those calls with Object.prototype.hasOwnProperty itself.
  const own = Object.prototype.hasOwnProperty;
  type Adjacent = { out?: object; undirected?: object };
  const P = (Graph as unknown as { prototype: Record<string, (...a: unknown[]) => boolean> }).prototype;
  const lookups: [string, (d: Adjacent, t: string, type: string) => boolean][] = [
    ["hasDirectedEdge", (d, t, type) => type !== "undirected" && d.out !== undefined && own.call(d.out, t)],
    ["hasUndirectedEdge", (d, t, type) => type !== "directed" && d.undirected !== undefined && own.call(d.undirected, t)],
    ["hasEdge", (d, t) => (d.out !== undefined && own.call(d.out, t)) || (d.undirected !== undefined && own.call(d.undirected, t))],
  ];
  for (const [name, has] of lookups) {
    const original = P[name];
    if ((original as { nullPrototype?: boolean }).nullPrototype) continue;
    const patched = function (this: { _nodes: Map<string, Adjacent>; type: string }, ...args: unknown[]): boolean {
      if (args.length !== 2) return original.apply(this, args);
      const d = this._nodes.get(String(args[0]));
      return d !== undefined && has(d, String(args[1]), this.type);
    };
    (patched as { nullPrototype?: boolean }).nullPrototype = true;
    P[name] = patched;
  }
}
hardenAdjacency();

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
