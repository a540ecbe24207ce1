/**
 * Issue #25, « the dossier a head of school signs unchanged »: each action's measures in its own years (start,
 * middle, end of the action, not the workbook's calendar), every typed measure and audit result in the
 * dossier, the working version's list exactly the body's « À compléter », the final version (`--final`): the
 * guide's cover, no tool's name, refused while something is missing, a Sommaire with page numbers in the PDF,
 * numbered and linked evidence. Read back by python-docx; every part checked for WordprocessingML's order.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "fs";
import { dossierBlock } from "../../src/domain/blueprint/dossier-sheet";
import { REPO } from "../helpers/paths";
import { editWithOpenpyxl, SYSTEM_PYTHON } from "../helpers/python";

const BIN = path.join(REPO, "bin/ldm-fiches.js");
const dir = process.env.KEEP_DOSSIER ?? mkdtempSync(path.join(tmpdir(), "ldm-dossier-final-"));
mkdirSync(dir, { recursive: true });
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });

interface Dump {
  paragraphs: { style: string | null; text: string }[];
  tables: { text: string; span: number }[][][];
  core: { title: string; author: string };
  sections: { header: string; footer: string; first_page_footer: string }[];
}

const dump = (docx: string): Dump =>
  JSON.parse(
    execFileSync(SYSTEM_PYTHON, [path.join(REPO, "tests/helpers/docx_dump.py"), path.join(dir, docx)], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as Dump;

const texts = (t: { text: string }[][]) => t.map((row) => row.map((c) => c.text));

/** The tables of the action whose dénomination is `name`: its header table, then the objectives table. */
function actionTables(d: Dump, name: string): { header: string[][]; objectives: string[][] } {
  const i = d.tables.findIndex((t) => t[0]?.[0]?.text === "Dénomination" && t[0]?.[1]?.text === name);
  if (i < 0) throw new Error(`no action « ${name} »`);
  return { header: texts(d.tables[i]), objectives: texts(d.tables[i + 1]) };
}

const YEARS = "annees.xlsx";

/**
 * C3 of a workbook with audit year 2029: actions starting 2025, 2026 and 2027 (their durations name the years,
 * or count them), one with no measure after its start and no plus-value, an engagement with its audit target.
 * Columns: E = 2025 (N), L…P = 2026…2030, Q = result at the audit, R = plus-value, S = evidence.
 */
const C3_ROWS = [
  "c3 = wb[[n for n in wb.sheetnames if n.startswith('C3 ')][0]]",
  "def row(r, action, status, duration, values, result=None, added=None, evidence=None, target=None, objective='Réussir'):",
  "    c3[f'A{r}'] = 'Un axe'; c3[f'B{r}'] = objective; c3[f'C{r}'] = action; c3[f'D{r}'] = 'Nombre de ' + action",
  "    c3[f'I{r}'] = status; c3[f'K{r}'] = duration",
  "    if target is not None: c3[f'F{r}'] = target",
  "    for col, v in zip('ELMNOP', values):",
  "        if v is not None: c3[f'{col}{r}'] = v",
  "    if result is not None: c3[f'Q{r}'] = result",
  "    if added: c3[f'R{r}'] = added",
  "    if evidence: c3[f'S{r}'] = evidence",
  "row(10, 'Tutorat', 'Action', '2025-2027', [12, 15, 19, 21], result=24, added='Plus d’autonomie', target=30, evidence='Compte rendu du CA ; https://ent.example.fr/cr.pdf')",
  "row(11, 'Forum', 'Action', '2026-2028', [40, 41, 45, 50, 52], result=53, added='Des stages trouvés', target=55)",
  "row(12, 'Atelier', 'Action', 'depuis 2027, 3 ans', [5, None, 7, 9], result=11, added='Des écrits', target=10)",
  "row(13, 'Sans suivi', 'Action', '3 ans', [3])",
  "row(14, 'Projet', 'Engagement', '2 ans', [8], target=12)",
];

