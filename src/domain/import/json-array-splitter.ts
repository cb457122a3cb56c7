// Splits a top-level JSON array fed in arbitrary pieces into the source text of its elements, so each can be
// JSON.parse'd alone and a large array is read in bounded memory. It tracks only strings and nesting; the
// elements themselves are checked by JSON.parse.

export class JsonArrayError extends Error {
  constructor(
    message: string,
    readonly notAnArray = false,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPENERS = new Set([91, 123]); // [ {
const CLOSERS = new Set([93, 125]); // ] }
const COMMA = 44;
const WHITESPACE = /^\s*$/;

export class JsonArraySplitter {
  private state: "before" | "inside" | "after" = "before";
  private element = "";
  private depth = 0;
  private inString = false;
  private escaped = false;
  private empty = true;

  /** The elements this piece completed, as JSON text. */
  push(text: string): string[] {
    const elements: string[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.state === "before") {
        if (code === 91) {
          this.state = "inside";
          start = i + 1;
        } else if (!WHITESPACE.test(text[i]!)) throw new JsonArrayError("expected a JSON array", true);
        continue;
      }
      if (this.state === "after") {
        if (!WHITESPACE.test(text[i]!))
          throw new JsonArrayError(`unexpected ${JSON.stringify(text[i])} after the end of the array`);
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === BACKSLASH) this.escaped = true;
        else if (code === QUOTE) this.inString = false;
        continue;
      }
      if (code === QUOTE) this.inString = true;
      else if (OPENERS.has(code)) this.depth++;
      else if (CLOSERS.has(code) && this.depth > 0) this.depth--;
      else if (this.depth === 0 && (code === COMMA || code === 93)) {
        const element = (this.element + text.slice(start, i)).trim();
        this.element = "";
        start = i + 1;
        if (element !== "") elements.push(element);
        else if (code === COMMA || !this.empty) throw new JsonArrayError("an empty array element");
        this.empty = false;
        if (code === 93) this.state = "after";
      }
    }
    if (this.state === "inside") this.element += text.slice(start);
    return elements;
  }

  /** Throws when the array was never opened or never closed. */
  end(): void {
    if (this.state === "before") throw new JsonArrayError("expected a JSON array", true);
    if (this.state === "inside") throw new JsonArrayError("the array is not closed (the input is cut off)");
  }
}
