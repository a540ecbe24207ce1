/** The workbook port over Office.js: one Excel.run's context; reads with the bounded read, writes in batches ≤ 1 MB. */
import type { WorkbookSession } from "../../app/port";
import type { Edit } from "../../domain/reconcile/edits";
import type { WorkbookSnapshot } from "../../domain/snapshot";
import { readSnapshot, type ReadResult } from "./read";
import { applyEdits } from "./write";

export interface OfficeSessionOptions {
  /** Whether page layout (ExcelApi 1.9) can be read and written. */
  readonly pageLayout: boolean;
  /** Whether columns can be grouped (Range.group: ExcelApi 1.10). */
  readonly grouping: boolean;
  /** Told every read (the pane keeps the last one for its live check). */
  readonly onRead?: (read: ReadResult) => void;
}

export function officeSession(context: Excel.RequestContext, options: OfficeSessionOptions): WorkbookSession {
  return {
    async read() {
      const r = await readSnapshot(context, undefined, { pageLayout: options.pageLayout });
      options.onRead?.(r);
      return r;
    },
    async apply(edits: readonly Edit[], snapshot: WorkbookSnapshot) {
      await applyEdits(context, edits, snapshot, { pageLayout: options.pageLayout, grouping: options.grouping });
    },
  };
}
