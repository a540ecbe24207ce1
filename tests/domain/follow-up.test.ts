/**
 * The follow-up of each action (columns I–S beside the seed's seven): status, yearly measures, result kept
 * apart from the target, evidence — the rules of the labelling dossier, and an older workbook gaining the
 * columns through the update with every typed cell kept.
 */
import { buildBlueprint } from "../../src/domain/blueprint/build";
import { FOLLOW_UP, NAMES } from "../../src/domain/blueprint/layout";
import { checkWorkbook } from "../../src/domain/check";
import { reconcile } from "../../src/domain/reconcile";
import { applyToSnapshot } from "../helpers/apply-snapshot";
import { C, fillRow, filledWorkbook, num, sheetOf, text, type MutableWorkbook } from "../helpers/workbooks";
import { ESTABLISHMENTS } from "../helpers/establishments";

const rules = (wb: MutableWorkbook, today = "2027-03-12") =>
  checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: new Date(today) })
    .filter((f) => f.sheet === C(1))
    .map((f) => `${f.rule} ${f.cell}`);

test("the follow-up's columns are there: headers, a measure per year after the reference year, drop-downs", () => {
  const wb = filledWorkbook();
  const c1 = sheetOf(wb, C(1));
  expect(c1.cells.I7).toEqual(text("Statut"));
  expect(c1.cells.Q7).toEqual(text("Résultat atteint l'année de l'audit"));
  expect(c1.cells.S7).toEqual(text("Éléments de preuve"));
  expect([c1.cells.L8?.v, c1.cells.P8?.v]).toEqual([2026, 2030]);
  expect(c1.cells.L8?.f).toBe(`${NAMES.referenceYear}+1`);
  expect(c1.validations.map((v) => `${v.sqref} ${v.formula1}`)).toEqual(
    expect.arrayContaining(["I10:I109 ChoixStatut", "J10:J109 ChoixPerenne"]),
  );
  // Nothing of it in the seed's printed fiche.
  expect(buildBlueprint({ establishments: ESTABLISHMENTS }).sheets.find((s) => s.key === "c1")?.print?.area).toBe(
    "A1:G109",
  );
});

test("an Action needs its evidence and, past its first year, a measure; an Engagement its measure at N", () => {
  const wb = filledWorkbook();
  const c1 = sheetOf(wb, C(1));
  for (const a of ["I10", "J10", "K10", "L10", "S10"]) delete c1.cells[a];
  c1.cells.I10 = text("Action");
  expect(rules(wb)).toEqual(expect.arrayContaining(["evidence-missing S10", "follow-up-missing L10"]));
  c1.cells.S10 = text("Compte rendu du conseil pédagogique, 2026");
  c1.cells.L10 = num(5);
  expect(rules(wb).filter((r) => /evidence|follow-up/.test(r))).toEqual([]);
  // In the first follow-up year, no measure is due yet.
  delete c1.cells.L10;
  expect(rules(wb, "2026-03-12").filter((r) => /follow-up/.test(r))).toEqual([]);
  // An engagement without its value at N: the dossier's own words, instead of « value-missing ».
  c1.cells.I10 = text("engagement");
  delete c1.cells.E10;
  expect(rules(wb)).toContain("engagement-measure-missing E10");
  expect(rules(wb)).not.toContain("value-missing E10");
  c1.cells.I10 = text("En cours");
  expect(rules(wb)).toContain("status-unknown I10");
});

test("measures and the result are checked against the indicator's kind; the result, once typed, is what is judged", () => {
  const wb = filledWorkbook();
  const c1 = sheetOf(wb, C(1));
  // « Nombre de conventions de partenariat »: a whole number, a rise is progress (E10 = 4, F10 = 6).
  c1.cells.M10 = text("beaucoup");
  expect(rules(wb)).toContain("value-type M10");
  c1.cells.Q10 = num(2);
  expect(rules(wb)).toContain("indicator-wrong-way Q10");
  expect(rules(wb)).not.toContain("indicator-wrong-way F10");
  // Once the audit year has come, an Action without its result says so.
  delete c1.cells.Q10;
  c1.cells.I10 = text("Action");
  expect(rules(wb, "2028-06-01")).toContain("value-missing Q10");
});

test("an older workbook gains the follow-up through the update, every typed cell kept, then nothing more to do", () => {
  const wb = filledWorkbook();
  // As the previous version made it: no follow-up block, no drop-downs, no choice lists.
  for (let n = 1; n <= 8; n++) {
    const s = sheetOf(wb, C(n));
    for (const a of Object.keys(s.cells)) {
      const col = /^([A-Z]+)/.exec(a)?.[1] ?? "";
      if (col.length === 1 && col.charCodeAt(0) - 64 >= FOLLOW_UP.firstColumn) delete s.cells[a];
    }
    s.validations = s.validations.filter((v) => !/^[IJ]/.test(v.sqref));
    (s as { inputLocks?: unknown[] }).inputLocks = s.inputLocks?.filter((l) => !l.range.startsWith("I"));
  }
  const lists = sheetOf(wb, "Listes");
  for (const a of Object.keys(lists.cells)) if (/^[ST]\d/.test(a)) delete lists.cells[a];
  wb.names = wb.names.filter((x) => x.name !== NAMES.statusChoices && x.name !== NAMES.perennialChoices);
  const typed = JSON.stringify(sheetOf(wb, C(3)).cells);
  // The check says what the update will add (one judge), as « modèle incomplet » and lists.
  const before = checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: new Date("2027-03-12") });
  expect(before.filter((f) => f.sheet === C(3)).map((f) => f.rule)).toEqual(
    expect.arrayContaining(["structure-incomplete", "validation-missing"]),
  );
  const ctxBp = buildBlueprint({ establishments: ESTABLISHMENTS, auditYear: 2028 });
  const { edits, findings } = reconcile(ctxBp, wb);
  expect(findings).toEqual([]);
  applyToSnapshot(wb, edits);
  const after = sheetOf(wb, C(3));
  for (const [a, c] of Object.entries(JSON.parse(typed) as Record<string, unknown>)) expect(after.cells[a]).toEqual(c);
  expect(after.cells.I7).toEqual(text("Statut"));
  expect(reconcile(ctxBp, wb).edits).toEqual([]);
});

