/**
 * End-to-end tests of the viewer in a real browser: Debian's Chromium driven by playwright-core against a
 * fresh build of viz/ served by `clusterflow view`'s own server. They fail (never skip) when Chromium is
 * missing or the viewer is broken. Screenshots of every step go to tests/artifacts/.
 *
 * What the page shows is compared with what the library computes in Node on the same input.
 */
import { readFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startViewerAndBrowser } from "./build.js";
import { hexRgb, screenshotPixels } from "./chromium.js";
import { decodePng, differingPixels } from "./png.js";
import type { ViewerServer } from "../../src/cli/commands/view.js";
import { readInput } from "../../src/io/load.js";
import { parseTidy } from "../../src/io/tidy.js";
import { formatLocation } from "../../src/io/report.js";
import type { ClusterGraph } from "../../src/model/types.js";
import { centrality } from "../../src/metrics/centrality.js";
import { brokerage } from "../../src/metrics/brokerage.js";
import { gatekeepers } from "../../src/diagnosis/gatekeepers.js";
import { diagnose } from "../../src/diagnosis/diagnose.js";
import { fmt } from "../../viz/src/dom.js";
import { FLOW_COLORS } from "../../viz/src/encodings.js";
import { detectFormat, FORMATS } from "../../src/io/formats.js";
import { filterTies } from "../../src/model/views.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
const TAIWAN = "datasets/taiwan-flowers";
const SERVED = "datasets/jepara-furniture";

let server: ViewerServer;
let browser: Browser;
let page: Page;
let taiwan: ClusterGraph;

type Win = Window & {
  __app: {
    ready: Promise<void>;
    whenIdle(): Promise<void>;
    graph: { order: number; size: number; getNodeAttribute(id: string, a: string): unknown; forEachEdge(fn: (k: string, a: { tieType: string }) => void): void };
    display: { getNodeAttributes(id: string): { x: number; y: number; size: number; color: string } };
    renderer: {
      graphToViewport(p: { x: number; y: number }): { x: number; y: number };
      getCamera(): { getState(): { x: number; y: number; ratio: number } };
      getNodeDisplayData(id: string): { x: number; y: number; size: number; color: string; hidden?: boolean } | undefined;
      getEdgeDisplayData(id: string): { hidden?: boolean } | undefined;
      getDimensions(): { width: number; height: number };
    };
    analysis: { size: number; order: number; values: Record<string, Record<string, number>>; gatekeepers: { id: string; rank: number; score: number }[] };
    source: unknown;
    app: { source?: { name: string }; select(id: string | undefined): void };
  };
};

async function shot(name: string): Promise<Buffer> {
  return page.screenshot({ path: `${ARTIFACTS}viewer-${name}.png` });
}

/** RGBA of screenshot pixels, decoded by the browser from the PNG bytes (never read from the WebGL canvas). */
const pixels = (png: Buffer, points: { x: number; y: number }[]) => screenshotPixels(png, points);

/** Number of pixels that differ between two screenshots of the same size. */
const diffCount = (a: Buffer, b: Buffer) => differingPixels(decodePng(a), decodePng(b));

/** Page coordinates of an actor's centre. */
async function nodePoint(id: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator("#graph").boundingBox())!;
  const p = await page.evaluate((id) => {
    const a = (window as unknown as Win).__app;
    const d = a.display.getNodeAttributes(id);
    return a.renderer.graphToViewport({ x: d.x, y: d.y });
  }, id);
  return { x: box.x + p.x, y: box.y + p.y };
}

async function openDataset(id: string): Promise<void> {
  await page.goto(`${server.url}?dataset=${id}`);
  await page.waitForFunction(() => (window as unknown as Win).__app !== undefined, null, { timeout: 15_000 });
  await page.evaluate(() => (window as unknown as Win).__app.ready);
}

