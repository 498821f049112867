/**
 * Taiwan flower cluster — a stylised reconstruction (not survey data) of the case in Chaminade & Vang (2008).
 *
 * What the case says: three groups — researchers, growers, distributors — each tight inside (guanxi networks
 * of family, classmates, former colleagues; growers partly split along Hakka, Mainlander and Taiwanese lines),
 * weakly tied across; collective action confined to one activity of the value chain; labs relatively isolated
 * from producers and markets; export buyers in Japan and the US outside the cluster.
 *
 * Run: npx tsx datasets/taiwan-flowers/build.ts [outDir]
 */
import { MEDIUM, PlantedCluster, STRONG, WEAK } from "../../src/model/plant.js";
import { noSourceSentence, runDatasetBuilder, sourceSentence, type DatasetMeta } from "../../src/io/dataset.js";

export const SEED = 2009;

export function build(): { planted: PlantedCluster; meta: DatasetMeta } {
  const p = new PlantedCluster(SEED);
  const TA = "technical-advice";
  const BU = "business";

  // --- Actors -------------------------------------------------------------------------------------------
  // Researchers: biotech labs, agricultural research institutes, and the government agencies that launched
  // the plan to link flowers to biotech (grouped with research: they deal with labs, not with growers).
  const labs = p.actors({ prefix: "lab", count: 9, label: (i) => `Biotech lab ${i + 1}`, kind: "lab", inCluster: true, stage: "research", group: "researchers", attributes: (_i, r) => ({ employees: 12 + Math.floor(r() * 40) }) });
  const institutes = p.actors({ prefix: "inst", count: 5, label: (i) => `Agricultural research institute ${i + 1}`, kind: "lab", inCluster: true, stage: "research", group: "researchers", attributes: (_i, r) => ({ employees: 30 + Math.floor(r() * 70) }) });
  const agencies = p.actors({ prefix: "gov", count: 3, label: (i) => ["Agriculture council", "Science park administration", "County agricultural bureau"][i], kind: "government", inCluster: true, stage: "support", group: "researchers", attributes: (_i, r) => ({ employees: 20 + Math.floor(r() * 30) }) });
  const researchers = [...labs, ...institutes, ...agencies];

  // Growers: family farms of about one hectare, in three kinship/ethnic networks; groups of growers share
  // machinery and greenhouse facilities (one facility per village, used across the three networks).
  const communities = ["hakka", "mainlander", "taiwanese"];
  const villages = ["V1", "V2", "V3", "V4", "V5"];
  const growers = p.actors({
    prefix: "grower",
    count: 66,
    label: (i) => `Family grower ${i + 1}`,
    kind: "firm",
    inCluster: true,
    stage: "production",
    group: "growers",
    attributes: (i, r) => ({
      employees: 2 + Math.floor(r() * 5),
      hectares: Math.round((0.6 + r() * 0.9) * 10) / 10,
      community: communities[i % 3],
      village: villages[Math.floor(r() * villages.length)],
      higherEducation: r() < 0.885,
    }),
  });
  const facilities = p.actors({ names: villages.map((v, i) => ({ id: `facility${i + 1}`, label: `Shared greenhouse and machinery, village ${v}` })), kind: "other", inCluster: true, stage: "production", group: "growers", attributes: (i) => ({ village: villages[i] }) });

  // Distributors: marketing co-operatives and co-operative marketing teams (they set the quality standards
  // growers follow), four wholesale companies running real-time online auctions, and flower traders.
  const coops = p.actors({ prefix: "coop", count: 6, label: (i) => `Marketing co-operative ${i + 1}`, kind: "association", inCluster: true, stage: "marketing", group: "distributors", attributes: (_i, r) => ({ employees: 5 + Math.floor(r() * 20) }) });
  const teams = p.actors({ prefix: "team", count: 6, label: (i) => `Co-operative marketing team ${i + 1}`, kind: "association", inCluster: true, stage: "marketing", group: "distributors", attributes: (_i, r) => ({ employees: 3 + Math.floor(r() * 8) }) });
  const auctions = p.actors({ prefix: "auction", count: 4, label: (i) => `Wholesale flower auction ${i + 1}`, kind: "firm", inCluster: true, stage: "marketing", group: "distributors", attributes: (_i, r) => ({ employees: 40 + Math.floor(r() * 80) }) });
  const traders = p.actors({ prefix: "trader", count: 8, label: (i) => `Flower trader and exporter ${i + 1}`, kind: "firm", inCluster: true, stage: "marketing", group: "distributors", attributes: (_i, r) => ({ employees: 4 + Math.floor(r() * 15) }) });
  const distributors = [...coops, ...teams, ...auctions, ...traders];
  const cooperative = [...coops, ...teams];

  // Outside: export buyers in Japan and the US (market side; they deal only with distributors).
  const buyers = p.actors({ names: [...[1, 2, 3, 4].map((i) => ({ id: `buyerJP${i}`, label: `Export buyer, Japan ${i}` })), ...[1, 2, 3].map((i) => ({ id: `buyerUS${i}`, label: `Export buyer, United States ${i}` }))], kind: "buyer", inCluster: false, stage: "market", group: "distributors", attributes: () => ({ employees: null }) });

  // --- Inside each group: dense ---------------------------------------------------------------------------
  p.block(researchers, researchers, { relation: TA, density: 0.3, strength: STRONG, reciprocity: 0.5 });
  p.block(agencies, researchers, { relation: BU, density: 0.35, strength: MEDIUM });
  // Growers: advice within a kinship network denser than across networks (the guanxi split is partial).
  p.block(growers, growers, { relation: TA, density: 0.075, strength: STRONG, reciprocity: 0.5, where: (s, t) => s.attributes.community === t.attributes.community });
  p.block(growers, growers, { relation: TA, density: 0.055, strength: MEDIUM, reciprocity: 0.4, where: (s, t) => s.attributes.community !== t.attributes.community });
  // Collective action in one activity only: shared machinery and greenhouses, within a village.
  p.block(facilities, growers, { relation: TA, density: 0.75, strength: MEDIUM, where: (s, t) => s.attributes.village === t.attributes.village });
  p.block(growers, growers, { relation: BU, density: 0.08, strength: MEDIUM, reciprocity: 0.5, where: (s, t) => s.attributes.village === t.attributes.village });
  p.block(distributors, distributors, { relation: BU, density: 0.22, strength: STRONG, reciprocity: 0.5 });
  p.block(distributors, distributors, { relation: TA, density: 0.1, strength: MEDIUM, reciprocity: 0.4 });

  // --- Across groups: weak and few -----------------------------------------------------------------------
  // Co-operatives pass quality standards to a few growers; growers report to few co-operatives.
  p.block(cooperative, growers, { relation: TA, density: 0.03, strength: WEAK });
  p.block(growers, cooperative, { relation: BU, density: 0.012, strength: WEAK });
  // Auctions' price information reaches few growers directly.
  p.block(auctions, growers, { relation: BU, density: 0.02, strength: WEAK });
  // The government plan touches few growers and co-operatives.
  p.block(agencies, growers, { relation: TA, density: 0.015, strength: WEAK });
  p.block(agencies, cooperative, { relation: BU, density: 0.06, strength: WEAK });
  // The weakest links of all: labs with co-operatives and with growers — two ties each, weak.
  p.tie(labs[0], coops[0], TA, 1);
  p.tie(teams[2], institutes[1], BU, 1);
  p.tie(institutes[0], growers[4], TA, 1);
  p.tie(labs[3], growers[27], TA, 1);

  // --- Outside: export buyers tied to distributors only ----------------------------------------------------
  p.fan(buyers, [...traders, ...auctions], { relation: BU, perSource: [2, 3], strength: MEDIUM, reciprocity: 0.5 });

  // --- Distribution is through the co-operatives, which set the quality standards growers follow: most
  // growers (85 %) sell through one co-operative or marketing team and follow its standards (drawn last).
  const tiedToCoop = new Set(p.tiesPlanted.filter((t) => cooperative.includes(t.source) && growers.includes(t.target)).map((t) => t.target));
  for (const g of growers) {
    if (tiedToCoop.has(g) || p.rng() >= 0.85) continue;
    const c = cooperative[Math.floor(p.rng() * cooperative.length)];
    p.tie(c, g, TA, p.strength(MEDIUM));
    p.tie(g, c, BU, p.strength(WEAK));
  }

  const brief = sourceSentence;
  const meta: DatasetMeta = {
    name: "taiwan-flowers",
    title: "Taiwan flower cluster (stylised reconstruction)",
    source:
      "Chaminade, C. & Vang, J. (2008), the study of four Asian clusters (Taiwan flowers, Jepara furniture, Thai automotive, Bangalore software), with the cluster typology of UNCTAD (1998), TD/B/COM.3/EM.5/2 — as summarised in the project's case brief (docs/cases.md, \"Taiwan flower cluster\"). The brief, not the original papers, is what this reconstruction follows.",
    summary:
      "A resource-based cluster of family flower growers, biotech labs and research institutes, marketing co-operatives and co-operative marketing teams, wholesale companies running real-time online auctions, flower traders and government agencies, with export buyers in Japan and the United States outside the cluster. The case study describes it as fragmented: three groups — researchers, growers and distributors — each tightly knit inside and only weakly tied to the others.",
    relations: {
      "technical-advice": "technical know-how passed from source to target (cultivation, breeding, quality standards, machinery)",
      business: "business and market information passed from source to target (prices, orders, joint use of facilities, planning)",
    },
    attributes: {
      employees: "people working in the organisation (family members for growers); empty for buyers abroad",
      hectares: "growers only: farm size, about one hectare",
      community: "growers only: the kinship/ethnic network (hakka, mainlander, taiwanese) their guanxi runs along",
      village: "growers and facilities: the village whose shared greenhouse and machinery they use",
      higherEducation: "growers only: the owner has higher education (88.5 % of the population has)",
    },
    assumptions: [
      `Three groups (the \`group\` column): researchers (9 biotech labs, 5 agricultural research institutes, 3 government agencies), growers (66 family growers and 5 shared greenhouse/machinery facilities) and distributors (6 marketing co-operatives, 6 co-operative marketing teams, 4 wholesale auction companies, 8 flower traders/exporters). ${brief("three groups — researchers, growers, distributors")}; ${brief("Actors: family growers (farms of about 1 hectare), biotech research labs and institutes, marketing co-operatives and co-operative marketing teams …, four wholesale companies running real-time online auctions, government agencies …, machinery and greenhouse facilities shared by groups of growers")}. The counts (other than the four auction companies) are invented.`,
      `Government agencies are grouped with the researchers: the case shows them launching the plan to link flowers to biotech, i.e. dealing with labs rather than growers. ${brief("government agencies (which launched the plan to link the flower cluster to biotech)")}; ${brief("Government and biotech labs emerged as actors only recently")} (case brief, last section). The grouping is this reconstruction's reading.`,
      `Outside the cluster (\`inCluster\` false): 7 export buyers (4 in Japan, 3 in the US). They are on the market side and carry group \`distributors\`; each is tied by business ties to 2–3 traders or auctions (half answered in return). No other actor has an outside tie. ${brief("Export buyers in Japan and the US are outside the cluster")}. The number of buyers and their partners are invented.`,
      `Researchers among themselves: technical advice with density 0.30 (strong ties, half reciprocated); agencies pass business information to researchers with density 0.35. ${brief("each with strong internal ties (guanxi networks of family, classmates, former colleagues …)")}.`,
      `Growers among themselves: technical advice with density 0.075 within a kinship network (Hakka, Mainlander, Taiwanese) and 0.055 across networks (the guanxi split is partial); an advice tie is answered in return with probability 0.5 within a network and 0.4 across; business ties (joint use of facilities) with density 0.08 among growers of the same village; each village facility passes machinery know-how to 75 % of its village's growers. ${brief("partly split along Hakka, Mainlander and Taiwanese lines")}; ${brief("machinery and greenhouse facilities shared by groups of growers")}. Densities are assumptions.`,
      `Distributors among themselves: business ties with density 0.22 (strong, half reciprocated) and technical advice with density 0.10. ${brief("each with strong internal ties")}.`,
      `Growers and co-operatives: distribution is through the co-operatives and co-operative marketing teams, which set the quality standards growers follow, so about 85 % of the growers (all those not already tied below, with probability 0.85) sell through one co-operative or team drawn at random: it passes them its standards (technical advice, medium) and they pass it their produce information (business, weak). ${brief("distribution is through co-operatives and co-operative marketing teams, who also set the quality standards that farmers follow: most growers have a tie to a co-operative or team")} (case brief, last section). The fragmentation the source describes is between researchers, growers and marketing co-operatives in collective action (confined to one activity of the value chain), not a lack of grower–co-operative ties.`,
      `Across groups, all weak (strength mostly 1): co-operatives and marketing teams pass quality standards to growers with density 0.03; growers pass business information to co-operatives with density 0.012; auctions to growers 0.02; agencies to growers 0.015 and to co-operatives 0.06. ${brief("weak ties between the groups")}; ${brief("Collective action is frequent but confined to one activity of the value chain")}.`,
      `Labs and research institutes with co-operatives: two weak ties in all; with growers: two weak ties in all. These are the weakest links, as the case reports. Labs have no ties to auctions, traders or buyers. ${brief("Labs are relatively isolated from producers and markets")}.`,
      `Human capital is high (the \`higherEducation\` attribute, drawn with probability 0.885): the gap between the groups is relational, not educational. ${brief("human capital is high (88.5 % of the population with higher education)")}.`,
      `Tie strengths: strong ties are 1/2/3 with probabilities 0.15/0.45/0.40, medium 0.35/0.45/0.20, weak 0.70/0.25/0.05. Sizes, densities and strengths are invented to match the qualitative description; only the shape (three dense groups, weak cross ties, isolated labs) comes from the case. ${noSourceSentence("the source gives no counts or strengths; a network needs them.")}`,
    ],
    expected: [
      "Fragmentation along the three groups (partition `group`): every group's E-I index far below what label permutations give (p ≤ 0.01), very negative for the researchers (below −0.8); low density between groups.",
      "Weak ties between the groups, as the source says: weighted by tie strength, every group's E-I is lower than by count (the distributors' below −0.4). By count alone the distributors' E-I is only mildly negative (about −0.3), because the source routes most growers through a co-operative or team (next finding); the brief's \"very negative E-I inside each group\" is not what that fact allows, so the case test asks for E-I below chance for every group and for the strength reading of \"weak ties\", not for a count E-I near −1.",
      "Detected communities that are the groups or parts of them: every community lies inside one group; researchers and distributors are one community each, the growers split into at most three (the source's Hakka, Mainlander and Taiwanese lines) — which is why the normalised mutual information is about 0.75, not near 1.",
      "Most growers tied to a co-operative or marketing team, which sets the quality standards they follow.",
      "The weakest links are lab–co-operative and lab–grower (near-empty blocks of the group density matrix).",
      "Bridging opportunities between researchers and growers and between researchers and distributors.",
    ],
  };
  return { planted: p, meta };
}

runDatasetBuilder(import.meta.url, build);
