/**
 * XML shared by the GEXF and GraphML modules: a guard that refuses dangerous documents before any parser
 * sees them, parsing with line/column on every element, and a small escaping writer.
 *
 * Refused before parsing, in one linear scan of the text: a DOCTYPE that declares entities (`<!ENTITY`,
 * the "billion laughs" expansion bomb and its relatives), a DOCTYPE naming an external DTD (SYSTEM/PUBLIC:
 * the parser must never fetch or read another file), and parameter-entity references. A plain
 * `<!DOCTYPE graphml>` without a subset is accepted.
 */
import { xmldomParser } from "./xmldom.js";
import type { ImportReport } from "./report.js";
import { MAX_DEPTH } from "./limits.js";

/** Line and column (1-based) of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      line++;
      lineStart = i + 1;
    } else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset just past the first `close` at or after `from`, or the end of the text when there is none. */
function past(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  return at < 0 ? text.length : at + close.length;
}

/**
 * The element whose missing end tag broke the document: one linear scan with a stack of open elements
 * (comments, CDATA, processing instructions and declarations skipped). At the first end tag that does not
 * close the innermost open element, or at the end of the text with elements still open, the innermost
 * open element is the culprit. Undefined when every element is closed in order.
 */
export function unclosedElement(text: string): { name: string; line: number; column: number; stoppedAt: { line: number; column: number } } | undefined {
  const stack: { name: string; offset: number }[] = [];
  let i = text.indexOf("<");
  while (i >= 0 && i < text.length) {
    // An unclosed comment, CDATA section, instruction or declaration runs to the end of the text.
    if (text.startsWith("<!--", i)) i = past(text, "-->", i + 4);
    else if (text.startsWith("<![CDATA[", i)) i = past(text, "]]>", i + 9);
    else if (text.startsWith("<?", i)) i = past(text, "?>", i + 2);
    else if (text.startsWith("<!", i)) i = past(text, ">", i + 2);
    else {
      const end = text.indexOf(">", i + 1);
      if (end < 0) break;
      const tag = text.slice(i + 1, end);
      if (tag.startsWith("/")) {
        const name = tag.slice(1).trim();
        const top = stack[stack.length - 1];
        if (!top || top.name !== name) {
          if (!top) return undefined;
          return { name: top.name, ...positionOf(text, top.offset), stoppedAt: positionOf(text, i) };
        }
        stack.pop();
      } else if (!tag.endsWith("/")) {
        const name = /^[^\s/>]+/.exec(tag)?.[0];
        if (name) stack.push({ name, offset: i });
      }
      i = end + 1;
    }
    if (i >= text.length) break;
    i = text.indexOf("<", i);
  }
  const top = stack[stack.length - 1];
  return top ? { name: top.name, ...positionOf(text, top.offset), stoppedAt: positionOf(text, text.length) } : undefined;
}

/** Offset of the first element nested deeper than `max`, or undefined. One linear scan. */
export function deepestElement(text: string, max: number): number | undefined {
  let depth = 0;
  let i = text.indexOf("<");
  while (i >= 0 && i < text.length) {
    let next: number;
    if (text.startsWith("<!--", i)) next = past(text, "-->", i + 4);
    else if (text.startsWith("<![CDATA[", i)) next = past(text, "]]>", i + 9);
    else if (text.startsWith("<?", i) || text.startsWith("<!", i)) next = past(text, ">", i + 2);
    else {
      const end = text.indexOf(">", i + 1);
      if (end < 0) return undefined;
      if (text.charCodeAt(i + 1) === 47) depth--;
      else if (text.charCodeAt(end - 1) !== 47 && ++depth > max) return i;
      next = end + 1;
    }
    if (next >= text.length) return undefined;
    i = text.indexOf("<", next);
  }
  return undefined;
}

export interface XmlRefusal {
  line: number;
  column: number;
  code: string;
  message: string;
  hint: string;
}

/**
 * Look for a DOCTYPE with entity declarations or an external identifier. Linear in the text and independent
 * of what the entities would expand to, so a bomb is refused in microseconds.
 */
export function unsafeXml(text: string): XmlRefusal | undefined {
  const doctype = text.search(/<!DOCTYPE/i);
  if (doctype < 0) return undefined;
  const at = (offset: number) => positionOf(text, offset);
  // The DOCTYPE declaration runs to the first '>' outside its internal subset [ ... ].
  const open = text.indexOf("[", doctype);
  const close = text.indexOf(">", doctype);
  const head = text.slice(doctype, open >= 0 && open < close ? open : close + 1);
  if (/\b(SYSTEM|PUBLIC)\b/.test(head)) {
    return {
      ...at(doctype),
      code: "xml-external-dtd",
      message: "the DOCTYPE names an external DTD (SYSTEM/PUBLIC); external files are never read, the document is refused",
      hint: "remove the <!DOCTYPE …> line: GEXF and GraphML need no DTD",
    };
  }
  if (open >= 0 && open < close) {
    const end = text.indexOf("]", open);
    const subset = text.slice(open, end < 0 ? text.length : end);
    const entity = subset.search(/<!ENTITY/i);
    if (entity >= 0) {
      const declared = (subset.match(/<!ENTITY/gi) ?? []).length;
      return {
        ...at(open + entity),
        code: "xml-entity",
        message: `the DOCTYPE declares ${declared} entit${declared === 1 ? "y" : "ies"}; entity declarations are refused (they can expand to gigabytes — the "billion laughs" attack — or read local files)`,
        hint: "remove the <!DOCTYPE …> block and write the text the entities stood for",
      };
    }
    const pe = subset.search(/%[A-Za-z_][\w.-]*;/);
    if (pe >= 0) {
      return { ...at(open + pe), code: "xml-entity", message: "the DOCTYPE uses parameter entities; refused", hint: "remove the <!DOCTYPE …> block" };
    }
  }
  return undefined;
}

