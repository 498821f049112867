/**
 * The HTML report of every example dataset, opened in Debian's Chromium (playwright-core): it shows the
 * network picture and the verdicts in their three states, and no label reaches the page unescaped.
 * Full-page screenshots go to tests/artifacts/report-<dataset>.png. Fails (never skips) without Chromium.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { main } from "../../src/cli/main.js";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { diagnose } from "../../src/diagnosis/diagnose.js";
import { renderHtml } from "../../src/report/html.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
const DATASETS = readdirSync(join(REPO, "datasets"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const OUT = mkdtempSync(join(tmpdir(), "cf-report-html-"));

let browser: Browser;
beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
});
afterAll(async () => {
  await browser?.close();
});

async function report(dataset: string): Promise<string> {
  const file = join(OUT, `${dataset}.html`);
  let err = "";
  const code = await main(["node", "clusterflow", "report", join(REPO, "datasets", dataset), "--format", "html", "-o", file, "--reps", "499", "-q"], { out: () => {}, err: (t) => (err += t) });
  expect(code, err).toBe(0);
  return file;
}

describe("HTML report in Chromium", () => {
  it("there are example datasets", () => expect(DATASETS.length).toBeGreaterThanOrEqual(7));
  it.each(DATASETS)("%s: network picture, header and three-state verdicts", async (dataset) => {
    const file = await report(dataset);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(pathToFileURL(file).href);
    // One picture per diagnosis (a dataset with several rounds gets one per round).
    const svg = page.locator("svg.network");
    expect(await svg.count()).toBeGreaterThanOrEqual(1);
    const box = (await svg.first().boundingBox())!;
    expect(box.width).toBeGreaterThan(400);
    expect(box.height).toBeGreaterThan(250);
    const actors = await page.locator("svg.network").first().locator(".actor").count();
    expect(actors).toBeGreaterThan(20);
    expect(await page.locator("svg.network").first().locator("line").count()).toBeGreaterThan(actors / 2);
    // Verdicts: four, each in one of the three states, badge words matching the state.
    const states = await page.locator("section#verdicts article.verdict").evaluateAll((els) => els.map((e) => [e.getAttribute("data-state"), e.querySelector(".badge")?.textContent]));
    expect(states.length % 4, "four verdicts per diagnosis").toBe(0);
    expect(states.length).toBeGreaterThanOrEqual(4);
    for (const [state, badge] of states) expect({ holds: "holds", "does-not-hold": "does not hold", "cannot-judge": "cannot judge" }[state!]).toBe(badge);
    // Header: dataset, date, version.
    const header = await page.locator("dl.header").first().innerText();
    expect(header).toMatch(/dataset/);
    expect(header).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(header).toMatch(/clusterflow\s+\d+\.\d+\.\d+/);
    await page.screenshot({ path: join(ARTIFACTS, `report-${dataset}.png`), fullPage: true });
    await page.locator("section#network").first().screenshot({ path: join(ARTIFACTS, `report-${dataset}-network.png`) });
    await page.close();
  });

  it("no label reaches the page unescaped", async () => {
    const evil = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>&amp;"'`;
    const g = createClusterGraph({ name: `Cluster ${evil}` });
    for (let i = 0; i < 12; i++) addActor(g, `f${i}`, { label: `${evil} firm ${i}`, kind: "firm", group: i < 6 ? `g<b>${evil}` : "plain", stage: i % 2 ? "a" : `s${evil}` });
    addActor(g, "out", { label: `${evil} buyer`, kind: "buyer", inCluster: false });
    for (let i = 0; i < 12; i++) for (let j = 0; j < 12; j++) if (i !== j && (i * 7 + j * 3) % 5 === 0) addTie(g, `f${i}`, `f${j}`, { relation: `rel${evil}`, weight: 1 + ((i + j) % 3) });
    for (let i = 0; i < 12; i += 3) addTie(g, "out", `f${i}`, { relation: `rel${evil}`, weight: 2 });
    const d = diagnose(g, { reps: 99, nullReps: 9 });
    const html = renderHtml(d, { graph: g, meta: { dataset: `data ${evil}`, date: "2026-01-01", version: "0.0.0" } });
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    const file = join(OUT, "evil.html");
    writeFileSync(file, html);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("h1").innerText()).toContain(`<img src=x onerror="window.__pwned=1">`);
    expect(await page.locator("svg.network title").first().textContent()).toContain("<script>");
    await page.close();
  });
});
