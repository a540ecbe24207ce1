/**
 * A new .xlsx from the blueprint, through the same writer as `update`: the reconciliation of an empty package
 * (src/workbook/xlsx/empty.ts) with the blueprint, applied by the updater — as Excel's « Générer » is the same
 * reconciliation on an empty workbook. One OOXML writer for generating and updating (docs/decisions.md §34).
 */
import { reconcile } from "../../domain/reconcile";
import type { CompleteBlueprint } from "../../domain/blueprint/types";
import { emptyPackage } from "./empty";
import { readXlsx } from "./read";
import { applyEditsToXlsx } from "./update";

/** The bytes of a new workbook built from the blueprint. */
export async function blueprintToXlsx(bp: CompleteBlueprint): Promise<Uint8Array> {
  const empty = emptyPackage();
  return applyEditsToXlsx(empty, reconcile(bp, readXlsx(empty)).edits);
}
