/** Where things are in the generated workbook. The check and the reconciliation read the same numbers. */
import type { CriterionNumber } from "../referential/types";

export const REFERENTIAL_VERSION = "2025-01";
export const DEFAULT_REFERENCE_YEAR = 2025;
/** The audit comes 1 to 5 years after the reference year (the label is granted for 5 years). */
export const AUDIT_YEAR_MIN_OFFSET = 1;
export const AUDIT_YEAR_MAX_OFFSET = 5;
/** The label is granted for five years (seed 003: « pour une période 5 ans »). */
export const LABEL_YEARS = 5;

export const PARAMS = {
  school: "B4",
  headOfSchool: "B5",
  referenceYear: "B6",
  auditYear: "B7",
  /** The year the label was obtained, or « candidature » for a first application. */
  labelYear: "B8",
  leadsTitleRow: 9,
  firstLeadRow: 10,
  ownAxesTitleRow: 19,
  ownAxesFirstRow: 20,
  ownObjectivesTitleRow: 42,
  ownObjectivesFirstRow: 43,
  ownItemsCount: 20,
  /** « Sens des indicateurs »: the school's overrides, indicator wording in B and its direction in C. */
  directionsTitleRow: 65,
  directionsHeaderRow: 66,
  directionsFirstRow: 67,
  directionsCount: 20,
  valueColumn: 2,
} as const;

export function leadAddress(n: CriterionNumber): string {
  return `B${PARAMS.firstLeadRow + n - 1}`;
}

/** The criterion table: header on rows 7–8, hints on row 9, input rows from 10. */
export const TABLE = {
  headerRow: 7,
  yearRow: 8,
  hintRow: 9,
  firstRow: 10,
  rowCount: 100,
  columns: { axis: 1, objective: 2, action: 3, indicator: 4, reference: 5, audit: 6, outlook: 7 },
  lastColumn: 7,
  markerColumn: 8,
} as const;

/**
 * The follow-up of each action over the label's years, beside the seed's seven columns (after the hidden
 * marker column), out of the fiche's print area: its status, whether it lasts, its duration, one measure per
 * year after the reference year, the result at the audit (the seed's audit column is the target), its added
 * value, its evidence.
 */
export const FOLLOW_UP = {
  columns: { status: 9, perennial: 10, duration: 11, firstMeasure: 12, result: 17, addedValue: 18, evidence: 19 },
  /** Measures: the five school years after the reference year (the label's period). */
  measureCount: 5,
  firstColumn: 9,
  lastColumn: 19,
} as const;

/**
 * The measures' columns, in order (firstMeasure …): a row's measures are read with `map` over them (#28: an
 * `Array.from({ length })` per row was over half the time the dossier spent gathering a fiche's actions).
 */
export const MEASURE_COLUMNS: readonly number[] = Array.from(
  { length: FOLLOW_UP.measureCount },
  (_, i) => FOLLOW_UP.columns.firstMeasure + i,
);

export const STATUS_CHOICES = ["Action", "Engagement"] as const;
export const PERENNIAL_CHOICES = ["oui", "non"] as const;

export type TableColumn = keyof typeof TABLE.columns;

/**
 * What people may still do on a protected sheet of ours (docs/decisions.md §4): insert and delete rows,
 * sort, filter, format. Every writer applies exactly this list: the .xlsx writers and the Office adapter.
 */
export const PROTECTION_ALLOWS = [
  "formatCells",
  "formatColumns",
  "formatRows",
  "insertRows",
  "deleteRows",
  "sort",
  "autoFilter",
] as const;
export type ProtectionPermission = (typeof PROTECTION_ALLOWS)[number];

/** Where every criterion sheet carries its hidden marker (column H, row 1). */
export const CRITERION_MARKER_ADDRESS = "H1";

export const LISTS = {
  schoolsColumn: 1,
  /** The two directions the « Sens des indicateurs » drop-down offers. */
  directionsColumn: 18,
  /** The follow-up's two drop-downs: « Action / Engagement », « oui / non ». */
  statusColumn: 19,
  perennialColumn: 20,
  firstItemRow: 2,
  markerAddress: "Z1",
  versionAddress: "Z2",
} as const;

/** Listes: column of criterion n's axes, and of its objectives right after it. */
export function listColumns(n: CriterionNumber): { axes: number; objectives: number } {
  return { axes: 2 * n, objectives: 2 * n + 1 };
}

export const NAMES = {
  school: "Etablissement",
  headOfSchool: "ChefEtablissement",
  referenceYear: "AnneeReference",
  auditYear: "AnneeAudit",
  labelYear: "AnneeLabel",
  lead: (n: CriterionNumber) => `Referent_C${n}`,
  ownAxes: "AxesEtablissement",
  ownObjectives: "ObjectifsEtablissement",
  /** Paramètres' direction table (two columns: indicator, direction). */
  directions: "SensIndicateurs",
  directionChoices: "ChoixSens",
  statusChoices: "ChoixStatut",
  perennialChoices: "ChoixPerenne",
  schools: "Etablissements",
  axes: (n: CriterionNumber) => `Axes_C${n}`,
  objectives: (n: CriterionNumber) => `Objectifs_C${n}`,
  version: "LDM_Version",
  sheet: (key: string) => `LDM_Feuille_${key}`,
} as const;

export const MARKERS = {
  parameters: "ldm:parametres",
  lists: "ldm:listes",
  synthesis: "ldm:synthese",
  guide: "ldm:guide",
  dossier: "ldm:dossier",
  criterion: (n: CriterionNumber) => `ldm:critere:${n}`,
} as const;

export const SHEET_KEYS = {
  parameters: "parametres",
  lists: "listes",
  criterion: (n: CriterionNumber) => `c${n}`,
} as const;
