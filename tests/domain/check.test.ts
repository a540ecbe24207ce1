import { checkWorkbook, type Finding } from "../../src/domain/check";
import { RULE_LABELS, RULES } from "../../src/domain/check/findings";
import { CRITERIA } from "../../src/domain/referential/criteria";
import {
  C,
  fillParameters,
  fillRow,
  filledWorkbook,
  freshWorkbook,
  num,
  sheetOf,
  text,
  type MutableWorkbook,
} from "../helpers/workbooks";
import { ESTABLISHMENTS } from "../helpers/establishments";

const TODAY = new Date("2026-03-12T10:00:00Z");
const check = (wb: MutableWorkbook, sheet?: string) =>
  checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: TODAY, sheet });
const rules = (fs: Finding[]) => fs.map((f) => f.rule);
const only = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

test("a freshly generated workbook: only what the school has yet to fill", () => {
  const fs = check(freshWorkbook());
  expect(new Set(rules(fs))).toEqual(new Set(["header-missing", "audit-year-invalid", "label-period", "sheet-empty"]));
  expect(only(fs, "header-missing").map((f) => f.cell)).toEqual([
    "B4",
    "B5",
    "B10",
    "B11",
    "B12",
    "B13",
    "B14",
    "B15",
    "B16",
    "B17",
  ]);
  expect(only(fs, "audit-year-invalid")[0]).toMatchObject({ severity: "warning", sheet: "Paramètres", cell: "B7" });
  expect(only(fs, "sheet-empty")).toHaveLength(8);
});

test("a workbook filled as the guide asks has no finding", () => {
  expect(check(filledWorkbook())).toEqual([]);
});

test("sheet-missing: a deleted criterion sheet, found by identity not title", () => {
  const wb = filledWorkbook();
  wb.sheets = wb.sheets.filter((s) => s.name !== C(4));
  const fs = only(check(wb), "sheet-missing");
  expect(fs).toEqual([expect.objectContaining({ sheet: C(4), criterion: 4, severity: "error" })]);
  expect(fs[0].message).toMatch(/critère 4 est introuvable/);
});

test("a renamed criterion sheet is still found by its hidden marker", () => {
  const wb = filledWorkbook();
  sheetOf(wb, C(2)).name = "Accueil des publics";
  for (const n of wb.names) n.formula = n.formula.replace(`'${C(2)}'`, "'Accueil des publics'");
  expect(check(wb)).toEqual([]);
});

test("a sheet titled like a criterion but without marker is still recognised by title", () => {
  const wb = filledWorkbook();
  const s = sheetOf(wb, C(5));
  delete s.cells.H1;
  wb.names = wb.names.filter((n) => n.name !== "LDM_Feuille_c5");
  expect(rules(check(wb))).not.toContain("sheet-missing");
});

test("lists-damaged: the lists sheet deleted, shown, edited; a name removed or moved", () => {
  const gone = filledWorkbook();
  gone.sheets = gone.sheets.filter((s) => s.name !== "Listes");
  expect(only(check(gone), "lists-damaged").length).toBeGreaterThan(0);

  const shown = filledWorkbook();
  sheetOf(shown, "Listes").visibility = "visible";
  expect(only(check(shown), "lists-damaged")).toEqual([expect.objectContaining({ severity: "warning" })]);

  const edited = filledWorkbook();
  sheetOf(edited, "Listes").cells.B2 = text("Un axe inventé");
  expect(only(check(edited), "lists-damaged")[0]).toMatchObject({ cell: "B2", severity: "error" });

  const renamed = filledWorkbook();
  renamed.names = renamed.names.filter((n) => n.name !== "Axes_C3");
  expect(only(check(renamed), "lists-damaged")[0].message).toBe(
    "Le nom défini « Axes_C3 » a disparu. Lancez « Mettre à jour le classeur ».",
  );

  const moved = filledWorkbook();
  moved.names.find((n) => n.name === "Objectifs_C1")!.formula = "Listes!$C$2:$C$5";
  expect(only(check(moved), "lists-damaged")[0].message).toMatch(/Objectifs_C1.*ne désigne plus la bonne plage/);
});

