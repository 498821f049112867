/**
 * The cluster diagnosis (src/diagnosis/diagnose.ts) as `clusterflow report` computes it: the four
 * verdicts with their summary, evidence and thresholds; the cluster types of the typology (several may
 * hold; those the data cannot judge listed together with their reasons); then critical actors and
 * bridging opportunities.
 * The evidence is given in the report's words and units; actor ids become buttons that focus the actor.
 */
import type { App } from "../app.js";
import { fmt, h, type Child } from "../dom.js";
import { verdictFacts } from "../../../src/report/document.js";
import { KEY_PLAYER_RULE } from "../../../src/diagnosis/fragmentationProfile.js";
import { TYPE_TITLES } from "../../../src/diagnosis/typology.js";
import { VERDICT_STATE_WORDS } from "../../../src/diagnosis/verdict.js";
import { clusterTypeFacts } from "../../../src/report/findings.js";

function label(app: App, id: string): string {
  return app.analysis?.diagnosis?.labels[id] ?? (app.data?.hasNode(id) ? app.data.getNodeAttribute(id, "label") || id : id);
}

/**
 * An actor named in a sentence, opening its panel (click, Enter or Space): inline text with the role of a
 * button — a button's box would take a long name's full width and push the comma after it to the line's end.
 */
function actorButton(app: App, id: string): HTMLElement {
  const open = () => void app.focus(id);
  return h(
    "span",
    {
      class: "actor-link",
      role: "button",
      tabindex: "0",
      dataset: { id },
      on: {
        click: open,
        keydown: (e: KeyboardEvent) => {
          if (e.key !== "Enter" && e.key !== " ") return;
          e.preventDefault();
          open();
        },
      },
    },
    label(app, id),
  );
}

