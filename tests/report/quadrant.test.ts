/** The role quadrant's regions are the regions of the cognitive-role rule: every dot sits in its role's region. */
import { describe, expect, it } from "vitest";
import { readInput } from "../../src/io/load.js";
import { diagnose } from "../../src/diagnosis/diagnose.js";
import { quadrantSvg } from "../../src/report/svg.js";
import { COGNITIVE_ROLE_LABELS, localMargin } from "../../src/diagnosis/roles.js";

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

describe("role quadrant axes and labels", () => {
  it("niceTicks: round steps (1, 2, 2.5, 5 × 10^k) covering the range, 0 among them when the range spans it", async () => {
    const { niceTicks } = await import("../../src/report/svg.js");
    expect(niceTicks(-1, 7.25)).toEqual([-2, 0, 2, 4, 6, 8]);
    expect(niceTicks(0, 0.37, 5)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(-3.2, 0.5)).toEqual([-4, -3, -2, -1, 0, 1]);
    expect(niceTicks(0, 12, 5)).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
    for (const [lo, hi] of [[-1, 7.25], [-17, 33], [0, 0.37], [-0.004, 0.0093], [2, 2]]) {
      const t = niceTicks(lo, hi);
      expect(t[0]).toBeLessThanOrEqual(lo);
      expect(t[t.length - 1]).toBeGreaterThanOrEqual(hi);
      expect(t.length - 1).toBeLessThanOrEqual(6);
      const step = t[1] - t[0];
      const mant = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 2.5, 5].some((m) => Math.abs(m - mant) < 1e-9), `${lo}..${hi}: step ${step}`).toBe(true);
      if (lo < 0 && hi > 0) expect(t).toContain(0);
    }
    // Strengths of 1e-120 (a file's own scale) give ticks, not a toFixed range error.
    const tiny = niceTicks(0, 3e-120, 5);
    expect(tiny[tiny.length - 1]).toBeGreaterThanOrEqual(3e-120);
    expect(tiny.every(Number.isFinite)).toBe(true);
    expect(new Set(tiny).size).toBe(tiny.length);
  });

  it("Thai: the y-axis ticks are round values, and the 12 external stars at one point get one label", async () => {
    const { graph } = await readInput(new URL("../../datasets/thai-automotive/", import.meta.url).pathname);
    const d = diagnose(graph, { reps: 19, nullReps: 0, interventions: false });
    const svg = quadrantSvg(d);
    const yTicks = [...svg.matchAll(/<text x="[\d.]+" y="[\d.]+" text-anchor="end" class="tick">([^<]*)<\/text>/g)].map((m) => Number(m[1].replace("−", "-")));
    expect(yTicks.length).toBeGreaterThan(2);
    for (const v of yTicks) expect(Number.isInteger(v / 0.5) || Number.isInteger(v), String(v)).toBe(true);
    expect(yTicks).toContain(0);
    const labels = [...svg.matchAll(/<text [^>]*class="pt"[^>]*>([^<]*)<\/text>/g)].map((m) => m[0]);
    const places = labels.map((l) => /x="([\d.]+)" y="([\d.]+)"/.exec(l)!.slice(1).join(" "));
    expect(new Set(places).size).toBe(places.length);
    // The largest set of inside actors drawn at one point, from the roles themselves; its label names how
    // many they are and the best-ranked of them.
    const at = new Map<string, string[]>();
    for (const p of d.roles.actors.filter((x) => x.inCluster)) {
      const k = `${p.externalOpenness} ${localMargin(p.localOut, p.localIn, d.roles.thresholds)}`;
      at.set(k, [...(at.get(k) ?? []), p.id]);
    }
    const rank = new Map(d.gatekeepers.ranking.map((r, i) => [r.id, i]));
    const crowd = [...at.values()].filter((ids) => ids.some((id) => (d.gatekeepers.ranking[rank.get(id)!]?.score ?? 0) > 0)).sort((a, b) => b.length - a.length)[0];
    expect(crowd.length).toBeGreaterThan(1);
    const best = [...crowd].sort((a, b) => rank.get(a)! - rank.get(b)!)[0];
    const name = d.labels[best] ?? best;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/&/g, "&amp;");
    expect(labels.some((l) => new RegExp(`data-actors="${crowd.length}"[^>]*>${crowd.length} actors: ${escaped.slice(0, 12)}.* and ${crowd.length - 1} more<`).test(l))).toBe(true);
  });

  it("the gatekeeper table gives local outflow in the unit of the role thresholds, named in its header", async () => {
    const { reportDocument } = await import("../../src/report/document.js");
    const { graph } = await readInput(new URL("../../datasets/jepara-furniture/", import.meta.url).pathname);
    const d = diagnose(graph, { reps: 19, nullReps: 0, interventions: false });
    const t = reportDocument(d).sections.find((s) => s.id === "gatekeepers")!.blocks.find((b) => b.kind === "table");
    if (t?.kind !== "table") throw new Error("no gatekeeper table");
    const col = t.columns.findIndex((c) => c.startsWith("local outflow (strength"));
    expect(t.columns[col]).toBe(`local outflow (strength; local source > ${d.roles.thresholds.localOut})`);
    const first = d.gatekeepers.ranking[0];
    expect(t.rows[0][col]).toBe(first.localOutStrength);
    expect(t.rows[0][t.columns.indexOf("local actors reached (actors)")]).toBe(first.localOut);
    // Strength, not a partner count, where the two differ.
    expect(d.gatekeepers.ranking.some((r) => r.localOutStrength !== r.localOut)).toBe(true);
  });
});

