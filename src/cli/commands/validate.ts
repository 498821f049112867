import type { Command } from "commander";
import { formatIssue } from "../../io/report.js";
import { cellOptions, readAny, readOptions, roundFileOption, type Context, type InputOptions } from "../common.js";
import { EXIT } from "../errors.js";
import { toJson } from "../output.js";

/** `clusterflow validate <input>` — the import report: every problem with file:line:column. */
export function registerValidate(program: Command, ctx: Context): void {
  readOptions(cellOptions(roundFileOption(program.command("validate").argument("<input>", "dataset folder or file").description("check an input and print its import report (exit 2 on errors)")))).action(
    async (input: string, opts: InputOptions) => {
      const { report, format } = await readAny(input, { ...opts, strict: undefined });
      const ok = report.ok(opts.strict ?? false);
      if (opts.json) {
        ctx.io.out(toJson("validate", { input, ok, strict: opts.strict ?? false, ...report.toJSON(), format: format.name }));
      } else {
        for (const i of report.issues) if (i.severity !== "info" || report.issues.length < 200) (i.severity === "info" ? ctx.io.out : ctx.io.out)(formatIssue(i) + "\n");
        ctx.io.out(`\n${input} (${format.name}): ${report.counts.actors} actors, ${report.counts.ties} ties; ${report.counts.rowsRead} rows read, ${report.counts.rowsDropped} dropped, ${report.counts.actorsCreated} actors created\n`);
        for (const n of report.notes) ctx.io.out(`  note: ${n}\n`);
        for (const [table, attrs] of Object.entries(report.attributes)) {
          ctx.io.out(`  ${table} attributes: ${Object.entries(attrs).map(([k, t]) => `${k} (${t})`).join(", ")}\n`);
        }
        ctx.io.out(`${report.errors.length} error(s), ${report.warnings.length} warning(s)${opts.strict ? " (--strict: warnings count as errors)" : ""}: ${ok ? "OK" : "FAILED"}\n`);
      }
      ctx.setExit(ok ? EXIT.ok : EXIT.badInput);
    },
  );
}
