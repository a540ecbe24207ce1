/** « Vérifier » — a sheet or the whole workbook — for the pane, the ribbon button and `ldm-fiches check`. */
import { checkWorkbook, countFindings, type Finding, type FindingCounts } from "../domain/check";
import { findSheet, NOT_FICHES_WORKBOOK } from "../domain/identify";
import { synthesisCountEdits } from "../domain/synthesis-counts";
import { SHEET_KEYS } from "../domain/blueprint/layout";
import { workbookFacts } from "../domain/facts";
import { readWorkbook } from "../domain/workbook-as-read";
import type { Establishments } from "../domain/establishments";
import type { Blueprint } from "../domain/blueprint/types";
import { UseCaseError, type LiveWorkbookSession, type WorkbookRead, type WorkbookSession } from "./port";

export interface CheckResult {
  readonly findings: readonly Finding[];
  readonly counts: FindingCounts;
  readonly scope: "sheet" | "workbook";
  readonly sheet?: string;
  /** « Vérifier la fiche » on a sheet that is not a fiche (Synthèse, a sheet of the school's): nothing was checked. */
  readonly notAFiche?: boolean;
  /** With CheckRequest.sheets: the sheets checked again (every sheet when Paramètres was among them). */
  readonly sheets?: readonly string[];
  /** The sheets « Vérifier la fiche » speaks about (criterion sheets, Paramètres). */
  readonly fiches?: readonly string[];
  /** The sheet people are on, as read. */
  readonly activeSheet?: string;
}

export interface CheckRequest {
  readonly today: Date;
  /** What Listes should hold (an explicit input: #26). */
  readonly establishments: Establishments;
  /**
   * The sheet to check: « active » (the pane, the ribbon), a name or a criterion (« C3 », « 3 »: the command
   * line's --sheet), or the whole workbook when absent.
   */
  readonly sheet?: "active" | string;
  /** The whole workbook's check writes its counts and date in Synthèse (Excel; a file is only read). */
  readonly recordCounts?: boolean;
  /**
   * Only these sheets' findings (the pane's live check, after people changed them): the other fiches' rows are
   * not looked at. A change in Paramètres (years, the school's own lists) concerns every sheet. Nothing is recorded.
   */
  readonly sheets?: readonly string[];
  /** Refuse a workbook that is not ours (the command line; the pane offers « Générer » instead). */
  readonly oursOnly?: boolean;
  /** The blueprint without establishments, made once by a batch (ReadOptions.probe). */
  readonly probe?: Blueprint;
}

export async function checkUseCase(session: WorkbookSession, request: CheckRequest): Promise<CheckResult> {
  return checkWhatWasRead(session, await session.read(), request);
}

/** The live check's result: the sheets checked again, their findings, the fiches, the sheet people are on. */
export interface LiveCheckResult extends CheckResult {
  readonly sheets: readonly string[];
  readonly fiches: readonly string[];
}

/**
 * The pane's live check, after a burst of changes (Excel's worksheet ids): the changed sheets read again with the
 * list of sheets (one round trip; the whole workbook when sheets were added, removed or renamed since), and the
 * findings of the sheets read again — of every sheet after a whole read. Nothing is written.
 */
export async function liveCheckUseCase(
  session: LiveWorkbookSession,
  request: { readonly today: Date; readonly changed: readonly string[]; readonly establishments: Establishments },
): Promise<LiveCheckResult> {
  const read = await session.readChanged(request.changed);
  const all = read.snapshot.sheets.map((s) => s.name);
  const checked = await checkWhatWasRead(session, read, {
    today: request.today,
    establishments: request.establishments,
    sheets: read.again ?? all,
  });
  return { ...checked, sheets: checked.sheets ?? all, fiches: checked.fiches ?? [] };
}

async function checkWhatWasRead(
  session: WorkbookSession,
  { snapshot, activeSheet }: WorkbookRead,
  request: CheckRequest,
): Promise<CheckResult> {
  // The workbook as read, once for the whole use case: the facts and the check take it (#26).
  const read = readWorkbook(snapshot, {
    today: request.today,
    establishments: request.establishments,
    ...(request.probe !== undefined ? { probe: request.probe } : {}),
  });
  const facts = workbookFacts(read);
  if (request.oursOnly && !facts.ours) throw new UseCaseError(`${NOT_FICHES_WORKBOOK} (utilisez generate).`);
  const none = { error: 0, warning: 0, info: 0 };
  if (request.sheets !== undefined) {
    const params = facts.identified.get(SHEET_KEYS.parameters)?.sheet.name;
    const names = snapshot.sheets.map((s) => s.name);
    const sheets = request.sheets.includes(params ?? "\u0000")
      ? names
      : request.sheets.filter((n) => names.includes(n));
    const findings = checkWorkbook(read, { today: request.today, sheets });
    return { findings, counts: countFindings(findings), scope: "workbook", sheets, fiches: facts.fiches, activeSheet };
  }
  let sheet: string | undefined;
  if (request.sheet === "active") sheet = activeSheet;
  else if (request.sheet !== undefined) {
    sheet = findSheet(facts.identified, snapshot, request.sheet);
    if (sheet === undefined) {
      const names = snapshot.sheets.map((s) => `« ${s.name} »`).join(", ");
      throw new UseCaseError(
        `Feuille « ${request.sheet} » introuvable (feuilles : ${names} ; ou un critère : C1 … C8).`,
      );
    }
  }
  if (request.sheet !== undefined && !facts.fiches.includes(sheet ?? "\u0000"))
    return { findings: [], counts: none, scope: "sheet", sheet, notAFiche: true };
  const all = checkWorkbook(read, { today: request.today });
  if (request.sheet !== undefined) {
    const findings = all.filter((f) => f.sheet === sheet);
    return { findings, counts: countFindings(findings), scope: "sheet", sheet };
  }
  if (request.recordCounts) {
    // Synthèse as the workbook as read wants it (its years): no blueprint built again.
    await session.apply(synthesisCountEdits(read.wanted, read, all, request.today), snapshot);
  }
  return { findings: all, counts: countFindings(all), scope: "workbook" };
}
