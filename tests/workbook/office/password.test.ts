/**
 * A sheet protected by a password Fiches LDM does not know: Excel refuses `unprotect()` (the in-memory Excel
 * too); the update says so in French before anything is written, and writes nothing.
 */
import { emptyModel, MemoryHost, OfficeLikeError } from "../../../src/excel-imitation/host";
import { readSnapshot } from "../../../src/workbook/office/adapter";
import { createWorkbookService, ServiceError } from "../../../src/taskpane/services/workbook-service";
import { C } from "../../helpers/workbooks";
import { officeClientRun } from "../../helpers/office-client";

const TODAY = () => new Date("2026-03-12T10:00:00Z");

test("the in-memory Excel refuses unprotect() without the sheet's password, as Excel does, and accepts it with", async () => {
  const host = new MemoryHost(emptyModel());
  await host.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Feuil1").protection.protect({}, "secret");
    await ctx.sync();
  });
  const unprotect = (password?: string) =>
    host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Feuil1").protection.unprotect(password);
      await ctx.sync();
    });
  await expect(unprotect()).rejects.toMatchObject({
    code: "InvalidArgument",
    debugInfo: { errorLocation: "WorksheetProtection.unprotect" },
  });
  await expect(unprotect("autre")).rejects.toBeInstanceOf(OfficeLikeError);
  expect(host.model.sheets[0].protected).toBe(true);
  await unprotect("secret");
  expect(host.model.sheets[0].protected).toBe(false);
});

test("an update that needs a sheet protected by a password says so in French before writing anything, and writes nothing", async () => {
  const host = new MemoryHost(emptyModel());
  // Through Microsoft's client library too: the sheets tried first are calls it accepts.
  const client = officeClientRun(host);
  const service = createWorkbookService({ run: client.run, today: TODAY, pageLayout: () => true });
  await service.generate({ school: "0040007L — LYCEE", auditYear: 2028 });
  // Someone pastes over the drop-downs of C1 and C3, and protects C3 again with a password of theirs.
  const c1 = host.model.sheets.find((s) => s.name === C(1));
  const c3 = host.model.sheets.find((s) => s.name === C(3));
  if (!c1 || !c3) throw new Error("fiches manquantes");
  c1.validations = [];
  c3.validations = [];
  c3.password = "leur-mot-de-passe";
  const before = await host.run(async (ctx) => (await readSnapshot(ctx)).snapshot);

  const refused = await service.update().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(refused).toBeInstanceOf(ServiceError);
  const message = (refused as Error).message;
  expect(message).toContain(`« ${C(3)} »`);
  expect(message).toContain("mot de passe");
  expect(message).toMatch(/Rien n'a été modifié\.$/);
  // Nothing half-written: C1 (edited before C3 in the batch) kept its state, and every sheet its protection.
  const after = await host.run(async (ctx) => (await readSnapshot(ctx)).snapshot);
  expect(after).toEqual(before);
  expect(c1.validations).toEqual([]);
  expect(c3.password).toBe("leur-mot-de-passe");

  // The password taken off, the same update repairs both sheets.
  c3.protected = false;
  c3.password = undefined;
  await service.update();
  expect(host.model.sheets.find((s) => s.name === C(1))?.validations.length).toBeGreaterThan(0);
  expect(host.model.sheets.find((s) => s.name === C(3))?.validations.length).toBeGreaterThan(0);
  expect(host.model.sheets.find((s) => s.name === C(3))?.protected).toBe(true);
});
