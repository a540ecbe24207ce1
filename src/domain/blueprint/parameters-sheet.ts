/** The blueprint of « Paramètres »: the school, the years, the referents, the school's own lists and directions. */
import { type Criterion } from "../referential/types";
import { LABELS, SHEET_PARAMETERS } from "./labels";
import {
  AUDIT_YEAR_MAX_OFFSET,
  AUDIT_YEAR_MIN_OFFSET,
  MARKERS,
  NAMES,
  PARAMS,
  SHEET_KEYS,
  leadAddress,
} from "./layout";
import { type InputArea, type SheetBlueprint, type StructureCell, type ValidationBlueprint } from "./types";
import { text } from "./cells";
import { BlueprintOptions } from "./build";

export function parametersSheet(
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
    text("A8", LABELS.labelYear, "label"),
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
    // New in this version: an older workbook gets the cell (formatted and unlocked once) at its next update.
    { range: PARAMS.labelYear, style: "paramInput", anchor: "A8" },
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
