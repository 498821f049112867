/**
 * Gatekeeper ranking: who brings knowledge from outside into the cluster (or into a group), in one score
 * with its reasons.
 *
 * Two components, each scaled to [0, 1] by its maximum over all actors (a component whose maximum is 0
 * contributes 0 to everyone):
 *
 * - **brokerage** `B(v) = gatekeeper(v) + liaison(v)`: Gould–Fernandez open two-paths a → v → c (no tie
 *   a → c) that carry knowledge from outside v's group into it (gatekeeper, b_OI) or between two other
 *   groups (liaison, b_O), over the chosen partition (default `inCluster`). See metrics/brokerage.ts.
 * - **openness** `F(v) = externalInStrength(v) × localOutStrength(v)`: knowledge v receives from actors
 *   outside the cluster times knowledge it passes to actors inside (strengths: sums of survey strengths;
 *   `measure: "count"` uses numbers of partner actors, and F is then the number of (outside source, local
 *   recipient) pairs v connects). The formula applies to every actor, outside ones included.
 *
 * `score = w_B · B(v) / max B + w_F · F(v) / max F` with weights `w_B = w_F = 0.5` by default (options
 * `weights`), so the score is in [0, 1]. Ties in score are broken by B, then F, then input order; equal
 * scores share a rank (competition ranking 1, 2, 2, 4).
 *
 * On a buyer → principal subcontractor → suppliers structure (buyer outside, the others inside, no
 * buyer → supplier tie) the subcontractor is the only actor with a gatekeeper count and the only one
 * with both outside inflow and local outflow, so it ranks first under `inCluster`, `kind` or `group`.
 *
 * Representative (b_IO) and the other roles are reported and named in the reasons but do not enter the
 * score: a representative passes its group's knowledge *out*, the opposite of gatekeeping.
 *
 * Direction: ties are knowledge flow source → target. A survey of "whom do you ask for advice" must be
 * imported with `direction: "asks"`, or gatekeepers and representatives are swapped.
 */
import { contextOf, type Analysable } from "../model/context.js";
import { type WeightRule } from "../model/views.js";
import { brokerage, type BrokerageResult } from "../metrics/brokerage.js";
import { externalTiesFromAttribute, opennessOf, withExternalTies } from "../metrics/openness.js";
import { cognitiveRoles, COGNITIVE_ROLE_LABELS, type CognitiveRole, type CognitiveRoleThresholds, type CognitiveRolesResult } from "./roles.js";

export interface GatekeeperOptions {
  /** Actor attribute whose groups define "outside" for the brokerage roles (default `inCluster`). */
  partition?: string;
  /** Return only the first `top` actors of the ranking (default: all). */
  top?: number;
  /** Strengths (default) or counts for the openness component and the cognitive roles. */
  measure?: "strength" | "count";
  /** Weights of the two score components (default 0.5 each). */
  weights?: { brokerage?: number; openness?: number };
  /** Fixed thresholds for the cognitive roles (default: medians over inside actors). */
  thresholds?: Partial<CognitiveRoleThresholds>;
  /** Cognitive roles: well connected inside = local source and absorber (`both`, default) or `either`. */
  wellConnected?: "both" | "either";
  /** Rank only actors inside the cluster (default false: outside actors such as buyers are ranked too). */
  insideOnly?: boolean;
  /** Weight rule for collapsing parallel ties (default `sum`). */
  weight?: WeightRule;
  /** Actor attribute holding each actor's count of outside ties, added to its openness (metrics/openness.ts). */
  externalAttribute?: string;
}

