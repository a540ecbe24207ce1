/**
 * The adapter's batches queued on Microsoft's own Excel client library (excel-web-16.00.debug.js, the one office.js
 * loads in Excel on the web) and serialized by it, at every sync of a whole flow; the in-memory Excel answers
 * the reads (tests/helpers/office-client.ts). Excel on the web refuses a request over 5 MB; the product keeps
 * each one under 1 MB (issue #22), and defines a name before anything refers to it.
 */
import { emptyModel, MemoryHost } from "../../../src/excel-imitation/host";
import { createWorkbookService } from "../../../src/taskpane/services/workbook-service";
import { readSnapshot } from "../../../src/workbook/office/read";
import { applyEdits, planBatches, planWrite, PLANNED_BYTES } from "../../../src/workbook/office/write";
import type { Edit } from "../../../src/domain/reconcile/edits";
import { reconcile } from "../../../src/domain/reconcile";
import { buildBlueprint } from "../../../src/domain/blueprint/build";
import {
  addSchoolSheet,
  fillCriterionRows,
  largest,
  officeClientRun,
  REQUEST_BUDGET,
  type SyncRecord,
} from "../../helpers/office-client";
import { ESTABLISHMENTS } from "../../helpers/establishments";

const TODAY = () => new Date("2026-03-12T10:00:00Z");

function setup() {
  const host = new MemoryHost(emptyModel());
  const client = officeClientRun(host);
  const service = createWorkbookService({
    run: client.run,
    today: TODAY,
    pageLayout: () => true,
    grouping: () => true,
  });
  return { host, client, service };
}

/** The syncs a call makes, as Microsoft's library serialized them. */
async function syncsOf(client: { syncs: SyncRecord[] }, f: () => Promise<unknown>): Promise<SyncRecord[]> {
  client.syncs.length = 0;
  await f();
  return [...client.syncs];
}

/** Every sheet of ours deleted, every defined name lost: the update recreates the whole workbook around the school's sheets. */
function loseEverySheetOfOurs(host: MemoryHost) {
  host.model.sheets = host.model.sheets.filter((s) => s.name === "Feuil1" || s.name === "Données élèves");
  host.model.names = [];
  host.model.activeSheet = 0;
}

interface Action {
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[] };
}
interface ObjectPath {
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[] };
}

/** Every text of a value that is a formula (« =… »): structure cells, drop-down sources, defined names' targets. */
function formulasIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string" && value.startsWith("=")) out.push(value);
  else if (Array.isArray(value)) for (const v of value) formulasIn(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) formulasIn(v, out);
  return out;
}

