/**
 * « Synthèse »: one row per criterion for the steering committee, live where it can be (formulas over
 * the criterion sheets through defined names, so renames do not break it), and the check's counts
 * written by « Vérifier tout le classeur », dated.
 */
import { absoluteRange, address, columnLetters } from "../a1";
import type { Criterion, CriterionNumber } from "../referential/types";
import { FOLLOW_UP, LISTS, MARKERS, NAMES, TABLE, listColumns } from "./layout";
import type { NameBlueprint, SheetBlueprint, StructureCell } from "./types";
import { readinessFormula, STATUS } from "../readiness";
import { frenchDate } from "../text";

export const SHEET_SYNTHESIS = "Synthèse";
export const SYNTHESIS_KEY = "synthese";

export const SYNTHESIS = {
  headerRow: 4,
  firstRow: 5,
  /** Columns of the counts the check writes (errors, warnings), and the cell of the check's date. */
  errorsColumn: 10,
  warningsColumn: 11,
  /** Indicators whose audit-year value goes the wrong way (rule indicator-wrong-way), written by the check. */
  wrongWayColumn: 13,
  checkedAt: "B14",
  /** The chart sits under the table, from this row. */
  chartTopRow: 16,
  marker: "N1",
  /** The follow-up (after the hidden marker column): actions, engagements, actions without evidence. */
  followUpColumn: 15,
  /** Rows with a measure, one column per year after the reference year (formulas). */
  measuresColumn: 18,
  /** Targets reached and missed at the audit, written by the check (the direction is the domain's). */
  targetsReachedColumn: 23,
  targetsMissedColumn: 24,
} as const;

/** The chart's name: how the update finds it again (a chart someone deleted is drawn again). */
export const SYNTHESIS_CHART = "LDM_Graphique_Synthese";

export const INPUT_NAMES = {
  axes: (n: CriterionNumber) => `Saisie_Axes_C${n}`,
  objectives: (n: CriterionNumber) => `Saisie_Objectifs_C${n}`,
  actions: (n: CriterionNumber) => `Saisie_Actions_C${n}`,
  indicators: (n: CriterionNumber) => `Saisie_Indicateurs_C${n}`,
  reference: (n: CriterionNumber) => `Saisie_Reference_C${n}`,
  audit: (n: CriterionNumber) => `Saisie_Audit_C${n}`,
  status: (n: CriterionNumber) => `Saisie_Statut_C${n}`,
  evidence: (n: CriterionNumber) => `Saisie_Preuves_C${n}`,
  measures: (n: CriterionNumber) => `Saisie_Mesures_C${n}`,
  guideAxes: (n: CriterionNumber) => `Guide_Axes_C${n}`,
  guideObjectives: (n: CriterionNumber) => `Guide_Objectifs_C${n}`,
};

const HEADERS = (referenceYear: number) => [
  "Critère",
  "Référent",
  "Lignes remplies",
  "Axes du guide couverts",
  "Axes propres utilisés",
  "Objectifs du guide couverts",
  "Objectifs propres utilisés",
  `Indicateurs avec valeur ${referenceYear}`,
  "Indicateurs avec valeur de l'audit",
  "Erreurs (dernière vérification)",
  "Avertissements (dernière vérification)",
  "Statut",
  "Indicateurs en recul (dernière vérification)",
];

const FOLLOW_UP_HEADERS = ["Suivi : actions", "Suivi : engagements", "Actions sans élément de preuve"];
const MEASURE_HEADER = (year: number) => `Lignes mesurées en ${year}`;
const TARGET_HEADERS = [
  "Cibles atteintes à l'audit (dernière vérification)",
  "Cibles non atteintes à l'audit (dernière vérification)",
];

