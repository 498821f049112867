/**
 * `toJson` writes the document as it walks it. Its text must be exactly `JSON.stringify(doc, null, 2)` of
 * the cleaned document (NaN and ±Infinity as null, listed under `undefinedValues`), which the reference
 * below builds the plain way: a cleaned copy, then JSON.stringify.
 */
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/model/random.js";
import { toJson } from "../../src/cli/output.js";
import { diagnose } from "../../src/diagnosis/diagnose.js";
import { loadInput } from "../../src/io/load.js";

function reference(schema: string, body: object): string {
  const undefinedValues: { path: string; value: string; reason: string }[] = [];
  let more = 0;
  const path: string[] = [];
  const walk = (v: unknown): unknown => {
    if (typeof v === "number" && !Number.isFinite(v)) {
      if (undefinedValues.length < 200) {
        const value = Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        undefinedValues.push({ path: path.join("."), value, reason: value === "NaN" ? "undefined for these data (0/0, or no variance)" : "unbounded (no path, or division by zero)" });
      } else more++;
      return null;
    }
    if (Array.isArray(v)) return v.map((x, i) => (path.push(String(i)), (x = walk(x)), path.pop(), x));
    if (v !== null && typeof v === "object" && !(v instanceof Date)) {
      if (typeof (v as { toJSON?: unknown }).toJSON === "function") return walk((v as { toJSON(): unknown }).toJSON());
      const out: Record<string, unknown> = Object.create(null);
      for (const [k, x] of Object.entries(v)) {
        if (x === undefined) continue;
        path.push(k);
        out[k] = walk(x);
        path.pop();
      }
      return out;
    }
    return v;
  };
  const doc = walk({ schema: `clusterflow/${schema}@1`, ...body }) as Record<string, unknown>;
  if (undefinedValues.length > 0) doc.undefinedValues = more > 0 ? [...undefinedValues, { more }] : undefinedValues;
  return JSON.stringify(doc, null, 2) + "\n";
}

/** A random document with every kind of value the writer meets. */
function randomValue(rnd: () => number, depth: number): unknown {
  const u = rnd();
  if (depth > 3 || u < 0.35) {
    const leaves = [0, -0, 1.5, -2e-7, 1e21, NaN, Infinity, -Infinity, "text", 'quo"te\n\u2028', "", true, false, null, undefined, () => 1, new Date(0), new Float64Array([1, NaN])];
    return leaves[Math.floor(rnd() * leaves.length)];
  }
  if (u < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => randomValue(rnd, depth + 1));
  if (u < 0.65) {
    const wrapped = randomValue(rnd, depth + 1);
    return rnd() < 0.2 ? { toJSON: () => undefined } : { toJSON: () => ({ wrapped }) };
  }
  const o: Record<string, unknown> = {};
  for (let k = Math.floor(rnd() * 4); k > 0; k--) o[["a", "b c", "__proto__x", "ü", "1"][Math.floor(rnd() * 5)] + k] = randomValue(rnd, depth + 1);
  return o;
}

describe("toJson writes what JSON.stringify of the cleaned document writes", () => {
  it("on random documents", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = mulberry32(seed);
      const body = { a: randomValue(rnd, 0), b: randomValue(rnd, 0), c: [randomValue(rnd, 1)] };
      expect(toJson("x", body)).toBe(reference("x", body));
    }
  });

  it("on a large table: parts written whole, parts split, a NaN deep in one row", () => {
    const rnd = mulberry32(7);
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `a${i}`, x: rnd(), nested: { y: [rnd(), i % 997 === 5 ? NaN : i, "s\n"], z: i % 1500 === 3 ? { toJSON: () => [i] } : null } }));
    const body = { rows, small: { a: [1, 2, { b: 3 }] }, wide: Object.fromEntries(rows.slice(0, 2000).map((r) => [r.id, r.x])) };
    expect(toJson("x", body)).toBe(reference("x", body));
  });

  it("on a large table with an undefined value in every row (the first 200 listed, the others counted)", () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `a${i}`, z: { a: i, b: i % 3 ? NaN : -Infinity }, w: [i, Infinity] }));
    const body = { rows };
    const text = toJson("x", body);
    expect(text).toBe(reference("x", body));
    expect(JSON.parse(text).undefinedValues.at(-1)).toEqual({ more: 6000 - 200 });
  });

  it("with more than 200 undefined values", () => {
    const body = { values: Array.from({ length: 250 }, (_, i) => (i % 2 ? NaN : Infinity)) };
    const text = toJson("x", body);
    expect(text).toBe(reference("x", body));
    expect(JSON.parse(text).undefinedValues.at(-1)).toEqual({ more: 50 });
  });

  it("on a whole diagnosis", async () => {
    const { graph } = await loadInput(new URL("../../datasets/jepara-furniture", import.meta.url).pathname);
    const d = diagnose(graph, { seed: 1, reps: 99 });
    expect(toJson("report", d)).toBe(reference("report", d));
  });
});

describe("standard output in slices", () => {
  it("writes a long text whole, never splitting a surrogate pair", async () => {
    const { processIo } = await import("../../src/cli/output.js");
    const { vi } = await import("vitest");
    const text = "a".repeat((1 << 22) - 1) + "\u{1F600}" + "é".repeat(5_000_000) + "\u{1F600}";
    const parts: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string) => (parts.push(chunk), true)) as never);
    try {
      processIo.out(text);
    } finally {
      spy.mockRestore();
    }
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join("")).toBe(text);
    for (const p of parts) expect(Buffer.from(p, "utf8").toString("utf8")).toBe(p);
  });
});

describe("labelActorRows", () => {
  it("adds label after id in actor rows at any depth, keeps unchanged parts as they are, and is safe with keys from data", async () => {
    const { labelActorRows } = await import("../../src/cli/output.js");
    const view = { hasNode: (id: string) => id === "a" || id === "__proto__", getNodeAttribute: (id: string) => (id === "a" ? "Actor A" : "Proto"), getAttribute: () => "flow" };
    const keyed = JSON.parse('{"__proto__": {"id": "a", "x": 1}, "b": 2}');
    const untouched = { n: [1, 2, 3] };
    const body = { top: [{ id: "a", score: 1 }], deep: { rows: [{ id: "nobody" }, { id: "__proto__" }] }, keyed, untouched, typed: new Float64Array([1]) };
    const out = labelActorRows(body, [view]) as any;
    expect(Object.keys(out.top[0])).toEqual(["id", "label", "score"]);
    expect(out.top[0].label).toBe("Actor A");
    expect(out.deep.rows[0]).toBe(body.deep.rows[0]);
    expect(out.deep.rows[1].label).toBe("Proto");
    expect(Object.keys(out.keyed)).toEqual(["__proto__", "b"]);
    expect(out.keyed["__proto__"]).toEqual({ id: "a", label: "Actor A", x: 1 });
    // The key __proto__ was walked as data: no object in the process inherits its id.
    expect(({} as Record<string, unknown>).id).toBeUndefined();
    expect(out.untouched).toBe(untouched);
    expect(out.typed).toBe(body.typed);
  });
});
