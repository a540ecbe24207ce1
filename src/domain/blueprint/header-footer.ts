/**
 * The printed header and footer of a fiche, in Excel's codes: what the product writes (the school named in
 * Paramètres, escaped and within Excel's length), and whether what a workbook prints is still that. The
 * comparison reads what a page shows — each part's text and fields (&P, &N, &D…) — not its fonts: a header
 * someone made bold still says the same thing.
 */
import { headerFooterText, type HeaderFooterLine } from "./types";

/** Excel refuses a header or a footer longer than this (codes included). */
export const HEADER_FOOTER_MAX = 255;

export type PrintedSections = { left: string; center: string; right: string };

/**
 * What each part of a header or footer shows: « &L… &C… &R… » split, formatting codes (font « &"Arial,Gras" »,
 * size « &12 », bold, italic, underline, strike, super- and subscript, outline, shadow, colour « &KFF0000 »)
 * left out, fields and « && » kept as written. Text before any part code is centred, as Excel does.
 */
export function printedSections(text: string): PrintedSections {
  const out: PrintedSections = { left: "", center: "", right: "" };
  let part: keyof PrintedSections = "center";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch !== "&" || i + 1 >= text.length) {
      out[part] += ch;
      i++;
      continue;
    }
    const code = text[i + 1];
    if (code === "L" || code === "C" || code === "R") {
      part = code === "L" ? "left" : code === "C" ? "center" : "right";
      i += 2;
    } else if (code === '"') {
      const end = text.indexOf('"', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (/[0-9]/.test(code)) {
      i += 2;
      while (i < text.length && /[0-9]/.test(text[i])) i++;
    } else if (code === "K") {
      // « &KFF0000 » (RGB) or « &K01+000 » (theme colour and tint): six characters either way.
      i += 8;
    } else if ("BIUESXYOH".includes(code)) {
      i += 2;
    } else {
      // « && », a field (&P &N &D &T &A &F &Z &G), or an unknown code: part of what prints.
      out[part] += ch + code;
      i += 2;
    }
  }
  return out;
}

/** Whether a header or footer read in a workbook prints what `want` prints. */
export function printsAs(actual: string, want: HeaderFooterLine | undefined): boolean {
  const a = printedSections(actual);
  const w = printedSections(headerFooterText(want));
  return a.left === w.left && a.center === w.center && a.right === w.right;
}

/**
 * A text typed by a person, as a part of a header: on one line, « & » doubled (Excel reads a single one as a
 * code), cut so that the whole header stays within Excel's limit — never between the two « & » of a pair.
 */
export function headerPart(text: string | undefined, room: number): string {
  const escaped = (text ?? "").replace(/\s+/g, " ").trim().replace(/&/g, "&&");
  if (escaped.length <= room) return escaped;
  let cut = escaped.slice(0, Math.max(0, room - 1));
  // An odd run of « & » at the end would start a code.
  const amps = /&+$/.exec(cut)?.[0].length ?? 0;
  if (amps % 2 === 1) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
