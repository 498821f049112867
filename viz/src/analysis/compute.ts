/**
 * What the viewer shows about a graph, computed by the library's own functions (src/metrics,
 * src/diagnosis) on the view the filters select — the same calls the command line makes. Pure: graph and
 * options in, plain data out (structured-clone friendly, so it can cross a worker boundary).
 */
import type { ClusterGraph, TieType } from "../../../src/model/types.js";
import { filterTies, type TieFilter } from "../../../src/model/views.js";
import { contextOf } from "../../../src/model/context.js";
import { brokerage, BROKERAGE_ROLES, type BrokerageRoles } from "../../../src/metrics/brokerage.js";
import { externalOpenness } from "../../../src/metrics/openness.js";
import { louvainCommunities } from "../../../src/metrics/communities.js";
import { cognitiveRoles, COGNITIVE_ROLE_LABELS, type CognitiveRolesResult } from "../../../src/diagnosis/roles.js";
import { gatekeepers } from "../../../src/diagnosis/gatekeepers.js";
import { centrality, degrees } from "../../../src/metrics/centrality.js";
import { structuralHoles } from "../../../src/metrics/structuralHoles.js";
import { diagnose, type Diagnosis } from "../../../src/diagnosis/diagnose.js";
import { compareRounds, type RoundPair, type RoundsComparison } from "./rounds.js";

/** Filters as plain arrays (undefined = everything). */
export interface ViewFilter {
  relations?: string[];
  waves?: string[];
  tieTypes?: TieType[];
  kinds?: string[];
  minWeight?: number;
  localOnly?: boolean;
}

export interface AnalysisOptions {
  filter: ViewFilter;
  /** Partition for brokerage and the gatekeeper ranking (the CLI's default is inCluster). */
  partition: string;
  /** Partition whose fragmentation the diagnosis examines (undefined: the diagnosis chooses). */
  groups?: string;
  seed: number;
  resolution: number;
  /** Two survey rounds to compare (the view keeps every round: the wave filter is set aside). */
  compare?: RoundPair;
}

export interface MetricDef {
  key: string;
  label: string;
  section: string;
  description: string;
}

export interface AnalysisProblem {
  section: string;
  message: string;
}

export interface Analysis {
  options: AnalysisOptions;
  /** Actors and ties of the analysed view. */
  order: number;
  size: number;
  /** Per-actor numeric metrics: definitions, then values by metric key and actor id. */
  metrics: MetricDef[];
  values: Record<string, Record<string, number>>;
  brokerage?: { partition: string; raw: Record<string, BrokerageRoles>; z: Record<string, BrokerageRoles>; group: Record<string, string> };
  roles?: { byId: Record<string, CognitiveRolesResult["actors"][number]>; thresholds: CognitiveRolesResult["thresholds"]; counts: CognitiveRolesResult["counts"]; options: CognitiveRolesResult["options"] };
  gatekeepers?: { id: string; rank: number; score: number; reasons: string[]; detail?: Record<string, unknown> }[];
  gatekeeperOptions?: Record<string, unknown>;
  communities?: { membership: Record<string, string>; count: number; modularity: number; seed: number; resolution: number; directed: boolean; weighted: boolean };
  /** The cluster diagnosis, as `clusterflow report` computes it on the same view (not in the fast phase). */
  diagnosis?: Diagnosis;
  /** The comparison of `options.compare` (per-round ranks and roles from the verdicts phase on). */
  rounds?: RoundsComparison;
  problems: AnalysisProblem[];
  timings: Record<string, number>;
}

export const ROLE_WORDS: Record<string, string> = COGNITIVE_ROLE_LABELS;

function toTieFilter(f: ViewFilter): TieFilter {
  return { relations: f.relations, waves: f.waves, tieTypes: f.tieTypes, kinds: f.kinds, minWeight: f.minWeight, localOnly: f.localOnly };
}

let lastView: { graph: ClusterGraph; version: number; filter: string; view: ClusterGraph } | undefined;

/**
 * The view the filters select (the graph itself when nothing is filtered). The last view is kept, so the
 * phases of one analysis read one network and share its analysis context (model/context.ts): every
 * structure is built once for all of them.
 */
export function viewOf(graph: ClusterGraph, f: ViewFilter): ClusterGraph {
  const any = f.relations || f.waves || f.tieTypes || f.kinds || (f.minWeight !== undefined && f.minWeight > 0) || f.localOnly;
  if (!any) return graph;
  const key = JSON.stringify(toTieFilter(f));
  if (lastView && lastView.graph === graph && lastView.version === graph.version && lastView.filter === key) return lastView.view;
  const view = filterTies(graph, toTieFilter(f));
  lastView = { graph, version: graph.version, filter: key, view };
  return view;
}

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

function step<T>(a: Analysis, section: string, fn: () => T): T | undefined {
  const t0 = now();
  try {
    return fn();
  } catch (e) {
    a.problems.push({ section, message: e instanceof Error ? e.message : String(e) });
    return undefined;
  } finally {
    a.timings[section] = Math.round((now() - t0) * 10) / 10;
  }
}

