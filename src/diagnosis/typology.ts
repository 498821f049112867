/**
 * Cluster typology with evidence: which of the field's cluster types the network shows. Each type is a
 * verdict in three states (diagnosis/verdict.ts) with its evidence and thresholds; several may hold. The
 * thresholds are project choices ({@link DEFAULT_TYPOLOGY_THRESHOLDS}), stated here and overridable; they
 * were fixed before the example datasets were rebuilt and are not tuned to them.
 *
 * Lead actors: inside actors with at least `max(minLeadDegree, leadDegreeRatio × median)` distinct
 * partners (either direction), the median taken over inside actors. A lead actor is *outside-fed* when at
 * least `minOutsideFedShare` of the knowledge strength it receives comes from actors outside the cluster.
 * Depth of diffusion is metrics/diffusion.ts (fewest ties from the nearest outside source).
 *
 * - **satellite** (Markusen 1996; Chaminade & Vang 2008, note 12: SME agglomerations dominated by TNCs
 *   whose learning happens at the core, abroad) — lead actors exist, at least `minOutsideFedLeads` of them
 *   are outside-fed, and at least `minFarShare` of the inside actors are more than two ties from any
 *   outside source or never reached (lower tiers barely reached). Cannot judge without outside actors.
 * - **hub-and-spoke, anchored locally** (Markusen 1996) — lead actors exist, they touch at least
 *   `minLeadTieShare` of the ties of inside actors, and fewer than `minOutsideFedLeads` of them are
 *   outside-fed (the hubs' knowledge is their own). Cannot judge without outside actors.
 * - **Marshallian district** (Marshall 1920; Markusen 1996) — many small firms: at least `minFirmShare`
 *   of inside actors are firms or suppliers and their median `employees` is at most `maxSmallFirmSize`
 *   (cannot judge when fewer than half the firms declare `employees`); dense horizontal ties: at least
 *   `minHorizontalShare` of the ties among inside firms are horizontal and firms have on average at least
 *   `minHorizontalPartners` horizontal partners; no dominant hub: no actor touches more than
 *   `maxTopTieShare` of the ties of inside actors.
 * - **core–periphery** (Borgatti & Everett 1999) — the Borgatti–Everett fit (metrics/corePeriphery.ts,
 *   correlation with the ideal pattern) is at least `minCoreFit` and the core holds at most half the
 *   actors. Cannot judge below 6 actors.
 * - **UNCTAD (1998) informal / organised / innovative** — only where the attributes are declared:
 *   *informal* needs the actor attribute `informal` (true/false) on firms: holds when at least half the
 *   firms are informal and firms average fewer than one horizontal partner (little co-operation);
 *   *organised* needs support organisations (kinds association, government, service-centre, or stage
 *   support): holds when institutional ties (metrics/tieTypeMix.ts) are at least `minInstitutionalShare`
 *   of the ties among inside actors and at least `minFirmsInOrganisations` of the firms have one;
 *   *innovative* needs the attribute `innovates` (true/false) on firms: holds when at least half the firms
 *   innovate and at least `minFirmsInOrganisations` of them are tied to a knowledge organisation (kind
 *   lab or university, inside or outside).
 */
import { contextOf } from "../model/context.js";
import type { ClusterGraph } from "../model/types.js";
import { indexDigraph, undirectedView, type WeightRule } from "../model/views.js";
import type { CorePeripheryResult } from "../metrics/corePeriphery.js";
import type { Diffusion } from "../metrics/diffusion.js";
import { isSupportOrganisation, mixClass, type TieTypeMix } from "../metrics/tieTypeMix.js";
import { cannotJudge, judged, type Judgement } from "./verdict.js";

export type TypeName = "satellite" | "hub-and-spoke-local" | "marshallian" | "core-periphery" | "unctad-informal" | "unctad-organised" | "unctad-innovative";
export const TYPE_NAMES: readonly TypeName[] = ["satellite", "hub-and-spoke-local", "marshallian", "core-periphery", "unctad-informal", "unctad-organised", "unctad-innovative"];

export const TYPE_TITLES: Record<TypeName, string> = {
  satellite: "Satellite cluster",
  "hub-and-spoke-local": "Hub-and-spoke, anchored locally",
  marshallian: "Marshallian district",
  "core-periphery": "Core–periphery",
  "unctad-informal": "Informal cluster (UNCTAD)",
  "unctad-organised": "Organised cluster (UNCTAD)",
  "unctad-innovative": "Innovative cluster (UNCTAD)",
};

