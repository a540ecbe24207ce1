/** Text comparison as users expect it of a drop-down value; values shown as the sheet shows them. */
import type { CellSnapshot } from "./snapshot";

/**
 * The key two texts share when a user would call them the same list entry: case, repeated or
 * non-breaking spaces and the apostrophe style (’ vs ') are ignored — nothing else (accents count).
 */
export function listKey(s: string): string {
  // The same few thousand texts (the guide's lists, a school's rows) come back for every row of every workbook
  // a check reads: remembered (#28: 15 % of a filled workbook's check went here).
  const known = LIST_KEYS.get(s);
  if (known !== undefined) return known;
  const key = s
    .normalize("NFC")
    .replace(/[\u00A0\u202F\u2007]/g, " ")
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLocaleLowerCase("fr");
  if (LIST_KEYS.size >= MAX_LIST_KEYS) LIST_KEYS.clear();
  LIST_KEYS.set(s, key);
  return key;
}

const LIST_KEYS = new Map<string, string>();
const MAX_LIST_KEYS = 50_000;

/** A number as a French reader writes it: decimal comma, at most two decimals (« 12,5 »). */
export function frenchNumber(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return String(rounded).replace(".", ",");
}

/** A number format that shows a date (a day, month or year code outside quotes and brackets). */
export function isDateFormat(nf: string | undefined): boolean {
  if (!nf) return false;
  // Most formats quote nothing (« 0 », « 0% », « dd/mm/yyyy »): nothing to take out before looking.
  const codes = nf.includes('"') || nf.includes("[") ? nf.replace(/"[^"]*"|\[[^\]]*\]/g, "") : nf;
  return /[dmy]/i.test(codes);
}

/** Excel's day number (1900 system) as the French date a teacher typed: 46093 is « 12/03/2026 ». */
export function serialDate(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** A cell's value as the sheet shows it: « 12,5 % » for a percentage format, a date for a date format, « VRAI » for true. */
export function shownValue(c: CellSnapshot): string {
  if (c.t === "n" && c.nf?.includes("%")) return `${frenchNumber((c.v as number) * 100)} %`;
  if (c.t === "n" && isDateFormat(c.nf) && Number.isFinite(c.v)) return serialDate(c.v as number);
  if (c.t === "n") return frenchNumber(c.v as number);
  if (c.t === "b") return c.v ? "VRAI" : "FAUX";
  return String(c.v);
}

/** « 05/03/2027 ». */
export function frenchDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}