export interface GatekeeperRow {
  id: string;
  label: string;
  kind: string;
  inCluster: boolean;
  /** The actor's group under the partition. */
  group: string;
  rank: number;
  score: number;
  /** The two components before weighting, each in [0, 1]. */
  scoreParts: { brokerage: number; openness: number };
  /** Cognitive role (Giuliani & Bell), see diagnosis/roles.ts. */
  role: CognitiveRole;
  brokerage: { coordinator: number; itinerant: number; representative: number; gatekeeper: number; liaison: number; total: number };
  /** Number of outside actors it receives knowledge from, and their total strength. */
  externalIn: number;
  externalInStrength: number;
  /** Number of outside actors it gives knowledge to. */
  externalOut: number;
  /** Number of inside actors it gives knowledge to / receives knowledge from. */
  localOut: number;
  localIn: number;
  /** Total strength of the knowledge it gives to inside actors (the unit of the roles' thresholds under measure `strength`). */
  localOutStrength: number;
  /** Ids of the outside actors it receives knowledge from, strongest first. */
  outsideSources: string[];
  /** Number of local (inside) actors it passes knowledge to (= localOut). */
  localRecipients: number;
  reasons: string[];
}

export interface GatekeepersResult {
  options: {
    partition: string;
    top: number | null;
    measure: "strength" | "count";
    weights: { brokerage: number; openness: number };
    insideOnly: boolean;
    weight: WeightRule;
    wellConnected: "both" | "either";
    /** How the input's ties were read (graph attribute `direction`). */
    direction: string;
    /** The actor attribute outside ties were taken from, when given. */
    externalAttribute?: string;
    score: string;
  };
  thresholds: CognitiveRolesResult["thresholds"];
  ranking: GatekeeperRow[];
  /** Remarks on the data (e.g. nobody outside the cluster). */
  notes: string[];
}

const plural = (n: number, one: string, many = one + "s") => `${n} ${n === 1 ? one : many}`;
const fmtNum = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toFixed(3))));

/**
 * Rank actors as gatekeepers of outside knowledge; see the module comment for the score. The brokerage
 * part refuses (AnalysisRefused) a partition attribute that no actor has.
 */
