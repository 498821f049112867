import type { Command } from "commander";
import type { networkOverview } from "../../metrics/overview.js";
import { describeDirection } from "../../model/graph.js";
import { load, readOptions, viewOptions, viewUsed, type Context, type InputOptions } from "../common.js";
import { table, analysisJson } from "../output.js";

/** `clusterflow info <input>` — what the network holds: actors, ties, density, reciprocity, components, respondents. */
export function registerInfo(program: Command, ctx: Context): void {
  const cmd = program
    .command("info")
    .argument("<input>", "dataset folder or file")
    .description("summarise a network: actors by kind and inCluster, ties by relation and tie type, density, reciprocity, components, respondents");
  readOptions(viewOptions(cmd)).action(async (input: string, opts: InputOptions) => {
    const { networkOverview } = await import("../../metrics/overview.js");
    const loaded = await load(input, opts, ctx);
    const { view, format } = loaded;
    const o = networkOverview(view);
    if (opts.json) {
      ctx.io.out(analysisJson("info", loaded, viewUsed(opts), infoDocument(o)));
      return;
    }
    const out = ctx.io.out;
    const name = view.getAttribute("name");
    out(`${input}${name ? ` — ${String(name)}` : ""} (${format.name})\n`);
    out(`direction: ${describeDirection(view.getAttribute("direction"))}\n\n`);
    out(`actors: ${o.actors.total} (${o.actors.inside} inside the cluster, ${o.actors.outside} outside)\n`);
    out(table(["kind", "inside", "outside"], o.actors.byKind.map((k) => [k.kind, k.inside, k.outside])));
    out(`\nties: ${o.ties.total}${o.waves.length ? ` in wave(s) ${o.waves.join(", ")}` : ""}\n`);
    out(table(["relation", "ties", "horizontal", "vertical", "external"], o.ties.byRelation.map((r) => [r.relation, r.total, r.byTieType.horizontal, r.byTieType.vertical, r.byTieType.external])));
    const c = o.cohesion;
    out(`\ncohesion (all relations collapsed into one digraph; self-loops left out):\n`);
    const rows: unknown[][] = [["all", c.arcs, c.density, c.reciprocity, c.dyads.mutual, c.weakComponents, c.largestWeakComponent, c.strongComponents, c.isolates, c.selfLoops]];
    for (const r of o.byRelation) rows.push([r.relation, r.arcs, r.density, r.reciprocity, r.dyads.mutual, r.weakComponents, r.largestWeakComponent, r.strongComponents, r.isolates, r.selfLoops]);
    out(table(["relation", "arcs", "density", "reciprocity", "mutual", "weak comp.", "largest", "strong comp.", "isolates", "loops"], rows, 4));
    out(`reciprocity = share of arcs whose reverse arc exists (edgewise)\n`);
    const rs = o.respondents;
    out(`\nrespondents: ${rs.respondents} answered, ${rs.nonRespondents} did not, ${rs.unknown} unknown\n`);
    if (rs.byRelation.some((r) => r.nonRespondents > 0 || r.respondents > 0)) {
      out(table(["relation", "respondents", "non-respondents", "unknown", "non-respondent ids"], rs.byRelation.map((r) => [r.relation, r.respondents, r.nonRespondents, r.unknown, abbreviate(r.nonRespondentIds)])));
    }
    if (rs.unknown === o.actors.total) out(`(no respondent information in the data: every actor's answers are taken as complete)\n`);
  });
}

function abbreviate(ids: string[], max = 8): string {
  return ids.length <= max ? ids.join(" ") : `${ids.slice(0, max).join(" ")} … (+${ids.length - max})`;
}

/**
 * The overview as JSON. `actors` is an array of actor rows in every document, so the counts here are
 * `actorCounts` (and `actorCount` in the cohesion figures and each relation's row).
 */
function infoDocument(o: ReturnType<typeof networkOverview>): object {
  const { actors, byRelation, ...rest } = o;
  return { actorCounts: actors, ...rest, byRelation };
}
