/**
 * The cognitive-role quadrant (Giuliani & Bell 2005), drawn as the HTML report draws it (src/report/svg.ts
 * `quadrantSvg`): each actor inside the cluster placed by its external openness (x: knowledge received from
 * outside) and its local margin (y: how far it is above the weaker of its two local thresholds,
 * src/diagnosis/roles.ts `localMargin`), coloured by its role. The lines are the role rule — the openness
 * threshold and a margin of 0 — so the regions are exactly the roles (on a line = below or left of it).
 * Built with SVG elements and text nodes only; a click on a point focuses the actor.
 */
import type { App } from "../app.js";
import { fmt, svg } from "../dom.js";
import { ROLE_COLORS } from "../encodings.js";
import { ROLE_WORDS } from "../analysis/compute.js";
import { localMargin } from "../../../src/diagnosis/roles.js";

interface Point {
  id: string;
  label: string;
  role: string;
  x: number;
  y: number;
}

function niceMax(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

export function quadrantPlot(app: App): SVGSVGElement | undefined {
  const an = app.analysis;
  if (!an || !app.data) return undefined;
  const label = (id: string) => app.data!.getNodeAttribute(id, "label") || id;
  // The roles of the diagnosis when computed (they are the report's), else those of the fast phase.
  const r = an.diagnosis?.roles;
  const roles = an.roles;
  let pts: Point[];
  let t: { localOut: number; localIn: number; externalIn: number };
  let measure: string;
  if (r) {
    t = r.thresholds;
    pts = r.actors.filter((a) => a.inCluster).map((a) => ({ id: a.id, label: label(a.id), role: a.role, x: a.externalOpenness, y: localMargin(a.localOut, a.localIn, r.thresholds) }));
    measure = r.measure;
  } else if (roles) {
    t = roles.thresholds;
    const rule = roles.options.wellConnected;
    pts = Object.values(roles.byId)
      .filter((a) => a.inCluster)
      .map((a) => ({ id: a.id, label: a.label, role: a.role, x: a.externalIn, y: localMargin(a.localOut, a.localIn, roles.thresholds, rule) }));
    measure = roles.options.measure;
  } else return undefined;
  if (pts.length === 0) return undefined;
  const W = 330;
  const H = 260;
  const m = { l: 40, r: 10, t: 10, b: 36 };
  const maxX = niceMax(Math.max(0, ...pts.map((p) => p.x), t.externalIn));
  const maxY = niceMax(Math.max(1, ...pts.map((p) => p.y)));
  const minY = -niceMax(Math.max(1, ...pts.map((p) => -p.y)));
  const X = (v: number) => m.l + (v / maxX) * (W - m.l - m.r);
  const Y = (v: number) => H - m.b - ((v - minY) / (maxY - minY)) * (H - m.t - m.b);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "quadrant", role: "img", "aria-label": "cognitive roles: local margin against external openness" });
  root.append(svg("rect", { x: m.l, y: m.t, width: W - m.l - m.r, height: H - m.t - m.b, fill: "#fbfcfd", stroke: "#e2e8f0" }));
  const tx = X(t.externalIn);
  const ty = Y(0);
  root.append(svg("line", { class: "threshold", "data-line": "openness", x1: tx, y1: m.t, x2: tx, y2: H - m.b }));
  root.append(svg("line", { class: "threshold", "data-line": "margin", x1: m.l, y1: ty, x2: W - m.r, y2: ty }));
  const q = (x: number, y: number, anchor: string, text: string) => root.append(svg("text", { x, y, "text-anchor": anchor, class: "q" }, text));
  q(W - m.r - 4, m.t + 11, "end", "technological gatekeepers");
  q(m.l + 4, m.t + 11, "start", "active mutual exchangers");
  q(W - m.r - 4, H - m.b - 5, "end", "external stars");
  q(m.l + 4, H - m.b - 5, "start", "weakly connected or isolated");
  for (let i = 0; i <= 2; i++) {
    const vx = (maxX * i) / 2;
    root.append(svg("text", { x: X(vx), y: H - m.b + 12, "text-anchor": "middle" }, fmt(vx, 2)));
  }
  // The margin's ticks: its range and 0, where the rule's line is.
  for (const vy of [minY, 0, maxY]) root.append(svg("text", { x: m.l - 4, y: Y(vy) + 3, "text-anchor": "end" }, fmt(vy, 2)));
  root.append(svg("text", { x: (m.l + W - m.r) / 2, y: H - 6, "text-anchor": "middle", class: "axis-title" }, `external openness (${measure} from outside)`));
  const my = (m.t + H - m.b) / 2;
  root.append(svg("text", { x: 11, y: my, transform: `rotate(-90 11 ${my})`, "text-anchor": "middle", class: "axis-title" }, `local margin (${measure})`));
  if (pts.length > 600) {
    // Many actors: one path of dots per role (no per-actor elements); the selected actor on top.
    const byRole = new Map<string, string[]>();
    for (const p of pts) {
      if (!byRole.has(p.role)) byRole.set(p.role, []);
      byRole.get(p.role)!.push(`M${X(p.x).toFixed(1)} ${Y(p.y).toFixed(1)}h0`);
    }
    for (const [role, ds] of byRole) {
      root.append(svg("path", { d: ds.join(""), stroke: ROLE_COLORS[role] ?? "#9ca3af", "stroke-width": 5, "stroke-linecap": "round", opacity: 0.7 }, svg("title", {}, `${ROLE_WORDS[role] ?? role}: ${ds.length} actors`)));
    }
  } else {
    for (const p of pts) {
      if (p.id === app.selected) continue;
      const c = svg(
        "circle",
        { cx: X(p.x), cy: Y(p.y), r: 4, fill: ROLE_COLORS[p.role] ?? "#9ca3af", "fill-opacity": 0.8, "data-id": p.id, "data-role": p.role },
        svg("title", {}, `${p.label} — ${ROLE_WORDS[p.role] ?? p.role}: openness ${fmt(p.x)}, local margin ${fmt(p.y)}`),
      );
      c.addEventListener("click", () => void app.focus(p.id));
      root.append(c);
    }
  }
  const sel = pts.find((p) => p.id === app.selected);
  if (sel) {
    root.append(svg("circle", { cx: X(sel.x), cy: Y(sel.y), r: 6, fill: ROLE_COLORS[sel.role] ?? "#9ca3af", class: "sel" }, svg("title", {}, sel.label)));
    root.append(svg("text", { x: X(sel.x) + 8, y: Y(sel.y) - 6, class: "sel-label" }, sel.label));
  }
  return root;
}
