/**
 * Edits: what the reconciliation asks an adapter to do to a workbook. Plain data, applied in order.
 * An adapter unprotects a protected sheet before editing it and protects it again after, only when
 * the state differs; it decides nothing else.
 */
import type {
  ChartBlueprint,
  ColumnBlueprint,
  HeaderFooterLine,
  StructureCell,
  ValidationBlueprint,
  SheetBlueprint,
  InputArea,
} from "../blueprint/types";
import type { Visibility } from "../snapshot";

export type Edit =
  /** Add a new, empty sheet before the sheet titled `before` (at the end without it); the following edits fill it. */
  | { readonly op: "create-sheet"; readonly sheet: string; readonly before?: string }
  | { readonly op: "set-visibility"; readonly sheet: string; readonly visibility: Visibility }
  /**
   * Write structure cells (labels, formulas, list items) with their style; they are locked. `recomputed`:
   * formulas that were right, written again with the result a value the user set makes them show.
   */
  | {
      readonly op: "set-cells";
      readonly sheet: string;
      readonly cells: readonly StructureCell[];
      readonly recomputed?: boolean;
    }
  /** Style (and unlock) an input area without touching its values; `values` only go into empty cells of a new sheet. */
  | { readonly op: "format-inputs"; readonly sheet: string; readonly area: InputArea }
  | { readonly op: "set-columns"; readonly sheet: string; readonly columns: readonly ColumnBlueprint[] }
  | { readonly op: "set-row-heights"; readonly sheet: string; readonly rows: SheetBlueprint["rowHeights"] }
  /** Merge each area (the areas in its way were undone by an `unmerge` before it). */
  | { readonly op: "merge"; readonly sheet: string; readonly ranges: readonly string[] }
  /** Undo these merged areas, exactly as the workbook has them (their cells keep their values). */
  | { readonly op: "unmerge"; readonly sheet: string; readonly ranges: readonly string[] }
  /** Replace whatever validation covers `validation.sqref` with this one. */
  | { readonly op: "set-validation"; readonly sheet: string; readonly validation: ValidationBlueprint }
  /** Create or repoint a workbook-level defined name. */
  | { readonly op: "set-name"; readonly name: string; readonly sheet: string; readonly ref: string }
  | { readonly op: "set-protection"; readonly sheet: string; readonly protect: boolean }
  | { readonly op: "freeze"; readonly sheet: string; readonly rows: number; readonly cols: number }
  | { readonly op: "page-setup"; readonly sheet: string; readonly print: NonNullable<SheetBlueprint["print"]> }
  /** Every page's printed header and footer, written whole (a part left out is emptied). */
  | {
      readonly op: "set-header-footer";
      readonly sheet: string;
      readonly header?: HeaderFooterLine;
      readonly footer?: HeaderFooterLine;
    }
  /** Empty cells the product owns that the blueprint no longer uses (only ever on the lists sheet). */
  | { readonly op: "clear-cells"; readonly sheet: string; readonly addresses: readonly string[] }
  /** Draw the chart (it is missing: a new sheet, or someone deleted it). */
  | { readonly op: "add-chart"; readonly sheet: string; readonly chart: ChartBlueprint }
  /** A value the user asked for explicitly (« --audit-year 2028 »): the only edit that writes an input cell. */
  | { readonly op: "set-value"; readonly sheet: string; readonly address: string; readonly value: string | number };

export type EditOp = Edit["op"];

/**
 * The end of every switch over an `Edit`'s op: when a new op joins the union, each applier that does not
 * handle it fails to typecheck here instead of skipping the edit silently at run time.
 */
export function assertNever(edit: never): never {
  throw new Error(`Modification inconnue : ${JSON.stringify(edit)}`);
}
