/**
 * The viewer's interactions that the other e2e files leave out, in Debian's Chromium: touch on a phone
 * (pinch-zoom, tap = click, long press = hover), printing (the map is not blank under print media),
 * cancelling a running analysis (the page says so and stays usable) and the ego network (the actors shown
 * are the actor and its neighbours, as the library has them on the same data). Screenshots go to
 * tests/artifacts/.
 */
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startViewerAndBrowser } from "./build.js";
import type { ViewerServer } from "../../src/cli/commands/view.js";
import { readInput } from "../../src/io/load.js";
import { writeTidy } from "../../src/io/tidy.js";
import { generateCluster, generatedToGraph } from "../../src/model/generate.js";
import { decodePng, type Pixels } from "./png.js";
import { hexRgb } from "./chromium.js";

const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
const SERVED = "datasets/jepara-furniture";

let server: ViewerServer;
let browser: Browser;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Api = any;
const api = <T>(page: Page, fn: (a: Api) => T | Promise<T>): Promise<T> => page.evaluate(`(${fn.toString()})(window.__app)`) as Promise<T>;
/** The same, with one JSON argument. */
const apiWith = <T, A>(page: Page, fn: (a: Api, arg: A) => T | Promise<T>, arg: A): Promise<T> => page.evaluate(`(${fn.toString()})(window.__app, ${JSON.stringify(arg)})`) as Promise<T>;

/**
 * Ink of a printed picture: pixels darker than near-white, those in the right-hand fifth (where the key is
 * printed), and per colour the pixels within 24 (sum over R, G, B) of it.
 */
function inkOf(p: Pixels, colours: string[]): { perColour: number[]; ink: number; keyInk: number; total: number } {
  const rgb = colours.map(hexRgb);
  const d = p.data;
  const perColour = new Array<number>(colours.length).fill(0);
  let ink = 0;
  let keyInk = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235) {
      ink++;
      if ((i / 4) % p.width > p.width * 0.8) keyInk++;
    }
    rgb.forEach((q, j) => {
      if (Math.abs(d[i] - q[0]) + Math.abs(d[i + 1] - q[1]) + Math.abs(d[i + 2] - q[2]) < 24) perColour[j]++;
    });
  }
  return { perColour, ink, keyInk, total: d.length / 4 };
}

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`${server.url}${query}`);
  await page.waitForFunction(() => (window as unknown as { __app?: unknown }).__app !== undefined, null, { timeout: 45_000 });
  await page.evaluate(() => (window as unknown as { __app: { ready: Promise<void> } }).__app.ready);
}

/** Where an actor is drawn, in page coordinates. */
async function actorPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator("#graph").boundingBox())!;
  const p = await apiWith(page, (a, id: string) => {
    const d = a.renderer.getNodeDisplayData(id);
    return a.renderer.framedGraphToViewport({ x: d.x, y: d.y });
  }, id);
  return { x: box.x + p.x, y: box.y + p.y };
}

/** An actor drawn on top at its own centre, well inside the map (so that a tap or a click there reaches it). */
async function reachableActor(page: Page, ids: string[]): Promise<string> {
  const box = (await page.locator("#graph").boundingBox())!;
  for (const id of ids) {
    const p = await actorPoint(page, id);
    if (p.x < box.x + 30 || p.y < box.y + 30 || p.x > box.x + box.width - 30 || p.y > box.y + box.height - 30) continue;
    const top = await apiWith(page, (a, q: { x: number; y: number }) => a.renderer.getNodeAtPosition(q), { x: p.x - box.x, y: p.y - box.y });
    if (top === id) return id;
  }
  throw new Error("no gatekeeper is drawn on top at its own centre inside the map");
}

/** A point of the map with no actor under it and nothing over the canvas (title, buttons, hover card). */
async function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.locator("#graph").boundingBox())!;
  for (const [fx, fy] of [[0.03, 0.5], [0.97, 0.5], [0.5, 0.97], [0.03, 0.15], [0.97, 0.85], [0.5, 0.12]]) {
    const q = { x: box.width * fx, y: box.height * fy };
    const free = await apiWith(page, (a, q: { x: number; y: number; px: number; py: number }) => {
      const el = document.elementFromPoint(q.px, q.py);
      return !a.renderer.getNodeAtPosition(q) && el instanceof HTMLCanvasElement && document.getElementById("graph")!.contains(el);
    }, { ...q, px: box.x + q.x, py: box.y + q.y });
    if (free) return { x: box.x + q.x, y: box.y + q.y };
  }
  throw new Error("no empty point on the map");
}

