/** The left sidebar: appearance, filters, layout and the gatekeeper list. */
import type { App, ColorBy, LabelMode } from "../app.js";
import { COLOR_BY } from "../app.js";
import { fmt, h, replace } from "../dom.js";
import { TIE_COLORS } from "../encodings.js";
import type { TieType } from "../../../src/model/types.js";
import { renderGatekeepers } from "./gatekeepers.js";

function section(title: string, open: boolean, ...body: Node[]): HTMLDetailsElement {
  const d = h("details", { class: "section" }, h("summary", {}, title), h("div", { class: "section-body" }, ...body));
  d.open = open;
  return d;
}

function field(label: string, control: HTMLElement): HTMLElement {
  return h("label", { class: "field" }, h("span", {}, label), control);
}

function select(options: { value: string; label: string }[], value: string, onChange: (v: string) => void, name: string): HTMLSelectElement {
  const s = h("select", { dataset: { control: name }, on: { change: () => onChange(s.value) } }, ...options.map((o) => h("option", { value: o.value, selected: o.value === value }, o.label)));
  s.value = value;
  return s;
}

/**
 * A set of checkboxes; all checked = no restriction (undefined). `onChange` receives the checked values
 * or undefined when all are checked.
 */
function checkGroup(name: string, values: string[], selected: string[] | undefined, onChange: (v: string[] | undefined) => void, swatch?: (v: string) => string | undefined): HTMLElement {
  const boxes: HTMLInputElement[] = [];
  const wrap = h("div", { class: "checks", dataset: { filter: name } });
  for (const v of values) {
    const box = h("input", { type: "checkbox", checked: !selected || selected.includes(v), dataset: { value: v } });
    box.addEventListener("change", () => {
      const on = boxes.filter((b) => b.checked).map((b) => b.dataset.value!);
      onChange(on.length === values.length ? undefined : on);
    });
    boxes.push(box);
    const color = swatch?.(v);
    wrap.append(h("label", { title: v }, box, color ? h("span", { class: "swatch-line", style: { background: color } }) : null, v));
  }
  return wrap;
}

export class Controls {
  private appearance = h("div");
  private filters = h("div");
  private layout = h("div");
  private roundsBody = h("div");
  private roundsSection: HTMLDetailsElement;
  private gk = h("div", { class: "gatekeepers" });
  root: HTMLElement;

  constructor(private app: App) {
    this.roundsSection = section("Survey rounds", true, this.roundsBody);
    this.roundsSection.dataset.section = "rounds";
    this.root = h(
      "div",
      {},
      section("Gatekeepers", true, this.gk),
      section("Appearance", true, this.appearance),
      this.roundsSection,
      section("Filters", true, this.filters),
      section("Layout", true, this.layout),
    );
    app.on("graph", () => this.renderAll());
    app.on("analysis", () => {
      this.renderAppearance();
      renderGatekeepers(app, this.gk);
    });
    app.on("selection", () => renderGatekeepers(app, this.gk));
    app.on("layout", () => this.renderLayout());
    app.on("filter", () => {
      this.renderFilters();
      this.renderRounds();
    });
  }

  /** The export buttons, in their own section at the end. */
  exportSection(buttons: HTMLElement): HTMLElement {
    return section("Export", true, buttons, h("p", { class: "muted small" }, "PNG: the view as shown, with its legend. GEXF and JSON: the analysed view with every metric, role and community."));
  }

  renderAll(): void {
    this.renderAppearance();
    this.renderFilters();
    this.renderLayout();
    this.renderRounds();
    renderGatekeepers(this.app, this.gk);
  }