/** An element with the position xmldom records when its locator is on. */
export type Located = Element & { lineNumber?: number; columnNumber?: number };

export function where(el: Node): { line?: number; column?: number } {
  const l = el as unknown as { lineNumber?: number; columnNumber?: number };
  return { line: l.lineNumber, column: l.columnNumber };
}

class TooManyXmlErrors extends Error {}

/**
 * Parse an XML document after the safety guard. Problems go to the report (file, line, column); returns
 * undefined when the document cannot be used.
 */
export function parseXml(text: string, file: string, report: ImportReport): Document | undefined {
  const refusal = unsafeXml(text);
  if (refusal) {
    report.error(file, refusal.code, refusal.message, { line: refusal.line, column: refusal.column }, refusal.hint);
    return undefined;
  }
  if (text.trim() === "") {
    report.error(file, "empty-file", "the file is empty", { line: 1, column: 1 }, "export the network again");
    return undefined;
  }
  const deep = deepestElement(text, MAX_DEPTH);
  if (deep !== undefined) {
    report.error(file, "too-deep", `elements nested more than ${MAX_DEPTH} levels deep`, positionOf(text, deep), "a GEXF or GraphML file nests a few levels; this file is not one (or is damaged)");
    return undefined;
  }
  let fatal = false;
  // Computed once, at the first error that needs it (xmldom may report thousands of errors).
  let unclosed: ReturnType<typeof unclosedElement> | null = null;
  let problems = 0;
  const DOMParser = xmldomParser();
  const parser = new DOMParser({
    onError(level, message, context) {
      // Past 200 problems the file is not a damaged export but not XML at all: stop the parser.
      if (++problems > 200) {
        fatal = true;
        throw new TooManyXmlErrors();
      }
      const loc = (context as unknown as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
      // xmldom reports line 0 before the first element; file positions are 1-based.
      const at = { line: Math.max(1, loc?.lineNumber ?? 1), column: Math.max(1, loc?.columnNumber ?? 1) };
      // Cut the locator suffix without a regex over the whole message: `\s*…$` backtracks quadratically
      // on a message quoting a run of 40,000 spaces.
      const suffix = message.lastIndexOf("@#[line:");
      let clean = (suffix >= 0 ? message.slice(0, suffix) : message).slice(0, 1000).trim();
      // Quoted content from a broken or binary file can be long and unprintable: keep the message short.
      clean = clean.replace(/[^\x20-\x7e\u00a0-\u024f\u0370-\u1fff\u3000-\u9fff]/g, "?");
      if (clean.length > 160) clean = `${clean.slice(0, 157)}…`;
      if (level === "warning") report.warn(file, "xml-syntax", clean, at, "check the XML near this position");
      else {
        if (level === "fatalError") fatal = true;
        if (unclosed === null && /mismatch|unclosed|not closed|end of (file|input|document)|must be terminated/i.test(clean)) unclosed = unclosedElement(text);
        const open = unclosed ?? undefined;
        if (open) {
          report.error(file, "xml-syntax", `element <${open.name}> opened here is never closed (the parser stopped at ${open.stoppedAt.line}:${open.stoppedAt.column}: ${clean})`, { line: open.line, column: open.column }, `close it with </${open.name}>, or write <${open.name} … /> for an empty element`);
        } else report.error(file, "xml-syntax", clean, at, "the XML is malformed here; export the file again or fix the markup");
      }
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, "text/xml") as unknown as Document;
  } catch (e) {
    if (e instanceof TooManyXmlErrors || (e instanceof Error && e.cause instanceof TooManyXmlErrors)) {
      report.error(file, "xml-syntax", "more than 200 XML syntax errors; reading stopped", { line: 1, column: 1 }, "this does not look like an XML file: check --format");
    } else if (!fatal) report.error(file, "xml-syntax", e instanceof Error ? e.message.split("\n")[0] : String(e), { line: 1, column: 1 });
    return undefined;
  }
  if (fatal || !doc.documentElement) {
    if (!fatal) report.error(file, "xml-syntax", "no root element", { line: 1, column: 1 });
    return undefined;
  }
  return doc;
}

/** Child elements of `el` with a local name (namespace prefixes ignored). */
export function children(el: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if (localName === undefined || localNameOf(e) === localName) out.push(e);
  }
  return out;
}

export function child(el: Element, localName: string): Element | undefined {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && localNameOf(n as Element) === localName) return n as Element;
  return undefined;
}

export function localNameOf(el: Element): string {
  const name = el.localName ?? el.nodeName;
  const i = name.indexOf(":");
  return i >= 0 ? name.slice(i + 1) : name;
}

/** Escape text for an XML attribute value or element content. */
const NEEDS_ESCAPE = /[&<>"'\u0000-\u001f\ufffe\uffff]/;

/** The characters XML 1.0 cannot hold, which {@link xmlEscape} leaves out (tab, LF and CR it writes as references). */
export const NOT_IN_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

export function xmlEscape(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  let out = "";
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else if (ch === '"') out += "&quot;";
    else if (ch === "'") out += "&apos;";
    else if (c === 9 || c === 10 || c === 13) out += `&#${c};`;
    else if (c < 0x20 || c === 0xfffe || c === 0xffff) continue; // not allowed in XML 1.0
    else out += ch;
  }
  return out;
}
