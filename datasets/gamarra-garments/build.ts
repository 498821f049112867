/**
 * Gamarra garment cluster, Lima, Peru — a stylised reconstruction (not survey data) of the closed cluster in
 * Caniëls & Romijn (2003), drawing on Visser's study of Gamarra.
 *
 * Every structural assumption below names the sentence of the source (as summarised in the project's case
 * brief, docs/cases.md) it rests on; what the source does not state is not drawn. The source calls the
 * cluster closed to outside sources AND says that new ideas become public quickly on a local scale: the
 * few producers with an outside contact are ordinary producers, tied in like the others, so what they
 * bring in travels. The closed verdict's reach rule disagrees with the source there; the dataset follows
 * the source and the README says what the diagnosis finds and why (docs/cases.md, "Decisions").
 *
 * Run: npx tsx datasets/gamarra-garments/build.ts [outDir]
 */
import { MEDIUM, PlantedCluster, STRONG, WEAK, type PlantedActor } from "../../src/model/plant.js";
import { noSourceSentence, runDatasetBuilder, sourceSentence, type DatasetMeta } from "../../src/io/dataset.js";

export const SEED = 2003;

export function build(): { planted: PlantedCluster; meta: DatasetMeta } {
  const p = new PlantedCluster(SEED);
  const TA = "technical-advice";
  const BU = "business";

  // --- Inside: garment producers, in four product lines and six commercial buildings ------------------------
  const lines = ["jeans", "t-shirts", "knitwear", "childrenswear"];
  const producers = lines.flatMap((line, li) =>
    p.actors({ prefix: `maker${li + 1}_`, count: 20, label: (i) => `Garment producer (${line}) ${i + 1}`, kind: "firm", inCluster: true, stage: "garment-making", group: line, attributes: (_i, r) => ({ employees: 2 + Math.floor(r() * 25), productLine: line, building: `building-${1 + Math.floor(r() * 6)}` }) }),
  );

  // --- Outside: two sources, each reaching one producer drawn at random -----------------------------------
  const [importer] = p.actors({ names: [{ id: "fabricimporter", label: "Imported-fabric wholesaler (outside Gamarra)" }], kind: "supplier", inCluster: false, stage: "inputs", group: "outside", attributes: () => ({ employees: null, productLine: "", building: "" }) });
  const [fair] = p.actors({ names: [{ id: "fashionfair", label: "International fashion fair" }], kind: "other", inCluster: false, stage: "design", group: "outside", attributes: () => ({ employees: null, productLine: "", building: "" }) });

  // --- Producers learn from each other: neighbours first, then the contacts of contacts ----------------------
  const sameBuilding = (a: PlantedActor, b: PlantedActor) => a.attributes.building === b.attributes.building;
  p.block(producers, producers, { relation: TA, density: 0.3, strength: STRONG, reciprocity: 0.6, where: sameBuilding });
  p.block(producers, producers, { relation: TA, density: 0.03, strength: MEDIUM, reciprocity: 0.4, where: (s, t) => !sameBuilding(s, t) && s.group === t.group });
  p.block(producers, producers, { relation: TA, density: 0.008, strength: WEAK, where: (s, t) => !sameBuilding(s, t) && s.group !== t.group });
  p.closeTriads(producers, { relation: TA, probability: 0.12, strength: MEDIUM });
  p.block(producers, producers, { relation: BU, density: 0.12, strength: MEDIUM, reciprocity: 0.5, where: sameBuilding });
  p.block(producers, producers, { relation: BU, density: 0.02, strength: WEAK, where: (s, t) => !sameBuilding(s, t) });

  // --- The only outside ties ---------------------------------------------------------------------------------
  const [withImporter, atFair] = p.pick(producers, 2);
  p.tie(importer, withImporter, BU, 2);
  p.tie(importer, withImporter, TA, 1);
  p.tie(fair, atFair, TA, 2);

  const brief = sourceSentence;
  const meta: DatasetMeta = {
    name: "gamarra-garments",
    title: "Gamarra garment cluster, Lima, Peru (stylised reconstruction)",
    source:
      "Caniëls, M. C. J. & Romijn, H. A. (2003), on learning in clusters of small firms (Gamarra as a closed cluster, after Visser's study of it), and the cluster literature of Schmitz & Nadvi (1999) and the World Development special issue — as summarised in the project's case brief (docs/cases.md, \"Gamarra garment cluster\" and its last section).",
    summary:
      "A clothing cluster of small garment producers in the Gamarra district of Lima. Clustering reinforced existing practice: producers learned from each other, in a relatively closed system; the willingness to look for, select and use new information from outside did not spread (cognitive inbreeding). Inside, new ideas become public quickly: what one producer learns, its neighbours soon know. The sample of 80 producers stands for the cluster's many small firms (the source gives no count).",
    relations: {
      "technical-advice": "designs, patterns, techniques and production tips passed from source to target",
      business: "orders, prices, supply and market news passed from source to target",
    },
    attributes: {
      employees: "workers (empty for actors outside)",
      productLine: "producers only: jeans, t-shirts, knitwear or children's wear",
      building: "the commercial building (galería) the producer is in",
    },
    assumptions: [
      `Outside the cluster (\`inCluster\` false): two outside sources, an imported-fabric wholesaler and an international fashion fair, each reaching one producer (the wholesaler: business 2 and advice 1; the fair: advice 2). The two producers are drawn at random among all producers: they are not chosen to be peripheral. ${brief("in a relatively closed system")}; ${brief("closed to outside sources")} (case brief, last section). Two sources and one producer each are this reconstruction's numbers: the source says the system is closed, not that no one has an outside contact. The kinds of the two sources are invented; the source names none.`,
      `Inside: 80 garment producers only, in four product lines of 20 (the \`group\` column: jeans, t-shirts, knitwear, childrenswear), each in one of six commercial buildings. ${brief("producers learned from each other, in a relatively closed system (cognitive inbreeding)")}. Input traders, service workshops, market stalls and an association are not drawn: the source states no role for them in the cluster's learning.`,
      `Producers in the same building copy from each other: technical advice with density 0.30 (strong, 60 % answered in return), whatever their product line; across buildings 0.03 within a product line and 0.008 across lines. ${brief("new ideas become public quickly on a local scale (Visser): dense internal diffusion")} (case brief, last section). The building as the unit of \"local scale\" and the densities are assumptions.`,
      `Then every open advice two-path a → b → c among producers is closed by a → c with probability 0.12 — copying from the people one's contacts copy from — which makes the network highly transitive. ${brief("clustering reinforced existing practice")}; ${brief("producers learned from each other, in a relatively closed system (cognitive inbreeding)")}. The probability is an assumption.`,
      `Business ties (orders, prices, market news) among producers: density 0.12 in the same building (half answered), 0.02 across buildings. ${brief("producers learned from each other")}; ${brief("dense internal ties")}. ${noSourceSentence("the source does not separate kinds of knowledge, and no sentence of it names business ties among producers; the split into two relations is this reconstruction's, so that the example carries two relations like a survey with two questions (as every example does). What producers pass on is the source's; the second relation, its densities and the building rule are not.")}`,
      `Not drawn because the source does not state them: the dispersed producers elsewhere in Lima that clustered producers outperformed (they are not part of the cluster's network), support organisations, buyers. ${noSourceSentence("what the source does not state is left out; the absence is the absence of a statement, not a finding.")}`,
      `Invented: actor counts, names and labels, product lines, buildings, employees. Tie strengths: strong ties are 1/2/3 with probabilities 0.15/0.45/0.40, medium 0.35/0.45/0.20, weak 0.70/0.25/0.05, except where a strength is stated. ${noSourceSentence("the source gives no counts or strengths; a network needs them.")}`,
    ],
    expected: [
      "Very low external openness: three outside ties in all, reaching two producers; under 1 % of the ties entering inside actors come from outside (the closed verdict's first condition holds).",
      "Dense internal ties and high transitivity (transitivity more than twice the density); not fragmented along the product lines — neighbours in a building copy from each other whatever they make.",
      "Typed a Marshallian district (typology): many small firms, nearly all their ties horizontal, no actor dominating — the typology's name for the dense learning among producers that the source describes.",
      "What the two producers bring in travels: outside knowledge reaches more than a quarter of the producers within two steps. So the closed verdict, which also asks that outside knowledge not travel (at most 25 % reached within two steps), does NOT hold: the report says \"Not closed: … but outside knowledge reaches … within two steps … what comes in is passed on inside the cluster\". The source calls the cluster closed because so little comes in, and says ideas spread quickly inside; the verdict's reach rule reads that spread as openness. The rule is not changed for this example (docs/cases.md, \"Decisions\").",
    ],
  };
  return { planted: p, meta };
}

runDatasetBuilder(import.meta.url, build);
