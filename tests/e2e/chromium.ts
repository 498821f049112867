/**
 * What the e2e files share: Debian's Chromium launched headless (fail, never skip, when it is missing) and
 * the pixels of a screenshot, decoded from the PNG bytes (never read from the WebGL canvas).
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { decodePng, pixelAt } from "./png.js";

export const CHROMIUM = "/usr/bin/chromium";

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium); the viewer's e2e tests cannot run without it`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-unsafe-swiftshader"],
  });
}

/** RGBA of screenshot pixels at the given points (page coordinates), decoded from the PNG bytes (tests/e2e/png.ts). */
export function screenshotPixels(png: Buffer, points: { x: number; y: number }[]): number[][] {
  const picture = decodePng(png);
  return points.map((p) => pixelAt(picture, p.x, p.y));
}

export function hexRgb(hex: string): number[] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