beforeAll(async () => {
  ({ server, browser } = await startViewerAndBrowser(SERVED));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("touch on a phone (390×844)", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
    page = await context.newPage();
    await open(page, "?dataset=taiwan-flowers");
  }, 90_000);
  afterAll(() => context?.close());

  it("a tap on an actor selects it and opens its panel; a tap on the background selects nothing", async () => {
    const ids = await api(page, (a) => a.analysis.gatekeepers.map((g: { id: string }) => g.id) as string[]);
    const id = await reachableActor(page, ids);
    expect(await api(page, (a) => a.app.selected ?? null)).toBeNull();
    const p = await actorPoint(page, id);
    await page.touchscreen.tap(p.x, p.y);
    await expect.poll(() => api(page, (a) => a.app.selected ?? null)).toBe(id);
    const label = await apiWith(page, (a, id: string) => a.graph.getNodeAttribute(id, "label") as string, id);
    await expect.poll(async () => (await page.locator(".actor-name").boundingBox())?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect(await page.locator(".actor-name").textContent()).toContain(label);
    await page.screenshot({ path: `${ARTIFACTS}touch-tap-phone.png` });
    await page.keyboard.press("Escape");
    await expect.poll(() => api(page, (a) => a.app.selected ?? null)).toBeNull();
    // Two taps within sigma's double-click time are a double tap (a zoom): the next tap waits.
    await page.waitForTimeout(700);
    const empty = await emptyPoint(page);
    await page.touchscreen.tap(empty.x, empty.y);
    await page.waitForTimeout(400);
    expect(await api(page, (a) => a.app.selected ?? null)).toBeNull();
  });

  it("a long press on an actor hovers it (its card shown), and is not a click: nothing is selected", async () => {
    const ids = await api(page, (a) => a.analysis.gatekeepers.map((g: { id: string }) => g.id) as string[]);
    const id = await reachableActor(page, ids);
    const p = await actorPoint(page, id);
    // Nothing hovered to start with (a tap elsewhere, well after any earlier tap).
    await page.waitForTimeout(700);
    const empty = await emptyPoint(page);
    await page.touchscreen.tap(empty.x, empty.y);
    await expect.poll(() => api(page, (a) => a.app.hovered ?? null)).toBeNull();
    await page.waitForTimeout(700);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: p.x, y: p.y, id: 1 }] });
    await page.waitForTimeout(900);
    await expect.poll(() => api(page, (a) => a.app.hovered ?? null)).toBe(id);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${ARTIFACTS}touch-long-press-phone.png` });
    expect(await api(page, (a) => a.app.hovered ?? null)).toBe(id);
    expect(await page.locator(".hover-card").isVisible()).toBe(true);
    expect(await api(page, (a) => a.app.selected ?? null)).toBeNull();
    await cdp.detach();
  });

  it("a pinch apart zooms in and a pinch together zooms out (the camera ratio changes)", async () => {
    const box = (await page.locator("#graph").boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const ratio = () => api(page, (a) => a.renderer.getCamera().getState().ratio as number);
    const cdp = await context.newCDPSession(page);
    const pinch = async (from: number, to: number) => {
      const points = (d: number) => [
        { x: cx - d, y: cy, id: 1 },
        { x: cx + d, y: cy, id: 2 },
      ];
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: points(from) });
      for (let i = 1; i <= 8; i++) {
        await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: points(from + ((to - from) * i) / 8) });
        await page.waitForTimeout(30);
      }
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
      await page.waitForTimeout(300);
    };
    const r0 = await ratio();
    await pinch(30, 120);
    const r1 = await ratio();
    // Fingers four times further apart: the map is shown about four times larger (ratio about a quarter).
    expect(r1).toBeLessThan(r0 * 0.5);
    await page.screenshot({ path: `${ARTIFACTS}touch-pinch-phone.png` });
    await pinch(120, 30);
    const r2 = await ratio();
    expect(r2).toBeGreaterThan(r1 * 2);
    // A pinch is not a tap: nothing was selected.
    expect(await api(page, (a) => a.app.selected ?? null)).toBeNull();
    await cdp.detach();
  });
});

describe("critical actors in the diagnosis", () => {
  it("are named inline (a comma follows its name) and open their panel from the keyboard", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      await open(page, "?dataset=suame-magazine");
      await api(page, (a) => a.showTab("diagnosis"));
      const links = page.locator(".actor-link");
      await expect.poll(() => links.count()).toBeGreaterThan(1);
      const first = links.first();
      expect(await first.evaluate((el) => getComputedStyle(el).display)).toBe("inline");
      // The comma after a name ends at most a few pixels after the name's last line.
      const gap = await first.evaluate((el) => {
        const rects = el.getClientRects();
        const last = rects[rects.length - 1];
        const range = document.createRange();
        const comma = el.nextSibling!;
        range.setStart(comma, 0);
        range.setEnd(comma, 1);
        const c = range.getBoundingClientRect();
        return { dx: c.left - last.right, dy: Math.abs(c.top - last.top), text: comma.textContent };
      });
      expect(gap.text?.startsWith(",")).toBe(true);
      expect(gap.dx).toBeLessThan(3);
      expect(gap.dy).toBeLessThan(3);
      const id = await first.getAttribute("data-id");
      await first.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => api(page, (a) => a.app.selected ?? null)).toBe(id);
    } finally {
      await page.close();
    }
  }, 90_000);
});

describe("printing", () => {
  it("under print media the map is printed (not blank): the picture has the actors' colours", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      await open(page, "?dataset=taiwan-flowers");
      const colours = await api(page, (a) => [...new Set(a.display.mapNodes((_id: string, x: { color: string }) => x.color.toLowerCase()))] as string[]);
      await page.emulateMedia({ media: "print" });
      await expect.poll(async () => (await page.locator(".print-map").boundingBox())?.height ?? 0).toBeGreaterThan(300);
      // The hidden map may draw a frame under print media (sigma then sizes it 1×1) before printing
      // starts: the picture is still made at the map's size on screen.
      await api(page, (a) => {
        a.app.renderer?.refresh();
        window.dispatchEvent(new Event("beforeprint"));
      });
      // The printed map itself, as the print layout places it (not a region of a page screenshot, whose
      // coordinates move when the page is resized to its full height).
      await page.screenshot({ fullPage: true, path: `${ARTIFACTS}print-media-desktop.png` });
      const png = await page.locator(".print-map").screenshot();
      // Decode the picture and count pixels of each actor colour.
      const counts = inkOf(decodePng(png), colours.filter((c) => /^#[0-9a-f]{6}$/.test(c)));
      expect(counts.ink / counts.total).toBeGreaterThan(0.01);
      // The key is printed beside the map (the page's own legend is hidden in print, the picture's is not).
      expect(counts.keyInk).toBeGreaterThan(500);
      // Every actor colour of the map is seen in the printed picture.
      expect(counts.perColour.filter((n) => n >= 20).length).toBe(counts.perColour.length);
      // And the PDF Chromium makes of it has the picture (a blank page is a few kilobytes).
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      await page.emulateMedia({ media: "screen" });
      await expect.poll(async () => (await page.locator(".print-map").boundingBox())?.height ?? 0).toBe(0);
    } finally {
      await page.close();
    }
  }, 90_000);
});

describe("cancelling an analysis", () => {
  it("a long analysis is stopped: the page says it was cancelled, and stays usable", async () => {
    // A generated cluster whose analysis takes seconds (the phases of a large view).
    const c = generateCluster({ actors: 3_920, external: 80, ties: 20_000, groups: 8, seed: 3, name: "cancel" });
    const files = writeTidy(generatedToGraph(c), "/gen").map((f) => ({ name: basename(f.name), text: String(f.data) }));
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      await open(page, "?dataset=taiwan-flowers");
      await apiWith(page, (a, files: { name: string; text: string }[]) => void a.loadFiles(files), files);
      await expect.poll(() => api(page, (a) => a.graph?.order ?? 0), { timeout: 60_000 }).toBe(4_000);
      const cancel = page.locator('[data-action="cancel-analysis"]');
      await expect.poll(() => cancel.isVisible(), { timeout: 30_000 }).toBe(true);
      // Running: the last phase (betweenness and closeness, exact on this view: seconds) has not arrived.
      expect(await api(page, (a) => a.app.analysing)).toBe(true);
      expect(await api(page, (a) => a.analysis?.values?.betweenness === undefined)).toBe(true);
      await cancel.click();
      expect(await api(page, (a) => a.app.analysing)).toBe(false);
      await expect.poll(() => page.locator(".status").textContent()).toContain("cancelled");
      expect(await cancel.isVisible()).toBe(false);
      // No answer of the cancelled analysis arrives later.
      const shown = await api(page, (a) => Object.keys(a.analysis?.timings ?? {}).sort());
      await page.waitForTimeout(3000);
      expect(await api(page, (a) => Object.keys(a.analysis?.timings ?? {}).sort())).toEqual(shown);
      expect(await api(page, (a) => a.analysis?.values?.betweenness === undefined)).toBe(true);
      await page.screenshot({ path: `${ARTIFACTS}cancelled-analysis-desktop.png` });
      // Usable: an actor can be selected, and a new analysis runs to its end.
      const first = await api(page, (a) => a.graph.nodes()[0] as string);
      await apiWith(page, (a, id: string) => a.app.select(id), first);
      expect(await api(page, (a) => a.app.selected)).toBe(first);
      await apiWith(page, (a) => a.app.setFilter({ localOnly: true }), null);
      await page.evaluate(() => (window as unknown as { __app: { whenIdle(): Promise<void> } }).__app.whenIdle());
      const after = await api(page, (a) => ({ error: a.app.analysisError ?? null, verdicts: a.analysis?.diagnosis?.verdicts?.length ?? 0, order: a.analysis?.order }));
      expect(after.error).toBeNull();
      expect(after.verdicts).toBeGreaterThan(0);
      expect(after.order).toBe(3_920);
      expect(await page.locator(".status").textContent()).not.toContain("cancelled");
    } finally {
      await page.close();
    }
  }, 240_000);
});

describe("ego network", () => {
  it("shows the actor and exactly its neighbours (as the library has them), then everything again", async () => {
    const graph = (await readInput("datasets/taiwan-flowers")).graph;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      await open(page, "?dataset=taiwan-flowers");
      const ids = await api(page, (a) => a.analysis.gatekeepers.map((g: { id: string }) => g.id) as string[]);
      const id = await reachableActor(page, ids);
      const p = await actorPoint(page, id);
      await page.mouse.move(p.x, p.y);
      await page.mouse.click(p.x, p.y);
      await expect.poll(() => api(page, (a) => a.app.selected ?? null)).toBe(id);
      const visible = () => api(page, (a) => a.display.filterNodes((n: string) => !a.renderer.getNodeDisplayData(n)?.hidden).sort() as string[]);
      const all = await visible();
      expect(all.length).toBe(graph.order);
      await page.locator('[data-action="ego-show"]').click();
      const expected = [...new Set([id, ...graph.inNeighbors(id), ...graph.outNeighbors(id)])].sort();
      expect(expected.length).toBeLessThan(graph.order);
      await expect.poll(visible).toEqual(expected);
      await page.screenshot({ path: `${ARTIFACTS}ego-network-desktop.png` });
      // Its sources only: the actors with a tie into it.
      await page.locator('[data-control="ego-direction"]').selectOption("in");
      await page.locator('[data-action="ego-show"]').click();
      await expect.poll(visible).toEqual([...new Set([id, ...graph.inNeighbors(id)])].sort());
      await page.locator('[data-action="ego-clear"]').click();
      await expect.poll(async () => (await visible()).length).toBe(graph.order);
    } finally {
      await page.close();
    }
  }, 90_000);
});
