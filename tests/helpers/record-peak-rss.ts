// Preloaded into a child process (node --import): on exit, writes its peak resident memory in MB to
// $PEAK_RSS_FILE, so a test can bound the memory of a real CLI run.
import fs from "node:fs";

const file = process.env.PEAK_RSS_FILE;
if (file) process.on("exit", () => fs.writeFileSync(file, String(Math.round(process.resourceUsage().maxRSS / 1024))));
