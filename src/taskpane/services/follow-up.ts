/**
 * « Afficher / masquer le suivi » (issue #22): the follow-up columns I–S of the active fiche, shown or hidden
 * from the pane. The columns are grouped (an outline) and the fiche is protected; Excel refuses to open or close an
 * outline on a protected sheet and Office.js has no protection option for it (docs/decisions.md §47). The pane
 * lifts the sheet's protection, hides or shows the columns (`Range.columnHidden`, ExcelApi 1.2) and protects the
 * sheet again with the options it had, in one batch: a refusal leaves the sheet as it was.
 */
import { columnLetters } from "../../domain/a1";
import { CRITERION_MARKER_ADDRESS, FOLLOW_UP } from "../../domain/blueprint/layout";
import { criterionOfMarker } from "../../domain/identify";
import { PasswordProtectedError, refusedUnprotect } from "../../workbook/office/run";
import { ServiceError } from "./results";

/** The follow-up columns, as a whole-column address (« I:S »). */
export const FOLLOW_UP_COLUMNS = `${columnLetters(FOLLOW_UP.firstColumn)}:${columnLetters(FOLLOW_UP.lastColumn)}`;

export const FOLLOW_UP_TEXTS = {
  // French typography, as texts.ts: non-breaking spaces inside « » and before « : ».
  button: "Afficher / masquer le suivi",
  shown: (sheet: string) => `Suivi des actions affiché sur «\u00a0${sheet}\u00a0» (colonnes I à S).`,
  hidden: (sheet: string) =>
    `Suivi des actions masqué sur «\u00a0${sheet}\u00a0» (colonnes I à S)\u00a0: le même bouton l'affiche.`,
  notAFiche: (sheet: string) =>
    `«\u00a0${sheet}\u00a0» n'est pas une fiche critère\u00a0: activez une fiche (C1 … C8) pour afficher ou masquer son suivi.`,
} as const;

export interface FollowUpShown {
  readonly sheet: string;
  /** Whether the columns I–S are hidden now. */
  readonly hidden: boolean;
  /** The line the pane shows. */
  readonly line: string;
}

/**
 * Shows the active fiche's follow-up columns if any of them is hidden, hides them otherwise (or as `show` says).
 * Two syncs: what the sheet is (its marker, its columns, its protection and options), then the change.
 */
export async function toggleFollowUp(context: Excel.RequestContext, show?: boolean): Promise<FollowUpShown> {
  const ws = context.workbook.worksheets.getActiveWorksheet();
  ws.load("name");
  const protection = context.workbook.worksheets.getActiveWorksheet().protection;
  protection.load("protected,options");
  const marker = ws.getRange(CRITERION_MARKER_ADDRESS);
  marker.load("values");
  const columns = ws.getRange(FOLLOW_UP_COLUMNS);
  columns.load("columnHidden");
  await context.sync();
  if (criterionOfMarker(marker.values[0][0]) === undefined) throw new ServiceError(FOLLOW_UP_TEXTS.notAFiche(ws.name));
  // Mixed (null: some hidden, some not) counts as hidden: the button shows them all.
  const hide = show === undefined ? columns.columnHidden === false : !show;
  const wasProtected = protection.protected;
  const options = wasProtected ? sameOptions(protection.options) : undefined;
  // The active sheet's object path is not valid after a sync (Microsoft's library refuses it: InvalidObjectPath):
  // the write names the sheet that was read.
  const fiche = context.workbook.worksheets.getItem(ws.name);
  if (wasProtected) fiche.protection.unprotect();
  fiche.getRange(FOLLOW_UP_COLUMNS).columnHidden = hide;
  if (options) fiche.protection.protect(options);
  await context
    .sync()
    .catch((e: unknown) =>
      Promise.reject(wasProtected && refusedUnprotect(e) ? new PasswordProtectedError([ws.name]) : e),
    );
  return {
    sheet: ws.name,
    hidden: hide,
    line: hide ? FOLLOW_UP_TEXTS.hidden(ws.name) : FOLLOW_UP_TEXTS.shown(ws.name),
  };
}

/** The protection's options as read, to protect the sheet again exactly as it was (its `allow…` and selection mode). */
function sameOptions(read: Excel.WorksheetProtectionOptions): Excel.WorksheetProtectionOptions {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(read ?? {})) if (v !== undefined && v !== null) out[k] = v;
  return out as Excel.WorksheetProtectionOptions;
}
