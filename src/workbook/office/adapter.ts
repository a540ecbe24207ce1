/**
 * The Office.js adapter: reads a workbook snapshot in ONE context.sync() and applies a list of edits in
 * ONE more. It translates; it decides nothing. No sync in a loop.
 */
import { parseRange, quoteSheetName, address as a1, columnLetters, rangeAddress, type RangeRef } from "../../domain/a1";
import { buildBlueprint } from "../../domain/blueprint/build";
import {
  planFromListing,
  planOfSheet,
  sheetsStillToRead,
  type ReadBand,
  type SheetReadPlan,
} from "../../domain/blueprint/read-plan";
import { STYLES } from "../../domain/blueprint/styles";
import type { Blueprint, ChartBlueprint, StructureCell, ValidationBlueprint } from "../../domain/blueprint/types";
import type { Edit } from "../../domain/reconcile/edits";
import type {
  CellSnapshot,
  NameSnapshot,
  SheetSnapshot,
  ValidationSnapshot,
  Visibility,
  WorkbookSnapshot,
} from "../../domain/snapshot";
import { applyStyle } from "./styles";
import { PROTECTION_ALLOWS } from "../../domain/blueprint/layout";

const VIS_IN: Record<string, Visibility> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };
const VIS_OUT: Record<Visibility, Excel.SheetVisibility> = {
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

interface SheetProbe {
  name: string;
  visibility: Visibility;
  plan: SheetReadPlan;
  protection: Excel.WorksheetProtection;
  bands: { band: ReadBand; range: Excel.Range }[];
  validations: { ref: string; dv: Excel.DataValidation }[];
  locks: { range: string; protection: Excel.FormatProtection }[];
  charts?: Excel.ChartCollection;
}

/**
 * Excel's error values, as `range.values` returns them. Typing one of these in Excel makes the error itself
 * (not a text), so a value among them is an error whatever `valueTypes` would say — which is not read.
 */
const ERROR_VALUES = new Set([
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

function cellFrom(value: unknown, formula: unknown, format: unknown): CellSnapshot | undefined {
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

function validationFrom(ref: string, dv: Excel.DataValidation): ValidationSnapshot | undefined {
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
const PARTIAL = new Set(["Inconsistent", "MixedCriteria"]);

interface CellProbe {
  readonly area: RangeRef;
  readonly cells: { row: number; col: number; dv: Excel.DataValidation }[];
}

/** Queues a read of each cell's drop-down in `ref` (at most a few hundred cells: the blueprint's areas). */
function cellProbes(ws: Excel.Worksheet, ref: string): CellProbe {
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
function cellRuns(probe: CellProbe): ValidationSnapshot[] {
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

function sameRule(a: ValidationSnapshot, b: ValidationSnapshot): boolean {
  return a.type === b.type && a.formula1 === b.formula1 && a.formula2 === b.formula2 && a.operator === b.operator;
}

/** Queues the read of one sheet as its plan says (nothing here is read before the sync). */
export function queueSheet(wb: Excel.Workbook, name: string, visibility: Visibility, plan: SheetReadPlan): SheetProbe {
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
  return { name, visibility, plan, protection, bands, validations, locks, charts };
}

/** A probed sheet as plain data; drop-down areas Excel calls « mixed » are handed back for a cell-by-cell read. */
function sheetFrom(wb: Excel.Workbook, p: SheetProbe): { sheet: SheetSnapshot; partial: CellProbe[] } {
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
  };
  return { sheet, partial };
}

interface Listing {
  readonly sheets: { name: string; visibility: Visibility }[];
  readonly ids: Record<string, string>;
  readonly names: NameSnapshot[];
  readonly activeSheet: string;
}

/** The cheap first read: the sheets (id, name, visibility), the defined names, the active sheet. */
function queueListing(wb: Excel.Workbook): () => Listing {
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
async function finishRead(
  context: Excel.RequestContext,
  bp: Blueprint,
  listing: Listing,
  probes: SheetProbe[],
  read: Map<string, { sheet: SheetSnapshot; partial: CellProbe[] }>,
  plans: ReadonlyMap<string, SheetReadPlan>,
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
    queueSheet(wb, name, listing.sheets.find((s) => s.name === name)?.visibility ?? "visible", plan),
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
  bp: Blueprint = buildBlueprint(),
): Promise<ReadResult> {
  const wb = context.workbook;
  const listed = queueListing(wb);
  await context.sync();
  const listing = listed();
  const plans = planFromListing(bp, listing.sheets, listing.names);
  const probes = listing.sheets.map((s) => queueSheet(wb, s.name, s.visibility, plans.get(s.name) as SheetReadPlan));
  await context.sync();
  const snapshot = await finishRead(context, bp, listing, probes, new Map(), plans);
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
  bp: Blueprint = buildBlueprint(),
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
    queueSheet(wb, name, before.snapshot.sheets[order.indexOf(name)]?.visibility ?? "visible", plan),
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
  const snapshot = await finishRead(context, bp, listing, probes, read, all);
  return { snapshot, activeSheet: listing.activeSheet, sheetIds: listing.ids };
}

/** A change seen by Excel: which sheet, which cells, and whether this add-in made it. */
export interface SheetChange {
  readonly worksheetId: string;
  readonly address: string;
  readonly remote: boolean;
  readonly byThisAddin: boolean;
}

/**
 * Registers, once, handlers for changes in any sheet and for the active sheet changing (ExcelApi 1.9 — checked at run time by the pane,
 * WorksheetCollection.onChanged / onActivated). The handlers only tell: they never write to the workbook.
 */
export async function watchWorkbook(
  context: Excel.RequestContext,
  on: { changed(change: SheetChange): void; activated(worksheetId: string): void },
): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
    on.changed({
      worksheetId: e.worksheetId,
      address: e.address,
      remote: String(e.source) === "Remote",
      byThisAddin: String(e.triggerSource) === "ThisLocalAddin",
    });
  });
  sheets.onActivated.add(async (e: Excel.WorksheetActivatedEventArgs) => on.activated(e.worksheetId));
  await context.sync();
}

/**
 * Excel parses a text written through the API as if it were typed, in en-US (« 2025-01 » becomes a date,
 * « 12 » a number): such a text goes into a cell formatted as Text first, so it stays what we wrote.
 */
function looksTyped(value: unknown): boolean {
  return typeof value === "string" && (/^\s*[-+.\d]/.test(value) || /^\s*(true|false)\s*$/i.test(value));
}

function writeValue(ws: Excel.Worksheet, address: string, value: string | number): void {
  const range = ws.getRange(address);
  if (looksTyped(value)) range.numberFormat = [["@"]];
  range.values = [[value]];
}

function writeCellRuns(ws: Excel.Worksheet, cells: readonly StructureCell[]): void {
  // Consecutive rows of one column with the same style and kind go in one range write.
  const sorted = [...cells].sort((x, y) => {
    const p = parseRange(x.address);
    const q = parseRange(y.address);
    return (p?.left ?? 0) - (q?.left ?? 0) || (p?.top ?? 0) - (q?.top ?? 0);
  });
  let run: { col: number; top: number; rows: StructureCell[] } | undefined;
  const flush = () => {
    if (!run) return;
    const first = run.rows[0];
    for (const c of run.rows)
      if (c.formula === undefined && looksTyped(c.text)) ws.getRange(c.address).numberFormat = [["@"]];
    const range = ws.getRange(
      `${columnLetters(run.col)}${run.top}:${columnLetters(run.col)}${run.top + run.rows.length - 1}`,
    );
    range.formulas = run.rows.map((c) => [
      c.formula !== undefined ? `=${c.formula}` : c.number !== undefined ? c.number : (c.text ?? ""),
    ]);
    applyStyle(range, STYLES[first.style]);
    run = undefined;
  };
  for (const c of sorted) {
    const r = parseRange(c.address);
    if (!r) continue;
    const same = run && run.col === r.left && run.top + run.rows.length === r.top && run.rows[0].style === c.style;
    if (!same) {
      flush();
      run = { col: r.left, top: r.top, rows: [] };
    }
    run?.rows.push(c);
  }
  flush();
}

function setValidation(ws: Excel.Worksheet, v: ValidationBlueprint): void {
  const dv = ws.getRange(v.sqref).dataValidation;
  dv.clear();
  dv.rule =
    v.type === "list"
      ? { list: { inCellDropDown: true, source: `=${v.formula1}` } }
      : {
          wholeNumber: {
            formula1: `=${v.formula1}`,
            formula2: v.formula2 !== undefined ? `=${v.formula2}` : undefined,
            operator: "Between" as Excel.DataValidationOperator,
          },
        };
  dv.errorAlert = {
    showAlert: true,
    style: (v.errorStyle === "stop"
      ? "Stop"
      : v.errorStyle === "warning"
        ? "Warning"
        : "Information") as Excel.DataValidationAlertStyle,
    title: v.errorTitle,
    message: v.error,
  };
}

const ZERO_HIDDEN = "0;-0;;@";

/**
 * Draws the chart in the same batch: created over its first series, then each series pointed at its
 * values and categories (ExcelApi 1.7). Office.js cannot link a series name to a cell: it gets the text.
 */
function addChart(ws: Excel.Worksheet, c: ChartBlueprint): void {
  const first = c.series[0];
  const chart = ws.charts.add(
    "BarClustered" as Excel.ChartType,
    ws.getRange(first.values),
    "Columns" as Excel.ChartSeriesBy,
  );
  chart.name = c.name;
  chart.title.text = c.title;
  chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
  // Values at the bars' ends, zeros left blank (ExcelApi 1.8 for the format), as the .xlsx writer does.
  chart.dataLabels.showValue = true;
  chart.dataLabels.numberFormat = ZERO_HIDDEN;
  c.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    series.setValues(ws.getRange(s.values));
    series.setXAxisValues(ws.getRange(c.categories));
  });
  chart.setPosition(c.from, c.to);
}

export interface ApplyOptions {
  /** Page layout needs ExcelApi 1.9; hosts without it skip print setup. */
  readonly pageLayout?: boolean;
}

/** One sync: the edits in their order, each protected sheet unprotected only around its own edits. */
export async function applyEdits(
  context: Excel.RequestContext,
  edits: readonly Edit[],
  before: WorkbookSnapshot,
  options: ApplyOptions = {},
): Promise<void> {
  if (edits.length === 0) return;
  const wb = context.workbook;
  wb.application.suspendApiCalculationUntilNextSync();
  const sheet = (name: string) => wb.worksheets.getItem(name);
  // A batch is not a transaction: each sheet is unprotected just before its edits and protected again just
  // after them, so that a refusal half-way leaves every sheet already done whole and protected.
  const isProtected = new Map(before.sheets.map((s) => [s.name, s.protected]));
  const reprotect = new Set<string>();
  let open: string | undefined;
  const close = () => {
    if (open !== undefined && reprotect.has(open)) {
      sheet(open).protection.protect(protectionOptions());
      isProtected.set(open, true);
      reprotect.delete(open);
    }
    open = undefined;
  };
  const enter = (name: string) => {
    if (name === open) return;
    close();
    open = name;
    if (isProtected.get(name)) {
      sheet(name).protection.unprotect();
      isProtected.set(name, false);
      reprotect.add(name);
    }
  };
  const order = before.sheets.map((s) => s.name);
  const names = new Set(before.names.map((n) => n.name.toLowerCase()));
  for (const e of edits) {
    if (e.op !== "set-name") enter(e.sheet);
    switch (e.op) {
      case "create-sheet": {
        const ws = wb.worksheets.add(e.sheet);
        const at = e.before === undefined ? -1 : order.indexOf(e.before);
        if (at >= 0) {
          ws.position = at;
          order.splice(at, 0, e.sheet);
        } else order.push(e.sheet);
        break;
      }
      case "set-visibility":
        sheet(e.sheet).visibility = VIS_OUT[e.visibility];
        break;
      case "set-cells":
        writeCellRuns(sheet(e.sheet), e.cells);
        break;
      case "format-inputs": {
        const range = sheet(e.sheet).getRange(e.area.range);
        applyStyle(range, STYLES[e.area.style]);
        if (STYLES[e.area.style].numberFormat) range.numberFormat = [[STYLES[e.area.style].numberFormat as string]];
        for (const [addr, value] of Object.entries(e.area.values ?? {})) writeValue(sheet(e.sheet), addr, value);
        break;
      }
      case "set-columns":
        for (const c of e.columns) {
          const col = sheet(e.sheet).getRange(`${columnLetters(c.col)}:${columnLetters(c.col)}`);
          col.format.columnWidth = c.hidden ? 0 : c.width * 6;
        }
        break;
      case "set-row-heights":
        for (const h of e.rows) sheet(e.sheet).getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
        break;
      case "merge":
        for (const m of e.ranges) sheet(e.sheet).getRange(m).merge(false);
        break;
      case "set-validation":
        setValidation(sheet(e.sheet), e.validation);
        break;
      case "set-name": {
        if (names.has(e.name.toLowerCase())) wb.names.getItem(e.name).delete();
        wb.names.add(e.name, `=${quoteSheetName(e.sheet)}!${e.ref}`);
        names.add(e.name.toLowerCase());
        break;
      }
      case "set-protection":
        if (e.protect) reprotect.add(e.sheet);
        else reprotect.delete(e.sheet);
        break;
      case "freeze":
        sheet(e.sheet).freezePanes.freezeRows(e.rows);
        break;
      case "page-setup":
        if (options.pageLayout) {
          const pl = sheet(e.sheet).pageLayout;
          pl.orientation = (e.print.landscape ? "Landscape" : "Portrait") as Excel.PageOrientation;
          if (e.print.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          if (e.print.titleRows) pl.setPrintTitleRows(`$${e.print.titleRows.replace(":", ":$")}`);
          if (e.print.area) pl.setPrintArea(e.print.area);

          const hf = pl.headersFooters.defaultForAllPages;
          for (const [where, line] of [
            ["Header", e.print.header],
            ["Footer", e.print.footer],
          ] as const) {
            if (!line) continue;
            if (line.left) hf[`left${where}`] = line.left;
            if (line.center) hf[`center${where}`] = line.center;
            if (line.right) hf[`right${where}`] = line.right;
          }
        }
        break;
      case "clear-cells":
        for (const addr of e.addresses)
          sheet(e.sheet)
            .getRange(addr)
            .clear("Contents" as Excel.ClearApplyTo);
        break;
      case "set-value":
        writeValue(sheet(e.sheet), e.address, e.value);
        break;
      case "add-chart":
        addChart(sheet(e.sheet), e.chart);
        break;
    }
  }
  close();
  await context.sync().catch((e: unknown) => Promise.reject(markWrite(e)));
}

/** The blueprint's permissions as Office.js spells them (« insertRows » → allowInsertRows). */
export function protectionOptions(): Excel.WorksheetProtectionOptions {
  const options: Record<string, boolean> = {};
  for (const k of PROTECTION_ALLOWS) options[`allow${k[0].toUpperCase()}${k.slice(1)}`] = true;
  return options as Excel.WorksheetProtectionOptions;
}

/**
 * How every surface runs a batch in Excel: `delayForCellEdit` makes Excel wait until the user leaves the
 * cell being typed in, instead of failing (`Excel.RunOptions`; its requirement set is documented nowhere:
 * docs/office-api.md §3.2). The pane says why after a few seconds (TEXTS.stillWaiting).
 */
export function officeRunner(excel: Pick<typeof Excel, "run"> = Excel) {
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    excel.run({ delayForCellEdit: true }, batch);
}

/** An Excel refusal met while writing: part of the batch may already be in the workbook. */
const DURING_WRITE = Symbol("duringWrite");

function markWrite(e: unknown): unknown {
  if (e && typeof e === "object") (e as Record<symbol, boolean>)[DURING_WRITE] = true;
  return e;
}

const RETRY_AFTER_WRITE =
  " Une partie des changements a pu être écrite avant le refus : relancez « Mettre à jour », qui termine le travail sans rien dupliquer.";

/**
 * Excel's refusals, in French, one per documented code (learn.microsoft.com, « Error handling with the
 * application-specific JavaScript APIs »). A batch is not a transaction: when the refusal came while writing,
 * the message says that part may be written and how to finish; a refused read changed nothing.
 */
export function officeErrorMessage(e: unknown): string {
  const code = (e as { code?: string } | undefined)?.code ?? "";
  const written = !!(e && typeof e === "object" && (e as Record<symbol, boolean>)[DURING_WRITE]);
  const tail = written ? RETRY_AFTER_WRITE : " Rien n'a été modifié.";
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return `Une cellule est en cours de saisie dans Excel : validez-la (Entrée) ou cliquez sur une autre cellule, puis relancez l'action.${tail}`;
    case "Conflict":
      return `Excel n'a pas pu appliquer la demande : un co-auteur modifie le classeur au même moment. Relancez l'action dans un instant.${tail}`;
    case "AccessDenied":
      return `Excel a refusé l'écriture : le classeur est ouvert en lecture seule, ou une feuille est protégée par un mot de passe que Fiches LDM ne connaît pas. Ouvrez le classeur en modification (ou demandez à qui l'a protégée), puis relancez l'action.${tail}`;
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return `Excel pour le web limite chaque échange à 5 Mo et ce classeur le dépasse. Ouvrez-le dans Excel sur le bureau, ou vérifiez une copie avec la ligne de commande (ldm-fiches check).${tail}`;
    case "ItemNotFound":
      return `Une feuille ou un nom a disparu pendant l'opération (un co-auteur l'a peut-être supprimé ou renommé) : relancez l'action.${tail}`;
    case "ItemAlreadyExists":
      return `Une feuille ou un nom du même titre existe déjà : renommez celui qui n'est pas une fiche, puis relancez l'action.${tail}`;
    default: {
      const why = code || (e instanceof Error ? e.message : String(e));
      return `Excel a refusé l'opération (${why}).${tail}`;
    }
  }
}
