/** The Office.js adapter and the service, on the in-memory Excel: round trips, payloads, failures. */
import { buildBlueprint } from "../../../src/domain/blueprint/build";
import { checkWorkbook } from "../../../src/domain/check";
import { emptyModel, MemoryHost, newSheet, OfficeLikeError } from "../../../src/excel-imitation/host";
import { officeRunner, readSnapshot } from "../../../src/workbook/office/adapter";
import { createWorkbookService, ServiceError } from "../../../src/taskpane/services/workbook-service";
import { TEXTS } from "../../../src/taskpane/texts";
import { C, SHEET_ORDER } from "../../helpers/workbooks";
import { memoryDocumentSettings } from "../../../src/workbook/office/settings";
import { readFileSync } from "fs";
import * as path from "path";
import { REPO } from "../../helpers/paths";
import { ESTABLISHMENTS } from "../../helpers/establishments";

const STRUCTURAL = new Set(["sheet-missing", "lists-damaged", "validation-missing"]);
const TODAY = () => new Date("2026-03-12T10:00:00Z");

function setup() {
  const host = new MemoryHost(emptyModel());
  const service = createWorkbookService({ run: host.run, today: TODAY, pageLayout: () => true });
  return { host, service };
}

async function snapshotOf(host: MemoryHost) {
  return host.run(async (ctx) => (await readSnapshot(ctx)).snapshot);
}

test("generate costs 4 round trips, check 3, update of an intact workbook 2", async () => {
  const { host, service } = setup();
  await service.generate({ school: "0040007L — LYCEE", headOfSchool: "Mme Dupont", auditYear: 2028 });
  // The list of sheets, then the sheets of ours (here: none), then the write in two requests under 1 MB each
  // (their sizes, as Microsoft's library serializes them: office-client.test.ts).
  expect(host.syncCount).toBe(4);
  const before = host.syncCount;
  const result = await service.check("workbook");
  // The whole workbook's check also writes its counts and date in Synthèse: one more sync.
  expect(host.syncCount - before).toBe(3);
  expect(host.model.sheets.find((s) => s.name === "Synthèse")?.cells.get("B14")?.value).toBe("vérifié le 12/03/2026");
  const oneSheet = host.syncCount;
  await service.check("sheet");
  expect(host.syncCount - oneSheet).toBe(2);
  expect(result.findings.filter((f) => STRUCTURAL.has(f.rule))).toEqual([]);
  expect(result.findings.some((f) => f.rule === "header-missing" && f.cell === "B10")).toBe(true);
  const again = host.syncCount;
  expect(await service.update()).toEqual(["Rien à mettre à jour\u00a0: le classeur est conforme."]);
  expect(host.syncCount - again).toBe(2);
  expect(host.model.sheets.map((s) => s.name)).toEqual(["Feuil1", ...SHEET_ORDER]);
  expect(host.model.sheets.find((s) => s.name === "Listes")?.visibility).toBe("VeryHidden");
  expect(host.model.sheets.find((s) => s.name === C(1))?.protected).toBe(true);
});

test("the read is two syncs whatever the number of rows, and what it reads matches the blueprint", async () => {
  const { host, service } = setup();
  await service.generate({ auditYear: 2028 });
  const c2 = host.model.sheets.find((s) => s.name === C(2));
  for (let r = 10; r <= 109; r++) c2?.cells.set(`C${r}`, { value: `Action ${r}`, locked: false });
  const syncs = host.syncCount;
  const snapshot = await snapshotOf(host);
  expect(host.syncCount - syncs).toBe(2);
  const fs = checkWorkbook(snapshot, { establishments: ESTABLISHMENTS, today: TODAY() });
  expect(fs.filter((f) => STRUCTURAL.has(f.rule))).toEqual([]);
  expect(fs.filter((f) => f.rule === "row-incomplete" && f.sheet === C(2))).toHaveLength(100);
  const names = new Set(snapshot.names.map((n) => n.name));
  for (const n of buildBlueprint({ establishments: ESTABLISHMENTS }).names) expect(names.has(n.name)).toBe(true);
});

