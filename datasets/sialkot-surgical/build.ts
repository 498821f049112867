/**
 * Sialkot surgical-instrument cluster, Pakistan — a stylised reconstruction (not survey data) of the organised
 * cluster in Nadvi's account (Schmitz & Nadvi 1999 and the World Development special issue).
 *
 * What the case says: about 300 firms and 1,500 suppliers, 90 % of output exported. After the 1994 US import
 * restrictions on quality grounds, the local trade association channelled outside know-how on quality
 * assurance: it lobbied for support, hired a quality-assurance consultancy, and metal-testing labs and training
 * facilities were set up; the first firm met ISO standards within two years. Foreign buyers and manufacturers
 * were a main source of quality know-how.
 *
 * Two waves: 1994 (just after the restrictions) and 1997 (after the association's programme).
 *
 * Run: npx tsx datasets/sialkot-surgical/build.ts [outDir]
 */
import { MEDIUM, PlantedCluster, STRONG, WEAK, type PlantedTie } from "../../src/model/plant.js";
import { noSourceSentence, runDatasetBuilder, sourceSentence, type DatasetMeta } from "../../src/io/dataset.js";

export const SEED = 1994;

/** A sentence of the source (as summarised in the case brief) that an assumption rests on. */
const src = sourceSentence;

export function build(): { planted: PlantedCluster; meta: DatasetMeta } {
  const p = new PlantedCluster(SEED);
  const TA = "technical-advice";
  const BU = "business";
  const W1 = "1994";
  const W2 = "1997";

  // --- Outside ---------------------------------------------------------------------------------------------
  const [regulator] = p.actors({ names: [{ id: "usregulator", label: "US medical-device regulator" }], kind: "government", inCluster: false, stage: "regulation", group: "abroad", attributes: () => ({ employees: null, sizeClass: null, country: "United States" }) });
  const buyerCountries = ["United States", "United States", "Germany", "United Kingdom", "France", "United States", "Germany", "Italy"];
  const buyers = p.actors({ names: buyerCountries.map((c, i) => ({ id: `buyer${i + 1}`, label: `Foreign buyer ${i + 1} (${c})` })), kind: "buyer", inCluster: false, stage: "distribution", group: "abroad", attributes: (i) => ({ employees: null, sizeClass: null, country: buyerCountries[i] }) });
  const foreignMakers = p.actors({ names: [1, 2, 3].map((i) => ({ id: `foreignmaker${i}`, label: `Foreign instrument manufacturer ${i} (Germany)` })), kind: "firm", inCluster: false, stage: "manufacturing", group: "abroad", attributes: () => ({ employees: null, sizeClass: null, country: "Germany" }) });
  const [standards] = p.actors({ names: [{ id: "isoregistrar", label: "International quality-certification body" }], kind: "other", inCluster: false, stage: "certification", group: "abroad", attributes: () => ({ employees: null, sizeClass: null, country: "United Kingdom" }) });
  const [support] = p.actors({ names: [{ id: "exportagency", label: "National export-promotion agency" }], kind: "government", inCluster: false, stage: "support", group: "abroad", attributes: () => ({ employees: null, sizeClass: null, country: "Pakistan" }) });
  const [consultancyHq] = p.actors({ names: [{ id: "qaconsultancyhq", label: "Quality-assurance consultancy, head office abroad" }], kind: "other", inCluster: false, stage: "certification", group: "abroad", attributes: () => ({ employees: null, sizeClass: null, country: "United Kingdom" }) });

  // --- The association and what it brought in --------------------------------------------------------------
  const [association] = p.actors({ names: [{ id: "association", label: "Surgical instrument manufacturers' association" }], kind: "association", inCluster: true, stage: "support", group: "institutions", attributes: () => ({ employees: 12, sizeClass: "institution", country: "Pakistan" }) });
  const [consultancy] = p.actors({ names: [{ id: "qaconsultancy", label: "Quality-assurance consultancy (hired by the association)" }], kind: "other", inCluster: true, stage: "support", group: "institutions", attributes: () => ({ employees: 15, sizeClass: "institution", country: "Pakistan" }) });
  const [lab] = p.actors({ names: [{ id: "metallab", label: "Metal-testing laboratory" }], kind: "lab", inCluster: true, stage: "support", group: "institutions", attributes: () => ({ employees: 10, sizeClass: "institution", country: "Pakistan" }) });
  const [training] = p.actors({ names: [{ id: "trainingcentre", label: "Training facility" }], kind: "lab", inCluster: true, stage: "support", group: "institutions", attributes: () => ({ employees: 8, sizeClass: "institution", country: "Pakistan" }) });

  // --- Manufacturers and their suppliers -----------------------------------------------------------------------
  const sizeOf = (i: number) => (i < 8 ? "large" : i < 25 ? "medium" : "small");
  const makers = p.actors({ prefix: "maker", count: 55, label: (i) => `Instrument manufacturer ${i + 1} (${sizeOf(i)})`, kind: "firm", inCluster: true, stage: "manufacturing", group: "manufacturers", attributes: (i, r) => ({ employees: sizeOf(i) === "large" ? 150 + Math.floor(r() * 250) : sizeOf(i) === "medium" ? 40 + Math.floor(r() * 100) : 5 + Math.floor(r() * 30), sizeClass: sizeOf(i), country: "Pakistan", ownership: "local" }) });
  const large = makers.slice(0, 8);
  const mediumMakers = makers.slice(8, 25);
  const trades = ["forging", "filing and grinding", "polishing", "heat treatment"];
  const suppliers = p.actors({ prefix: "supplier", count: 45, label: (i) => `Supplier ${i + 1} (${trades[i % 4]})`, kind: "supplier", inCluster: true, stage: "components", group: "suppliers", attributes: (i, r) => ({ employees: 2 + Math.floor(r() * 15), sizeClass: "micro", country: "Pakistan", trade: trades[i % 4] }) });

  // ===== Wave 1994: the shock ====================================================================================
  // Buyers deal with large and medium manufacturers; foreign manufacturers subcontract to large ones.
  p.fan(buyers, [...large, ...mediumMakers], { relation: BU, perSource: [5, 8], strength: STRONG, wave: W1 });
  p.fan(buyers, makers.slice(25), { relation: BU, perSource: [1, 2], strength: MEDIUM, wave: W1 });
  p.fan(buyers, large, { relation: TA, perSource: [1, 2], strength: WEAK, wave: W1 });
  p.fan(foreignMakers, large, { relation: TA, perSource: [1, 2], strength: MEDIUM, wave: W1 });
  p.tie(regulator, large[0], TA, 1, W1);
  p.tie(regulator, large[1], TA, 1, W1);
  // Strong vertical ties: every manufacturer puts work out to 2–5 suppliers and tells them how.
  p.fan(makers, suppliers, { relation: BU, perSource: [2, 5], strength: STRONG, wave: W1 });
  for (const t of [...p.tiesPlanted]) if (t.wave === W1 && t.relation === BU && makers.includes(t.source) && suppliers.includes(t.target) && p.rng() < 0.6) p.tie(t.source, t.target, TA, p.strength(MEDIUM), W1);
  p.block(suppliers, makers, { relation: BU, density: 0.02, strength: WEAK, wave: W1 });
  // Horizontal: bilateral co-operation between manufacturers is low; the association is a thin club.
  p.block(makers, makers, { relation: TA, density: 0.01, strength: WEAK, wave: W1 });
  p.fan([association], makers, { relation: BU, perSource: [10, 10], strength: WEAK, wave: W1 });
  // Joint-venture partners hold the technical responsibility for ISO 9000 in two large firms (both waves).
  for (const [f, jv] of [[foreignMakers[0], large[2]], [foreignMakers[1], large[3]]] as const) {
    p.actor(jv).attributes.ownership = "joint venture";
    p.tie(f, jv, TA, 3, W1);
    p.tie(f, jv, TA, 3, W2);
  }

  // ===== Wave 1997: after the association's programme ========================================================
  // Market ties persist (85 % of them), as do the vertical ties to suppliers.
  const w1 = p.tiesPlanted.filter((t: PlantedTie) => t.wave === W1 && (buyers.includes(t.source) || foreignMakers.includes(t.source) || suppliers.includes(t.target) || suppliers.includes(t.source)));
  // After certification the technical ties between buyers and producers often weakened: half of the buyers'
  // 1994 advice ties are gone in 1997, the rest one step weaker.
  for (const t of w1) {
    if (buyers.includes(t.source) && t.relation === TA) {
      if (p.rng() < 0.5) p.tie(t.source, t.target, t.relation, Math.max(1, t.weight - 1), W2);
    } else if (p.rng() < 0.85) p.tie(t.source, t.target, t.relation, t.weight, W2);
  }
  // A few large firms obtained quality know-how privately, through foreign consultants.
  for (const f of [large[0], large[1], large[4]]) p.tie(consultancyHq, f, TA, 2, W2);
  // Outside know-how comes in through the association: the regulator's requirements, the certification body's
  // standards, the export agency's support it lobbied for, foreign makers' training help.
  p.tie(regulator, association, TA, 3, W2);
  p.tie(standards, association, TA, 3, W2);
  p.tie(support, association, BU, 3, W2);
  p.tie(support, association, TA, 2, W2);
  p.tie(foreignMakers[0], association, TA, 2, W2);
  p.tie(foreignMakers[1], association, TA, 2, W2);
  p.tie(buyers[0], association, TA, 2, W2);
  // … and the consultancy it hired, which learns from the certification body.
  p.tie(association, consultancy, BU, 3, W2);
  p.tie(association, consultancy, TA, 3, W2);
  p.tie(standards, consultancy, TA, 3, W2);
  p.tie(consultancyHq, consultancy, TA, 3, W2);
  p.tie(consultancyHq, consultancy, BU, 2, W2);
  p.tie(regulator, consultancy, TA, 2, W2);
  p.tie(consultancy, association, TA, 2, W2);
  // The association sets up the testing lab and the training facility.
  p.tie(association, lab, BU, 3, W2);
  p.tie(association, lab, TA, 2, W2);
  p.tie(association, training, BU, 3, W2);
  p.tie(association, training, TA, 3, W2);
  p.tie(consultancy, training, TA, 2, W2);
  // Quality-assurance know-how goes out to the members and to suppliers.
  p.block([association], makers, { relation: TA, density: 0.8, strength: STRONG, wave: W2 });
  p.block([association], suppliers, { relation: TA, density: 0.3, strength: WEAK, wave: W2 });
  p.block(makers, [association], { relation: BU, density: 0.5, strength: MEDIUM, wave: W2 });
  // The consultancy trained about 200 of the 300 firms to GMP level: two in three manufacturers.
  p.block([consultancy], makers, { relation: TA, density: 0.67, strength: STRONG, wave: W2 });
  p.block([consultancy], suppliers, { relation: TA, density: 0.15, strength: WEAK, wave: W2 });
  p.block([lab], makers, { relation: TA, density: 0.35, strength: MEDIUM, wave: W2 });
  p.block([training], [...makers, ...suppliers], { relation: TA, density: 0.2, strength: MEDIUM, wave: W2 });
  // Multilateral horizontal co-operation rises through the association (the ties to and from it above);
  // bilateral co-operation between manufacturers stays as low as in 1994: the source states no rise.
  p.block(makers, makers, { relation: TA, density: 0.01, strength: WEAK, wave: W2 });

  // Presence (the column present_1994): the consultancy, the lab and the training facility were set up after
  // the 1994 restrictions, so they are absent from the first round rather than isolated in it.
  const setUpLater = new Set([consultancy, lab, training]);
  for (const a of p.actorsPlanted) {
    a.attributes.present_1994 = !setUpLater.has(a.id);
    a.attributes.present_1997 = true;
  }

  const meta: DatasetMeta = {
    name: "sialkot-surgical",
    title: "Sialkot surgical-instrument cluster, Pakistan (stylised reconstruction)",
    source:
      "Schmitz, H. & Nadvi, K. (1999), \"Clustering and industrialization: introduction\", and the World Development special issue it introduces (vol. 27, no. 9), with Nadvi's account of Sialkot; UNCTAD (1998), TD/B/COM.3/EM.5/2 (Sialkot as an organised cluster) — as summarised in the project's case brief (docs/cases.md, \"Sialkot surgical instruments\"). Facts of the case: about 300 firms, 1,500 suppliers, 90 % of output exported, about 20 % of world exports (1996); the 1994 US import restrictions on quality grounds; the first firm met ISO standards within two years.",
    summary:
      "An organised, export-oriented cluster of surgical-instrument manufacturers and their many small suppliers (forging, filing and grinding, polishing, heat treatment). After the US restrictions of 1994 the local trade association became the channel of outside quality know-how: it lobbied for support, hired a quality-assurance consultancy, and set up a metal-testing laboratory and a training facility. Two survey waves show the network before and after.",
    relations: {
      "technical-advice": "quality-assurance, specification and process know-how passed from source to target",
      business: "orders, work put out, membership services and support passed from source to target",
    },
    attributes: {
      employees: "employees (empty for organisations abroad)",
      sizeClass: "manufacturers: large, medium or small; suppliers: micro; institutions: institution",
      country: "country of the organisation",
      trade: "suppliers only: the process they do",
    },
    waves: {
      "1994": "just after the US import restrictions: market ties, vertical ties to suppliers, a thin association",
      "1997": "after the association's quality programme: most market and supplier ties persist, the buyers' advice weakens, and the association, its consultancy, the lab and the training facility are tied in",
    },
    assumptions: [
      `Outside the cluster (\`inCluster\` false, group \`abroad\`): the US medical-device regulator, 8 foreign buyers, 3 German instrument manufacturers, an international certification body, the head office abroad of the quality-assurance consultancy, and the national export-promotion agency. ${src("After the 1994 US import restrictions on quality grounds")}; ${src("Foreign buyers and manufacturers were a main source of quality know-how")}; ${src("it lobbied for support, hired a quality-assurance consultancy")}. The agency is national (Pakistani) but outside the cluster's region.`,
      `Inside: 55 manufacturers (8 large, 17 medium, 30 small; group \`manufacturers\`), 45 micro suppliers (group \`suppliers\`), and the institutions (group \`institutions\`): the association, the consultancy it hired, the metal-testing lab and the training facility. ${src("About 300 firms, 1,500 suppliers")}; ${src("metal-testing labs and training facilities were set up")}. The sample keeps firms and suppliers in a ratio of about 1 : 1 (the source's 1 : 5 would make suppliers dominate every figure; an assumption).`,
      `1994: each buyer places business with 5–8 large or medium manufacturers (strong) and 1–2 small ones (medium), and advises 1–2 large ones (weak); each foreign manufacturer advises 1–2 large ones; the regulator's notice reaches two large manufacturers. ${src("Foreign buyers and manufacturers were a main source of quality know-how; co-operation in buyer ties was the variable most associated with better performance")}.`,
      `Joint ventures: two large manufacturers are joint ventures (\`ownership\`) whose foreign partner advises them strongly in both waves. ${src("joint-venture partners held the technical responsibility for ISO 9000")}.`,
      `Every manufacturer puts work out to 2–5 suppliers (strong business) and, for 60 % of those ties, tells them how; suppliers report back with density 0.02. ${src("strong vertical ties to suppliers")}.`,
      `1994, the association: it passes business information to 10 members and receives nothing from outside — it is not yet a gatekeeper. ${src("Before the 1994 crisis the association is not the gatekeeper")}. Manufacturers advise each other with density 0.01 (bilateral horizontal co-operation, low). ${src("bilateral horizontal co-operation low")} (case brief, across the mature clusters).`,
      `1997: 85 % of the 1994 market and supplier ties persist (same strengths); of the buyers' 1994 advice ties, half are gone and the rest one step weaker. ${src("after certification the technical ties between buyers and Sialkot producers often weakened")}. Three large firms get quality know-how from consultants abroad directly. ${src("a few large firms obtained quality know-how privately through their foreign buyers or consultants")}.`,
      `1997, the association as the channel: the regulator, the certification body, the export agency, two foreign manufacturers and one buyer advise (or support) the association; it hires the consultancy (which also learns from its head office abroad, the certification body and the regulator's rules) and sets up the lab and the training facility. ${src("the local trade association channelled outside know-how on quality assurance: it lobbied for support, hired a quality-assurance consultancy, and metal-testing labs and training facilities were set up")}; ${src("by 1997 it is the channel for most SMEs")}.`,
      `1997, out to the firms: the association advises 80 % of manufacturers (strong) and 30 % of suppliers (weak); half of the manufacturers report to it; the consultancy advises two in three manufacturers (strong) and 15 % of suppliers (weak), the lab 35 % (medium), the training facility 20 % of manufacturers and suppliers. ${src("the association's consultancy trained about 200 firms to GMP level")} (200 of about 300). The shares other than two in three are assumptions.`,
      `1997, co-operation among manufacturers: the multilateral co-operation rises as ties to and from the association — in 1994 it reaches 10 members with business information and hears from none; in 1997 it advises 80 % of them and half of them bring matters to it (the ties above) — while bilateral ties between manufacturers stay as in 1994 (technical advice, density 0.01, weak, drawn afresh). ${src("rising multilateral horizontal co-operation through the association")}; ${src("bilateral horizontal co-operation low, multilateral co-operation through associations varying")} (case brief, across the mature clusters). ${noSourceSentence("the source states no change in bilateral co-operation in Sialkot between the rounds; the 1994 density is kept rather than a rise or fall invented.")}`,
      `Presence: the consultancy, the metal-testing lab and the training facility are absent from the 1994 round (\`present_1994\` false; every other actor true; every actor \`present_1997\`) and enter in 1997, so the 1994 analysis neither counts them as isolates nor includes them in its thresholds. ${src("hired a quality-assurance consultancy, and metal-testing labs and training facilities were set up")}.`,
      `The two waves are separate ties in ties.csv (column \`wave\`). \`clusterflow report\` diagnoses each round separately and adds a section on the change between them; \`clusterflow waves\` sets the rounds side by side; the other commands analyse the last round (1997) unless \`--wave\` or \`--pool-waves\` is given. ${noSourceSentence("the source describes the cluster after the 1994 restrictions and by 1997 in words; two rounds of ties are how this reconstruction shows that change.")}`,
      `Tie strengths: strong ties are 1/2/3 with probabilities 0.15/0.45/0.40, medium 0.35/0.45/0.20, weak 0.70/0.25/0.05, except where a strength is stated. Sizes, densities and strengths not quoted above are assumptions; only the shape comes from the case. ${noSourceSentence("the source gives no counts or strengths; a network needs them.")}`,
    ],
    expected: [
      "The association becomes the main channel between the rounds: in 1994 it receives nothing from outside and is not a gatekeeper; in 1997 it is the top gatekeeper (Gould–Fernandez gatekeeper counts, partition `inCluster`), and most small and medium manufacturers lose their two-step reach to outside knowledge without it and its consultancy.",
      "Large firms keep private channels: in 1997 most large manufacturers still hear directly from outside (buyers, joint-venture partners, consultants).",
      "The buyers' technical ties weaken between the rounds.",
      "Strong vertical ties from manufacturers to suppliers; institutional ties rise between the rounds (tie-type mix per round).",
      "Co-operation among manufacturers rises through the association, not bilaterally: ties between manufacturers and the association go from 10 (1994, all from it) to about 70 (1997, both ways), the association links over a thousand pairs of manufacturers in two steps in 1997 and none in 1994, while direct manufacturer-to-manufacturer ties stay low (density about 0.01 in both rounds). An earlier version of this example drew the bilateral ties rising from 0.01 to 0.035 and its test asked them to double; the source states no such rise, so both were dropped.",
    ],
  };
  return { planted: p, meta };
}

runDatasetBuilder(import.meta.url, build);
