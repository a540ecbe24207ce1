/**
 * The workbook port over Office.js: one Excel.run's context; reads with the bounded read, writes in batches ≤ 1 MB.
 * For the pane, the live operations too (src/app/port.ts, LiveWorkbookSession): the active sheet and its
 * selection, a cell filled if empty, columns folded, the changed sheets read again. They translate; the use cases
 * (src/app) decide.
 */
import type { ActiveSheet, ChangedRead, LiveValue, LiveWorkbookSession } from "../../app/port";
import { address, parseRange } from "../../domain/a1";
import type { Edit } from "../../domain/reconcile/edits";
import type { WorkbookSnapshot } from "../../domain/snapshot";
import { readSnapshot, rereadSheets, type ReadResult } from "./read";
import { PasswordProtectedError, refusedUnprotect } from "./run";
import { applyEdits } from "./write";

export interface OfficeSessionOptions {
  /** Whether page layout (ExcelApi 1.9) can be read and written. */
  readonly pageLayout: boolean;
  /** Whether columns can be grouped (Range.group: ExcelApi 1.10). */
  readonly grouping: boolean;
  /** Told every read (the pane keeps the last one for its live check). */
  readonly onRead?: (read: ReadResult) => void;
  /** The last read of an earlier run (the pane's), from which `readChanged` reads only the changed sheets. */
  readonly last?: () => ReadResult | undefined;
}

export function officeSession(context: Excel.RequestContext, options: OfficeSessionOptions): LiveWorkbookSession {
  const read = { pageLayout: options.pageLayout };
  const told = (r: ReadResult) => (options.onRead?.(r), r);
  /** The protection of the sheet `active` read with its columns: `setColumnsHidden` needs no round trip more. */
  let protection: { sheet: string; protected: boolean; options: Excel.WorksheetProtectionOptions } | undefined;
  return {
    async read() {
      return told(await readSnapshot(context, undefined, read));
    },
    async apply(edits: readonly Edit[], snapshot: WorkbookSnapshot) {
      await applyEdits(context, edits, snapshot, { pageLayout: options.pageLayout, grouping: options.grouping });
    },

    async readChanged(worksheetIds: readonly string[]): Promise<ChangedRead> {
      const last = options.last?.();
      const names = worksheetIds
        .map((id) => Object.entries(last?.sheetIds ?? {}).find(([, x]) => x === id)?.[0])
        .filter((n): n is string => n !== undefined);
      // One round trip when every changed sheet is known; a whole read when sheets changed since (or none known).
      const again =
        last && names.length === worksheetIds.length
          ? await rereadSheets(context, last, names, undefined, read)
          : undefined;
      if (again) return { ...told(again), again: names };
      return told(await readSnapshot(context, undefined, read));
    },

    async active(ask): Promise<ActiveSheet> {
      const wb = context.workbook;
      const selected = wb.getSelectedRange();
      selected.load("address");
      const ws = wb.worksheets.getActiveWorksheet();
      ws.load("name");
      const cells = ask.cells.map((cell) => {
        const r = ws.getRange(cell);
        r.load("values");
        return [cell, r] as const;
      });
      const columns = ask.columns === undefined ? undefined : ws.getRange(ask.columns);
      columns?.load("columnHidden");
      const guard = columns ? wb.worksheets.getActiveWorksheet().protection : undefined;
      guard?.load("protected,options");
      await context.sync();
      const values: Record<string, LiveValue> = {};
      for (const [cell, r] of cells) {
        // A range of several cells (« D1:D40 ») gives each of its cells, by address.
        spread(cell, r.values as LiveValue[][], values);
      }
      if (guard) protection = { sheet: ws.name, protected: guard.protected, options: sameOptions(guard.options) };
      return {
        sheet: ws.name,
        selection: selected.address.replace(/^.*!/, ""),
        values,
        ...(columns ? { columnsHidden: columns.columnHidden } : {}),
      };
    },

    async goTo(sheet: string, cell: string): Promise<void> {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell || "A1").select();
      await context.sync();
    },

    async fillIfEmpty(sheet: string, cell: string, value: string): Promise<boolean> {
      const target = context.workbook.worksheets.getItem(sheet).getRange(cell);
      target.load("values");
      await context.sync();
      const current = target.values[0][0] as LiveValue;
      if (current !== "" && current !== null && current !== undefined) return false;
      target.values = [[value]];
      await context.sync();
      return true;
    },

    async setColumnsHidden(sheet: string, columns: string, hidden: boolean): Promise<void> {
      let known = protection?.sheet === sheet ? protection : undefined;
      if (!known) {
        const p = context.workbook.worksheets.getItem(sheet).protection;
        p.load("protected,options");
        await context.sync();
        known = { sheet, protected: p.protected, options: sameOptions(p.options) };
      }
      const ws = context.workbook.worksheets.getItem(sheet);
      // Excel refuses to open or close an outline on a protected sheet (docs/decisions.md §47): lifted, then put back.
      if (known.protected) ws.protection.unprotect();
      ws.getRange(columns).columnHidden = hidden;
      if (known.protected) ws.protection.protect(known.options);
      await context
        .sync()
        .catch((e: unknown) =>
          Promise.reject(known.protected && refusedUnprotect(e) ? new PasswordProtectedError([sheet]) : e),
        );
    },
  };
}

/** « D1:D3 »'s values under « D1 », « D2 », « D3 ». */
function spread(area: string, rows: LiveValue[][], into: Record<string, LiveValue>): void {
  const r = parseRange(area);
  if (r) rows.forEach((row, i) => row.forEach((v, j) => (into[address(r.top + i, r.left + j)] = v)));
}

/** The protection's options as read, to protect the sheet again exactly as it was (its `allow…` and selection mode). */
function sameOptions(read: Excel.WorksheetProtectionOptions): Excel.WorksheetProtectionOptions {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(read ?? {})) if (v !== undefined && v !== null) out[k] = v;
  return out as Excel.WorksheetProtectionOptions;
}
