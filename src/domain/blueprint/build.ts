/**
 * The blueprint: one declarative description of a correct workbook. Generation writes it; the check
 * compares a workbook with it; the reconciliation computes the edits that bring a workbook back to it.
 */
import { absoluteRange, address, columnLetters } from "../a1";
import { establishmentLabel, establishments } from "../establishments";
import { DIRECTION_LABELS } from "../indicators";
import { CRITERIA } from "../referential/criteria";
import type { Criterion, CriterionNumber } from "../referential/types";
import { LABELS, SHEET_LISTS, SHEET_PARAMETERS } from "./labels";
import {
  AUDIT_YEAR_MAX_OFFSET,
  AUDIT_YEAR_MIN_OFFSET,
  CRITERION_MARKER_ADDRESS,
  DEFAULT_REFERENCE_YEAR,
  LISTS,
  MARKERS,
  NAMES,
  PARAMS,
  REFERENTIAL_VERSION,
  SHEET_KEYS,
  TABLE,
  leadAddress,
  listColumns,
} from "./layout";
import { synthesisNames, synthesisSheet } from "./synthesis-sheet";
import type { Blueprint, InputArea, NameBlueprint, SheetBlueprint, StructureCell, ValidationBlueprint } from "./types";

export interface BlueprintOptions {
  readonly referenceYear?: number;
  readonly auditYear?: number;
  /** The school cell's pre-filled value (« UAI — NOM (COMMUNE) »). */
  readonly school?: string;
  readonly headOfSchool?: string;
  /** The referents of the criteria, in order (criterion 1 first); blanks are left to fill in Paramètres. */
  readonly referents?: readonly string[];
  readonly criteria?: readonly Criterion[];
  readonly referentialVersion?: string;
}

/** The sheet title of a criterion: « C1 Offre de formations » (Excel allows 31 characters). */
export function criterionSheetName(c: Criterion): string {
  return `C${c.number} ${c.shortTitle}`.slice(0, 31);
}

/** Texts offered by a criterion's drop-downs, in the guide's order. */
export function guideAxes(c: Criterion): string[] {
  return c.axes.map((e) => e.text);
}
export function guideObjectives(c: Criterion): string[] {
  return c.objectives.map((e) => e.text);
}

export function auditYearHeader(auditYear: number | undefined): string {
  return LABELS.auditYearPrefix + (auditYear === undefined ? LABELS.auditYearUnset : String(auditYear));
}

function estimateHeight(text: string, charsPerLine: number, lineHeight = 12.75): number {
  const lines = text.split("\n").reduce((sum, l) => sum + Math.max(1, Math.ceil(l.length / charsPerLine)), 0);
  return Math.round(lines * lineHeight + 6);
}

function text(addr: string, value: string, style: StructureCell["style"], derived = false): StructureCell {
  return derived ? { address: addr, text: value, style, derived } : { address: addr, text: value, style };
}

/** Formulas and marked cells are derived content (see StructureCell.derived). */
function markDerived(cells: StructureCell[], all = false): StructureCell[] {
  return cells.map((c) => (all || c.formula !== undefined ? { ...c, derived: true } : c));
}

