/**
 * Wine valley survey — a synthetic roster survey of a small wine cluster (not real data).
 *
 * 26 wineries answer a roster questionnaire with two questions about every organisation on the roster
 * (the wineries, four local support organisations and four organisations outside the valley):
 *   advice: "How often do you turn to this organisation for technical advice (vineyard, cellar, quality)?"
 *   market: "How often do you turn to this organisation for information on markets and buyers?"
 * each on a 0–3 scale (0 never, 1 occasionally, 2 often, 3 very often). The answers are drawn from a
 * seeded model: each winery has a technical capability; advice is sought from more capable wineries, and a
 * few capable wineries (the would-be gatekeepers) hold most ties to the outside organisations. Planted
 * survey quirks: one winery returned an empty questionnaire (non-respondent), one answered the advice
 * question but left the market question blank, one answered but named nobody for advice (all zeros),
 * and one left the cells of its non-nominations blank instead of writing 0.
 *
 * Run: npx tsx datasets/wine-valley-survey/build.ts [outDir]   (writes nodes.csv, roster.csv, manifest.json)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCsv } from "../../src/io/csv.js";
import { seededRng, type Rng } from "../../src/model/random.js";

export const SEED = 2005;

interface Actor {
  id: string;
  label: string;
  kind: string;
  inCluster: boolean;
  stage: string;
  hectares?: number;
  founded?: number;
  exporter?: boolean;
  capability: number;
}

const WINERY_NAMES = [
  "Bodega Alta", "Casa del Río", "Viña Los Robles", "Cava San Isidro", "Bodega Tres Cerros", "Viña El Mirador",
  "Casa Valdés", "Bodega La Quebrada", "Viña Santa Clara", "Bodega Piedra Negra", "Casa Molina", "Viña Las Lomas",
  "Bodega El Olivar", "Viña Don Aurelio", "Casa Herrera", "Bodega Los Álamos", "Viña Miraflores", "Bodega San Pedro",
  "Casa Ortúzar", "Viña La Esperanza", "Bodega Cordillera", "Viña El Cardo", "Casa Fuentes", "Bodega Dos Vientos",
  "Viña Puente Viejo", "Bodega La Campana",
];

function actors(rng: Rng): Actor[] {
  const out: Actor[] = WINERY_NAMES.map((label, i) => {
    const capability = rng();
    return {
      id: `W${String(i + 1).padStart(2, "0")}`,
      label,
      kind: "firm",
      inCluster: true,
      stage: "winemaking",
      hectares: Math.round(8 + capability * 120 + rng() * 30),
      founded: 1950 + Math.floor(rng() * 65),
      exporter: capability > 0.55,
      capability,
    };
  });
  out.push(
    { id: "COOP", label: "Valley growers' co-operative", kind: "supplier", inCluster: true, stage: "vineyard", capability: 0.5 },
    { id: "NURSERY", label: "Vine nursery", kind: "supplier", inCluster: true, stage: "vineyard", capability: 0.45 },
    { id: "INST", label: "Valley oenology institute", kind: "lab", inCluster: true, stage: "research", capability: 0.85 },
    { id: "ROUTE", label: "Wine route association", kind: "association", inCluster: true, stage: "support", capability: 0.4 },
    { id: "NRC", label: "National viticulture research centre", kind: "lab", inCluster: false, stage: "research", capability: 0.95 },
    { id: "CONSULT", label: "Flying winemaker (consultant abroad)", kind: "other", inCluster: false, stage: "winemaking", capability: 0.95 },
    { id: "IMPORTER", label: "Importer (United Kingdom)", kind: "buyer", inCluster: false, stage: "marketing", capability: 0.7 },
    { id: "COOPERAGE", label: "Barrel maker (France)", kind: "supplier", inCluster: false, stage: "inputs", capability: 0.6 },
  );
  return out;
}

/** Strength 1–3, stronger when the pull is stronger. */
function strength(pull: number, rng: Rng): number {
  const x = pull + rng() * 0.5;
  return x > 1.05 ? 3 : x > 0.75 ? 2 : 1;
}

