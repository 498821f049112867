/**
 * Viewer benchmark (a script, not a test): a generated cluster of 10,000 actors and 50,000 ties, written as
 * a tidy dataset, served by `clusterflow view`'s server and opened in headless Chromium (software WebGL).
 * Measures the time to the first frame and to the verdicts, hover latency, frame times while hovering
 * actors and zooming, and a filter re-analysis — for the viewer of this checkout ("after") and, in the same
 * run on the same data, the viewer built from an earlier commit ("before", `--before <commit>`, default
 * the commit before the analysis worker was reworked; `--before none` skips it), with the ratios.
 * Run: `npx tsx tests/bench/viewer.ts [--actors 10000] [--ties 50000] [--seed 1] [--hovers 15] [--before 487162e]`.
 * The machine's load average (1 min) is printed with each measurement: on a shared machine compare runs
 * made at a similar load.
 *
 * Uses the cluster generator of src/model/generate.ts when present, else a seeded planted-partition
 * generator of its own (below).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { buildViewer, collectInput, serveViewer } from "../../src/cli/commands/view.js";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { seededRng } from "../../src/model/random.js";
import type { ClusterGraph } from "../../src/model/types.js";
import { writeTidy } from "../../src/io/tidy.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ACTORS = arg("actors", 10_000);
const TIES = arg("ties", 50_000);
const SEED = arg("seed", 1);
const HOVERS = arg("hovers", 15);
/** The commit whose viewer is measured as "before": main as it was before this benchmark's targets were met. */
const BEFORE = (() => {
  const i = process.argv.indexOf("--before");
  return i >= 0 ? process.argv[i + 1] : "487162e";
})();
const REPO = join(import.meta.dirname, "../..");
/** How long one measurement may wait for an analysis (the "before" viewer took minutes). */
const LONG = 900_000;

/** A seeded planted-partition cluster: 10 groups, 2 % of actors outside, ~85 % of ties inside groups. */
function ownGenerator(actors: number, ties: number, seed: number): ClusterGraph {
  const rng = seededRng(seed);
  const g = createClusterGraph({ name: "bench" });
  const external = Math.max(1, Math.round(actors * 0.02));
  const local = actors - external;
  const groups = 10;
  const kinds = ["firm", "firm", "firm", "supplier", "lab", "association"];
  const members: string[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < local; i++) {
    const id = `a${i}`;
    const grp = i % groups;
    addActor(g, id, { label: `Actor ${i}`, kind: kinds[Math.floor(rng() * kinds.length)], inCluster: true, group: `g${grp}`, stage: `s${grp % 3}` });
    members[grp].push(id);
  }
  const outside: string[] = [];
  for (let i = 0; i < external; i++) {
    addActor(g, `x${i}`, { label: `Outside ${i}`, kind: "buyer", inCluster: false });
    outside.push(`x${i}`);
  }
  const all = [...members.flat()];
  const seen = new Set<string>();
  let made = 0;
  while (made < ties) {
    const r = rng();
    let s: string;
    let t: string;
    if (r < 0.85) {
      const grp = members[Math.floor(rng() * groups)];
      s = grp[Math.floor(rng() * grp.length)];
      t = grp[Math.floor(rng() * grp.length)];
    } else if (r < 0.97) {
      s = all[Math.floor(rng() * all.length)];
      t = all[Math.floor(rng() * all.length)];
    } else {
      const o = outside[Math.floor(rng() * outside.length)];
      const l = all[Math.floor(rng() * all.length)];
      [s, t] = rng() < 0.7 ? [o, l] : [l, o];
    }
    if (s === t || seen.has(`${s} ${t}`)) continue;
    seen.add(`${s} ${t}`);
    addTie(g, s, t, { relation: rng() < 0.7 ? "technical-advice" : "business", weight: 1 + Math.floor(rng() * 3) });
    made++;
  }
  return g;
}

