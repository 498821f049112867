/**
 * Jepara furniture cluster, Java — a stylised reconstruction (not survey data) of the broker-led cluster in
 * Chaminade & Vang (2008).
 *
 * Every structural assumption below names the sentence of the source (as summarised in the project's case
 * brief, docs/cases.md) it rests on; what the source does not state is not drawn, and where a number had to
 * be chosen the assumption says so. The sources speak of local cohesion, worker rotation between firms and
 * common collective action: the principal subcontractors' supplier networks are not drawn as separate
 * groups, and suppliers work, rotate and act together across them.
 *
 * Run: npx tsx datasets/jepara-furniture/build.ts [outDir]
 */
import { MEDIUM, PlantedCluster, STRONG, WEAK, type PlantedActor } from "../../src/model/plant.js";
import { noSourceSentence, runDatasetBuilder, sourceSentence, type DatasetMeta } from "../../src/io/dataset.js";

export const SEED = 2002;

export function build(): { planted: PlantedCluster; meta: DatasetMeta } {
  const p = new PlantedCluster(SEED);
  const TA = "technical-advice";
  const BU = "business";
  const none = { employees: null, ownership: "", exportShare: null, network: "", family: "", upgrading: "" };

  // --- Outside: the international buyers -----------------------------------------------------------------
  const buyers = p.actors({
    names: [
      { id: "buyer1", label: "International buyer 1 (Scandinavian home-furnishing retailer)" },
      { id: "buyer2", label: "International buyer 2 (European importer)" },
      { id: "buyer3", label: "International buyer 3 (US importer)" },
    ],
    kind: "buyer",
    inCluster: false,
    stage: "retail",
    group: "buyers",
    attributes: () => ({ ...none }),
  });

  // --- Exporters inside: three principal subcontractors, a large trader, two foreign-owned firms ----------
  // Exports of the sample: 20 % per principal, 15 % the trader (domestic firms 75 %), 12.5 % per
  // foreign-owned firm (a quarter).
  const principals = p.actors({ names: [1, 2, 3].map((i) => ({ id: `principal${i}`, label: `Principal subcontractor ${i}` })), kind: "firm", inCluster: true, stage: "assembly", group: "exporters", attributes: (_i, r) => ({ ...none, employees: 80 + Math.floor(r() * 90), ownership: "domestic", exportShare: 20, network: `principal${_i + 1}`, upgrading: "high-road" }) });
  const [trader] = p.actors({ names: [{ id: "trader", label: "Large trading firm (broker between small firms and a buyer)" }], kind: "firm", inCluster: true, stage: "trade", group: "exporters", attributes: () => ({ ...none, employees: 60, ownership: "domestic", exportShare: 15, network: "trader", upgrading: "low-road" }) });
  const foreign = p.actors({ names: [1, 2].map((i) => ({ id: `foreign${i}`, label: `Foreign-owned furniture exporter ${i}` })), kind: "firm", inCluster: true, stage: "assembly", group: "exporters", attributes: (_i, r) => ({ ...none, employees: 100 + Math.floor(r() * 100), ownership: "foreign", exportShare: 12.5, network: `foreign${_i + 1}`, upgrading: "high-road" }) });

  // --- Local suppliers of parts and raw material, in families ----------------------------------------------
  // Each supplier works mainly for one exporter (`network`, the subcontracting network it belongs to): 24 per principal, 16 for the trader, 4 per
  // foreign-owned firm. Families of 2–5 firms; a family's firms work in one trade, and their main customers
  // are drawn independently (the source does not tie a family to one principal).
  const customers = [...principals.flatMap((x) => Array<string>(24).fill(x)), ...Array<string>(16).fill(trader), ...foreign.flatMap((x) => Array<string>(4).fill(x))];
  const order = p.pick(customers, customers.length);
  const suppliers: string[] = [];
  let familyNo = 0;
  while (suppliers.length < order.length) {
    const size = Math.min(order.length - suppliers.length, p.int(2, 5));
    familyNo++;
    const family = `family${String(familyNo).padStart(2, "0")}`;
    const u = p.rng();
    const stage = u < 0.2 ? "raw-material" : u < 0.85 ? "components" : "finishing";
    const label = stage === "raw-material" ? "Sawmill / timber trader" : stage === "components" ? "Component maker (carving, turning, joinery)" : "Finishing workshop";
    for (let k = 0; k < size; k++) {
      const n = suppliers.length + 1;
      const [id] = p.actors({ names: [{ id: `sme${String(n).padStart(3, "0")}`, label: `${label} ${n}` }], kind: "supplier", inCluster: true, stage, group: "suppliers", attributes: (_j, r) => ({ ...none, employees: 2 + Math.floor(r() * 18), ownership: "domestic", exportShare: 0, network: order[n - 1], family, upgrading: r() < 0.06 ? "high-road" : "low-road" }) });
      suppliers.push(id);
    }
  }
  const networkOf = (x: string) => suppliers.filter((s) => p.actor(s).attributes.network === x);

  // --- Collective action ---------------------------------------------------------------------------------
  const [association] = p.actors({ names: [{ id: "association", label: "Furniture producers' association (collective action)" }], kind: "association", inCluster: true, stage: "support", group: "support", attributes: () => ({ ...none, employees: 4 }) });

  // --- The buyers tie to the exporters -------------------------------------------------------------------
  principals.forEach((pr, i) => {
    p.tie(buyers[i], pr, TA, 3); // designs and quality standards (certified raw materials)
    p.tie(buyers[i], pr, BU, p.strength(MEDIUM)); // orders
  });
  p.tie(buyers[2], trader, TA, 2);
  p.tie(buyers[2], trader, BU, p.strength(MEDIUM));
  foreign.forEach((f, i) => {
    p.tie(buyers[i], f, TA, 3);
    p.tie(buyers[i], f, BU, p.strength(MEDIUM));
  });

  // --- Exporters pass designs and standards, and orders, to their suppliers --------------------------------
  for (const pr of principals) {
    const net = networkOf(pr);
    p.block([pr], net, { relation: TA, density: 0.85, strength: STRONG });
    p.block([pr], net, { relation: BU, density: 0.9, strength: MEDIUM });
    p.block(net, [pr], { relation: BU, density: 0.5, strength: MEDIUM }); // deliveries, problems, capacity
  }
  p.block([trader], networkOf(trader), { relation: BU, density: 0.8, strength: MEDIUM });
  p.block([trader], networkOf(trader), { relation: TA, density: 0.4, strength: MEDIUM });
  for (const f of foreign) p.block([f], networkOf(f), { relation: BU, density: 0.8, strength: MEDIUM });
  // Suppliers also work for the other exporters now and then.
  const exporters = [...principals, trader, ...foreign];
  p.block(exporters, suppliers, { relation: BU, density: 0.05, strength: WEAK, where: (s, t) => t.attributes.network !== s.id });

  // --- Among suppliers: kinship, worker rotation, the timber chain ------------------------------------------
  const sameFamily = (s: PlantedActor, t: PlantedActor) => s.attributes.family === t.attributes.family;
  p.block(suppliers, suppliers, { relation: BU, density: 0.8, strength: STRONG, where: sameFamily });
  p.block(suppliers, suppliers, { relation: TA, density: 0.3, strength: WEAK, where: sameFamily });
  p.block(suppliers, suppliers, { relation: TA, density: 0.03, strength: WEAK, where: (s, t) => !sameFamily(s, t) });
  p.block(suppliers, suppliers, { relation: BU, density: 0.05, strength: WEAK, where: (s, t) => s.stage === "raw-material" && t.stage !== "raw-material" && !sameFamily(s, t) });

  // --- Common collective action through the association ------------------------------------------------------
  const locals = [...exporters, ...suppliers];
  p.block([association], locals, { relation: BU, density: 0.5, strength: MEDIUM });
  p.block(locals, [association], { relation: BU, density: 0.3, strength: WEAK });

  const brief = sourceSentence;
  const meta: DatasetMeta = {
    name: "jepara-furniture",
    title: "Jepara furniture cluster, Java, Indonesia (stylised reconstruction)",
    source:
      "Chaminade, C. & Vang, J. (2008), the study of four Asian clusters (Jepara furniture among them), with the cluster typology of UNCTAD (1998), TD/B/COM.3/EM.5/2 — as summarised in the project's case brief (docs/cases.md, \"Jepara furniture cluster\" and its last section). Facts of the case: about 3,700 firms in 2002, mostly SMEs, over 58,000 permanent workers, about 70 % of output exported, domestic firms make 75 % of exports; international buyers (IKEA is named) dominate the high-value activities since the mid-1980s.",
    summary:
      "A traditional manufacturing cluster of furniture SMEs in Jepara, Central Java, led from outside: international buyers pass designs and quality standards to medium-sized principal subcontractors, who pass them on to their local suppliers of parts and raw material; a large trader brokers between small firms and a buyer; foreign-owned firms make a quarter of the exports. Suppliers are bound by kinship — one family owns several small firms that share workers, equipment and market channels — but learn little from each other; workers rotate between firms and firms act together through their association. The sample (3 buyers, 6 exporters, 96 suppliers, the association) stands for a cluster of about 3,700 firms.",
    relations: {
      "technical-advice": "designs, quality standards, certified-material requirements and techniques passed from source to target",
      business: "orders, market channels, shared workers and equipment, collective action: business information passed from source to target",
    },
    attributes: {
      employees: "permanent workers (empty for actors abroad)",
      ownership: "domestic or foreign owner (inside actors)",
      exportShare: "exporters: per cent of the sample's exports (domestic firms 75 %, foreign-owned 25 %); suppliers 0",
      network: "the subcontracting network: an exporter's id, for the exporter itself and the suppliers working mainly for it (empty for buyers and the association)",
      family: "suppliers only: the family that owns the firm (kinship ties run inside a family)",
      upgrading: "high-road (upgrading) or low-road; the principal subcontractors and foreign-owned firms are high-road, about 6 % of suppliers are",
    },
    assumptions: [
      `Outside the cluster (\`inCluster\` false, group \`buyers\`): three international buyers, the only outside actors. ${brief("International buyers (IKEA is named) dominate the high-value activities since the mid-1980s")}. The source names no other outside source (no timber supplier, no parent company passing knowledge), so none is drawn.`,
      `Three principal subcontractors, medium-sized local firms (80–170 workers), each tied to one buyer, which gives it designs and quality standards (technical-advice, strength 3) and orders (business). ${brief("the international buyer (outside) ties to a principal subcontractor — a medium-sized local firm — that passes designs and quality standards (certified raw materials) on to its network of local suppliers of parts and raw material")}. Three principals and one buyer each are this reconstruction's numbers.`,
      `A large trading firm gets designs (strength 2) and orders from buyer 3 and passes orders to 80 % and designs to 40 % of the suppliers working mainly for it. ${brief("A large firm or trader acts as broker between the SME group and the buyer")}.`,
      `Two foreign-owned exporters, each tied to a buyer like a principal (designs 3, orders); the sample's exports are split by the \`exportShare\` attribute so that domestic firms make 75 % and foreign-owned firms 25 %. ${brief("domestic firms make 75 % of exports")}; ${brief("Foreign-owned firms make about a quarter of exports")} (case brief, last section). Their parents abroad are not drawn: the source does not say that they pass knowledge to them; they order parts from the suppliers working for them (business only: the source states no design transfer by them).`,
      `Each principal passes designs and standards to 85 % of the 24 suppliers working mainly for it (strong) and orders to 90 % (medium); half of them report back (deliveries, problems, capacity: business). ${brief("passes designs and quality standards (certified raw materials) on to its network of local suppliers of parts and raw material")}. The shares are assumptions.`,
      `The supplier networks are not separate groups: every exporter also gives occasional orders to suppliers working mainly for another (density 0.05, weak), all suppliers carry the one group \`suppliers\`, and the families' main customers are drawn independently. ${brief("the sources speak of local cohesion, worker rotation between firms and common collective action; “fragmented along subcontracting networks” is not in them")} (case brief, last section).`,
      `Suppliers come in families of 2–5 firms in one trade (so kinship ties are horizontal); inside a family business ties are dense (density 0.8, strong: shared workers, equipment, market channels) and technical advice is present but weak (density 0.3, strength mostly 1). ${brief("Suppliers are tied horizontally by kinship (members of one family own several SMEs; they share workers, equipment, market channels), but learning among them is limited by low skills")}. Family sizes and densities are assumptions.`,
      `Worker rotation: weak technical-advice ties between suppliers of different families anywhere in the cluster (density 0.03) — skills carried by workers moving between firms. ${brief("worker rotation between firms")} (case brief, last section). Sawmills and timber traders sell to component makers and finishers with density 0.05 (business, weak), the local chain of parts and raw material.`,
      `Common collective action through the producers' association: it passes business information to half of the local firms (medium) and 30 % of them bring matters to it (weak). ${brief("common collective action")} (case brief, last section). The source does not say who organises collective action; one association stands for it, and the shares are assumptions.`,
      `About 6 % of suppliers are drawn high-road (attribute only; no tie depends on it). ${brief("Only a small share of firms take the \"high road\" of upgrading")}.`,
      `Not drawn because the source does not state them: government offices, training centres, ties from buyers to suppliers, ties back from exporters to buyers. ${noSourceSentence("what the source does not state is left out; the absence is the absence of a statement, not a finding.")}`,
      `Invented: actor counts (3 buyers, 3 principals, 2 foreign-owned firms, 96 suppliers), names and labels, employees, supplier stages (per family: 20 % raw material, 65 % components, 15 % finishing). Tie strengths: strong ties are 1/2/3 with probabilities 0.15/0.45/0.40, medium 0.35/0.45/0.20, weak 0.70/0.25/0.05, except where a strength is stated. ${noSourceSentence("the source gives no counts or strengths; a network needs them.")}`,
    ],
    expected: [
      "The three principal subcontractors ranked the top gatekeepers (Gould–Fernandez gatekeeper counts from the buyers into the cluster, partition `inCluster`), each with a buyer as outside source and large local outflow; the trader next.",
      "Outside knowledge enters through few actors — the six exporters and nobody else — but the gatekeeper-dependent verdict does not hold: its rule asks that one or two actors take at least 75 % of the inflow, and the source spreads the buyers' ties over several principal subcontractors, a trader and foreign-owned firms (the top two take under 40 %). Reported, not forced.",
      "Dense horizontal family ties among suppliers (high density inside each family, all horizontal).",
      "Not fragmented: neither along the declared groups nor along the subcontracting networks (partition `network`) — the local cohesion the source reports.",
    ],
  };
  return { planted: p, meta };
}

runDatasetBuilder(import.meta.url, build);
