/**
 * The JSON Schemas in schemas/ validate the --json output of every command on every example dataset, and
 * of a file with import warnings; the validator itself is checked on documents that break them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { COMMANDS, COUNT_OBJECTS, REFUSALS, argsFor, generateRuns, inputsOf } from "../../schemas/build.js";
import { collectInput, viewJson } from "../../src/cli/commands/view.js";
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

  it("generate --json validates against generate.schema.json, with the format written and the direction", async () => {
    const s = schemaOf("generate");
    for (const args of generateRuns()) {
      const doc = (await json(args)) as Record<string, unknown>;
      expect(doc).toMatchObject({ schema: "clusterflow/generate@1", direction: "flow" });
      expect(validate(doc, s)).toEqual([]);
      expect(validate({ ...doc, direction: "asks" }, s)[0]).toContain("is not");
    }
  });

  it("view --json validates against view.schema.json, with the input, its format and the direction given", () => {
    const s = schemaOf("view");
    const served = collectInput(join(root, "datasets/jepara-furniture"), { direction: "asks" });
    const doc = JSON.parse(viewJson({ url: "http://127.0.0.1:5178/", port: 5178 }, served));
    expect(doc).toMatchObject({ schema: "clusterflow/view@1", input: join(root, "datasets/jepara-furniture"), format: "tidy", direction: "asks" });
    expect(validate(doc, s)).toEqual([]);
    const examples = JSON.parse(viewJson({ url: "http://127.0.0.1:5178/", port: 5178 }, undefined));
    expect(validate(examples, s)).toEqual([]);
    expect(validate({ ...doc, extra: 1 }, s)[0]).toContain("not in the schema");
  });

  it("every schema states one shape for `actors`: an array of rows with id and label, never a number", async () => {
    const files = readdirSync(join(root, "schemas")).filter((f) => f.endsWith(".schema.json"));
    const found: string[] = [];
    const walk = (x: Schema, path: string, parent: string) => {
      for (const [k, v] of Object.entries(x.properties ?? {})) {
        if (k === "actors" && !COUNT_OBJECTS.includes(parent)) {
          found.push(path);
          expect([path, v.type, v.items?.type]).toEqual([path, "array", "object"]);
          expect(v.items?.required).toEqual(expect.arrayContaining(["id", "label"]));
        }
        walk(v, `${path}.${k}`, k);
      }
      if (x.items) walk(x.items, `${path}[]`, parent);
      if (typeof x.additionalProperties === "object") walk(x.additionalProperties, `${path}.*`, parent);
    };
    for (const f of files) walk(JSON.parse(readFileSync(join(root, "schemas", f), "utf8")), f, "");
    expect(found.length).toBeGreaterThan(10);
    // fragmentation wrote `actors: 103` before: a count there now fails, and the count is actorCount.
    const doc = (await json(["fragmentation", join(root, "datasets/thai-automotive")])) as Record<string, unknown>;
    expect(typeof doc.actorCount).toBe("number");
    const s = schemaOf("fragmentation");
    expect(validate({ ...doc, actors: 103 }, s)[0]).toContain("where array");
    const report = (await json(["report", join(root, "datasets/thai-automotive"), "--reps", "20"])) as Record<string, any>;
    expect(validate({ ...report, network: { ...report.network, actors: 158 } }, schemaOf("report")).some((e) => e.includes("network.actors"))).toBe(true);
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
