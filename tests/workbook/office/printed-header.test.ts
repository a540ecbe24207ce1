/**
 * The pane says what the command line says: on the in-memory Excel, a school changed in Paramètres is reported on
 * each fiche's printed header and rewritten by « Mettre à jour » (ExcelApi 1.9); merged areas in the way of the
 * model's are undone before it is merged, as the .xlsx writer does.
 */
import { buildBlueprint } from "../../../src/domain/blueprint/build";
import { reconcile } from "../../../src/domain/reconcile";
import { emptyModel, MemoryHost } from "../../../src/excel-imitation/host";
import { readSnapshot } from "../../../src/workbook/office/adapter";
import { applyEdits } from "../../../src/workbook/office/write";
import { createWorkbookService } from "../../../src/taskpane/services/workbook-service";
import { C } from "../../helpers/workbooks";
import { ESTABLISHMENTS } from "../../helpers/establishments";

const TODAY = () => new Date("2026-03-12T10:00:00Z");
const SCHOOL_A = "0040007L — LYCEE PROFESSIONNEL LYCEE DES METIERS BEAU DE ROCHAS (DIGNE LES BAINS)";
const SCHOOL_B = "0040010P — LYCEE POLYVALENT ALEXANDRA DAVID NEEL (DIGNE LES BAINS)";
const NOTHING = ["Rien à mettre à jour\u00a0: le classeur est conforme."];

function setup(pageLayout: boolean) {
  const host = new MemoryHost(emptyModel());
  const service = createWorkbookService({ run: host.run, today: TODAY, pageLayout: () => pageLayout });
  return { host, service };
}

test("a school changed in Paramètres: the pane reports each fiche's printed header, the update rewrites it, once", async () => {
  const { host, service } = setup(true);
  await service.generate({ school: SCHOOL_A, headOfSchool: "Mme Dupont", auditYear: 2028 });
  expect((await service.check("workbook")).findings.filter((f) => f.rule === "header-outdated")).toEqual([]);
  expect(host.edit(C(1), "C10", "Notre action")).toBe(true);
  // A person picks another school in Paramètres (a yellow input cell).
  expect(host.edit("Paramètres", "B4", SCHOOL_B)).toBe(true);
  const { findings } = await service.check("workbook");
  const outdated = findings.filter((f) => f.rule === "header-outdated");
  expect(outdated.map((f) => f.sheet)).toEqual(Array.from({ length: 8 }, (_, i) => C(i + 1)));
  expect(outdated[0].message).toMatch(`nomme « ${SCHOOL_A} » alors que Paramètres!B4 dit « ${SCHOOL_B} »`);
  // « Vérifier la fiche » on the active fiche says it too.
  await host.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(C(3)).activate();
    await ctx.sync();
  });
  expect((await service.check("sheet")).findings.map((f) => f.rule)).toContain("header-outdated");
  const cells = JSON.stringify([...(host.model.sheets.find((s) => s.name === C(1))?.cells ?? [])]);
  expect(await service.update()).toEqual([
    `En-tête et pied de page imprimés réécrits sur 8 fiches (établissement : « ${SCHOOL_B} »).`,
  ]);
  const c1 = host.model.sheets.find((s) => s.name === C(1));
  expect(c1?.headersFooters).toEqual({
    leftHeader: "FICHE D'AMÉLIORATION — Critère 1",
    centerHeader: "",
    rightHeader: SCHOOL_B,
    leftFooter: "Fiches LDM",
    centerFooter: "Page &P / &N",
    rightFooter: "Imprimé le &D",
  });
  expect(JSON.stringify([...(c1?.cells ?? [])])).toBe(cells);
  expect(c1?.protected).toBe(true);
  expect(await service.update()).toEqual(NOTHING);
  expect((await service.check("workbook")).findings.filter((f) => f.rule === "header-outdated")).toEqual([]);
});

test("a host without page layout (ExcelApi 1.8) neither reads nor writes the printed header: nothing said, nothing done", async () => {
  const { host, service } = setup(false);
  await service.generate({ school: SCHOOL_A, auditYear: 2028 });
  expect(host.edit("Paramètres", "B4", SCHOOL_B)).toBe(true);
  expect((await service.check("workbook")).findings.filter((f) => f.rule === "header-outdated")).toEqual([]);
  expect(await service.update()).toEqual(NOTHING);
});

test("the in-memory Excel refuses a merge over a merged area; the adapter undoes the areas in the way first", async () => {
  const { host, service } = setup(true);
  await service.generate({ school: SCHOOL_A, auditYear: 2028 });
  const c3 = host.model.sheets.find((s) => s.name === C(3));
  if (!c3) throw new Error("no C3");
  await expect(
    host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(C(3)).getRange("A7:B7").merge(false);
      await ctx.sync();
    }),
  ).rejects.toThrow(/chevauche la fusion A7:A8/);
  // Merged areas left where rows were (a file edited by openpyxl, then opened in Excel): the reconciliation,
  // given the merges Excel holds, undoes those in the way and merges the model's.
  const stale = [...c3.merges];
  c3.merges = stale.map((m) => (m === "B3:C3" ? "B3:D3" : m === "D9:F9" ? "D9:G9" : m)).filter((m) => m !== "B2:C2");
  await host.run(async (ctx) => {
    const { snapshot } = await readSnapshot(ctx, undefined, { pageLayout: true });
    const withMerges = {
      ...snapshot,
      sheets: snapshot.sheets.map((s) => (s.name === C(3) ? { ...s, merges: [...c3.merges] } : s)),
    };
    const school = SCHOOL_A;
    const { edits } = reconcile(
      buildBlueprint({ establishments: ESTABLISHMENTS, auditYear: 2028, school }),
      withMerges,
    );
    expect(edits.filter((e) => e.sheet === C(3)).map((e) => e.op)).toEqual(["unmerge", "merge"]);
    await applyEdits(ctx, edits, withMerges, { pageLayout: true });
  });
  expect([...c3.merges].sort()).toEqual([...stale].sort());
  expect(c3.protected).toBe(true);
});