beforeAll(() => {
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: REPO, stdio: "pipe" });
  const g = run([
    "generate",
    "--uai",
    "0040007L",
    "--audit-year",
    "2029",
    "--head",
    "Mme Dupont",
    "--out",
    "f.xlsx",
    "--force",
  ]);
  expect(g.status).toBe(0);
  editWithOpenpyxl(path.join(dir, "f.xlsx"), C3_ROWS, path.join(dir, YEARS));
}, 120_000);

describe("each action's measures in its own years", () => {
  let d: Dump;
  beforeAll(() => {
    const r = run(["dossier", YEARS, "--out", "annees.docx"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    d = dump("annees.docx");
  });

  test("début, suivi, fin are the start, middle and end of the action, every year and the audit beside them", () => {
    const labels = (o: string[][]) => o[1].slice(2, 5);
    const tutorat = actionTables(d, "Tutorat");
    expect(tutorat.header[1]).toEqual(["Durée action", "2025-2027", "Action pérenne", "À compléter"]);
    expect(labels(tutorat.objectives)).toEqual(["Mesure début (2025)", "Mesure suivi (2026)", "Mesure fin (2027)"]);
    expect(tutorat.objectives[2]).toEqual(["Réussir", "Nombre de Tutorat", "12", "15", "19", "Plus d’autonomie"]);
    expect(tutorat.objectives[3]).toEqual([
      "",
      "Chaque année : 2025 : 12 · 2026 : 15 · 2027 : 19 · 2028 : 21 · 2029 : — · résultat à l'audit (2029) : 24 · cible 2029 : 30",
    ]);
    const forum = actionTables(d, "Forum");
    expect(labels(forum.objectives)).toEqual(["Mesure début (2026)", "Mesure suivi (2027)", "Mesure fin (2028)"]);
    expect(forum.objectives[2].slice(2, 5)).toEqual(["41", "45", "50"]);
    expect(forum.objectives[3][1]).toContain("2029 : 52 · résultat à l'audit (2029) : 53");
    const atelier = actionTables(d, "Atelier");
    expect(labels(atelier.objectives)).toEqual(["Mesure début (2027)", "Mesure suivi (2028)", "Mesure fin (2029)"]);
    // 2029 has no measure typed: the audit's result is the end measure.
    expect(atelier.objectives[2].slice(2, 5)).toEqual(["7", "9", "11"]);
    const none = actionTables(d, "Sans suivi");
    expect(none.header[1][1]).toBe("3 ans (2025-2027)");
    // The plus-value is asked once the audit year has come (2029): « — » before.
    expect(none.objectives[2].slice(2, 6)).toEqual(["3", "—", "—", "—"]);
  });

  test("the engagement shows its measure at N and its audit target; actions come before engagements", () => {
    const i = d.tables.findIndex((t) => t[0]?.[0]?.text === "PLANIFICATION - OBJECTIFS - INDICATEURS - ÉVALUATION");
    const t = texts(d.tables[i]);
    expect(t[1]).toEqual([
      "Animateur engagement",
      "Durée de l'action",
      "Objectifs",
      "Indicateurs",
      "Mesure à N (2025)",
      "Cible à l'audit (2029)",
    ]);
    expect(t[2].slice(1)).toEqual(["2 ans", "Réussir", "Nombre de Projet", "8", "12"]);
    const headings = d.paragraphs.filter((p) => p.style === "Heading 2").map((p) => p.text);
    const c3 = headings.filter((h) => h.startsWith("CRITÈRE 3"));
    expect(c3).toEqual([
      "CRITÈRE 3 : ACTION 1 — Tutorat",
      "CRITÈRE 3 : ACTION 2 — Forum",
      "CRITÈRE 3 : ACTION 3 — Atelier",
      "CRITÈRE 3 : ACTION 4 — Sans suivi",
      "CRITÈRE 3 : ENGAGEMENT 1 — Projet",
    ]);
  });

  test("every typed measure and every audit result appears in its year's column of the annex", () => {
    const annex = d.tables.find((t) => t[0]?.[0]?.text === "Action" && t[0]?.[1]?.text === "Indicateur");
    if (!annex) throw new Error("no annex of measures");
    const rows = texts(annex);
    expect(rows[0]).toEqual([
      "Action",
      "Indicateur",
      "2025",
      "2026",
      "2027",
      "2028",
      "2029",
      "Cible 2029",
      "Résultat 2029",
    ]);
    const byAction = Object.fromEntries(rows.slice(1).map((r) => [r[0], r.slice(2)]));
    expect(byAction["C3 · Tutorat"]).toEqual(["12", "15", "19", "21", "—", "30", "24"]);
    expect(byAction["C3 · Forum"]).toEqual(["40", "41", "45", "50", "52", "55", "53"]);
    expect(byAction["C3 · Atelier"]).toEqual(["5", "—", "7", "9", "—", "10", "11"]);
    expect(byAction["C3 · Projet"]).toEqual(["8", "—", "—", "—", "—", "12", "—"]);
  });

  test("rule action-evaluation-missing: an action with no measure after its start, and (audit year come) no plus-value", () => {
    type Check = { findings: { rule: string; cell: string; severity: string; message: string }[] }[];
    const found = (file: string) =>
      (JSON.parse(run(["check", "--json", file]).stdout) as Check)[0].findings.filter(
        (f) => f.rule === "action-evaluation-missing",
      );
    // Today (2026 or later) is past 2025, the audit (2029) to come: the missing measures, as information.
    const before = found(YEARS);
    expect(before.map((f) => [f.cell, f.severity, f.message])).toEqual([
      [
        "L13",
        "info",
        "Ligne 13 : l'action « Sans suivi » (2025-2027) n'a aucune mesure après 2025 (ni résultat à l'audit 2029) : le dossier de labellisation l'évalue au début, au milieu et à la fin de l'action.",
      ],
    ]);
    // The audit this year: a warning, and the plus-value is asked too (and written « À compléter »).
    const thisYear = new Date().getFullYear();
    editWithOpenpyxl(path.join(dir, YEARS), [`wb['Paramètres']['B7'] = ${thisYear}`], path.join(dir, "audit-now.xlsx"));
    const now = found("audit-now.xlsx").find((f) => f.cell === "L13");
    expect(now?.severity).toBe("warning");
    expect(now?.message).toContain("et aucune plus-value");
  });
});

describe("audit years N+1 … N+5: nothing after the audit printed as an empty column", () => {
  test.each([2026, 2027, 2028, 2029, 2030])(
    "audit %i",
    (audit) => {
      const file = `audit-${audit}.xlsx`;
      editWithOpenpyxl(path.join(dir, YEARS), [`wb['Paramètres']['B7'] = ${audit}`], path.join(dir, file));
      const r = run(["dossier", file, "--out", `audit-${audit}.docx`, "--criterion", "3"]);
      expect(r.status).toBe(0);
      const d = dump(`audit-${audit}.docx`);
      const annex = d.tables.find((t) => t[0]?.[0]?.text === "Action" && t[0]?.[1]?.text === "Indicateur");
      const years = Array.from({ length: audit - 2025 + 1 }, (_, i) => String(2025 + i));
      expect(texts(annex ?? [])[0]).toEqual(["Action", "Indicateur", ...years, `Cible ${audit}`, `Résultat ${audit}`]);
      // No action's columns name a year after the audit.
      for (const t of d.tables.filter((x) => x[0]?.[0]?.text === "OBJECTIFS INDICATEURS ÉVALUATION"))
        for (const label of texts(t)[1].slice(2, 5)) {
          const y = /\((\d{4})\)/.exec(label);
          if (y) expect(Number(y[1])).toBeLessThanOrEqual(audit);
        }
      const tutorat = actionTables(d, "Tutorat").objectives;
      const expected: Record<number, string[]> = {
        2026: ["Mesure début (2025)", "Mesure suivi", "Mesure fin (2026)", "12", "—", "15"],
        2027: ["Mesure début (2025)", "Mesure suivi (2026)", "Mesure fin (2027)", "12", "15", "19"],
        2028: ["Mesure début (2025)", "Mesure suivi (2026)", "Mesure fin (2027)", "12", "15", "19"],
        2029: ["Mesure début (2025)", "Mesure suivi (2026)", "Mesure fin (2027)", "12", "15", "19"],
        2030: ["Mesure début (2025)", "Mesure suivi (2026)", "Mesure fin (2027)", "12", "15", "19"],
      };
      expect([...tutorat[1].slice(2, 5), ...tutorat[2].slice(2, 5)]).toEqual(expected[audit]);
      expect(tutorat[3][1]).toContain(`résultat à l'audit (${audit}) : 24`);
    },
    60_000,
  );
});

/** Counts « À compléter » in the body (after the Sommaire), paragraphs and table cells. */
function bodyMarks(d: Dump): number {
  const start = d.paragraphs.findIndex((p) => p.text === "Sommaire");
  const paragraphs = d.paragraphs.slice(start).map((p) => p.text);
  const cells = d.tables.flatMap((t) => t.flatMap((row) => row.map((c) => c.text)));
  return [...paragraphs, ...cells].reduce((n, t) => n + (t.match(/À compléter/g) ?? []).length, 0);
}

/** The items of the working version's list, each part of « subject : a, b, c » counted once. */
function listedParts(d: Dump): number {
  const texts = d.paragraphs.map((p) => p.text);
  const start = texts.indexOf("Ce qu'il reste à compléter avant l'audit");
  const end = texts.indexOf("Erreurs relevées par la vérification");
  const items = d.paragraphs
    .slice(start, end < 0 ? texts.indexOf("Sommaire") : end)
    .filter((p) => p.style === "List Bullet");
  return items.reduce((n, p) => {
    const i = p.text.indexOf(" : ");
    return n + (i < 0 || p.text.startsWith("« ") ? 1 : p.text.slice(i + 3).split(", ").length);
  }, 0);
}

test("the working version lists exactly the body's « À compléter », and the command says how many", () => {
  for (const [file, args] of [
    [YEARS, []],
    ["f.xlsx", []],
    [YEARS, ["--criterion", "3"]],
  ] as const) {
    const out = `marks-${args.length}-${file}.docx`;
    const r = run(["dossier", file, "--out", out, ...args]);
    expect(r.status).toBe(0);
    const count = Number(/(\d+) partie\(s\) « À compléter »/.exec(r.stdout)?.[1]);
    const d = dump(out);
    expect(bodyMarks(d)).toBe(count);
    expect(listedParts(d)).toBe(count);
    expect(count).toBeGreaterThan(0);
  }
});

// ---------------------------------------------------------------------------------------------------------------
// The final version.

/** Every criterion filled: its parts, team, one action over two lines (one objective) and one engagement. */
function completeStatements(): string[] {
  const lines = [
    "p = wb['Paramètres']; d = wb['Dossier']",
    "p['B8'] = 2025",
    ...[5, 6, 7, 8].map((r, i) => `d['B${r}'] = 'Partie ${i + 1} de l’établissement.'`),
  ];
  for (let n = 1; n <= 8; n++) {
    const b = dossierBlock(n as 1);
    lines.push(
      `s = wb[[x for x in wb.sheetnames if x.startswith('C${n} ')][0]]`,
      `p['B${9 + n}'] = 'Référent ${n}'`,
      `s['A10'] = 'Un axe'; s['B10'] = 'Objectif ${n}'; s['C10'] = 'Action ${n}'; s['D10'] = 'Nombre ${n}'`,
      `s['E10'] = 10; s['F10'] = 20; s['I10'] = 'Action'; s['J10'] = 'oui'; s['K10'] = '2025-2027'`,
      `s['L10'] = 12; s['M10'] = 14; s['Q10'] = 18; s['R10'] = 'Effet ${n}'`,
      `s['S10'] = 'Compte rendu ${n} ; https://lycee.example.fr/preuves/c${n}.pdf'`,
      `s['B11'] = 'Objectif ${n}'; s['D11'] = 'Taux ${n}'; s['E11'] = 5; s['L11'] = 6; s['M11'] = 7`,
      `s['A12'] = 'Un axe'; s['B12'] = 'Objectif ${n}b'; s['C12'] = 'Engagement ${n}'; s['D12'] = 'Nombre ${n}b'`,
      `s['E12'] = 3; s['F12'] = 6; s['I12'] = 'Engagement'; s['K12'] = '2 ans'`,
      `d['B${b.part(0)}'] = 'État ${n}'; d['B${b.part(1)}'] = 'But ${n}'`,
      `d['B${b.coordinator}'] = 'Coord${n}'; d['C${b.coordinator}'] = 'Prénom'; d['D${b.coordinator}'] = 'CPE'`,
      `d['A${b.firstAction}'] = 'Action ${n}'`,
      ...["B", "C", "D", "E", "F", "G", "H", "I"].map((c) => `d['${c}${b.firstAction}'] = 'Texte ${c} ${n}'`),
      `d['A${b.firstAction + 1}'] = 'Engagement ${n}'`,
      `d['B${b.firstAction + 1}'] = 'Description ${n}'; d['C${b.firstAction + 1}'] = 'Moyens ${n}'; d['J${b.firstAction + 1}'] = 'M. Animateur, professeur'`,
    );
  }
  return lines;
}

describe("--final", () => {
  beforeAll(() => {
    editWithOpenpyxl(path.join(dir, "f.xlsx"), completeStatements(), path.join(dir, "complet.xlsx"));
  });

  test("refuses an incomplete workbook: exit 1, one French line listing what is missing, nothing written", () => {
    const r = run(["dossier", YEARS, "--final", "--out", "refus.docx"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Dossier final non écrit : il manque \(\d+ partie\(s\) « À compléter »\) l'année d'obtention du label ou « candidature » \(Paramètres\) ; l'établissement : le contexte de l'établissement, /,
    );
    expect(lines[0]).toContain(
      "critère 3 : état des lieux, objectif général, coordonnateur de l'équipe, l'action « Tutorat » : action pérenne (oui ou non), description,",
    );
    expect(existsSync(path.join(dir, "refus.docx"))).toBe(false);
  });

  let d: Dump;
  test("on a complete workbook: the guide's cover, no to-do list, no tool's name, numbered linked evidence", () => {
    const r = run(["dossier", "complet.xlsx", "--final", "--out", "final.docx"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("Dossier final écrit : final.docx (16 action(s) et engagement(s)).\n");
    d = dump("final.docx");
    const all = JSON.stringify(d);
    expect(all).not.toContain("Fiches LDM");
    expect(all).not.toContain("À compléter");
    expect(all).not.toContain("Ce qu'il reste");
    const parts = unzipSync(readFileSync(path.join(dir, "final.docx")));
    for (const [name, bytes] of Object.entries(parts))
      expect(`${name}: ${strFromU8(bytes)}`).not.toMatch(/Fiches LDM|updateFields/);
    // The cover.
    expect(d.paragraphs.slice(0, 3).map((p) => p.text)).toEqual([
      "Dossier de labellisation",
      "Label « Lycée des métiers »",
      "Lycée professionnel Beau de Rochas, Digne-les-Bains",
    ]);
    expect(texts(d.tables[0])).toEqual([
      ["Établissement", "Lycée professionnel Beau de Rochas, Digne-les-Bains"],
      ["UAI", "0040007L"],
      ["Académie", "Aix-Marseille"],
      ["Chef d'établissement", "Mme Dupont"],
      ["Demande", "Renouvellement du label obtenu en 2025 (valable jusqu'en 2030)"],
      ["Année de référence (N)", "2025"],
      ["Année de l'audit", "2029"],
    ]);
    expect(d.core.author).toBe("Lycée professionnel Beau de Rochas, Digne-les-Bains");
    expect(d.sections[0].footer).toBe("Lycée professionnel Beau de Rochas, Digne-les-Bains — audit 2029\tPage 1 / 1");
    // Evidence: numbered P1, P2 … in the body's order, cited by each action's table, links external.
    const action1 = actionTables(d, "Action 1");
    expect(action1.header[3]).toEqual(["Éléments de preuve", "P1, P2 (annexe des éléments de preuve)"]);
    expect(actionTables(d, "Action 2").header[3][1]).toBe("P3, P4 (annexe des éléments de preuve)");
    const annex = d.tables.filter((t) => t[0]?.[0]?.text === "N°").flatMap((t) => texts(t).slice(1));
    expect(annex.slice(0, 2)).toEqual([
      ["P1", "Action « Action 1 »", "Compte rendu 1"],
      ["P2", "", "https://lycee.example.fr/preuves/c1.pdf"],
    ]);
    expect(annex).toHaveLength(16);
    const rels = strFromU8(parts["word/_rels/document.xml.rels"]);
    expect(rels).toContain(
      '<Relationship Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://lycee.example.fr/preuves/c1.pdf" TargetMode="External"/>',
    );
    const doc = strFromU8(parts["word/document.xml"]);
    expect(doc).toMatch(
      /<w:hyperlink r:id="rIdLink1" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">https:\/\/lycee\.example\.fr\/preuves\/c1\.pdf<\/w:t><\/w:r><\/w:hyperlink>/,
    );
    // Short rows stay on one page, the objective is merged over its lines, the annex of measures is landscape.
    expect(doc).toContain("<w:cantSplit/>");
    expect(doc).toContain('<w:vMerge w:val="restart"/>');
    expect(doc).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    const objectives = action1.objectives;
    expect(objectives.slice(2).map((r) => r[0])).toEqual(["Objectif 1", "", "", ""]);
    // The Sommaire has its page numbers (as LibreOffice lays it out), and no field asks Word to update it.
    const toc = d.paragraphs.filter((p) => p.style === "toc 1" || p.style === "toc 2");
    expect(toc.length).toBeGreaterThanOrEqual(20);
    for (const p of toc) expect(p.text).toMatch(/\t\d+$/);
    expect(toc[0].text).toBe("L'établissement\t3");
    // Every part in WordprocessingML's order.
    expect(
      execFileSync(SYSTEM_PYTHON, [path.join(REPO, "tests/helpers/wml_order.py"), path.join(dir, "final.docx")], {
        encoding: "utf8",
      }),
    ).toMatch(/^ok \d+ elements\n$/);
  });

  test("as PDF: a Sommaire with page numbers (LibreOffice refreshes it), pages rendered", () => {
    const r = run(["dossier", "complet.xlsx", "--final", "--out", "final.pdf"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const pdf = path.join(dir, "final.pdf");
    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
    const sommaire = pages.findIndex((p) => p.includes("Sommaire"));
    expect(sommaire).toBe(1);
    const entries = pages[sommaire].split("\n").filter((l) => /\.{3,}\s*\d+\s*$/.test(l));
    expect(entries.length).toBeGreaterThanOrEqual(10);
    // The first criterion's entry points at the page its heading is on.
    const c1 = /Critère 1 — [^\n]*?(\d+)\s*$/m.exec(pages[sommaire].replace(/\n(?!Critère|L'|Annexe| {2})/g, " "));
    const page = Number(c1?.[1]);
    expect(pages[page - 1]).toContain("Critère 1 — Une offre de formations");
    expect(pages.join("")).not.toContain("Fiches LDM");
    execFileSync("pdftoppm", ["-r", "60", "-png", pdf, path.join(dir, "page")]);
    expect(readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).length).toBeGreaterThan(10);
  }, 120_000);
});
