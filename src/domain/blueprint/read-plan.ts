/**
 * What a host reads of each sheet, decided from the blueprint: only the sheets that play a part of ours,
 * only the columns the blueprint uses (down to the last row people filled), number formats only where a
 * rule reads them. Excel on the web refuses a request or a response over 5 MB; reading every used range of
 * every sheet (a school's 3,000-row sheet beside the fiches, the 2,090 establishments of Listes) crossed it.
 */
import { columnLetters, MAX_ROW, parseRange } from "../a1";
import { identifySheets, type Identified } from "./identify";
import type { NameSnapshot, Visibility, WorkbookSnapshot } from "../snapshot";
import { LISTS } from "./layout";
import { placeSheet, placeTable } from "./placement";
import type { Blueprint, SheetBlueprint } from "./types";

/** One block of cells to read. `used`: only the part of `range` that holds values (rows people added included). */
export interface ReadBand {
  readonly range: string;
  readonly used: boolean;
  /** Formulas too (where the product or people put formulas); otherwise values only. */
  readonly formulas: boolean;
  /** Number formats too: only where a rule reads them (« 45 % » is 0.45 shown as a percentage). */
  readonly formats: boolean;
}

export interface SheetReadPlan {
  readonly bands: readonly ReadBand[];
  /** The drop-down areas to probe (each costs one small read). */
  readonly validations: readonly string[];
  /** The input areas whose locked state is probed (a paste brings « locked » along). */
  readonly inputs: readonly string[];
  readonly charts: boolean;
  /** Whether the printed header and footer are read (the fiches': they name the school). */
  readonly headerFooter: boolean;
  /** Whether this is a full read of a sheet of ours, or the marker row of any other sheet. */
  readonly full: boolean;
}

function maxColumn(sb: SheetBlueprint): number {
  const refs = [
    sb.marker.address,
    ...sb.cells.map((c) => c.address),
    ...sb.inputs.map((a) => a.range),
    ...sb.merges,
    ...sb.validations.flatMap((v) => v.sqref.split(/\s+/)),
  ];
  return Math.max(1, ...refs.map((r) => parseRange(r)?.right ?? 1));
}

/** Row 1, up to the furthest marker: where any sheet of ours says what it is, whatever it is called now. */
export function markerBand(bp: Blueprint): ReadBand {
  const right = Math.max(...bp.sheets.map((sb) => parseRange(sb.marker.address)?.right ?? 1));
  return { range: `A1:${columnLetters(right)}1`, used: false, formulas: false, formats: false };
}

const plans = new WeakMap<SheetBlueprint, SheetReadPlan>();

/** The full read of one sheet of ours. */
export function sheetReadPlan(sb: SheetBlueprint): SheetReadPlan {
  const known = plans.get(sb);
  if (known) return known;
  let bands: ReadBand[];
  if (sb.role === "lists") {
    // Listes: the establishments are one long column (2,090 rows), the guide's lists are short: reading
    // them as one block would read 26 × 2,091 cells, most empty. The establishments are texts: values only;
    // the lists carry the formulas that mirror the school's own axes and objectives.
    const last = columnLetters(parseRange(LISTS.markerAddress)?.right ?? 26);
    const first = columnLetters(LISTS.schoolsColumn);
    const next = columnLetters(LISTS.schoolsColumn + 1);
    bands = [
      { range: `${first}:${first}`, used: true, formulas: false, formats: false },
      { range: `${next}:${last}`, used: true, formulas: true, formats: false },
    ];
  } else {
    // The product's own cells (titles, headers, formulas) sit above the rows people fill: read them with
    // their formulas; below, what people typed needs its values only (a typed text read once, not twice),
    // down to the last row they filled — rows typed below the table included.
    const last = columnLetters(maxColumn(sb));
    const top = Math.max(1, ...sb.cells.map((c) => parseRange(c.address)?.bottom ?? 1));
    bands = [
      { range: `A1:${last}${top}`, used: false, formulas: true, formats: false },
      { range: `A${top + 1}:${last}${MAX_ROW}`, used: true, formulas: false, formats: sb.role === "criterion" },
    ];
  }
  const plan: SheetReadPlan = {
    bands,
    validations: [...new Set(sb.validations.map((v) => v.sqref))],
    inputs: sb.inputs.map((a) => a.range),
    charts: (sb.charts ?? []).length > 0,
    headerFooter: !!(sb.print?.header || sb.print?.footer),
    full: true,
  };
  plans.set(sb, plan);
  return plan;
}

export interface SheetListing {
  readonly name: string;
  readonly visibility: Visibility;
}

function skeleton(sheets: readonly SheetListing[], names: readonly NameSnapshot[]): WorkbookSnapshot {
  return {
    sheets: sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: false,
      cells: {},
      validations: [],
    })),
    names,
  };
}

/**
 * The first, cheap read told us the sheets' names and the defined names: which sheets to read in full (those
 * our names or their titles say are ours), the others' marker row only (a sheet renamed after its name was lost).
 */
export function planFromListing(
  bp: Blueprint,
  sheets: readonly SheetListing[],
  names: readonly NameSnapshot[],
): Map<string, SheetReadPlan> {
  const found = identifySheets(bp, skeleton(sheets, names));
  const ours = new Map([...found.values()].map((i) => [i.sheet.name, sheetReadPlan(i.blueprint)]));
  const marker: SheetReadPlan = {
    bands: [markerBand(bp)],
    validations: [],
    inputs: [],
    charts: false,
    headerFooter: false,
    full: false,
  };
  return new Map(sheets.map((s) => [s.name, ours.get(s.name) ?? marker]));
}

/** The full-read plan of a sheet of ours as its table lies in `wb` (rows inserted above or inside it). */
function placedPlan(bp: Blueprint, id: Identified, wb: WorkbookSnapshot): SheetReadPlan {
  if (id.blueprint.role !== "criterion") return sheetReadPlan(id.blueprint);
  return sheetReadPlan(placeSheet(id.blueprint, placeTable(id.blueprint, id.sheet, wb, bp.names)));
}

function sameProbes(a: SheetReadPlan, b: SheetReadPlan): boolean {
  const key = (p: SheetReadPlan) => JSON.stringify([p.bands, p.validations, p.inputs]);
  return a === b || key(a) === key(b);
}

/**
 * After the second read, the sheets to read again (one more round trip, rare): those that turned out to be
 * ours by their marker alone, read only by their marker row so far; and the criterion sheets whose table
 * moved or grew (rows inserted), whose drop-downs and input areas are probed where they lie now.
 */
export function sheetsStillToRead(
  bp: Blueprint,
  wb: WorkbookSnapshot,
  plans: ReadonlyMap<string, SheetReadPlan>,
): Map<string, SheetReadPlan> {
  const out = new Map<string, SheetReadPlan>();
  for (const i of identifySheets(bp, wb).values()) {
    const used = plans.get(i.sheet.name);
    if (!used?.full) out.set(i.sheet.name, sheetReadPlan(i.blueprint));
    else {
      const placed = placedPlan(bp, i, wb);
      if (!sameProbes(placed, used)) out.set(i.sheet.name, placed);
    }
  }
  return out;
}

/** The full-read plan of a sheet of ours in a workbook read before, or undefined if it is not ours. */
export function planOfSheet(bp: Blueprint, wb: WorkbookSnapshot, name: string): SheetReadPlan | undefined {
  const id = [...identifySheets(bp, wb).values()].find((i) => i.sheet.name === name);
  return id ? placedPlan(bp, id, wb) : undefined;
}
