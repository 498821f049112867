/**
 * Writing a generated cluster (src/model/generate.ts) as a tidy dataset folder, streamed: the CSV text goes
 * out in chunks, so a cluster of millions of ties never exists as one string or as a graph in memory.
 *
 * nodes.csv: id, label, kind, inCluster, stage, group, employees, hub.
 * ties.csv:  source, target, relation, weight[, wave] — knowledge flows source → target; the tie type is left
 * to be derived from the actors on import.
 */
import { generatedActor, generatedActorId, generatedWave, type GeneratedCluster } from "../model/generate.js";
import { csvField } from "./csv.js";

/** Lines per chunk handed to the sink. */
const CHUNK = 20000;

/** Stream nodes.csv of a generated cluster to `sink` (called with successive chunks of text). */
export function streamGeneratedNodes(g: GeneratedCluster, sink: (chunk: string) => void): void {
  let lines: string[] = ["id,label,kind,inCluster,stage,group,employees,hub"];
  for (let i = 0; i < g.actorCount; i++) {
    const a = generatedActor(g, i);
    lines.push(
      [a.id, csvField(a.label), csvField(a.kind), a.inCluster ? "true" : "false", csvField(a.stage), csvField(a.group), a.employees === undefined ? "" : String(a.employees), a.hub ? "true" : "false"].join(","),
    );
    if (lines.length >= CHUNK) {
      sink(lines.join("\n") + "\n");
      lines = [];
    }
  }
  if (lines.length > 0) sink(lines.join("\n") + "\n");
}

/** Stream ties.csv of a generated cluster to `sink`. */
export function streamGeneratedTies(g: GeneratedCluster, sink: (chunk: string) => void): void {
  const multiWave = g.spec.waves > 1;
  const ids = new Array<string>(g.actorCount);
  for (let i = 0; i < g.actorCount; i++) ids[i] = generatedActorId(g, i);
  const relations = g.spec.relations.map((r) => csvField(r));
  let lines: string[] = [multiWave ? "source,target,relation,weight,wave" : "source,target,relation,weight"];
  for (let k = 0; k < g.tieCount; k++) {
    const base = `${ids[g.source[k]]},${ids[g.target[k]]},${relations[g.relation[k]]},${g.weight[k]}`;
    lines.push(multiWave ? `${base},${generatedWave(g.wave[k])}` : base);
    if (lines.length >= CHUNK) {
      sink(lines.join("\n") + "\n");
      lines = [];
    }
  }
  if (lines.length > 0) sink(lines.join("\n") + "\n");
}
