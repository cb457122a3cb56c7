// Draws the social card (src/app/opengraph-image.png, 1200×630) from an SVG with sharp, which Next.js
// already installs. Run again after changing the design: npx tsx scripts/make-social-card.ts
import path from "node:path";
import sharp from "sharp";

const OUT = path.join(process.cwd(), "src", "app", "opengraph-image.png");
const ACCENT = "#2f5bd3";

/** Three cards of a ranked list, each with an upvote triangle and a bar for the title. */
const rows = [0, 1, 2]
  .map((i) => {
    const y = 330 + i * 84;
    const width = [560, 470, 510][i]!;
    return `
    <rect x="640" y="${y}" width="480" height="68" rx="12" fill="#ffffff" stroke="#e7e5e4" stroke-width="2"/>
    <text x="668" y="${y + 44}" font-family="DejaVu Sans Mono, monospace" font-size="24" fill="#78716c">${i + 1}</text>
    <rect x="704" y="${y + 20}" width="${width - 250}" height="12" rx="6" fill="#44403c"/>
    <rect x="704" y="${y + 40}" width="${width - 330}" height="10" rx="5" fill="#d6d3d1"/>
    <path d="M1072 ${y + 42} l12 -18 l12 18 z" fill="${i === 0 ? ACCENT : "#a8a29e"}"/>`;
  })
  .join("");

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#fafaf9"/>
  <rect x="0" y="0" width="1200" height="10" fill="${ACCENT}"/>
  <rect x="80" y="96" width="88" height="88" rx="20" fill="${ACCENT}"/>
  <path d="M112 122v50" stroke="#fff" stroke-width="10" stroke-linecap="round" fill="none"/>
  <circle cx="128" cy="138" r="15" stroke="#fff" stroke-width="10" fill="none"/>
  <text x="196" y="160" font-family="DejaVu Serif, Georgia, serif" font-weight="bold" font-size="64" fill="#1c1917">paper-digest</text>
  <text x="80" y="290" font-family="DejaVu Serif, Georgia, serif" font-size="46" fill="#1c1917">Trending research papers,</text>
  <text x="80" y="350" font-family="DejaVu Serif, Georgia, serif" font-size="46" fill="#1c1917">explained.</text>
  <text x="80" y="440" font-family="DejaVu Sans, Arial, sans-serif" font-size="26" fill="#57534e">Every rank says why it is there.</text>
  <text x="80" y="480" font-family="DejaVu Sans, Arial, sans-serif" font-size="26" fill="#57534e">Search by topic, forgiving typos.</text>
  <text x="80" y="520" font-family="DejaVu Sans, Arial, sans-serif" font-size="26" fill="#57534e">A daily email of what matters to you.</text>
  ${rows}
</svg>`;

await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toFile(OUT);
console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
