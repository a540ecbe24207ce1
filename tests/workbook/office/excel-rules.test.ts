/**
 * The rest of issue #22, on the in-memory Excel and through Microsoft's client library: the print zoom in values
 * the reference documents, the workbook recalculated after suspended batches, the follow-up columns folded from
 * the pane on a protected fiche, and drop-down picks that raise no onChanged still checked again.
 */
import { emptyModel, MemoryHost } from "../../../src/excel-imitation/host";
import { createWorkbookService, ServiceError } from "../../../src/taskpane/services/workbook-service";
import { FIT_TALL_PAGES } from "../../../src/workbook/office/write";
import type { SheetChange } from "../../../src/workbook/office/adapter";
import { CRITERIA } from "../../../src/domain/referential/criteria";
import { C } from "../../helpers/workbooks";
import { officeClientRun } from "../../helpers/office-client";

const TODAY = () => new Date("2026-03-12T10:00:00Z");
const settle = () => new Promise((r) => setTimeout(r, 5));

function setup(options: { client?: boolean } = {}) {
  const host = new MemoryHost(emptyModel());
  const run = options.client ? officeClientRun(host).run : host.run;
  const service = createWorkbookService({ run, today: TODAY, pageLayout: () => true, grouping: () => true });
  return { host, service };
}

const sheet = (host: MemoryHost, name: string) => {
  const s = host.model.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`feuille ${name} manquante`);
  return s;
};

describe("print zoom (PageLayoutZoomOptions, ExcelApi 1.9)", () => {
  const zoom = (host: MemoryHost, z: Record<string, unknown>) =>
    host.run(async (ctx) => {
      (ctx.workbook.worksheets.getItem("Feuil1").pageLayout as unknown as Record<string, unknown>).zoom = z;
      await ctx.sync();
    });

  test("the in-memory Excel takes the documented values only: a scale of 10–400, whole numbers of pages", async () => {
    const host = new MemoryHost(emptyModel());
    await expect(zoom(host, { horizontalFitToPages: 1, verticalFitToPages: 0 })).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(zoom(host, { scale: 5 })).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(zoom(host, { horizontalFitToPages: 1.5 })).rejects.toMatchObject({ code: "InvalidArgument" });
    await zoom(host, { scale: 80 });
    expect(host.model.sheets[0].zoom).toEqual({ scale: 80 });
    await zoom(host, { horizontalFitToPages: 1, verticalFitToPages: 3 });
    expect(host.model.sheets[0].zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 3 });
  });

  test("« Générer » prints each sheet one page wide in documented values, through Microsoft's library too", async () => {
    const { host, service } = setup({ client: true });
    await service.generate({ auditYear: 2028 });
    for (const name of [C(1), C(8), "Synthèse", "Paramètres"])
      expect(sheet(host, name).zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: FIT_TALL_PAGES });
  });
});

describe("calculation after suspendApiCalculationUntilNextSync", () => {
  test("the in-memory Excel leaves formulas stale after a suspended batch, until a calculate outside one", async () => {
    const host = new MemoryHost(emptyModel());
    const write = (suspend: boolean, calculate?: "before-sync") =>
      host.run(async (ctx) => {
        if (suspend) ctx.workbook.application.suspendApiCalculationUntilNextSync();
        ctx.workbook.worksheets.getItem("Feuil1").getRange("A1:B1").formulas = [[1, "=A1*2"]];
        if (calculate) ctx.workbook.application.calculate("Recalculate" as Excel.CalculationType);
        await ctx.sync();
      });
    await write(true);
    expect(host.model.calculation).toMatchObject({ stale: true, suspendedSyncs: 1 });
    // A calculate in a suspended batch: not documented to run; the strict reading keeps the formulas stale.
    await write(true, "before-sync");
    expect(host.model.calculation?.stale).toBe(true);
    await write(false, "before-sync");
    expect(host.model.calculation).toMatchObject({
      stale: false,
      calculations: ["Recalculate (suspendu)", "Recalculate"],
    });
  });

  test("« Générer » and « Mettre à jour » (every sheet recreated) leave no stale formula: the last batch recalculates", async () => {
    const { host, service } = setup({ client: true });
    await service.generate({ auditYear: 2028 });
    expect(host.model.calculation?.suspendedSyncs).toBeGreaterThan(0);
    expect(host.model.calculation).toMatchObject({ stale: false, calculations: ["Recalculate"] });
    // The update recreates every sheet of ours: several suspended batches, then the recalculation.
    host.model.sheets = host.model.sheets.filter((s) => s.name === "Feuil1");
    host.model.names = [];
    host.model.activeSheet = 0;
    host.model.calculation = undefined;
    await service.update();
    const calc = () => host.model.calculation;
    expect(calc()?.suspendedSyncs).toBeGreaterThan(0);
    expect(calc()).toMatchObject({ stale: false, calculations: ["Recalculate"] });
    // « Vérifier tout le classeur » writes Synthèse's counts: one batch, not suspended, nothing stale.
    await service.check("workbook");
    expect(calc()?.stale).toBe(false);
  });
});