test("the review shows each criterion's actions, engagements and actions without evidence", async () => {
  const { synthesize } = await import("../../src/domain/synthesis");
  const { reportHtml } = await import("../../src/documents/html/report");
  const wb = filledWorkbook();
  const c1 = sheetOf(wb, C(1));
  delete c1.cells.S10;
  c1.cells.I10 = text("Action");
  fillRow(wb, 1, 11);
  c1.cells.I11 = text("Engagement");
  const s = synthesize(wb, { establishments: ESTABLISHMENTS, today: new Date("2027-03-12") });
  expect(s.criteria[0].followUp).toMatchObject({ actions: 1, engagements: 1, withoutEvidence: 1 });
  expect(reportHtml(s, new Date("2027-03-12"))).toContain("Suivi : 1 action(s), 1 engagement(s)");
});

test("the review shows the rows measured each year and the targets reached at the audit", async () => {
  const { synthesize } = await import("../../src/domain/synthesis");
  const { reportHtml } = await import("../../src/documents/html/report");
  const wb = filledWorkbook();
  const c1 = sheetOf(wb, C(1));
  fillRow(wb, 1, 11);
  // Row 10 measured in 2026 and 2027; row 11 in 2026. A target of 5 reached with 6; a missed one.
  c1.cells.L10 = { t: "n", v: 4 };
  c1.cells.M10 = { t: "n", v: 5 };
  c1.cells.L11 = { t: "n", v: 2 };
  c1.cells.D10 = text("Nombre de partenariats");
  c1.cells.F10 = { t: "n", v: 5 };
  c1.cells.Q10 = { t: "n", v: 6 };
  c1.cells.D11 = text("Nombre de partenariats signés");
  c1.cells.F11 = { t: "n", v: 5 };
  c1.cells.Q11 = { t: "n", v: 3 };
  const s = synthesize(wb, { establishments: ESTABLISHMENTS, today: new Date("2028-06-12") });
  expect(s.criteria[0].followUp).toMatchObject({
    measuresByYear: [2, 1, 0, 0, 0],
    targetsReached: 1,
    targetsMissed: 1,
  });
  expect(s.criteria[0].rows.find((r) => r.row === 10)).toMatchObject({
    measures: ["4", "5", "", "", ""],
    result: "6",
    targetReached: true,
  });
  const html = reportHtml(s, new Date("2028-06-12"));
  expect(html).toContain("Lignes mesurées par année : 2026 : 2 · 2027 : 1 · 2028 : 0 · 2029 : 0 · 2030 : 0");
  expect(html).toMatch(/cibles de l'audit : 1 atteinte\(s\), <span class="todo">1 non atteinte\(s\)/);
});

test("bad input in the follow-up gets a French finding, never a crash: a date as a measure, a 30-year duration, a broken link", () => {
  const wb = filledWorkbook();
  const c1 = sheetOf(wb, C(1));
  c1.cells.L10 = num(46023, "dd/mm/yyyy");
  c1.cells.K10 = text("30 ans");
  c1.cells.S10 = text("Compte rendu ; http:/intranet ; https://www.education.gouv.fr/pid285/bulletin.html");
  const found = checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: new Date("2027-03-12") }).filter(
    (f) => f.sheet === C(1),
  );
  expect(found.map((f) => `${f.rule} ${f.cell}`)).toEqual(
    expect.arrayContaining(["value-type L10", "duration-implausible K10", "evidence-link S10"]),
  );
  expect(found.filter((f) => f.rule === "evidence-link")).toHaveLength(1);
  expect(found.find((f) => f.rule === "value-type")?.message).toBe(
    "L10 : une date (01/01/2026) à la place d'un nombre : saisissez la valeur mesurée cette année-là.",
  );
  expect(found.filter((f) => f.cell === "L10")).toHaveLength(1);
  c1.cells.K10 = text("2025-2028");
  c1.cells.S10 = text("www.lycee-exemple.fr/preuves");
  const fixed = checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: new Date("2027-03-12") }).filter(
    (f) => f.sheet === C(1),
  );
  expect(fixed.map((f) => f.rule)).not.toEqual(expect.arrayContaining(["duration-implausible"]));
  expect(fixed.map((f) => f.rule)).not.toContain("evidence-link");
});

test("a date typed where an indicator's value or target goes (E/F) is a date, in a teacher's words (#27)", () => {
  const wb = filledWorkbook();
  const c1 = sheetOf(wb, C(1));
  // « Nombre de conventions de partenariat » counts: 46093 would pass as a count; with its date format it is a date.
  c1.cells.E10 = num(46093, "m/d/yyyy");
  const found = checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: new Date("2027-03-12") }).filter(
    (f) => f.cell === "E10",
  );
  expect(found.map((f) => f.message)).toEqual([
    "E10 : une date (12/03/2026) à la place d'un nombre. L'indicateur « Nombre de conventions de partenariat » attend un nombre entier positif ou nul.",
  ]);
  c1.cells.E10 = num(46093);
  expect(
    checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: new Date("2027-03-12") }).filter(
      (f) => f.cell === "E10",
    ),
  ).toEqual([]);
});
