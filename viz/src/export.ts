/**
 * Exports of what is shown: the current view as a PNG (sigma's own image export, with the legend drawn
 * beside it), and the analysed view with its computed metrics as GEXF (the library's writer) or JSON.
 */
import { drawOnCanvas } from "@sigma/export-image";
import type { App } from "./app.js";
import { COLOR_BY } from "./app.js";
import { viewOf } from "./analysis/compute.js";
import { ROLE_WORDS } from "./analysis/compute.js";
import { formatByName } from "../../src/io/formats.js";
import { toJson } from "../../src/cli/output.js";
import { createClusterGraph } from "../../src/model/graph.js";
import { BACKGROUND, FLOW_COLORS, OTHER_COLOR, TIE_COLORS, TIE_LABELS } from "./encodings.js";
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
  kind: "title" | "dot" | "ring" | "line" | "size";
  text: string;
  color?: string;
  size?: number;
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
  if (counts.size > 0) {
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
      ctx.beginPath();
      ctx.moveTo(x, mid);
      ctx.lineTo(x + 14 * scale, mid);
      ctx.stroke();
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

/** The current view (camera, filters, hover) as a PNG with the legend at the right. */
export async function renderPng(app: App): Promise<Blob> {
  const r = app.renderer;
  if (!r) throw new Error("nothing to export");
  const graphCanvas = await drawOnCanvas(r, { backgroundColor: BACKGROUND });
  const ratio = graphCanvas.width / r.getDimensions().width;
  const legendWidth = 330 * ratio;
  const out = document.createElement("canvas");
  out.width = graphCanvas.width + legendWidth;
  out.height = graphCanvas.height;
  const ctx = out.getContext("2d")!;
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(graphCanvas, 0, 0);
  // The names of the groups, drawn by the viewer on its own layer, go on top as on screen.
  const names = r.getCanvases().groupLabels;
  if (names) ctx.drawImage(names, 0, 0, graphCanvas.width, graphCanvas.height);
  ctx.fillStyle = "#0f172a";
  ctx.font = `700 ${15 * ratio}px Inter, 'Segoe UI', system-ui, sans-serif`;
  ctx.textBaseline = "top";
  ctx.fillText(app.source?.name ?? "clusterflow", graphCanvas.width + 14 * ratio, 16 * ratio, legendWidth - 24 * ratio);
  drawLegend(ctx, app, graphCanvas.width + 14 * ratio, 44 * ratio, ratio);
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
}

export async function exportPng(app: App): Promise<void> {
  download(await renderPng(app), `${baseName(app)}.png`);
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
        if (v !== undefined) extra[m.key] = Number.isFinite(v) ? v : null;
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

/** One JSON document: the options used, the view (graphology serialisation) and everything computed. */
export function viewerJson(app: App): string {
  const an = app.analysis;
  return toJson("viewer-export", {
    source: app.source?.name,
    format: app.format,
    options: {
      filter: app.state.filter,
      partition: app.state.partition,
      seed: app.state.seed,
      resolution: app.state.resolution,
      colorBy: COLOR_BY.find((c) => c.key === app.state.colorBy)?.label ?? app.state.colorBy,
      sizeBy: app.state.sizeBy,
      layout: app.state.layout,
    },
    graph: annotatedView(app).export(),
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
