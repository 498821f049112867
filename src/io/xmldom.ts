/**
 * xmldom's DOMParser, loaded when the first XML file is read: its modules cost about 25 ms, which every
 * command would otherwise pay at start-up. The viewer's build puts viz/src/xmldom.ts (a plain import) in
 * place of this module.
 */
import { createRequire } from "node:module";
import type * as Xmldom from "@xmldom/xmldom";

let parser: typeof Xmldom.DOMParser | undefined;

export function xmldomParser(): typeof Xmldom.DOMParser {
  return (parser ??= (createRequire(import.meta.url)("@xmldom/xmldom") as typeof Xmldom).DOMParser);
}
