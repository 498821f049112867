/**
 * External openness: how much knowledge each actor receives from, and gives to, actors outside the
 * cluster (`inCluster` false), and the cluster's share of knowledge inflow that comes from outside.
 *
 * Ties are knowledge flow source → target, so an actor's *external inflow* are its ties from outside
 * actors (outside → actor), its *external outflow* its ties to outside actors. Counts are numbers of
 * distinct partner actors (parallel ties — several relations or waves — are collapsed into one arc);
 * strengths are sums of survey tie strengths (collapse rule `sum` by default: the total knowledge flow
 * over the pair). Self-loops are ignored.
 *
 * Cluster level: of all the ties entering inside actors, the share that comes from outside,
 * `inflowShare = Σ_{v inside} externalIn(v) / Σ_{v inside} (externalIn(v) + localIn(v))`, and the same
 * with strengths (`inflowStrengthShare`). `NaN` when no tie enters an inside actor.
 *
 * **Outside ties from an attribute** (`externalAttribute`): a survey may record, per firm, the number (or
 * strength) of its knowledge partners outside the region without naming them. With this option each
 * inside actor's numeric value of that attribute is added to its external inflow — to the count and to
 * the strength alike (each unnamed partner counted once, at strength 1 per unit) — and to the cluster's
 * inflow, without adding actors. Actors without a value get 0 and are listed (`missing`); non-numeric
 * values likewise (`nonNumeric`). Outside actors' values are ignored.
 *
 * This is a project operationalisation of "external openness" in the sense of Giuliani & Bell (2005,
 * Research Policy 34:47–68): the paper's own index (built from links to extra-cluster knowledge sources)
 * was not available to check, so the ingredients are reported separately for the user to combine.
 */
import { contextOf, type Analysable, type AnalysisContext } from "../model/context.js";
import type { ClusterGraph } from "../model/types.js";
import { type Digraph, type WeightRule } from "../model/views.js";

export interface OpennessOptions {
  /** Weight rule for collapsing parallel ties (default `sum`). */
  weight?: WeightRule;
  /** Report every actor (default) or only actors inside the cluster (`insideOnly: true`). */
  insideOnly?: boolean;
  /** Actor attribute holding each actor's count (or strength) of outside ties (see the module comment). */
  externalAttribute?: string;
}

/** Outside ties taken from an actor attribute, per actor index. */
export interface ExternalFromAttribute {
  attribute: string;
  values: Float64Array;
  /** Inside actors without a value (0 used). */
  missing: string[];
  /** Inside actors whose value is not a non-negative number (0 used). */
  nonNumeric: string[];
  /** Total added to the inside actors' external inflow. */
  total: number;
  note: string;
}

/** Read the outside-tie counts of an attribute for the actors `ids` (inside actors only; see the module comment). */
export function externalTiesFromAttribute(graph: ClusterGraph, ids: string[], inside: ArrayLike<boolean>, attribute: string): ExternalFromAttribute {
  const values = new Float64Array(ids.length);
  const missing: string[] = [];
  const nonNumeric: string[] = [];
  let total = 0;
  ids.forEach((id, i) => {
    if (!inside[i]) return;
    const v = graph.getNodeAttribute(id, attribute);
    if (v === undefined || v === null || v === "") return void missing.push(id);
    const x = typeof v === "number" ? v : Number(v);
    if (!Number.isFinite(x) || x < 0) return void nonNumeric.push(id);
    values[i] = x;
    total += x;
  });
  let note = `outside ties taken from the attribute ${attribute} (${total} in all, added to each inside actor's external inflow, count and strength; no actor added)`;
  if (missing.length) note += `; ${missing.length} inside actor(s) without a value counted 0 (${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""})`;
  if (nonNumeric.length) note += `; ${nonNumeric.length} non-numeric or negative value(s) counted 0 (${nonNumeric.slice(0, 5).join(", ")}${nonNumeric.length > 5 ? ", …" : ""})`;
  return { attribute, values, missing, nonNumeric, total, note };
}

/** A copy of an openness computed on the digraph with the attribute's outside ties added (the input, possibly memoised, is left alone). */
export function withExternalTies(o: ReturnType<typeof opennessOnDigraph>, ext: ExternalFromAttribute): ReturnType<typeof opennessOnDigraph> {
  const extIn = Float64Array.from(o.extIn);
  const extInS = Float64Array.from(o.extInS);
  for (let i = 0; i < ext.values.length; i++) {
    extIn[i] += ext.values[i];
    extInS[i] += ext.values[i];
  }
  return { ...o, extIn, extInS };
}