beforeAll(async () => {
  ({ server, browser } = await startViewerAndBrowser(SERVED));
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  taiwan = (await readInput(TAIWAN)).graph;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("viewer", () => {
  it("draws a bundled dataset: actors appear at their positions in the screenshot", async () => {
    await openDataset("taiwan-flowers");
    const counts = await page.evaluate(() => ({ order: (window as unknown as Win).__app.graph.order, size: (window as unknown as Win).__app.graph.size }));
    expect(counts).toEqual({ order: taiwan.order, size: taiwan.size });
    const png = await shot("1-taiwan-loaded");
    // Probe the centres of the largest actors that are not under the legend or the tool buttons.
    const legend = (await page.locator(".legend").boundingBox())!;
    const graphBox = (await page.locator("#graph").boundingBox())!;
    const candidates = await page.evaluate(() => {
      const a = (window as unknown as Win).__app;
      return (a.analysis.gatekeepers ?? []).slice(0, 30).map((g) => ({ id: g.id, ...a.display.getNodeAttributes(g.id) }));
    });
    const probes: { id: string; x: number; y: number; color: string }[] = [];
    for (const c of candidates.filter((c) => c.size >= 7)) {
      const p = await nodePoint(c.id);
      const inLegend = p.x > legend.x - 10 && p.x < legend.x + legend.width + 10 && p.y > legend.y - 10 && p.y < legend.y + legend.height + 10;
      const inside = p.x > graphBox.x + 10 && p.x < graphBox.x + graphBox.width - 60 && p.y > graphBox.y + 10 && p.y < graphBox.y + graphBox.height - 10;
      if (!inLegend && inside) probes.push({ id: c.id, ...p, color: c.color });
    }
    expect(probes.length).toBeGreaterThanOrEqual(4);
    const px = await pixels(png, probes);
    const close = probes.filter((p, i) => hexRgb(p.color).every((v, k) => Math.abs(v - px[i][k]) <= 40));
    expect(close.length / probes.length).toBeGreaterThanOrEqual(0.75);
    // And the background far from the graph is white, so the probes did not match by accident.
    const bg = await pixels(png, [{ x: graphBox.x + graphBox.width - 20, y: graphBox.y + graphBox.height - 20 }]);
    expect(bg[0].slice(0, 3).every((v) => v > 240)).toBe(true);
  });

  it("the diagnosis panel gives the verdicts `clusterflow report` gives", async () => {
    await page.evaluate(() => (window as unknown as { __app: { showTab(t: string): void } }).__app.showTab("diagnosis"));
    const expected = diagnose(taiwan, { seed: 1 }).verdicts;
    const shown = await page.locator(".verdict[data-verdict]").evaluateAll((els) => els.map((e) => ({ name: (e as HTMLElement).dataset.verdict, holds: (e as HTMLElement).dataset.holds === "true", summary: e.querySelector("p")?.textContent })));
    expect(shown).toEqual(expected.map((v) => ({ name: v.name, holds: v.holds, summary: v.summary })));
    expect(shown.find((v) => v.name === "fragmented")?.holds).toBe(true);
    await shot("1b-diagnosis");
  });

  it("search focuses an actor: the camera moves onto it", async () => {
    const target = "lab03";
    const label = taiwan.getNodeAttribute(target, "label");
    const before = await page.evaluate(() => (window as unknown as Win).__app.renderer.getCamera().getState());
    await page.locator(".search input").fill(label);
    await page.locator(".search input").press("Enter");
    await page.waitForTimeout(700);
    const after = await page.evaluate(() => (window as unknown as Win).__app.renderer.getCamera().getState());
    expect(after.ratio).toBeLessThan(before.ratio);
    expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeGreaterThan(0.01);
    const graphBox = (await page.locator("#graph").boundingBox())!;
    const p = await nodePoint(target);
    expect(Math.abs(p.x - (graphBox.x + graphBox.width / 2))).toBeLessThan(graphBox.width * 0.1);
    expect(Math.abs(p.y - (graphBox.y + graphBox.height / 2))).toBeLessThan(graphBox.height * 0.1);
    await expect.poll(() => page.locator(".actor-name").textContent()).toBe(label);
    await shot("2-search-focused");
  });

  it("clicking an actor opens its panel with the metrics the library computes", async () => {
    await page.keyboard.press("Escape");
    await page.evaluate(() => (window as unknown as Win).__app.app.select(undefined));
    await page.locator(".stage-tools button[title='fit the whole graph']").click();
    await page.waitForTimeout(500);
    const ranking = gatekeepers(taiwan).ranking;
    const top = ranking[0];
    const p = await nodePoint(top.id);
    await page.mouse.move(p.x, p.y);
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.locator(".actor-name").textContent()).toBe(top.label);
    await shot("3-actor-panel");
    // The panel's figures are those of the library run in Node on the same input.
    const c = centrality(taiwan).actors.find((a) => a.id === top.id)!;
    for (const key of ["inDegree", "outDegree", "inStrength", "betweenness", "pagerank", "gatekeeperScore"] as const) {
      const shown = await page.locator(`.metrics tr[data-metric="${key}"] .value`).textContent();
      const expected = key === "gatekeeperScore" ? top.score : c[key];
      expect(shown, key).toBe(fmt(expected, 4));
    }
    const inPage = await page.evaluate((id) => {
      const v = (window as unknown as Win).__app.analysis.values;
      return { betweenness: v.betweenness[id], closenessIn: v.closenessIn[id], eigenvector: v.eigenvector[id], gatekeeperScore: v.gatekeeperScore[id] };
    }, top.id);
    expect(inPage.betweenness).toBeCloseTo(c.betweenness, 9);
    expect(inPage.closenessIn).toBeCloseTo(c.closenessIn, 12);
    expect(inPage.eigenvector).toBeCloseTo(c.eigenvector, 12);
    expect(inPage.gatekeeperScore).toBeCloseTo(top.score, 12);
    expect(top.rank).toBe(1);
    expect(await page.locator(".gk-summary").textContent()).toContain(`1st of ${ranking.length}`);
    const b = brokerage(taiwan).actors.find((a) => a.id === top.id)!;
    expect(await page.locator('.brokerage tr[data-role="gatekeeper"] td').nth(1).textContent()).toBe(fmt(b.gatekeeper, 3));
    expect(await page.locator("ul.reasons").first().locator("li").allTextContents()).toEqual(top.reasons);
  });

  it("hovering an actor highlights where its knowledge comes from and where it goes", async () => {
    await page.evaluate(() => (window as unknown as Win).__app.app.select(undefined));
    const top = gatekeepers(taiwan).ranking[0];
    // Onto an empty corner of the map first: the pointer may still rest on the actor from the click before.
    const corner = (await page.locator("#graph").boundingBox())!;
    await page.mouse.move(corner.x + corner.width - 20, corner.y + corner.height - 20);
    await page.waitForTimeout(200);
    const p = await nodePoint(top.id);
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __app: { app: { hovered?: string } } }).__app.app.hovered)).toBe(top.id);
    const sources = new Set(taiwan.inNeighbors(top.id));
    const targets = new Set(taiwan.outNeighbors(top.id));
    const got = await page.evaluate(() => {
      const a = (window as unknown as { __app: { app: { hoverIn: Set<string>; hoverOut: Set<string> } } }).__app.app;
      return { in: [...a.hoverIn].sort(), out: [...a.hoverOut].sort() };
    });
    expect(got).toEqual({ in: [...sources].sort(), out: [...targets].sort() });
    // Ties of the neighbourhood keep their flow colours; the rest fade.
    const colours = await page.evaluate((id) => {
      const a = (window as unknown as { __app: { display: { forEachEdge(fn: (k: string, x: unknown, s: string, t: string) => void): void }; renderer: { getEdgeDisplayData(k: string): { color: string } | undefined } } }).__app;
      const seen = { in: new Set<string>(), out: new Set<string>(), other: new Set<string>() };
      a.display.forEachEdge((k, _x, s, t) => {
        const c = a.renderer.getEdgeDisplayData(k)!.color;
        (t === id ? seen.in : s === id ? seen.out : seen.other).add(c);
      });
      return { in: [...seen.in], out: [...seen.out], other: [...seen.other] };
    }, top.id);
    expect(colours.in).toEqual([FLOW_COLORS.in]);
    expect(colours.out).toEqual([FLOW_COLORS.out]);
    expect(colours.other).not.toContain(FLOW_COLORS.in);
    expect(await page.locator(".legend").textContent()).toContain(`Knowledge flows of ${top.label}`);
    await shot("3b-hover-flows");
    await page.mouse.move(5, 5);
  });

  it("a tie-type filter changes what is drawn", async () => {
    await page.evaluate(() => (window as unknown as Win).__app.app.select(undefined));
    await page.mouse.move(5, 5);
    await page.locator(".stage-tools button[title='fit the whole graph']").click();
    await page.waitForTimeout(500);
    const before = await shot("4a-before-filter");
    let expectedExternal = 0;
    taiwan.forEachEdge((_key, a) => {
      if (a.tieType === "external") expectedExternal++;
    });
    // Edge keys are the page's own (graphology generates them per graph instance).
    const external = await page.evaluate(() => {
      const keys: string[] = [];
      (window as unknown as Win).__app.graph.forEachEdge((k, a) => {
        if (a.tieType === "external") keys.push(k);
      });
      return keys;
    });
    expect(external.length).toBe(expectedExternal);
    expect(external.length).toBeGreaterThan(0);
    const shownBefore = await page.evaluate((keys) => keys.map((k) => (window as unknown as Win).__app.renderer.getEdgeDisplayData(k)?.hidden !== true), external);
    expect(shownBefore.every(Boolean)).toBe(true);
    await page.locator('[data-filter="tieType"] input[data-value="external"]').uncheck();
    await page.evaluate(() => (window as unknown as Win).__app.whenIdle());
    const after = await shot("4b-external-ties-hidden");
    const hidden = await page.evaluate((keys) => keys.map((k) => (window as unknown as Win).__app.renderer.getEdgeDisplayData(k)?.hidden === true), external);
    expect(hidden.every(Boolean)).toBe(true);
    expect(await diffCount(before, after)).toBeGreaterThan(100);
    // The metrics follow the view.
    const size = await page.evaluate(() => (window as unknown as Win).__app.analysis.size);
    expect(size).toBe(taiwan.size - external.length);
    await page.locator('[data-filter="tieType"] input[data-value="external"]').check();
    await page.evaluate(() => (window as unknown as Win).__app.whenIdle());
  });

  it("exports the view as PNG, and the analysed view with its metrics as GEXF and JSON", async () => {
    const png = await page.evaluate(() => (window as unknown as { __app: { pngDataUrl(): Promise<string> } }).__app.pngDataUrl());
    expect(png.startsWith("data:image/png;base64,")).toBe(true);
    const picture = decodePng(Buffer.from(png.slice("data:image/png;base64,".length), "base64"));
    const size = { w: picture.width, h: picture.height };
    const graphBox = (await page.locator("#graph").boundingBox())!;
    expect(size.w).toBeGreaterThan(graphBox.width); // the graph and the legend beside it
    const json = JSON.parse(await page.evaluate(() => (window as unknown as { __app: { viewerJson(): string } }).__app.viewerJson()));
    expect(json.schema).toBe("clusterflow/viewer-export@1");
    const top = gatekeepers(taiwan).ranking[0];
    const node = json.nodes.find((n: { key: string }) => n.key === top.id);
    expect(node.attributes.gatekeeperScore).toBeCloseTo(top.score, 12);
    expect(node.attributes.gatekeeperRank).toBe(1);
    expect(json.nodes.length).toBe(taiwan.order);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-action="export-gexf"]').click()]);
    const gexf = readFileSync((await download.path())!, "utf8");
    expect(download.suggestedFilename()).toBe("taiwan-flowers.gexf");
    expect((gexf.match(/<node /g) ?? []).length).toBe(taiwan.order);
    expect(gexf).toContain('title="gatekeeperScore"');
  });

  it("a dropped file with an error shows the error with file, line and column", async () => {
    const csv = "source,target,weight\nlab01,lab02,2\nlab02,lab03,-1\nlab03,lab01,1\n";
    await page.evaluate(async (text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], "ties.csv", { type: "text/csv" }));
      const target = document.querySelector(".stage")!;
      target.dispatchEvent(new DragEvent("dragenter", { dataTransfer: dt, bubbles: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, csv);
    const failed = page.locator(".import-failed");
    await expect.poll(() => failed.count()).toBe(1);
    const item = page.locator(".issues .issue-error").first();
    // The same problem, located the same way, as the importer reports it in Node.
    const expected = parseTidy([{ name: "ties.csv", text: csv }]).report.errors[0];
    expect(expected.line).toBe(3);
    expect(await item.locator(".loc").textContent()).toBe(formatLocation(expected));
    expect(await item.locator(".msg").textContent()).toBe(expected.message);
    expect(await page.locator(".status").textContent()).toContain("Import failed");
    // The graph that was shown stays.
    expect(await page.evaluate(() => (window as unknown as Win).__app.graph.order)).toBe(taiwan.order);
    await shot("5-dropped-file-error");
  });

  it("labels and attributes from files are shown as text, and a survey attribute named `type` does not reach sigma", async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const nodes = `id,label,kind,type,color,size,x,y\na,"${evil.replace(/"/g, '""')}",firm,triangle,red,99,0,0\nb,Plain b,lab,square,blue,1,10,0\nc,Plain c,firm,,,,5,8\n`;
    const ties = "source,target,weight,type\na,b,2,curved\nb,c,1,zigzag\nc,a,3,\n";
    await page.evaluate(async ({ nodes, ties }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([nodes], "nodes.csv", { type: "text/csv" }));
      dt.items.add(new File([ties], "ties.csv", { type: "text/csv" }));
      document.querySelector(".stage")!.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, { nodes, ties });
    await expect.poll(() => page.evaluate(() => (window as unknown as Win).__app.graph.order)).toBe(3);
    await page.evaluate(() => (window as unknown as Win).__app.whenIdle());
    await page.evaluate(() => (window as unknown as { __app: { app: { focus(id: string): Promise<void> } } }).__app.app.focus("a"));
    expect(await page.locator(".actor-name").textContent()).toBe(evil);
    expect(await page.locator(".sidebar.right img, .legend img, .gatekeepers img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The survey's `type` is kept under another name and sigma draws with its own programs.
    const shown = await page.evaluate(() => {
      const a = (window as unknown as Win).__app;
      return { data: a.graph.getNodeAttribute("a", "type_"), display: a.renderer.getNodeDisplayData("a") };
    });
    expect(shown.data).toBe("triangle");
    // Positions given in the file are used as they are.
    const placed = await page.evaluate(() => {
      const a = (window as unknown as Win).__app;
      return { layout: (a as unknown as { state: { layout: string } }).state.layout, b: a.display.getNodeAttributes("b"), c: a.display.getNodeAttributes("c") };
    });
    expect(placed.layout).toBe("file");
    expect([placed.b.x, placed.b.y, placed.c.x, placed.c.y]).toEqual([10, 0, 5, 8]);
    expect(["circle", "ring"]).toContain((shown.display as unknown as { type: string }).type);
    await shot("7-untrusted-labels");
  });

  it("every format of the registry is read in the browser as in Node, recognised without being named", async () => {
    const checked: string[] = [];
    // A small part of the Taiwan cluster (its labs, agencies, associations and buyers) keeps this quick.
    const part = filterTies(taiwan, { kinds: ["lab", "government", "association", "buyer"] });
    expect(part.order).toBeGreaterThan(20);
    for (const f of FORMATS) {
      if (!f.write) continue;
      const oneRelation = f.name === "matrix" || f.name === "dl-edgelist1";
      const graph = oneRelation ? filterTies(part, { relations: ["technical-advice"] }) : part;
      const written = await f.write(graph, "export/taiwan", oneRelation ? { relation: "technical-advice" } : {});
      const inNode = await f.read(written.map((w) => (typeof w.data === "string" ? { name: w.name, text: w.data } : { name: w.name, text: "", bytes: w.data })), {});
      expect(inNode.report.errors, f.name).toEqual([]);
      const files = written.map((w) => (typeof w.data === "string" ? { name: w.name, text: w.data } : { name: w.name, b64: Buffer.from(w.data).toString("base64") }));
      const got = await page.evaluate(async (files) => {
        const a = (window as unknown as { __app: { loadFiles(f: unknown[], o: object): Promise<boolean>; whenIdle(): Promise<void>; graph: { order: number; size: number }; app: { format?: string } } }).__app;
        const input = files.map((x) => ("b64" in x && x.b64 ? { name: x.name, text: "", bytes: Uint8Array.from(atob(x.b64), (c) => c.charCodeAt(0)) } : x));
        // Imported and drawn; the analysis of each is not awaited (a newer load supersedes it).
        const ok = await a.loadFiles(input, {});
        return { ok, order: a.graph.order, size: a.graph.size, format: a.app.format };
      }, files);
      // Recognised as the command line recognises the main file (DL edge lists are read by the DL reader).
      const main = written.find((w) => !/\.(csv|tsv|txt)$/i.test(w.name)) ?? written[written.length - 1];
      const recognised = detectFormat({ name: main.name, text: typeof main.data === "string" ? main.data : "" })?.name;
      expect(recognised === f.name || (f.name === "dl-edgelist1" && recognised === "dl"), `${f.name} recognised as ${recognised}`).toBe(true);
      expect(got, f.name).toEqual({ ok: true, order: inNode.graph.order, size: inNode.graph.size, format: recognised });
      checked.push(f.name);
    }
    expect(checked).toEqual(expect.arrayContaining(["tidy", "gexf", "graphml", "json", "pajek", "dl", "xlsx", "roster", "matrix"]));
  });

  it("`clusterflow view` prints the URL of a loopback server that serves the viewer and the input", async () => {
    const child = spawn(process.execPath, ["src/cli/bin.mjs", "view", SERVED, "--port", "0", "--json", "--no-open"], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    try {
      let out = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      await expect.poll(() => out.includes("}"), { timeout: 30_000 }).toBe(true);
      const printed = JSON.parse(out) as { schema: string; url: string; input: string; format: string; files: string[] };
      expect(printed.schema).toBe("clusterflow/view@1");
      expect(printed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(printed.format).toBe("tidy");
      const html = await (await fetch(printed.url)).text();
      expect(html).toContain('name="clusterflow-input"');
      const input = (await (await fetch(`${printed.url}__clusterflow/input.json`)).json()) as { input: string; files: { name: string; text: string }[] };
      expect(input.input).toBe(SERVED);
      expect(input.files.map((f) => f.name)).toEqual(printed.files);
      expect((await fetch(`${printed.url}..%2f..%2fpackage.json`)).status).toBe(403);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("`clusterflow view <input>` hands its input to the page", async () => {
    const served = (await readInput(SERVED)).graph;
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as Win).__app !== undefined);
    await page.evaluate(() => (window as unknown as Win).__app.ready);
    const got = await page.evaluate(() => ({ order: (window as unknown as Win).__app.graph.order, size: (window as unknown as Win).__app.graph.size, name: (window as unknown as Win).__app.app.source?.name }));
    expect(got).toEqual({ order: served.order, size: served.size, name: SERVED });
    await shot("6-served-input");
  });
});
