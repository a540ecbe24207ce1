/** The generated workbook, read back by an independent reader (openpyxl). */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { buildBlueprint, criterionSheetName, guideAxes, guideObjectives } from "../../../src/domain/blueprint/build";
import { FOLLOW_UP, LISTS, NAMES, TABLE, listColumns } from "../../../src/domain/blueprint/layout";
import { columnLetters } from "../../../src/domain/a1";
import { CRITERIA } from "../../../src/domain/referential/criteria";
import { blueprintToXlsx } from "../../../src/workbook/xlsx/generate";
import { openpyxlDump, type OpenpyxlDump } from "../../helpers/python";
import { ESTABLISHMENTS } from "../../helpers/establishments";

let dump: OpenpyxlDump;
const sheetNames = CRITERIA.map(criterionSheetName);

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ldm-gen-"));
  const file = path.join(dir, "fiches.xlsx");
  const bp = buildBlueprint({
    establishments: ESTABLISHMENTS,
    auditYear: 2028,
    school: "0130064Z — TEST",
    headOfSchool: "Mme Exemple",
  });
  writeFileSync(file, await blueprintToXlsx(bp));
  dump = openpyxlDump(file, ["Paramètres", "Listes", sheetNames[0], sheetNames[6], "Guide"]);
});

const sheet = (title: string) => {
  const s = dump.sheets.find((x) => x.title === title);
  if (!s) throw new Error(`feuille ${title} absente`);
  return s;
};

test("sheets: Paramètres, Synthèse, the 8 criteria in order, the Dossier, the Guide, then Listes very hidden", () => {
  expect(dump.sheets.map((s) => s.title)).toEqual([
    "Paramètres",
    "Synthèse",
    ...sheetNames,
    "Dossier",
    "Guide",
    "Listes",
  ]);
  expect(dump.sheets.map((s) => s.state)).toEqual([...Array(12).fill("visible"), "veryHidden"]);
  for (const title of sheetNames) expect(title.length).toBeLessThanOrEqual(31);
});

test("every sheet is protected without a password; input cells are unlocked", () => {
  for (const s of dump.sheets) {
    expect(s.protected).toBe(true);
    expect(s.password).toBeNull();
  }
  const c1 = sheet(sheetNames[0]);
  const unlocked = new Set(c1.unlocked);
  // The seed's seven columns and the follow-up's eleven (I–S), on the 100 input rows.
  expect(unlocked.size).toBe(TABLE.rowCount * (TABLE.lastColumn + FOLLOW_UP.lastColumn - FOLLOW_UP.firstColumn + 1));
  expect(unlocked.has("I10")).toBe(true);
  expect(unlocked.has("S109")).toBe(true);
  expect(unlocked.has("H10")).toBe(false);
  expect(unlocked.has("A10")).toBe(true);
  expect(unlocked.has("G109")).toBe(true);
  expect(unlocked.has("A7")).toBe(false);
  const params = new Set(sheet("Paramètres").unlocked);
  for (const a of ["B4", "B5", "B6", "B7", "B10", "B17", "B20", "B39", "B43", "B62"]) expect(params.has(a)).toBe(true);
  expect(params.has("A4")).toBe(false);
});

test("workbook-level defined names point at the key cells and lists", () => {
  const n = dump.names;
  expect(n[NAMES.school]).toBe("'Paramètres'!$B$4");
  expect(n[NAMES.headOfSchool]).toBe("'Paramètres'!$B$5");
  expect(n[NAMES.referenceYear]).toBe("'Paramètres'!$B$6");
  expect(n[NAMES.auditYear]).toBe("'Paramètres'!$B$7");
  for (const c of CRITERIA) expect(n[`Referent_C${c.number}`]).toBe(`'Paramètres'!$B$${9 + c.number}`);
  expect(n[NAMES.schools]).toBe(`Listes!$A$2:$A$${1 + ESTABLISHMENTS.list.length}`);
  expect(n[NAMES.sheet("c3")]).toBe(`'${sheetNames[2]}'!$A$1`);
});

test("Paramètres holds the pre-filled values", () => {
  const cells = sheet("Paramètres").cells ?? {};
  expect(cells.B4).toBe("0130064Z — TEST");
  expect(cells.B5).toBe("Mme Exemple");
  expect(cells.B6).toBe(2025);
  expect(cells.B7).toBe(2028);
  expect(cells.H1).toBe("ldm:parametres");
});

