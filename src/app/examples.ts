/**
 * The pane's examples (« Insérer dans la ligne sélectionnée »): an example of a criterion, put in a column of the
 * selected row of that criterion's table — only on that criterion's sheet, only in the table, only if the cell
 * is empty. Three round trips: the active sheet and its selection, the target cell, the write.
 */
import { address, columnLetters, parseRange } from "../domain/a1";
import { buildBlueprint } from "../domain/blueprint/build";
import { CRITERION_MARKER_ADDRESS, TABLE } from "../domain/blueprint/layout";
import { firstInputRow, HEADER_SEARCH_ROWS } from "../domain/blueprint/placement";
import { criterionOfMarker } from "../domain/identify";
import type { CriterionNumber } from "../domain/referential/types";
import type { LiveWorkbookSession } from "./port";

export interface InsertExampleRequest {
  readonly column: "action" | "indicator";
  readonly text: string;
  readonly criterion: CriterionNumber;
}

/** What happened; the pane says it in its words. Nothing is written unless `written`. */
export type InsertExampleResult =
  | { readonly kind: "written"; readonly cell: string }
  /** The active sheet is not that criterion's fiche (`sheetCriterion`: the fiche it is, if any). */
  | { readonly kind: "wrong-sheet"; readonly sheet: string; readonly sheetCriterion?: CriterionNumber }
  /** The selection is above the table. */
  | { readonly kind: "no-row" }
  | { readonly kind: "not-empty"; readonly cell: string };

export async function insertExampleUseCase(
  session: LiveWorkbookSession,
  request: InsertExampleRequest,
): Promise<InsertExampleResult> {
  // The indicator column down to where the header may have gone (rows inserted above the table).
  const d = columnLetters(TABLE.columns.indicator);
  const headers = `${d}1:${d}${HEADER_SEARCH_ROWS}`;
  const at = await session.active({ cells: [CRITERION_MARKER_ADDRESS, headers] });
  const sheetCriterion = criterionOfMarker(at.values[CRITERION_MARKER_ADDRESS]);
  if (sheetCriterion !== request.criterion) return { kind: "wrong-sheet", sheet: at.sheet, sheetCriterion };
  const cells = Object.fromEntries(
    Array.from({ length: HEADER_SEARCH_ROWS }, (_, i) => [
      `${d}${i + 1}`,
      { t: "s" as const, v: String(at.values[`${d}${i + 1}`] ?? "") },
    ]),
  );
  const sb = buildBlueprint({ establishments: "not-needed" }).sheets.find((s) => s.criterion === request.criterion);
  const firstRow = sb ? firstInputRow(sb, { cells }) : TABLE.firstRow;
  const ref = parseRange(at.selection);
  if (!ref || ref.top < firstRow) return { kind: "no-row" };
  const cell = address(ref.top, TABLE.columns[request.column]);
  return (await session.fillIfEmpty(at.sheet, cell, request.text))
    ? { kind: "written", cell }
    : { kind: "not-empty", cell };
}
