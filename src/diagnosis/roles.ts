/**
 * Cognitive roles of cluster actors, after Giuliani & Bell (2005, Research Policy 34:47–68): each actor
 * inside the cluster is placed on two axes — its position in the local knowledge network (as a *source*:
 * knowledge it gives to local actors; as an *absorber*: knowledge it receives from local actors) and its
 * *external openness* (knowledge it receives from actors outside the cluster) — and classified:
 *
 * | role                      | local source | local absorber | open outside |
 * |---------------------------|--------------|----------------|--------------|
 * | technologicalGatekeeper   | above        | above          | above        |
 * | activeMutualExchanger     | above        | above          | not above    |
 * | externalStar              | not both above             | above        |
 * | weaklyConnected           | some local ties, not both above | not above |
 * | isolated                  | no local ties               | not above    |
 * | outside                   | actor outside the cluster (not classified) |
 *
 * "Well connected inside" requires both the source and the absorber quantity above their thresholds (the
 * definition above, default); option `wellConnected: "either"` accepts one of the two, so that an open
 * actor that passes much knowledge on locally but receives little back (a principal subcontractor) counts
 * as a gatekeeper rather than an external star.
 *
 * "Above" means strictly greater than a threshold. Thresholds are explicit options; by default each is
 * the **median over the actors inside the cluster** of the quantity concerned (so with sparse data a
 * median of 0 makes "above" mean "at least one tie"). The thresholds used are returned with the result.
 * The quantities are tie strengths (sums of survey strengths, `measure: "strength"`, default) or numbers
 * of partner actors (`measure: "count"`).
 *
 * Source/absorber balance: `(localOut − localIn) / (localOut + localIn)` in [−1, 1]; +1 a pure source,
 * −1 a pure absorber, NaN with no local tie. `position` names it: `source` above `balanceBand`,
 * `absorber` below −`balanceBand`, `mutual` in between, `none` without local ties.
 *
 * This is a project operationalisation: the paper's exact indices and cut-offs (reportedly relative to
 * cluster averages) were not available to verify. Ties are knowledge flow source → target.
 */
import { contextOf, type Analysable, type AnalysisContext } from "../model/context.js";
import { type WeightRule } from "../model/views.js";
import { externalTiesFromAttribute, opennessOf, withExternalTies } from "../metrics/openness.js";

export const COGNITIVE_ROLES = ["technologicalGatekeeper", "activeMutualExchanger", "externalStar", "weaklyConnected", "isolated", "outside"] as const;
export type CognitiveRole = (typeof COGNITIVE_ROLES)[number];

/** Words for people. */
export const COGNITIVE_ROLE_LABELS: Record<CognitiveRole, string> = {
  technologicalGatekeeper: "technological gatekeeper",
  activeMutualExchanger: "active mutual exchanger",
  externalStar: "external star",
  weaklyConnected: "weakly connected",
  isolated: "isolated",
  outside: "outside the cluster",
};

export type SourceAbsorberPosition = "source" | "absorber" | "mutual" | "none";

export interface CognitiveRoleThresholds {
  /** An actor is a local source when its local outflow is above this. */
  localOut: number;
  /** An actor is a local absorber when its local inflow is above this. */
  localIn: number;
  /** An actor is open when its inflow from outside actors is above this. */
  externalIn: number;
}

export interface CognitiveRoleOptions {
  /** Strengths (sum of survey strengths; default) or counts of partner actors. */
  measure?: "strength" | "count";
  /** Fixed thresholds; any left out is the median over inside actors. */
  thresholds?: Partial<CognitiveRoleThresholds>;
  /** Half-width of the `mutual` band of the source/absorber balance (default 0.2). */
  balanceBand?: number;
  /** Weight rule for collapsing parallel ties (default `sum`). */
  weight?: WeightRule;
  /** Well connected inside = source and absorber above their thresholds (`both`, default) or either. */
  wellConnected?: "both" | "either";
  /** Actor attribute holding each actor's count of outside ties, added to its openness (metrics/openness.ts). */
  externalAttribute?: string;
}

export interface ActorCognitiveRole {
  id: string;
  label: string;
  kind: string;
  inCluster: boolean;
  role: CognitiveRole;
  /** Local outflow (to inside actors) in the chosen measure. */
  localOut: number;
  /** Local inflow (from inside actors). */
  localIn: number;
  /** Inflow from outside actors. */
  externalIn: number;
  balance: number;
  position: SourceAbsorberPosition;
}

export interface CognitiveRolesResult {
  options: { measure: "strength" | "count"; balanceBand: number; weight: WeightRule; wellConnected: "both" | "either"; externalAttribute?: string };
  /** Set when outside ties were taken from an attribute: what was added and which actors had no value. */
  externalFromAttribute?: { attribute: string; total: number; missing: string[]; nonNumeric: string[]; note: string };
  thresholds: CognitiveRoleThresholds & {
    /** Where each threshold came from. */
    origin: Record<keyof CognitiveRoleThresholds, "median of inside actors" | "given">;
    rule: "above (strictly greater than) the threshold";
  };
  actors: ActorCognitiveRole[];
  /** Number of actors in each role. */
  counts: Record<CognitiveRole, number>;
}

