/** The gatekeeper list: the ranking with a score bar; choosing an actor moves the camera onto it. */
import type { App } from "../app.js";
import { fmt, h, replace } from "../dom.js";

export function renderGatekeepers(app: App, el: HTMLElement, limit = 12): void {
  const gk = app.analysis?.gatekeepers;
  if (!app.data) {
    replace(el);
    return;
  }
  if (!gk) {
    const problem = app.analysis?.problems.find((p) => p.section === "gatekeepers");
    replace(el, h("p", { class: "muted small" }, app.analysing ? "Ranking…" : problem ? `Not ranked: ${problem.message}` : "The gatekeeper ranking is not available."));
    return;
  }
  // Only actors with a score above zero are gatekeepers; a list of zeros would rank nobody.
  const top = gk.filter((g) => g.score > 0).slice(0, limit);
  if (top.length === 0) {
    replace(el, h("p", { class: "muted small gk-none" }, "No actor passes knowledge from outside the groups on in this view, so nobody ranks as a gatekeeper (every score is 0)."));
    return;
  }
  const max = Math.max(...top.map((g) => g.score), 1e-12);
  const ol = h("ol", { class: "gk-list" });
  for (const g of top) {
    const label = app.data.getNodeAttribute(g.id, "label") || g.id;
    ol.append(
      h(
        "li",
        {},
        h(
          "button",
          { class: g.id === app.selected ? "selected" : "", dataset: { id: g.id }, title: g.reasons.join("\n"), on: { click: () => void app.focus(g.id) } },
          h("span", { class: "gk-rank" }, g.rank),
          h("span", {}, h("div", { class: "gk-name" }, label), h("div", { class: "gk-bar" }, h("i", { style: { width: `${Math.max(2, (100 * g.score) / max)}%` } }))),
          h("span", { class: "gk-score" }, fmt(g.score, 2)),
        ),
      ),
    );
  }
  replace(el, ol, gk.length > top.length ? h("p", { class: "muted small" }, `${gk.length} actors ranked${gk.length - gk.filter((g) => g.score > 0).length > 0 ? ` (${gk.length - gk.filter((g) => g.score > 0).length} with score 0)` : ""}; the actor panel shows the rank of any actor.`) : null);
}