/** The names the synthesis formulas read: each criterion's input columns and its guide-only lists. */
export function synthesisNames(criteria: readonly Criterion[]): NameBlueprint[] {
  const first = TABLE.firstRow;
  const last = TABLE.firstRow + TABLE.rowCount - 1;
  const col = (c: number) => absoluteRange({ top: first, bottom: last, left: c, right: c });
  const out: NameBlueprint[] = [];
  for (const c of criteria) {
    const key = `c${c.number}`;
    const n = c.number;
    out.push(
      { name: INPUT_NAMES.axes(n), sheetKey: key, ref: col(TABLE.columns.axis) },
      { name: INPUT_NAMES.objectives(n), sheetKey: key, ref: col(TABLE.columns.objective) },
      { name: INPUT_NAMES.actions(n), sheetKey: key, ref: col(TABLE.columns.action) },
      { name: INPUT_NAMES.indicators(n), sheetKey: key, ref: col(TABLE.columns.indicator) },
      { name: INPUT_NAMES.reference(n), sheetKey: key, ref: col(TABLE.columns.reference) },
      { name: INPUT_NAMES.audit(n), sheetKey: key, ref: col(TABLE.columns.audit) },
      { name: INPUT_NAMES.status(n), sheetKey: key, ref: col(FOLLOW_UP.columns.status) },
      { name: INPUT_NAMES.evidence(n), sheetKey: key, ref: col(FOLLOW_UP.columns.evidence) },
      {
        name: INPUT_NAMES.measures(n),
        sheetKey: key,
        ref: absoluteRange({
          top: first,
          bottom: last,
          left: FOLLOW_UP.columns.firstMeasure,
          right: FOLLOW_UP.columns.firstMeasure + FOLLOW_UP.measureCount - 1,
        }),
      },
    );
    const lists = listColumns(n);
    const guide = (colNo: number, count: number) =>
      absoluteRange({
        top: LISTS.firstItemRow,
        bottom: LISTS.firstItemRow + Math.max(count, 1) - 1,
        left: colNo,
        right: colNo,
      });
    out.push(
      { name: INPUT_NAMES.guideAxes(n), sheetKey: "listes", ref: guide(lists.axes, c.axes.length) },
      { name: INPUT_NAMES.guideObjectives(n), sheetKey: "listes", ref: guide(lists.objectives, c.objectives.length) },
    );
  }
  return out;
}

/**
 * Excel's side of the one comparison of list texts (listKey, src/domain/text.ts): non-breaking and narrow
 * spaces as spaces, the typographic apostrophe as the straight one, spaces trimmed and collapsed (TRIM); MATCH
 * ignores case. A pasted axis that differs from the guide's by a non-breaking space counts on the sheet as it
 * does in the check and the review.
 */
function normalized(x: string): string {
  // The characters themselves, in string literals: UNICHAR is stored « _xlfn.UNICHAR » in a file, and CHAR
  // depends on the system's code page.
  return `TRIM(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${x},"\u00a0"," "),"\u202f"," "),"\u2019","'"))`;
}

/** How many non-empty items of `list` are used at least once in `typed`. */
function covered(list: string, typed: string): string {
  return `SUMPRODUCT((LEN(${list})>0)*ISNUMBER(MATCH(${normalized(list)},${normalized(typed)},0)))`;
}

