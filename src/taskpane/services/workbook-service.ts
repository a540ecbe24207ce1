/**
 * The one place the pane (and the ribbon button) talks to Excel. Components call these functions; each runs
 * one `Excel.run` (or the in-memory host's `run`, injected for tests and the preview). The jobs themselves —
 * check, generate, update, report, status — are the use cases of src/app, shared with the command line.
 */
import { buildBlueprint, type BlueprintOptions } from "../../domain/blueprint/build";
import { CRITERION_MARKER_ADDRESS, TABLE } from "../../domain/blueprint/layout";
import { criterionOfMarker } from "../../domain/identify";
import { checkUseCase, type CheckResult } from "../../app/check";
import { UseCaseError, type WorkbookSession } from "../../app/port";
import { workbookStatus, type WorkbookStatus } from "../../app/status";
import { updateUseCase } from "../../app/update";
import { officeSession } from "../../workbook/office/session";
import type { CriterionNumber } from "../../domain/referential/types";
import { address as a1, columnLetters, parseRange } from "../../domain/a1";
import { firstInputRow, HEADER_SEARCH_ROWS } from "../../domain/blueprint/placement";
import {
  officeErrorMessage,
  readSnapshot,
  rereadSheets,
  watchWorkbook,
  type ReadResult,
  type SheetChange,
} from "../../workbook/office/adapter";
import { TEXTS } from "../texts";
import { AUTO_OPEN_SETTING, type DocumentSettings } from "../../workbook/office/settings";
import { loadEstablishments } from "./establishments";
import type { Establishments } from "../../domain/establishments";
import { toggleFollowUp, type FollowUpShown } from "./follow-up";
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
   * The live check after a burst of changes: the changed sheets read again with the list of sheets (one
   * round trip; a whole read when sheets were added, removed or renamed since), and their findings. A change
   * in Paramètres (years, the school's own lists) concerns every fiche.
   */
  async function recheck(worksheetIds: readonly string[]): Promise<LiveCheck> {
    return guardedFull((establishments) =>
      run(async (context) => {
        const names = worksheetIds
          .map((id) => Object.entries(last?.sheetIds ?? {}).find(([, x]) => x === id)?.[0])
          .filter((n): n is string => n !== undefined);
        const read = { pageLayout: pageLayout() };
        const again =
          last && names.length === worksheetIds.length
            ? await rereadSheets(context, last, names, undefined, read)
            : undefined;
        const result = again ?? (await readSnapshot(context, undefined, read));
        last = result;
        // The check's own use case, on what was just read, scoped to the sheets read again.
        const reread: WorkbookSession = {
          read: async () => result,
          apply: () => Promise.reject(new Error("the live check never writes")),
        };
        const all = result.snapshot.sheets.map((x) => x.name);
        const checked = await checkUseCase(reread, {
          today: today(),
          establishments,
          sheets: again ? names : all,
        });
        return {
          sheets: checked.sheets ?? all,
          findings: checked.findings,
          activeSheet: result.activeSheet,
          fiches: checked.fiches ?? [],
        };
      }),
    );
  }

  /** The Office session of one run: reads are kept for the live check. */
  const session = (context: Excel.RequestContext) =>
    officeSession(context, { pageLayout: pageLayout(), grouping: grouping(), onRead: (r) => (last = r) });

  async function status(): Promise<WorkbookStatus> {
    return guarded(() => run(async (context) => workbookStatus(await session(context).read())));
  }

  /** Generate on an empty workbook, or update an existing one: read, reconcile, apply (see src/app/update.ts). */
  async function generateOrUpdate(generation: BlueprintOptions | undefined, auditYear?: number): Promise<string[]> {
    return guardedFull((establishments) =>
      run(async (context) => {
        const { lines, findings } = await updateUseCase(session(context), { generation, auditYear, establishments });
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
      run((context) =>
        checkUseCase(session(context), {
          today: today(),
          establishments,
          sheet: scope === "sheet" ? "active" : undefined,
          recordCounts: true,
        }),
      ),
    );
  }

  async function selectCell(sheet: string, cell: string): Promise<void> {
    return guarded(() =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell || "A1").select();
        await context.sync();
      }),
    );
  }

  /**
   * Puts `text`, an example of criterion `criterion`, in `column` of the selected row of that criterion's
   * table, only if that cell is empty — and only on that criterion's sheet, whatever the pane showed last.
   */
  async function insertIntoSelectedRow(
    column: "action" | "indicator",
    text: string,
    criterion: CriterionNumber,
  ): Promise<string> {
    return guarded(() =>
      run(async (context) => {
        const selected = context.workbook.getSelectedRange();
        selected.load("address");
        const ws = context.workbook.worksheets.getActiveWorksheet();
        ws.load("name");
        const marker = ws.getRange(CRITERION_MARKER_ADDRESS);
        marker.load("values");
        // The indicator column down to where the header may have gone (rows inserted above the table).
        const d = columnLetters(TABLE.columns.indicator);
        const headers = ws.getRange(`${d}1:${d}${HEADER_SEARCH_ROWS}`);
        headers.load("values");
        await context.sync();
        const sheetCriterion = criterionOfMarker(marker.values[0][0]);
        if (sheetCriterion !== criterion) throw new ServiceError(TEXTS.wrongSheet(ws.name, criterion, sheetCriterion));
        const cells = Object.fromEntries(
          headers.values.map((line, i) => [`${d}${i + 1}`, { t: "s" as const, v: String(line[0] ?? "") }]),
        );
        const sb = buildBlueprint({ establishments: "not-needed" }).sheets.find((s) => s.criterion === criterion);
        const firstRow = sb ? firstInputRow(sb, { cells }) : TABLE.firstRow;
        const ref = parseRange(selected.address.replace(/^.*!/, ""));
        if (!ref || ref.top < firstRow) throw new ServiceError(TEXTS.selectRowFirst);
        const target = ws.getRange(a1(ref.top, TABLE.columns[column]));
        target.load("values");
        await context.sync();
        const current = target.values[0][0];
        if (current !== "" && current !== null && current !== undefined) {
          throw new ServiceError(TEXTS.cellNotEmpty(a1(ref.top, TABLE.columns[column])));
        }
        target.values = [[text]];
        await context.sync();
        return a1(ref.top, TABLE.columns[column]);
      }),
    );
  }

  /** « Afficher / masquer le suivi »: the active fiche's columns I–S, shown or hidden (follow-up.ts). */
  async function followUp(show?: boolean): Promise<FollowUpShown> {
    return guarded(() => run((context) => toggleFollowUp(context, show)));
  }

  /** The annual review as a print-ready HTML document (the read's two syncs). */
  async function report(): Promise<string> {
    // The review (its HTML writer and the synthesis) loads on demand, in its own chunk: not the first screen.
    return guardedFull(async (establishments) => {
      const { reportUseCase } = await import(/* webpackChunkName: "report" */ "../../app/report");
      return run(async (context) => (await reportUseCase(session(context), { today: today(), establishments })).html);
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
      const d = await run(async (context) => dossierUseCase(session(context), { today: now, final, establishments }));
      // The final version is refused while something is missing: one line that says what.
      if (final && d.refused.length > 0) throw new ServiceError(refusalLine(d));
      const day = now.toISOString().slice(0, 10);
      return {
        bytes: writeDocx(d.document, { created: now }),
        fileName: `dossier-labellisation-${final ? "final" : "travail"}-${day}.docx`,
        final,
        actions: d.content.criteria.reduce((n, c) => n + c.actions.length, 0),
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
