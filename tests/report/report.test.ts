/**
 * Rendering a diagnosis: the HTML page is self-contained (no script, no external resource), escapes every
 * string from the data, and carries the three plots; markdown tables survive labels with pipes; JSON has
 * no NaN; the same seed gives byte-identical reports in every format.
 */
import { describe, expect, it } from "vitest";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { seededRng } from "../../src/model/random.js";
import { diagnose } from "../../src/diagnosis/diagnose.js";
import { renderReport, REPORT_FORMATS, reportDocument } from "../../src/report/index.js";
import { escapeMarkdown } from "../../src/report/markdown.js";
import { throughOne } from "../diagnosis/graphs.js";

const NASTY = `<script>alert("x")</script> & 'Co' | <img src=x onerror=y>`;

/** A cluster whose labels and group names try to break out of HTML and Markdown. */
function nasty() {
  const rng = seededRng(4);
  const g = createClusterGraph({ name: `Cluster ${NASTY}` });
  for (let k = 0; k < 12; k++) addActor(g, `a${k}`, { label: k === 0 ? NASTY : `Firm ${k} | "quoted"`, group: k < 6 ? `<b>group</b> ${NASTY}` : "plain" });
  addActor(g, "out", { label: `Buyer ${NASTY}`, inCluster: false, kind: "buyer" });
  for (let i = 0; i < 12; i++) for (let j = 0; j < 12; j++) if (i !== j && rng() < ((i < 6) === (j < 6) ? 0.5 : 0.05)) addTie(g, `a${i}`, `a${j}`);
  addTie(g, "out", "a0");
  addTie(g, "out", "a1");
  addTie(g, "out", "a0", { relation: "business" });
  return g;
}

const opts = { reps: 199, nullReps: 9, seed: 5 };

