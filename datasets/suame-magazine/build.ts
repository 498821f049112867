/**
 * Suame Magazine, Kumasi, Ghana — a stylised reconstruction (not survey data) of the informal cluster of
 * vehicle-repair and spare-parts workshops linked to the university's Technology Consultancy Centre, as the
 * cluster literature reports it (UNCTAD 1998; Schmitz & Nadvi 1999 and the World Development special issue).
 *
 * Every structural assumption below names the sentence of the source (as summarised in the project's case
 * brief, docs/cases.md) it rests on; what the source does not state is not drawn. The university is in
 * Kumasi, so it and its centre are inside the cluster's region: the centre is the bridge between the
 * university and the workshops, not an entry point of knowledge from beyond the region. The dynamism came
 * from linkages among users and suppliers as well as from the centre; government technology services,
 * training and credit also played a part.
 *
 * Run: npx tsx datasets/suame-magazine/build.ts [outDir]
 */
import { MEDIUM, PlantedCluster, STRONG, WEAK } from "../../src/model/plant.js";
import { noSourceSentence, runDatasetBuilder, sourceSentence, type DatasetMeta } from "../../src/io/dataset.js";

export const SEED = 1987;

export function build(): { planted: PlantedCluster; meta: DatasetMeta } {
  const p = new PlantedCluster(SEED);
  const TA = "technical-advice";
  const BU = "business";

  // --- The university and its centre: in Kumasi, inside the cluster's region -------------------------------
  const [faculty] = p.actors({ names: [{ id: "engineeringfaculty", label: "University of Science and Technology, engineering faculty (Kumasi)" }], kind: "lab", inCluster: true, stage: "research", group: "university", attributes: () => ({ employees: null, informal: false, trade: "" }) });
  const [tcc] = p.actors({ names: [{ id: "tcc", label: "University Technology Consultancy Centre (Kumasi)" }], kind: "lab", inCluster: true, stage: "support", group: "university", attributes: () => ({ employees: 25, informal: false, trade: "" }) });

  // --- Outside the region: the government programme and the importers -------------------------------------
  const [government] = p.actors({ names: [{ id: "govprogramme", label: "Government technology-service, training and credit programme" }], kind: "government", inCluster: false, stage: "support", group: "outside", attributes: () => ({ employees: null, informal: false, trade: "" }) });
  const importers = p.actors({ names: [1, 2].map((i) => ({ id: `importer${i}`, label: `Used-car and parts importer ${i}` })), kind: "supplier", inCluster: false, stage: "parts-trade", group: "outside", attributes: () => ({ employees: null, informal: false, trade: "" }) });

  // --- Workshops and dealers -------------------------------------------------------------------------------
  const trades = ["fitting", "auto-electrics", "body work and spraying", "welding"];
  const repair = p.actors({ prefix: "repair", count: 56, label: (i) => `Repair workshop ${i + 1} (${trades[i % 4]})`, kind: "firm", inCluster: true, stage: "repair", group: "repair-workshops", attributes: (i, r) => ({ employees: 1 + Math.floor(r() * 8), informal: true, trade: trades[i % 4] }) });
  const makers = p.actors({ prefix: "maker", count: 9, label: (i) => `Workshop moved into manufacturing ${i + 1}`, kind: "firm", inCluster: true, stage: "manufacturing", group: "manufacturing-workshops", attributes: (_i, r) => ({ employees: 4 + Math.floor(r() * 16), informal: r() < 0.5, trade: "parts manufacturing" }) });
  const machinists = p.actors({ prefix: "machinist", count: 7, label: (i) => `Machining and engineering shop ${i + 1}`, kind: "firm", inCluster: true, stage: "machining", group: "manufacturing-workshops", attributes: (_i, r) => ({ employees: 2 + Math.floor(r() * 8), informal: true, trade: "machining" }) });
  const dealers = p.actors({ prefix: "dealer", count: 20, label: (i) => `Spare-parts dealer ${i + 1}`, kind: "supplier", inCluster: true, stage: "parts-trade", group: "parts-dealers", attributes: (_i, r) => ({ employees: 1 + Math.floor(r() * 5), informal: true, trade: "spare parts" }) });
  const workshops = [...repair, ...makers, ...machinists];

  // --- The university centre: from the university to the workshops ----------------------------------------
  p.tie(faculty, tcc, TA, 3);
  p.tie(faculty, tcc, BU, 2);
  p.tie(tcc, faculty, TA, 2);
  p.block([tcc], repair, { relation: TA, density: 0.6, strength: STRONG });
  p.block([tcc], repair, { relation: BU, density: 0.35, strength: MEDIUM });
  p.block([tcc], [...makers, ...machinists], { relation: TA, density: 0.9, strength: STRONG });
  p.block([tcc], makers, { relation: BU, density: 0.6, strength: MEDIUM });
  p.block(workshops, [tcc], { relation: BU, density: 0.15, strength: WEAK }); // workshops tell the centre what they need

  // --- Government technology services, training and credit ---------------------------------------------------
  p.block([government], [...makers, ...machinists], { relation: TA, density: 0.4, strength: MEDIUM });
  p.block([government], workshops, { relation: BU, density: 0.12, strength: MEDIUM });

  // --- Linkages among users and suppliers ---------------------------------------------------------------------
  p.fan(dealers, repair, { relation: BU, perSource: [4, 7], strength: MEDIUM, reciprocity: 0.3 }); // parts and what fits
  p.fan(makers, [...repair, ...dealers], { relation: BU, perSource: [4, 8], strength: MEDIUM, reciprocity: 0.3 }); // locally made parts
  p.fan(makers, repair, { relation: TA, perSource: [1, 3], strength: WEAK });
  p.fan(machinists, [...repair, ...makers], { relation: TA, perSource: [2, 4], strength: MEDIUM });
  p.fan(repair, [...makers, ...machinists], { relation: TA, perSource: [0, 1], strength: WEAK }); // users tell suppliers what fails
  p.block(repair, repair, { relation: TA, density: 0.012, strength: MEDIUM });
  p.block(makers, makers, { relation: TA, density: 0.1, strength: WEAK });

  // --- Liberalised imports of used cars and parts -------------------------------------------------------------
  p.fan(importers, dealers, { relation: BU, perSource: [3, 5], strength: MEDIUM });

  const brief = sourceSentence;
  const meta: DatasetMeta = {
    name: "suame-magazine",
    title: "Suame Magazine vehicle-repair cluster, Kumasi, Ghana (stylised reconstruction)",
    source:
      "UNCTAD (1998), Promoting and sustaining SMEs clusters and networks for development, TD/B/COM.3/EM.5/2 (Suame Magazine as an informal cluster), and the cluster literature of Schmitz & Nadvi (1999) and the World Development special issue — as summarised in the project's case brief (docs/cases.md, \"Suame Magazine\" and its last section).",
    summary:
      "An informal cluster of micro and small vehicle-repair workshops and spare-parts dealers in Kumasi. It became dynamic through linkages among users and suppliers as well as with the Technology Consultancy Centre of the University of Science and Technology, in Kumasi, which trained mechanics in their own workshops (skills, basic accounting and management); government technology services, training and credit also played a part. Liberalised imports of used cars and parts slowed it; the workshops that moved into manufacturing fared better. The sample of 92 workshops and dealers stands for the cluster's many (the source gives no count).",
    relations: {
      "technical-advice": "skills, repair and machining techniques passed from source to target",
      business: "basic accounting and management training, credit, parts supply and market information passed from source to target",
    },
    attributes: {
      employees: "workers including apprentices (empty for organisations without a count)",
      informal: "the workshop is informal (unregistered)",
      trade: "the workshop's trade",
    },
    assumptions: [
      `The university's engineering faculty and its Technology Consultancy Centre are inside the cluster (\`inCluster\` true, group \`university\`). ${brief("the university is in Kumasi (inside the cluster's region)")} (case brief, last section). The faculty advises and supports the centre (and nobody else); the centre reports back to it.`,
      `The centre trains mechanics in their own workshops: it advises 60 % of the repair workshops (strong) and trains 35 % in accounting and management (business, medium); it advises 90 % of the manufacturing and machining shops and trains 60 % of the manufacturers; 15 % of workshops tell it what they need (business, weak). ${brief("the Technology Consultancy Centre of the University of Science and Technology, which trained mechanics in informal workshops (skills, basic accounting and management)")}. The shares are assumptions.`,
      `Outside the region (\`inCluster\` false): a government programme of technology services, training and credit, which advises 40 % of the manufacturing and machining shops (medium) and trains or lends to 12 % of all workshops (business, medium). ${brief("government technology services, training and credit also played a part")} (case brief, last section). The source does not say where the programme sits; this reconstruction takes it to be national (outside Kumasi) — inside, the importers would be the only outside source.`,
      `Also outside: two used-car and parts importers, which deal with 3–5 spare-parts dealers each (business only). ${brief("liberalised used-car and parts imports in the late 1980s slowed it")}. No tie carries the slowdown itself: the data are one round.`,
      `Inside: 56 repair workshops (group \`repair-workshops\`), 9 workshops that moved into manufacturing and 7 machining shops (group \`manufacturing-workshops\`), 20 spare-parts dealers (group \`parts-dealers\`); nearly all informal. ${brief("Vehicle repair and spare-parts workshops, micro and small")}; ${brief("workshops that moved into manufacturing fared better")} (an attribute of the group, not a tie).`,
      `Linkages among users and suppliers: each dealer supplies 4–7 repair workshops, each manufacturing workshop sells to 4–8 repairers or dealers (business, medium, 30 % answered with the user's feedback) and advises 1–3 repairers (weak); each machining shop advises 2–4 repairers or manufacturers; each repairer tells at most one manufacturer or machinist what fails (weak). ${brief("the dynamism came from the proliferation of linkages among users and suppliers as well as the university's Technology Consultancy Centre")} (case brief, last section). The numbers are assumptions.`,
      `Horizontal ties are few: repairers advise each other with density 0.012, manufacturers each other with density 0.1. ${brief("informal clusters (little trust, co-operation and learning)")} (UNCTAD's typology, case brief \"Other facts\").`,
      `Not drawn because the source does not state them: donors or foreign suppliers of the centre, ties between the government programme and the centre, ties of workshops to the importers. ${noSourceSentence("what the source does not state is left out; the absence is the absence of a statement, not a finding.")}`,
      `Invented: actor counts, names and labels, trades, employees. Tie strengths: strong ties are 1/2/3 with probabilities 0.15/0.45/0.40, medium 0.35/0.45/0.20, weak 0.70/0.25/0.05, except where a strength is stated. ${noSourceSentence("the source gives no counts or strengths; a network needs them.")}`,
    ],
    expected: [
      "The university centre as the bridge between the university and the workshops: the top broker (betweenness), the university's representative to the workshops (the largest Gould–Fernandez representative count, partition `group`), the critical actor removed first, and the source of technical advice of most workshops.",
      "Not a gatekeeper of knowledge from outside the region: the university being in Kumasi, the centre has no outside tie; outside knowledge enters through the spare-parts dealers (imports) and the workshops reached by the government programme, so the top gatekeepers of the `inCluster` ranking are those — reported, not forced.",
      "Linkages among users and suppliers carry most of the workshops' ties: vertical ties outnumber horizontal ones among firms by far, and repairers are sparsely tied to each other.",
      "UNCTAD's typology: an organised cluster holds (the centre, a support organisation, is tied to most firms). The informal type does not hold although nearly all firms are informal: the rule asks for under one horizontal partner per firm and the reconstruction has slightly more (repairers' density 0.012 and manufacturers' 0.1 are this reconstruction's numbers, not the source's). Reported, not forced.",
    ],
  };
  return { planted: p, meta };
}

runDatasetBuilder(import.meta.url, build);
