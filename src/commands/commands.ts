/**
 * Ribbon command « Vérifier la fiche » (ExecuteFunction): checks the active criterion sheet without
 * opening the pane, selects the first error's cell, and tells the result in a small dialog. It always
 * completes the event, so Excel never waits on it.
 */
import { createWorkbookService } from "../taskpane/services/workbook-service";
import { officeRunner } from "../workbook/office/adapter";
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
  // The dialog page shows the text with textContent (never as HTML).
  const url = `${window.location.origin}/dialog.html?m=${encodeURIComponent(text)}`;
  Office.context.ui.displayDialogAsync(url, { height: 20, width: 30, displayInIframe: true }, () => event.completed());
}

Office.onReady(() => {
  Office.actions.associate("verifierFiche", verifierFiche);
});
