/**
 * The bridge to graphology: a `MultiDirectedGraph` built from a network on demand (for sigma and users' own
 * graphology code). The way back, a network read from any graphology graph, needs no graphology and lives
 * in model/networkInput.ts, so that loading a network never loads graphology.
 */
import Graph from "graphology";
import type { MultiDirectedGraph } from "graphology";
import type { ActorAttributes, ClusterAttributes, TieAttributes } from "./types.js";
import type { ClusterNetwork } from "./network.js";

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
