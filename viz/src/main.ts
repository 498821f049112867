/**
 * The clusterflow viewer: the page's shell (top bar, sidebars, stage), loading data, and the
 * automation hook `window.__app`.
 */
import "./style.css";
import { App, type ColorBy, type LabelMode, type LayoutName, type Source } from "./app.js";
import { h, replace } from "./dom.js";
import { FORMATS } from "../../src/io/formats.js";
import type { InputFile } from "../../src/io/format.js";
import type { NominationDirection } from "../../src/model/types.js";
import { bundledDatasets, importFiles, loadBundled, loadServed, readUserFiles, type BundledDataset } from "./sources.js";
import { Controls } from "./ui/controls.js";
import { renderLegend } from "./ui/legend.js";
import { renderActor } from "./ui/actor.js";
import { renderDiagnosis } from "./ui/diagnosis.js";
import { renderReport } from "./ui/report.js";
import { exportGexf, exportJson, exportPng, renderPng, viewerJson } from "./export.js";
import { fmt } from "./dom.js";

const params = new URLSearchParams(location.search);
const datasets = bundledDatasets();

// ------------------------------------------------------------------ shell

const stageEl = h("div", { id: "graph" });
const legendEl = h("div", { class: "legend", aria: { label: "legend" } });
const hoverCard = h("div", { class: "hover-card", style: { display: "none" } });
const dropOverlay = h("div", { class: "drop-overlay" }, "Drop files to analyse them (nothing leaves your browser)");
const emptyEl = h("div", { class: "empty" }, h("div", {}, "Loading…"));
const graphArea = h("div", { class: "graph-area" }, stageEl, hoverCard, emptyEl);
const stage = h("section", { class: "stage" }, graphArea, legendEl, dropOverlay);

const app = new App(stageEl);
const controls = new Controls(app);

const statusEl = h("span", { class: "status", role: "status" });
const datasetSelect = h("select", { class: "dataset-select", title: "example clusters bundled with clusterflow", dataset: { control: "dataset" } });
const fileInput = h("input", { type: "file", style: { display: "none" } });
fileInput.multiple = true;
const formatSelect = h(
  "select",
  { title: "format of your files (auto: by name and content)", dataset: { control: "format" } },
  h("option", { value: "" }, "format: auto"),
  ...FORMATS.map((f) => h("option", { value: f.name, title: f.description }, f.name)),
);
const directionSelect = h(
  "select",
  { title: "how ties were recorded (default: the format's convention, as on the command line)", dataset: { control: "direction" } },
  h("option", { value: "" }, "direction: format's default"),
  h("option", { value: "flow" }, "source gives knowledge to target"),
  h("option", { value: "asks" }, "source asks target (reversed)"),
);
const searchInput = h("input", { type: "search", placeholder: "Search an actor…", aria: { label: "search an actor" } });
const searchResults = h("div", { class: "search-results", style: { display: "none" } });

const tabs = {
  actor: h("button", { dataset: { tab: "actor" } }, "Actor"),
  diagnosis: h("button", { dataset: { tab: "diagnosis" } }, "Diagnosis"),
  data: h("button", { dataset: { tab: "data" } }, "Data"),
};
const panelBody = h("div", { class: "panel-body" });
let activeTab: keyof typeof tabs = "diagnosis";

const exportButtons = h(
  "div",
  { class: "row" },
  h("button", { dataset: { action: "export-png" }, title: "the current view as a PNG image, with its legend", on: { click: () => void run(() => exportPng(app)) } }, "PNG"),
  h("button", { dataset: { action: "export-gexf" }, title: "the analysed view with its metrics, for Gephi", on: { click: () => void run(() => exportGexf(app)) } }, "GEXF"),
  h("button", { dataset: { action: "export-json" }, title: "the analysed view and everything computed, as JSON", on: { click: () => void run(async () => exportJson(app)) } }, "JSON"),
);

