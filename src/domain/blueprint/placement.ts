/**
 * Where a criterion sheet's table is now. The sheets are protected so that people may insert rows: rows
 * inserted above the table move it down (the header is found by its own words), rows inserted inside it or
 * typed below it make it longer (Excel stretches our defined names over inserted rows). Decided once, here;
 * the check and the update both compare the workbook with the blueprint *placed* this way — so the update
 * never writes a second header into inserted rows, and the Synthèse counts every row the check sees.
 */
import { absoluteRange, address, columnLetters, parseAddress, parseRange, rangeAddress, splitReference } from "../a1";
import type { Identification } from "./identify";
import { findName } from "../names";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { TABLE } from "./layout";
import { cellMatches } from "./match";
import type { Blueprint, NameBlueprint, SheetBlueprint } from "./types";

export interface Placement {
  /** Where each structure row of the blueprint (title to hints, 1–9) is now: rows inserted among them move them. */
  readonly rows: ReadonlyMap<number, number>;
  readonly headerRow: number;
  /** The table's first and last input rows, now. */
  readonly firstRow: number;
  readonly lastRow: number;
  /**
   * The last row from `firstRow` on where something is typed in the table's columns (`firstRow - 1` when none):
   * every row after it is empty, and those who read the rows stop there (half the table, in the corpus).
   */
  readonly lastFilled: number;
}

/** Where a table is when nobody moved it (its last rows aside). */
export const UNMOVED: Omit<Placement, "lastRow" | "lastFilled"> = {
  rows: new Map(),
  headerRow: TABLE.headerRow,
  firstRow: TABLE.firstRow,
};

function isFilled(c: CellSnapshot | undefined): boolean {
  return !!c && !(c.t === "s" && String(c.v).trim() === "");
}

/** The blueprint's last input row (109): what grows when the table does. */
function blueprintLastRow(sb: SheetBlueprint): number {
  return Math.max(TABLE.firstRow, ...sb.inputs.map((a) => parseRange(a.range)?.bottom ?? 0));
}

/** The last row, from `from` on, where someone filled a cell of the table's columns. */
export function lastFilledRow(sheet: SheetSnapshot, from: number): number {
  let last = from - 1;
  // « A12 » … « G12 »: one column letter up to the table's last, then the row's digits, read by hand: every cell
  // of the sheet passes here (a key list rather than for…in, which checks each key again on a large sheet).
  const lastCol = columnLetters(TABLE.lastColumn).charCodeAt(0);
  const cells = sheet.cells;
  const addresses = Object.keys(cells);
  for (let i = 0; i < addresses.length; i++) {
    const a = addresses[i];
    const letter = a.charCodeAt(0);
    if (letter < 65 || letter > lastCol || a.length < 2 || a.charCodeAt(1) === 48) continue;
    let r = 0;
    let j = 1;
    for (; j < a.length; j++) {
      const digit = a.charCodeAt(j) - 48;
      if (digit < 0 || digit > 9) break;
      r = r * 10 + digit;
    }
    if (j === a.length && r > last && isFilled(cells[a])) last = r;
  }
  return last;
}

/** How far down the header is looked for (rows inserted above the table). */
export const HEADER_SEARCH_ROWS = TABLE.headerRow + 300;

/**
 * Each structure row of the blueprint (1 … the hint row), found where it is now: the first row at or after the
 * previous one's new place where one of its cells is what the blueprint put there. Rows inserted among them
 * (even between the header and the hints) move the rest; a row that cannot be found keeps its predecessor's shift.
 */
function structureRows(sb: SheetBlueprint, sheet: Pick<SheetSnapshot, "cells">): Map<number, number> {
  const byRow = new Map<number, { col: number; cell: SheetBlueprint["cells"][number] }[]>();
  for (const c of sb.cells) {
    const at = parseAddress(c.address);
    if (!at || at.row > TABLE.hintRow || (c.text === undefined && c.formula === undefined) || c.style === "marker")
      continue;
    byRow.set(at.row, [...(byRow.get(at.row) ?? []), { col: at.col, cell: c }]);
  }
  const rows = new Map<number, number>();
  let shift = 0;
  let floor = 1;
  for (let r = 1; r <= TABLE.hintRow; r++) {
    const cells = byRow.get(r);
    let found: number | undefined;
    if (cells)
      for (let at = Math.max(floor, r + Math.min(shift, 0) - 300); at <= r + shift + HEADER_SEARCH_ROWS; at++) {
        if (at < floor) continue;
        if (cells.some(({ col, cell }) => cellMatches(sheet.cells[address(at, col)], cell))) {
          found = at;
          break;
        }
      }
    const now = found ?? Math.max(floor, r + shift);
    shift = now - r;
    rows.set(r, now);
    floor = now + 1;
  }
  return rows;
}

/**
 * The table's first input row now, from what a host read of the sheet (« Insérer » reads the indicator column
 * only): the row after the hints, wherever rows inserted above or among the header rows put them.
 */
