/**
 * Exports of what is shown: the current view as a PNG (sigma's own image export, with the legend drawn
 * beside it), and the analysed view with its computed metrics as GEXF (the library's writer) or JSON.
 */
import type { App } from "./app.js";
import { COLOR_BY } from "./app.js";
import { viewOf } from "./analysis/compute.js";
import { ROLE_WORDS } from "./analysis/compute.js";
import { formatByName } from "../../src/io/formats.js";
import { toJson } from "../../src/cli/output.js";
import { createClusterGraph } from "../../src/model/graph.js";
import { renderReport } from "../../src/report/index.js";
import { writeJson } from "../../src/io/json.js";
import { BACKGROUND, FLOW_COLORS, OTHER_COLOR, PRESENCE_COLORS, ROUND_CHANGE_COLORS, TIE_COLORS, TIE_LABELS } from "./encodings.js";
import { fmt } from "./dom.js";

function baseName(app: App): string {
  const name = app.source?.id ?? app.source?.name ?? "clusterflow";
  return name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "clusterflow";
}

/** Offer a blob to the user as a download. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface LegendRow {
  kind: "title" | "dot" | "ring" | "line" | "size" | "mark";
  text: string;
  color?: string;
  size?: number;
  /** A dashed line (dissolved ties) or a dashed mark (leaving actors). */
  dashed?: boolean;
}

/** The legend as rows, the same content as the on-screen legend. */
function legendRows(app: App): LegendRow[] {
  const rows: LegendRow[] = [];
  const cs = app.colorScale;
  if (cs) {
    rows.push({ kind: "title", text: `Colour: ${cs.title}` });
    for (const e of cs.entries.slice(0, 14)) {
      const word = app.state.colorBy === "role" ? (ROLE_WORDS[e.value] ?? e.value) : app.state.colorBy === "inCluster" ? `${e.value} the cluster` : e.value;
      rows.push({ kind: "dot", text: `${word} (${e.count})`, color: e.color });
    }
    if (cs.others > 0) rows.push({ kind: "dot", text: `other values (${cs.others})`, color: OTHER_COLOR });
  }
  const ss = app.sizeScale;
  if (ss) {
    rows.push({ kind: "title", text: `Size: ${ss.title}` });
    rows.push({ kind: "size", text: `${fmt(ss.min, 2)} … ${fmt(ss.max, 2)}`, size: ss.maxSize });
  }
  let outside = 0;
  app.data?.forEachNode((id, a) => {
    if (a.inCluster === false && !app.hiddenNodes.has(id)) outside++;
  });
  if (outside > 0) rows.push({ kind: "ring", text: `outside the cluster (${outside})`, color: "#94a3b8" });
  const counts = new Map<string, number>();
  app.data?.forEachEdge((key, a) => {
    if (!app.hiddenEdges.has(key)) counts.set(a.tieType, (counts.get(a.tieType) ?? 0) + 1);
  });
  const cmp = app.state.compare;
  if (cmp) {
    // Comparing two rounds: the ties by change and the actors entering and leaving, as on screen.
    const c = app.compareCounts();
    rows.push({ kind: "title", text: `Ties ${cmp.from} → ${cmp.to}` });
    if (c.cells) {
      rows.push({ kind: "line", text: `created, only in ${cmp.to} (${c.cells.created})`, color: ROUND_CHANGE_COLORS.created });
      rows.push({ kind: "line", text: `kept, in both rounds (${c.cells.kept})`, color: ROUND_CHANGE_COLORS.kept });
      rows.push({ kind: "line", text: `dissolved, only in ${cmp.from} (${c.cells.dissolved})`, color: ROUND_CHANGE_COLORS.dissolved, dashed: true });
      if (c.cells.unknown > 0) rows.push({ kind: "line", text: `not comparable (${c.cells.unknown})`, color: ROUND_CHANGE_COLORS.unknown, dashed: true });
    }
    rows.push({ kind: "mark", text: `entering, only in ${cmp.to} (${c.entering})`, color: PRESENCE_COLORS.entering });
    rows.push({ kind: "mark", text: `leaving, only in ${cmp.from} (${c.leaving})`, color: PRESENCE_COLORS.leaving, dashed: true });
  } else if (counts.size > 0) {
    rows.push({ kind: "title", text: "Ties (arrow = knowledge flow)" });
    for (const t of ["horizontal", "vertical", "external"] as const) if (counts.has(t)) rows.push({ kind: "line", text: `${TIE_LABELS[t]} (${counts.get(t)})`, color: TIE_COLORS[t] });
  }
  if (app.hovered) {
    rows.push({ kind: "line", text: "in-flow of the hovered actor", color: FLOW_COLORS.in });
    rows.push({ kind: "line", text: "out-flow of the hovered actor", color: FLOW_COLORS.out });
  }
  return rows;
}

