/** The legend: one block per encoding in use (colour, size, external actors, ties, hover flows). */
import type { App } from "../app.js";
import { fmt, h, replace } from "../dom.js";
import { FLOW_COLORS, OTHER_COLOR, PRESENCE_COLORS, ROUND_CHANGE_COLORS, TIE_COLORS, TIE_LABELS } from "../encodings.js";
import { ROLE_WORDS } from "../analysis/compute.js";

function categoryWord(app: App, value: string): string {
  if (app.state.colorBy === "role") return ROLE_WORDS[value] ?? value;
  if (app.state.colorBy === "inCluster") return value === "inside" ? "inside the cluster" : value === "outside" ? "outside the cluster" : value;
  return value;
}

/** Compare mode: ties created / kept / dissolved with their counts, and the actors entering and leaving. */
function roundBlocks(app: App, from: string, to: string, outside: number): Node[] {
  const out: Node[] = [];
  const r = app.analysis?.rounds;
  out.push(h("h4", {}, `Ties ${from} → ${to}`));
  const counts = app.compareCounts();
  const n = counts.cells;
  if (!n || !r) {
    out.push(h("p", { class: "muted small" }, "Comparing the two rounds…"));
  } else {
    const ul = h("ul", { class: "round-changes" });
    const words = { created: `created (only in ${to})`, kept: "kept (in both rounds)", dissolved: `dissolved (only in ${from})`, unknown: "not comparable (cell missing in the other round)" } as const;
    for (const k of ["created", "kept", "dissolved", "unknown"] as const) {
      if (k === "unknown" && n.unknown === 0) continue;
      const dashed = k === "dissolved" || k === "unknown";
      ul.append(
        h(
          "li",
          { dataset: { change: k } },
          h("span", { class: dashed ? "swatch-line dashed" : k === "created" ? "swatch-line thick" : "swatch-line", style: dashed ? { borderColor: ROUND_CHANGE_COLORS[k] } : { background: ROUND_CHANGE_COLORS[k] } }),
          h("span", {}, words[k]),
          h("span", { class: "count" }, n[k]),
        ),
      );
    }
    const notes: string[] = [];
    if (counts.uncounted.created > 0) notes.push(`${counts.uncounted.created} created with an entering actor`);
    if (counts.uncounted.dissolved > 0) notes.push(`${counts.uncounted.dissolved} dissolved with a leaving actor`);
    ul.title = `Counted per relation and dyad${notes.length ? `; of these, ${notes.join(", ")} (not in the change table, which counts actors present in both rounds)` : ""}.`;
    out.push(ul);
  }
  const { entering, leaving } = counts;
  const p = app.comparePresence;
  const source = p ? [...new Set([p.source[from], p.source[to]])].join(" / ") : "";
  out.push(h("h4", { title: `presence: ${source}` }, "Actors"));
  out.push(
    h(
      "ul",
      { class: "round-presence", title: `presence: ${source}` },
      h("li", { dataset: { presence: "entering" } }, h("span", { class: "mark", style: { borderColor: PRESENCE_COLORS.entering } }), h("span", {}, `entering (only in ${to})`), h("span", { class: "count" }, entering)),
      h("li", { dataset: { presence: "leaving" } }, h("span", { class: "mark dashed", style: { borderColor: PRESENCE_COLORS.leaving } }), h("span", {}, `leaving (only in ${from}), faded`), h("span", { class: "count" }, leaving)),
      outside > 0 ? h("li", {}, h("span", { class: "ring" }), h("span", {}, "outside the cluster (ring)"), h("span", { class: "count" }, outside)) : null,
    ),
  );
  return out;
}

