import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { Command } from "commander";
import { Option } from "commander";
import { diagnose, DEFAULT_THRESHOLDS, type DiagnosisThresholds } from "../../diagnosis/diagnose.js";
import { renderReport, REPORT_FORMATS, type ReportFormat } from "../../report/index.js";
import { renderJson } from "../../report/json.js";
import { intOption, load, numberOption, viewOptions, viewUsed, type Context, type InputOptions } from "../common.js";
import { UsageError } from "../errors.js";

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

const VERSION = String((JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }).version);

/** The report's date: SOURCE_DATE_EPOCH (seconds) when set, for reproducible files, else today (UTC). */
function reportDate(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const t = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return t.toISOString().slice(0, 10);
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
    .option("--reps <n>", "label permutations of the E-I test", "2000")
    .option("--k <n>", "number of critical actors (key players)", "3")
    .option("--resolution <x>", "Louvain resolution", "1")
    .addOption(new Option("--scope <scope>", "actors for groups and fragmentation: local (inside the cluster) or all").choices(["local", "all"]).default("local"))
    .option("--gatekeeper-partition <attribute>", "partition for the gatekeeper ranking (default inCluster)")
    .option("--threshold <name=value>", `override a verdict threshold (repeatable): ${Object.keys(DEFAULT_THRESHOLDS).join(", ")}`, collect);
  viewOptions(cmd).action(async (input: string, opts: ReportCliOptions & { format?: string }) => {
    const format = (opts.json ? "json" : (opts.format ?? "text")) as ReportFormat;
    const thresholds = thresholdsOf(opts.threshold);
    const { view } = await load(input, { ...opts, format: opts.inputFormat, json: format === "json" }, ctx);
    const d = diagnose(view, {
      seed: intOption("--seed", opts.seed, 1),
      partition: opts.partition,
      reps: intOption("--reps", opts.reps, 2000),
      k: intOption("--k", opts.k, 3),
      resolution: numberOption("--resolution", opts.resolution, 1),
      scope: opts.scope,
      thresholds,
      gatekeepers: opts.gatekeeperPartition ? { partition: opts.gatekeeperPartition } : undefined,
    });
    const meta = { dataset: String(view.getAttribute("name") ?? basename(input.replace(/[\\/]+$/, ""))), date: reportDate(), version: VERSION, width: !opts.output && process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : undefined };
    const text = format === "json" ? renderJson(d, { input, view: viewUsed(opts) }) : renderReport(d, format, { graph: view, meta });
    if (opts.output) {
      mkdirSync(dirname(opts.output), { recursive: true });
      writeFileSync(opts.output, text);
      if (!opts.quiet) ctx.io.err(`wrote ${opts.output} (${format}; ${d.verdicts.filter((v) => v.holds).map((v) => v.name).join(", ") || "no verdict holds"})\n`);
    } else ctx.io.out(text);
  });
}
