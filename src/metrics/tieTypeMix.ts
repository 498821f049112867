/**
 * The tie-type mix: how many ties, and how much strength, are horizontal, vertical, institutional or
 * external — per relation and survey round, inside the cluster and across its boundary. Schmitz & Nadvi
 * (1999) and Caniëls & Romijn (2003) state their findings in these terms (bilateral horizontal
 * co-operation, vertical co-operation with suppliers and buyers, multilateral co-operation through
 * associations, outside links).
 *
 * Classes (a tie = knowledge flows source → target; every tie of the multigraph counts once, relations
 * and rounds apart):
 * - **external** — one end outside the cluster (`inCluster === false`). Both rules.
 * - **institutional** (rule `institutional`, default) — both ends inside and one end a *support
 *   organisation*: an actor whose `kind` is one of `supportKinds` (default association, government,
 *   service-centre) or whose `stage` is one of `supportStages` (default `support`: a lab, consultancy or
 *   training centre acting as a support organisation rather than as a research producer). This is
 *   multilateral co-operation (through a trade body, a service centre, an agency) told apart from
 *   bilateral ties between firms.
 * - **horizontal / vertical** — the tie's stored `tieType` (same / different value-chain stage, an explicit
 *   value in the data wins; model/tieType.ts).
 *
 * Rule `classic` keeps the three stored types (institutional ties count as horizontal or vertical, as
 * before). Across-boundary ties are also counted by whether they touch a support organisation
 * (`externalInstitutional`: e.g. a foreign consultancy hired by the association).
 *
 * Strength is the sum of tie weights. Shares are of all ties in the row (NaN for an empty row). Matches a
 * plain count of the edge list (no peer computes this class); the tests count by hand-independent
 * enumeration on planted graphs.
 */
import type { ClusterGraph } from "../model/types.js";

export const MIX_CLASSES = ["horizontal", "vertical", "institutional", "external"] as const;
export type MixClass = (typeof MIX_CLASSES)[number];

export const DEFAULT_SUPPORT_KINDS = ["association", "government", "service-centre"] as const;
export const DEFAULT_SUPPORT_STAGES = ["support"] as const;

export interface TieTypeMixOptions {
  /** `institutional` (default): four classes; `classic`: the stored horizontal / vertical / external. */
  rule?: "institutional" | "classic";
  supportKinds?: string[];
  supportStages?: string[];
}

export interface MixCounts {
  ties: Record<MixClass, number>;
  strength: Record<MixClass, number>;
  /** Share of the row's ties in each class. */
  share: Record<MixClass, number>;
  total: number;
  totalStrength: number;
  /** Ties with both ends inside the cluster / with one end outside. */
  inside: number;
  across: number;
  /** Ties across the boundary that touch a support organisation. */
  externalInstitutional: number;
}

export interface MixRow extends MixCounts {
  relation: string;
  /** Survey round (`wave`); null for ties without one. */
  round: string | null;
}

export interface TieTypeMix {
  options: { rule: "institutional" | "classic"; supportKinds: string[]; supportStages: string[] };
  /** All ties pooled. */
  all: MixCounts;
  /** One row per relation × round present, sorted by relation then round. */
  rows: MixRow[];
  /** One row per relation, rounds pooled. */
  byRelation: MixRow[];
  /** Support organisations found (ids), inside and outside. */
  supportOrganisations: string[];
  rounds: string[];
  relations: string[];
}

function emptyCounts(): MixCounts {
  const z = () => ({ horizontal: 0, vertical: 0, institutional: 0, external: 0 });
  return { ties: z(), strength: z(), share: z(), total: 0, totalStrength: 0, inside: 0, across: 0, externalInstitutional: 0 };
}

function finish(c: MixCounts): MixCounts {
  for (const k of MIX_CLASSES) c.share[k] = c.total ? c.ties[k] / c.total : NaN;
  return c;
}

/** Is this actor a support organisation under the options? */
export function isSupportOrganisation(a: { kind?: unknown; stage?: unknown }, options: TieTypeMixOptions = {}): boolean {
  const kinds = options.supportKinds ?? [...DEFAULT_SUPPORT_KINDS];
  const stages = options.supportStages ?? [...DEFAULT_SUPPORT_STAGES];
  return kinds.includes(String(a.kind ?? "")) || (a.stage !== undefined && a.stage !== null && stages.includes(String(a.stage)));
}

/** The class of one tie under the options. */
export function mixClass(
  tieType: string,
  source: { inCluster?: unknown; kind?: unknown; stage?: unknown },
  target: { inCluster?: unknown; kind?: unknown; stage?: unknown },
  options: TieTypeMixOptions = {},
): MixClass {
  if (source.inCluster === false || target.inCluster === false) return "external";
  if ((options.rule ?? "institutional") === "institutional" && (isSupportOrganisation(source, options) || isSupportOrganisation(target, options))) return "institutional";
  return tieType === "vertical" ? "vertical" : tieType === "external" ? "external" : "horizontal";
}

/** The tie-type mix of a network; see the module comment. */
export function tieTypeMix(graph: ClusterGraph, options: TieTypeMixOptions = {}): TieTypeMix {
  const rule = options.rule ?? "institutional";
  const supportKinds = options.supportKinds ?? [...DEFAULT_SUPPORT_KINDS];
  const supportStages = options.supportStages ?? [...DEFAULT_SUPPORT_STAGES];
  const opts = { rule, supportKinds, supportStages };
  const all = emptyCounts();
  const rows = new Map<string, MixRow>();
  const rel = new Map<string, MixRow>();
  const rounds = new Set<string>();
  graph.forEachEdge((_key, a, _s, _t, sa, ta) => {
    const cls = mixClass(a.tieType, sa, ta, opts);
    const round = a.wave === undefined || a.wave === null || a.wave === "" ? null : String(a.wave);
    if (round !== null) rounds.add(round);
    const key = `${a.relation}\u0000${round ?? ""}`;
    if (!rows.has(key)) rows.set(key, { relation: a.relation, round, ...emptyCounts() });
    if (!rel.has(a.relation)) rel.set(a.relation, { relation: a.relation, round: null, ...emptyCounts() });
    const across = sa.inCluster === false || ta.inCluster === false;
    const supportEnd = isSupportOrganisation(sa, opts) || isSupportOrganisation(ta, opts);
    for (const c of [all, rows.get(key)!, rel.get(a.relation)!]) {
      c.ties[cls]++;
      c.strength[cls] += a.weight;
      c.total++;
      c.totalStrength += a.weight;
      if (across) {
        c.across++;
        if (supportEnd) c.externalInstitutional++;
      } else c.inside++;
    }
  });
  const supportOrganisations: string[] = [];
  graph.forEachNode((id, a) => {
    if (isSupportOrganisation(a, opts)) supportOrganisations.push(id);
  });
  const cmp = (x: MixRow, y: MixRow) => (x.relation < y.relation ? -1 : x.relation > y.relation ? 1 : (x.round ?? "") < (y.round ?? "") ? -1 : (x.round ?? "") > (y.round ?? "") ? 1 : 0);
  return {
    options: opts,
    all: finish(all),
    rows: [...rows.values()].map((r) => finish(r) as MixRow).sort(cmp),
    byRelation: [...rel.values()].map((r) => finish(r) as MixRow).sort(cmp),
    supportOrganisations,
    rounds: [...rounds].sort(),
    relations: [...rel.keys()].sort(),
  };
}
