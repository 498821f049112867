/**
 * Rendering a {@link Diagnosis}: text, markdown, json or a self-contained html page. Rendering only —
 * every figure comes from the Diagnosis.
 */
import type { Diagnosis } from "../diagnosis/diagnose.js";
import { renderHtml, type HtmlOptions } from "./html.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { renderText } from "./text.js";
import type { ReportFormat } from "./formats.js";

export { REPORT_FORMATS, type ReportFormat } from "./formats.js";

/** Render a diagnosis; `options.graph` draws the network picture (html), `options.meta` fills the header. */
export function renderReport(d: Diagnosis, format: ReportFormat = "text", options: HtmlOptions = {}): string {
  switch (format) {
    case "text":
      return renderText(d, options.meta);
    case "md":
      return renderMarkdown(d, options.meta);
    case "json":
      return renderJson(d);
    case "html":
      return renderHtml(d, options);
  }
}

export { renderHtml, renderJson, renderMarkdown, renderText };
export { reportDocument } from "./document.js";
export type { ReportDocument, Section, Block, Cell } from "./document.js";
