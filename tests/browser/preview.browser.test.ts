/**
 * The task pane in a real browser (Debian's Chromium driven by playwright-core), on the preview page:
 * the pane beside an in-memory workbook. Every request is recorded: none may leave localhost.
 */
import { execFileSync } from "child_process";
import { copyFileSync, createReadStream, existsSync, mkdirSync, mkdtempSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { REPO } from "../helpers/paths";
import { SYSTEM_PYTHON } from "../helpers/python";

const out = mkdtempSync(path.join(tmpdir(), "ldm-preview-"));
export const SCREENS = path.join(tmpdir(), "ldm-screens");
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
  // axe-core served beside the pages, as a file of the same origin (no inline script under the CSP).
  copyFileSync(require.resolve("axe-core/axe.min.js"), path.join(out, "axe.min.js"));
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
  mkdirSync(SCREENS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

const shot = (name: string) => page.screenshot({ path: path.join(SCREENS, `${name}.png`) });

/**
 * axe-core (the RGAA's automated part) on the pane: any serious or critical violation fails, named. The grid
 * beside it is the preview's stand-in for Excel, not the product: only the pane is audited.
 */
async function accessible(screen: string): Promise<void> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: `${base}/axe.min.js` }); // same origin: the pages' CSP allows 'self' only
  const { violations, passed } = await page.evaluate(async () => {
    type Result = { id: string; impact: string; nodes: { target: string[] }[] };
    const axe = (
      window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Result[]; passes: Result[] }> } }
    ).axe;
    const r = await axe.run({ include: [["main"]] }, { resultTypes: ["violations", "passes"] });
    return {
      passed: r.passes.length,
      violations: r.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.impact}) : ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    };
  });
  // axe ran its rules on the pane (a run that checked nothing would pass too).
  expect(passed).toBeGreaterThan(5);
  expect({ screen, violations }).toEqual({ screen, violations: [] });
}

