// XML reading shared by the arXiv parsers: validate first (fast-xml-parser alone accepts truncated
// documents), then parse with namespace prefixes removed so `arxiv:doi` and `doi` read the same.
// Plain documents (all arXiv serves) are read by xml-tree.ts into the very object fast-xml-parser gives,
// several times faster; anything beyond that plain subset goes through fast-xml-parser itself.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ImportFormatError } from "./import-types";
import { readXmlTree, type XmlNode } from "./xml-tree";

/** Elements that read as arrays even when there is one of them. */
export const REPEATED_ELEMENTS: ReadonlySet<string> = new Set([
  "entry",
  "item",
  "author",
  "category",
  "link",
  "creator",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => REPEATED_ELEMENTS.has(name),
});

/**
 * Parses a document (or one element of a larger one starting on `firstLine`); malformed XML throws
 * ImportFormatError naming the line.
 */
export function parseXmlDocument(xml: string, what: string, firstLine = 1): XmlNode {
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) {
    throw new ImportFormatError(
      `malformed XML in the ${what} (line ${verdict.err.line + firstLine - 1}): ${verdict.err.msg}`,
    );
  }
  try {
    return readXmlTree(xml, REPEATED_ELEMENTS) ?? readWithFastXmlParser(xml);
  } catch (error) {
    throw new ImportFormatError(
      `unreadable XML in the ${what}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The reference reading (and the one for documents beyond xml-tree.ts's plain subset). */
export function readWithFastXmlParser(xml: string): XmlNode {
  return parser.parse(xml) as XmlNode;
}

/** The text of an element, whether it parsed to a string or to an object with attributes. */
export function textOf(node: unknown): string | undefined {
  if (typeof node === "string") return node;
  if (typeof node === "number") return String(node);
  if (node && typeof node === "object" && "#text" in node) return textOf((node as XmlNode)["#text"]);
  if (node && typeof node === "object") return "";
  return undefined;
}

export function attributeOf(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== "object") return undefined;
  const value = (node as XmlNode)[`@_${name}`];
  return typeof value === "string" ? value : undefined;
}

export function listOf(node: unknown): unknown[] {
  if (node === undefined || node === null) return [];
  return Array.isArray(node) ? node : [node];
}

export function childOf(node: unknown, name: string): unknown {
  return node && typeof node === "object" ? (node as XmlNode)[name] : undefined;
}
