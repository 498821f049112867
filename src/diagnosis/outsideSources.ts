/**
 * Sources of outside knowledge: *where* the knowledge entering the cluster comes from, and *who* lets it
 * in — Schmitz & Nadvi's (1999) "who are the gatekeepers: institutes, large firms or buyers?" answered in
 * two tables.
 *
 * 1. **Openness by kind of outside source.** Each outside actor (`inCluster === false`) is classed as a
 *    buyer, supplier, knowledge organisation, parent company or other source:
 *    - the actor attribute `sourceKind` when the data give it (one of those words), else
 *    - `parent company` when its `stage` is `headquarters` or its `kind` is `parent`,
 *    - `buyer` / `supplier` when its `kind` says so,
 *    - `knowledge organisation` when its kind is lab, university, government, association, consultancy,
 *      institute or service-centre, or its stage is research, certification, training or support,
 *    - `other` otherwise (e.g. a foreign manufacturer of the same product).
 *    Per class: outside actors, those with a tie into the cluster, ties (collapsed arcs, knowledge flows
 *    source → target) into inside actors, their strength and its share of the cluster's inflow strength
 *    (`Σ` over the class = metrics/openness.ts `inflowStrength`), inside actors reached directly.
 * 2. **Gatekeeping by kind of inside actor.** The gatekeeper ranking's figures (diagnosis/gatekeepers.ts)
 *    summed over the inside actors of each `kind`: actors, actors receiving from outside, outside inflow
 *    strength received, Gould–Fernandez gatekeeper paths, local actors they pass knowledge to, and the
 *    share of the total gatekeeper score.
 */
import { contextOf } from "../model/context.js";
import type { ClusterGraph } from "../model/types.js";
import { indexDigraph, type WeightRule } from "../model/views.js";
import type { GatekeepersResult } from "./gatekeepers.js";

export const SOURCE_KINDS = ["buyer", "supplier", "knowledge organisation", "parent company", "other"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const KNOWLEDGE_KINDS = new Set(["lab", "university", "government", "association", "consultancy", "institute", "service-centre"]);
const KNOWLEDGE_STAGES = new Set(["research", "certification", "training", "support"]);

/** The class of an outside source; see the module comment. */
export function sourceKindOf(a: { kind?: unknown; stage?: unknown; sourceKind?: unknown }): SourceKind {
  const given = typeof a.sourceKind === "string" ? a.sourceKind.trim().toLowerCase() : "";
  if ((SOURCE_KINDS as readonly string[]).includes(given)) return given as SourceKind;
  const kind = String(a.kind ?? "");
  const stage = String(a.stage ?? "");
  if (stage === "headquarters" || kind === "parent") return "parent company";
  if (kind === "buyer") return "buyer";
  if (kind === "supplier") return "supplier";
  if (KNOWLEDGE_KINDS.has(kind) || KNOWLEDGE_STAGES.has(stage)) return "knowledge organisation";
  return "other";
}

export interface SourceKindRow {
  sourceKind: SourceKind;
  outsideActors: number;
  /** Outside actors of this class with at least one tie into the cluster. */
  activeSources: number;
  ties: number;
  strength: number;
  /** Share of the cluster's inflow strength (NaN when nothing flows in). */
  share: number;
  /** Inside actors receiving from this class directly. */
  insideReceivers: number;
  sources: string[];
}

export interface GatekeepingByKindRow {
  kind: string;
  actorCount: number;
  /** Inside actors of this kind receiving from outside. */
  receivers: number;
  externalInStrength: number;
  gatekeeperPaths: number;
  localRecipients: number;
  score: number;
  /** Share of the summed gatekeeper score of inside actors (NaN when it is 0). */
  scoreShare: number;
}

export interface OutsideSources {
  options: { weight: WeightRule; partition: string };
  /** Rows in the order of {@link SOURCE_KINDS}, empty classes left out. */
  bySourceKind: SourceKindRow[];
  byActorKind: GatekeepingByKindRow[];
  inflowStrength: number;
  outsideActors: number;
}

/** Openness by kind of source and gatekeeping by kind of inside actor; see the module comment. */
export function outsideSources(graph: ClusterGraph, gk: GatekeepersResult, options: { weight?: WeightRule } = {}): OutsideSources {
  const weight = options.weight ?? "sum";
  const g = contextOf(graph).digraph(weight);
  const inside = g.ids.map((id) => graph.getNodeAttribute(id, "inCluster") !== false);
  const rows = new Map<SourceKind, SourceKindRow & { receiverSet: Set<number> }>();
  let inflow = 0;
  let outsideActors = 0;
  for (let v = 0; v < g.n; v++) {
    if (inside[v]) continue;
    outsideActors++;
    const sk = sourceKindOf(graph.getNodeAttributes(g.ids[v]));
    if (!rows.has(sk)) rows.set(sk, { sourceKind: sk, outsideActors: 0, activeSources: 0, ties: 0, strength: 0, share: NaN, insideReceivers: 0, sources: [], receiverSet: new Set() });
    const r = rows.get(sk)!;
    r.outsideActors++;
    let active = false;
    for (let q = g.outStart[v]; q < g.outStart[v + 1]; q++) {
      const t = g.outAdj[q];
      if (!inside[t]) continue;
      active = true;
      r.ties++;
      r.strength += g.outW[q];
      inflow += g.outW[q];
      r.receiverSet.add(t);
    }
    if (active) {
      r.activeSources++;
      r.sources.push(g.ids[v]);
    }
  }
  const bySourceKind = SOURCE_KINDS.filter((k) => rows.has(k)).map((k) => {
    const { receiverSet, ...r } = rows.get(k)!;
    return { ...r, insideReceivers: receiverSet.size, share: inflow > 0 ? r.strength / inflow : NaN };
  });

  const kinds = new Map<string, GatekeepingByKindRow>();
  let totalScore = 0;
  for (const r of gk.ranking) {
    if (!r.inCluster) continue;
    if (!kinds.has(r.kind)) kinds.set(r.kind, { kind: r.kind, actorCount: 0, receivers: 0, externalInStrength: 0, gatekeeperPaths: 0, localRecipients: 0, score: 0, scoreShare: NaN });
    const k = kinds.get(r.kind)!;
    k.actorCount++;
    if (r.externalIn > 0) k.receivers++;
    k.externalInStrength += r.externalInStrength;
    k.gatekeeperPaths += r.brokerage.gatekeeper;
    k.localRecipients += r.localOut;
    k.score += r.score;
    totalScore += r.score;
  }
  const byActorKind = [...kinds.values()]
    .map((k) => ({ ...k, scoreShare: totalScore > 0 ? k.score / totalScore : NaN }))
    .sort((a, b) => b.score - a.score || b.externalInStrength - a.externalInStrength || (a.kind < b.kind ? -1 : 1));
  return { options: { weight, partition: gk.options.partition }, bySourceKind, byActorKind, inflowStrength: inflow, outsideActors };
}
