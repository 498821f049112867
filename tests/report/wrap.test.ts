/** Wrapping for the terminal: paragraphs and notes at a width, a note's own lines kept. */
import { describe, expect, it } from "vitest";
import { noteText, wrap } from "../../src/report/wrap.js";

describe("noteText", () => {
  it("wraps each line of a note on its own: a warning's hint keeps its line and its indent", () => {
    const warning = `ties.csv:3:4: warning: ${"a long message ".repeat(8).trim()}\n    → ${"a hint that is long ".repeat(5).trim()}`;
    const out = noteText(warning, 60);
    const lines = out.trimEnd().split("\n");
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    const hint = lines.findIndex((l) => l.startsWith("    → "));
    expect(hint).toBeGreaterThan(0);
    // The message's words all come before the hint's line; the hint's continuation lines are indented under it.
    expect(lines.slice(0, hint).join(" ")).not.toContain("hint");
    expect(lines.slice(hint + 1).every((l) => l.startsWith("      "))).toBe(true);
    expect(out.replace(/\s+/g, " ").trim()).toBe(warning.replace(/\s+/g, " ").trim());
  });

  it("leaves a note whole without a width, and short lines as they are", () => {
    const text = "x ".repeat(100).trim();
    expect(noteText(text)).toBe(text + "\n");
    expect(noteText("short\n    → hint", 80)).toBe("short\n    → hint\n");
    expect(wrap("a b c", 3)).toBe("a b\nc");
  });
});
