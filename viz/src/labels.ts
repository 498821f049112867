/**
 * Actor labels placed by the viewer rather than drawn one by one by sigma. Sigma still chooses which
 * actors deserve a label (its label grid, denser as one zooms in, plus the forced ones); each frame the
 * viewer collects those requests and places them itself:
 * - forced labels first (the top gatekeepers, the hovered and selected actor), then by actor size;
 * - each label tries the right of its actor, then the left, above, below and a few steps further off;
 *   a label that would cover one already placed (or a group name) is left out — a forced label only
 *   when no candidate position is free, and the hover card names it;
 * - every label is kept inside the canvas;
 * - names longer than LABEL_MAX_CHARS are shortened with "…" (the full name is in the hover card, the
 *   actor panel and the table).
 */

export const LABEL_MAX_CHARS = 26;

export interface LabelRequest {
  key: string;
  label: string;
  x: number;
  y: number;
  size: number;
  forced: boolean;
}

export interface LabelBox {
  id: string;
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  forced: boolean;
}

export interface LabelStyle {
  font: string;
  size: number;
  weight: string;
  color: string;
}

/** A label no longer than `max` characters (the cut falls on a word boundary when one is near). */
export function shortenLabel(label: string, max = LABEL_MAX_CHARS): string {
  const chars = [...label];
  if (chars.length <= max) return label;
  // A short last word (a number, a country code: "Cooperative 3", "Buyer, JP") tells actors apart: keep it.
  const lastSpace = label.lastIndexOf(" ");
  const tail = lastSpace > 0 && [...label.slice(lastSpace + 1)].length <= 4 ? label.slice(lastSpace + 1) : "";
  const room = max - 1 - (tail ? [...tail].length + 1 : 0);
  const head = chars.slice(0, room).join("");
  const space = head.lastIndexOf(" ");
  const cut = (space >= room * 0.6 ? head.slice(0, space) : head).trimEnd().replace(/[,;:–-]$/, "");
  return tail ? `${cut}… ${tail}` : `${cut}…`;
}

export function overlaps(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Place and draw the labels of one frame on `ctx` (CSS pixels); `obstacles` are boxes already taken
 * (group names). `priority` orders forced labels (lower first). Returns the boxes drawn.
 */
export function placeLabels(
  ctx: CanvasRenderingContext2D,
  requests: LabelRequest[],
  width: number,
  height: number,
  style: LabelStyle,
  obstacles: { x: number; y: number; w: number; h: number }[] = [],
  priority: (key: string) => number = () => 0,
): LabelBox[] {
  const sorted = [...requests].sort((a, b) => Number(b.forced) - Number(a.forced) || (a.forced ? priority(a.key) - priority(b.key) : 0) || b.size - a.size);
  ctx.font = `${style.weight} ${style.size}px ${style.font}`;
  ctx.textBaseline = "alphabetic";
  ctx.textAlign = "left";
  const placed: LabelBox[] = [];
  const taken = [...obstacles];
  const pad = 3;
  const h = style.size + 4;
  for (const r of sorted) {
    if (!r.label) continue;
    const text = shortenLabel(r.label);
    const w = ctx.measureText(text).width + 4;
    const gap = r.size + 3;
    const candidates: [number, number][] = [
      [r.x + gap, r.y - h / 2],
      [r.x - gap - w, r.y - h / 2],
      [r.x - w / 2, r.y - gap - h],
      [r.x - w / 2, r.y + gap],
    ];
    for (const k of [1, 2, 3]) {
      candidates.push([r.x + gap, r.y - h / 2 - k * h], [r.x + gap, r.y - h / 2 + k * h], [r.x - gap - w, r.y - h / 2 - k * h], [r.x - gap - w, r.y - h / 2 + k * h]);
    }
    let box: LabelBox | undefined;
    for (const [cx, cy] of candidates) {
      const x = Math.min(Math.max(pad, cx), width - w - pad);
      const y = Math.min(Math.max(pad, cy), height - h - pad);
      // Clamping may pull a label far from its actor: only a small pull is allowed.
      if (Math.abs(x - cx) > w * 0.75 + gap || Math.abs(y - cy) > h * 2) continue;
      const b = { id: r.key, text, x, y, w, h, forced: r.forced };
      if (taken.some((t) => overlaps(b, t))) continue;
      box = b;
      break;
    }
    if (!box) continue;
    taken.push(box);
    placed.push(box);
  }
  ctx.lineJoin = "round";
  for (const b of placed) {
    const baseline = b.y + b.h - 4 - (style.size * 0.1);
    ctx.strokeStyle = "rgba(255,255,255,0.9)";
    ctx.lineWidth = 3;
    ctx.strokeText(b.text, b.x + 2, baseline);
    ctx.fillStyle = style.color;
    ctx.fillText(b.text, b.x + 2, baseline);
  }
  return placed;
}