test("validation-missing: a paste removed the drop-down of some axis cells", () => {
  const wb = filledWorkbook();
  const s = sheetOf(wb, C(1));
  s.validations = s.validations.map((v) => (v.formula1 === "Axes_C1" ? { ...v, sqref: "A10:A11 A16:A109" } : v));
  const fs = only(check(wb), "validation-missing");
  expect(fs).toEqual([expect.objectContaining({ sheet: C(1), cell: "A12:A15", criterion: 1, severity: "error" })]);
  expect(fs[0].message).toMatch(/^A12:A15 : la liste déroulante des axes a disparu/);
});

test("header-missing, uai-invalid, audit-year-invalid", () => {
  const wb = filledWorkbook();
  const p = sheetOf(wb, "Paramètres");
  p.cells.B4 = text("0040007A — LYCEE");
  expect(only(check(wb), "uai-invalid")[0].message).toBe(
    "UAI « 0040007A » : la lettre de contrôle devrait être « L ».",
  );
  p.cells.B4 = text("Lycée Beau de Rochas");
  expect(only(check(wb), "uai-invalid")[0].message).toMatch(/ne commence pas par son UAI/);
  p.cells.B7 = num(2031);
  expect(only(check(wb), "audit-year-invalid")[0]).toMatchObject({ severity: "error", cell: "B7" });
  p.cells.B7 = text("bientôt");
  expect(only(check(wb), "audit-year-invalid")[0].message).toMatch(/n'est pas une année/);
  delete p.cells.B12;
  expect(only(check(wb), "header-missing")).toEqual([expect.objectContaining({ cell: "B12", criterion: 3 })]);
  // What the first-run form calls « facultatif » is never an error (#27): a blank referent or head of school is information.
  delete p.cells.B5;
  expect(only(check(wb), "header-missing").map((f) => `${f.cell} ${f.severity}`)).toEqual(["B5 info", "B12 info"]);
  expect(only(check(wb), "header-missing")[1].message).toBe(
    "Référent du critère 3 à renseigner (facultatif) : il figure en tête de sa fiche.",
  );
  delete p.cells.B4;
  expect(only(check(wb), "header-missing")[0]).toMatchObject({ cell: "B4", severity: "error" });
});

test("axis and objective against the lists: case, spaces, NBSP and apostrophes ignored, accents not", () => {
  const wb = filledWorkbook();
  const s = sheetOf(wb, C(1));
  const axis = CRITERIA[0].axes[0].text; // « DIAGNOSTIC de l’offre de formations »
  s.cells.A10 = text("  " + axis.toLowerCase().replace("’", "'").replace(" ", "\u00A0 ") + " ");
  expect(check(wb)).toEqual([]);
  s.cells.A10 = text(axis.replace("é", "e") + " inventé");
  expect(rules(check(wb))).toEqual(["axis-unknown"]);
  s.cells.A10 = text(CRITERIA[1].axes[0].text);
  expect(check(wb)[0]).toMatchObject({ rule: "axis-other-criterion", severity: "warning" });
  fillRow(wb, 1, 10);
  s.cells.B10 = text(CRITERIA[6].objectives[0].text);
  expect(check(wb)[0]).toMatchObject({ rule: "objective-other-criterion", cell: "B10", severity: "error" });
  s.cells.B10 = text("Objectif de notre projet");
  expect(check(wb)[0]).toMatchObject({ rule: "objective-unknown" });
  sheetOf(wb, "Paramètres").cells.B43 = text("Objectif de notre projet");
  expect(check(wb)).toEqual([]);
});

test("row-incomplete, value-missing (reference error, audit info while ahead, warning once reached)", () => {
  const wb = filledWorkbook();
  const s = sheetOf(wb, C(2));
  delete s.cells.C10;
  delete s.cells.E10;
  delete s.cells.F10;
  const fs = check(wb);
  expect(only(fs, "row-incomplete")[0].message).toBe("Ligne 10 incomplète : il manque l'action.");
  expect(only(fs, "value-missing").map((f) => [f.cell, f.severity])).toEqual([
    ["E10", "error"],
    ["F10", "info"],
  ]);
  const later = checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: new Date("2028-05-01") });
  // (The followed actions' results, column Q, are missing too once the audit year has come: other cells.)
  expect(
    only(later, "value-missing")
      .filter((f) => f.sheet === C(2) && /^[EF]10$/.test(f.cell))
      .map((f) => f.severity),
  ).toEqual(["error", "warning"]);
});

