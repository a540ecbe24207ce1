/**
 * The steering committee's view: per criterion, what is filled, which axes and objectives of the guide
 * (and of the school) are worked on, which indicators have their values, what the check found, and the
 * indicators whose audit-year target goes the wrong way from the reference value.
 */
import { readiness, type Readiness } from "./readiness";
import { address } from "./a1";
import { FOLLOW_UP, MEASURE_COLUMNS, NAMES, PARAMS, TABLE } from "./blueprint/layout";
import type { CheckOptions } from "./check/context";
import { asRead, parametersText, tableOf, type ReadInputs, type WorkbookAsRead } from "./workbook-as-read";
import { checkWorkbook, countFindings, type Finding, type FindingCounts } from "./check";
import type { Criterion, CriterionNumber } from "./referential/types";
import type { CellSnapshot, WorkbookSnapshot } from "./snapshot";
import { listKey, shownValue } from "./text";
import { targetReached, wrongWay, type Direction } from "./indicators";

export type { Direction } from "./indicators";
export { indicatorDirection } from "./indicators";

export interface IndicatorRow {
  readonly sheet: string;
  readonly row: number;
  readonly indicator: string;
  /** The values as the sheet shows them (« 12 % »). */
  readonly referenceText: string;
  readonly targetText: string;
  /** The direction the indicator should have gone (its target or result went the other way). */
  readonly direction: Direction;
}

export interface RowView {
  readonly row: number;
  readonly axis: string;
  readonly objective: string;
  readonly action: string;
  readonly indicator: string;
  readonly reference: string;
  readonly audit: string;
  readonly outlook: string;
  /** The follow-up, as shown (columns I–S): « Action », « Engagement » or what was typed. */
  readonly status: string;
  readonly perennial: string;
  readonly duration: string;
  /** One measure per year after the reference year (« » when not measured). */
  readonly measures: readonly string[];
  readonly result: string;
  readonly addedValue: string;
  readonly evidence: string;
  /** The result reached the target (true), fell short (false), or there is nothing to compare. */
  readonly targetReached?: boolean;
}

export interface FollowUpCounts {
  /** Rows said « Action » and « Engagement », actions without evidence. */
  readonly actions: number;
  readonly engagements: number;
  readonly withoutEvidence: number;
  /** Rows with a measure, for each year after the reference year (the first is reference year + 1). */
  readonly measuresByYear: readonly number[];
  /** Rows whose result in the audit year reached its target, and those that fell short. */
  readonly targetsReached: number;
  readonly targetsMissed: number;
}

export interface CriterionSynthesis {
  readonly criterion: Criterion;
  readonly sheet?: string;
  readonly lead: string;
  readonly filledRows: number;
  readonly guideAxesCovered: number;
  readonly ownAxesUsed: number;
  readonly guideObjectivesCovered: number;
  readonly ownObjectivesUsed: number;
  readonly indicators: number;
  readonly withReference: number;
  readonly withAudit: number;
  readonly counts: FindingCounts;
  readonly status: Readiness;
  readonly flagged: readonly IndicatorRow[];
  readonly rows: readonly RowView[];
  readonly followUp: FollowUpCounts;
}

export interface Synthesis {
  readonly school: string;
  readonly headOfSchool: string;
  readonly referenceYear: number;
  readonly auditYear?: number;
  readonly criteria: readonly CriterionSynthesis[];
  readonly findings: readonly Finding[];
}

function shown(c: CellSnapshot | undefined): string {
  return c ? shownValue(c) : "";
}