test("first run: choose the school and the audit year, generate the 8 sheets", async () => {
  await page.goto(`${base}/preview.html`);
  await page.getByRole("heading", { name: "Créer les fiches d'amélioration" }).waitFor();
  await shot("01-first-run");
  await accessible("premier lancement");
  // No school: the form refuses, says why, and nothing is generated.
  await page.getByRole("button", { name: "Générer les fiches" }).click();
  await page.getByRole("alert").filter({ hasText: "Choisissez l'établissement dans la liste" }).waitFor();
  // « marseille »: the schools of Marseille first, and how many more there are.
  const search = page.getByRole("searchbox", { name: "Établissement" });
  await search.fill("marseille");
  const found = page.getByRole("group", { name: "Établissements trouvés" });
  await found.getByRole("button").first().waitFor();
  const names = await found.getByRole("button").allTextContents();
  expect(names.length).toBe(8);
  expect(names.every((n) => /\(MARSEILLE/.test(n))).toBe(true);
  await found.getByText(/^\d+ autres résultats\s:\sprécisez/).waitFor();
  await shot("01b-search");
  await accessible("recherche d'établissement");
  await search.fill("beau de rochas");
  await found.getByRole("button", { name: /0040007L — LYCEE PROFESSIONNEL LYCEE DES METIERS BEAU DE ROCHAS/ }).click();
  await page.getByText(/^Établissement choisi\s:\s0040007L/).waitFor();
  await page.getByText("Référents des critères (facultatif, modifiables ensuite dans Paramètres)").click();
  await page.getByLabel("Critère 3 — Réponses pédagogiques").fill("M. Martin");
  await page.getByLabel("Chef d'établissement").fill("Mme Dupont");
  await page.getByLabel("Année de l'audit").selectOption("2028");
  await page.getByRole("button", { name: "Générer les fiches" }).click();
  // What the user needs to know, not the names and formats it took.
  await page.getByText("Classeur créé : 8 fiches, Paramètres, Synthèse, Dossier, Guide.").waitFor();
  expect(await page.getByText(/noms? définis?|rétabli/).count()).toBe(0);
  await page.getByRole("tab", { name: "C1 Offre de formations" }).waitFor();
  // A new workbook is greeted by what to do next, not by what is missing (#27).
  await page.getByRole("heading", { name: "Pour commencer" }).waitFor();
  await page
    .getByRole("button", { name: /^1\. Nommer les référents des critères \(7\s+à renseigner, facultatif\)$/ })
    .waitFor();
  await shot("02-generated");
  await page.getByRole("button", { name: /^2\. Commencer le critère 1/ }).click();
  await page.waitForFunction(() => {
    const sel = (
      window as unknown as { ldmPreview: { host: { model: { selection?: { sheet: string; address: string } } } } }
    ).ldmPreview.host.model.selection;
    return sel?.sheet === "C1 Offre de formations" && sel.address === "A10";
  });
  const model = await page.evaluate(() => {
    const h = (
      window as unknown as { ldmPreview: { host: { model: { sheets: { name: string; visibility: string }[] } } } }
    ).ldmPreview.host;
    return h.model.sheets.map((s) => `${s.name}:${s.visibility}`);
  });
  expect(model).toContain("Listes:VeryHidden");
  const referent = await page.evaluate(() => {
    const h = (
      window as unknown as {
        ldmPreview: { host: { model: { sheets: { name: string; cells: Map<string, { value: unknown }> }[] } } };
      }
    ).ldmPreview.host;
    return h.model.sheets.find((s) => s.name === "Paramètres")?.cells.get("B12")?.value;
  });
  expect(referent).toBe("M. Martin");
  expect(model.filter((s) => s.startsWith("C"))).toHaveLength(8);
}, 60_000);

test("check the active sheet, click a finding: its cell is selected", async () => {
  await page.getByRole("tab", { name: "C1 Offre de formations" }).click();
  await page.locator('td[data-cell="A10"]').click();
  await page.evaluate(() => {
    const h = (
      window as unknown as {
        ldmPreview: { host: { model: { sheets: { name: string; cells: Map<string, unknown> }[] } } };
      }
    ).ldmPreview.host;
    const c1 = h.model.sheets.find((s) => s.name.startsWith("C1 "));
    c1?.cells.set("A12", { value: "<img src=x onerror=window.__xss=1>", locked: false });
    c1?.cells.set("D12", { value: '=HYPERLINK("http://example.invalid")', locked: false });
  });
  await page.getByRole("button", { name: "Vérifier la fiche" }).click();
  const finding = page.locator('button[data-rule="axis-unknown"]');
  await finding.waitFor();
  await expect(finding.textContent()).resolves.toContain("<img src=x onerror=window.__xss=1>");
  expect(await page.locator("main img").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await finding.click();
  await page.locator('td[data-cell="A12"]').waitFor();
  await page.waitForFunction(
    () =>
      (window as unknown as { ldmPreview: { host: { model: { selection?: { address: string } } } } }).ldmPreview.host
        .model.selection?.address === "A12",
  );
  await shot("03-findings");
  await accessible("constats");
}, 60_000);

test("insert an example action of the guide in the selected row, never over a filled cell", async () => {
  await page.getByRole("tab", { name: "C1 Offre de formations" }).click();
  await page.locator('td[data-cell="B14"]').click();
  await page.getByPlaceholder("Chercher une action ou un indicateur").fill("cartographie");
  await page
    .getByRole("button", { name: "Insérer : Créer une cartographie des parcours de formations possibles" })
    .click();
  await page.getByText("Inséré en C14.").waitFor();
  await expect(page.locator('td[data-cell="C14"]').textContent()).resolves.toBe(
    "Créer une cartographie des parcours de formations possibles",
  );
  // The findings on screen were checked again after the insertion: row 14 is now incomplete, and said so.
  await page.locator('button[data-rule="row-incomplete"]', { hasText: "Ligne 14" }).waitFor();
  await page
    .getByRole("button", { name: "Insérer : Créer une cartographie des parcours de formations possibles" })
    .click();
  await page.getByText("La cellule C14 n'est pas vide : rien n'a été remplacé.").waitFor();
  await shot("04-examples");
  await accessible("exemples du guide");
}, 60_000);

test("« Préparer le bilan »: a print-ready review in the pane, what people typed shown as text", async () => {
  await page.getByRole("button", { name: "Préparer le bilan" }).click();
  const frame = page.frameLocator('iframe[title="Bilan annuel (aperçu avant impression)"]');
  await frame.getByRole("heading", { name: /Bilan annuel des fiches d'amélioration/ }).waitFor();
  await expect(
    frame
      .getByText("0040007L — LYCEE PROFESSIONNEL LYCEE DES METIERS BEAU DE ROCHAS (DIGNE LES BAINS)")
      .first()
      .textContent(),
  ).resolves.toContain("0040007L");
  await expect(frame.getByText("<img src=x onerror=window.__xss=1>").first().isVisible()).resolves.toBe(true);
  expect(await frame.locator("img").count()).toBe(0);
  await page.getByRole("button", { name: "Imprimer ou enregistrer en PDF" }).waitFor();
  await shot("05-report");
  await accessible("bilan");
  await page.getByRole("button", { name: "Fermer le bilan" }).click();
}, 60_000);

test("« Préparer le dossier »: a .docx to download, that python-docx reads back", async () => {
  await page.getByRole("button", { name: "Préparer le dossier" }).click();
  await page
    .getByText(
      /^Dossier de labellisation prêt \(version de travail\)\s:\s\d+\sactions? (et|ou) engagements?, \d+\sparties? «\sÀ compléter\s»/,
    )
    .waitFor();
  const link = page.getByRole("link", { name: "Télécharger le dossier (Word, .docx)" });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^dossier-labellisation-travail-\d{4}-\d{2}-\d{2}\.docx$/);
  const file = path.join(out, "dossier.docx");
  await download.saveAs(file);
  const read = JSON.parse(
    execFileSync(SYSTEM_PYTHON, [path.join(REPO, "tests/helpers/docx_dump.py"), file], { encoding: "utf8" }),
  ) as { paragraphs: { style: string; text: string }[]; core: { author: string } };
  expect(read.core.author).toBe("Lycée professionnel Beau de Rochas, Digne-les-Bains");
  expect(read.paragraphs).toContainEqual({ style: "Heading 1", text: "Ce qu'il reste à compléter avant l'audit" });
  await shot("05b-dossier");
  await accessible("dossier");
  // The final version, chosen beside the button: refused while parts are « À compléter », in one line.
  await page.getByRole("checkbox", { name: /^Version finale, à envoyer/ }).check();
  await page.getByRole("button", { name: "Préparer le dossier" }).click();
  await page.getByText(/^Dossier final non écrit\s:\sil manque \(\d+ partie\(s\) «\sÀ compléter\s»\)/).waitFor();
  await page.getByRole("checkbox", { name: /^Version finale, à envoyer/ }).uncheck();
}, 60_000);

test("« Vérifier la fiche » on Synthèse: says which sheet it is on and that it is not a fiche", async () => {
  await page.getByRole("tab", { name: "Synthèse" }).click();
  await page.getByRole("button", { name: "Vérifier la fiche" }).click();
  await page
    .getByText(
      "« Synthèse » n'est pas une fiche critère : rien n'y a été vérifié. Activez une fiche (C1 … C8) ou Paramètres, ou lancez « Vérifier tout le classeur ».",
    )
    .waitFor();
  expect(await page.getByText("la fiche est prête pour le comité de pilotage").count()).toBe(0);
  await shot("06-not-a-fiche");
}, 60_000);

test("live: a value typed in a fiche is checked without a click; the pane follows the active sheet", async () => {
  await page.getByRole("tab", { name: "C2 Publics différents" }).click();
  // The examples of the guide follow the sheet (from the event, no click on the pane).
  await page.getByRole("region", { name: "Exemples du guide — critère 2" }).waitFor();
  await page.locator('td[data-cell="A12"]').click();
  const bar = page.getByLabel("Contenu de la cellule");
  await bar.fill("Un axe qui n'est pas dans le guide");
  await bar.press("Enter");
  const finding = page.locator('button[data-rule="axis-unknown"]', { hasText: "A12" });
  await finding.waitFor();
  await shot("07-live");
  // A co-author fixes it (a remote change): the finding goes away, still without a click.
  await page.evaluate(() => {
    const h = (
      window as unknown as { ldmPreview: { host: { edit(s: string, a: string, v: string, src: string): boolean } } }
    ).ldmPreview.host;
    h.edit("C2 Publics différents", "A12", "", "Remote");
  });
  await finding.waitFor({ state: "detached" });
}, 60_000);

test("an action Excel holds (someone is typing in a cell) says why after a few seconds, then finishes", async () => {
  type Preview = { ldmPreview: { holdBatches(): void; releaseBatches(): void } };
  await page.evaluate(() => (window as unknown as Preview).ldmPreview.holdBatches());
  await page.getByRole("button", { name: "Vérifier la fiche" }).click();
  const hint = page.getByText(/Si une cellule est en cours de saisie dans Excel, validez-la \(Entrée\)/);
  await hint.waitFor({ timeout: 6_000 });
  await shot("07b-waiting-for-cell-edit");
  await page.evaluate(() => (window as unknown as Preview).ldmPreview.releaseBatches());
  await hint.waitFor({ state: "detached" });
}, 60_000);

test("every control of the pane is reached and used with the keyboard alone", async () => {
  await page.getByRole("tab", { name: "C3 Réponses pédagogiques" }).click();
  await page.locator("main").getByRole("button", { name: "Vérifier la fiche" }).focus();
  const reached: string[] = [];
  for (let i = 0; i < 12; i++) {
    reached.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.closest("main") ? (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() : "";
      }),
    );
    await page.keyboard.press("Tab");
  }
  for (const name of [
    "Vérifier la fiche",
    "Vérifier tout le classeur",
    "Mettre à jour le classeur",
    "Préparer le bilan",
  ])
    expect(reached).toContain(name);
  expect(reached.some((r) => r.startsWith("Insérer : "))).toBe(true);
  // Entrée on a focused button acts: « Vérifier tout le classeur » by keyboard.
  await page.locator("main").getByRole("button", { name: "Vérifier tout le classeur" }).focus();
  await page.keyboard.press("Enter");
  await page
    .getByText(/^\d+ erreurs?, \d+ avertissements?, \d+ informations?$/)
    .first()
    .waitFor();
  // The findings are buttons too: reached by Tab, Entrée selects the cell.
  const first = page.locator("main button[data-rule]").first();
  await first.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    () =>
      !!(window as unknown as { ldmPreview: { host: { model: { selection?: { address: string } } } } }).ldmPreview.host
        .model.selection,
  );
}, 60_000);

