/**
 * `ldm-fiches dossier`: the labelling dossier written from a workbook filled as a school would (openpyxl), read
 * back by an independent reader (python-docx) table by table against the workbook's cells, and converted to PDF
 * by LibreOffice.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { dossierBlock } from "../../src/domain/blueprint/dossier-sheet";
import { REPO } from "../helpers/paths";
import { editWithOpenpyxl, openpyxlDump, SYSTEM_PYTHON } from "../helpers/python";

const BIN = path.join(REPO, "bin/ldm-fiches.js");
const dir = mkdtempSync(path.join(tmpdir(), "ldm-dossier-"));
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });

interface Dump {
  paragraphs: { style: string | null; text: string }[];
  tables: { text: string; span: number }[][][];
  core: { title: string; author: string };
  sections: { header: string; footer: string }[];
}

const dump = (docx: string): Dump =>
  JSON.parse(
    execFileSync(SYSTEM_PYTHON, [path.join(REPO, "tests/helpers/docx_dump.py"), path.join(dir, docx)], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as Dump;

/** The table whose first cell reads `first`, as rows of texts. */
function table(d: Dump, first: string | RegExp): string[][] {
  const t = d.tables.find((rows) => {
    const text = rows[0]?.[0]?.text ?? "";
    return typeof first === "string" ? text === first : first.test(text);
  });
  if (!t) throw new Error(`no table starting with ${String(first)}`);
  return t.map((row) => row.map((c) => c.text));
}

const B = dossierBlock(3);
const HOSTILE = "=SUM(A1) <b>gras</b> & { PAGE }";

beforeAll(() => {
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: REPO, stdio: "pipe" });
  expect(run(["generate", "--uai", "0040007L", "--audit-year", "2030", "--out", "fiches.xlsx"]).status).toBe(0);
  editWithOpenpyxl(
    path.join(dir, "fiches.xlsx"),
    [
      "c3 = wb[[n for n in wb.sheetnames if n.startswith('C3 ')][0]]",
      "d = wb['Dossier']",
      "p = wb['Paramètres']",
      "p['B12'] = 'Mme Leroy'",
      // An action over two rows (the second continues it: its « Actions » cell is empty), an engagement.
      "c3['A10'] = 'Un axe'; c3['B10'] = 'Réduire les sorties sans diplôme'; c3['C10'] = 'Tutorat entre pairs'",
      "c3['D10'] = 'Nombre d’élèves tutorés'; c3['E10'] = 12; c3['F10'] = 30",
      "c3['I10'] = 'Action'; c3['J10'] = 'oui'; c3['K10'] = '3 ans'",
      "c3['L10'] = 15; c3['N10'] = 22; c3['P10'] = 31; c3['Q10'] = 31; c3['R10'] = 'Des élèves plus autonomes'",
      "c3['S10'] = 'Compte rendu du CA ; https://ent.example.fr/cr.pdf'",
      "c3['D11'] = 'Taux de réussite des tutorés'; c3['E11'] = 0.7; c3['E11'].number_format = '0%'",
      "c3['A12'] = 'Un axe'; c3['B12'] = 'Écrire'; c3['C12'] = 'Atelier d’écriture'; c3['D12'] = 'Nombre d’ateliers'",
      "c3['E12'] = 5; c3['I12'] = 'Engagement'; c3['K12'] = '2 ans'",
      // The Dossier sheet: the school's context, criterion 3's parts, its team, the texts of its action.
      "d['B5'] = 'Un lycée de 600 élèves, en zone rurale.'",
      `d['B${B.part(0)}'] = 'Trop de sorties sans diplôme en seconde.'`,
      `d['B${B.part(1)}'] = 'Garder chaque élève jusqu’au diplôme.'`,
      `d['B${B.part(3)}'] = 'Axe 2 : la réussite de tous'`,
      `d['B${B.coordinator}'] = 'Martin'; d['C${B.coordinator}'] = 'Paul'; d['D${B.coordinator}'] = 'CPE'`,
      `d['B${B.firstMember}'] = 'Durand'; d['C${B.firstMember}'] = 'Anne'; d['D${B.firstMember}'] = 'Professeure de lettres'`,
      `d['A${B.firstAction}'] = 'Tutorat entre pairs'`,
      // Typed as text (openpyxl would store a string starting with « = » as a formula).
      `d['B${B.firstAction}'] = ${JSON.stringify(HOSTILE)}; d['B${B.firstAction}'].data_type = 's'`,
      `d['C${B.firstAction}'] = '2 heures par semaine'; d['D${B.firstAction}'] = 'De septembre à juin'`,
      `d['G${B.firstAction}'] = 'L’engagement des tuteurs'; d['H${B.firstAction}'] = 'Le suivi des absences'`,
      `d['I${B.firstAction}'] = 'À poursuivre'`,
      `d['A${B.firstAction + 1}'] = 'Action fantôme'; d['B${B.firstAction + 1}'] = 'Texte gardé'`,
    ],
    path.join(dir, "rempli.xlsx"),
  );
}, 120_000);

