/**
 * Report sections for the findings beyond the four verdicts: the cluster type (typology), the tie-type
 * mix, the sources of outside knowledge, the depth of diffusion, the simulated interventions and the
 * survey response. Selection and formatting only; every figure comes from the Diagnosis.
 */
import type { Diagnosis } from "../diagnosis/diagnose.js";
import { TYPE_TITLES, type ClusterType } from "../diagnosis/typology.js";
import { MIX_CLASSES } from "../metrics/tieTypeMix.js";
import type { Block, Cell, Section } from "./document.js";
import { actorName, num, pct } from "./words.js";

const steps = (x: number) => (Number.isFinite(x) ? String(x) : "never");

/** A cluster type's evidence, thresholds and needed attributes in the report's words (report and viewer). */
export function clusterTypeFacts(x: ClusterType): [string, string][] {
  return [...typeFacts(x.evidence, x.thresholds), ...(x.needs.length ? ([["attributes needed", x.needs.join(", ")]] as [string, string][]) : [])];
}

function typeFacts(e: Record<string, any>, t: Record<string, number>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(e)) {
    if (v === null || v === undefined || typeof v === "object") continue;
    out.push([k, typeof v === "number" && /Share$/.test(k) ? pct(v) : num(v)]);
  }
  for (const [k, v] of Object.entries(t)) out.push([`threshold ${k}`, /Share|Leads|Organisations$/.test(k) && v <= 1 ? pct(v) : num(v)]);
  return out;
}

