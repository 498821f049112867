/**
 * Number and name formatting shared by the report renderers. Deterministic: no locale, no dates.
 */

/** A number for people: integers as is, others rounded to `digits` decimals (trailing zeros dropped). */
export function num(v: unknown, digits = 3): string {
  if (v === undefined || v === null) return "–";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v !== "number") return String(v);
  if (Number.isNaN(v)) return "n/a";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  if (Number.isInteger(v)) return String(v);
  const r = Number(v.toFixed(digits));
  // A value too small to show at this precision is written as a bound, never in exponent notation.
  const unit = (1 / 10 ** digits).toFixed(digits);
  return r === 0 && v !== 0 ? (v > 0 ? `<${unit}` : `>−${unit}`) : String(r);
}

/** A share as a percentage. */
export function pct(v: number, digits = 1): string {
  if (!Number.isFinite(v)) return "n/a";
  return `${Number((v * 100).toFixed(digits))}%`;
}

/** A p-value. */
export function pValue(p: number): string {
  if (!Number.isFinite(p)) return "n/a";
  return p < 0.001 ? "< 0.001" : String(Number(p.toFixed(3)));
}

/** A p-value in a sentence: "p < 0.001" or "p = 0.03". */
export function pText(p: number): string {
  const v = pValue(p);
  return v.startsWith("<") ? `p ${v}` : `p = ${v}`;
}

/** An actor for display: its label, with its id when they differ. */
export function actorName(labels: Record<string, string>, id: string): string {
  const l = labels[id];
  return l === undefined || l === id ? id : `${l} (${id})`;
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