function parametersSheet(
  opts: Required<Pick<BlueprintOptions, "referenceYear">> & BlueprintOptions,
  criteria: readonly Criterion[],
): SheetBlueprint {
  const cells: StructureCell[] = [
    text("A1", LABELS.parametersTitle, "title"),
    text("A2", LABELS.parametersHint, "reminder"),
    text("A4", LABELS.school, "label"),
    text("A5", LABELS.headOfSchool, "label"),
    text("A6", LABELS.referenceYear, "label"),
    text("A7", LABELS.auditYear, "label"),
    text(`A${PARAMS.leadsTitleRow}`, LABELS.leadsTitle, "sectionTitle"),
    text(`A${PARAMS.ownAxesTitleRow}`, LABELS.ownAxesTitle, "sectionTitle"),
    text(`A${PARAMS.ownAxesFirstRow}`, LABELS.ownListHint, "reminder"),
    text(`A${PARAMS.ownObjectivesTitleRow}`, LABELS.ownObjectivesTitle, "sectionTitle"),
    text(`A${PARAMS.ownObjectivesFirstRow}`, LABELS.ownListHint, "reminder"),
    text(`A${PARAMS.directionsTitleRow}`, LABELS.directionsTitle, "sectionTitle"),
    text(`A${PARAMS.directionsHeaderRow}`, LABELS.directionsHint, "reminder"),
    text(`B${PARAMS.directionsHeaderRow}`, LABELS.directionsIndicator, "tableHeader"),
    text(`C${PARAMS.directionsHeaderRow}`, LABELS.directionsDirection, "tableHeader"),
    text("H1", MARKERS.parameters, "marker", true),
  ];
  for (const c of criteria) {
    cells.push(
      text(
        `A${PARAMS.firstLeadRow + c.number - 1}`,
        `Référent du critère ${c.number} — ${c.shortTitle}`,
        "label",
        true,
      ),
    );
  }
  const values: Record<string, string | number> = { [PARAMS.referenceYear]: opts.referenceYear };
  if (opts.auditYear !== undefined) values[PARAMS.auditYear] = opts.auditYear;
  if (opts.school) values[PARAMS.school] = opts.school;
  if (opts.headOfSchool) values[PARAMS.headOfSchool] = opts.headOfSchool;
  const lastLead = PARAMS.firstLeadRow + criteria.length - 1;
  const leads: Record<string, string> = {};
  criteria.forEach((c, i) => {
    const name = opts.referents?.[i]?.trim();
    if (name) leads[leadAddress(c.number)] = name;
  });
  const axesLast = PARAMS.ownAxesFirstRow + PARAMS.ownItemsCount - 1;
  const objLast = PARAMS.ownObjectivesFirstRow + PARAMS.ownItemsCount - 1;
  const dirFirst = PARAMS.directionsFirstRow;
  const dirLast = PARAMS.directionsFirstRow + PARAMS.directionsCount - 1;
  const inputs: InputArea[] = [
    { range: `${PARAMS.school}:${PARAMS.headOfSchool}`, style: "paramInput", values },
    { range: `${PARAMS.referenceYear}:${PARAMS.auditYear}`, style: "inputYear" },
    {
      range: `B${PARAMS.firstLeadRow}:B${lastLead}`,
      style: "paramInput",
      ...(Object.keys(leads).length ? { values: leads } : {}),
    },
    { range: `B${PARAMS.ownAxesFirstRow}:B${axesLast}`, style: "paramInput" },
    { range: `B${PARAMS.ownObjectivesFirstRow}:B${objLast}`, style: "paramInput" },
    { range: `B${dirFirst}:C${dirLast}`, style: "paramInput", anchor: `A${PARAMS.directionsTitleRow}` },
  ];
  const validations: ValidationBlueprint[] = [
    {
      sqref: PARAMS.school,
      type: "list",
      formula1: NAMES.schools,
      errorStyle: "warning",
      errorTitle: LABELS.validationSchoolTitle,
      error: LABELS.validationSchool,
      purpose: "school",
    },
    {
      sqref: PARAMS.referenceYear,
      type: "whole",
      operator: "between",
      formula1: "2000",
      formula2: "2100",
      errorStyle: "stop",
      errorTitle: LABELS.validationYearTitle,
      error: LABELS.validationReferenceYear,
      purpose: "reference-year",
    },
    {
      sqref: PARAMS.auditYear,
      type: "whole",
      operator: "between",
      formula1: `${NAMES.referenceYear}+${AUDIT_YEAR_MIN_OFFSET}`,
      formula2: `${NAMES.referenceYear}+${AUDIT_YEAR_MAX_OFFSET}`,
      errorStyle: "stop",
      errorTitle: LABELS.validationYearTitle,
      error: LABELS.validationAuditYear,
      purpose: "audit-year",
    },
    {
      sqref: `C${dirFirst}:C${dirLast}`,
      type: "list",
      formula1: NAMES.directionChoices,
      errorStyle: "stop",
      errorTitle: LABELS.validationDirectionTitle,
      error: LABELS.validationDirection,
      purpose: "direction",
    },
  ];
  return {
    key: SHEET_KEYS.parameters,
    role: "parameters",
    name: SHEET_PARAMETERS,
    visibility: "visible",
    marker: { address: "H1", value: MARKERS.parameters },
    columns: [
      { col: 1, width: 42 },
      { col: 2, width: 90 },
      { col: 3, width: 28 },
      { col: 8, width: 4, hidden: true },
    ],
    rowHeights: [
      { row: 1, height: 24 },
      { row: PARAMS.directionsHeaderRow, height: 64 },
    ],
    cells,
    inputs,
    merges: ["A1:B1"],
    validations,
    protect: true,
    print: { landscape: false, fitToWidth: true },
  };
}

