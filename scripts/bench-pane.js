/*
 * The pane's weight and its time to a first interactive screen: a production build in a temporary folder,
 * every page's initial JavaScript (gzip), then the preview in headless Chromium with the CPU slowed 4×
 * (DevTools' Emulation.setCPUThrottlingRate), from navigation to the first-run form ready to type in.
 *   node scripts/bench-pane.js
 */
/* global window, document */ // fillWrong and paneNodes run in the page (page.evaluate).
const { execFileSync } = require("child_process");
const { createReadStream, existsSync, mkdtempSync, writeFileSync } = require("fs");
const { createServer } = require("http");
const { tmpdir } = require("os");
const path = require("path");
const { printPageSizes } = require("./page-sizes");

const root = path.resolve(__dirname, "..");
const CHROMIUM = "/usr/bin/chromium";
const RUNS = Number(process.env.LDM_BENCH_RUNS) || 5;
/** The pane's quiet time before a live check (src/taskpane/texts.ts, LIVE_CHECK_QUIET_MS). */
const LIVE_CHECK_QUIET_MS = Number(
  /LIVE_CHECK_QUIET_MS = (\d+)/.exec(require("fs").readFileSync(path.join(root, "src/taskpane/texts.ts"), "utf8"))[1],
);

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

/**
 * The instrument's floor: a page holding nothing but the button, timed as the preview is (a new browser context,
 * the CPU slowed 4×, no cache). What the pane costs is the difference.
 */
async function emptyPageTime() {
  const dir = mkdtempSync(path.join(tmpdir(), "ldm-bench-empty-"));
  writeFileSync(
    path.join(dir, "preview.html"),
    '<!doctype html><html lang="fr"><head><meta charset="UTF-8"><title>Plancher</title></head>' +
      '<body><div id="container"></div><script defer src="page.js"></script></body></html>',
  );
  writeFileSync(
    path.join(dir, "page.js"),
    'document.getElementById("container").innerHTML = "<button>Générer les fiches</button>";',
  );
  const server = await serve(dir);
  try {
    return await timeToInteractive(`http://127.0.0.1:${server.address().port}/preview.html`);
  } finally {
    server.close();
  }
}

/** Rows 10 to 10 + rows − 1 of every criterion sheet filled with wrong values: four findings a row. */
function fillWrong(rows) {
  const h = window.ldmPreview.host;
  for (const s of h.model.sheets) {
    if (!/^C\d /.test(s.name)) continue;
    for (let r = 10; r < 10 + rows; r++) {
      s.cells.set(`A${r}`, { value: `axe faux ${r}`, locked: false });
      s.cells.set(`B${r}`, { value: "objectif faux", locked: false });
      s.cells.set(`D${r}`, { value: "Nombre d'élèves accueillis", locked: false });
      s.cells.set(`E${r}`, { value: "beaucoup", locked: false });
      s.cells.set(`F${r}`, { value: "x", locked: false });
    }
  }
}

/** The pane's own DOM (the grid beside it is the preview's stand-in for Excel). */
const paneNodes = () => document.querySelector("main").getElementsByTagName("*").length;

/**
 * Findings at a school's scale (#27): 8 sheets × 100 filled rows of wrong values, « Vérifier tout le classeur »
 * then one typed edit, with the CPU slowed 4×. The live check's time is counted from Entrée, less the quiet
 * time the pane waits for the end of a burst (LIVE_CHECK_QUIET_MS).
 */
async function findingsAtScale(url, quietMs) {
  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
  });
  const full = [];
  const live = [];
  let nodes = 0;
  let findings = 0;
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.setDefaultTimeout(120_000);
      await page.goto(url);
      await page.getByRole("searchbox", { name: "Établissement" }).fill("beau de rochas");
      await page.getByRole("button", { name: /0040007L/ }).click();
      await page.getByRole("button", { name: "Générer les fiches" }).click();
      await page.getByRole("button", { name: "Vérifier tout le classeur" }).and(page.locator(":enabled")).waitFor();
      await page.evaluate(fillWrong, 100);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const counts = page.locator("main").getByText(/^\d+ erreurs?, \d+ avertissements?, \d+ informations?$/);
      let t0 = Date.now();
      await page.getByRole("button", { name: "Vérifier tout le classeur" }).click();
      await counts.waitFor();
      full.push(Date.now() - t0);
      nodes = await page.evaluate(paneNodes);
      const before = await counts.textContent();
      findings = before.match(/\d+/g).reduce((a, b) => a + Number(b), 0);
      await page.getByRole("button", { name: "Vérifier tout le classeur" }).and(page.locator(":enabled")).waitFor();
      // One edit, as a person types it: C3's E12 gets a count instead of « beaucoup »; one error less, no click.
      await page.getByRole("tab", { name: /^C3 / }).click();
      await page.locator('td[data-cell="E12"]').click();
      const bar = page.getByLabel("Contenu de la cellule");
      await bar.fill("12");
      t0 = Date.now();
      await bar.press("Enter");
      await page.waitForFunction(
        (was) =>
          [...document.querySelectorAll("main *")].some(
            (e) => e.children.length === 0 && /^\d+ erreurs?, /.test(e.textContent) && e.textContent !== was,
          ),
        before,
        { polling: 10 },
      );
      live.push(Date.now() - t0 - quietMs);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { full: median(full), live: median(live), nodes, findings, fullAll: full, liveAll: live };
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
    const floor = await emptyPageTime();
    console.log(
      `Aperçu, processeur ralenti 4×, sans cache : premier écran utilisable (formulaire de première utilisation) en ` +
        `${t.median} ms (médiane de ${RUNS}, de ${t.min} à ${t.max} ms) ; une page vide qui n'a que ce bouton, ` +
        `mesurée de même : ${floor.median} ms (de ${floor.min} à ${floor.max} ms), le plancher de la mesure`,
    );
    const f = await findingsAtScale(`http://127.0.0.1:${port}/preview.html`, LIVE_CHECK_QUIET_MS);
    console.log(
      `8 fiches × 100 lignes remplies, ${f.findings} constats, processeur ralenti 4× : « Vérifier tout le classeur » ` +
        `${f.full} ms (médiane de ${RUNS} : ${f.fullAll.join(", ")}) ; une saisie vérifiée ${f.live} ms après l'attente ` +
        `de ${LIVE_CHECK_QUIET_MS} ms (${f.liveAll.join(", ")}) ; ${f.nodes} éléments dans le volet`,
    );
  } finally {
    server.close();
  }
}

module.exports = { benchPane, serve, timeToInteractive, findingsAtScale };

if (require.main === module && process.argv.includes("--findings-only")) {
  // The findings at scale alone, on a build already in a folder: node scripts/bench-pane.js --findings-only DIR
  const dir = process.argv[process.argv.indexOf("--findings-only") + 1];
  serve(path.resolve(dir)).then(async (server) => {
    try {
      const f = await findingsAtScale(`http://127.0.0.1:${server.address().port}/preview.html`, LIVE_CHECK_QUIET_MS);
      console.log(JSON.stringify(f));
    } finally {
      server.close();
    }
  });
} else if (require.main === module)
  benchPane().catch((e) => {
    console.error(e);
    process.exit(1);
  });
