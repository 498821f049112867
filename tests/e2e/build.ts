/**
 * One viewer build for all the e2e files of a run: vitest runs test files side by side, and a second
 * `vite build` (which empties viz/dist first) would pull the page out from under another file's server.
 * A lock directory serialises the builds, and a build is repeated only when a source it is made from
 * (src/, viz/src/, the page, the Vite config, package.json) changed after it started: the files of one
 * run, which start at different times, share the first one's build.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { launchChromium } from "./chromium.js";
import { buildViewer, collectInput, serveViewer, type ViewerServer } from "../../src/cli/commands/view.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const LOCK = join(tmpdir(), `clusterflow-viewer-build-${createHash("sha1").update(REPO).digest("hex").slice(0, 10)}`);
const STAMP = join(REPO, "viz", "dist", ".built-at");

/** The latest modification time (ms) of the files the viewer is built from. */
function newestSource(): number {
  let newest = 0;
  const walk = (path: string) => {
    const st = statSync(path);
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ["src", "viz/src", "viz/index.html", "viz/vite.config.ts", "package.json"]) if (existsSync(join(REPO, p))) walk(join(REPO, p));
  return newest;
}

export async function buildViewerOnce(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a run that was killed is taken over after five minutes.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (existsSync(STAMP) && Number(readFileSync(STAMP, "utf8")) >= newestSource()) return;
    const started = Date.now();
    await buildViewer();
    writeFileSync(STAMP, String(started));
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * What each e2e file starts with: the viewer built (once), served on loopback with `served` as its input,
 * and Debian's Chromium (software WebGL). Fails, never skips, when the browser is missing.
 */
export async function startViewerAndBrowser(served: string): Promise<{ server: ViewerServer; browser: Browser }> {
  mkdirSync(join(REPO, "tests", "artifacts"), { recursive: true });
  process.chdir(REPO);
  await buildViewerOnce();
  const browser = await launchChromium();
  const server = await serveViewer({ port: 0, input: collectInput(served) });
  return { server, browser };
}