function column(a: Analysis, def: MetricDef, values: Record<string, number>): void {
  const i = a.metrics.findIndex((m) => m.key === def.key);
  if (i >= 0) a.metrics[i] = def;
  else a.metrics.push(def);
  a.values[def.key] = values;
}

/** The order of the metric columns (the order of a one-phase analysis), whatever phase computed them. */
const METRIC_ORDER = [
  "gatekeeperScore",
  "inDegree",
  "outDegree",
  "inStrength",
  "outStrength",
  "betweenness",
  "closenessIn",
  "closenessOut",
  "pagerank",
  "eigenvector",
  "externalIn",
  "externalInStrength",
  "externalOut",
  "brokerageGatekeeper",
  "brokerageLiaison",
  "brokerageTotal",
  "effectiveSize",
  "constraint",
];

function sortMetrics(a: Analysis): void {
  const rank = (k: string) => {
    const i = METRIC_ORDER.indexOf(k);
    return i < 0 ? METRIC_ORDER.length : i;
  };
  a.metrics.sort((x, y) => rank(x.key) - rank(y.key));
}

/** Work beyond this many actors + ties is split: cheap measures first, path-based ones after. */
export const HEAVY_WORK = 6_000;

export type Phase = "fast" | "verdicts" | "full";

/**
 * Analyse the view of `graph` selected by `options.filter`. The `fast` phase leaves out the diagnosis, the
 * Louvain communities and the path-based centralities (betweenness, closeness: O(n·m), sampled on large
 * views as on the command line) and the spectral ones; `verdicts` adds the diagnosis; `full` computes
 * everything. Given the analysis of an earlier phase of the same view and options
 * (`reuse`), a phase computes only what that one lacks: each measure is computed once per view, and the
 * phases share the view's analysis context.
 */
