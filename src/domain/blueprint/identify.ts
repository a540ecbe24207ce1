/**
 * Which sheet of a workbook is which: found by its hidden identity (the marker cell, or the name
 * LDM_Feuille_<key> that points at it), and only as a last resort by its title. A renamed sheet is
 * still found; a sheet merely titled « C1 … » by a user without a marker is found by title.
 */
import { findName } from "../names";
import { splitReference } from "../a1";
import { MARKERS, NAMES, SHEET_KEYS } from "./layout";
import type { CriterionNumber } from "../referential/types";
import type { Blueprint, SheetBlueprint } from "./types";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";

export interface Identified {
  readonly blueprint: SheetBlueprint;
  readonly sheet: SheetSnapshot;
  readonly by: "marker" | "name" | "title";
}

function markerOf(sheet: SheetSnapshot, address: string): string | undefined {
  const c = sheet.cells[address];
  return c && c.t === "s" ? String(c.v).trim() : undefined;
}

function titleMatches(bp: SheetBlueprint, title: string): boolean {
  const t = title.trim().toLocaleLowerCase("fr");
  if (bp.role === "criterion") return new RegExp(`^c\\s*${bp.criterion}(?![0-9])`).test(t);
  return t === bp.name.toLocaleLowerCase("fr");
}

/** Which sheet plays which part, by blueprint key: what `identifySheets` found, computed once per snapshot. */
export type Identification = ReadonlyMap<string, Identified>;

/** Maps each sheet of the blueprint to the workbook's sheet that plays its part, if any. */
export function identifySheets(bp: Blueprint, wb: WorkbookSnapshot): Map<string, Identified> {
  const found = new Map<string, Identified>();
  const taken = new Set<SheetSnapshot>();
  const byName = new Map(wb.sheets.map((s) => [s.name, s]));
  const passes: ((sb: SheetBlueprint) => [SheetSnapshot | undefined, Identified["by"]])[] = [
    (sb) => [wb.sheets.find((s) => !taken.has(s) && markerOf(s, sb.marker.address) === sb.marker.value), "marker"],
    (sb) => {
      const name = findName(wb, NAMES.sheet(sb.key));
      const ref = name ? splitReference(name.formula) : undefined;
      const s = ref ? byName.get(ref.sheet) : undefined;
      return [s && !taken.has(s) ? s : undefined, "name"];
    },
    (sb) => [wb.sheets.find((s) => !taken.has(s) && titleMatches(sb, s.name) && !hasOtherMarker(bp, s)), "title"],
  ];
  for (const pass of passes) {
    for (const sb of bp.sheets) {
      if (found.has(sb.key)) continue;
      const [sheet, by] = pass(sb);
      if (sheet) {
        found.set(sb.key, { blueprint: sb, sheet, by });
        taken.add(sheet);
      }
    }
  }
  return found;
}

/** Where an earlier version put a marker the blueprint now puts elsewhere (Synthèse's was in H1). */
const FORMER_MARKER_CELLS = ["H1"];

/** A sheet carrying the marker of another part is never taken by its title. */
function hasOtherMarker(bp: Blueprint, s: SheetSnapshot): boolean {
  const cells = new Set([...FORMER_MARKER_CELLS, ...bp.sheets.map((sb) => sb.marker.address)]);
  return [...cells].some((a) => (markerOf(s, a) ?? "").startsWith("ldm:"));
}

/**
 * Whether a workbook is a Fiches LDM workbook, decided once for every surface: one of its sheets carries
 * our hidden marker or our sheet name (LDM_Feuille_…), or — a workbook made before the markers, or whose
 * markers were all lost — Paramètres and at least one criterion sheet are there by their titles. Anything
 * else (an empty workbook, a school's own spreadsheet, a file renamed .xlsx) is not ours: checking it would
 * list missing sheets, updating it would add eleven.
 */
export function isFichesWorkbook(identified: Identification): boolean {
  const ids = [...identified.values()];
  if (ids.some((i) => i.by !== "title")) return true;
  return ids.some((i) => i.blueprint.role === "parameters") && ids.some((i) => i.blueprint.role === "criterion");
}

/** What every surface says of a workbook that is not ours (the command line adds its own advice). */
export const NOT_FICHES_WORKBOOK = "ce classeur n'est pas un classeur de fiches Fiches LDM";

/** The criterion sheet (or Paramètres) a check of one sheet can speak about, or undefined. */
export function checkableSheet(identified: Identification, sheetName: string): Identified | undefined {
  const id = [...identified.values()].find((i) => i.sheet.name === sheetName);
  return id && (id.blueprint.role === "criterion" || id.blueprint.role === "parameters") ? id : undefined;
}

/** The criterion a user means by « C3 », « c 3 » or « 3 », or undefined. */
export function criterionArgument(arg: string): CriterionNumber | undefined {
  const m = /^\s*c?\s*([1-8])\s*$/i.exec(arg);
  return m ? (Number(m[1]) as CriterionNumber) : undefined;
}

/**
 * The sheet a user means by « C3 », « 3 » or a sheet's title (case and spaces aside): a criterion is found
 * by its identity, whatever the sheet is called now.
 */
export function findSheet(identified: Identification, wb: WorkbookSnapshot, arg: string): string | undefined {
  const n = criterionArgument(arg);
  if (n !== undefined) {
    const id = identified.get(SHEET_KEYS.criterion(n));
    if (id) return id.sheet.name;
  }
  const exact = wb.sheets.find((s) => s.name === arg);
  if (exact) return exact.name;
  const key = arg.trim().toLocaleLowerCase("fr");
  return wb.sheets.find((s) => s.name.trim().toLocaleLowerCase("fr") === key)?.name;
}

/** The criterion a marker cell's value names (« ldm:critere:6 » → 6), or undefined. */
export function criterionOfMarker(value: unknown): CriterionNumber | undefined {
  for (let n = 1; n <= 8; n++) {
    if (value === MARKERS.criterion(n as CriterionNumber)) return n as CriterionNumber;
  }
  return undefined;
}
