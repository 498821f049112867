/**
 * Thai automotive clusters — a stylised reconstruction (not survey data) of the hub-and-spoke structure in
 * Chaminade & Vang (2008).
 *
 * What the case says: assemblers (TNC subsidiaries; their parents abroad) give quality-control, maintenance,
 * design and project-management advice to first-tier suppliers, mostly subsidiaries or joint ventures;
 * second- and third-tier Thai SMEs are barely tied in (about 10 % of Thai suppliers hold ISO certificates);
 * collaboration among Thai SMEs is almost absent; a Toyota-sponsored club reaches first tiers only.
 *
 * Run: npx tsx datasets/thai-automotive/build.ts [outDir]
 */
import { MEDIUM, PlantedCluster, STRONG, WEAK } from "../../src/model/plant.js";
import { runDatasetBuilder, type DatasetMeta } from "../../src/io/dataset.js";

export const SEED = 1997;

const LOCATIONS = ["Bangkok", "Chonburi", "Rayong", "Samutprakarn", "Pathumthani"];

export function build(): { planted: PlantedCluster; meta: DatasetMeta } {
  const p = new PlantedCluster(SEED);
  const TA = "technical-advice";
  const BU = "business";

  // The sample is one satellite cluster built around three assemblers (the case's clusters each form around
  // a few assemblers; Bangkok, Chonburi, Rayong, Samutprakarn and Pathumthani host them).
  // --- Outside: the assemblers' parent companies, and the parents of first-tier subsidiaries ----------------
  const origins = ["Japan", "Japan", "United States"];
  const parents = p.actors({ names: origins.map((o, i) => ({ id: `parent${i + 1}`, label: `Parent company of assembler ${i + 1} (${o})` })), kind: "firm", inCluster: false, stage: "headquarters", group: "parents-abroad", attributes: (i) => ({ employees: null, origin: origins[i], ownership: "foreign", iso: true, clubMember: false }) });
  const parentLabs = p.actors({ names: origins.map((o, i) => ({ id: `parentrd${i + 1}`, label: `R&D centre of assembler ${i + 1}'s parent (${o})` })), kind: "lab", inCluster: false, stage: "research", group: "parents-abroad", attributes: (i) => ({ employees: null, origin: origins[i], ownership: "foreign", iso: true, clubMember: false }) });
  const regionalHqs = p.actors({ names: origins.map((o, i) => ({ id: `regionalhq${i + 1}`, label: `Asian regional headquarters of assembler ${i + 1}'s parent` })), kind: "firm", inCluster: false, stage: "headquarters", group: "parents-abroad", attributes: (i) => ({ employees: null, origin: origins[i], ownership: "foreign", iso: true, clubMember: false }) });
  const partsParents = p.actors({ names: [1, 2, 3, 4].map((i) => ({ id: `partsparent${i}`, label: `Parent parts maker ${i} (Japan)` })), kind: "supplier", inCluster: false, stage: "headquarters", group: "parents-abroad", attributes: () => ({ employees: null, origin: "Japan", ownership: "foreign", iso: true, clubMember: false }) });

  // --- Assemblers: the hubs ---------------------------------------------------------------------------------
  const assemblers = p.actors({ names: origins.map((o, i) => ({ id: `assembler${i + 1}`, label: `Assembler ${i + 1} (${o} TNC subsidiary${i === 0 ? ", market leader" : ""})` })), kind: "firm", inCluster: true, stage: "assembly", group: "assemblers", attributes: (_i, r) => ({ employees: 2000 + Math.floor(r() * 6000), origin: origins[_i], ownership: "TNC subsidiary", iso: true, clubMember: false }) });

  // --- First tier: subsidiaries and joint ventures, some Thai-owned ------------------------------------------
  const firstTier = p.actors({
    prefix: "tier1_",
    count: 36,
    label: (i) => `First-tier supplier ${i + 1}`,
    kind: "supplier",
    inCluster: true,
    stage: "first-tier",
    group: "first-tier",
    attributes: (_i, r) => {
      const u = r();
      return { employees: 150 + Math.floor(r() * 1200), origin: u < 0.4 ? "Japan" : "Thailand", ownership: u < 0.4 ? "TNC subsidiary" : u < 0.75 ? "joint venture" : "Thai", iso: true, clubMember: r() < 0.5 };
    },
  });
  // --- Second and third tier: Thai SMEs -----------------------------------------------------------------------
  const secondTier = p.actors({ prefix: "tier2_", count: 55, label: (i) => `Second-tier Thai SME ${i + 1}`, kind: "supplier", inCluster: true, stage: "second-tier", group: "thai-smes", attributes: (_i, r) => ({ employees: 10 + Math.floor(r() * 150), origin: "Thailand", ownership: "Thai", iso: r() < 0.13, clubMember: false }) });
  const thirdTier = p.actors({ prefix: "tier3_", count: 25, label: (i) => `Third-tier Thai SME ${i + 1}`, kind: "supplier", inCluster: true, stage: "third-tier", group: "thai-smes", attributes: (_i, r) => ({ employees: 5 + Math.floor(r() * 40), origin: "Thailand", ownership: "Thai", iso: r() < 0.05, clubMember: false }) });
  const smes = [...secondTier, ...thirdTier];

  // --- Support ---------------------------------------------------------------------------------------------
  const [partsAssoc] = p.actors({ names: [{ id: "partsassociation", label: "Auto-parts manufacturers' association" }], kind: "association", inCluster: true, stage: "support", group: "support", attributes: () => ({ employees: 15, origin: "Thailand", ownership: "association", iso: false, clubMember: false }) });
  const [institute] = p.actors({ names: [{ id: "autoinstitute", label: "Automotive industry institute (government)" }], kind: "government", inCluster: true, stage: "support", group: "support", attributes: () => ({ employees: 80, origin: "Thailand", ownership: "public", iso: false, clubMember: false }) });

  // --- Parents abroad → assemblers and → first-tier subsidiaries ----------------------------------------------
  parents.forEach((pa, i) => {
    p.tie(pa, assemblers[i], TA, 3);
    p.tie(pa, assemblers[i], BU, 3);
    p.tie(assemblers[i], pa, BU, 2);
    p.tie(parentLabs[i], assemblers[i], TA, 3); // designs and engineering changes
    p.tie(regionalHqs[i], assemblers[i], BU, 2); // regional sourcing and production planning
    p.tie(regionalHqs[i], assemblers[i], TA, 2);
  });
  const subsidiaries = firstTier.filter((t) => p.actor(t).attributes.ownership === "TNC subsidiary");
  for (const s of subsidiaries) {
    const pa = partsParents[Math.floor(p.rng() * partsParents.length)];
    p.tie(pa, s, TA, p.strength(STRONG));
    p.tie(pa, s, BU, p.strength(MEDIUM));
  }


  // --- Hub and spokes: first-tier firms supply the assemblers ----------------------------------------------
  // Each first-tier firm supplies assembler 1 (the market leader) with probability 0.95, the others with
  // 0.8 and 0.7. For each pair: the assembler advises (QC, maintenance, design, project management) and orders;
  // in 30 % of pairs the supplier reports back.
  const supplyProbability = [0.95, 0.8, 0.7];
  for (const t1 of firstTier) {
    assemblers.forEach((a, i) => {
      if (p.rng() < supplyProbability[i]) {
        p.tie(a, t1, TA, p.strength(STRONG));
        p.tie(a, t1, BU, p.strength(STRONG));
        if (p.rng() < 0.3) p.tie(t1, a, BU, p.strength(MEDIUM));
      }
    });
  }
  // Assemblers barely talk to each other; first tiers learn from each other a little (the supplier club).
  p.block(assemblers, assemblers, { relation: BU, density: 0.05, strength: WEAK });
  p.block(firstTier, firstTier, { relation: TA, density: 0.015, strength: WEAK, where: (s, t) => s.attributes.clubMember === true && t.attributes.clubMember === true });

  // --- Knowledge reaches lower tiers, if at all, only through first-tier firms -------------------------------
  // 25 % of first-tier firms pass orders to 1–2 second-tier SMEs; half of those also pass advice to one.
  const passing = firstTier.filter(() => p.rng() < 0.25);
  p.fan(passing, secondTier, { relation: BU, perSource: [1, 2], strength: MEDIUM });
  p.fan(passing.filter(() => p.rng() < 0.5), secondTier, { relation: TA, perSource: [1, 1], strength: WEAK });
  // A few third-tier workshops supply a second-tier SME.
  p.fan(thirdTier.filter(() => p.rng() < 0.3), secondTier, { relation: BU, perSource: [1, 1], strength: WEAK });
  // Collaboration among Thai SMEs: almost absent (two ties).
  p.tie(secondTier[3], secondTier[17], TA, 1);
  p.tie(secondTier[30], secondTier[41], TA, 1);
  // The association and the institute are thin.
  p.fan([partsAssoc], [...firstTier, ...secondTier], { relation: BU, perSource: [4, 4], strength: WEAK });
  p.tie(institute, partsAssoc, BU, 2);
  p.fan([institute], smes, { relation: TA, perSource: [2, 2], strength: WEAK });

  const meta: DatasetMeta = {
    name: "thai-automotive",
    title: "Thai automotive clusters (stylised reconstruction)",
    source:
      "Chaminade, C. & Vang, J. (2008), the study of four Asian clusters (the Thai automotive clusters among them), with the cluster typology of UNCTAD (1998), TD/B/COM.3/EM.5/2 — as summarised in the project's case brief (docs/cases.md, \"Thai automotive clusters\"). Facts of the case: most major assemblers present; about 113,000 employed, SMEs about half; more than 700 first-tier companies, 40 % owned by TNCs; about 1,000 second-tier suppliers; satellite clusters around Bangkok, Chonburi, Rayong, Samutprakarn and Pathumthani.",
    summary:
      "A complex-product-systems cluster: foreign assemblers (TNC subsidiaries whose parents are abroad) at the hub, first-tier suppliers (subsidiaries, joint ventures, a few Thai firms) on the spokes, and second- and third-tier Thai SMEs at the rim, barely tied in. The sample is one satellite cluster built around three assemblers, with 36 first-tier firms and 80 Thai SMEs; it stands for the hundreds of firms of the case.",
    relations: {
      "technical-advice": "quality control, maintenance, design and project-management know-how passed from source to target",
      business: "orders, schedules and commercial information passed from source to target",
    },
    attributes: {
      employees: "employees (empty for companies abroad)",
      origin: "home country of the owner",
      ownership: "TNC subsidiary, joint venture, Thai, association or public",
      iso: "holds an ISO 9000/14000/18000 certificate (about 10 % of Thai SMEs)",
      clubMember: "first-tier firms only: member of the assembler-sponsored supplier club (Toyota-type co-operation club)",
    },
    assumptions: [
      "The sample is one satellite cluster built around three assemblers (two Japanese, one US; group `assemblers`). The case names a dozen assemblers and five satellite clusters; that each satellite forms around a few of them is this reconstruction's assumption.",
      "Outside the cluster (`inCluster` false, group `parents-abroad`): for each assembler, its parent company (advice and business, strength 3; the assembler reports back), the parent's R&D centre (designs and engineering changes, strength 3) and the parent's Asian regional headquarters (sourcing and planning, strength 2); and four Japanese parent parts makers, each the parent of some of the first-tier TNC subsidiaries, which they advise (strong) and do business with (medium). Nobody else has an outside tie.",
      "Spokes: 36 first-tier suppliers (group `first-tier`), about 40 % TNC subsidiaries, 35 % joint ventures, 25 % Thai. Each supplies assembler 1 (the market leader) with probability 0.95, assembler 2 with 0.8 and assembler 3 with 0.7; for each such pair the assembler advises the supplier (quality control, maintenance, design, project management; strong) and orders from it (strong); in 30 % of the pairs the supplier reports back (medium).",
      "The supplier club sponsored by assembler 1 is a membership (the `clubMember` attribute, about half of the first tier), not an actor: first-tier club members advise each other with density 0.015 (weak); first-tier firms outside the club do not. Assemblers barely talk to each other (business density 0.05, weak).",
      "Rim (group `thai-smes`): 55 second-tier and 25 third-tier Thai SMEs, barely tied in. About 25 % of first-tier firms pass orders to 1–2 second-tier SMEs, half of those also advice to one (weak); about 30 % of third-tier workshops supply one second-tier SME; two weak advice ties among Thai SMEs in all. No assembler has any tie to an SME, and many SMEs have no tie at all.",
      "The parts association passes business information to 4 suppliers (first or second tier); the government institute deals with the association and advises 2 SMEs.",
      "About 13 % of second-tier and 5 % of third-tier SMEs are drawn as ISO-certified; all first-tier firms and assemblers are.",
      "Tie strengths: strong ties are 1/2/3 with probabilities 0.15/0.45/0.40, medium 0.35/0.45/0.20, weak 0.70/0.25/0.05, except where a strength is stated.",
      "Sizes, densities and strengths are invented to match the qualitative description; only the shape comes from the case.",
    ],
    expected: [
      "Hub-and-spoke: a centralised structure around the three assemblers — together they touch most of the ties, and they have the largest degrees and betweenness.",
      "A core of assemblers and first-tier firms and a periphery of Thai SMEs (core–periphery).",
      "Horizontal ties among Thai SMEs near zero; knowledge reaches the lower tiers, if at all, only through first-tier firms.",
    ],
  };
  return { planted: p, meta };
}

runDatasetBuilder(import.meta.url, build);
