/**
 * What a network holds, at a glance: actors by kind and inside/outside the cluster, ties by relation and tie
 * type, density, reciprocity, components, and who answered the survey — the figures `clusterflow info`
 * prints before any analysis.
 *
 * Density, reciprocity and components are computed on the collapsed digraph of the graph given (all its
 * relations and waves merged, model/views.ts `collapse` rule `sum`; weights play no part in them), and per
 * relation on that relation's ties alone. Ties are knowledge flow source → target; none of these figures
 * depends on that convention. See metrics/cohesion.ts and metrics/components.ts for formulas and peers.
 */
import { contextOf, type Analysable } from "../model/context.js";
import type { ClusterGraph, TieType } from "../model/types.js";
import { TIE_TYPES } from "../model/types.js";
import { relationsOf, wavesOf } from "../model/graph.js";
import { filterTies, type Digraph } from "../model/views.js";
import { density, dyadCensus, reciprocity, type DyadCensus } from "./cohesion.js";
import { strongComponents, weakComponents } from "./components.js";
import { dict } from "../model/dict.js";

export interface CohesionFigures {
  actorCount: number;
  /** Ties (edges of the multigraph) and arcs (ordered pairs with at least one tie, self-loops apart). */
  ties: number;
  arcs: number;
  selfLoops: number;
  totalStrength: number;
  density: number;
  /** Edgewise reciprocity: share of arcs whose reverse exists (igraph default, sna grecip edgewise). */
  reciprocity: number;
  dyads: DyadCensus;
  weakComponents: number;
  largestWeakComponent: number;
  strongComponents: number;
  isolates: number;
}

export interface RelationRespondents {
  relation: string;
  /** Actors marked respondent and not listed as non-respondents for the relation. */
  respondents: number;
  /** Actors listed in nonRespondents[relation] or marked respondent = false. */
  nonRespondents: number;
  /** Actors with no respondent status at all. */
  unknown: number;
  nonRespondentIds: string[];
}

export interface NetworkOverview {
  actors: { total: number; inside: number; outside: number; byKind: { kind: string; inside: number; outside: number }[] };
  ties: { total: number; byRelation: { relation: string; total: number; byTieType: Record<TieType, number> }[]; byTieType: Record<TieType, number> };
  relations: string[];
  waves: string[];
  direction: string;
  cohesion: CohesionFigures;
  byRelation: ({ relation: string } & CohesionFigures)[];
  respondents: { respondents: number; nonRespondents: number; unknown: number; byRelation: RelationRespondents[] };
  options: { collapse: "sum"; loops: "excluded from density and reciprocity" };
}

function cohesionOf(graph: ClusterGraph): CohesionFigures {
  const g: Digraph = contextOf(graph).digraph("sum");
  const weak = weakComponents(g);
  let isolates = 0;
  for (let i = 0; i < g.n; i++) if (g.outStart[i + 1] === g.outStart[i] && g.inStart[i + 1] === g.inStart[i]) isolates++;
  let totalStrength = 0;
  const weights = graph.tieWeight;
  for (let e = 0; e < weights.length; e++) totalStrength += weights[e];
  const dyads = dyadCensus(g);
  return {
    actorCount: g.n,
    ties: graph.size,
    arcs: g.arcs,
    selfLoops: g.loopCount,
    totalStrength,
    density: density(g),
    reciprocity: reciprocity(g, {}, dyads),
    dyads,
    weakComponents: weak.count,
    largestWeakComponent: weak.largest >= 0 ? weak.sizes[weak.largest] : 0,
    strongComponents: strongComponents(g).count,
    isolates,
  };
}

const zeroTypes = (): Record<TieType, number> => Object.fromEntries(TIE_TYPES.map((t) => [t, 0])) as Record<TieType, number>; // keys from code

/** The overview of a cluster graph (see the module comment). */
export function networkOverview(input: Analysable): NetworkOverview {
  const ctx = contextOf(input);
  const graph = ctx.network;
  const kinds = new Map<string, { inside: number; outside: number }>();
  let inside = 0;
  graph.forEachNode((_id, a) => {
    const k = kinds.get(a.kind) ?? { inside: 0, outside: 0 };
    if (a.inCluster) {
      k.inside++;
      inside++;
    } else k.outside++;
    kinds.set(a.kind, k);
  });
  const relations = relationsOf(graph);
  const byTieType = zeroTypes();
  const rel = new Map<string, { total: number; byTieType: Record<TieType, number> }>(relations.map((r) => [r, { total: 0, byTieType: zeroTypes() }]));
  const relCode = graph.tieRelation;
  const typeCode = graph.tieTypeCode;
  const relOf = graph.relationNames.map((r) => rel.get(r));
  for (let e = 0; e < graph.size; e++) {
    const t = TIE_TYPES[typeCode[e]];
    byTieType[t]++;
    const r = relOf[relCode[e]]!;
    r.total++;
    r.byTieType[t]++;
  }
  const nonResp = dict<string[]>(graph.getAttribute("nonRespondents") ?? {});
  const nonSets = new Map(Object.entries(nonResp).map(([r, ids]) => [r, new Set(ids)] as const));
  const respondentRelations = [...new Set([...relations, ...Object.keys(nonResp)])].sort();
  const statusOf = (id: string, relation?: string): "respondent" | "non" | "unknown" => {
    const r = graph.getNodeAttribute(id, "respondent");
    if (r === false) return "non";
    if (relation !== undefined && nonSets.get(relation)?.has(id)) return "non";
    return r === true ? "respondent" : "unknown";
  };
  const count = (relation?: string) => {
    const c = { respondents: 0, nonRespondents: 0, unknown: 0, ids: [] as string[] };
    graph.forEachNode((id) => {
      const s = statusOf(id, relation);
      if (s === "respondent") c.respondents++;
      else if (s === "non") {
        c.nonRespondents++;
        c.ids.push(id);
      } else c.unknown++;
    });
    return c;
  };
  const all = count();
  return {
    actors: {
      total: graph.order,
      inside,
      outside: graph.order - inside,
      byKind: [...kinds.entries()].map(([kind, v]) => ({ kind, ...v })).sort((a, b) => b.inside + b.outside - (a.inside + a.outside) || a.kind.localeCompare(b.kind)),
    },
    ties: { total: graph.size, byRelation: relations.map((r) => ({ relation: r, ...rel.get(r)! })), byTieType },
    relations,
    waves: wavesOf(graph),
    direction: graph.getAttribute("direction"),
    cohesion: cohesionOf(graph),
    byRelation: relations.length > 1 ? relations.map((r) => ({ relation: r, ...cohesionOf(filterTies(graph, { relations: [r] })) })) : [],
    respondents: {
      respondents: all.respondents,
      nonRespondents: all.nonRespondents,
      unknown: all.unknown,
      byRelation: respondentRelations.map((r) => {
        const c = count(r);
        return { relation: r, respondents: c.respondents, nonRespondents: c.nonRespondents, unknown: c.unknown, nonRespondentIds: c.ids };
      }),
    },
    options: { collapse: "sum", loops: "excluded from density and reciprocity" },
  };
}
