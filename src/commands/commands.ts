/**
 * Ribbon command « Vérifier la fiche » (ExecuteFunction): checks the active criterion sheet without
 * opening the pane, selects the first error's cell, and tells the result in a small dialog that stays until
 * closed. The event completes then (or after a few minutes, or at once if the dialog cannot open).
 */
import { createWorkbookService } from "../taskpane/services/workbook-service";
import { officeRunner } from "../workbook/office/adapter";
import { showResultDialog } from "./result-dialog";
import { checkActiveSheetText } from "./check-text";

async function verifierFiche(event: Office.AddinCommands.Event): Promise<void> {
  const text = await checkActiveSheetText(createWorkbookService({ run: officeRunner() }));
  // The dialog page shows the text with textContent (never as HTML). The event completes when it closes.
  const url = `${window.location.origin}/dialog.html?m=${encodeURIComponent(text)}`;
  const events = { closed: Office.EventType.DialogEventReceived, message: Office.EventType.DialogMessageReceived };
  showResultDialog(Office.context.ui, events, url, () => event.completed());
}

Office.onReady(() => {
  Office.actions.associate("verifierFiche", verifierFiche);
});
