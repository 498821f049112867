import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { Command } from "commander";
import { Option } from "commander";
import { DEFAULT_THRESHOLDS, type DiagnosisThresholds } from "../../diagnosis/thresholds.js";
import { REPORT_FORMATS, type ReportFormat } from "../../report/formats.js";
import { BOUNDS, intOption, load, note, numberOption, viewOptions, viewUsed, type Context, type InputOptions, type Loaded } from "../common.js";
import type { DiagnoseOptions } from "../../diagnosis/diagnose.js";
import { analysisJson, table } from "../output.js";
import { UsageError } from "../errors.js";
import { VERSION } from "../version.js";
import { filterTies } from "../../model/views.js";
import type { ReportMeta } from "../../report/document.js";


/** The report's date: SOURCE_DATE_EPOCH (seconds) when set, for reproducible files, else today (UTC). */
function reportDate(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const t = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return t.toISOString().slice(0, 10);
}

/**
 * The dataset's name: the imported network's `name` attribute, else the folder or file name (never the name
 * of a round's or relation's view, which each section states itself).
 */
export function datasetName(loaded: Pick<Loaded, "graph" | "input">): string {
  const name = loaded.graph.getAttribute("name");
  return typeof name === "string" && name.trim() ? name : basename(loaded.input.replace(/[\\/]+$/, "")) || loaded.input;
}

/** Dataset name, date, version and (text to a terminal) its width, for the report header. */
function reportMeta(dataset: string, toFile: boolean, width: number | undefined): ReportMeta {
  return { dataset, date: reportDate(), version: VERSION, width: toFile ? undefined : width };
}

