/**
 * A text alternative to the map, for screen readers (and the first line a practitioner reads): what
 * is shown, the verdicts that hold, the groups and the first gatekeepers.
 */
import type { App } from "../app.js";

export function mapSummary(app: App): string {
  const g = app.data;
  if (!g) return "No map loaded.";
  const shownActors = g.order - app.hiddenNodes.size;
  const shownTies = g.size - app.hiddenEdges.size;
  const parts: string[] = [`Map of ${app.source?.name ?? "the cluster"}: ${shownActors} actors and ${shownTies} knowledge ties shown (arrows point from the actor who gives knowledge to the one who receives it).`];
  const cs = app.colorScale;
  if (cs && cs.entries.length) {
    const top = cs.entries.slice(0, 8).map((e) => `${e.value} (${e.count})`);
    parts.push(`Colour shows ${cs.title}: ${top.join(", ")}${cs.entries.length > 8 ? `, and ${cs.entries.length - 8} more` : ""}.`);
  }
  const an = app.analysis;
  const verdicts = an?.diagnosis?.verdicts;
  if (verdicts) {
    const holding = verdicts.filter((v) => v.holds);
    parts.push(holding.length ? `Diagnosis: ${holding.map((v) => v.summary).join(" ")}` : "Diagnosis: none of the four patterns (fragmented, closed, hub-and-spoke, gatekeeper-dependent) holds.");
  } else if (app.analysing) parts.push("The diagnosis is being computed.");
  const gk = (an?.gatekeepers ?? []).filter((x) => x.score > 0).slice(0, 3);
  if (gk.length) parts.push(`Top gatekeepers: ${gk.map((x) => g.getNodeAttribute(x.id, "label") || x.id).join(", ")}.`);
  return parts.join(" ");
}
