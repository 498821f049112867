/**
 * Inline SVG plots for the HTML report, drawn from a Diagnosis's figures (no analysis here): the
 * cognitive-role quadrant, the block density heatmap and the degree distributions. Every string from the
 * data is HTML-escaped; coordinates are rounded to 0.1 px so that the output is byte-stable.
 */
import type { Diagnosis } from "../diagnosis/diagnose.js";
import { COGNITIVE_ROLE_LABELS, localMargin, type CognitiveRole } from "../diagnosis/roles.js";
import { actorName, escapeHtml as esc, num } from "./words.js";

const r1 = (x: number) => String(Math.round(x * 10) / 10);

export const ROLE_COLOURS: Record<CognitiveRole, string> = {
  technologicalGatekeeper: "#c0392b",
  activeMutualExchanger: "#2471a3",
  externalStar: "#d68910",
  weaklyConnected: "#7f8c8d",
  isolated: "#bdc3c7",
  outside: "#6c3483",
};

/** Nice upper bound for an axis. */
function niceMax(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

/**
 * Round tick values covering [lo, hi]: a step of 1, 2, 2.5 or 5 × 10^k giving at most `most` intervals,
 * from a multiple of the step at or below `lo` to one at or above `hi` (0 is a tick whenever the range
 * spans it). The axis runs from the first tick to the last.
 */
export function niceTicks(lo: number, hi: number, most = 6): number[] {
  if (!(hi > lo)) hi = lo + 1;
  const raw = (hi - lo) / most;
  const p = 10 ** Math.floor(Math.log10(raw));
  let step = 10 * p;
  for (const m of [1, 2, 2.5, 5, 10]) {
    const s = m * p;
    if (Math.ceil(hi / s - 1e-9) - Math.floor(lo / s + 1e-9) <= most) {
      step = s;
      break;
    }
  }
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  // k × step to 12 significant digits, so that 0.1 × 3 is written 0.3 at any magnitude (1e-120 included).
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(12)) + 0);
  return ticks;
}

/** A tick's value as written: the ticks are already rounded to their step, so every digit counts. */
function tickText(v: number): string {
  return v === 0 ? "0" : Math.abs(v) < 1e-4 ? v.toExponential(1) : String(v);
}

/** A point label's box on the page (11 px text), with where its text is anchored. */
export interface LabelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  anchorX: number;
  baseline: number;
  end: boolean;
}

/** Width of 11 px sans-serif text, estimated at 6.1 px a character (wide enough for the report's font). */
const labelWidth = (text: string) => 6.1 * [...text].length;

/** Whether two label boxes overlap. */
export function boxesOverlap(a: LabelBox, b: LabelBox): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * The first of the places beside a dot at (cx, cy) — above right, above left, below right, below left, then
 * further up and down — whose box stays inside `bounds` and meets none of `placed`; undefined when none does.
 */
export function placeLabel(text: string, cx: number, cy: number, placed: readonly LabelBox[], bounds: { left: number; right: number; top: number; bottom: number }): LabelBox | undefined {
  const w = labelWidth(text);
  const h = 12;
  const rightFirst = cx + 7 + w <= bounds.right;
  for (const dy of [-6, 14, -20, 28, -34, 42]) {
    for (const end of rightFirst ? [false, true] : [true, false]) {
      const anchorX = end ? cx - 7 : cx + 7;
      const box: LabelBox = { x0: end ? anchorX - w : anchorX, x1: end ? anchorX : anchorX + w, y0: cy + dy - 10, y1: cy + dy - 10 + h, anchorX, baseline: cy + dy, end };
      if (box.x0 < bounds.left || box.x1 > bounds.right || box.y0 < bounds.top || box.y1 > bounds.bottom) continue;
      if (placed.some((p) => boxesOverlap(p, box))) continue;
      return box;
    }
  }
  return undefined;
}