async function generate(): Promise<{ graph: ClusterGraph; by: string }> {
  try {
    const mod = (await import("../../src/model/generate.js")) as {
      generateCluster?: (spec: Record<string, unknown>) => unknown;
      generatedToGraph?: (g: unknown) => ClusterGraph;
    };
    if (mod.generateCluster && mod.generatedToGraph) {
      const external = Math.round(ACTORS * 0.02);
      const c = mod.generateCluster({ actors: ACTORS - external, external, ties: TIES, groups: 10, seed: SEED, name: "bench" });
      return { graph: mod.generatedToGraph(c), by: "src/model/generate.ts (clusterflow generate)" };
    }
  } catch (e) {
    console.error(`(the cluster generator could not be used: ${(e as Error).message}; using the script's own)`);
  }
  return { graph: ownGenerator(ACTORS, TIES, SEED), by: "the script's own planted-partition generator" };
}

function stats(xs: number[]): { n: number; median: number; p95: number; max: number; mean: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))] ?? NaN;
  return { n: s.length, median: q(0.5), p95: q(0.95), max: s[s.length - 1] ?? NaN, mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length) };
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Build the viewer of commit `ref` into a temporary folder (its sources from `git archive`, this checkout's node_modules). */
async function buildViewerAt(ref: string): Promise<{ root: string; commit: string; cleanup(): void }> {
  const commit = execFileSync("git", ["-C", REPO, "rev-parse", "--short", ref], { encoding: "utf8" }).trim();
  const dir = mkdtempSync(join(tmpdir(), "clusterflow-bench-before-"));
  const tar = execFileSync("git", ["-C", REPO, "archive", commit, "viz", "src", "datasets", "package.json", "tsconfig.json"], { maxBuffer: 1 << 30 });
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
  if (!existsSync(join(dir, "node_modules"))) symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  const vite = await import("vite");
  await vite.build({ configFile: join(dir, "viz/vite.config.ts"), logLevel: "warn" });
  return { root: join(dir, "viz/dist"), commit, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Result {
  label: string;
  load: [number, number];
  firstFrame: number;
  firstFrameWall: number;
  verdicts: number;
  full: number;
  hoverMedian: number;
  hoverP95: number;
  picked: string;
  hoverFrames: number;
  zoomMedian: number;
  zoomP95: number;
  filterVerdicts: number;
  filterFull: number;
  errors: string[];
}

type W = Window & {
  __app: {
    app: { marks: Record<string, number | undefined>; hovered?: string };
    ready: Promise<void>;
    graph: { order: number; size: number };
    renderer: { on(e: string, f: () => void): void };
    setDrawer(d: string): void;
    whenIdle(): Promise<void>;
  };
  __bench: { frames: number[]; renders: number[]; on: boolean };
};

async function measureViewer(label: string, url: string, browser: Browser): Promise<Result> {
  const load0 = loadavg()[0];
  console.log(`\n== ${label} (load average ${load0.toFixed(2)}) ==`);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // tsx keeps function names with a helper the page does not have.
  await page.addInitScript("globalThis.__name = (target) => target;");
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  try {
    const nav = performance.now();
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as W).__app?.app.marks.firstFrameShown !== undefined, null, { timeout: 120_000 });
    const firstFrameWall = performance.now() - nav;
    console.log(`first frame after ${round(firstFrameWall)} ms (wall); waiting for the analyses …`);
    await page.evaluate(() => (window as unknown as W).__app.ready);
    const readyWall = performance.now() - nav;
    const marks = await page.evaluate(() => {
      const w = window as unknown as W;
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return { ...w.__app.app.marks, domContentLoaded: nav.domContentLoadedEventEnd, order: w.__app.graph.order, size: w.__app.graph.size } as Record<string, number>;
    });
    const sections = (t?: Record<string, number>) => (t ? Object.entries(t).map(([k, v]) => `${k} ${round(v)}`).join(", ") : "(none)");
    const timings = await page.evaluate(() => ((window as unknown as W).__app.app as unknown as { analysis?: { timings: Record<string, number> } }).analysis?.timings);
    console.log(`worker sections (ms): ${sections(timings)}`);
    await page.waitForTimeout(500);

    // Frame times: every requestAnimationFrame interval and every sigma render while interacting.
    await page.evaluate(() => {
      const w = window as unknown as W;
      w.__bench = { frames: [], renders: [], on: false };
      let last = performance.now();
      const loop = (t: number) => {
        if (w.__bench.on) w.__bench.frames.push(t - last);
        last = t;
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
      let start = 0;
      w.__app.renderer.on("beforeRender", () => (start = performance.now()));
      w.__app.renderer.on("afterRender", () => {
        if (w.__bench.on) w.__bench.renders.push(performance.now() - start);
      });
    });
    const box = (await page.locator("#graph").boundingBox())!;
    const targets = await page.evaluate(() => {
      // Where each gatekeeper is drawn, and which actor is drawn on top at its centre (the one a correct
      // picking returns: the largest zIndex among the actors whose disc covers the point).
      const a = (window as unknown as W).__app as unknown as {
        analysis: { gatekeepers?: { id: string }[] };
        display: { forEachNode(f: (n: string) => void): void };
        renderer: { getNodeDisplayData(n: string): { x: number; y: number; size: number; zIndex?: number; hidden?: boolean } | undefined; framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number }; scaleSize(s: number): number };
      };
      const r = a.renderer;
      return (a.analysis.gatekeepers ?? []).slice(0, 60).map((g) => {
        const c = r.framedGraphToViewport(r.getNodeDisplayData(g.id)!);
        let top = g.id;
        let z = -Infinity;
        a.display.forEachNode((n) => {
          const e = r.getNodeDisplayData(n);
          if (!e || e.hidden) return;
          const q = r.framedGraphToViewport(e);
          if (Math.hypot(q.x - c.x, q.y - c.y) <= r.scaleSize(e.size) && (e.zIndex ?? 0) >= z) {
            z = e.zIndex ?? 0;
            top = n;
          }
        });
        return { id: g.id, top, ...c };
      });
    });
    const legend = (await page.locator(".legend").boundingBox())!;
    const underLegend = (p: { x: number; y: number }) => box.x + p.x > legend.x - 5 && box.x + p.x < legend.x + legend.width + 5 && box.y + p.y > legend.y - 5 && box.y + p.y < legend.y + legend.height + 5;
    const inside = targets.filter((p) => p.x > 5 && p.y > 5 && p.x < box.width - 60 && p.y < box.height - 5 && !underLegend(p)).slice(0, HOVERS);
    const latencies: number[] = [];
    // Picking: the actor hovered is the one drawn on top at the point (the actor aimed at, or one over it).
    let pickedRight = 0;
    let aimedAt = 0;

    const measure = async (what: string, act: () => Promise<void>) => {
      await page.evaluate(() => {
        const b = (window as unknown as W).__bench;
        b.frames = [];
        b.renders = [];
        b.on = true;
      });
      const t = performance.now();
      await act();
      const wall = performance.now() - t;
      const got = await page.evaluate(() => {
        const b = (window as unknown as W).__bench;
        b.on = false;
        return { frames: b.frames, renders: b.renders };
      });
      const f = stats(got.frames);
      const r = stats(got.renders);
      console.log(`${what}: ${round(wall)} ms wall; frame interval median ${round(f.median)} ms, p95 ${round(f.p95)} ms, max ${round(f.max)} ms (${f.n} frames); sigma render median ${round(r.median)} ms, p95 ${round(r.p95)} ms (${r.n} renders)`);
      return { wall, frames: f, renders: r };
    };

    const hover = await measure(`hover ${inside.length} actors (mouse onto the actor, then off)`, async () => {
      for (const p of inside) {
        const t = performance.now();
        await page.mouse.move(box.x + p.x, box.y + p.y);
        // Until the page has an actor hovered (this one, or one drawn over it) and has painted a frame since.
        await page.waitForFunction(() => (window as unknown as W).__app.app.hovered !== undefined, null, { polling: "raf", timeout: 60_000 });
        latencies.push(performance.now() - t);
        const got = await page.evaluate(() => (window as unknown as W).__app.app.hovered);
        if (got === p.top) pickedRight++;
        if (got === p.id) aimedAt++;
        await page.mouse.move(box.x + 3, box.y + 3);
        await page.waitForFunction(() => (window as unknown as W).__app.app.hovered === undefined, null, { polling: "raf", timeout: 60_000 });
      }
    });
    const zoom = await measure("zoom (10 wheel steps in, 10 out, 120 ms apart)", async () => {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; i < 10; i++) {
        await page.mouse.wheel(0, -240);
        await page.waitForTimeout(120);
      }
      for (let i = 0; i < 10; i++) {
        await page.mouse.wheel(0, 240);
        await page.waitForTimeout(120);
      }
    });

    // Filter re-analysis: hide one tie type; until the new view's verdicts are shown, then until the whole
    // analysis of the new view is shown (page clock, from the click).
    await page.evaluate(() => (window as unknown as W).__app.setDrawer("controls"));
    const t0 = await page.evaluate(() => {
      (window as unknown as W).__app.app.marks.verdictsShown = undefined;
      return performance.now();
    });
    await page.locator('[data-filter="tieType"] input').first().uncheck();
    await page.waitForFunction(() => (window as unknown as W).__app.app.marks.verdictsShown !== undefined, null, { timeout: LONG, polling: 100 });
    const filterVerdicts = (await page.evaluate(() => (window as unknown as W).__app.app.marks.verdictsShown!)) - t0;
    await page.evaluate(() => (window as unknown as W).__app.whenIdle());
    const filterFull = (await page.evaluate(() => performance.now())) - t0;
    const filterTimings = await page.evaluate(() => ((window as unknown as W).__app.app as unknown as { analysis?: { timings: Record<string, number> } }).analysis?.timings);
    console.log(`worker sections of the filtered view (ms): ${sections(filterTimings)}`);

    const m = marks;
    console.log(`actors/ties in the page: ${m.order} / ${m.size}`);
    console.log(`navigation → DOMContentLoaded: ${round(m.domContentLoaded)} ms`);
    console.log(`import in the browser (tidy reader): ${round(m.importEnd - m.importStart)} ms`);
    console.log(`display graph + encodings: ${round(m.displayBuilt - m.setData)} ms; initial layout: ${round(m.layoutDone - m.displayBuilt)} ms; first sigma frame: ${round(m.firstRender - m.layoutDone)} ms`);
    console.log(`first frame on screen: ${round(m.firstFrameShown)} ms (page clock); ${round(firstFrameWall)} ms wall from page.goto`);
    if (m.analysisFast !== undefined) console.log(`fast analysis (degrees, gatekeepers, brokerage, openness, roles) shown at: ${round(m.analysisFast)} ms`);
    console.log(`verdicts shown at: ${round(m.verdictsShown ?? m.analysisFull)} ms; full analysis (betweenness, closeness, PageRank, eigenvector, communities) at ${round(m.analysisFull)} ms; ready (wall) ${round(readyWall)} ms`);
    const lat = stats(latencies);
    console.log(`hover latency (mouse move → actor highlighted and painted): median ${round(lat.median)} ms, p95 ${round(lat.p95)} ms, max ${round(lat.max)} ms over ${lat.n} actors`);
    console.log(`hover latencies in order (ms): ${latencies.map((x) => Math.round(x)).join(", ")}`);
    console.log(`hover picks the actor drawn on top at the point: ${pickedRight} of ${lat.n}; the actor aimed at: ${aimedAt} (the others are covered by a larger actor)`);
    console.log(`filter re-analysis (one tie type hidden): verdicts of the new view shown after ${round(filterVerdicts)} ms, the whole analysis after ${round(filterFull)} ms`);
    console.log(`frame intervals while hovering: median ${round(hover.frames.median)} ms, p95 ${round(hover.frames.p95)} ms; while zooming: median ${round(zoom.frames.median)} ms, p95 ${round(zoom.frames.p95)} ms`);
    if (pageErrors.length) console.log(`page errors: ${pageErrors.join("; ")}`);
    await page.screenshot({ path: join(REPO, `tests/artifacts/bench-viewer-${label.split(" ")[0]}.png`) });
    return {
      label,
      load: [load0, loadavg()[0]],
      firstFrame: m.firstFrameShown,
      firstFrameWall,
      verdicts: m.verdictsShown ?? m.analysisFull,
      full: m.analysisFull,
      hoverMedian: lat.median,
      hoverP95: lat.p95,
      picked: `${pickedRight}/${lat.n}`,
      hoverFrames: hover.frames.median,
      zoomMedian: zoom.frames.median,
      zoomP95: zoom.frames.p95,
      filterVerdicts,
      filterFull,
      errors: pageErrors,
    };
  } finally {
    await page.close();
  }
}

