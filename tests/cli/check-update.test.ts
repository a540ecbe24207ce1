/** `ldm-fiches check` and `update`, run as a user runs them: the real bin, in a child process. */
import { execFileSync, spawnSync } from "child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { REAL_WORLD_XLSX, REPO } from "../helpers/paths";
import { editWithOpenpyxl, openpyxlDump, SYSTEM_PYTHON } from "../helpers/python";

const BIN = path.join(REPO, "bin/ldm-fiches.js");
const dir = mkdtempSync(path.join(tmpdir(), "ldm-cli2-"));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: REPO, stdio: "pipe" });
  expect(run(["generate", "--uai", "0040007L", "--head", "Mme Dupont", "--out", "fiches.xlsx"]).code).toBe(0);
  // A school's work, typed through an independent writer (openpyxl).
  editWithOpenpyxl(
    path.join(dir, "fiches.xlsx"),
    [
      "c1 = wb[[n for n in wb.sheetnames if n.startswith('C1 ')][0]]",
      "c1['A10'] = 'Un axe inventé'",
      "c1['D10'] = 'Nombre de partenaires'",
      "c1['E10'] = 'beaucoup'",
      "c1['G10'] = '<img src=x onerror=alert(1)>'",
    ],
    path.join(dir, "rempli.xlsx"),
  );
}, 120_000);

test("check: findings grouped by sheet, a summary line, exit 1 when there are errors", () => {
  const r = run(["check", "rempli.xlsx"]);
  expect(r.code).toBe(1);
  expect(r.err).toBe("");
  const lines = r.out.trimEnd().split("\n");
  expect(lines[0]).toBe("rempli.xlsx");
  expect(lines).toContain("  C1 Offre de formations");
  expect(r.out).toMatch(/✖ A10 +L'axe « Un axe inventé » n'est dans aucune liste/);
  expect(r.out).toMatch(
    /✖ E10 +« beaucoup » ne convient pas à l'indicateur « Nombre de partenaires », qui attend un nombre entier positif ou nul\. +\[valeur d.un autre type · value-type\]/,
  );
  expect(lines[lines.length - 1]).toMatch(/^ {2}Résumé : \d+ erreurs, \d+ avertissements?, \d+ informations?\.$/);
});

test("check --json: the same findings as data; --sheet narrows to one sheet", () => {
  const r = run(["check", "rempli.xlsx", "--json", "--sheet", "C1 Offre de formations"]);
  expect(r.code).toBe(1);
  const [report] = JSON.parse(r.out) as { file: string; findings: { sheet: string; rule: string; cell: string }[] }[];
  expect(report.file).toBe("rempli.xlsx");
  expect(new Set(report.findings.map((f) => f.sheet))).toEqual(new Set(["C1 Offre de formations"]));
  expect(report.findings).toEqual(
    expect.arrayContaining([expect.objectContaining({ rule: "axis-unknown", cell: "A10" })]),
  );
  const bad = run(["check", "rempli.xlsx", "--sheet", "Nulle part"]);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/^rempli\.xlsx : Feuille « Nulle part » introuvable/);
});

test("check of a batch: an unreadable file gets one line and exit 2, the others are still checked", () => {
  writeFileSync(path.join(dir, "pas-un-classeur.xlsx"), "bonjour");
  copyFileSync(path.join(REAL_WORLD_XLSX, "missing-bits.xlsx"), path.join(dir, "missing-bits.xlsx"));
  const r = run(["check", "pas-un-classeur.xlsx", "rempli.xlsx", "missing-bits.xlsx", "absent.xlsx"]);
  expect(r.code).toBe(2);
  const errLines = r.err.trimEnd().split("\n");
  expect(errLines).toHaveLength(3);
  expect(errLines[0]).toMatch(/^pas-un-classeur\.xlsx : /);
  expect(errLines[2]).toBe("absent.xlsx : Impossible de lire « absent.xlsx » : fichier ou dossier introuvable.");
  expect(r.out).toMatch(/Total : 4 fichiers dont 3 non vérifié\(s\)/);
  expect(r.out).toContain("rempli.xlsx");
});