test("update restores what hands broke, keeps typed cells, in 3 round trips", async () => {
  const { host, service } = setup();
  await service.generate({ auditYear: 2028 });
  const m = host.model;
  const c3 = m.sheets.find((s) => s.name === C(3));
  if (!c3) throw new Error("no C3");
  c3.cells.set("A12", { value: "Texte saisi", locked: false });
  c3.validations = c3.validations.filter((v) => !(v.rule.list && String(v.rule.list.source) === "=Axes_C3"));
  m.sheets = m.sheets.filter((s) => s.name !== C(4));
  m.sheets.find((s) => s.name === "Listes")!.visibility = "Visible";
  const syncs = host.syncCount;
  const lines = await service.update(2029);
  expect(host.syncCount - syncs).toBe(3);
  expect(lines).toEqual(
    expect.arrayContaining([
      `Feuille « ${C(4)} » recréée.`,
      `1 liste déroulante restaurée sur ${C(3)} (A10:A109).`,
      "Paramètres!B7 ← 2029.",
    ]),
  );
  expect(host.model.sheets.find((s) => s.name === C(3))?.cells.get("A12")?.value).toBe("Texte saisi");
  // Protected again with the permissions the files grant: people can still insert rows, sort, filter.
  for (const name of [C(3), C(4)]) {
    const sheet = host.model.sheets.find((s) => s.name === name);
    expect([name, sheet?.protected, sheet?.protectionOptions]).toEqual([
      name,
      true,
      {
        allowFormatCells: true,
        allowFormatColumns: true,
        allowFormatRows: true,
        allowInsertRows: true,
        allowDeleteRows: true,
        allowSort: true,
        allowAutoFilter: true,
      },
    ]);
  }
  expect(host.model.sheets.map((s) => s.name).indexOf(C(4))).toBe(
    host.model.sheets.map((s) => s.name).indexOf(C(3)) + 1,
  );
  const after = checkWorkbook(await snapshotOf(host), { establishments: ESTABLISHMENTS, today: TODAY() });
  expect(after.filter((f) => STRUCTURAL.has(f.rule))).toEqual([]);
  expect(await service.update()).toEqual(["Rien à mettre à jour\u00a0: le classeur est conforme."]);
});

test("a workbook made before « Sens des indicateurs » gets the section, typeable, and the Synthèse column", async () => {
  const { host, service } = setup();
  await service.generate({ auditYear: 2028 });
  const m = host.model;
  const sheet = (name: string) => m.sheets.find((s) => s.name === name)!;
  // What the previous version wrote: no section, no drop-down, no names, no list, no Synthèse column M.
  const params = sheet("Paramètres");
  for (const a of ["A65", "A66", "B66", "C66"]) params.cells.delete(a);
  for (let r = 67; r <= 86; r++) for (const c of ["B", "C"]) params.cells.delete(`${c}${r}`);
  params.validations = params.validations.filter((v) => v.range.left !== 3);
  m.names = m.names.filter((n) => n.name !== "SensIndicateurs" && n.name !== "ChoixSens");
  for (const a of ["R1", "R2", "R3"]) sheet("Listes").cells.delete(a);
  for (let r = 4; r <= 12; r++) sheet("Synthèse").cells.delete(`M${r}`);
  const lines = await service.update();
  expect(lines.join("\n")).toMatch(/Paramètres/);
  // The new input area is unlocked on the protected sheet: people can type there.
  expect(params.protected).toBe(true);
  expect(params.cells.get("B67")?.locked).toBe(false);
  expect(params.cells.get("C86")?.locked).toBe(false);
  expect(params.cells.get("A65")?.value).toBe("Sens des indicateurs");
  expect(params.validations.some((v) => String(v.rule.list?.source) === "=ChoixSens")).toBe(true);
  // Synthèse!M is written by the check, not typed: formatted like J:K (grey, centred), and locked.
  expect(sheet("Synthèse").cells.get("M5")).toMatchObject({ locked: true, style: { horizontalAlignment: "Center" } });
  const after = checkWorkbook(await snapshotOf(host), { establishments: ESTABLISHMENTS, today: TODAY() });
  expect(after.filter((f) => STRUCTURAL.has(f.rule))).toEqual([]);
  expect(await service.update()).toEqual(["Rien à mettre à jour\u00a0: le classeur est conforme."]);
  // The check writes the wrong-way count in Synthèse!M.
  const c2 = sheet(C(2));
  c2.cells.set("D10", { value: "Taux de réussite au CAP", locked: false });
  c2.cells.set("E10", { value: 0.8, numberFormat: "0%", locked: false });
  c2.cells.set("F10", { value: 0.7, numberFormat: "0%", locked: false });
  const result = await service.check("workbook");
  expect(result.findings.filter((f) => f.rule === "indicator-wrong-way").map((f) => [f.sheet, f.cell])).toEqual([
    [C(2), "F10"],
  ]);
  expect(sheet("Synthèse").cells.get("M6")?.value).toBe(1);
  expect(sheet("Synthèse").cells.get("M5")?.value).toBe(0);
  // Targets reached at the audit, written by the check too (W:X): the result (Q) against the target (F).
  c2.cells.set("Q10", { value: 0.85, numberFormat: "0%", locked: false });
  await service.check("workbook");
  expect(["M6", "W6", "X6"].map((a) => sheet("Synthèse").cells.get(a)?.value)).toEqual([0, 1, 0]);
  c2.cells.set("Q10", { value: 0.6, numberFormat: "0%", locked: false });
  await service.check("workbook");
  expect(["M6", "W6", "X6"].map((a) => sheet("Synthèse").cells.get(a)?.value)).toEqual([1, 0, 1]);
});

