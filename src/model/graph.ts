/**
 * Building a {@link ClusterGraph}: actors with defaults, ties with their derived type.
 */
import Graph from "graphology";
import type { ActorAttributes, ClusterAttributes, ClusterGraph, NominationDirection, TieAttributes, TieType } from "./types.js";
import { resolveTieType } from "./tieType.js";

const { MultiDirectedGraph } = Graph as unknown as { MultiDirectedGraph: new (options?: object) => ClusterGraph };

/**
 * graphology keeps each node's neighbours in plain objects keyed by node id, so an actor id `__proto__`
 * would replace those objects' prototype (and, through its linked edge lists, write into
 * Object.prototype for the whole process), and ids such as `constructor` would find inherited members.
 * Give every adjacency object a null prototype, once, for every graph class.
 */
function hardenAdjacency(): void {
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

export function createClusterGraph(attributes: Partial<ClusterAttributes> = {}): ClusterGraph {
  const graph = new MultiDirectedGraph({ allowSelfLoops: true });
  graph.replaceAttributes({ direction: "flow", ...attributes } as ClusterAttributes);
  return graph;
}

/** Default actor attributes: its id as label, kind `other`, inside the cluster. */
export function actorDefaults(id: string): ActorAttributes {
  return { label: id, kind: "other", inCluster: true };
}

/** Add (or merge into) an actor; returns its attributes. */
export function addActor(graph: ClusterGraph, id: string, attributes: Partial<ActorAttributes> = {}): ActorAttributes {
  const clean: Partial<ActorAttributes> = {};
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined) clean[k] = v;
  if (graph.hasNode(id)) {
    graph.mergeNodeAttributes(id, clean);
  } else {
    graph.addNode(id, { ...actorDefaults(id), ...clean } as ActorAttributes);
  }
  return graph.getNodeAttributes(id);
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
  const { tieType: given, relation, weight, wave, ...rest } = input;
  const r = resolveTieType(graph.getNodeAttributes(source), graph.getNodeAttributes(target), given);
  const attributes: TieAttributes = { relation: relation ?? "knowledge", weight: weight ?? 1, tieType: r.tieType };
  if (wave !== undefined && wave !== "") attributes.wave = wave;
  if (r.given) attributes.tieTypeGiven = true;
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) attributes[k] = v;
  const key = graph.addEdge(source, target, attributes);
  return r.contradiction ? { key, tieType: r.tieType, contradiction: { given: r.tieType, derived: r.derived } } : { key, tieType: r.tieType };
}

/** Re-derive the type of every tie whose type was not given (after actor attributes changed). */
export function rederiveTieTypes(graph: ClusterGraph): void {
  graph.forEachEdge((edge, attr, source, target, sa, ta) => {
    if (attr.tieTypeGiven) return;
    graph.setEdgeAttribute(edge, "tieType", resolveTieType(sa, ta).tieType);
  });
}

/** A reading direction stated as the flow convention used to store ties. */
export function describeDirection(direction: NominationDirection): string {
  return direction === "asks"
    ? "ties read as 'source asks target'; stored reversed as knowledge flow target → source"
    : "ties read as knowledge flow: source gives knowledge to target";
}

/** Relations present in the graph, sorted. */
export function relationsOf(graph: ClusterGraph): string[] {
  const s = new Set<string>();
  graph.forEachEdge((_e, a) => s.add(a.relation));
  return [...s].sort();
}

/** Waves present in the graph, sorted. */
export function wavesOf(graph: ClusterGraph): string[] {
  const s = new Set<string>();
  graph.forEachEdge((_e, a) => {
    if (a.wave !== undefined) s.add(a.wave);
  });
  return [...s].sort();
}
