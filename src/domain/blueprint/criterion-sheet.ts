/** The blueprint of one criterion's improvement sheet (seed 000): header, guide text, the table and its drop-downs. */
import { columnLetters } from "../a1";
import { type Criterion } from "../referential/types";
import { LABELS } from "./labels";
import { CRITERION_MARKER_ADDRESS, FOLLOW_UP, MARKERS, NAMES, SHEET_KEYS, TABLE } from "./layout";
import { type HeaderFooterLine, type SheetBlueprint, type StructureCell, type ValidationBlueprint } from "./types";
import { HEADER_FOOTER_MAX, headerPart } from "./header-footer";
import { auditYearHeader, criterionSheetName, estimateHeight, markDerived, text } from "./cells";

const fcol = (k: keyof typeof FOLLOW_UP.columns) => columnLetters(FOLLOW_UP.columns[k]);

/** The follow-up block's title, headers, measure years and hints (rows 6–9, columns I–S). */
function followUpCells(referenceYear: number): StructureCell[] {
  const h = TABLE.headerRow;
  const cells: StructureCell[] = [
    text(`${columnLetters(FOLLOW_UP.firstColumn)}${h - 1}`, LABELS.followUpTitle, "tableSubHeader"),
    text(`${fcol("status")}${h}`, LABELS.colStatus, "tableHeader"),
    text(`${fcol("perennial")}${h}`, LABELS.colPerennial, "tableHeader"),
    text(`${fcol("duration")}${h}`, LABELS.colDuration, "tableHeader"),
    text(`${fcol("firstMeasure")}${h}`, LABELS.colMeasures, "tableHeader"),
    text(`${fcol("result")}${h}`, LABELS.colResult, "tableHeader"),
    text(`${fcol("addedValue")}${h}`, LABELS.colAddedValue, "tableHeader"),
    text(`${fcol("evidence")}${h}`, LABELS.colEvidence, "tableHeader"),
    text(`${fcol("status")}${TABLE.hintRow}`, LABELS.hintStatus, "hint"),
    text(`${fcol("perennial")}${TABLE.hintRow}`, LABELS.hintPerennial, "hint"),
    text(`${fcol("duration")}${TABLE.hintRow}`, LABELS.hintDuration, "hint"),
    text(`${fcol("firstMeasure")}${TABLE.hintRow}`, LABELS.hintMeasures, "hint"),
    text(`${fcol("result")}${TABLE.hintRow}`, LABELS.hintResult, "hint"),
    text(`${fcol("addedValue")}${TABLE.hintRow}`, LABELS.hintAddedValue, "hint"),
    text(`${fcol("evidence")}${TABLE.hintRow}`, LABELS.hintEvidence, "hint"),
  ];
  for (let i = 0; i < FOLLOW_UP.measureCount; i++)
    cells.push({
      address: `${columnLetters(FOLLOW_UP.columns.firstMeasure + i)}${TABLE.yearRow}`,
      formula: `${NAMES.referenceYear}+${i + 1}`,
      result: referenceYear + i + 1,
      style: "tableSubHeader",
    });
  return cells;
}

/**
 * Each printed page's header: the fiche's title on the left, the school Paramètres names on the right (an
 * update rewrites it when Paramètres changes: docs/decisions.md §45).
 */
export function printedHeader(n: number, school: string | undefined): HeaderFooterLine {
  const left = headerPart(LABELS.sheetTitle(n), HEADER_FOOTER_MAX);
  return { left, right: headerPart(school, HEADER_FOOTER_MAX - left.length - "&L&R".length) };
}

