/**
 * Builds schemas/<command>.schema.json: the shared head written out here (input, format, direction stated
 * once, the import report, the view, undefinedValues, actor rows with id and label), and the command's own
 * body inferred from its --json output on every example dataset (a key is required when every dataset's
 * document has it; numbers may be null, for NaN). Run `npx tsx schemas/build.ts` after changing an output
 * on purpose, and review the diff; tests/schemas/schemas.test.ts validates every command on every dataset.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main.js";
import { readInput } from "../src/io/load.js";

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
  convert: [],
  layers: [],
  waves: ["--reps", "20"],
  qap: ["--reps", "50"],
  profile: ["--reps", "50"],
};

/** Inputs besides the example datasets that a command is also run on (waves: the datasets have few rounds). */
export const EXTRA_INPUTS: Record<string, string[]> = {
  waves: [join(root, "tests/fixtures/io/peer-hostile")],
};

/**
 * Commands that refuse some example datasets, and the refusal's message: that document is validated against
 * error.schema.json instead (waves on a network without survey rounds).
 */
export const REFUSALS: Record<string, RegExp> = {
  waves: /has no survey rounds/,
};

/**
 * The arguments a command takes on one input beyond {@link COMMANDS}: convert writes GraphML into a
 * temporary folder; qap explains the input's most frequent relation by its second one (when there is one)
 * and same:kind; profile profiles by kind.
 */
export async function argsFor(command: string, input: string): Promise<string[]> {
  const name = input.split("/").pop()!;
  if (command === "convert") {
    const dir = join(tmpdir(), "cf-schema-convert");
    mkdirSync(dir, { recursive: true });
    return ["-o", join(dir, `${name}.graphml`)];
  }
  if (command === "profile") return ["--by", "kind"];
  if (command !== "qap") return [];
  const { graph } = await readInput(input);
  const counts = new Map<string, number>();
  graph.forEachEdge((_e, a) => counts.set(a.relation, (counts.get(a.relation) ?? 0) + 1));
  const relations = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r]) => r);
  return ["--y", relations[0], ...(relations[1] ? ["--x", relations[1]] : []), "--x", "same:kind"];
}

/** The inputs a command is validated on: every example dataset and its extra inputs. */
export function inputsOf(command: string): string[] {
  return [...datasets(), ...(EXTRA_INPUTS[command] ?? [])];
}

/** The schema of the error document every command writes with --json when it refuses its input or usage. */
export const ERROR_SCHEMA: S = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "clusterflow/error@1",
  title: "clusterflow <command> --json when the command stops (bad input, usage, analysis refused)",
  type: "object",
  required: ["schema", "error", "kind"],
  properties: {
    schema: { const: "clusterflow/error@1" },
    error: { type: "string" },
    kind: { enum: ["input", "usage", "refused", "internal"] },
    import: { $ref: "#/$defs/import" },
  },
  additionalProperties: false,
};

type S = Record<string, unknown>;

/** What `actors` is in every document: the array of actor rows, each with id and label (a count of actors is `actorCount`). */
export const ACTOR_ROWS_DESCRIPTION = "one row per actor, always with id and label; a number of actors is never here (it is actorCount)";

/**
 * Objects whose every value is a count (or, in `spec`, generate's requested size) named by what it counts:
 * `counts` (the import report, convert), `sizes` and `spec` (generate's manifest). Their `actors` is a number.
 */
export const COUNT_OBJECTS = ["counts", "sizes", "spec"];

const actorRows = (items: S = {}): S => ({
  type: "array",
  description: ACTOR_ROWS_DESCRIPTION,
  items: { ...items, type: "object", required: [...new Set(["id", "label", ...((items.required as string[] | undefined) ?? [])])] },
});

/**
 * Every property `actors` in a schema states the one shape: an array of objects with id and label, so a
 * number there fails. The document itself and every object that counts its actors (`actorCount`) declare
 * `actors` with that shape even where the command lists no rows, so `actors: 103` fails there too. Count
 * objects ({@link COUNT_OBJECTS}) are left as they are.
 */
