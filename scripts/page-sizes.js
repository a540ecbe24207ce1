/*
 * The JavaScript each page of dist/ loads before it shows anything (the scripts its HTML names), in bytes
 * and gzip (level 9, as a static host serves it), and the chunks loaded later, on demand. Sizes are
 * deterministic: the bench prints them, the production build enforces the budget (webpack.config.js).
 *   node scripts/page-sizes.js [dist]
 */
const { readFileSync, readdirSync } = require("fs");
const path = require("path");
const { gzipSync } = require("zlib");

function gz(bytes) {
  return gzipSync(bytes, { level: 9 }).length;
}

/** { page, initial: [{ file, bytes, gzip }], lazy: [...] } for every HTML page of `dist`. */
function pageSizes(dist) {
  const files = readdirSync(dist);
  const js = files.filter((f) => f.endsWith(".js"));
  const referenced = new Set();
  const pages = files
    .filter((f) => f.endsWith(".html"))
    .map((page) => {
      const html = readFileSync(path.join(dist, page), "utf8");
      const scripts = [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
        .map((m) => m[1] ?? m[2] ?? m[3])
        .filter((src) => !/^https?:/.test(src))
        .map((src) => src.replace(/^\.?\//, ""));
      scripts.forEach((s) => referenced.add(s));
      const initial = scripts.map((file) => {
        const bytes = readFileSync(path.join(dist, file));
        return { file, bytes: bytes.length, gzip: gz(bytes) };
      });
      return { page, initial };
    })
    .filter((p) => p.initial.length > 0);
  const lazy = js
    .filter((f) => !referenced.has(f))
    .map((file) => {
      const bytes = readFileSync(path.join(dist, file));
      return { file, bytes: bytes.length, gzip: gz(bytes) };
    });
  return { pages, lazy };
}

function kb(n) {
  return `${(n / 1024).toFixed(1)} Ko`;
}

function printPageSizes(dist) {
  const { pages, lazy } = pageSizes(dist);
  console.log("\nJavaScript chargé à l'ouverture de chaque page (gzip -9) :");
  for (const p of pages) {
    const bytes = p.initial.reduce((n, f) => n + f.bytes, 0);
    const gzip = p.initial.reduce((n, f) => n + f.gzip, 0);
    console.log(
      `  ${p.page.padEnd(16)} ${kb(gzip).padStart(10)} gzip  (${kb(bytes)} brut, ${p.initial.length} fichier(s))`,
    );
  }
  if (lazy.length) {
    console.log("Morceaux chargés à la demande :");
    for (const f of lazy) console.log(`  ${f.file.padEnd(40)} ${kb(f.gzip).padStart(10)} gzip  (${kb(f.bytes)} brut)`);
  }
  return { pages, lazy };
}

module.exports = { pageSizes, printPageSizes };

if (require.main === module) printPageSizes(process.argv[2] || path.resolve(__dirname, "../dist"));
