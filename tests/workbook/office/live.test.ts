/**
 * The live check on the in-memory Excel: what people type (or a co-author) is checked again once the burst is
 * over, in one round trip, and the findings follow; the add-in's own writes are told apart; the pane follows
 * the active sheet without reading the workbook.
 */
import { emptyModel, MemoryHost } from "../../../src/excel-imitation/host";
import { createWorkbookService, mergeLive, type LiveCheck } from "../../../src/taskpane/services/workbook-service";
import { createBurst } from "../../../src/taskpane/services/burst";
import type { SheetChange } from "../../../src/workbook/office/adapter";
import { C } from "../../helpers/workbooks";

const TODAY = () => new Date("2026-03-12T10:00:00Z");
const settle = () => new Promise((r) => setTimeout(r, 5));

async function setup() {
  const host = new MemoryHost(emptyModel());
  const service = createWorkbookService({ run: host.run, today: TODAY, pageLayout: () => true });
  await service.generate({ auditYear: 2028 });
  const changes: SheetChange[] = [];
  const activations: string[] = [];
  await service.watch({ changed: (c) => changes.push(c), activated: (id) => activations.push(id) });
  return { host, service, changes, activations };
}

test("a typed cell raises one change with Excel's shape; the add-in's own writes say so", async () => {
  const { host, service, changes } = await setup();
  const c2 = host.model.sheets.find((s) => s.name === C(2))!;
  expect(host.edit(C(2), "A10", "Un axe qui n'est pas du guide")).toBe(true);
  await settle();
  expect(changes).toEqual([{ worksheetId: c2.id, address: "A10", remote: false, byThisAddin: false }]);
  // A locked cell of a protected sheet refuses the typing, as Excel does: no change.
  expect(host.edit(C(2), "A1", "titre")).toBe(false);
  host.edit(C(2), "B10", "x", "Remote");
  await settle();
  expect(changes[1]).toMatchObject({ remote: true, byThisAddin: false });
  changes.length = 0;
  await service.insertIntoSelectedRow("action", "Une action", 2).catch(() => undefined);
  await service.selectCell(C(2), "C20");
  await service.insertIntoSelectedRow("action", "Une action", 2);
  await settle();
  expect(changes.every((c) => c.byThisAddin)).toBe(true);
  expect(changes.length).toBeGreaterThan(0);
});

test("the changed sheet is checked again in one round trip, and only its findings are replaced", async () => {
  const { host, service } = await setup();
  const shown = await service.check("workbook");
  const c2 = host.model.sheets.find((s) => s.name === C(2))!;
  host.edit(C(2), "A10", "Un axe qui n'est pas du guide");
  const syncs = host.syncCount;
  const live = await service.recheck([c2.id]);
  expect(host.syncCount - syncs).toBe(1);
  expect(live.sheets).toEqual([C(2)]);
  expect(live.findings.some((f) => f.rule === "axis-unknown" && f.cell === "A10")).toBe(true);
  const merged = mergeLive(shown, live);
  expect(merged?.findings.filter((f) => f.sheet === C(2)).map((f) => f.rule)).toContain("axis-unknown");
  expect(merged?.findings.filter((f) => f.sheet !== C(2))).toEqual(shown.findings.filter((f) => f.sheet !== C(2)));
});

test("a change in Paramètres concerns every fiche; a sheet added since is read whole", async () => {
  const { host, service } = await setup();
  await service.check("workbook");
  const params = host.model.sheets.find((s) => s.name === "Paramètres")!;
  host.edit("Paramètres", "B7", 2031);
  const live = await service.recheck([params.id]);
  expect(live.sheets.length).toBe(host.model.sheets.length);
  host.model.sheets.push({ ...params, id: "{nouvelle}", name: "Notes", cells: new Map(), validations: [] });
  const syncs = host.syncCount;
  await service.recheck([params.id]);
  expect(host.syncCount - syncs).toBe(3);
});

test("with nothing on screen, the active fiche's findings appear after a change", () => {
  const live: LiveCheck = {
    sheets: [C(2)],
    fiches: [C(2), "Paramètres"],
    activeSheet: C(2),
    findings: [{ sheet: C(2), cell: "A10", rule: "axis-unknown", severity: "error", message: "m" }],
  };
  expect(mergeLive(undefined, live)).toMatchObject({ scope: "sheet", sheet: C(2), counts: { error: 1 } });
  expect(mergeLive(undefined, { ...live, activeSheet: "Synthèse" })).toBeUndefined();
});

test("the pane follows the active sheet from the last read, with no round trip", async () => {
  const { host, service, activations } = await setup();
  await service.status();
  host.activate(C(6));
  await settle();
  const c6 = host.model.sheets.find((s) => s.name === C(6))!;
  expect(activations).toEqual([c6.id]);
  const syncs = host.syncCount;
  expect(service.activated(c6.id)).toMatchObject({ activeSheet: C(6), activeCriterion: 6, generated: true });
  expect(host.syncCount).toBe(syncs);
});

test("a burst of changes makes one live check; changes during it make one more, after", async () => {
  jest.useFakeTimers();
  try {
    const flushed: string[][] = [];
    let release: () => void = () => undefined;
    const burst = createBurst<string>(500, (ids) => {
      flushed.push(ids);
      return new Promise<void>((r) => (release = r));
    });
    for (let i = 0; i < 300; i++) burst.add(i % 2 ? "a" : "b");
    jest.advanceTimersByTime(499);
    expect(flushed).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(flushed).toEqual([["b", "a"]]);
    burst.add("c");
    jest.advanceTimersByTime(2000);
    expect(flushed).toHaveLength(1);
    release();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(500);
    expect(flushed).toEqual([["b", "a"], ["c"]]);
  } finally {
    jest.useRealTimers();
  }
});

test("a host without the workbook's change events (ExcelApi 1.9) gets no handler and no error: the pane checks on click", async () => {
  const host = new MemoryHost(emptyModel());
  const service = createWorkbookService({ run: host.run, today: TODAY, liveEvents: () => false });
  await service.generate({ auditYear: 2028 });
  const syncs = host.syncCount;
  const changes: SheetChange[] = [];
  await service.watch({ changed: (c) => changes.push(c), activated: () => undefined });
  expect(host.syncCount).toBe(syncs);
  host.edit(C(1), "A10", "Un axe");
  await settle();
  expect(changes).toEqual([]);
});