test("the Synthèse chart: drawn by generate in the same batch, redrawn by update when deleted, a school's own kept", async () => {
  const { host, service } = setup();
  await service.generate({ auditYear: 2028 });
  const synth = () => host.model.sheets.find((s) => s.name === "Synthèse")!;
  expect(synth().charts).toEqual([
    {
      name: "LDM_Graphique_Synthese",
      type: "BarClustered",
      title: "Lignes remplies et constats de la dernière vérification, par critère",
      legendPosition: "Bottom",
      dataLabels: { showValue: true, numberFormat: "0;-0;;@" },
      position: { from: "A16", to: "L40" },
      series: [
        { name: "Lignes remplies", values: "C5:C12", categories: "A5:A12" },
        { name: "Erreurs (dernière vérification)", values: "J5:J12", categories: "A5:A12" },
        { name: "Avertissements (dernière vérification)", values: "K5:K12", categories: "A5:A12" },
      ],
    },
  ]);
  expect(await service.update()).toEqual(["Rien à mettre à jour\u00a0: le classeur est conforme."]);
  // Someone deletes it, and draws a chart of their own.
  synth().charts = [{ name: "Notre suivi", type: "Line", title: "Notre suivi", series: [] }];
  const syncs = host.syncCount;
  const lines = await service.update();
  expect(host.syncCount - syncs).toBe(3);
  expect(lines).toContain(
    "Synthèse : graphique « Lignes remplies et constats de la dernière vérification, par critère » redessiné.",
  );
  expect(synth().charts.map((c) => c.name)).toEqual(["Notre suivi", "LDM_Graphique_Synthese"]);
  expect(synth().protected).toBe(true);
  expect(await service.update()).toEqual(["Rien à mettre à jour\u00a0: le classeur est conforme."]);
});

