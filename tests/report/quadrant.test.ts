/** The role quadrant's regions are the regions of the cognitive-role rule: every dot sits in its role's region. */
import { describe, expect, it } from "vitest";
import { readInput } from "../../src/io/load.js";
import { diagnose } from "../../src/diagnosis/diagnose.js";
import { quadrantSvg } from "../../src/report/svg.js";
import { COGNITIVE_ROLE_LABELS } from "../../src/diagnosis/roles.js";

describe("role quadrant", () => {
  it.each(["jepara-furniture", "taiwan-flowers", "suame-magazine"])("%s: each dot in its role's region", async (name) => {
    const { graph } = await readInput(new URL(`../../datasets/${name}/`, import.meta.url).pathname);
    const d = diagnose(graph, { reps: 99, nullReps: 9, interventions: false });
    const svg = quadrantSvg(d);
    const lines = [...svg.matchAll(/<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)" stroke="#95a5a6"/g)].map((m) => m.slice(1).map(Number));
    const vx = lines.find((l) => l[0] === l[2])![0];
    const hy = lines.find((l) => l[1] === l[3])![1];
    const dots = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*><title>[^<]* — ([^;]+);/g)];
    expect(dots.length).toBe(d.roles.actors.filter((a) => a.inCluster).length);
    const region: Record<string, [boolean, boolean]> = {
      [COGNITIVE_ROLE_LABELS.technologicalGatekeeper]: [true, true],
      [COGNITIVE_ROLE_LABELS.activeMutualExchanger]: [false, true],
      [COGNITIVE_ROLE_LABELS.externalStar]: [true, false],
      [COGNITIVE_ROLE_LABELS.weaklyConnected]: [false, false],
      [COGNITIVE_ROLE_LABELS.isolated]: [false, false],
    };
    for (const [, cx, cy, label] of dots) {
      const [right, up] = region[label.replace(/&#39;/g, "'")];
      expect(Number(cx) > vx, `${label} x`).toBe(right);
      expect(Number(cy) < hy, `${label} y`).toBe(up);
    }
  });
});
