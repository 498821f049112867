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
import { download, exportGexf, exportJson, exportPng, exportReport, exportSvg, filterNote, renderPng, renderSvg, viewerJson } from "./export.js";
import { fmt } from "./dom.js";
import { ActorTable, centralityCsvOfView } from "./ui/table.js";
import { readUrlState, writeUrlState, type UrlState } from "./urlState.js";
import { mapSummary } from "./ui/summary.js";
import type { ViewFilter } from "./analysis/compute.js";

const params = new URLSearchParams(location.search);
const urlState = readUrlState(params);
const embed = params.get("embed") === "1";
if (embed) document.body.classList.add("embed");
const datasets = bundledDatasets();

// ------------------------------------------------------------------ shell

const stageEl = h("div", { id: "graph" });
const legendEl = h("div", { class: "legend", aria: { label: "legend" } });
const hoverCard = h("div", { class: "hover-card", style: { display: "none" } });
const dropOverlay = h("div", { class: "drop-overlay" }, "Drop files to analyse them (nothing leaves your browser)");
const emptyEl = h("div", { class: "empty" }, h("div", {}, "Loading…"));
const mapTitle = h("h1", { class: "map-title" });
const mapNote = h("div", { class: "map-note" });
const summaryEl = h("p", { class: "visually-hidden", id: "map-summary" });
/** What the arrow keys reached, read out by screen readers. */
const announceEl = h("p", { class: "visually-hidden", id: "map-announce", aria: { live: "polite" } });
const keyHelp = "Arrow keys: next / previous actor (in gatekeeper rank, then by name); Enter: open its panel; + / −: zoom; 0: fit; Escape: clear.";
const graphArea = h(
  "div",
  { class: "graph-area", tabindex: "0", role: "application", aria: { label: `the map of the cluster. ${keyHelp}`, describedby: "map-summary" } },
  stageEl,
  h("div", { class: "map-head" }, mapTitle, mapNote),
  hoverCard,
  emptyEl,
  summaryEl,
  announceEl,
);
const printMap = h("div", { class: "print-map" });
const stage = h("section", { class: "stage" }, graphArea, legendEl, dropOverlay, printMap);

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
  table: h("button", { dataset: { tab: "table" } }, "Table"),
  data: h("button", { dataset: { tab: "data" } }, "Data"),
};
const panelBody = h("div", { class: "panel-body" });
let activeTab: keyof typeof tabs = "diagnosis";

const pngScale = h(
  "select",
  { title: "size of the PNG: times the size on screen, or a width in pixels", dataset: { control: "png-scale" } },
  ...["1", "2", "3", "4"].map((v) => h("option", { value: v, selected: v === "2" }, `${v}×`)),
  ...["1920", "3840"].map((v) => h("option", { value: `w${v}` }, `${v} px wide`)),
);
function pngOptions(): { scale?: number; width?: number } {
  const v = pngScale.value;
  return v.startsWith("w") ? { width: Number(v.slice(1)) } : { scale: Number(v) };
}
const exportButtons = h(
  "div",
  { class: "export-buttons" },
  h("div", { class: "row" }, h("button", { dataset: { action: "export-png" }, title: "the current view as a PNG image, with its title, filters and legend", on: { click: () => void run(() => exportPng(app, pngOptions())) } }, "PNG"), pngScale, h("button", { dataset: { action: "export-svg" }, title: "the current view as an SVG drawing, with its title, filters and legend", on: { click: () => void run(async () => exportSvg(app)) } }, "SVG")),
  h(
    "div",
    { class: "row" },
    h("button", { dataset: { action: "export-gexf" }, title: "the analysed view with its metrics, for Gephi (reopens here and in the command line)", on: { click: () => void run(() => exportGexf(app)) } }, "GEXF"),
    h("button", { dataset: { action: "export-json" }, title: "the analysed view and everything computed, as JSON (reopens here and in the command line)", on: { click: () => void run(async () => exportJson(app)) } }, "JSON"),
    h("button", { dataset: { action: "export-report" }, title: "the HTML report of this view, as `clusterflow report --format html` writes it", on: { click: () => void run(async () => exportReport(app)) } }, "Report (HTML)"),
    h("button", { dataset: { action: "print" }, title: "print the map with its legend", on: { click: () => window.print() } }, "Print"),
  ),
);

