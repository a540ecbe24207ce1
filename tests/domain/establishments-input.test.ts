/**
 * The check without the establishments (#26): a surface that forgot to hand them over gets a programming
 * error, never a false « lists-damaged » finding on a sound workbook. (jest's setup hands them over to every
 * test file; the check runs here in modules of its own, where nobody did.)
 */
import type { WorkbookSnapshot } from "../../src/domain/snapshot";
import { fillParameters, freshWorkbook } from "../helpers/workbooks";

test("checkWorkbook before the establishments are handed over throws, instead of finding « lists-damaged »", () => {
  const wb: WorkbookSnapshot = fillParameters(freshWorkbook({ auditYear: 2028 }));
  jest.isolateModules(() => {
    const { checkWorkbook } = require("../../src/domain/check");
    const { EstablishmentsNotLoaded } = require("../../src/domain/establishments");
    expect(() => checkWorkbook(wb, { today: new Date("2026-03-12") })).toThrow(EstablishmentsNotLoaded);
  });
});