const topbar = h(
  "header",
  { class: "topbar" },
  h("div", { class: "brand" }, "clusterflow", h("small", {}, "viewer")),
  h("label", { class: "inline" }, "Example", datasetSelect),
  h("button", { class: "primary", dataset: { action: "open" }, title: "open your own files (or drop them on the page); they are analysed in this browser and never uploaded", on: { click: () => fileInput.click() } }, "Open files…"),
  formatSelect,
  directionSelect,
  h("div", { class: "search" }, searchInput, searchResults),
  h("div", { class: "grow" }),
  statusEl,
  fileInput,
);

const left = h("aside", { class: "sidebar left" }, controls.root, controls.exportSection(exportButtons));
const right = h("aside", { class: "sidebar right" }, h("nav", { class: "tabs" }, tabs.actor, tabs.diagnosis, tabs.data), panelBody);
replace(document.getElementById("app")!, topbar, h("main", { class: "main" }, left, stage, right));

// ------------------------------------------------------------------ panels

let readme: string | undefined;

function renderPanel(): void {
  for (const [k, b] of Object.entries(tabs)) b.classList.toggle("active", k === activeTab);
  const failing = app.failedReport?.report.errors.length ?? 0;
  const warnings = app.report?.warnings.length ?? 0;
  replace(tabs.data, "Data", failing > 0 ? h("span", { class: "badge" }, failing) : warnings > 0 ? h("span", { class: "badge warn" }, warnings) : null);
  if (activeTab === "actor") renderActor(app, panelBody);
  else if (activeTab === "diagnosis") renderDiagnosis(app, panelBody);
  else renderReport(app, panelBody, readme);
}

function showTab(t: keyof typeof tabs): void {
  activeTab = t;
  renderPanel();
  panelBody.scrollTop = 0;
}

for (const [k, b] of Object.entries(tabs)) b.addEventListener("click", () => showTab(k as keyof typeof tabs));

function renderStatus(): void {
  statusEl.classList.toggle("error", app.status === "error" || !!app.failedReport);
  if (app.failedReport) {
    statusEl.textContent = `Import failed: ${app.failedReport.report.errors.length} error(s) in ${app.failedReport.source.name}`;
  } else if (app.status === "loading") statusEl.textContent = "Loading…";
  else if (app.data) {
    const an = app.analysis;
    const warnings = app.report?.warnings.length ?? 0;
    statusEl.textContent = `${app.data.order} actors · ${app.data.size} ties${warnings ? ` · ${warnings} import warning${warnings === 1 ? "" : "s"}` : ""}${app.analysing ? " · computing…" : an ? "" : ""}`;
    statusEl.title = app.source?.name ?? "";
  } else statusEl.textContent = "";
  emptyEl.style.display = app.data ? "none" : "";
}

app.on("graph", () => {
  renderLegend(app, legendEl);
  renderPanel();
  renderStatus();
});
app.on("analysis", () => {
  renderLegend(app, legendEl);
  renderPanel();
  renderStatus();
});
app.on("encoding", () => renderLegend(app, legendEl));
app.on("filter", () => {
  renderLegend(app, legendEl);
  if (activeTab === "actor") renderPanel();
});
app.on("status", renderStatus);
app.on("report", () => {
  renderPanel();
  renderStatus();
});
app.on("selection", () => {
  if (app.selected) {
    if (activeTab !== "actor") activeTab = "actor";
    renderPanel();
    panelBody.scrollTop = 0;
  } else if (activeTab === "actor") renderPanel();
});
app.on("hover", () => {
  renderLegend(app, legendEl);
  const id = app.hovered;
  if (!id || !app.data) {
    hoverCard.style.display = "none";
    return;
  }
  const a = app.data.getNodeAttributes(id);
  const gk = app.analysis?.gatekeepers?.find((g) => g.id === id);
  replace(
    hoverCard,
    h("strong", {}, a.label || id),
    h("div", { class: "muted small" }, `${a.kind}${a.group ? ` · ${a.group}` : ""}${a.inCluster === false ? " · outside the cluster" : ""}`),
    h("div", { class: "small" }, `receives from ${app.hoverIn.size} · gives to ${app.hoverOut.size}`),
    gk ? h("div", { class: "small" }, `gatekeeper rank ${gk.rank} · score ${fmt(gk.score, 2)}`) : null,
  );
  hoverCard.style.display = "";
});

