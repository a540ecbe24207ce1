/**
 * Writing the reconciliation's edits through Office.js, in as few batches as 1 MB a request allows (issue #22);
 * sheets unprotected and protected again around their edits.
 */
import { parseRange, quoteSheetName, columnLetters, rangesOverlap, type RangeRef } from "../../domain/a1";
import { STYLES } from "../../domain/blueprint/styles";
import {
  type ChartBlueprint,
  type ColumnBlueprint,
  type StructureCell,
  type ValidationBlueprint,
} from "../../domain/blueprint/types";
import { assertNever, type Edit } from "../../domain/reconcile/edits";
import { type WorkbookSnapshot } from "../../domain/snapshot";
import { applyStyle } from "./styles";
import { PROTECTION_ALLOWS } from "../../domain/blueprint/layout";
import { VIS_OUT } from "./read";
import { markWrite, PasswordProtectedError, refusedUnprotect } from "./run";
import { meterWorkbook } from "./meter";

/**
 * Excel parses a text written through the API as if it were typed, in en-US (« 2025-01 » becomes a date,
 * « 12 » a number): such a text goes into a cell formatted as Text first, so it stays what we wrote.
 */
export function looksTyped(value: unknown): boolean {
  return typeof value === "string" && (/^\s*[-+.\d]/.test(value) || /^\s*(true|false)\s*$/i.test(value));
}

export function writeValue(ws: Excel.Worksheet, address: string, value: string | number): void {
  const range = ws.getRange(address);
  if (looksTyped(value)) range.numberFormat = [["@"]];
  range.values = [[value]];
}

/**
 * What a batch knows of a sheet it created: Excel's default format everywhere (not bold, not italic, no wrap,
 * locked, « General »), except the areas already formatted in this apply. A range there takes only the
 * properties that differ from those defaults: the request stays small (issue #22).
 */
export class FreshSheets {
  private readonly formatted = new Map<string, RangeRef[]>();

  add(sheet: string): void {
    this.formatted.set(sheet, []);
  }

  /** Whether `range` of `sheet` still has Excel's defaults; it is counted as formatted from now on. */
  claim(sheet: string, address: string): boolean {
    const done = this.formatted.get(sheet);
    const r = parseRange(address.replace(/\$/g, ""));
    if (!done || !r) return false;
    const untouched = !done.some((d) => rangesOverlap(d, r));
    done.push(r);
    return untouched;
  }

  clone(): FreshSheets {
    const c = new FreshSheets();
    for (const [k, v] of this.formatted) c.formatted.set(k, [...v]);
    return c;
  }
}

/**
 * Writes structure cells in as few ranges as possible: consecutive rows of one column with the same style make
 * a run, runs side by side over the same rows with the same style make a rectangle, written with one formulas
 * array and formatted once.
 */