export function firstInputRow(sb: SheetBlueprint, sheet: Pick<SheetSnapshot, "cells">): number {
  return (structureRows(sb, sheet).get(TABLE.hintRow) ?? TABLE.hintRow) + 1;
}

/** Where the table of criterion sheet `sb` is in `sheet`. */
export function placeTable(
  sb: SheetBlueprint,
  sheet: SheetSnapshot,
  wb: WorkbookSnapshot,
  names: readonly NameBlueprint[],
): Placement {
  const rows = structureRows(sb, sheet);
  const headerRow = rows.get(TABLE.headerRow) ?? TABLE.headerRow;
  const firstRow = (rows.get(TABLE.hintRow) ?? TABLE.hintRow) + 1;
  const offset = firstRow - TABLE.firstRow;
  // Excel stretches a defined name over rows inserted inside it: our input names say how long the table is.
  const bpLast = blueprintLastRow(sb);
  let named = 0;
  for (const n of names) {
    if (n.sheetKey !== sb.key || parseRange(n.ref.replace(/\$/g, ""))?.bottom !== bpLast) continue;
    const ref = splitReference(findName(wb, n.name)?.formula ?? "");
    const r = ref && ref.sheet === sheet.name ? parseRange(ref.ref.replace(/\$/g, "")) : undefined;
    if (r && r.top === firstRow) named = Math.max(named, r.bottom);
  }
  const lastFilled = lastFilledRow(sheet, firstRow);
  const lastRow = Math.max(bpLast + offset, named, lastFilled);
  return { rows, headerRow, firstRow, lastRow, lastFilled };
}

function rowMapper(sb: SheetBlueprint, p: Placement): { row: (r: number) => number; range: (ref: string) => string } {
  const bpLast = blueprintLastRow(sb);
  const offset = p.firstRow - TABLE.firstRow;
  const row = (r: number) => (r <= TABLE.hintRow ? (p.rows.get(r) ?? r) : r + offset);
  const range = (ref: string) => {
    const r = parseRange(ref.replace(/\$/g, ""));
    if (!r) return ref;
    const placed = { ...r, top: row(r.top), bottom: r.bottom === bpLast ? p.lastRow : row(r.bottom) };
    return ref.includes("$") ? absoluteRange(placed) : rangeAddress(placed);
  };
  return { row, range };
}

function moveAddress(a: string, row: (r: number) => number): string {
  const at = parseAddress(a);
  return at ? address(row(at.row), at.col) : a;
}

/** The sheet's blueprint as the table now lies: moved down, and as long as it has grown. */
export function placeSheet(sb: SheetBlueprint, p: Placement): SheetBlueprint {
  const moved = [...p.rows].some(([from, to]) => from !== to) || p.firstRow !== TABLE.firstRow;
  if (!moved && p.lastRow === blueprintLastRow(sb)) return sb;
  const { row, range } = rowMapper(sb, p);
  return {
    ...sb,
    marker: { ...sb.marker, address: moveAddress(sb.marker.address, row) },
    cells: sb.cells.map((c) => ({ ...c, address: moveAddress(c.address, row) })),
    rowHeights: sb.rowHeights.map((h) => ({ ...h, row: row(h.row) })),
    inputs: sb.inputs.map((a) => ({ ...a, range: range(a.range), anchor: a.anchor && moveAddress(a.anchor, row) })),
    merges: sb.merges.map(range),
    validations: sb.validations.map((v) => ({ ...v, sqref: v.sqref.split(/\s+/).map(range).join(" ") })),
    freeze: sb.freeze && { ...sb.freeze, rows: row(sb.freeze.rows) },
    print: sb.print && {
      ...sb.print,
      titleRows: sb.print.titleRows?.replace(/\d+/g, (d) => String(row(Number(d)))),
      area: sb.print.area && range(sb.print.area),
    },
  };
}

export interface PlacedBlueprint<B extends Blueprint = Blueprint> {
  readonly bp: B;
  /** By sheet name: where each criterion table of the workbook is. */
  readonly placements: ReadonlyMap<string, Placement>;
}

/** The blueprint placed on the workbook's criterion sheets (their names follow their tables). */
export function placeBlueprint<B extends Blueprint>(
  bp: B,
  wb: WorkbookSnapshot,
  identified: Identification,
): PlacedBlueprint<B> {
  const placements = new Map<string, Placement>();
  const byKey = new Map<string, { sb: SheetBlueprint; p: Placement }>();
  const sheets = bp.sheets.map((sb) => {
    const id = identified.get(sb.key);
    if (sb.role !== "criterion" || !id) return sb;
    const p = placeTable(sb, id.sheet, wb, bp.names);
    placements.set(id.sheet.name, p);
    byKey.set(sb.key, { sb, p });
    return placeSheet(sb, p);
  });
  const names = bp.names.map((n) => {
    const placed = byKey.get(n.sheetKey);
    return placed ? { ...n, ref: rowMapper(placed.sb, placed.p).range(n.ref) } : n;
  });
  return { bp: { ...bp, sheets, names }, placements };
}