/** Draw the legend on a 2D canvas at (x, y); returns its height. Text is drawn with fillText. */
export function drawLegend(ctx: CanvasRenderingContext2D, app: App, x: number, y: number, scale = 1): number {
  const rows = legendRows(app);
  const line = 18 * scale;
  ctx.save();
  ctx.textBaseline = "middle";
  let cy = y;
  for (const r of rows) {
    if (r.kind === "title") {
      cy += cy === y ? 0 : 6 * scale;
      ctx.font = `600 ${12 * scale}px Inter, 'Segoe UI', system-ui, sans-serif`;
      ctx.fillStyle = "#334155";
      ctx.fillText(r.text, x, cy + line / 2);
      cy += line;
      continue;
    }
    ctx.font = `${12 * scale}px Inter, 'Segoe UI', system-ui, sans-serif`;
    const mid = cy + line / 2;
    ctx.fillStyle = r.color ?? "#94a3b8";
    ctx.strokeStyle = r.color ?? "#94a3b8";
    if (r.kind === "dot") {
      ctx.beginPath();
      ctx.arc(x + 6 * scale, mid, 5.5 * scale, 0, Math.PI * 2);
      ctx.fill();
    } else if (r.kind === "ring") {
      ctx.beginPath();
      ctx.arc(x + 6 * scale, mid, 6 * scale, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = "#fff";
      ctx.beginPath();
      ctx.arc(x + 6 * scale, mid, 4.2 * scale, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = r.color ?? "#94a3b8";
      ctx.beginPath();
      ctx.arc(x + 6 * scale, mid, 2.8 * scale, 0, Math.PI * 2);
      ctx.fill();
    } else if (r.kind === "line") {
      ctx.lineWidth = 3 * scale;
      ctx.setLineDash(r.dashed ? [4 * scale, 2 * scale] : []);
      ctx.beginPath();
      ctx.moveTo(x, mid);
      ctx.lineTo(x + 14 * scale, mid);
      ctx.stroke();
      ctx.setLineDash([]);
    } else if (r.kind === "mark") {
      ctx.lineWidth = 2.5 * scale;
      ctx.setLineDash(r.dashed ? [3 * scale, 2 * scale] : []);
      ctx.beginPath();
      ctx.arc(x + 6 * scale, mid, 5 * scale, 0, Math.PI * 2);
      ctx.stroke();
      ctx.setLineDash([]);
    } else if (r.kind === "size") {
      ctx.fillStyle = "#cbd5e1";
      for (const [k, s] of [3, 6, 9].entries()) {
        ctx.beginPath();
        ctx.arc(x + 5 * scale + k * 14 * scale, mid, (s / 2 + 1) * scale, 0, Math.PI * 2);
        ctx.fill();
      }
    }
    ctx.fillStyle = "#0f172a";
    ctx.fillText(r.text, x + (r.kind === "size" ? 46 : 22) * scale, mid);
    cy += line;
  }
  ctx.restore();
  return cy - y;
}

/** The active filters in words ("" when everything is shown). */
export function filterNote(app: App): string {
  const f = app.state.filter;
  const parts: string[] = [];
  if (f.relations) parts.push(`relations: ${f.relations.join(", ")}`);
  if (f.waves) parts.push(`waves: ${f.waves.join(", ")}`);
  if (f.tieTypes) parts.push(`tie types: ${f.tieTypes.join(", ")}`);
  if (f.kinds) parts.push(`actor kinds: ${f.kinds.join(", ")}`);
  if (f.minWeight !== undefined) parts.push(`tie strength ≥ ${fmt(f.minWeight)}`);
  if (f.localOnly) parts.push("local actors only");
  if (app.state.compare) parts.push(`comparing rounds ${app.state.compare.from} → ${app.state.compare.to}`);
  if (app.ego) parts.push(`ego network of ${app.data?.getNodeAttribute(app.ego.id, "label") || app.ego.id} (${app.ego.k} step${app.ego.k === 1 ? "" : "s"}, ${app.ego.direction === "in" ? "sources" : app.ego.direction === "out" ? "recipients" : "both directions"})`);
  return parts.length ? `Filters: ${parts.join("; ")}` : "";
}

const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const n1 = (v: number) => String(Math.round(v * 10) / 10);
const FONT = "Inter, 'Segoe UI', system-ui, sans-serif";

/** Words in lines of at most `width` characters (a longer word gets a line of its own). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = "";
  for (const w of text.split(/\s+/)) {
    if (cur && cur.length + 1 + w.length > width) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** Width of the legend column of the exported images (CSS pixels). */
export const LEGEND_WIDTH = 320;

/**
 * The current view (camera, filters, hover, labels as placed on screen) as an SVG document: the graph at
 * the size of the canvas, and at its right a column with the map's title, the active filters and the
 * legend. The PNG export draws this same picture at a chosen scale.
 */
export function renderSvg(app: App): { svg: string; width: number; height: number } {
  const r = app.renderer;
  if (!r || !app.data) throw new Error("nothing to export");
  // The canvas may have changed size since the last frame (the legend strip grows and shrinks): draw
  // once more at the current size, so that positions and placed labels are those of this size. A map
  // without size (hidden by the print stylesheet, where sigma has already drawn it at 1×1) is shown,
  // invisibly, at its last size on screen for the time of one frame.
  const c = app.container;
  const restore = c.offsetWidth > 0 && c.offsetHeight > 0 ? undefined : showForOneFrame(c, app.lastSize.width || 960, app.lastSize.height || 640);
  try {
    r.resize();
    r.refresh();
    return drawSvg(app, r);
  } finally {
    if (restore) {
      restore();
      r.resize();
    }
  }
}

/**
 * Shows a hidden element, invisibly, at a fixed size: the element and each hidden ancestor get inline
 * styles (`!important`, above the print stylesheet). Returns what puts the styles back.
 */
function showForOneFrame(el: HTMLElement, width: number, height: number): () => void {
  const touched: [HTMLElement, string | null][] = [];
  const set = (e: HTMLElement, styles: [string, string][]) => {
    touched.push([e, e.getAttribute("style")]);
    for (const [k, v] of styles) e.style.setProperty(k, v, "important");
  };
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    if (getComputedStyle(a).display === "none") set(a, [["display", "block"]]);
  }
  set(el, [["display", "block"], ["position", "fixed"], ["left", "0"], ["top", "0"], ["width", `${width}px`], ["height", `${height}px`], ["visibility", "hidden"]]);
  return () => {
    for (const [e, style] of touched.reverse()) {
      if (style === null) e.removeAttribute("style");
      else e.setAttribute("style", style);
    }
  };
}

function drawSvg(app: App, r: NonNullable<App["renderer"]>): { svg: string; width: number; height: number } {
  const { width: gw, height: gh } = r.getDimensions();
  const rows = legendRows(app);
  const note = filterNote(app);
  const line = 18;
  let legendHeight = 44 + 38 + (note ? 2 * line : 0);
  for (const row of rows) legendHeight += line + (row.kind === "title" ? 6 : 0);
  const width = gw + LEGEND_WIDTH;
  const height = Math.max(gh, legendHeight + 16);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(FONT)}">`);
  out.push(`<title>${esc(app.source?.name ?? "clusterflow")}</title>`);
  out.push(`<rect width="${width}" height="${height}" fill="${BACKGROUND}"/>`);
  out.push(`<g class="graph"><clipPath id="cf-clip"><rect width="${gw}" height="${gh}"/></clipPath><g clip-path="url(#cf-clip)">`);
  const pos = new Map<string, { x: number; y: number; s: number }>();
  app.display.forEachNode((id) => {
    const d = r.getNodeDisplayData(id);
    if (!d || d.hidden) return;
    const p = r.framedGraphToViewport(d);
    pos.set(id, { x: p.x, y: p.y, s: r.scaleSize(d.size) });
  });
  const small = !app.large;
  out.push(`<g class="ties" fill="none">`);
  app.display.forEachEdge((e, a, s, t) => {
    const d = r.getEdgeDisplayData(e);
    const ps = pos.get(s);
    const pt = pos.get(t);
    if (!d || d.hidden || !ps || !pt) return;
    const w = Math.max(0.6, r.scaleSize(d.size as number) * 0.9);
    const curvature = (a.curvature as number) ?? 0;
    const dx = pt.x - ps.x;
    const dy = pt.y - ps.y;
    const len = Math.hypot(dx, dy);
    if (len < 0.5) return;
    if (curvature && small && d.type !== "dashed") {
      const cx = (ps.x + pt.x) / 2 + dy * curvature * 0.5;
      const cy = (ps.y + pt.y) / 2 - dx * curvature * 0.5;
      out.push(`<path d="M${n1(ps.x)},${n1(ps.y)} Q${n1(cx)},${n1(cy)} ${n1(pt.x)},${n1(pt.y)}" stroke="${d.color}" stroke-width="${n1(w)}"/>`);
    } else {
      const dash = d.type === "dashed" ? ` stroke-dasharray="${n1(w * 3.5)} ${n1(w * 2.5)}"` : "";
      out.push(`<line x1="${n1(ps.x)}" y1="${n1(ps.y)}" x2="${n1(pt.x)}" y2="${n1(pt.y)}" stroke="${d.color}" stroke-width="${n1(w)}"${dash}/>`);
    }
    if (small && len > pt.s + 8) {
      // Arrowhead at the target's rim, along the straight line (close enough for gently curved ties).
      const ux = dx / len;
      const uy = dy / len;
      const ex = pt.x - ux * pt.s;
      const ey = pt.y - uy * pt.s;
      const hl = Math.max(5, w * 3);
      out.push(`<path d="M${n1(ex)},${n1(ey)} L${n1(ex - ux * hl - uy * hl * 0.45)},${n1(ey - uy * hl + ux * hl * 0.45)} L${n1(ex - ux * hl + uy * hl * 0.45)},${n1(ey - uy * hl - ux * hl * 0.45)}Z" fill="${d.color}"/>`);
    }
  });
  out.push(`</g><g class="actors">`);
  app.display.forEachNode((id, a) => {
    const p = pos.get(id);
    const d = r.getNodeDisplayData(id);
    if (!p || !d) return;
    if (a.type === "ring") {
      out.push(`<circle cx="${n1(p.x)}" cy="${n1(p.y)}" r="${n1(p.s * 0.82)}" fill="none" stroke="${d.color}" stroke-width="${n1(Math.max(1, p.s * 0.36))}"/>`);
      out.push(`<circle cx="${n1(p.x)}" cy="${n1(p.y)}" r="${n1(p.s * 0.38)}" fill="${d.color}"/>`);
    } else out.push(`<circle cx="${n1(p.x)}" cy="${n1(p.y)}" r="${n1(p.s)}" fill="${d.color}"/>`);
    // Comparing rounds: entering actors ringed solid, leaving actors dashed (as on the map).
    const change = app.presenceChange(id);
    if (change) out.push(`<circle cx="${n1(p.x)}" cy="${n1(p.y)}" r="${n1(p.s + 4)}" fill="none" stroke="${PRESENCE_COLORS[change]}" stroke-width="3"${change === "leaving" ? ` stroke-dasharray="5 4"` : ""}/>`);
  });
  out.push(`</g><g class="labels" font-weight="600" font-size="13">`);
  for (const b of app.labelBoxes) {
    out.push(`<text x="${n1(b.x + 2)}" y="${n1(b.y + b.h - 5.3)}" fill="#111827" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${esc(b.text)}</text>`);
  }
  out.push(`</g><g class="group-names" font-weight="700" font-size="15">`);
  for (const b of app.groupLabelBoxes) {
    const color = app.colorScale?.entries.find((e) => e.value === b.id)?.color ?? "#334155";
    out.push(`<text x="${n1(b.x + 3)}" y="${n1(b.y + b.h - 4)}" fill="${color}" stroke="#fff" stroke-width="5" stroke-linejoin="round" paint-order="stroke">${esc(b.text)}</text>`);
  }
  out.push(`</g></g></g>`);
  // The legend column.
  const x = gw + 16;
  out.push(`<g class="key" font-size="12">`);
  out.push(`<line x1="${gw + 0.5}" y1="0" x2="${gw + 0.5}" y2="${height}" stroke="#e2e8f0"/>`);
  const titleLines = wrapWords(app.source?.name ?? "clusterflow", 34).slice(0, 3);
  titleLines.forEach((t, i) => out.push(`<text x="${x}" y="${28 + i * 19}" font-size="15" font-weight="700" fill="#0f172a">${esc(t)}</text>`));
  let cy = 44 + (titleLines.length - 1) * 19;
  if (note) {
    const lines = wrapWords(note, 46).slice(0, 2);
    lines.forEach((t, i) => out.push(`<text class="filters" x="${x}" y="${cy + 13 + i * line}" fill="#b45309">${esc(t)}</text>`));
    cy += 2 * line;
  }
  for (const row of rows) {
    if (row.kind === "title") {
      cy += 6;
      out.push(`<text x="${x}" y="${cy + 13}" font-weight="600" fill="#334155">${esc(row.text)}</text>`);
      cy += line;
      continue;
    }
    const mid = cy + line / 2;
    const c = row.color ?? "#94a3b8";
    if (row.kind === "dot") out.push(`<circle cx="${x + 6}" cy="${mid}" r="5.5" fill="${c}"/>`);
    else if (row.kind === "ring") out.push(`<circle cx="${x + 6}" cy="${mid}" r="4.8" fill="none" stroke="${c}" stroke-width="2.4"/><circle cx="${x + 6}" cy="${mid}" r="2.4" fill="${c}"/>`);
    else if (row.kind === "line") out.push(`<line x1="${x}" y1="${mid}" x2="${x + 14}" y2="${mid}" stroke="${c}" stroke-width="3"${row.dashed ? ` stroke-dasharray="4 2"` : ""}/>`);
    else if (row.kind === "mark") out.push(`<circle cx="${x + 6}" cy="${mid}" r="5" fill="none" stroke="${c}" stroke-width="2.5"${row.dashed ? ` stroke-dasharray="3 2"` : ""}/>`);
    else if (row.kind === "size") for (const [k, sz] of [3, 6, 9].entries()) out.push(`<circle cx="${x + 5 + k * 14}" cy="${mid}" r="${sz / 2 + 1}" fill="#cbd5e1"/>`);
    out.push(`<text x="${x + (row.kind === "size" ? 46 : 22)}" y="${mid + 4}" fill="#0f172a">${esc(row.text)}</text>`);
    cy += line;
  }
  out.push(`</g></svg>`);
  return { svg: out.join("\n"), width, height };
}

