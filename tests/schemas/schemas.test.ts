/**
 * The JSON Schemas in schemas/ validate the --json output of every command on every example dataset, and
 * of a file with import warnings; the validator itself is checked on documents that break them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { COMMANDS, REFUSALS, argsFor, inputsOf } from "../../schemas/build.js";
import { validate, type Schema } from "./jsonSchema.js";

const root = new URL("../../", import.meta.url).pathname;
const schemaOf = (command: string): Schema => JSON.parse(readFileSync(join(root, "schemas", `${command}.schema.json`), "utf8"));

async function json(args: string[]): Promise<unknown> {
  let out = "";
  await main(["node", "clusterflow", ...args, "--json"], { out: (t) => (out += t), err: () => {} });
  return JSON.parse(out);
}

describe("JSON Schemas of the commands", () => {
  const seen = new Set<string>();
  const cases = Object.entries(COMMANDS).flatMap(([command, extra]) => inputsOf(command).map((d) => [command, d.split("/").pop()!, d, extra] as const));
  it.each(cases)("%s --json on %s validates", async (command, _name, input, extra) => {
    const doc = (await json([command, input, ...extra, ...(await argsFor(command, input))])) as { schema?: string; error?: string };
    // The schema of the document's kind (report-rounds for a network of several rounds; error where the command refuses the input).
    const kind = String(doc.schema ?? command).replace(/^clusterflow\//, "").replace(/@\d+$/, "");
    seen.add(`${command}:${kind}`);
    if (kind === "error") expect(doc.error).toMatch(REFUSALS[command] ?? /^$/);
    else expect(kind.startsWith(command)).toBe(true);
    expect(validate(doc, schemaOf(kind))).toEqual([]);
  });

  it("every command has a schema, and each ran above on at least one input without refusing", () => {
    for (const command of Object.keys(COMMANDS)) {
      expect(seen.has(`${command}:${command}`), command).toBe(true);
      expect(schemaOf(command).$id).toBe(`clusterflow/${command}@1`);
    }
  });

  it("an error document (bad input, usage) validates against error.schema.json", async () => {
    const s = schemaOf("error");
    const usage = await json(["qap", join(root, "datasets/jepara-furniture")]);
    expect(usage).toMatchObject({ kind: "usage" });
    expect(validate(usage, s)).toEqual([]);
    const input = await json(["info", join(root, "no-such-folder")]);
    expect(input).toMatchObject({ kind: "input" });
    expect(validate(input, s)).toEqual([]);
    expect(validate({ ...(usage as object), kind: "oops" }, s)[0]).toContain("not one of");
  });

  it("every schema states the direction once, at the top, and carries the import report", () => {
    for (const command of Object.keys(COMMANDS)) {
      const s = schemaOf(command);
      expect(s.required).toEqual(expect.arrayContaining(["direction", "import"]));
      expect(JSON.stringify(s.properties?.view ?? {})).not.toContain('"direction"');
    }
  });

  it("the validator rejects documents that break a schema", async () => {
    const doc = (await json(["centrality", join(root, "datasets/jepara-furniture")])) as Record<string, unknown>;
    const s = schemaOf("centrality");
    expect(validate({ ...doc, direction: "sideways" }, s)[0]).toContain("not one of");
    const { import: _i, ...noImport } = doc;
    expect(validate(noImport, s)[0]).toContain('required key "import"');
    const actors = (doc.actors as Record<string, unknown>[]).map(({ label: _l, ...rest }) => rest);
    expect(validate({ ...doc, actors }, s).some((e) => e.includes('"label"'))).toBe(true);
    expect(validate({ ...doc, actors: { total: 3 } }, s)[0]).toContain("object where array");
  });
});
