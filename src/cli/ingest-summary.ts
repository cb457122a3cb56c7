// The importer's closing report: what was added, merged, left alone, skipped and rejected, and why.
import type { IngestSummary } from "@/server/ingest/run-ingest";

const MAX_LISTED = 50;

export function formatIngestSummary(summary: IngestSummary): string {
  const formats = summary.inputs.map((input) => `${input.name} (${input.format}, ${input.papers} valid entries)`);
  const lines = [
    summary.dryRun ? "Dry run: nothing was written. The import would have:" : "Import finished:",
    ...formats.map((line) => `  read ${line}`),
    `  added      ${summary.added}`,
    `  merged     ${summary.merged}`,
    `  unchanged  ${summary.unchanged}`,
    `  skipped    ${summary.skipped.length}`,
    `  rejected   ${summary.rejected.length}`,
  ];
  if (summary.indexing) {
    lines.push(
      `Not indexed yet: ${summary.indexing.pending} stored papers have no topics or related lists (${summary.indexing.error}).`,
      "  The next import (or npm run related:rebuild) completes them.",
    );
  }
  if (summary.skipped.length > 0) lines.push("Skipped:", ...listed(summary.skipped));
  if (summary.rejected.length > 0) lines.push("Rejected:", ...listed(summary.rejected));
  return lines.join("\n");
}

function listed(entries: IngestSummary["rejected"]): string[] {
  const lines = entries.slice(0, MAX_LISTED).map((e) => `  ${e.input} ${e.unit ?? "entry"} ${e.position}: ${e.reason}`);
  if (entries.length > MAX_LISTED) lines.push(`  … and ${entries.length - MAX_LISTED} more`);
  return lines;
}
