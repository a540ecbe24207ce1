/** The workbook's look, as data: adapters translate these to OOXML styles (xlsx/styles-part.ts) or Office.js formats. */

export type StyleName =
  | "title"
  | "label"
  | "headerValue"
  | "reminder"
  | "tableHeader"
  | "tableSubHeader"
  | "hint"
  | "input"
  | "paramInput"
  | "inputYear"
  | "sectionTitle"
  | "listHeader"
  | "listItem"
  | "marker"
  | "synthesisValue"
  | "checkCount";

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  /** RGB hex, no « # ». */
  readonly color?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "middle" | "bottom";
  readonly border?: boolean;
  readonly numberFormat?: string;
  /** Whether the cell is locked when its sheet is protected. */
  readonly locked: boolean;
}

const NAVY = "1F3864";
const INPUT_FILL = "FFF2CC";

export const STYLES: Readonly<Record<StyleName, CellStyle>> = {
  title: { bold: true, size: 14, color: "FFFFFF", fill: NAVY, vertical: "middle", locked: true },
  label: { bold: true, color: NAVY, vertical: "top", wrap: true, locked: true },
  headerValue: { vertical: "top", wrap: true, locked: true },
  reminder: { italic: true, size: 9, color: "404040", wrap: true, vertical: "top", locked: true },
  tableHeader: {
    bold: true,
    color: "FFFFFF",
    fill: "2F5597",
    wrap: true,
    horizontal: "center",
    vertical: "middle",
    border: true,
    locked: true,
  },
  tableSubHeader: {
    bold: true,
    color: NAVY,
    fill: "D9E2F3",
    wrap: true,
    horizontal: "center",
    vertical: "middle",
    border: true,
    locked: true,
  },
  hint: {
    italic: true,
    size: 9,
    color: "595959",
    fill: "F2F2F2",
    wrap: true,
    vertical: "top",
    border: true,
    locked: true,
  },
  input: { wrap: true, vertical: "top", border: true, locked: false },
  paramInput: { fill: INPUT_FILL, wrap: true, vertical: "top", border: true, locked: false },
  inputYear: { fill: INPUT_FILL, border: true, horizontal: "left", numberFormat: "0", locked: false },
  sectionTitle: { bold: true, size: 12, color: NAVY, locked: true },
  listHeader: { bold: true, locked: true },
  listItem: { locked: true },
  marker: { size: 8, color: "808080", locked: true },
  synthesisValue: { horizontal: "center", vertical: "middle", border: true, locked: true },
  /** Written by the check, not typed: locked, grey. */
  checkCount: { horizontal: "center", vertical: "middle", border: true, fill: "F2F2F2", locked: true },
};