test("input cells locked by a paste: the check (one read) says so, the update unlocks them and keeps the values", async () => {
  const { host, service } = setup();
  await service.generate({ auditYear: 2028 });
  const c6 = host.model.sheets.find((s) => s.name === C(6))!;
  for (const a of ["C20", "C21"]) c6.cells.set(a, { value: "collé", locked: true });
  const syncs = host.syncCount;
  const all = checkWorkbook(await snapshotOf(host), { establishments: ESTABLISHMENTS, today: TODAY() });
  expect(host.syncCount - syncs).toBe(2);
  expect(all.filter((f) => f.rule === "input-locked").map((f) => [f.sheet, f.cell])).toEqual([[C(6), "A10:G109"]]);
  const lines = await service.update();
  expect(lines).toContain(`1 zone de saisie remise en forme et déverrouillée sur ${C(6)} (A10:G109).`);
  expect(c6.cells.get("C20")).toMatchObject({ value: "collé", locked: false });
  expect(await service.update()).toEqual(["Rien à mettre à jour\u00a0: le classeur est conforme."]);
});

test("a drop-down pasted over in part of a column: one more read names the cells, the update restores them", async () => {
  const { host, service } = setup();
  await service.generate({ auditYear: 2028 });
  const c3 = host.model.sheets.find((s) => s.name === C(3))!;
  const axes = c3.validations.find((v) => String(v.rule.list?.source) === "=Axes_C3")!;
  // What a paste over A12:A15 leaves: the list on A10:A11 and on A16:A109 only.
  c3.validations = [
    ...c3.validations.filter((v) => v !== axes),
    { ...axes, range: { ...axes.range, bottom: 11 } },
    { ...axes, range: { ...axes.range, top: 16 } },
  ];
  const syncs = host.syncCount;
  const snapshot = await snapshotOf(host);
  expect(host.syncCount - syncs).toBe(3);
  const missing = checkWorkbook(snapshot, { establishments: ESTABLISHMENTS, today: TODAY() }).filter(
    (f) => f.rule === "validation-missing",
  );
  expect(missing.map((f) => [f.sheet, f.cell])).toEqual([[C(3), "A12:A15"]]);
  expect(await service.update()).toEqual([`1 liste déroulante restaurée sur ${C(3)} (A10:A109).`]);
  const again = host.syncCount;
  expect(await service.update()).toEqual(["Rien à mettre à jour\u00a0: le classeur est conforme."]);
  expect(host.syncCount - again).toBe(2);
});

test("a co-author's conflict on the write: its own French message, and a second « Mettre à jour » finishes", async () => {
  const { host, service } = setup();
  await service.generate({ auditYear: 2028 });
  host.model.sheets = host.model.sheets.filter((s) => s.name !== C(6));
  // Syncs 1 and 2 read; the 3rd writes and Excel answers « Conflict ».
  host.beforeSync = (ctx, n) => {
    if (n === 3) ctx.failNextSyncWith = new OfficeLikeError("Conflict", "conflict");
  };
  const service2 = createWorkbookService({ run: host.run, today: TODAY });
  await expect(service2.update()).rejects.toThrow(
    new ServiceError(
      "Excel n'a pas pu appliquer la demande : un co-auteur modifie le classeur au même moment. Relancez l'action dans un instant. Une partie des changements a pu être écrite avant le refus : relancez « Mettre à jour », qui termine le travail sans rien dupliquer.",
    ),
  );
  host.beforeSync = undefined;
  expect(await service.update()).toContain(`Feuille « ${C(6)} » recréée.`);
  expect(await service.update()).toEqual(["Rien à mettre à jour\u00a0: le classeur est conforme."]);
});

test("a refused read says nothing was changed; a cell being typed in has its own message", async () => {
  const { host, service } = setup();
  await service.generate({ auditYear: 2028 });
  host.beforeSync = (ctx, n) => {
    if (n === 1) ctx.failNextSyncWith = new OfficeLikeError("InvalidOperationInCellEditMode", "edit mode");
  };
  await expect(service.check("workbook")).rejects.toThrow(
    "Une cellule est en cours de saisie dans Excel : validez-la (Entrée) ou cliquez sur une autre cellule, puis relancez l'action. Rien n'a été modifié.",
  );
  host.beforeSync = (ctx, n) => {
    if (n === 2) ctx.failNextSyncWith = new OfficeLikeError("ResponsePayloadSizeLimitExceeded", "too big");
  };
  await expect(service.check("sheet")).rejects.toThrow(/Excel pour le web limite chaque échange à 5 Mo/);
});

