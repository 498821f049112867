/**
 * Builds schemas/<command>.schema.json: the shared head written out here (input, format, direction stated
 * once, the import report, the view, undefinedValues, actor rows with id and label), and the command's own
 * body inferred from its --json output on every example dataset (a key is required when every dataset's
 * document has it; numbers may be null, for NaN). Run `npx tsx schemas/build.ts` after changing an output
 * on purpose, and review the diff; tests/schemas/schemas.test.ts validates every command on every dataset.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../src/cli/main.js";

const root = new URL("../", import.meta.url).pathname;
export const COMMANDS: Record<string, string[]> = {
  validate: [],
  info: [],
  centrality: [],
  brokerage: [],
  holes: [],
  gatekeepers: [],
  groups: ["--reps", "100"],
  fragmentation: [],
  report: ["--reps", "100"],
};

type S = Record<string, unknown>;

const issue: S = {
  type: "object",
  required: ["severity", "code", "file", "message"],
  properties: {
    severity: { enum: ["error", "warning", "info"] },
    code: { type: "string" },
    file: { type: "string" },
    line: { type: "integer", minimum: 1 },
    column: { type: "integer", minimum: 1 },
    message: { type: "string" },
    hint: { type: "string" },
  },
  additionalProperties: false,
};

const importReport: S = {
  type: "object",
  description: "The import report: counts, notes, and every error, warning and note with its location.",
  required: ["files", "counts", "attributes", "notes", "errors", "warnings", "issues", "suppressed"],
  properties: {
    files: { type: "array", items: { type: "string" } },
    counts: { type: "object", required: ["actors", "ties", "rowsRead", "rowsDropped", "actorsCreated"], additionalProperties: { type: "integer", minimum: 0 } },
    attributes: { type: "object", additionalProperties: { type: "object", additionalProperties: { enum: ["number", "boolean", "string"] } } },
    notes: { type: "array", items: { type: "string" } },
    errors: { type: "integer", minimum: 0 },
    warnings: { type: "integer", minimum: 0 },
    issues: { type: "array", items: { $ref: "#/$defs/issue" } },
    suppressed: { type: "array", items: { type: "object", required: ["severity", "code", "count"] } },
  },
  additionalProperties: false,
};

const head = (command: string): S => ({
  schema: { const: `clusterflow/${command}@1` },
  input: { type: "string" },
  format: { type: "string" },
  direction: { enum: ["flow", "asks"], description: "how the ties were read: flow = source gives knowledge to target; asks = source asked target (stored reversed as flow)" },
  import: { $ref: "#/$defs/import" },
  view: { type: "object", properties: { relation: {}, wave: {}, tieType: {}, localOnly: { type: "boolean" } }, additionalProperties: true },
  undefinedValues: { type: "array", items: { type: "object", properties: { path: { type: "string" }, value: { enum: ["NaN", "Infinity", "-Infinity"] }, reason: { type: "string" } } } },
});

function infer(values: unknown[]): S {
  const kinds = new Set(values.map((v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v)));
  const out: S = {};
  const types = [...kinds].map((k) => (k === "number" ? "number" : k));
  if (kinds.has("number") && !kinds.has("null")) types.push("null"); // NaN is written null
  // A key seen only as null (a seed when nothing was sampled, a p-value not computed) may hold any value
  // on other data: no type is asserted for it.
  if (!(types.length === 1 && types[0] === "null")) out.type = types.length === 1 ? types[0] : types;
  const objects = values.filter((v): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v));
  if (objects.length > 0) {
    const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
    // Objects keyed by data (ids, relations, groups) get one schema for their values.
    if (keys.length > 40 || keys.some((k) => /[^A-Za-z0-9_]/.test(k))) out.additionalProperties = infer(objects.flatMap((o) => Object.values(o)));
    else {
      out.properties = Object.fromEntries(keys.map((k) => [k, infer(objects.filter((o) => k in o).map((o) => o[k]))]));
      out.required = keys.filter((k) => objects.every((o) => k in o));
    }
  }
  const arrays = values.filter(Array.isArray);
  if (arrays.length > 0) {
    const items = arrays.flat();
    if (items.length > 0) out.items = infer(items);
  }
  return out;
}

async function run(args: string[]): Promise<unknown> {
  let out = "";
  await main(["node", "clusterflow", ...args, "--json"], { out: (t) => (out += t), err: () => {} });
  return JSON.parse(out);
}

export function datasets(): string[] {
  return readdirSync(join(root, "datasets")).sort().map((d) => join(root, "datasets", d));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // One schema per document kind a command writes (report writes `report`, and `report-rounds` for a
  // network of several survey rounds), named after the document's `schema` field.
  const byKind = new Map<string, unknown[]>();
  for (const [command, extra] of Object.entries(COMMANDS)) {
    for (const d of datasets()) {
      const doc = (await run([command, d, ...extra])) as { schema?: string };
      const kind = String(doc.schema ?? command).replace(/^clusterflow\//, "").replace(/@\d+$/, "");
      byKind.set(kind, [...(byKind.get(kind) ?? []), doc]);
    }
  }
  for (const [command, docs] of byKind) {
    const body = infer(docs) as { properties: S; required: string[] };
    const h = head(command);
    for (const k of Object.keys(h)) delete body.properties[k];
    const schema: S = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: `clusterflow/${command}@1`,
      title: `clusterflow ${command} --json`,
      type: "object",
      required: [...new Set(["schema", "input", "format", "direction", "import", ...(command === "validate" ? [] : ["view"]), ...body.required.filter((k) => !(k in h))])],
      properties: { ...h, ...body.properties },
      $defs: { import: importReport, issue },
    };
    const props = schema.properties as S;
    const actors = props.actors as { items?: { required?: string[]; properties?: S } } | undefined;
    if (actors?.items) {
      actors.items.required = [...new Set(["id", "label", ...(actors.items.required ?? [])])];
      (actors as S).description = "one row per actor, always with id and label";
    }
    writeFileSync(join(root, "schemas", `${command}.schema.json`), JSON.stringify(schema, null, 2) + "\n");
    console.log(`schemas/${command}.schema.json`);
  }
}
