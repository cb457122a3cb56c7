#!/usr/bin/env bash
# Lighthouse (mobile settings, the default) against a running production server; prints the four scores.
# Usage: npm run lighthouse -- [base-url] (default http://localhost:3000; start it with `npm start`).
# Lighthouse is fetched from the npm registry on first use (not a dependency: it pins a "latest" range), so
# the first run needs the registry; later runs use the npm cache.
set -euo pipefail
base="${1:-http://localhost:3000}"
chrome="${CHROME_PATH:-/usr/bin/chromium}"
out="$(mktemp -d)"
first() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[process.argv[1]][0].slug))' "$1"; }
paper="$(curl -fsS "$base/api/papers?limit=1" | first papers)"
topic="$(curl -fsS "$base/api/topics" | first topics)"
# One page of each kind: feed, search, paper, topics, topic, subscribe, digest.
for path in "/" "/?q=lora" "/papers/$paper" "/topics" "/topics/$topic" "/subscribe" "/digest"; do
  name="$(echo "$path" | tr '/?=' '___')"
  CHROME_PATH="$chrome" npx --yes lighthouse@12.8.2 "$base$path" --quiet --output=json --output-path="$out/$name.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync" >/dev/null
  node -e '
    const r = require(process.argv[1]);
    const s = (k) => Math.round(r.categories[k].score * 100);
    const tbt = r.audits["total-blocking-time"].displayValue;
    const lcp = r.audits["largest-contentful-paint"].displayValue;
    console.log(`${process.argv[2].padEnd(60)} performance ${s("performance")}  accessibility ${s("accessibility")}  best-practices ${s("best-practices")}  seo ${s("seo")}  (TBT ${tbt}, LCP ${lcp})`);
  ' "$out/$name.json" "$path"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
