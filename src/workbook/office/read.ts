/** Reading a workbook through Office.js: the bounded read the blueprint plans, in two round trips (rarely three). */
import { parseRange, address as a1, rangeAddress, type RangeRef } from "../../domain/a1";
import { buildBlueprint } from "../../domain/blueprint/build";
import {
  planFromListing,
  planOfSheet,
  sheetsStillToRead,
  type ReadBand,
  type SheetReadPlan,
} from "../../domain/blueprint/read-plan";
import { headerFooterText, type Blueprint } from "../../domain/blueprint/types";
import {
  type CellSnapshot,
  type NameSnapshot,
  type SheetSnapshot,
  type ValidationSnapshot,
  type Visibility,
  type WorkbookSnapshot,
} from "../../domain/snapshot";

export const VIS_IN: Record<string, Visibility> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };
export const VIS_OUT: Record<Visibility, Excel.SheetVisibility> = {
  visible: "Visible" as Excel.SheetVisibility,
  hidden: "Hidden" as Excel.SheetVisibility,
  veryHidden: "VeryHidden" as Excel.SheetVisibility,
};

export interface ReadResult {
  readonly snapshot: WorkbookSnapshot;
  readonly activeSheet?: string;
  /** Excel's id of each sheet, by name (events name sheets by id). */
  readonly sheetIds?: Readonly<Record<string, string>>;
}

export interface SheetProbe {
  name: string;
  visibility: Visibility;
  plan: SheetReadPlan;
  protection: Excel.WorksheetProtection;
  bands: { band: ReadBand; range: Excel.Range }[];
  validations: { ref: string; dv: Excel.DataValidation }[];
  locks: { range: string; protection: Excel.FormatProtection }[];
  charts?: Excel.ChartCollection;
  /** Every page's header and footer (ExcelApi 1.9), when the plan and the host allow it. */
  printed?: Excel.HeaderFooter;
}

/** What a read may ask of the host beyond ExcelApi 1.8. */
export interface ReadOptions {
  /** Page layout (ExcelApi 1.9): the fiches' printed header and footer are read. */
  readonly pageLayout?: boolean;
}

const PRINTED_PARTS = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
] as const;

/** Excel's six header and footer parts as one header and one footer in its codes (« &L…&C…&R… »). */
export function printedFrom(hf: Excel.HeaderFooter): { header: string; footer: string } {
  const line = (where: "Header" | "Footer") =>
    headerFooterText({
      left: hf[`left${where}`] || undefined,
      center: hf[`center${where}`] || undefined,
      right: hf[`right${where}`] || undefined,
    });
  return { header: line("Header"), footer: line("Footer") };
}

/**
 * Excel's error values, as `range.values` returns them. Typing one of these in Excel makes the error itself
 * (not a text), so a value among them is an error whatever `valueTypes` would say — which is not read.
 */
export const ERROR_VALUES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#EXTERNAL!",
]);

export function cellFrom(value: unknown, formula: unknown, format: unknown): CellSnapshot | undefined {
  const f = typeof formula === "string" && formula.startsWith("=") ? formula.slice(1) : undefined;
  const nf = typeof format === "string" && format !== "General" ? format : undefined;
  let cell: CellSnapshot | undefined;
  if (typeof value === "number") cell = { t: "n", v: value };
  else if (typeof value === "boolean") cell = { t: "b", v: value };
  else if (typeof value === "string" && ERROR_VALUES.has(value)) cell = { t: "e", v: value };
  else if (value !== "" && value !== null && value !== undefined) cell = { t: "s", v: String(value) };
  else if (f !== undefined) cell = { t: "s", v: "" };
  if (!cell) return undefined;
  if (f !== undefined) cell = { ...cell, f };
  if (nf) cell = { ...cell, nf };
  return cell;
}

export function validationFrom(ref: string, dv: Excel.DataValidation): ValidationSnapshot | undefined {
  const rule = dv.rule;
  if (dv.type === "List" && rule.list) {
    return { sqref: ref, type: "list", formula1: String(rule.list.source).replace(/^=/, "") };
  }
  if (dv.type === "WholeNumber" && rule.wholeNumber) {
    const w = rule.wholeNumber;
    return {
      sqref: ref,
      type: "whole",
      formula1: String(w.formula1).replace(/^=/, ""),
      ...(w.formula2 !== undefined ? { formula2: String(w.formula2).replace(/^=/, "") } : {}),
      operator: String(w.operator).toLowerCase(),
    };
  }
  return undefined;
}

