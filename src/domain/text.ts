/** Text comparison as users expect it of a drop-down value. */

/**
 * The key two texts share when a user would call them the same list entry: case, repeated or
 * non-breaking spaces and the apostrophe style (’ vs ') are ignored — nothing else (accents count).
 */
export function listKey(s: string): string {
  return s
    .normalize("NFC")
    .replace(/[\u00A0\u202F\u2007]/g, " ")
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLocaleLowerCase("fr");
}

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}
