/**
 * The production task pane page (taskpane.html, with its CSP), in Chromium, with Office.js stood in for at the
 * CDN's address: the first screen comes from the page's own bundle, the workbook engine is fetched on demand
 * (its own chunk) and answers — here with Excel's refusal, in French.
 */
import { execFileSync } from "child_process";
import { createReadStream, existsSync, mkdtempSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";
import { REPO } from "../helpers/paths";

const out = mkdtempSync(path.join(tmpdir(), "ldm-taskpane-"));
let server: Server;
let browser: Browser;
let base: string;

/** A stand-in for Office.js: Excel on the web, ExcelApi 1.9, and a workbook that refuses every batch. */
const FAKE_OFFICE = `
window.Office = {
  HostType: { Excel: "Excel" },
  onReady: function (cb) { var info = { host: "Excel" }; if (cb) cb(info); return Promise.resolve(info); },
  context: {
    officeTheme: undefined,
    requirements: { isSetSupported: function () { return true; } },
    document: { settings: { get: function () { return null; }, set: function () {}, saveAsync: function (cb) { cb && cb({ status: "succeeded" }); } } },
  },
};
window.Excel = {
  run: function () {
    var e = new Error("refused"); e.code = "AccessDenied"; return Promise.reject(e);
  },
};
`;

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [path.join(REPO, "scripts/webpack.js"), "build", "--mode", "production", "--output-path", out],
    { cwd: REPO, stdio: "pipe", env: { ...process.env, LDM_PROD_URL: "https://fiches-ldm.example.org/" } },
  );
  server = createServer((req, res) => {
    const file = path.join(out, path.normalize((req.url ?? "/").split("?")[0]).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(out) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": file.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

test("taskpane.html: the engine chunk is fetched on demand, under the page's CSP, and speaks French", async () => {
  const page = await browser.newPage();
  const scripts: string[] = [];
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
  });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: FAKE_OFFICE }),
  );
  await page.goto(`${base}/taskpane.html`);
  await page.getByText(/Excel a refusé/).waitFor({ timeout: 15_000 });
  expect(scripts.some((s) => /^\/engine\.[0-9a-f]+\.js$/.test(s))).toBe(true);
  expect(violations).toEqual([]);
  await page.close();
}, 60_000);
