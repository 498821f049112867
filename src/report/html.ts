/**
 * The diagnosis as one self-contained HTML page: inline CSS, inline SVG plots (role quadrant, block
 * density heatmap, degree distributions), no script, no external resource — it opens offline and can be
 * mailed as a single file. Every string from the data is HTML-escaped. Renders {@link reportDocument}.
 */
import type { Diagnosis } from "../diagnosis/diagnose.js";
import { reportDocument, type Block, type Cell, type ReportMeta } from "./document.js";
import type { ClusterGraph } from "../model/types.js";
import { networkSvg } from "./networkSvg.js";
import { degreesSvg, heatmapSvg, quadrantSvg } from "./svg.js";
import { cellText } from "./text.js";
import { escapeHtml as esc } from "./words.js";
import { VERDICT_STATE_WORDS } from "../diagnosis/verdict.js";

const CSS = `
:root{--ink:#1b2631;--muted:#5d6d7e;--line:#d5dbe1;--yes:#1e8449;--no:#7f8c8d;--unk:#b9770e;--bg:#fff;--panel:#f4f6f7}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1060px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.7em;margin:0 0 4px}
.sub{color:var(--muted);margin:0 0 20px}
h2{font-size:1.25em;margin:32px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
nav{margin:0 0 8px;font-size:.9em}
nav a{color:var(--muted);margin-right:12px;text-decoration:none}
nav a:hover{text-decoration:underline}
.verdicts{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:12px;margin:12px 0}
.verdict{border:1px solid var(--line);border-left:6px solid var(--no);border-radius:6px;padding:10px 14px;background:var(--panel)}
.verdict.holds{border-left-color:var(--yes);background:#eafaf1}
.verdict h3{margin:0 0 6px;font-size:1.05em}
.badge{display:inline-block;font-size:.75em;font-weight:600;padding:1px 8px;border-radius:10px;margin-right:6px;color:#fff;background:var(--no);vertical-align:2px}
.holds .badge{background:var(--yes)}
.verdict.cannot-judge{border-left-color:var(--unk);border-left-style:dashed;background:#fdf6e3}
.cannot-judge .badge{background:var(--unk)}
.verdict dl{margin:8px 0 0;font-size:.85em;color:var(--muted)}
dl.facts{display:grid;grid-template-columns:minmax(200px,max-content) 1fr;gap:2px 16px;margin:8px 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
.verdict dl.facts{grid-template-columns:minmax(160px,40%) 1fr}
table{border-collapse:collapse;margin:8px 0 16px;font-size:.9em;width:auto;max-width:100%;display:block;overflow-x:auto}
caption{text-align:left;font-weight:600;padding:4px 0;color:var(--muted)}
th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:var(--panel)}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr:nth-child(even) td{background:#fafbfc}
figure{margin:12px 0 20px}
figure.row{display:flex;flex-wrap:wrap;gap:8px}
figure.row figcaption{flex-basis:100%}
figcaption{font-size:.85em;color:var(--muted);margin-top:4px}
svg{max-width:100%;height:auto;font-family:inherit}
svg .tick{font-size:11px;fill:#5d6d7e}
svg .axis{font-size:12px;fill:#1b2631}
svg .q{font-size:11px;fill:#95a5a6;font-style:italic}
svg .pt{font-size:11px;fill:#1b2631}
svg .cell{font-size:11px}
svg.network{border:1px solid var(--line);border-radius:6px}
svg.network .pt{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
dl.header{font-size:.9em;margin:-12px 0 16px}
.key{display:inline-block;margin-right:10px;white-space:nowrap}
.key i{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px;vertical-align:0}
ul{margin:6px 0 12px;padding-left:20px}
@media print{nav{display:none}.verdicts{grid-template-columns:1fr 1fr}}
`;

function factsHtml(items: [string, string][]): string {
  return `<dl class="facts">${items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>`;
}

function tableHtml(columns: string[], rows: Cell[][], caption?: string): string {
  const numeric = columns.map((_c, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number" || r[i] === null));
  const head = `<tr>${columns.map((c) => `<th>${esc(c)}</th>`).join("")}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ""}>${esc(cellText(c))}</td>`).join("")}</tr>`).join("");
  return `<table>${caption ? `<caption>${esc(caption)}</caption>` : ""}<thead>${head}</thead><tbody>${body}</tbody></table>`;
}

export interface HtmlOptions {
  /** The network the diagnosis was made of: draws the network picture (left out without it). */
  graph?: ClusterGraph;
  meta?: ReportMeta;
}

function blockHtml(b: Block, d: Diagnosis, options: HtmlOptions = {}): string {
  switch (b.kind) {
    case "p":
      return `<p>${esc(b.text)}</p>`;
    case "list":
      return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;
    case "facts":
      return factsHtml(b.items);
    case "table":
      return tableHtml(b.columns, b.rows, b.caption);
    case "verdict":
      return `<article class="verdict ${b.verdict.state}" id="verdict-${esc(b.verdict.name)}" data-state="${b.verdict.state}"><h3><span class="badge">${VERDICT_STATE_WORDS[b.verdict.state]}</span>${esc(b.title)}</h3><p>${esc(b.verdict.summary)}</p>${factsHtml(b.facts)}</article>`;
    case "plot":
      if (b.plot === "network") return options.graph ? networkSvg(d, options.graph) : "";
      return b.plot === "quadrant" ? quadrantSvg(d) : b.plot === "heatmap" ? heatmapSvg(d) : degreesSvg(d);
  }
}

/** Render a diagnosis as a self-contained HTML page. */
export function renderHtml(d: Diagnosis, options: HtmlOptions = {}): string {
  const doc = reportDocument(d, options.meta);
  const parts: string[] = [];
  parts.push("<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  parts.push(`<title>${esc(doc.title)}</title>`, `<style>${CSS.trim()}</style>`, "</head>", "<body>", "<main>");
  parts.push(`<h1>${esc(doc.title)}</h1>`, `<p class="sub">${esc(doc.subtitle)}</p>`);
  if (doc.header?.length) parts.push(`<dl class="facts header">${doc.header.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>`);
  parts.push(`<nav>${doc.sections.map((s) => `<a href="#${esc(s.id)}">${esc(s.title)}</a>`).join("")}</nav>`);
  for (const s of doc.sections) {
    parts.push(`<section id="${esc(s.id)}">`, `<h2>${esc(s.title)}</h2>`);
    const verdicts = s.blocks.filter((b) => b.kind === "verdict");
    const rest = s.blocks.filter((b) => b.kind !== "verdict");
    // A section of verdicts opens with its first paragraph (the overview), then the verdict cards.
    const lead = verdicts.length && rest[0]?.kind === "p" ? 1 : 0;
    for (const b of rest.slice(0, lead)) parts.push(blockHtml(b, d, options));
    if (verdicts.length) parts.push(`<div class="verdicts">${verdicts.map((b) => blockHtml(b, d, options)).join("")}</div>`);
    for (const b of rest.slice(lead)) parts.push(blockHtml(b, d, options));
    parts.push("</section>");
  }
  parts.push("</main>", "</body>", "</html>");
  return parts.join("\n") + "\n";
}
