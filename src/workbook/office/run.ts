/** How every surface runs a batch in Excel, and the French message for each error Office reports. */

/**
 * How every surface runs a batch in Excel: `delayForCellEdit` makes Excel wait until the user leaves the
 * cell being typed in, instead of failing (`Excel.RunOptions`; its requirement set is documented nowhere:
 * docs/office-api.md §3.2). The pane says why after a few seconds (TEXTS.stillWaiting).
 */
export function officeRunner(excel: Pick<typeof Excel, "run"> = Excel) {
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    excel.run({ delayForCellEdit: true }, batch);
}

/** An Excel refusal met while writing: part of the batch may already be in the workbook. */
export const DURING_WRITE = Symbol("duringWrite");

export function markWrite(e: unknown): unknown {
  if (e && typeof e === "object") (e as Record<symbol, boolean>)[DURING_WRITE] = true;
  return e;
}

/**
 * A sheet the edits need is protected by a password Fiches LDM does not know: Excel refused to lift its protection
 * before anything was written (applyEdits tries each protected sheet first). `sheets`: the protected sheets the
 * edits needed, one of which has the password (Excel does not say which).
 */
export class PasswordProtectedError extends Error {
  readonly code = "SheetPasswordProtected";
  constructor(readonly sheets: readonly string[]) {
    super(`password-protected: ${sheets.join(", ")}`);
  }
}

/** Whether Excel's refusal came from `WorksheetProtection.unprotect` (Office.js's `debugInfo.errorLocation`). */
export function refusedUnprotect(e: unknown): boolean {
  const where = (e as { debugInfo?: { errorLocation?: unknown } } | undefined)?.debugInfo?.errorLocation;
  return typeof where === "string" && /unprotect/i.test(where);
}

export const RETRY_AFTER_WRITE =
  " Une partie des changements a pu être écrite avant le refus : relancez « Mettre à jour », qui termine le travail sans rien dupliquer.";

/**
 * Excel's refusals, in French, one per documented code (learn.microsoft.com, « Error handling with the
 * application-specific JavaScript APIs »). A batch is not a transaction: when the refusal came while writing,
 * the message says that part may be written and how to finish; a refused read changed nothing.
 */
export function officeErrorMessage(e: unknown): string {
  const code = (e as { code?: string } | undefined)?.code ?? "";
  const written = !!(e && typeof e === "object" && (e as Record<symbol, boolean>)[DURING_WRITE]);
  const tail = written ? RETRY_AFTER_WRITE : " Rien n'a été modifié.";
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return `Une cellule est en cours de saisie dans Excel : validez-la (Entrée) ou cliquez sur une autre cellule, puis relancez l'action.${tail}`;
    case "Conflict":
      return `Excel n'a pas pu appliquer la demande : un co-auteur modifie le classeur au même moment. Relancez l'action dans un instant.${tail}`;
    case "AccessDenied":
      return `Excel a refusé l'écriture : le classeur est ouvert en lecture seule, ou une feuille est protégée par un mot de passe que Fiches LDM ne connaît pas. Ouvrez le classeur en modification (ou demandez à qui l'a protégée), puis relancez l'action.${tail}`;
    case "SheetPasswordProtected": {
      const sheets = e instanceof PasswordProtectedError ? e.sheets : [];
      const which =
        sheets.length === 1
          ? `La feuille « ${sheets[0]} » est protégée`
          : `Une des feuilles ${sheets.map((s) => `« ${s} »`).join(", ")} est protégée`;
      return `${which} par un mot de passe que Fiches LDM ne connaît pas : Excel refuse d'ôter sa protection. Ôtez-la (Révision › Ôter la protection de la feuille, avec le mot de passe), puis relancez l'action ; Fiches LDM la protégera de nouveau, sans mot de passe.${tail}`;
    }
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return `Excel pour le web limite chaque échange à 5 Mo et ce classeur le dépasse. Ouvrez-le dans Excel sur le bureau, ou vérifiez une copie avec la ligne de commande (ldm-fiches check).${tail}`;
    case "ItemNotFound":
      return `Une feuille ou un nom a disparu pendant l'opération (un co-auteur l'a peut-être supprimé ou renommé) : relancez l'action.${tail}`;
    case "ItemAlreadyExists":
      return `Une feuille ou un nom du même titre existe déjà : renommez celui qui n'est pas une fiche, puis relancez l'action.${tail}`;
    default: {
      const why = code || (e instanceof Error ? e.message : String(e));
      return `Excel a refusé l'opération (${why}).${tail}`;
    }
  }
}
