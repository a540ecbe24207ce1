/** « Préparer le bilan » and `ldm-fiches report`: the annual review of the workbook, as HTML. */
import { workbookFacts } from "../domain/facts";
import { readWorkbook } from "../domain/workbook-as-read";
import { NOT_FICHES_WORKBOOK } from "../domain/identify";
import { reportHtml } from "../documents/html/report";
import { synthesize, type Synthesis } from "../domain/synthesis";
import type { Establishments } from "../domain/establishments";
import { UseCaseError, type WorkbookSession } from "./port";

export interface ReportResult {
  readonly html: string;
  readonly synthesis: Synthesis;
}

export async function reportUseCase(
  session: WorkbookSession,
  request: { readonly today: Date; readonly oursOnly?: boolean; readonly establishments: Establishments },
): Promise<ReportResult> {
  const { snapshot } = await session.read();
  const read = readWorkbook(snapshot, { today: request.today, establishments: request.establishments }); // once for the use case (#26)
  if (request.oursOnly && !workbookFacts(read).ours)
    throw new UseCaseError(`${NOT_FICHES_WORKBOOK} (utilisez generate)`);
  const synthesis = synthesize(read, { today: request.today });
  return { html: reportHtml(synthesis, request.today), synthesis };
}
