/** The probing scan for absurdly long fields against a plain scan, on seeded random texts of short fields and long runs. */
import { it, expect } from "vitest";
import { longestFieldOver } from "../../src/io/limits.js";
function naive(text: string, max: number) {
  let start = 0; const n = text.length; if (n <= max) return undefined;
  for (let i = 0; i <= n; i++) { const c = i < n ? text.charCodeAt(i) : 10; if (c < 128 && "\n\r\t ,;\"'<>={}[]:".includes(String.fromCharCode(c))) { if (i - start > max) return { offset: start, length: i - start }; start = i + 1; } }
  return undefined;
}
it("longestFieldOver finds the run a plain left-to-right scan finds", () => {
  let x = 7; const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let t = 0; t < 3000; t++) { const max = 1 + Math.floor(rnd() * 12); const len = Math.floor(rnd() * 80); let s = ""; const p = rnd(); for (let i = 0; i < len; i++) s += rnd() < p ? "," : "a"; expect(longestFieldOver(s, max)).toEqual(naive(s, max)); }
});
