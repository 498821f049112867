/** The import report: every problem as file:line:column, with its hint; counts and notes. */
import type { App } from "../app.js";
import { h, replace, type Child } from "../dom.js";
import { formatLocation, type ImportIssue, type ImportReport } from "../../../src/io/report.js";

function issueItem(i: ImportIssue): HTMLElement {
  return h(
    "li",
    { class: `issue issue-${i.severity}`, dataset: { code: i.code } },
    h("span", { class: "loc" }, formatLocation(i)),
    ": ",
    h("span", { class: `sev-${i.severity}` }, i.severity),
    ": ",
    h("span", { class: "msg" }, i.message),
    h("span", { class: "muted" }, ` [${i.code}]`),
    i.hint ? h("span", { class: "hint" }, `→ ${i.hint}`) : null,
  );
}

function reportBlock(report: ImportReport, title: string, failed: boolean): Child[] {
  const out: Child[] = [];
  const errors = report.errors.length;
  const warnings = report.warnings.length;
  if (failed) {
    out.push(h("div", { class: "banner error import-failed" }, h("strong", {}, `${title} could not be loaded`), `: ${errors} error(s), ${warnings} warning(s). Fix the file(s) and load again; nothing was shown from them.`));
  } else if (warnings > 0) {
    out.push(h("div", { class: "banner warn" }, `${title}: loaded with ${warnings} warning(s).`));
  } else {
    out.push(h("div", { class: "banner ok" }, `${title}: loaded without problems.`));
  }
  out.push(
    h(
      "table",
      { class: "kv" },
      h("tr", {}, h("th", {}, "format"), h("td", { class: "text" }, report.format)),
      h("tr", {}, h("th", {}, "direction"), h("td", { class: "text" }, report.direction === "asks" ? "asks (source asks target; stored as flow target → source)" : "flow (source gives knowledge to target)")),
      h("tr", {}, h("th", {}, "files"), h("td", { class: "text" }, report.files.join(", ") || "–")),
      h("tr", {}, h("th", {}, "actors / ties"), h("td", {}, `${report.counts.actors} / ${report.counts.ties}`)),
      h("tr", {}, h("th", {}, "rows read / dropped"), h("td", {}, `${report.counts.rowsRead} / ${report.counts.rowsDropped}`)),
      h("tr", {}, h("th", {}, "actors created from ties"), h("td", {}, report.counts.actorsCreated)),
    ),
  );
  const problems = report.issues.filter((i) => i.severity !== "info");
  const infos = report.issues.filter((i) => i.severity === "info");
  if (problems.length > 0) {
    out.push(h("h3", {}, `Problems (${problems.length})`));
    out.push(h("ul", { class: "issues problems" }, ...problems.slice(0, 500).map(issueItem)));
    if (problems.length > 500) out.push(h("p", { class: "muted" }, `… ${problems.length - 500} more (clusterflow validate lists them all)`));
  }
  if (report.notes.length > 0) {
    out.push(h("h3", {}, "Notes"));
    out.push(h("ul", { class: "reasons" }, ...report.notes.map((n) => h("li", {}, n))));
  }
  if (infos.length > 0) {
    const d = h("details", {}, h("summary", { class: "muted" }, `${infos.length} informational message(s)`), h("ul", { class: "issues" }, ...infos.slice(0, 300).map(issueItem)));
    out.push(d);
  }
  return out;
}

export function renderReport(app: App, el: HTMLElement, readme?: string): void {
  const out: Child[] = [];
  if (app.failedReport) {
    out.push(...reportBlock(app.failedReport.report, app.failedReport.source.name, true));
    if (app.data && app.source) out.push(h("p", { class: "muted" }, `Still shown: ${app.source.name}.`));
  }
  if (app.report && app.source) {
    if (app.failedReport) out.push(h("h3", {}, `Shown: ${app.source.name}`));
    out.push(...reportBlock(app.report, app.source.name, false));
  }
  if (readme) {
    out.push(h("h3", {}, "About this dataset"));
    out.push(h("pre", { class: "readme" }, readme));
  }
  if (out.length === 0) out.push(h("p", { class: "muted" }, "No data loaded yet."));
  replace(el, ...out);
}