export function build(): { nodes: unknown[][]; roster: unknown[][]; manifest: object } {
  const rng = seededRng(SEED);
  const all = actors(rng);
  const wineries = all.filter((a) => a.kind === "firm" && a.inCluster);
  const byCapability = [...wineries].sort((a, b) => b.capability - a.capability);
  const gatekeepers = new Set(byCapability.slice(0, 3).map((a) => a.id));
  // Planted quirks, chosen among low-capability wineries so the gatekeepers keep their answers.
  const low = [...wineries].sort((a, b) => a.capability - b.capability);
  const silent = low[0].id; // empty questionnaire
  const noMarket = low[1].id; // advice answered, market left blank
  const namesNobody = low[2].id; // advice answered with all zeros
  const blankZeros = low[3].id; // writes blanks instead of zeros

  const header = ["id", ...["advice", "market"].flatMap((q) => all.map((a) => `${q}:${a.id}`))];
  const roster: unknown[][] = [header];
  for (const w of wineries) {
    const row: unknown[] = [w.id];
    for (const q of ["advice", "market"] as const) {
      const blankQuestion = w.id === silent || (q === "market" && w.id === noMarket);
      for (const a of all) {
        if (blankQuestion || a.id === w.id) {
          row.push("");
          continue;
        }
        let p: number;
        if (a.kind === "firm") {
          // Ask more capable wineries; weakly capable wineries ask less overall.
          p = q === "advice" ? 0.05 + 0.4 * Math.max(0, a.capability - w.capability) + 0.1 * a.capability : 0.04 + 0.2 * a.capability;
        } else if (a.inCluster) {
          p = q === "advice" ? (a.kind === "lab" ? 0.35 : 0.15) : a.kind === "association" ? 0.45 : 0.1;
        } else {
          // Outside organisations: mostly the gatekeepers.
          const gk = gatekeepers.has(w.id);
          if (q === "advice") p = a.kind === "buyer" ? 0.02 : gk ? 0.8 : 0.04 * w.capability;
          else p = a.kind === "buyer" ? (gk ? 0.9 : 0.1 * w.capability) : gk ? 0.2 : 0.02;
        }
        if (q === "advice" && w.id === namesNobody) p = 0;
        const tie = rng() < p;
        const value = tie ? strength(p + a.capability * 0.4, rng) : 0;
        row.push(value === 0 && w.id === blankZeros ? "" : value);
      }
    }
    roster.push(row);
  }
  const nodes: unknown[][] = [["id", "label", "kind", "inCluster", "stage", "hectares", "founded", "exporter"]];
  for (const a of all) nodes.push([a.id, a.label, a.kind, a.inCluster, a.stage, a.hectares, a.founded, a.exporter]);
  const manifest = {
    name: "wine-valley-survey",
    title: "Wine valley roster survey (synthetic)",
    kind: "synthetic roster survey drawn from a seeded model (not real data)",
    files: ["nodes.csv", "roster.csv"],
    format: "roster",
    direction: "asks",
    directionMeaning: "each answer is a nomination 'respondent asks the actor of the column'; knowledge flows from that actor to the respondent",
    weightScale: "0–3: 0 never, 1 occasionally, 2 often, 3 very often",
    relations: ["advice", "market"],
    respondents: wineries.length,
    nonRespondents: { all: [silent], market: [noMarket] },
    namesNobody: { advice: [namesNobody] },
    blankMeansZero: [blankZeros],
    seed: SEED,
    builder: "datasets/wine-valley-survey/build.ts",
    regenerate: "npx tsx datasets/wine-valley-survey/build.ts",
    source: "synthetic: written for clusterflow's examples and tests; the questionnaire design follows roster studies of wine clusters (e.g. Giuliani & Bell 2005, Research Policy 34:47–68), no data of theirs is used",
    actors: all.length,
  };
  return { nodes, roster, manifest };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outDir = process.argv[2] ?? dirname(fileURLToPath(import.meta.url));
  mkdirSync(outDir, { recursive: true });
  const { nodes, roster, manifest } = build();
  writeFileSync(join(outDir, "nodes.csv"), writeCsv(nodes));
  writeFileSync(join(outDir, "roster.csv"), writeCsv(roster));
  writeFileSync(join(outDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  process.stdout.write(`wrote ${outDir}/nodes.csv, roster.csv, manifest.json (seed ${SEED})\n`);
}
