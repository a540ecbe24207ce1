/**
 * An in-memory Excel: the part of the Excel JavaScript API the Office adapter uses, with Office's
 * proxy semantics. Reading a property that was not loaded and synced throws; writes are queued and
 * applied at `sync()`, in order, and a failing command stops the batch with what came before it applied
 * (as in Excel); `sync()` calls and the bytes of each answer are counted (a request's size is measured by Microsoft's own
 * library instead: scripts/office-request-size.js, tests/helpers/office-client.ts). Each rule it
 * keeps is one Microsoft documents (docs/office-api.md). The tests, the benchmark and the preview run on it.
 */
import {
  address,
  areaAfterInsert,
  parseAddress,
  parseRange,
  quoteSheetName,
  referenceAfterInsert,
  rowAfterInsert,
  splitReference,
} from "../domain/a1";
import { MemoryCell, MemoryModel, asTyped, emptyModel } from "./model";
import { MemoryContext } from "./context";
import { MemoryEvents } from "./events";
import { cellAt } from "./range";

// The in-memory Excel is imported from here by the tests, the bench and the preview.
export { asTyped, emptyModel, newSheet, OfficeLikeError } from "./model";
export type {
  MemoryCell,
  MemoryChart,
  MemoryChartSeries,
  MemoryModel,
  MemoryName,
  MemorySheet,
  MemoryValidation,
} from "./model";
export { MemoryContext } from "./context";
export { MemoryRange } from "./range";
export { MemoryWorksheet } from "./worksheet";
export { MemoryEvents } from "./events";

/** An `Excel.run`-like runner over a model: each run gets a fresh context on the same model. */
export class MemoryHost {
  contexts: MemoryContext[] = [];
  /** Passed to every new context (see MemoryContext.beforeSync). */
  beforeSync?: (context: MemoryContext, syncNumber: number) => void;
  readonly events = new MemoryEvents();
  constructor(public model: MemoryModel = emptyModel()) {}

  /**
   * A person types `value` into a cell (or a co-author does, `source: "Remote"`): refused on a locked cell of
   * a protected sheet, as Excel does; then the sheet's onChanged handlers are called.
   */
  edit(sheetName: string, addr: string, value: string | number, source: "Local" | "Remote" = "Local"): boolean {
    const sheet = this.model.sheets.find((s) => s.name === sheetName);
    const ref = parseAddress(addr);
    if (!sheet || !ref) return false;
    const cell = cellAt(sheet, ref.row, ref.col);
    if (sheet.protected && cell.locked) return false;
    cell.formula = undefined;
    cell.error = undefined;
    const typed = typeof value === "string" && cell.numberFormat !== "@" ? asTyped(value) : undefined;
    cell.value = value === "" ? undefined : typed ? typed.value : value;
    // Excel gives a typed date (or percentage) its number format, as Range.values does.
    if (typed?.numberFormat) cell.numberFormat = typed.numberFormat;
    this.events.changed(sheet, address(ref.row, ref.col), source);
    return true;
  }