  /** Compare two survey rounds: the earlier and the later, then Compare; "Back to one view" leaves. */
  renderRounds(): void {
    const app = this.app;
    const rounds = app.data ? app.rounds() : [];
    this.roundsSection.style.display = rounds.length >= 2 ? "" : "none";
    if (rounds.length < 2) return replace(this.roundsBody);
    const c = app.state.compare;
    const fromValue = c?.from ?? rounds[rounds.length - 2];
    const toValue = c?.to ?? rounds[rounds.length - 1];
    const from = select(rounds.slice(0, -1).map((r) => ({ value: r, label: r })), fromValue, () => sync(), "compare-from");
    const to = select(rounds.slice(1).map((r) => ({ value: r, label: r })), toValue, () => sync(), "compare-to");
    const message = h("p", { class: "muted small" });
    const go = h("button", { class: c ? "" : "primary", dataset: { action: "compare" } }, c ? "Compare these" : "Compare");
    const sync = () => {
      const ok = rounds.indexOf(from.value) < rounds.indexOf(to.value);
      go.disabled = !ok;
      message.textContent = ok ? "" : "The earlier round must come before the later one.";
    };
    go.addEventListener("click", () => app.setCompare({ from: from.value, to: to.value }));
    sync();
    const parts: Node[] = [h("div", { class: "row compare-pick" }, field("Earlier", from), h("span", { class: "arrow", aria: { hidden: "true" } }, "→"), field("Later", to)), h("div", { class: "row" }, go, c ? h("button", { dataset: { action: "compare-off" }, on: { click: () => app.setCompare(undefined) } }, "Back to one view") : null), message];
    if (c) {
      parts.push(h("p", { class: "muted small compare-note" }, `Comparing ${c.from} → ${c.to}: ties created, kept and dissolved, actors entering and leaving. The wave filter is set aside; sizes and the diagnosis are of the two rounds pooled, each round's ranks and roles are in the actor panel.`));
    } else parts.push(h("p", { class: "muted small" }, `${rounds.length} rounds: ${rounds.join(", ")}. Pick two to see which ties were created, kept and dissolved.`));
    replace(this.roundsBody, ...parts);
  }

  renderAppearance(): void {
    const app = this.app;
    if (!app.data) return replace(this.appearance);
    const colorOptions = COLOR_BY.filter((c) => {
      if (c.key === "group" || c.key === "stage") return app.distinct(c.key).length > 0;
      return true;
    }).map((c) => ({ value: c.key as string, label: c.label }));
    const attrs = app.attributeEncodings();
    for (const a of attrs.categorical) colorOptions.push({ value: `attr:${a}`, label: `attribute: ${a}` });
    const metrics = app.analysis?.metrics ?? [];
    const sizeOptions = [...metrics.map((m) => ({ value: m.key, label: `${m.label} (${m.section})` })), ...attrs.numeric.map((a) => ({ value: `attr:${a}`, label: `attribute: ${a}` })), { value: "uniform", label: "same size for all" }];
    const partitions = ["inCluster", "kind", "group", "stage"].filter((p) => p === "inCluster" || app.distinct(p).length > 1);
    replace(
      this.appearance,
      field("Colour actors by", select(colorOptions, app.state.colorBy, (v) => app.setColorBy(v as ColorBy), "colorBy")),
      field("Size actors by", select(sizeOptions.length > 1 ? sizeOptions : [{ value: app.state.sizeBy, label: "computing…" }], app.state.sizeBy, (v) => app.setSizeBy(v), "sizeBy")),
      field(
        "Labels",
        select(
          [
            { value: "auto", label: "as space allows (gatekeepers always)" },
            { value: "all", label: "all actors" },
            { value: "none", label: "none" },
          ],
          app.state.labels,
          (v) => app.setLabels(v as LabelMode),
          "labels",
        ),
      ),
      field(
        "Groups for brokerage and gatekeeping",
        select(
          partitions.map((p) => ({ value: p, label: p === "inCluster" ? "inside / outside the cluster" : p })),
          app.state.partition,
          (v) => app.setPartition(v),
          "partition",
        ),
      ),
    );
  }