test("a date typed into E11 of a count indicator is a date, said in a teacher's words (#27)", async () => {
  await page.getByRole("tab", { name: /^C4 / }).click();
  await page.getByRole("button", { name: "Vérifier la fiche" }).click();
  await page.locator("main h3", { hasText: /^C4 / }).waitFor();
  const bar = page.getByLabel("Contenu de la cellule");
  await page.locator('td[data-cell="D11"]').click();
  await bar.fill("Nombre d'élèves accueillis");
  await bar.press("Enter");
  await page.locator('td[data-cell="E11"]').click();
  await bar.fill("12/03/2026");
  await bar.press("Enter");
  // French Excel keeps the typed date as a day number with a date format: the grid shows the date.
  await expect(page.locator('td[data-cell="E11"]').textContent()).resolves.toBe("12/03/2026");
  await page
    .locator('main button[data-rule="value-type"]', { hasText: "une date (12/03/2026) à la place d'un nombre" })
    .waitFor();
  await shot("09-date");
}, 60_000);

test("3,000+ findings: grouped by sheet then row, paged, filtered; the pane stays under 2,000 elements (#27)", async () => {
  await page.evaluate((rows) => {
    type Cells = Map<string, { value: string; locked: boolean }>;
    const h = (window as unknown as { ldmPreview: { host: { model: { sheets: { name: string; cells: Cells }[] } } } })
      .ldmPreview.host;
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
  }, 100);
  await page.getByRole("button", { name: "Vérifier tout le classeur" }).click();
  const counts = page.locator("main").getByText(/^\d+ erreurs?, \d+ avertissements?, \d+ informations?$/);
  await counts.waitFor();
  await page.getByRole("button", { name: "Vérifier tout le classeur" }).and(page.locator(":enabled")).waitFor();
  const total = ((await counts.textContent()) ?? "").match(/\d+/g)?.reduce((a, b) => a + Number(b), 0) ?? 0;
  expect(total).toBeGreaterThanOrEqual(3000);
  const nodes = () => page.evaluate(() => document.querySelector("main")!.getElementsByTagName("*").length);
  expect(await nodes()).toBeLessThanOrEqual(2000);
  // One line per row, grouped under its sheet; the first lines open, the others one line each; more on demand.
  const rows = page.locator("main button[aria-expanded]");
  expect(await rows.count()).toBe(25);
  expect(await page.locator('main button[aria-expanded="true"]').count()).toBe(6);
  await expect(rows.nth(10).textContent()).resolves.toMatch(/^Ligne\u00a0\d+ \(\d+\u00a0constats?\)\u00a0: /);
  expect(await page.locator("main h3").allTextContents()).toContain("C1 Offre de formations");
  // The focus went to the list (its first control), not to the page's body.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SELECT");
  await shot("10-many-findings");
  await accessible("3 000 constats");
  await page.getByRole("button", { name: /^Afficher 25\slignes de plus/ }).click();
  expect(await rows.count()).toBe(50);
  expect(await nodes()).toBeLessThanOrEqual(2000);
  // A row opened by hand shows its findings, each a button that selects its cell.
  await rows.nth(30).click();
  await expect(rows.nth(30).getAttribute("aria-expanded")).resolves.toBe("true");
  // Filters: one rule, then one severity.
  await page.getByRole("combobox", { name: "Règle" }).selectOption("objective-unknown");
  const shown = page.locator("main button[data-rule]");
  await shown.first().waitFor();
  expect(new Set(await shown.evaluateAll((b) => b.map((x) => x.getAttribute("data-rule"))))).toEqual(
    new Set(["objective-unknown"]),
  );
  await page.getByRole("combobox", { name: "Règle" }).selectOption("");
  await page.getByRole("combobox", { name: "Gravité" }).selectOption("warning");
  await shown.first().waitFor();
  expect(new Set(await shown.evaluateAll((b) => b.map((x) => x.getAttribute("data-rule"))))).not.toContain(
    "axis-unknown",
  );
  await page.getByRole("combobox", { name: "Gravité" }).selectOption("");
}, 120_000);

