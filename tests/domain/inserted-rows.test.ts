/**
 * Rows people insert (the protected sheets allow it, docs/decisions.md §4): the check and the update see the
 * criterion table where it lies now — moved down, or longer — and the Synthèse counts the rows the check sees.
 * Each insertion is made as Excel makes it (tests/helpers/damage.ts insertRows: what is below moves down,
 * merges, drop-downs and names follow, areas spanning the inserted rows grow).
 */
import { buildBlueprint } from "../../src/domain/blueprint/build";
import { checkWorkbook } from "../../src/domain/check";
import { makeContext } from "../../src/domain/check/context";
import { reconcile, type Edit } from "../../src/domain/reconcile";
import { synthesize } from "../../src/domain/synthesis";
import { applyToSnapshot } from "../helpers/apply-snapshot";
import { insertRows } from "../helpers/damage";
import { C, fillRow, filledWorkbook, sheetOf, text, type MutableWorkbook } from "../helpers/workbooks";
import { ESTABLISHMENTS } from "../helpers/establishments";

const STRUCTURAL = new Set(["sheet-missing", "lists-damaged", "validation-missing", "structure-altered"]);

function update(wb: MutableWorkbook) {
  const ctx = makeContext(wb, { establishments: ESTABLISHMENTS });
  return reconcile(
    buildBlueprint({ establishments: ESTABLISHMENTS, referenceYear: ctx.referenceYear, auditYear: ctx.auditYear }),
    wb,
  );
}

const name = (wb: MutableWorkbook, n: string) => wb.names.find((x) => x.name === n)?.formula;
const rowsOf = (wb: MutableWorkbook, n: number) =>
  synthesize(wb, { establishments: ESTABLISHMENTS, today: new Date("2026-03-12") }).criteria.find(
    (c) => c.criterion.number === n,
  )?.filledRows;
const writesOn = (edits: readonly Edit[], sheet: string) =>
  edits.filter((e) => "sheet" in e && e.sheet === sheet && e.op !== "set-name");

test("three rows inserted above the table: nothing to report, nothing to write, no second header", () => {
  const wb = filledWorkbook();
  insertRows(wb, C(2), 7, 3);
  const s = sheetOf(wb, C(2));
  expect(s.cells.D10?.v).toMatch(/Intitulé de l'indicateur/);
  expect(s.cells.A13).toBeDefined();
  const check = checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: new Date("2026-03-12") });
  expect(check.filter((f) => STRUCTURAL.has(f.rule))).toEqual([]);
  const { edits, findings } = update(wb);
  // Before: a second header written into rows 7–9, D9:F9 merged over « Observables / Résultats »,
  // drop-downs laid over the moved header, and « someone typed over the header » reported.
  expect(writesOn(edits, C(2))).toEqual([]);
  expect(findings).toEqual([]);
  expect(edits).toEqual([]);
  // The typed row is seen where it is now.
  expect(rowsOf(wb, 2)).toBe(1);
});

test("rows inserted above the title block move the whole sheet, marker and names included", () => {
  const wb = filledWorkbook();
  insertRows(wb, C(5), 2, 2);
  expect(
    checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: new Date("2026-03-12") }).filter((f) =>
      STRUCTURAL.has(f.rule),
    ),
  ).toEqual([]);
  const { edits, findings } = update(wb);
  expect(findings).toEqual([]);
  expect(writesOn(edits, C(5))).toEqual([]);
});

test("rows inserted inside the table make it longer: the rows below 109 are checked, counted and kept in drop-downs", () => {
  const wb = filledWorkbook();
  insertRows(wb, C(3), 50, 5);
  const s = sheetOf(wb, C(3));
  s.cells.A114 = text("Un axe qui n'est pas dans la liste");
  s.cells.C114 = text("Action tapée tout en bas");
  const check = checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: new Date("2026-03-12") });
  expect(check.filter((f) => STRUCTURAL.has(f.rule))).toEqual([]);
  expect(check).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "axis-unknown", cell: "A114" })]));
  expect(rowsOf(wb, 3)).toBe(2);
  expect(name(wb, "Saisie_Axes_C3")).toMatch(/\$A\$10:\$A\$114$/);
  expect(update(wb).edits).toEqual([]);
});

test("rows typed below the table (a file edited elsewhere): checked, counted by the Synthèse, brought into the table", () => {
  const wb = filledWorkbook();
  const s = sheetOf(wb, C(4));
  fillRow(wb, 4, 112);
  const check = checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: new Date("2026-03-12") });
  expect(rowsOf(wb, 4)).toBe(2);
  // The drop-downs and the names the Synthèse formulas read do not reach row 112 yet: the check says so …
  expect(check).toEqual(
    expect.arrayContaining([expect.objectContaining({ rule: "validation-missing", sheet: C(4), cell: "A110:A112" })]),
  );
  // … and the update stretches them, without touching a typed cell.
  const before = JSON.stringify(s.cells);
  const { edits, findings } = update(wb);
  expect(findings).toEqual([]);
  applyToSnapshot(wb, edits);
  expect(JSON.stringify(sheetOf(wb, C(4)).cells)).toBe(before);
  expect(name(wb, "Saisie_Axes_C4")).toMatch(/\$A\$10:\$A\$112$/);
  expect(
    checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: new Date("2026-03-12") }).filter((f) =>
      STRUCTURAL.has(f.rule),
    ),
  ).toEqual([]);
  expect(update(wb).edits).toEqual([]);
});