export interface PngOptions {
  /** Pixels per CSS pixel of the view (2–4 for print; default 2). */
  scale?: number;
  /** Or a width in pixels (the height follows the picture's proportions). */
  width?: number;
}

/** The picture of renderSvg as a PNG, at `scale` times its size (or at `width` pixels wide). */
export async function renderPng(app: App, options: PngOptions = {}): Promise<Blob> {
  const { svg, width, height } = renderSvg(app);
  const scale = options.width ? options.width / width : Math.min(8, Math.max(0.25, options.scale ?? 2));
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    img.src = url;
    await img.decode();
    const out = document.createElement("canvas");
    out.width = Math.round(width * scale);
    out.height = Math.round(height * scale);
    const ctx = out.getContext("2d")!;
    ctx.fillStyle = BACKGROUND;
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(img, 0, 0, out.width, out.height);
    return await new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportPng(app: App, options: PngOptions = {}): Promise<void> {
  download(await renderPng(app, options), `${baseName(app)}.png`);
}

export function exportSvg(app: App): void {
  download(new Blob([renderSvg(app).svg], { type: "image/svg+xml" }), `${baseName(app)}.svg`);
}

/** The HTML report of the view shown (the report `clusterflow report --format html` writes). */
export function reportHtml(app: App): string {
  const d = app.analysis?.diagnosis;
  if (!d) throw new Error("the diagnosis of this view is still being computed");
  return renderReport(d, "html");
}

export function exportReport(app: App): void {
  download(new Blob([reportHtml(app)], { type: "text/html" }), `${baseName(app)}-report.html`);
}

/** A copy of the analysed view with the metrics, roles, communities and display attributes on actors. */
export function annotatedView(app: App) {
  const g = app.data!;
  const an = app.analysis;
  const view = viewOf(g, app.state.filter);
  const out = createClusterGraph({ ...view.getAttributes() });
  view.forEachNode((id, a) => {
    const extra: Record<string, string | number | boolean | null> = {};
    if (an) {
      for (const m of an.metrics) {
        const v = an.values[m.key]?.[id];
        // Undefined values (NaN, unreachable) are left out rather than written as null.
        if (v !== undefined && Number.isFinite(v)) extra[m.key] = v;
      }
      const role = an.roles?.byId[id]?.role;
      if (role) extra.cognitiveRole = role;
      const c = an.communities?.membership[id];
      if (c !== undefined) extra.louvainCommunity = c;
      const rank = an.gatekeepers?.find((x) => x.id === id)?.rank;
      if (rank !== undefined) extra.gatekeeperRank = rank;
    }
    const d = app.display.getNodeAttributes(id) as { x: number; y: number; size: number; color: string };
    out.addNode(id, { ...a, ...extra, x: d.x, y: d.y, color_: d.color, size_: d.size });
  });
  view.forEachEdge((key, a, s, t) => out.addEdgeWithKey(key, s, t, { ...a }));
  return out;
}

export async function exportGexf(app: App): Promise<void> {
  const gexf = formatByName("gexf");
  if (!gexf?.write) throw new Error("this build has no GEXF writer");
  const files = await gexf.write(annotatedView(app), baseName(app), {});
  const main = files[0];
  download(new Blob([main.data as BlobPart], { type: "application/gexf+xml" }), `${baseName(app)}.gexf`);
}

/**
 * One JSON document that is both the library's graphology JSON of the analysed view (top-level
 * `attributes`, `options`, `nodes`, `edges`: the viewer and `clusterflow … view.json` reopen it, with the
 * metrics as actor attributes and the positions as x, y) and a record of what the viewer computed
 * (`schema`, the options used, the analysis).
 */
export function viewerJson(app: App): string {
  const an = app.analysis;
  const graph = JSON.parse(writeJson(annotatedView(app))) as object;
  return toJson("viewer-export", {
    source: app.source?.name,
    format: app.format,
    viewer: {
      filter: app.state.filter,
      partition: app.state.partition,
      seed: app.state.seed,
      resolution: app.state.resolution,
      colorBy: app.encodingTitle(app.state.colorBy),
      sizeBy: app.state.sizeBy,
      layout: app.state.layout,
    },
    ...graph,
    analysis: an
      ? {
          order: an.order,
          size: an.size,
          metrics: an.metrics,
          gatekeepers: an.gatekeepers,
          gatekeeperOptions: an.gatekeeperOptions,
          roles: an.roles ? { thresholds: an.roles.thresholds, counts: an.roles.counts, options: an.roles.options } : undefined,
          communities: an.communities ? { count: an.communities.count, modularity: an.communities.modularity, seed: an.communities.seed, resolution: an.communities.resolution } : undefined,
          diagnosis: an.diagnosis,
          problems: an.problems,
        }
      : null,
  });
}

export function exportJson(app: App): void {
  download(new Blob([viewerJson(app)], { type: "application/json" }), `${baseName(app)}.clusterflow.json`);
}
