/** What the pane shows before any action: is this a workbook of ours, which fiche is active, the audit year. */
import { workbookFacts } from "../domain/facts";
import type { CriterionNumber } from "../domain/referential/types";
import type { WorkbookRead } from "./port";

export interface WorkbookStatus {
  readonly generated: boolean;
  readonly activeSheet?: string;
  /** The criterion of the active sheet, when it is a criterion sheet. */
  readonly activeCriterion?: CriterionNumber;
  readonly auditYear?: number;
}

export function workbookStatus(read: WorkbookRead): WorkbookStatus {
  const facts = workbookFacts(read.snapshot);
  return {
    generated: facts.ours,
    activeSheet: read.activeSheet,
    activeCriterion: facts.criterionOf(read.activeSheet),
    auditYear: facts.auditYear,
  };
}
