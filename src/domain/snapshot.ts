/**
 * A workbook as plain data: what an adapter (Office.js or an .xlsx reader) reads, and all the domain
 * needs to check or reconcile a workbook. No Office, no file format, no Node types here.
 */

/** The type of a cell as Excel stores it: string, number (dates are numbers with a date format), boolean, error. */
export type CellKind = "s" | "n" | "b" | "e";

export interface CellSnapshot {
  /** Kind of the value (of the formula's cached result for a formula cell). */
  readonly t: CellKind;
  /** The value: text for "s", number for "n", boolean for "b", the error text (« #REF! ») for "e". */
  readonly v: string | number | boolean;
  /** The formula without its leading « = », if the cell holds one. */
  readonly f?: string;
  /** The number format code (« 0% », « dd/mm/yyyy »), when it is not « General ». */
  readonly nf?: string;
}

export type Visibility = "visible" | "hidden" | "veryHidden";

export type ValidationType = "list" | "whole" | "decimal" | "date" | "time" | "textLength" | "custom" | "any";

export interface ValidationSnapshot {
  /** The cells it covers, A1-style, space-separated areas as in OOXML (« A9:A108 C2 »). */
  readonly sqref: string;
  readonly type: ValidationType;
  /** The first formula without a leading « = » (« Axes_C1 », « AnneeReference+1 »). */
  readonly formula1?: string;
  readonly formula2?: string;
  readonly operator?: string;
}

export interface SheetSnapshot {
  readonly name: string;
  readonly visibility: Visibility;
  readonly protected: boolean;
  /** Non-empty cells by A1 address (upper case, no « $ »). */
  readonly cells: Readonly<Record<string, CellSnapshot>>;
  readonly validations: readonly ValidationSnapshot[];
  /** Merged areas, A1-style (« A1:G1 »). */
  readonly merges?: readonly string[];
  /**
   * Whether the product's input areas (probed at the blueprint's ranges) are locked, unlocked or mixed;
   * undefined when the adapter did not read it. A paste from elsewhere brings its « locked » format along.
   */
  readonly inputLocks?: readonly InputLock[];
  /** The charts drawn on the sheet, by name; undefined when the adapter did not read them. */
  readonly charts?: readonly ChartSnapshot[];
  /**
   * The printed header and footer (every page's), in Excel's codes (« &LFICHE…&R0040007L — … »; "" for none);
   * undefined when the adapter did not read them (Office without ExcelApi 1.9).
   */
  readonly headerFooter?: HeaderFooterSnapshot;
}

export interface HeaderFooterSnapshot {
  readonly header: string;
  readonly footer: string;
}

export interface InputLock {
  /** The area as the blueprint writes it (« A10:G109 »). */
  readonly range: string;
  readonly state: "locked" | "unlocked" | "mixed";
}

export interface ChartSnapshot {
  readonly name: string;
  /** The chart's title text, when it has one (another producer may rename a chart, rarely retitle it). */
  readonly title?: string;
}

export interface NameSnapshot {
  readonly name: string;
  /** What the name refers to, without a leading « = » (« 'C1 Offre'!$A$1 », « Listes!$B$2:$B$40 »). */
  readonly formula: string;
  /** The sheet the name is scoped to, or undefined for a workbook-level name. */
  readonly scope?: string;
}

export interface WorkbookSnapshot {
  /** Sheets in workbook order (chart sheets are left out). */
  readonly sheets: readonly SheetSnapshot[];
  readonly names: readonly NameSnapshot[];
}
