/** The in-memory Excel's workbook: its sheets, names, application, events, selection. */
import type { MemoryContext } from "./context";
import { MemoryApplication } from "./events";
import { MemoryRange, sheetRange } from "./range";
import { MemoryNames, MemoryWorksheets } from "./worksheet";
export class MemoryWorkbook {
  readonly worksheets: MemoryWorksheets;
  readonly names: MemoryNames;
  readonly application: MemoryApplication;
  constructor(private readonly ctx: MemoryContext) {
    this.worksheets = new MemoryWorksheets(ctx);
    this.names = new MemoryNames(ctx);
    this.application = new MemoryApplication(ctx);
  }
  getSelectedRange(): MemoryRange {
    const sel = this.ctx.model.selection;
    const sheet = sel?.sheet ?? this.ctx.model.sheets[this.ctx.model.activeSheet]?.name ?? "";
    const r = sheetRange(sel?.address ?? "A1");
    const range = new MemoryRange(this.ctx, sheet, r);
    return range;
  }
}
