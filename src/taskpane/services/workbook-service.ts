/**
 * The one place the pane (and the ribbon button) talks to Excel. Components call these functions; each runs
 * one `Excel.run` (or the in-memory host's `run`, injected for tests and the preview) and hands its context to
 * the Office adapter only: the session (src/workbook/office/session.ts, the port's LiveWorkbookSession) and the
 * change events. The jobs themselves — check, the live check, generate, update, report, dossier, status, an
 * example put in the selected row, the follow-up folded — are the use cases of src/app, shared with the command
 * line where it has them. No `context.sync` here: a lint rule refuses it (eslint.config.mjs).
 */
import type { BlueprintOptions } from "../../domain/blueprint/build";
import { checkUseCase, liveCheckUseCase, type CheckResult } from "../../app/check";
import { insertExampleUseCase } from "../../app/examples";
import { followUpUseCase } from "../../app/follow-up";
import { UseCaseError, type LiveWorkbookSession } from "../../app/port";
import { workbookStatus, type WorkbookStatus } from "../../app/status";
import { updateUseCase } from "../../app/update";
import { officeSession } from "../../workbook/office/session";
import type { CriterionNumber } from "../../domain/referential/types";
import { officeErrorMessage, watchWorkbook, type ReadResult, type SheetChange } from "../../workbook/office/adapter";
import { TEXTS } from "../texts";
import { AUTO_OPEN_SETTING, type DocumentSettings } from "../../workbook/office/settings";
import { loadEstablishments } from "./establishments";
import type { Establishments } from "../../domain/establishments";
import { FOLLOW_UP_TEXTS, type FollowUpShown } from "./follow-up";
import { createPickWatch, dropDownCells } from "./picks";

export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

import { findingText, ServiceError, type LiveCheck } from "./results";

export { mergeLive, ServiceError, type CheckResult, type LiveCheck, type WorkbookStatus } from "./results";

/** The dossier, written: its bytes, the file name offered, and the figures of its one-line summary. */
export interface DossierFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly actions: number;
  readonly gaps: number;
  /** The final version (to send), or the working version. */
  readonly final: boolean;
}

export interface GenerateOptions {
  readonly school?: string;
  readonly headOfSchool?: string;
  readonly auditYear?: number;
  /** The criteria's referents, criterion 1 first (blanks stay blank). */
  readonly referents?: readonly string[];
}

export interface ServiceOptions {
  readonly run: Runner;
  /** The document's settings, where generate and update ask Excel to open the pane with the workbook. */
  readonly settings?: DocumentSettings;
  readonly today?: () => Date;
  readonly pageLayout?: () => boolean;
  /** Whether the host can group columns (Range.group: ExcelApi 1.10); without it no column is grouped. */
  readonly grouping?: () => boolean;
  /**
   * Whether the host raises the workbook's change events the live check listens to
   * (WorksheetCollection.onChanged / onActivated: ExcelApi 1.9). Without them the pane checks on click only.
   */
  readonly liveEvents?: () => boolean;
}

