/**
 * The guide's own example indicators, typed as a school would with plausible values: the check says nothing
 * false about them — no value refused, no progress called a setback. Their kind and direction are a reviewed
 * part of the referential (referential/indicator-profiles.ts), not a guess from their words.
 */
import { checkWorkbook } from "../../src/domain/check";
import { CRITERIA } from "../../src/domain/referential/criteria";
import { GUIDE_INDICATOR_PROFILES } from "../../src/domain/referential/indicator-profiles";
import { guideProfile, indicatorDirection, indicatorKind } from "../../src/domain/indicators";
import type { CellSnapshot } from "../../src/domain/snapshot";
import { listKey } from "../../src/domain/text";
import { C, fillParameters, freshWorkbook, num, sheetOf, text } from "../helpers/workbooks";
import { ESTABLISHMENTS } from "../helpers/establishments";

const TODAY = new Date("2026-03-12T10:00:00Z");

/** A plausible 2025 result and a target that is progress, for each kind and direction. */
function plausible(kind: string, lower: boolean): [CellSnapshot, CellSnapshot][] {
  const pair = (a: CellSnapshot, b: CellSnapshot): [CellSnapshot, CellSnapshot] => (lower ? [b, a] : [a, b]);
  switch (kind) {
    case "count":
      return [pair(num(12), num(18))];
    case "percentage":
      return [pair(num(0.45, "0%"), num(0.6, "0%")), pair(num(45), num(60))];
    case "ratio":
      return [pair(num(1.4, "0%"), num(1.8, "0%")), pair(num(140), num(180))];
    case "countOrRate":
      return [pair(num(24), num(30)), pair(num(0.3, "0%"), num(0.4, "0%"))];
    case "amount":
      return [pair(num(1500), num(2250.5))];
    default:
      return [
        pair(text("12 actions : forums, stages, mini-stages"), text("18 actions, dont 3 nouvelles")),
        pair(num(3), num(5)),
      ];
  }
}

test("every example indicator of the guide has a reviewed kind and direction", () => {
  const examples = CRITERIA.flatMap((c) => c.indicators.map((i) => i.text));
  expect(examples.length).toBeGreaterThan(70);
  expect(examples.filter((t) => !guideProfile(t))).toEqual([]);
  // And the table names nothing that is not in the guide (a typo would silently fall back to the words).
  const known = new Set(examples.map(listKey));
  expect(Object.keys(GUIDE_INDICATOR_PROFILES).filter((t) => !known.has(listKey(t)))).toEqual([]);
});

test("the guide's indicators with plausible values: no value refused, no progress called a setback", () => {
  const wb = fillParameters(freshWorkbook({ auditYear: 2028 }));
  for (const c of CRITERIA) {
    const sheet = sheetOf(wb, C(c.number));
    let row = 10;
    for (const ind of c.indicators) {
      const profile = guideProfile(ind.text)!;
      for (const [ref, target] of plausible(profile.kind, profile.direction === "lower")) {
        sheet.cells[`A${row}`] = text(c.axes[0].text);
        sheet.cells[`B${row}`] = text(c.objectives[0].text);
        sheet.cells[`C${row}`] = text(c.actions[0].text);
        sheet.cells[`D${row}`] = text(ind.text);
        sheet.cells[`E${row}`] = ref;
        sheet.cells[`F${row}`] = target;
        row++;
      }
    }
  }
  const fs = checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: TODAY });
  const wrong = fs.filter((f) => f.rule === "value-type" || f.rule === "indicator-wrong-way");
  expect(wrong.map((f) => `${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
});

test("what the issue found: décrochage-fighting indicators rise, rates and pressure ratios and typologies are accepted, budgets are amounts", () => {
  expect(indicatorDirection("Nombre de PACTE enseignants « lutte contre le décrochage scolaire »")).toBe("higher");
  expect(
    indicatorDirection("Nombre d’enseignants inscrits dans un parcours de formation en lien avec le décrochage"),
  ).toBe("higher");
  expect(indicatorDirection("Taux d’absentéisme en cours, en PFMP")).toBe("lower");
  expect(indicatorKind("Taux de pression dans la section euro")).toBe("ratio");
  expect(indicatorKind("Nombre et taux de mobilités effectivement réalisées")).toBe("countOrRate");
  expect(indicatorKind("Nombre et typologie des actions mises en place dans l’établissement")).toBe("free");
  expect(indicatorKind("Budgets consacrés à la communication")).toBe("amount");
  // Typed with other quotes or case, the guide's wording is still recognised.
  expect(indicatorKind("taux de pression dans la section EURO")).toBe("ratio");
  // A school's own indicator: still read from its words.
  expect(indicatorKind("Nombre de sorties au théâtre")).toBe("count");
  expect(indicatorDirection("Nombre de décrocheurs de l'année")).toBe("lower");
});

test("the check still refuses what does not fit: a count of 12.5, a share of 140 %, a budget in words", () => {
  const wb = fillParameters(freshWorkbook({ auditYear: 2028 }));
  const put = (n: number, row: number, indicator: string, v: CellSnapshot) => {
    const s = sheetOf(wb, C(n));
    const c = CRITERIA[n - 1];
    s.cells[`A${row}`] = text(c.axes[0].text);
    s.cells[`B${row}`] = text(c.objectives[0].text);
    s.cells[`C${row}`] = text(c.actions[0].text);
    s.cells[`D${row}`] = text(indicator);
    s.cells[`E${row}`] = v;
    s.cells[`F${row}`] = v;
  };
  put(4, 10, "Nombre de parrainages", num(12.5));
  put(2, 10, "Taux d’occupation des plateaux techniques", num(1.4, "0%"));
  put(8, 10, "Budgets consacrés à la communication", text("beaucoup"));
  const fs = checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: TODAY }).filter((f) => f.rule === "value-type");
  expect(fs.map((f) => `${f.sheet}!${f.cell}`).sort()).toEqual(
    [`${C(2)}!E10`, `${C(2)}!F10`, `${C(4)}!E10`, `${C(4)}!F10`, `${C(8)}!E10`, `${C(8)}!F10`].sort(),
  );
});