// ------------------------------------------------------------------ search

let found: string[] = [];
let active = 0;

function renderSearch(): void {
  if (found.length === 0 || !app.data) {
    searchResults.style.display = "none";
    return;
  }
  replace(
    searchResults,
    ...found.map((id, i) => {
      const a = app.data!.getNodeAttributes(id);
      return h(
        "button",
        { class: i === active ? "active" : "", dataset: { id }, on: { mousedown: (e) => e.preventDefault(), click: () => choose(id) } },
        a.label || id,
        h("span", { class: "sub" }, `${a.kind}${a.group ? ` · ${a.group}` : ""}`),
      );
    }),
  );
  searchResults.style.display = "";
}

function choose(id: string): void {
  found = [];
  renderSearch();
  searchInput.value = app.data?.getNodeAttribute(id, "label") || id;
  void app.focus(id);
}

searchInput.addEventListener("input", () => {
  found = app.find(searchInput.value);
  active = 0;
  renderSearch();
});
searchInput.addEventListener("keydown", (e) => {
  if (e.key === "ArrowDown") active = Math.min(found.length - 1, active + 1);
  else if (e.key === "ArrowUp") active = Math.max(0, active - 1);
  else if (e.key === "Enter") {
    const list = found.length ? found : app.find(searchInput.value);
    if (list.length) choose(list[Math.min(active, list.length - 1)]);
    return;
  } else if (e.key === "Escape") {
    found = [];
  } else return;
  e.preventDefault();
  renderSearch();
});
searchInput.addEventListener("blur", () => {
  found = [];
  renderSearch();
});

// ------------------------------------------------------------------ stage tools

graphArea.append(
  h(
    "div",
    { class: "stage-tools" },
    h("button", { title: "zoom in", on: { click: () => void app.renderer?.getCamera().animatedZoom({ duration: 250 }) } }, "+"),
    h("button", { title: "zoom out", on: { click: () => void app.renderer?.getCamera().animatedUnzoom({ duration: 250 }) } }, "−"),
    h("button", { title: "fit the whole graph", on: { click: () => void app.renderer?.getCamera().animatedReset({ duration: 300 }) } }, "⤢"),
  ),
);

// ------------------------------------------------------------------ loading

async function run(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    statusEl.textContent = e instanceof Error ? e.message : String(e);
    statusEl.classList.add("error");
  }
}

interface Initial {
  layout?: LayoutName;
  colorBy?: ColorBy;
  sizeBy?: string;
  labels?: LabelMode;
  seed?: number;
  partition?: string;
}

function initialFromUrl(): Initial {
  const i: Initial = {};
  const c = params.get("color");
  if (c) i.colorBy = c as ColorBy;
  const s = params.get("size");
  if (s) i.sizeBy = s;
  const l = params.get("labels");
  if (l === "auto" || l === "all" || l === "none") i.labels = l;
  const seed = params.get("seed");
  if (seed !== null && Number.isInteger(Number(seed))) i.seed = Number(seed);
  const p = params.get("partition");
  if (p) i.partition = p;
  const layout = params.get("layout");
  if (layout === "force" || layout === "groups" || layout === "file" || layout === "random") i.layout = layout;
  return i;
}

/** Import files and show them; import problems go to the Data tab, never swallowed. */
async function loadFiles(files: InputFile[], source: Source, options: { format?: string; direction?: NominationDirection } = {}, initial: Initial = {}): Promise<boolean> {
  if (!app.data) app.setStatus("loading");
  const importStart = performance.now();
  const r = await importFiles(files, { format: options.format || undefined, direction: options.direction });
  if (!r.graph || !r.report.ok()) {
    app.setFailed(r.report, source);
    showTab("data");
    return false;
  }
  app.status = "loading";
  app.setData({ graph: r.graph, report: r.report, format: r.format?.name ?? "?", source, marks: { importStart, importEnd: performance.now() } }, initial);
  if (r.report.warnings.length > 0 && activeTab !== "data") renderPanel();
  return true;
}

