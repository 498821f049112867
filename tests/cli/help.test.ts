/**
 * The `--help` of the program and of every command is byte-identical to tests/fixtures/cli-help (captured
 * before the commands loaded their analysis modules lazily): registering a command must not depend on the
 * modules its action loads. `CLUSTERFLOW_UPDATE_HELP=1` rewrites the fixtures after an intended change.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProgram, main } from "../../src/cli/main.js";

const fixtures = new URL("../fixtures/cli-help/", import.meta.url);
const update = process.env.CLUSTERFLOW_UPDATE_HELP === "1";

async function help(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["node", "clusterflow", ...args, "--help"], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const commands = buildProgram({ io: { out: () => {}, err: () => {} }, setExit: () => {} }).commands.map((c) => c.name());

// The fixtures were printed to a pipe, where commander wraps at 80 columns; a terminal would wrap wider.
let wasTty: boolean | undefined;
beforeAll(() => {
  wasTty = process.stdout.isTTY;
  process.stdout.isTTY = false;
});
afterAll(() => {
  process.stdout.isTTY = wasTty as boolean;
});

describe("--help", () => {
  it("has a fixture for every command and a command for every fixture", () => {
    const files = readdirSync(fixtures).filter((f) => f.endsWith(".txt")).map((f) => f.slice(0, -4)).sort();
    if (!update) expect(files).toEqual(["program", ...commands].sort());
    expect(commands.length).toBeGreaterThanOrEqual(16);
  });

  it.each(["program", ...commands])("%s --help is unchanged", async (name) => {
    const { code, out, err } = await help(...(name === "program" ? [] : [name]));
    expect(code).toBe(0);
    expect(err).toBe("");
    const file = new URL(`${name}.txt`, fixtures);
    if (update) writeFileSync(file, out);
    expect(out).toBe(readFileSync(file, "utf8"));
  });
});
