/**
 * « Afficher / masquer le suivi » (issue #22): the follow-up columns I–S of the active fiche, shown or hidden from
 * the pane. The columns are grouped (an outline) and the fiche is protected; Excel refuses to open or close an
 * outline on a protected sheet and Office.js has no protection option for it (docs/decisions.md §47): the session
 * lifts the sheet's protection, hides or shows the columns (`Range.columnHidden`, ExcelApi 1.2) and protects the
 * sheet again with the options it had, in one batch. Two round trips: what the active sheet is, then the change.
 */
import { columnLetters } from "../domain/a1";
import { CRITERION_MARKER_ADDRESS, FOLLOW_UP } from "../domain/blueprint/layout";
import { criterionOfMarker } from "../domain/identify";
import type { LiveWorkbookSession } from "./port";

/** The follow-up columns, as a whole-column address (« I:S »). */
export const FOLLOW_UP_COLUMNS = `${columnLetters(FOLLOW_UP.firstColumn)}:${columnLetters(FOLLOW_UP.lastColumn)}`;

export type FollowUpResult =
  /** `hidden`: whether the columns I–S of `sheet` are hidden now. */
  | { readonly kind: "done"; readonly sheet: string; readonly hidden: boolean }
  /** The active sheet is not a criterion's fiche: nothing was changed. */
  | { readonly kind: "not-a-fiche"; readonly sheet: string };

/** Shows the active fiche's follow-up columns if any of them is hidden, hides them otherwise (or as `show` says). */
export async function followUpUseCase(
  session: LiveWorkbookSession,
  request: { readonly show?: boolean } = {},
): Promise<FollowUpResult> {
  const at = await session.active({ cells: [CRITERION_MARKER_ADDRESS], columns: FOLLOW_UP_COLUMNS });
  if (criterionOfMarker(at.values[CRITERION_MARKER_ADDRESS]) === undefined)
    return { kind: "not-a-fiche", sheet: at.sheet };
  // Mixed (null: some hidden, some not) counts as hidden: the button shows them all.
  const hidden = request.show === undefined ? at.columnsHidden === false : !request.show;
  await session.setColumnsHidden(at.sheet, FOLLOW_UP_COLUMNS, hidden);
  return { kind: "done", sheet: at.sheet, hidden };
}
