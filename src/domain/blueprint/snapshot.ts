/** The snapshot a workbook freshly made from a blueprint gives: the reference for tests and for a new in-memory workbook. */
import { quoteSheetName } from "../a1";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { STYLES } from "./styles";
import type { CompleteBlueprint, StructureCell } from "./types";

function structureValue(c: StructureCell): CellSnapshot {
  const nf = STYLES[c.style].numberFormat;
  const withFormat = (cell: CellSnapshot): CellSnapshot => (nf ? { ...cell, nf } : cell);
  if (c.formula !== undefined) {
    const r = c.result ?? "";
    return withFormat(typeof r === "number" ? { t: "n", v: r, f: c.formula } : { t: "s", v: r, f: c.formula });
  }
  if (c.number !== undefined) return withFormat({ t: "n", v: c.number });
  return withFormat({ t: "s", v: c.text ?? "" });
}

export function blueprintSnapshot(bp: CompleteBlueprint): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = bp.sheets.map((sb) => {
    const cells: Record<string, CellSnapshot> = {};
    for (const area of sb.inputs) {
      const nf = STYLES[area.style].numberFormat;
      for (const [a, v] of Object.entries(area.values ?? {})) {
        cells[a] = typeof v === "number" ? { t: "n", v, ...(nf ? { nf } : {}) } : { t: "s", v };
      }
    }
    for (const c of sb.cells) {
      const v = structureValue(c);
      // A formula whose result is "" shows nothing: an empty cell in a snapshot still carries its formula.
      cells[c.address] = v;
    }
    return {
      name: sb.name,
      visibility: sb.visibility,
      protected: sb.protect,
      cells,
      validations: sb.validations.map((v) => ({
        sqref: v.sqref,
        type: v.type,
        formula1: v.formula1,
        ...(v.formula2 !== undefined ? { formula2: v.formula2 } : {}),
        ...(v.operator ? { operator: v.operator } : {}),
      })),
      merges: [...sb.merges],
    };
  });
  const titles = new Map(bp.sheets.map((s) => [s.key, s.name]));
  return {
    sheets,
    names: bp.names.map((n) => ({ name: n.name, formula: `${quoteSheetName(titles.get(n.sheetKey) ?? "")}!${n.ref}` })),
  };
}
