/**
 * A static picture of the network for the HTML report: an inline SVG, laid out by a seeded
 * Fruchterman–Reingold force layout (Fruchterman & Reingold 1991; 300 iterations, linear cooling, the
 * same seed gives the same picture byte for byte). Actors are coloured by group (the diagnosis
 * partition), actors outside the cluster are drawn as squares on a grey ring, ties are coloured by their
 * class in the tie-type mix (horizontal, vertical, institutional, external), and the top gatekeepers are
 * ringed and labelled. Every label is HTML-escaped; each actor carries an escaped `<title>` for hover.
 * The layout is drawing, not analysis: nothing here feeds a figure of the report.
 */
import type { ClusterGraph } from "../model/types.js";
import type { Diagnosis } from "../diagnosis/diagnose.js";
import { mixClass, type MixClass } from "../metrics/tieTypeMix.js";
import { seededRng } from "../model/random.js";
import { escapeHtml as esc } from "./words.js";

const r1 = (x: number) => String(Math.round(x * 10) / 10);

export const GROUP_PALETTE = ["#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#d62728", "#393b79"];
export const MIX_COLOURS: Record<MixClass, string> = { horizontal: "#2e86c1", vertical: "#7d8c8e", institutional: "#d4ac0d", external: "#c0392b" };

/** Seeded Fruchterman–Reingold positions in the unit square (actor order = graph order). */
export function forceLayout(ids: string[], edges: [number, number][], seed: number, iterations = 300): { x: Float64Array; y: Float64Array } {
  const n = ids.length;
  const rng = seededRng(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rng();
    y[i] = rng();
  }
  if (n < 2) return { x: x.fill(0.5), y: y.fill(0.5) };
  const k = Math.sqrt(1 / n);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    const temp = 0.1 * (1 - it / iterations) + 0.002;
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        let ddx = x[i] - x[j];
        let ddy = y[i] - y[j];
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 1e-9) {
          ddx = 1e-3 * (i - j);
          ddy = 1e-3;
          d2 = ddx * ddx + ddy * ddy;
        }
        const f = (k * k) / d2; // repulsion k²/d, along the unit vector (ddx/d)
        dx[i] += ddx * f;
        dy[i] += ddy * f;
        dx[j] -= ddx * f;
        dy[j] -= ddy * f;
      }
    for (const [a, b] of edges) {
      const ddx = x[a] - x[b];
      const ddy = y[a] - y[b];
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1e-6;
      const f = d / k; // attraction d²/k along the unit vector
      dx[a] -= ddx * f;
      dy[a] -= ddy * f;
      dx[b] += ddx * f;
      dy[b] += ddy * f;
    }
    for (let i = 0; i < n; i++) {
      // Gravity towards the centre keeps isolates and small components on the page.
      dx[i] += (0.5 - x[i]) * 0.05 * n * k;
      dy[i] += (0.5 - y[i]) * 0.05 * n * k;
      const len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
      if (len > 0) {
        const s = Math.min(len, temp) / len;
        x[i] += dx[i] * s;
        y[i] += dy[i] * s;
      }
    }
  }
  // Normalise to the unit square.
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]);
    maxX = Math.max(maxX, x[i]);
    minY = Math.min(minY, y[i]);
    maxY = Math.max(maxY, y[i]);
  }
  for (let i = 0; i < n; i++) {
    x[i] = maxX > minX ? (x[i] - minX) / (maxX - minX) : 0.5;
    y[i] = maxY > minY ? (y[i] - minY) / (maxY - minY) : 0.5;
  }
  return { x, y };
}

