/** What an indicator's wording tells about its values. */
import type { CellSnapshot } from "./snapshot";
import { listKey } from "./text";
import {
  GUIDE_INDICATOR_PROFILES,
  type Direction,
  type IndicatorKind,
  type IndicatorProfile,
} from "./referential/indicator-profiles";

export type { Direction, IndicatorKind } from "./referential/indicator-profiles";

let profiles: Map<string, IndicatorProfile> | undefined;
/** The reviewed profile of one of the guide's own example indicators (by its list key), if it is one. */
export function guideProfile(wording: string): IndicatorProfile | undefined {
  profiles ??= new Map(Object.entries(GUIDE_INDICATOR_PROFILES).map(([text, p]) => [listKey(text), p]));
  return profiles.get(listKey(wording));
}

/**
 * The guide's own indicators: their reviewed kind. A school's own: from the words — « Taux … » and
 * « Pourcentage … » want a percentage, « Nombre … » a whole number, « Montant / Budget … » an amount.
 */
export function indicatorKind(wording: string): IndicatorKind {
  const known = guideProfile(wording);
  if (known) return known.kind;
  const k = listKey(wording);
  if (/^(taux|pourcentage|part|proportion)\b/.test(k) || k.includes("%")) return "percentage";
  if (/^(nombre|nb)\b/.test(k)) return "count";
  if (/^(montant|budget)\b/.test(k)) return "amount";
  return "free";
}

const KIND_WORDS: Record<Exclude<IndicatorKind, "free">, string> = {
  percentage: "un pourcentage entre 0 et 100 %",
  ratio: "un taux positif ou nul (il peut dépasser 100 %)",
  count: "un nombre entier positif ou nul",
  countOrRate: "un nombre entier ou un taux, positif ou nul",
  amount: "un montant positif ou nul",
};

export function kindWords(kind: Exclude<IndicatorKind, "free">): string {
  return KIND_WORDS[kind];
}

/** Whether a cell value fits the indicator's kind. A percentage is 0–1 with a « % » format, or 0–100 without. */
export function valueFits(kind: IndicatorKind, value: string | number | boolean, numberFormat?: string): boolean {
  if (kind === "free") return true;
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  switch (kind) {
    case "percentage":
      return numberFormat?.includes("%") ? value >= 0 && value <= 1 + 1e-9 : value >= 0 && value <= 100;
    case "count":
      return value >= 0 && Number.isInteger(value);
    case "ratio":
    case "amount":
      return value >= 0;
    case "countOrRate":
      return numberFormat?.includes("%") ? value >= 0 && value <= 1 + 1e-9 : value >= 0;
  }
}

/** Whether a higher value of the indicator is progress, or a lower one. */

/** The words of the « Sens des indicateurs » drop-down (Paramètres), one per direction. */
export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = {
  higher: "Une hausse est un progrès",
  lower: "Une baisse est un progrès",
};

/** The direction a label of the drop-down names, or undefined for anything else. */
export function directionOfLabel(text: string): Direction | undefined {
  const k = listKey(text);
  if (k === listKey(DIRECTION_LABELS.higher)) return "higher";
  if (k === listKey(DIRECTION_LABELS.lower)) return "lower";
  return undefined;
}

/** Words that make a lower value the better one, for a school's own indicators (« Taux d'absentéisme », « Nombre d'exclusions »…). */
const LOWER_IS_BETTER = [
  "absentéisme",
  "absence",
  "exclusion",
  "décrochage",
  "décrocheur",
  "abandon",
  "rupture",
  "redoublement",
  "retard",
  "sanction",
  "incident",
  "conseil de discipline",
  "sortie sans diplôme",
  "sortants sans",
  "échec",
];

/** The school's own directions, by the indicator's list key (see text.ts). */
export type DirectionOverrides = ReadonlyMap<string, Direction>;

/**
 * Whether the indicator is better high or low: what the school said in Paramètres › « Sens des
 * indicateurs » if it did, else from the wording.
 */
export function indicatorDirection(wording: string, overrides?: DirectionOverrides): Direction {
  const k = listKey(wording);
  const said = overrides?.get(k);
  if (said) return said;
  const known = guideProfile(wording);
  if (known) return known.direction;
  return LOWER_IS_BETTER.some((w) => k.includes(w)) ? "lower" : "higher";
}

/**
 * A value on the indicator's own scale, to compare two years: a percentage typed « 12 % » (0.12 with
 * a « % » format) and one typed « 8 » (0–100) are 12 and 8.
 */
function comparableValue(kind: IndicatorKind, c: CellSnapshot): number {
  const share = kind === "percentage" || kind === "ratio" || kind === "countOrRate";
  return share && c.nf?.includes("%") ? (c.v as number) * 100 : (c.v as number);
}

/**
 * Two values of the indicator on its own scale, and the direction it should go; undefined when either is not
 * a number (nothing to compare).
 */
function compared(
  wording: string,
  first: CellSnapshot | undefined,
  second: CellSnapshot | undefined,
  overrides?: DirectionOverrides,
): { first: number; second: number; direction: Direction } | undefined {
  if (first?.t !== "n" || second?.t !== "n") return undefined;
  const kind = indicatorKind(wording);
  return {
    first: comparableValue(kind, first),
    second: comparableValue(kind, second),
    direction: indicatorDirection(wording, overrides),
  };
}

/**
 * The direction the indicator should go, when its audit-year value goes the other way from the reference
 * value; undefined when it does not, or when either value is not a number.
 */
export function wrongWay(
  wording: string,
  reference: CellSnapshot | undefined,
  audit: CellSnapshot | undefined,
  overrides?: DirectionOverrides,
): Direction | undefined {
  const c = compared(wording, reference, audit, overrides);
  if (!c) return undefined;
  const wrong = c.direction === "higher" ? c.second < c.first : c.second > c.first;
  return wrong ? c.direction : undefined;
}

/**
 * Whether the result measured in the audit year reaches the target set for it (the seed's audit-year column),
 * in the indicator's direction: at or above it when higher is better, at or below it when lower is. Undefined
 * when either is not a number: nothing to compare.
 */
export function targetReached(
  wording: string,
  target: CellSnapshot | undefined,
  result: CellSnapshot | undefined,
  overrides?: DirectionOverrides,
): boolean | undefined {
  const c = compared(wording, target, result, overrides);
  if (!c) return undefined;
  return c.direction === "higher" ? c.second >= c.first : c.second <= c.first;
}