test("value-type: percentages, whole numbers, amounts; free indicators take anything", () => {
  const wb = filledWorkbook();
  const s = sheetOf(wb, C(3));
  s.cells.D10 = text("Taux d'absentéisme en cours, en PFMP");
  s.cells.E10 = num(0.12, "0%");
  s.cells.F10 = num(8);
  expect(check(wb)).toEqual([]);
  s.cells.F10 = num(1.4, "0%");
  expect(check(wb)[0]).toMatchObject({ rule: "value-type", cell: "F10" });
  s.cells.D10 = text("Nombre de tutorats mis en place");
  s.cells.E10 = num(2.5);
  s.cells.F10 = text("beaucoup");
  expect(only(check(wb), "value-type").map((f) => f.cell)).toEqual(["E10", "F10"]);
  s.cells.D10 = text("Lisibilité des parcours possibles");
  expect(only(check(wb), "value-type")).toEqual([]);
});

test("indicator-wrong-way: the direction comes from the wording, and the school's word in Paramètres wins", () => {
  const wb = filledWorkbook();
  const s = sheetOf(wb, C(2));
  s.cells.D10 = text("Taux de réussite au CAP");
  s.cells.E10 = num(0.12, "0%");
  s.cells.F10 = num(0.1, "0%");
  const [f] = only(check(wb), "indicator-wrong-way");
  expect(f).toMatchObject({ cell: "F10", severity: "warning", criterion: 2 });
  expect(f.message).toContain("La cible 2028 (10 %) est plus basse que la valeur 2025 (12 %)");
  // 12 % typed as a percentage and 15 typed on a 0–100 scale compare as 12 and 15: progress.
  s.cells.F10 = num(15);
  expect(only(check(wb), "indicator-wrong-way")).toEqual([]);
  // Absenteeism: a lower value is progress, a higher one is flagged.
  s.cells.D10 = text("Taux d’absentéisme en cours, en PFMP");
  expect(only(check(wb), "indicator-wrong-way")[0].message).toContain("est plus haute que la valeur 2025");
  // The school says otherwise for this indicator (wording compared as in the drop-downs).
  const p = sheetOf(wb, "Paramètres");
  p.cells.B67 = text("taux d'absentéisme en cours,  en PFMP");
  p.cells.C67 = text("Une hausse est un progrès");
  expect(only(check(wb), "indicator-wrong-way")).toEqual([]);
  // The seed's audit column stays the target; the result is typed in the follow-up (Q) and is what is judged.
  s.cells.F10 = num(5);
  expect(only(check(wb), "indicator-wrong-way")[0].message).toContain("La cible 2028 (5) est plus basse");
  s.cells.Q10 = num(5);
  const later = checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: new Date("2028-09-01") });
  expect(only(later, "indicator-wrong-way")[0].cell).toBe("Q10");
  expect(only(later, "indicator-wrong-way")[0].message).toContain("Le résultat 2028 (5) est plus bas");
});

test("cell-error, sheet-empty, row-duplicate, text-too-long, outlook-missing", () => {
  const wb = filledWorkbook();
  const s = sheetOf(wb, C(6));
  s.cells.E10 = { t: "e", v: "#REF!" };
  fillRow(wb, 6, 11);
  fillRow(wb, 6, 12, { G: text("x".repeat(1500)) });
  delete s.cells.G11;
  wb.sheets = wb.sheets.map((x) =>
    x.name === C(8) ? { ...x, cells: { H1: x.cells.H1, A7: x.cells.A7, D7: x.cells.D7 } } : x,
  );
  const fs = check(wb);
  expect(only(fs, "cell-error")[0]).toMatchObject({ cell: "E10", sheet: C(6) });
  expect(only(fs, "row-duplicate").map((f) => f.cell)).toEqual(["A11:G11", "A12:G12"]);
  expect(only(fs, "text-too-long")[0]).toMatchObject({ cell: "G12", severity: "warning" });
  expect(only(fs, "outlook-missing")[0]).toMatchObject({ cell: "G11", severity: "info" });
  expect(only(fs, "sheet-empty")).toEqual([expect.objectContaining({ sheet: C(8), criterion: 8 })]);
});

