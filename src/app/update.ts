/**
 * « Générer » and « Mettre à jour » — the pane, `ldm-fiches update` — one use case: read, decide the edits
 * (the reconciliation), apply them, say what was done in the user's words. Nothing a person typed is changed.
 */
import { buildBlueprint, type BlueprintOptions } from "../domain/blueprint/build";
import { PARAMS, SHEET_KEYS } from "../domain/blueprint/layout";
import type { Finding } from "../domain/check";
import { workbookFacts } from "../domain/facts";
import { readWorkbook } from "../domain/workbook-as-read";
import { NOT_FICHES_WORKBOOK } from "../domain/identify";
import { auditYearProblem } from "../domain/parameters";
import { reconcile, type Edit } from "../domain/reconcile";
import { describeEdits } from "../domain/reconcile/describe";
import type { Establishments } from "../domain/establishments";
import { UseCaseError, type WorkbookSession } from "./port";

export interface UpdateRequest {
  /** What Listes should hold (an explicit input: #26). */
  readonly establishments: Establishments;
  /** A new workbook's content (generate): the school, the head, the years, the referents. */
  readonly generation?: BlueprintOptions;
  /** The audit year the user asks for (« --audit-year », the pane's field): the only input cell written. */
  readonly auditYear?: number;
  /**
   * Refuse a workbook that is not ours: `update` does not add eleven sheets to someone's workbook unless asked
   * (the command line's --convert; the pane's « Générer » is that request).
   */
  readonly oursOnly?: boolean;
}

export interface UpdateResult {
  readonly edits: readonly Edit[];
  /** What was done, one line each, in the user's words (empty: nothing to do). */
  readonly lines: readonly string[];
  /** What could not be restored without touching someone's text: reported, left as it is. */
  readonly findings: readonly Finding[];
}

export async function updateUseCase(session: WorkbookSession, request: UpdateRequest): Promise<UpdateResult> {
  const { snapshot } = await session.read();
  // The workbook as read, once for the whole use case: the facts and the reconciliation take it (#26).
  const read = readWorkbook(snapshot, { establishments: request.establishments });
  const facts = workbookFacts(read);
  if (request.oursOnly && !facts.ours) throw new UseCaseError(NOT_FICHES_WORKBOOK);
  // The same bounds everywhere (src/domain/parameters.ts), before anything is written.
  const year = request.auditYear ?? request.generation?.auditYear;
  const referenceYear = request.generation?.referenceYear ?? facts.referenceYear;
  const problem = year === undefined ? undefined : auditYearProblem(referenceYear, year);
  if (problem) throw new UseCaseError(problem);
  // The fiches' printed header names the school Paramètres names (the one a new Paramètres is given, else).
  const school = facts.school ?? request.generation?.school;
  // The blueprint the workbook as read wants, unless the request changes it (a generation, another audit year).
  const bp =
    request.generation !== undefined
      ? buildBlueprint({ ...request.generation, school, establishments: request.establishments })
      : request.auditYear === undefined || request.auditYear === facts.auditYear
        ? read.wanted
        : buildBlueprint({
            referenceYear,
            auditYear: request.auditYear,
            school,
            establishments: request.establishments,
          });
  const { edits, findings } = reconcile(bp, snapshot, {
    identified: read.identified,
    setValues:
      request.auditYear !== undefined
        ? [{ sheetKey: SHEET_KEYS.parameters, address: PARAMS.auditYear, value: request.auditYear }]
        : [],
  });
  if (edits.length) await session.apply(edits, snapshot);
  return { edits, lines: describeEdits(edits, { generation: request.generation !== undefined }), findings };
}
