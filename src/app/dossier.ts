/** « Préparer le dossier » and `ldm-fiches dossier`: the labelling dossier of the workbook, as a document model. */
import { prepareDossier, type Dossier } from "../domain/dossier";
import { checkWorkbook } from "../domain/check";
import { workbookFacts } from "../domain/facts";
import { readWorkbook } from "../domain/workbook-as-read";
import { NOT_FICHES_WORKBOOK } from "../domain/identify";
import type { CriterionNumber } from "../domain/referential/types";
import type { Establishments } from "../domain/establishments";
import { UseCaseError, type WorkbookSession } from "./port";

export async function dossierUseCase(
  session: WorkbookSession,
  request: {
    readonly today: Date;
    readonly establishments: Establishments;
    readonly criterion?: CriterionNumber;
    readonly oursOnly?: boolean;
    /** The version to send (its `refused` says what keeps it from being written). */
    readonly final?: boolean;
  },
): Promise<Dossier> {
  const { snapshot } = await session.read();
  const read = readWorkbook(snapshot, { today: request.today, establishments: request.establishments }); // once for the use case (#26)
  if (request.oursOnly && !workbookFacts(read).ours)
    throw new UseCaseError(`${NOT_FICHES_WORKBOOK} (utilisez generate)`);
  return prepareDossier(read, {
    today: request.today,
    findings: checkWorkbook(read, { today: request.today }),
    ...(request.criterion !== undefined ? { criterion: request.criterion } : {}),
    ...(request.final ? { final: true } : {}),
  });
}

/** The final version's refusal in one French line: what is missing, and where to write it. */
export function refusalLine(d: Pick<Dossier, "refused" | "gaps">): string {
  const parts = d.gaps > 0 ? ` (${d.gaps} partie(s) « À compléter »)` : "";
  return `Dossier final non écrit : il manque${parts} ${d.refused.join(" ; ")}. Complétez le classeur (Paramètres, feuille « Dossier », fiches), ou préparez la version de travail.`;
}
