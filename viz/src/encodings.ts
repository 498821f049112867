/**
 * Visual encodings: which colour an actor gets under each colouring, how big it is under each sizing,
 * and the colours of the three tie types. The legend is drawn from the same tables, so what is shown is
 * what is explained.
 */
import type { TieType } from "../../src/model/types.js";
import { ROLE_COLOURS } from "../../src/report/svg.js";

export const TIE_COLORS: Record<TieType, string> = {
  horizontal: "#64748b",
  vertical: "#7c3aed",
  external: "#ea580c",
};

export const TIE_LABELS: Record<TieType, string> = {
  horizontal: "horizontal (same stage, both inside)",
  vertical: "vertical (different stages, both inside)",
  external: "external (one end outside the cluster)",
};

const tieColorCache = new Map<string, string>();

/**
 * Ties are drawn in light tints so that actors stay readable over dense ties. The tint is an opaque colour
 * (the hue mixed with white): sigma's WebGL programs blend non-premultiplied colours additively, so a
 * translucent colour would come out too bright (orange turns yellow).
 */
export function tieColor(t: TieType, strength = 0.55): string {
  const k = `${t}${strength}`;
  let c = tieColorCache.get(k);
  if (c === undefined) {
    c = tint(TIE_COLORS[t] ?? "#94a3b8", strength);
    tieColorCache.set(k, c);
  }
  return c;
}

/** An opaque colour between white (0) and `hex` (1). */
export function tint(hex: string, amount: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = parseInt(m[1], 16);
  const mix = (c: number) => Math.round(255 + (c - 255) * amount);
  const v = (mix((n >> 16) & 255) << 16) | (mix((n >> 8) & 255) << 8) | mix(n & 255);
  return `#${v.toString(16).padStart(6, "0")}`;
}

export const FLOW_COLORS = { in: "#0284c7", out: "#e11d48" } as const;

/**
 * Okabe & Ito's colour-blind-safe palette ("Color Universal Design", 2008), in the order categories take
 * it: blue, orange, bluish green, reddish purple, sky blue, vermillion, yellow, grey (their black is drawn
 * as dark grey so that labels in black stay readable over it).
 */
export const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#555555"];
/**
 * Beyond eight categories: Paul Tol's "muted" scheme (colour-blind-safe, distinct from Okabe–Ito's hues),
 * then values share OTHER_COLOR. Seventeen categories at most get a colour of their own.
 */
export const TOL_MUTED = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"];

export const KIND_COLORS: Record<string, string> = {
  firm: "#0072B2",
  buyer: "#CC79A7",
  supplier: "#009E73",
  lab: "#E69F00",
  association: "#56B4E9",
  government: "#D55E00",
  other: "#555555",
};

export const INCLUSTER_COLORS = { inside: "#0072B2", outside: "#E69F00", unknown: "#9ca3af" } as const;

/** Cognitive roles (src/diagnosis/roles.ts ids), in the colours of the HTML report. */
export const ROLE_COLORS: Record<string, string> = ROLE_COLOURS;

/** The categorical palette: Okabe–Ito, then Tol's muted extension. */
export const CATEGORICAL = [...OKABE_ITO, ...TOL_MUTED];
export const OTHER_COLOR = "#c0c4cc";
export const MISSING_COLOR = "#d1d5db";
export const DIMMED_NODE = "#e5e7eb";
export const DIMMED_EDGE = "#f1f5f9";
export const BACKGROUND = "#ffffff";

