/** `ldm-fiches report`: the annual review, as HTML and as PDF, looked at page by page. */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { REPO } from "../helpers/paths";
import { editWithOpenpyxl } from "../helpers/python";

const BIN = path.join(REPO, "bin/ldm-fiches.js");
const dir = mkdtempSync(path.join(tmpdir(), "ldm-report-"));
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });

beforeAll(() => {
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: REPO, stdio: "pipe" });
  expect(run(["generate", "--uai", "0040007L", "--audit-year", "2028", "--out", "fiches.xlsx"]).status).toBe(0);
}, 120_000);

test("HTML by default, beside the workbook", () => {
  const r = run(["report", "fiches.xlsx"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toBe("Bilan écrit : fiches-bilan.html (0 critère(s) sur 8 prêts pour le COPIL).\n");
  const html = readFileSync(path.join(dir, "fiches-bilan.html"), "utf8");
  expect(html).toContain("0040007L — LYCEE PROFESSIONNEL LYCEE DES METIERS BEAU DE ROCHAS (DIGNE LES BAINS)");
});

const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);

test("a PDF a committee can read: cover, synthesis, a page per started criterion, one line per empty one, the rows to fix", () => {
  // A blank workbook: no near-blank page per criterion (before: 10 pages, 8 of them saying « aucune ligne »).
  expect(run(["report", "fiches.xlsx", "--out", "vide.pdf"]).status).toBe(0);
  expect(pages(path.join(dir, "vide.pdf"))).toBeLessThanOrEqual(4);
  editWithOpenpyxl(
    path.join(dir, "fiches.xlsx"),
    [
      "c1 = wb[[n for n in wb.sheetnames if n.startswith('C1 ')][0]]",
      "c1['A10'] = 'Un axe inventé'",
      "c1['B10'] = 'Un objectif'",
      "c1['C10'] = 'Une action'",
      "c1['D10'] = 'Nombre de partenaires'",
      "c1['E10'] = 3",
    ],
    path.join(dir, "commence.xlsx"),
  );
  const r = run(["report", "commence.xlsx", "--out", "bilan.pdf"]);
  expect(r.status).toBe(0);
  const pdf = path.join(dir, "bilan.pdf");
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  const txt = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  expect(txt).toContain("Bilan annuel des fiches d'amélioration");
  expect(txt).toContain("Critère 7 — La mise en place et le suivi d’actions");
  expect(txt).toMatch(/Critère 2 — [^\n]*\n(?:.*\n)?\s*Référent : à désigner · aucune ligne remplie/);
  // The started criterion lists what to fix before the committee, cell by cell.
  expect(txt).toContain("À corriger avant le comité");
  expect(txt).toMatch(/A10\s+L'axe « Un axe inventé » n'est dans aucune liste/);
  expect(pages(pdf)).toBeLessThanOrEqual(5);
  execFileSync("pdftoppm", ["-r", "40", "-png", "-f", "1", "-l", "2", pdf, path.join(dir, "page")]);
  expect(readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).length).toBe(2);
}, 120_000);

test("bad input: one French line, exit 2, nothing written", () => {
  const r = run(["report", "fiches.xlsx", "--out", "bilan.docx"]);
  expect(r.status).toBe(2);
  expect(r.stderr).toBe("--out : « bilan.docx » doit se terminer par .pdf ou .html.\n");
  const r2 = run(["report", "absent.xlsx"]);
  expect(r2.status).toBe(2);
  expect(r2.stderr).toBe("Impossible de lire « absent.xlsx » : fichier ou dossier introuvable.\n");
  expect(existsSync(path.join(dir, "absent-bilan.html"))).toBe(false);
});

test("the PDF tools are looked for where Windows and macOS install them, then on the PATH", () => {
  const { pdfTools } = require("../../src/cli/report") as typeof import("../../src/cli/report");
  const win = pdfTools("win32", { PROGRAMFILES: "C:\\Program Files", "PROGRAMFILES(X86)": "C:\\Program Files (x86)" });
  expect(win.browsers).toContain("C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe");
  expect(win.browsers).toContain("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");
  expect(win.offices).toContain("C:\\Program Files\\LibreOffice\\program\\soffice.exe");
  const mac = pdfTools("darwin", { PATH: "/opt/homebrew/bin" });
  expect(mac.browsers).toContain("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
  expect(mac.browsers).toContain("/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge");
  expect(mac.offices).toEqual(["/Applications/LibreOffice.app/Contents/MacOS/soffice", "/opt/homebrew/bin/soffice"]);
  const linux = pdfTools("linux", { PATH: "/snap/bin", LDM_NAVIGATEUR: "/opt/edge/msedge" });
  expect(linux.browsers[0]).toBe("/opt/edge/msedge");
  expect(linux.browsers).toContain("/snap/bin/chromium");
});
