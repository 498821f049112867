/**
 * The role quadrant (Giuliani & Bell 2005): each actor inside the cluster placed by its local knowledge
 * exchange (x: knowledge given to + received from local actors) and its external openness (y: knowledge
 * received from outside actors), coloured by its cognitive role, with the openness threshold drawn.
 * Built with SVG elements and text nodes only.
 */
import type { App } from "../app.js";
import { fmt, svg } from "../dom.js";
import { ROLE_COLORS } from "../encodings.js";
import { ROLE_WORDS } from "../analysis/compute.js";

export function quadrantPlot(app: App): SVGSVGElement | undefined {
  const roles = app.analysis?.roles;
  if (!roles || !app.data) return undefined;
  const pts = Object.values(roles.byId).filter((r) => r.inCluster && !app.hiddenNodes.has(r.id));
  if (pts.length === 0) return undefined;
  const W = 330;
  const H = 250;
  const m = { l: 38, r: 10, t: 12, b: 34 };
  const xs = pts.map((p) => p.localIn + p.localOut);
  const ys = pts.map((p) => p.externalIn);
  const xMax = Math.max(1, ...xs) * 1.05;
  const yMax = Math.max(1, ...ys, roles.thresholds.externalIn) * 1.1;
  const X = (v: number) => m.l + (v / xMax) * (W - m.l - m.r);
  const Y = (v: number) => H - m.b - (v / yMax) * (H - m.t - m.b);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "quadrant", role: "img", "aria-label": "role quadrant: local exchange against openness to outside knowledge" });
  root.append(svg("line", { class: "axis", x1: m.l, y1: H - m.b, x2: W - m.r, y2: H - m.b }));
  root.append(svg("line", { class: "axis", x1: m.l, y1: m.t, x2: m.l, y2: H - m.b }));
  const ty = Y(roles.thresholds.externalIn);
  root.append(svg("line", { class: "threshold", x1: m.l, y1: ty, x2: W - m.r, y2: ty }));
  root.append(svg("text", { x: W - m.r, y: ty - 3, "text-anchor": "end" }, `openness threshold > ${fmt(roles.thresholds.externalIn)}`));
  const lt = roles.thresholds.localIn + roles.thresholds.localOut;
  root.append(svg("line", { class: "threshold", x1: X(lt), y1: m.t, x2: X(lt), y2: H - m.b }));
  root.append(svg("text", { x: X(lt) + 3, y: m.t + 8 }, "local thresholds (sum)"));
  for (const v of [0, xMax / 1.05 / 2, xMax / 1.05]) root.append(svg("text", { x: X(v), y: H - m.b + 12, "text-anchor": "middle" }, fmt(v, 1)));
  for (const v of [0, yMax / 1.1 / 2, yMax / 1.1]) root.append(svg("text", { x: m.l - 4, y: Y(v) + 3, "text-anchor": "end" }, fmt(v, 1)));
  root.append(svg("text", { x: (W + m.l) / 2, y: H - 6, "text-anchor": "middle" }, "local exchange: knowledge received + given inside (strength)"));
  root.append(svg("text", { x: 10, y: (H - m.b + m.t) / 2, transform: `rotate(-90 10 ${(H - m.b + m.t) / 2})`, "text-anchor": "middle" }, "knowledge from outside"));
  // Draw the selected actor last so it sits on top.
  const sorted = [...pts].sort((p, q) => (p.id === app.selected ? 1 : 0) - (q.id === app.selected ? 1 : 0));
  for (const p of sorted) {
    const c = svg(
      "circle",
      { cx: X(p.localIn + p.localOut), cy: Y(p.externalIn), r: p.id === app.selected ? 6 : 4, fill: ROLE_COLORS[p.role] ?? "#9ca3af", class: p.id === app.selected ? "sel" : "" },
      svg("title", {}, `${p.label} — ${ROLE_WORDS[p.role] ?? p.role}: local in ${fmt(p.localIn)}, local out ${fmt(p.localOut)}, from outside ${fmt(p.externalIn)}`),
    );
    c.addEventListener("click", () => void app.focus(p.id));
    root.append(c);
  }
  return root;
}
