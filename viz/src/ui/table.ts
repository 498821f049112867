/**
 * The actor table: every actor of the analysed view with its attributes and every metric the analysis
 * computed; sortable by any column, searchable by name, downloadable as CSV. "CSV (centrality)" is the
 * table `clusterflow centrality --csv` prints for the same view (same module, src/cli/centralityTable.ts).
 */
import type { App } from "../app.js";
import { fmt, h, replace } from "../dom.js";
import { viewOf } from "../analysis/compute.js";
import { CENTRALITY_COLUMNS, centralityCsv } from "../../../src/cli/centralityTable.js";
import { csvTable } from "../../../src/cli/output.js";

interface Column {
  key: string;
  label: string;
  title: string;
  numeric: boolean;
  value(id: string): string | number | undefined;
}

function columns(app: App): Column[] {
  const d = app.data!;
  const attr = (name: string) => (id: string) => {
    const v = d.getNodeAttribute(id, name as never) as unknown;
    return v === undefined || v === null ? undefined : typeof v === "boolean" ? (v ? "yes" : "no") : (v as string | number);
  };
  const cols: Column[] = [
    { key: "label", label: "actor", title: "name (id)", numeric: false, value: (id) => d.getNodeAttribute(id, "label") || id },
    { key: "kind", label: "kind", title: "kind of actor", numeric: false, value: attr("kind") },
  ];
  if (app.distinct("group").length > 0) cols.push({ key: "group", label: "group", title: "group", numeric: false, value: attr("group") });
  cols.push({ key: "inCluster", label: "inside", title: "inside the cluster", numeric: false, value: attr("inCluster") });
  const an = app.analysis;
  if (an?.gatekeepers) {
    const rank = new Map(an.gatekeepers.map((g) => [g.id, g.rank]));
    cols.push({ key: "gatekeeperRank", label: "gatekeeper rank", title: "rank in the gatekeeper ranking", numeric: true, value: (id) => rank.get(id) });
  }
  for (const m of an?.metrics ?? []) cols.push({ key: m.key, label: m.label, title: `${m.label} (${m.section}): ${m.description}`, numeric: true, value: (id) => an!.values[m.key]?.[id] });
  if (an?.roles) cols.push({ key: "role", label: "cognitive role", title: "cognitive role", numeric: false, value: (id) => an.roles!.byId[id]?.role });
  return cols;
}

/** Ids of the actors of the analysed view, in the view's order (the order the command line prints). */
export function viewActors(app: App): string[] {
  return app.data ? viewOf(app.data, app.state.filter).nodes() : [];
}

/** `clusterflow centrality --csv` on the view shown. */
export function centralityCsvOfView(app: App): string {
  const an = app.analysis;
  if (!an || !CENTRALITY_COLUMNS.every((c) => an.values[c])) throw new Error("the centrality measures are still being computed");
  return centralityCsv(viewActors(app).map((id) => ({ id, ...Object.fromEntries(CENTRALITY_COLUMNS.map((c) => [c, an.values[c][id]])) }) as { id: string } & Record<(typeof CENTRALITY_COLUMNS)[number], number>));
}

/** Every column of the table, for the actors shown. */
export function tableCsv(app: App): string {
  const cols = columns(app);
  return csvTable(["id", ...cols.map((c) => c.key)], viewActors(app).map((id) => [id, ...cols.map((c) => c.value(id) ?? "")]));
}

export class ActorTable {
  private sortKey = "gatekeeperRank";
  private descending = false;
  private query = "";
  private limit = 200;

  constructor(
    private app: App,
    private onDownload: (text: string, name: string) => void,
    private onError: (message: string) => void,
  ) {}

