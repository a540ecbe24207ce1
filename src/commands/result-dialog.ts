/**
 * The ribbon command's result, shown in a dialog that stays until the user closes it. The command's event is
 * completed only then: Microsoft documents that `event.completed()` ends the command's processing and closes
 * the add-in, and on the web an in-frame dialog lives in that same runtime (learn.microsoft.com,
 * Office.AddinCommands.Event; « Use the Office dialog API »). A timer completes it anyway, so that a dialog left
 * open never keeps the command running forever; a dialog that cannot open completes it at once.
 */

/** Longer than anyone reads a two-line result; under the time Office lets a function command run. */
export const RESULT_DIALOG_LIMIT_MS = 4 * 60 * 1000;

/** Dialog API error codes (learn.microsoft.com, « Handle errors and events in the Office dialog box »). */
export const DIALOG_ERRORS: Readonly<Record<number, string>> = {
  12004: "adresse de la fenêtre refusée",
  12005: "adresse de la fenêtre non sécurisée (HTTPS requis)",
  12006: "fenêtre fermée",
  12007: "une fenêtre de Fiches LDM est déjà ouverte",
  12009: "fenêtre refusée par l'utilisateur",
  12011: "fenêtre bloquée par le navigateur",
};

type UiLike = Pick<Office.UI, "displayDialogAsync">;

export interface ShownResult {
  /** How it ended: closed by the user, by the timer, or never shown (with the Dialog API's reason). */
  readonly outcome: "closed" | "timeout" | "failed";
  readonly reason?: string;
}

/**
 * Opens `url` in a small dialog and calls `done` exactly once: when the user closes it (or the page sends a
 * message), when the timer runs out (the dialog is closed then), or at once if it cannot open.
 */
export function showResultDialog(
  ui: UiLike,
  events: { readonly closed: Office.EventType; readonly message: Office.EventType },
  url: string,
  done: (how: ShownResult) => void,
  limitMs = RESULT_DIALOG_LIMIT_MS,
): void {
  let finished = false;
  let dialog: Office.Dialog | undefined;
  const finish = (how: ShownResult) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    done(how);
  };
  const timer = setTimeout(() => {
    dialog?.close();
    finish({ outcome: "timeout" });
  }, limitMs);
  ui.displayDialogAsync(url, { height: 20, width: 30, displayInIframe: true }, (result) => {
    if (String(result.status) !== "succeeded") {
      const code = result.error?.code ?? 0;
      finish({ outcome: "failed", reason: DIALOG_ERRORS[code] ?? `erreur ${code}` });
      return;
    }
    const opened = result.value;
    dialog = opened;
    opened.addEventHandler(events.closed, () => finish({ outcome: "closed" }));
    opened.addEventHandler(events.message, () => {
      opened.close();
      finish({ outcome: "closed" });
    });
  });
}