  renderFilters(): void {
    const app = this.app;
    if (!app.data) return replace(this.filters);
    const f = app.state.filter;
    const parts: Node[] = [];
    const relations = app.relations();
    if (relations.length > 1) parts.push(field("Relation", checkGroup("relation", relations, f.relations, (v) => app.setFilter({ relations: v }))));
    const waves = app.waves();
    if (waves.length > 1 && !app.state.compare) parts.push(field("Wave", checkGroup("wave", waves, f.waves, (v) => app.setFilter({ waves: v }))));
    const types = app.tieTypes();
    if (types.length > 0) parts.push(field("Tie type", checkGroup("tieType", types, f.tieTypes, (v) => app.setFilter({ tieTypes: v as TieType[] | undefined }), (t) => TIE_COLORS[t as TieType])));
    const kinds = app.distinct("kind");
    if (kinds.length > 1) parts.push(field("Actor kind", checkGroup("kind", kinds, f.kinds, (v) => app.setFilter({ kinds: v }))));
    const [lo, hi] = app.weightRange();
    if (hi > lo) {
      const value = h("span", { class: "muted" }, fmt(f.minWeight ?? lo));
      const range = h("input", { type: "range", min: String(lo), max: String(hi), step: String(Number.isInteger(lo) && Number.isInteger(hi) ? 1 : (hi - lo) / 50), value: String(f.minWeight ?? lo), dataset: { filter: "minWeight" } });
      range.addEventListener("input", () => (value.textContent = fmt(Number(range.value))));
      range.addEventListener("change", () => {
        const v = Number(range.value);
        app.setFilter({ minWeight: v > lo ? v : undefined });
      });
      parts.push(field("Minimum tie strength", h("div", { class: "range-row" }, range, value)));
    }
    const hasOutside = app.distinct("inCluster").includes("false");
    if (hasOutside) {
      const box = h("input", { type: "checkbox", checked: f.localOnly ?? false, dataset: { filter: "localOnly" } });
      box.addEventListener("change", () => app.setFilter({ localOnly: box.checked || undefined }));
      parts.push(h("label", { class: "row" }, box, "Local actors only (hide outside actors)"));
    }
    const hiddenTies = app.hiddenEdges.size;
    const hiddenActors = app.hiddenNodes.size;
    parts.push(
      h(
        "div",
        { class: "row" },
        h(
          "span",
          { class: "muted small filter-summary" },
          app.state.compare
            ? `Comparing ${app.state.compare.from} → ${app.state.compare.to}: ${hiddenActors} actors and ${hiddenTies} ties not drawn (the filters, the other rounds, and the earlier copy of each kept tie).`
            : hiddenTies + hiddenActors === 0
              ? "Showing everything."
              : `Hidden: ${hiddenActors} actors, ${hiddenTies} ties. Metrics are computed on what is shown.`,
        ),
        hiddenTies + hiddenActors > 0 ? h("button", { on: { click: () => this.resetFilters() } }, "Show all") : null,
      ),
    );
    replace(this.filters, ...parts);
  }

  private resetFilters(): void {
    this.app.state.filter = {};
    this.app.setFilter({});
  }

  renderLayout(): void {
    const app = this.app;
    if (!app.data) return replace(this.layout);
    const running = app.layoutRunning;
    const seed = h("input", { type: "number", value: String(app.state.seed), min: "0", step: "1", dataset: { control: "seed" } });
    seed.addEventListener("change", () => {
      const v = Math.max(0, Math.floor(Number(seed.value) || 0));
      app.setSeed(v);
      app.layout(app.state.layout === "file" ? "file" : app.state.layout);
    });
    replace(
      this.layout,
      h(
        "div",
        { class: "row" },
        h("button", { class: running ? "" : "primary", dataset: { action: "fa2" }, on: { click: () => (running ? app.stopLayout() : app.startLayout()) } }, running ? "Stop ForceAtlas2" : "Run ForceAtlas2"),
        h("button", { dataset: { action: "layout-force" }, title: "ForceAtlas2 from the seeded start, a fixed number of iterations", on: { click: () => app.layout("force") } }, "Reset"),
      ),
      h(
        "div",
        { class: "row" },
        h("button", { dataset: { action: "layout-groups" }, title: "one disc per group of the current colouring", on: { click: () => app.layout("groups") } }, "By group"),
        h("button", { dataset: { action: "layout-file" }, disabled: !app.hasFilePositions, title: app.hasFilePositions ? "positions read from the file" : "the file has no positions", on: { click: () => app.layout("file") } }, "From file"),
        h("button", { dataset: { action: "layout-random" }, on: { click: () => app.layout("random") } }, "Random"),
      ),
      field("Seed (layouts and Louvain)", seed),
      h("p", { class: "muted small" }, `Current: ${app.state.layout === "force" ? "ForceAtlas2" : app.state.layout === "groups" ? `by ${app.groupingAttribute()}` : app.state.layout === "file" ? "positions from the file" : "random"}${running ? " (running)" : ""}. Drag an actor to move it.`),
    );
  }
}