export function criterionSheet(
  c: Criterion,
  referenceYear: number,
  auditYear: number | undefined,
  /** The school as Paramètres names it (the printed header's right part). */
  school: string | undefined,
): SheetBlueprint {
  const n = c.number;
  const first = TABLE.firstRow;
  const last = TABLE.firstRow + TABLE.rowCount - 1;
  const col = (k: keyof typeof TABLE.columns) => columnLetters(TABLE.columns[k]);
  const guide = LABELS.guidePrefix + "\n• " + c.description.join("\n• ");
  const cells: StructureCell[] = [
    text("A1", LABELS.sheetTitle(n), "title"),
    text("A2", LABELS.schoolHeader, "label"),
    { address: "B2", formula: `IF(${NAMES.school}="","",${NAMES.school})`, result: "", style: "headerValue" },
    text("D2", LABELS.headHeader, "label"),
    {
      address: "E2",
      formula: `IF(${NAMES.headOfSchool}="","",${NAMES.headOfSchool})`,
      result: "",
      style: "headerValue",
    },
    text("A3", LABELS.leadHeader, "label"),
    { address: "B3", formula: `IF(${NAMES.lead(n)}="","",${NAMES.lead(n)})`, result: "", style: "headerValue" },
    text("D3", LABELS.criterionHeader, "label"),
    text("E3", `${n} — ${c.title}`, "headerValue", true),
    text("A4", LABELS.reminder, "reminder"),
    text("A5", guide, "reminder", true),
    text(`${col("axis")}${TABLE.headerRow}`, LABELS.colAxes, "tableHeader"),
    text(`${col("objective")}${TABLE.headerRow}`, LABELS.colObjectives, "tableHeader"),
    text(`${col("action")}${TABLE.headerRow}`, LABELS.colActions, "tableHeader"),
    text(`${col("indicator")}${TABLE.headerRow}`, LABELS.colIndicator, "tableHeader"),
    text(`${col("reference")}${TABLE.headerRow}`, LABELS.colResults, "tableHeader"),
    text(`${col("outlook")}${TABLE.headerRow}`, LABELS.colOutlook, "tableHeader"),
    {
      address: `${col("reference")}${TABLE.yearRow}`,
      formula: NAMES.referenceYear,
      result: referenceYear,
      style: "tableSubHeader",
    },
    {
      address: `${col("audit")}${TABLE.yearRow}`,
      formula: `"${LABELS.auditYearPrefix.replace(/"/g, '""')}"&IF(${NAMES.auditYear}="","${LABELS.auditYearUnset}",${NAMES.auditYear})`,
      result: auditYearHeader(auditYear),
      style: "tableSubHeader",
    },
    text(`${col("axis")}${TABLE.hintRow}`, LABELS.hintAxes, "hint"),
    text(`${col("objective")}${TABLE.hintRow}`, LABELS.hintObjectives, "hint"),
    text(`${col("action")}${TABLE.hintRow}`, LABELS.hintActions, "hint"),
    text(`${col("indicator")}${TABLE.hintRow}`, LABELS.hintIndicator(referenceYear), "hint", true),
    text(`${col("outlook")}${TABLE.hintRow}`, LABELS.hintOutlook, "hint"),
    text(CRITERION_MARKER_ADDRESS, MARKERS.criterion(n), "marker", true),
    ...followUpCells(referenceYear),
  ];
  const validations: ValidationBlueprint[] = [
    {
      sqref: `${col("axis")}${first}:${col("axis")}${last}`,
      type: "list",
      formula1: NAMES.axes(n),
      errorStyle: "stop",
      errorTitle: LABELS.validationAxisTitle,
      error: LABELS.validationAxis,
      purpose: "axis",
    },
    {
      sqref: `${col("objective")}${first}:${col("objective")}${last}`,
      type: "list",
      formula1: NAMES.objectives(n),
      errorStyle: "stop",
      errorTitle: LABELS.validationObjectiveTitle,
      error: LABELS.validationObjective,
      purpose: "objective",
    },
  ];
  validations.push(
    {
      sqref: `${fcol("status")}${first}:${fcol("status")}${last}`,
      type: "list",
      formula1: NAMES.statusChoices,
      errorStyle: "stop",
      errorTitle: LABELS.validationStatusTitle,
      error: LABELS.validationStatus,
      purpose: "status",
    },
    {
      sqref: `${fcol("perennial")}${first}:${fcol("perennial")}${last}`,
      type: "list",
      formula1: NAMES.perennialChoices,
      errorStyle: "stop",
      errorTitle: LABELS.validationPerennialTitle,
      error: LABELS.validationPerennial,
      purpose: "perennial",
    },
  );
  const lastCol = columnLetters(TABLE.lastColumn);
  const followFirst = columnLetters(FOLLOW_UP.firstColumn);
  const followLast = columnLetters(FOLLOW_UP.lastColumn);
  const measureLast = columnLetters(FOLLOW_UP.columns.firstMeasure + FOLLOW_UP.measureCount - 1);
  return {
    key: SHEET_KEYS.criterion(n),
    role: "criterion",
    criterion: n,
    name: criterionSheetName(c),
    visibility: "visible",
    marker: { address: CRITERION_MARKER_ADDRESS, value: MARKERS.criterion(n) },
    columns: [
      { col: 1, width: 38 },
      { col: 2, width: 38 },
      { col: 3, width: 44 },
      { col: 4, width: 32 },
      { col: 5, width: 14 },
      { col: 6, width: 16 },
      { col: 7, width: 32 },
      { col: TABLE.markerColumn, width: 4, hidden: true },
      { col: FOLLOW_UP.columns.status, width: 14, outlineLevel: 1 },
      { col: FOLLOW_UP.columns.perennial, width: 10, outlineLevel: 1 },
      { col: FOLLOW_UP.columns.duration, width: 14, outlineLevel: 1 },
      ...Array.from({ length: FOLLOW_UP.measureCount }, (_, i) => ({
        col: FOLLOW_UP.columns.firstMeasure + i,
        width: 10,
        outlineLevel: 1,
      })),
      { col: FOLLOW_UP.columns.result, width: 16, outlineLevel: 1 },
      { col: FOLLOW_UP.columns.addedValue, width: 36, outlineLevel: 1 },
      { col: FOLLOW_UP.columns.evidence, width: 36, outlineLevel: 1 },
    ],
    rowHeights: [
      { row: 1, height: 24 },
      { row: 2, height: 30 },
      { row: 3, height: 45 },
      { row: 4, height: 28 },
      { row: 5, height: estimateHeight(guide, 250) },
      { row: TABLE.headerRow, height: 45 },
      { row: TABLE.yearRow, height: 30 },
      { row: TABLE.hintRow, height: 64 },
    ],
    cells: markDerived(cells),
    inputs: [
      { range: `A${first}:${lastCol}${last}`, style: "input" },
      // New in this version: an older workbook gets it (formatted and unlocked once) at its next update.
      {
        range: `${followFirst}${first}:${followLast}${last}`,
        style: "input",
        anchor: `${followFirst}${TABLE.headerRow - 1}`,
      },
    ],
    merges: [
      `A1:${lastCol}1`,
      "B2:C2",
      `E2:${lastCol}2`,
      "B3:C3",
      `E3:${lastCol}3`,
      `A4:${lastCol}4`,
      `A5:${lastCol}5`,
      `A${TABLE.headerRow}:A${TABLE.yearRow}`,
      `B${TABLE.headerRow}:B${TABLE.yearRow}`,
      `C${TABLE.headerRow}:C${TABLE.yearRow}`,
      `D${TABLE.headerRow}:D${TABLE.yearRow}`,
      `E${TABLE.headerRow}:F${TABLE.headerRow}`,
      `G${TABLE.headerRow}:G${TABLE.yearRow}`,
      `D${TABLE.hintRow}:F${TABLE.hintRow}`,
      `${followFirst}${TABLE.headerRow - 1}:${followLast}${TABLE.headerRow - 1}`,
      ...(["status", "perennial", "duration", "result", "addedValue", "evidence"] as const).map(
        (k) => `${fcol(k)}${TABLE.headerRow}:${fcol(k)}${TABLE.yearRow}`,
      ),
      `${columnLetters(FOLLOW_UP.columns.firstMeasure)}${TABLE.headerRow}:${measureLast}${TABLE.headerRow}`,
    ],
    validations,
    protect: true,
    freeze: { rows: TABLE.hintRow, cols: 0 },
    print: {
      landscape: true,
      fitToWidth: true,
      titleRows: `${TABLE.headerRow}:${TABLE.hintRow}`,
      area: `A1:${lastCol}${last}`,
      header: printedHeader(n, school),
      footer: { left: "Fiches LDM", center: "Page &P / &N", right: "Imprimé le &D" },
    },
  };
}
