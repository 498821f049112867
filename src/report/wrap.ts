/**
 * Wrapping plain text to a width: paragraphs, hanging lines (a prefix, continuation lines indented to it)
 * and terminal notes. No imports, so the command line's notes can use it without loading the report.
 */

/** Wrap a paragraph at `width` columns with an indent. */
export function wrap(text: string, width = 96, indent = ""): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = indent;
  for (const w of words) {
    if (line.trim() && line.length + 1 + w.length > width) {
      lines.push(line);
      line = indent + w;
    } else line = line.trim() ? `${line} ${w}` : indent + w;
  }
  if (line.trim()) lines.push(line);
  return lines.join("\n");
}

/**
 * A note for a terminal (standard error): `text` wrapped at `width` columns, continuation lines indented by
 * two spaces; one line when no width is known (not a terminal, or a file). Ends with a newline.
 */
export function noteText(text: string, width?: number): string {
  if (!width) return text + "\n";
  // Each line of the note on its own (a warning's "→ hint" keeps its line), continuations under its start.
  return (
    text
      .split("\n")
      .map((line) => {
        if (line.length <= width) return line;
        const lead = /^\s*/.exec(line)![0];
        const [first, ...rest] = wrap(line, width, lead).split("\n");
        return [first, ...(rest.length ? wrap(rest.join(" "), width, lead + "  ").split("\n") : [])].join("\n");
      })
      .join("\n") + "\n"
  );
}

/** `prefix` then `text` wrapped at `width`, continuation lines indented to the prefix's width. */
export function hang(prefix: string, text: string, width: number): string {
  const body = wrap(text, Math.max(30, width - prefix.length), "");
  return body
    .split("\n")
    .map((l, i) => (i === 0 ? prefix : " ".repeat(prefix.length)) + l)
    .join("\n");
}