export function analyse(graph: ClusterGraph, options: AnalysisOptions, phase: Phase = "full", reuse?: Analysis): Analysis {
  const view = viewOf(graph, options.filter);
  const a: Analysis = reuse
    ? { ...reuse, options, metrics: [...reuse.metrics], values: { ...reuse.values }, problems: [...reuse.problems], timings: { ...reuse.timings } }
    : { options, order: view.order, size: view.size, metrics: [], values: {}, problems: [], timings: {} };
  const byId = (ids: string[], arr: ArrayLike<number>) => Object.fromEntries(ids.map((id, i) => [id, arr[i]]));
  const done = (section: string) => a.timings[section] !== undefined;

  // The diagnosis first: the measures below then read what it memoised in the view's analysis context.
  if (phase !== "fast" && !done("diagnosis")) {
    step(a, "diagnosis", () => {
      a.diagnosis = diagnose(view, { seed: options.seed, resolution: options.resolution, partition: options.groups, gatekeepers: options.partition !== "inCluster" ? { partition: options.partition } : undefined });
    });
  }

  if (!done("gatekeepers")) step(a, "gatekeepers", () => {
    const r = gatekeepers(view, { partition: options.partition });
    a.gatekeepers = r.ranking.map((x) => ({ id: x.id, rank: x.rank, score: x.score, reasons: x.reasons, detail: { scoreParts: x.scoreParts, group: x.group, outsideSources: x.outsideSources } }));
    a.gatekeeperOptions = { ...r.options, thresholds: r.thresholds, notes: r.notes };
    column(a, { key: "gatekeeperScore", label: "gatekeeper score", section: "gatekeeping", description: r.options.score }, Object.fromEntries(r.ranking.map((x) => [x.id, x.score])));
  });

  if (phase === "full" && !done("centrality")) {
    step(a, "centrality", () => {
      const c = centrality(view);
      const ids = c.actors.map((x) => x.id);
      const col = (key: keyof (typeof c.actors)[number], label: string, description: string) =>
        column(a, { key: String(key), label, section: "centrality", description }, byId(ids, c.actors.map((x) => x[key] as number)));
      col("inDegree", "in-degree", "actors it receives knowledge from");
      col("outDegree", "out-degree", "actors it gives knowledge to");
      col("inStrength", "in-strength", "sum of the strengths of the ties it receives");
      col("outStrength", "out-strength", "sum of the strengths of the ties it gives");
      col("betweenness", "betweenness", "shortest knowledge paths through it (raw, unweighted)");
      col("closenessIn", "closeness (in)", "how directly others' knowledge reaches it");
      col("closenessOut", "closeness (out)", "how directly its knowledge reaches others");
      col("pagerank", "PageRank", "weighted by tie strength, damping 0.85");
      col("eigenvector", "eigenvector", "receives knowledge from central actors (weighted)");
    });
  } else if (!done("degree") && !done("centrality")) {
    step(a, "degree", () => {
      const g = contextOf(view).digraph("sum");
      const d = degrees(g);
      column(a, { key: "inDegree", label: "in-degree", section: "centrality", description: "actors it receives knowledge from" }, byId(g.ids, d.inDegree));
      column(a, { key: "outDegree", label: "out-degree", section: "centrality", description: "actors it gives knowledge to" }, byId(g.ids, d.outDegree));
      column(a, { key: "inStrength", label: "in-strength", section: "centrality", description: "sum of the strengths of the ties it receives" }, byId(g.ids, d.inStrength));
      column(a, { key: "outStrength", label: "out-strength", section: "centrality", description: "sum of the strengths of the ties it gives" }, byId(g.ids, d.outStrength));
    });
  }

  if (!done("openness")) step(a, "openness", () => {
    const o = externalOpenness(view);
    const ids = o.actors.map((x) => x.id);
    column(a, { key: "externalIn", label: "outside sources", section: "openness", description: "outside actors it receives knowledge from" }, byId(ids, o.actors.map((x) => x.externalIn)));
    column(a, { key: "externalInStrength", label: "outside inflow", section: "openness", description: "strength of the knowledge it receives from outside actors" }, byId(ids, o.actors.map((x) => x.externalInStrength)));
    column(a, { key: "externalOut", label: "outside recipients", section: "openness", description: "outside actors it gives knowledge to" }, byId(ids, o.actors.map((x) => x.externalOut)));
  });

  if (!done("brokerage")) step(a, "brokerage", () => {
    const b = brokerage(view, { partition: options.partition });
    const raw: Record<string, BrokerageRoles> = {};
    const z: Record<string, BrokerageRoles> = {};
    const group: Record<string, string> = {};
    for (const x of b.actors) {
      raw[x.id] = Object.fromEntries(BROKERAGE_ROLES.map((r) => [r, x[r]])) as BrokerageRoles;
      z[x.id] = x.z;
      group[x.id] = x.group;
    }
    a.brokerage = { partition: b.options.partition, raw, z, group };
    const ids = b.actors.map((x) => x.id);
    column(a, { key: "brokerageGatekeeper", label: "G–F gatekeeper", section: "brokerage", description: `Gould–Fernandez gatekeeper two-paths over ${b.options.partition} (raw)` }, byId(ids, b.actors.map((x) => x.gatekeeper)));
    column(a, { key: "brokerageLiaison", label: "G–F liaison", section: "brokerage", description: `Gould–Fernandez liaison two-paths over ${b.options.partition} (raw)` }, byId(ids, b.actors.map((x) => x.liaison)));
    column(a, { key: "brokerageTotal", label: "G–F total", section: "brokerage", description: `Gould–Fernandez brokerage, all roles, over ${b.options.partition} (raw)` }, byId(ids, b.actors.map((x) => x.total)));
  });

  if (!done("holes")) step(a, "holes", () => {
    const r = structuralHoles(view);
    const ids = r.actors.map((x) => x.id);
    column(a, { key: "effectiveSize", label: "effective size", section: "structural holes", description: "Burt's effective size (non-redundant contacts)" }, byId(ids, r.actors.map((x) => x.effectiveSize)));
    column(a, { key: "constraint", label: "constraint", section: "structural holes", description: "Burt's constraint (low = spans structural holes)" }, byId(ids, r.actors.map((x) => x.constraint)));
  });

  if (!done("roles")) step(a, "roles", () => {
    const r = cognitiveRoles(view);
    a.roles = { byId: Object.fromEntries(r.actors.map((x) => [x.id, x])), thresholds: r.thresholds, counts: r.counts, options: r.options };
  });

  if (options.compare) {
    const pair = options.compare;
    if (reuse?.rounds?.positions && phase !== "fast") a.rounds = reuse.rounds;
    else step(a, "rounds", () => (a.rounds = compareRounds(view, pair, { seed: options.seed, resolution: options.resolution, sideBySide: phase !== "fast" })));
  }

  if (phase === "full" && !done("communities")) step(a, "communities", () => {
    const g = contextOf(view).digraph("sum");
    const c = louvainCommunities(g, { seed: options.seed, resolution: options.resolution });
    a.communities = {
      membership: Object.fromEntries(g.ids.map((id, i) => [id, c.membership[i]])),
      count: c.count,
      modularity: c.modularity,
      seed: c.options.seed,
      resolution: c.options.resolution,
      directed: c.options.directed,
      weighted: c.options.weighted,
    };
  });

  sortMetrics(a);
  return a;
}

/** What `next` (an analysis computed from `prev` with `reuse`) adds to it: the parts to send on. */
export function analysisDelta(prev: Analysis | undefined, next: Analysis): Partial<Analysis> {
  if (!prev) return next;
  const d: Partial<Analysis> = { options: next.options, order: next.order, size: next.size, metrics: next.metrics, problems: next.problems, timings: next.timings, values: {} };
  for (const [k, v] of Object.entries(next.values)) if (prev.values[k] !== v) d.values![k] = v;
  for (const k of ["brokerage", "roles", "gatekeepers", "gatekeeperOptions", "communities", "diagnosis", "rounds"] as const) if (next[k] !== prev[k]) (d as Record<string, unknown>)[k] = next[k];
  return d;
}

/** The analysis `prev` with a delta of {@link analysisDelta} applied. */
export function applyDelta(prev: Analysis | undefined, d: Partial<Analysis>): Analysis {
  if (!prev) return d as Analysis;
  return { ...prev, ...d, values: { ...prev.values, ...(d.values ?? {}) } } as Analysis;
}
