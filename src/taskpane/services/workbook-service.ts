/**
 * The one place that talks to Excel. Components call these functions; each runs one `Excel.run`
 * (or the in-memory host's `run`, injected for tests and the preview) and costs at most two syncs.
 */
import { buildBlueprint, type BlueprintOptions } from "../../domain/blueprint/build";
import { CRITERION_MARKER_ADDRESS, PARAMS, SHEET_KEYS, TABLE } from "../../domain/blueprint/layout";
import { checkWorkbook, countFindings, type Finding, type FindingCounts } from "../../domain/check";
import { makeContext } from "../../domain/check/context";
import { checkableSheet, criterionOfMarker, isFichesWorkbook } from "../../domain/identify";
import { reconcile } from "../../domain/reconcile";
import { describeEdits } from "../../domain/reconcile/describe";
import { synthesisCountEdits } from "../../domain/synthesis-counts";
import { reportHtml } from "../../domain/report/html";
import { synthesize } from "../../domain/synthesis";
import type { CriterionNumber } from "../../domain/referential/types";
import { address as a1, parseRange } from "../../domain/a1";
import { applyEdits, officeErrorMessage, readSnapshot } from "../../workbook/office/adapter";
import { TEXTS } from "../texts";
import { loadEstablishments } from "./establishments";

export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export class ServiceError extends Error {}

export interface WorkbookStatus {
  readonly generated: boolean;
  readonly activeSheet?: string;
  /** The criterion of the active sheet, when it is a criterion sheet. */
  readonly activeCriterion?: CriterionNumber;
  readonly auditYear?: number;
}

export interface CheckResult {
  readonly findings: readonly Finding[];
  readonly counts: FindingCounts;
  readonly scope: "sheet" | "workbook";
  readonly sheet?: string;
  /** « Vérifier la fiche » on a sheet that is not a fiche (Synthèse, a sheet of the school's): nothing was checked. */
  readonly notAFiche?: boolean;
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
  readonly today?: () => Date;
  readonly pageLayout?: () => boolean;
}

export function createWorkbookService(options: ServiceOptions) {
  const { run } = options;
  const today = options.today ?? (() => new Date());
  const pageLayout = options.pageLayout ?? (() => false);

  /** Runs a use case; those that build the whole blueprint first fetch the establishments chunk (once). */
  async function guarded<T>(f: () => Promise<T>, needsEstablishments = false): Promise<T> {
    if (needsEstablishments)
      await loadEstablishments().catch(() => Promise.reject(new ServiceError(TEXTS.establishmentsFailed)));
    try {
      return await f();
    } catch (e) {
      if (e instanceof ServiceError) throw e;
      throw new ServiceError(officeErrorMessage(e));
    }
  }

  const guardedFull = <T>(f: () => Promise<T>) => guarded(f, true);

  async function status(): Promise<WorkbookStatus> {
    return guarded(() =>
      run(async (context) => {
        const { snapshot, activeSheet } = await readSnapshot(context);
        const ctx = makeContext(snapshot, {});
        const active = [...ctx.identified.values()].find((i) => i.sheet.name === activeSheet);
        return {
          generated: isFichesWorkbook(ctx.identified),
          activeSheet,
          activeCriterion: active?.blueprint.criterion,
          auditYear: ctx.auditYear,
        };
      }),
    );
  }

  /** Generate on an empty workbook, or update an existing one: read (1 sync), reconcile, apply (1 sync). */
  async function generateOrUpdate(bpOptions: BlueprintOptions | undefined, auditYear?: number): Promise<string[]> {
    return guardedFull(() =>
      run(async (context) => {
        const { snapshot } = await readSnapshot(context);
        const ctx = makeContext(snapshot, {});
        const bp = buildBlueprint(
          bpOptions ?? { referenceYear: ctx.referenceYear, auditYear: auditYear ?? ctx.auditYear },
        );
        const { edits, findings } = reconcile(bp, snapshot, {
          setValues:
            auditYear !== undefined
              ? [{ sheetKey: SHEET_KEYS.parameters, address: PARAMS.auditYear, value: auditYear }]
              : [],
        });
        await applyEdits(context, edits, snapshot, { pageLayout: pageLayout() });
        const lines = describeEdits(edits, { generation: bpOptions !== undefined });
        return [
          ...(lines.length ? lines : [TEXTS.nothingToUpdate]),
          ...findings.map((f) => `${f.sheet}!${f.cell} : ${f.message}`),
        ];
      }),
    );
  }

  const generate = (o: GenerateOptions) =>
    generateOrUpdate({
      school: o.school,
      headOfSchool: o.headOfSchool,
      auditYear: o.auditYear,
      referents: o.referents,
    });
  const update = (auditYear?: number) => generateOrUpdate(undefined, auditYear);

  /** One sync for a sheet; the whole workbook's check also writes its counts in Synthèse (one more). */
  async function check(scope: "sheet" | "workbook"): Promise<CheckResult> {
    return guardedFull(() =>
      run(async (context) => {
        const { snapshot, activeSheet } = await readSnapshot(context);
        const ctx = makeContext(snapshot, {});
        if (scope === "sheet" && !checkableSheet(ctx.identified, activeSheet ?? "")) {
          const none = { error: 0, warning: 0, info: 0 };
          return { findings: [], counts: none, scope, sheet: activeSheet, notAFiche: true };
        }
        const all = checkWorkbook(snapshot, { today: today() });
        const findings = scope === "sheet" ? all.filter((f) => f.sheet === activeSheet) : all;
        if (scope === "workbook") {
          const counts = synthesisCountEdits(ctx.bp, snapshot, all, today());
          await applyEdits(context, counts, snapshot, { pageLayout: pageLayout() });
        }
        return { findings, counts: countFindings(findings), scope, sheet: scope === "sheet" ? activeSheet : undefined };
      }),
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
        await context.sync();
        const sheetCriterion = criterionOfMarker(marker.values[0][0]);
        if (sheetCriterion !== criterion) throw new ServiceError(TEXTS.wrongSheet(ws.name, criterion, sheetCriterion));
        const ref = parseRange(selected.address.replace(/^.*!/, ""));
        if (!ref || ref.top < TABLE.firstRow) throw new ServiceError(TEXTS.selectRowFirst);
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

  /** The annual review as a print-ready HTML document (1 sync). */
  async function report(): Promise<string> {
    return guardedFull(() =>
      run(async (context) => {
        const { snapshot } = await readSnapshot(context);
        return reportHtml(synthesize(snapshot, { today: today() }), today());
      }),
    );
  }

  return { status, generate, update, check, selectCell, insertIntoSelectedRow, report };
}

export type WorkbookService = ReturnType<typeof createWorkbookService>;
