/**
 * A small JSON Schema (draft 2020-12 subset) validator for the command schemas in schemas/: `type` (one or
 * a list), `properties`, `required`, `additionalProperties: false`, `items`, `enum`, `const`, `minimum`,
 * `anyOf` and local `$ref` (`#/$defs/…`). Returns every violation with its path.
 */
export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  anyOf?: Schema[];
  $ref?: string;
  $defs?: Record<string, Schema>;
  [k: string]: unknown;
};

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

export function validate(value: unknown, schema: Schema, root: Schema = schema, path = "$"): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, "");
    const target = root.$defs?.[name];
    if (!target) return [`${path}: unknown $ref ${schema.$ref}`];
    return validate(value, target, root, path);
  }
  const errors: string[] = [];
  if (schema.anyOf) {
    const results = schema.anyOf.map((s) => validate(value, s, root, path));
    if (results.every((r) => r.length > 0)) errors.push(`${path}: matches none of anyOf (${results.map((r) => r[0]).join(" | ")})`);
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const t = typeOf(value);
    if (!types.includes(t) && !(t === "integer" && types.includes("number"))) return [...errors, `${path}: ${t} where ${types.join(" or ")} was expected`];
  }
  if (schema.enum && !schema.enum.some((e) => e === value)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (schema.const !== undefined && schema.const !== value) errors.push(`${path}: ${JSON.stringify(value)} is not ${JSON.stringify(schema.const)}`);
  if (schema.minimum !== undefined && typeof value === "number" && value < schema.minimum) errors.push(`${path}: ${value} < ${schema.minimum}`);
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    for (const k of schema.required ?? []) if (!(k in o)) errors.push(`${path}: required key "${k}" is missing`);
    for (const [k, v] of Object.entries(o)) {
      const sub = schema.properties?.[k];
      if (sub) errors.push(...validate(v, sub, root, `${path}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: key "${k}" is not in the schema`);
      else if (typeof schema.additionalProperties === "object") errors.push(...validate(v, schema.additionalProperties, root, `${path}.${k}`));
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((x, i) => errors.push(...validate(x, schema.items!, root, `${path}[${i}]`)));
  return errors;
}
