/** The live check's scope (#27): only the sheets people changed are checked again, with the same findings. */
import { checkWorkbook } from "../../src/domain/check";
import { checkUseCase } from "../../src/app/check";
import { C, filledWorkbook, sheetOf, text } from "../helpers/workbooks";
import { ESTABLISHMENTS } from "../helpers/establishments";

const today = new Date("2027-03-12");

function wrong() {
  const wb = filledWorkbook();
  for (const n of [1, 2, 3]) sheetOf(wb, C(n)).cells.A20 = text(`axe faux ${n}`);
  return wb;
}

test("checkWorkbook({ sheets }) gives the findings of those sheets, as the whole check does", () => {
  const wb = wrong();
  const all = checkWorkbook(wb, { establishments: ESTABLISHMENTS, today });
  const some = checkWorkbook(wb, { establishments: ESTABLISHMENTS, today, sheets: [C(2)] });
  expect(some.length).toBeGreaterThan(0);
  expect(some).toEqual(all.filter((f) => f.sheet === C(2)));
});

test("the use case's sheets option: those sheets only, every sheet when Paramètres changed, nothing written", async () => {
  const wb = wrong();
  const session = {
    read: async () => ({ snapshot: wb, activeSheet: C(2) }),
    apply: () => Promise.reject(new Error("no write")),
  };
  const one = await checkUseCase(session, { establishments: ESTABLISHMENTS, today, sheets: [C(3)] });
  expect(one.sheets).toEqual([C(3)]);
  expect(one.findings.every((f) => f.sheet === C(3))).toBe(true);
  expect(one.fiches).toContain(C(1));
  const params = await checkUseCase(session, { establishments: ESTABLISHMENTS, today, sheets: ["Paramètres"] });
  expect(params.sheets).toEqual(wb.sheets.map((s) => s.name));
  expect(params.findings).toEqual(checkWorkbook(wb, { establishments: ESTABLISHMENTS, today }));
});