export interface TypologyThresholds {
  minLeadDegree: number;
  leadDegreeRatio: number;
  minOutsideFedShare: number;
  minOutsideFedLeads: number;
  minFarShare: number;
  minLeadTieShare: number;
  minFirmShare: number;
  maxSmallFirmSize: number;
  minHorizontalShare: number;
  minHorizontalPartners: number;
  maxTopTieShare: number;
  minCoreFit: number;
  minInstitutionalShare: number;
  minFirmsInOrganisations: number;
}

export const DEFAULT_TYPOLOGY_THRESHOLDS: TypologyThresholds = {
  minLeadDegree: 5,
  leadDegreeRatio: 4,
  minOutsideFedShare: 0.5,
  minOutsideFedLeads: 0.5,
  minFarShare: 0.5,
  minLeadTieShare: 0.5,
  minFirmShare: 0.7,
  maxSmallFirmSize: 50,
  minHorizontalShare: 0.5,
  minHorizontalPartners: 2,
  maxTopTieShare: 0.2,
  minCoreFit: 0.5,
  minInstitutionalShare: 0.15,
  minFirmsInOrganisations: 0.3,
};

export interface ClusterType extends Judgement {
  name: TypeName;
  summary: string;
  evidence: Record<string, unknown>;
  thresholds: Record<string, number>;
  /** Attributes this type needs declared. */
  needs: string[];
}

export interface Typology {
  thresholds: TypologyThresholds;
  types: ClusterType[];
  leads: { id: string; partners: number; outsideInShare: number; outsideFed: boolean }[];
}

