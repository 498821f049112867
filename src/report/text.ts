/**
 * The diagnosis as plain text (a terminal, an e-mail): verdicts first, then the evidence, then the
 * options used. Renders {@link reportDocument}; plots are left out (the HTML report has them).
 */
import type { Diagnosis } from "../diagnosis/diagnose.js";
import { reportDocument, type Block, type Cell, type ReportMeta } from "./document.js";
import { num } from "./words.js";

export function cellText(c: Cell): string {
  return typeof c === "number" || typeof c === "boolean" || c === null ? num(c) : c;
}

/** Wrap a paragraph at `width` columns with an indent. */
function wrap(text: string, width = 96, indent = ""): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = indent;
  for (const w of words) {
    if (line.trim() && line.length + 1 + w.length > width) {
      lines.push(line);
      line = indent + w;
    } else line = line.trim() ? `${line} ${w}` : indent + w;
  }
  if (line.trim()) lines.push(line);
  return lines.join("\n");
}

/** `prefix` then `text` wrapped at `width`, continuation lines indented to the prefix's width. */
function hang(prefix: string, text: string, width: number): string {
  const body = wrap(text, Math.max(30, width - prefix.length), "");
  return body
    .split("\n")
    .map((l, i) => (i === 0 ? prefix : " ".repeat(prefix.length)) + l)
    .join("\n");
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
      const w = Math.min(60, Math.max(...b.items.map(([k]) => k.length)));
      return b.items.map(([k, v]) => hang(`  ${k.padEnd(w)}  `, v, W + 4)).join("\n");
    }
    case "table":
      return (b.caption ? `  ${b.caption}:\n` : "") + tableText(b.columns, b.rows);
    case "verdict": {
      const head = `  [${b.verdict.state === "holds" ? "HOLDS" : b.verdict.state === "does-not-hold" ? "no" : "cannot judge"}] ${b.title}`;
      const facts = b.facts.map(([k, v]) => wrap(`${k}: ${v}`, W, "        ")).join("\n");
      return `${head}\n${wrap(b.verdict.summary, W, "        ")}\n${facts}`;
    }
    case "plot":
      return "";
  }
}

/** Render a diagnosis as plain text. */
export function renderText(d: Diagnosis, meta: ReportMeta = {}): string {
  const doc = reportDocument(d, meta);
  const out: string[] = [doc.title, "=".repeat(doc.title.length), doc.subtitle, ...(doc.header ?? []).map(([k, v]) => `${k}: ${v}`), ""];
  for (const s of doc.sections) {
    out.push(s.title.toUpperCase(), "");
    for (const b of s.blocks) {
      const t = blockText(b, Math.max(60, Math.min(160, (meta.width ?? 100) - 4)));
      if (t) out.push(t, "");
    }
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