test("the guide's tables, filled from the workbook's cells, read back by python-docx", () => {
  const r = run(["dossier", "rempli.xlsx"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(
    /^Dossier écrit : rempli-dossier\.docx \(version de travail ; 2 action\(s\) et engagement\(s\) ; \d+ partie\(s\) « À compléter », listées en première page\)\.\n$/,
  );
  const d = dump("rempli-dossier.docx");
  // The school as a letter names it, not the directory's upper-case string.
  expect(d.core.author).toBe("Lycée professionnel Beau de Rochas, Digne-les-Bains");
  expect(d.sections[0].header).toBe(
    "Dossier de labellisation Lycée des métiers — Lycée professionnel Beau de Rochas, Digne-les-Bains",
  );
  const headings = d.paragraphs.filter((p) => p.style?.startsWith("Heading")).map((p) => `${p.style}: ${p.text}`);
  expect(headings).toEqual(
    expect.arrayContaining([
      "Heading 1: Ce qu'il reste à compléter avant l'audit",
      "Heading 1: L'établissement",
      "Heading 2: CRITÈRE 3 : ACTION 1 — Tutorat entre pairs",
      "Heading 2: CRITÈRE 3 : ENGAGEMENT 1 — Atelier d’écriture",
      "Heading 1: Annexe : éléments de preuve",
    ]),
  );
  // In the guide's order: the criterion's parts, then its action, then its engagement.
  const at = (h: string) => headings.indexOf(h);
  expect(at("Heading 2: CRITÈRE 3 : ACTION 1 — Tutorat entre pairs")).toBeGreaterThan(
    headings.findIndex((h) => h.startsWith("Heading 1: Critère 3 —")),
  );
  // The school's part, typed, and the required ones left empty, « À compléter »; the optional one « — ».
  expect(table(d, "Contexte de l'établissement et ses particularités")).toEqual([
    ["Contexte de l'établissement et ses particularités", "Un lycée de 600 élèves, en zone rurale."],
    ["Articulation avec l'auto-évaluation de l'établissement", "À compléter"],
    ["Articulation avec le projet d'établissement", "À compléter"],
    ["Articulation avec le contrat d'objectifs tripartite", "À compléter"],
    ["Articulation avec les autres labels", "—"],
  ]);
  expect(table(d, "Critère 3").slice(1)).toEqual([
    ["ÉTAT DES LIEUX DU CRITÈRE 3"],
    ["Trop de sorties sans diplôme en seconde."],
    ["OBJECTIF GÉNÉRAL DU CRITÈRE 3"],
    ["Garder chaque élève jusqu’au diplôme."],
  ]);
  expect(table(d, "TRANSVERSALITÉ DE LA DÉMARCHE QUALITÉ : CRITÈRE 3")[2]).toEqual([
    "Axe du projet d'établissement",
    "Axe 2 : la réussite de tous",
  ]);
  expect(table(d, "ÉQUIPE CRITÈRE 3")).toEqual([
    ["ÉQUIPE CRITÈRE 3", "Nom", "Prénom", "Fonction"],
    ["Coordonnateur critère 3", "Martin", "Paul", "CPE"],
    ["Membres équipe critère 3", "Durand", "Anne", "Professeure de lettres"],
  ]);
  // Criterion 1: no coordinator typed, the referent of Paramètres is none either: « À compléter ».
  expect(table(d, "ÉQUIPE CRITÈRE 1")[1]).toEqual(["Coordonnateur critère 1", "À compléter", "—", "—"]);
  // The action: its row's cells, its two indicators (one objective, merged), the years of the action (« 3 ans »
  // from N: 2025-2027), every year's measure and the audit's result beside them.
  const action = d.tables.findIndex((t) => t[0]?.[1]?.text === "Tutorat entre pairs");
  const rows = (i: number) => d.tables[i].map((row) => row.map((c) => c.text));
  expect(rows(action)).toEqual([
    ["Dénomination", "Tutorat entre pairs"],
    ["Durée action", "3 ans (2025-2027)", "Action pérenne", "oui"],
    ["Description", HOSTILE],
    ["Éléments de preuve", "P1, P2 (annexe des éléments de preuve)"],
  ]);
  expect(rows(action + 1)).toEqual([
    ["OBJECTIFS INDICATEURS ÉVALUATION"],
    ["Objectifs", "Indicateurs", "Mesure début (2025)", "Mesure suivi (2026)", "Mesure fin (2027)", "Plus-value"],
    ["Réduire les sorties sans diplôme", "Nombre d’élèves tutorés", "12", "15", "—", "Des élèves plus autonomes"],
    [
      "",
      "Chaque année : 2025 : 12 · 2026 : 15 · 2027 : — · 2028 : 22 · 2029 : — · 2030 : 31 · résultat à l'audit (2030) : 31 · cible 2030 : 30",
    ],
    ["", "Taux de réussite des tutorés", "70 %", "—", "—", "—"],
    [
      "",
      "Chaque année : 2025 : 70 % · 2026 : — · 2027 : — · 2028 : — · 2029 : — · 2030 : — · résultat à l'audit (2030) : — · cible 2030 : —",
    ],
  ]);
  expect(rows(action + 2)).toEqual([
    ["MISE EN ŒUVRE (moyens engagés, calendrier, lieux, modalités d'organisation)"],
    ["Moyens engagés", "Calendrier", "Lieux", "Modalités d'organisation"],
    ["2 heures par semaine", "De septembre à juin", "—", "—"],
  ]);
  expect(rows(action + 3)).toEqual([
    ["Points forts", "Axes de progrès", "Conclusion"],
    ["L’engagement des tuteurs", "Le suivi des absences", "À poursuivre"],
  ]);
  // The engagement: its measure at N, its animateur and texts not typed: « À compléter ».
  expect(table(d, "PLANIFICATION - OBJECTIFS - INDICATEURS - ÉVALUATION")).toEqual([
    ["PLANIFICATION - OBJECTIFS - INDICATEURS - ÉVALUATION"],
    [
      "Animateur engagement",
      "Durée de l'action",
      "Objectifs",
      "Indicateurs",
      "Mesure à N (2025)",
      "Cible à l'audit (2030)",
    ],
    ["À compléter", "2 ans", "Écrire", "Nombre d’ateliers", "5", "—"],
  ]);
  // The evidence annex: each reference of the action numbered, the action named once (merged cell).
  expect(table(d, "N°")).toEqual([
    ["N°", "Action ou engagement", "Élément de preuve"],
    ["P1", "Action « Tutorat entre pairs »", "Compte rendu du CA"],
    ["P2", "", "https://ent.example.fr/cr.pdf"],
  ]);
});

test("the first page lists what is missing: the check's own list (rule dossier-incomplete), grouped", () => {
  const d = dump("rempli-dossier.docx");
  const texts = d.paragraphs.map((p) => p.text);
  const start = texts.indexOf("Ce qu'il reste à compléter avant l'audit");
  const end = texts.indexOf("Sommaire");
  const firstPage = texts.slice(start, end).join("\n");
  const check = JSON.parse(run(["check", "--json", "rempli.xlsx"]).stdout) as {
    findings: { rule: string; criterion?: number; message: string }[];
  }[];
  const dossier = check[0].findings.filter((f) => f.rule === "dossier-incomplete");
  expect(dossier.map((f) => f.criterion)).toEqual([undefined, 3]);
  // Each item the check lists is a line of the first page.
  for (const f of dossier)
    for (const item of f.message
      .replace(/^.*à compléter — /, "")
      .replace(/\.$/, "")
      .split(/ ; |, (?=l')/))
      expect(firstPage).toContain(item);
  expect(firstPage).toContain("l'engagement « Atelier d’écriture » : description, animateur, mise en œuvre");
  expect(firstPage).toContain("« Action fantôme » (ligne");
  // The check's errors are there too, by criterion (C1 … C8 without rows are « aucune action »).
  expect(firstPage).toContain("Critère 1 — ");
  expect(firstPage).toContain("aucune action ni engagement dans la fiche");
});

test("as PDF through LibreOffice; --criterion keeps one criterion", () => {
  const r = run(["dossier", "rempli.xlsx", "--out", "dossier.pdf", "--criterion", "C3"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const pdf = path.join(dir, "dossier.pdf");
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  const txt = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  expect(txt).toContain("CRITÈRE 3 : ACTION 1 — Tutorat entre pairs");
  expect(txt).toContain("CRITÈRE 3 : ENGAGEMENT 1 — Atelier d’écriture");
  expect(txt).not.toContain("ÉQUIPE CRITÈRE 1");
  expect(txt).toMatch(/Page 1 \/ \d+/);
}, 120_000);

test("a blank workbook gives a dossier of « À compléter », not an error", () => {
  const r = run(["dossier", "fiches.xlsx", "--out", "vide.docx"]);
  expect(r.status).toBe(0);
  const d = dump("vide.docx");
  expect(table(d, "Critère 5").slice(1)).toEqual([
    ["ÉTAT DES LIEUX DU CRITÈRE 5"],
    ["À compléter"],
    ["OBJECTIF GÉNÉRAL DU CRITÈRE 5"],
    ["À compléter"],
  ]);
  expect(d.paragraphs.map((p) => p.text)).toContain(
    "Aucune action ni engagement dans la fiche du critère : À compléter",
  );
});

test("bad input: one French line, exit 2, nothing written", () => {
  const cases: [string[], string][] = [
    [
      ["dossier", "rempli.xlsx", "--out", "dossier.txt"],
      "--out : « dossier.txt » doit se terminer par .docx ou .pdf.\n",
    ],
    [["dossier", "rempli.xlsx", "--criterion", "9"], "--criterion : « 9 » n'est pas un critère (1 à 8, ou C1 à C8).\n"],
    [["dossier", "absent.xlsx"], "Impossible de lire « absent.xlsx » : fichier ou dossier introuvable.\n"],
  ];
  for (const [args, stderr] of cases) {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(stderr);
  }
  writeFileSync(path.join(dir, "texte.xlsx"), "pas un classeur");
  const broken = run(["dossier", "texte.xlsx"]);
  expect(broken.status).toBe(2);
  expect(broken.stderr.trim().split("\n")).toHaveLength(1);
  expect(existsSync(path.join(dir, "texte-dossier.docx"))).toBe(false);
});

test("the update keeps every text typed on « Dossier » and restores its drop-downs; an older workbook gains the sheet", () => {
  // The dénomination drop-down of criterion 3 pasted over, the sheet's protection lifted.
  editWithOpenpyxl(
    path.join(dir, "rempli.xlsx"),
    [
      "d = wb['Dossier']",
      `d.data_validations.dataValidation = [v for v in d.data_validations.dataValidation if str(v.sqref) != 'A${B.firstAction}:A${B.lastAction}']`,
      "d.protection.sheet = False",
    ],
    path.join(dir, "abime.xlsx"),
  );
  const before = openpyxlDump(path.join(dir, "abime.xlsx"), ["Dossier"]).sheets.find((s) => s.title === "Dossier");
  const r = run(["update", "abime.xlsx"]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/Dossier/);
  const after = openpyxlDump(path.join(dir, "abime.xlsx"), ["Dossier"]).sheets.find((s) => s.title === "Dossier");
  expect(after?.cells).toEqual(before?.cells);
  expect(after?.protected).toBe(true);
  expect(after?.validations.map((v) => v.sqref)).toContain(`A${B.firstAction}:A${B.lastAction}`);
  // A workbook of the previous version, without « Dossier »: the check says so, the update adds it.
  editWithOpenpyxl(path.join(dir, "fiches.xlsx"), ["del wb['Dossier']"], path.join(dir, "ancien.xlsx"));
  expect(run(["check", "ancien.xlsx"]).stdout).toContain("La feuille Dossier est introuvable");
  expect(run(["update", "ancien.xlsx"]).stdout).toContain("Feuille « Dossier » recréée.");
  expect(run(["dossier", "ancien.xlsx"]).status).toBe(0);
}, 120_000);