export interface ActorOpenness {
  id: string;
  label: string;
  kind: string;
  inCluster: boolean;
  /** Number of outside actors this actor receives knowledge from. */
  externalIn: number;
  externalInStrength: number;
  /** Number of outside actors this actor gives knowledge to. */
  externalOut: number;
  externalOutStrength: number;
  /** Number of inside actors this actor receives knowledge from. */
  localIn: number;
  localInStrength: number;
  /** Number of inside actors this actor gives knowledge to. */
  localOut: number;
  localOutStrength: number;
  /** Ids of the outside actors it receives knowledge from (input ids, graph order). */
  outsideSources: string[];
}

export interface ClusterOpenness {
  /** Actors inside / outside the cluster. */
  insideActors: number;
  outsideActors: number;
  /** Ties (collapsed arcs) from outside actors to inside actors, and their total strength. */
  inflowTies: number;
  inflowStrength: number;
  /** Ties from inside actors to outside actors, and their total strength. */
  outflowTies: number;
  outflowStrength: number;
  /** Ties among inside actors, and their total strength. */
  localTies: number;
  localStrength: number;
  /** Share of ties entering inside actors that come from outside (NaN when no tie enters an inside actor). */
  inflowShare: number;
  /** The same share, by strength. */
  inflowStrengthShare: number;
  /** Inside actors that receive knowledge from at least one outside actor. */
  openActors: number;
  /** openActors / insideActors (NaN when there is no inside actor). */
  openShare: number;
  /**
   * Concentration of the inflow: the largest share of the outside→inside strength received by a single
   * inside actor (NaN when there is no inflow). 1 means all outside knowledge enters through one actor.
   */
  topReceiverShare: number;
  /** That actor (undefined when there is no inflow). */
  topReceiver?: string;
  /**
   * Inside actors that outside knowledge reaches within two steps along the flow: they receive from an
   * outside actor, or from an inside actor that does. A cluster can take little from outside and still pass
   * what it takes around (a gatekeeper at work); a closed cluster does neither.
   */
  reachedWithinTwo: number;
  /** reachedWithinTwo / insideActors (NaN when there is no inside actor). */
  reachedWithinTwoShare: number;
}

export interface OpennessResult {
  options: { weight: WeightRule; insideOnly: boolean; externalAttribute?: string };
  /** Set when outside ties were taken from an attribute. */
  externalFromAttribute?: Omit<ExternalFromAttribute, "values">;
  actors: ActorOpenness[];
  cluster: ClusterOpenness;
}

/** Per-actor openness on a digraph given which actors are inside (`inside[i]`). All actors, index order. */
export function opennessOnDigraph(g: Digraph, inside: ArrayLike<boolean>) {
  const n = g.n;
  const extIn = new Float64Array(n);
  const extInS = new Float64Array(n);
  const extOut = new Float64Array(n);
  const extOutS = new Float64Array(n);
  const locIn = new Float64Array(n);
  const locInS = new Float64Array(n);
  const locOut = new Float64Array(n);
  const locOutS = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (let p = g.inStart[v]; p < g.inStart[v + 1]; p++) {
      const u = g.inAdj[p];
      if (inside[u]) {
        locIn[v]++;
        locInS[v] += g.inW[p];
      } else {
        extIn[v]++;
        extInS[v] += g.inW[p];
      }
    }
    for (let p = g.outStart[v]; p < g.outStart[v + 1]; p++) {
      const u = g.outAdj[p];
      if (inside[u]) {
        locOut[v]++;
        locOutS[v] += g.outW[p];
      } else {
        extOut[v]++;
        extOutS[v] += g.outW[p];
      }
    }
  }
  return { extIn, extInS, extOut, extOutS, locIn, locInS, locOut, locOutS };
}

/** Inside actors reached from outside within two steps (see {@link ClusterOpenness.reachedWithinTwo}). */
function outsideReach(g: Digraph, inside: ArrayLike<boolean>, extIn: Float64Array, insideActors: number) {
  const reached = new Uint8Array(g.n);
  let count = 0;
  for (let v = 0; v < g.n; v++) {
    if (!inside[v] || extIn[v] === 0) continue;
    if (!reached[v]) {
      reached[v] = 1;
      count++;
    }
    for (let p = g.outStart[v]; p < g.outStart[v + 1]; p++) {
      const w = g.outAdj[p];
      if (inside[w] && !reached[w]) {
        reached[w] = 1;
        count++;
      }
    }
  }
  return { reachedWithinTwo: count, reachedWithinTwoShare: insideActors === 0 ? NaN : count / insideActors };
}

