#!/usr/bin/env node
/*
 * What each chunk the pane loads is made of: a production build with source maps (into a temporary folder),
 * each minified byte attributed to its source (a package, or a folder of src/), per chunk. Gzip per part is
 * estimated by the chunk's own ratio. `node scripts/bundle-composition.js [chunk-prefix...]`.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { gzipSync } = require("zlib");
const webpack = require("webpack");
const { TraceMap, eachMapping } = require("@jridgewell/trace-mapping");

async function main() {
  process.env.LDM_PROD_URL ||= "https://exemple.invalid/";
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-composition-"));
  const cfg = await require("../webpack.config.js")({}, { mode: "production" });
  cfg.mode = "production";
  cfg.devtool = "source-map";
  cfg.output.path = out;
  const stats = await new Promise((res, rej) => webpack(cfg).run((e, s) => (e ? rej(e) : res(s))));
  if (stats.hasErrors()) console.error(stats.toString("errors-only"));
  const only = process.argv.slice(2);
  for (const file of fs.readdirSync(out).filter((f) => f.endsWith(".js"))) {
    if (only.length && !only.some((p) => file.startsWith(p))) continue;
    const code = fs.readFileSync(path.join(out, file), "utf8");
    const map = new TraceMap(fs.readFileSync(path.join(out, file + ".map"), "utf8"));
    const lines = code.split("\n");
    const bytes = new Map();
    let prev = null;
    const flush = (end) => {
      if (!prev) return;
      const len = (prev.line === end.line ? end.col : lines[prev.line].length) - prev.col;
      bytes.set(prev.key, (bytes.get(prev.key) || 0) + Math.max(0, len));
    };
    eachMapping(map, (m) => {
      const here = { line: m.generatedLine - 1, col: m.generatedColumn };
      flush(here);
      prev = { ...here, key: group(m.source) };
    });
    flush({ line: lines.length, col: 0 });
    const raw = Buffer.byteLength(code);
    const gz = gzipSync(code, { level: 9 }).length;
    console.log(`\n${file}: ${(raw / 1024).toFixed(1)} KB, gzip ${(gz / 1024).toFixed(1)} KB`);
    for (const [k, v] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(
        `  ${(v / 1024).toFixed(1).padStart(7)} KB  ~${((v * gz) / raw / 1024).toFixed(1).padStart(5)} KB gz  ${k}`,
      );
  }
  fs.rmSync(out, { recursive: true, force: true });
}

function group(source) {
  if (!source) return "(webpack runtime)";
  const s = source.replace(/^webpack:\/\/[^/]*\//, "");
  const nm = s.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = s.slice(nm + 13).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const parts = s.replace(/^\.\//, "").split("/");
  return parts.slice(0, Math.min(parts.length, 3)).join("/");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
