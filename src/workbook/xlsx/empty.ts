/**
 * The smallest valid package to generate into: a workbook part with no sheet yet, its relationships, content
 * types and a styles part with Excel's defaults. Generation is then the update of this package to the blueprint
 * (the same writer as `update`, as Excel's generation is the same reconciliation on an empty workbook).
 */
import { strToU8, zipSync } from "fflate";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Excel's default stylesheet, inside <styleSheet>: one font, the two required fills, one border, « Normal ». */
const DEFAULT_STYLES =
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>';

/** A styles part with Excel's defaults, for a workbook that has none (a valid package may omit it). */
export const DEFAULT_STYLES_XML = XML + `<styleSheet xmlns="${MAIN}">` + DEFAULT_STYLES + "</styleSheet>";
export const STYLES_REL = `${REL}/styles`;
export const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

const PARTS: Record<string, string> = {
  "[Content_Types].xml":
    XML +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    "</Types>",
  "_rels/.rels":
    XML +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
    "</Relationships>",
  "xl/workbook.xml":
    XML +
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
  "xl/_rels/workbook.xml.rels":
    XML +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
    "</Relationships>",
  "xl/styles.xml": XML + `<styleSheet xmlns="${MAIN}">` + DEFAULT_STYLES + "</styleSheet>",
};

/** A package with no sheet: only for the updater to fill (Excel refuses a workbook without sheets). */
export function emptyPackage(): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(PARTS).map(([name, text]) => [name, strToU8(text)])));
}