/** {@link opennessOnDigraph} of a view's digraph under a weight rule, computed once per view. */
export function opennessOf(ctx: AnalysisContext, weight: WeightRule = "sum"): ReturnType<typeof opennessOnDigraph> {
  return ctx.memo(`openness:${weight}`, () => opennessOnDigraph(ctx.digraph(weight), ctx.inside()));
}

/**
 * External openness of every actor and of the cluster (see the module comment). The cluster summary is
 * what the "closed cluster" verdict reads: a low `inflowShare` and few `openActors` mean little outside
 * knowledge; a `topReceiverShare` near 1 means it enters through one actor.
 */
export function externalOpenness(input: Analysable, options: OpennessOptions = {}): OpennessResult {
  const ctx = contextOf(input);
  return ctx.memo(`externalOpenness:${JSON.stringify([options.weight ?? "sum", options.insideOnly ?? false, options.externalAttribute ?? null])}`, () => externalOpennessIn(ctx, options));
}

function externalOpennessIn(ctx: AnalysisContext, options: OpennessOptions): OpennessResult {
  const graph = ctx.network;
  const weight = options.weight ?? "sum";
  const insideOnly = options.insideOnly ?? false;
  const g = ctx.digraph(weight);
  const inside = ctx.inside();
  const ext = options.externalAttribute !== undefined ? externalTiesFromAttribute(graph, g.ids, inside, options.externalAttribute) : undefined;
  const o = ext ? withExternalTies(opennessOf(ctx, weight), ext) : opennessOf(ctx, weight);
  const actors: ActorOpenness[] = [];
  let insideActors = 0;
  let inflowTies = 0;
  let inflowStrength = 0;
  let outflowTies = 0;
  let outflowStrength = 0;
  let localTies = 0;
  let localStrength = 0;
  let openActors = 0;
  let top = -1;
  for (let i = 0; i < g.n; i++) {
    const a = graph.getNodeAttributes(g.ids[i]);
    if (inside[i]) {
      insideActors++;
      inflowTies += o.extIn[i];
      inflowStrength += o.extInS[i];
      outflowTies += o.extOut[i];
      outflowStrength += o.extOutS[i];
      localTies += o.locIn[i];
      localStrength += o.locInS[i];
      if (o.extIn[i] > 0) openActors++;
      if (o.extIn[i] > 0 && (top < 0 || o.extInS[i] > o.extInS[top])) top = i;
    }
    if (insideOnly && !inside[i]) continue;
    const sources: string[] = [];
    for (let p = g.inStart[i]; p < g.inStart[i + 1]; p++) if (!inside[g.inAdj[p]]) sources.push(g.ids[g.inAdj[p]]);
    actors.push({
      id: g.ids[i],
      label: a.label ?? g.ids[i],
      kind: a.kind,
      inCluster: inside[i],
      externalIn: o.extIn[i],
      externalInStrength: o.extInS[i],
      externalOut: o.extOut[i],
      externalOutStrength: o.extOutS[i],
      localIn: o.locIn[i],
      localInStrength: o.locInS[i],
      localOut: o.locOut[i],
      localOutStrength: o.locOutS[i],
      outsideSources: sources,
    });
  }
  const cluster: ClusterOpenness = {
    insideActors,
    outsideActors: g.n - insideActors,
    inflowTies,
    inflowStrength,
    outflowTies,
    outflowStrength,
    localTies,
    localStrength,
    inflowShare: inflowTies + localTies === 0 ? NaN : inflowTies / (inflowTies + localTies),
    inflowStrengthShare: inflowStrength + localStrength === 0 ? NaN : inflowStrength / (inflowStrength + localStrength),
    openActors,
    openShare: insideActors === 0 ? NaN : openActors / insideActors,
    topReceiverShare: top < 0 || inflowStrength === 0 ? NaN : o.extInS[top] / inflowStrength,
    ...outsideReach(g, inside, o.extIn, insideActors),
  };
  if (top >= 0) cluster.topReceiver = g.ids[top];
  const result: OpennessResult = { options: { weight, insideOnly }, actors, cluster };
  if (ext) {
    const { values: _v, ...rest } = ext;
    result.options.externalAttribute = ext.attribute;
    result.externalFromAttribute = rest;
  }
  return result;
}
