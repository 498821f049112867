/**
 * Thai automotive clusters — a stylised reconstruction (not survey data) of what Chaminade & Vang (2008)
 * say of them: "a clear example of a satellite cluster" (their note 12), SME agglomerations dominated by
 * TNCs whose interactive learning happens at the core, abroad.
 *
 * Every structural assumption below names the sentence of the source (as summarised in the project's case
 * brief) it rests on; what the source does not state is not drawn, and where a number had to be chosen
 * the assumption says so.
 *
 * Run: npx tsx datasets/thai-automotive/build.ts [outDir]
 */
import { MEDIUM, PlantedCluster, STRONG, WEAK } from "../../src/model/plant.js";
import { noSourceSentence, runDatasetBuilder, sourceSentence, type DatasetMeta } from "../../src/io/dataset.js";

export const SEED = 1997;

/** The assemblers the source names ("Toyota, Honda, Isuzu, Nissan, Mitsubishi, Hino, GM, Ford, BMW, Volvo, Daimler, Volkswagen"), with their home countries. */
const ASSEMBLERS: [string, string][] = [
  ["Toyota", "Japan"],
  ["Honda", "Japan"],
  ["Isuzu", "Japan"],
  ["Nissan", "Japan"],
  ["Mitsubishi", "Japan"],
  ["Hino", "Japan"],
  ["GM", "United States"],
  ["Ford", "United States"],
  ["BMW", "Germany"],
  ["Volvo", "Sweden"],
  ["Daimler", "Germany"],
  ["Volkswagen", "Germany"],
];

