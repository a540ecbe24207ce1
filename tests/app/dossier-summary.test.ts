/**
 * The dossier's one-line summary (its actions and engagements, its parts « À compléter ») is computed once, by the
 * use case (src/app/dossier.ts), and both surfaces show the use case's figures: the pane's « Préparer le dossier »
 * and `ldm-fiches dossier` (#26). The same rows typed in the same workbook give the same figures on both.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { dossierUseCase } from "../../src/app/dossier";
import { dossierCommand } from "../../src/cli/dossier";
import { buildBlueprint } from "../../src/domain/blueprint/build";
import { emptyModel, MemoryHost } from "../../src/excel-imitation/host";
import { createWorkbookService } from "../../src/taskpane/services/workbook-service";
import { TEXTS } from "../../src/taskpane/texts";
import { officeSession } from "../../src/workbook/office/session";
import { blueprintToXlsx } from "../../src/workbook/xlsx/generate";
import { readWorkbookFile } from "../../src/cli/files";
import { xlsxSession } from "../../src/workbook/xlsx/session";
import { XlsxHands } from "../helpers/xlsx-hands";
import { C } from "../helpers/workbooks";
import { ESTABLISHMENTS } from "../helpers/establishments";

// The Sommaire's page numbers come from LibreOffice (seconds); the summary does not depend on them.
jest.mock("../../src/cli/pdf", () => ({ headingPages: async () => undefined, docxToPdfRefreshed: jest.fn() }));

const today = new Date("2026-03-12T10:00:00Z");
/** The rows a team typed: two actions of criterion 3, one of criterion 5. */
const TYPED: readonly [number, string, string][] = [
  [3, "C10", "Tutorat entre pairs"],
  [3, "C11", "Atelier d'écriture"],
  [5, "C10", "Forum des métiers"],
];

async function xlsxFile(): Promise<string> {
  const hands = new XlsxHands(
    await blueprintToXlsx(buildBlueprint({ auditYear: 2028, establishments: ESTABLISHMENTS })),
  );
  for (const [n, cell, text] of TYPED) hands.type(C(n), cell, text);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "ldm-dossier-summary-")), "fiches.xlsx");
  writeFileSync(file, hands.bytes());
  return file;
}

async function cli(argv: string[]): Promise<string[]> {
  const out: string[] = [];
  expect(await dossierCommand(argv, { out: (l) => out.push(l), err: (l) => out.push(`err: ${l}`) }, today)).toBe(0);
  return out;
}

test("the use case counts the dossier's actions (of the criterion asked for)", async () => {
  const file = await xlsxFile();
  const wb = await readWorkbookFile(file);
  const all = await dossierUseCase(xlsxSession(wb.bytes, wb.snapshot), { today, establishments: ESTABLISHMENTS });
  expect(all.actions).toBe(3);
  const c3 = await dossierUseCase(xlsxSession(wb.bytes, wb.snapshot), {
    today,
    criterion: 3,
    establishments: ESTABLISHMENTS,
  });
  expect(c3.actions).toBe(2);
});

test("ldm-fiches dossier prints the use case's figures", async () => {
  const file = await xlsxFile();
  const wb = await readWorkbookFile(file);
  const d = await dossierUseCase(xlsxSession(wb.bytes, wb.snapshot), { today, establishments: ESTABLISHMENTS });
  const out = path.join(path.dirname(file), "d.docx");
  expect(await cli([file, "--out", out])).toEqual([
    `Dossier écrit : ${out} (version de travail ; ${d.actions} action(s) et engagement(s) ; ${d.gaps} partie(s) « À compléter », listées en première page).`,
  ]);
  const one = await cli([file, "--out", out, "--criterion", "3"]);
  expect(one[0]).toContain("; 2 action(s) et engagement(s) ;");
});

test("the pane shows the use case's figures, the same as the command line's for the same rows", async () => {
  const host = new MemoryHost(emptyModel());
  const service = createWorkbookService({ run: host.run, today: () => today, pageLayout: () => true });
  await service.generate({ auditYear: 2028 });
  for (const [n, cell, text] of TYPED)
    host.model.sheets.find((s) => s.name === C(n))!.cells.set(cell, { value: text, locked: false });
  const d = await host.run((context) =>
    dossierUseCase(officeSession(context, { pageLayout: true, grouping: false }), {
      today,
      establishments: ESTABLISHMENTS,
    }),
  );
  const file = await service.dossier();
  expect({ actions: file.actions, gaps: file.gaps }).toEqual({ actions: d.actions, gaps: d.gaps });
  expect(file.actions).toBe(3);
  expect(TEXTS.dossierReady(file.actions, file.gaps)).toContain("3\u00a0actions et engagements");
  // The same rows in the command line's file: the same count.
  const wb = await readWorkbookFile(await xlsxFile());
  expect(
    (await dossierUseCase(xlsxSession(wb.bytes, wb.snapshot), { today, establishments: ESTABLISHMENTS })).actions,
  ).toBe(file.actions);
});
