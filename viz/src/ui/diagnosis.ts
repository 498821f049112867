/** The diagnosis panel: the cluster's verdicts with their evidence, the role quadrant, communities. */
import type { App } from "../app.js";
import { fmt, h, replace, type Child } from "../dom.js";
import { ROLE_WORDS } from "../analysis/compute.js";
import { ROLE_COLORS } from "../encodings.js";
import { quadrantPlot } from "./quadrant.js";
import { renderVerdicts } from "./verdicts.js";
import { changeSection } from "./rounds.js";

export function renderDiagnosis(app: App, el: HTMLElement): void {
  const an = app.analysis;
  if (!app.data) {
    replace(el, h("p", { class: "muted" }, "No data loaded yet."));
    return;
  }
  if (!an) {
    replace(el, h("p", { class: "muted" }, app.analysing ? "Computing the diagnosis…" : app.analysisError ? `The analysis failed: ${app.analysisError}` : "No analysis yet."));
    return;
  }
  const out: Child[] = [];
  out.push(h("p", { class: "muted small" }, `View analysed: ${an.order} actors, ${an.size} ties${Object.keys(an.options.filter).length ? " (filtered)" : ""}. Seed ${an.options.seed}.`));
  out.push(...changeSection(app));
  out.push(...renderVerdicts(app));

  const roles = an.roles;
  if (roles) {
    out.push(h("h3", {}, "Cognitive roles"));
    const plot = quadrantPlot(app);
    if (plot) {
      const t = an.diagnosis?.roles.thresholds ?? roles.thresholds;
      out.push(plot);
      out.push(h("p", { class: "muted small quadrant-caption" }, `Vertical: the local margin, how far an actor is above the weaker of its two local thresholds, min(given − ${fmt(t.localOut)}, received − ${fmt(t.localIn)}); above 0 = well connected locally. Right of the dashed line: open to outside (above ${fmt(t.externalIn)}). The regions are the roles, as in the report (on a line = below or left).`));
    }
    const ul = h("ul", { class: "legend-list chips" });
    for (const [role, n] of Object.entries(roles.counts)) {
      if (n === 0) continue;
      ul.append(h("span", { class: "chip" }, h("span", { class: "dot", style: { background: ROLE_COLORS[role] ?? "#9ca3af" } }), `${ROLE_WORDS[role] ?? role}: ${n}`));
    }
    out.push(ul);
    const t = roles.thresholds;
    out.push(
      h(
        "p",
        { class: "muted small" },
        `Thresholds (${roles.options.measure}, ${t.rule}): local source ${fmt(t.localOut)} (${t.origin.localOut}), local absorber ${fmt(t.localIn)} (${t.origin.localIn}), openness ${fmt(t.externalIn)} (${t.origin.externalIn}).`,
      ),
    );
  }
  const c = an.communities;
  if (c) {
    out.push(h("h3", {}, "Detected communities"));
    out.push(h("p", {}, `${c.count} Louvain communities, modularity ${fmt(c.modularity, 3)} (seed ${c.seed}, resolution ${fmt(c.resolution)}, ${c.directed ? "directed" : "undirected"}, ${c.weighted ? "weighted" : "unweighted"}).`));
  }
  if (an.problems.length > 0) {
    out.push(h("h3", {}, "Not computed"));
    out.push(h("ul", { class: "reasons" }, ...an.problems.map((p) => h("li", {}, `${p.section}: ${p.message}`))));
  }
  replace(el, ...out);
}