test("Office's dark theme: the pane is dark, and still passes axe (contrast included)", async () => {
  const light = page;
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("request", (r) => requests.push(r.url()));
  try {
    await page.goto(`${base}/preview.html?theme=dark`);
    await page.getByRole("searchbox", { name: "Établissement" }).waitFor();
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector("main")!.parentElement!).backgroundColor,
    );
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await shot("08-dark");
    await accessible("thème sombre");
  } finally {
    await page.close();
    page = light;
  }
}, 60_000);

test.each([
  [320, "light"],
  [450, "light"],
  [320, "dark"],
  [450, "dark"],
])(
  "axe-core, every impact, at %i px %s: the first run, the workspace, 3,000 findings, the bilan (#27)",
  async (width, theme) => {
    const p = await browser.newPage({ viewport: { width: width as number, height: 800 } });
    p.setDefaultTimeout(15_000);
    p.on("request", (r) => requests.push(r.url()));
    const audit = async (screen: string) => {
      if (!(await p.evaluate(() => "axe" in window))) await p.addScriptTag({ url: `${base}/axe.min.js` });
      const violations = await p.evaluate(async () => {
        type Result = { id: string; impact: string; nodes: { target: string[] }[] };
        const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Result[] }> } })
          .axe;
        const r = await axe.run({ include: [["main"]] }, { resultTypes: ["violations"] });
        return r.violations.map((v) => `${v.id} (${v.impact}) : ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
      expect({ screen, violations }).toEqual({ screen, violations: [] });
    };
    try {
      await p.goto(`${base}/preview.html${theme === "dark" ? "?theme=dark" : ""}`);
      const search = p.getByRole("searchbox", { name: "Établissement" });
      await search.fill("beau de rochas");
      await p.getByRole("button", { name: /0040007L/ }).click();
      // The school chosen, the focus is on the next field, not lost with the list.
      await p.waitForFunction(() => document.activeElement?.tagName === "INPUT");
      expect(await p.getByLabel("Chef d'établissement").evaluate((e) => e === document.activeElement)).toBe(true);
      await audit("premier lancement");
      // Nothing scrolls sideways: the pane follows the viewport.
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width as number);
      await p.getByRole("button", { name: "Générer les fiches" }).click();
      const checkAll = p.getByRole("button", { name: "Vérifier tout le classeur" });
      await checkAll.and(p.locator(":enabled")).waitFor();
      // After « Générer », the focus is on the workspace's first button, not lost to the page.
      await expect(p.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Vérifier la fiche");
      await audit("classeur créé");
      // The native « version finale » box follows the theme (it stayed white on the dark pane, #27).
      const finalBox = p.getByRole("checkbox", { name: /^Version finale/ });
      expect(await finalBox.evaluate((e) => getComputedStyle(e).colorScheme)).toBe(theme);
      await p.screenshot({ path: path.join(SCREENS, `13-workspace-${width}-${theme}.png`) });
      await p.evaluate(() => {
        type Cells = Map<string, { value: string; locked: boolean }>;
        const h = (
          window as unknown as { ldmPreview: { host: { model: { sheets: { name: string; cells: Cells }[] } } } }
        ).ldmPreview.host;
        for (const s of h.model.sheets)
          if (/^C\d /.test(s.name))
            for (let r = 10; r < 110; r++) {
              s.cells.set(`A${r}`, { value: `axe faux ${r}`, locked: false });
              s.cells.set(`E${r}`, { value: "beaucoup", locked: false });
            }
      });
      await checkAll.click();
      await p.locator("main button[aria-expanded]").first().waitFor();
      await checkAll.and(p.locator(":enabled")).waitFor();
      await audit("constats");
      await p.screenshot({ path: path.join(SCREENS, `11-findings-${width}-${theme}.png`) });
      await p.getByRole("button", { name: "Préparer le bilan" }).click();
      await p.getByRole("button", { name: "Imprimer ou enregistrer en PDF" }).waitFor();
      // Opened: the focus is on « Imprimer »; closed: back on « Préparer le bilan ».
      await expect(p.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
        "Imprimer ou enregistrer en PDF",
      );
      await audit("bilan");
      await p.getByRole("button", { name: "Fermer le bilan" }).click();
      await expect(p.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Préparer le bilan");
    } finally {
      await p.close();
    }
  },
  120_000,
);

test("no request leaves localhost", () => {
  expect(requests.length).toBeGreaterThan(0);
  const foreign = requests.filter((u) => !u.startsWith(base) && !u.startsWith("data:"));
  expect(foreign).toEqual([]);
});