export function writeCellRuns(
  ws: Excel.Worksheet,
  cells: readonly StructureCell[],
  fresh?: { sheets: FreshSheets; name: string },
): void {
  const sorted = [...cells].sort((x, y) => {
    const p = parseRange(x.address);
    const q = parseRange(y.address);
    return (p?.left ?? 0) - (q?.left ?? 0) || (p?.top ?? 0) - (q?.top ?? 0);
  });
  const runs: { col: number; top: number; rows: StructureCell[] }[] = [];
  for (const c of sorted) {
    const r = parseRange(c.address);
    if (!r) continue;
    const run = runs[runs.length - 1];
    const same = run && run.col === r.left && run.top + run.rows.length === r.top && run.rows[0].style === c.style;
    if (same) run.rows.push(c);
    else runs.push({ col: r.left, top: r.top, rows: [c] });
  }
  const side = new Map<string, typeof runs>();
  for (const run of runs) {
    const key = `${run.top}:${run.rows.length}:${run.rows[0].style}`;
    side.set(key, [...(side.get(key) ?? []), run]);
  }
  const written = (c: StructureCell) =>
    c.formula !== undefined ? `=${c.formula}` : c.number !== undefined ? c.number : (c.text ?? "");
  const typed = (c: StructureCell) => c.formula === undefined && looksTyped(c.text);
  for (const group of side.values()) {
    // Columns in order (the runs come sorted by column); a gap starts a new rectangle.
    let start = 0;
    group.forEach((run, i) => {
      if (group[i + 1]?.col === run.col + 1) return;
      const columns = group.slice(start, i + 1);
      start = i + 1;
      const first = columns[0];
      const address = `${columnLetters(first.col)}${first.top}:${columnLetters(run.col)}${first.top + first.rows.length - 1}`;
      const range = ws.getRange(address);
      const defaults = fresh ? fresh.sheets.claim(fresh.name, address) : false;
      const rows = first.rows.map((_, r) => columns.map((col) => col.rows[r]));
      if (rows.some((line) => line.some(typed))) {
        // A text Excel would parse goes into a cell formatted as Text first.
        if (defaults) range.numberFormat = rows.map((line) => line.map((c) => (typed(c) ? "@" : "General")));
        else for (const line of rows) for (const c of line) if (typed(c)) ws.getRange(c.address).numberFormat = [["@"]];
      }
      range.formulas = rows.map((line) => line.map(written));
      applyStyle(range, STYLES[first.rows[0].style], { defaults, rows: first.rows.length, columns: columns.length });
    });
  }
}

