/**
 * The change between survey rounds as a document (sections of tables and lists) and its text, markdown and
 * HTML renderings — the `waves` command's output and the change section of a multi-round `report`. Figures
 * come from metrics/waves.ts and diagnosis/roundComparison.ts; nothing is computed here.
 */
import type { WavesResult } from "../metrics/waves.js";
import type { RoundsSideBySide } from "../diagnosis/roundComparison.js";
import { COGNITIVE_ROLE_LABELS } from "../diagnosis/roles.js";
import type { Block, Cell, ReportDocument, Section } from "./document.js";
import { verdictTitle } from "./document.js";
import { blockText, textWidth } from "./text.js";
import { wrap } from "./wrap.js";
import { blockMd, escapeMarkdown } from "./markdown.js";
import { escapeHtml as esc } from "./words.js";
import { cellText } from "./text.js";

const ratio = (x: number): Cell => (Number.isFinite(x) ? Number(x.toFixed(4)) : null);

export interface WavesDocumentOptions {
  /** Input name and view statement for the subtitle. */
  input?: string;
  /** Actors listed in the per-actor change table (largest change first; default 15). */
  actorRows?: number;
  /** Actors listed in the side-by-side gatekeeper table (default 12). */
  gatekeeperRows?: number;
}

/** The sections describing change between rounds (used by `waves` and by `report` on several rounds). */
export function wavesSections(w: WavesResult, side: RoundsSideBySide | undefined, options: WavesDocumentOptions = {}): Section[] {
  const sections: Section[] = [];
  const presence: Block[] = [
    {
      kind: "table",
      columns: ["round", "actors present", "presence from"],
      rows: w.presence.byRound.map((p) => [p.round, p.actorCount, p.source]),
    },
  ];
  for (const c of w.presence.changes) {
    presence.push({
      kind: "list",
      items: [
        `${c.from} → ${c.to}: ${c.entering.length} entering${c.entering.length ? ` (${c.entering.join(", ")})` : ""}, ${c.leaving.length} leaving${c.leaving.length ? ` (${c.leaving.join(", ")})` : ""}`,
      ],
    });
  }
  if (w.presence.byRound.some((p) => p.source === "no presence data")) {
    presence.push({ kind: "p", text: "No presence data for some rounds: every actor is taken as present in them. Give a presence table (--attributes presence.csv with columns id;present_<round>) when actors entered or left." });
  }
  sections.push({ id: "presence", title: "Actors present in each round", blocks: presence });
  for (const rel of w.relations) {
    const blocks: Block[] = [];
    blocks.push({
      kind: "table",
      caption: "per round (RSiena's descriptive figures; absent actors left out)",
      columns: ["round", "actors", "ties", "mutual dyads", "reciprocated ties", "average degree", "density", "missing fraction", "transitive triplets", "3-cycles"],
      rows: rel.rounds.map((r) => [r.round, r.actorCount, r.ties, r.mutualDyads, r.reciprocatedTies, ratio(r.averageDegree), ratio(r.density), ratio(r.missingFraction), r.transitiveTriplets, r.threeCycles]),
    });
    if (rel.changes.length > 0) {
      blocks.push({
        kind: "table",
        caption: "tie changes between consecutive rounds (actors present in both; cells missing in either left out)",
        columns: ["rounds", "actors", "0→0", "0→1", "1→0", "1→1", "missing", "Hamming distance", "Jaccard index"],
        rows: rel.changes.map((c) => [`${c.table.from} → ${c.table.to}`, c.table.actorCount, c.table.n00, c.table.n01, c.table.n10, c.table.n11, c.table.missing, c.table.hamming, ratio(c.table.jaccard)]),
      });
      for (const c of rel.changes) {
        blocks.push({
          kind: "table",
          caption: `persistence and creation by dyad property in ${c.table.from} (${c.table.from} → ${c.table.to})`,
          columns: ["property", "value", "ties", "kept", "persistence", "non-ties", "created", "creation"],
          rows: c.rates.map((r) => [r.property, r.value, r.ties, r.kept, ratio(r.persistence), r.nonTies, r.created, ratio(r.creation)]),
        });
        const moved = [...c.actors]
          .map((a) => ({ a, total: a.createdOut + a.createdIn + a.dissolvedOut + a.dissolvedIn }))
          .filter((x) => x.total > 0)
          .sort((x, y) => y.total - x.total || (x.a.id < y.a.id ? -1 : 1))
          .slice(0, options.actorRows ?? 15);
        if (moved.length) {
          blocks.push({
            kind: "table",
            caption: `actors with most change ${c.table.from} → ${c.table.to} (created / dissolved / kept; out = as source, in = as target)`,
            columns: ["actor", "created out", "created in", "dissolved out", "dissolved in", "kept out", "kept in"],
            rows: moved.map(({ a }) => [a.id, a.createdOut, a.createdIn, a.dissolvedOut, a.dissolvedIn, a.keptOut, a.keptIn]),
          });
        }
      }
    }
    sections.push({ id: `relation-${rel.relation.replace(/\W+/g, "-")}`, title: `Relation: ${rel.relation}`, blocks });
  }
  if (side) {
    const blocks: Block[] = [];
    blocks.push({
      kind: "table",
      caption: "verdicts per round (each round diagnosed on its own actors and ties)",
      columns: ["verdict", ...side.rounds],
      rows: side.verdicts.map((v) => [verdictTitle({ name: v.name } as never), ...v.holds.map((h) => (h === true ? "holds" : h === false ? "does not hold" : "cannot judge"))]),
    });
    const top = options.gatekeeperRows ?? 12;
    const shown = side.actors
      .filter((a) => a.rounds.some((r) => r.rank !== null && r.rank <= top))
      .sort((x, y) => (x.rounds[x.rounds.length - 1].rank ?? 1e9) - (y.rounds[y.rounds.length - 1].rank ?? 1e9) || (x.id < y.id ? -1 : 1));
    blocks.push({
      kind: "table",
      caption: `gatekeeper rank and cognitive role per round (actors in the top ${top} of some round)`,
      columns: ["actor", ...side.rounds.flatMap((r) => [`rank ${r}`, `role ${r}`]), "rank change"],
      rows: shown.map((a) => [a.id, ...a.rounds.flatMap((r): Cell[] => (r.present ? [r.rank, r.role ? COGNITIVE_ROLE_LABELS[r.role] : null] : ["absent", "absent"])), a.rankChange]),
    });
    blocks.push(
      side.roleChanges.length
        ? { kind: "list", items: side.roleChanges.map((c) => `${c.id} (${c.label}): ${c.before} in ${c.from} → ${c.after} in ${c.to}`) }
        : { kind: "p", text: "No actor changed its cognitive role." },
    );
    const o = side.diagnoses[0]?.options;
    if (o) blocks.push({ kind: "p", text: `Each round diagnosed with seed ${o.seed}, ${o.reps} E-I permutations, partition ${o.partition} (${o.partitionSource}), gatekeeper partition ${o.gatekeepers.partition}; thresholds: ${Object.entries(o.thresholds).map(([k, v]) => `${k} ${v}`).join(", ")}.` });
    sections.push({ id: "side-by-side", title: "Rounds side by side: verdicts, gatekeepers and roles", blocks });
  }
  return sections;
}

