/**
 * Gamarra garment cluster, Lima, Peru — a stylised reconstruction (not survey data) of the closed cluster in
 * Caniëls & Romijn (2003) and the cluster literature they draw on.
 *
 * What the case says: clustering reinforced existing practice; the willingness to look for, select and use new
 * information did not spread; producers learned from each other in a relatively closed system (cognitive
 * inbreeding).
 *
 * Run: npx tsx datasets/gamarra-garments/build.ts [outDir]
 */
import { MEDIUM, PlantedCluster, STRONG, WEAK } from "../../src/model/plant.js";
import { runDatasetBuilder, type DatasetMeta } from "../../src/io/dataset.js";

export const SEED = 2003;

export function build(): { planted: PlantedCluster; meta: DatasetMeta } {
  const p = new PlantedCluster(SEED);
  const TA = "technical-advice";
  const BU = "business";

  // --- Inside: garment producers in four product lines, input suppliers, service workshops, stall traders -----
  const lines = ["jeans", "t-shirts", "knitwear", "childrenswear"];
  const producers = lines.flatMap((line, li) =>
    p.actors({ prefix: `maker${li + 1}_`, count: 17, label: (i) => `Garment producer (${line}) ${i + 1}`, kind: "firm", inCluster: true, stage: "garment-making", group: line, attributes: (_i, r) => ({ employees: 2 + Math.floor(r() * 25), productLine: line, building: `building-${1 + Math.floor(r() * 6)}` }) }),
  );
  const inputs = p.actors({ prefix: "fabric", count: 10, label: (i) => `Fabric and trimmings trader ${i + 1}`, kind: "supplier", inCluster: true, stage: "inputs", group: "inputs-and-services", attributes: (_i, r) => ({ employees: 2 + Math.floor(r() * 8), productLine: "", building: `building-${1 + Math.floor(r() * 6)}` }) });
  const services = p.actors({ prefix: "service", count: 6, label: (i) => `${["Embroidery", "Screen printing", "Dyeing and washing"][i % 3]} workshop ${i + 1}`, kind: "supplier", inCluster: true, stage: "services", group: "inputs-and-services", attributes: (_i, r) => ({ employees: 2 + Math.floor(r() * 10), productLine: "", building: `building-${1 + Math.floor(r() * 6)}` }) });
  const stalls = p.actors({ prefix: "stall", count: 10, label: (i) => `Market stall trader ${i + 1}`, kind: "firm", inCluster: true, stage: "retail", group: "inputs-and-services", attributes: (_i, r) => ({ employees: 1 + Math.floor(r() * 4), productLine: "", building: `building-${1 + Math.floor(r() * 6)}` }) });
  const [association] = p.actors({ names: [{ id: "association", label: "Gamarra traders' and producers' association" }], kind: "association", inCluster: true, stage: "support", group: "inputs-and-services", attributes: () => ({ employees: 3, productLine: "", building: "building-1" }) });

  // --- Outside: few sources, reached by one or two actors ------------------------------------------------------
  const [importer] = p.actors({ names: [{ id: "fabricimporter", label: "Imported-fabric wholesaler (outside Gamarra)" }], kind: "supplier", inCluster: false, stage: "inputs", group: "outside", attributes: () => ({ employees: null, productLine: "", building: "" }) });
  const [fair] = p.actors({ names: [{ id: "fashionfair", label: "International fashion fair" }], kind: "other", inCluster: false, stage: "design", group: "outside", attributes: () => ({ employees: null, productLine: "", building: "" }) });

  // --- Producers learn from each other: dense, and closed into triangles --------------------------------------
  // Neighbours in the same commercial building copy from each other, whatever they make; across buildings,
  // producers of the same line talk a little.
  const sameBuilding = (a: { attributes: Record<string, unknown> }, b: { attributes: Record<string, unknown> }) => a.attributes.building === b.attributes.building;
  p.block(producers, producers, { relation: TA, density: 0.3, strength: STRONG, reciprocity: 0.6, where: sameBuilding });
  p.block(producers, producers, { relation: TA, density: 0.03, strength: MEDIUM, reciprocity: 0.4, where: (s, t) => !sameBuilding(s, t) && s.group === t.group });
  p.block(producers, producers, { relation: TA, density: 0.008, strength: WEAK, where: (s, t) => !sameBuilding(s, t) && s.group !== t.group });
  p.closeTriads(producers, { relation: TA, probability: 0.12, strength: MEDIUM });
  p.block(producers, producers, { relation: BU, density: 0.12, strength: MEDIUM, reciprocity: 0.5, where: sameBuilding });
  // Local chain: input traders and service workshops pass what they know to producers; stalls pass market news.
  p.fan(inputs, producers, { relation: BU, perSource: [4, 8], strength: MEDIUM });
  p.fan(inputs, producers, { relation: TA, perSource: [1, 3], strength: WEAK });
  p.fan(services, producers, { relation: TA, perSource: [3, 6], strength: MEDIUM });
  p.fan(stalls, producers, { relation: BU, perSource: [3, 6], strength: MEDIUM, reciprocity: 0.5 });
  p.block(inputs, inputs, { relation: BU, density: 0.3, strength: MEDIUM });
  p.block(stalls, stalls, { relation: BU, density: 0.3, strength: MEDIUM, reciprocity: 0.5 });
  p.fan([association], [...producers, ...stalls], { relation: BU, perSource: [15, 15], strength: WEAK });

  // --- The only outside ties: one input trader buys imported fabric; one producer visits a fair -----------------
  p.tie(importer, inputs[0], BU, 2);
  p.tie(importer, inputs[0], TA, 1);
  p.tie(fair, producers[0], TA, 1);

  const meta: DatasetMeta = {
    name: "gamarra-garments",
    title: "Gamarra garment cluster, Lima, Peru (stylised reconstruction)",
    source:
      "Caniëls, M. C. J. & Romijn, H. A. (2003), on learning in clusters of small firms (Gamarra as a closed cluster), and the cluster literature of Schmitz & Nadvi (1999) and the World Development special issue — as summarised in the project's case brief (docs/cases.md, \"Gamarra garment cluster\").",
    summary:
      "A clothing cluster of small garment producers in the Gamarra district of Lima, with the traders of fabric and trimmings, service workshops (embroidery, printing, dyeing) and market stalls around them. Clustering reinforced existing practice: producers learned from each other, copying and adjusting, in a relatively closed system; new information from outside hardly came in (cognitive inbreeding).",
    relations: {
      "technical-advice": "designs, patterns, techniques and production tips passed from source to target",
      business: "orders, prices, supply and market news passed from source to target",
    },
    attributes: {
      employees: "workers (empty for actors outside)",
      productLine: "producers only: jeans, t-shirts, knitwear or children's wear",
      building: "the commercial building (galería) the business is in",
    },
    assumptions: [
      "Outside the cluster (`inCluster` false): an imported-fabric wholesaler and an international fashion fair — the only outside sources. The wholesaler deals with one fabric trader (business 2, advice 1); the fair reaches one producer (advice 1). Nobody else has any outside tie.",
      "Inside: 68 garment producers in four product lines of 17 (the `group` column: jeans, t-shirts, knitwear, childrenswear), 10 fabric and trimmings traders, 6 service workshops and 10 market stalls (group `inputs-and-services`), and the association. Each business is in one of six commercial buildings.",
      "Producers in the same building copy from each other: technical advice with density 0.30 (strong, 60 % answered in return) whatever their product line; across buildings 0.03 within a product line and 0.008 across lines. Then every open advice two-path a → b → c among producers is closed by a → c with probability 0.12 (copying from the people one's contacts copy from), which makes the network highly transitive.",
      "Business ties among producers in the same building with density 0.12 (half answered); each input trader deals with 4–8 producers and advises 1–3; each service workshop advises 3–6; each stall passes market news to 3–6 producers (half answered); traders and stalls deal among themselves with density 0.3; the association passes business information to 15 producers or stalls.",
      "Tie strengths: strong ties are 1/2/3 with probabilities 0.15/0.45/0.40, medium 0.35/0.45/0.20, weak 0.70/0.25/0.05, except where a strength is stated.",
      "Sizes, densities and strengths are invented to match the qualitative description; only the shape comes from the case.",
    ],
    expected: [
      "Closed: very low external openness — three outside ties in all, reaching two actors — with dense internal ties and high transitivity.",
      "Not fragmented along the product lines (`group`): neighbours in a building copy from each other whatever they make.",
    ],
  };
  return { planted: p, meta };
}

runDatasetBuilder(import.meta.url, build);
