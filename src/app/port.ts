/**
 * The workbook port: what a use case asks of a workbook, whatever holds it — Excel through Office.js
 * (src/workbook/office/session.ts) or an .xlsx file (src/workbook/xlsx/session.ts). A session reads the
 * workbook, then may apply the edits the domain decided; the adapter decides nothing.
 */
import type { Edit } from "../domain/reconcile/edits";
import type { WorkbookSnapshot } from "../domain/snapshot";

export interface WorkbookRead {
  readonly snapshot: WorkbookSnapshot;
  /** The sheet people are on (Excel); a file has none. */
  readonly activeSheet?: string;
}

export interface WorkbookSession {
  read(): Promise<WorkbookRead>;
  /** Applies the edits to what was read (in Excel: batches of at most 1 MB a request; for a file: the new bytes, kept for the caller). */
  apply(edits: readonly Edit[], snapshot: WorkbookSnapshot): Promise<void>;
}

/** A use case's refusal: one French line for the user; nothing was written. */
export class UseCaseError extends Error {}
