#!/usr/bin/env node
// Development launcher: the same command as dist/cli/bin.js, run from the TypeScript sources through tsx's
// loader (no build needed). The installed package runs the compiled dist/cli/bin.js.
import { register } from "tsx/esm/api";

register();
await import("./bin.ts");