/** The identifiers a formula uses, text literals, quoted sheet names, sheet prefixes and function names left out. */
function identifiers(formula: string): string[] {
  const bare = formula.replace(/"[^"]*"/g, '""').replace(/'[^']*'!/g, "");
  return [...bare.matchAll(/[A-Za-z_À-ÿ][\w.À-ÿ]*(?![\w.À-ÿ]*[!(])/g)].map((m) => m[0].toLowerCase());
}

/**
 * Where, in the order Excel runs them, each defined name is added (`workbook.names.add`) and first referred to
 * by a formula, a drop-down's source or another name: positions as [sync, action].
 */
function namesAndUses(syncs: readonly SyncRecord[]) {
  const added = new Map<string, [number, number]>();
  const used = new Map<string, [number, number]>();
  syncs.forEach((s, i) => {
    if (!s.body) return;
    const body = JSON.parse(s.body) as { Actions: Action[]; ObjectPaths: Record<string, ObjectPath> };
    const namesPath = Object.entries(body.ObjectPaths).find(([, p]) => p.Name === "Names" && p.ObjectPathType === 4);
    body.Actions.forEach((a, j) => {
      const path = body.ObjectPaths[String(a.ObjectPathId)];
      const args = a.ActionType === 1 ? path?.ArgumentInfo?.Arguments : a.ArgumentInfo?.Arguments;
      const isAdd =
        a.ActionType === 1 && path?.Name === "Add" && namesPath && String(path.ParentObjectPathId) === namesPath[0];
      for (const f of formulasIn(args ?? [])) for (const id of identifiers(f)) if (!used.has(id)) used.set(id, [i, j]);
      if (isAdd) {
        const name = String(args?.[0]).toLowerCase();
        if (!added.has(name)) added.set(name, [i, j]);
      }
    });
  });
  return { added, used };
}

const before = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

function expectNamesFirst(syncs: readonly SyncRecord[]) {
  const { added, used } = namesAndUses(syncs);
  expect(added.size).toBeGreaterThan(100);
  const late = [...added].filter(([name, at]) => used.has(name) && !before(at, used.get(name) as [number, number]));
  expect(late.map(([name]) => name)).toEqual([]);
}

test("« Générer » through Microsoft's excel-web-16.00 client: no request over 1 MB", async () => {
  const { client, service } = setup();
  const syncs = await syncsOf(client, () => service.generate({ school: "0040007L — LYCEE", auditYear: 2028 }));
  expect(syncs.map((s) => s.bytes).filter((b) => b > REQUEST_BUDGET)).toEqual([]);
  expect(largest(syncs)).toBeGreaterThan(100_000);
  expect(syncs.length).toBeLessThanOrEqual(5);
});

test("« Générer » and an update that recreates everything add each defined name before its first use", async () => {
  const { host, client, service } = setup();
  const syncs = await syncsOf(client, () => service.generate({ school: "0040007L — LYCEE", auditYear: 2028 }));
  // The first drop-down of the sheet Paramètres lists the establishments: the name exists when it is set.
  const { added, used } = namesAndUses(syncs);
  expect(before(added.get("etablissements") as [number, number], used.get("etablissements") as [number, number])).toBe(
    true,
  );
  expectNamesFirst(syncs);
  loseEverySheetOfOurs(host);
  expectNamesFirst(await syncsOf(client, () => service.update()));
});

test("8 × 100 filled rows and a 3,000 × 12 sheet of the school's: check, and an update that recreates every sheet, stay under 1 MB a request", async () => {
  const { host, client, service } = setup();
  await service.generate({ school: "0040007L — LYCEE", auditYear: 2028 });
  fillCriterionRows(host);
  addSchoolSheet(host);
  const check = await syncsOf(client, () => service.check("workbook"));
  expect(check.length).toBe(3);
  expect(largest(check)).toBeLessThanOrEqual(REQUEST_BUDGET);
  loseEverySheetOfOurs(host);
  const update = await syncsOf(client, () => service.update());
  expect(update.map((s) => s.bytes).filter((b) => b > REQUEST_BUDGET)).toEqual([]);
  // The recreated workbook is whole: a second update has nothing to do.
  expect(await service.update()).toEqual(["Rien à mettre à jour\u00a0: le classeur est conforme."]);
});

test("the live re-check of one edited fiche goes through Microsoft's client in one sync, under 1 MB, and finds the edit", async () => {
  const { host, client, service } = setup();
  await service.generate({ school: "0040007L — LYCEE", auditYear: 2028 });
  fillCriterionRows(host);
  addSchoolSheet(host);
  await service.check("workbook");
  const c2 = host.model.sheets.find((x) => x.name.startsWith("C2 "));
  expect(c2).toBeDefined();
  host.edit(c2!.name, "A10", "Un axe qui n'est pas du guide");
  let live: Awaited<ReturnType<typeof service.recheck>> | undefined;
  const syncs = await syncsOf(client, async () => (live = await service.recheck([c2!.id])));
  expect(syncs).toHaveLength(1);
  expect(largest(syncs)).toBeLessThanOrEqual(REQUEST_BUDGET);
  expect(live?.sheets).toEqual([c2!.name]);
  expect(live?.findings.some((f) => f.rule === "axis-unknown" && f.cell === "A10")).toBe(true);
});

test("the adapter's estimate of each batch (meter.ts) is within 5 % of what Microsoft's library serializes", async () => {
  const host = new MemoryHost(emptyModel());
  const client = officeClientRun(host);
  const options = { pageLayout: true, grouping: true };
  await client.run(async (context) => {
    const before = (await readSnapshot(context)).snapshot;
    const { edits } = reconcile(buildBlueprint({ establishments: ESTABLISHMENTS, auditYear: 2028 }), before);
    const plan = planWrite(edits, before, options);
    expect(plan.bytes.every((b) => b <= PLANNED_BYTES)).toBe(true);
    client.syncs.length = 0;
    await applyEdits(context, edits, before, options);
    const sent = client.syncs.map((s) => s.bytes);
    expect(sent).toHaveLength(plan.batches.length);
    sent.forEach((bytes, i) => expect(Math.abs(plan.bytes[i] - bytes) / bytes).toBeLessThan(0.05));
  });
});

test("an edit larger than a batch is cut in halves, the batches keep the edits' order, and none exceeds the budget", () => {
  const cells = Array.from({ length: 40 }, (_, i) => ({
    address: `${"AB"[i % 2]}${10 + Math.floor(i / 2)}`,
    text: `Texte ${i}`,
    style: "label" as const,
  }));
  const edits: Edit[] = [
    { op: "set-visibility", sheet: "A", visibility: "visible" },
    { op: "set-cells", sheet: "A", cells },
    { op: "freeze", sheet: "A", rows: 1, cols: 0 },
  ];
  // 1,000 bytes a cell, 500 an other edit; a budget of 12,000 holds 9 cells with the batch's fixed part.
  const cost = (e: Edit) => (e.op === "set-cells" ? e.cells.length * 1_000 : 500);
  const batches = planBatches(edits, cost, 12_000);
  const flat = batches.flat();
  expect(flat[0].op).toBe("set-visibility");
  expect(flat[flat.length - 1].op).toBe("freeze");
  const written = flat.flatMap((e) => (e.op === "set-cells" ? e.cells : []));
  expect(new Set(written.map((c) => c.address))).toEqual(new Set(cells.map((c) => c.address)));
  expect(written).toHaveLength(cells.length);
  for (const b of batches) expect(b.reduce((n, e) => n + cost(e), 0)).toBeLessThanOrEqual(12_000);
  expect(batches.length).toBeLessThanOrEqual(6);
});
