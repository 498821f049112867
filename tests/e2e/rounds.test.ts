/**
 * Comparing survey rounds in the viewer (Chromium, playwright-core): after picking two rounds, the page draws
 * created ties in the created colour and dissolved ties dashed in the dissolved colour (read from sigma's
 * display data and from the pixels of a screenshot), marks entering and leaving actors, shows the change
 * table `clusterflow waves --json` prints on the same data, and keeps the comparison in the address. Also
 * the colouring by distance from outside knowledge. Screenshots go to tests/artifacts/rounds-*.png.
 *
 * Inputs: the sialkot-surgical example (rounds 1994 and 1997, no presence data) and
 * tests/fixtures/rounds-planted (two rounds, a presence table; one created tie b → d, one dissolved tie
 * c → d, "new" entering and "old" leaving — see its SOURCE.md).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startViewerAndBrowser } from "./build.js";
import { hexRgb, screenshotPixels } from "./chromium.js";
import type { ViewerServer } from "../../src/cli/commands/view.js";
import { readInput } from "../../src/io/load.js";
import { diffusionDepth } from "../../src/metrics/diffusion.js";
import type { ChangeTable } from "../../src/metrics/waves.js";
import { COGNITIVE_ROLE_LABELS } from "../../src/diagnosis/roles.js";
import { fmt } from "../../viz/src/dom.js";
import { DIFFUSION_COLORS, PRESENCE_COLORS, ROUND_CHANGE_COLORS } from "../../viz/src/encodings.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
const PLANTED = "tests/fixtures/rounds-planted";
const SIALKOT = "datasets/sialkot-surgical";

let server: ViewerServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

interface WavesJson {
  relations: { relation: string; changes: { table: ChangeTable }[] }[];
  presence: { changes: { from: string; to: string; entering: string[]; leaving: string[] }[] };
  sideBySide: { actors: { id: string; rounds: { present: boolean; rank: number | null; role: string | null }[] }[] } | null;
}

/** What `clusterflow waves --json` prints for an input. */
function wavesCli(input: string, diagnosis = true): WavesJson {
  const args = ["src/cli/bin.mjs", "waves", input, "--json", ...(diagnosis ? [] : ["--no-diagnosis"])];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: REPO, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })) as WavesJson;
}

type Display = { color: string; hidden?: boolean; type?: string; size: number; x: number; y: number };
type Win = Window & {
  __app: {
    ready: Promise<void>;
    whenIdle(): Promise<void>;
    showTab(t: string): void;
    setDrawer(d: string | undefined): void;
    graph: {
      forEachEdge(fn: (k: string, a: { relation: string; wave?: string; weight: number }, s: string, t: string) => void): void;
      forEachNode(fn: (id: string, a: { inCluster?: boolean }) => void): void;
    };
    display: { getNodeAttributes(id: string): { x: number; y: number } };
    renderer: {
      graphToViewport(p: { x: number; y: number }): { x: number; y: number };
      getNodeDisplayData(id: string): Display | undefined;
      getEdgeDisplayData(id: string): Display | undefined;
      scaleSize(s: number): number;
    };
    app: { select(id: string | undefined): void };
  };
};

async function open(url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as Win).__app !== undefined, null, { timeout: 30_000 });
  await page.evaluate(() => (window as unknown as Win).__app.ready);
  await page.evaluate(() => (window as unknown as Win).__app.whenIdle());
}

async function idle(): Promise<void> {
  await page.evaluate(() => (window as unknown as Win).__app.whenIdle());
}