describe("the follow-up columns I–S on a protected fiche", () => {
  test("Excel refuses the outline's buttons on a protected sheet; the pane's toggle hides and shows I–S, protected again as before", async () => {
    const { host, service } = setup({ client: true });
    await service.generate({ auditYear: 2028 });
    const c2 = sheet(host, C(2));
    expect(c2.protected).toBe(true);
    expect([...c2.columnOutline.keys()]).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    // A person clicks the outline's « − »: refused, the sheet is protected.
    expect(host.outline(C(2), false)).toBe(false);
    const options = { ...c2.protectionOptions };

    await service.selectCell(C(2), "A12");
    const hidden = await service.followUp();
    expect(hidden).toMatchObject({ sheet: C(2), hidden: true });
    expect(hidden.line).toContain("masqué");
    expect([...(c2.hiddenColumns ?? [])].sort((a, b) => a - b)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(c2.protected).toBe(true);
    expect(c2.protectionOptions).toEqual(options);

    const shown = await service.followUp();
    expect(shown).toMatchObject({ sheet: C(2), hidden: false });
    expect(c2.hiddenColumns?.size).toBe(0);
    expect(c2.protected).toBe(true);
    expect(c2.protectionOptions).toEqual(options);
    // Some columns hidden by hand: the toggle shows them all.
    c2.hiddenColumns = new Set([12, 13]);
    await expect(service.followUp()).resolves.toMatchObject({ hidden: false });
    expect(c2.hiddenColumns.size).toBe(0);
  });

  test("not on a fiche, or on a fiche locked with a password: a French line, nothing changed", async () => {
    const { host, service } = setup();
    await service.generate({ auditYear: 2028 });
    await service.selectCell("Synthèse", "A1");
    await expect(service.followUp()).rejects.toThrow(/n'est pas une fiche critère/);
    const c3 = sheet(host, C(3));
    c3.password = "le-leur";
    await service.selectCell(C(3), "A12");
    const refused = await service.followUp().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServiceError);
    expect((refused as Error).message).toContain(`« ${C(3)} »`);
    expect((refused as Error).message).toMatch(/mot de passe.*Rien n'a été modifié\.$/s);
    expect(c3.hiddenColumns?.size ?? 0).toBe(0);
    expect(c3.protected).toBe(true);
  });
});

describe("drop-down picks that raise no onChanged", () => {
  test("leaving a drop-down cell after a pick counts as a change of its sheet; the live check then sees the pick", async () => {
    const { host, service } = setup();
    await service.generate({ auditYear: 2028 });
    const changes: SheetChange[] = [];
    await service.watch({ changed: (c) => changes.push(c), activated: () => undefined });
    await service.check("workbook");
    const c2 = sheet(host, C(2));
    // An axis that is not the guide's: typed, so onChanged says it; the live check finds it.
    host.select(C(2), "A12");
    host.edit(C(2), "A12", "Un axe qui n'est pas dans le guide");
    await settle();
    let live = await service.recheck([c2.id]);
    expect(live.findings.some((f) => f.rule === "axis-unknown" && f.cell === "A12")).toBe(true);
    changes.length = 0;

    // Then the guide's axis picked from the drop-down, in a host that raises no onChanged for it.
    expect(host.pick(C(2), "A12", CRITERIA[1].axes[0].text)).toBe(true);
    await settle();
    expect(changes).toEqual([]);
    // The person moves on (Entrée, a click, Tab): the selection leaves the drop-down cell.
    host.select(C(2), "C12");
    await settle();
    expect(changes).toEqual([{ worksheetId: c2.id, address: "A12", remote: false, byThisAddin: false }]);
    live = await service.recheck([c2.id]);
    expect(live.findings.some((f) => f.rule === "axis-unknown" && f.cell === "A12")).toBe(false);

    // Leaving a cell without a drop-down is no change.
    changes.length = 0;
    host.select(C(2), "D12");
    await settle();
    expect(changes).toEqual([]);
    // The imitation refuses a pick where there is no list.
    expect(host.pick(C(2), "D12", "x")).toBe(false);
  });
});