  /**
   * A person inserts `count` whole rows at row `at`, as Excel does: refused on a protected sheet that does not
   * allow it; what is below moves down (cells, drop-downs, merges, row heights, the names that point there),
   * areas spanning the inserted rows grow, and the new rows take the format of the row above (Excel's
   * default « same format as above »: locked state, number format, style).
   */
  insertRows(sheetName: string, at: number, count: number): boolean {
    const sheet = this.model.sheets.find((s) => s.name === sheetName);
    if (!sheet || at < 1 || count < 1) return false;
    if (sheet.protected && !sheet.protectionOptions?.allowInsertRows) return false;
    const down = (row: number) => rowAfterInsert(row, at, count);
    const cells = new Map<string, MemoryCell>();
    for (const [a, c] of sheet.cells) {
      const ref = parseAddress(a);
      if (ref) cells.set(address(down(ref.row), ref.col), c);
    }
    if (at > 1) {
      for (const [a, c] of sheet.cells) {
        const ref = parseAddress(a);
        if (!ref || ref.row !== at - 1) continue;
        for (let row = at; row < at + count; row++)
          cells.set(address(row, ref.col), { locked: c.locked, numberFormat: c.numberFormat, style: c.style });
      }
    }
    sheet.cells = cells;
    sheet.validations = sheet.validations.map((v) => ({ ...v, range: areaAfterInsert(v.range, at, count) }));
    sheet.merges = sheet.merges.map((m) => referenceAfterInsert(m, at, count));
    sheet.rowHeights = new Map([...sheet.rowHeights].map(([row, h]) => [down(row), h]));
    if (sheet.frozenRows >= at) sheet.frozenRows += count;
    for (const n of this.model.names) {
      const ref = splitReference(n.formula.replace(/^=/, ""));
      if (ref && ref.sheet === sheet.name && parseRange(ref.ref.replace(/\$/g, "")))
        n.formula = `${n.formula.startsWith("=") ? "=" : ""}${quoteSheetName(sheet.name)}!${referenceAfterInsert(ref.ref, at, count)}`;
    }
    this.events.changed(sheet, `${at}:${at + count - 1}`, "Local");
    return true;
  }

  /**
   * A person picks `value` from a cell's drop-down list. Some hosts raise no onChanged for it
   * (OfficeDev/office-js#420, #3888, #4066): `raisesChanged: false` (the default) simulates them. Refused like
   * a typed value on a locked cell of a protected sheet, and on a cell without a list.
   */
  pick(sheetName: string, addr: string, value: string, options: { raisesChanged?: boolean } = {}): boolean {
    const sheet = this.model.sheets.find((s) => s.name === sheetName);
    const ref = parseAddress(addr);
    if (!sheet || !ref) return false;
    const listed = sheet.validations.some(
      (v) =>
        "list" in v.rule &&
        ref.row >= v.range.top &&
        ref.row <= v.range.bottom &&
        ref.col >= v.range.left &&
        ref.col <= v.range.right,
    );
    const cell = cellAt(sheet, ref.row, ref.col);
    if (!listed || (sheet.protected && cell.locked)) return false;
    cell.formula = undefined;
    cell.error = undefined;
    cell.value = value === "" ? undefined : value;
    if (options.raisesChanged) this.events.changed(sheet, address(ref.row, ref.col), "Local");
    return true;
  }

  /** A person selects a cell (or a range) of a sheet: onSelectionChanged, as Excel raises it. */
  select(sheetName: string, addr: string): void {
    const i = this.model.sheets.findIndex((s) => s.name === sheetName);
    if (i < 0) return;
    this.activate(sheetName);
    this.model.selection = { sheet: sheetName, address: addr };
    this.events.selectionChanged(this.model.sheets[i], addr);
  }

  /**
   * A person clicks the column outline's « + » or « − » (or Data › Show/Hide Detail): refused on a protected
   * sheet, as Excel refuses it whatever the protection's options (Office.js has none for outlines); otherwise
   * the grouped columns are shown or hidden.
   */
  outline(sheetName: string, show: boolean): boolean {
    const sheet = this.model.sheets.find((s) => s.name === sheetName);
    if (!sheet || sheet.protected || sheet.columnOutline.size === 0) return false;
    const hidden = (sheet.hiddenColumns ??= new Set<number>());
    for (const col of sheet.columnOutline.keys()) {
      if (show) hidden.delete(col);
      else hidden.add(col);
    }
    return true;
  }

  /** A person clicks another sheet's tab. */
  activate(sheetName: string): void {
    const i = this.model.sheets.findIndex((s) => s.name === sheetName);
    if (i < 0 || i === this.model.activeSheet) return;
    this.model.activeSheet = i;
    this.events.activated(this.model.sheets[i]);
  }

  get syncCount(): number {
    return this.contexts.reduce((n, c) => n + c.syncCount, 0);
  }

  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new MemoryContext(this.model);
    ctx.beforeSync = this.beforeSync;
    ctx.events = this.events;
    this.contexts.push(ctx);
    try {
      return await batch(ctx as unknown as Excel.RequestContext);
    } finally {
      this.model = ctx.model;
    }
  };
}