test("update: restores what was broken, writes through a temporary file, a second update changes nothing", () => {
  editWithOpenpyxl(path.join(dir, "rempli.xlsx"), [
    "del wb[[n for n in wb.sheetnames if n.startswith('C4 ')][0]]",
    "c3 = wb[[n for n in wb.sheetnames if n.startswith('C3 ')][0]]",
    "c3.data_validations.dataValidation = []",
  ]);
  const r = run(["update", "rempli.xlsx", "--audit-year", "2029"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(r.out).toContain("Feuille « C4 Partenariats » recréée.");
  expect(r.out).toContain(
    "4 listes déroulantes restaurées sur C3 Réponses pédagogiques (A10:A109, B10:B109, I10:I109, J10:J109).",
  );
  expect(r.out).toContain("Paramètres!B7 ← 2029.");
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  const dump = openpyxlDump(path.join(dir, "rempli.xlsx"), ["C1 Offre de formations", "Paramètres"]);
  const c1 = dump.sheets.find((s) => s.title.startsWith("C1 "));
  expect(c1?.cells?.A10).toBe("Un axe inventé");
  expect(c1?.cells?.G10).toBe("<img src=x onerror=alert(1)>");
  expect(dump.sheets.find((s) => s.title === "Paramètres")?.cells?.B7).toBe(2029);
  expect(dump.sheets.map((s) => s.title)).toContain("C4 Partenariats");
  // The recreated fiche prints as a generated one: its rows, the page and the date on each page.
  const c4 = dump.sheets.find((s) => s.title === "C4 Partenariats");
  expect([c4?.printArea].flat()).toEqual(["$A$1:$G$109"]);
  expect(c4?.footer).toEqual(["Fiches LDM", "Page &P / &N", "Imprimé le &D"]);
  // A reader that does not recalculate (openpyxl, LibreOffice opening the file) shows the new year on every fiche.
  const shown = execFileSync(
    SYSTEM_PYTHON,
    [
      "-c",
      "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1], data_only=True)\nprint('|'.join(str(wb[n]['F8'].value) for n in wb.sheetnames if n[:1] == 'C' and n[1:2].isdigit()))",
      path.join(dir, "rempli.xlsx"),
    ],
    { encoding: "utf8" },
  );
  expect(shown.trim().split("|")).toEqual(Array(8).fill("Année de l'audit : 2029"));
  const again = run(["update", "rempli.xlsx"]);
  expect(again.out).toBe("rempli.xlsx : rien à mettre à jour, le classeur est conforme.\n");
  const check = JSON.parse(run(["check", "rempli.xlsx", "--json"]).out) as { findings: { rule: string }[] }[];
  expect(
    check[0].findings.filter((f) => ["sheet-missing", "lists-damaged", "validation-missing"].includes(f.rule)),
  ).toEqual([]);
});

test("update: a workbook of the previous version gets « Sens des indicateurs », typeable, and the school's word counts", () => {
  // The previous version's workbook: no direction section, drop-down, names or list; no Synthèse column M.
  execFileSync(SYSTEM_PYTHON, [
    "-c",
    [
      "import sys, openpyxl",
      "from openpyxl.styles import Protection",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "p = wb['Paramètres']",
      "for a in ['A65', 'A66', 'B66', 'C66']: p[a].value = None",
      "for r in range(67, 87):",
      "    for c in 'BC': p[f'{c}{r}'].protection = Protection(locked=True)",
      "p.data_validations.dataValidation = [v for v in p.data_validations.dataValidation if 'C67' not in str(v.sqref)]",
      "for n in ['SensIndicateurs', 'ChoixSens']: del wb.defined_names[n]",
      "for a in ['R1', 'R2', 'R3']: wb['Listes'][a].value = None",
      "for r in range(4, 13): wb['Synthèse'][f'M{r}'].value = None",
      "c2 = wb[[n for n in wb.sheetnames if n.startswith('C2 ')][0]]",
      "c2['A10'], c2['B10'], c2['C10'] = 'x', 'y', 'z'",
      "c2['D10'], c2['E10'], c2['F10'] = 'Taux de retard en cours', 30, 20",
      "wb.save(sys.argv[2])",
    ].join("\n"),
    path.join(dir, "fiches.xlsx"),
    path.join(dir, "ancien.xlsx"),
  ]);
  const before = openpyxlDump(path.join(dir, "ancien.xlsx"), ["Paramètres"]);
  expect(before.sheets.find((s) => s.title === "Paramètres")?.unlocked).not.toContain("B67");
  const r = run(["update", "ancien.xlsx"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const dump = openpyxlDump(path.join(dir, "ancien.xlsx"), ["Paramètres", "Synthèse"]);
  const p = dump.sheets.find((s) => s.title === "Paramètres");
  expect(p?.cells?.A65).toBe("Sens des indicateurs");
  expect(p?.unlocked).toEqual(expect.arrayContaining(["B67", "C67", "C86"]));
  expect(p?.validations).toEqual(
    expect.arrayContaining([expect.objectContaining({ sqref: "C67:C86", type: "list", formula1: "ChoixSens" })]),
  );
  expect(dump.names.ChoixSens).toBe("Listes!$R$2:$R$3");
  expect(dump.names.SensIndicateurs).toBe("'Paramètres'!$B$67:$C$86");
  expect(run(["update", "ancien.xlsx"]).out).toBe("ancien.xlsx : rien à mettre à jour, le classeur est conforme.\n");
  // « Taux de retard » : lower is progress, 30 → 20 is fine; the school says otherwise, and the check follows.
  const wrongWay = () =>
    (
      JSON.parse(run(["check", "ancien.xlsx", "--json"]).out) as { findings: { rule: string; cell: string }[] }[]
    )[0].findings
      .filter((f) => f.rule === "indicator-wrong-way")
      .map((f) => f.cell);
  expect(wrongWay()).toEqual([]);
  editWithOpenpyxl(path.join(dir, "ancien.xlsx"), [
    "wb['Paramètres']['B67'] = 'Taux de retard en cours'",
    "wb['Paramètres']['C67'] = 'Une hausse est un progrès'",
  ]);
  expect(wrongWay()).toEqual(["F10"]);
});

test("a paste that locked input cells: check says so, update unlocks them and keeps what was typed", () => {
  execFileSync(SYSTEM_PYTHON, [
    "-c",
    [
      "import sys, openpyxl",
      "from openpyxl.styles import Protection, PatternFill",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "c5 = wb[[n for n in wb.sheetnames if n.startswith('C5 ')][0]]",
      // What a paste from another workbook brings: its value, its fill, and its « locked » format.
      "for a in ['C12', 'C13', 'D12']:",
      "    c5[a] = 'collé'",
      "    c5[a].protection = Protection(locked=True)",
      "    c5[a].fill = PatternFill('solid', fgColor='FF0000')",
      "wb.save(sys.argv[2])",
    ].join("\n"),
    path.join(dir, "fiches.xlsx"),
    path.join(dir, "colle.xlsx"),
  ]);
  const check = JSON.parse(run(["check", "colle.xlsx", "--json"]).out) as {
    findings: { rule: string; cell: string; sheet: string; message: string }[];
  }[];
  const locked = check[0].findings.filter((f) => f.rule === "input-locked");
  expect(locked.map((f) => [f.sheet, f.cell])).toEqual([["C5 Actions culturelles", "A10:G109"]]);
  expect(locked[0].message).toContain("une partie des cellules de saisie sont verrouillées");
  const r = run(["update", "colle.xlsx"]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("1 zone de saisie remise en forme et déverrouillée sur C5 Actions culturelles (A10:G109).");
  const dump = openpyxlDump(path.join(dir, "colle.xlsx"), ["C5 Actions culturelles"]);
  const c5 = dump.sheets.find((s) => s.title === "C5 Actions culturelles");
  expect(c5?.unlocked).toEqual(expect.arrayContaining(["C12", "C13", "D12", "A10", "G109"]));
  expect([c5?.cells?.C12, c5?.cells?.C13, c5?.cells?.D12]).toEqual(["collé", "collé", "collé"]);
  expect(run(["update", "colle.xlsx"]).out).toBe("colle.xlsx : rien à mettre à jour, le classeur est conforme.\n");
});

test("update: unreadable input is one line and exit 2, and the file is left as it was", () => {
  writeFileSync(path.join(dir, "casse.xlsx"), "PK\u0003\u0004 pas vraiment");
  const before = readFileSync(path.join(dir, "casse.xlsx"));
  const r = run(["update", "casse.xlsx"]);
  expect(r.code).toBe(2);
  expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  expect(r.err).toMatch(/^casse\.xlsx : /);
  expect(readFileSync(path.join(dir, "casse.xlsx")).equals(before)).toBe(true);
  expect(run(["update", "casse.xlsx", "--audit-year", "1999"]).code).toBe(2);
});

test("check over many files: one worker per core, the same JSON as one after the other, in the files' order", () => {
  const many = mkdtempSync(path.join(tmpdir(), "ldm-many-"));
  const files = Array.from({ length: 24 }, (_, i) => path.join(many, `f${String(i).padStart(2, "0")}.xlsx`));
  files.forEach((f, i) => copyFileSync(path.join(dir, i % 3 === 0 ? "rempli.xlsx" : "fiches.xlsx"), f));
  const once = (env: Record<string, string>) =>
    spawnSync(process.execPath, [BIN, "check", "--json", ...files], {
      cwd: many,
      encoding: "utf8",
      env: { ...process.env, ...env },
    });
  const sequential = once({ LDM_CHECK_WORKERS: "1" });
  const pooled = once({});
  expect(pooled.status).toBe(sequential.status);
  expect(pooled.stderr).toBe("");
  expect(pooled.stdout).toBe(sequential.stdout);
  expect((JSON.parse(pooled.stdout) as { file: string }[]).map((r) => r.file)).toEqual(files);
});

test("check over several files shows its progress on a terminal only", async () => {
  await import("../../src/domain/establishments/all");
  const { checkCommand } = await import("../../src/cli/check");
  const screen: string[] = [];
  const out: string[] = [];
  const files = [path.join(dir, "fiches.xlsx"), path.join(dir, "fiches.xlsx")];
  await checkCommand(["--json", ...files], {
    out: (l) => (out.push(l), screen.push("report")),
    err: () => undefined,
    progress: (l) => screen.push(l),
  });
  // Each report as soon as it is checked; the progress line wiped before a report is written, and at the end.
  expect(screen).toEqual([
    "report",
    "report",
    "1 / 2 fichiers vérifiés",
    "",
    "report",
    "report",
    "2 / 2 fichiers vérifiés",
    "",
  ]);
  // Without a terminal (no progress), the output is the JSON alone.
  const plain: string[] = [];
  await checkCommand(["--json", ...files], { out: (l) => plain.push(l), err: () => undefined });
  expect(plain).toEqual(out);
});

test("update: a workbook of the previous version gains the follow-up block, label year and Guide, typed cells byte for byte", () => {
  const old = path.join(dir, "ancien.xlsx");
  // As the previous version wrote it: no follow-up columns (I–S), no label year, no Guide sheet, no choice lists.
  editWithOpenpyxl(
    path.join(dir, "fiches.xlsx"),
    [
      "import re",
      "for ws in wb.worksheets:",
      "    if re.match(r'C[1-8] ', ws.title):",
      "        ws['A10'] = 'Un axe de l\\'établissement'; ws['C10'] = 'Une action déjà menée'; ws['E10'] = 12",
      "        for rng in list(ws.merged_cells.ranges):",
      "            if rng.min_col >= 9: ws.unmerge_cells(str(rng))",
      "        for row in ws.iter_rows(min_row=1, max_row=120, min_col=9, max_col=19):",
      "            for c in row: c.value = None",
      "        ws.data_validations.dataValidation = [v for v in ws.data_validations.dataValidation if not str(v.sqref).startswith(('I', 'J'))]",
      "p = wb['Paramètres']; p['A8'] = None; p['B8'] = None",
      "del wb['Guide']",
      "for n in ['ChoixStatut', 'ChoixPerenne', 'AnneeLabel', 'LDM_Feuille_guide']:",
      "    if n in wb.defined_names: del wb.defined_names[n]",
    ],
    old,
  );
  const before = openpyxlDump(old, ["C3 Réponses pédagogiques"]).sheets.find((s) => s.title.startsWith("C3 "));
  const check = JSON.parse(run(["check", "ancien.xlsx", "--json"]).out) as {
    findings: { rule: string; sheet: string }[];
  }[];
  // The check announces what the update will add.
  expect(check[0].findings.filter((f) => f.rule === "structure-incomplete").map((f) => f.sheet)).toContain(
    "C3 Réponses pédagogiques",
  );
  const r = run(["update", "ancien.xlsx", "--out", "ancien-maj.xlsx"]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("Feuille « Guide » recréée.");
  const after = openpyxlDump(path.join(dir, "ancien-maj.xlsx"), ["C3 Réponses pédagogiques", "Paramètres"]);
  const c3 = after.sheets.find((s) => s.title.startsWith("C3 "));
  for (const [a, v] of Object.entries(before?.cells ?? {})) if (v !== null) expect([a, c3?.cells?.[a]]).toEqual([a, v]);
  expect(c3?.cells?.I7).toBe("Statut");
  expect(c3?.unlocked).toEqual(expect.arrayContaining(["I10", "S109"]));
  expect(after.sheets.find((s) => s.title === "Paramètres")?.cells?.A8).toMatch(/Année d'obtention du label/);
  expect(after.sheets.map((s) => s.title)).toContain("Guide");
  expect(run(["update", "ancien-maj.xlsx"]).out).toMatch(/rien à mettre à jour/);
});
