/**
 * The report's content as a neutral document — sections of paragraphs, lists, key–value facts and tables —
 * built from a {@link Diagnosis} by selecting and formatting its figures (no analysis here). The text,
 * markdown and HTML renderers all render this one document, so the three say the same thing.
 */
import type { Diagnosis, Verdict } from "../diagnosis/diagnose.js";
import { COGNITIVE_ROLE_LABELS, COGNITIVE_ROLES } from "../diagnosis/roles.js";
import { actorName, num, pct, pText, pValue } from "./words.js";
import { findingSections } from "./findings.js";
import { KEY_PLAYER_RULE } from "../diagnosis/fragmentationProfile.js";

export type Cell = string | number | boolean | null;

export type Block =
  | { kind: "p"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "facts"; items: [string, string][] }
  | { kind: "table"; columns: string[]; rows: Cell[][]; caption?: string }
  | { kind: "verdict"; verdict: Pick<Verdict, "state" | "summary"> & { name: string }; title: string; facts: [string, string][] }
  | { kind: "plot"; plot: "quadrant" | "heatmap" | "degrees" | "network" };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  subtitle: string;
  /** Dataset, date and version, when the caller gives them (the document itself never reads a clock). */
  header?: [string, string][];
  sections: Section[];
}

/** What the caller knows about the run: dataset name, date of the report, clusterflow version. */
export interface ReportMeta {
  dataset?: string;
  date?: string;
  version?: string;
  /** Text output: wrap paragraphs to this many columns (default 100; the CLI passes the terminal's). */
  width?: number;
}

const VERDICT_TITLES: Record<Verdict["name"], string> = {
  fragmented: "Fragmented into groups",
  closed: "Closed to outside knowledge",
  "hub-and-spoke": "Hub-and-spoke (centralised)",
  "gatekeeper-dependent": "Dependent on gatekeepers",
};

export function verdictTitle(v: Verdict): string {
  return VERDICT_TITLES[v.name];
}

/** One sentence over the verdicts: which hold, which do not, which the data cannot judge. */
export function verdictOverview(verdicts: Verdict[]): string {
  const of = (state: Verdict["state"]) => verdicts.filter((v) => v.state === state).map((v) => verdictTitle(v).toLowerCase());
  const holds = of("holds");
  const unjudged = of("cannot-judge");
  const parts = [holds.length ? `What the network shows: ${holds.join("; ")}.` : `None of the ${verdicts.length - unjudged.length} verdicts that could be judged holds on this evidence.`];
  if (unjudged.length) parts.push(`The data cannot judge: ${unjudged.join("; ")} (see each verdict for the reason).`);
  return parts.join(" ");
}

/** At most `max` names, then how many in all. */
function shortList(items: string[], max: number): string {
  return items.length > max ? `${items.slice(0, max).join(", ")} … (${items.length} in all)` : items.join(", ");
}

