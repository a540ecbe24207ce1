/**
 * Drop-down picks for the live check (issue #22). Some hosts raise no `onChanged` when a value is picked from a
 * cell's drop-down list (OfficeDev/office-js#420, #3888, #4066), and the axis, the objective, the status and « action
 * pérenne » are drop-downs. So the live check also listens to the selection (`WorksheetCollection.onSelectionChanged`,
 * ExcelApi 1.9, the same set as onChanged): when the selection leaves a drop-down cell, or the pane gets the focus
 * while one is selected, that cell's sheet is checked again as if it had changed. A pick that did raise onChanged
 * is checked once: the live check collects changes in bursts, by sheet.
 */
import { parseRange, rangesOverlap, type RangeRef } from "../../domain/a1";
import type { WorkbookSnapshot } from "../../domain/snapshot";
import type { SheetChange } from "../../workbook/office/events";

export interface SelectionChange {
  readonly worksheetId: string;
  /** The selected range, as Excel gives it (« A12 », « A12:C14 », maybe « Feuil!A12 »). */
  readonly address: string;
}

function areaOf(address: string): RangeRef | undefined {
  return parseRange(address.replace(/^.*!/, "").replace(/\$/g, ""));
}

/** Whether `address` of the sheet `worksheetId` touches a cell with a drop-down list, as the last read saw them. */
export function dropDownCells(
  snapshot: WorkbookSnapshot,
  sheetIds: Readonly<Record<string, string>>,
): (worksheetId: string, address: string) => boolean {
  const lists = new Map<string, RangeRef[]>();
  for (const sheet of snapshot.sheets) {
    const id = sheetIds[sheet.name];
    if (id === undefined) continue;
    const areas = sheet.validations
      .filter((v) => v.type === "list")
      .flatMap((v) => v.sqref.split(/\s+/))
      .map(areaOf)
      .filter((r): r is RangeRef => r !== undefined);
    if (areas.length) lists.set(id, areas);
  }
  return (worksheetId, address) => {
    const r = areaOf(address);
    return !!r && (lists.get(worksheetId) ?? []).some((a) => rangesOverlap(a, r));
  };
}

/**
 * Follows the selection: `selected` for each selection change, `focused` when the pane gets the focus. Each tells
 * `changed` (as a person's local change) when the cell just left, or the one selected, is a drop-down.
 */
export function createPickWatch(
  isDropDown: () => ((worksheetId: string, address: string) => boolean) | undefined,
  changed: (change: SheetChange) => void,
): { selected(s: SelectionChange): void; focused(): void } {
  let current: SelectionChange | undefined;
  const tell = (s: SelectionChange | undefined) => {
    if (s && isDropDown()?.(s.worksheetId, s.address))
      changed({
        worksheetId: s.worksheetId,
        address: s.address.replace(/^.*!/, ""),
        remote: false,
        byThisAddin: false,
      });
  };
  return {
    selected(s) {
      const left = current;
      current = s;
      tell(left);
    },
    focused() {
      tell(current);
    },
  };
}
