/** A new workbook opens with what to do next (#27): where the referents go, where criterion 1 starts. */
import { workbookStatus } from "../../src/app/status";
import { C, fillParameters, fillRow, freshWorkbook } from "../helpers/workbooks";

test("a fresh workbook: start with the first blank of Paramètres and criterion 1's first cell", () => {
  const wb = freshWorkbook();
  expect(workbookStatus({ snapshot: wb }).start).toEqual({
    parameters: { sheet: "Paramètres", cell: "B5", referentsMissing: 8 },
    firstFiche: { sheet: C(1), cell: "A10" },
  });
  fillParameters(wb);
  expect(workbookStatus({ snapshot: wb }).start).toEqual({ firstFiche: { sheet: C(1), cell: "A10" } });
});

test("once a row of any fiche is filled, there is no start view", () => {
  const wb = freshWorkbook();
  fillRow(wb, 5, 14);
  expect(workbookStatus({ snapshot: wb }).start).toBeUndefined();
});