/** Pick two rounds in the controls and compare them. */
async function compare(from: string, to: string): Promise<void> {
  await page.locator('[data-control="compare-from"]').selectOption(from);
  await page.locator('[data-control="compare-to"]').selectOption(to);
  await page.locator('[data-action="compare"]').click();
  await expect.poll(() => page.locator(".round-changes li").count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await idle();
}

/** The page's edge keys of one cell (relation, source → target) in one round. */
async function edgeKeys(relation: string, source: string, target: string, wave: string): Promise<string[]> {
  return page.evaluate(
    ({ relation, source, target, wave }) => {
      const keys: string[] = [];
      (window as unknown as Win).__app.graph.forEachEdge((k, a, s, t) => {
        if (a.relation === relation && s === source && t === target && a.wave === wave) keys.push(k);
      });
      return keys;
    },
    { relation, source, target, wave },
  );
}

async function edgeDisplay(key: string): Promise<Display | undefined> {
  return page.evaluate((k) => (window as unknown as Win).__app.renderer.getEdgeDisplayData(k), key);
}

/** Page coordinates of an actor's centre and its radius on screen. */
async function nodeOnPage(id: string): Promise<{ x: number; y: number; r: number }> {
  const box = (await page.locator("#graph").boundingBox())!;
  const p = await page.evaluate((id) => {
    const a = (window as unknown as Win).__app;
    const d = a.display.getNodeAttributes(id);
    const v = a.renderer.graphToViewport({ x: d.x, y: d.y });
    return { ...v, r: a.renderer.scaleSize(a.renderer.getNodeDisplayData(id)!.size) };
  }, id);
  return { x: box.x + p.x, y: box.y + p.y, r: p.r };
}

const pixels = (png: Buffer, points: { x: number; y: number }[]) => screenshotPixels(png, points);

const near = (px: number[], hex: string, tol = 45) => hexRgb(hex).every((v, k) => Math.abs(v - px[k]) <= tol);

/** Points along the middle part of the straight line between two actors (page coordinates). */
async function alongTie(source: string, target: string, n = 25): Promise<{ x: number; y: number }[]> {
  const a = await nodeOnPage(source);
  const b = await nodeOnPage(target);
  return Array.from({ length: n }, (_, i) => {
    const t = 0.3 + (0.4 * i) / (n - 1);
    return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
  });
}

/** Points on a circle around an actor, just outside its disc (where the entering / leaving ring is drawn). */
async function aroundActor(id: string, n = 24): Promise<{ x: number; y: number }[]> {
  const c = await nodeOnPage(id);
  return Array.from({ length: n }, (_, i) => ({ x: c.x + (c.r + 4) * Math.cos((2 * Math.PI * i) / n), y: c.y + (c.r + 4) * Math.sin((2 * Math.PI * i) / n) }));
}

/** The change table the diagnosis panel shows, by relation. */
async function shownTables(): Promise<Record<string, Record<string, string>>> {
  await page.evaluate(() => (window as unknown as Win).__app.showTab("diagnosis"));
  await expect.poll(() => page.locator(".change-table").count()).toBe(1);
  const cells = await page.locator(".change-table td[data-relation]").evaluateAll((tds) => tds.map((td) => [(td as HTMLElement).dataset.relation!, (td as HTMLElement).dataset.cell!, td.textContent ?? ""]));
  const out: Record<string, Record<string, string>> = {};
  for (const [rel, cell, text] of cells) (out[rel] ??= {})[cell] = text;
  return out;
}

function expectedTables(w: WavesJson): Record<string, Record<string, string>> {
  return Object.fromEntries(
    w.relations.map((r) => {
      const t = r.changes[0].table;
      return [r.relation, { actorCount: String(t.actorCount), n01: String(t.n01), n10: String(t.n10), n11: String(t.n11), n00: String(t.n00), missing: String(t.missing), hamming: String(t.hamming), jaccard: fmt(t.jaccard, 3) }];
    }),
  );
}

beforeAll(async () => {
  ({ server, browser } = await startViewerAndBrowser(PLANTED));
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on("pageerror", (e) => errors.push(e.message));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("comparing two survey rounds in the viewer", () => {
  it("planted rounds: the created tie is drawn in the created colour, the dissolved tie dashed in the dissolved colour", async () => {
    await open(server.url);
    const cli = wavesCli(PLANTED);
    expect(cli.presence.changes[0]).toEqual({ from: "2019", to: "2022", entering: ["new"], leaving: ["old"] });
    // Before comparing: the wave filter's normal view draws the ties of both rounds in tie-type colours.
    const created = await edgeKeys("advice", "b", "d", "2022");
    const dissolved = await edgeKeys("advice", "c", "d", "2019");
    const keptEarly = await edgeKeys("advice", "a", "b", "2019");
    const keptLate = await edgeKeys("advice", "a", "b", "2022");
    expect([created.length, dissolved.length, keptEarly.length, keptLate.length]).toEqual([1, 1, 1, 1]);
    expect((await edgeDisplay(created[0]))!.color).not.toBe(ROUND_CHANGE_COLORS.created);

    await compare("2019", "2022");
    const c = (await edgeDisplay(created[0]))!;
    const d = (await edgeDisplay(dissolved[0]))!;
    expect([c.hidden ?? false, c.color]).toEqual([false, ROUND_CHANGE_COLORS.created]);
    expect([d.hidden ?? false, d.color, d.type]).toEqual([false, ROUND_CHANGE_COLORS.dissolved, "dashed"]);
    expect(c.type).not.toBe("dashed");
    // A kept tie is drawn once, by its later-round tie.
    expect((await edgeDisplay(keptEarly[0]))!.hidden).toBe(true);
    expect((await edgeDisplay(keptLate[0]))!.color).toBe(ROUND_CHANGE_COLORS.kept);
    // Ties of the entering and the leaving actor: created and dissolved too.
    expect((await edgeDisplay((await edgeKeys("advice", "new", "b", "2022"))[0]))!.color).toBe(ROUND_CHANGE_COLORS.created);
    expect((await edgeDisplay((await edgeKeys("advice", "old", "c", "2019"))[0]))!.color).toBe(ROUND_CHANGE_COLORS.dissolved);

    // In the pixels: the created tie solid in its colour, the dissolved tie in its colour with gaps.
    const png = await page.screenshot({ path: `${ARTIFACTS}rounds-planted-1440.png` });
    const onCreated = await pixels(png, await alongTie("b", "d"));
    const onDissolved = await pixels(png, await alongTie("c", "d"));
    expect(onCreated.filter((p) => near(p, ROUND_CHANGE_COLORS.created)).length).toBeGreaterThanOrEqual(18);
    const dashes = onDissolved.filter((p) => near(p, ROUND_CHANGE_COLORS.dissolved)).length;
    expect(dashes).toBeGreaterThanOrEqual(5);
    expect(dashes).toBeLessThanOrEqual(22);
    // Entering actor: a solid ring in the entering colour; leaving actor: a dashed ring in the leaving colour.
    const ringNew = await pixels(png, await aroundActor("new"));
    const ringOld = await pixels(png, await aroundActor("old"));
    expect(ringNew.filter((p) => near(p, PRESENCE_COLORS.entering)).length).toBeGreaterThanOrEqual(18);
    const oldHits = ringOld.filter((p) => near(p, PRESENCE_COLORS.leaving)).length;
    expect(oldHits).toBeGreaterThanOrEqual(6);
    expect(oldHits).toBeLessThanOrEqual(21);
    for (const id of ["a", "b", "c", "d"]) expect((await pixels(png, await aroundActor(id))).filter((p) => near(p, PRESENCE_COLORS.entering, 20) || near(p, PRESENCE_COLORS.leaving, 20)).length, id).toBeLessThan(6);

    // The legend counts entering and leaving actors as the presence table says.
    expect(await page.locator('.round-presence li[data-presence="entering"] .count').textContent()).toBe(String(cli.presence.changes[0].entering.length));
    expect(await page.locator('.round-presence li[data-presence="leaving"] .count').textContent()).toBe(String(cli.presence.changes[0].leaving.length));
    // The change table equals `clusterflow waves --json`.
    expect(await shownTables()).toEqual(expectedTables(cli));
    expect(await page.locator(".presence-changes").textContent()).toContain("New start-up");
    await page.screenshot({ path: `${ARTIFACTS}rounds-planted-diagnosis-1440.png` });
    // The SVG / PNG export draws the same: dissolved ties dashed, entering and leaving actors ringed, the legend of changes.
    const svg = await page.evaluate(() => (window as unknown as { __app: { svg(): { svg: string } } }).__app.svg().svg);
    const tiesPart = svg.slice(svg.indexOf('<g class="ties"'), svg.indexOf('<g class="actors">'));
    expect(tiesPart.match(new RegExp(`<line [^>]*stroke="${ROUND_CHANGE_COLORS.dissolved}"[^>]*stroke-dasharray`, "g"))?.length).toBe(2);
    expect(tiesPart.match(/stroke-dasharray/g)?.length).toBe(2);
    expect(svg.match(new RegExp(`<circle [^>]*fill="none" stroke="${PRESENCE_COLORS.entering}" stroke-width="3"/>`, "g"))?.length).toBe(1);
    expect(svg.match(new RegExp(`<circle [^>]*fill="none" stroke="${PRESENCE_COLORS.leaving}" stroke-width="3" stroke-dasharray`, "g"))?.length).toBe(1);
    expect(svg).toContain("Ties 2019 → 2022");
    expect(svg).toContain("comparing rounds 2019 → 2022");
    const exported = await page.evaluate(() => (window as unknown as { __app: { pngDataUrl(o: object): Promise<string> } }).__app.pngDataUrl({ scale: 1 }));
    writeFileSync(`${ARTIFACTS}rounds-planted-export.png`, Buffer.from(exported.slice(exported.indexOf(",") + 1), "base64"));
  });

  it("planted rounds: the actor panel gives rank and role in both rounds, and the ties created and dissolved", async () => {
    const cli = wavesCli(PLANTED);
    await page.evaluate(() => (window as unknown as Win).__app.app.select("b"));
    await expect.poll(() => page.locator(".actor-rounds").count(), { timeout: 30_000 }).toBe(1);
    const side = cli.sideBySide!.actors.find((a) => a.id === "b")!;
    const roles = await page.locator('.actor-rounds tr[data-row="role"] td[data-round]').allTextContents();
    expect(roles).toEqual(side.rounds.map((r) => COGNITIVE_ROLE_LABELS[r.role as keyof typeof COGNITIVE_ROLE_LABELS]));
    expect(roles[0]).not.toBe(roles[1]);
    const ranks = await page.locator('.actor-rounds tr[data-row="rank"] td[data-round]').allTextContents();
    expect(ranks.map((r) => r.split(" ")[0])).toEqual(side.rounds.map((r) => String(r.rank)));
    expect(await page.locator('.round-ties[data-change="created"] li').allTextContents()).toEqual(["gives toDelta forgeadvice", "receives fromNew start-upadvice · entering"]);
    expect(await page.locator('.round-ties[data-change="dissolved"] li').allTextContents()).toEqual(["none"]);
    // The label with markup from the file is text.
    expect(await page.locator(".actor-name").textContent()).toBe("Beta <i>& Sons</i>");
    expect(await page.locator(".sidebar.right i").count()).toBe(0);
    await page.evaluate(() => (window as unknown as Win).__app.app.select("old"));
    await expect.poll(() => page.locator(".presence.leaving").textContent()).toBe("Leaving: present in 2019 only.");
    expect(await page.locator('.actor-rounds tr[data-row="rank"] td[data-round="2022"]').textContent()).toBe("—");
    await page.screenshot({ path: `${ARTIFACTS}rounds-planted-actor-1440.png` });
    await page.evaluate(() => (window as unknown as Win).__app.app.select(undefined));
  });

  it("the comparison is in the address: a reload restores it; leaving compare mode restores the normal view", async () => {
    await expect.poll(() => new URL(page.url()).searchParams.get("cmp")).toBe("2019,2022");
    await page.reload();
    await page.waitForFunction(() => (window as unknown as Win).__app !== undefined, null, { timeout: 30_000 });
    await page.evaluate(() => (window as unknown as Win).__app.ready);
    await idle();
    const created = (await edgeKeys("advice", "b", "d", "2022"))[0];
    expect((await edgeDisplay(created))!.color).toBe(ROUND_CHANGE_COLORS.created);
    expect(await page.locator('.round-changes li[data-change="created"]').count()).toBe(1);
    await page.locator('[data-action="compare-off"]').click();
    await idle();
    await expect.poll(() => new URL(page.url()).searchParams.get("cmp")).toBeNull();
    expect(await page.locator(".round-changes").count()).toBe(0);
    const keptEarly = (await edgeKeys("advice", "a", "b", "2019"))[0];
    const early = (await edgeDisplay(keptEarly))!;
    expect(early.hidden ?? false).toBe(false);
    expect(Object.values(ROUND_CHANGE_COLORS)).not.toContain(early.color);
    expect((await edgeDisplay(created))!.color).not.toBe(ROUND_CHANGE_COLORS.created);
    expect(await page.locator('[data-filter="wave"]').count()).toBe(1);
    const png = await page.screenshot();
    expect((await pixels(png, await aroundActor("new"))).filter((p) => near(p, PRESENCE_COLORS.entering, 20)).length).toBeLessThan(6);
  });

  it("sialkot-surgical 1994 → 1997: the change table equals `clusterflow waves --json`; created and dissolved ties in their colours", async () => {
    await open(`${server.url}?dataset=sialkot-surgical`);
    await compare("1994", "1997");
    const cli = wavesCli(SIALKOT, false);
    expect(await shownTables()).toEqual(expectedTables(cli));
    // Created and dissolved ties read from the data file; the change table counts the pairs of actors
    // present in both rounds (the presence columns of nodes.csv: the institutions set up later enter in 1997).
    const ties = readFileSync(`${REPO}${SIALKOT}/ties.csv`, "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(","));
    const [head, ...actorRows] = readFileSync(`${REPO}${SIALKOT}/nodes.csv`, "utf8").trim().split(/\r?\n/).map((l) => l.split(","));
    const entering = actorRows.filter((r) => r[head.indexOf("present_1994")] === "false").map((r) => r[0]);
    const inBoth = (k: string) => !entering.some((id) => k.split("|").slice(1).includes(id));
    const cells = (w: string) => new Set(ties.filter((t) => t[4] === w && Number(t[3]) > 0).map((t) => `${t[2]}|${t[0]}|${t[1]}`));
    const early = cells("1994");
    const late = cells("1997");
    const createdCells = [...late].filter((k) => !early.has(k));
    const dissolvedCells = [...early].filter((k) => !late.has(k));
    const keptCells = [...late].filter((k) => early.has(k));
    const real = cli.relations.filter((r) => r.relation !== "any relation");
    expect(entering.length).toBeGreaterThan(0);
    expect(createdCells.filter(inBoth).length).toBe(real.reduce((s, r) => s + r.changes[0].table.n01, 0));
    expect(createdCells.filter(inBoth).length).toBeLessThan(createdCells.length);
    expect(dissolvedCells.filter(inBoth).length).toBe(real.reduce((s, r) => s + r.changes[0].table.n10, 0));
    // Every tie the page draws has the colour of its change, and the counts by colour are the table's.
    const drawn = await page.evaluate(() => {
      const a = (window as unknown as Win).__app;
      const byColor: Record<string, string[]> = {};
      a.graph.forEachEdge((k, e, s, t) => {
        const d = a.renderer.getEdgeDisplayData(k);
        if (!d || d.hidden) return;
        (byColor[d.color] ??= []).push(`${e.relation}|${s}|${t}|${e.wave}`);
      });
      return byColor;
    });
    const strip = (xs: string[] | undefined) => (xs ?? []).map((x) => x.slice(0, x.lastIndexOf("|"))).sort();
    expect(strip(drawn[ROUND_CHANGE_COLORS.created])).toEqual(createdCells.sort());
    expect(strip(drawn[ROUND_CHANGE_COLORS.dissolved])).toEqual(dissolvedCells.sort());
    expect(strip(drawn[ROUND_CHANGE_COLORS.kept])).toEqual(keptCells.sort());
    expect(Object.keys(drawn).sort()).toEqual([ROUND_CHANGE_COLORS.created, ROUND_CHANGE_COLORS.dissolved, ROUND_CHANGE_COLORS.kept].sort());
    expect((drawn[ROUND_CHANGE_COLORS.created] ?? []).every((x) => x.endsWith("|1997"))).toBe(true);
    expect((drawn[ROUND_CHANGE_COLORS.dissolved] ?? []).every((x) => x.endsWith("|1994"))).toBe(true);
    // The presence table: the institutions set up after 1994 enter, nobody leaves.
    expect(await page.locator('.round-presence li[data-presence="entering"] .count').textContent()).toBe(String(entering.length));
    expect(await page.locator('.round-presence li[data-presence="leaving"] .count').textContent()).toBe("0");
    expect(await page.locator(".legend").textContent()).toContain(`created (only in 1997)${createdCells.length}`);
    await page.screenshot({ path: `${ARTIFACTS}rounds-sialkot-1440.png` });
    await page.evaluate(() => (window as unknown as Win).__app.showTab("diagnosis"));
    await page.screenshot({ path: `${ARTIFACTS}rounds-sialkot-diagnosis-1440.png` });
  });

  it("on a phone (390 × 844) the comparison's legend and table stay readable", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(400);
    await idle();
    await page.evaluate(() => (window as unknown as Win).__app.setDrawer(undefined));
    await page.screenshot({ path: `${ARTIFACTS}rounds-sialkot-390.png` });
    await page.evaluate(() => (window as unknown as Win).__app.showTab("diagnosis"));
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${ARTIFACTS}rounds-sialkot-diagnosis-390.png` });
    const table = (await page.locator(".change-table").boundingBox())!;
    expect(table.width).toBeGreaterThan(0);
    await page.evaluate(() => (window as unknown as Win).__app.setDrawer("controls"));
    await page.waitForTimeout(300);
    await page.locator('[data-section="rounds"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}rounds-controls-390.png` });
    await page.evaluate(() => (window as unknown as Win).__app.setDrawer(undefined));
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it("colour by distance from outside knowledge: each actor in the colour of its depth, as the library computes it", async () => {
    await open(`${server.url}?dataset=thai-automotive`);
    await page.locator('[data-control="colorBy"]').selectOption("diffusion");
    await idle();
    const graph = (await readInput("datasets/thai-automotive")).graph;
    const d = diffusionDepth(graph);
    const expected = new Map<string, string>();
    graph.forEachNode((id, a) => {
      if (a.inCluster === false) expected.set(id, "outside actor");
    });
    for (const x of d.actors) expected.set(x.id, !Number.isFinite(x.steps) ? "never reached" : x.steps <= 1 ? "1 tie" : x.steps === 2 ? "2 ties" : "3+ ties");
    const shown = await page.evaluate((ids) => ids.map((id) => (window as unknown as Win).__app.renderer.getNodeDisplayData(id)!.color), [...expected.keys()]);
    expect(shown).toEqual([...expected.values()].map((c) => DIFFUSION_COLORS[c]));
    const counts = new Map<string, number>();
    for (const c of expected.values()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(3);
    const legend = await page.locator(".legend-colors li").evaluateAll((lis) => lis.map((li) => [li.querySelector("span:not(.count)")?.textContent, li.querySelector(".count")?.textContent]));
    const order = ["1 tie", "2 ties", "3+ ties", "never reached", "outside actor"].filter((c) => counts.has(c));
    expect(legend).toEqual(order.map((c) => [c, String(counts.get(c))]));
    expect(await page.locator(".legend h4").first().textContent()).toBe("Colour: distance from outside knowledge");
    // The URL keeps the colouring.
    await expect.poll(() => new URL(page.url()).searchParams.get("color")).toBe("diffusion");
    await page.screenshot({ path: `${ARTIFACTS}rounds-diffusion-thai-1440.png` });
    expect(errors).toEqual([]);
  });

  it("the diagnosis names the cluster types in their three states, as the report does (Thai: a satellite cluster)", async () => {
    await open(`${server.url}?dataset=thai-automotive`);
    await page.evaluate(() => (window as unknown as Win).__app.showTab("diagnosis"));
    await expect.poll(() => page.locator("[data-cluster-type]").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const report = JSON.parse(execFileSync(process.execPath, ["src/cli/bin.mjs", "report", "datasets/thai-automotive", "--format", "json"], { cwd: REPO, encoding: "utf8", maxBuffer: 1 << 26 })) as {
      typology: { types: { name: string; state: string }[] };
    };
    const shown = await page.locator("[data-cluster-type]").evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.clusterType, (e as HTMLElement).dataset.state ?? (e.closest("[data-state]") as HTMLElement).dataset.state]));
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(report.typology.types.map((t) => [t.name, t.state])));
    expect(await page.locator('[data-cluster-type="satellite"] h4').textContent()).toBe("● Satellite cluster: holds");
    expect(await page.locator(".verdict-summary").textContent()).toContain("Cluster type: satellite cluster.");
    await page.locator('[data-cluster-type="satellite"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}rounds-typology-thai-1440.png` });
    expect(errors).toEqual([]);
  });
});

describe("the viewer's role quadrant", () => {
  it.each(["taiwan-flowers", "jepara-furniture"])("%s: the regions are the role rule (the report's quadrant): every dot in its role's region", async (name) => {
    await open(`${server.url}?dataset=${name}`);
    await page.evaluate(() => (window as unknown as Win).__app.showTab("diagnosis"));
    await expect.poll(() => page.locator("svg.quadrant circle[data-role]").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const got = await page.evaluate(() => {
      const svg = document.querySelector("svg.quadrant")!;
      const line = (k: string) => svg.querySelector(`line[data-line="${k}"]`)!;
      return {
        vx: Number(line("openness").getAttribute("x1")),
        hy: Number(line("margin").getAttribute("y1")),
        dots: [...svg.querySelectorAll("circle[data-role]")].map((c) => ({ id: c.getAttribute("data-id")!, role: c.getAttribute("data-role")!, cx: Number(c.getAttribute("cx")), cy: Number(c.getAttribute("cy")) })),
        text: svg.textContent,
      };
    });
    // The roles are the library's (the diagnosis `clusterflow report` makes), every inside actor once.
    const { graph } = await readInput(`datasets/${name}`);
    const { diagnose } = await import("../../src/diagnosis/diagnose.js");
    const d = diagnose(graph, { seed: 1 });
    const roles = new Map(d.roles.actors.filter((a) => a.inCluster).map((a) => [a.id, a.role as string]));
    expect(got.dots.length).toBe(roles.size);
    const region: Record<string, [boolean, boolean]> = {
      technologicalGatekeeper: [true, true],
      activeMutualExchanger: [false, true],
      externalStar: [true, false],
      weaklyConnected: [false, false],
      isolated: [false, false],
    };
    const seen = new Set<string>();
    for (const dot of got.dots) {
      expect([dot.id, dot.role]).toEqual([dot.id, roles.get(dot.id)]);
      const [right, up] = region[dot.role];
      expect([dot.id, dot.role, dot.cx > got.vx, dot.cy < got.hy]).toEqual([dot.id, dot.role, right, up]);
      seen.add(dot.role);
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
    expect(got.text).toContain("weakly connected or isolated");
    await page.locator("svg.quadrant").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}rounds-quadrant-${name}-1440.png` });
  });
});