export function renderVerdicts(app: App): Child[] {
  const an = app.analysis;
  const d = an?.diagnosis;
  const problem = an?.problems.find((p) => p.section === "diagnosis");
  if (!d) {
    if (problem) return [h("div", { class: "banner warn" }, `Diagnosis not available: ${problem.message}`)];
    return app.analysing ? [h("p", { class: "muted" }, "Diagnosing the cluster…")] : [];
  }
  const out: Child[] = [];
  const holding = d.verdicts.filter((v) => v.holds === true);
  const unjudged = d.verdicts.filter((v) => v.holds === null);
  const stateWord = (v: (typeof d.verdicts)[number]) => (v.holds === true ? "yes" : v.holds === false ? "no" : "cannot judge");
  const types = d.typology?.types ?? [];
  const typesHolding = types.filter((x) => x.state === "holds").map((x) => TYPE_TITLES[x.name].toLowerCase());
  out.push(h("h3", {}, "Verdicts"));
  out.push(
    h(
      "p",
      { class: "verdict-summary" },
      (holding.length === 0 ? "None of the verdicts that could be judged holds on this view." : `This cluster is ${holding.map((v) => v.name).join(", ")}.`) +
        (unjudged.length ? ` Cannot judge: ${unjudged.map((v) => v.name).join(", ")}.` : "") +
        (typesHolding.length ? ` Cluster type: ${typesHolding.join("; ")}.` : ""),
    ),
  );
  for (const v of d.verdicts) {
    const details = h(
      "details",
      {},
      h("summary", { class: "muted small" }, "evidence and thresholds"),
      // The report's own wording (src/report/document.ts): words and units, never raw keys or NaN.
      h("table", { class: "kv evidence" }, ...verdictFacts(v, d.labels).map(([k, x]) => h("tr", {}, h("th", {}, k), h("td", { class: "text" }, x)))),
    );
    out.push(
      h(
        "div",
        { class: `verdict ${v.holds === true ? "yes" : v.holds === false ? "no" : "unclear"}`, dataset: { verdict: v.name, holds: String(v.holds), state: v.state } },
        h("h4", {}, `${v.holds === true ? "●" : v.holds === false ? "○" : "?"} ${v.name}: ${stateWord(v)}`),
        h("p", {}, v.summary),
        details,
      ),
    );
  }
  if (types.length > 0) {
    out.push(h("h3", {}, "Cluster type"));
    out.push(h("p", { class: "muted small" }, "Each type judged on its own thresholds (listed with each); several may hold."));
    const card = (x: (typeof types)[number]) =>
      h(
        "div",
        { class: `verdict ${x.state === "holds" ? "type-holds" : x.state === "does-not-hold" ? "type-not" : "unclear"}`, dataset: { clusterType: x.name, state: x.state } },
        h("h4", {}, `${x.state === "holds" ? "●" : x.state === "does-not-hold" ? "○" : "?"} ${TYPE_TITLES[x.name]}: ${VERDICT_STATE_WORDS[x.state]}`),
        h("p", {}, x.summary),
        h("details", {}, h("summary", { class: "muted small" }, "evidence and thresholds"), h("table", { class: "kv evidence" }, ...clusterTypeFacts(x).map(([k, v]) => h("tr", {}, h("th", {}, k), h("td", { class: "text" }, v))))),
      );
    for (const x of types) if (x.state !== "cannot-judge") out.push(card(x));
    const unjudgedTypes = types.filter((x) => x.state === "cannot-judge");
    if (unjudgedTypes.length > 0) {
      out.push(
        h(
          "details",
          { class: "unjudged-types", dataset: { state: "cannot-judge" } },
          h("summary", { class: "muted small" }, `? Cannot judge: ${unjudgedTypes.map((x) => TYPE_TITLES[x.name]).join(", ")}`),
          h("ul", { class: "reasons muted small" }, ...unjudgedTypes.map((x) => h("li", { dataset: { clusterType: x.name } }, x.reason ?? x.summary))),
        ),
      );
    }
  }
  const c = d.criticalActors;
  if (c && c.set.length > 0) {
    out.push(h("h3", {}, "Critical actors"));
    const p = h("p", {}, `Removing `);
    c.set.forEach((id, i) => {
      if (i > 0) p.append(i === c.set.length - 1 ? " and " : " ");
      p.append(actorButton(app, id));
      if (i < c.set.length - 2) p.append(",");
    });
    const dw = c.criterion === "DF";
    const word = dw ? "distance-weighted fragmentation" : "fragmentation";
    const before = dw ? c.before.distanceWeighted : c.before.fragmentation;
    const after = dw ? c.after.distanceWeighted : c.after.fragmentation;
    if (c.increase > 0) p.append(` raises ${word} from ${fmt(before, 3)} to ${fmt(after, 3)} (${c.method}).`);
    else p.append(` — the ${c.set.length} most critical actors — leaves ${word} at ${fmt(after, 3)}: no small set of actors holds the network together (${c.method}).`);
    out.push(p);
    out.push(h("p", { class: "muted small" }, `Rule: ${KEY_PLAYER_RULE}.`));
  }
  const b = d.bridging;
  if (b && (b.newTies.length > 0 || b.groupPairs.some((g) => g.status !== "ok"))) {
    out.push(h("h3", {}, "Bridging opportunities"));
    const weak = b.groupPairs.filter((g) => g.status !== "ok").slice(0, 6);
    if (weak.length > 0) {
      out.push(
        h(
          "table",
          { class: "grid" },
          h("tr", {}, h("th", {}, "groups"), h("th", {}, "ties a→b"), h("th", {}, "b→a"), h("th", {}, "density")),
          ...weak.map((g) => h("tr", {}, h("td", {}, `${g.a} – ${g.b}`), h("td", {}, g.tiesAB), h("td", {}, g.tiesBA), h("td", {}, fmt(g.density, 3)))),
        ),
      );
    }
    if (b.newTies.length > 0) {
      out.push(h("p", { class: "muted small" }, "New ties that would help most:"));
      out.push(h("ul", { class: "reasons" }, ...b.newTies.map((t) => h("li", {}, actorButton(app, t.a), " – ", actorButton(app, t.b), ` (${t.groupA} – ${t.groupB}, ${t.reason})`))));
    }
  }
  if (d.notes.length > 0) out.push(h("ul", { class: "reasons muted small" }, ...d.notes.map((n) => h("li", {}, n))));
  const o = d.options;
  out.push(h("p", { class: "muted small" }, `Groups: ${o.partition} (${o.partitionSource}); seed ${o.seed}; ${o.reps} permutations; scope ${o.scope}; ties read as ${o.direction}. The same figures as \`clusterflow report\` on this view.`));
  return out;
}