export function actorRowsEverywhere(schema: S, parent = "", top = true): void {
  const props = schema.properties as Record<string, S> | undefined;
  if (!props || COUNT_OBJECTS.includes(parent)) return;
  if (props.actors) props.actors = actorRows((props.actors.items ?? {}) as S);
  else if (top || "actorCount" in props) props.actors = actorRows();
  for (const [k, v] of Object.entries(props)) {
    if (k === "actors") continue;
    actorRowsEverywhere(v, k, false);
    if (v.items && typeof v.items === "object") actorRowsEverywhere(v.items as S, k, false);
    if (v.additionalProperties && typeof v.additionalProperties === "object") actorRowsEverywhere(v.additionalProperties as S, k, false);
  }
  const items = props.actors?.items as S | undefined;
  if (items) actorRowsEverywhere(items, "actors", false);
}

/** The arguments of the generate runs its schema is inferred from (a tidy folder, and one GraphML file with rounds). */
export function generateRuns(): string[][] {
  const dir = join(tmpdir(), "cf-schema-generate");
  mkdirSync(dir, { recursive: true });
  return [
    ["generate", join(dir, "tidy"), "--actors", "60", "--groups", "3", "--seed", "3"],
    ["generate", join(dir, "net.graphml"), "--actors", "40", "--groups", "2", "--waves", "2", "--seed", "4"],
  ];
}

/** `generate --json`: no input read, so no import report or view; the format written and the direction of its ties. */
const GENERATE_HEAD: S = {
  schema: { const: "clusterflow/generate@1" },
  output: { type: "string" },
  format: { type: "string" },
  direction: { const: "flow", description: "generated ties are knowledge flows: source gives knowledge to target" },
  written: { type: "array", items: { type: "string" } },
};

/** `view --json` (written by hand: the command serves until stopped, so it is not run here). */
export const VIEW_SCHEMA: S = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "clusterflow/view@1",
  title: "clusterflow view --json",
  type: "object",
  required: ["schema", "url", "port", "input", "format", "direction", "files"],
  properties: {
    schema: { const: "clusterflow/view@1" },
    url: { type: "string" },
    port: { type: "integer", minimum: 0 },
    input: { type: ["string", "null"], description: "the input served, null for the bundled examples" },
    format: { type: ["string", "null"] },
    direction: { enum: ["flow", "asks", null], description: "as given with --direction; null: the page reads it from the dataset (default flow). The page imports the files itself, so there is no import report here" },
    files: { type: "array", items: { type: "string" } },
  },
  additionalProperties: false,
};

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
    for (const d of inputsOf(command)) {
      const doc = (await run([command, d, ...extra, ...(await argsFor(command, d))])) as { schema?: string };
      const kind = String(doc.schema ?? command).replace(/^clusterflow\//, "").replace(/@\d+$/, "");
      if (kind === "error") continue; // error.schema.json is written out below
      byKind.set(kind, [...(byKind.get(kind) ?? []), doc]);
    }
  }
  for (const args of generateRuns()) byKind.set("generate", [...(byKind.get("generate") ?? []), await run(args)]);
  writeFileSync(join(root, "schemas", "view.schema.json"), JSON.stringify(VIEW_SCHEMA, null, 2) + "\n");
  console.log("schemas/view.schema.json");
  writeFileSync(join(root, "schemas", "error.schema.json"), JSON.stringify({ ...ERROR_SCHEMA, $defs: { import: importReport, issue } }, null, 2) + "\n");
  console.log("schemas/error.schema.json");
  for (const [command, docs] of byKind) {
    const body = infer(docs) as { properties: S; required: string[] };
    const generate = command === "generate";
    const h = generate ? GENERATE_HEAD : head(command);
    for (const k of Object.keys(h)) delete body.properties[k];
    const headRequired = generate ? Object.keys(GENERATE_HEAD) : ["schema", "input", "format", "direction", "import", ...(command === "validate" ? [] : ["view"])];
    const schema: S = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: `clusterflow/${command}@1`,
      title: `clusterflow ${command} --json`,
      type: "object",
      required: [...new Set([...headRequired, ...body.required.filter((k) => !(k in h))])],
      properties: { ...h, ...body.properties },
      ...(generate ? {} : { $defs: { import: importReport, issue } }),
    };
    actorRowsEverywhere(schema);
    writeFileSync(join(root, "schemas", `${command}.schema.json`), JSON.stringify(schema, null, 2) + "\n");
    console.log(`schemas/${command}.schema.json`);
  }
}
