/**
 * The viewer as a presentation and exploration tool, in Debian's Chromium at phone, tablet and desktop
 * sizes: the graph is drawn and usable at each size, files open whatever was served before, colours stay
 * with their category, forced labels do not overlap and stay inside the canvas, exports have their size
 * and legend and reopen losslessly, the URL restores the view, the actor table's CSV is the command
 * line's, and the keyboard alone reaches an actor's panel. Screenshots go to tests/artifacts/.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startViewerAndBrowser } from "./build.js";
import type { ViewerServer } from "../../src/cli/commands/view.js";
import { readInput } from "../../src/io/load.js";
import { parseJson } from "../../src/io/json.js";
import { formatByName } from "../../src/io/formats.js";
import type { ClusterGraph } from "../../src/model/types.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
const SERVED = "datasets/jepara-furniture";
const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "tablet", width: 768, height: 1024 },
  { name: "desktop", width: 1440, height: 900 },
];

let server: ViewerServer;
let browser: Browser;
let page: Page;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Api = any;
const api = <T>(fn: (a: Api) => T | Promise<T>): Promise<T> => page.evaluate(`(${fn.toString()})(window.__app)`) as Promise<T>;

async function open(query: string, viewport = VIEWPORTS[2]): Promise<void> {
  await page.setViewportSize({ width: viewport.width, height: viewport.height });
  await page.goto(`${server.url}${query}`);
  await page.waitForFunction(() => (window as unknown as { __app?: unknown }).__app !== undefined, null, { timeout: 45_000 });
  await page.evaluate(() => (window as unknown as { __app: { ready: Promise<void> } }).__app.ready);
}

beforeAll(async () => {
  ({ server, browser } = await startViewerAndBrowser(SERVED));
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("viewer at every screen size", () => {
  for (const vp of VIEWPORTS) {
    it(`draws the graph and stays usable at ${vp.width}×${vp.height}`, async () => {
      await open("?dataset=taiwan-flowers", vp);
      const box = (await page.locator("#graph").boundingBox())!;
      // The map keeps most of the width (sidebars are drawers below 1100 px / 820 px).
      expect(box.width).toBeGreaterThanOrEqual(Math.min(vp.width - 2, 700));
      expect(box.height).toBeGreaterThan(300);
      const state = await api((a) => ({ error: a.app.renderError ?? null, status: document.querySelector(".status")!.textContent, order: a.graph.order, shown: a.renderer.getDimensions() }));
      expect(state.error).toBeNull();
      expect(state.status).not.toContain("Loading");
      expect(state.shown.width).toBeGreaterThan(300);
      // Usable: a click on the top gatekeeper opens its panel (in the drawer on small screens).
      const top = await api((a) => a.analysis.gatekeepers[0].id as string);
      const p = await api(new Function("a", `const d = a.display.getNodeAttributes(${JSON.stringify(top)}); return a.renderer.graphToViewport({ x: d.x, y: d.y });`) as (a: Api) => { x: number; y: number });
      await page.mouse.move(box.x + p.x, box.y + p.y);
      await page.mouse.click(box.x + p.x, box.y + p.y);
      await expect.poll(() => api((a) => a.app.selected ?? null)).toBe(top);
      await expect.poll(async () => (await page.locator(".actor-name").boundingBox())?.x ?? -1).toBeGreaterThanOrEqual(0);
      expect(((await page.locator(".actor-name").boundingBox())!.x)).toBeLessThan(vp.width);
      await page.screenshot({ path: `${ARTIFACTS}presentation-${vp.name}-actor.png` });
    });
  }

  it("screenshots of every example at desktop and phone size", async () => {
    const ids = await (async () => {
      await open("?dataset=taiwan-flowers");
      return api((a) => a.datasets.map((d: { id: string }) => d.id) as string[]);
    })();
    expect(ids.length).toBeGreaterThan(3);
    for (const vp of [VIEWPORTS[2], VIEWPORTS[0]]) {
      for (const id of ids) {
        await open(`?dataset=${id}`, vp);
        const err = await api((a) => a.app.renderError ?? null);
        expect(err, id).toBeNull();
        await page.screenshot({ path: `${ARTIFACTS}example-${id}-${vp.name}.png` });
      }
    }
  }, 240_000);
});

describe("files", () => {
  it("a served dataset, then a user's roster file: each recognised on its own", async () => {
    await open("");
    expect(await api((a) => a.app.format)).toBe("tidy");
    expect(await page.locator('[data-control="format"]').inputValue()).toBe("");
    const roster = readFileSync("tests/fixtures/io/roster-lists/roster.csv", "utf8");
    await page.locator('input[type="file"]').setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(roster) });
    await expect.poll(() => api((a) => a.app.format ?? null)).toBe("roster");
    const expected = (await formatByName("roster")!.read([{ name: "roster.csv", text: roster }], {})).graph!;
    expect(await api((a) => ({ order: a.graph.order, size: a.graph.size }))).toEqual({ order: expected.order, size: expected.size });
  });

  it("JSON and GEXF exports reopen in the viewer and the command line with the same actors, ties and attributes", async () => {
    await open("?dataset=taiwan-flowers");
    const original = (await readInput("datasets/taiwan-flowers")).graph;
    const json = await api((a) => a.viewerJson() as string);
    const [gexfDownload] = await Promise.all([page.waitForEvent("download"), page.locator('[data-action="export-gexf"]').click({ force: true })]);
    const gexf = readFileSync((await gexfDownload.path())!, "utf8");
    const same = (g: ClusterGraph, name: string) => {
      expect(g.order, name).toBe(original.order);
      expect(g.size, name).toBe(original.size);
      original.forEachNode((id, a) => {
        const b = g.getNodeAttributes(id);
        for (const [k, v] of Object.entries(a)) if (v !== undefined) expect(b[k as keyof typeof b], `${name} ${id}.${k}`).toEqual(v);
      });
      const ties = (x: ClusterGraph) => {
        const out: string[] = [];
        x.forEachEdge((_k, a, s, t) => out.push(`${s}>${t}|${a.relation}|${a.weight}|${a.tieType}|${a.wave ?? ""}`));
        return out.sort();
      };
      expect(ties(g), name).toEqual(ties(original));
    };
    // In Node, by the importers the command line uses.
    const fromJson = parseJson([{ name: "taiwan.clusterflow.json", text: json }], {});
    expect(fromJson.report.errors).toEqual([]);
    same(fromJson.graph!, "json");
    const fromGexf = await formatByName("gexf")!.read([{ name: "taiwan.gexf", text: gexf }], {});
    expect(fromGexf.report.errors).toEqual([]);
    same(fromGexf.graph!, "gexf");
    // The metrics travel as actor attributes.
    const top = await api((a) => a.analysis.gatekeepers[0] as { id: string; score: number });
    expect(fromJson.graph!.getNodeAttribute(top.id, "gatekeeperScore" as never)).toBeCloseTo(top.score, 12);
    // And in the viewer.
    for (const [name, text] of [["taiwan.clusterflow.json", json], ["taiwan.gexf", gexf]]) {
      await page.locator('input[type="file"]').setInputFiles({ name, mimeType: "application/octet-stream", buffer: Buffer.from(text) });
      await expect.poll(() => api((a) => a.app.source?.name ?? null)).toBe(name);
      expect(await api((a) => ({ order: a.graph.order, size: a.graph.size, failed: !!a.app.failedReport })), name).toEqual({ order: original.order, size: original.size, failed: false });
    }
  });
});

describe("colours, labels and exports", () => {
  it("a group keeps its colour after a filter", async () => {
    await open("?dataset=taiwan-flowers");
    const before = await api((a) => Object.fromEntries(a.app.colorScale.entries.map((e: { value: string; color: string }) => [e.value, e.color])));
    expect(Object.keys(before).length).toBeGreaterThan(2);
    // Hide a kind: the groups that remain keep their colours.
    const kinds = await api((a) => a.app.distinct("kind") as string[]);
    await page.evaluate(() => (window as unknown as { __app: { setDrawer(d: string): void } }).__app.setDrawer("controls"));
    await page.locator(`[data-filter="kind"] input[data-value="${kinds[0]}"]`).uncheck();
    await page.evaluate(() => (window as unknown as { __app: { whenIdle(): Promise<void> } }).__app.whenIdle());
    const after = await api((a) => ({ colors: Object.fromEntries(a.app.colorScale.entries.map((e: { value: string; color: string }) => [e.value, e.color])), hidden: a.app.hiddenNodes.size }));
    expect(after.hidden).toBeGreaterThan(0);
    for (const [group, color] of Object.entries(after.colors)) expect(color, group).toBe(before[group]);
    // The colour of an actor is that of its group, before and after.
    const probe = await api((a) => {
      const id = a.graph.nodes().find((n: string) => !a.app.hiddenNodes.has(n) && a.graph.getNodeAttribute(n, "group"));
      return { group: a.graph.getNodeAttribute(id, "group"), color: a.display.getNodeAttributes(id).color };
    });
    expect(probe.color).toBe(before[probe.group]);
  });

  it("forced labels do not overlap each other and stay inside the canvas", async () => {
    for (const id of ["bangalore-software", "thai-automotive", "sialkot-surgical", "taiwan-flowers"]) {
      for (const vp of [VIEWPORTS[2], VIEWPORTS[0]]) {
        await open(`?dataset=${id}`, vp);
        const r = await api((a) => ({ boxes: a.labelBoxes(), groups: a.groupLabelBoxes(), dims: a.renderer.getDimensions(), forced: [...a.app.forcedLabels] }));
        const forced = r.boxes.filter((b: { forced: boolean }) => b.forced);
        expect(forced.length, `${id} ${vp.name}: forced labels drawn`).toBeGreaterThan(0);
        const all = [...r.boxes, ...r.groups];
        for (const b of all) {
          expect(b.x, `${id} ${b.text}`).toBeGreaterThanOrEqual(0);
          expect(b.y, `${id} ${b.text}`).toBeGreaterThanOrEqual(0);
          expect(b.x + b.w, `${id} ${b.text}`).toBeLessThanOrEqual(r.dims.width);
          expect(b.y + b.h, `${id} ${b.text}`).toBeLessThanOrEqual(r.dims.height);
        }
        for (let i = 0; i < all.length; i++)
          for (let j = i + 1; j < all.length; j++) {
            const p = all[i];
            const q = all[j];
            const overlap = p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
            expect(overlap, `${id} ${vp.name}: "${p.text}" and "${q.text}"`).toBe(false);
          }
      }
    }
  }, 120_000);

  it("a 3× PNG and an SVG export have the expected size and contain the legend and the filters", async () => {
    await open("?dataset=taiwan-flowers&tt=horizontal,vertical");
    const svg = await api((a) => a.svg() as { svg: string; width: number; height: number });
    const dims = await api((a) => a.renderer.getDimensions() as { width: number; height: number });
    expect(svg.width).toBe(dims.width + 320);
    expect(svg.height).toBeGreaterThanOrEqual(dims.height);
    expect(svg.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+"/);
    const legendTexts = await page.locator(".legend h4").allTextContents();
    expect(legendTexts.length).toBeGreaterThan(1);
    for (const t of legendTexts.filter((x) => x.startsWith("Colour") || x.startsWith("Size"))) expect(svg.svg).toContain(t.replace(/&/g, "&amp;"));
    expect(svg.svg).toContain("Filters: tie types: horizontal, vertical");
    const png = await api((a) => a.pngSize({ scale: 3 }));
    expect(png).toMatchObject({ width: svg.width * 3, height: svg.height * 3 });
    const dataUrl = await api((a) => a.pngDataUrl({ scale: 3 }) as Promise<string>);
    writeFileSync(`${ARTIFACTS}presentation-export-3x.png`, Buffer.from(dataUrl.split(",")[1], "base64"));
    writeFileSync(`${ARTIFACTS}presentation-export.svg`, svg.svg);
    const wide = await api((a) => a.pngSize({ width: 1920 }));
    expect(wide.width).toBe(1920);
    // The PNG shows the legend: dark text pixels in the legend column, and the map title is there.
    expect(svg.svg).toContain(">Taiwan");
  });
});

describe("state, table and keyboard", () => {
  it("the URL restores the same view after a reload", async () => {
    await open("?dataset=taiwan-flowers");
    await page.locator('[data-control="colorBy"]').selectOption("kind", { force: true });
    await page.evaluate(() => (window as unknown as { __app: { setDrawer(d: string): void } }).__app.setDrawer("controls"));
    await page.locator('[data-filter="tieType"] input[data-value="external"]').uncheck();
    await page.evaluate(() => (window as unknown as { __app: { whenIdle(): Promise<void> } }).__app.whenIdle());
    const top = await api((a) => a.analysis.gatekeepers[0].id as string);
    await page.evaluate((id) => (window as unknown as { __app: { app: { select(id: string): void } } }).__app.app.select(id), top);
    await page.evaluate(() => (window as unknown as { __app: { renderer: { getCamera(): { setState(s: object): void } } } }).__app.renderer.getCamera().setState({ x: 0.4, y: 0.6, ratio: 0.5 }));
    await page.waitForTimeout(600);
    const url = page.url();
    expect(url).toContain("tt=horizontal,vertical");
    const view = () => api((a) => ({ colorBy: a.app.state.colorBy, filter: a.app.state.filter, selected: a.app.selected, camera: a.renderer.getCamera().getState(), size: a.analysis.size }));
    const before = await view();
    await page.reload();
    await page.evaluate(() => (window as unknown as { __app: { ready: Promise<void> } }).__app.ready);
    const after = await view();
    expect(after.colorBy).toBe("kind");
    expect(after.filter).toEqual(before.filter);
    expect(after.selected).toBe(top);
    expect(after.size).toBe(before.size);
    expect(after.camera.ratio).toBeCloseTo(0.5, 4);
    expect(after.camera.x).toBeCloseTo(0.4, 4);
    // Read-only embed: the map alone.
    await open(`${new URL(url).search}&embed=1`);
    expect(await page.locator(".sidebar.left").isVisible()).toBe(false);
    expect(await page.locator(".topbar").isVisible()).toBe(false);
    expect((await page.locator("#graph").boundingBox())!.width).toBeGreaterThan(1300);
  });

  it("the actor table's CSV equals `clusterflow centrality --csv` on the same view", async () => {
    await open("?dataset=taiwan-flowers&tt=horizontal,vertical");
    await page.evaluate(() => (window as unknown as { __app: { showTab(t: string): void } }).__app.showTab("table"));
    const [dl] = await Promise.all([page.waitForEvent("download"), page.locator('[data-action="table-csv-centrality"]').click()]);
    const fromPage = readFileSync((await dl.path())!, "utf8");
    const cli = execFileSync(process.execPath, ["src/cli/bin.mjs", "centrality", "datasets/taiwan-flowers", "--tie-type", "horizontal,vertical", "--csv"], { cwd: REPO, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    expect(fromPage).toBe(cli);
    // Sorting by a column orders the rows.
    await page.locator('[data-sort="betweenness"]').click();
    const cells = await page.locator("table.actor-table tbody tr").evaluateAll((rows) => rows.slice(0, 5).map((r) => r.getAttribute("data-id")));
    const ranked = await api((a) => a.graph.nodes().filter((n: string) => a.analysis.values.betweenness[n] !== undefined).sort((x: string, y: string) => a.analysis.values.betweenness[y] - a.analysis.values.betweenness[x]).slice(0, 5).map((n: string) => a.analysis.values.betweenness[n]));
    const shown = await api(new Function("a", `return ${JSON.stringify(cells)}.map((id) => a.analysis.values.betweenness[id]);`) as (a: Api) => number[]);
    expect(shown).toEqual(ranked);
  });

  it("the keyboard alone selects an actor and opens its panel", async () => {
    await open("?dataset=taiwan-flowers", VIEWPORTS[1]);
    await page.locator(".graph-area").focus();
    expect(await page.evaluate(() => document.activeElement?.classList.contains("graph-area"))).toBe(true);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    const second = await api((a) => a.analysis.gatekeepers[1].id as string);
    expect(await api((a) => a.app.keyboardActor)).toBe(second);
    expect(await api((a) => a.app.hovered)).toBe(second);
    await page.keyboard.press("Enter");
    await expect.poll(() => api((a) => a.app.selected ?? null)).toBe(second);
    const label = await api(new Function("a", `return a.graph.getNodeAttribute(${JSON.stringify(second)}, "label")`) as (a: Api) => string);
    await expect.poll(() => page.locator(".actor-name").textContent()).toBe(label);
    expect(await page.locator(".actor-name").isVisible()).toBe(true);
    const ratio = await api((a) => a.renderer.getCamera().getState().ratio as number);
    await page.locator(".graph-area").focus();
    await page.keyboard.press("+");
    await page.waitForTimeout(400);
    expect(await api((a) => a.renderer.getCamera().getState().ratio as number)).toBeLessThan(ratio);
    expect(await page.locator("#map-summary").textContent()).toContain("Map of");
    await page.screenshot({ path: `${ARTIFACTS}presentation-keyboard.png` });
  });
});
