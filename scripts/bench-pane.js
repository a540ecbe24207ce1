/*
 * The pane's weight and its time to a first interactive screen: a production build in a temporary folder,
 * every page's initial JavaScript (gzip), then the preview in headless Chromium with the CPU slowed 4×
 * (DevTools' Emulation.setCPUThrottlingRate), from navigation to the first-run form ready to type in.
 *   node scripts/bench-pane.js
 */
const { execFileSync } = require("child_process");
const { createReadStream, existsSync, mkdtempSync } = require("fs");
const { createServer } = require("http");
const { tmpdir } = require("os");
const path = require("path");
const { printPageSizes } = require("./page-sizes");

const root = path.resolve(__dirname, "..");
const CHROMIUM = "/usr/bin/chromium";
const RUNS = 5;

function serve(dir) {
  const server = createServer((req, res) => {
    const file = path.join(dir, path.normalize(decodeURIComponent((req.url || "/").split("?")[0])));
    if (!file.startsWith(dir) || !existsSync(file)) return res.writeHead(404).end();
    const type = file.endsWith(".html") ? "text/html; charset=utf-8" : file.endsWith(".js") ? "text/javascript" : "";
    res.writeHead(200, type ? { "Content-Type": type } : {});
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function timeToInteractive(url) {
  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
  });
  const times = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const t0 = Date.now();
      await page.goto(url, { waitUntil: "commit" });
      await page.getByRole("button", { name: "Générer les fiches" }).waitFor({ timeout: 60_000 });
      await page
        .getByRole("button", { name: "Générer les fiches" })
        .and(page.locator(":enabled"))
        .waitFor({ timeout: 60_000 });
      times.push(Date.now() - t0);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
}

async function benchPane() {
  const out = mkdtempSync(path.join(tmpdir(), "ldm-bench-dist-"));
  execFileSync(
    process.execPath,
    [path.join(root, "scripts/webpack.js"), "build", "--mode", "production", "--output-path", out],
    {
      cwd: root,
      stdio: "pipe",
      env: { ...process.env, LDM_PROD_URL: process.env.LDM_PROD_URL || "https://fiches-ldm.example.org/" },
    },
  );
  printPageSizes(out);
  if (!existsSync(CHROMIUM)) {
    console.log("Chromium absent (/usr/bin/chromium) : temps jusqu'au premier écran non mesuré.");
    return;
  }
  const server = await serve(out);
  try {
    const { port } = server.address();
    const t = await timeToInteractive(`http://127.0.0.1:${port}/preview.html`);
    console.log(
      `Aperçu, processeur ralenti 4×, sans cache : premier écran utilisable (formulaire de première utilisation) en ` +
        `${t.median} ms (médiane de ${RUNS}, de ${t.min} à ${t.max} ms)`,
    );
  } finally {
    server.close();
  }
}

module.exports = { benchPane, serve, timeToInteractive };

if (require.main === module)
  benchPane().catch((e) => {
    console.error(e);
    process.exit(1);
  });
