/** The ribbon button's one line, on the in-memory Excel: never « prête pour le comité » on a sheet that is not a fiche. */
import { checkActiveSheetText } from "../../src/commands/check-text";
import { createWorkbookService } from "../../src/taskpane/services/workbook-service";
import { emptyModel, MemoryHost } from "../../src/excel-imitation/host";
import { C } from "../helpers/workbooks";

test("on Synthèse the button says it is not a fiche; on a fiche it counts and selects the first error", async () => {
  const host = new MemoryHost(emptyModel());
  const service = createWorkbookService({ run: host.run, today: () => new Date("2026-03-12") });
  await service.generate({ school: "0040007L — LYCEE", auditYear: 2028 });
  host.activate("Synthèse");
  const text = await checkActiveSheetText(service);
  expect(text).toMatch(/Synthèse/);
  expect(text).toMatch(/n'est pas une fiche/);
  expect(text).not.toMatch(/prête/);
  host.activate(C(1));
  host.edit(C(1), "A10", "Un axe inventé");
  expect(await checkActiveSheetText(service)).toMatch(new RegExp(`^${C(1)} : \\d+ erreurs?`));
  expect(host.model.selection).toEqual({ sheet: C(1), address: "A10" });
});
