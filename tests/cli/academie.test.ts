/**
 * `ldm-fiches academie` (#28), run as an académie runs it: the real bin over the workbooks of three schools of
 * one académie (one filled, one damaged, one untouched), a file that is not ours, a text file and a second
 * workbook of one school; the table read back by openpyxl, and each row compared with that file's own
 * `check --json` and Synthèse figures.
 */
import { execFileSync, spawnSync } from "child_process";
import { copyFileSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { synthesize } from "../../src/domain/synthesis";
import { CRITERIA } from "../../src/domain/referential/criteria";
import { readXlsx } from "../../src/workbook/xlsx/read";
import { REPO } from "../helpers/paths";
import { editWithOpenpyxl, SYSTEM_PYTHON } from "../helpers/python";
import { ESTABLISHMENTS } from "../helpers/establishments";

const BIN = path.join(REPO, "bin/ldm-fiches.js");
const dir = mkdtempSync(path.join(tmpdir(), "ldm-academie-"));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

type Cell = string | number | null;
/** Every sheet's rows as openpyxl reads them, plus what it says of the first sheet's filter, panes and formats. */
function readTable(file: string): {
  sheets: Record<string, Cell[][]>;
  filter: Record<string, string | null>;
  freeze: string | null;
  formats: number;
  charts: number;
} {
  const script = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
first = wb.worksheets[0]
print(json.dumps({
  "sheets": {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb},
  "filter": {ws.title: ws.auto_filter.ref for ws in wb},
  "freeze": first.freeze_panes,
  "formats": len(first.conditional_formatting),
  "charts": sum(len(ws._charts) for ws in wb),
}))`;
  return JSON.parse(
    execFileSync(SYSTEM_PYTHON, ["-c", script, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }),
  );
}

function records(rows: Cell[][]): Record<string, Cell>[] {
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? null])));
}

// Three LP/LPO of the académie d'Aix-Marseille (data/lycees-pro-lpo.csv).
const FILLED = "0040007L";
const DAMAGED = "0040011R";
const UNTOUCHED = "0040003G";

beforeAll(() => {
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: REPO, stdio: "pipe" });
  expect(
    run(["generate", "--uai", FILLED, "--head", "Mme Dupont", "--audit-year", "2028", "--out", "rempli.xlsx"]).code,
  ).toBe(0);
  expect(run(["generate", "--uai", DAMAGED, "--head", "M. Martin", "--out", "abime-source.xlsx"]).code).toBe(0);
  expect(run(["generate", "--uai", UNTOUCHED, "--out", "intact.xlsx"]).code).toBe(0);
  // The filled one: two rows on C1 and one on C2, followed (an action reaching its target, an engagement).
  const c1 = CRITERIA[0];
  const c2 = CRITERIA[1];
  const py = (s: string) => JSON.stringify(s);
  editWithOpenpyxl(path.join(dir, "rempli.xlsx"), [
    "sheet = lambda p: wb[[n for n in wb.sheetnames if n.startswith(p)][0]]",
    "p = wb['Paramètres']",
    "p['B8'] = 'candidature'",
    "c1 = sheet('C1 ')",
    `c1['A10'] = ${py(c1.axes[0].text)}`,
    `c1['B10'] = ${py(c1.objectives[0].text)}`,
    `c1['C10'] = ${py(c1.actions[0].text)}`,
    "c1['D10'] = 'Nombre de conventions de partenariat'",
    "c1['E10'] = 4",
    "c1['F10'] = 6",
    "c1['I10'] = 'Action'",
    "c1['L10'] = 5",
    "c1['Q10'] = 7",
    `c1['A11'] = ${py(c1.axes[0].text)}`,
    `c1['B11'] = ${py(c1.objectives[0].text)}`,
    "c1['C11'] = 'Une action de l’établissement'",
    "c1['D11'] = 'Nombre de stages'",
    "c1['E11'] = 10",
    "c1['F11'] = 12",
    "c1['I11'] = 'Engagement'",
    "c1['Q11'] = 8",
    "c2 = sheet('C2 ')",
    `c2['A10'] = ${py(c2.axes[0].text)}`,
    "c2['B10'] = 'Un objectif inventé'",
    "c2['D10'] = 'Taux de réussite'",
    "c2['E10'] = 'beaucoup'",
  ]);
  // The damaged one: a criterion sheet deleted, drop-downs pasted over, the lists shown (tests/helpers).
  execFileSync(SYSTEM_PYTHON, [
    path.join(REPO, "tests/helpers/make_corpus.py"),
    path.join(dir, "abime-source.xlsx"),
    path.join(dir, "abime.xlsx"),
  ]);
  // Not ours, not a workbook, and an older second workbook of the filled school.
  execFileSync(SYSTEM_PYTHON, [
    "-c",
    "import sys, openpyxl; wb = openpyxl.Workbook(); wb.active['A1'] = 'Budget'; wb.save(sys.argv[1])",
    path.join(dir, "budget.xlsx"),
  ]);
  writeFileSync(path.join(dir, "notes.xlsx"), "ceci n'est pas un classeur");
  copyFileSync(path.join(dir, "rempli.xlsx"), path.join(dir, "rempli-ancien.xlsx"));
  utimesSync(path.join(dir, "rempli-ancien.xlsx"), new Date(2020, 0, 1), new Date(2020, 0, 1));
}, 180_000);

const FILES = ["rempli-ancien.xlsx", "rempli.xlsx", "abime.xlsx", "intact.xlsx", "budget.xlsx", "notes.xlsx"];

test("one row per school, each equal to its own check and Synthèse; bad files and missing schools listed", () => {
  const r = run([
    "academie",
    ...FILES,
    "--out",
    "tableau.xlsx",
    "--academie",
    "Aix-Marseille",
    "--html",
    "tableau.html",
  ]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(r.out).toMatch(
    /^Tableau écrit : tableau\.xlsx et tableau\.html — 3 établissement\(s\), 3 fichier\(s\) non lu\(s\)/,
  );
  const t = readTable(path.join(dir, "tableau.xlsx"));
  expect(Object.keys(t.sheets)).toEqual([
    "Établissements",
    "Par critère",
    "Constats",
    "Fichiers non lus",
    "Sans classeur",
  ]);
  expect(t.freeze).toBe("A2");
  expect(t.filter["Établissements"]).toMatch(/^A1:[A-Z]+4$/);
  expect(t.filter["Constats"]).toMatch(/^A1:G\d+$/);
  expect(t.formats).toBeGreaterThan(0);
  expect(t.charts).toBe(1);

  const schools = records(t.sheets["Établissements"]);
  expect(schools.map((s) => s.UAI)).toEqual([FILLED, DAMAGED, UNTOUCHED]);
  expect(schools[0]["Fichier"]).toBe("rempli.xlsx");
  expect(schools[0]["Commune"]).toBe("DIGNE LES BAINS");
  expect(schools[0]["Année du label"]).toBe("candidature");
  expect(schools[0]["Année de l'audit"]).toBe(2028);
  const findings = records(t.sheets["Constats"]);
  for (const s of schools) {
    const file = String(s["Fichier"]);
    const check = JSON.parse(run(["check", file, "--json"]).out) as {
      counts: { error: number; warning: number };
      findings: { criterion?: number; severity: string; rule: string; cell: string; sheet: string }[];
    }[];
    const own = check[0];
    expect(s["Erreurs"]).toBe(own.counts.error);
    expect(s["Avertissements"]).toBe(own.counts.warning);
    expect(findings.filter((f) => f.UAI === s.UAI)).toHaveLength(own.findings.length);
    const synthesis = synthesize(readXlsx(readFileSync(path.join(dir, file))), {
      establishments: ESTABLISHMENTS,
      today: new Date(),
    });
    for (const c of synthesis.criteria) {
      const n = `C${c.criterion.number}`;
      expect(s[`${n} erreurs`]).toBe(
        own.findings.filter((f) => f.criterion === c.criterion.number && f.severity === "error").length,
      );
      expect(s[`${n} erreurs`]).toBe(c.counts.error);
      expect(s[`${n} actions`]).toBe(c.followUp.actions);
      expect(s[`${n} engagements`]).toBe(c.followUp.engagements);
      expect(s[`${n} cibles atteintes`]).toBe(c.followUp.targetsReached);
      expect(s[`${n} cibles manquées`]).toBe(c.followUp.targetsMissed);
      expect(s[`${n} prêt pour le COPIL`]).toBe(c.status === "prêt pour le COPIL" ? "oui" : "non");
    }
  }
  // The filled school's figures, as typed.
  expect(schools[0]["C1 actions"]).toBe(1);
  expect(schools[0]["C1 engagements"]).toBe(1);
  expect(schools[0]["C1 cibles atteintes"]).toBe(1);
  expect(schools[0]["C1 cibles manquées"]).toBe(1);
  expect(schools[0]["C2 erreurs"]).toBeGreaterThan(0);
  expect(schools[1]["Erreurs"]).toBeGreaterThan(schools[2]["Erreurs"] as number);

  const unread = records(t.sheets["Fichiers non lus"]);
  expect(unread.map((u) => u["Fichier"]).sort()).toEqual(["budget.xlsx", "notes.xlsx", "rempli-ancien.xlsx"]);
  const reason = (f: string) => String(unread.find((u) => u["Fichier"] === f)?.["Raison"]);
  expect(reason("budget.xlsx")).toMatch(/n'est pas un classeur de fiches Fiches LDM/);
  expect(reason("notes.xlsx")).toMatch(/illisible|pas un classeur/i);
  expect(reason("rempli-ancien.xlsx")).toMatch(
    /Deuxième classeur de l'établissement 0040007L : « rempli\.xlsx » est gardé/,
  );

  const missing = records(t.sheets["Sans classeur"]).map((m) => m.UAI);
  expect(missing).not.toContain(FILLED);
  expect(missing).not.toContain(UNTOUCHED);
  expect(missing).toContain("0040023D");
  expect(missing.length).toBeGreaterThan(50);

  // No staff names without --noms; the HTML page holds the same rows.
  const all = JSON.stringify(t.sheets);
  expect(all).not.toContain("Dupont");
  expect(all).not.toContain("Martin");
  const html = readFileSync(path.join(dir, "tableau.html"), "utf8");
  expect(html).toContain("<td>0040011R</td>");
  expect(html).not.toContain("Dupont");
  expect(html).toContain("<h2>Sans classeur");
  expect(html).not.toContain("<h2>Constats");
});

test("--noms adds the staff; a school of another académie is flagged; a wrong académie is refused", () => {
  const r = run(["academie", "rempli.xlsx", "intact.xlsx", "--out", "noms.xlsx", "--academie", "Lyon", "--noms"]);
  expect(r.code).toBe(0);
  const schools = records(readTable(path.join(dir, "noms.xlsx")).sheets["Établissements"]);
  expect(schools[0]["Chef d'établissement"]).toBe("Mme Dupont");
  expect(schools[0]["Remarques"]).toBe("Autre académie : AIX-MARSEILLE");
  const bad = run(["academie", "rempli.xlsx", "--out", "x.xlsx", "--academie", "Atlantide"]);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/^--academie : Académie inconnue : « Atlantide »/);
});
