/**
 * The analysis context of a view: one object per network that builds, on first use, and then keeps what
 * the metrics need — the indexed digraph per weight rule, its undirected view, the inside-actor mask, the
 * labels, the local-only view — and any metric result a later step reuses (openness, cognitive roles,
 * brokerage), keyed by the options that determine it. Everything in one diagnosis reads the same
 * structures, so its parts agree and nothing is built twice.
 *
 * `contextOf(network)` returns the same context for the same network as long as the network is not
 * changed (a change bumps the network's version and the next call starts a new context). Structures
 * derived from a digraph alone (its undirected view) are kept with the digraph ({@link undirectedOf}),
 * so functions that take a `Digraph` share them too.
 *
 * {@link traceBuilds} records every build (structure, view) for tests and profiling.
 */
import { ClusterNetwork } from "./network.js";
import { asNetwork, type NetworkInput } from "./networkInput.js";
import { filterTies, indexDigraph, undirectedView, type Digraph, type Undirected, type WeightRule } from "./views.js";
import { recordBuild as record, viewId } from "./trace.js";

export { traceBuilds, viewId, type BuildRecord } from "./trace.js";

const undirectedCache = new WeakMap<Digraph, Undirected>();

/** The undirected view of a digraph (model/views.ts `undirectedView`), built once per digraph. */
export function undirectedOf(g: Digraph): Undirected {
  let u = undirectedCache.get(g);
  if (!u) {
    u = undirectedView(g);
    undirectedCache.set(g, u);
    const owner = digraphOwner.get(g);
    record("undirected", owner ?? g);
  }
  return u;
}

const digraphOwner = new WeakMap<Digraph, ClusterNetwork>();

export class AnalysisContext {
  readonly network: ClusterNetwork;
  /** The network's version when the context was made. */
  readonly version: number;
  private cache = new Map<string, unknown>();

  constructor(network: ClusterNetwork) {
    this.network = network;
    this.version = network.version;
  }

  /** Serial number of this view (as in {@link BuildRecord}). */
  get id(): number {
    return viewId(this.network);
  }

  /** The value under `key`, built by `build` on first request. `key` must name every option that matters. */
  memo<T>(key: string, build: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const v = build();
    this.cache.set(key, v);
    record(key, this.network);
    return v;
  }

  /** The indexed digraph, parallel ties merged by `weight` (model/views.ts `indexDigraph`). */
  digraph(weight: WeightRule = "sum"): Digraph {
    const key = `digraph:${weight}`;
    if (this.cache.has(key)) return this.cache.get(key) as Digraph;
    // Recorded by indexDigraph itself (see traceDigraphBuild), so that a build outside a context shows too.
    const g = indexDigraph(this.network, { weight });
    digraphOwner.set(g, this.network);
    this.cache.set(key, g);
    return g;
  }

  /** The undirected view of {@link digraph}. */
  undirected(weight: WeightRule = "sum"): Undirected {
    return undirectedOf(this.digraph(weight));
  }

  /** Per actor (network order): inside the cluster (`inCluster !== false`). */
  inside(): boolean[] {
    return this.memo("inside", () => this.network.actorRecords.map((a) => a.inCluster !== false));
  }

  /** Per actor (network order): its label (the id when it has none). */
  labels(): string[] {
    return this.memo("labels", () => this.network.actorRecords.map((a, i) => String(a.label ?? this.network.ids[i])));
  }

  /** The context of the view restricted to the actors inside the cluster (and the ties among them). */
  local(): AnalysisContext {
    return this.memo("view:local", () => (this.inside().every(Boolean) ? this : contextOf(filterTies(this.network, { localOnly: true }))));
  }
}

const contexts = new WeakMap<ClusterNetwork, AnalysisContext>();

/**
 * The analysis context of a network (the same object while the network is unchanged); a graphology graph
 * is read into a network first, and a context is returned as it is.
 */
export function contextOf(input: NetworkInput | AnalysisContext): AnalysisContext {
  if (input instanceof AnalysisContext) return input;
  const net = asNetwork(input);
  let ctx = contexts.get(net);
  if (!ctx || ctx.version !== net.version) {
    ctx = new AnalysisContext(net);
    contexts.set(net, ctx);
  }
  return ctx;
}

/** What every public metric accepts: a network, a graphology graph or an analysis context. */
export type Analysable = NetworkInput | AnalysisContext;