test("a sheet protected between the read and the write: Excel stops the batch there, what came before stays, a second update finishes", async () => {
  const { host, service } = setup();
  await service.generate({ auditYear: 2028 });
  const c5 = host.model.sheets.find((s) => s.name === C(5));
  const c2 = host.model.sheets.find((s) => s.name === C(2));
  if (!c5 || !c2) throw new Error("no C5");
  c5.validations = [];
  c5.protected = false;
  c2.validations = [];
  // Someone protects C5 between our read and our write: the adapter's plan is stale.
  host.beforeSync = (ctx, n) => {
    if (n === 3) ctx.model.sheets.find((s) => s.name === C(5))!.protected = true;
  };
  const s2 = createWorkbookService({ run: host.run, today: TODAY });
  await expect(s2.update()).rejects.toThrow(/protégée.*relancez « Mettre à jour »/);
  const sheet = (name: string) => host.model.sheets.find((s) => s.name === name);
  // As in Excel, a batch is not a transaction: C2 (written before C5 in the batch) got its drop-downs back,
  // and is protected again — each sheet is unprotected only around its own edits.
  expect(sheet(C(2))?.validations.length).toBeGreaterThan(0);
  expect(sheet(C(2))?.protected).toBe(true);
  expect(sheet(C(5))?.validations).toEqual([]);
  host.beforeSync = undefined;
  expect(await service.update()).toEqual([
    `4 listes déroulantes restaurées sur ${C(5)} (A10:A109, B10:B109, I10:I109, J10:J109).`,
  ]);
  expect(sheet(C(5))?.protected).toBe(true);
});

test("« Vérifier la fiche » on a sheet that is not a fiche says so, and names it", async () => {
  const { service } = setup();
  await service.generate({ auditYear: 2028 });
  await service.selectCell("Synthèse", "A1");
  const r = await service.check("sheet");
  expect(r).toMatchObject({ notAFiche: true, sheet: "Synthèse", findings: [] });
  await service.selectCell(C(3), "A10");
  expect((await service.check("sheet")).notAFiche).toBeUndefined();
});

