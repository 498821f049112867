/** The actor panel: who it is, its metrics with ranks, its roles, why it ranks where it does, its ties. */
import type { App } from "../app.js";
import { fmt, h, replace, type Child } from "../dom.js";
import { BROKERAGE_ROLES } from "../../../src/metrics/brokerage.js";
import { ACTOR_FIELDS } from "../../../src/model/types.js";
import { ROLE_WORDS } from "../analysis/compute.js";
import { FLOW_COLORS, TIE_COLORS } from "../encodings.js";
import { actorRoundsSection } from "./rounds.js";

function ordinal(n: number): string {
  const s = ["th", "st", "nd", "rd"];
  const v = n % 100;
  return n + (s[(v - 20) % 10] || s[v] || s[0]);
}

/** Rank (1 = highest) of an actor's value among the actors of the view, ties sharing the best rank. */
export function rankOf(values: Record<string, number>, id: string): { rank: number; of: number } | undefined {
  const v = values[id];
  if (v === undefined || Number.isNaN(v)) return undefined;
  let higher = 0;
  let of = 0;
  for (const x of Object.values(values)) {
    if (Number.isNaN(x)) continue;
    of++;
    if (x > v) higher++;
  }
  return { rank: higher + 1, of };
}

function tieList(app: App, id: string, dir: "in" | "out"): HTMLElement {
  const g = app.data!;
  const rows: { other: string; relation: string; weight: number; tieType: string; wave?: string; key: string }[] = [];
  const each = dir === "in" ? g.forEachInEdge.bind(g) : g.forEachOutEdge.bind(g);
  each(id, (key, a, s, t) => {
    rows.push({ other: dir === "in" ? s : t, relation: a.relation, weight: a.weight, tieType: a.tieType, wave: a.wave, key });
  });
  rows.sort((x, y) => y.weight - x.weight || x.other.localeCompare(y.other));
  const ul = h("ul", { class: "ties" });
  for (const r of rows.slice(0, 60)) {
    const hidden = app.hiddenEdges.has(r.key);
    ul.append(
      h(
        "li",
        { title: hidden ? "hidden by the filters" : "" },
        h("span", { class: "swatch-line", style: { background: hidden ? "#e2e8f0" : TIE_COLORS[r.tieType as keyof typeof TIE_COLORS] } }),
        h("button", { class: "link", on: { click: () => void app.focus(r.other) } }, g.getNodeAttribute(r.other, "label") || r.other),
        h("span", { class: "meta" }, `${r.relation}${r.wave ? ` · ${r.wave}` : ""} · ${fmt(r.weight)}`),
      ),
    );
  }
  if (rows.length > 60) ul.append(h("li", { class: "muted" }, `… ${rows.length - 60} more`));
  if (rows.length === 0) ul.append(h("li", { class: "muted" }, "none"));
  return ul;
}