const toggleControls = h("button", { class: "drawer-toggle", dataset: { action: "toggle-controls" }, aria: { expanded: "false", controls: "controls" }, title: "gatekeepers, appearance, filters, layout, export" }, "☰ Controls");
const togglePanel = h("button", { class: "drawer-toggle", dataset: { action: "toggle-panel" }, aria: { expanded: "false", controls: "panel" }, title: "actor, diagnosis, table and data" }, "Details");
const cancelButton = h("button", { class: "cancel", dataset: { action: "cancel-analysis" }, title: "stop computing the analysis of this view", style: { display: "none" }, on: { click: () => app.cancelAnalysis() } }, "Cancel");

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
  cancelButton,
  toggleControls,
  togglePanel,
  fileInput,
);

const left = h("aside", { class: "sidebar left", id: "controls", aria: { label: "controls" } }, controls.root, controls.exportSection(exportButtons));
const closePanel = h("button", { class: "drawer-close", title: "close", aria: { label: "close the panel" }, on: { click: () => setDrawer(undefined) } }, "×");
const right = h("aside", { class: "sidebar right", id: "panel", aria: { label: "details" } }, h("nav", { class: "tabs" }, tabs.actor, tabs.diagnosis, tabs.table, tabs.data, closePanel), panelBody);
const backdrop = h("div", { class: "drawer-backdrop", on: { click: () => setDrawer(undefined) } });
const main = h("main", { class: "main" }, left, stage, right, backdrop);
replace(document.getElementById("app")!, topbar, main);

// ------------------------------------------------------------------ drawers (narrow screens)

/** Below 1100 px the controls, below 820 px also the details, are drawers over the map. */
let drawer: "controls" | "panel" | undefined;
function setDrawer(d: typeof drawer): void {
  drawer = d;
  main.classList.toggle("controls-open", d === "controls");
  main.classList.toggle("panel-open", d === "panel");
  toggleControls.setAttribute("aria-expanded", String(d === "controls"));
  togglePanel.setAttribute("aria-expanded", String(d === "panel"));
}
toggleControls.addEventListener("click", () => setDrawer(drawer === "controls" ? undefined : "controls"));
togglePanel.addEventListener("click", () => setDrawer(drawer === "panel" ? undefined : "panel"));
const panelIsDrawer = () => window.matchMedia("(max-width: 820px)").matches;

// ------------------------------------------------------------------ panels

let readme: string | undefined;

function renderPanel(): void {
  for (const [k, b] of Object.entries(tabs)) b.classList.toggle("active", k === activeTab);
  const failing = app.failedReport?.report.errors.length ?? 0;
  const warnings = app.report?.warnings.length ?? 0;
  replace(tabs.data, "Data", failing > 0 ? h("span", { class: "badge" }, failing) : warnings > 0 ? h("span", { class: "badge warn" }, warnings) : null);
  if (activeTab === "actor") {
    renderActor(app, panelBody);
    if (app.selected) panelBody.append(egoControls(app.selected));
  } else if (activeTab === "diagnosis") renderDiagnosis(app, panelBody);
  else if (activeTab === "table") table.render(panelBody);
  else renderReport(app, panelBody, readme);
}

const table = new ActorTable(
  app,
  (text, name) => download(new Blob([text], { type: "text/csv" }), `${(app.source?.id ?? "clusterflow").replace(/[^A-Za-z0-9._-]+/g, "-")}-${name}`),
  (message) => showError(message),
);

