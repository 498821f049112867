/**
 * Where the package is installed, and its version. The folder holding clusterflow's package.json is
 * looked up from this module's place, so the answer is the same from src/ (tsx), from dist/ and from the
 * command-line bundle's chunks (dist/cli/chunks/).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function packageRoot(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file) && (JSON.parse(readFileSync(file, "utf8")) as { name?: string }).name === "clusterflow") return dir;
    if (dirname(dir) === dir) throw new Error(`clusterflow's package.json not found above ${start}`);
  }
}

/** The folder of clusterflow's package.json. */
export const PACKAGE_ROOT: string = packageRoot();

/** The package version, from package.json. */
export const VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
