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

/** A cell's value as Excel gives it (a file's session has no such reads: they are Excel's alone). */
export type LiveValue = string | number | boolean | null | undefined;

/** The active sheet as people see it, read in one round trip (LiveWorkbookSession.active). */
export interface ActiveSheet {
  readonly sheet: string;
  /** The selection's address on that sheet, without the sheet's name (« C14 », « A12:C14 »). */
  readonly selection: string;
  /** The values of the cells asked for, by address. */
  readonly values: Readonly<Record<string, LiveValue>>;
  /** Whether the columns asked for are hidden: true, false, or null when some are and some are not. */
  readonly columnsHidden?: boolean | null;
}

/** A change read again (LiveWorkbookSession.readChanged): `again` names the sheets read again. */
export interface ChangedRead extends WorkbookRead {
  /** The sheets read again; undefined when the workbook was read whole (sheets added, removed, renamed since). */
  readonly again?: readonly string[];
}

/**
 * A workbook open in Excel, for the pane's use cases: what a file has not — the active sheet, the selection,
 * the columns people fold, the sheets they just changed. The Office adapter implements it
 * (src/workbook/office/session.ts), for Excel and for the imitation of Excel's API alike.
 */
export interface LiveWorkbookSession extends WorkbookSession {
  /** The sheets changed since the last read (Excel's worksheet ids), read again with the list of sheets. */
  readChanged(worksheetIds: readonly string[]): Promise<ChangedRead>;
  /** The active sheet, its selection, the values of `cells` and whether `columns` (« I:S ») are hidden. */
  active(ask: { readonly cells: readonly string[]; readonly columns?: string }): Promise<ActiveSheet>;
  /** Activates `sheet` and selects `cell` (« A1 » when blank). */
  goTo(sheet: string, cell: string): Promise<void>;
  /** Writes `value` in `sheet`!`cell` only if that cell is empty; whether it was written. */
  fillIfEmpty(sheet: string, cell: string, value: string): Promise<boolean>;
  /**
   * Hides or shows `columns` of `sheet`; a protected sheet is unprotected and protected again with the options
   * it had, in the same batch (a refusal leaves it as it was).
   */
  setColumnsHidden(sheet: string, columns: string, hidden: boolean): Promise<void>;
}
