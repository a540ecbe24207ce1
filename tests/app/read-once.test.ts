/**
 * The workbook as read is built once per use case (#26): the check (whole workbook, one sheet, the live check
 * of some sheets, with the Synthèse's counts), the update, the annual review and the dossier each read the
 * snapshot into the read model exactly once and hand it to the facts, the check, the reconciliation, the
 * synthesis and the dossier.
 */
import { checkUseCase, liveCheckUseCase } from "../../src/app/check";
import { dossierUseCase } from "../../src/app/dossier";
import { reportUseCase } from "../../src/app/report";
import { updateUseCase } from "../../src/app/update";
import type { WorkbookSession } from "../../src/app/port";
import { readModelBuilds } from "../../src/domain/workbook-as-read";
import { fillDossier, fillParameters, fillRow, freshWorkbook } from "../helpers/workbooks";
import { ESTABLISHMENTS } from "../helpers/establishments";

const today = new Date("2026-03-12");

function session(): WorkbookSession {
  const wb = fillDossier(fillParameters(freshWorkbook({ auditYear: 2028 })));
  for (let n = 1; n <= 8; n++) for (let r = 10; r <= 14; r++) fillRow(wb, n, r);
  return { read: async () => ({ snapshot: wb, activeSheet: wb.sheets[2].name }), apply: async () => {} };
}

async function builds(run: (s: WorkbookSession) => Promise<unknown>): Promise<number> {
  const s = session();
  const before = readModelBuilds.count;
  await run(s);
  return readModelBuilds.count - before;
}

test.each([
  [
    "check, whole workbook",
    (s: WorkbookSession) => checkUseCase(s, { establishments: ESTABLISHMENTS, today, oursOnly: true }),
  ],
  [
    "check, with the Synthèse's counts",
    (s: WorkbookSession) => checkUseCase(s, { establishments: ESTABLISHMENTS, today, recordCounts: true }),
  ],
  [
    "check, the active sheet",
    (s: WorkbookSession) => checkUseCase(s, { establishments: ESTABLISHMENTS, today, sheet: "active" }),
  ],
  [
    "check, the live check of one sheet",
    (s: WorkbookSession) => checkUseCase(s, { establishments: ESTABLISHMENTS, today, sheets: ["C1"] }),
  ],
  [
    "update",
    (s: WorkbookSession) => updateUseCase(s, { establishments: ESTABLISHMENTS, auditYear: 2029, oursOnly: true }),
  ],
  [
    "report (synthesis)",
    (s: WorkbookSession) => reportUseCase(s, { establishments: ESTABLISHMENTS, today, oursOnly: true }),
  ],
  ["dossier", (s: WorkbookSession) => dossierUseCase(s, { establishments: ESTABLISHMENTS, today, oursOnly: true })],
  ["dossier, final", (s: WorkbookSession) => dossierUseCase(s, { establishments: ESTABLISHMENTS, today, final: true })],
])("%s: the workbook is read into the read model once", async (_, run) => {
  expect(await builds(run)).toBe(1);
});

test("the pane's live check (liveCheckUseCase): the workbook is read into the read model once", async () => {
  const s = session();
  const before = readModelBuilds.count;
  await liveCheckUseCase(
    {
      ...s,
      readChanged: async () => ({ ...(await s.read()), again: ["C1"] }),
      active: () => Promise.reject(new Error("unused")),
      goTo: () => Promise.reject(new Error("unused")),
      fillIfEmpty: () => Promise.reject(new Error("unused")),
      setColumnsHidden: () => Promise.reject(new Error("unused")),
    },
    { today, changed: ["id"], establishments: ESTABLISHMENTS },
  );
  expect(readModelBuilds.count - before).toBe(1);
});
