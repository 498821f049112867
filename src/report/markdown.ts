/**
 * The diagnosis as Markdown (GitHub-flavoured tables), for notes, issues and reports. Renders
 * {@link reportDocument}; plots are left out (the HTML report has them). Text from the data is escaped
 * so that a label cannot break a table or start markup.
 */
import type { Diagnosis } from "../diagnosis/diagnose.js";
import { reportDocument, type Block, type Cell, type ReportMeta } from "./document.js";
import { cellText } from "./text.js";
import { VERDICT_STATE_WORDS } from "../diagnosis/verdict.js";

/** Escape Markdown-significant characters in inline text (and keep table cells on one line). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|#])/g, "\\$1").replace(/\r?\n/g, " ");
}

function tableMd(columns: string[], rows: Cell[][]): string {
  const numeric = columns.map((_c, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number" || r[i] === null));
  const head = `| ${columns.map(escapeMarkdown).join(" | ")} |`;
  const rule = `|${numeric.map((x) => (x ? " ---: " : " --- ")).join("|")}|`;
  return [head, rule, ...rows.map((r) => `| ${r.map((c) => escapeMarkdown(cellText(c))).join(" | ")} |`)].join("\n");
}

export function blockMd(b: Block): string {
  switch (b.kind) {
    case "p":
      return escapeMarkdown(b.text);
    case "list":
      return b.items.map((i) => `- ${escapeMarkdown(i)}`).join("\n");
    case "facts":
      return b.items.map(([k, v]) => `- **${escapeMarkdown(k)}**: ${escapeMarkdown(v)}`).join("\n");
    case "table":
      return (b.caption ? `*${escapeMarkdown(b.caption)}*\n\n` : "") + tableMd(b.columns, b.rows);
    case "verdict":
      return [`### ${b.verdict.state === "holds" ? "✔" : b.verdict.state === "does-not-hold" ? "✘" : "?"} ${b.title} — ${VERDICT_STATE_WORDS[b.verdict.state]}`, "", escapeMarkdown(b.verdict.summary), "", ...b.facts.map(([k, v]) => `- ${escapeMarkdown(k)}: ${escapeMarkdown(v)}`)].join("\n");
    case "plot":
      return "";
  }
}

/** Render a diagnosis as Markdown. */
export function renderMarkdown(d: Diagnosis, meta: ReportMeta = {}): string {
  const doc = reportDocument(d, meta);
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, "", escapeMarkdown(doc.subtitle), "", ...(doc.header?.length ? [doc.header.map(([k, v]) => `**${escapeMarkdown(k)}**: ${escapeMarkdown(v)}`).join(" · "), ""] : [])];
  for (const s of doc.sections) {
    out.push(`## ${escapeMarkdown(s.title)}`, "");
    for (const b of s.blocks) {
      const t = blockMd(b);
      if (t) out.push(t, "");
    }
  }
  return out.join("\n").trimEnd() + "\n";
}
