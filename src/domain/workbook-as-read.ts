/**
 * The workbook as read (DESIGN, layers): the snapshot turned once into what every part of the domain needs to
 * know about it — which sheet is which, the years, the school, the blueprint placed where the tables lie now,
 * the school's own lists and directions. Built once per use case (readWorkbook) and handed to the check, the
 * reconciliation, the synthesis, the dossier and the facts, which never rebuild it nor import each other for it.
 */
import { findName } from "./names";
import { columnLetters, parseRange, splitReference, type RangeRef } from "./a1";
import { buildBlueprint, type WithEstablishments } from "./blueprint/build";
import { NAMES, PARAMS, TABLE } from "./blueprint/layout";
import type { Blueprint, CompleteBlueprint } from "./blueprint/types";
import type { Establishments } from "./establishments";
import { identifySheets, type Identified } from "./blueprint/identify";
import { lastFilledRow, placeBlueprint, UNMOVED, type Placement } from "./blueprint/placement";
import { CRITERIA } from "./referential/criteria";
import type { Criterion } from "./referential/types";
import { directionOfLabel, type Direction, type DirectionOverrides } from "./indicators";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { listKey } from "./text";

export interface ReadOptions {
  /** Today, to tell whether the audit is ahead (the domain reads no clock). */
  readonly today?: Date;
  readonly criteria?: readonly Criterion[];
  /** The edition of the referential the workbook should follow (with `criteria`, for a new edition). */
  readonly referentialVersion?: string;
  /**
   * The blueprint without establishments of these criteria (`buildBlueprint({ criteria, establishments:
   * "not-needed" })`), when a batch made it once for all its workbooks: which sheet is which. Built here without it.
   */
  readonly probe?: Blueprint;
}

/** What reading a snapshot needs: the options and the establishments (an explicit input, #26). */
export type ReadInputs = ReadOptions & WithEstablishments<Establishments>;

/**
 * The workbook as read without the establishments (readWorkbook with `establishments: "not-needed"`): which
 * sheet is which, the years, the school, where the tables lie — what the pane's first screen and the facts
 * need. Its blueprints lack Listes' schools, so nothing that checks or reconciles accepts it.
 */
export interface WorkbookLayout {
  readonly wb: WorkbookSnapshot;
  /** The blueprint placed on the workbook: criterion tables where they are now (rows inserted above or inside). */
  readonly bp: Blueprint;
  /** The blueprint as built, before placement: what the reconciliation is handed (it places it itself). */
  readonly wanted: Blueprint;
  readonly establishments: Establishments | "not-needed";
  /** By sheet name: where each criterion table lies now. */
  readonly placements: ReadonlyMap<string, Placement>;
  readonly criteria: readonly Criterion[];
  readonly identified: Map<string, Identified>;
  readonly today: Date;
  readonly referenceYear: number;
  readonly auditYear?: number;
  /**
   * The school as Paramètres!B4 says it ("" when empty), undefined without a Paramètres sheet: what each fiche's
   * printed header names. Read at its own place, where the update points the name « Etablissement » back.
   */
  readonly school?: string;
  /** The school's own axes and objectives typed in Paramètres. */
  readonly ownAxes: readonly string[];
  readonly ownObjectives: readonly string[];
  /** The school's directions from Paramètres › « Sens des indicateurs », by the indicator's list key. */
  readonly directionOverrides: DirectionOverrides;
}

/** The workbook as read with the establishments: what the check, the reconciliation, the synthesis and the dossier take. */
export interface WorkbookAsRead extends WorkbookLayout {
  readonly bp: CompleteBlueprint;
  readonly wanted: CompleteBlueprint;
  readonly establishments: Establishments;
}

/** How many read models were built since the start (the tests count one per use case). */
export const readModelBuilds = { count: 0 };

/** A cell that a defined name points at, read from the snapshot (undefined when the name or sheet is gone). */
export function cellOfName(
  wb: WorkbookSnapshot,
  name: string,
): { sheet: SheetSnapshot; address: string; cell?: CellSnapshot } | undefined {
  const n = findName(wb, name);
  const ref = n ? splitReference(n.formula) : undefined;
  const sheet = ref ? wb.sheets.find((s) => s.name === ref.sheet) : undefined;
  const range = ref ? parseRange(ref.ref) : undefined;
  if (!sheet || !range) return undefined;
  const address = `${columnLetters(range.left)}${range.top}`;
  return { sheet, address, cell: sheet.cells[address] };
}

/**
 * A Paramètres text (the school, a referent…): through its defined name, or at the blueprint's own place when
 * the name is gone; « » for an empty cell or an error.
 */
export function parametersText(ctx: WorkbookLayout, name: string, fallback: string): string {
  return textOf(cellOfName(ctx.wb, name)?.cell ?? ctx.identified.get("parametres")?.sheet.cells[fallback]);
}

/** Texts of the non-empty cells of a rectangular area. */
export function textsIn(sheet: SheetSnapshot, range: RangeRef): string[] {
  const out: string[] = [];
  for (let row = range.top; row <= range.bottom; row++) {
    for (let col = range.left; col <= range.right; col++) {
      const c = sheet.cells[`${columnLetters(col)}${row}`];
      if (c && c.t !== "e" && String(c.v).trim() !== "") out.push(String(c.v));
    }
  }
  return out;
}

/**
 * The Paramètres area a defined name points at (or, when the name is gone, the blueprint's own place on
 * Paramètres), bounded: a hostile name could span a million rows, so no more is read than the product's
 * own area could hold.
 */
