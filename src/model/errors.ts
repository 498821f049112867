/**
 * The analysis cannot be done on this data (e.g. the partition attribute is missing, the graph is too small).
 * Raised by metrics and diagnosis; the CLI maps it to exit code 1.
 */
export class AnalysisRefused extends Error {
  override name = "AnalysisRefused";
}