test("each criterion sheet: axis and objective drop-downs on its own lists, over the 100 input rows", () => {
  CRITERIA.forEach((c, i) => {
    const s = sheet(sheetNames[i]);
    const byFormula = new Map(s.validations.map((v) => [v.formula1, v]));
    const axes = byFormula.get(`Axes_C${c.number}`);
    const objectives = byFormula.get(`Objectifs_C${c.number}`);
    expect(axes).toMatchObject({ sqref: "A10:A109", type: "list", showErrorMessage: true, allowBlank: true });
    expect(objectives).toMatchObject({ sqref: "B10:B109", type: "list", showErrorMessage: true });
    expect(s.freeze).toBe("A10");
    expect(s.orientation).toBe("landscape");
    expect(s.fitToPage).toBe(true);
    expect(s.fitToWidth).toBe(1);
    expect(s.fitToHeight).toBe(0);
    expect(s.hiddenColumns).toContain("H");
    // Printed: the header row repeated, every input row (a blank fiche gives ruled rows to fill in by hand),
    // the criterion and the school at the top, the page and the date at the bottom of each page.
    expect(s.printTitleRows).toBe("$7:$9");
    expect([s.printArea].flat()).toEqual(["$A$1:$G$109"]);
    expect(s.header[0]).toBe(`FICHE D'AMÉLIORATION — Critère ${c.number}`);
    expect(s.header[2]).toBe("0130064Z — TEST");
    expect(s.footer).toEqual(["Fiches LDM", "Page &P / &N", "Imprimé le &D"]);
  });
});

test("each list in Listes holds the referential's items, then the school's own slots", () => {
  const cells = sheet("Listes").cells ?? {};
  for (const c of CRITERIA) {
    const cols = listColumns(c.number);
    for (const [col, items, name] of [
      [cols.axes, guideAxes(c), `Axes_C${c.number}`],
      [cols.objectives, guideObjectives(c), `Objectifs_C${c.number}`],
    ] as const) {
      const letter = columnLetters(col);
      items.forEach((item, i) => expect(cells[`${letter}${LISTS.firstItemRow + i}`]).toBe(item));
      const last = LISTS.firstItemRow + items.length + 20 - 1;
      expect(dump.names[name]).toBe(`Listes!$${letter}$2:$${letter}$${last}`);
      expect(String(cells[`${letter}${LISTS.firstItemRow + items.length}`])).toMatch(/^=IF\(INDEX\(/);
    }
  }
  expect(cells.A2).toBe("0040003G — LYCEE GENERAL ANDRE HONNORAT (BARCELONNETTE)");
});

test("the table header follows seed 000, with the reference year and the audit year", () => {
  const cells = sheet(sheetNames[0]).cells ?? {};
  expect(cells.A7).toBe("Axes du projet d'établissement / projet de réseau / académique / recommandations de l'EE");
  expect(cells.B7).toBe("Déclinaison en objectifs");
  expect(cells.C7).toBe("Actions");
  expect(cells.D7).toBe("Intitulé de l'indicateur");
  expect(cells.G7).toBe("Perspectives");
  expect(cells.E8).toBe("=AnneeReference");
  expect(String(cells.F8)).toContain("Année de l'audit : ");
  expect(cells.H1).toBe("ldm:critere:1");
  expect(sheet(sheetNames[6]).cells?.E3).toBe(`7 — ${CRITERIA[6].title}`);
});

test("Paramètres: the school is a drop-down of establishments, the audit year is bounded by the reference year", () => {
  const v = sheet("Paramètres").validations;
  expect(v).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ sqref: "B4", type: "list", formula1: "Etablissements", errorStyle: "warning" }),
      expect.objectContaining({
        sqref: "B7",
        type: "whole",
        formula1: "AnneeReference+1",
        formula2: "AnneeReference+5",
      }),
    ]),
  );
});

test("the Guide sheet shows what the guide offers, sub-points and headings included, protected", () => {
  const guide = sheet("Guide");
  expect(guide?.protected).toBe(true);
  const texts = Object.values(guide?.cells ?? {}).map(String);
  for (const c of CRITERIA) expect(texts).toContain(`Critère ${c.number} — ${c.title}`);
  // Sub-points the drop-downs cannot show: C8's two sides of communication, under its single axis.
  const c8 = CRITERIA[7].axes[0];
  expect(texts).toContain(`• ${c8.text}`);
  for (const d of c8.details ?? []) expect(texts).toContain(`      – ${d}`);
  // Group headings (criterion 3's objectives) and the example indicators.
  const group = CRITERIA[2].objectives.find((o) => o.group)?.group as string;
  expect(texts).toContain(group);
  expect(texts).toContain(`• ${CRITERIA[6].indicators[0].text}`);
});
