// A lean reader for the XML our feeds are made of, giving exactly the object fast-xml-parser builds with
// xml-document.ts's options (attributes as "@_name", namespace prefixes removed, text kept untrimmed and
// concatenated under "#text", chosen elements always in arrays), 5-10x faster: fast-xml-parser grows its
// text one character at a time and keeps a path matcher for callbacks we do not use.
// It reads only documents already checked well-formed, and only the plain subset arXiv serves: elements,
// attributes, text, CDATA, the five XML entities and a leading <?xml ...?> declaration. For anything else
// (a DOCTYPE, comments, other processing instructions or entities, exotic or reserved names, very deep
// nesting) it answers undefined and the caller uses fast-xml-parser, so such documents read as before.

/** A parsed XML element: children by name, attributes as "@_name", text as "#text". */
export type XmlNode = Record<string, unknown>;

const MAX_DEPTH = 100;
/** Element names read here; anything else (non-ASCII, reserved object keys) goes to fast-xml-parser. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const RESERVED_NAMES = new Set([
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "toString",
  "valueOf",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);
// fast-xml-parser's attribute pattern, so attribute lists split identically.
const ATTRIBUTE = /([^\s=]+)\s*(=\s*(?:"([^"]*)"|'([^']*)'))?/gm;
const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'" };
const ENTITY = /&(?:lt|gt|amp|quot|apos);/g;
const LT = 60;
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;

class Unsupported extends Error {}

interface Frame {
  name: string;
  children: XmlNode;
  text: string;
  attributes: XmlNode | undefined;
}

/** The document as fast-xml-parser would read it, or undefined when it uses more XML than this reads. */
export function readXmlTree(xml: string, alwaysArray: ReadonlySet<string>): XmlNode | undefined {
  try {
    return readTree(xml.includes("\r") ? xml.replace(/\r\n?/g, "\n") : xml, alwaysArray);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function readTree(xml: string, alwaysArray: ReadonlySet<string>): XmlNode {
  const root: Frame = { name: "!xml", children: {}, text: "", attributes: undefined };
  const stack: Frame[] = [root];
  let at = 0;
  if (xml.startsWith("<?xml")) at = readDeclaration(xml, root, alwaysArray);
  while (at < xml.length) {
    const open = xml.indexOf("<", at);
    const frame = stack[stack.length - 1]!;
    // Text outside the root element is dropped, as fast-xml-parser does.
    if (frame !== root) frame.text += decodeText(xml.slice(at, open === -1 ? xml.length : open));
    if (open === -1) break;
    const next = xml.charCodeAt(open + 1);
    if (next === SLASH) {
      const close = xml.indexOf(">", open);
      if (close === -1 || frame === root) throw new Unsupported();
      const name = withoutPrefix(xml.slice(open + 2, close).trim());
      if (name !== frame.name) throw new Unsupported();
      stack.pop();
      addChild(stack[stack.length - 1]!, name, valueOf(frame), alwaysArray);
      at = close + 1;
    } else if (next === BANG) {
      if (!xml.startsWith("<![CDATA[", open)) throw new Unsupported();
      const end = xml.indexOf("]]>", open);
      if (end === -1 || frame === root) throw new Unsupported();
      frame.text += xml.slice(open + 9, end);
      at = end + 3;
    } else if (next === QUESTION) {
      throw new Unsupported();
    } else {
      const tag = readTag(xml, open);
      const element: Frame = { name: tag.name, children: {}, text: "", attributes: tag.attributes };
      if (tag.selfClosing) addChild(frame, tag.name, valueOf(element), alwaysArray);
      else if (stack.length > MAX_DEPTH) throw new Unsupported();
      else stack.push(element);
      at = tag.end + 1;
    }
  }
  if (stack.length !== 1) throw new Unsupported();
  return root.children;
}

/** The leading <?xml version="1.0" ...?>: an element "?xml" holding its attributes. */
function readDeclaration(xml: string, root: Frame, alwaysArray: ReadonlySet<string>): number {
  const { body, end } = tagBody(xml, 1, "?>");
  const separator = body.search(/\s/);
  const name = separator === -1 ? body : body.slice(0, separator);
  if (name !== "?xml") throw new Unsupported();
  const rest = separator === -1 ? body : body.slice(separator + 1).trimStart();
  const attributes = name !== rest ? attributesOf(rest) : undefined;
  addChild(root, "?xml", valueOf({ name, children: {}, text: "", attributes }), alwaysArray);
  return end + 2;
}

interface Tag {
  name: string;
  attributes: XmlNode | undefined;
  selfClosing: boolean;
  /** Index of the closing ">". */
  end: number;
}

/** An opening tag at `open`, split the way fast-xml-parser's readTagExp does. */
function readTag(xml: string, open: number): Tag {
  const { body, end } = tagBody(xml, open + 1, ">");
  const separator = body.search(/\s/);
  let name = separator === -1 ? body : body.slice(0, separator);
  let rest = separator === -1 ? body : body.slice(separator + 1).trimStart();
  let hasAttributes = true;
  const colon = name.indexOf(":");
  if (colon !== -1) {
    name = name.slice(colon + 1);
    hasAttributes = name !== body.slice(colon + 1);
  }
  let selfClosing = false;
  if (rest.endsWith("/")) {
    selfClosing = true;
    if (name.endsWith("/")) {
      name = name.slice(0, -1);
      rest = name;
    } else {
      rest = rest.slice(0, -1);
    }
    hasAttributes = name !== rest;
  }
  if (!PLAIN_NAME.test(name) || RESERVED_NAMES.has(name)) throw new Unsupported();
  return { name, attributes: name !== rest && hasAttributes ? attributesOf(rest) : undefined, selfClosing, end };
}

/**
 * The inside of a tag from `from` up to `closing` (">" or "?>"), skipping quoted values, with tabs outside
 * them read as spaces; `end` is the index where `closing` starts.
 */
function tagBody(xml: string, from: number, closing: ">" | "?>"): { body: string; end: number } {
  const first = closing.charCodeAt(0);
  let body = "";
  let segment = from;
  for (let i = from; i < xml.length; i++) {
    const code = xml.charCodeAt(i);
    if (code === 34 || code === 39) {
      i = xml.indexOf(xml[i]!, i + 1);
      if (i === -1) break;
    } else if (code === first && (closing.length === 1 || xml.charCodeAt(i + 1) === 62)) {
      return { body: body + xml.slice(segment, i), end: i };
    } else if (code === 9) {
      body += `${xml.slice(segment, i)} `;
      segment = i + 1;
    } else if (code === LT) {
      throw new Unsupported();
    }
  }
  throw new Unsupported();
}

/** Attributes as "@_name": namespace prefixes dropped, xmlns declarations and valueless names left out. */
function attributesOf(list: string): XmlNode | undefined {
  let attributes: XmlNode | undefined;
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(list); match !== null; match = ATTRIBUTE.exec(list)) {
    const value = match[3] ?? match[4];
    const name = attributeName(match[1]!);
    if (name === "" || value === undefined) continue;
    attributes ??= {};
    attributes[`@_${name}`] = decodeText(value);
  }
  return attributes;
}

function attributeName(raw: string): string {
  if (!raw.includes(":")) return raw === "xmlns" ? "" : raw;
  const parts = raw.split(":");
  if (parts[0] === "xmlns") return "";
  return parts.length === 2 ? (raw.startsWith("/") ? "/" : "") + parts[1]! : raw;
}

function withoutPrefix(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Text with the five XML entities decoded; any other "&" reference is left to fast-xml-parser. */
function decodeText(text: string): string {
  if (!text.includes("&")) return text;
  const decoded = text.replace(ENTITY, (entity) => ENTITIES[entity]!);
  let ampersands = 0;
  for (let i = text.indexOf("&"); i !== -1; i = text.indexOf("&", i + 1)) ampersands++;
  if (ampersands !== (text.match(ENTITY)?.length ?? 0)) throw new Unsupported();
  return decoded;
}

/** An element's value: its text alone as a string, "" when empty, else an object of children, "#text" and attributes. */
function valueOf(frame: Frame): unknown {
  const node = frame.children;
  if (frame.text.length > 0) node["#text"] = frame.text;
  if (frame.attributes) return Object.assign(node, frame.attributes);
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === "#text") return frame.text;
  if (keys.length === 0) return "";
  return node;
}

function addChild(parent: Frame, name: string, value: unknown, alwaysArray: ReadonlySet<string>): void {
  const existing = Object.prototype.hasOwnProperty.call(parent.children, name) ? parent.children[name] : undefined;
  if (existing !== undefined) {
    if (Array.isArray(existing)) existing.push(value);
    else parent.children[name] = [existing, value];
  } else {
    parent.children[name] = alwaysArray.has(name) ? [value] : value;
  }
}
