// The streaming frame shared by the arXiv Atom and RSS readers: elements parsed one at a time as they
// complete, the feed's skeleton checked as a document at the end.
import { acceptEntry, emptyChunk, type EntryOutcome } from "./entry-schema";
import { ImportFormatError, type ImportChunk, type ParsedImport, type StreamingImportParser } from "./import-types";
import { childOf, listOf, parseXmlDocument } from "./xml-document";
import type { XmlNode } from "./xml-tree";
import { XmlCutOffError, XmlEntrySplitter, type XmlElementText } from "./xml-entry-splitter";

export interface XmlFeedReading {
  /** "entry" or "item". */
  element: string;
  /** "arXiv Atom feed", for messages. */
  what: string;
  toPaper: (node: unknown) => EntryOutcome;
  /** Checks the skeleton (throwing ImportFormatError when it is not this kind of feed) and reads feed-level facts. */
  readSkeleton: (document: XmlNode) => Pick<ParsedImport, "paging">;
}

export function xmlFeedParser({ element, what, toPaper, readSkeleton }: XmlFeedReading): StreamingImportParser {
  const splitter = new XmlEntrySplitter(element);
  let position = 0;
  const read = (elements: XmlElementText[]): ImportChunk => {
    const chunk = emptyChunk();
    for (const { text, line } of elements) {
      const node = listOf(childOf(parseXmlDocument(text, what, line), element))[0];
      position++;
      acceptEntry(toPaper(node), position, chunk);
    }
    return chunk;
  };
  return {
    push: (text) => read(splitter.push(text)),
    end: () => {
      let skeleton: string;
      try {
        skeleton = splitter.end();
      } catch (error) {
        if (error instanceof XmlCutOffError)
          throw new ImportFormatError(`malformed XML in the ${what} (line ${error.line}): ${error.message}`);
        throw error;
      }
      return { ...emptyChunk(), ...readSkeleton(parseXmlDocument(skeleton, what)) };
    },
  };
}
