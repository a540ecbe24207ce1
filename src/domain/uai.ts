/**
 * UAI (Unité administrative immatriculée): 7 characters — digits, except that Corsica's
 * départements write « 2A » / « 2B » in positions 2–3 — then a check letter. The letter is
 * `ABCDEFGHJKLMNPRSTUVWXYZ[n mod 23]` where n is the 7-character code read as a number
 * (all 7 characters are digits in the mainland codes this product targets).
 */
const CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

export type UaiProblem = "empty" | "format" | "check-letter";

export interface UaiVerdict {
  readonly ok: boolean;
  /** The code normalised: trimmed, upper case. */
  readonly uai: string;
  readonly problem?: UaiProblem;
  /** The letter the 7 digits call for, when the format is right. */
  readonly expectedLetter?: string;
}

export function uaiCheckLetter(digits: string): string {
  if (!/^\d{7}$/.test(digits)) throw new RangeError(`UAI digits expected, got ${digits}`);
  return CHECK_LETTERS[Number(digits) % 23];
}

export function checkUai(raw: string): UaiVerdict {
  const uai = raw.trim().toUpperCase();
  if (uai === "") return { ok: false, uai, problem: "empty" };
  const m = /^(\d{7})([A-Z])$/.exec(uai);
  if (!m) return { ok: false, uai, problem: "format" };
  const expectedLetter = uaiCheckLetter(m[1]);
  if (expectedLetter !== m[2]) return { ok: false, uai, problem: "check-letter", expectedLetter };
  return { ok: true, uai, expectedLetter };
}

/** A French sentence explaining why a UAI is refused. */
export function uaiProblemMessage(verdict: UaiVerdict): string {
  switch (verdict.problem) {
    case undefined:
      return "";
    case "empty":
      return "UAI vide : saisissez les 7 chiffres et la lettre de contrôle (ex. 0130064Z).";
    case "format":
      return `UAI « ${verdict.uai} » mal formé : 7 chiffres puis une lettre attendus (ex. 0130064Z).`;
    case "check-letter":
      return `UAI « ${verdict.uai} » : la lettre de contrôle devrait être « ${verdict.expectedLetter} ».`;
  }
}