/** The ego-network view of the selected actor: k steps, sources and recipients separately. */
function egoControls(id: string): HTMLElement {
  const current = app.ego?.id === id ? app.ego : undefined;
  const k = h("select", { dataset: { control: "ego-k" }, aria: { label: "steps" } }, ...[1, 2, 3].map((n) => h("option", { value: String(n), selected: (current?.k ?? 1) === n }, `${n} step${n > 1 ? "s" : ""}`)));
  const dir = h(
    "select",
    { dataset: { control: "ego-direction" }, aria: { label: "direction" } },
    h("option", { value: "in", selected: current?.direction === "in" }, "its sources (ties into it)"),
    h("option", { value: "out", selected: current?.direction === "out" }, "its recipients (ties out of it)"),
    h("option", { value: "both", selected: !current || current.direction === "both" }, "both"),
  );
  return h(
    "div",
    { class: "ego" },
    h("h3", {}, "Ego network"),
    h("div", { class: "row" }, k, dir),
    h(
      "div",
      { class: "row" },
      h("button", { dataset: { action: "ego-show" }, on: { click: () => app.setEgo({ id, k: Number(k.value), direction: dir.value as "in" | "out" | "both" }) } }, "Show only these"),
      app.ego ? h("button", { dataset: { action: "ego-clear" }, on: { click: () => app.setEgo(undefined) } }, "Show all") : null,
    ),
    h("p", { class: "muted small" }, "A view for looking: the metrics stay those of the filtered view."),
  );
}

function showError(message: string): void {
  statusEl.textContent = message;
  statusEl.classList.add("error");
}

function showTab(t: keyof typeof tabs): void {
  activeTab = t;
  renderPanel();
  panelBody.scrollTop = 0;
  if (panelIsDrawer() && drawer !== "panel") setDrawer("panel");
}

for (const [k, b] of Object.entries(tabs)) b.addEventListener("click", () => showTab(k as keyof typeof tabs));

function renderStatus(): void {
  statusEl.classList.toggle("error", app.status === "error" || !!app.failedReport || !!app.renderError);
  cancelButton.style.display = app.analysing && app.data ? "" : "none";
  if (app.renderError) {
    statusEl.textContent = `The map cannot be drawn: ${app.renderError}`;
    replace(emptyEl, h("div", { class: "render-error" }, h("strong", {}, "The map cannot be drawn"), h("div", {}, app.renderError), h("div", { class: "muted small" }, "The tables and the diagnosis still work. A browser with WebGL enabled shows the map.")));
    emptyEl.style.display = "";
    return;
  }
  if (app.failedReport) {
    statusEl.textContent = `Import failed: ${app.failedReport.report.errors.length} error(s) in ${app.failedReport.source.name}`;
  } else if (app.status === "loading" && !app.data) statusEl.textContent = "Loading…";
  else if (app.data) {
    const warnings = app.report?.warnings.length ?? 0;
    // The graph is usable as soon as it is drawn; the analysis follows, step by step.
    const step = app.analysing ? ` · graph ready · computing ${app.analysisStep ?? "the analysis"}…` : app.analysisError ? ` · analysis: ${app.analysisError}` : "";
    statusEl.textContent = `${app.data.order} actors · ${app.data.size} ties${warnings ? ` · ${warnings} import warning${warnings === 1 ? "" : "s"}` : ""}${step}`;
    statusEl.title = app.source?.name ?? "";
  } else statusEl.textContent = "";
  emptyEl.style.display = app.data ? "none" : "";
}

function renderHead(): void {
  const name = app.source?.name ?? "";
  mapTitle.textContent = name;
  mapTitle.title = app.source?.name ?? "";
  document.title = name ? `${name} — clusterflow viewer` : "clusterflow viewer";
  mapNote.textContent = filterNote(app);
  summaryEl.textContent = mapSummary(app);
}

