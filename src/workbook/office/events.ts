/** The workbook's change events, as the live check hears them. */

/** A change seen by Excel: which sheet, which cells, and whether this add-in made it. */
export interface SheetChange {
  readonly worksheetId: string;
  readonly address: string;
  readonly remote: boolean;
  readonly byThisAddin: boolean;
}

/**
 * Registers, once, handlers for changes in any sheet, for the active sheet changing and, when asked, for the
 * selection changing (ExcelApi 1.9 — checked at run time by the pane,
 * WorksheetCollection.onChanged / onActivated). The handlers only tell: they never write to the workbook.
 */
export async function watchWorkbook(
  context: Excel.RequestContext,
  on: {
    changed(change: SheetChange): void;
    activated(worksheetId: string): void;
    /** The selection changed (WorksheetCollection.onSelectionChanged, ExcelApi 1.9): drop-down picks (picks.ts). */
    selected?(selection: { worksheetId: string; address: string }): void;
  },
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
  const selected = on.selected;
  if (selected)
    sheets.onSelectionChanged.add(async (e: Excel.WorksheetSelectionChangedEventArgs) =>
      selected({ worksheetId: e.worksheetId, address: e.address }),
    );
  await context.sync();
}
