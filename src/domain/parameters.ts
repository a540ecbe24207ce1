/** Rules on the workbook's parameters, shared by generation, the check and the task pane. */
import { AUDIT_YEAR_MAX_OFFSET, AUDIT_YEAR_MIN_OFFSET } from "./blueprint/layout";

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
