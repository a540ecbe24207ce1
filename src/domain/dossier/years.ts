/**
 * An action's own years. The guide's « Mesure début (N) », « Mesure suivi (N+3) », « Mesure fin (N+5) » are the
 * measures at the start, in the middle and at the end OF THE ACTION (« Mesure au début de l'action », « au
 * milieu », « en fin d'action »), not the workbook's calendar years. The action's years come from its follow-up:
 * its « Durée » names them (« 2026-2028 », « depuis 2026, 3 ans ») or counts them (« 3 ans », 3) from the
 * reference year N; nothing after the audit year is printed (the dossier is read at the audit).
 */
import type { IndicatorLine } from "./content";

/** What a « Durée » cell says: a first year, a last year, a number of years — any of them. */
export interface DurationWords {
  readonly start?: number;
  readonly end?: number;
  readonly years?: number;
}

/** « 2025-2027 », « 2025 à 2027 », « 2025/2027 » → 2025…2027; « depuis 2026 » → 2026; « 3 ans », « 3 » → 3 years. */
export function durationWords(text: string): DurationWords {
  const s = text.trim();
  const span = /\b(20\d\d)\s*(?:-|–|à|a|\/|>|→)+\s*(20\d\d)\b/.exec(s);
  if (span) return { start: Number(span[1]), end: Number(span[2]) };
  const year = /\b(20\d\d)\b/.exec(s);
  const count = /(?:^|\s)(\d{1,2})(?:[.,]\d+)?\s*(?:ans?|années?)?\s*$/i.exec(s.replace(/\b20\d\d\b/, ""));
  const years = count ? Number(count[1]) : undefined;
  return {
    ...(year ? { start: Number(year[1]) } : {}),
    ...(years !== undefined && years > 0 ? { years } : {}),
  };
}

/** The years an action's table shows: where it starts and ends (capped at the audit), and the guide's three. */
export interface ActionYears {
  /** First year of the action (never before N, the first year the workbook measures). */
  readonly start: number;
  /** Its last year as planned (may be after the audit). */
  readonly end: number;
  /** The last year the dossier shows for it: its end, or the audit year when the audit comes first. */
  readonly shownEnd: number;
  /** « Mesure début »: the start year. */
  readonly begin: number;
  /** « Mesure suivi »: the middle year, when the action spans three years or more before the audit. */
  readonly middle?: number;
  /** « Mesure fin »: the last shown year, when it is not the start year. */
  readonly finish?: number;
  /** Whether the duration named the years (else they are counted from N). */
  readonly yearsSaid: boolean;
}

/** The last year the workbook measures: N+5. */
function lastMeasured(referenceYear: number): number {
  return referenceYear + 5;
}

export function actionYears(duration: string, referenceYear: number, auditYear: number | undefined): ActionYears {
  const w = durationWords(duration);
  const limit = Math.min(auditYear ?? lastMeasured(referenceYear), lastMeasured(referenceYear));
  const start = Math.min(Math.max(w.start ?? referenceYear, referenceYear), limit);
  const planned = w.end ?? (w.years !== undefined ? start + w.years - 1 : limit);
  const end = Math.max(planned, start);
  const shownEnd = Math.min(end, limit);
  const span = shownEnd - start;
  return {
    start,
    end,
    shownEnd,
    begin: start,
    ...(span >= 2 ? { middle: start + Math.ceil(span / 2) } : {}),
    ...(span >= 1 ? { finish: shownEnd } : {}),
    yearsSaid: w.start !== undefined,
  };
}

/** The value of a line in `year`: N's column, a follow-up measure (N+1 … N+5), else empty. */
export function measureIn(line: IndicatorLine, year: number, referenceYear: number): string {
  if (year === referenceYear) return line.reference;
  const i = year - referenceYear - 1;
  return i >= 0 && i < line.measures.length ? line.measures[i] : "";
}

/** The value the guide's column shows for `year`: the year's measure, else the audit's result in the audit year. */
export function shownMeasure(
  line: IndicatorLine,
  year: number,
  referenceYear: number,
  auditYear: number | undefined,
): string {
  return measureIn(line, year, referenceYear) || (year === auditYear ? line.result : "");
}

/**
 * Every year of a line, N up to the audit (or N+5 without one): its measure, empty when not typed; a year
 * after the audit only when something was typed there.
 */
export function yearlyMeasures(
  line: IndicatorLine,
  referenceYear: number,
  auditYear: number | undefined,
): { readonly year: number; readonly value: string }[] {
  const limit = Math.min(auditYear ?? lastMeasured(referenceYear), lastMeasured(referenceYear));
  const out: { year: number; value: string }[] = [];
  for (let y = referenceYear; y <= lastMeasured(referenceYear); y++) {
    const value = measureIn(line, y, referenceYear);
    if (y <= limit || value) out.push({ year: y, value });
  }
  return out;
}