export function synthesisSheet(criteria: readonly Criterion[], referenceYear: number): SheetBlueprint {
  const lastCol = columnLetters(12);
  const cells: StructureCell[] = [
    { address: "A1", text: "Synthèse pour le comité de pilotage", style: "title" },
    {
      address: "A2",
      text: "Calculée en direct à partir des fiches. Les erreurs, avertissements et indicateurs en recul sont ceux de la dernière « Vérifier tout le classeur ».",
      style: "reminder",
      derived: true,
    },
    // Outside the title's merge (a merge keeps only its first cell's value), in a hidden column.
    { address: SYNTHESIS.marker, text: MARKERS.synthesis, style: "marker", derived: true },
    { address: "A14", text: "Dernière vérification :", style: "label" },
  ];
  const header = (col: number, h: string) =>
    cells.push({ address: address(SYNTHESIS.headerRow, col), text: h, style: "tableHeader", derived: true });
  HEADERS(referenceYear).forEach((h, i) => header(i + 1, h));
  FOLLOW_UP_HEADERS.forEach((h, i) => header(SYNTHESIS.followUpColumn + i, h));
  for (let k = 0; k < FOLLOW_UP.measureCount; k++)
    header(SYNTHESIS.measuresColumn + k, MEASURE_HEADER(referenceYear + 1 + k));
  TARGET_HEADERS.forEach((h, i) => header(SYNTHESIS.targetsReachedColumn + i, h));
  criteria.forEach((c, i) => {
    const r = SYNTHESIS.firstRow + i;
    const n = c.number;
    const N = INPUT_NAMES;
    const f = (col: number, formula: string, result: number | string = 0) =>
      cells.push({ address: address(r, col), formula, result, style: "synthesisValue", derived: true });
    cells.push({ address: `A${r}`, text: `C${n} ${c.shortTitle}`, style: "label", derived: true });
    f(2, `IF(${NAMES.lead(n)}="","",${NAMES.lead(n)})`, "");
    f(3, `SUMPRODUCT(--((LEN(${N.axes(n)})+LEN(${N.objectives(n)})+LEN(${N.actions(n)})+LEN(${N.indicators(n)}))>0))`);
    f(4, covered(N.guideAxes(n), N.axes(n)));
    f(5, covered(NAMES.ownAxes, N.axes(n)));
    f(6, covered(N.guideObjectives(n), N.objectives(n)));
    f(7, covered(NAMES.ownObjectives, N.objectives(n)));
    f(8, `SUMPRODUCT((LEN(${N.indicators(n)})>0)*(LEN(${N.reference(n)})>0))`);
    f(9, `SUMPRODUCT((LEN(${N.indicators(n)})>0)*(LEN(${N.audit(n)})>0))`);
    const status = N.status(n);
    f(SYNTHESIS.followUpColumn, `COUNTIF(${status},"Action")`);
    f(SYNTHESIS.followUpColumn + 1, `COUNTIF(${status},"Engagement")`);
    f(SYNTHESIS.followUpColumn + 2, `SUMPRODUCT((TRIM(${status})="Action")*(LEN(TRIM(${N.evidence(n)}))=0))`);
    // A measure counts on a filled row only, as in the review.
    const filled = `((LEN(${N.axes(n)})+LEN(${N.objectives(n)})+LEN(${N.actions(n)})+LEN(${N.indicators(n)}))>0)`;
    for (let k = 0; k < FOLLOW_UP.measureCount; k++)
      f(SYNTHESIS.measuresColumn + k, `SUMPRODUCT(${filled}*(LEN(TRIM(INDEX(${N.measures(n)},0,${k + 1})))>0))`);
    f(
      12,
      readinessFormula({
        filledRows: `C${r}`,
        errors: `J${r}`,
        indicators: `SUMPRODUCT(--(LEN(${N.indicators(n)})>0))`,
        withReference: `H${r}`,
      }),
      STATUS.todo,
    );
  });
  const last = SYNTHESIS.firstRow + criteria.length - 1;
  return {
    key: SYNTHESIS_KEY,
    role: "synthesis",
    name: SHEET_SYNTHESIS,
    visibility: "visible",
    marker: { address: SYNTHESIS.marker, value: MARKERS.synthesis },
    columns: [
      { col: 1, width: 30 },
      { col: 2, width: 24 },
      ...Array.from({ length: 9 }, (_, i) => ({ col: 3 + i, width: 14 })),
      { col: 12, width: 20 },
      { col: 13, width: 16 },
      { col: 14, width: 4, hidden: true },
      ...FOLLOW_UP_HEADERS.map((_, i) => ({ col: SYNTHESIS.followUpColumn + i, width: 14 })),
      ...Array.from({ length: FOLLOW_UP.measureCount }, (_, k) => ({ col: SYNTHESIS.measuresColumn + k, width: 12 })),
      ...TARGET_HEADERS.map((_, i) => ({ col: SYNTHESIS.targetsReachedColumn + i, width: 16 })),
    ],
    rowHeights: [
      { row: 1, height: 24 },
      { row: SYNTHESIS.headerRow, height: 48 },
    ],
    cells,
    inputs: [
      { range: `J${SYNTHESIS.firstRow}:K${last}`, style: "checkCount" },
      { range: `M${SYNTHESIS.firstRow}:M${last}`, style: "checkCount", anchor: `M${SYNTHESIS.headerRow}` },
      {
        range: `${columnLetters(SYNTHESIS.targetsReachedColumn)}${SYNTHESIS.firstRow}:${columnLetters(SYNTHESIS.targetsMissedColumn)}${last}`,
        style: "checkCount",
        anchor: address(SYNTHESIS.headerRow, SYNTHESIS.targetsReachedColumn),
      },
      { range: SYNTHESIS.checkedAt, style: "checkCount" },
    ],
    merges: [`A1:${lastCol}1`, `A2:${lastCol}2`],
    validations: [],
    protect: true,
    print: { landscape: true, fitToWidth: true },
    charts: [
      {
        name: SYNTHESIS_CHART,
        title: "Lignes remplies et constats de la dernière vérification, par critère",
        type: "barClustered",
        categories: `A${SYNTHESIS.firstRow}:A${last}`,
        series: [3, SYNTHESIS.errorsColumn, SYNTHESIS.warningsColumn].map((col) => ({
          header: address(SYNTHESIS.headerRow, col),
          name: HEADERS(referenceYear)[col - 1],
          values: `${columnLetters(col)}${SYNTHESIS.firstRow}:${columnLetters(col)}${last}`,
        })),
        from: `A${SYNTHESIS.chartTopRow}`,
        to: `L${SYNTHESIS.chartTopRow + 24}`,
      },
    ],
  };
}

/** « vérifié le 12/03/2026 ». */
export function checkedOnText(today: Date): string {
  return `vérifié le ${frenchDate(today)}`;
}
