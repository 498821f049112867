/**
 * Building DOM nodes. Everything that comes from data (labels, attribute names and values, file names,
 * messages quoting the file) is set with textContent or as a text node, never parsed as HTML.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  title?: string;
  id?: string;
  for?: string;
  type?: string;
  value?: string;
  placeholder?: string;
  checked?: boolean;
  disabled?: boolean;
  selected?: boolean;
  min?: string;
  max?: string;
  step?: string;
  role?: string;
  tabindex?: string;
  dataset?: Record<string, string>;
  style?: Partial<Record<"color" | "background" | "width" | "height" | "left" | "top" | "display" | "borderColor", string>>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (ev: HTMLElementEventMap[K]) => void }>;
  aria?: Record<string, string>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.title !== undefined) el.title = props.title;
  if (props.id) el.id = props.id;
  if (props.role) el.setAttribute("role", props.role);
  if (props.tabindex !== undefined) el.setAttribute("tabindex", props.tabindex);
  if (props.for && el instanceof HTMLLabelElement) el.htmlFor = props.for;
  if (el instanceof HTMLInputElement || el instanceof HTMLButtonElement || el instanceof HTMLSelectElement || el instanceof HTMLOptionElement || el instanceof HTMLTextAreaElement) {
    if (props.type !== undefined && (el instanceof HTMLInputElement || el instanceof HTMLButtonElement)) el.type = props.type;
    if (props.value !== undefined) el.value = props.value;
    if (props.disabled !== undefined) el.disabled = props.disabled;
  }
  if (el instanceof HTMLInputElement) {
    if (props.placeholder !== undefined) el.placeholder = props.placeholder;
    if (props.checked !== undefined) el.checked = props.checked;
    if (props.min !== undefined) el.min = props.min;
    if (props.max !== undefined) el.max = props.max;
    if (props.step !== undefined) el.step = props.step;
  }
  if (el instanceof HTMLOptionElement && props.selected !== undefined) el.selected = props.selected;
  if (props.dataset) for (const [k, v] of Object.entries(props.dataset)) el.dataset[k] = v;
  if (props.aria) for (const [k, v] of Object.entries(props.aria)) el.setAttribute(`aria-${k}`, v);
  if (props.style) Object.assign(el.style, props.style);
  if (props.on) for (const [k, fn] of Object.entries(props.on)) el.addEventListener(k, fn as EventListener);
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

/** Replace an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element; attribute values are set as attributes (never markup), text with textContent. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: (SVGElement | string | null | undefined)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) {
    if (c === null || c === undefined) continue;
    if (typeof c === "string") el.appendChild(document.createTextNode(c));
    else el.appendChild(c);
  }
  return el;
}

/** Format a number for people (as the CLI's fmt does). */
export function fmt(v: unknown, digits = 3): string {
  if (v === undefined || v === null) return "–";
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "NaN";
    if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
    if (Number.isInteger(v)) return String(v);
    return String(Number(v.toFixed(digits)));
  }
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}