async function loadDataset(d: BundledDataset, initial: Initial = {}): Promise<boolean> {
  datasetSelect.value = d.id;
  readme = d.readme ? await d.readme() : undefined;
  const files = await loadBundled(d);
  return loadFiles(files, { name: d.title, kind: "bundled", id: d.id }, { format: d.format }, initial);
}

async function loadUser(list: Iterable<File>): Promise<boolean> {
  const files = await readUserFiles(list);
  if (files.length === 0) return false;
  readme = undefined;
  const name = files.length === 1 ? files[0].name : `${files.length} files (${files.map((f) => f.name).join(", ")})`;
  datasetSelect.value = "";
  return loadFiles(files, { name, kind: "files" }, { format: formatSelect.value || undefined, direction: (directionSelect.value || undefined) as NominationDirection | undefined });
}

datasetSelect.append(h("option", { value: "" }, datasets.length ? "— choose —" : "none bundled"));
for (const d of datasets) datasetSelect.append(h("option", { value: d.id, title: d.description ?? "" }, d.title));
datasetSelect.addEventListener("change", () => {
  const d = datasets.find((x) => x.id === datasetSelect.value);
  if (d) void loadDataset(d);
});
fileInput.addEventListener("change", () => {
  if (fileInput.files) void loadUser([...fileInput.files]);
  fileInput.value = "";
});

let dragDepth = 0;
window.addEventListener("dragenter", (e) => {
  if (!e.dataTransfer?.types.includes("Files")) return;
  dragDepth++;
  dropOverlay.classList.add("on");
});
window.addEventListener("dragleave", () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) dropOverlay.classList.remove("on");
});
window.addEventListener("dragover", (e) => e.preventDefault());
window.addEventListener("drop", (e) => {
  e.preventDefault();
  dragDepth = 0;
  dropOverlay.classList.remove("on");
  const files = e.dataTransfer?.files;
  if (files && files.length > 0) void loadUser([...files]);
});

window.addEventListener("keydown", (e) => {
  if (e.key === "/" && document.activeElement !== searchInput) {
    e.preventDefault();
    searchInput.focus();
  } else if (e.key === "Escape") app.select(undefined);
});

// ------------------------------------------------------------------ automation hook

const api = {
  app,
  get graph() {
    return app.data;
  },
  get display() {
    return app.display;
  },
  get renderer() {
    return app.renderer;
  },
  get analysis() {
    return app.analysis;
  },
  get state() {
    return app.state;
  },
  datasets: datasets.map((d) => ({ id: d.id, title: d.title })),
  ready: undefined as unknown as Promise<void>,
  whenIdle: () => app.whenIdle(),
  loadDataset: (id: string) => {
    const d = datasets.find((x) => x.id === id);
    if (!d) return Promise.reject(new Error(`no dataset ${id}`));
    return loadDataset(d).then(() => app.whenIdle());
  },
  loadFiles: (files: InputFile[], options: { format?: string; direction?: NominationDirection } = {}) => loadFiles(files, { name: files.map((f) => f.name).join(", "), kind: "files" }, options),
  pngDataUrl: async () => {
    const blob = await renderPng(app);
    return new Promise<string>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.readAsDataURL(blob);
    });
  },
  viewerJson: () => viewerJson(app),
  showTab,
};
(window as unknown as { __app: typeof api }).__app = api;

async function boot(): Promise<void> {
  const initial = initialFromUrl();
  const wanted = params.get("dataset");
  if (!wanted) {
    const served = await loadServed();
    if (served) {
      if (served.format) formatSelect.value = served.format;
      if (served.direction) directionSelect.value = served.direction;
      readme = undefined;
      datasetSelect.value = "";
      await loadFiles(served.files, { name: served.input, kind: "served" }, { format: served.format, direction: served.direction }, initial);
      return;
    }
  }
  const d = datasets.find((x) => x.id === wanted) ?? datasets.find((x) => x.id === "taiwan-flowers") ?? datasets[0];
  if (d) await loadDataset(d, initial);
  else {
    replace(emptyEl, h("div", {}, "No example datasets in this build. Open or drop your own files (nodes.csv + ties.csv, matrix, roster, GEXF, GraphML, JSON …)."));
    app.setStatus("empty");
  }
}

api.ready = boot().then(() => app.whenIdle());
