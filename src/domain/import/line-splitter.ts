// Splits text fed in arbitrary pieces into numbered lines (\n, \r\n or a lone \r end a line), keeping
// only the unfinished last line between pieces.

export interface NumberedLine {
  text: string;
  /** 1-based line number in the whole input. */
  line: number;
}

const LINE_BREAK = /\r\n|\r|\n/g;

export class LineSplitter {
  private pending = "";
  private lineNumber = 0;

  /** The lines this piece completed. */
  push(text: string): NumberedLine[] {
    const buffer = this.pending + text;
    const lines: NumberedLine[] = [];
    let start = 0;
    LINE_BREAK.lastIndex = 0;
    for (let match = LINE_BREAK.exec(buffer); match; match = LINE_BREAK.exec(buffer)) {
      // A \r at the very end may be the first half of a \r\n split across pieces: wait for the next piece.
      if (match[0] === "\r" && match.index === buffer.length - 1) break;
      lines.push({ text: buffer.slice(start, match.index), line: ++this.lineNumber });
      start = match.index + match[0].length;
    }
    this.pending = buffer.slice(start);
    return lines;
  }

  /** The last line, when the input does not end with a line break. */
  end(): NumberedLine[] {
    const rest = this.pending.replace(/\r$/, "");
    this.pending = "";
    return rest === "" ? [] : [{ text: rest, line: ++this.lineNumber }];
  }
}