/** `findings`: the check's, when the caller already has them (they are computed otherwise). */
export function synthesize(wb: WorkbookAsRead, options?: CheckOptions, given?: readonly Finding[]): Synthesis;
export function synthesize(
  wb: WorkbookSnapshot,
  options: CheckOptions & ReadInputs,
  given?: readonly Finding[],
): Synthesis;
export function synthesize(
  wb: WorkbookSnapshot | WorkbookAsRead,
  options: CheckOptions & Partial<ReadInputs> = {},
  given?: readonly Finding[],
): Synthesis {
  const ctx = "placements" in wb ? wb : asRead(wb, options as ReadInputs); // the overloads make them present
  const findings = given ?? checkWorkbook(ctx, options);
  const text = (name: string, fallback: string) => parametersText(ctx, name, fallback);
  const ownAxes = new Set(ctx.ownAxes.map(listKey));
  const ownObjectives = new Set(ctx.ownObjectives.map(listKey));
  const criteria = ctx.criteria.map((c): CriterionSynthesis => {
    const id = ctx.identified.get(`c${c.number}`);
    const counts = countFindings(findings.filter((f) => f.criterion === c.number));
    const lead = text(NAMES.lead(c.number as CriterionNumber), `B${PARAMS.firstLeadRow + c.number - 1}`);
    const rows: RowView[] = [];
    const flagged: IndicatorRow[] = [];
    const guideAxes = new Set(c.axes.map((e) => listKey(e.text)));
    const guideObjectives = new Set(c.objectives.map((e) => listKey(e.text)));
    const usedGuideAxes = new Set<string>();
    const usedOwnAxes = new Set<string>();
    const usedGuideObjectives = new Set<string>();
    const usedOwnObjectives = new Set<string>();
    let indicators = 0;
    let withReference = 0;
    let withAudit = 0;
    const followUp = {
      actions: 0,
      engagements: 0,
      withoutEvidence: 0,
      measuresByYear: new Array<number>(FOLLOW_UP.measureCount).fill(0),
      targetsReached: 0,
      targetsMissed: 0,
    };
    if (id) {
      // Past the last row where something is typed in the table, no row has an axis, objective, action or
      // indicator: the rows after it would all be skipped below (as in the row rules and the dossier).
      const { firstRow, lastFilled } = tableOf(ctx, id.sheet);
      for (let r = firstRow; r <= lastFilled; r++) {
        const cell = (k: keyof typeof TABLE.columns) => id.sheet.cells[address(r, TABLE.columns[k])];
        const follow = (col: number) => id.sheet.cells[address(r, col)];
        const F = FOLLOW_UP.columns;
        const axis = shown(cell("axis"));
        const objective = shown(cell("objective"));
        const action = shown(cell("action"));
        const indicator = shown(cell("indicator"));
        // A row with none of these four is no row of the fiche: nothing more of it is read.
        if (!(axis || objective || action || indicator)) continue;
        const reached = indicator
          ? targetReached(indicator, cell("audit"), follow(F.result), ctx.directionOverrides)
          : undefined;
        const view: RowView = {
          row: r,
          axis,
          objective,
          action,
          indicator,
          reference: shown(cell("reference")),
          audit: shown(cell("audit")),
          outlook: shown(cell("outlook")),
          status: shown(follow(F.status)).trim(),
          perennial: shown(follow(F.perennial)).trim(),
          duration: shown(follow(F.duration)).trim(),
          measures: MEASURE_COLUMNS.map((col) => shown(follow(col)).trim()),
          result: shown(follow(F.result)).trim(),
          addedValue: shown(follow(F.addedValue)).trim(),
          evidence: shown(follow(F.evidence)).trim(),
          ...(reached !== undefined ? { targetReached: reached } : {}),
        };
        rows.push(view);
        const status = listKey(view.status);
        if (status === "action") {
          followUp.actions++;
          if (!view.evidence) followUp.withoutEvidence++;
        } else if (status === "engagement") followUp.engagements++;
        view.measures.forEach((m, i) => {
          if (m) followUp.measuresByYear[i]++;
        });
        if (reached === true) followUp.targetsReached++;
        if (reached === false) followUp.targetsMissed++;
        const ak = listKey(view.axis);
        if (guideAxes.has(ak)) usedGuideAxes.add(ak);
        else if (ownAxes.has(ak)) usedOwnAxes.add(ak);
        const ok = listKey(view.objective);
        if (guideObjectives.has(ok)) usedGuideObjectives.add(ok);
        else if (ownObjectives.has(ok)) usedOwnObjectives.add(ok);
        if (view.indicator) {
          indicators++;
          if (view.reference) withReference++;
          if (view.audit) withAudit++;
          const direction = wrongWay(view.indicator, cell("reference"), cell("audit"), ctx.directionOverrides);
          if (direction)
            flagged.push({
              sheet: id.sheet.name,
              row: r,
              indicator: view.indicator,
              referenceText: view.reference,
              targetText: view.audit,
              direction,
            });
        }
      }
    }
    return {
      criterion: c,
      sheet: id?.sheet.name,
      lead,
      filledRows: rows.length,
      guideAxesCovered: usedGuideAxes.size,
      ownAxesUsed: usedOwnAxes.size,
      guideObjectivesCovered: usedGuideObjectives.size,
      ownObjectivesUsed: usedOwnObjectives.size,
      indicators,
      withReference,
      withAudit,
      followUp,
      counts,
      status: readiness({ filledRows: rows.length, errors: counts.error, indicators, withReference }),
      flagged,
      rows,
    };
  });
  return {
    school: text(NAMES.school, PARAMS.school),
    headOfSchool: text(NAMES.headOfSchool, PARAMS.headOfSchool),
    referenceYear: ctx.referenceYear,
    auditYear: ctx.auditYear,
    criteria,
    findings,
  };
}
