/**
 * A one-line progress display on stderr for long work, shown only when stderr is a terminal and the output
 * is not JSON (and never under CI): `task  45 %`, redrawn at most every 250 ms and cleared when done.
 */
import { setProgressSink } from "../model/progress.js";

export function showProgressOnTerminal(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): void {
  if (!enabled || !stream.isTTY || process.env.CI) {
    setProgressSink(undefined);
    return;
  }
  let last = 0;
  let shown = false;
  const started = Date.now();
  setProgressSink((task, done, total) => {
    const now = Date.now();
    const finished = done >= total;
    if (!finished && (now - last < 250 || now - started < 1000)) return;
    last = now;
    if (finished) {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
      return;
    }
    const pct = total > 0 ? Math.floor((100 * done) / total) : 0;
    stream.write(`\r\x1b[K${task}  ${pct} %`);
    shown = true;
  });
}