/** Excel's answer for an area whose cells do not all have the same drop-down. */
export const PARTIAL = new Set(["Inconsistent", "MixedCriteria"]);

export interface CellProbe {
  readonly area: RangeRef;
  readonly cells: { row: number; col: number; dv: Excel.DataValidation }[];
}

/** Queues a read of each cell's drop-down in `ref` (at most a few hundred cells: the blueprint's areas). */
export function cellProbes(ws: Excel.Worksheet, ref: string): CellProbe {
  const area = parseRange(ref) as RangeRef;
  const cells: CellProbe["cells"] = [];
  for (let row = area.top; row <= area.bottom && cells.length < 500; row++) {
    for (let col = area.left; col <= area.right; col++) {
      const dv = ws.getRange(a1(row, col)).dataValidation;
      dv.load("type,rule");
      cells.push({ row, col, dv });
    }
  }
  return { area, cells };
}

/** The cells of a probed area grouped into runs of the same drop-down (« A10:A11 », « A16:A109 »). */
export function cellRuns(probe: CellProbe): ValidationSnapshot[] {
  const out: ValidationSnapshot[] = [];
  let run:
    { start: (typeof probe.cells)[number]; end: (typeof probe.cells)[number]; v: ValidationSnapshot } | undefined;
  const flush = () => {
    if (!run) return;
    const sqref = rangeAddress({ top: run.start.row, left: run.start.col, bottom: run.end.row, right: run.end.col });
    out.push({ ...run.v, sqref });
    run = undefined;
  };
  for (const c of probe.cells) {
    const v = validationFrom(a1(c.row, c.col), c.dv);
    const same = run && v && run.end.col === c.col && run.end.row === c.row - 1 && sameRule(run.v, v);
    if (same && run) run.end = c;
    else {
      flush();
      if (v) run = { start: c, end: c, v };
    }
  }
  flush();
  return out;
}

export function sameRule(a: ValidationSnapshot, b: ValidationSnapshot): boolean {
  return a.type === b.type && a.formula1 === b.formula1 && a.formula2 === b.formula2 && a.operator === b.operator;
}

/** Queues the read of one sheet as its plan says (nothing here is read before the sync). */
export function queueSheet(
  wb: Excel.Workbook,
  name: string,
  visibility: Visibility,
  plan: SheetReadPlan,
  options: ReadOptions = {},
): SheetProbe {
  const ws = wb.worksheets.getItem(name);
  // Navigation properties (protection, dataValidation) are proxies, not values: nothing to load first.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  const protection = ws.protection;
  protection.load("protected");
  const bands = plan.bands.map((band) => {
    const range = band.used ? ws.getRange(band.range).getUsedRangeOrNullObject(true) : ws.getRange(band.range);
    range.load([
      "address",
      "values",
      ...(band.formulas ? ["formulas"] : []),
      ...(band.formats ? ["numberFormat"] : []),
    ]);
    return { band, range };
  });
  const validations = plan.validations.map((ref) => {
    // eslint-disable-next-line office-addins/load-object-before-read
    const dv = ws.getRange(ref).dataValidation;
    dv.load("type,rule");
    return { ref, dv };
  });
  const locks = plan.inputs.map((range) => {
    // eslint-disable-next-line office-addins/load-object-before-read
    const p = ws.getRange(range).format.protection;
    p.load("locked");
    return { range, protection: p };
  });
  let charts: Excel.ChartCollection | undefined;
  if (plan.charts) {
    // eslint-disable-next-line office-addins/call-sync-before-read
    charts = ws.charts;
    charts.load("items/name,items/title/text");
  }
  let printed: Excel.HeaderFooter | undefined;
  if (plan.headerFooter && options.pageLayout) {
    // Navigation properties, as above: proxies to load, not values.
    // eslint-disable-next-line office-addins/call-sync-before-read
    printed = ws.pageLayout.headersFooters.defaultForAllPages;
    printed.load(PRINTED_PARTS.join(","));
  }
  return { name, visibility, plan, protection, bands, validations, locks, charts, printed };
}

