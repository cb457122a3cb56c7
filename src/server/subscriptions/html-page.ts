// A small self-contained HTML page for route handlers that answer browsers (one-click unsubscribe, form errors).
import { escapeHtml } from "@/domain/escape-html";

/** `bodyHtml` must already be escaped; the title is escaped here. */
export function htmlPage({
  status,
  title,
  bodyHtml,
  headers,
}: {
  status: number;
  title: string;
  bodyHtml: string;
  headers?: Record<string, string>;
}): Response {
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · paper-digest</title>
<style>body{margin:0;background:#fafaf9;font:16px/1.6 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#27272a}
main{max-width:32rem;margin:4rem auto;padding:2rem;background:#fff;border:1px solid #e4e4e7;border-radius:.5rem}
h1{font-size:1.4rem;margin:0 0 1rem;color:#18181b}a{color:#2f5bd3}
button{font:inherit;font-weight:600;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:#2f5bd3;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #93c5fd;outline-offset:2px}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${bodyHtml}<p><a href="/">Back to paper-digest</a></p></main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
      ...headers,
    },
  });
}