test("--sheet keeps one sheet's findings; findings come in sheet then cell order", () => {
  const wb = fillParameters(freshWorkbook());
  fillRow(wb, 2, 12);
  delete sheetOf(wb, C(2)).cells.E12;
  const fs = check(wb, C(2));
  expect(new Set(fs.map((f) => f.sheet))).toEqual(new Set([C(2)]));
  const all = check(wb);
  const sheetsInOrder = [...new Set(all.map((f) => f.sheet))];
  // The dossier's parts still to write come last, on « Dossier », in the workbook's sheet order too.
  expect(sheetsInOrder).toEqual([C(1), C(2), C(3), C(4), C(5), C(6), C(7), C(8), "Dossier"]);
});

test("a workbook that is not ours: findings, never an exception", () => {
  const fs = checkWorkbook(
    {
      sheets: [
        { name: "Feuil1", visibility: "visible", protected: false, cells: { A1: { t: "s", v: "x" } }, validations: [] },
      ],
      names: [],
    },
    { establishments: ESTABLISHMENTS },
  );
  expect(only(fs, "sheet-missing")).toHaveLength(12);
  expect(only(fs, "lists-damaged").length).toBeGreaterThan(0);
  expect(
    checkWorkbook(
      { sheets: [], names: [{ name: "Etablissement", formula: "#REF!" }] },
      { establishments: ESTABLISHMENTS },
    ).length,
  ).toBeGreaterThan(0);
});

test("every rule has a severity, a French label and a row in docs/rules.md with that label", () => {
  const doc = require("fs").readFileSync(require("path").join(__dirname, "../../docs/rules.md"), "utf8") as string;
  for (const id of Object.keys(RULES) as (keyof typeof RULES)[])
    expect(doc).toContain(`| \`${id}\` | ${RULE_LABELS[id]} |`);
});

test("defined names are found whatever their case, as Excel does: a tool that rewrote them lower-case changes nothing", () => {
  const wb = filledWorkbook();
  const before = check(wb);
  // Our sheet names, the school's own axes, the years: all their defined names, lower-cased, and one sheet
  // renamed (only its LDM_Feuille name still says which criterion it is).
  for (const n of wb.names) n.name = n.name.toLowerCase();
  const c4 = sheetOf(wb, C(4));
  delete c4.cells.H1;
  c4.name = "Nos partenaires";
  for (const n of wb.names) n.formula = n.formula.split(`'${C(4)}'!`).join("'Nos partenaires'!");
  const renamed = (fs: Finding[]) => fs.map((f) => ({ ...f, sheet: f.sheet === C(4) ? "Nos partenaires" : f.sheet }));
  // The update would write the marker back: the check says so, on that sheet, and nothing else changed.
  expect(check(wb)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        rule: "structure-incomplete",
        sheet: "Nos partenaires",
        message: expect.stringContaining("repère caché (H1)"),
      }),
    ]),
  );
  expect(check(wb).filter((f) => f.rule !== "structure-incomplete")).toEqual(renamed(before));
  const own = sheetOf(wb, "Paramètres");
  own.cells.B20 = text("Notre axe à nous");
  fillRow(wb, 5, 30);
  sheetOf(wb, C(5)).cells.A30 = text("Notre axe à nous");
  expect(only(check(wb), "axis-unknown").filter((f) => f.sheet === C(5))).toEqual([]);
});

test("label-period: the label runs five years from the year it was obtained; the audit comes within them", () => {
  const wb = filledWorkbook();
  const p = sheetOf(wb, "Paramètres");
  delete p.cells.B8;
  expect(only(check(wb), "label-period").map((f) => [f.cell, f.severity])).toEqual([["B8", "info"]]);
  p.cells.B8 = text("2021");
  // Audit 2028 after a label obtained in 2021 (valid until 2026): too late.
  expect(only(check(wb), "label-period").map((f) => [f.cell, f.severity, f.message])).toEqual([
    [
      "B7",
      "error",
      "L'année de l'audit 2028 tombe après la fin du label obtenu en 2021 (accordé pour 5 ans, jusqu'en 2026) : l'audit de renouvellement doit avoir lieu au plus tard en 2026.",
    ],
  ]);
  p.cells.B8 = num(2024);
  expect(only(check(wb), "label-period")).toEqual([]);
  p.cells.B8 = text("bientôt");
  expect(only(check(wb), "label-period").map((f) => f.severity)).toEqual(["warning"]);
});