test("insert an example into the selected row, never over a filled cell", async () => {
  const { host, service } = setup();
  await service.generate({ auditYear: 2028 });
  await service.selectCell(C(1), "B12");
  expect(host.model.selection).toEqual({ sheet: C(1), address: "B12" });
  expect(
    await service.insertIntoSelectedRow("action", "Créer une cartographie des parcours de formations possibles", 1),
  ).toBe("C12");
  await expect(service.insertIntoSelectedRow("action", "Autre", 1)).rejects.toThrow(
    "La cellule C12 n'est pas vide\u00a0: rien n'a été remplacé.",
  );
  await service.selectCell(C(1), "A3");
  await expect(service.insertIntoSelectedRow("indicator", "x", 1)).rejects.toThrow(/Sélectionnez d'abord une ligne/);
  // An example of criterion 6 never lands in criterion 2's fiche, whatever the pane showed last.
  await service.selectCell(C(2), "C14");
  await expect(service.insertIntoSelectedRow("action", "Un exemple du critère 6", 6)).rejects.toThrow(
    TEXTS.wrongSheet(C(2), 6, 2),
  );
  await service.selectCell("Synthèse", "C14");
  await expect(service.insertIntoSelectedRow("action", "Un exemple", 6)).rejects.toThrow(
    TEXTS.wrongSheet("Synthèse", 6, undefined),
  );
  expect(host.model.sheets.find((s) => s.name === C(2))?.cells.get("C14")?.value ?? "").toBe("");
  expect(host.model.sheets.find((s) => s.name === C(1))?.cells.get("C12")?.value).toBe(
    "Créer une cartographie des parcours de formations possibles",
  );
});

/** Every input row of every fiche filled with long texts, and a school's own 3,000 × 12 sheet beside them. */
function fillEverything(host: MemoryHost): void {
  const long = (r: number, c: number) => `Texte saisi par l'équipe, ligne ${r}, colonne ${c} — assez long pour peser.`;
  for (const s of host.model.sheets.filter((x) => /^C\d/.test(x.name))) {
    for (let r = 10; r <= 109; r++) {
      for (let c = 1; c <= 7; c++) s.cells.set(`${"ABCDEFG"[c - 1]}${r}`, { value: long(r, c), locked: false });
    }
  }
  const data = newSheet("Données élèves");
  for (let r = 1; r <= 3000; r++) {
    for (let c = 0; c < 12; c++) {
      data.cells.set(`${"ABCDEFGHIJKL"[c]}${r}`, { value: c % 2 ? r * 1.5 : `Élève ${r} — donnée ${c}`, locked: true });
    }
  }
  host.model.sheets.push(data);
}

test("the read of a filled workbook beside a school's 3,000 × 12 sheet answers ≤ 1 MB per round trip (Excel on the web: 5 MB)", async () => {
  const { host, service } = setup();
  await service.generate({ auditYear: 2028 });
  fillEverything(host);
  const c0 = host.contexts.length;
  const snapshot = await snapshotOf(host);
  const answers = host.contexts.slice(c0).flatMap((c) => c.responseBytes);
  expect(answers).toHaveLength(2);
  expect(Math.max(...answers)).toBeLessThanOrEqual(1024 * 1024);
  // The school's sheet is listed, not read: its marker row only.
  const data = snapshot.sheets.find((s) => s.name === "Données élèves");
  expect(Object.keys(data?.cells ?? {}).every((a) => /^[A-Z]1$/.test(a))).toBe(true);
  // Yet everything of ours is there: every typed row is seen by the check.
  const fs = checkWorkbook(snapshot, { establishments: ESTABLISHMENTS, today: TODAY() });
  expect(fs.filter((f) => STRUCTURAL.has(f.rule))).toEqual([]);
  expect(snapshot.sheets.find((s) => s.name === C(8))?.cells.G109).toMatchObject({ t: "s" });
});

test("a fiche renamed after its hidden name was deleted is still found by its marker: one more round trip", async () => {
  const { host, service } = setup();
  await service.generate({ auditYear: 2028 });
  const c7 = host.model.sheets.find((s) => s.name === C(7))!;
  // Renaming a sheet in Excel rewrites the defined names that point at it; then someone deletes ours.
  c7.name = "Notre fiche 7";
  for (const n of host.model.names) n.formula = n.formula.split(`'${C(7)}'!`).join("'Notre fiche 7'!");
  host.model.names = host.model.names.filter((n) => n.name !== "LDM_Feuille_c7");
  c7.cells.set("C12", { value: "Action de la fiche renommée", locked: false });
  const syncs = host.syncCount;
  const snapshot = await snapshotOf(host);
  expect(host.syncCount - syncs).toBe(3);
  const fs = checkWorkbook(snapshot, { establishments: ESTABLISHMENTS, today: TODAY() });
  expect(fs.filter((f) => STRUCTURAL.has(f.rule))).toEqual([]);
  expect(fs.some((f) => f.sheet === "Notre fiche 7" && f.rule === "row-incomplete" && f.cell.includes("12"))).toBe(
    true,
  );
});

test("the Office runner asks Excel to wait for a cell being typed in (delayForCellEdit)", async () => {
  const calls: unknown[] = [];
  const fake = { run: (options: unknown, batch: unknown) => (calls.push(options), Promise.resolve(batch)) };
  await officeRunner(fake as unknown as Pick<typeof Excel, "run">)(async () => 1);
  expect(calls).toEqual([{ delayForCellEdit: true }]);
});

test("texts Excel would take for a date or a number are written as text: Listes!Z2 stays « 2025-01 »", async () => {
  const { host, service } = setup();
  await service.generate({ auditYear: 2028 });
  const z2 = host.model.sheets.find((s) => s.name === "Listes")?.cells.get("Z2");
  expect(z2).toMatchObject({ value: "2025-01", numberFormat: "@" });
  expect(await service.update()).toEqual(["Rien à mettre à jour\u00a0: le classeur est conforme."]);
});

test("generate asks Excel to open the pane with the workbook, once; an older workbook gets it at its next update", async () => {
  const host = new MemoryHost(emptyModel());
  const settings = memoryDocumentSettings();
  const service = createWorkbookService({ run: host.run, today: TODAY, settings });
  const lines = await service.generate({ auditYear: 2028 });
  expect(lines).toContain(
    "Le volet Fiches LDM s'ouvrira désormais avec ce classeur, pour chaque collègue qui a le complément.",
  );
  expect(settings.saved.get("Office.AutoShowTaskpaneWithDocument")).toBe(true);
  expect(await service.update()).toEqual(["Rien à mettre à jour\u00a0: le classeur est conforme."]);
  // A workbook made before: no setting yet; the update sets it and says so.
  const older = memoryDocumentSettings();
  const s2 = createWorkbookService({ run: host.run, today: TODAY, settings: older });
  expect(await s2.update()).toEqual([
    "Rien à mettre à jour\u00a0: le classeur est conforme.",
    "Le volet Fiches LDM s'ouvrira désormais avec ce classeur, pour chaque collègue qui a le complément.",
  ]);
  // Excel refusing to save the setting is said, not hidden.
  const failing = { ...memoryDocumentSettings(), save: () => Promise.reject(new Error("no")) };
  const s3 = createWorkbookService({ run: host.run, today: TODAY, settings: failing });
  expect((await s3.update()).at(-1)).toMatch(/n'a pas enregistré l'ouverture automatique du volet/);
});

test("the manifest's task pane id follows Microsoft's convention for opening with the document", () => {
  const manifest = readFileSync(path.join(REPO, "manifest.xml"), "utf8");
  expect(manifest).toMatch(
    /<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>Office\.AutoShowTaskpaneWithDocument<\/TaskpaneId>/,
  );
});

test("the pane refuses an audit year outside the label's period, as the command line does, and writes nothing", async () => {
  const { host, service } = setup();
  await expect(service.generate({ auditYear: 2040 })).rejects.toThrow(
    "L'année de l'audit 2040 est hors de la période du label : entre 2026 et 2030 pour l'année de référence 2025.",
  );
  expect(host.model.sheets.map((s) => s.name)).toEqual(["Feuil1"]);
  await service.generate({ auditYear: 2028 });
  await expect(service.update(2019)).rejects.toThrow(/hors de la période du label/);
  expect(host.model.sheets.find((s) => s.name === "Paramètres")?.cells.get("B7")?.value).toBe(2028);
});

test("rows inserted above a fiche's table in Excel: the check says nothing false, the update writes nothing there, an example lands in the moved table", async () => {
  const { host, service } = setup();
  await service.generate({ school: "0040007L — LYCEE", auditYear: 2028 });
  const title = C(2);
  expect(host.edit(title, "C10", "Notre action")).toBe(true);
  // The sheet is protected with « insert rows » allowed: a person inserts three rows above the header.
  expect(host.insertRows(title, 7, 3)).toBe(true);
  const sheet = () => host.model.sheets.find((s) => s.name === title);
  expect(sheet()?.cells.get("D10")?.value).toMatch(/Intitulé de l'indicateur/);
  const before = host.syncCount;
  const { findings } = await service.check("workbook");
  // The list, the bounded read, then the moved table read where it lies (its drop-downs, its input areas).
  expect(host.syncCount - before).toBe(4);
  expect(
    findings.filter((f) => f.sheet === title && [...STRUCTURAL, "structure-altered", "input-locked"].includes(f.rule)),
  ).toEqual([]);
  const cellsBefore = JSON.stringify([...(sheet()?.cells ?? [])]);
  const said = await service.update();
  expect(said.join("\n")).not.toMatch(/saisi|C2/);
  // No second header in the inserted rows, no merge over the moved one: the fiche is as the person left it.
  expect(JSON.stringify([...(sheet()?.cells ?? [])])).toBe(cellsBefore);
  expect(sheet()?.merges).not.toContain("D9:F9");
  expect(sheet()?.cells.get("C13")?.value).toBe("Notre action");
  // « Insérer » follows the table: row 11 is now the moved header's, row 14 the second input row.
  await service.selectCell(title, "C11");
  await expect(service.insertIntoSelectedRow("action", "Exemple", 2)).rejects.toThrow(/Sélectionnez d'abord une ligne/);
  await service.selectCell(title, "C14");
  expect(await service.insertIntoSelectedRow("action", "Exemple", 2)).toBe("C14");
});

test("rows inserted inside a fiche's table in Excel make it longer: the rows below 109 are checked", async () => {
  const { host, service } = setup();
  await service.generate({ school: "0040007L — LYCEE", auditYear: 2028 });
  const title = C(3);
  expect(host.insertRows(title, 50, 5)).toBe(true);
  expect(host.edit(title, "A114", "Un axe hors liste")).toBe(true);
  const { findings } = await service.check("workbook");
  expect(findings.filter((f) => f.sheet === title && STRUCTURAL.has(f.rule))).toEqual([]);
  expect(findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "axis-unknown", cell: "A114" })]));
  expect(await service.update()).toEqual(["Rien à mettre à jour\u00a0: le classeur est conforme."]);
});

