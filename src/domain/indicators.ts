/** What an indicator's wording tells about its values. */
import { listKey } from "./text";

export type IndicatorKind = "percentage" | "count" | "amount" | "free";

/** « Taux … » and « Pourcentage … » want a percentage, « Nombre … » a whole number, « Montant / Budget … » an amount. */
export function indicatorKind(wording: string): IndicatorKind {
  const k = listKey(wording);
  if (/^(taux|pourcentage|part|proportion)\b/.test(k) || k.includes("%")) return "percentage";
  if (/^(nombre|nb)\b/.test(k)) return "count";
  if (/^(montant|budget)\b/.test(k)) return "amount";
  return "free";
}

const KIND_WORDS: Record<Exclude<IndicatorKind, "free">, string> = {
  percentage: "un pourcentage entre 0 et 100 %",
  count: "un nombre entier positif ou nul",
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
    case "amount":
      return value >= 0;
  }
}
