/** Small builders the sheet blueprints share: a text cell, derived cells, a row height, the guide's list texts. */
import { type Criterion } from "../referential/types";
import { LABELS } from "./labels";
import { type StructureCell } from "./types";

/** The sheet title of a criterion: « C1 Offre de formations » (Excel allows 31 characters). */
export function criterionSheetName(c: Criterion): string {
  return `C${c.number} ${c.shortTitle}`.slice(0, 31);
}

/** Texts offered by a criterion's drop-downs, in the guide's order. */
export function guideAxes(c: Criterion): string[] {
  return c.axes.map((e) => e.text);
}
export function guideObjectives(c: Criterion): string[] {
  return c.objectives.map((e) => e.text);
}

export function auditYearHeader(auditYear: number | undefined): string {
  return LABELS.auditYearPrefix + (auditYear === undefined ? LABELS.auditYearUnset : String(auditYear));
}

export function estimateHeight(text: string, charsPerLine: number, lineHeight = 12.75): number {
  const lines = text.split("\n").reduce((sum, l) => sum + Math.max(1, Math.ceil(l.length / charsPerLine)), 0);
  return Math.round(lines * lineHeight + 6);
}

export function text(addr: string, value: string, style: StructureCell["style"], derived = false): StructureCell {
  return derived ? { address: addr, text: value, style, derived } : { address: addr, text: value, style };
}

/** Formulas and marked cells are derived content (see StructureCell.derived). */
export function markDerived(cells: StructureCell[], all = false): StructureCell[] {
  return cells.map((c) => (all || c.formula !== undefined ? derivedCopy(c) : c));
}

/**
 * `{ ...c, derived: true }`: the same keys in the same order, copied by hand. The cells come in several shapes
 * (text, number, formula), over which a spread is ~6 × slower, and each blueprint marks hundreds (#28).
 */
function derivedCopy(c: StructureCell): StructureCell {
  const from = c as unknown as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const k in from) copy[k] = from[k];
  copy.derived = true;
  return copy as unknown as StructureCell;
}
