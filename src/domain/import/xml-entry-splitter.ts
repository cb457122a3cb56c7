// Splits an XML feed fed in arbitrary pieces into its repeated elements (<entry> or <item>) and the
// skeleton around them, so a feed of any size is read in bounded memory: each element is parsed alone, and
// the skeleton (root, feed-level elements, closing tags) is checked as a document at the end. Like the
// feeds arXiv serves, the element must not appear inside CDATA or comments.

export interface XmlElementText {
  text: string;
  /** 1-based line of the element's start in the whole input, for error messages. */
  line: number;
}

export class XmlCutOffError extends Error {
  constructor(
    readonly element: string,
    readonly line: number,
  ) {
    super(`the <${element}> starting on line ${line} is not closed (the input is cut off)`);
  }
}

export class XmlEntrySplitter {
  private buffer = "";
  /** Line number of the buffer's first character. */
  private line = 1;
  private skeleton = "";
  private readonly opening: RegExp;
  private readonly closing: RegExp;

  constructor(private readonly element: string) {
    this.opening = new RegExp(`<(?:[\\w.-]+:)?${element}(?=[\\s>/])[^>]*>`, "g");
    this.closing = new RegExp(`</(?:[\\w.-]+:)?${element}\\s*>`, "g");
  }

  /** The elements this piece completed. */
  push(text: string): XmlElementText[] {
    const buffer = this.buffer + text;
    const elements: XmlElementText[] = [];
    let position = 0;
    for (;;) {
      this.opening.lastIndex = position;
      const open = this.opening.exec(buffer);
      if (!open) break;
      let end = open.index + open[0].length;
      if (!open[0].endsWith("/>")) {
        this.closing.lastIndex = end;
        const close = this.closing.exec(buffer);
        if (!close) break;
        end = close.index + close[0].length;
      }
      const before = buffer.slice(position, open.index);
      this.skeleton += before;
      const line = this.line + newlines(before);
      const element = buffer.slice(open.index, end);
      elements.push({ text: element, line });
      this.line = line + newlines(element);
      position = end;
    }
    this.buffer = buffer.slice(position);
    return elements;
  }

  /** The document without its elements; throws XmlCutOffError when an element was left open. */
  end(): string {
    this.opening.lastIndex = 0;
    const open = this.opening.exec(this.buffer);
    if (open && !open[0].endsWith("/>"))
      throw new XmlCutOffError(this.element, this.line + newlines(this.buffer.slice(0, open.index)));
    const skeleton = this.skeleton + this.buffer;
    this.skeleton = this.buffer = "";
    return skeleton;
  }
}

function newlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}
