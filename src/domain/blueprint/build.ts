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
import { type Blueprint, type NameBlueprint } from "./types";
import { parametersSheet } from "./parameters-sheet";
import { criterionSheet, printedHeader } from "./criterion-sheet";
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

const cache = new Map<string, Blueprint>();

/**
 * Blueprints are immutable data: the ones built from the guide's own criteria are kept and shared. The school
 * changes from one workbook to the next (a check over 2,090 files): the blueprint is kept without it, and the
 * two things the school changes — Paramètres' pre-filled cell, the fiches' printed header — are laid on it.
 */
export function buildBlueprint(options: BlueprintOptions = {}): Blueprint {
  if (options.criteria !== undefined && options.criteria !== CRITERIA) return makeBlueprint(options);
  const key = JSON.stringify([
    options.referenceYear,
    options.auditYear,
    options.headOfSchool,
    options.referents,
    options.referentialVersion,
  ]);
  let bp = cache.get(key);
  if (!bp) {
    if (cache.size > 50) cache.clear();
    bp = makeBlueprint({ ...options, school: undefined });
    cache.set(key, bp);
  }
  return options.school ? withSchool(bp, options, CRITERIA) : bp;
}

/** The blueprint `bp` (built without a school) for `options.school`: what makeBlueprint would build with it. */
function withSchool(bp: Blueprint, options: BlueprintOptions, criteria: readonly Criterion[]): Blueprint {
  const sheets = bp.sheets.map((sb) => {
    if (sb.role === "parameters") return parametersSheet({ ...options, referenceYear: bp.referenceYear }, criteria);
    if (sb.role !== "criterion" || !sb.print || sb.criterion === undefined) return sb;
    return { ...sb, print: { ...sb.print, header: printedHeader(sb.criterion, options.school) } };
  });
  return { ...bp, sheets };
}

function makeBlueprint(options: BlueprintOptions): Blueprint {
  const referenceYear = options.referenceYear ?? DEFAULT_REFERENCE_YEAR;
  const criteria = options.criteria ?? CRITERIA;
  const version = options.referentialVersion ?? REFERENTIAL_VERSION;
  const params = parametersSheet({ ...options, referenceYear }, criteria);
  const criterionSheets = criteria.map((c) => criterionSheet(c, referenceYear, options.auditYear, options.school));
  const synthesis = synthesisSheet(criteria, referenceYear);
  const lists = listsSheet(criteria, version);
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
  };
}

/** Every input area of the blueprint (on any sheet), once each: where adapters read the cells' lock state. */
export function inputAreas(bp: Blueprint = buildBlueprint()): string[] {
  return [...new Set(bp.sheets.flatMap((s) => s.inputs.map((a) => a.range)))];
}
