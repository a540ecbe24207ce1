/** What « Vérifier tout le classeur » writes in the Synthèse sheet: each criterion's counts, and the date. */
import { address } from "./a1";
import { SYNTHESIS, SYNTHESIS_KEY, checkedOnText } from "./blueprint/synthesis-sheet";
import type { Blueprint } from "./blueprint/types";
import type { Finding } from "./check/findings";
import { identifySheets } from "./identify";
import type { Edit } from "./reconcile/edits";
import type { WorkbookAsRead } from "./workbook-as-read";
import { synthesize } from "./synthesis";

export function synthesisCountEdits(
  bp: Blueprint,
  read: WorkbookAsRead,
  findings: readonly Finding[],
  today: Date,
): Edit[] {
  const wb = read.wb;
  const sheet = identifySheets(bp, wb).get(SYNTHESIS_KEY)?.sheet;
  if (!sheet) return [];
  const edits: Edit[] = [];
  const put = (addr: string, value: string | number) => {
    if (sheet.cells[addr]?.v !== value) edits.push({ op: "set-value", sheet: sheet.name, address: addr, value });
  };
  const criteria = bp.sheets.filter((s) => s.role === "criterion");
  const followUp = new Map(
    synthesize(read, { today }, findings).criteria.map((c) => [c.criterion.number, c.followUp] as const),
  );
  criteria.forEach((c, i) => {
    const mine = findings.filter((f) => f.criterion === c.criterion);
    put(address(SYNTHESIS.firstRow + i, SYNTHESIS.errorsColumn), mine.filter((f) => f.severity === "error").length);
    put(address(SYNTHESIS.firstRow + i, SYNTHESIS.warningsColumn), mine.filter((f) => f.severity === "warning").length);
    put(
      address(SYNTHESIS.firstRow + i, SYNTHESIS.wrongWayColumn),
      mine.filter((f) => f.rule === "indicator-wrong-way").length,
    );
    const follow = c.criterion !== undefined ? followUp.get(c.criterion) : undefined;
    put(address(SYNTHESIS.firstRow + i, SYNTHESIS.targetsReachedColumn), follow?.targetsReached ?? 0);
    put(address(SYNTHESIS.firstRow + i, SYNTHESIS.targetsMissedColumn), follow?.targetsMissed ?? 0);
  });
  put(SYNTHESIS.checkedAt, checkedOnText(today));
  return edits;
}