export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = parseInt(m[1], 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/**
 * A categorical colour scale. Colours are assigned over `domain` — every value the whole dataset has,
 * sorted by name — so a category keeps its colour whatever the filters show; `values` (what is shown)
 * only give the counts of the legend. `fixed` colours (kinds, roles, inside/outside, the user's picks)
 * take precedence; beyond the palette, values share OTHER_COLOR.
 */
export interface CategoryScale {
  kind: "category";
  title: string;
  /** Categories present in the view, in legend order, with their counts in the view. */
  entries: { value: string; color: string; count: number }[];
  /** Actors whose value is beyond the palette, drawn in OTHER_COLOR. */
  others: number;
  colorOf(value: string | undefined): string;
}

export function categoryScale(title: string, values: (string | undefined)[], fixed?: Record<string, string>, order?: string[], domain?: string[]): CategoryScale {
  const counts = new Map<string, number>();
  for (const v of values) {
    const k = v ?? "(none)";
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const byName = (a: string, b: string) => {
    if (order) {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      if (ia !== ib) return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib);
    }
    if (a === "(none)") return 1;
    if (b === "(none)") return -1;
    return a.localeCompare(b, undefined, { numeric: true });
  };
  const all = [...new Set([...(domain ?? []), ...counts.keys()])].sort(byName);
  const colors = new Map<string, string>();
  const used = new Set(Object.values(fixed ?? {}).map((c) => c.toLowerCase()));
  const free = CATEGORICAL.filter((c) => !used.has(c.toLowerCase()));
  let next = 0;
  for (const k of all) {
    let c = fixed?.[k];
    if (!c && k === "(none)") c = MISSING_COLOR;
    if (!c && next < free.length) c = free[next++];
    if (c) colors.set(k, c);
  }
  let others = 0;
  const entries: CategoryScale["entries"] = [];
  for (const k of all) {
    const n = counts.get(k);
    if (!n) continue;
    const c = colors.get(k);
    if (!c) others += n;
    else entries.push({ value: k, color: c, count: n });
  }
  return { kind: "category", title, entries, others, colorOf: (v) => colors.get(v ?? "(none)") ?? OTHER_COLOR };
}

/** Node radius (screen pixels at camera ratio 1) for a metric value: area proportional to the value. */
export interface SizeScale {
  title: string;
  min: number;
  max: number;
  minSize: number;
  maxSize: number;
  sizeOf(value: number | null | undefined): number;
}

export function sizeScale(title: string, values: (number | null | undefined)[], minSize: number, maxSize: number): SizeScale {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) {
    min = 0;
    max = 0;
  }
  const lo = Math.min(0, min);
  const span = max - lo;
  const sizeOf = (v: number | null | undefined) => {
    if (v === null || v === undefined || !Number.isFinite(v) || span <= 0) return span <= 0 ? (minSize + maxSize) / 3 : minSize;
    const t = Math.max(0, (v - lo) / span);
    return minSize + (maxSize - minSize) * Math.sqrt(t);
  };
  return { title, min, max, minSize, maxSize, sizeOf };
}

/**
 * Ties between two survey rounds (Okabe–Ito): created in blue, kept in a light grey, dissolved in vermillion
 * and drawn dashed (blue and vermillion stay apart under deuteranopia and protanopia, and the dash tells
 * dissolved ties without colour); a tie whose cell is missing in the other round in mid grey, dashed.
 */
export const ROUND_CHANGE_COLORS = { created: "#0072B2", kept: "#a3aab4", dissolved: "#D55E00", unknown: "#8b929c" } as const;
export const ROUND_CHANGE_LABELS = {
  created: "created (only in the later round)",
  kept: "kept (in both rounds)",
  dissolved: "dissolved (only in the earlier round), dashed",
  unknown: "not comparable (the cell is missing in the other round), dashed",
} as const;
/** Actors entering (present only in the later round: solid ring) and leaving (only in the earlier: dashed ring, faded). */
export const PRESENCE_COLORS = { entering: "#0072B2", leaving: "#D55E00" } as const;

/**
 * Distance from outside knowledge (src/metrics/diffusion.ts steps): a sequential blue scale, darkest for
 * actors one tie from an outside source; never reached in light grey; outside actors (the sources) in
 * Okabe–Ito orange, drawn as rings.
 */
export const DIFFUSION_CATEGORIES = ["1 tie", "2 ties", "3+ ties", "never reached", "outside actor", "no outside source in the view"] as const;
export const DIFFUSION_COLORS: Record<string, string> = {
  "1 tie": "#08306b",
  "2 ties": "#2171b5",
  "3+ ties": "#6baed6",
  "never reached": "#d9d9d9",
  "outside actor": "#E69F00",
  "no outside source in the view": "#d9d9d9",
};