/** Cognitive-role quadrant: external openness (x) against local connectedness (y), inside actors. */
export function quadrantSvg(d: Diagnosis): string {
  const W = 640;
  const H = 440;
  const m = { l: 56, r: 16, t: 16, b: 48 };
  const pts = d.roles.actors.filter((a) => a.inCluster);
  // Vertical axis: the local margin min(given − source threshold, received − absorber threshold). The
  // roles call an actor well connected locally when both are strictly above their thresholds, i.e. when
  // the margin is > 0, so the horizontal line at 0 and the vertical line at the openness threshold cut
  // the plot into exactly the regions of the role rule (points on a line are below / left of it).
  const t = d.roles.thresholds;
  const margin = (p: (typeof pts)[number]) => localMargin(p.localOut, p.localIn, t);
  const hiX = Math.max(0, ...pts.map((p) => p.externalOpenness), t.externalIn);
  const xTicks = niceTicks(0, hiX > 0 ? hiX : 1, 5);
  const yTicks = niceTicks(Math.min(-1, ...pts.map(margin)), Math.max(1, ...pts.map(margin)), 6);
  const maxX = xTicks[xTicks.length - 1];
  const minY = yTicks[0];
  const maxY = yTicks[yTicks.length - 1];
  const X = (v: number) => m.l + (v / maxX) * (W - m.l - m.r);
  const Y = (v: number) => H - m.b - ((v - minY) / (maxY - minY)) * (H - m.t - m.b);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="cognitive roles: local margin against external openness">`);
  out.push(`<rect x="${m.l}" y="${m.t}" width="${W - m.l - m.r}" height="${H - m.t - m.b}" fill="#fbfcfd" stroke="#d5dbe1"/>`);
  // Threshold lines and region names.
  const tx = X(t.externalIn);
  const ty = Y(0);
  out.push(`<line x1="${r1(tx)}" y1="${m.t}" x2="${r1(tx)}" y2="${H - m.b}" stroke="#95a5a6" stroke-dasharray="4 3"/>`);
  out.push(`<line x1="${m.l}" y1="${r1(ty)}" x2="${W - m.r}" y2="${r1(ty)}" stroke="#95a5a6" stroke-dasharray="4 3"/>`);
  const q = (x: number, y: number, anchor: string, text: string) => `<text x="${r1(x)}" y="${r1(y)}" text-anchor="${anchor}" class="q">${esc(text)}</text>`;
  out.push(q(W - m.r - 6, m.t + 16, "end", "technological gatekeepers"));
  out.push(q(m.l + 6, m.t + 16, "start", "active mutual exchangers"));
  out.push(q(W - m.r - 6, H - m.b - 8, "end", "external stars"));
  out.push(q(m.l + 6, H - m.b - 8, "start", "weakly connected or isolated"));
  // Axes.
  for (const vx of xTicks) out.push(`<text x="${r1(X(vx))}" y="${H - m.b + 16}" text-anchor="middle" class="tick">${esc(tickText(vx))}</text>`);
  for (const vy of yTicks) out.push(`<text x="${m.l - 6}" y="${r1(Y(vy) + 4)}" text-anchor="end" class="tick">${esc(tickText(vy))}</text>`);
  out.push(`<text x="${r1((m.l + W - m.r) / 2)}" y="${H - 10}" text-anchor="middle" class="axis">external openness: knowledge received from outside (${esc(d.roles.measure)})</text>`);
  out.push(`<text transform="translate(14 ${r1((m.t + H - m.b) / 2)}) rotate(-90)" text-anchor="middle" class="axis">local margin: min(given − ${esc(num(t.localOut))}, received − ${esc(num(t.localIn))}) (${esc(d.roles.measure)})</text>`);
  // Points; the five best-ranked gatekeepers inside are named. Actors drawn at the same place share one
  // label: the name when alone, else how many are there and the best-ranked of them.
  const rankOf = new Map(d.gatekeepers.ranking.map((r, i) => [r.id, i]));
  const named = new Set(d.gatekeepers.ranking.filter((r) => r.inCluster && r.score > 0).slice(0, 5).map((r) => r.id));
  const at = new Map<string, { cx: number; cy: number; ids: string[] }>();
  for (const p of pts) {
    const cx = X(p.externalOpenness);
    const cy = Y(margin(p));
    out.push(
      `<circle cx="${r1(cx)}" cy="${r1(cy)}" r="5" fill="${ROLE_COLOURS[p.role]}" fill-opacity="0.75" stroke="#fff"><title>${esc(`${actorName(d.labels, p.id)} — ${p.roleLabel}; openness ${num(p.externalOpenness)}, gives ${num(p.localOut)} and receives ${num(p.localIn)} locally`)}</title></circle>`,
    );
    const key = `${r1(cx)} ${r1(cy)}`;
    if (!at.has(key)) at.set(key, { cx, cy, ids: [] });
    at.get(key)!.ids.push(p.id);
  }
  // Labels in rank order (the best-ranked first); each takes the first place beside its dot where its box
  // meets no label placed before it and stays inside the plot, else it is left out (the dot's tooltip
  // still names the actor).
  const placed: LabelBox[] = [];
  // The dots are obstacles too: a label passing over another actor's dot reads as that actor's.
  const dots = [...at.values()].map(({ cx, cy }) => ({ x0: cx - 5, x1: cx + 5, y0: cy - 5, y1: cy + 5, anchorX: cx, baseline: cy, end: false }));
  const groups = [...at.values()].filter((g) => g.ids.some((id) => named.has(id)));
  const bestRank = (g: { ids: string[] }) => Math.min(...g.ids.map((id) => rankOf.get(id) ?? Infinity));
  groups.sort((a, b) => bestRank(a) - bestRank(b));
  for (const { cx, cy, ids } of groups) {
    const byRank = [...ids].sort((a, b) => (rankOf.get(a) ?? Infinity) - (rankOf.get(b) ?? Infinity));
    const label = (id: string) => d.labels[id] ?? id;
    const text = ids.length === 1 ? label(ids[0]) : `${ids.length} actors: ${label(byRank[0])} and ${ids.length - 1} more`;
    const attrs = ids.length === 1 ? "" : ` data-actors="${ids.length}"`;
    const bounds = { left: m.l, right: W - m.r, top: m.t, bottom: H - m.b };
    const others = dots.filter((b) => b.anchorX !== cx || b.baseline !== cy);
    // Clear of labels and dots if it can be, else clear of labels only.
    const box = placeLabel(text, cx, cy, [...placed, ...others], bounds) ?? placeLabel(text, cx, cy, placed, bounds);
    if (!box) continue;
    placed.push(box);
    out.push(`<text x="${r1(box.anchorX)}" y="${r1(box.baseline)}"${box.end ? ' text-anchor="end"' : ""} class="pt"${attrs}>${esc(text)}</text>`);
  }
  out.push("</svg>");
  const legend = (Object.keys(ROLE_COLOURS) as CognitiveRole[])
    .filter((r) => r !== "outside")
    .map((r) => `<span class="key"><i style="background:${ROLE_COLOURS[r]}"></i>${esc(COGNITIVE_ROLE_LABELS[r])}</span>`)
    .join(" ");
  return `<figure>${out.join("")}<figcaption>Each dot is an actor inside the cluster. Vertical axis: how far the actor is above the weaker of its two local thresholds (given to local actors, threshold ${esc(num(t.localOut))}; received from them, threshold ${esc(num(t.localIn))}). Dashed lines: the role rule — above 0 means well connected locally, right of ${esc(num(t.externalIn))} means open to outside (both strictly above; on a line means below or left). The regions are the roles. ${legend}</figcaption></figure>`;
}

/** Blue scale from white (0) to dark blue (1). */
function blue(t: number): string {
  const a = [247, 251, 255];
  const b = [8, 48, 107];
  const c = a.map((x, i) => Math.round(x + (b[i] - x) * Math.max(0, Math.min(1, t))));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** Block density heatmap: row = group giving knowledge, column = group receiving it. */
export function heatmapSvg(d: Diagnosis): string {
  const b = d.groups.blocks;
  const k = b.groups.length;
  if (k === 0) return "";
  const cell = Math.max(18, Math.min(56, Math.floor(480 / k)));
  const labelW = Math.min(180, 12 + 7 * Math.max(...b.groups.map((g) => g.length)));
  const top = labelW;
  const W = labelW + k * cell + 16;
  const H = top + k * cell + 16;
  let max = 0;
  for (const row of b.density) for (const v of row) if (Number.isFinite(v)) max = Math.max(max, v);
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="block density heatmap">`];
  b.groups.forEach((g, i) => {
    const short = g.length > 24 ? g.slice(0, 23) + "…" : g;
    out.push(`<text x="${labelW - 6}" y="${r1(top + i * cell + cell / 2 + 4)}" text-anchor="end" class="tick">${esc(short)}</text>`);
    out.push(`<text transform="translate(${r1(labelW + i * cell + cell / 2 + 4)} ${top - 6}) rotate(-60)" class="tick">${esc(short)}</text>`);
  });
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const v = b.density[i][j];
      const fill = Number.isFinite(v) ? blue(max > 0 ? v / max : 0) : "#e5e8e8";
      const x = labelW + j * cell;
      const y = top + i * cell;
      out.push(
        `<rect x="${x}" y="${y}" width="${cell - 1}" height="${cell - 1}" fill="${fill}"${i === j ? ' stroke="#34495e"' : ""}><title>${esc(`${b.groups[i]} → ${b.groups[j]}: density ${num(v)} (${b.ties[i][j]} of ${b.possible[i][j]} possible ties)`)}</title></rect>`,
      );
      if (k <= 14 && cell >= 28) {
        const dark = Number.isFinite(v) && max > 0 && v / max > 0.55;
        out.push(`<text x="${r1(x + cell / 2)}" y="${r1(y + cell / 2 + 4)}" text-anchor="middle" class="cell" fill="${dark ? "#fff" : "#1b2631"}">${esc(Number.isFinite(v) ? (v === 0 ? "0" : v < 0.01 ? "<.01" : v.toFixed(2)) : "–")}</text>`);
      }
    }
  out.push("</svg>");
  return `<figure>${out.join("")}<figcaption>Density of ties from each group (row) to each group (column); darker is denser (scale up to ${esc(num(max))}). The diagonal, outlined, is density inside each group.</figcaption></figure>`;
}

