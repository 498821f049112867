/**
 * FEPACH, the Chilean federation of fruit processors — a stylised reconstruction (not survey data) of the
 * case in Caniëls & Romijn (2003): an association that brings in information on international standards,
 * set up external quality-control labs and runs a benchmarking forum, in an industry where managers of
 * large processors share knowledge and carry it when they move between firms.
 *
 * Every structural assumption below names the sentence of the source (as summarised in the project's case
 * brief, docs/cases.md, last section) it rests on; what the source does not state is not drawn, and where a
 * number had to be chosen the assumption says so.
 *
 * Run: npx tsx datasets/fepach-fruit-processing/build.ts [outDir]
 */
import { MEDIUM, PlantedCluster, STRONG, WEAK } from "../../src/model/plant.js";
import { noSourceSentence, runDatasetBuilder, sourceSentence, type DatasetMeta } from "../../src/io/dataset.js";

export const SEED = 1991;

export function build(): { planted: PlantedCluster; meta: DatasetMeta } {
  const p = new PlantedCluster(SEED);
  const TA = "technical-advice";
  const BU = "business";
  const none = { employees: null, sizeClass: "" };

  // --- Outside: where international standards come from ------------------------------------------------
  const standards = p.actors({
    names: [
      { id: "importstandards", label: "Importing countries' food-safety and quality standards" },
      { id: "intlstandards", label: "International standards bodies" },
    ],
    kind: "other",
    inCluster: false,
    stage: "certification",
    group: "outside",
    attributes: () => ({ ...none }),
  });

  // --- The federation and the quality-control labs -------------------------------------------------------
  const [fepach] = p.actors({ names: [{ id: "fepach", label: "FEPACH, federation of fruit processors" }], kind: "association", inCluster: true, stage: "support", group: "federation", attributes: () => ({ ...none, employees: 12 }) });
  const labs = p.actors({ names: [1, 2].map((i) => ({ id: `qclab${i}`, label: `External quality-control laboratory ${i}` })), kind: "lab", inCluster: true, stage: "certification", group: "federation", attributes: () => ({ ...none, employees: 8 }) });

  // --- Processors: large ones and the rest ----------------------------------------------------------------
  const large = p.actors({ prefix: "large", count: 8, label: (i) => `Large fruit processor ${i + 1}`, kind: "firm", inCluster: true, stage: "processing", group: "processors", attributes: (_i, r) => ({ employees: 300 + Math.floor(r() * 700), sizeClass: "large" }) });
  const smaller = p.actors({ prefix: "proc", count: 30, label: (i) => `Fruit processor ${i + 1}`, kind: "firm", inCluster: true, stage: "processing", group: "processors", attributes: (_i, r) => ({ employees: 20 + Math.floor(r() * 180), sizeClass: r() < 0.5 ? "medium" : "small" }) });
  const processors = [...large, ...smaller];

  // --- Information on international standards, through the federation -----------------------------------
  for (const s of standards) p.tie(s, fepach, TA, 3);
  p.block([fepach], processors, { relation: TA, density: 0.9, strength: MEDIUM });
  // The federation set up the labs, which control the members' quality.
  for (const l of labs) {
    p.tie(fepach, l, TA, 3);
    p.tie(fepach, l, BU, 2);
  }
  p.fan(labs, processors, { relation: TA, perSource: [12, 20], strength: MEDIUM });

  // --- The benchmarking forum: members report their figures, the federation returns the comparison ---------
  p.block(processors, [fepach], { relation: BU, density: 0.7, strength: MEDIUM });
  p.block([fepach], processors, { relation: BU, density: 0.7, strength: MEDIUM });

  // --- Managers of large processors share knowledge ---------------------------------------------------------
  p.block(large, large, { relation: TA, density: 0.5, strength: STRONG, reciprocity: 0.6 });
  // --- Managers moving between firms carry knowledge from the firm they left to the one they joined --------
  for (let k = 0; k < 14; k++) {
    const [from, to] = p.pick(processors, 2);
    p.tie(from, to, TA, p.strength(MEDIUM));
    if (p.rng() < 0.5) p.tie(to, from, TA, p.strength(WEAK));
  }

  const brief = sourceSentence;
  const meta: DatasetMeta = {
    name: "fepach-fruit-processing",
    title: "FEPACH, Chilean federation of fruit processors (stylised reconstruction)",
    source:
      "Caniëls, M. C. J. & Romijn, H. A. (2003), on learning in clusters of small firms (FEPACH, the Chilean federation of fruit processors, among their cases), with the cluster literature of Schmitz & Nadvi (1999) and the World Development special issue — as summarised in the project's case brief (docs/cases.md, last section, \"Cases with no example yet\").",
    summary:
      "The Chilean fruit-processing industry organised in its federation, FEPACH, which brings its members information on international standards, set up external quality-control laboratories and runs a benchmarking forum; knowledge is also shared among the managers of the large processors, and carried by managers who move between firms. The sample (8 large and 30 other processors) is invented; the source gives no count.",
    relations: {
      "technical-advice": "standards, quality-control results and processing know-how passed from source to target",
      business: "benchmarking figures and results, the federation's programmes and services passed from source to target",
    },
    attributes: {
      employees: "people employed (empty for the outside sources)",
      sizeClass: "processors only: large, medium or small",
    },
    assumptions: [
      `Outside the cluster (\`inCluster\` false): two sources of international standards — importing countries' food-safety and quality standards, and international standards bodies — each informing the federation (technical-advice, strength 3), and nobody else. ${brief("information on international standards")}. The source says the federation gives this information; it names no other outside source of the processors (no importers, no foreign partners), so none is drawn. The two labels are invented.`,
      `The federation passes the standards information to 90 % of the processors (medium). ${brief("FEPACH, the Chilean federation of fruit processors (external quality-control labs, information on international standards, benchmarking forum …)")}. The share is an assumption.`,
      `Two external quality-control laboratories, inside the cluster (\`stage\` certification, group \`federation\`): the federation set them up (technical-advice 3 and business 2 to each) and each controls the quality of 12–20 processors (technical-advice, medium). ${brief("external quality-control labs")}. "External" is read as outside the firms, not outside Chile; that the federation set them up is this reconstruction's reading of "FEPACH (external quality-control labs …)".`,
      `The benchmarking forum: 70 % of processors report their figures to the federation and 70 % receive the comparison back (business, medium). ${brief("benchmarking forum")}. The shares are assumptions.`,
      `Managers of the eight large processors share knowledge: technical advice among them with density 0.5 (strong, 60 % answered in return). ${brief("knowledge shared among managers of large processors")}. The count and density are assumptions.`,
      `Managers moving between firms: 14 moves between processors drawn at random (large or not), each a technical-advice tie from the firm left to the firm joined (medium), answered in half of the cases (weak). ${brief("and through managers moving between firms")}. The number of moves is an assumption.`,
      `Not drawn because the source does not state them: ties among the smaller processors other than through moving managers, growers and other suppliers of fruit, buyers and importers, government agencies. Their absence here is the absence of a statement, not a finding: an analysis of this dataset says nothing about them. ${noSourceSentence("what the source does not state is left out; the absence is the absence of a statement, not a finding.")}`,
      `Invented: actor counts, names and labels, employees, size classes of the smaller processors. Tie strengths: strong ties are 1/2/3 with probabilities 0.15/0.45/0.40, medium 0.35/0.45/0.20, weak 0.70/0.25/0.05, except where a strength is stated. ${noSourceSentence("the source gives no counts or strengths; a network needs them.")}`,
    ],
    expected: [
      "The federation as the gatekeeper of international standards: the top gatekeeper (Gould–Fernandez, partition `inCluster`) and the only inside actor receiving from outside, passing it on to most processors. The gatekeeper-dependent verdict cannot be judged: two ties come in from outside and its rule needs at least three — the source gives no count of outside sources, and none is added to reach the minimum.",
      "Not closed: little comes in from outside (two ties), but the federation passes it on to every inside actor within two steps.",
      "Multilateral co-operation through the federation: institutional ties (to or from the federation) are the largest class of the tie-type mix, and UNCTAD's organised type holds.",
      "Organised around the federation and its two laboratories: hub-and-spoke holds (verdict and typology, anchored locally), with a core of the federation, the labs and most of the large processors (core–periphery holds).",
      "Knowledge shared among the managers of large processors: their ties are dense (half of the ordered pairs tied, against under a tenth in the cluster as a whole) and all horizontal. How they compare with the smaller processors is not a finding: ties among those are not stated by the source, so not drawn.",
    ],
  };
  return { planted: p, meta };
}

runDatasetBuilder(import.meta.url, build);