function criterionSheet(
  c: Criterion,
  referenceYear: number,
  auditYear: number | undefined,
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
  const lastCol = columnLetters(TABLE.lastColumn);
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
    inputs: [{ range: `A${first}:${lastCol}${last}`, style: "input" }],
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
    ],
    validations,
    protect: true,
    freeze: { rows: TABLE.hintRow, cols: 0 },
    print: {
      landscape: true,
      fitToWidth: true,
      titleRows: `${TABLE.headerRow}:${TABLE.hintRow}`,
      area: `A1:${lastCol}${last}`,
      header: { left: LABELS.sheetTitle(n).replace(/&/g, "&&"), right: (school ?? "").replace(/&/g, "&&") },
      footer: { left: "Fiches LDM", center: "Page &P / &N", right: "Imprimé le &D" },
    },
  };
}

function listsSheet(
  criteria: readonly Criterion[],
  version: string,
): { sheet: SheetBlueprint; names: NameBlueprint[] } {
  // Cell order as before the schools became lazy: the schools' header and the markers, the schools, the rest.
  const head: StructureCell[] = markDerived(
    [
      text(address(1, LISTS.schoolsColumn), LABELS.listsSchools, "listHeader"),
      text(LISTS.markerAddress, MARKERS.lists, "marker"),
      text(LISTS.versionAddress, version, "marker"),
    ],
    true,
  );
  const cells: StructureCell[] = [];
  // The 2,090 schools are read only when someone reads these cells or this name (a check, an update,
  // a generation): knowing which sheet is which, as the pane's first screen does, never needs them.
  let schoolCells: StructureCell[] | undefined;
  const schools = (): StructureCell[] =>
    (schoolCells ??= markDerived(
      establishments().map((e, i) =>
        text(address(LISTS.firstItemRow + i, LISTS.schoolsColumn), establishmentLabel(e), "listItem"),
      ),
      true,
    ));
  const names: NameBlueprint[] = [
    {
      name: NAMES.schools,
      sheetKey: SHEET_KEYS.lists,
      get ref() {
        const bottom = LISTS.firstItemRow + schools().length - 1;
        return absoluteRange({ top: LISTS.firstItemRow, left: 1, bottom, right: 1 });
      },
    },
  ];
  const own = (list: string, i: number) => `IF(INDEX(${list},${i})="","",INDEX(${list},${i}))`;
  for (const c of criteria) {
    const cols = listColumns(c.number);
    const columns: [number, string, string[], string, string][] = [
      [cols.axes, LABELS.listsAxes(c.number), guideAxes(c), NAMES.ownAxes, NAMES.axes(c.number)],
      [
        cols.objectives,
        LABELS.listsObjectives(c.number),
        guideObjectives(c),
        NAMES.ownObjectives,
        NAMES.objectives(c.number),
      ],
    ];
    for (const [colNo, header, items, ownList, name] of columns) {
      cells.push(text(address(1, colNo), header, "listHeader"));
      items.forEach((item, i) => cells.push(text(address(LISTS.firstItemRow + i, colNo), item, "listItem")));
      for (let i = 1; i <= PARAMS.ownItemsCount; i++) {
        cells.push({
          address: address(LISTS.firstItemRow + items.length + i - 1, colNo),
          formula: own(ownList, i),
          result: "",
          style: "listItem",
        });
      }
      const bottom = LISTS.firstItemRow + items.length + PARAMS.ownItemsCount - 1;
      names.push({
        name,
        sheetKey: SHEET_KEYS.lists,
        ref: absoluteRange({ top: LISTS.firstItemRow, left: colNo, bottom, right: colNo }),
      });
    }
  }
  cells.push(text(address(1, LISTS.directionsColumn), LABELS.listsDirections, "listHeader"));
  (["higher", "lower"] as const).forEach((d, i) =>
    cells.push(text(address(LISTS.firstItemRow + i, LISTS.directionsColumn), DIRECTION_LABELS[d], "listItem")),
  );
  names.push({
    name: NAMES.directionChoices,
    sheetKey: SHEET_KEYS.lists,
    ref: absoluteRange({
      top: LISTS.firstItemRow,
      left: LISTS.directionsColumn,
      bottom: LISTS.firstItemRow + 1,
      right: LISTS.directionsColumn,
    }),
  });
  names.push({ name: NAMES.version, sheetKey: SHEET_KEYS.lists, ref: "$Z$2" });
  const rest = markDerived(cells, true);
  let all: StructureCell[] | undefined;
  const sheet: SheetBlueprint = {
    key: SHEET_KEYS.lists,
    role: "lists",
    name: SHEET_LISTS,
    visibility: "veryHidden",
    marker: { address: LISTS.markerAddress, value: MARKERS.lists },
    columns: [{ col: 1, width: 60 }],
    rowHeights: [],
    get cells() {
      return (all ??= [...head, ...schools(), ...rest]);
    },
    inputs: [],
    merges: [],
    validations: [],
    protect: true,
  };
  return { sheet, names };
}