/** The whole `waves` document. */
export function wavesDocument(w: WavesResult, side: RoundsSideBySide | undefined, options: WavesDocumentOptions = {}): ReportDocument {
  return {
    title: `Change between survey rounds ${w.rounds.join(", ")}`,
    subtitle: `${options.input ? `${options.input}: ` : ""}ties as knowledge flows source → target (read with --direction ${w.options.direction}); ${w.options.rule}`,
    sections: wavesSections(w, side, options),
  };
}

/** Render a document as plain text. */
export function documentText(doc: ReportDocument, width?: number): string {
  const W = textWidth(width);
  const out: string[] = [doc.title, "=".repeat(doc.title.length), wrap(doc.subtitle, W + 4), ""];
  for (const s of doc.sections) {
    out.push(s.title.toUpperCase(), "");
    for (const b of s.blocks) {
      const t = blockText(b, W);
      if (t) out.push(t, "");
    }
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

/** Render a document as Markdown. */
export function documentMarkdown(doc: ReportDocument, level = 1): string {
  const h = "#".repeat(level);
  const out: string[] = [`${h} ${escapeMarkdown(doc.title)}`, "", escapeMarkdown(doc.subtitle), ""];
  for (const s of doc.sections) {
    out.push(`${h}# ${escapeMarkdown(s.title)}`, "");
    for (const b of s.blocks) {
      const t = blockMd(b);
      if (t) out.push(t, "");
    }
  }
  return out.join("\n").trimEnd() + "\n";
}

function tableHtml(columns: string[], rows: Cell[][], caption?: string): string {
  const numeric = columns.map((_c, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number" || r[i] === null));
  const head = `<tr>${columns.map((c) => `<th>${esc(c)}</th>`).join("")}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ""}>${esc(cellText(c))}</td>`).join("")}</tr>`).join("");
  return `<table>${caption ? `<caption>${esc(caption)}</caption>` : ""}<thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case "p":
      return `<p>${esc(b.text)}</p>`;
    case "list":
      return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;
    case "facts":
      return `<dl class="facts">${b.items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>`;
    case "table":
      return tableHtml(b.columns, b.rows, b.caption);
    default:
      return "";
  }
}

const COLOURS = { kept: "#2471a3", created: "#1e8449", dissolved: "#c0392b" };

/** Stacked bars of the change table: kept (1→1), created (0→1), dissolved (1→0), per relation and pair. */
export function changeTableSvg(w: WavesResult): string {
  const rows = w.relations.flatMap((r) => r.changes.map((c) => ({ label: `${r.relation} ${c.table.from}→${c.table.to}`, t: c.table })));
  if (rows.length === 0) return "";
  const max = Math.max(1, ...rows.map((r) => r.t.n11 + r.t.n01 + r.t.n10));
  const W = 640;
  const left = 230;
  const bar = 22;
  const H = rows.length * (bar + 10) + 40;
  const scale = (W - left - 20) / max;
  const parts = rows.map((r, k) => {
    const y = 10 + k * (bar + 10);
    let x = left;
    const seg = (n: number, colour: string, name: string) => {
      const wpx = n * scale;
      const s = `<rect x="${x.toFixed(1)}" y="${y}" width="${wpx.toFixed(1)}" height="${bar}" fill="${colour}"><title>${esc(name)}: ${n}</title></rect>`;
      x += wpx;
      return s;
    };
    return `<text class="axis" x="${left - 6}" y="${y + bar / 2 + 4}" text-anchor="end">${esc(r.label)}</text>${seg(r.t.n11, COLOURS.kept, "kept 1→1")}${seg(r.t.n01, COLOURS.created, "created 0→1")}${seg(r.t.n10, COLOURS.dissolved, "dissolved 1→0")}`;
  });
  const key = `<text class="tick" x="${left}" y="${H - 8}"><tspan fill="${COLOURS.kept}">■ kept (1→1)</tspan>  <tspan fill="${COLOURS.created}">■ created (0→1)</tspan>  <tspan fill="${COLOURS.dissolved}">■ dissolved (1→0)</tspan></text>`;
  return `<figure><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="change table">${parts.join("")}${key}</svg><figcaption>Ties kept, created and dissolved between consecutive rounds.</figcaption></figure>`;
}

/** Gatekeeper ranks per round as lines (a slope chart), for the actors in the top of some round. */
export function rankChangeSvg(side: RoundsSideBySide, top = 12): string {
  const shown = side.actors.filter((a) => a.rounds.some((r) => r.rank !== null && r.rank <= top));
  if (shown.length === 0 || side.rounds.length < 2) return "";
  const maxRank = Math.max(top, ...shown.flatMap((a) => a.rounds.map((r) => r.rank ?? 0)));
  const W = 640;
  const H = 40 + Math.min(600, maxRank * 14);
  const x0 = 160;
  const x1 = W - 160;
  const xs = side.rounds.map((_r, k) => x0 + ((x1 - x0) * k) / (side.rounds.length - 1));
  const y = (rank: number) => 24 + ((H - 40) * (rank - 1)) / Math.max(1, maxRank - 1);
  const lines = shown.map((a) => {
    const pts = a.rounds.map((r, k) => (r.rank !== null ? `${xs[k].toFixed(1)},${y(r.rank).toFixed(1)}` : null)).filter((p): p is string => p !== null);
    const colour = a.roleChanged ? "#c0392b" : "#7f8c8d";
    const first = a.rounds.findIndex((r) => r.rank !== null);
    const last = a.rounds.length - 1 - [...a.rounds].reverse().findIndex((r) => r.rank !== null);
    const labelL = first >= 0 ? `<text class="pt" x="${xs[first] - 6}" y="${y(a.rounds[first].rank!) + 4}" text-anchor="end">${esc(a.id)} ${a.rounds[first].rank}</text>` : "";
    const labelR = last >= 0 ? `<text class="pt" x="${xs[last] + 6}" y="${y(a.rounds[last].rank!) + 4}">${a.rounds[last].rank} ${esc(a.id)}</text>` : "";
    return `<polyline points="${pts.join(" ")}" fill="none" stroke="${colour}" stroke-width="2"><title>${esc(a.label)}</title></polyline>${labelL}${labelR}`;
  });
  const heads = side.rounds.map((r, k) => `<text class="axis" x="${xs[k]}" y="14" text-anchor="middle">${esc(r)}</text>`).join("");
  return `<figure><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="gatekeeper ranks per round">${heads}${lines.join("")}</svg><figcaption>Gatekeeper rank per round (1 = top); red: the actor's cognitive role changed.</figcaption></figure>`;
}

const CSS = `body{margin:0;font:15px/1.5 system-ui,sans-serif;color:#1b2631}main{max-width:1060px;margin:0 auto;padding:24px 20px 48px}
h2{border-bottom:2px solid #d5dbe1;padding-bottom:4px}table{border-collapse:collapse;margin:8px 0 16px;font-size:.9em;display:block;overflow-x:auto}
caption{text-align:left;font-weight:600;color:#5d6d7e}th,td{padding:4px 10px;border-bottom:1px solid #d5dbe1;text-align:left}th{background:#f4f6f7}td.n{text-align:right}
svg{max-width:100%;height:auto}svg .tick,svg .pt{font-size:11px}svg .axis{font-size:12px}.sub{color:#5d6d7e}figcaption{font-size:.85em;color:#5d6d7e}`;

/** Render the sections as HTML fragments (with the plots), for a page or for the report's change section. */
export function sectionsHtml(sections: Section[], w: WavesResult, side: RoundsSideBySide | undefined): string {
  const parts: string[] = [];
  for (const s of sections) {
    parts.push(`<section id="${esc(s.id)}"><h2>${esc(s.title)}</h2>`);
    for (const b of s.blocks) parts.push(blockHtml(b));
    if (s.id === "presence") parts.push(changeTableSvg(w));
    if (s.id === "side-by-side" && side) parts.push(rankChangeSvg(side));
    parts.push("</section>");
  }
  return parts.join("\n");
}

/** The `waves` document as one self-contained HTML page. */
export function documentHtml(doc: ReportDocument, w: WavesResult, side: RoundsSideBySide | undefined): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${esc(doc.title)}</title><style>${CSS}</style></head><body><main>`,
    `<h1>${esc(doc.title)}</h1><p class="sub">${esc(doc.subtitle)}</p>`,
    sectionsHtml(doc.sections, w, side),
    "</main></body></html>",
  ].join("\n") + "\n";
}


