/**
 * Comparing two survey rounds in the panels: the change table of `clusterflow waves` (0→1, 1→0, 1→1, 0→0,
 * Hamming distance, Jaccard index) per relation and the verdicts of each round in the diagnosis panel; an
 * actor's presence, gatekeeper rank and cognitive role in both rounds, and its ties created and dissolved,
 * in the actor panel. Every label from the data is set as text.
 */
import type { App } from "../app.js";
import { fmt, h, type Child } from "../dom.js";
import { ROLE_WORDS } from "../analysis/compute.js";
import { PRESENCE_COLORS, ROUND_CHANGE_COLORS } from "../encodings.js";
import type { ChangeTable } from "../../../src/metrics/waves.js";
import { stateOf, VERDICT_STATE_WORDS } from "../../../src/diagnosis/verdict.js";

function label(app: App, id: string): string {
  return app.data?.hasNode(id) ? app.data.getNodeAttribute(id, "label") || id : id;
}

function names(app: App, ids: string[]): string {
  const shown = ids.slice(0, 12).map((id) => label(app, id));
  return ids.length > 12 ? `${shown.join(", ")} … and ${ids.length - 12} more` : shown.join(", ");
}

/** The diagnosis panel's section: change table per relation, who entered and left, verdicts in both rounds. */
export function changeSection(app: App): Child[] {
  const c = app.state.compare;
  if (!c) return [];
  const r = app.analysis?.rounds;
  const out: Child[] = [h("h3", {}, `Change ${c.from} → ${c.to}`)];
  if (!r || r.from !== c.from || r.to !== c.to) {
    out.push(h("p", { class: "muted" }, "Comparing the two rounds…"));
    return out;
  }
  // Measures down, relations across: the panel is narrow and the relations few.
  const rows: { cell: keyof ChangeTable; label: string; title: string; digits?: number }[] = [
    { cell: "n01", label: "0→1 created", title: "no tie in the earlier round, a tie in the later" },
    { cell: "n10", label: "1→0 dissolved", title: "a tie in the earlier round, none in the later" },
    { cell: "n11", label: "1→1 kept", title: "a tie in both rounds" },
    { cell: "n00", label: "0→0", title: "no tie in either round" },
    { cell: "hamming", label: "Hamming", title: "Hamming distance: 0→1 + 1→0" },
    { cell: "jaccard", label: "Jaccard", title: "Jaccard index: 1→1 / (0→1 + 1→0 + 1→1)", digits: 3 },
    { cell: "missing", label: "missing", title: "cells missing in either round (left out of the table)" },
    { cell: "actorCount", label: "actors", title: "actors present in both rounds: the table is over their ordered pairs" },
  ];
  const table = h("table", { class: "grid round-table change-table" }, h("tr", {}, h("th", {}, ""), ...r.relations.map((rel) => h("th", { class: "text", title: rel.relation === "any relation" ? "a cell is 1 when some relation has a tie" : `the ties of ${rel.relation}` }, rel.relation))));
  for (const row of rows) {
    table.append(
      h(
        "tr",
        { dataset: { cell: row.cell } },
        h("th", { title: row.title }, row.label),
        ...r.relations.map((rel) => {
          const v = rel.table[row.cell] as number;
          return h("td", { dataset: { relation: rel.relation, cell: row.cell } }, row.digits ? fmt(v, row.digits) : String(v));
        }),
      ),
    );
  }
  out.push(h("div", { class: "table-scroll" }, table));
  out.push(h("p", { class: "muted small" }, `As \`clusterflow waves\` computes it (RSiena's conventions): a cell is 1 when a tie of strength > 0 is recorded in the round; only actors present in both rounds count. Presence: ${[...new Set(Object.values(r.presenceSource))].join(" / ")}.`));
  out.push(
    h(
      "p",
      { class: "presence-changes" },
      h("span", { class: "mark-inline", style: { borderColor: PRESENCE_COLORS.entering } }),
      h("strong", {}, `Entering (${r.entering.length}): `),
      r.entering.length ? names(app, r.entering) : "none",
      h("br"),
      h("span", { class: "mark-inline dashed", style: { borderColor: PRESENCE_COLORS.leaving } }),
      h("strong", {}, `Leaving (${r.leaving.length}): `),
      r.leaving.length ? names(app, r.leaving) : "none",
    ),
  );
  if (r.verdicts) {
    const vt = h("table", { class: "grid round-table round-verdicts" }, h("tr", {}, h("th", {}, "verdict"), h("th", {}, c.from), h("th", {}, c.to)));
    const word = (v: boolean | null) => VERDICT_STATE_WORDS[stateOf({ holds: v })];
    for (const v of r.verdicts) {
      vt.append(h("tr", { dataset: { verdict: v.name } }, h("td", { class: "text" }, v.name), h("td", { title: v.summaries[0] }, word(v.holds[0])), h("td", { title: v.summaries[1] }, word(v.holds[1]))));
    }
    out.push(h("h3", {}, "Verdicts in each round"), vt, h("p", { class: "muted small" }, "Each round diagnosed on its own (its ties, the actors present in it)."));
  } else out.push(h("p", { class: "muted small" }, "Each round's verdicts, ranks and roles: computing…"));
  for (const n of r.notes) out.push(h("p", { class: "muted small" }, n));
  return out;
}