describe("quadrant point labels", () => {
  it("a label that would cover an earlier one moves to the next free place beside its dot", async () => {
    const { placeLabel, boxesOverlap } = await import("../../src/report/svg.js");
    const bounds = { left: 56, right: 624, top: 16, bottom: 392 };
    const first = placeLabel("Principal subcontractor 1", 200, 200, [], bounds)!;
    expect(first).toMatchObject({ end: false, anchorX: 207, baseline: 194 });
    const second = placeLabel("Principal subcontractor 2", 203, 201, [first], bounds)!;
    expect(boxesOverlap(first, second)).toBe(false);
    // Its first choice would have covered the first label.
    expect(boxesOverlap(first, placeLabel("Principal subcontractor 2", 203, 201, [], bounds)!)).toBe(true);
    // At the right edge the label goes to the left of its dot; with no free place it is left out.
    expect(placeLabel("A long name near the edge", 620, 200, [], bounds)!.end).toBe(true);
    const wall = Array.from({ length: 12 }, (_, i) => ({ x0: 0, x1: 700, y0: 150 + i * 8, y1: 158 + i * 8, anchorX: 0, baseline: 0, end: false }));
    expect(placeLabel("x", 300, 200, wall, bounds)).toBeUndefined();
  });

  it.each(["thai-automotive", "taiwan-flowers", "jepara-furniture", "sialkot-surgical", "bangalore-software"])("%s: no two point labels of the quadrant overlap, and every label stays inside the plot", async (name) => {
    const { boxesOverlap } = await import("../../src/report/svg.js");
    const { graph } = await readInput(new URL(`../../datasets/${name}/`, import.meta.url).pathname);
    const d = diagnose(graph, { reps: 19, nullReps: 0, interventions: false });
    const svg = quadrantSvg(d);
    const boxes = [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"( text-anchor="end")? class="pt"[^>]*>([^<]*)<\/text>/g)].map((m) => {
      const x = Number(m[1]);
      const y = Number(m[2]);
      const w = 6.1 * [...m[4].replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">")].length;
      return { x0: m[3] ? x - w : x, x1: m[3] ? x : x + w, y0: y - 10, y1: y + 2, anchorX: x, baseline: y, end: Boolean(m[3]) };
    });
    expect(boxes.length).toBeGreaterThan(0);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i], boxes[j]), `${i} and ${j}`).toBe(false);
      expect(boxes[i].x0).toBeGreaterThanOrEqual(56 - 0.1);
      expect(boxes[i].x1).toBeLessThanOrEqual(624 + 0.1);
    }
  });
});
