/**
 * clusterflow — the library. Everything the CLI does is one function call away.
 *
 *   import { readInput, gatekeepers } from "clusterflow";
 */
export * from "./model/types.js";
export * from "./model/graph.js";
export * from "./model/tieType.js";
export * from "./model/views.js";
export * from "./model/random.js";
export * from "./io/report.js";
export * from "./io/format.js";
export * from "./io/csv.js";
export { parseTidy, writeTidy } from "./io/tidy.js";
export { FORMATS, formatByName, detectFormat } from "./io/formats.js";
export { readInput, loadInput, writeOutput, outputFormat } from "./io/load.js";
