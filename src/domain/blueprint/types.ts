import type { CriterionNumber } from "../referential/types";
import type { Visibility } from "../snapshot";
import type { StyleName } from "./styles";

export type SheetRole = "parameters" | "synthesis" | "criterion" | "dossier" | "guide" | "lists";

/** A cell the product owns: a label, a formula, a list item. Users cannot type in it (locked). */
export interface StructureCell {
  readonly address: string;
  readonly style: StyleName;
  readonly text?: string;
  readonly number?: number;
  /** Formula without « = »; `result` is the value it computes in a fresh workbook. */
  readonly formula?: string;
  readonly result?: string | number;
  /**
   * Content the product derives from the parameters or the referential (list items, the criterion's
   * title and reminder, year-dependent hints, header formulas): an update rewrites it when it differs.
   * Other labels are rewritten only when empty — a different text there was typed by someone, and stays.
   */
  readonly derived?: boolean;
}

/** An area where people type. `values` are what generation pre-fills (e.g. the reference year). */
export interface InputArea {
  readonly range: string;
  readonly style: StyleName;
  readonly values?: Readonly<Record<string, string | number>>;
  /**
   * The label that came with the area (its section title). In a workbook made before the area existed
   * that label is empty: the update then formats and unlocks the area, once (the snapshot does not show
   * formats, so this is how a new section is told from an existing one).
   */
  readonly anchor?: string;
}

export type ErrorStyle = "stop" | "warning" | "information";

export interface ValidationBlueprint {
  readonly sqref: string;
  readonly type: "list" | "whole";
  /** Without « = », as OOXML stores it (« Axes_C1 », « AnneeReference+1 »). */
  readonly formula1: string;
  readonly formula2?: string;
  readonly operator?: "between";
  readonly errorStyle: ErrorStyle;
  readonly errorTitle: string;
  readonly error: string;
  /** What the validation is for, in the check's words (« axes », « objectifs », « année de l'audit »). */
  readonly purpose:
    "axis" | "objective" | "school" | "reference-year" | "audit-year" | "direction" | "status" | "perennial" | "action";
}

export interface ColumnBlueprint {
  readonly col: number;
  readonly width: number;
  readonly hidden?: boolean;
  /** The column's outline (group) level, 1–7: the column can be folded with its neighbours of the same group. */
  readonly outlineLevel?: number;
}

/** A chart Excel draws from the sheet's cells (it lives in the workbook, it follows the values). */
export interface ChartBlueprint {
  /** The chart's name in Excel (Office.js `chart.name`, the drawing object's name in OOXML): its identity. */
  readonly name: string;
  readonly title: string;
  /** Horizontal bars, one group per category, one bar per series. */
  readonly type: "barClustered";
  /** The category labels, on the same sheet (« A5:A12 »). */
  readonly categories: string;
  /**
   * Each series: the cell holding its name (« C4 »), that name's text (for hosts that cannot link a series
   * name to a cell, such as Office.js: set `series.name` to it), and its values (« C5:C12 »), on the same sheet.
   */
  readonly series: readonly { readonly header: string; readonly name: string; readonly values: string }[];
  /** The cells the chart covers: top-left and bottom-right (« A16 », « L40 »). */
  readonly from: string;
  readonly to: string;
}

export interface SheetBlueprint {
  /** Stable identity: « parametres », « listes », « c1 » … « c8 ». */
  readonly key: string;
  readonly role: SheetRole;
  readonly criterion?: CriterionNumber;
  /** The title a new sheet gets (a renamed sheet keeps its own). */
  readonly name: string;
  readonly visibility: Visibility;
  /** A cell in a hidden column whose value names the sheet's identity (« ldm:critere:3 »). */
  readonly marker: { readonly address: string; readonly value: string };
  readonly columns: readonly ColumnBlueprint[];
  readonly rowHeights: readonly { readonly row: number; readonly height: number }[];
  readonly cells: readonly StructureCell[];
  readonly inputs: readonly InputArea[];
  readonly merges: readonly string[];
  readonly validations: readonly ValidationBlueprint[];
  readonly protect: boolean;
  /** Rows and columns frozen at the top-left. */
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly print?: PrintBlueprint;
  readonly charts?: readonly ChartBlueprint[];
}

/** A header or footer line, in Excel's codes (« &P » the page, « &N » the pages, « &D » the date, « &A » the sheet). */
export interface HeaderFooterLine {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
}

export interface PrintBlueprint {
  readonly landscape: boolean;
  readonly fitToWidth: boolean;
  /** Rows repeated at the top of each printed page (« 7:9 »). */
  readonly titleRows?: string;
  /** What prints (« A1:G109 »): a blank fiche prints its empty ruled rows, to fill in by hand. */
  readonly area?: string;
  readonly header?: HeaderFooterLine;
  readonly footer?: HeaderFooterLine;
}

/** Excel's header/footer text from its three parts (« &L…&C…&R… »). */
export function headerFooterText(line: HeaderFooterLine | undefined): string {
  if (!line) return "";
  return [
    line.left ? `&L${line.left}` : "",
    line.center ? `&C${line.center}` : "",
    line.right ? `&R${line.right}` : "",
  ].join("");
}

export interface NameBlueprint {
  readonly name: string;
  /** The sheet key the name points into (its title may change). */
  readonly sheetKey: string;
  /** The range on that sheet, absolute (« $B$4 », « $A$2:$A$2091 »). */
  readonly ref: string;
}

export interface Blueprint {
  /** Version of the referential (the guide's edition) the lists come from. */
  readonly referentialVersion: string;
  readonly referenceYear: number;
  readonly auditYear?: number;
  readonly sheets: readonly SheetBlueprint[];
  readonly names: readonly NameBlueprint[];
  /**
   * Whether Listes holds the establishments (their cells and the name « Etablissements »): "listed" in a
   * blueprint that can be checked, reconciled or written; "not-needed" in one built only to know which sheet is
   * which, where the tables lie and what to read (the pane's first screen), which never fetches the 2,090 rows.
   */
  readonly establishments: "listed" | "not-needed";
}

/** A blueprint with the establishments in Listes: the only kind the check, the reconciliation and generation take. */
export interface CompleteBlueprint extends Blueprint {
  readonly establishments: "listed";
}
