/** Writing the reconciliation's edits through Office.js, in one batch; sheets unprotected and protected again around them. */
import { parseRange, quoteSheetName, columnLetters } from "../../domain/a1";
import { STYLES } from "../../domain/blueprint/styles";
import {
  type ChartBlueprint,
  type ColumnBlueprint,
  type StructureCell,
  type ValidationBlueprint,
} from "../../domain/blueprint/types";
import { type Edit } from "../../domain/reconcile/edits";
import { type WorkbookSnapshot } from "../../domain/snapshot";
import { applyStyle } from "./styles";
import { PROTECTION_ALLOWS } from "../../domain/blueprint/layout";
import { VIS_OUT } from "./read";
import { markWrite } from "./run";

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

export function writeCellRuns(ws: Excel.Worksheet, cells: readonly StructureCell[]): void {
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
        if (options.grouping) groupColumns(sheet(e.sheet), e.columns);
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
