/**
 * The académie's view (#28), written once: each workbook summed up through the port (a file, or one day the
 * pane over a workbook in Excel), then the summaries put together as the table's sheets. Nothing is written.
 */
import {
  consolidate,
  findAcademie,
  summarizeWorkbook,
  type Consolidation,
  type FileOutcome,
  type SchoolSummary,
} from "../domain/academie";
import { academieTables, type SchoolFindings, type TableSheet } from "../domain/academie-table";
import type { Establishments } from "../domain/establishments";
import type { Blueprint } from "../domain/blueprint/types";
import { NOT_FICHES_WORKBOOK } from "../domain/identify";
import { UseCaseError, type WorkbookSession } from "./port";

/** One workbook's row: its check and Synthèse figures, its dossier's gaps. Refuses a workbook that is not ours. */
export async function summarizeUseCase(
  session: WorkbookSession,
  request: {
    readonly today: Date;
    readonly establishments: Establishments;
    /** The blueprint without establishments, made once by a batch (ReadOptions.probe). */
    readonly probe?: Blueprint;
  },
): Promise<SchoolSummary> {
  const { snapshot } = await session.read();
  const summary = summarizeWorkbook(snapshot, request.today, request.establishments, request.probe);
  if (!summary) throw new UseCaseError(`${NOT_FICHES_WORKBOOK}.`);
  return summary;
}

export interface AcademieRequest {
  readonly today: Date;
  /** The national list the académie's schools and the files' UAI are looked up in. */
  readonly establishments: Establishments;
  /** The académie whose LP/LPO should have sent a workbook (any spelling of the national list's). */
  readonly academie?: string;
  /** Personal names (head of school, referents) in the table. */
  readonly names?: boolean;
}

export interface AcademieResult<F extends SchoolFindings> {
  readonly consolidation: Consolidation<F>;
  readonly sheets: readonly TableSheet[];
}

/** The findings as the check made them, or rendered as rows of « Constats » where each workbook was read (one kind). */
export function academieUseCase<F extends SchoolFindings>(
  outcomes: readonly FileOutcome<F>[],
  request: AcademieRequest,
): AcademieResult<F> {
  let academie: string | undefined;
  if (request.academie !== undefined) {
    academie = findAcademie(request.establishments, request.academie);
    if (!academie) throw new UseCaseError(`Académie inconnue : « ${request.academie} ».`);
  }
  const consolidation = consolidate(outcomes, {
    today: request.today,
    establishments: request.establishments,
    ...(academie ? { academie } : {}),
  });
  return { consolidation, sheets: academieTables(consolidation, { names: request.names === true }) };
}
