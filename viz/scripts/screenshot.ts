/**
 * The viewer's screenshot for the README: the Taiwan flower cluster as the viewer opens it.
 * Run: `npx tsx viz/scripts/screenshot.ts` (builds the viewer, serves it on 127.0.0.1, drives Chromium).
 */
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { buildViewer, serveViewer } from "../../src/cli/commands/view.js";

const out = fileURLToPath(new URL("../screenshot-taiwan-flowers.png", import.meta.url));
await buildViewer();
const server = await serveViewer({ port: 0 });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-unsafe-swiftshader"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}?dataset=taiwan-flowers`);
  await page.waitForFunction(() => (window as unknown as { __app?: unknown }).__app !== undefined);
  await page.evaluate(() => (window as unknown as { __app: { ready: Promise<void> } }).__app.ready);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