/** A probed sheet as plain data; drop-down areas Excel calls « mixed » are handed back for a cell-by-cell read. */
export function sheetFrom(wb: Excel.Workbook, p: SheetProbe): { sheet: SheetSnapshot; partial: CellProbe[] } {
  const cells: Record<string, CellSnapshot> = {};
  for (const { band, range } of p.bands) {
    if (range.isNullObject) continue;
    const origin = parseRange(range.address.replace(/^.*!/, ""));
    if (!origin) continue;
    const formulas = band.formulas ? range.formulas : undefined;
    const formats = band.formats ? range.numberFormat : undefined;
    range.values.forEach((line, i) =>
      line.forEach((v, j) => {
        const c = cellFrom(v, formulas?.[i][j], formats?.[i][j]);
        if (c) cells[a1(origin.top + i, origin.left + j)] = c;
      }),
    );
  }
  const validations = p.validations.map((v) => validationFrom(v.ref, v.dv)).filter((v): v is ValidationSnapshot => !!v);
  const ws = wb.worksheets.getItem(p.name);
  const partial = p.validations.filter((v) => PARTIAL.has(String(v.dv.type))).map((v) => cellProbes(ws, v.ref));
  const sheet: SheetSnapshot = {
    name: p.name,
    visibility: p.visibility,
    protected: p.protection.protected,
    cells,
    validations,
    ...(p.plan.full
      ? {
          inputLocks: p.locks.map((l) => ({
            range: l.range,
            state: l.protection.locked === null ? "mixed" : l.protection.locked ? "locked" : "unlocked",
          })),
          charts: (p.charts?.items ?? []).map((c) =>
            c.title?.text ? { name: c.name, title: c.title.text } : { name: c.name },
          ),
        }
      : {}),
    ...(p.printed ? { headerFooter: printedFrom(p.printed) } : {}),
  };
  return { sheet, partial };
}

export interface Listing {
  readonly sheets: { name: string; visibility: Visibility }[];
  readonly ids: Record<string, string>;
  readonly names: NameSnapshot[];
  readonly activeSheet: string;
}

/** The cheap first read: the sheets (id, name, visibility), the defined names, the active sheet. */
export function queueListing(wb: Excel.Workbook): () => Listing {
  const list = wb.worksheets;
  list.load("items/id,items/name,items/visibility");
  const names = wb.names;
  names.load("items/name,items/formula");
  const active = wb.worksheets.getActiveWorksheet();
  active.load("name");
  // Read only after the caller's sync (the returned function is called then).
  /* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read */
  return () => ({
    sheets: list.items.map((ws) => ({ name: ws.name, visibility: VIS_IN[ws.visibility] ?? "visible" })),
    ids: Object.fromEntries(list.items.map((ws) => [ws.name, ws.id])),
    names: names.items.map((n) => ({ name: n.name, formula: String(n.formula).replace(/^=/, "") })),
    activeSheet: active.name,
  });
  /* eslint-enable office-addins/call-sync-after-load, office-addins/call-sync-before-read */
}

/**
 * Reads the probed sheets into `read`; then, in one more round trip and only when needed, the sheets found by
 * their marker alone and the drop-down areas Excel calls « mixed » (pasted over in part), cell by cell.
 */
