/**
 * One text path for every XML part the product writes, in workbooks (.xlsx) and documents (.docx): the
 * characters XML 1.0 forbids are dropped, then the text is escaped. A cell typed with a control character
 * (pasted from another program, `generate --head $'A\x01B'`) must not make a part that Excel, Word or
 * xmllint refuse; nothing else is changed.
 */

/**
 * Code points outside XML 1.0's `Char` production: C0 controls but tab, line feed and carriage return,
 * lone surrogates (a `u` regex sees them as single code points), U+FFFE and U+FFFF.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const HAS_NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * What a text must hold for one of those to be in it: a C0 control but tab, line feed and carriage return, a
 * surrogate (paired or not), U+FFFE or U+FFFF. Without the `u` flag, a test several times faster than the exact
 * one, which then runs only on the rare text it lets through (every value of the académie's table passes here).
 */
const MAY_HAVE_NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/;

/** The text without the characters XML 1.0 forbids. */
export function xmlChars(text: string): string {
  return MAY_HAVE_NOT_XML_CHAR.test(text) && HAS_NOT_XML_CHAR.test(text) ? text.replace(NOT_XML_CHAR, "") : text;
}

/** The text for an element's content: forbidden characters dropped, `& < >` escaped. */
export function escapeXmlText(text: string): string {
  const chars = xmlChars(text);
  return /[&<>]/.test(chars) ? chars.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : chars;
}

/** The text for a double-quoted attribute: as for content, and quotes and white space kept as references. */
export function escapeXmlAttr(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}
