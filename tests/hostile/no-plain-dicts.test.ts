/**
 * Lint: no plain-object dictionary in src/ that could be keyed by data. A `{}` inherits from
 * Object.prototype, so keys such as `__proto__` or `constructor` (actor ids, relation or column names
 * from a file) are swallowed or find inherited functions. Use `dict()` (src/model/dict.ts) or a Map;
 * a line whose keys are fixed by the code says so with `// keys from code`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const PATTERNS: [string, RegExp][] = [
  ["Record<string, …> = {}", /Record<string,[^=]*>\s*=\s*\{\s*\}/],
  ["??= {}", /\?\?=\s*\{\s*\}/],
  ["Object.fromEntries", /Object\.fromEntries\(/],
  ["{ ...(x ?? {}) } copy of a dictionary", /=\s*\{\s*\.\.\.\([^)]*\?\?\s*\{\s*\}\s*\)\s*\}/],
  ["{} as Record<string, …>", /\{\s*\}\s*as\s+Record<string/],
  ["a field initialised to {}", /^\s*\w+:\s*\{\s*\},?\s*$/],
];

describe("no plain-object dictionaries keyed by data in src/", () => {
  const files = sources("src");
  it("finds the source files", () => expect(files.length).toBeGreaterThan(50));
  it("uses dict() or Map wherever keys may come from data", () => {
    const offences: string[] = [];
    for (const f of files) {
      readFileSync(f, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (line.includes("// keys from code")) return;
          for (const [what, re] of PATTERNS) if (re.test(line)) offences.push(`${f}:${i + 1}: ${what}: ${line.trim()}`);
        });
    }
    expect(offences).toEqual([]);
  });
  it("the lint catches the pattern it looks for", () => {
    expect(PATTERNS.some(([, re]) => re.test("const labels: Record<string, string> = {};"))).toBe(true);
    expect(PATTERNS.some(([, re]) => re.test("const labels: Record<string, string> = dict();"))).toBe(false);
  });
});
