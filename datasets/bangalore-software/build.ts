/**
 * Bangalore software cluster — a stylised reconstruction (not survey data) of the TNC-dominated cluster of
 * specialised suppliers in Chaminade & Vang (2008).
 *
 * What the case says: large TNCs and many SMEs (which earn only 10–15 % of revenues); strong knowledge
 * infrastructure (Indian Institute of Science, many training institutions); many SMEs are subcontractors whose
 * tasks and quality are set by the TNC client, a few are independent; vertical TNC → subcontractor ties
 * dominate; horizontal co-operation among SMEs is limited (fierce competition) except joint marketing; labour
 * mobility carries knowledge between firms; labs and universities are tied to TNCs more than to SMEs; little
 * local lead-user interaction.
 *
 * Run: npx tsx datasets/bangalore-software/build.ts [outDir]
 */
import { MEDIUM, PlantedCluster, STRONG, WEAK } from "../../src/model/plant.js";
import { runDatasetBuilder, type DatasetMeta } from "../../src/io/dataset.js";

export const SEED = 1991;

export function build(): { planted: PlantedCluster; meta: DatasetMeta } {
  const p = new PlantedCluster(SEED);
  const TA = "technical-advice";
  const BU = "business";
  const LM = "labour-mobility";

  const countries = ["United States", "United States", "United States", "United States", "Germany", "United States", "United States", "Netherlands"];
  // --- Outside: TNC headquarters and foreign clients -----------------------------------------------------------
  const hqs = p.actors({ names: countries.map((c, i) => ({ id: `hq${i + 1}`, label: `TNC ${i + 1} headquarters (${c})` })), kind: "firm", inCluster: false, stage: "headquarters", group: "abroad", attributes: (i) => ({ employees: null, ownership: "foreign", country: countries[i] }) });
  const clientCountries = ["United States", "United Kingdom", "United States", "Japan", "Germany", "United States", "United States", "United Kingdom"];
  const clients = p.actors({ names: clientCountries.map((c, i) => ({ id: `client${i + 1}`, label: `Foreign software client ${i + 1} (${c})` })), kind: "buyer", inCluster: false, stage: "client", group: "abroad", attributes: (i) => ({ employees: null, ownership: "foreign", country: clientCountries[i] }) });
  const globalLabs = p.actors({ names: countries.map((c, i) => ({ id: `globalrd${i + 1}`, label: `TNC ${i + 1} research centre abroad (${c})` })), kind: "lab", inCluster: false, stage: "research", group: "abroad", attributes: (i) => ({ employees: null, ownership: "foreign", country: countries[i] }) });
  const foreignUniversities = p.actors({ names: [1, 2].map((i) => ({ id: `foreignuniversity${i}`, label: `Foreign research university ${i}` })), kind: "lab", inCluster: false, stage: "research", group: "abroad", attributes: (i) => ({ employees: null, ownership: "public", country: ["United States", "United Kingdom"][i] }) });

  // --- TNC subsidiaries in Bangalore -------------------------------------------------------------------------
  const tncs = p.actors({ names: countries.map((c, i) => ({ id: `tnc${i + 1}`, label: `TNC ${i + 1} subsidiary (Bangalore)` })), kind: "firm", inCluster: true, stage: "product-development", group: "tnc-subsidiaries", attributes: (i, r) => ({ employees: 800 + Math.floor(r() * 4000), ownership: "TNC subsidiary", country: countries[i] }) });

  // --- SMEs: subcontractors (tasks and quality set by a TNC client) and a few independents -------------------
  const subcontractors = p.actors({ prefix: "sub", count: 56, label: (i) => `Subcontracting software SME ${i + 1}`, kind: "firm", inCluster: true, stage: "outsourced-services", group: "smes", attributes: (_i, r) => ({ employees: 8 + Math.floor(r() * 140), ownership: "Indian", country: "India" }) });
  const independents = p.actors({ prefix: "ind", count: 14, label: (i) => `Independent software SME ${i + 1}`, kind: "firm", inCluster: true, stage: "software-products", group: "smes", attributes: (_i, r) => ({ employees: 5 + Math.floor(r() * 80), ownership: "Indian", country: "India" }) });
  const smes = [...subcontractors, ...independents];

  // --- Knowledge infrastructure ---------------------------------------------------------------------------------
  const [iisc] = p.actors({ names: [{ id: "iisc", label: "Institute of science (national research university)" }], kind: "lab", inCluster: true, stage: "research", group: "knowledge-infrastructure", attributes: () => ({ employees: 1200, ownership: "public", country: "India" }) });
  const labs = p.actors({ names: [1, 2].map((i) => ({ id: `publiclab${i}`, label: `Public research lab ${i}` })), kind: "lab", inCluster: true, stage: "research", group: "knowledge-infrastructure", attributes: (_i, r) => ({ employees: 100 + Math.floor(r() * 300), ownership: "public", country: "India" }) });
  const schools = p.actors({ prefix: "training", count: 6, label: (i) => `Engineering college / training institute ${i + 1}`, kind: "lab", inCluster: true, stage: "training", group: "knowledge-infrastructure", attributes: (_i, r) => ({ employees: 40 + Math.floor(r() * 200), ownership: r() < 0.5 ? "public" : "private", country: "India" }) });
  const [association] = p.actors({ names: [{ id: "softwareassociation", label: "Software industry association" }], kind: "association", inCluster: true, stage: "support", group: "support", attributes: () => ({ employees: 20, ownership: "association", country: "India" }) });
  const [park] = p.actors({ names: [{ id: "softwarepark", label: "Software technology park authority (government)" }], kind: "government", inCluster: true, stage: "support", group: "support", attributes: () => ({ employees: 60, ownership: "public", country: "India" }) });

  // --- Headquarters → subsidiaries: the external pipeline -----------------------------------------------------
  hqs.forEach((h, i) => {
    p.tie(globalLabs[i], tncs[i], TA, p.strength(STRONG)); // the TNC's own research centre abroad
    p.tie(h, tncs[i], TA, 3);
    p.tie(h, tncs[i], BU, 3);
    p.tie(tncs[i], h, TA, p.strength(MEDIUM));
    p.tie(tncs[i], h, BU, 2);
  });
  // Foreign clients buy from a few TNC subsidiaries and from independents (no local lead users).
  p.fan(clients, tncs, { relation: BU, perSource: [2, 3], strength: MEDIUM });
  p.fan(clients, independents, { relation: BU, perSource: [1, 3], strength: MEDIUM });

  // --- Vertical: each subcontractor works for 1–2 TNC subsidiaries, which set its tasks and quality ---------
  for (const s of subcontractors) {
    const k = p.rng() < 0.7 ? 1 : 2;
    for (const t of p.pick(tncs, k)) {
      p.tie(t, s, TA, p.strength(STRONG)); // specifications, quality standards, methods
      p.tie(t, s, BU, p.strength(STRONG)); // tasks and orders
      if (p.rng() < 0.5) p.tie(s, t, BU, p.strength(WEAK)); // delivery reports
    }
  }
  // Independents work mostly for foreign clients; a few also for a subsidiary.
  p.block(tncs, independents, { relation: BU, density: 0.05, strength: WEAK });

  // --- Labour mobility: engineers leaving subsidiaries for SMEs carry knowledge -------------------------------
  p.block(tncs, smes, { relation: LM, density: 0.06, strength: MEDIUM });
  p.block(tncs, tncs, { relation: LM, density: 0.15, strength: WEAK });
  p.block(smes, smes, { relation: LM, density: 0.004, strength: WEAK });
  // Training institutions send graduates to subsidiaries more than to SMEs.
  p.block(schools, tncs, { relation: LM, density: 0.5, strength: MEDIUM });
  p.block(schools, smes, { relation: LM, density: 0.05, strength: WEAK });

  // --- Horizontal among SMEs: limited (fierce competition), except joint marketing -----------------------------
  p.block(smes, smes, { relation: TA, density: 0.004, strength: WEAK });
  const jointMarketing = p.pick(independents, 6);
  p.block(jointMarketing, jointMarketing, { relation: BU, density: 0.6, strength: MEDIUM });
  p.fan([association], smes, { relation: BU, perSource: [10, 10], strength: WEAK });
  p.fan(jointMarketing, [association], { relation: BU, perSource: [1, 1], strength: MEDIUM });

  // --- Labs and universities: tied to subsidiaries more than to SMEs -------------------------------------------
  p.block([iisc, ...labs], tncs, { relation: TA, density: 0.55, strength: MEDIUM, reciprocity: 0.5 });
  p.block([iisc, ...labs], smes, { relation: TA, density: 0.02, strength: WEAK });
  p.block([iisc, ...labs], [iisc, ...labs], { relation: TA, density: 0.7, strength: MEDIUM });
  p.block(foreignUniversities, [iisc, ...labs], { relation: TA, density: 0.7, strength: MEDIUM });
  p.tie(park, association, BU, 2);
  p.fan([park], tncs, { relation: BU, perSource: [3, 3], strength: WEAK });

  // --- SMEs' own ties abroad: US firms outsourcing to them directly, and the Indian transnational community in
  // US firms that shaped those outsourcing decisions (drawn last, so the structure above is unchanged).
  const usFirms = p.actors({ names: [1, 2, 3, 4, 5].map((i) => ({ id: `usoutsourcer${i}`, label: `US firm outsourcing to Bangalore ${i}` })), kind: "buyer", inCluster: false, stage: "client", group: "abroad", attributes: () => ({ employees: null, ownership: "foreign", country: "United States" }) });
  const diaspora = p.actors({ names: [1, 2, 3, 4].map((i) => ({ id: `diaspora${i}`, label: `Indian engineers in US firms (transnational community) ${i}` })), kind: "other", inCluster: false, stage: "transnational-community", group: "abroad", attributes: () => ({ employees: null, ownership: "foreign", country: "United States" }) });
  p.fan(usFirms, subcontractors, { relation: BU, perSource: [3, 5], strength: MEDIUM });
  for (const t of [...p.tiesPlanted]) if (usFirms.includes(t.source) && t.relation === BU) p.tie(t.source, t.target, TA, p.strength(MEDIUM));
  p.fan(diaspora, smes, { relation: BU, perSource: [2, 3], strength: WEAK });

  const meta: DatasetMeta = {
    name: "bangalore-software",
    title: "Bangalore software cluster (stylised reconstruction)",
    source:
      "Chaminade, C. & Vang, J. (2008), the study of four Asian clusters (Bangalore software among them), with the cluster typology of UNCTAD (1998), TD/B/COM.3/EM.5/2 (Bangalore as an innovative cluster) — as summarised in the project's case brief (docs/cases.md, \"Bangalore software cluster\"). Facts of the case: large TNCs (IBM, Motorola, Hewlett-Packard, Siemens, 3M, Texas Instruments) and many SMEs, which earn only 10–15 % of revenues; a strong knowledge infrastructure (Indian Institute of Science, many training institutions).",
    summary:
      "A cluster of specialised software suppliers dominated by the subsidiaries of transnational corporations. Most SMEs are subcontractors whose tasks and quality the TNC client sets; a few are independent and sell abroad. Knowledge comes in through the subsidiaries from their headquarters abroad and goes down to the subcontractors; engineers moving between firms carry it further; the research university and labs work with the subsidiaries rather than the SMEs.",
    relations: {
      "technical-advice": "specifications, methods, quality standards and research results passed from source to target",
      business: "tasks, orders and market information passed from source to target",
      "labour-mobility": "knowledge carried by engineers or graduates moving from the source organisation to the target",
    },
    attributes: {
      employees: "employees (empty for organisations abroad)",
      ownership: "TNC subsidiary, Indian, foreign, public, private or association",
      country: "home country of the owner",
    },
    assumptions: [
      "Outside the cluster (`inCluster` false, group `abroad`): the headquarters and a research centre abroad of each of the 8 TNCs, 8 foreign software clients and 2 foreign research universities. Each headquarters gives strong advice and business to its Bangalore subsidiary and hears back from it; each research centre advises its subsidiary (strong); each foreign client buys from 2–3 subsidiaries and from 1–3 independent SMEs (no local lead users); the foreign universities advise the local university and labs with density 0.7.",
      "SMEs have outside ties of their own: 5 US firms outsource directly to 3–5 subcontractors each (business and specifications, medium), and 4 members of the Indian transnational community in US firms steer work to 2–3 SMEs each (business, weak). *Source:* “SMEs built competence as subcontractors of TNCs mainly located in the US, and the Indian transnational community in US firms shaped outsourcing decisions” (Chaminade & Vang, as summarised in the case brief). The counts are assumptions.",
      "On local social capital the two sources differ (UNCTAD: a dense, high-trust innovative cluster; Chaminade & Vang: limited social capital). This reconstruction follows Chaminade & Vang: horizontal co-operation among SMEs is limited.",
      "Stages (they decide the tie types): subsidiaries in `product-development`, subcontractors in `outsourced-services`, independent SMEs in `software-products`, the university and labs in `research`, colleges in `training`, association and park authority in `support`. So a subsidiary → subcontractor tie is vertical, a tie between two subcontractors horizontal.",
      "Vertical ties dominate: each of the 56 subcontractors works for one subsidiary (70 %) or two (30 %), which pass it specifications and quality standards (technical advice, strong) and tasks (business, strong); half of the subcontractors report back (business, weak). Subsidiaries give occasional business to independents (density 0.05).",
      "Labour mobility: from subsidiaries to SMEs with density 0.06, between subsidiaries 0.15, between SMEs 0.004; colleges send graduates to subsidiaries with density 0.5 and to SMEs with density 0.05.",
      "Horizontal co-operation among SMEs is limited: technical advice with density 0.004; the exception is a joint-marketing group of 6 independents (business density 0.6), each of which also works with the association; the association passes business information to 10 SMEs.",
      "The research university and two public labs advise the subsidiaries with density 0.55 (half answered in return) and SMEs with density 0.02; they advise each other with density 0.7. The park authority deals with the association and 3 subsidiaries.",
      "Tie strengths: strong ties are 1/2/3 with probabilities 0.15/0.45/0.40, medium 0.35/0.45/0.20, weak 0.70/0.25/0.05, except where a strength is stated.",
      "Sizes, densities and strengths are invented to match the qualitative description; only the shape comes from the case.",
    ],
    expected: [
      "Vertical and external ties dominate the tie-type mix; horizontal ties are few.",
      "SMEs with ties of their own abroad: a share of the subcontracting SMEs hear directly from outside (US outsourcers, the transnational community), one tie from an outside source, not only through the TNC subsidiaries.",
      "The TNC subsidiaries are the brokers between their headquarters abroad and the local subcontractors (Gould–Fernandez gatekeeper counts, partition `inCluster`; top of the gatekeeper ranking).",
      "Low horizontal density among SMEs.",
    ],
  };
  return { planted: p, meta };
}

runDatasetBuilder(import.meta.url, build);