const cache = new Map<string, Blueprint>();

/** Blueprints are immutable data: the ones built from the guide's own criteria are kept and shared. */
export function buildBlueprint(options: BlueprintOptions = {}): Blueprint {
  if (options.criteria !== undefined && options.criteria !== CRITERIA) return makeBlueprint(options);
  const key = JSON.stringify([
    options.referenceYear,
    options.auditYear,
    options.school,
    options.headOfSchool,
    options.referents,
    options.referentialVersion,
  ]);
  let bp = cache.get(key);
  if (!bp) {
    if (cache.size > 50) cache.clear();
    bp = makeBlueprint(options);
    cache.set(key, bp);
  }
  return bp;
}

function makeBlueprint(options: BlueprintOptions): Blueprint {
  const referenceYear = options.referenceYear ?? DEFAULT_REFERENCE_YEAR;
  const criteria = options.criteria ?? CRITERIA;
  const version = options.referentialVersion ?? REFERENTIAL_VERSION;
  const params = parametersSheet({ ...options, referenceYear }, criteria);
  const criterionSheets = criteria.map((c) => criterionSheet(c, referenceYear, options.auditYear, options.school));
  const synthesis = synthesisSheet(criteria, referenceYear);
  const lists = listsSheet(criteria, version);
  const p = SHEET_KEYS.parameters;
  const names: NameBlueprint[] = [
    { name: NAMES.school, sheetKey: p, ref: "$B$4" },
    { name: NAMES.headOfSchool, sheetKey: p, ref: "$B$5" },
    { name: NAMES.referenceYear, sheetKey: p, ref: "$B$6" },
    { name: NAMES.auditYear, sheetKey: p, ref: "$B$7" },
    ...criteria.map((c) => ({
      name: NAMES.lead(c.number),
      sheetKey: p,
      ref: leadAddress(c.number).replace(/([A-Z]+)(\d+)/, "$$$1$$$2"),
    })),
    {
      name: NAMES.ownAxes,
      sheetKey: p,
      ref: absoluteRange({
        top: PARAMS.ownAxesFirstRow,
        left: 2,
        bottom: PARAMS.ownAxesFirstRow + PARAMS.ownItemsCount - 1,
        right: 2,
      }),
    },
    {
      name: NAMES.ownObjectives,
      sheetKey: p,
      ref: absoluteRange({
        top: PARAMS.ownObjectivesFirstRow,
        left: 2,
        bottom: PARAMS.ownObjectivesFirstRow + PARAMS.ownItemsCount - 1,
        right: 2,
      }),
    },
    {
      name: NAMES.directions,
      sheetKey: p,
      ref: absoluteRange({
        top: PARAMS.directionsFirstRow,
        left: PARAMS.valueColumn,
        bottom: PARAMS.directionsFirstRow + PARAMS.directionsCount - 1,
        right: PARAMS.valueColumn + 1,
      }),
    },
    ...lists.names,
    ...synthesisNames(criteria),
    ...[params, synthesis, ...criterionSheets, lists.sheet].map((s) => ({
      name: NAMES.sheet(s.key),
      sheetKey: s.key,
      ref: "$A$1",
    })),
  ];
  return {
    referentialVersion: version,
    referenceYear,
    auditYear: options.auditYear,
    sheets: [params, synthesis, ...criterionSheets, lists.sheet],
    names,
  };
}

/** The blueprint's sheet for a criterion. */
export function criterionSheetBlueprint(bp: Blueprint, n: CriterionNumber): SheetBlueprint | undefined {
  return bp.sheets.find((s) => s.criterion === n);
}

/**
 * Every area the blueprint puts a drop-down on (criterion inputs, Paramètres cells), once each: what an
 * adapter that cannot list a sheet's validations (Office.js) probes.
 */
export function validationAreas(bp: Blueprint = buildBlueprint()): string[] {
  return [...new Set(bp.sheets.flatMap((s) => s.validations.map((v) => v.sqref)))];
}

/** Every input area of the blueprint (on any sheet), once each: where adapters read the cells' lock state. */
export function inputAreas(bp: Blueprint = buildBlueprint()): string[] {
  return [...new Set(bp.sheets.flatMap((s) => s.inputs.map((a) => a.range)))];
}
