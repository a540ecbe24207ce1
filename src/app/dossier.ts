/** « Préparer le dossier » and `ldm-fiches dossier`: the labelling dossier of the workbook, as a document model. */
import { prepareDossier, type Dossier } from "../domain/dossier";
import { workbookFacts } from "../domain/facts";
import { NOT_FICHES_WORKBOOK } from "../domain/identify";
import type { CriterionNumber } from "../domain/referential/types";
import { UseCaseError, type WorkbookSession } from "./port";

export async function dossierUseCase(
  session: WorkbookSession,
  request: { readonly today: Date; readonly criterion?: CriterionNumber; readonly oursOnly?: boolean },
): Promise<Dossier> {
  const { snapshot } = await session.read();
  if (request.oursOnly && !workbookFacts(snapshot).ours)
    throw new UseCaseError(`${NOT_FICHES_WORKBOOK} (utilisez generate)`);
  return prepareDossier(snapshot, { today: request.today, criterion: request.criterion });
}