export function createWorkbookService(options: ServiceOptions) {
  const { run } = options;
  const today = options.today ?? (() => new Date());
  const pageLayout = options.pageLayout ?? (() => false);
  const grouping = options.grouping ?? (() => false);
  const liveEvents = options.liveEvents ?? (() => true);

  /** Runs a job of the pane: its errors become one French line. */
  async function guarded<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      if (e instanceof ServiceError) throw e;
      if (e instanceof UseCaseError) throw new ServiceError(e.message);
      throw new ServiceError(officeErrorMessage(e));
    }
  }

  /** Runs a use case that compares with or writes the whole blueprint: the establishments chunk (once), handed in. */
  async function guardedFull<T>(f: (establishments: Establishments) => Promise<T>): Promise<T> {
    const establishments = await loadEstablishments().then(
      (m) => m.ESTABLISHMENTS,
      () => Promise.reject(new ServiceError(TEXTS.establishmentsFailed)),
    );
    return guarded(() => f(establishments));
  }

  /** The last read, kept so that a live check re-reads only the sheets people changed. */
  let last: ReadResult | undefined;

  /** Status of the sheet that just became active, from the last read (no round trip); undefined if unknown. */
  function activated(worksheetId: string): WorkbookStatus | undefined {
    if (!last) return undefined;
    const name = Object.entries(last.sheetIds ?? {}).find(([, id]) => id === worksheetId)?.[0];
    if (name === undefined) return undefined;
    return workbookStatus({ snapshot: last.snapshot, activeSheet: name });
  }

  type Listener = { changed(c: SheetChange): void; activated(worksheetId: string): void };
  let listener: Listener | undefined;
  let watching = false;
  /**
   * Tells `on` when people change cells or sheets. Excel's handlers are registered once and call the latest
   * listener (the pane may re-render); they never write to the workbook.
   */
  async function watch(on: Listener): Promise<void> {
    listener = on;
    if (watching || !liveEvents()) return;
    watching = true;
    const relay: Listener = {
      changed: (c) => listener?.changed(c),
      activated: (id) => listener?.activated(id),
    };
    // A pick from a drop-down may raise no onChanged: leaving a drop-down cell counts as a change (picks.ts).
    const picks = createPickWatch(
      () => (last ? dropDownCells(last.snapshot, last.sheetIds ?? {}) : undefined),
      relay.changed,
    );
    globalThis.addEventListener?.("focus", () => picks.focused());
    const events = { ...relay, selected: picks.selected };
    return guarded(() => run((context) => watchWorkbook(context, events))).catch((e: unknown) => {
      watching = false;
      throw e;
    });
  }

  /**
   * One run (one `Excel.run`) with its Office session, the pane's only way to the workbook: the use cases and
   * the session's operations. Reads are kept for the live check, which reads again from the last.
   */
  const withSession = <T>(job: (session: LiveWorkbookSession) => Promise<T>): Promise<T> =>
    run((context) =>
      job(
        officeSession(context, {
          pageLayout: pageLayout(),
          grouping: grouping(),
          onRead: (r) => (last = r),
          last: () => last,
        }),
      ),
    );

  /**
   * The live check after a burst of changes (src/app/check.ts, liveCheckUseCase): the changed sheets read again
   * with the list of sheets (one round trip; a whole read when sheets were added, removed or renamed since), and
   * their findings. A change in Paramètres (years, the school's own lists) concerns every fiche.
   */
  async function recheck(worksheetIds: readonly string[]): Promise<LiveCheck> {
    return guardedFull((establishments) =>
      withSession((session) => liveCheckUseCase(session, { today: today(), changed: worksheetIds, establishments })),
    );
  }

  async function status(): Promise<WorkbookStatus> {
    return guarded(() => withSession(async (session) => workbookStatus(await session.read())));
  }

  /** Generate on an empty workbook, or update an existing one: read, reconcile, apply (see src/app/update.ts). */
  async function generateOrUpdate(generation: BlueprintOptions | undefined, auditYear?: number): Promise<string[]> {
    return guardedFull((establishments) =>
      withSession(async (session) => {
        const { lines, findings } = await updateUseCase(session, { generation, auditYear, establishments });
        return [
          ...(lines.length ? lines : [TEXTS.nothingToUpdate]),
          ...findings.map((f) => {
            const t = findingText(f);
            return t.cell ? `${f.sheet}!${t.cell}\u00a0: ${t.message}` : t.message;
          }),
          ...(await openWithWorkbook()),
        ];
      }),
    );
  }

  /** Once per workbook: the pane opens by itself for every colleague who opens it and has the add-in. */
  async function openWithWorkbook(): Promise<string[]> {
    const settings = options.settings;
    if (!settings || settings.get(AUTO_OPEN_SETTING) === true) return [];
    settings.set(AUTO_OPEN_SETTING, true);
    try {
      await settings.save();
      return [TEXTS.autoOpenSet];
    } catch {
      return [TEXTS.autoOpenFailed];
    }
  }

  const generate = (o: GenerateOptions) =>
    generateOrUpdate({
      school: o.school,
      headOfSchool: o.headOfSchool,
      auditYear: o.auditYear,
      referents: o.referents,
    });
  const update = (auditYear?: number) => generateOrUpdate(undefined, auditYear);

  /** Two syncs for a sheet; the whole workbook's check also writes its counts in Synthèse (one more). */
  async function check(scope: "sheet" | "workbook"): Promise<CheckResult> {
    return guardedFull((establishments) =>
      withSession((session) =>
        checkUseCase(session, {
          today: today(),
          establishments,
          sheet: scope === "sheet" ? "active" : undefined,
          recordCounts: true,
        }),
      ),
    );
  }

  async function selectCell(sheet: string, cell: string): Promise<void> {
    return guarded(() => withSession((session) => session.goTo(sheet, cell)));
  }

  /**
   * Puts `text`, an example of criterion `criterion`, in `column` of the selected row of that criterion's
   * table, only if that cell is empty — and only on that criterion's sheet, whatever the pane showed last
   * (src/app/examples.ts). The cell written.
   */
  async function insertIntoSelectedRow(
    column: "action" | "indicator",
    text: string,
    criterion: CriterionNumber,
  ): Promise<string> {
    return guarded(async () => {
      const r = await withSession((session) => insertExampleUseCase(session, { column, text, criterion }));
      switch (r.kind) {
        case "written":
          return r.cell;
        case "wrong-sheet":
          throw new ServiceError(TEXTS.wrongSheet(r.sheet, criterion, r.sheetCriterion));
        case "no-row":
          throw new ServiceError(TEXTS.selectRowFirst);
        case "not-empty":
          throw new ServiceError(TEXTS.cellNotEmpty(r.cell));
      }
    });
  }

  /** « Afficher / masquer le suivi »: the active fiche's columns I–S, shown or hidden (src/app/follow-up.ts). */
  async function followUp(show?: boolean): Promise<FollowUpShown> {
    return guarded(async () => {
      const r = await withSession((session) => followUpUseCase(session, { show }));
      if (r.kind === "not-a-fiche") throw new ServiceError(FOLLOW_UP_TEXTS.notAFiche(r.sheet));
      const line = r.hidden ? FOLLOW_UP_TEXTS.hidden(r.sheet) : FOLLOW_UP_TEXTS.shown(r.sheet);
      return { sheet: r.sheet, hidden: r.hidden, line };
    });
  }

  /** The annual review as a print-ready HTML document (the read's two syncs). */
  async function report(): Promise<string> {
    // The review (its HTML writer and the synthesis) loads on demand, in its own chunk: not the first screen.
    return guardedFull(async (establishments) => {
      const { reportUseCase } = await import(/* webpackChunkName: "report" */ "../../app/report");
      return withSession(async (session) => (await reportUseCase(session, { today: today(), establishments })).html);
    });
  }

  /**
   * The labelling dossier as a .docx to download (the read's two syncs). The dossier and the Word writer load
   * on demand, in their own chunk, when the button is pressed.
   */
  async function dossier(options: { readonly final?: boolean } = {}): Promise<DossierFile> {
    return guardedFull(async (establishments) => {
      const [{ dossierUseCase, refusalLine }, { writeDocx }] = await Promise.all([
        import(/* webpackChunkName: "dossier" */ "../../app/dossier"),
        import(/* webpackChunkName: "dossier" */ "../../documents/docx/write"),
      ]);
      const now = today();
      const final = options.final === true;
      const d = await withSession((session) => dossierUseCase(session, { today: now, final, establishments }));
      // The final version is refused while something is missing: one line that says what.
      if (final && d.refused.length > 0) throw new ServiceError(refusalLine(d));
      const day = now.toISOString().slice(0, 10);
      return {
        bytes: writeDocx(d.document, { created: now }),
        fileName: `dossier-labellisation-${final ? "final" : "travail"}-${day}.docx`,
        final,
        actions: d.actions,
        gaps: d.gaps,
      };
    });
  }

  return {
    status,
    generate,
    update,
    check,
    selectCell,
    insertIntoSelectedRow,
    followUp,
    report,
    dossier,
    watch,
    recheck,
    activated,
  };
}

export type WorkbookService = ReturnType<typeof createWorkbookService>;
