/**
 * The registry of file formats. Each importer/exporter lives in its own module and is listed here once;
 * the CLI, `readInput` and the viewer all find formats through this list.
 */
import type { Format, InputFile } from "./format.js";
import { extensionOf } from "./format.js";
import { tidyFormat } from "./tidy.js";
import { matrixFormat } from "./matrix.js";
import { rosterFormat } from "./roster.js";
import { jsonFormat } from "./json.js";
import { gexfFormat } from "./gexf.js";
import { graphmlFormat } from "./graphml.js";
import { dlEdgelistFormat, dlFormat } from "./dl.js";
import { pajekFormat } from "./pajek.js";
import { xlsxFormat } from "./xlsx.js";
import { koboFormat } from "./kobo.js";
import { noteLosses } from "./losses.js";

/** A format whose writer first says, in the notes, what of the network its format cannot hold (src/io/losses.ts). */
function sayingLosses(format: Format): Format {
  const write = format.write;
  if (!write) return format;
  return { ...format, write: (graph, base, options) => (noteLosses(graph, format.name, options), write.call(format, graph, base, options)) };
}

export const FORMATS: Format[] = [tidyFormat, matrixFormat, rosterFormat, jsonFormat, gexfFormat, graphmlFormat, dlFormat, dlEdgelistFormat, pajekFormat, xlsxFormat, koboFormat].map(sayingLosses);

/** The actor table of a dataset folder. */
export const NODES_FILE = /^(nodes|actors|vertices)\.(csv|tsv|txt)$/i;

/** File names that make a folder a dataset of each format, checked in this order (used on disk and in the viewer). */
export const FOLDER_LAYOUTS: { format: string; main: RegExp }[] = [
  { format: "tidy", main: /^(ties|edges|links|arcs)\.(csv|tsv|txt)$/i },
  { format: "roster", main: /^(roster|survey)\.(csv|tsv|txt)$/i },
  { format: "matrix", main: /^(matrix|adjacency)\.(csv|tsv|txt)$/i },
  { format: "json", main: /^(graph|network)\.json$/i },
];

export function formatByName(name: string): Format | undefined {
  return FORMATS.find((f) => f.name === name.toLowerCase());
}

/**
 * Choose the format of a file: by extension when only one format claims it, else by content sniffing among
 * the formats that claim the extension (or all formats for an unknown extension).
 */
export function detectFormat(file: InputFile): Format | undefined {
  const ext = extensionOf(file.name);
  const claiming = FORMATS.filter((f) => f.extensions.includes(ext));
  if (claiming.length === 1) return claiming[0];
  const candidates = claiming.length > 0 ? claiming : FORMATS;
  let best: Format | undefined;
  let bestScore = 0;
  for (const f of candidates) {
    const s = f.sniff ? f.sniff(file) : 0;
    if (s > bestScore) {
      bestScore = s;
      best = f;
    }
  }
  return best ?? (claiming.length > 0 ? claiming[0] : undefined);
}
