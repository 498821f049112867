/**
 * Ids and relation names that are members of Object.prototype are data in the viewer too: the Jepara
 * dataset with `principal1` renamed `hasOwnProperty`, `sme010` renamed `constructor` and the relation
 * `business` renamed `toString` is drawn, analysed and explained like the original: the same actors, the
 * verdicts `clusterflow report` gives on it, the actor panels of the renamed actors, and no page error.
 * (An actor id `__proto__` is read, analysed and written safely everywhere else — tests/hostile — but the
 * viewer cannot draw it yet: sigma's and ForceAtlas2's caches are plain objects keyed by the display graph's
 * keys, and the display graph is keyed by actor id; it says so in a banner instead of drawing.)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startViewerAndBrowser } from "./build.js";
import type { ViewerServer } from "../../src/cli/commands/view.js";
import { readInput } from "../../src/io/load.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
const RENAMES: [RegExp, string][] = [
  [/\bprincipal1\b/g, "hasOwnProperty"],
  [/\bsme010\b/g, "constructor"],
  [/\bbusiness\b/g, "toString"],
];

type Win = {
  __app: {
    ready: Promise<void>;
    whenIdle(): Promise<void>;
    showTab(tab: string): void;
    graph: { order: number; size: number; hasNode(id: string): boolean; forEachEdge(cb: (k: string, a: Record<string, unknown>) => void): void };
    renderer: { getNodeDisplayData(id: string): { color: string; size: number } | undefined };
    app: { focus(id: string): Promise<void> };
  };
};

let server: ViewerServer;
let browser: Browser;
let page: Page;
let dir: string;
const errors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "clusterflow-hostile-viewer-"));
  for (const f of ["nodes.csv", "ties.csv"]) writeFileSync(join(dir, f), RENAMES.reduce((t, [re, to]) => t.replace(re, to), readFileSync(join(REPO, "datasets/jepara-furniture", f), "utf8")));
  ({ server, browser } = await startViewerAndBrowser(dir));
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on("pageerror", (e) => errors.push(e.message));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("hostile ids in the viewer", () => {
  it("hasOwnProperty, constructor and a relation toString are drawn, analysed and explained as data", async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as Win).__app !== undefined, null, { timeout: 30_000 });
    await page.evaluate(() => (window as unknown as Win).__app.ready);
    await page.evaluate(() => (window as unknown as Win).__app.whenIdle());
    const { graph } = await readInput(dir);
    expect(errors).toEqual([]);
    const shown = await page.evaluate(() => {
      const a = (window as unknown as Win).__app;
      const relations = new Set<string>();
      a.graph.forEachEdge((_k, e) => relations.add(String(e.relation)));
      return {
        order: a.graph.order,
        size: a.graph.size,
        own: a.graph.hasNode("hasOwnProperty"),
        ctor: a.graph.hasNode("constructor"),
        drawn: ["hasOwnProperty", "constructor"].map((id) => a.renderer.getNodeDisplayData(id) !== undefined),
        relations: [...relations].sort(),
        inherited: ({} as Record<string, unknown>).previous,
      };
    });
    expect(shown).toMatchObject({ order: graph.order, size: graph.size, own: true, ctor: true, drawn: [true, true], relations: ["technical-advice", "toString"].sort(), inherited: undefined });
    // The verdicts are those of `clusterflow report` on the same files.
    const report = JSON.parse(execFileSync(process.execPath, ["src/cli/bin.mjs", "report", dir, "--format", "json"], { cwd: REPO, encoding: "utf8", maxBuffer: 1 << 26 })) as { verdicts: { name: string; state: string }[] };
    await page.evaluate(() => (window as unknown as Win).__app.showTab("diagnosis"));
    await expect.poll(() => page.locator(".verdict[data-verdict]").count(), { timeout: 30_000 }).toBe(report.verdicts.length);
    const states = await page.locator(".verdict[data-verdict]").evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.verdict, (e as HTMLElement).dataset.state]));
    expect(states).toEqual(report.verdicts.map((v) => [v.name, v.state]));
    // The renamed actors' panels name them and give their rank like any actor.
    for (const id of ["hasOwnProperty", "constructor"]) {
      await page.evaluate((id) => (window as unknown as Win).__app.app.focus(id), id);
      const label = graph.getNodeAttribute(id, "label") as string;
      expect(await page.locator(".actor-name").textContent()).toBe(label);
      expect(await page.locator(".sidebar.right").textContent()).toMatch(/rank/i);
    }
    await page.screenshot({ path: `${ARTIFACTS}hostile-ids-1440.png` });
    expect(errors).toEqual([]);
  });
});
