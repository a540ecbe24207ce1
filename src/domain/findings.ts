/** Findings: what the check reports, and the catalogue of its rules (documented in docs/rules.md). */
import type { CriterionNumber } from "./referential/types";

export type Severity = "error" | "warning" | "info";

export const RULES = {
  "sheet-missing": "error",
  "lists-damaged": "error",
  "validation-missing": "error",
  "header-missing": "error",
  "uai-invalid": "error",
  "audit-year-invalid": "error",
  "axis-unknown": "error",
  "axis-other-criterion": "warning",
  "objective-unknown": "error",
  "objective-other-criterion": "error",
  "row-incomplete": "warning",
  "value-missing": "error",
  "value-type": "error",
  "indicator-wrong-way": "warning",
  "cell-error": "error",
  "sheet-empty": "warning",
  "row-duplicate": "warning",
  "text-too-long": "warning",
  "outlook-missing": "info",
  "structure-altered": "warning",
  "input-locked": "warning",
  "protection-off": "warning",
  "structure-incomplete": "warning",
  "header-outdated": "warning",
  "evidence-missing": "warning",
  "follow-up-missing": "warning",
  "engagement-measure-missing": "error",
  "status-unknown": "warning",
  "label-period": "error",
  "duration-implausible": "warning",
  "evidence-link": "warning",
  "dossier-incomplete": "info",
  "action-evaluation-missing": "warning",
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof RULES;

/** Each rule in a few French words, shown beside its stable id (docs/rules.md has the same labels). */
export const RULE_LABELS: Record<RuleId, string> = {
  "sheet-missing": "feuille manquante",
  "lists-damaged": "listes abîmées",
  "validation-missing": "liste déroulante manquante",
  "header-missing": "en-tête manquant",
  "uai-invalid": "UAI invalide",
  "audit-year-invalid": "année de l'audit invalide",
  "axis-unknown": "axe inconnu",
  "axis-other-criterion": "axe d'un autre critère",
  "objective-unknown": "objectif inconnu",
  "objective-other-criterion": "objectif d'un autre critère",
  "row-incomplete": "ligne incomplète",
  "value-missing": "valeur manquante",
  "value-type": "valeur d'un autre type",
  "indicator-wrong-way": "indicateur dans le mauvais sens",
  "cell-error": "cellule en erreur",
  "sheet-empty": "fiche vide",
  "row-duplicate": "ligne en double",
  "text-too-long": "texte trop long",
  "outlook-missing": "perspectives absentes",
  "structure-altered": "structure modifiée",
  "input-locked": "saisie verrouillée",
  "protection-off": "feuille non protégée",
  "structure-incomplete": "modèle incomplet",
  "header-outdated": "en-tête imprimé à réécrire",
  "evidence-missing": "preuve manquante",
  "follow-up-missing": "suivi manquant",
  "engagement-measure-missing": "mesure à N manquante",
  "status-unknown": "statut inconnu",
  "label-period": "période du label",
  "duration-implausible": "durée peu plausible",
  "evidence-link": "lien invalide",
  "dossier-incomplete": "dossier à compléter",
  "action-evaluation-missing": "action non évaluée",
};

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** The sheet's title as the workbook has it (or the title it should have when it is missing). */
  readonly sheet: string;
  /** A1 address or range (« B7 », « A12:A15 »), empty for a finding on the whole sheet or workbook. */
  readonly cell: string;
  readonly criterion?: CriterionNumber;
  readonly message: string;
}

export function finding(
  rule: RuleId,
  sheet: string,
  cell: string,
  message: string,
  criterion?: CriterionNumber,
  severity: Severity = RULES[rule],
): Finding {
  return criterion === undefined
    ? { rule, severity, sheet, cell, message }
    : { rule, severity, sheet, cell, criterion, message };
}

/** Every severity, the most serious first. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** A severity's place in {@link SEVERITIES}: the one order, said once. */
const SEVERITY_ORDER = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

export interface FindingCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function severityRank(s: Severity): number {
  return SEVERITY_ORDER[s];
}
