/** The production build: what reaches a school's Excel. Built once into a temporary folder. */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { MANIFEST_XSD, REPO } from "../helpers/paths";

const out = mkdtempSync(path.join(tmpdir(), "ldm-dist-"));
let buildOutput = "";

beforeAll(() => {
  buildOutput = execFileSync(
    process.execPath,
    [path.join(REPO, "scripts/webpack.js"), "build", "--mode", "production", "--output-path", out],
    {
      cwd: REPO,
      encoding: "utf8",
      stdio: "pipe",
      env: { ...process.env, LDM_PROD_URL: "https://fiches-ldm.example.org/" },
    },
  );
}, 240_000);

const files = () => readdirSync(out, { recursive: true }).map(String);

test("the manifest points at the production address only and still asks for ReadWriteDocument alone", () => {
  const manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
  expect(manifest).not.toMatch(/localhost/);
  expect(manifest).toMatch(/https:\/\/fiches-ldm\.example\.org\/taskpane\.html/);
  expect(manifest.match(/<Permissions>([^<]+)<\/Permissions>/)?.[1]).toBe("ReadWriteDocument");
  expect(manifest).not.toMatch(/<AppDomain>/);
});

test("the production manifest validates offline against Microsoft's schema, with the production address", () => {
  const r = spawnSync("xmllint", ["--noout", "--schema", MANIFEST_XSD, path.join(out, "manifest.xml")], {
    encoding: "utf8",
  });
  expect(r.stderr.trim()).toMatch(/manifest\.xml validates$/);
  expect(r.status).toBe(0);
});

test("no source maps and no local paths in the bundles", () => {
  expect(files().filter((f) => f.endsWith(".map"))).toEqual([]);
  for (const f of files().filter((x) => x.endsWith(".js"))) {
    const js = readFileSync(path.join(out, f), "utf8");
    expect(js).not.toMatch(/sourceMappingURL/);
    expect(js).not.toContain(REPO);
    expect(js).not.toMatch(/localhost:3000/);
  }
});

test("every page carries a CSP allowing scripts only from itself and the Office.js CDN, and no inline script", () => {
  const pages = files().filter((f) => f.endsWith(".html"));
  expect(pages).toEqual(expect.arrayContaining(["taskpane.html", "commands.html"]));
  for (const p of pages) {
    const html = readFileSync(path.join(out, p), "utf8");
    const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const scriptSrc = /script-src ([^;]+)/.exec(csp as string)?.[1] ?? /default-src ([^;]+)/.exec(csp as string)?.[1];
    expect(scriptSrc?.trim().split(/\s+/).sort()).toEqual(
      p === "aide.html" ? ["'self'"] : ["'self'", "https://appsforoffice.microsoft.com"].sort(),
    );
    expect(csp).not.toMatch(/unsafe-eval/);
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(m[1]).toMatch(/src=/);
      expect(m[2].trim()).toBe("");
    }
  }
});

test("the build counts everything before the pane's first button (initial + engine + form) against 160 KB, and fails in French above", () => {
  // The build of beforeAll passed with the real budgets and said what it counted, part by part.
  const line =
    /Budget « taskpane » : taskpane ([\d.]+) \+ engine ([\d.]+) \+ generate-form ([\d.]+) = ([\d.]+) Ko gzip/.exec(
      buildOutput,
    );
  expect(line).not.toBeNull();
  const [initial, engine, form, total] = (line as RegExpExecArray).slice(1).map(Number);
  expect(engine).toBeGreaterThan(0);
  expect(form).toBeGreaterThan(0);
  expect(total).toBeCloseTo(initial + engine + form, 0);
  expect(total).toBeLessThanOrEqual(160);
  // The initial chunk alone is what the page's HTML names: the line agrees with what a static host would send.
  const { pageSizes } = require(path.join(REPO, "scripts/page-sizes.js")) as {
    pageSizes(dir: string): { pages: { page: string; initial: { gzip: number }[] }[] };
  };
  const taskpane = pageSizes(out).pages.find((p) => p.page === "taskpane.html");
  expect((taskpane?.initial ?? []).reduce((n, f) => n + f.gzip, 0) / 1024).toBeCloseTo(initial, 0);
  // A budget above the initial chunk alone but below the whole: the build fails, so the engine and the form count.
  const between = Math.floor(initial) + 1;
  expect(between).toBeLessThan(total);
  const tight = mkdtempSync(path.join(tmpdir(), "ldm-dist-tight-"));
  const r = spawnSync(
    process.execPath,
    [path.join(REPO, "scripts/webpack.js"), "build", "--mode", "production", "--output-path", tight],
    {
      cwd: REPO,
      encoding: "utf8",
      env: { ...process.env, LDM_BUDGET_KB: String(between), LDM_PROD_URL: "https://fiches-ldm.example.org/" },
    },
  );
  expect(r.status).not.toBe(0);
  expect(`${r.stdout}${r.stderr}`).toMatch(
    new RegExp(
      `Budget dépassé : la page « taskpane » charge [\\d.]+ Ko gzip de JavaScript avant son premier bouton ` +
        `\\(taskpane [\\d.]+ \\+ engine [\\d.]+ \\+ generate-form [\\d.]+\\), pour ${between} Ko permis\\.`,
    ),
  );
}, 240_000);

test("a production build without LDM_PROD_URL stops at once with one French line and writes nothing", () => {
  const none = path.join(mkdtempSync(path.join(tmpdir(), "ldm-dist-nourl-")), "dist");
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.LDM_PROD_URL;
  const r = spawnSync(process.execPath, [path.join(REPO, "scripts/webpack.js"), "build", "--output-path", none], {
    cwd: REPO,
    encoding: "utf8",
    env,
  });
  expect(r.status).toBe(1);
  expect(r.stderr.trim().split("\n")).toEqual([
    "LDM_PROD_URL manquant : indiquez l'adresse HTTPS où le complément sera hébergé " +
      "(ex. LDM_PROD_URL=https://fiches-ldm.ac-exemple.fr/ npm run build) ; voir docs/deploiement.md.",
  ]);
  expect(existsSync(none)).toBe(false);
});
