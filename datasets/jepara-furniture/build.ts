/**
 * Jepara furniture cluster, Java — a stylised reconstruction (not survey data) of the broker-led cluster in
 * Chaminade & Vang (2008).
 *
 * What the case says: international buyers (outside) tie to principal subcontractors — medium-sized local
 * firms — that pass designs and quality standards (certified raw materials) on to their networks of local
 * suppliers of parts and raw material; suppliers are tied horizontally by kinship (one family owns several
 * SMEs; they share workers, equipment, market channels) but learn little from each other (low skills); a large
 * trader brokers between the SMEs and a buyer; only a few firms take the "high road" of upgrading.
 *
 * Run: npx tsx datasets/jepara-furniture/build.ts [outDir]
 */
import { MEDIUM, PlantedCluster, STRONG, WEAK, type PlantedActor } from "../../src/model/plant.js";
import { runDatasetBuilder, type DatasetMeta } from "../../src/io/dataset.js";

export const SEED = 2002;

export function build(): { planted: PlantedCluster; meta: DatasetMeta } {
  const p = new PlantedCluster(SEED);
  const TA = "technical-advice";
  const BU = "business";

  // --- Outside ---------------------------------------------------------------------------------------------
  const buyers = p.actors({
    names: [
      { id: "buyer1", label: "International buyer 1 (Scandinavian home-furnishing retailer)" },
      { id: "buyer2", label: "International buyer 2 (European importer)" },
      { id: "buyer3", label: "International buyer 3 (US importer)" },
    ],
    kind: "buyer",
    inCluster: false,
    stage: "retail",
    group: "outside",
    attributes: () => ({ employees: null }),
  });
  const [timber] = p.actors({ names: [{ id: "timber", label: "Certified timber supplier (outside Jepara)" }], kind: "supplier", inCluster: false, stage: "raw-material", group: "outside", attributes: () => ({ employees: null }) });

  // --- Principal subcontractors and their supplier networks --------------------------------------------------
  const networks = ["network-1", "network-2", "network-3"];
  const principals = networks.map((g, i) => p.actors({ names: [{ id: `principal${i + 1}`, label: `Principal subcontractor ${i + 1}` }], kind: "firm", inCluster: true, stage: "assembly", group: g, attributes: (_j, r) => ({ employees: 80 + Math.floor(r() * 90), upgrading: "high-road" }) })[0]);
  const [trader] = p.actors({ names: [{ id: "trader", label: "Large trading firm (broker to a buyer)" }], kind: "firm", inCluster: true, stage: "trade", group: "independent", attributes: () => ({ employees: 60, upgrading: "low-road" }) });

  // Suppliers of parts and raw material: sawmills and timber traders, component makers (carving, turning,
  // joinery), finishing shops. Kinship: families of 2–5 SMEs, each family within one network.
  const sizes: Record<string, number> = { "network-1": 28, "network-2": 24, "network-3": 14, independent: 30 };
  const suppliers: Record<string, string[]> = {};
  let familyNo = 0;
  let supplierNo = 0;
  for (const [g, n] of Object.entries(sizes)) {
    let left = n;
    const ids: string[] = [];
    while (left > 0) {
      const size = Math.min(left, p.int(2, 5));
      familyNo++;
      const family = `family${String(familyNo).padStart(2, "0")}`;
      // A family's firms work in the same trade (one stage), so kinship ties are horizontal.
      const u = p.rng();
      const stage = u < 0.2 ? "raw-material" : u < 0.85 ? "components" : "finishing";
      for (let k = 0; k < size; k++) {
        supplierNo++;
        const label = stage === "raw-material" ? "Sawmill / timber trader" : stage === "components" ? "Component maker (carving, turning, joinery)" : "Finishing workshop";
        const [id] = p.actors({ names: [{ id: `sme${String(supplierNo).padStart(3, "0")}`, label: `${label} ${supplierNo}` }], kind: "supplier", inCluster: true, stage, group: g, attributes: (_j, r) => ({ employees: 2 + Math.floor(r() * 18), family, upgrading: r() < 0.06 ? "high-road" : "low-road" }) });
        ids.push(id);
      }
      left -= size;
    }
    suppliers[g] = ids;
  }
  const allSuppliers = Object.values(suppliers).flat();

  // Local support: association branch, district industry office, carving training centre.
  const [association] = p.actors({ names: [{ id: "association", label: "Furniture producers' association (Jepara branch)" }], kind: "association", inCluster: true, stage: "support", group: "support", attributes: () => ({ employees: 4 }) });
  const [office] = p.actors({ names: [{ id: "industryoffice", label: "District office of industry and trade" }], kind: "government", inCluster: true, stage: "support", group: "support", attributes: () => ({ employees: 25 }) });
  const [training] = p.actors({ names: [{ id: "training", label: "Wood-carving training centre" }], kind: "lab", inCluster: true, stage: "support", group: "support", attributes: () => ({ employees: 12 }) });

  // --- Buyers into the principal subcontractors ---------------------------------------------------------------
  for (const b of buyers) {
    for (const pr of principals.slice(0, 2)) {
      p.tie(b, pr, TA, 3); // designs and quality standards
      p.tie(b, pr, BU, p.strength(MEDIUM)); // orders
    }
  }
  p.tie(buyers[0], principals[2], TA, 2);
  p.tie(timber, principals[0], TA, 2); // certified raw material and its standards
  p.tie(timber, principals[1], TA, 2);
  p.tie(buyers[2], trader, BU, 2); // the trader brokers between SMEs and one buyer
  p.tie(buyers[2], trader, TA, 1);
  // Principal subcontractors report back to their buyers (business only).
  for (const pr of principals.slice(0, 2)) p.tie(pr, buyers[0], BU, 2);

  // --- Principal subcontractors into their networks -----------------------------------------------------------
  principals.forEach((pr, i) => {
    const net = suppliers[networks[i]];
    p.block([pr], net, { relation: TA, density: 0.85, strength: STRONG });
    p.block([pr], net, { relation: BU, density: 0.9, strength: MEDIUM });
    p.block(net, [pr], { relation: BU, density: 0.5, strength: MEDIUM }); // deliveries, problems, capacity
    // High-road suppliers get more: a stronger advice tie is assumed in the draw above; they also advise back.
    p.block(net.filter((s) => p.actor(s).attributes.upgrading === "high-road"), [pr], { relation: TA, density: 1, strength: WEAK });
  });
  // Occasional work for another network's principal.
  p.block(principals, allSuppliers, { relation: BU, density: 0.03, strength: WEAK, where: (s, t) => s.group !== t.group });
  // The trader passes orders and some standards to independent SMEs.
  p.block([trader], suppliers.independent, { relation: BU, density: 0.35, strength: MEDIUM });
  p.block([trader], suppliers.independent, { relation: TA, density: 0.15, strength: WEAK });

  // --- Kinship: dense horizontal ties inside a family; little learning beyond --------------------------------
  const sameFamily = (s: PlantedActor, t: PlantedActor) => s.attributes.family === t.attributes.family;
  p.block(allSuppliers, allSuppliers, { relation: BU, density: 0.8, strength: STRONG, where: sameFamily });
  p.block(allSuppliers, allSuppliers, { relation: TA, density: 0.3, strength: WEAK, where: sameFamily });
  p.block(allSuppliers, allSuppliers, { relation: BU, density: 0.03, strength: WEAK, where: (s, t) => !sameFamily(s, t) && s.group === t.group });
  p.block(allSuppliers, allSuppliers, { relation: TA, density: 0.012, strength: WEAK, where: (s, t) => !sameFamily(s, t) && s.group === t.group });
  p.block(allSuppliers, allSuppliers, { relation: BU, density: 0.006, strength: WEAK, where: (s, t) => s.group !== t.group });
  // Sawmills sell timber to component makers (business ties down the chain).
  p.block(allSuppliers, allSuppliers, { relation: BU, density: 0.05, strength: WEAK, where: (s, t) => s.stage === "raw-material" && t.stage !== "raw-material" && !sameFamily(s, t) });

  // --- Support: thin ------------------------------------------------------------------------------------------
  p.tie(office, association, BU, 2);
  p.fan([association], allSuppliers, { relation: BU, perSource: [12, 12], strength: WEAK });
  p.fan([training], allSuppliers, { relation: TA, perSource: [8, 8], strength: WEAK });
  p.tie(principals[0], association, BU, 1);

  const meta: DatasetMeta = {
    name: "jepara-furniture",
    title: "Jepara furniture cluster, Java, Indonesia (stylised reconstruction)",
    source:
      "Chaminade, C. & Vang, J. (2008), the study of four Asian clusters (Jepara furniture among them), with the cluster typology of UNCTAD (1998), TD/B/COM.3/EM.5/2 — as summarised in the project's case brief (docs/cases.md, \"Jepara furniture cluster\"). Facts of the case: about 3,700 firms in 2002, mostly SMEs, over 58,000 permanent workers, about 70 % of output exported; international buyers (IKEA is named) dominate the high-value activities since the mid-1980s.",
    summary:
      "A traditional manufacturing cluster of furniture SMEs in Jepara, Central Java, led from outside: international buyers pass designs and quality standards to a few medium-sized principal subcontractors, who pass them on to their networks of local suppliers of parts and raw material. Suppliers are bound by kinship — one family owns several small firms that share workers, equipment and market channels — but learn little from each other. A large trading firm brokers between small firms and a buyer. This sample of 102 local actors stands for a cluster of about 3,700 firms.",
    relations: {
      "technical-advice": "designs, quality standards, certified-material requirements and techniques passed from source to target",
      business: "orders, market channels, shared workers and equipment: business information passed from source to target",
    },
    attributes: {
      employees: "permanent workers (empty for actors abroad)",
      family: "suppliers only: the family that owns the firm (kinship ties run inside a family)",
      upgrading: "high-road (upgrading) or low-road; principal subcontractors are high-road, about 6 % of suppliers are",
    },
    assumptions: [
      "Outside the cluster (`inCluster` false, group `outside`): three international buyers and one certified-timber supplier. Nobody else has an outside tie.",
      "Three principal subcontractors (medium firms, 80–170 workers), each at the head of its own supplier network (groups `network-1` with 28 suppliers, `network-2` with 24, `network-3` with 14); 30 further SMEs work outside these networks (group `independent`), as does the large trading firm.",
      "All three buyers give designs and quality standards (technical-advice, strength 3) and orders (business) to principal subcontractors 1 and 2; buyer 1 also advises principal 3 (strength 2); the certified-timber supplier advises principals 1 and 2. Principals 1 and 2 report back to buyer 1. Buyer 3 deals with the trading firm (business 2, advice 1). No buyer deals directly with a supplier.",
      "Each principal subcontractor passes designs and standards to 85 % of its network (strong) and orders to 90 % (medium); half of its suppliers report back (business, medium: deliveries, problems, capacity); its high-road suppliers advise it back (weak). Principals give occasional orders to other networks' suppliers (density 0.03).",
      "The trading firm passes orders to 35 % and standards to 15 % of the independent SMEs.",
      "Suppliers come in families of 2–5 firms within one group; inside a family business ties are dense (density 0.8, strong: shared workers, equipment, market channels) and technical advice is present but weak (density 0.3, strength mostly 1: low skills limit learning).",
      "Between suppliers of different families: business 0.03 and technical advice 0.012 within a group, business 0.006 across groups; sawmills and timber traders sell to component makers and finishers with density 0.05.",
      "Support is thin: the association passes business information to 12 suppliers, the training centre advises 8, the district office deals with the association only.",
      "Supplier stages are drawn per family (a family's firms work in one trade, so kinship ties are horizontal): 20 % raw material, 65 % components, 15 % finishing; about 6 % of suppliers are drawn high-road.",
      "Tie strengths: strong ties are 1/2/3 with probabilities 0.15/0.45/0.40, medium 0.35/0.45/0.20, weak 0.70/0.25/0.05, except where a strength is stated.",
      "Sizes, densities and strengths are invented to match the qualitative description; only the shape comes from the case.",
    ],
    expected: [
      "Principal subcontractors 1 and 2 ranked the top gatekeepers: the largest Gould–Fernandez gatekeeper counts from outside into the cluster (partition `inCluster`, and likewise `group`), the highest inflow from outside together with large local outflow.",
      "Gatekeeper-dependent: outside knowledge enters through a few actors (principals 1 and 2 receive most of it; principal 3 and the trading firm the rest).",
      "Dense horizontal family ties among suppliers (high density inside each family).",
    ],
  };
  return { planted: p, meta };
}

runDatasetBuilder(import.meta.url, build);
