/**
 * What every surface needs to know about a workbook before it acts — which sheet is which, the years, where
 * each criterion's table lies, whether it is a workbook of ours — decided once (by the workbook as read) and
 * given a public home here, so that no surface reaches into the check's internals.
 */
import { readWorkbook, type WorkbookLayout } from "./workbook-as-read";
import { checkableSheet, isFichesWorkbook, type Identification } from "./blueprint/identify";
import type { Placement } from "./blueprint/placement";
import type { CriterionNumber } from "./referential/types";
import type { WorkbookSnapshot } from "./snapshot";

export interface WorkbookFacts {
  readonly identified: Identification;
  readonly referenceYear: number;
  readonly auditYear?: number;
  /** The school as Paramètres!B4 names it ("" when empty); undefined without a Paramètres sheet. */
  readonly school?: string;
  /** Whether the workbook holds sheets of ours (by marker, hidden name or title). */
  readonly ours: boolean;
  /** By sheet name: where each criterion table lies now. */
  readonly placements: ReadonlyMap<string, Placement>;
  /** The sheets « Vérifier la fiche » speaks about: the criterion sheets and Paramètres. */
  readonly fiches: readonly string[];
  /** The criterion a sheet is the fiche of, if it is one. */
  criterionOf(sheet: string | undefined): CriterionNumber | undefined;
}

/**
 * From the workbook as the use case read it (nothing built again), or from its snapshot: then read without the
 * establishments, which no fact needs (the pane's first screen does not fetch them).
 */
export function workbookFacts(read: WorkbookSnapshot | WorkbookLayout): WorkbookFacts {
  const ctx = "placements" in read ? read : readWorkbook(read, { establishments: "not-needed" });
  const snapshot = ctx.wb;
  const bySheet = new Map([...ctx.identified.values()].map((i) => [i.sheet.name, i.blueprint.criterion]));
  return {
    identified: ctx.identified,
    referenceYear: ctx.referenceYear,
    auditYear: ctx.auditYear,
    school: ctx.school,
    ours: isFichesWorkbook(ctx.identified),
    placements: ctx.placements,
    fiches: snapshot.sheets.map((s) => s.name).filter((n) => checkableSheet(ctx.identified, n)),
    criterionOf: (sheet) => (sheet === undefined ? undefined : bySheet.get(sheet)),
  };
}