/** The network picture of a diagnosis, as an SVG `<figure>`. */
export function networkSvg(d: Diagnosis, graph: ClusterGraph, options: { width?: number; height?: number; gatekeepers?: number } = {}): string {
  const W = options.width ?? 900;
  const H = options.height ?? 620;
  const pad = 30;
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const pairs = new Map<string, { a: number; b: number; cls: MixClass; w: number }>();
  graph.forEachEdge((_k, at, s, t, sa, ta) => {
    const a = index.get(s)!;
    const b = index.get(t)!;
    if (a === b) return;
    const key = `${a} ${b}`;
    const p = pairs.get(key);
    if (p) p.w += at.weight;
    else pairs.set(key, { a, b, cls: mixClass(at.tieType, sa, ta, d.tieTypeMix.options), w: at.weight });
  });
  const edges = [...pairs.values()].map((p) => [p.a, p.b] as [number, number]);
  const { x, y } = forceLayout(ids, edges, d.options.seed);
  const X = (i: number) => pad + x[i] * (W - 2 * pad);
  const Y = (i: number) => pad + y[i] * (H - 2 * pad - 40);
  const groupOf = new Map(d.groups.actors.map((a) => [a.id, a.group]));
  const groups = [...new Set(d.groups.actors.map((a) => a.group))];
  const colour = (id: string) => {
    const g = groupOf.get(id);
    return g === undefined ? "#95a5a6" : GROUP_PALETTE[groups.indexOf(g) % GROUP_PALETTE.length];
  };
  const gk = new Set(d.gatekeepers.ranking.filter((r) => r.score > 0).slice(0, options.gatekeepers ?? 5).map((r) => r.id));
  const hubs = new Set(d.centralization.hubs);
  const out: string[] = [];
  out.push(`<svg class="network" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="network of ${ids.length} actors">`);
  out.push(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#7f8c8d"/></marker></defs>`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#fff"/>`);
  const maxW = Math.max(1, ...[...pairs.values()].map((p) => p.w));
  for (const p of pairs.values()) {
    const sw = 0.5 + (1.5 * p.w) / maxW;
    // Shorten the line so the arrow head stops at the target's edge.
    const x1 = X(p.a), y1 = Y(p.a), x2 = X(p.b), y2 = Y(p.b);
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const cut = 6 / len;
    out.push(`<line x1="${r1(x1)}" y1="${r1(y1)}" x2="${r1(x2 - (x2 - x1) * cut)}" y2="${r1(y2 - (y2 - y1) * cut)}" stroke="${MIX_COLOURS[p.cls]}" stroke-opacity="0.55" stroke-width="${r1(sw)}" marker-end="url(#arrow)"/>`);
  }
  ids.forEach((id, i) => {
    const a = graph.getNodeAttributes(id);
    const title = `<title>${esc(`${String(a.label ?? id)} (${id})${a.inCluster === false ? ", outside the cluster" : ""}`)}</title>`;
    const fill = a.inCluster === false ? "#bdc3c7" : colour(id);
    if (a.inCluster === false) out.push(`<rect class="actor outside" x="${r1(X(i) - 5)}" y="${r1(Y(i) - 5)}" width="10" height="10" fill="${fill}" stroke="#555" stroke-width="1">${title}</rect>`);
    else out.push(`<circle class="actor" cx="${r1(X(i))}" cy="${r1(Y(i))}" r="${hubs.has(id) ? 7 : 4.5}" fill="${fill}" stroke="#fff" stroke-width="1">${title}</circle>`);
    if (gk.has(id)) out.push(`<circle class="gatekeeper" cx="${r1(X(i))}" cy="${r1(Y(i))}" r="10" fill="none" stroke="#000" stroke-width="2"/>`);
    if (gk.has(id) || hubs.has(id)) out.push(`<text class="pt" x="${r1(X(i) + 11)}" y="${r1(Y(i) + 4)}">${esc(String(a.label ?? id))}</text>`);
  });
  // Legend.
  let lx = pad;
  const ly = H - 22;
  for (const [cls, c] of Object.entries(MIX_COLOURS)) {
    out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 22}" y2="${ly}" stroke="${c}" stroke-width="2.5"/><text class="tick" x="${lx + 26}" y="${ly + 4}">${esc(cls)}</text>`);
    lx += 40 + cls.length * 7;
  }
  out.push(`<rect x="${lx}" y="${ly - 5}" width="10" height="10" fill="#bdc3c7" stroke="#555"/><text class="tick" x="${lx + 14}" y="${ly + 4}">outside the cluster</text>`);
  lx += 130;
  out.push(`<circle cx="${lx + 5}" cy="${ly}" r="8" fill="none" stroke="#000" stroke-width="2"/><text class="tick" x="${lx + 18}" y="${ly + 4}">gatekeeper (top ${gk.size})</text>`);
  out.push("</svg>");
  const key = groups.map((g, i) => `<span class="key"><i style="background:${GROUP_PALETTE[i % GROUP_PALETTE.length]}"></i>${esc(g)}</span>`).join("");
  return `<figure class="network-figure">${out.join("")}<figcaption>The network: ${ids.length} actors, ${pairs.size} directed pairs (arrows: knowledge flows source → target; line width: strength). Force layout, seed ${d.options.seed}. Colour by ${esc(d.groups.options.partition === "group" ? "group" : `${d.groups.options.partition} group`)}: ${key} Ringed: the top gatekeepers; larger dots: hubs.</figcaption></figure>`;
}
