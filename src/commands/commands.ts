/**
 * Ribbon commands (ExecuteFunction). « Vérifier la fiche » will run the check on the active criterion
 * sheet (issue #5); until then it completes at once so Excel never waits on it.
 */
function verifierFiche(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.onReady(() => {
  Office.actions.associate("verifierFiche", verifierFiche);
});
