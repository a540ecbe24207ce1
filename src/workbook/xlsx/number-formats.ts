/**
 * The built-in number formats of OOXML, one table for the reader and the writer: a code written as a
 * built-in id reads back as the same code. (Id 14, the short date, follows the reader's locale: it is not
 * used for « dd/mm/yyyy », which is written as a format of its own.)
 */
/** Codes of the built-in number formats (ECMA-376 §18.8.30) that do not depend on the locale. */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"$"#,##0_);("$"#,##0)',
  6: '"$"#,##0_);[Red]("$"#,##0)',
  7: '"$"#,##0.00_);("$"#,##0.00)',
  8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0_);(#,##0)",
  38: "#,##0_);[Red](#,##0)",
  39: "#,##0.00_);(#,##0.00)",
  40: "#,##0.00_);[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const BY_CODE: ReadonlyMap<string, number> = new Map(
  Object.entries(BUILTIN_FORMATS).map(([id, code]) => [code, Number(id)] as const),
);

/** The built-in id of a format code (0 for General), or undefined when it must be written as its own format. */
export function builtinFormatId(code: string | undefined): number | undefined {
  if (!code || code === "General") return 0;
  return BY_CODE.get(code);
}
