/** The in-memory Excel's data: a workbook as plain objects, and what Excel makes of a typed text. */
import type { RangeRef } from "../domain/a1";

export interface MemoryCell {
  value?: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  locked: boolean;
  style?: Record<string, unknown>;
  error?: string;
}

export interface MemoryValidation {
  range: RangeRef;
  rule: Excel.DataValidationRule;
  errorAlert?: Partial<Excel.DataValidationErrorAlert>;
}

export interface MemoryChartSeries {
  name: string;
  /** A1 address of the values and of the category labels, on the chart's sheet. */
  values: string;
  categories?: string;
}

export interface MemoryChart {
  name: string;
  type: string;
  title: string;
  legendPosition?: string;
  dataLabels?: Record<string, unknown>;
  position?: { from: string; to: string };
  series: MemoryChartSeries[];
}

export interface MemorySheet {
  /** Excel's stable id of the sheet (what events name it by); a rename keeps it. */
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  /** The options of the last `protect(options)`, as Excel received them (undefined: protected without any). */
  protectionOptions?: Record<string, unknown>;
  /** The password the sheet is protected with (someone typed it in Excel, or `protect(options, password)`). */
  password?: string;
  cells: Map<string, MemoryCell>;
  validations: MemoryValidation[];
  merges: string[];
  frozenRows: number;
  columnWidths: Map<number, number>;
  /** Each grouped column's outline level (`Range.group("ByColumns")`: one more per call); absent: not grouped. */
  columnOutline: Map<number, number>;
  rowHeights: Map<number, number>;
  orientation?: string;
  printTitleRows?: string;
  printArea?: string;
  /** `pageLayout.headersFooters.defaultForAllPages`, as written (leftHeader, centerFooter…). */
  headersFooters?: Record<string, string>;
  /** `pageLayout.zoom` as written (ExcelApi 1.9): a scale, or pages wide and tall; only documented values are taken. */
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** Columns hidden (`Range.columnHidden = true`, ExcelApi 1.2), whatever their width. */
  hiddenColumns?: Set<number>;
  charts: MemoryChart[];
}

export interface MemoryName {
  name: string;
  formula: string;
}

export interface MemoryModel {
  sheets: MemorySheet[];
  names: MemoryName[];
  activeSheet: number;
  selection?: { sheet: string; address: string };
  /**
   * Calculation after `suspendApiCalculationUntilNextSync`: a suspended batch that changed cells leaves the
   * workbook's formulas stale until `application.calculate` runs in a batch that is not suspended (the reference:
   * « it is the developer's responsibility to re-calc the workbook »). `calculations` lists each calculate's type.
   */
  calculation?: { stale: boolean; suspendedSyncs: number; calculations: string[] };
}

export class OfficeLikeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** As Office.js's `debugInfo`: `errorLocation` is the object type and member that failed (« WorksheetProtection.unprotect »). */
    readonly debugInfo?: { readonly errorLocation?: string },
  ) {
    super(message);
  }
}

export type Op = () => void;

export function emptyModel(): MemoryModel {
  return { sheets: [newSheet("Feuil1")], names: [], activeSheet: 0 };
}

let sheetCounter = 0;

export function newSheet(name: string): MemorySheet {
  sheetCounter++;
  return {
    id: `{00000000-0000-4000-8000-${String(sheetCounter).padStart(12, "0")}}`,
    name,
    visibility: "Visible",
    protected: false,
    cells: new Map(),
    validations: [],
    merges: [],
    frozenRows: 0,
    columnWidths: new Map(),
    columnOutline: new Map(),
    rowHeights: new Map(),
    charts: [],
  };
}

/**
 * What Excel makes of a text written through `values` or `formulas`: it parses it as if typed, in the en-US
 * locale whatever the user's (OfficeDev/office-js#1559): « 12 » is a number, « 45% » is 0.45 shown as a
 * percentage, « 2025-01 » or « 3/12/2026 » a date, « TRUE » a boolean. Unless the cell's format is Text (« @ »).
 */
export function asTyped(text: string): { value: number | boolean; numberFormat?: string } | undefined {
  const t = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t) };
  const pct = /^([+-]?(\d+\.?\d*|\.\d+))\s*%$/.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, numberFormat: "0%" };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const serial = (y: number, m: number, d: number) => {
    if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
    return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
  };
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t);
  if (m) {
    const v = serial(Number(m[1]), Number(m[2]), Number(m[3] ?? 1));
    if (v !== undefined) return { value: v, numberFormat: m[3] ? "yyyy-mm-dd" : "mmm-yy" };
  }
  // As French Excel reads it: day first (« 12/03/2026 » is 12 March), the short date format (built-in 14).
  m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(t);
  if (m) {
    const year = m[3] === undefined ? new Date().getUTCFullYear() : Number(m[3]) + (m[3].length === 2 ? 2000 : 0);
    const v = serial(year, Number(m[2]), Number(m[1]));
    if (v !== undefined) return { value: v, numberFormat: "m/d/yyyy" };
  }
  return undefined;
}
