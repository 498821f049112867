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
import { noSourceSentence, runDatasetBuilder, sourceSentence, type DatasetMeta } from "../../src/io/dataset.js";

export const SEED = 1991;

/** The TNCs the source names ("IBM, Motorola, Hewlett-Packard, Siemens, 3M, Texas Instruments"), with their home countries. */
const TNCS: [string, string][] = [
  ["IBM", "United States"],
  ["Motorola", "United States"],
  ["Hewlett-Packard", "United States"],
  ["Siemens", "Germany"],
  ["3M", "United States"],
  ["Texas Instruments", "United States"],
];

export function build(): { planted: PlantedCluster; meta: DatasetMeta } {
  const p = new PlantedCluster(SEED);
  const TA = "technical-advice";
  const BU = "business";
  const LM = "labour-mobility";

  // --- Outside: TNC headquarters and the independents' clients abroad ------------------------------------------
  const hqs = p.actors({ names: TNCS.map(([n, c], i) => ({ id: `hq${i + 1}`, label: `${n} headquarters (${c})` })), kind: "firm", inCluster: false, stage: "headquarters", group: "abroad", attributes: (i) => ({ employees: null, ownership: "foreign", country: TNCS[i][1] }) });
  const clients = p.actors({ prefix: "client", count: 8, label: (i) => `Client abroad of independent SMEs ${i + 1}`, kind: "buyer", inCluster: false, stage: "client", group: "abroad", attributes: () => ({ employees: null, ownership: "foreign", country: null }) });

  // --- TNC subsidiaries in Bangalore -------------------------------------------------------------------------
  const tncs = p.actors({ names: TNCS.map(([n], i) => ({ id: `tnc${i + 1}`, label: `${n} subsidiary (Bangalore)` })), kind: "firm", inCluster: true, stage: "product-development", group: "tnc-subsidiaries", attributes: (i, r) => ({ employees: 800 + Math.floor(r() * 4000), ownership: "TNC subsidiary", country: TNCS[i][1] }) });

  // --- SMEs: subcontractors (tasks and quality set by a TNC client) and a few independents -------------------
  const subcontractors = p.actors({ prefix: "sub", count: 56, label: (i) => `Subcontracting software SME ${i + 1}`, kind: "firm", inCluster: true, stage: "outsourced-services", group: "smes", attributes: (_i, r) => ({ employees: 8 + Math.floor(r() * 140), ownership: "Indian", country: "India" }) });
  const independents = p.actors({ prefix: "ind", count: 14, label: (i) => `Independent software SME ${i + 1}`, kind: "firm", inCluster: true, stage: "software-products", group: "smes", attributes: (_i, r) => ({ employees: 5 + Math.floor(r() * 80), ownership: "Indian", country: "India" }) });
  const smes = [...subcontractors, ...independents];

  // --- Knowledge infrastructure ---------------------------------------------------------------------------------
  const [iisc] = p.actors({ names: [{ id: "iisc", label: "Indian Institute of Science" }], kind: "lab", inCluster: true, stage: "research", group: "knowledge-infrastructure", attributes: () => ({ employees: 1200, ownership: "public", country: "India" }) });
  const labs = p.actors({ names: [1, 2].map((i) => ({ id: `publiclab${i}`, label: `Public research lab ${i}` })), kind: "lab", inCluster: true, stage: "research", group: "knowledge-infrastructure", attributes: (_i, r) => ({ employees: 100 + Math.floor(r() * 300), ownership: "public", country: "India" }) });
  const schools = p.actors({ prefix: "training", count: 6, label: (i) => `Engineering college / training institute ${i + 1}`, kind: "lab", inCluster: true, stage: "training", group: "knowledge-infrastructure", attributes: (_i, r) => ({ employees: 40 + Math.floor(r() * 200), ownership: r() < 0.5 ? "public" : "private", country: "India" }) });

  // --- Headquarters → subsidiaries: the external pipeline -----------------------------------------------------
  hqs.forEach((h, i) => {
    p.tie(h, tncs[i], TA, 3);
    p.tie(h, tncs[i], BU, 3);
  });
  // The independents sell abroad (no local lead users).
  p.fan(clients, independents, { relation: BU, perSource: [1, 3], strength: MEDIUM });

  // --- Vertical: each subcontractor works for 1–2 TNC subsidiaries, which set its tasks and quality ---------
  for (const s of subcontractors) {
    const k = p.rng() < 0.7 ? 1 : 2;
    for (const t of p.pick(tncs, k)) {
      p.tie(t, s, TA, p.strength(STRONG)); // specifications, quality standards, methods
      p.tie(t, s, BU, p.strength(STRONG)); // tasks and orders
    }
  }

  // --- Labour mobility: engineers moving between firms carry knowledge ----------------------------------------
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

  // --- Labs and universities: tied to subsidiaries more than to SMEs -------------------------------------------
  p.block([iisc, ...labs], tncs, { relation: TA, density: 0.55, strength: MEDIUM, reciprocity: 0.5 });
  p.block([iisc, ...labs], smes, { relation: TA, density: 0.02, strength: WEAK });

  // --- SMEs' own ties abroad: US firms outsourcing to them directly, and the Indian transnational community in
  // US firms that shaped those outsourcing decisions.
  const usFirms = p.actors({ names: [1, 2, 3, 4, 5].map((i) => ({ id: `usoutsourcer${i}`, label: `US firm outsourcing to Bangalore ${i}` })), kind: "buyer", inCluster: false, stage: "client", group: "abroad", attributes: () => ({ employees: null, ownership: "foreign", country: "United States" }) });
  const diaspora = p.actors({ names: [1, 2, 3, 4].map((i) => ({ id: `diaspora${i}`, label: `Indian engineers in US firms (transnational community) ${i}` })), kind: "other", inCluster: false, stage: "transnational-community", group: "abroad", attributes: () => ({ employees: null, ownership: "foreign", country: "United States" }) });
  p.fan(usFirms, subcontractors, { relation: BU, perSource: [3, 5], strength: MEDIUM });
  for (const t of [...p.tiesPlanted]) if (usFirms.includes(t.source) && t.relation === BU) p.tie(t.source, t.target, TA, p.strength(MEDIUM));
  p.fan(diaspora, smes, { relation: BU, perSource: [2, 3], strength: WEAK });

  const brief = sourceSentence;
  const meta: DatasetMeta = {
    name: "bangalore-software",
    title: "Bangalore software cluster (stylised reconstruction)",
    source:
      "Chaminade, C. & Vang, J. (2008), the study of four Asian clusters (Bangalore software among them), with the cluster typology of UNCTAD (1998), TD/B/COM.3/EM.5/2 (Bangalore as an innovative cluster) — as summarised in the project's case brief (docs/cases.md, \"Bangalore software cluster\" and its last section). Facts of the case: large TNCs (IBM, Motorola, Hewlett-Packard, Siemens, 3M, Texas Instruments) and many SMEs, which earn only 10–15 % of revenues; a strong knowledge infrastructure (Indian Institute of Science, many training institutions).",
    summary:
      "A cluster of specialised software suppliers dominated by the subsidiaries of transnational corporations. Most SMEs are subcontractors whose tasks and quality the TNC client sets; a few are independent and sell abroad. Knowledge comes in through the subsidiaries from their headquarters abroad and goes down to the subcontractors; SMEs also have outside ties of their own (US firms outsourcing to them, the Indian transnational community in US firms); engineers moving between firms carry knowledge further; the Indian Institute of Science and the labs work with the subsidiaries rather than the SMEs.",
    relations: {
      "technical-advice": "specifications, methods, quality standards and research results passed from source to target",
      business: "tasks, orders and market information passed from source to target",
      "labour-mobility": "knowledge carried by engineers or graduates moving from the source organisation to the target",
    },
    attributes: {
      employees: "employees (empty for organisations abroad)",
      ownership: "TNC subsidiary, Indian, foreign, public or private",
      country: "home country of the owner (empty where the source names none)",
    },
    assumptions: [
      `The six TNCs the source names, each inside the cluster as its Bangalore subsidiary (group \`tnc-subsidiaries\`) and outside as its headquarters abroad (\`inCluster\` false, group \`abroad\`), which passes advice and business to the subsidiary (strength 3 each). ${brief("Large TNCs (IBM, Motorola, Hewlett-Packard, Siemens, 3M, Texas Instruments)")}; ${brief("TNC subsidiaries as the brokers between headquarters abroad and local subcontractors")}. No tie goes back from a subsidiary to its headquarters, and the TNCs' research centres abroad are not drawn: the source states neither.`,
      `Eight clients abroad buy from 1–3 independent SMEs each (business, medium); no local actor is a lead user. ${brief("a few are independent")}; ${brief("little local lead-user interaction")}. ${noSourceSentence("the source does not say whom the independents sell to; with little local lead-user interaction their clients are drawn abroad, and some client is needed for an independent firm to have a market. Their number and countries are not stated (the `country` column is empty).")}`,
      `SMEs have outside ties of their own: 5 US firms outsource directly to 3–5 subcontractors each (business and specifications, medium), and 4 members of the Indian transnational community in US firms steer work to 2–3 SMEs each (business, weak). ${brief("SMEs built competence as subcontractors of TNCs mainly located in the US, and the Indian transnational community in US firms shaped outsourcing decisions: SMEs have outside ties of their own")} (case brief, last section). The counts are assumptions.`,
      `On local social capital the two sources differ; this reconstruction follows Chaminade & Vang: horizontal co-operation among SMEs is limited. ${brief("The two sources differ on local social capital (UNCTAD: a dense, high-trust innovative cluster; Chaminade & Vang: limited social capital); a reconstruction says which it follows")} (case brief, last section).`,
      `Stages (they decide the tie types): subsidiaries in \`product-development\`, subcontractors in \`outsourced-services\`, independent SMEs in \`software-products\`, the Institute and labs in \`research\`, colleges in \`training\`. So a subsidiary → subcontractor tie is vertical, a tie between two subcontractors horizontal. ${brief("Many SMEs are subcontractors whose tasks and quality are set by the TNC client; a few are independent")}; ${brief("vertical TNC → subcontractor ties dominate")}. ${noSourceSentence("the stage names are this reconstruction's; tie types are derived from stages, so every actor needs one, and the source's split into TNCs, subcontractors, independents and knowledge infrastructure is the one drawn.")}`,
      `Vertical ties dominate: each of the 56 subcontractors works for one subsidiary (70 %) or two (30 %), which pass it specifications and quality standards (technical advice, strong) and tasks (business, strong). ${brief("Many SMEs are subcontractors whose tasks and quality are set by the TNC client")}; ${brief("vertical TNC → subcontractor ties dominate")}. No tie goes back from a subcontractor to a subsidiary, and subsidiaries give no work to the independents: the source states neither.`,
      `Labour mobility: from subsidiaries to SMEs with density 0.06, between subsidiaries 0.15, between SMEs 0.004. ${brief("labour mobility carries knowledge between firms")}. The direction (engineers leaving subsidiaries for SMEs rather than the reverse) and the densities are assumptions.`,
      `Colleges and training institutes send graduates to subsidiaries with density 0.5 and to SMEs with density 0.05 (labour mobility). ${brief("Strong knowledge infrastructure (Indian Institute of Science, many training institutions)")}; ${brief("labs and universities tied to TNCs more than to SMEs")}. Reading graduates as the training institutions' tie to firms, and the densities, are assumptions.`,
      `Horizontal co-operation among SMEs is limited: technical advice with density 0.004; the exception is a joint-marketing group of 6 independents (business density 0.6). ${brief("horizontal co-operation among SMEs is limited (fierce competition), except joint marketing")}. ${noSourceSentence("the source does not say which SMEs market jointly; independents are drawn, since the subcontractors' work is set by their TNC client. No association or other body is drawn for it: the source names none.")}`,
      `The Indian Institute of Science and two public labs advise the subsidiaries with density 0.55 (half answered in return) and SMEs with density 0.02. ${brief("labs and universities tied to TNCs more than to SMEs")}. Ties among the labs and to universities abroad are not drawn: the source states none.`,
      `Tie strengths: strong ties are 1/2/3 with probabilities 0.15/0.45/0.40, medium 0.35/0.45/0.20, weak 0.70/0.25/0.05, except where a strength is stated. Sizes, densities and strengths are invented to match the qualitative description; only the shape comes from the case. ${noSourceSentence("the source gives no counts of ties or strengths; a network needs them.")}`,
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