interface ReportCliOptions extends InputOptions {
  inputFormat?: string;
  output?: string;
  seed?: string;
  partition?: string;
  reps?: string;
  k?: string;
  resolution?: string;
  scope?: "local" | "all";
  threshold?: string[];
  gatekeeperPartition?: string;
  byRelation?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** Parse `name=value` threshold overrides, naming the known thresholds on a mistake. */
function thresholdsOf(items: string[] = []): Partial<DiagnosisThresholds> {
  const out: Partial<DiagnosisThresholds> = {};
  const known = Object.keys(DEFAULT_THRESHOLDS);
  for (const item of items) {
    const m = /^([A-Za-z]+)=(.+)$/.exec(item.trim());
    if (!m || !known.includes(m[1])) throw new UsageError(`--threshold: "${item}" is not name=value with a known name (${known.join(", ")})`);
    out[m[1] as keyof DiagnosisThresholds] = numberOption(`--threshold ${m[1]}`, m[2], 0);
  }
  return out;
}

/**
 * `clusterflow report <input> [--format text|md|json|html] [-o file]` — the cluster diagnosis: verdicts
 * with evidence and thresholds, groups, openness, gatekeepers, fragmentation, critical actors, bridging
 * opportunities and the options used.
 */
export function registerReport(program: Command, ctx: Context): void {
  const cmd = program
    .command("report")
    .argument("<input>", "dataset folder or file")
    .description("the cluster diagnosis — fragmented, closed, hub-and-spoke, gatekeeper-dependent — with evidence, gatekeepers, critical actors and bridging opportunities, as text, markdown, json or one self-contained html page")
    .addOption(new Option("--format <format>", "report format").choices([...REPORT_FORMATS]).default("text"))
    .option("-o, --output <file>", "write the report to this file instead of standard output")
    .option("--input-format <name>", "input format, overriding detection (tidy, matrix, roster, json, …)")
    .addOption(new Option("--direction <convention>", "how ties were recorded: flow = source gives knowledge to target; asks = source asks target (reversed)").choices(["flow", "asks"]))
    .option("--strict", "treat import warnings as errors")
    .option("--json", "same as --format json")
    .option("-q, --quiet", "do not print import warnings")
    .option("--seed <n>", "seed of every random step (permutation tests, Louvain, randomisations)", "1")
    .option("--partition <attribute>", "actor attribute defining the groups (default: group if present, else Louvain communities)")
    .option("--reps <n>", "label permutations of the E-I test (0 to 100,000)", "2000")
    .option("--k <n>", "number of critical actors (key players)", "3")
    .option("--resolution <x>", "Louvain resolution", "1")
    .addOption(new Option("--scope <scope>", "actors for groups and fragmentation: local (inside the cluster) or all").choices(["local", "all"]).default("local"))
    .option("--gatekeeper-partition <attribute>", "partition for the gatekeeper ranking (default inCluster)")
    .option("--by-relation", "the four verdicts for each relation alone and for all relations pooled, side by side (text or json)")
    .option("--threshold <name=value>", `override a verdict threshold (repeatable): ${Object.keys(DEFAULT_THRESHOLDS).join(", ")}`, collect);
  viewOptions(cmd).action(async (input: string, opts: ReportCliOptions & { format?: string }) => {
    const format = (opts.json ? "json" : (opts.format ?? "text")) as ReportFormat;
    const thresholds = thresholdsOf(opts.threshold);
    const loadOpts: InputOptions = { ...opts, format: opts.inputFormat, json: format === "json", comparesRounds: true };
    const loaded = await load(input, loadOpts, ctx);
    const [{ diagnose }, { renderReport }, { TYPE_TITLES }] = await Promise.all([import("../../diagnosis/diagnose.js"), import("../../report/index.js"), import("../../diagnosis/typology.js")]);
    const diagnoseOptions = {
      seed: intOption("--seed", opts.seed, 1, BOUNDS.seed.min, BOUNDS.seed.max),
      partition: opts.partition,
      reps: intOption("--reps", opts.reps, 2000, BOUNDS.reps.min, BOUNDS.reps.max),
      k: intOption("--k", opts.k, 3, BOUNDS.k.min, BOUNDS.k.max),
      resolution: numberOption("--resolution", opts.resolution, 1, BOUNDS.resolution),
      scope: opts.scope,
      thresholds,
      gatekeepers: opts.gatekeeperPartition ? { partition: opts.gatekeeperPartition } : undefined,
    };
    if (opts.byRelation) {
      const { diagnoseByRelation } = await import("../../diagnosis/byRelation.js");
      const b = diagnoseByRelation(loaded.view, diagnoseOptions);
      let text: string;
      if (format === "json") {
        text = analysisJson("report-by-relation", loaded, viewUsed(loadOpts), {
          seed: diagnoseOptions.seed,
          relations: b.relations,
          disagreements: b.disagreements,
          columns: b.columns.map((c) => ({ relation: c.relation, ties: c.ties, verdicts: c.verdicts, thresholds: Object.fromEntries(c.diagnosis.verdicts.map((v) => [v.name, v.thresholds])) })), // keys from code
        });
      } else {
        const names = Object.keys(b.columns[0].verdicts) as (keyof (typeof b.columns)[0]["verdicts"])[];
        text = `Verdicts per relation (each relation alone, and all ${b.relations.length} pooled by summing strengths); ties read as knowledge flow source → target; seed ${diagnoseOptions.seed}\n\n`;
        text += table(["verdict", ...b.columns.map((c) => `${c.relation} (${c.ties} ties)`)], names.map((v) => [v, ...b.columns.map((c) => (c.verdicts[v].holds === true ? "holds" : c.verdicts[v].holds === false ? "does not hold" : "cannot judge"))]));
        text += b.disagreements.length ? `\nthe relations disagree on: ${b.disagreements.join(", ")} — a pooled verdict hides this\n` : "\nthe relations agree on every verdict\n";
        for (const c of b.columns) for (const v of names) if (b.disagreements.includes(v)) text += `  ${c.relation} / ${v}: ${c.verdicts[v].summary}\n`;
      }
      return emit(text, `${b.columns.length} columns; disagreements: ${b.disagreements.join(", ") || "none"}`);
    }
    const sel = loaded.rounds;
    if (sel.how === "default: the last") {
      // Several rounds and none chosen: the diagnosis of each round, then what changed.
      const text = await roundsReport(loaded, diagnoseOptions, format, viewUsed(loadOpts), reportMeta(datasetName(loaded), Boolean(opts.output), ctx.io.width));
      return emit(text, `${sel.available.length} rounds`);
    }
    const d = diagnose(loaded.view, diagnoseOptions);
    if (sel.available.length > 0) d.notes.push(`rounds: ${sel.statement}`);
    const meta = reportMeta(datasetName(loaded), Boolean(opts.output), ctx.io.width);
    const types = d.typology.types.filter((t) => t.state === "holds").map((t) => TYPE_TITLES[t.name].toLowerCase());
    const summary = (d.verdicts.filter((v) => v.holds).map((v) => v.name).join(", ") || "no verdict holds") + (types.length ? `; cluster type: ${types.join(", ")}` : "");
    // The JSON document is written as it is made (hundreds of megabytes for a national network).
    if (format === "json") return emit((write) => void analysisJson("report", loaded, viewUsed(loadOpts), { dataset: meta.dataset, ...d }, write), summary);
    return emit(renderReport(d, format, { graph: loaded.view, meta }), summary);
  });

  /** Write the report (a text, or what writes it in pieces) to --output or standard output. */
  function emit(text: string | ((write: (piece: string) => void) => void), summary: string): void {
    const opts = cmd.opts() as ReportCliOptions;
    const format = opts.json ? "json" : (opts.format ?? "text");
    const pieces = typeof text === "string" ? (write: (piece: string) => void) => write(text) : text;
    if (opts.output) {
      mkdirSync(dirname(opts.output), { recursive: true });
      const fd = openSync(opts.output, "w");
      try {
        pieces((piece) => {
          const bytes = Buffer.from(piece, "utf8");
          for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
        });
      } finally {
        closeSync(fd);
      }
      if (!opts.quiet) note(ctx, `wrote ${opts.output} (${format}; ${summary})`);
    } else pieces(ctx.io.out);
  }
}

/**
 * The report of a network with several rounds when none was chosen: each round diagnosed on its own view
 * (its ties, the actors present in it), then the change between rounds (report/waves.ts).
 */
async function roundsReport(loaded: Loaded, options: DiagnoseOptions, format: ReportFormat, view: Record<string, unknown>, meta: ReportMeta = {}): Promise<string> {
  const [{ roundsSideBySide }, { waves }, { renderReport }, { renderHtml }, { documentMarkdown, documentText, sectionsHtml, wavesSections }, { escapeHtml: esc }] = await Promise.all([
    import("../../diagnosis/roundComparison.js"),
    import("../../metrics/waves.js"),
    import("../../report/index.js"),
    import("../../report/html.js"),
    import("../../report/waves.js"),
    import("../../report/words.js"),
  ]);
  const rounds = loaded.rounds.available;
  const graph = loaded.allRounds();
  const side = roundsSideBySide(graph, { ...options, rounds });
  const w = waves(graph, { rounds });
  const statement = `rounds ${rounds.join(", ")}: each diagnosed on its own actors and ties (none pooled; --wave <round> for one round, --pool-waves to pool them)`;
  for (const d of side.diagnoses) d.notes.push(statement);
  if (format === "json") {
    return analysisJson("report-rounds", loaded, { ...view, wave: rounds, rounds: { used: rounds, pooled: false, statement } }, { dataset: meta.dataset, rounds: rounds.map((r, k) => ({ round: r, ...side.diagnoses[k] })), change: w, sideBySide: { ...side, diagnoses: undefined } });
  }
  const sections = wavesSections(w, side);
  if (format === "html") {
    // Each round's page draws that round's ties (every actor kept, so the pictures line up).
    const pages = side.diagnoses.map((d, k) => renderHtml(d, { graph: filterTies(graph, { waves: [rounds[k]] }), meta }));
    const body = (page: string) => page.slice(page.indexOf("<main>") + 6, page.lastIndexOf("</main>"));
    const change = `<h1>Change between rounds ${rounds.map(esc).join(", ")}</h1>\n${sectionsHtml(sections, w, side)}`;
    // The page's title names the dataset and its rounds (each round's section names its round).
    const title = `<title>${esc(`Cluster diagnosis — ${meta.dataset ?? "network"}, rounds ${rounds.join(", ")}`)}</title>`;
    const first = pages[0].replace(/<title>[^<]*<\/title>/, () => title);
    return first.slice(0, first.indexOf("<main>") + 6) + `\n<p class="sub">${esc(statement)}</p>\n` + pages.map(body).join("\n<hr>\n") + "\n<hr>\n" + change + first.slice(first.lastIndexOf("</main>"));
  }
  const doc = { title: `Change between rounds ${rounds.join(", ")}`, subtitle: statement, sections };
  const parts = side.diagnoses.map((d) => renderReport(d, format, { meta }));
  const change = format === "md" ? documentMarkdown(doc) : documentText(doc, meta.width);
  return parts.join("\n") + "\n" + change;
}
