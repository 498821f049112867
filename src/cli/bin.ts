#!/usr/bin/env node
/**
 * The clusterflow command (compiled to dist/cli/bin.js). `--version` is answered before anything else is
 * loaded; every other call loads the command line, whose commands load their modules when they run.
 */
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  const { VERSION } = await import("./version.js");
  process.stdout.write(`${VERSION}\n`);
} else {
  // A reader that stops early (`clusterflow info … | head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const { main } = await import("./main.js");
  process.exitCode = await main(process.argv);
}

export {};
