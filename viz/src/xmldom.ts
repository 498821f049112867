/** The viewer's xmldom (src/io/xmldom.ts loads it on first use with Node's require; a bundle imports it). */
import { DOMParser } from "@xmldom/xmldom";

export function xmldomParser(): typeof DOMParser {
  return DOMParser;
}