export function build(): { planted: PlantedCluster; meta: DatasetMeta } {
  const p = new PlantedCluster(SEED);
  const TA = "technical-advice";
  const BU = "business";
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");

  // Parents abroad and their Thai subsidiaries (the assemblers).
  const parents = p.actors({ names: ASSEMBLERS.map(([n, o]) => ({ id: `parent_${slug(n)}`, label: `${n} (parent company, ${o})` })), kind: "firm", inCluster: false, stage: "headquarters", group: "parents-abroad", attributes: (i) => ({ origin: ASSEMBLERS[i][1], ownership: "foreign", iso: true, clubMember: false }) });
  const assemblers = p.actors({ names: ASSEMBLERS.map(([n, o]) => ({ id: slug(n), label: `${n} Thailand (subsidiary of a ${o === "United States" ? "US" : o} TNC)` })), kind: "firm", inCluster: true, stage: "assembly", group: "assemblers", attributes: (i) => ({ origin: ASSEMBLERS[i][1], ownership: "TNC subsidiary", iso: true, clubMember: false }) });

  // First tier: 40 % TNC-owned, the rest joint ventures or Thai (mostly subsidiaries or joint ventures).
  const firstTier = p.actors({
    prefix: "tier1_",
    count: 49,
    label: (i) => `First-tier supplier ${i + 1}`,
    kind: "supplier",
    inCluster: true,
    stage: "first-tier",
    group: "first-tier",
    attributes: (i) => ({ origin: i % 10 < 4 ? "Japan" : "Thailand", ownership: i % 10 < 4 ? "TNC subsidiary" : i % 10 < 7 ? "joint venture" : "Thai", iso: true, clubMember: false }),
  });
  // Second and third tier: Thai SMEs, about 10 % certified.
  const secondTier = p.actors({ prefix: "tier2_", count: 70, label: (i) => `Second-tier Thai SME ${i + 1}`, kind: "supplier", inCluster: true, stage: "second-tier", group: "thai-smes", attributes: (i) => ({ origin: "Thailand", ownership: "Thai", iso: i % 10 === 0, clubMember: false }) });
  const thirdTier = p.actors({ prefix: "tier3_", count: 15, label: (i) => `Third-tier Thai SME ${i + 1}`, kind: "supplier", inCluster: true, stage: "third-tier", group: "thai-smes", attributes: (i) => ({ origin: "Thailand", ownership: "Thai", iso: i % 10 === 0, clubMember: false }) });

  // The learning happens at the core, abroad: each parent passes technology and business to its subsidiary.
  parents.forEach((pa, i) => {
    p.tie(pa, assemblers[i], TA, 3);
    p.tie(pa, assemblers[i], BU, 3);
  });
  // Assemblers advise first-tier suppliers (quality control, maintenance, design, project management) and
  // order from them. Each first-tier firm supplies one to three assemblers (the number is an assumption).
  firstTier.forEach((t1, i) => {
    const n = 1 + Math.floor(p.rng() * 3);
    const chosen = new Set<number>([i % assemblers.length]);
    while (chosen.size < n) chosen.add(Math.floor(p.rng() * assemblers.length));
    for (const a of chosen) {
      p.tie(assemblers[a], t1, TA, p.strength(STRONG));
      p.tie(assemblers[a], t1, BU, p.strength(MEDIUM));
    }
  });
  // The Toyota-sponsored club reaches first tiers only: Toyota advises every member; members advise each
  // other a little.
  const club = firstTier.filter(() => p.rng() < 0.3);
  for (const m of club) p.actor(m).attributes.clubMember = true;
  for (const m of club) p.tie(assemblers[0], m, TA, p.strength(MEDIUM));
  p.block(club, club, { relation: TA, density: 0.05, strength: WEAK });
  // Second and third tiers are barely tied in: a few first-tier firms pass orders (and sometimes advice) on.
  const passing = firstTier.filter(() => p.rng() < 0.2);
  p.fan(passing, secondTier, { relation: BU, perSource: [1, 2], strength: MEDIUM });
  p.fan(passing.filter(() => p.rng() < 0.5), secondTier, { relation: TA, perSource: [1, 1], strength: WEAK });
  p.fan(thirdTier.filter(() => p.rng() < 0.3), secondTier, { relation: BU, perSource: [1, 1], strength: WEAK });
  // Collaboration among Thai SMEs is almost absent.
  p.tie(secondTier[3], secondTier[17], TA, 1);
  p.tie(secondTier[30], secondTier[41], TA, 1);

  const brief = sourceSentence;
  const meta: DatasetMeta = {
    name: "thai-automotive",
    title: "Thai automotive clusters (stylised reconstruction)",
    source:
      "Chaminade, C. & Vang, J. (2008), the study of four Asian clusters (the Thai automotive clusters among them; note 12 calls them \"a clear example of a satellite cluster\"), with the cluster typology of UNCTAD (1998), TD/B/COM.3/EM.5/2 — as summarised in the project's case brief (docs/cases.md, \"Thai automotive clusters\" and its last section). Facts of the case: most major assemblers present (Toyota, Honda, Isuzu, Nissan, Mitsubishi, Hino, GM, Ford, BMW, Volvo, Daimler, Volkswagen, among others); about 113,000 employed, SMEs about half; more than 700 first-tier companies, 40 % owned by TNCs; about 1,000 second-tier suppliers; satellite clusters around Bangkok, Chonburi, Rayong, Samutprakarn and Pathumthani.",
    summary:
      "A satellite cluster: twelve assemblers, each the Thai subsidiary of a TNC whose parent abroad is where the learning happens, advise the first-tier suppliers they buy from; second- and third-tier Thai SMEs are barely tied in. The sample (12 assemblers, 49 first-tier firms, 85 Thai SMEs) keeps the source's ratio of first- to second-tier suppliers (700 : 1,000); it stands for the hundreds of firms of the case.",
    relations: {
      "technical-advice": "quality control, maintenance, design and project-management know-how passed from source to target",
      business: "orders, schedules and commercial information passed from source to target",
    },
    attributes: {
      origin: "home country of the owner",
      ownership: "TNC subsidiary, joint venture or Thai",
      iso: "holds an ISO 9000/14000/18000 certificate (every tenth Thai SME, about 10 %)",
      clubMember: "first-tier firms only: member of the Toyota-sponsored supplier club",
    },
    assumptions: [
      `Twelve assemblers, the ones the source names, each inside the cluster as the Thai subsidiary of a TNC (group \`assemblers\`), and its parent company abroad (\`inCluster\` false, group \`parents-abroad\`) that passes technology and business to it (strength 3 each). ${brief("Most major assemblers present (Toyota, Honda, Isuzu, Nissan, Mitsubishi, Hino, GM, Ford, BMW, Volvo, Daimler, Volkswagen, among others)")}; ${brief("assemblers (TNC subsidiaries; their parents outside)")}; ${brief("SME agglomerations dominated by TNCs whose interactive learning happens at the core, abroad")}. The parents are the only outside actors: the source names no other outside source.`,
      `First tier (group \`first-tier\`): 49 suppliers, 40 % TNC subsidiaries, 30 % joint ventures, 30 % Thai. ${brief("First tier: more than 700 companies, 40 % owned by TNCs")}; ${brief("first-tier suppliers, mostly subsidiaries or joint ventures")}. The TNC owners of first-tier firms are not drawn: the source does not say that they pass knowledge to them.`,
      `Assemblers advise the first-tier firms they buy from (strong) and order from them (medium); each first-tier firm supplies one to three assemblers (the number is this reconstruction's assumption). ${brief("assemblers … give quality-control, maintenance, design and project-management advice to first-tier suppliers")}. No tie goes back from supplier to assembler: the source states none.`,
      `About 30 % of first-tier firms belong to the Toyota-sponsored club (\`clubMember\`); Toyota advises every member (medium) and members advise each other with density 0.05 (weak). ${brief("a Toyota-sponsored club reaches first tiers only")}. The share and density are assumptions.`,
      `Second and third tier (group \`thai-smes\`): 70 second-tier and 15 third-tier Thai SMEs (70 : 49 is the source's 1,000 : 700; the third-tier count is an assumption), every tenth ISO-certified. About 20 % of first-tier firms pass orders to one or two second-tier SMEs, half of those also advice to one (weak); about 30 % of third-tier SMEs supply a second-tier SME; no assembler deals with an SME. ${brief("Second- and third-tier Thai SMEs are barely tied in (only about 10 % of Thai suppliers hold ISO 9000/14000/18000)")}; ${brief("knowledge reaching lower tiers, if at all, only through first-tier firms")}.`,
      `Two weak advice ties among Thai SMEs in all. ${brief("collaboration among Thai SMEs is almost absent")}.`,
      `Not drawn because the source does not state them: a parts association or government institute, R&D centres or regional headquarters of the parents, ties back from suppliers to assemblers, ties among assemblers. ${noSourceSentence("what the source does not state is left out; the absence is the absence of a statement, not a finding.")}`,
      `Tie strengths: strong ties are 1/2/3 with probabilities 0.15/0.45/0.40, medium 0.35/0.45/0.20, weak 0.70/0.25/0.05, except where a strength is stated. Sizes, shares and densities not quoted above are assumptions; only the shape comes from the case. ${noSourceSentence("the source gives no counts or strengths; a network needs them.")}`,
    ],
    expected: [
      "A satellite cluster (typology): the lead actors are the assemblers, local subsidiaries whose own knowledge comes from their parents abroad; most inside actors are more than two ties from any outside source or never reached.",
      "Lower tiers far from outside sources: assemblers one tie from outside, first-tier firms two, second-tier SMEs three or never; third-tier SMEs never or four.",
      "A core of assemblers and first-tier firms with the Thai SMEs at the periphery — but a weak Borgatti–Everett fit (below the typology's 0.5), because the source states no ties among the assemblers, so the core is not dense: reported as not core–periphery.",
      "Horizontal ties among Thai SMEs near zero; knowledge reaches the lower tiers, if at all, only through first-tier firms.",
      "The hub-and-spoke verdict (at most three hubs) does not hold: twelve assemblers share the ties, none dominates — the structure is many small hubs fed from abroad, which the typology calls a satellite.",
    ],
  };
  return { planted: p, meta };
}

runDatasetBuilder(import.meta.url, build);