app.on("graph", () => {
  renderLegend(app, legendEl);
  renderPanel();
  renderStatus();
  renderHead();
});
app.on("analysis", () => {
  renderLegend(app, legendEl);
  renderPanel();
  renderStatus();
  renderHead();
  saveUrl();
});
app.on("encoding", () => {
  renderLegend(app, legendEl);
  saveUrl();
});
app.on("filter", () => {
  renderLegend(app, legendEl);
  renderHead();
  if (activeTab === "actor" || activeTab === "table") renderPanel();
  saveUrl();
});
app.on("layout", saveUrl);
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
    if (panelIsDrawer() && !embed) setDrawer("panel");
  } else if (activeTab === "actor") renderPanel();
  saveUrl();
});
app.on("hover", () => {
  // The legend names the hovered actor's flows in place of the ties: it keeps its height meanwhile, so that
  // the map does not change size (and redraw, and move under the pointer) on every hover.
  if (app.hovered) legendEl.style.minHeight = `${legendEl.offsetHeight}px`;
  renderLegend(app, legendEl);
  if (!app.hovered) legendEl.style.minHeight = "";
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
    app.presenceChange(id) ? h("div", { class: "small" }, app.presenceChange(id) === "entering" ? `entering: present in ${app.state.compare!.to} only` : `leaving: present in ${app.state.compare!.from} only`) : null,
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

// ------------------------------------------------------------------ keyboard on the map

graphArea.addEventListener("keydown", (e) => {
  const cam = app.renderer?.getCamera();
  let handled = true;
  if (e.key === "ArrowRight" || e.key === "ArrowDown") app.keyboardStep(1);
  else if (e.key === "ArrowLeft" || e.key === "ArrowUp") app.keyboardStep(-1);
  else if (e.key === "Home") {
    app.keyboardActor = undefined;
    app.keyboardStep(1);
  } else if (e.key === "Enter" || e.key === " ") {
    if (app.keyboardActor) {
      app.select(app.keyboardActor);
      showTab("actor");
    }
  } else if (e.key === "+" || e.key === "=") void cam?.animatedZoom({ duration: 200 });
  else if (e.key === "-" || e.key === "_") void cam?.animatedUnzoom({ duration: 200 });
  else if (e.key === "0") void cam?.animatedReset({ duration: 250 });
  else if (e.key === "Escape") {
    app.keyboardActor = undefined;
    app.setHovered(undefined);
    app.select(undefined);
  } else handled = false;
  if (handled) {
    e.preventDefault();
    e.stopPropagation();
    if (app.keyboardActor) {
      const a = app.data?.getNodeAttributes(app.keyboardActor);
      const gk = app.analysis?.gatekeepers?.find((g) => g.id === app.keyboardActor);
      announceEl.textContent = a ? `${a.label || app.keyboardActor}: ${a.kind}${a.group ? `, ${a.group}` : ""}${a.inCluster === false ? ", outside the cluster" : ""}; receives from ${app.hoverIn.size}, gives to ${app.hoverOut.size}${gk ? `; gatekeeper rank ${gk.rank}` : ""}. Enter opens its panel.` : "";
    }
  }
});
graphArea.addEventListener("blur", () => {
  if (app.keyboardActor && app.hovered === app.keyboardActor) app.setHovered(undefined);
});

// ------------------------------------------------------------------ printing

/**
 * The WebGL layers do not print: the map is printed from its SVG picture, made when printing starts — on
 * `beforeprint`, and when the page turns to print media without that event (a browser's PDF export, an
 * automated print).
 */
function fillPrintMap(): void {
  try {
    const doc = new DOMParser().parseFromString(renderSvg(app).svg, "image/svg+xml");
    replace(printMap, document.importNode(doc.documentElement, true));
  } catch {
    replace(printMap);
  }
}
const printMedia = window.matchMedia("print");
window.addEventListener("beforeprint", fillPrintMap);
window.addEventListener("afterprint", () => {
  if (!printMedia.matches) replace(printMap);
});
printMedia.addEventListener("change", () => (printMedia.matches ? fillPrintMap() : replace(printMap)));

// ------------------------------------------------------------------ the view in the URL

let restoring = true;
let urlTimer: ReturnType<typeof setTimeout> | undefined;
/** Write the view (dataset, encodings, filters, camera, selection) to the address, without a new history entry. */
function saveUrl(): void {
  if (restoring || !app.data) return;
  if (urlTimer) clearTimeout(urlTimer);
  urlTimer = setTimeout(() => {
    urlTimer = undefined;
    const cam = app.renderer?.getCamera().getState();
    const st: UrlState = {
      dataset: app.source?.kind === "bundled" ? app.source.id : undefined,
      colorBy: app.state.colorBy,
      sizeBy: app.state.sizeBy,
      labels: app.state.labels,
      layout: app.state.layout,
      seed: app.state.seed,
      partition: app.state.partition,
      filter: app.state.filter,
      colors: app.state.colors,
      camera: cam ? { x: cam.x, y: cam.y, ratio: cam.ratio } : undefined,
      selected: app.selected,
      ego: app.ego,
      compare: app.state.compare,
      embed,
    };
    const q = writeUrlState(st);
    const url = `${location.pathname}${q ? `?${q}` : ""}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(null, "", url);
  }, 250);
}

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
  filter?: ViewFilter;
  colors?: Record<string, Record<string, string>>;
  compare?: { from: string; to: string };
}

function initialFromUrl(): Initial {
  const i: Initial = {};
  if (urlState.colorBy) i.colorBy = urlState.colorBy as ColorBy;
  if (urlState.sizeBy) i.sizeBy = urlState.sizeBy;
  if (urlState.labels) i.labels = urlState.labels;
  if (urlState.seed !== undefined) i.seed = urlState.seed;
  if (urlState.partition) i.partition = urlState.partition;
  if (urlState.layout) i.layout = urlState.layout;
  if (urlState.filter) i.filter = urlState.filter;
  if (urlState.colors) i.colors = urlState.colors;
  if (urlState.compare) i.compare = urlState.compare;
  return i;
}

/** After the first load: camera, selection and ego network from the address. */
async function restoreView(): Promise<void> {
  await app.whenIdle();
  if (urlState.ego) app.setEgo(urlState.ego);
  if (urlState.selected && app.data?.hasNode(urlState.selected)) app.select(urlState.selected);
  if (urlState.camera) app.renderer?.getCamera().setState(urlState.camera);
  await app.whenIdle();
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
  // A format or direction chosen in the menus applies to this opening only: the next files are
  // recognised again by their names and contents.
  const options = { format: formatSelect.value || undefined, direction: (directionSelect.value || undefined) as NominationDirection | undefined };
  formatSelect.value = "";
  directionSelect.value = "";
  return loadFiles(files, { name, kind: "files" }, options);
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
  } else if (e.key === "Escape") {
    app.select(undefined);
    setDrawer(undefined);
  }
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
  pngDataUrl: async (options: { scale?: number; width?: number } = {}) => {
    const blob = await renderPng(app, options);
    return new Promise<string>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.readAsDataURL(blob);
    });
  },
  viewerJson: () => viewerJson(app),
  svg: () => renderSvg(app),
  pngSize: async (options: { scale?: number; width?: number }) => {
    const blob = await renderPng(app, options);
    const bmp = await createImageBitmap(blob);
    return { width: bmp.width, height: bmp.height, bytes: blob.size };
  },
  centralityCsv: () => centralityCsvOfView(app),
  labelBoxes: () => app.labelBoxes,
  groupLabelBoxes: () => app.groupLabelBoxes,
  setDrawer,
  showTab,
};
(window as unknown as { __app: typeof api }).__app = api;

async function boot(): Promise<void> {
  const initial = initialFromUrl();
  const wanted = urlState.dataset;
  if (!wanted) {
    const served = await loadServed();
    if (served) {
      // The served input's format and direction are its own: the menus stay on "auto" for the next files.
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

api.ready = boot()
  .then(() => restoreView())
  .then(() => {
    restoring = false;
    app.renderer?.getCamera().on("updated", saveUrl);
    saveUrl();
  });
