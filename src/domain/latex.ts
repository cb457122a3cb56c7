// Turns the LaTeX fragments found in arXiv titles and abstracts into readable plain text.
// The original stays stored; this runs when text is shown or indexed.

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\%": "%",
  "\\&": "&",
  "\\$": "$",
  "\\#": "#",
  "\\_": "_",
  "\\{": "{",
  "\\}": "}",
};

const SYMBOLS: Record<string, string> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  varepsilon: "ε",
  theta: "θ",
  lambda: "λ",
  mu: "μ",
  pi: "π",
  sigma: "σ",
  tau: "τ",
  phi: "φ",
  omega: "ω",
  Delta: "Δ",
  Omega: "Ω",
  ell: "ℓ",
  times: "×",
  cdot: "·",
  approx: "≈",
  sim: "~",
  leq: "≤",
  le: "≤",
  geq: "≥",
  ge: "≥",
  neq: "≠",
  pm: "±",
  infty: "∞",
  rightarrow: "→",
  to: "→",
  leftarrow: "←",
  ldots: "…",
  dots: "…",
  cdots: "…",
  log: "log",
  in: "∈",
};

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
  "+": "⁺",
  "-": "⁻",
  n: "ⁿ",
};

const ACCENTS: Record<string, string> = { "'": "\u0301", "`": "\u0300", '"': "\u0308", "^": "\u0302", "~": "\u0303" };

/** `\'e` and `\'{e}` become é (a letter plus a combining accent, composed with NFC). */
function applyAccents(text: string): string {
  return text.replace(/\\(['`"^~])\s*\{?([A-Za-z])\}?/g, (_, accent: string, letter: string) =>
    `${letter}${ACCENTS[accent] ?? ""}`.normalize("NFC"),
  );
}

function superscript(text: string): string {
  const chars = [...text];
  return chars.every((c) => c in SUPERSCRIPT_DIGITS) ? chars.map((c) => SUPERSCRIPT_DIGITS[c]).join("") : `^${text}`;
}

/** Unwraps one level of `\cmd{…}` formatting commands and `{\em …}` groups. */
function unwrapFormatting(text: string): string {
  let previous: string;
  let current = text;
  do {
    previous = current;
    current = current
      .replace(
        /\\(?:textbf|textit|emph|texttt|textrm|textsf|textsc|mathrm|mathbf|mathit|mathcal|mathbb|text|operatorname|underline|url)\s*\{([^{}]*)\}/g,
        "$1",
      )
      .replace(/\{\\(?:em|it|bf|tt|sc|rm|sf)\s+([^{}]*)\}/g, "$1");
  } while (current !== previous);
  return current;
}

function cleanMath(math: string): string {
  return unwrapFormatting(math)
    .replace(/\\([A-Za-z]+)/g, (whole, name: string) => SYMBOLS[name] ?? name)
    .replace(/\^\{([^{}]*)\}/g, (_, sup: string) => superscript(sup))
    .replace(/\^([0-9n])/g, (_, sup: string) => superscript(sup))
    .replace(/_\{([^{}]*)\}/g, "_$1")
    .replace(/[{}]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Clean text for display and indexing; plain text passes through unchanged. */
export function cleanLatex(input: string): string {
  if (!/[\\$~^{}]/.test(input)) return input;
  let text = input;
  for (const [escaped, plain] of Object.entries(SIMPLE_ESCAPES))
    text = text.split(escaped).join(`\u0000${plain}\u0000`);
  text = applyAccents(text);
  text = text.replace(/(?<!\\)\$\$?([^$]+?)\$\$?/g, (_, math: string) => cleanMath(math));
  text = text.replace(/\\\(([\s\S]+?)\\\)/g, (_, math: string) => cleanMath(math));
  text = unwrapFormatting(text);
  text = text
    .replace(/\\(?:textbf|textit|emph|texttt|text)\b\s*/g, "")
    .replace(/\\([A-Za-z]+)(?![A-Za-z])/g, (whole, name: string) => SYMBOLS[name] ?? whole)
    .replace(/([A-Za-z0-9)])\^\{([^{}]*)\}/g, (_, base: string, sup: string) => `${base}${superscript(sup)}`)
    .replace(/(?<!\\)~/g, " ")
    .replace(/``|''/g, '"')
    .replace(/\{([^{}\u0000]*)\}/g, "$1");
  return text
    .replace(/\u0000/g, "")
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** Whitespace that collapsing changes: a run of two or more, or one that is not a plain space. */
const UNUSUAL_WHITESPACE = /\s\s+|[^\S ]/g;

/** Collapses runs of whitespace (line breaks from feeds included) to single spaces. */
export function normalizeWhitespace(input: string): string {
  // Same result as replacing every \s+ run, without rewriting the single spaces that are already right.
  return input.replace(UNUSUAL_WHITESPACE, " ").trim();
}