describe("html", () => {
  const d = diagnose(nasty(), opts);
  const html = renderReport(d, "html");
  it("is one self-contained page: no script, no stylesheet link, no external resource", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<img/i);
    // No tag with a src or href attribute (escaped text may say "src=", a tag may not).
    expect(html).not.toMatch(/<[^>]*\s(src|href)=(?!"#)/i);
    expect(html).not.toMatch(/url\(/i);
    const urls = html.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
    expect(urls.every((u) => u === "http://www.w3.org/2000/svg")).toBe(true);
    expect(html).toMatch(/<style>/);
  });
  it("escapes every string from the data", () => {
    expect(html).not.toContain(NASTY);
    expect(html).not.toContain("<b>group</b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;");
  });
  it("has the role quadrant, the block density heatmap and the degree distributions", () => {
    expect(html).toMatch(/aria-label="cognitive roles/);
    expect(html).toMatch(/aria-label="block density heatmap"/);
    expect((html.match(/aria-label="(receives from|gives to|partners either way)/g) ?? []).length).toBe(3);
    // The heatmap has one cell per pair of groups.
    const cells = html.slice(html.indexOf('aria-label="block density heatmap"')).split("</svg>")[0].match(/<rect /g) ?? [];
    expect(cells.length).toBe(d.groups.groups.length ** 2);
  });
  it("shows every verdict with its summary, the gatekeepers, critical actors and the options used", () => {
    for (const v of d.verdicts) expect(html).toContain(`id="verdict-${v.name}"`);
    expect(html).toContain("Gatekeepers");
    expect(html).toContain("Critical actors");
    expect(html).toContain("Options used");
    expect(html).toMatch(/seed<\/dt><dd>5</);
  });
});

describe("markdown, text and json", () => {
  const d = diagnose(nasty(), opts);
  it("markdown tables keep their columns whatever the labels", () => {
    const md = renderReport(d, "md");
    const lines = md.split("\n");
    let i = 0;
    while (i < lines.length) {
      if (lines[i].startsWith("| ") && lines[i + 1]?.startsWith("|")) {
        const count = (l: string) => l.replace(/\\\|/g, "").split("|").length;
        const n = count(lines[i]);
        let j = i + 1;
        while (j < lines.length && lines[j].startsWith("|")) expect(count(lines[j++]), lines[j - 1]).toBe(n);
        i = j;
      } else i++;
    }
    expect(md).not.toContain("<script>");
    expect(escapeMarkdown("a|b*c")).toBe("a\\|b\\*c");
  });
  it("text carries every verdict, its summary and the options", () => {
    const text = renderReport(d, "text");
    for (const v of d.verdicts) expect(text.replace(/\s+/g, " ")).toContain(v.summary.replace(/\s+/g, " "));
    expect(text).toMatch(/OPTIONS USED/);
    expect(text).toMatch(/seed\s+5/);
  });
  it("json is the diagnosis with a schema; undefined numbers are null", () => {
    const j = JSON.parse(renderReport(diagnose(throughOne(12, 0.2, 3, 1), opts), "json"));
    expect(j.schema).toBe("clusterflow/report@1");
    expect(j.verdicts).toHaveLength(4);
    expect(j.options.seed).toBe(5);
    expect(renderReport(d, "json")).not.toMatch(/NaN|Infinity/);
  });
  it("the document has the same sections for every renderer", () => {
    expect(reportDocument(d).sections.map((s) => s.id)).toEqual(["verdicts", "typology", "network", "survey", "tie-types", "groups", "openness", "outside-sources", "diffusion", "gatekeepers", "centralisation", "fragmentation", "bridging", "interventions", "options"]);
  });
});

describe("same seed, same report", () => {
  it.each([...REPORT_FORMATS])("%s is byte-identical across runs", (format) => {
    const a = renderReport(diagnose(nasty(), opts), format);
    const b = renderReport(diagnose(nasty(), opts), format);
    expect(b).toBe(a);
  });
});

describe("ties between groups by type", () => {
  it("the Thai report's table counts the outside actors' ties (external column not 0), has an institutional column and says what it counts", async () => {
    const { readInput } = await import("../../src/io/load.js");
    const { graph } = await readInput(new URL("../../datasets/thai-automotive", import.meta.url).pathname);
    const d = diagnose(graph, { reps: 19, nullReps: 0, seed: 1 });
    const doc = reportDocument(d);
    const t = doc.sections.flatMap((s) => s.blocks).find((b) => b.kind === "table" && b.caption?.startsWith("Ties between groups by type"));
    if (t?.kind !== "table") throw new Error("no table");
    expect(t.columns).toEqual(["from", "to", "ties", "horizontal", "vertical", "institutional", "external"]);
    expect(t.caption).toMatch(/every tie of the network counted once.*all actors.*outside the cluster/);
    const col = (name: string) => t.rows.reduce((s, r) => s + (r[t.columns.indexOf(name)] as number), 0);
    expect(col("ties")).toBe(d.network.ties);
    expect(col("external")).toBe(d.tieTypeMix.all.ties.external);
    expect(col("external")).toBeGreaterThan(0);
    expect(col("institutional")).toBe(d.tieTypeMix.all.ties.institutional);
    expect(renderReport(d, "md")).toContain("| from | to | ties | horizontal | vertical | institutional | external |");
  }, 60_000);
});

describe("text wrapped to meta.width", () => {
  it("at width 80 every line outside a table fits: captions wrap, a long fact key gets a line of its own", async () => {
    const { readInput } = await import("../../src/io/load.js");
    const { graph } = await readInput(new URL("../../datasets/thai-automotive", import.meta.url).pathname);
    const text = renderReport(diagnose(graph, { reps: 19, nullReps: 0, seed: 1 }), "text", { meta: { width: 80 } });
    const lines = text.split("\n");
    const long = lines.filter((l, i) => l.length > 80 && !isTableRow(lines, i));
    expect(long).toEqual([]);
    // "groups that reach each other both ways (strong components)" is longer than the key column at 80.
    expect(text).toMatch(/\n {2}groups that reach each other both ways \(strong components\)\n {10,}\d+ \(largest/);
  }, 60_000);
});

/** Whether line i is in a table: a rule of dashes above it with no blank line between. */
function isTableRow(lines: string[], i: number): boolean {
  for (let j = i; j >= 0 && lines[j].trim() !== ""; j--) if (/^\s*-+(\s+-+)*\s*$/.test(lines[j])) return true;
  return /^\s*-+(\s+-+)*\s*$/.test(lines[i + 1] ?? "");
}
