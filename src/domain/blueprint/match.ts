/** Whether a cell of a workbook is what the blueprint put there: one comparison for the check and the update. */
import { parseRange, parseSqref, rangeContains, rangeCovers, rangesOverlap, type CellRef, type RangeRef } from "../a1";
import type { CellSnapshot, SheetSnapshot, ValidationSnapshot } from "../snapshot";
import type { StructureCell, ValidationBlueprint } from "./types";

export function normFormula(f: string | undefined): string {
  return (f ?? "").replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
}

/**
 * Whether two formulas are the same once normalised. A workbook of ours holds the blueprint's very text (every
 * formula of the corpus does): that is a plain comparison, and only the others are normalised (#28: a check
 * compared ~500 formulas per workbook, each normalised twice by three regular expressions).
 */
function sameFormula(a: string | undefined, b: string | undefined): boolean {
  return a === b || normFormula(a) === normFormula(b);
}

export function isEmptyCell(c: CellSnapshot | undefined): boolean {
  return !c || (c.f === undefined && c.t === "s" && String(c.v) === "");
}

/** Whether the cell already is what the blueprint wants. */
export function cellMatches(actual: CellSnapshot | undefined, want: StructureCell): boolean {
  if (want.formula !== undefined) return !!actual && sameFormula(actual.f, want.formula);
  if (!actual || actual.f !== undefined) return false;
  if (want.number !== undefined) return actual.t === "n" && actual.v === want.number;
  return actual.t === "s" && String(actual.v) === (want.text ?? "");
}

/**
 * Whether a drop-down of the workbook is the blueprint's rule: same type, same source. The second formula
 * only counts where the type uses it (LibreOffice writes a « 0 » one on every list).
 */
export function sameValidationRule(actual: ValidationSnapshot, want: ValidationBlueprint): boolean {
  if (actual.type !== want.type || !sameFormula(actual.formula1, want.formula1)) return false;
  return want.type === "list" || sameFormula(actual.formula2, want.formula2);
}

/**
 * The cells of the blueprint's drop-down area that do not have its rule now — no drop-down, or another one
 * laid over (a list pasted from elsewhere): one comparison for the check (which names them) and the update
 * (which restores the area).
 */
export function cellsWithoutValidation(sheet: SheetSnapshot, want: ValidationBlueprint): CellRef[] {
  const area = parseRange(want.sqref);
  if (!area) return [];
  const ours: RangeRef[] = [];
  const others: RangeRef[] = [];
  for (const sv of sheet.validations) (sameValidationRule(sv, want) ? ours : others).push(...parseSqref(sv.sqref));
  const relevant = others.filter((r) => rangesOverlap(r, area));
  // The usual case, said without walking the area's cells: one of ours covers it all, and nothing else lies over it.
  if (relevant.length === 0 && ours.some((r) => rangeCovers(r, area))) return [];
  const out: CellRef[] = [];
  for (let col = area.left; col <= area.right; col++) {
    for (let row = area.top; row <= area.bottom; row++) {
      const at = { row, col };
      if (!ours.some((r) => rangeContains(r, at)) || relevant.some((r) => rangeContains(r, at))) out.push(at);
    }
  }
  return out;
}
