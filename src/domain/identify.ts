/**
 * Which sheet of a workbook is which: found by its hidden identity (the marker cell, or the name
 * LDM_Feuille_<key> that points at it), and only as a last resort by its title. A renamed sheet is
 * still found; a sheet merely titled « C1 … » by a user without a marker is found by title.
 */
import { splitReference } from "./a1";
import { NAMES } from "./blueprint/layout";
import type { Blueprint, SheetBlueprint } from "./blueprint/types";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";

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

/** Maps each sheet of the blueprint to the workbook's sheet that plays its part, if any. */
export function identifySheets(bp: Blueprint, wb: WorkbookSnapshot): Map<string, Identified> {
  const found = new Map<string, Identified>();
  const taken = new Set<SheetSnapshot>();
  const byName = new Map(wb.sheets.map((s) => [s.name, s]));
  const passes: ((sb: SheetBlueprint) => [SheetSnapshot | undefined, Identified["by"]])[] = [
    (sb) => [wb.sheets.find((s) => !taken.has(s) && markerOf(s, sb.marker.address) === sb.marker.value), "marker"],
    (sb) => {
      const name = wb.names.find((n) => n.name === NAMES.sheet(sb.key) && n.scope === undefined);
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

export function isCriterionKey(key: string): boolean {
  return /^c[1-8]$/.test(key);
}