export async function finishRead(
  context: Excel.RequestContext,
  bp: Blueprint,
  listing: Listing,
  probes: SheetProbe[],
  read: Map<string, { sheet: SheetSnapshot; partial: CellProbe[] }>,
  plans: ReadonlyMap<string, SheetReadPlan>,
  options: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const wb = context.workbook;
  const fresh = probes.map((p) => [p.name, sheetFrom(wb, p)] as const);
  for (const [name, r] of fresh) read.set(name, r);
  const snapshotOf = (): WorkbookSnapshot => ({
    sheets: listing.sheets.map((s) => (read.get(s.name) as { sheet: SheetSnapshot }).sheet),
    names: listing.names,
  });
  // A sheet renamed after its defined name was lost is known by its marker only now, a table people moved
  // (rows inserted) is probed where it lies now: read those again, in full.
  const again = [...sheetsStillToRead(bp, snapshotOf(), plans)].map(([name, plan]) =>
    queueSheet(wb, name, listing.sheets.find((s) => s.name === name)?.visibility ?? "visible", plan, options),
  );
  const rereading = new Set(again.map((p) => p.name));
  const partial = fresh.filter(([name]) => !rereading.has(name)).flatMap(([, r]) => r.partial);
  if (again.length || partial.length) {
    await context.sync();
    const found = again.map((p) => [p.name, sheetFrom(wb, p)] as const);
    for (const [name, r] of found) read.set(name, r);
    const later = found.flatMap(([, r]) => r.partial);
    if (later.length) await context.sync();
    for (const [, r] of [...fresh.filter(([name]) => !rereading.has(name)), ...found]) {
      const v = r.sheet.validations as ValidationSnapshot[];
      for (const probe of r.partial) v.push(...cellRuns(probe));
    }
  }
  return snapshotOf();
}

/**
 * The workbook as the domain needs it, in two round trips (Excel on the web caps a request and a response
 * at 5 MB each): first the list of sheets and the defined names; then, of each sheet of ours, only what its
 * blueprint covers, and of any other sheet its marker row. Never a call on a sheet that may not exist.
 * One more round trip only for the rare: a sheet found by its marker alone, a drop-down pasted over in part.
 */
export async function readSnapshot(
  context: Excel.RequestContext,
  bp: Blueprint = buildBlueprint({ establishments: "not-needed" }), // what to read needs no schools
  options: ReadOptions = {},
): Promise<ReadResult> {
  const wb = context.workbook;
  const listed = queueListing(wb);
  await context.sync();
  const listing = listed();
  const plans = planFromListing(bp, listing.sheets, listing.names);
  const probes = listing.sheets.map((s) =>
    queueSheet(wb, s.name, s.visibility, plans.get(s.name) as SheetReadPlan, options),
  );
  await context.sync();
  const snapshot = await finishRead(context, bp, listing, probes, new Map(), plans, options);
  return { snapshot, activeSheet: listing.activeSheet, sheetIds: listing.ids };
}

/**
 * After people typed in a few sheets: those sheets read again (by the plan the previous read found for them)
 * together with the list of sheets, in one round trip. Undefined when the workbook's sheets changed since (a
 * sheet added, removed, renamed): the caller reads it whole.
 */
export async function rereadSheets(
  context: Excel.RequestContext,
  before: ReadResult,
  changed: readonly string[],
  bp: Blueprint = buildBlueprint({ establishments: "not-needed" }), // what to read needs no schools
  options: ReadOptions = {},
): Promise<ReadResult | undefined> {
  const wb = context.workbook;
  const plans = new Map<string, SheetReadPlan>();
  for (const name of changed) {
    const plan = planOfSheet(bp, before.snapshot, name);
    if (plan) plans.set(name, plan);
  }
  const listed = queueListing(wb);
  const order = before.snapshot.sheets.map((s) => s.name);
  const probes = [...plans].map(([name, plan]) =>
    queueSheet(wb, name, before.snapshot.sheets[order.indexOf(name)]?.visibility ?? "visible", plan, options),
  );
  try {
    await context.sync();
  } catch (e) {
    if ((e as { code?: string }).code === "ItemNotFound") return undefined;
    throw e;
  }
  const listing = listed();
  const same =
    listing.sheets.length === order.length &&
    listing.sheets.every((s, i) => s.name === order[i] && before.sheetIds?.[s.name] === listing.ids[s.name]);
  if (!same) return undefined;
  const read = new Map(before.snapshot.sheets.map((s) => [s.name, { sheet: s, partial: [] as CellProbe[] }]));
  const all = planFromListing(bp, listing.sheets, listing.names);
  for (const [name, plan] of plans) all.set(name, plan);
  const snapshot = await finishRead(context, bp, listing, probes, read, all, options);
  return { snapshot, activeSheet: listing.activeSheet, sheetIds: listing.ids };
}