export function gatekeepers(input: Analysable, options: GatekeeperOptions = {}): GatekeepersResult {
  const ctx = contextOf(input);
  const graph = ctx.network;
  const partition = options.partition ?? "inCluster";
  const measure = options.measure ?? "strength";
  const weight = options.weight ?? "sum";
  const insideOnly = options.insideOnly ?? false;
  const wB = options.weights?.brokerage ?? 0.5;
  const wF = options.weights?.openness ?? 0.5;
  const br: BrokerageResult = brokerage(ctx, { partition });
  const roles = cognitiveRoles(ctx, { measure, thresholds: options.thresholds, weight, wellConnected: options.wellConnected, externalAttribute: options.externalAttribute });
  const g = ctx.digraph(weight);
  const inside = ctx.inside();
  const ext = options.externalAttribute !== undefined ? externalTiesFromAttribute(graph, g.ids, inside, options.externalAttribute) : undefined;
  const o = ext ? withExternalTies(opennessOf(ctx, weight), ext) : opennessOf(ctx, weight);
  const extIn = measure === "strength" ? o.extInS : o.extIn;
  const locOut = measure === "strength" ? o.locOutS : o.locOut;
  const B = br.actors.map((a) => a.gatekeeper + a.liaison);
  const F = g.ids.map((_id, i) => extIn[i] * locOut[i]);
  const maxB = Math.max(0, ...B);
  const maxF = Math.max(0, ...F);
  const labelOf = (id: string) => graph.getNodeAttribute(id, "label") ?? id;
  const rows: (GatekeeperRow & { order: number; b: number; f: number })[] = [];
  for (let i = 0; i < g.n; i++) {
    if (insideOnly && !inside[i]) continue;
    const id = g.ids[i];
    const a = graph.getNodeAttributes(id);
    const b = br.actors[i];
    const pb = maxB > 0 ? B[i] / maxB : 0;
    const pf = maxF > 0 ? F[i] / maxF : 0;
    const sources: { id: string; w: number }[] = [];
    for (let p = g.inStart[i]; p < g.inStart[i + 1]; p++) if (!inside[g.inAdj[p]]) sources.push({ id: g.ids[g.inAdj[p]], w: g.inW[p] });
    sources.sort((x, y) => y.w - x.w);
    const role = roles.actors[i].role;
    const reasons: string[] = [];
    const own = partition === "inCluster" ? (b.group === "false" ? "the outside actors" : "the cluster") : `its ${partition} group "${b.group}"`;
    if (b.gatekeeper > 0) reasons.push(`gatekeeper on ${plural(b.gatekeeper, "open two-path")}: knowledge from other groups passed on into ${own}`);
    if (b.liaison > 0) reasons.push(`liaison on ${plural(b.liaison, "open two-path")} between two ${partition} groups other than its own`);
    if (b.representative > 0) reasons.push(`representative on ${plural(b.representative, "open two-path")}: knowledge of ${own} passed on to other groups (not counted in the score)`);
    if (sources.length > 0) {
      const names = sources.slice(0, 5).map((s) => labelOf(s.id));
      reasons.push(`receives knowledge from ${plural(sources.length, "outside actor")}: ${names.join(", ")}${sources.length > 5 ? ", …" : ""}`);
    }
    if (ext && ext.values[i] > 0) reasons.push(`${fmtNum(ext.values[i])} outside tie(s) recorded in the attribute ${ext.attribute}`);
    if (o.locOut[i] > 0) reasons.push(`passes knowledge to ${plural(o.locOut[i], "local actor")}${measure === "strength" ? ` (strength ${fmtNum(o.locOutS[i])})` : ""}`);
    if (inside[i]) {
      const r = roles.actors[i];
      const why =
        role === "externalStar" && r.localOut > roles.thresholds.localOut
          ? " (open, a strong local source, but receives little from local actors)"
          : role === "externalStar"
            ? " (open, weakly tied inside)"
            : "";
      reasons.push(`cognitive role: ${COGNITIVE_ROLE_LABELS[role]}${why}`);
    }
    if (pb === 0 && pf === 0) reasons.push("brings no outside knowledge in: no gatekeeper or liaison two-path, no outside inflow passed on locally");
    rows.push({
      id,
      label: a.label ?? id,
      kind: a.kind,
      inCluster: inside[i],
      group: b.group,
      rank: 0,
      score: wB * pb + wF * pf,
      scoreParts: { brokerage: pb, openness: pf },
      role,
      brokerage: { coordinator: b.coordinator, itinerant: b.itinerant, representative: b.representative, gatekeeper: b.gatekeeper, liaison: b.liaison, total: b.total },
      externalIn: o.extIn[i],
      externalInStrength: o.extInS[i],
      externalOut: o.extOut[i],
      localOut: o.locOut[i],
      localIn: o.locIn[i],
      localOutStrength: o.locOutS[i],
      outsideSources: sources.map((s) => s.id),
      localRecipients: o.locOut[i],
      reasons,
      order: i,
      b: B[i],
      f: F[i],
    });
  }
  rows.sort((x, y) => y.score - x.score || y.b - x.b || y.f - x.f || x.order - y.order);
  rows.forEach((r, k) => (r.rank = k > 0 && r.score === rows[k - 1].score ? rows[k - 1].rank : k + 1));
  const top = options.top;
  const ranking: GatekeeperRow[] = (top !== undefined ? rows.slice(0, top) : rows).map(({ order: _o, b: _b, f: _f, ...row }) => row);
  const notes: string[] = [];
  const outside = inside.filter((x) => !x).length;
  if (ext) notes.push(ext.note);
  if (outside === 0 && !ext) notes.push("every actor is inside the cluster (no inCluster = false): the openness component is 0 for everyone; gatekeeping is judged on the partition alone");
  if (br.groups.length < 2) notes.push(`the partition "${partition}" has a single group: no between-group brokerage; choose another partition (kind, group, stage …)`);
  if (maxB === 0 && maxF === 0) notes.push("no actor brings outside knowledge in on this view: every score is 0");
  return {
    options: {
      partition,
      top: top ?? null,
      measure,
      weights: { brokerage: wB, openness: wF },
      insideOnly,
      weight,
      wellConnected: roles.options.wellConnected,
      direction: String(graph.getAttribute("direction") ?? "flow"),
      ...(ext ? { externalAttribute: ext.attribute } : {}),
      score: "score = w_B·(gatekeeper+liaison)/max + w_F·(externalIn × localOut)/max",
    },
    thresholds: roles.thresholds,
    ranking,
    notes,
  };
}
