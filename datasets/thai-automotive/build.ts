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

  // --- Outside: the assemblers' parent companies ------------------------------------------------------------
  const origins = ["Japan", "Japan", "Japan", "Japan", "Japan", "United States", "United States", "Germany"];
  const parents = p.actors({ names: origins.map((o, i) => ({ id: `parent${i + 1}`, label: `Parent company of assembler ${i + 1} (${o})` })), kind: "firm", inCluster: false, stage: "headquarters", group: "parents-abroad", attributes: (i) => ({ employees: null, origin: origins[i], ownership: "foreign", iso: true, location: "abroad" }) });

  // --- Assemblers: the hubs ---------------------------------------------------------------------------------
  const assemblers = p.actors({ names: origins.map((o, i) => ({ id: `assembler${i + 1}`, label: `Assembler ${i + 1} (${o} TNC subsidiary)` })), kind: "firm", inCluster: true, stage: "assembly", group: "assemblers", attributes: (i, r) => ({ employees: 2000 + Math.floor(r() * 6000), origin: origins[i], ownership: "TNC subsidiary", iso: true, location: LOCATIONS[i % 3] }) });

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
      return { employees: 150 + Math.floor(r() * 1200), origin: u < 0.4 ? "Japan" : "Thailand", ownership: u < 0.4 ? "TNC subsidiary" : u < 0.75 ? "joint venture" : "Thai", iso: true, location: LOCATIONS[Math.floor(r() * LOCATIONS.length)] };
    },
  });
  // --- Second and third tier: Thai SMEs -----------------------------------------------------------------------
  const secondTier = p.actors({ prefix: "tier2_", count: 55, label: (i) => `Second-tier Thai SME ${i + 1}`, kind: "supplier", inCluster: true, stage: "second-tier", group: "thai-smes", attributes: (_i, r) => ({ employees: 10 + Math.floor(r() * 150), origin: "Thailand", ownership: "Thai", iso: r() < 0.13, location: LOCATIONS[Math.floor(r() * LOCATIONS.length)] }) });
  const thirdTier = p.actors({ prefix: "tier3_", count: 25, label: (i) => `Third-tier Thai SME ${i + 1}`, kind: "supplier", inCluster: true, stage: "third-tier", group: "thai-smes", attributes: (_i, r) => ({ employees: 5 + Math.floor(r() * 40), origin: "Thailand", ownership: "Thai", iso: r() < 0.05, location: LOCATIONS[Math.floor(r() * LOCATIONS.length)] }) });
  const smes = [...secondTier, ...thirdTier];

  // --- Support ---------------------------------------------------------------------------------------------
  const [club] = p.actors({ names: [{ id: "supplierclub", label: "Assembler-sponsored supplier club (Toyota-type co-operation club)" }], kind: "association", inCluster: true, stage: "support", group: "support", attributes: () => ({ employees: 6, origin: "Japan", ownership: "association", iso: false, location: "Bangkok" }) });
  const [partsAssoc] = p.actors({ names: [{ id: "partsassociation", label: "Auto-parts manufacturers' association" }], kind: "association", inCluster: true, stage: "support", group: "support", attributes: () => ({ employees: 15, origin: "Thailand", ownership: "association", iso: false, location: "Bangkok" }) });
  const [institute] = p.actors({ names: [{ id: "autoinstitute", label: "Automotive industry institute (government)" }], kind: "government", inCluster: true, stage: "support", group: "support", attributes: () => ({ employees: 80, origin: "Thailand", ownership: "public", iso: false, location: "Bangkok" }) });

  // --- Parents → assemblers (strong), and to some first-tier subsidiaries of the same home country -----------
  parents.forEach((pa, i) => {
    p.tie(pa, assemblers[i], TA, 3);
    p.tie(pa, assemblers[i], BU, 3);
    p.tie(assemblers[i], pa, BU, 2);
  });

  // --- Hub and spokes: each first-tier firm works for 2–4 assemblers ------------------------------------------
  // The assemblers advise their first tiers (QC, maintenance, design, project management) and place orders.
  p.fan(firstTier, assemblers, { relation: BU, perSource: [2, 4], strength: MEDIUM }); // suppliers report back to assemblers
  for (const t1 of firstTier) {
    for (const a of assemblers) {
      if (p.has(t1, a, BU)) {
        p.tie(a, t1, TA, p.strength(STRONG));
        p.tie(a, t1, BU, p.strength(STRONG));
      }
    }
  }
  // Assembler 1 is the largest hub (the market leader that sponsors the supplier club): it also advises and
  // orders from 75 % of the first tier, and the first-tier firms it works with report back to it.
  for (const t1 of firstTier) {
    if (p.rng() < 0.75) {
      p.tie(assemblers[0], t1, TA, p.strength(MEDIUM));
      p.tie(assemblers[0], t1, BU, p.strength(MEDIUM));
      p.tie(t1, assemblers[0], BU, p.strength(WEAK));
    }
  }
  // Assemblers barely talk to each other; first tiers little.
  p.block(assemblers, assemblers, { relation: BU, density: 0.05, strength: WEAK });
  p.block(firstTier, firstTier, { relation: TA, density: 0.02, strength: WEAK });

  // --- Knowledge reaches lower tiers, if at all, only through first-tier firms -------------------------------
  // 45 % of first-tier firms pass orders (and sometimes advice) to 1–3 second-tier SMEs.
  const passing = firstTier.filter(() => p.rng() < 0.6);
  p.fan(passing, secondTier, { relation: BU, perSource: [1, 3], strength: MEDIUM });
  p.fan(passing.filter(() => p.rng() < 0.5), secondTier, { relation: TA, perSource: [1, 2], strength: WEAK });
  // A few second-tier SMEs buy from third-tier workshops.
  p.fan(thirdTier.filter(() => p.rng() < 0.7), secondTier, { relation: BU, perSource: [1, 1], strength: WEAK });
  // Collaboration among Thai SMEs: almost absent (two ties).
  p.tie(secondTier[3], secondTier[17], TA, 1);
  p.tie(secondTier[30], secondTier[41], TA, 1);

  // --- The club reaches first tiers only; the association and institute are thin ------------------------------
  p.tie(assemblers[0], club, TA, 3);
  p.fan([club], firstTier, { relation: TA, perSource: [14, 14], strength: MEDIUM });
  p.fan([partsAssoc], [...firstTier, ...secondTier], { relation: BU, perSource: [6, 6], strength: WEAK });
  p.tie(institute, partsAssoc, BU, 2);
  p.fan([institute], smes, { relation: TA, perSource: [3, 3], strength: WEAK });

  const meta: DatasetMeta = {
    name: "thai-automotive",
    title: "Thai automotive clusters (stylised reconstruction)",
    source:
      "Chaminade, C. & Vang, J. (2008), the study of four Asian clusters (the Thai automotive clusters among them), with the cluster typology of UNCTAD (1998), TD/B/COM.3/EM.5/2 — as summarised in the project's case brief (cases.md, \"Thai automotive clusters\"). Facts of the case: most major assemblers present; about 113,000 employed, SMEs about half; more than 700 first-tier companies, 40 % owned by TNCs; about 1,000 second-tier suppliers; satellite clusters around Bangkok, Chonburi, Rayong, Samutprakarn and Pathumthani.",
    summary:
      "A complex-product-systems cluster: foreign assemblers (TNC subsidiaries whose parents are abroad) at the hub, first-tier suppliers (subsidiaries, joint ventures, a few Thai firms) on the spokes, and second- and third-tier Thai SMEs at the rim, barely tied in. This sample of 8 assemblers, 36 first-tier firms and 80 Thai SMEs stands for the hundreds of firms of the case.",
    relations: {
      "technical-advice": "quality control, maintenance, design and project-management know-how passed from source to target",
      business: "orders, schedules and commercial information passed from source to target",
    },
    attributes: {
      employees: "employees (empty for parent companies abroad)",
      origin: "home country of the owner",
      ownership: "TNC subsidiary, joint venture, Thai, association or public",
      iso: "holds an ISO 9000/14000/18000 certificate (about 10 % of Thai SMEs)",
      location: "satellite cluster (Bangkok, Chonburi, Rayong, Samutprakarn, Pathumthani); abroad for parents",
    },
    assumptions: [
      "Outside the cluster (`inCluster` false): the 8 parent companies of the assemblers (5 Japanese, 2 US, 1 German). Each parent advises its assembler and places business with it (strength 3); each assembler reports back. Nobody else has an outside tie.",
      "Hub: 8 assemblers (group `assemblers`). Spokes: 36 first-tier suppliers (group `first-tier`), 40 % TNC subsidiaries, 35 % joint ventures, 25 % Thai.",
      "Each first-tier firm supplies 2–4 assemblers: it reports to them (business, medium) and receives their technical advice and orders (strong). Assembler 1, the market leader, also advises and orders from 75 % of all first-tier firms (medium), and they report back to it (weak): it is the largest hub.",
      "Assemblers barely talk to each other (business density 0.05, weak); first-tier firms advise each other with density 0.02 (weak).",
      "Lower tiers (group `thai-smes`): 55 second-tier and 25 third-tier Thai SMEs. About 60 % of first-tier firms pass orders to 1–3 second-tier SMEs, and half of those also pass advice to 1–2 (weak). About 70 % of third-tier workshops supply one second-tier SME. No assembler has any tie to an SME.",
      "Collaboration among Thai SMEs: two weak advice ties in all.",
      "The assembler-sponsored supplier club is advised by assembler 1 and advises 14 first-tier firms only; the parts association passes business information to 6 suppliers (first or second tier); the government institute deals with the association and advises 3 SMEs.",
      "About 13 % of second-tier and 5 % of third-tier SMEs are drawn as ISO-certified; all first-tier firms and assemblers are.",
      "Tie strengths: strong ties are 1/2/3 with probabilities 0.15/0.45/0.40, medium 0.35/0.45/0.20, weak 0.70/0.25/0.05, except where a strength is stated.",
      "Sizes, densities and strengths are invented to match the qualitative description; only the shape comes from the case.",
    ],
    expected: [
      "Hub-and-spoke: a centralised structure around the assemblers (the largest degrees and betweenness, high centralisation, most ties touch an assembler or a first-tier firm).",
      "A core of assemblers and first-tier firms and a periphery of Thai SMEs (core–periphery).",
      "Horizontal ties among Thai SMEs near zero; knowledge reaches the lower tiers, if at all, only through first-tier firms.",
    ],
  };
  return { planted: p, meta };
}

runDatasetBuilder(import.meta.url, build);
