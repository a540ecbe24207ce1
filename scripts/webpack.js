#!/usr/bin/env node
/*
 * Builds or serves the add-in with webpack's own Node API (no webpack-cli, no webpack-dev-server: together
 * 215 packages, and webpack-cli 7 asks for Node ≥ 22.15 — docs/decisions.md, « Installer partout »).
 *
 *   node scripts/webpack.js build [--mode production|development] [--output-path DIR]
 *   node scripts/webpack.js serve [--mode development]      watch + static server of dist/ (LDM_PORT, 3000)
 *
 * `serve` writes the bundle to dist/ on every change and serves that folder: HTTPS with the development
 * certificate when it is installed (~/.office-addin-dev-certs, what `npm run certs` installs), otherwise
 * HTTP on 127.0.0.1 (enough for the preview). LDM_DEV_PROTOCOL=http forces HTTP.
 */
const fs = require("fs");
const http = require("http");
const https = require("https");
const path = require("path");
const webpack = require("webpack");
const { devCertificate } = require("./dev-certs");

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const command = process.argv[2];
const mode = option("mode", command === "serve" ? "development" : "production");
const outputPath = option("output-path");
const port = Number(process.env.LDM_PORT || process.env.npm_package_config_dev_server_port || 3000);

function fail(message) {
  console.error(message);
  process.exit(1);
}

async function config(serve) {
  const make = require(path.join(__dirname, "..", "webpack.config.js"));
  const cfg = await make(serve ? { WEBPACK_SERVE: true } : {}, { mode });
  cfg.mode = mode;
  if (outputPath) cfg.output.path = path.resolve(outputPath);
  return cfg;
}

/** Errors and warnings as webpack prints them, without the module graph. */
function report(stats) {
  const text = stats.toString({ all: false, errors: true, warnings: true, colors: false });
  if (text.trim()) console.error(text);
}

async function build() {
  let cfg;
  try {
    cfg = await config(false);
  } catch (e) {
    fail(String((e && e.message) || e));
  }
  webpack(cfg).run((err, stats) => {
    if (err) fail(`Build impossible : ${err.message}`);
    report(stats);
    if (stats.hasErrors()) process.exit(1);
    const ms = stats.endTime - stats.startTime;
    console.log(`Build ${mode} écrit dans ${path.relative(process.cwd(), cfg.output.path) || "."} (${ms} ms).`);
  });
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".svg": "image/svg+xml",
};

function staticHandler(root) {
  return (req, res) => {
    const url = new URL(req.url || "/", "http://x");
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith("/")) rel += "taskpane.html";
    const file = path.join(root, path.normalize(rel).replace(/^([/\\])+/, ""));
    const headers = { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" };
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" }).end("Introuvable\n");
        return;
      }
      res.writeHead(200, { ...headers, "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
      res.end(body);
    });
  };
}

async function serve() {
  const cert = process.env.LDM_DEV_PROTOCOL === "http" ? undefined : devCertificate();
  if (!cert && process.env.LDM_DEV_PROTOCOL !== "http")
    console.error("Certificat de développement non installé (npm run certs) : servi en HTTP sur 127.0.0.1.");
  if (cert) process.env.LDM_DEV_PROTOCOL = "https";
  else process.env.LDM_DEV_PROTOCOL = "http";
  const cfg = await config(true);
  const root = path.resolve(cfg.output.path);
  const handler = staticHandler(root);
  const server = cert ? https.createServer(cert, handler) : http.createServer(handler);
  const host = cert ? "localhost" : "127.0.0.1";
  let listening = false;
  webpack(cfg).watch({ aggregateTimeout: 200 }, (err, stats) => {
    if (err) return console.error(`Build impossible : ${err.message}`);
    report(stats);
    if (!listening) {
      listening = true;
      server.on("error", (e) =>
        fail(
          e.code === "EADDRINUSE"
            ? `Le port ${port} est déjà utilisé (LDM_PORT=… pour un autre).`
            : `Serveur : ${e.message}`,
        ),
      );
      server.listen(port, host);
    } else console.error(`Recompilé (${stats.endTime - stats.startTime} ms).`);
  });
}

if (command === "build") build();
else if (command === "serve") serve();
else fail("Usage : node scripts/webpack.js build|serve [--mode production|development] [--output-path DOSSIER]");