export function renderActor(app: App, el: HTMLElement): void {
  const id = app.selected;
  const g = app.data;
  if (!g || !id || !g.hasNode(id)) {
    replace(
      el,
      h("p", { class: "muted" }, "Click an actor in the graph, pick one from the gatekeeper list or search it by name to see its attributes, metrics and roles."),
      h("p", { class: "muted" }, "Hover an actor to see where its knowledge comes from (in-flows) and where it goes (out-flows)."),
    );
    return;
  }
  const a = g.getNodeAttributes(id);
  const an = app.analysis;
  const out: Child[] = [];
  out.push(h("h2", { class: "actor-name" }, a.label || id));
  if (a.label && a.label !== id) out.push(h("div", { class: "muted small" }, `id ${id}`));
  const chips = h("div", { class: "chips" });
  chips.append(h("span", { class: "chip" }, a.kind));
  chips.append(h("span", { class: a.inCluster === false ? "chip outside" : "chip" }, a.inCluster === false ? "outside the cluster" : "inside the cluster"));
  if (a.group !== undefined) chips.append(h("span", { class: "chip" }, `group ${a.group}`));
  if (a.stage !== undefined) chips.append(h("span", { class: "chip" }, `stage ${a.stage}`));
  if (a.respondent !== undefined) chips.append(h("span", { class: "chip" }, a.respondent ? "respondent" : "did not respond"));
  const role = an?.roles?.byId[id];
  if (role) chips.append(h("span", { class: "chip role", title: "cognitive role (Giuliani & Bell 2005)" }, ROLE_WORDS[role.role] ?? role.role));
  if (app.hiddenNodes.has(id)) chips.append(h("span", { class: "chip outside" }, "hidden by the filters"));
  out.push(chips);

  if (!an) out.push(h("p", { class: "muted" }, app.analysing ? "Computing metrics…" : "Metrics not available."));
  out.push(...actorRoundsSection(app, id));

  // Why it ranks where it does.
  const gk = an?.gatekeepers;
  if (gk && gk.length > 0) {
    const entry = gk.find((x) => x.id === id);
    out.push(h("h3", {}, "Gatekeeper ranking"));
    if (entry) {
      out.push(
        h("p", { class: "gk-summary" }, h("strong", {}, `${ordinal(entry.rank)} of ${gk.length}`), ` · score ${fmt(entry.score, 3)}`, an?.gatekeeperOptions?.partition ? ` · over ${String(an.gatekeeperOptions.partition)}` : ""),
      );
      if (entry.reasons.length > 0) out.push(h("ul", { class: "reasons" }, ...entry.reasons.map((r) => h("li", {}, r))));
    } else out.push(h("p", { class: "muted" }, "Not ranked (not in the analysed view)."));
  }

  if (role && an?.roles) {
    const t = an.roles.thresholds;
    out.push(h("h3", {}, "Cognitive role"));
    out.push(
      h(
        "table",
        { class: "kv" },
        h("tr", {}, h("th", {}, "local outflow (source)"), h("td", {}, `${fmt(role.localOut)} `, h("span", { class: "rank" }, `threshold > ${fmt(t.localOut)}`))),
        h("tr", {}, h("th", {}, "local inflow (absorber)"), h("td", {}, `${fmt(role.localIn)} `, h("span", { class: "rank" }, `threshold > ${fmt(t.localIn)}`))),
        h("tr", {}, h("th", {}, "inflow from outside"), h("td", {}, `${fmt(role.externalIn)} `, h("span", { class: "rank" }, `threshold > ${fmt(t.externalIn)}`))),
        h("tr", {}, h("th", {}, "source/absorber balance"), h("td", {}, `${fmt(role.balance, 2)} (${role.position})`)),
      ),
    );
  }

  if (an && an.metrics.length > 0) {
    out.push(h("h3", {}, "Metrics"));
    const table = h("table", { class: "kv metrics" });
    let section = "";
    for (const m of an.metrics) {
      const vals = an.values[m.key];
      const v = vals?.[id];
      if (m.section !== section) {
        section = m.section;
        table.append(h("tr", {}, h("th", { class: "muted small" }, section), h("td", {})));
      }
      const r = vals ? rankOf(vals, id) : undefined;
      table.append(
        h(
          "tr",
          { title: m.description, dataset: { metric: m.key } },
          h("th", {}, m.label),
          h("td", {}, h("span", { class: "value" }, fmt(v, 4)), r ? h("span", { class: "rank" }, `${ordinal(r.rank)}/${r.of}`) : null),
        ),
      );
    }
    out.push(table);
  }

  const b = an?.brokerage;
  if (b && b.raw[id]) {
    out.push(h("h3", {}, `Brokerage roles over ${b.partition} (group ${b.group[id]})`));
    const table = h("table", { class: "grid brokerage" }, h("tr", {}, h("th", {}, "role"), h("th", {}, "count"), h("th", {}, "z")));
    for (const r of BROKERAGE_ROLES) table.append(h("tr", { dataset: { role: r } }, h("td", {}, r), h("td", {}, fmt(b.raw[id][r], 3)), h("td", {}, fmt(b.z[id][r], 2))));
    out.push(table);
  }

  out.push(h("h3", {}, h("span", { class: "swatch-line", style: { background: FLOW_COLORS.in } }), " Receives knowledge from"));
  out.push(tieList(app, id, "in"));
  out.push(h("h3", {}, h("span", { class: "swatch-line", style: { background: FLOW_COLORS.out } }), " Gives knowledge to"));
  out.push(tieList(app, id, "out"));

  const fixed = new Set<string>(ACTOR_FIELDS);
  const extra = Object.entries(a).filter(([k, v]) => !fixed.has(k) && v !== undefined && v !== null);
  if (extra.length > 0) {
    out.push(h("h3", {}, "Survey attributes"));
    out.push(h("table", { class: "kv" }, ...extra.map(([k, v]) => h("tr", {}, h("th", {}, k), h("td", { class: "text" }, fmt(v))))));
  }
  replace(el, ...out);
}