export function renderLegend(app: App, el: HTMLElement): void {
  if (!app.data) {
    el.style.display = "none";
    return;
  }
  el.style.display = "";
  const blocks: Node[] = [];
  const cs = app.colorScale;
  if (cs) {
    blocks.push(h("h4", {}, `Colour: ${cs.title}`));
    const ul = h("ul", { class: "legend-colors" });
    for (const e of cs.entries.slice(0, 14)) {
      // The swatch is a colour picker: the chosen colour sticks to the category (and goes into the URL).
      const picker = h("input", { type: "color", value: e.color.toLowerCase(), dataset: { category: e.value }, aria: { label: `colour of ${categoryWord(app, e.value)}` } });
      picker.addEventListener("change", () => app.setCategoryColor(e.value, picker.value));
      ul.append(h("li", { dataset: { category: e.value } }, h("label", { class: "dot picker", style: { background: e.color }, title: "choose a colour" }, picker), h("span", {}, categoryWord(app, e.value)), h("span", { class: "count" }, e.count)));
    }
    if (cs.others > 0) ul.append(h("li", {}, h("span", { class: "dot", style: { background: OTHER_COLOR } }), h("span", {}, "other values"), h("span", { class: "count" }, cs.others)));
    blocks.push(ul);
  }
  const ss = app.sizeScale;
  if (ss) {
    blocks.push(h("h4", {}, `Size: ${ss.title}`));
    const mid = (ss.min + ss.max) / 2;
    const px = (v: number) => `${Math.round(ss.sizeOf(v) * 2)}px`;
    blocks.push(
      h(
        "div",
        { class: "sizes" },
        ...[ss.min, mid, ss.max].map((v) => h("span", {}, h("i", { style: { width: px(v), height: px(v) } }), fmt(v, 2))),
      ),
    );
  }
  let outside = 0;
  app.data.forEachNode((id, a) => {
    if (a.inCluster === false && !app.hiddenNodes.has(id)) outside++;
  });
  const cmp = app.state.compare;
  if (outside > 0 && !cmp) {
    blocks.push(h("h4", {}, "Actors"));
    blocks.push(h("ul", {}, h("li", {}, h("span", { class: "ring" }), h("span", {}, "outside the cluster (ring)"), h("span", { class: "count" }, outside))));
  }
  if (cmp) {
    // First: on a phone the strip shows its first blocks only.
    blocks.unshift(...roundBlocks(app, cmp.from, cmp.to, outside));
  } else if (app.hovered) {
    const label = app.data.getNodeAttribute(app.hovered, "label") || app.hovered;
    blocks.push(h("h4", {}, `Knowledge flows of ${label}`));
    blocks.push(
      h(
        "ul",
        {},
        h("li", {}, h("span", { class: "swatch-line", style: { background: FLOW_COLORS.in } }), h("span", {}, "in-flow: knowledge it receives"), h("span", { class: "count" }, app.hoverIn.size)),
        h("li", {}, h("span", { class: "swatch-line", style: { background: FLOW_COLORS.out } }), h("span", {}, "out-flow: knowledge it gives"), h("span", { class: "count" }, app.hoverOut.size)),
      ),
    );
  } else {
    const counts = new Map<string, number>();
    app.data.forEachEdge((key, a) => {
      if (!app.hiddenEdges.has(key)) counts.set(a.tieType, (counts.get(a.tieType) ?? 0) + 1);
    });
    if (counts.size > 0) {
      blocks.push(h("h4", {}, app.large ? "Ties (hover an actor: arrows show its flows)" : "Ties (arrow = knowledge flow)"));
      const ul = h("ul", {});
      for (const t of ["horizontal", "vertical", "external"] as const) {
        if (!counts.has(t)) continue;
        ul.append(h("li", {}, h("span", { class: "swatch-line", style: { background: TIE_COLORS[t] } }), h("span", {}, TIE_LABELS[t]), h("span", { class: "count" }, counts.get(t)!)));
      }
      blocks.push(ul);
    }
  }
  // Each title and what follows it form one block of the strip.
  const grouped: Node[] = [];
  let current: HTMLElement | undefined;
  for (const b of blocks) {
    if (b instanceof HTMLElement && b.tagName === "H4") {
      current = h("div", { class: "block" });
      grouped.push(current);
    }
    (current ?? el).appendChild(b);
  }
  replace(el, ...grouped);
}
