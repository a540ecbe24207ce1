/**
 * Writes a blueprint to a new .xlsx file with ExcelJS. It translates, it decides nothing: every
 * sheet, cell, validation and name comes from the blueprint. (ExcelJS is fit to create a workbook; it
 * is never used to rewrite a user's — see docs/decisions.md.)
 */
import ExcelJS from "exceljs";
import { parseRange } from "../../domain/a1";
import type { Edit } from "../../domain/reconcile/edits";
import { applyEditsToXlsx } from "./update";
import { STYLES, type CellStyle } from "../../domain/blueprint/styles";
import { headerFooterText, type Blueprint, type SheetBlueprint } from "../../domain/blueprint/types";
import { PROTECTION_ALLOWS } from "../../domain/blueprint/layout";

function argb(rgb: string): string {
  return `FF${rgb}`;
}

/** The ExcelJS style of a blueprint style. */
export function excelJsStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: {
      name: "Calibri",
      size: s.size ?? 10,
      bold: s.bold,
      italic: s.italic,
      color: s.color ? { argb: argb(s.color) } : undefined,
    },
    alignment: { wrapText: s.wrap, vertical: s.vertical, horizontal: s.horizontal },
    protection: { locked: s.locked },
  };
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFA6A6A6" } };
    style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.numberFormat) style.numFmt = s.numberFormat;
  return style;
}

function forEachCell(range: string, fn: (row: number, col: number) => void): void {
  const r = parseRange(range);
  if (!r) throw new Error(`Plage invalide dans le plan du classeur : ${range}`);
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(row, col);
}

async function writeSheet(wb: ExcelJS.Workbook, sb: SheetBlueprint): Promise<void> {
  const ws = wb.addWorksheet(sb.name, {
    state: sb.visibility === "veryHidden" ? "veryHidden" : sb.visibility,
    views: sb.freeze ? [{ state: "frozen", ySplit: sb.freeze.rows, xSplit: sb.freeze.cols }] : undefined,
    pageSetup: sb.print
      ? {
          orientation: sb.print.landscape ? "landscape" : "portrait",
          paperSize: 9,
          fitToPage: sb.print.fitToWidth,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: sb.print.titleRows,
          printArea: sb.print.area,
          margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
        }
      : undefined,
    headerFooter:
      sb.print?.header || sb.print?.footer
        ? { oddHeader: headerFooterText(sb.print.header), oddFooter: headerFooterText(sb.print.footer) }
        : undefined,
  });
  for (const c of sb.columns) {
    const col = ws.getColumn(c.col);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  }
  for (const h of sb.rowHeights) ws.getRow(h.row).height = h.height;
  for (const area of sb.inputs) {
    const style = excelJsStyle(STYLES[area.style]);
    forEachCell(area.range, (row, col) => {
      ws.getCell(row, col).style = style;
    });
    for (const [addr, value] of Object.entries(area.values ?? {})) ws.getCell(addr).value = value;
  }
  for (const cell of sb.cells) {
    const target = ws.getCell(cell.address);
    if (cell.formula !== undefined)
      target.value = { formula: cell.formula, result: cell.result ?? "" } as ExcelJS.CellFormulaValue;
    else if (cell.number !== undefined) target.value = cell.number;
    else target.value = cell.text ?? "";
    target.style = excelJsStyle(STYLES[cell.style]);
  }
  for (const m of sb.merges) ws.mergeCells(m);
  for (const v of sb.validations) {
    // ExcelJS writes formulas verbatim: no leading « = ».
    const formulae = v.formula2 !== undefined ? [v.formula1, v.formula2] : [v.formula1];
    const dv: ExcelJS.DataValidation = {
      type: v.type,
      allowBlank: true,
      formulae,
      showErrorMessage: true,
      errorStyle: v.errorStyle,
      errorTitle: v.errorTitle,
      error: v.error,
    };
    if (v.operator) dv.operator = v.operator;
    (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      v.sqref,
      dv,
    );
  }
  if (sb.protect) {
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      ...Object.fromEntries(PROTECTION_ALLOWS.map((k) => [k, true])),
    });
  }
}

/** The bytes of a new workbook built from the blueprint. */
export async function blueprintToXlsx(bp: Blueprint): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Fiches LDM";
  wb.created = new Date(0);
  wb.modified = new Date(0);
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sb of bp.sheets) await writeSheet(wb, sb);
  const buf = await wb.xlsx.writeBuffer();
  // ExcelJS silently drops a defined name whose range sits on a quoted sheet title ('C1 …'!$A$10:$A$109):
  // names are written by our own OOXML layer instead.
  const titles = new Map(bp.sheets.map((s) => [s.key, s.name]));
  const names: Edit[] = bp.names.map((n) => {
    const sheet = titles.get(n.sheetKey);
    if (sheet === undefined) throw new Error(`Nom ${n.name} : feuille ${n.sheetKey} absente du plan`);
    return { op: "set-name", name: n.name, sheet, ref: n.ref };
  });
  // ExcelJS writes no charts: ours go in through the same layer.
  const charts: Edit[] = bp.sheets.flatMap((sb) =>
    (sb.charts ?? []).map((chart): Edit => ({ op: "add-chart", sheet: sb.name, chart })),
  );
  return applyEditsToXlsx(new Uint8Array(buf as ArrayBuffer), [...names, ...charts]);
}
