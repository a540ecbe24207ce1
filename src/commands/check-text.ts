/** What « Vérifier la fiche » (the ribbon button) says: the active fiche's counts, in one French line. */
import type { WorkbookService } from "../taskpane/services/workbook-service";
import { TEXTS } from "../taskpane/texts";

function summary(counts: { error: number; warning: number; info: number }, sheet?: string): string {
  const head = sheet ? `${sheet} : ` : "";
  return counts.error + counts.warning + counts.info === 0
    ? head + TEXTS.noFinding
    : head + TEXTS.counts(counts.error, counts.warning, counts.info);
}

/** Checks the active sheet, selects the first error's cell, and says the result; a failure is said too. */
export async function checkActiveSheetText(service: Pick<WorkbookService, "check" | "selectCell">): Promise<string> {
  try {
    const result = await service.check("sheet");
    // On a sheet that is not a fiche (Synthèse, a school's own sheet), say so: never « prête pour le COPIL ».
    if (result.notAFiche) return TEXTS.notAFiche(result.sheet ?? "");
    const first = result.findings.find((f) => f.severity === "error" && f.cell);
    if (first) await service.selectCell(first.sheet, first.cell.split(":")[0]);
    return summary(result.counts, result.sheet);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