function barsSvg(title: string, counts: number[]): string {
  const W = 300;
  const H = 190;
  const m = { l: 36, r: 8, t: 22, b: 34 };
  const n = Math.max(1, counts.length);
  const maxC = niceMax(Math.max(1, ...counts));
  const bw = (W - m.l - m.r) / n;
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}">`];
  out.push(`<text x="${m.l}" y="14" class="axis">${esc(title)}</text>`);
  out.push(`<line x1="${m.l}" y1="${H - m.b}" x2="${W - m.r}" y2="${H - m.b}" stroke="#95a5a6"/>`);
  counts.forEach((c, deg) => {
    if (c === 0) return;
    const h = (c / maxC) * (H - m.t - m.b);
    out.push(`<rect x="${r1(m.l + deg * bw + 0.5)}" y="${r1(H - m.b - h)}" width="${r1(Math.max(1, bw - 1))}" height="${r1(h)}" fill="#5d6d7e"><title>${esc(`${c} actors with ${deg}`)}</title></rect>`);
  });
  out.push(`<text x="${m.l - 4}" y="${m.t + 4}" text-anchor="end" class="tick">${maxC}</text><text x="${m.l - 4}" y="${H - m.b}" text-anchor="end" class="tick">0</text>`);
  out.push(`<text x="${r1(m.l + bw / 2)}" y="${H - m.b + 14}" text-anchor="middle" class="tick">0</text><text x="${r1(m.l + (n - 0.5) * bw)}" y="${H - m.b + 14}" text-anchor="middle" class="tick">${n - 1}</text>`);
  out.push(`<text x="${r1((m.l + W - m.r) / 2)}" y="${H - 6}" text-anchor="middle" class="tick">ties per actor</text>`);
  out.push("</svg>");
  return out.join("");
}

/** Degree distributions: knowledge received (in), given (out), partners either way. */
export function degreesSvg(d: Diagnosis): string {
  return `<figure class="row">${barsSvg("receives from (in-degree)", d.degrees.inDegree)}${barsSvg("gives to (out-degree)", d.degrees.outDegree)}${barsSvg("partners either way", d.degrees.degree)}<figcaption>How many actors have each number of ties (all actors).</figcaption></figure>`;
}