/** The evidence of a verdict in words with units, as the report prints it (the viewer shows the same rows). */
export function verdictFacts(v: Verdict, labels: Record<string, string>): [string, string][] {
  const e = v.evidence as Record<string, any>;
  const t = v.thresholds;
  switch (v.name) {
    case "fragmented":
      return [
        ["groups", `${e.partition} (${e.partitionSource === "declared" ? "declared attribute" : "detected communities"})`],
        ["within-group density", num(e.withinDensity)],
        ["between-group density", num(e.betweenDensity)],
        ["density ratio (between / within)", `${num(e.densityRatio)} (threshold ≤ ${num(t.maxDensityRatio)})`],
        ["E-I index", `${num(e.ei)} (expected by chance ${num(e.eiExpected)})`],
        [`test: ${e.test?.kind ?? "none"}`, `${pText(e.test?.p)} (threshold ≤ ${num(t.alpha)}; ${e.test?.reps ?? 0} draws, seed ${e.test?.seed ?? "–"})`],
        ["inward-looking groups", (e.inwardGroups as string[]).length ? (e.inwardGroups as string[]).join(", ") : "none"],
      ];
    case "closed":
      return [
        ["share of incoming ties from outside", `${pct(e.inflowShare)} (threshold ≤ ${pct(t.maxInflowShare)})`],
        ["… by strength", pct(e.inflowStrengthShare)],
        ["ties from outside / among inside actors", `${e.inflowTies} / ${e.localTies}`],
        ["inside actors open to outside", `${e.openActors} of ${e.insideActors}`],
        ["reached from outside within two steps", `${pct(e.reachedWithinTwoShare)}: ${e.reachedWithinTwo} of ${e.insideActors} (threshold ≤ ${pct(t.maxOutsideReach)})`],
        ["outside sources", (e.outsideSources as string[]).length ? shortList((e.outsideSources as string[]).map((id) => actorName(labels, id)), 5) : "none"],
      ];
    case "hub-and-spoke":
      return [
        ["hubs", (e.hubs as { id: string }[]).length ? (e.hubs as { id: string; degree: number }[]).map((h) => `${actorName(labels, h.id)} (${h.degree} partners)`).join(", ") : "none"],
        [(e.hubs as unknown[]).length ? "share of ties touching the hubs" : `share of ties touching the ${e.candidates} best-connected`, `${pct(e.hubShare)} (threshold ≥ ${pct(t.minHubShare)}, at most ${t.maxHubs} hubs and ${pct(t.maxHubFraction, 0)} of actors)`],
        ["degree centralisation (undirected)", num(e.centralization)],
        ["in- / out-degree centralisation", `${num(e.inDegreeCentralization)} / ${num(e.outDegreeCentralization)}`],
        ["density among the other actors", num(e.spokeDensity)],
      ];
    case "gatekeeper-dependent":
      return [
        ["ties from outside", String(e.inflowTies)],
        ["inside actors receiving them", String(e.receivers)],
        ["share through the top actor / top two", `${pct(e.topReceiverShare)} / ${pct(e.topTwoReceiverShare)} (threshold ≥ ${pct(t.minTopReceiverShare)})`],
        [
          "entry points",
          (e.entryActors as { id: string; share: number; localOut: number; gatekeeperRank: number | null }[])
            .map((x) => `${actorName(labels, x.id)}: ${pct(x.share)} of the inflow, passes on to ${x.localOut} local actor${x.localOut === 1 ? "" : "s"}${x.gatekeeperRank ? `, gatekeeper rank ${x.gatekeeperRank}` : ""}`)
            .join("; ") || "none",
        ],
      ];
  }
}

