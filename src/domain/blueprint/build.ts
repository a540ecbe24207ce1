/**
 * The blueprint: one declarative description of a correct workbook. Generation writes it; the check
 * compares a workbook with it; the reconciliation computes the edits that bring a workbook back to it.
 * Each sheet's builder has its own file (parameters-sheet, criterion-sheet, lists-sheet, synthesis-sheet).
 */
import { absoluteRange } from "../a1";
import { CRITERIA } from "../referential/criteria";
import { type Criterion } from "../referential/types";
import { DEFAULT_REFERENCE_YEAR, NAMES, PARAMS, REFERENTIAL_VERSION, SHEET_KEYS, leadAddress } from "./layout";
import { synthesisNames, synthesisSheet } from "./synthesis-sheet";
import { type Blueprint, type CompleteBlueprint, type NameBlueprint } from "./types";
import type { Establishments } from "../establishments";
import { parametersSheet } from "./parameters-sheet";
import { criterionSheet } from "./criterion-sheet";
import { listsSheet } from "./lists-sheet";
import { guideSheet } from "./guide-sheet";
import { dossierSheet } from "./dossier-sheet";

export { auditYearHeader, criterionSheetName, guideAxes, guideObjectives } from "./cells";

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

/** What a blueprint is built from besides its content: the establishments Listes holds, or the explicit choice not to. */
export interface WithEstablishments<E extends Establishments | "not-needed" = Establishments | "not-needed"> {
  /**
   * The establishments Listes lists (what the check compares and generation writes), or "not-needed": a
   * blueprint only to know which sheet is which, where the tables lie and what to read (the pane's first
   * screen), typed so that the check, the reconciliation and generation refuse it.
   */
  readonly establishments: E;
}

/**
 * The blueprint of these options: built afresh on every call (immutable data, no cache: #26). A use case
 * builds it once, in the workbook as read.
 */
export function buildBlueprint(options: BlueprintOptions & WithEstablishments<Establishments>): CompleteBlueprint;
export function buildBlueprint(options: BlueprintOptions & WithEstablishments): Blueprint;
export function buildBlueprint(options: BlueprintOptions & WithEstablishments): Blueprint {
  const referenceYear = options.referenceYear ?? DEFAULT_REFERENCE_YEAR;
  const criteria = options.criteria ?? CRITERIA;
  const version = options.referentialVersion ?? REFERENTIAL_VERSION;
  const params = parametersSheet({ ...options, referenceYear }, criteria);
  const criterionSheets = criteria.map((c) => criterionSheet(c, referenceYear, options.auditYear, options.school));
  const synthesis = synthesisSheet(criteria, referenceYear);
  const lists = listsSheet(criteria, version, options.establishments);
  const guide = guideSheet(criteria);
  const dossier = dossierSheet(criteria);
  const p = SHEET_KEYS.parameters;
  const names: NameBlueprint[] = [
    { name: NAMES.school, sheetKey: p, ref: "$B$4" },
    { name: NAMES.headOfSchool, sheetKey: p, ref: "$B$5" },
    { name: NAMES.referenceYear, sheetKey: p, ref: "$B$6" },
    { name: NAMES.auditYear, sheetKey: p, ref: "$B$7" },
    { name: NAMES.labelYear, sheetKey: p, ref: "$B$8" },
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
    ...[params, synthesis, ...criterionSheets, dossier, lists.sheet].map((s) => ({
      name: NAMES.sheet(s.key),
      sheetKey: s.key,
      ref: "$A$1",
    })),
  ];
  return {
    referentialVersion: version,
    referenceYear,
    auditYear: options.auditYear,
    sheets: [params, synthesis, ...criterionSheets, dossier, guide, lists.sheet],
    names,
    establishments: options.establishments === "not-needed" ? "not-needed" : "listed",
  };
}

/** Every input area of the blueprint (on any sheet), once each: where adapters read the cells' lock state. */
export function inputAreas(bp: Blueprint = buildBlueprint({ establishments: "not-needed" })): string[] {
  return [...new Set(bp.sheets.flatMap((s) => s.inputs.map((a) => a.range)))];
}
