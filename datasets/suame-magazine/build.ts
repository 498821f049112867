/**
 * Suame Magazine, Kumasi, Ghana — a stylised reconstruction (not survey data) of the informal cluster of
 * vehicle-repair and spare-parts workshops linked to the university's Technology Consultancy Centre, as the
 * cluster literature reports it (UNCTAD 1998; Schmitz & Nadvi 1999 and the World Development special issue).
 *
 * What the case says: micro and small repair and spare-parts workshops became dynamic through linkages between
 * users and suppliers and with the Technology Consultancy Centre of the University of Science and Technology,
 * which trained mechanics in informal workshops (skills, basic accounting and management). Fragile: liberalised
 * used-car and parts imports slowed it; workshops that moved into manufacturing fared better.
 *
 * Run: npx tsx datasets/suame-magazine/build.ts [outDir]
 */
import { MEDIUM, PlantedCluster, STRONG, WEAK } from "../../src/model/plant.js";
import { runDatasetBuilder, type DatasetMeta } from "../../src/io/dataset.js";

export const SEED = 1987;

export function build(): { planted: PlantedCluster; meta: DatasetMeta } {
  const p = new PlantedCluster(SEED);
  const TA = "technical-advice";
  const BU = "business";

  // --- The university centre: inside the cluster (it trains mechanics in their own workshops) ----------------
  const [tcc] = p.actors({ names: [{ id: "tcc", label: "University Technology Consultancy Centre (works in Suame)" }], kind: "lab", inCluster: true, stage: "support", group: "university-centre", attributes: () => ({ employees: 25, informal: false }) });

  // --- Outside: what the centre draws on, and the importers ---------------------------------------------------
  const [faculty] = p.actors({ names: [{ id: "engineeringfaculty", label: "University of Science and Technology, engineering faculty" }], kind: "lab", inCluster: false, stage: "research", group: "outside", attributes: () => ({ employees: null, informal: false }) });
  const [donor] = p.actors({ names: [{ id: "devagency", label: "International development agency" }], kind: "government", inCluster: false, stage: "support", group: "outside", attributes: () => ({ employees: null, informal: false }) });
  const [machines] = p.actors({ names: [{ id: "machinesupplier", label: "Foreign machine-tool supplier" }], kind: "supplier", inCluster: false, stage: "equipment", group: "outside", attributes: () => ({ employees: null, informal: false }) });
  const importers = p.actors({ names: [1, 2].map((i) => ({ id: `importer${i}`, label: `Used-car and parts importer ${i} (Accra/Tema)` })), kind: "supplier", inCluster: false, stage: "parts-trade", group: "outside", attributes: () => ({ employees: null, informal: false }) });

  // --- Workshops ------------------------------------------------------------------------------------------
  const trades = ["fitting", "auto-electrics", "body work and spraying", "welding"];
  const repair = p.actors({ prefix: "repair", count: 56, label: (i) => `Repair workshop ${i + 1} (${trades[i % 4]})`, kind: "firm", inCluster: true, stage: "repair", group: "repair-workshops", attributes: (i, r) => ({ employees: 1 + Math.floor(r() * 8), informal: true, trade: trades[i % 4] }) });
  const makers = p.actors({ prefix: "maker", count: 9, label: (i) => `Workshop moved into manufacturing ${i + 1}`, kind: "firm", inCluster: true, stage: "manufacturing", group: "manufacturing-workshops", attributes: (_i, r) => ({ employees: 4 + Math.floor(r() * 16), informal: r() < 0.5, trade: "parts manufacturing" }) });
  const machinists = p.actors({ prefix: "machinist", count: 7, label: (i) => `Machining and engineering shop ${i + 1}`, kind: "firm", inCluster: true, stage: "machining", group: "manufacturing-workshops", attributes: (_i, r) => ({ employees: 2 + Math.floor(r() * 8), informal: true, trade: "machining" }) });
  const dealers = p.actors({ prefix: "dealer", count: 20, label: (i) => `Spare-parts dealer ${i + 1}`, kind: "supplier", inCluster: true, stage: "parts-trade", group: "parts-dealers", attributes: (_i, r) => ({ employees: 1 + Math.floor(r() * 5), informal: true, trade: "spare parts" }) });
  const workshops = [...repair, ...makers, ...machinists];

  // --- Outside knowledge comes in through the centre ------------------------------------------------------
  p.tie(faculty, tcc, TA, 3);
  p.tie(faculty, tcc, BU, 2);
  p.tie(donor, tcc, BU, 3);
  p.tie(donor, tcc, TA, 2);
  p.tie(machines, tcc, TA, 2);
  p.tie(tcc, faculty, TA, 2);
  // … and goes out to the workshops: skills (technical advice), basic accounting and management (business).
  p.block([tcc], repair, { relation: TA, density: 0.6, strength: STRONG });
  p.block([tcc], repair, { relation: BU, density: 0.35, strength: MEDIUM });
  p.block([tcc], [...makers, ...machinists], { relation: TA, density: 0.9, strength: STRONG });
  p.block([tcc], makers, { relation: BU, density: 0.6, strength: MEDIUM });
  p.block(workshops, [tcc], { relation: BU, density: 0.15, strength: WEAK }); // workshops tell the centre what they need

  // --- A sparse network of workshops: user–supplier linkages, some apprenticeship lineages -------------------
  p.fan(dealers, repair, { relation: BU, perSource: [2, 4], strength: MEDIUM }); // parts dealers advise users on parts
  p.fan(makers, [...repair, ...dealers], { relation: BU, perSource: [2, 4], strength: MEDIUM }); // manufactured parts sold locally
  p.fan(machinists, [...repair, ...makers], { relation: TA, perSource: [1, 3], strength: MEDIUM });
  p.block(repair, repair, { relation: TA, density: 0.012, strength: MEDIUM });
  p.block(makers, makers, { relation: TA, density: 0.1, strength: WEAK });
  // Imports: liberalised used-car and parts imports reach a few dealers (business only).
  p.fan(importers, dealers, { relation: BU, perSource: [2, 3], strength: MEDIUM });

  const meta: DatasetMeta = {
    name: "suame-magazine",
    title: "Suame Magazine vehicle-repair cluster, Kumasi, Ghana (stylised reconstruction)",
    source:
      "UNCTAD (1998), Promoting and sustaining SMEs clusters and networks for development, TD/B/COM.3/EM.5/2 (Suame Magazine as an informal cluster), and the cluster literature of Schmitz & Nadvi (1999) and the World Development special issue — as summarised in the project's case brief (docs/cases.md, \"Suame Magazine\").",
    summary:
      "An informal cluster of micro and small vehicle-repair workshops and spare-parts dealers in Kumasi. It became dynamic through linkages between users and suppliers and with the Technology Consultancy Centre of the University of Science and Technology, which trained mechanics in their own workshops (skills, basic accounting and management). Liberalised imports of used cars and parts slowed it; the workshops that moved into manufacturing fared better.",
    relations: {
      "technical-advice": "skills, repair and machining techniques passed from source to target",
      business: "basic accounting and management training, parts supply and market information passed from source to target",
    },
    attributes: {
      employees: "workers including apprentices (empty for organisations outside)",
      informal: "the workshop is informal (unregistered)",
      trade: "the workshop's trade",
    },
    assumptions: [
      "The university's Technology Consultancy Centre is counted inside the cluster (`inCluster` true, group `university-centre`): it trained mechanics in their own workshops. What it draws on is outside: the university's engineering faculty, an international development agency and a foreign machine-tool supplier, which advise and support the centre (and nobody else); the centre reports back to the faculty.",
      "Also outside: two used-car and parts importers, which deal with 2–3 spare-parts dealers each (business only). No workshop has an outside tie.",
      "Inside: 56 repair workshops (group `repair-workshops`), 9 workshops that moved into manufacturing and 7 machining shops (group `manufacturing-workshops`), 20 spare-parts dealers (group `parts-dealers`).",
      "The centre advises 60 % of the repair workshops (strong) and trains 35 % in accounting and management (business, medium); it advises 90 % of the manufacturing and machining shops and trains 60 % of the manufacturers; 15 % of workshops report their needs back to it.",
      "The workshops' own network is sparse: each dealer deals with 2–4 repair workshops, each manufacturing workshop sells to 2–4 repairers or dealers, each machining shop advises 1–3 repairers or manufacturers; repairers advise each other with density 0.012 and manufacturers each other with density 0.1.",
      "Tie strengths: strong ties are 1/2/3 with probabilities 0.15/0.45/0.40, medium 0.35/0.45/0.20, weak 0.70/0.25/0.05, except where a strength is stated.",
      "Sizes, densities and strengths are invented to match the qualitative description; only the shape comes from the case.",
    ],
    expected: [
      "The university centre as the main bridge of outside knowledge into the workshops: the top gatekeeper (Gould–Fernandez gatekeeper counts, partition `inCluster`) and the top broker (betweenness).",
      "A sparse network of workshops that hangs together mostly through the centre (removing it fragments the network most).",
    ],
  };
  return { planted: p, meta };
}

runDatasetBuilder(import.meta.url, build);