function table(results: Result[]): void {
  const rows: [string, (r: Result) => number | string, string?][] = [
    ["first graph on screen (ms, page clock)", (r) => r.firstFrame],
    ["verdicts shown (ms, page clock)", (r) => r.verdicts, "< 15,000"],
    ["whole analysis shown (ms)", (r) => r.full],
    ["hover latency median (ms)", (r) => r.hoverMedian, "< 200"],
    ["hover latency p95 (ms)", (r) => r.hoverP95],
    ["hover picks the actor on top", (r) => r.picked],
    ["zoom frame interval median (ms)", (r) => r.zoomMedian],
    ["zoom frame interval p95 (ms)", (r) => r.zoomP95],
    ["filter re-analysis: verdicts shown (ms)", (r) => r.filterVerdicts, "< 10,000"],
    ["filter re-analysis: whole analysis (ms)", (r) => r.filterFull],
    ["load average (1 min) at start / end", (r) => `${r.load[0].toFixed(2)} / ${r.load[1].toFixed(2)}`],
  ];
  const fmt = (v: number | string) => (typeof v === "number" ? (Number.isFinite(v) ? Math.round(v).toLocaleString("en") : "–") : v);
  console.log("");
  console.log(`| measure | ${results.map((r) => r.label).join(" | ")} |${results.length === 2 ? " after / before | target |" : " target |"}`);
  console.log(`|---|${results.map(() => "---:").join("|")}|${results.length === 2 ? "---:|---|" : "---|"}`);
  for (const [name, get, target] of rows) {
    const vals = results.map(get);
    const ratio = results.length === 2 && typeof vals[0] === "number" && typeof vals[1] === "number" ? ` ${((vals[1] as number) / (vals[0] as number)).toFixed(2)} |` : results.length === 2 ? " |" : "";
    console.log(`| ${name} | ${vals.map(fmt).join(" | ")} |${ratio} ${target ?? ""} |`);
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const { graph, by } = await generate();
  const dir = mkdtempSync(join(tmpdir(), "clusterflow-bench-"));
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(REPO, "tests/artifacts"), { recursive: true });
  for (const f of writeTidy(graph, dir)) writeFileSync(f.name, f.data);
  console.log(`cluster: ${graph.order} actors, ${graph.size} ties, generated by ${by} in ${round(performance.now() - t0)} ms (seed ${SEED}); tidy files in ${dir}`);

  const input = collectInput(dir);
  await buildViewer();
  const before = BEFORE !== "none" ? await buildViewerAt(BEFORE) : undefined;
  const head = execFileSync("git", ["-C", REPO, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  const servers = [
    ...(before ? [{ label: `before (${before.commit})`, server: await serveViewer({ port: 0, input, root: before.root }) }] : []),
    { label: `after (${head}${execFileSync("git", ["-C", REPO, "status", "--porcelain", "viz", "src"], { encoding: "utf8" }).trim() ? "+changes" : ""})`, server: await serveViewer({ port: 0, input }) },
  ];
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-unsafe-swiftshader"],
  });
  const results: Result[] = [];
  try {
    for (const s of servers) results.push(await measureViewer(s.label, s.server.url, browser));
    table(results);
  } finally {
    await browser.close();
    for (const s of servers) await s.server.close();
    before?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
