/** The formats a diagnosis is rendered in (index.ts): plain text, markdown, json, one self-contained html page. */
export const REPORT_FORMATS = ["text", "md", "json", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