const FIRM_KINDS = new Set(["firm", "supplier"]);
const KNOWLEDGE_KINDS = new Set(["lab", "university"]);
const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 1000) / 10}%` : "n/a");

function median(values: number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** The cluster types the network shows; see the module comment. */
export function clusterTypology(
  graph: ClusterGraph,
  input: { diffusion: Diffusion; mix: TieTypeMix; corePeriphery: CorePeripheryResult; weight?: WeightRule; thresholds?: Partial<TypologyThresholds> },
): Typology {
  const t: TypologyThresholds = { ...DEFAULT_TYPOLOGY_THRESHOLDS, ...(input.thresholds ?? {}) };
  const g = contextOf(graph).digraph(input.weight ?? "sum");
  const u = undirectedView(g);
  const attrs = g.ids.map((id) => graph.getNodeAttributes(id));
  const inside = attrs.map((a) => a.inCluster !== false);
  const insideIdx = g.ids.map((_id, i) => i).filter((i) => inside[i]);
  const outsideActors = g.n - insideIdx.length;
  const partners = (v: number) => u.start[v + 1] - u.start[v];
  const med = median(insideIdx.map(partners));
  const leadCut = Math.max(t.minLeadDegree, t.leadDegreeRatio * (Number.isFinite(med) ? med : 0));
  const leads = insideIdx
    .filter((v) => partners(v) >= leadCut)
    .map((v) => {
      let outIn = 0;
      let all = 0;
      for (let q = g.inStart[v]; q < g.inStart[v + 1]; q++) {
        all += g.inW[q];
        if (!inside[g.inAdj[q]]) outIn += g.inW[q];
      }
      const share = all > 0 ? outIn / all : NaN;
      return { id: g.ids[v], v, partners: partners(v), outsideInShare: share, outsideFed: share >= t.minOutsideFedShare };
    })
    .sort((a, b) => b.partners - a.partners || a.v - b.v);
  // Ties of inside actors (undirected pairs with at least one end inside) and those touching leads.
  const leadSet = new Set(leads.map((l) => l.v));
  let insidePairs = 0;
  let leadPairs = 0;
  const touching = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++)
    for (let q = u.start[v]; q < u.start[v + 1]; q++) {
      const w = u.adj[q];
      if (v >= w || (!inside[v] && !inside[w])) continue;
      insidePairs++;
      touching[v]++;
      touching[w]++;
      if (leadSet.has(v) || leadSet.has(w)) leadPairs++;
    }
  const leadTieShare = insidePairs ? leadPairs / insidePairs : NaN;
  const fedShare = leads.length ? leads.filter((l) => l.outsideFed).length / leads.length : NaN;
  const d = input.diffusion;
  const far = d.actors.filter((a) => !(a.steps <= 2)).length;
  const farShare = d.actors.length ? far / d.actors.length : NaN;
  const leadEvidence = leads.slice(0, 20).map(({ v: _v, ...l }) => l);
  const types: ClusterType[] = [];
  const type = (name: TypeName, j: Judgement, summary: string, evidence: Record<string, unknown>, thresholds: Record<string, number>, needs: string[] = []): void => {
    types.push({ name, ...j, summary: j.state === "cannot-judge" ? j.reason! : summary, evidence, thresholds, needs });
  };

  // Satellite.
  {
    const th = { minLeadDegree: t.minLeadDegree, leadDegreeRatio: t.leadDegreeRatio, minOutsideFedShare: t.minOutsideFedShare, minOutsideFedLeads: t.minOutsideFedLeads, minFarShare: t.minFarShare };
    const ev = { leads: leadEvidence, leadCut, outsideFedLeadShare: fedShare, farShare, far, insideActors: d.actors.length, neverReached: d.neverReached.length, outsideActors };
    if (outsideActors === 0) type("satellite", cannotJudge("Cannot judge a satellite structure: the data name no actor outside the cluster, so where the lead actors' knowledge comes from was not recorded."), "", ev, th);
    else if (insideIdx.length < 10) type("satellite", cannotJudge(`Cannot judge a satellite structure: ${insideIdx.length} inside actors (at least 10 are needed).`), "", ev, th);
    else {
      const holds = leads.length > 0 && fedShare >= t.minOutsideFedLeads && farShare >= t.minFarShare;
      type(
        "satellite",
        judged(holds),
        holds
          ? `Satellite: ${leads.length} lead actor${leads.length === 1 ? "" : "s"}, ${pct(fedShare)} of them fed mainly from outside the cluster; ${pct(farShare)} of the inside actors are more than two ties from any outside source or never reached.`
          : leads.length === 0
            ? `Not a satellite: no inside actor has ${leadCut} or more partners (no lead actors).`
            : `Not a satellite: ${pct(fedShare)} of the ${leads.length} lead actors are fed mainly from outside (threshold ${pct(t.minOutsideFedLeads)}) and ${pct(farShare)} of inside actors are beyond two ties from outside sources (threshold ${pct(t.minFarShare)}).`,
        ev,
        th,
      );
    }
  }
  // Hub-and-spoke anchored locally.
  {
    const th = { minLeadDegree: t.minLeadDegree, leadDegreeRatio: t.leadDegreeRatio, minLeadTieShare: t.minLeadTieShare, minOutsideFedLeads: t.minOutsideFedLeads };
    const ev = { leads: leadEvidence, leadCut, leadTieShare, outsideFedLeadShare: fedShare, outsideActors };
    if (outsideActors === 0) type("hub-and-spoke-local", cannotJudge("Cannot judge whether the hubs are anchored locally: the data name no actor outside the cluster."), "", ev, th);
    else if (insideIdx.length < 10) type("hub-and-spoke-local", cannotJudge(`Cannot judge a hub-and-spoke structure: ${insideIdx.length} inside actors (at least 10 are needed).`), "", ev, th);
    else {
      const holds = leads.length > 0 && leadTieShare >= t.minLeadTieShare && fedShare < t.minOutsideFedLeads;
      type(
        "hub-and-spoke-local",
        judged(holds),
        holds
          ? `Hub-and-spoke anchored locally: ${leads.length} lead actor${leads.length === 1 ? "" : "s"} touch ${pct(leadTieShare)} of the ties of inside actors, and ${pct(fedShare)} of them are fed mainly from outside.`
          : `Not hub-and-spoke anchored locally: ${leads.length} lead actors touching ${pct(leadTieShare)} of the ties (threshold ${pct(t.minLeadTieShare)}), ${pct(fedShare)} of them fed mainly from outside (a local anchor needs under ${pct(t.minOutsideFedLeads)}).`,
        ev,
        th,
      );
    }
  }
  // Marshallian district.
  const firms = insideIdx.filter((v) => FIRM_KINDS.has(String(attrs[v].kind)));
  const firmSet = new Set(firms);
  let firmTies = 0;
  let horizontal = 0;
  const hPartners = new Map<number, Set<number>>();
  graph.forEachEdge((_k, a, s, tt, sa, ta) => {
    const i = g.index.get(s)!;
    const j = g.index.get(tt)!;
    if (!firmSet.has(i) || !firmSet.has(j) || i === j) return;
    firmTies++;
    if (mixClass(a.tieType, sa, ta, input.mix.options) === "horizontal") {
      horizontal++;
      if (!hPartners.has(i)) hPartners.set(i, new Set());
      if (!hPartners.has(j)) hPartners.set(j, new Set());
      hPartners.get(i)!.add(j);
      hPartners.get(j)!.add(i);
    }
  });
  const meanHPartners = firms.length ? firms.reduce((s, v) => s + (hPartners.get(v)?.size ?? 0), 0) / firms.length : NaN;
  {
    const th = { minFirmShare: t.minFirmShare, maxSmallFirmSize: t.maxSmallFirmSize, minHorizontalShare: t.minHorizontalShare, minHorizontalPartners: t.minHorizontalPartners, maxTopTieShare: t.maxTopTieShare };
    const sizes = firms.map((v) => attrs[v].employees).filter((x): x is number => typeof x === "number" && Number.isFinite(x));
    const firmShare = insideIdx.length ? firms.length / insideIdx.length : NaN;
    let top = -1;
    for (const v of insideIdx) if (top < 0 || touching[v] > touching[top]) top = v;
    const topShare = insidePairs && top >= 0 ? touching[top] / insidePairs : NaN;
    const ev = { firms: firms.length, firmShare, firmsWithSize: sizes.length, medianEmployees: median(sizes), horizontalShare: firmTies ? horizontal / firmTies : NaN, meanHorizontalPartners: meanHPartners, topActor: top >= 0 ? g.ids[top] : null, topTieShare: topShare };
    if (firms.length < 5) type("marshallian", cannotJudge(`Cannot judge a Marshallian district: ${firms.length} inside firms (at least 5 are needed).`), "", ev, th, ["employees"]);
    else if (sizes.length < firms.length / 2) type("marshallian", cannotJudge(`Cannot judge a Marshallian district: only ${sizes.length} of ${firms.length} firms declare \`employees\`, so "many small firms" cannot be checked.`), "", ev, th, ["employees"]);
    else {
      const checks = {
        manyFirms: firmShare >= t.minFirmShare,
        small: (ev.medianEmployees as number) <= t.maxSmallFirmSize,
        horizontal: (ev.horizontalShare as number) >= t.minHorizontalShare && meanHPartners >= t.minHorizontalPartners,
        noDominantHub: topShare <= t.maxTopTieShare,
      };
      const holds = Object.values(checks).every(Boolean);
      const failed = Object.entries(checks).filter(([, ok]) => !ok).map(([k]) => ({ manyFirms: `firms are ${pct(firmShare)} of inside actors`, small: `median firm size ${ev.medianEmployees} employees`, horizontal: `${pct(ev.horizontalShare as number)} of ties among firms are horizontal, ${Math.round(meanHPartners * 10) / 10} horizontal partners per firm`, noDominantHub: `one actor touches ${pct(topShare)} of the ties` })[k as keyof typeof checks]);
      type(
        "marshallian",
        judged(holds),
        holds
          ? `Marshallian district: ${firms.length} firms (median ${ev.medianEmployees} employees), ${pct(ev.horizontalShare as number)} of their ties horizontal (${Math.round(meanHPartners * 10) / 10} horizontal partners per firm), no actor touching more than ${pct(topShare)} of the ties.`
          : `Not a Marshallian district: ${failed.join("; ")}.`,
        { ...ev, checks },
        th,
        ["employees"],
      );
    }
  }
  // Core–periphery.
  {
    const cp = input.corePeriphery;
    const th = { minCoreFit: t.minCoreFit };
    const n = cp.core.length + cp.periphery.length;
    const ev = { fit: cp.fit, core: cp.core, coreSize: cp.core.length, coreDensity: cp.coreDensity, peripheryDensity: cp.peripheryDensity, method: cp.options.method };
    if (!Number.isFinite(cp.fit) || n < 6) type("core-periphery", cannotJudge(`Cannot judge a core–periphery structure: ${n} actors or an undefined fit.`), "", ev, th);
    else {
      const holds = cp.fit >= t.minCoreFit && cp.core.length <= n / 2;
      type("core-periphery", judged(holds), holds ? `Core–periphery: a core of ${cp.core.length} actors, fit ${Math.round(cp.fit * 100) / 100} (threshold ${t.minCoreFit}); core density ${Math.round(cp.coreDensity * 100) / 100}, periphery ${Math.round(cp.peripheryDensity * 100) / 100}.` : `Not core–periphery: fit ${Math.round(cp.fit * 100) / 100} (threshold ${t.minCoreFit}), core of ${cp.core.length} of ${n} actors.`, ev, th);
    }
  }
  // UNCTAD.
  {
    const declared = firms.filter((v) => typeof attrs[v].informal === "boolean");
    const informal = declared.filter((v) => attrs[v].informal === true).length;
    const ev = { firms: firms.length, declared: declared.length, informalShare: declared.length ? informal / declared.length : NaN, meanHorizontalPartners: meanHPartners };
    if (declared.length < Math.max(1, firms.length / 2)) type("unctad-informal", cannotJudge("Cannot judge an informal cluster: firms do not declare the attribute `informal` (true/false)."), "", ev, {}, ["informal"]);
    else {
      const holds = (ev.informalShare as number) >= 0.5 && meanHPartners < 1;
      type("unctad-informal", judged(holds), holds ? `Informal cluster: ${pct(ev.informalShare as number)} of firms informal, ${Math.round(meanHPartners * 10) / 10} horizontal partners per firm (little co-operation).` : `Not an informal cluster in UNCTAD's sense: ${pct(ev.informalShare as number)} of firms informal, ${Math.round(meanHPartners * 10) / 10} horizontal partners per firm (informal needs at least half informal and under one partner).`, ev, {}, ["informal"]);
    }
  }
  {
    const th = { minInstitutionalShare: t.minInstitutionalShare, minFirmsInOrganisations: t.minFirmsInOrganisations };
    const support = insideIdx.filter((v) => isSupportOrganisation(attrs[v], input.mix.options));
    const supportSet = new Set(support);
    const firmsIn = firms.filter((v) => {
      for (let q = u.start[v]; q < u.start[v + 1]; q++) if (supportSet.has(u.adj[q])) return true;
      return false;
    }).length;
    const m = input.mix.all;
    const instShare = m.inside ? m.ties.institutional / m.inside : NaN;
    const ev = { supportOrganisations: support.map((v) => g.ids[v]), institutionalShare: instShare, firmsTiedToOrganisations: firmsIn, firmShare: firms.length ? firmsIn / firms.length : NaN };
    if (support.length === 0) type("unctad-organised", cannotJudge("Cannot judge an organised cluster: no support organisation (association, government agency, service centre, stage support) is declared inside the cluster."), "", ev, th, ["kind"]);
    else {
      const holds = instShare >= t.minInstitutionalShare && (ev.firmShare as number) >= t.minFirmsInOrganisations;
      type("unctad-organised", judged(holds), holds ? `Organised cluster: institutional ties are ${pct(instShare)} of the ties inside the cluster and ${pct(ev.firmShare as number)} of firms are tied to a support organisation.` : `Not an organised cluster in UNCTAD's sense: institutional ties are ${pct(instShare)} of the ties inside (threshold ${pct(t.minInstitutionalShare)}), ${pct(ev.firmShare as number)} of firms tied to a support organisation (threshold ${pct(t.minFirmsInOrganisations)}).`, ev, th, ["kind"]);
    }
  }
  {
    const th = { minFirmsInOrganisations: t.minFirmsInOrganisations };
    const declared = firms.filter((v) => typeof attrs[v].innovates === "boolean");
    const innov = declared.filter((v) => attrs[v].innovates === true).length;
    const tied = firms.filter((v) => {
      for (let q = u.start[v]; q < u.start[v + 1]; q++) if (KNOWLEDGE_KINDS.has(String(attrs[u.adj[q]].kind))) return true;
      return false;
    }).length;
    const ev = { firms: firms.length, declared: declared.length, innovatingShare: declared.length ? innov / declared.length : NaN, firmsTiedToKnowledgeOrganisations: tied, tiedShare: firms.length ? tied / firms.length : NaN };
    if (declared.length < Math.max(1, firms.length / 2)) type("unctad-innovative", cannotJudge("Cannot judge an innovative cluster: firms do not declare the attribute `innovates` (true/false)."), "", ev, th, ["innovates"]);
    else {
      const holds = (ev.innovatingShare as number) >= 0.5 && (ev.tiedShare as number) >= t.minFirmsInOrganisations;
      type("unctad-innovative", judged(holds), holds ? `Innovative cluster: ${pct(ev.innovatingShare as number)} of firms innovate and ${pct(ev.tiedShare as number)} are tied to a lab or university.` : `Not an innovative cluster in UNCTAD's sense: ${pct(ev.innovatingShare as number)} of firms innovate, ${pct(ev.tiedShare as number)} tied to a lab or university.`, ev, th, ["innovates"]);
    }
  }
  return { thresholds: t, types, leads: leadEvidence };
}