test("generate in Excel sets each fiche's print: its rows, the criterion and the school on top, page and date below", async () => {
  const { host, service } = setup();
  await service.generate({ school: "0040007L — LYCEE & CO", auditYear: 2028 });
  const c1 = host.model.sheets.find((s) => s.name === C(1));
  expect(c1?.printArea).toBe("A1:G109");
  expect(c1?.printTitleRows).toBe("$7:$9");
  expect(c1?.headersFooters).toEqual({
    leftHeader: "FICHE D'AMÉLIORATION — Critère 1",
    rightHeader: "0040007L — LYCEE && CO",
    leftFooter: "Fiches LDM",
    centerFooter: "Page &P / &N",
    rightFooter: "Imprimé le &D",
  });
});

test("generate in Excel groups each fiche's follow-up columns I–S once (ExcelApi 1.10); an older host does not group, and still generates", async () => {
  const host = new MemoryHost(emptyModel());
  const service = createWorkbookService({ run: host.run, today: TODAY, pageLayout: () => true, grouping: () => true });
  await service.generate({ auditYear: 2028 });
  const fiches = new Set(Array.from({ length: 8 }, (_, i) => C(i + 1)));
  const follow = Array.from({ length: 11 }, (_, i) => [9 + i, 1]);
  for (const s of host.model.sheets) {
    const levels = [...s.columnOutline].sort((a, b) => a[0] - b[0]);
    expect([s.name, levels]).toEqual([s.name, fiches.has(s.name) ? follow : []]);
  }
  expect(host.model.sheets.filter((s) => fiches.has(s.name))).toHaveLength(8);
  // An update creates no sheet: nothing is grouped a second time.
  expect(await service.update()).toEqual(["Rien à mettre à jour\u00a0: le classeur est conforme."]);
  expect(host.model.sheets.find((s) => s.name === C(1))?.columnOutline.get(9)).toBe(1);
  // On a protected sheet Excel refuses to group.
  await expect(
    host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(C(1)).getRange("I:S").group("ByColumns");
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "AccessDenied" });

  // A host without ExcelApi 1.10 (the service's default): the same workbook, columns not grouped.
  const older = new MemoryHost(emptyModel());
  const olderService = createWorkbookService({ run: older.run, today: TODAY, pageLayout: () => true });
  await olderService.generate({ auditYear: 2028 });
  expect(older.model.sheets.map((s) => s.name)).toEqual(host.model.sheets.map((s) => s.name));
  for (const s of older.model.sheets) expect([s.name, s.columnOutline.size]).toEqual([s.name, 0]);
  expect(older.model.sheets.find((s) => s.name === C(1))?.columnWidths.get(19)).toBe(36 * 6);
  const { findings } = await olderService.check("workbook");
  expect(findings.filter((f) => STRUCTURAL.has(f.rule))).toEqual([]);
});
