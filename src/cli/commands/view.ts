/**
 * `clusterflow view [input]` — serve the browser viewer on the loopback interface, with the input's files
 * handed to the page, which reads them with the same importers and analyses them with the same library
 * code as the command line. The viewer is the static build in viz/dist (built on demand when missing).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { spawn } from "node:child_process";
import type { Command } from "commander";
import { datasetLayout } from "../../io/load.js";
import { detectFormat, formatByName, FORMATS } from "../../io/formats.js";
import { extensionOf } from "../../io/format.js";
import { InputError } from "../../io/report.js";
import type { NominationDirection } from "../../model/types.js";
import { intOption, type Context } from "../common.js";
import { UsageError } from "../errors.js";
import { toJson } from "../output.js";
import { PACKAGE_ROOT } from "../version.js";

/** The viewer's sources and its build. */
export const VIZ_ROOT = join(PACKAGE_ROOT, "viz") + sep;
export const VIZ_DIST = join(VIZ_ROOT, "dist");

const BINARY_EXTENSIONS = new Set([".xlsx", ".xls", ".xlsm", ".zip"]);

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/** What the page receives for the input: its files (text, or base64 for binary ones) and how to read them. */
export interface ServedInput {
  input: string;
  format?: string;
  direction?: NominationDirection;
  notes: string[];
  files: { name: string; text?: string; base64?: string }[];
}

/** Collect the files of an input the way `readInput` does (a dataset folder's layout, or one file). */
export function collectInput(path: string, options: { format?: string; direction?: NominationDirection } = {}): ServedInput {
  if (!existsSync(path)) throw new InputError(`${path}: no such file or folder`);
  if (options.format !== undefined && !formatByName(options.format)) throw new InputError(`unknown format "${options.format}" (known: ${FORMATS.map((f) => f.name).join(", ")})`);
  let paths: string[];
  let format = options.format;
  let notes: string[] = [];
  if (statSync(path).isDirectory()) {
    const layout = datasetLayout(path, options.format);
    paths = layout.paths;
    format = layout.format ?? format;
    notes = layout.notes;
  } else {
    paths = [path];
  }
  const files = paths.map((p) => {
    const bytes = readFileSync(p);
    return BINARY_EXTENSIONS.has(extensionOf(p)) ? { name: p, base64: bytes.toString("base64") } : { name: p, text: bytes.toString("utf8") };
  });
  if (!format && files.length === 1) {
    const f = files[0];
    format = detectFormat({ name: f.name, text: f.text ?? "" })?.name;
  }
  return { input: path, format, direction: options.direction, notes, files };
}

/** Build the viewer (vite) into viz/dist. */
export async function buildViewer(log: (line: string) => void = () => {}): Promise<void> {
  let vite: typeof import("vite");
  try {
    vite = await import("vite");
  } catch {
    throw new UsageError("the viewer is not built (viz/dist is missing) and vite is not installed to build it; run `npm install` and `npm run build:viz` in a clone of the repository");
  }
  log("building the viewer (viz/dist) …\n");
  await vite.build({ configFile: join(VIZ_ROOT, "vite.config.ts"), logLevel: "warn" });
}

export interface ViewerServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Folder of the static build (default viz/dist). */
  root?: string;
  /** The input handed to the page at ./__clusterflow/input.json (none: the page shows its examples). */
  input?: ServedInput;
  /** Port (0 = any free port). */
  port?: number;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, head = false): void {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
  });
  res.end(head ? undefined : body);
}

/**
 * Serve the static viewer and the input on 127.0.0.1. Only GET/HEAD, only files under the root, and only
 * requests addressed to the loopback host (a page elsewhere cannot reach it through DNS rebinding).
 */