export function setValidation(ws: Excel.Worksheet, v: ValidationBlueprint): void {
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

export const ZERO_HIDDEN = "0;-0;;@";

/**
 * Draws the chart in the same batch: created over its first series, then each series pointed at its
 * values and categories (ExcelApi 1.7). Office.js cannot link a series name to a cell: it gets the text.
 */
export function addChart(ws: Excel.Worksheet, c: ChartBlueprint): void {
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

/**
 * « One page wide » in the values Excel's reference documents (PageLayoutZoomOptions: a number of pages wide and
 * tall, or a scale of 10–400; 0, OOXML's « automatic » the .xlsx writer uses, is not documented): one page wide and
 * at most this many tall. No sheet of ours needs as many pages at the width's scale, so it prints as the .xlsx
 * file's fitToWidth=1 fitToHeight=0 does; beyond, Excel would shrink it to fit (docs/office-api.md §3.8).
 */
export const FIT_TALL_PAGES = 100;

export interface ApplyOptions {
  /** Page layout needs ExcelApi 1.9; hosts without it skip print setup. */
  readonly pageLayout?: boolean;
  /** Column groups (`Range.group`) need ExcelApi 1.10; hosts without it leave the columns ungrouped. */
  readonly grouping?: boolean;
}

/**
 * Groups each run of consecutive columns that have an outline level (« I:S »), once per level: a sheet's
 * columns are set when it is created only, so a group is never added twice. Shown expanded.
 */
export function groupColumns(ws: Excel.Worksheet, columns: readonly ColumnBlueprint[]): void {
  const top = Math.max(0, ...columns.map((c) => c.outlineLevel ?? 0));
  for (let level = 1; level <= top; level++) {
    const cols = columns
      .filter((c) => (c.outlineLevel ?? 0) >= level)
      .map((c) => c.col)
      .sort((x, y) => x - y);
    let start = 0;
    cols.forEach((c, i) => {
      if (cols[i + 1] === c + 1) return;
      ws.getRange(`${columnLetters(cols[start])}:${columnLetters(c)}`).group("ByColumns" as Excel.GroupOption);
      start = i + 1;
    });
  }
}

/** The largest request a batch may send (issue #22): Excel on the web refuses 5 MB; we stay under 1 MB. */
export const REQUEST_BUDGET = 1_000_000;

/**
 * What the plan lets one batch weigh by the meter's estimate (meter.ts): under REQUEST_BUDGET by the estimate's
 * error (a few percent, tested against Microsoft's serializer) and each batch's fixed part (the calculation
 * suspended, each sheet unprotected and protected again, each sheet's proxy).
 */
export const PLANNED_BYTES = 900_000;
/** What every batch sends whatever its edits: the workbook, its collections, the calculation suspended (or recalculated). */
const BATCH_BYTES = 1_000;
/** What a batch sends for each sheet it edits: its proxy, and its protection lifted and set again. */
const SHEET_BYTES = 700;

/**
 * The edits in the order Excel needs them: the sheets created first, then every defined name (they point at
 * those sheets), then the rest in their order — so that a drop-down's source (« =Etablissements ») or a formula
 * that uses a name finds it defined.
 */
export function excelOrder(edits: readonly Edit[]): Edit[] {
  const rank = (e: Edit) => (e.op === "create-sheet" ? 0 : e.op === "set-name" ? 1 : 2);
  return [...edits].sort((a, b) => rank(a) - rank(b));
}

/** An edit too large for one batch, in two halves that can be applied one after the other; undefined if it cannot be cut. */
export function halves(e: Edit): [Edit, Edit] | undefined {
  const cut = <T>(list: readonly T[]): [T[], T[]] => [
    list.slice(0, Math.ceil(list.length / 2)),
    list.slice(Math.ceil(list.length / 2)),
  ];
  switch (e.op) {
    case "set-cells": {
      if (e.cells.length < 2) return undefined;
      // By columns, so that each half keeps its rectangles.
      const byColumn = [...e.cells].sort((x, y) => {
        const p = parseRange(x.address);
        const q = parseRange(y.address);
        return (p?.left ?? 0) - (q?.left ?? 0) || (p?.top ?? 0) - (q?.top ?? 0);
      });
      const [a, b] = cut(byColumn);
      return [
        { ...e, cells: a },
        { ...e, cells: b },
      ];
    }
    case "clear-cells": {
      if (e.addresses.length < 2) return undefined;
      const [a, b] = cut(e.addresses);
      return [
        { ...e, addresses: a },
        { ...e, addresses: b },
      ];
    }
    case "set-row-heights": {
      if (e.rows.length < 2) return undefined;
      const [a, b] = cut(e.rows);
      return [
        { ...e, rows: a },
        { ...e, rows: b },
      ];
    }
    default:
      return undefined;
  }
}

/**
 * The edits in batches of at most `budget` estimated bytes each (`cost`), in their order; an edit larger than
 * the budget is cut in halves while it can be. As few batches as the budget allows: each one is a round trip.
 */
export function planBatches(
  edits: readonly Edit[],
  cost: (e: Edit) => number,
  budget = PLANNED_BYTES,
  /** Bytes the first batch sends before its edits. */
  reserved = 0,
): Edit[][] {
  const batches: Edit[][] = [];
  let current: Edit[] = [];
  let size = BATCH_BYTES + reserved;
  let sheets = new Set<string>();
  const place = (e: Edit) => {
    const c = cost(e);
    const parts = c + BATCH_BYTES + SHEET_BYTES > budget ? halves(e) : undefined;
    if (parts) {
      for (const part of parts) place(part);
      return;
    }
    let add = c + (sheets.has(e.sheet) ? 0 : SHEET_BYTES);
    if (current.length > 0 && size + add > budget) {
      batches.push(current);
      current = [];
      size = BATCH_BYTES;
      sheets = new Set();
      add = c + SHEET_BYTES;
    }
    current.push(e);
    sheets.add(e.sheet);
    size += add;
  };
  for (const e of edits) place(e);
  if (current.length > 0) batches.push(current);
  return batches;
}

/** What queuing an edit needs to know of what the edits before it did. */
interface WriteState {
  /** The sheets' order, as the edits so far leave it. */
  readonly order: string[];
  /** The defined names that exist (lower case). */
  readonly names: Set<string>;
  /** The sheets this apply created, and what of them is already formatted. */
  readonly fresh: FreshSheets;
  /** The sheets to protect once their edits are queued. */
  readonly reprotect: Set<string>;
}

function stateOf(before: WorkbookSnapshot): WriteState {
  return {
    order: before.sheets.map((s) => s.name),
    names: new Set(before.names.map((n) => n.name.toLowerCase())),
    fresh: new FreshSheets(),
    reprotect: new Set(),
  };
}

/** Queues one edit (no sync); `sheet` gives the batch's proxy of a sheet. */
function queueEdit(
  wb: Excel.Workbook,
  sheet: (name: string) => Excel.Worksheet,
  e: Edit,
  state: WriteState,
  options: ApplyOptions,
): void {
  const { order, names, reprotect } = state;
  switch (e.op) {
    case "create-sheet": {
      const ws = wb.worksheets.add(e.sheet);
      state.fresh.add(e.sheet);
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
      writeCellRuns(sheet(e.sheet), e.cells, { sheets: state.fresh, name: e.sheet });
      break;
    case "format-inputs": {
      const range = sheet(e.sheet).getRange(e.area.range);
      const area = parseRange(e.area.range.replace(/\$/g, ""));
      applyStyle(range, STYLES[e.area.style], {
        defaults: state.fresh.claim(e.sheet, e.area.range),
        rows: area ? area.bottom - area.top + 1 : undefined,
        columns: area ? area.right - area.left + 1 : undefined,
      });
      if (STYLES[e.area.style].numberFormat) range.numberFormat = [[STYLES[e.area.style].numberFormat as string]];
      for (const [addr, value] of Object.entries(e.area.values ?? {})) writeValue(sheet(e.sheet), addr, value);
      break;
    }
    case "set-columns":
      for (const c of e.columns) {
        const col = sheet(e.sheet).getRange(`${columnLetters(c.col)}:${columnLetters(c.col)}`);
        col.format.columnWidth = c.hidden ? 0 : c.width * 6;
      }
      if (options.grouping) groupColumns(sheet(e.sheet), e.columns);
      break;
    case "set-row-heights":
      for (const h of e.rows) sheet(e.sheet).getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
      break;
    case "unmerge":
      for (const m of e.ranges) sheet(e.sheet).getRange(m).unmerge();
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
        if (e.print.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: FIT_TALL_PAGES };
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
    case "set-header-footer":
      // Read only with page layout too: without it, the reconciliation never asks for this.
      if (options.pageLayout) {
        const hf = sheet(e.sheet).pageLayout.headersFooters.defaultForAllPages;
        for (const [where, line] of [
          ["Header", e.header],
          ["Footer", e.footer],
        ] as const) {
          hf[`left${where}`] = line?.left ?? "";
          hf[`center${where}`] = line?.center ?? "";
          hf[`right${where}`] = line?.right ?? "";
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
    default:
      // A new kind of edit must be translated here: the typecheck stops at this line until it is.
      assertNever(e);
  }
}

/** The sheets read as protected that the edits change: each is tried at the head of the first batch. */
export function protectedSheetsTouched(edits: readonly Edit[], before: WorkbookSnapshot): string[] {
  const isProtected = new Set(before.sheets.filter((s) => s.protected).map((s) => s.name));
  return [...new Set(edits.filter((e) => e.op !== "set-name").map((e) => e.sheet))].filter((n) => isProtected.has(n));
}

/** What trying a protected sheet weighs: its protection lifted and set again with our options. */
const TRY_BYTES = 600;

/** The batches `applyEdits` will send, and each one's estimated request size (the meter's, bytes). */
export function planWrite(
  edits: readonly Edit[],
  before: WorkbookSnapshot,
  options: ApplyOptions = {},
): { batches: Edit[][]; bytes: number[] } {
  const planned = stateOf(before);
  const costs = new Map<Edit, number>();
  const cost = (e: Edit) => {
    const meter = meterWorkbook();
    // The sheet's proxy and the collections are the batch's, counted once per batch (SHEET_BYTES).
    const ws = meter.workbook.worksheets.getItem(e.sheet);
    void meter.workbook.names.getItem;
    meter.reset();
    queueEdit(meter.workbook, () => ws, e, planned, options);
    costs.set(e, meter.bytes());
    return meter.bytes();
  };
  const reserved = TRY_BYTES * protectedSheetsTouched(edits, before).length;
  const batches = planBatches(excelOrder(edits), cost, PLANNED_BYTES, reserved);
  const sheets = (b: readonly Edit[]) => new Set(b.map((e) => e.sheet)).size;
  return {
    batches,
    bytes: batches.map((b, i) =>
      b.reduce((n, e) => n + (costs.get(e) ?? 0), BATCH_BYTES + SHEET_BYTES * sheets(b) + (i === 0 ? reserved : 0)),
    ),
  };
}

/**
 * Applies the edits in as few batches as 1 MB a request allows (issue #22): sheets created, then defined names,
 * then the rest (`excelOrder`), each batch's size estimated before it is queued (meter.ts). Each protected sheet
 * is unprotected only around its own edits of a batch and protected again before that batch's sync.
 */
export async function applyEdits(
  context: Excel.RequestContext,
  edits: readonly Edit[],
  before: WorkbookSnapshot,
  options: ApplyOptions = {},
): Promise<void> {
  if (edits.length === 0) return;
  const wb = context.workbook;
  const { batches } = planWrite(edits, before, options);
  const state = stateOf(before);
  // A batch is not a transaction: each sheet is unprotected just before its edits and protected again just
  // after them, so that a refusal half-way leaves every sheet already done whole and protected.
  const isProtected = new Map(before.sheets.map((s) => [s.name, s.protected]));
  const reprotect = state.reprotect;
  // A sheet protected by a password we do not know refuses `unprotect()`: each protected sheet the edits need is
  // unprotected and protected again at the head of the first batch, so that such a refusal comes before anything
  // is written (Excel stops a batch at the command that fails).
  const tried = protectedSheetsTouched(edits, before);
  const queueBatch = (batch: readonly Edit[], first: boolean, last: boolean) => {
    // Calculation waits for the end of every batch but the last: the reference makes the add-in responsible for
    // the workbook's calculation after a suspended batch, so the last one is not suspended and ends with a
    // recalculation of what the earlier ones left (docs/office-api.md §3.9).
    if (!last) wb.application.suspendApiCalculationUntilNextSync();
    // One proxy per sheet and per batch: each getItem is one more object path in the request.
    const proxies = new Map<string, Excel.Worksheet>();
    const sheet = (name: string) => {
      const known = proxies.get(name);
      if (known) return known;
      const ws = wb.worksheets.getItem(name);
      proxies.set(name, ws);
      return ws;
    };
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
    if (first)
      for (const name of tried) {
        sheet(name).protection.unprotect();
        sheet(name).protection.protect(protectionOptions());
      }
    for (const e of batch) {
      if (e.op !== "set-name") enter(e.sheet);
      queueEdit(wb, sheet, e, state, options);
    }
    close();
    if (last && batches.length > 1) wb.application.calculate("Recalculate" as Excel.CalculationType);
  };
  for (const [i, batch] of batches.entries()) {
    queueBatch(batch, i === 0, i === batches.length - 1);
    const refused = (e: unknown) =>
      i === 0 && tried.length > 0 && refusedUnprotect(e) ? new PasswordProtectedError(tried) : markWrite(e);
    // One sync per planned batch, each under 1 MB: the fewest round trips Excel on the web accepts (issue #22).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync().catch((e: unknown) => Promise.reject(refused(e)));
  }
}

/** The blueprint's permissions as Office.js spells them (« insertRows » → allowInsertRows). */
export function protectionOptions(): Excel.WorksheetProtectionOptions {
  const options: Record<string, boolean> = {};
  for (const k of PROTECTION_ALLOWS) options[`allow${k[0].toUpperCase()}${k.slice(1)}`] = true;
  return options as Excel.WorksheetProtectionOptions;
}
