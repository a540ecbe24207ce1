/** Rules on the workbook's parameters, shared by generation, the check and the task pane. */
import { AUDIT_YEAR_MAX_OFFSET, AUDIT_YEAR_MIN_OFFSET, LABEL_YEARS } from "./blueprint/layout";

export function auditYearBounds(referenceYear: number): { min: number; max: number } {
  return { min: referenceYear + AUDIT_YEAR_MIN_OFFSET, max: referenceYear + AUDIT_YEAR_MAX_OFFSET };
}

/** Why an audit year is refused, in French, or undefined when it is fine. */
export function auditYearProblem(referenceYear: number, auditYear: number): string | undefined {
  const { min, max } = auditYearBounds(referenceYear);
  if (!Number.isInteger(auditYear)) return `L'année de l'audit doit être une année entière (ex. ${min + 2}).`;
  if (auditYear < min || auditYear > max) {
    return `L'année de l'audit ${auditYear} est hors de la période du label : entre ${min} et ${max} pour l'année de référence ${referenceYear}.`;
  }
  return undefined;
}

export function referenceYearProblem(referenceYear: number): string | undefined {
  if (!Number.isInteger(referenceYear) || referenceYear < 2000 || referenceYear > 2100) {
    return `L'année de référence ${referenceYear} n'est pas plausible (entre 2000 et 2100).`;
  }
  return undefined;
}

/** What Paramètres says of the label: obtained a given year, or a first application (« candidature »). */
export type LabelStatus = { readonly obtained: number } | { readonly candidature: true };

/** Reads the label cell: a year, « candidature » (any case), or undefined when it says neither. */
export function labelStatusOf(value: string | number | boolean | undefined): LabelStatus | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return { obtained: value };
  const text = String(value ?? "").trim();
  if (/^\d{4}$/.test(text)) return { obtained: Number(text) };
  if (/^candidature$/i.test(text)) return { candidature: true };
  return undefined;
}

/**
 * Why the audit year does not fit the label's period, in French, or undefined. The label is granted for five
 * years: the audit that renews it comes after the year it was obtained and at the latest its fifth year.
 */
export function labelPeriodProblem(label: LabelStatus, auditYear: number): string | undefined {
  if (!("obtained" in label)) return undefined;
  const end = label.obtained + LABEL_YEARS;
  if (auditYear <= label.obtained)
    return `L'année de l'audit ${auditYear} ne vient pas après l'obtention du label (${label.obtained}) : l'audit de renouvellement a lieu entre ${label.obtained + 1} et ${end}.`;
  if (auditYear > end)
    return `L'année de l'audit ${auditYear} tombe après la fin du label obtenu en ${label.obtained} (accordé pour ${LABEL_YEARS} ans, jusqu'en ${end}) : l'audit de renouvellement doit avoir lieu au plus tard en ${end}.`;
  return undefined;
}