export function serveViewer(options: ServeOptions = {}): Promise<ViewerServer> {
  const root = resolve(options.root ?? VIZ_DIST);
  const inputJson = options.input ? JSON.stringify(options.input) : undefined;
  let port = options.port ?? 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const head = req.method === "HEAD";
    if (req.method !== "GET" && !head) return send(res, 405, "text/plain", "method not allowed");
    const host = (req.headers.host ?? "").toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, "text/plain", "forbidden host");
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      return send(res, 400, "text/plain", "bad request");
    }
    if (pathname === "/__clusterflow/input.json") {
      // 204 without an input: the page then shows its bundled examples (a plain file server answers 404).
      return inputJson ? send(res, 200, CONTENT_TYPES[".json"], inputJson, head) : send(res, 204, "text/plain", "", true);
    }
    if (pathname.endsWith("/")) pathname += "index.html";
    const file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, "text/plain", "forbidden");
    if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, "text/plain", "not found");
    if (file === join(root, "index.html") && inputJson) {
      // Tell the page it has an input to fetch (a plain file server has none, and the page then does not ask).
      const html = readFileSync(file, "utf8").replace("<head>", '<head>\n    <meta name="clusterflow-input" content="./__clusterflow/input.json" />');
      return send(res, 200, CONTENT_TYPES[".html"], html, head);
    }
    send(res, 200, CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream", readFileSync(file), head);
  };
  return new Promise((resolvePromise, reject) => {
    const server = createServer(handler);
    server.on("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const addr = server.address();
      port = typeof addr === "object" && addr ? addr.port : port;
      resolvePromise({
        url: `http://127.0.0.1:${port}/`,
        port,
        server,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

function openBrowser(url: string): void {
  const cmd = process.platform === "darwin" ? "open" : process.platform === "win32" ? "cmd" : "xdg-open";
  const args = process.platform === "win32" ? ["/c", "start", "", url] : [url];
  try {
    const child = spawn(cmd, args, { stdio: "ignore", detached: true });
    child.on("error", () => {});
    child.unref();
  } catch {
    // No browser to open: the URL is printed.
  }
}

interface ViewOptions {
  port?: string;
  open?: boolean;
  rebuild?: boolean;
  format?: string;
  direction?: NominationDirection;
  json?: boolean;
}

/**
 * `view --json`: where the viewer listens and what it serves, with the common head where it applies (the
 * input, its format, the direction stated with --direction or null: the page reads the files itself, so
 * there is no import report here).
 */
export function viewJson(s: Pick<ViewerServer, "url" | "port">, served: ServedInput | undefined): string {
  return toJson("view", { url: s.url, port: s.port, input: served?.input ?? null, format: served?.format ?? null, direction: served?.direction ?? null, files: served?.files.map((f) => f.name) ?? [] });
}

/** `clusterflow view [input]` — see the module comment. */
export function registerView(program: Command, ctx: Context): void {
  program
    .command("view")
    .argument("[input]", "dataset folder or file to show (default: the viewer's bundled examples)")
    .description("open the browser viewer on this input (served on 127.0.0.1; Ctrl-C stops it)")
    .option("--port <n>", "port to listen on (0 = any free port)", "5178")
    .option("--no-open", "do not open a browser, only print the URL")
    .option("--rebuild", "rebuild the viewer (viz/dist) before serving")
    .option("--format <name>", "input format, overriding detection by name and content")
    .option("--direction <convention>", "how ties were recorded: flow (source gives knowledge to target) or asks (source asks target)")
    .option("--json", "print the URL as one JSON document")
    .action(async (input: string | undefined, opts: ViewOptions) => {
      const port = intOption("--port", opts.port, 5178, 0, 65_535);
      if (port > 65535) throw new UsageError(`--port: ${port} is not a port number`);
      if (opts.direction !== undefined && opts.direction !== "flow" && opts.direction !== "asks") throw new UsageError(`--direction: "${opts.direction}" is not flow or asks`);
      const served = input !== undefined ? collectInput(input, { format: opts.format, direction: opts.direction }) : undefined;
      if (opts.rebuild || !existsSync(join(VIZ_DIST, "index.html"))) await buildViewer((l) => ctx.io.err(l));
      let s: ViewerServer;
      try {
        s = await serveViewer({ input: served, port });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== "EADDRINUSE" || opts.port !== "5178") throw new UsageError(`cannot listen on 127.0.0.1:${port}: ${(e as Error).message}`);
        s = await serveViewer({ input: served, port: 0 });
      }
      if (opts.json) ctx.io.out(viewJson(s, served));
      else {
        ctx.io.out(`clusterflow viewer${input !== undefined ? ` for ${input}` : ""}: ${s.url}\n`);
        ctx.io.err("serving on the loopback interface only; press Ctrl-C to stop\n");
      }
      if (opts.open !== false && process.stdout.isTTY && !opts.json) openBrowser(s.url);
      const stop = () => {
        void s.close().then(() => process.exit(0));
        setTimeout(() => process.exit(0), 500).unref();
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