/** Median of a list of numbers (mean of the two middle values for even lengths); NaN for none. */
function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/**
 * The local margin of an actor: how far it is above its local thresholds, min(localOut − t.localOut,
 * localIn − t.localIn) under `wellConnected: "both"` (max under `"either"`). The role rule calls an actor well
 * connected locally exactly when the margin is > 0, so a quadrant with this vertical axis, a line at 0 and a
 * line at the openness threshold has the regions of the rule (the report's and the viewer's quadrant).
 */
export function localMargin(localOut: number, localIn: number, t: CognitiveRoleThresholds, wellConnected: "both" | "either" = "both"): number {
  const a = localOut - t.localOut;
  const b = localIn - t.localIn;
  return wellConnected === "both" ? Math.min(a, b) : Math.max(a, b);
}

/** Classify one inside actor given its quantities and the thresholds. */
export function classifyCognitiveRole(localOut: number, localIn: number, externalIn: number, t: CognitiveRoleThresholds, wellConnected: "both" | "either" = "both"): CognitiveRole {
  const well = wellConnected === "both" ? localOut > t.localOut && localIn > t.localIn : localOut > t.localOut || localIn > t.localIn;
  const open = externalIn > t.externalIn;
  if (well) return open ? "technologicalGatekeeper" : "activeMutualExchanger";
  if (open) return "externalStar";
  return localOut + localIn > 0 ? "weaklyConnected" : "isolated";
}

/**
 * Cognitive roles (Giuliani & Bell 2005) and source/absorber balance of every actor; see the module
 * comment for the rule and the default thresholds.
 */
export function cognitiveRoles(input: Analysable, options: CognitiveRoleOptions = {}): CognitiveRolesResult {
  const ctx = contextOf(input);
  return ctx.memo(`cognitiveRoles:${JSON.stringify([options.measure ?? "strength", options.thresholds ?? {}, options.balanceBand ?? 0.2, options.weight ?? "sum", options.wellConnected ?? "both", options.externalAttribute ?? null])}`, () => cognitiveRolesIn(ctx, options));
}

function cognitiveRolesIn(ctx: AnalysisContext, options: CognitiveRoleOptions): CognitiveRolesResult {
  const graph = ctx.network;
  const measure = options.measure ?? "strength";
  const balanceBand = options.balanceBand ?? 0.2;
  const weight = options.weight ?? "sum";
  const wellConnected = options.wellConnected ?? "both";
  const g = ctx.digraph(weight);
  const inside = ctx.inside();
  const ext = options.externalAttribute !== undefined ? externalTiesFromAttribute(graph, g.ids, inside, options.externalAttribute) : undefined;
  const o = ext ? withExternalTies(opennessOf(ctx, weight), ext) : opennessOf(ctx, weight);
  const lo = measure === "strength" ? o.locOutS : o.locOut;
  const li = measure === "strength" ? o.locInS : o.locIn;
  const ei = measure === "strength" ? o.extInS : o.extIn;
  const insideValues = (a: Float64Array) => Array.from(a).filter((_v, i) => inside[i]);
  const given = options.thresholds ?? {};
  const pick = (k: keyof CognitiveRoleThresholds, a: Float64Array) => (given[k] !== undefined ? given[k]! : median(insideValues(a)));
  const thresholds: CognitiveRoleThresholds = { localOut: pick("localOut", lo), localIn: pick("localIn", li), externalIn: pick("externalIn", ei) };
  const origin = {
    localOut: given.localOut !== undefined ? "given" : "median of inside actors",
    localIn: given.localIn !== undefined ? "given" : "median of inside actors",
    externalIn: given.externalIn !== undefined ? "given" : "median of inside actors",
  } as const;
  const counts = Object.fromEntries(COGNITIVE_ROLES.map((r) => [r, 0])) as Record<CognitiveRole, number>; // keys from code
  const actors = g.ids.map((id, i): ActorCognitiveRole => {
    const a = graph.getNodeAttributes(id);
    const role = inside[i] ? classifyCognitiveRole(lo[i], li[i], ei[i], thresholds, wellConnected) : "outside";
    counts[role]++;
    const sum = lo[i] + li[i];
    const balance = sum > 0 ? (lo[i] - li[i]) / sum : NaN;
    const position: SourceAbsorberPosition = !(sum > 0) ? "none" : balance > balanceBand ? "source" : balance < -balanceBand ? "absorber" : "mutual";
    return { id, label: a.label ?? id, kind: a.kind, inCluster: inside[i], role, localOut: lo[i], localIn: li[i], externalIn: ei[i], balance, position };
  });
  const result: CognitiveRolesResult = {
    options: { measure, balanceBand, weight, wellConnected },
    thresholds: { ...thresholds, origin: { ...origin }, rule: "above (strictly greater than) the threshold" },
    actors,
    counts,
  };
  if (ext) {
    result.options.externalAttribute = ext.attribute;
    result.externalFromAttribute = { attribute: ext.attribute, total: ext.total, missing: ext.missing, nonNumeric: ext.nonNumeric, note: ext.note };
  }
  return result;
}