/** The sections, in report order (after the verdicts). */
export function findingSections(d: Diagnosis): Section[] {
  const L = d.labels;
  const name = (id: string) => actorName(L, id);
  const sections: Section[] = [];
  const noOutside = d.network.outsideActors === 0;

  // Typology.
  const ty = d.typology;
  const holding = ty.types.filter((x) => x.state === "holds").map((x) => TYPE_TITLES[x.name].toLowerCase());
  sections.push({
    id: "typology",
    title: "Cluster type",
    blocks: [
      {
        kind: "p",
        text: `${holding.length ? `The network shows: ${holding.join("; ")}.` : "No cluster type of the typology holds on this evidence."} Several types may hold at once; each is judged on its own thresholds (project choices, listed with each). Lead actors: inside actors with at least ${num(ty.leads.length ? (ty.types[0].evidence.leadCut as number) : Math.max(ty.thresholds.minLeadDegree, 0))} partners${ty.leads.length ? ` — ${ty.leads.slice(0, 8).map((l) => `${name(l.id)} (${l.partners} partners, ${pct(l.outsideInShare)} of its inflow from outside)`).join("; ")}` : " — none"}.`,
      },
      ...ty.types.map((x): Block => ({ kind: "verdict", verdict: x, title: TYPE_TITLES[x.name], facts: clusterTypeFacts(x) })),
    ],
  });

  // Tie-type mix.
  const mx = d.tieTypeMix;
  const mixRow = (label: string, round: string, c: (typeof mx)["all"]): Cell[] => [
    label,
    round,
    c.total,
    ...MIX_CLASSES.map((k) => `${c.ties[k]} (${pct(c.share[k], 0)}; strength ${num(c.strength[k])})`),
    c.inside,
    c.across,
    c.externalInstitutional,
  ];
  sections.push({
    id: "tie-types",
    title: "Tie-type mix",
    blocks: [
      {
        kind: "p",
        text: `Every tie counted once (relations and rounds apart). Horizontal: both inside, same value-chain stage; vertical: both inside, different stages; ${mx.options.rule === "institutional" ? `institutional: both inside and one end a support organisation (kind ${mx.options.supportKinds.join(", ")}, or stage ${mx.options.supportStages.join(", ")}: ${mx.supportOrganisations.length} actors) — multilateral co-operation through an association, agency, service centre or support lab; ` : "rule classic: ties with support organisations count as horizontal or vertical; "}external: one end outside the cluster. Inside / across: both ends inside / one end outside; across via support: across-boundary ties touching a support organisation.`,
      },
      {
        kind: "table",
        caption: "Ties by type, per relation and round: count (share of the row; total strength)",
        columns: ["relation", "round", "ties", ...MIX_CLASSES, "inside", "across", "across via support"],
        rows: [mixRow("all", "all", mx.all), ...(mx.rows.length > 1 ? mx.rows.map((r) => mixRow(r.relation, r.round ?? "–", r)) : [])],
      },
    ],
  });

  // Sources of outside knowledge.
  const os = d.outsideSources;
  sections.push({
    id: "outside-sources",
    title: "Sources of outside knowledge",
    blocks: noOutside
      ? [{ kind: "p", text: "Cannot judge: the data name no actor outside the cluster, so where outside knowledge comes from was not recorded." }]
      : [
          {
            kind: "table",
            caption: "Knowledge entering the cluster, by kind of outside source (ties are collapsed pairs; strength summed)",
            columns: ["kind of source", "outside actors", "with ties in", "ties in", "strength", "share of inflow strength", "inside actors reached directly"],
            rows: os.bySourceKind.map((r) => [r.sourceKind, r.outsideActors, r.activeSources, r.ties, r.strength, pct(r.share), r.insideReceivers]),
          },
          {
            kind: "table",
            caption: `Who lets it in: gatekeeping summed by kind of inside actor (most gatekeeper score first; partition "${os.options.partition}")`,
            columns: ["kind", "actors", "receiving from outside", "outside inflow strength", "gatekeeper paths", "local actors passed to", "share of gatekeeper score"],
            rows: os.byActorKind.map((r) => [r.kind, r.actorCount, r.receivers, r.externalInStrength, r.gatekeeperPaths, r.localRecipients, pct(r.scoreShare)]),
          },
        ],
  });

  // Depth of diffusion.
  const df = d.diffusion;
  const K = df.options.maxSteps;
  const reachRow = (r: (typeof df)["pooled"]): Cell[] => [r.attribute, r.value, r.actorCount, ...r.share.map((x, i) => `${pct(x, 0)} (${r.reached[i]})`), r.neverReached, r.medianSteps];
  const farthest = [...df.actors].sort((a, b) => (Number.isFinite(b.steps) ? b.steps : 1e9) - (Number.isFinite(a.steps) ? a.steps : 1e9) || (a.id < b.id ? -1 : 1)).filter((a) => Number.isFinite(a.steps) && a.steps > 1).slice(0, 10);
  sections.push({
    id: "diffusion",
    title: "Depth of diffusion of outside knowledge",
    blocks: noOutside
      ? [{ kind: "p", text: "Cannot judge: the data name no actor outside the cluster, so no distance from an outside source can be measured." }]
      : [
          {
            kind: "p",
            text: `Distance of each inside actor from the nearest of ${df.options.sources.length} outside sources, in ties followed in the direction of the knowledge flow (steps), and as the strongest path (sum of 1/strength). ${pct(df.pooled.share[0])} of the ${df.pooled.actorCount} inside actors hear directly from outside, ${pct(df.pooled.share[1])} within two ties; ${df.neverReached.length} are never reached; the deepest reached actor is ${df.depth} ties away.`,
          },
          {
            kind: "table",
            caption: `Share of inside actors reached within k ties (k = 1 … ${K}), by attribute`,
            columns: ["attribute", "value", "actors", ...Array.from({ length: K }, (_, i) => `≤ ${i + 1}`), "never reached", "median steps"],
            rows: [reachRow(df.pooled), ...df.breakdown.map(reachRow)],
          },
          ...(farthest.length
            ? [{ kind: "table", caption: "Reached actors farthest from outside sources", columns: ["actor", "steps", "strongest path", "nearest source"], rows: farthest.map((a) => [name(a.id), steps(a.steps), a.strongest, a.nearestSource ? name(a.nearestSource) : "–"]) } as Block]
            : []),
          ...(df.neverReached.length ? [{ kind: "p", text: `Never reached (${df.neverReached.length}): ${df.neverReached.slice(0, 20).map(name).join(", ")}${df.neverReached.length > 20 ? " …" : ""}.` } as Block] : []),
        ],
  });

  // Interventions.
  const iv = d.interventions;
  if (iv) {
    const b = iv.broker;
    const pr = iv.programme;
    const blocks: Block[] = [
      {
        kind: "p",
        text: `Diffusion programme (key players, positive — Borgatti's KPP-Pos, ${pr.m}-reach along the knowledge flow among inside actors, ${pr.method}): reaching ${pr.set.map(name).join(", ") || "nobody"} first lets knowledge reach ${pct(pr.reach)} of the other ${pr.candidates - pr.k} inside actors within ${pr.m} ties. Effects below ${pct(iv.options.minEffect, 0)} of inside actors are not proposed.`,
      },
    ];
    if (b) {
      blocks.push({
        kind: "table",
        caption: `A broker or service centre tied both ways to ${b.firms.length} firms${b.outsideSource ? ` and receiving from ${name(b.outsideSource)}` : ""}`,
        columns: ["measure", "before", "after", "change"],
        rows: [
          ["inside actors reached from outside within two ties (share)", b.reachWithinTwo.before, b.reachWithinTwo.after, b.reachWithinTwo.change],
          ["fragmentation F of inside actors", b.fragmentation.before, b.fragmentation.after, b.fragmentation.change],
          ["share of incoming ties from outside", b.inflowShare.before, b.inflowShare.after, b.inflowShare.change],
        ],
      });
      blocks.push({ kind: "p", text: b.proposed ? `Proposed: the broker raises reach from outside by ${pct(b.reachWithinTwo.change)} of inside actors.` : `Not proposed: the broker changes reach from outside by ${pct(b.reachWithinTwo.change)} of inside actors, below the ${pct(iv.options.minEffect, 0)} minimum.` });
    }
    if (iv.shocks.length)
      blocks.push({
        kind: "table",
        caption: "Shock: outside sources lost — inside actors no longer reached within two ties",
        columns: ["sources lost", "reached before", "reached after", "share of inside actors lost", `at least ${pct(iv.options.minEffect, 0)}`],
        rows: iv.shocks.map((s) => [s.lost.startsWith("source:") ? name(s.lost.slice(7)) : s.lost === "all" ? "all outside sources" : `every ${s.lost.slice(5)}`, s.reachedBefore, s.reachedAfter, pct(s.reachLost), s.proposedAsRisk]),
      });
    if (iv.notes.length) blocks.push({ kind: "list", items: iv.notes });
    sections.push({ id: "interventions", title: "Interventions simulated", blocks });
  }

  // Survey response.
  const sv = d.survey;
  const known = sv.respondents + sv.nonRespondents;
  sections.push({
    id: "survey",
    title: "Survey response",
    blocks: [
      {
        kind: "p",
        text: known === 0
          ? "The data do not say who answered the survey (no respondent attribute, no non-respondents listed): every absent tie is read as absent, though some may only be unreported."
          : `${sv.respondents} respondents, ${sv.nonRespondents} non-respondents, ${sv.unknown} actors of unknown status. A non-respondent's own nominations are missing, not zero: ties it would have reported (knowledge it gives or receives, by the question's direction) may be absent from the data, so its openness, brokerage and reach are lower bounds, and fragmentation may be overstated.`,
      },
      ...(sv.byRelation.length
        ? [{ kind: "table", caption: "Per question (relation)", columns: ["relation", "respondents", "non-respondents", "unknown", "non-respondents (first 8)"], rows: sv.byRelation.map((r) => [r.relation, r.respondents, r.nonRespondents, r.unknown, r.nonRespondentIds.slice(0, 8).map(name).join(", ") || "–"]) } as Block]
        : []),
    ],
  });
  return sections;
}
