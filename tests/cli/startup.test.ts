/**
 * Each command loads only the modules it needs: registering the 16 commands loads no metric, diagnosis or
 * report module, and the light commands (brokerage, centrality, info, validate) never load the diagnosis,
 * the report renderers or MRQAP. Checked on a real process — `clusterflow <command>` from the sources
 * through tsx, with a module hook (tests/cli/moduleTrace.mjs) listing every module it loads.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const input = join(root, "datasets/jepara-furniture");

/** Run `clusterflow …args` and return its exit code, stdout and the source modules it loaded (paths under src/). */
function modulesLoaded(...args: string[]): { code: number | null; out: string; modules: string[] } {
  const trace = join(mkdtempSync(join(tmpdir(), "cf-trace-")), "modules.txt");
  const r = spawnSync(process.execPath, ["--import", "tsx", "--import", join(root, "tests/cli/moduleTrace.mjs"), join(root, "src/cli/bin.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CLUSTERFLOW_MODULE_TRACE: trace, NODE_OPTIONS: "" },
  });
  const urls = readFileSync(trace, "utf8").split("\n").filter(Boolean);
  const src = `file://${join(root, "src")}/`;
  const modules = [...new Set(urls.filter((u) => u.startsWith(src)).map((u) => u.slice(src.length).replace(/\?.*$/, "")))].sort();
  return { code: r.status, out: r.stdout, modules };
}

/**
 * The constants that options name at registration, each in a module of its own (no imports), and the text
 * wrapping every command's notes use (report/wrap.ts, no imports either).
 */
const REGISTRATION_CONSTANTS = ["diagnosis/indicators.ts", "diagnosis/thresholds.ts", "metrics/nullHypotheses.ts", "report/formats.ts", "report/wrap.ts"];
const heavy = (m: string) => (m.startsWith("diagnosis/") || m.startsWith("report/") || m === "metrics/mrqap.ts") && !REGISTRATION_CONSTANTS.includes(m);

describe("module loading per command", () => {
  it("the trace sees the modules a command loads (report loads the diagnosis and its renderers)", () => {
    const r = modulesLoaded("report", input, "--json", "--reps", "10");
    expect(r.code).toBe(0);
    expect(r.modules).toContain("diagnosis/diagnose.ts");
    expect(r.modules).toContain("report/index.ts");
    expect(r.modules).toContain("cli/commands/report.ts");
  });

  it("--help loads every command's registration but no metric, diagnosis or report module", () => {
    const r = modulesLoaded("--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("brokerage [options] [input]");
    expect(r.modules).toContain("cli/commands/report.ts");
    // Constants the options name come from small modules of their own.
    expect(r.modules.filter((m) => m.startsWith("metrics/") || m.startsWith("report/") || m.startsWith("diagnosis/"))).toEqual(REGISTRATION_CONSTANTS);
  });

  it.each([
    ["brokerage", "metrics/brokerage.ts"],
    ["centrality", "metrics/centrality.ts"],
    ["info", "metrics/overview.ts"],
    ["validate", "io/load.ts"],
  ])("%s loads %s and neither the diagnosis, the report nor MRQAP", (command, needed) => {
    const r = modulesLoaded(command, input, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toBeTypeOf("object");
    expect(r.modules).toContain(needed);
    expect(r.modules.filter(heavy)).toEqual([]);
  });
});
