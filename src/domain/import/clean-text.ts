// Text hygiene for imported strings: drop control characters, compose Unicode, collapse whitespace.
// LaTeX and markup are kept as written: display code cleans LaTeX and React escapes markup.

// C0 controls other than tab/newline/return, DEL, C1 controls, and the Unicode line/paragraph separators.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** One line of clean text: no control characters, single spaces, NFC. */
export function cleanImportedText(input: string): string {
  return input.replace(CONTROL_CHARACTERS, "").normalize("NFC").replace(/\s+/g, " ").trim();
}
