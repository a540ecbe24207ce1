/** The workbook port over an .xlsx file's bytes: read once; the edits give new bytes, which the caller writes. */
import type { WorkbookSession } from "../../app/port";
import type { Edit } from "../../domain/reconcile/edits";
import type { WorkbookSnapshot } from "../../domain/snapshot";
import { readXlsx } from "./read";
import { applyEditsToXlsx } from "./update";

export interface XlsxSession extends WorkbookSession {
  /** The workbook's bytes after `apply` (undefined while nothing was applied). */
  readonly written: () => Uint8Array | undefined;
}

export function xlsxSession(bytes: Uint8Array, snapshot?: WorkbookSnapshot): XlsxSession {
  let read = snapshot;
  let written: Uint8Array | undefined;
  return {
    async read() {
      read ??= readXlsx(bytes);
      return { snapshot: read };
    },
    async apply(edits: readonly Edit[]) {
      written = applyEditsToXlsx(written ?? bytes, edits);
    },
    written: () => written,
  };
}
