/**
 * Ribbon command « Vérifier la fiche » (ExecuteFunction): checks the active criterion sheet without
 * opening the pane, selects the first error's cell, and tells the result in a small dialog that stays until
 * closed. The event completes then (or after a few minutes, or at once if the dialog cannot open).
 */
import { createWorkbookService } from "../taskpane/services/workbook-service";
import { officeRunner } from "../workbook/office/adapter";
import { showResultDialog } from "./result-dialog";
import { TEXTS } from "../taskpane/texts";

function summary(counts: { error: number; warning: number; info: number }, sheet?: string): string {
  const head = sheet ? `${sheet} : ` : "";
  return counts.error + counts.warning + counts.info === 0
    ? head + TEXTS.noFinding
    : head + TEXTS.counts(counts.error, counts.warning, counts.info);
}

async function verifierFiche(event: Office.AddinCommands.Event): Promise<void> {
  let text: string;
  try {
    const service = createWorkbookService({ run: officeRunner() });
    const result = await service.check("sheet");
    const first = result.findings.find((f) => f.severity === "error" && f.cell);
    if (first) await service.selectCell(first.sheet, first.cell.split(":")[0]);
    text = summary(result.counts, result.sheet);
  } catch (e) {
    text = e instanceof Error ? e.message : String(e);
  }
  // The dialog page shows the text with textContent (never as HTML). The event completes when it closes.
  const url = `${window.location.origin}/dialog.html?m=${encodeURIComponent(text)}`;
  const events = { closed: Office.EventType.DialogEventReceived, message: Office.EventType.DialogMessageReceived };
  showResultDialog(Office.context.ui, events, url, () => event.completed());
}

Office.onReady(() => {
  Office.actions.associate("verifierFiche", verifierFiche);
});
