/**
 * The diagnosis as plain text (a terminal, an e-mail): verdicts first, then the evidence, then the
 * options used. Renders {@link reportDocument}; plots are left out (the HTML report has them).
 */
import type { Diagnosis } from "../diagnosis/diagnose.js";
import { reportDocument, type Block, type Cell, type ReportMeta } from "./document.js";
import { num } from "./words.js";
import { hang, wrap } from "./wrap.js";

export { hang, noteText, wrap } from "./wrap.js";

export function cellText(c: Cell): string {
  return typeof c === "number" || typeof c === "boolean" || c === null ? num(c) : c;
}

function tableText(columns: string[], rows: Cell[][], indent = "  "): string {
  const cells = rows.map((r) => r.map(cellText));
  const numeric = columns.map((_c, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number" || r[i] === null));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => indent + r.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

export function blockText(b: Block, W = 96): string {
  switch (b.kind) {
    case "p":
      return wrap(b.text, W, "  ");
    case "list":
      return b.items.map((i) => hang("  - ", i, W + 4)).join("\n");
    case "facts": {
      // The key column leaves at least 30 columns for the values; a longer key is on a line of its own.
      const w = Math.min(60, Math.max(...b.items.map(([k]) => k.length)), Math.max(12, W - 34));
      return b.items.map(([k, v]) => (k.length <= w ? hang(`  ${k.padEnd(w)}  `, v, W + 4) : `${wrap(k, W + 4, "  ")}\n${hang(" ".repeat(w + 4), v, W + 4)}`)).join("\n");
    }
    case "table":
      // The caption wraps to the width; the table itself keeps its columns (it may be wider).
      return (b.caption ? `${wrap(`${b.caption}:`, W + 4, "  ")}\n` : "") + tableText(b.columns, b.rows);
    case "verdict": {
      const head = `  [${b.verdict.state === "holds" ? "HOLDS" : b.verdict.state === "does-not-hold" ? "no" : "cannot judge"}] ${b.title}`;
      const facts = b.facts.map(([k, v]) => wrap(`${k}: ${v}`, W, "        ")).join("\n");
      return `${head}\n${wrap(b.verdict.summary, W, "        ")}\n${facts}`;
    }
    case "plot":
      return "";
  }
}

/**
 * The `W` of {@link blockText} for a line width (a terminal's columns; default 100): lines are at most
 * `W + 4` columns (tables apart, which keep their columns), `W` between 60 and 160.
 */
export function textWidth(width?: number): number {
  return Math.max(60, Math.min(160, (width ?? 100) - 4));
}

/** Render a diagnosis as plain text. */
export function renderText(d: Diagnosis, meta: ReportMeta = {}): string {
  const doc = reportDocument(d, meta);
  const W = textWidth(meta.width);
  const out: string[] = [doc.title, "=".repeat(doc.title.length), wrap(doc.subtitle, W + 4), ...(doc.header ?? []).map(([k, v]) => hang(`${k}: `, v, W + 4)), ""];
  for (const s of doc.sections) {
    out.push(s.title.toUpperCase(), "");
    for (const b of s.blocks) {
      const t = blockText(b, W);
      if (t) out.push(t, "");
    }
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