  render(el: HTMLElement): void {
    const app = this.app;
    if (!app.data) return replace(el, h("p", { class: "muted" }, "No data loaded yet."));
    const cols = columns(app);
    if (!cols.some((c) => c.key === this.sortKey)) this.sortKey = "label";
    const col = cols.find((c) => c.key === this.sortKey)!;
    const q = this.query.trim().toLowerCase();
    let ids = viewActors(app).filter((id) => !q || String(app.data!.getNodeAttribute(id, "label") || id).toLowerCase().includes(q) || id.toLowerCase().includes(q));
    const sign = this.descending ? -1 : 1;
    ids = ids.sort((a, b) => {
      const va = col.value(a);
      const vb = col.value(b);
      const missA = va === undefined || (typeof va === "number" && !Number.isFinite(va));
      const missB = vb === undefined || (typeof vb === "number" && !Number.isFinite(vb));
      if (missA || missB) return Number(missA) - Number(missB);
      if (typeof va === "number" && typeof vb === "number") return sign * (va - vb);
      return sign * String(va).localeCompare(String(vb), undefined, { numeric: true });
    });
    const search = h("input", { type: "search", placeholder: "Filter actors by name…", value: this.query, aria: { label: "filter the table by actor name" } });
    search.addEventListener("input", () => {
      this.query = search.value;
      this.render(el);
      const again = el.querySelector<HTMLInputElement>("input[type=search]");
      again?.focus();
      again?.setSelectionRange(again.value.length, again.value.length);
    });
    const head = h(
      "tr",
      {},
      ...cols.map((c) =>
        h(
          "th",
          { title: c.title, aria: { sort: c.key === this.sortKey ? (this.descending ? "descending" : "ascending") : "none" } },
          h(
            "button",
            {
              class: "link",
              dataset: { sort: c.key },
              on: {
                click: () => {
                  if (this.sortKey === c.key) this.descending = !this.descending;
                  else {
                    this.sortKey = c.key;
                    this.descending = c.numeric && c.key !== "gatekeeperRank";
                  }
                  this.render(el);
                },
              },
            },
            c.label,
            c.key === this.sortKey ? (this.descending ? " ▼" : " ▲") : "",
          ),
        ),
      ),
    );
    const shown = ids.slice(0, this.limit);
    const body = shown.map((id) =>
      h(
        "tr",
        { dataset: { id }, class: id === app.selected ? "selected" : "" },
        ...cols.map((c, i) => {
          const v = c.value(id);
          const text = v === undefined ? "–" : typeof v === "number" ? (Number.isFinite(v) ? fmt(v, 3) : "–") : String(v);
          return i === 0 ? h("td", { class: "text" }, h("button", { class: "link", title: String(v), on: { click: () => void app.focus(id) } }, text)) : h("td", { class: c.numeric ? "" : "text" }, text);
        }),
      ),
    );
    replace(
      el,
      h("div", { class: "row" }, search),
      h(
        "div",
        { class: "row" },
        h("button", { dataset: { action: "table-csv-centrality" }, title: "the table `clusterflow centrality --csv` prints for this view", on: { click: () => this.download(() => centralityCsvOfView(app), "centrality.csv") } }, "CSV (centrality)"),
        h("button", { dataset: { action: "table-csv" }, title: "every column of this table", on: { click: () => this.download(() => tableCsv(app), "actors.csv") } }, "CSV (all columns)"),
      ),
      h("p", { class: "muted small" }, `${ids.length} of ${viewActors(app).length} actors${ids.length > shown.length ? `, first ${shown.length} shown` : ""}. Click a column to sort; “–” = not computed or undefined.`),
      h("div", { class: "table-wrap" }, h("table", { class: "grid actor-table" }, h("thead", {}, head), h("tbody", {}, ...body))),
      ids.length > shown.length ? h("button", { on: { click: () => ((this.limit += 500), this.render(el)) } }, "Show more") : null,
    );
  }

  private download(make: () => string, name: string): void {
    try {
      this.onDownload(make(), name);
    } catch (e) {
      this.onError(e instanceof Error ? e.message : String(e));
    }
  }
}
