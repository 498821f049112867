/** Verdicts of the cluster diagnosis (src/diagnosis/diagnose.ts), each with its evidence. */
import type { App } from "../app.js";
import { h, type Child } from "../dom.js";

export function renderVerdicts(app: App): Child[] {
  const d = app.analysis?.diagnosis;
  const problem = app.analysis?.problems.find((p) => p.section === "diagnosis");
  if (!d) return problem ? [h("div", { class: "banner warn" }, `Diagnosis not available: ${problem.message}`)] : [];
  return [h("pre", { class: "readme" }, JSON.stringify(d, null, 2))];
}
