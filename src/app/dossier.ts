/** « Préparer le dossier » and `ldm-fiches dossier`: the labelling dossier of the workbook, as a document model. */
import { prepareDossier, type Dossier } from "../domain/dossier";
import { checkWorkbook } from "../domain/check";
import { workbookFacts } from "../domain/facts";
import { readWorkbook } from "../domain/workbook-as-read";
import { NOT_FICHES_WORKBOOK } from "../domain/identify";
import type { CriterionNumber } from "../domain/referential/types";
import type { Establishments } from "../domain/establishments";
import { UseCaseError, type WorkbookSession } from "./port";

/** The dossier, and the figures of the one-line summary both surfaces print (the pane, `ldm-fiches dossier`). */
export interface DossierResult extends Dossier {
  /** The actions and engagements the dossier lists (of the criterion asked for, if one was). */
  readonly actions: number;
}

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
): Promise<DossierResult> {
  const { snapshot } = await session.read();
  const read = readWorkbook(snapshot, { today: request.today, establishments: request.establishments }); // once for the use case (#26)
  if (request.oursOnly && !workbookFacts(read).ours)
    throw new UseCaseError(`${NOT_FICHES_WORKBOOK} (utilisez generate)`);
  const dossier = prepareDossier(read, {
    today: request.today,
    findings: checkWorkbook(read, { today: request.today }),
    ...(request.criterion !== undefined ? { criterion: request.criterion } : {}),
    ...(request.final ? { final: true } : {}),
  });
  const actions = dossier.content.criteria
    .filter((c) => request.criterion === undefined || c.criterion.number === request.criterion)
    .reduce((n, c) => n + c.actions.length, 0);
  return { ...dossier, actions };
}

/** The final version's refusal in one French line: what is missing, and where to write it. */
export function refusalLine(d: Pick<Dossier, "refused" | "gaps">): string {
  const parts = d.gaps > 0 ? ` (${d.gaps} partie(s) « À compléter »)` : "";
  return `Dossier final non écrit : il manque${parts} ${d.refused.join(" ; ")}. Complétez le classeur (Paramètres, feuille « Dossier », fiches), ou préparez la version de travail.`;
}
