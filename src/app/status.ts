/** What the pane shows before any action: is this a workbook of ours, which fiche is active, the audit year. */
import { address } from "../domain/a1";
import { leadAddress, PARAMS, SHEET_KEYS, TABLE } from "../domain/blueprint/layout";
import { workbookFacts } from "../domain/facts";
import type { CriterionNumber } from "../domain/referential/types";
import type { WorkbookRead } from "./port";

export interface WorkbookStatus {
  readonly generated: boolean;
  readonly activeSheet?: string;
  /** The criterion of the active sheet, when it is a criterion sheet. */
  readonly activeCriterion?: CriterionNumber;
  readonly auditYear?: number;
  /**
   * A workbook just generated, no row of any fiche filled yet (#27): where to start — Paramètres' first blank
   * referent (or the head of school), and the first cell of criterion 1's table. Undefined once a row is filled.
   */
  readonly start?: {
    readonly parameters?: { readonly sheet: string; readonly cell: string; readonly referentsMissing: number };
    readonly firstFiche?: { readonly sheet: string; readonly cell: string };
  };
}

/** How far down a fiche's table a first filled row is looked for (the table grows as rows are added). */
const START_ROWS = 300;

function startOf(facts: ReturnType<typeof workbookFacts>): WorkbookStatus["start"] {
  const fiches = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => facts.identified.get(SHEET_KEYS.criterion(n as CriterionNumber)));
  const cols = Object.values(TABLE.columns);
  for (const id of fiches) {
    if (!id) continue;
    for (let r = TABLE.firstRow; r < TABLE.firstRow + START_ROWS; r++)
      for (const c of cols) {
        const v = id.sheet.cells[address(r, c)]?.v;
        if (v !== undefined && String(v).trim() !== "") return undefined;
      }
  }
  const params = facts.identified.get(SHEET_KEYS.parameters)?.sheet;
  const blank = (cell: string) => String(params?.cells[cell]?.v ?? "").trim() === "";
  const leads = ([1, 2, 3, 4, 5, 6, 7, 8] as CriterionNumber[]).map(leadAddress).filter(blank);
  const first = [...(blank(PARAMS.headOfSchool) ? [PARAMS.headOfSchool] : []), ...leads][0];
  return {
    parameters: params && first ? { sheet: params.name, cell: first, referentsMissing: leads.length } : undefined,
    firstFiche: fiches[0]
      ? { sheet: fiches[0].sheet.name, cell: address(TABLE.firstRow, TABLE.columns.axis) }
      : undefined,
  };
}

export function workbookStatus(read: WorkbookRead): WorkbookStatus {
  const facts = workbookFacts(read.snapshot);
  return {
    generated: facts.ours,
    activeSheet: read.activeSheet,
    activeCriterion: facts.criterionOf(read.activeSheet),
    auditYear: facts.auditYear,
    start: facts.ours ? startOf(facts) : undefined,
  };
}
