/** The id index against a Map, on ids of every length, hostile names and non-ASCII text. */
import { describe, expect, it } from "vitest";
import { IdIndex } from "../../src/model/idIndex.js";

describe("IdIndex", () => {
  it("finds exactly the ids a Map finds, from whole strings and from ranges of a text", () => {
    const ids: string[] = ["__proto__", "constructor", "toString", "", "a", "ab", "Zoë", "東京", "\u{1F600}x", "x".repeat(8), "x".repeat(9), "y".repeat(200)];
    for (let i = 0; i < 5000; i++) ids.push(`n${i.toString(36)}${i % 7 === 0 ? "é" : ""}`);
    const index = new IdIndex(4);
    const map = new Map<string, number>();
    ids.forEach((id, i) => {
      index.add(id, i);
      map.set(id, i);
    });
    expect(index.size).toBe(ids.length);
    for (const id of ids) expect(index.get(id)).toBe(map.get(id));
    const text = `|${ids.join("|")}|`;
    let from = 1;
    for (const id of ids) {
      expect(index.getRange(text, from, from + id.length)).toBe(map.get(id));
      from += id.length + 1;
    }
    // Near misses: a prefix, an extension, another case, a changed last code unit.
    for (const miss of ["__proto_", "constructorX", "TOSTRING", "x".repeat(10), "y".repeat(199) + "z", "Zoe", "a0 ", "東"]) {
      expect(map.has(miss)).toBe(false);
      expect(index.get(miss)).toBe(-1);
      expect(index.has(miss)).toBe(false);
    }
  });
});
