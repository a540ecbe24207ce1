/**
 * The pane reaches Excel only through the Office session and the use cases (#26): going to a cell, an example put
 * in the selected row, the follow-up folded, the live check — each as many round trips as when the pane queued
 * them itself, on the imitation of Excel's API; and the use cases on a session with no Excel behind it.
 */
import { followUpUseCase } from "../../../src/app/follow-up";
import { insertExampleUseCase } from "../../../src/app/examples";
import { liveCheckUseCase } from "../../../src/app/check";
import type { ActiveSheet, LiveWorkbookSession } from "../../../src/app/port";
import { CRITERION_MARKER_ADDRESS, MARKERS } from "../../../src/domain/blueprint/layout";
import { emptyModel, MemoryHost } from "../../../src/excel-imitation/host";
import { createWorkbookService } from "../../../src/taskpane/services/workbook-service";
import { C, fillParameters, freshWorkbook } from "../../helpers/workbooks";
import { ESTABLISHMENTS } from "../../helpers/establishments";

const TODAY = () => new Date("2026-03-12T10:00:00Z");

async function setup() {
  const host = new MemoryHost(emptyModel());
  const service = createWorkbookService({ run: host.run, today: TODAY, pageLayout: () => true });
  await service.generate({ auditYear: 2028 });
  return { host, service };
}

async function syncsOf(host: MemoryHost, f: () => Promise<unknown>): Promise<number> {
  const before = host.syncCount;
  await f().catch(() => undefined);
  return host.syncCount - before;
}

test("round trips: go to a cell 1, an example written 3 (refused on another sheet: 1), the follow-up 2", async () => {
  const { host, service } = await setup();
  expect(await syncsOf(host, () => service.selectCell(C(1), "B12"))).toBe(1);
  expect(host.model.selection).toEqual({ sheet: C(1), address: "B12" });
  expect(await syncsOf(host, () => service.insertIntoSelectedRow("action", "Une action", 1))).toBe(3);
  expect(host.model.sheets.find((s) => s.name === C(1))?.cells.get("C12")?.value).toBe("Une action");
  expect(await syncsOf(host, () => service.insertIntoSelectedRow("action", "Une action", 4))).toBe(1);
  expect(await syncsOf(host, () => service.followUp())).toBe(2);
  expect(host.model.sheets.find((s) => s.name === C(1))?.hiddenColumns?.size).toBe(11);
  expect(await syncsOf(host, () => service.followUp())).toBe(2);
  expect(host.model.sheets.find((s) => s.name === C(1))?.hiddenColumns?.size).toBe(0);
});

test("an indicator goes in column D of the selected row (the header looked for down D1:D40, cell by cell)", async () => {
  const { host, service } = await setup();
  const c2 = host.model.sheets.find((s) => s.name === C(2))!;
  await service.selectCell(C(2), "A10");
  // The header is looked for down the indicator column (D1:D40): the session gives each cell of that range.
  // (A header moved down by rows inserted above the table: adapter.test.ts.)
  expect(await service.insertIntoSelectedRow("indicator", "Un indicateur", 2)).toBe("D10");
  expect(c2.cells.get("D10")?.value).toBe("Un indicateur");
});

/** A session with no Excel behind it: the active sheet as given, what was written. */
function fakeSession(active: Partial<ActiveSheet>, filled = new Map<string, string>()) {
  const calls: string[] = [];
  const session: LiveWorkbookSession = {
    read: () => Promise.reject(new Error("not read")),
    apply: () => Promise.reject(new Error("not written")),
    readChanged: () => Promise.reject(new Error("not read")),
    active: async (ask) => {
      calls.push(`active ${ask.cells.join(",")}${ask.columns ? ` ${ask.columns}` : ""}`);
      return { sheet: "C2", selection: "C14", values: {}, ...active };
    },
    goTo: async (sheet, cell) => void calls.push(`goTo ${sheet}!${cell}`),
    fillIfEmpty: async (sheet, cell, value) => {
      calls.push(`fill ${sheet}!${cell}`);
      if (filled.has(`${sheet}!${cell}`)) return false;
      filled.set(`${sheet}!${cell}`, value);
      return true;
    },
    setColumnsHidden: async (sheet, columns, hidden) => void calls.push(`hide ${sheet}!${columns} ${hidden}`),
  };
  return { session, calls, filled };
}

test("the example's use case decides; the session only reads and writes", async () => {
  const marker = { [CRITERION_MARKER_ADDRESS]: MARKERS.criterion(2) };
  const on = fakeSession({ values: marker });
  expect(await insertExampleUseCase(on.session, { column: "action", text: "x", criterion: 2 })).toEqual({
    kind: "written",
    cell: "C14",
  });
  expect(await insertExampleUseCase(on.session, { column: "action", text: "y", criterion: 2 })).toEqual({
    kind: "not-empty",
    cell: "C14",
  });
  expect(on.filled.get("C2!C14")).toBe("x");
  expect(await insertExampleUseCase(on.session, { column: "action", text: "x", criterion: 6 })).toEqual({
    kind: "wrong-sheet",
    sheet: "C2",
    sheetCriterion: 2,
  });
  const above = fakeSession({ values: marker, selection: "A3" });
  expect(await insertExampleUseCase(above.session, { column: "indicator", text: "x", criterion: 2 })).toEqual({
    kind: "no-row",
  });
  expect(above.calls.filter((c) => c.startsWith("fill"))).toEqual([]);
});

test("the follow-up's use case: shows when any column is hidden, hides otherwise, refuses a sheet that is no fiche", async () => {
  const marker = { [CRITERION_MARKER_ADDRESS]: MARKERS.criterion(3) };
  const mixed = fakeSession({ sheet: "C3", values: marker, columnsHidden: null });
  expect(await followUpUseCase(mixed.session)).toEqual({ kind: "done", sheet: "C3", hidden: false });
  expect(mixed.calls).toEqual([`active ${CRITERION_MARKER_ADDRESS} I:S`, "hide C3!I:S false"]);
  const shown = fakeSession({ sheet: "C3", values: marker, columnsHidden: false });
  expect(await followUpUseCase(shown.session)).toMatchObject({ hidden: true });
  const other = fakeSession({ sheet: "Synthèse", values: {}, columnsHidden: false });
  expect(await followUpUseCase(other.session)).toEqual({ kind: "not-a-fiche", sheet: "Synthèse" });
  expect(other.calls.some((c) => c.startsWith("hide"))).toBe(false);
});

test("the live check's use case: the sheets read again, or every sheet after a whole read", async () => {
  const wb = fillParameters(freshWorkbook({ auditYear: 2028 }));
  const base = fakeSession({}).session;
  const again = await liveCheckUseCase(
    { ...base, readChanged: async () => ({ snapshot: wb, activeSheet: C(2), again: [C(2)] }) },
    { today: TODAY(), changed: ["id-2"], establishments: ESTABLISHMENTS },
  );
  expect(again.sheets).toEqual([C(2)]);
  expect(again.findings.every((f) => f.sheet === C(2))).toBe(true);
  expect(again.activeSheet).toBe(C(2));
  expect(again.fiches).toContain(C(2));
  const whole = await liveCheckUseCase(
    { ...base, readChanged: async () => ({ snapshot: wb }) },
    { today: TODAY(), changed: ["unknown"], establishments: ESTABLISHMENTS },
  );
  expect(whole.sheets).toEqual(wb.sheets.map((s) => s.name));
});
