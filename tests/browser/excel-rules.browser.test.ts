/**
 * Issue #22 in a real browser (Debian's Chromium driven by playwright-core), on the preview page: the follow-up
 * columns I–S of a protected fiche folded and unfolded from the pane, and a drop-down pick that raises no
 * onChanged (as in some Excel hosts) still checked again when the selection leaves the cell.
 */
import { execFileSync } from "child_process";
import { createReadStream, existsSync, mkdtempSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { REPO } from "../helpers/paths";
import { CRITERIA } from "../../src/domain/referential/criteria";

const out = mkdtempSync(path.join(tmpdir(), "ldm-preview-rules-"));
let server: Server;
let browser: Browser;
let page: Page;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [path.join(REPO, "scripts/webpack.js"), "build", "--mode", "development", "--output-path", out],
    { cwd: REPO, stdio: "pipe" },
  );
  server = createServer((req, res) => {
    const file = path.join(
      out,
      path.normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, ""),
    );
    if (!file.startsWith(out) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith(".html")
      ? "text/html; charset=utf-8"
      : file.endsWith(".js")
        ? "text/javascript"
        : "application/octet-stream";
    res.writeHead(200, { "Content-Type": type });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(10_000);
  page.on("request", (r) => requests.push(r.url()));
  page.on("dialog", (d) => void d.dismiss());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

const C2 = "C2 Publics différents";
type Host = {
  model: { sheets: { name: string; protected: boolean; hiddenColumns?: Set<number> }[] };
  pick(sheet: string, address: string, value: string, options?: { raisesChanged?: boolean }): boolean;
};

test("generate, then « Afficher / masquer le suivi » folds and unfolds I–S of the protected fiche", async () => {
  await page.goto(`${base}/preview.html`);
  const search = page.getByRole("searchbox", { name: "Établissement" });
  await search.fill("beau de rochas");
  await page
    .getByRole("group", { name: "Établissements trouvés" })
    .getByRole("button", { name: /0040007L — LYCEE PROFESSIONNEL LYCEE DES METIERS BEAU DE ROCHAS/ })
    .click();
  await page.getByLabel("Année de l'audit").selectOption("2028");
  await page.getByRole("button", { name: "Générer les fiches" }).click();
  await page.getByText(/^Classeur créé\s:\s8\sfiches/).waitFor();

  await page.getByRole("tab", { name: C2 }).click();
  await page.getByRole("region", { name: "Exemples du guide — critère 2" }).waitFor();
  const s12 = page.locator('td[data-cell="S12"]');
  await s12.waitFor();
  const toggle = page.getByRole("button", { name: "Afficher / masquer le suivi" });
  await toggle.click();
  await page.getByText(`Suivi des actions masqué sur «\u00a0${C2}\u00a0» (colonnes I à S)`).waitFor();
  await s12.waitFor({ state: "detached" });
  expect(await page.locator('td[data-cell="H12"]').count()).toBe(1);
  const state = () =>
    page.evaluate((name) => {
      const host = (window as unknown as { ldmPreview: { host: Host } }).ldmPreview.host;
      const s = host.model.sheets.find((x) => x.name === name);
      return { protected: s?.protected, hidden: [...(s?.hiddenColumns ?? [])].length };
    }, C2);
  await expect(state()).resolves.toEqual({ protected: true, hidden: 11 });
  await toggle.click();
  await page.getByText(`Suivi des actions affiché sur «\u00a0${C2}\u00a0» (colonnes I à S).`).waitFor();
  await s12.waitFor();
  await expect(state()).resolves.toEqual({ protected: true, hidden: 0 });
}, 120_000);

test("a value picked from a drop-down that raises no onChanged still gets its finding updated", async () => {
  await page.locator('td[data-cell="A12"]').click();
  const bar = page.getByLabel("Contenu de la cellule");
  await bar.fill("Un axe qui n'est pas dans le guide");
  await bar.press("Enter");
  const finding = page.locator('button[data-rule="axis-unknown"]', { hasText: "A12" });
  await finding.waitFor();
  // The guide's first axis of criterion 2, picked from A12's list: no onChanged, as in the hosts of #420, #3888.
  const picked = await page.evaluate(
    ([name, axis]) => (window as unknown as { ldmPreview: { host: Host } }).ldmPreview.host.pick(name, "A12", axis),
    [C2, CRITERIA[1].axes[0].text] as const,
  );
  expect(picked).toBe(true);
  // Nothing raised: the finding stays while the cell is selected…
  await page.waitForTimeout(1500);
  expect(await finding.count()).toBe(1);
  // …and goes once the person moves on (a click on another cell: onSelectionChanged).
  await page.locator('td[data-cell="C12"]').click();
  await finding.waitFor({ state: "detached" });
}, 60_000);
