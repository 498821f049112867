/**
 * The clusterflow command line: parse arguments, call the layers, print. Exit codes: 0 ok, 1 analysis
 * refused, 2 bad input or usage.
 */
import { Command, CommanderError } from "commander";
import { formatIssue, InputError } from "../io/report.js";
import { COMMANDS } from "./commands/index.js";
import { allowRoundInputs, type Context } from "./common.js";
import { AnalysisRefused, EXIT, UsageError } from "./errors.js";
import { processIo, toJson, type Io } from "./output.js";
import { showProgressOnTerminal } from "./progress.js";
import { VERSION } from "./version.js";

export function buildProgram(ctx: Context): Command {
  const program = new Command();
  program
    .name("clusterflow")
    .description("Network analysis of knowledge flows in industrial clusters: gatekeepers, fragmentation, closedness, diagnosis.")
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: ctx.io.out, writeErr: ctx.io.err });
  for (const register of COMMANDS) register(program, ctx);
  allowRoundInputs(program);
  return program;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const ctx: Context = { io, setExit: (c) => (code = Math.max(code, c)) };
  const json = argv.includes("--json");
  showProgressOnTerminal(io === processIo && !json && !argv.includes("--format=json") && !(argv.includes("--format") && argv[argv.indexOf("--format") + 1] === "json"));
  try {
    await buildProgram(ctx).parseAsync(argv);
    return code;
  } catch (e) {
    return reportError(e, io, json);
  }
}

function reportError(e: unknown, io: Io, json: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return EXIT.ok;
    return EXIT.badInput; // usage errors: commander has printed the message
  }
  if (e instanceof InputError) {
    if (json) io.out(toJson("error", { error: e.message, kind: "input", report: e.report?.toJSON() }));
    else {
      for (const issue of e.report?.failing(true) ?? []) io.err(formatIssue(issue) + "\n");
      io.err(`clusterflow: ${e.message}\n`);
    }
    return EXIT.badInput;
  }
  if (e instanceof UsageError) {
    if (json) io.out(toJson("error", { error: e.message, kind: "usage" }));
    else io.err(`clusterflow: ${e.message}\n(run with --help for usage)\n`);
    return EXIT.badInput;
  }
  if (e instanceof AnalysisRefused) {
    if (json) io.out(toJson("error", { error: e.message, kind: "refused" }));
    else io.err(`clusterflow: analysis refused: ${e.message}\n`);
    return EXIT.refused;
  }
  const message = e instanceof Error ? e.message : String(e);
  if (json) io.out(toJson("error", { error: message, kind: "internal" }));
  else {
    io.err(`clusterflow: ${message}\n`);
    if (process.env.CLUSTERFLOW_DEBUG && e instanceof Error) io.err(`${e.stack}\n`);
    else io.err("(this is a fault in clusterflow, not in your data; set CLUSTERFLOW_DEBUG=1 for details and report it)\n");
  }
  return EXIT.refused;
}