/** The actor panel's section: presence, rank and role in both rounds; ties created and dissolved. */
export function actorRoundsSection(app: App, id: string): Child[] {
  const c = app.state.compare;
  const r = app.analysis?.rounds;
  if (!c) return [];
  const out: Child[] = [h("h3", {}, `Rounds ${c.from} → ${c.to}`)];
  if (!r || r.from !== c.from || r.to !== c.to) {
    out.push(h("p", { class: "muted" }, "Comparing the two rounds…"));
    return out;
  }
  const presence = app.presenceChange(id);
  if (presence) out.push(h("p", { class: `presence ${presence}` }, presence === "entering" ? `Entering: present in ${c.to} only.` : `Leaving: present in ${c.from} only.`));
  const pos = r.positions?.[id];
  if (pos) {
    const ord = (rank: number | null, k: number) => (rank === null ? "not ranked" : `${rank} of ${r.ranked?.[k] ?? "?"}`);
    const cell = (k: 0 | 1, what: "present" | "rank" | "role") => {
      const p = pos[k];
      const text = what === "present" ? (p.present ? "yes" : "no") : !p.present ? "—" : what === "rank" ? ord(p.rank, k) : p.role ? (ROLE_WORDS[p.role] ?? p.role) : "—";
      return h("td", { dataset: { round: k === 0 ? c.from : c.to } }, text);
    };
    out.push(
      h(
        "table",
        { class: "grid round-table actor-rounds" },
        h("tr", {}, h("th", {}, ""), h("th", {}, c.from), h("th", {}, c.to)),
        h("tr", { dataset: { row: "present" } }, h("td", {}, "present"), cell(0, "present"), cell(1, "present")),
        h("tr", { dataset: { row: "rank" } }, h("td", {}, "gatekeeper rank"), cell(0, "rank"), cell(1, "rank")),
        h("tr", { dataset: { row: "role" } }, h("td", {}, "cognitive role"), cell(0, "role"), cell(1, "role")),
      ),
    );
  } else out.push(h("p", { class: "muted small" }, "Ranks and roles in each round: computing…"));
  // Ties created and dissolved, by relation (the "any relation" table has no cells of its own).
  const created: { other: string; dir: "out" | "in"; relation: string; counted: boolean }[] = [];
  const dissolved: typeof created = [];
  for (const rel of r.relations) {
    for (const cell of rel.cells ?? []) {
      if (cell.source !== id && cell.target !== id) continue;
      const row = { other: cell.source === id ? cell.target : cell.source, dir: cell.source === id ? ("out" as const) : ("in" as const), relation: rel.relation, counted: cell.counted };
      if (cell.change === "created") created.push(row);
      else if (cell.change === "dissolved") dissolved.push(row);
    }
  }
  const list = (rows: typeof created, change: "created" | "dissolved") => {
    const ul = h("ul", { class: "ties round-ties", dataset: { change } });
    for (const t of rows.slice(0, 60)) {
      ul.append(
        h(
          "li",
          {},
          h("span", { class: change === "dissolved" ? "swatch-line dashed" : "swatch-line", style: change === "dissolved" ? { borderColor: ROUND_CHANGE_COLORS.dissolved } : { background: ROUND_CHANGE_COLORS.created } }),
          h("span", { class: "change" }, t.dir === "out" ? "gives to" : "receives from"),
          h("button", { class: "link", on: { click: () => void app.focus(t.other) } }, label(app, t.other)),
          h("span", { class: "meta" }, `${t.relation}${t.counted ? "" : change === "created" ? " · entering" : " · leaving"}`),
        ),
      );
    }
    if (rows.length > 60) ul.append(h("li", { class: "muted" }, `… ${rows.length - 60} more`));
    if (rows.length === 0) ul.append(h("li", { class: "muted" }, "none"));
    return ul;
  };
  out.push(h("h4", {}, `Ties created (${created.length})`), list(created, "created"));
  out.push(h("h4", {}, `Ties dissolved (${dissolved.length})`), list(dissolved, "dissolved"));
  return out;
}