function namedArea(
  wb: WorkbookSnapshot,
  name: string,
  fallback: RangeRef,
  params: SheetSnapshot | undefined,
): { sheet: SheetSnapshot; range: RangeRef } | undefined {
  const n = findName(wb, name);
  const ref = n ? splitReference(n.formula) : undefined;
  const sheet = ref ? wb.sheets.find((s) => s.name === ref.sheet) : params;
  const range = ref ? parseRange(ref.ref) : fallback;
  if (!sheet || !range) return undefined;
  return {
    sheet,
    range: { ...range, bottom: Math.min(range.bottom, range.top + 999), right: Math.min(range.right, range.left + 9) },
  };
}

/** One column of Paramètres from `firstRow`, as many rows as the blueprint gives it. */
function paramsColumn(firstRow: number, count: number, columns = 1): RangeRef {
  const left = PARAMS.valueColumn;
  return { top: firstRow, bottom: firstRow + count - 1, left, right: left + columns - 1 };
}

function ownItems(wb: WorkbookSnapshot, name: string, firstRow: number, params: SheetSnapshot | undefined): string[] {
  const area = namedArea(wb, name, paramsColumn(firstRow, PARAMS.ownItemsCount), params);
  return area ? textsIn(area.sheet, area.range) : [];
}

/** Paramètres › « Sens des indicateurs »: indicator wording in the first column, its direction in the second. */
function directionOverrides(wb: WorkbookSnapshot, params: SheetSnapshot | undefined): Map<string, Direction> {
  const out = new Map<string, Direction>();
  const fallback = paramsColumn(PARAMS.directionsFirstRow, PARAMS.directionsCount, 2);
  const area = namedArea(wb, NAMES.directions, fallback, params);
  if (!area) return out;
  const { sheet, range } = area;
  for (let row = range.top; row <= range.bottom; row++) {
    const wording = sheet.cells[`${columnLetters(range.left)}${row}`];
    const said = sheet.cells[`${columnLetters(range.left + 1)}${row}`];
    if (!wording || wording.t === "e" || !said || said.t !== "s") continue;
    const direction = directionOfLabel(String(said.v));
    if (direction && String(wording.v).trim()) out.set(listKey(String(wording.v)), direction);
  }
  return out;
}

/** A cell's text, trimmed (« » for an empty cell or an error). */
function textOf(c: CellSnapshot | undefined): string {
  return c && c.t !== "e" ? String(c.v).trim() : "";
}

export function yearOf(cell: CellSnapshot | undefined): number | undefined {
  if (!cell) return undefined;
  if (cell.t === "n" && Number.isInteger(cell.v)) return cell.v as number;
  if (cell.t === "s" && /^\s*\d{4}\s*$/.test(String(cell.v))) return Number(String(cell.v).trim());
  return undefined;
}

export function readWorkbook(wb: WorkbookSnapshot, options: ReadInputs): WorkbookAsRead;
export function readWorkbook(
  wb: WorkbookSnapshot,
  options: ReadOptions & WithEstablishments<"not-needed">,
): WorkbookLayout;
export function readWorkbook(wb: WorkbookSnapshot, options: ReadOptions & WithEstablishments): WorkbookLayout {
  readModelBuilds.count++;
  const criteria = options.criteria ?? CRITERIA;
  // Which sheet is which needs no establishments whatever the use case: the probe never lists them.
  const probe = options.probe ?? buildBlueprint({ criteria, establishments: "not-needed" });
  const identified = identifySheets(probe, wb);
  const params = identified.get("parametres")?.sheet;
  const refCell = cellOfName(wb, NAMES.referenceYear)?.cell ?? params?.cells[PARAMS.referenceYear];
  const auditCell = cellOfName(wb, NAMES.auditYear)?.cell ?? params?.cells[PARAMS.auditYear];
  const referenceYear = yearOf(refCell) ?? probe.referenceYear;
  const auditYear = yearOf(auditCell);
  const school = params ? textOf(params.cells[PARAMS.school]) : undefined;
  const wanted = buildBlueprint({
    criteria,
    referenceYear,
    auditYear,
    school,
    referentialVersion: options.referentialVersion,
    establishments: options.establishments,
  });
  const { bp, placements } = placeBlueprint(wanted, wb, identified);
  return {
    wb,
    bp,
    wanted,
    establishments: options.establishments,
    placements,
    criteria,
    identified,
    today: options.today ?? new Date(),
    referenceYear,
    auditYear,
    school,
    ownAxes: ownItems(wb, NAMES.ownAxes, PARAMS.ownAxesFirstRow, params),
    ownObjectives: ownItems(wb, NAMES.ownObjectives, PARAMS.ownObjectivesFirstRow, params),
    directionOverrides: directionOverrides(wb, params),
  };
}

/** The read model of `x`: itself when it is one already (a use case built it), else built here (tests, one-offs). */
export function asRead(x: WorkbookAsRead, options?: Partial<ReadInputs>): WorkbookAsRead;
export function asRead(x: WorkbookSnapshot | WorkbookAsRead, options: ReadInputs): WorkbookAsRead;
export function asRead(x: WorkbookSnapshot | WorkbookAsRead, options?: Partial<ReadInputs>): WorkbookAsRead {
  if ("placements" in x) return x;
  if (!options?.establishments) throw new TypeError("readWorkbook: establishments missing"); // unreachable when typed
  return readWorkbook(x, { ...options, establishments: options.establishments });
}

/** Where a criterion sheet's table lies now (its placement, decided once in readWorkbook). */
export function tableOf(ctx: WorkbookLayout, sheet: SheetSnapshot): Placement {
  const placed = ctx.placements.get(sheet.name);
  if (placed) return placed;
  const lastFilled = lastFilledRow(sheet, TABLE.firstRow);
  return { ...UNMOVED, lastRow: lastFilled, lastFilled };
}