/** Build the report document of a diagnosis. */
export function reportDocument(d: Diagnosis, meta: ReportMeta = {}): ReportDocument {
  const L = d.labels;
  const name = (id: string) => actorName(L, id);
  const names = (ids: string[], max: number) => (ids.length > max ? `${ids.slice(0, max).map(name).join(", ")} … (${ids.length} in all)` : ids.map(name).join(", "));
  const n = d.network;
  const sections: Section[] = [];

  sections.push({
    id: "verdicts",
    title: "Verdicts",
    blocks: [
      {
        kind: "p",
        text: verdictOverview(d.verdicts),
      },
      ...d.verdicts.map((v): Block => ({ kind: "verdict", verdict: v, title: verdictTitle(v), facts: verdictFacts(v, L) })),
    ],
  });
  sections.push(...findingSections(d));

  sections.push({
    id: "network",
    title: "The network",
    blocks: [
      {
        kind: "facts",
        items: [
          ["actors", `${n.actorCount} (${n.insideActors} inside the cluster, ${n.outsideActors} outside)`],
          ["ties", `${n.ties} (${n.arcs} directed pairs after merging relations and waves)`],
          ["relations", n.relations.join(", ") || "–"],
          ["density", num(n.density)],
          ["reciprocity (share of ties returned)", num(n.reciprocity)],
          ["transitivity (closed triangles)", num(n.transitivity)],
          ["connected parts (weak components)", String(n.weakComponents)],
          ["analysed for groups and fragmentation", `${n.scopeActors} actors, ${n.scopeArcs} ties, density ${num(n.scopeDensity)}`],
        ],
      },
      { kind: "plot", plot: "network" },
      { kind: "plot", plot: "degrees" },
    ],
  });

  // Groups.
  const gs = d.groups;
  const fr = d.verdicts[0].evidence as Record<string, any>;
  const groupRows = (fr.groups as any[]).map((x) => [x.group, x.size, x.internalDensity, x.maxCrossDensity, x.closestGroup ?? "–", x.ei, pValue(x.pLower), x.inward] as Cell[]);
  const blockRows = gs.blocks.groups.map((g, a) => [g, ...gs.blocks.groups.map((_h, b) => gs.blocks.density[a][b])] as Cell[]);
  const tieRows = gs.tieTypes.pairs.map((p) => [p.from, p.to, p.total, p.byType.horizontal, p.byType.vertical, p.byType.institutional, p.byType.external] as Cell[]);
  const tieCaption = `Ties between groups by type: every tie of the network counted once (each relation and round its own tie), between all actors${gs.tieTypes.groups.includes(gs.tieTypes.options.outside ?? "\u0000") ? ` (actors outside the groups in "${gs.tieTypes.options.outside}")` : ""}; classes as in the tie-type mix${gs.tieTypes.options.rule === "classic" ? " (rule classic: no institutional class)" : " (institutional: one end a support organisation)"}`;
  sections.push({
    id: "groups",
    title: "Groups and the flow between them",
    blocks: [
      {
        kind: "p",
        text: `Groups: ${gs.options.partitionSource === "declared" ? `the actor attribute "${gs.options.partition}"` : `Louvain communities (seed ${gs.options.seed}, resolution ${num(gs.options.resolution)})`}, ${gs.groups.length} groups. E-I index ${num(gs.ei.network.ei)} (−1: all ties inside groups, +1: all across); ${gs.ei.network.internal} ties inside groups, ${gs.ei.network.external} across; expected by chance ${num(gs.ei.network.test?.expected)}, p (lower) ${pValue(gs.ei.network.test?.pLower ?? NaN)}, p (higher) ${pValue(gs.ei.network.test?.pHigher ?? NaN)} over ${gs.options.reps} label permutations.`,
      },
      { kind: "table", caption: "Groups", columns: ["group", "actors", "density inside", "highest density to another group", "with", "E-I", "p (lower)", "inward"], rows: groupRows },
      { kind: "plot", plot: "heatmap" },
      { kind: "table", caption: "Block densities (row gives knowledge to column)", columns: ["from \\ to", ...gs.blocks.groups], rows: blockRows },
      ...(tieRows.length ? [{ kind: "table", caption: tieCaption, columns: ["from", "to", "ties", "horizontal", "vertical", "institutional", "external"], rows: tieRows } as Block] : []),
      {
        kind: "facts",
        items: [
          ["modularity of these groups (directed / undirected)", `${num(gs.modularity.directed)} / ${num(gs.modularity.undirected)}`],
          ["communities found (Louvain)", `${gs.communities.count}, modularity ${num(gs.communities.modularity)} (seed ${gs.communities.options.seed}, resolution ${num(gs.communities.options.resolution)})`],
          ...(gs.agreement ? ([["agreement of groups and communities", `NMI ${num(gs.agreement.nmi)}, adjusted Rand ${num(gs.agreement.adjustedRand)}`]] as [string, string][]) : []),
          ["core (Borgatti–Everett)", `${names(gs.corePeriphery.core, 12) || "none"} — fit ${num(gs.corePeriphery.fit)}, core density ${num(gs.corePeriphery.coreDensity)}, periphery density ${num(gs.corePeriphery.peripheryDensity)} (${gs.corePeriphery.options.method === "exact" ? "best of every partition" : "heuristic search"})`],
        ],
      },
    ],
  });

  // Openness and gatekeepers.
  const o = d.openness;
  sections.push({
    id: "openness",
    title: "Knowledge from outside the cluster",
    blocks: [
      {
        kind: "p",
        text: o.outsideActors === 0
          ? "The data name no actor outside the cluster, so knowledge from outside was not recorded."
          : `${pct(o.inflowShare)} of the ties reaching inside actors come from outside (${o.inflowTies} of ${o.inflowTies + o.localTies}; ${pct(o.inflowStrengthShare)} by strength). ${o.openActors} of ${o.insideActors} inside actors receive knowledge from ${o.outsideSources.length} outside actors; ${o.outflowTies} ties go out.`,
      },
      ...(o.receivers.length
        ? [
            {
              kind: "table",
              caption: "Inside actors receiving outside knowledge",
              columns: ["actor", "outside sources", "strength", "share of inflow", "local actors it passes to", "sources"],
              rows: o.receivers.slice(0, 15).map((r) => [name(r.id), r.externalIn, r.externalInStrength, pct(r.share), r.localOut, names(r.outsideSources, 3)]),
            } as Block,
          ]
        : []),
      { kind: "plot", plot: "quadrant" },
      {
        kind: "table",
        caption: `Cognitive roles (thresholds in ${d.roles.measure === "strength" ? "tie strength" : "partner actors"}: local source gives > ${num(d.roles.thresholds.localOut)}, local absorber receives > ${num(d.roles.thresholds.localIn)}, open receives > ${num(d.roles.thresholds.externalIn)} from outside)`,
        columns: ["role", "actors"],
        rows: COGNITIVE_ROLES.filter((r) => r !== "outside").map((r) => [COGNITIVE_ROLE_LABELS[r], d.roles.actors.filter((a) => a.role === r).length]),
      },
    ],
  });

  const gk = d.gatekeepers;
  const ranked = gk.ranking.filter((r) => r.score > 0).slice(0, 10);
  sections.push({
    id: "gatekeepers",
    title: "Gatekeepers",
    blocks: [
      {
        kind: "p",
        text: gk.options.partition === "inCluster"
          ? `Ranking of actors bringing outside knowledge in (partition "${gk.options.partition}"): ${gk.options.score}.`
          : `The data name no actor outside the cluster, so nobody can be shown to bring outside knowledge in; this ranks actors bringing knowledge into their own "${gk.options.partition}" group from the others: ${gk.options.score}.`,
      },
      ...(ranked.length
        ? ([
            {
              kind: "table",
              caption: `Roles use ${d.roles.measure === "strength" ? "strengths (sums of tie strengths)" : "numbers of partner actors"}, like their thresholds: the "(${d.roles.measure})" columns are in the thresholds' unit, the "(actors)" columns count partners`,
              columns: [
                "rank",
                "actor",
                "score",
                "role",
                "gatekeeper paths",
                `outside inflow (${d.roles.measure}; open > ${num(d.roles.thresholds.externalIn)})`,
                "outside sources (actors)",
                `local outflow (${d.roles.measure}; local source > ${num(d.roles.thresholds.localOut)})`,
                "local actors reached (actors)",
              ],
              rows: ranked.map((r) => [r.rank, name(r.id), r.score, COGNITIVE_ROLE_LABELS[r.role], r.brokerage.gatekeeper, d.roles.measure === "strength" ? r.externalInStrength : r.externalIn, r.externalIn, d.roles.measure === "strength" ? r.localOutStrength : r.localOut, r.localOut]),
            },
            { kind: "list", items: ranked.slice(0, 5).map((r) => `${r.rank}. ${name(r.id)}: ${r.reasons.join("; ")}`) },
          ] as Block[])
        : [{ kind: "p", text: "No actor brings outside knowledge in on this view." } as Block]),
      ...(gk.notes.length ? [{ kind: "list", items: gk.notes } as Block] : []),
    ],
  });

  const c = d.centralization;
  sections.push({
    id: "centralisation",
    title: "Centralisation and hubs",
    blocks: [
      {
        kind: "table",
        caption: "Best-connected actors (distinct partners, either direction)",
        columns: ["actor", "partners", "share of all ties", "inside the cluster"],
        rows: c.top.slice(0, 8).map((x) => [name(x.id), x.degree, pct(x.share), x.inCluster]),
      },
      { kind: "facts", items: [["degree centralisation (undirected / in / out)", `${num(c.degree)} / ${num(c.inDegree)} / ${num(c.outDegree)}`]] },
    ],
  });

  // Fragmentation and critical actors.
  const fp = d.fragmentation;
  const ca = d.criticalActors;
  sections.push({
    id: "fragmentation",
    title: "Fragmentation and critical actors",
    blocks: [
      {
        kind: "facts",
        items: [
          ["connected parts", `${fp.weak.count} (largest ${fp.weak.largest} actors; ${fp.weak.isolates.length} isolated)`],
          ["groups that reach each other both ways (strong components)", `${fp.strong.count} (largest ${fp.strong.largest})`],
          ["fragmentation F (share of pairs that cannot reach each other)", num(fp.fragmentation.fragmentation)],
          ["distance-weighted fragmentation DF", num(fp.fragmentation.distanceWeighted)],
          ["articulation points (actors whose loss splits the network)", ca.articulationPoints.map(name).join(", ") || "none"],
          ["bridges (single ties holding parts together)", ca.bridges.map(([a, b]) => `${name(a)} – ${name(b)}`).join("; ") || "none"],
        ],
      },
      {
        kind: "p",
        text: ca.increase > 1e-12
          ? `Rule: ${KEY_PLAYER_RULE}. Critical actors (key players, ${ca.criterion}, k = ${ca.k}; ${ca.method}): ${ca.set.map(name).join(", ")}. Without them F goes from ${num(ca.before.fragmentation)} to ${num(ca.after.fragmentation)} and DF from ${num(ca.before.distanceWeighted)} to ${num(ca.after.distanceWeighted)}.`
          : `Rule: ${KEY_PLAYER_RULE}. No set of ${ca.k} actors fragments the network on ${ca.criterion}: no actor is critical in this sense.`,
      },
      ...(ca.individual.length
        ? [{ kind: "table", caption: `Actors whose loss alone raises ${ca.criterion} most`, columns: ["actor", ca.criterion + " without it", "rise"], rows: ca.individual.slice(0, 8).map((x) => [name(x.id), x.score, x.increase]) } as Block]
        : []),
    ],
  });

  const br = d.bridging;
  const weak = br.groupPairs.filter((p) => p.status !== "ok");
  sections.push({
    id: "bridging",
    title: "Bridging opportunities",
    blocks: [
      weak.length
        ? {
            kind: "table",
            caption: "Group pairs with no or few ties",
            columns: ["group", "group", "ties →", "ties ←", "density", "status"],
            rows: weak.slice(0, 10).map((p) => [p.a, p.b, p.tiesAB, p.tiesBA, p.density, p.status === "none" ? "no ties" : "few ties"]),
          }
        : { kind: "p", text: br.groupPairs.length ? "Every pair of groups has ties between them." : "There is only one group." },
      br.newTies.length
        ? {
            kind: "table",
            caption: "New ties that would most reduce fragmentation",
            columns: ["actor", "actor", "groups", "DF drop", "F drop", "closeness of the two groups"],
            rows: br.newTies.map((x) => [name(x.a), name(x.b), x.groupA === x.groupB ? x.groupA : `${x.groupA} – ${x.groupB}`, x.distanceWeightedDrop, x.fragmentationDrop, `${num(x.groupCloseness.before)} → ${num(x.groupCloseness.after)}`]),
          }
        : { kind: "p", text: "No new tie to suggest." },
      ...(br.notes.length ? [{ kind: "list", items: br.notes } as Block] : []),
    ],
  });

  const opt = d.options;
  sections.push({
    id: "options",
    title: "Options used",
    blocks: [
      {
        kind: "facts",
        items: [
          ["seed", String(opt.seed)],
          ["partition", `${opt.partition} (${opt.partitionSource})`],
          ["E-I permutations", String(opt.reps)],
          ["randomised networks (detected communities)", String(opt.nullReps)],
          ["Louvain resolution", num(opt.resolution)],
          ["critical actors k", String(opt.k)],
          ["scope of group and fragmentation analyses", opt.scope === "local" ? "actors inside the cluster" : "all actors"],
          ["parallel ties merged by", opt.weight],
          ["ties read as", opt.direction === "asks" ? "source asks target (stored reversed as knowledge flow)" : "knowledge flow source → target"],
          ["gatekeeper partition and measure", `${opt.gatekeepers.partition}, ${opt.gatekeepers.measure}`],
          ...Object.entries(opt.thresholds).map(([k, v]) => [`threshold ${k}`, num(v)] as [string, string]),
        ],
      },
      ...(d.notes.length ? [{ kind: "list", items: d.notes } as Block] : []),
    ],
  });

  const ORDER = ["verdicts", "typology", "network", "survey", "tie-types", "groups", "openness", "outside-sources", "diffusion", "gatekeepers", "centralisation", "fragmentation", "bridging", "interventions", "options"];
  sections.sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
  const header: [string, string][] = [];
  if (meta.dataset ?? n.name) header.push(["dataset", String(meta.dataset ?? n.name)]);
  if (meta.date) header.push(["date", meta.date]);
  if (meta.version) header.push(["clusterflow", meta.version]);
  return {
    title: `Cluster diagnosis${n.name ? ` — ${n.name}` : ""}`,
    subtitle: `${n.actorCount} actors, ${n.ties} ties; seed ${opt.seed}`,
    header,
    sections,
  };
}
