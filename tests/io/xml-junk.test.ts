import { describe, expect, it } from "vitest";
import { parseGexf } from "../../src/io/gexf.js";
import { parseGraphml } from "../../src/io/graphml.js";
import { mulberry32 } from "../../src/model/random.js";

/** A binary file handed to an XML reader: located, short, printable errors; never a throw. */
describe("XML readers on a file that is not XML", () => {
  const rng = mulberry32(11);
  const junk = Array.from({ length: 400 }, () => String.fromCharCode(Math.floor(rng() * 0xd7ff))).join("");
  it.each([
    ["g.gexf", parseGexf],
    ["g.graphml", parseGraphml],
  ] as const)("%s", (name, parse) => {
    const { report } = parse([{ name, text: junk }], {});
    expect(report.errors.length).toBeGreaterThan(0);
    for (const i of report.issues) {
      expect(i.line).toBeGreaterThanOrEqual(1);
      expect(i.column).toBeGreaterThanOrEqual(1);
      expect(i.message.length).toBeLessThanOrEqual(160);
      expect(i.message).not.toMatch(/[\u0000-\u001f]/);
    }
  });
});
