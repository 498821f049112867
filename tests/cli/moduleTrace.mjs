// Preloaded with `node --import` (after tsx): appends the URL of every module the process loads, one a
// line, to the file named by CLUSTERFLOW_MODULE_TRACE. Used by tests/cli/startup.test.ts.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
import { appendFileSync } from "node:fs";
const file = process.env.CLUSTERFLOW_MODULE_TRACE;
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (file) appendFileSync(file, result.url + "\\n");
  return result;
}
`),
);
