/**
 * A workbook of plain tables (the académie's view, #28): one header row, frozen and filterable, rows of texts
 * and numbers, conditional formats by column, a bar chart from the first sheet that asks for one. Written as
 * strings, not through the updater: hundreds of thousands of rows in one pass, with the package code's own chart
 * part (chart-part.ts), XML escaping, and the zip writer of batch generation (zlib: the table's XML runs to
 * 140 MB, which fflate's JavaScript deflate took 5 times longer to compress — 1.4 s against 0.3 s for 150
 * workbooks). Rows can come rendered beforehand (`renderRows`, in the workers that read the workbooks).
 */
import { columnLetters, quoteSheetName } from "../../domain/a1";
import type { RenderedRows, TableColumn, TableSheet, TableValue } from "../../domain/academie-table";
import { anchorXml, chartXml, CHART_CT, CHART_REL, DRAWING_CT, DRAWING_REL } from "./chart-part";
import { escapeAttr, escapeText } from "./xml-tree";
import { xmlChars } from "../xml-text";
import { compress, DeflatedPart, zipCompressed, type Compressed } from "./zip-write";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

function clean(s: string): string {
  const t = xmlChars(s);
  // Excel's limit for a cell's text.
  return t.length > 32767 ? t.slice(0, 32766) + "…" : t;
}

// Cell styles (cellXfs): 0 default, 1 header (bold, grey fill, wrapped, bordered), 2 wrapped text.
const STYLES =
  XML +
  `<styleSheet xmlns="${MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left/><right/><top/><bottom style="thin"><color rgb="FF8EA9DB"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">' +
  '<alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  "</cellXfs>" +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  // Differential formats of the conditional formats: 0 red (errors), 1 green (ready), 2 amber (to complete).
  '<dxfs count="3">' +
  '<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>' +
  '<dxf><font><color rgb="FF006100"/></font><fill><patternFill><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf>' +
  '<dxf><font><color rgb="FF9C5700"/></font><fill><patternFill><bgColor rgb="FFFFEB9C"/></patternFill></fill></dxf>' +
  "</dxfs></styleSheet>";

/**
 * A cell's XML after its reference's column and row (`<c r="A12` comes before it), or "" for no cell: the row's
 * number is not in it, so a row can be rendered before its place in the sheet is known.
 */
function cellRest(v: TableValue, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (v === null || v === "") return style ? `"${s}/>` : "";
  if (typeof v === "number" && Number.isFinite(v)) return `"${s}><v>${v}</v></c>`;
  const text = clean(String(v));
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `"${s} t="inlineStr"><is><t${space}>${escapeText(text)}</t></is></c>`;
}

/** How a table's columns are written: their letters, and the style of their cells (2: wrapped, for wide texts). */
interface ColumnsXml {
  readonly letters: readonly string[];
  readonly styles: readonly number[];
}

function columnsXml(columns: readonly TableColumn[]): ColumnsXml {
  return {
    letters: columns.map((_, i) => columnLetters(i + 1)),
    styles: columns.map((c) => (c.width >= 60 ? 2 : 0)),
  };
}

/** A row's XML, numbered `number` (a number, or NUMBER where a rendered row's number is to go). */
function rowXml(row: readonly TableValue[], columns: ColumnsXml, number: string): string {
  const { letters, styles } = columns;
  let xml = `<row r="${number}">`;
  for (let i = 0; i < letters.length; i++) {
    const rest = cellRest(row[i] ?? null, styles[i]);
    if (rest) xml += `<c r="${letters[i]}${number}${rest}`;
  }
  return xml + "</row>";
}

/**
 * In rendered rows, where each row starts and where its number goes (once in the row, once in each cell's
 * reference): two characters XML 1.0 forbids, which `clean` drops from every value, so they can only be these.
 */
const ROW = "\u0001";
const NUMBER = "\u0002";

/** Rows of a sheet with these columns rendered before their place is known; `tablesToXlsx` numbers them. */
export function renderRows(columns: readonly TableColumn[], rows: readonly (readonly TableValue[])[]): RenderedRows {
  const c = columnsXml(columns);
  let text = "";
  for (const row of rows) text += ROW + rowXml(row, c, NUMBER);
  return { count: rows.length, text };
}

function conditionalFormats(sheet: TableSheet, letters: readonly string[], lastRow: number): string {
  if (lastRow < 2) return "";
  let priority = 1;
  const out: string[] = [];
  sheet.columns.forEach((c, i) => {
    if (!c.highlight) return;
    const L = letters[i];
    const sqref = `${L}2:${L}${lastRow}`;
    if (c.highlight === "errors" || c.highlight === "gaps")
      out.push(
        `<conditionalFormatting sqref="${sqref}"><cfRule type="cellIs" dxfId="${c.highlight === "errors" ? 0 : 2}" ` +
          `priority="${priority++}" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>`,
      );
    else
      out.push(
        `<conditionalFormatting sqref="${sqref}">` +
          `<cfRule type="cellIs" dxfId="1" priority="${priority++}" operator="equal"><formula>"oui"</formula></cfRule>` +
          `<cfRule type="cellIs" dxfId="2" priority="${priority++}" operator="equal"><formula>"non"</formula></cfRule>` +
          `</conditionalFormatting>`,
      );
  });
  return out.join("");
}

/** How many rows a sheet has under its header. */
function rowCount(sheet: TableSheet): number {
  return (sheet.runs ?? []).reduce((n, run) => n + run.take, 0) + sheet.rows.length;
}

/** The sheet's XML, written into `part`. */
function writeSheet(part: DeflatedPart, sheet: TableSheet, hasDrawing: boolean): void {
  const c = columnsXml(sheet.columns);
  const letters = c.letters;
  const last = letters[letters.length - 1] ?? "A";
  const lastRow = rowCount(sheet) + 1;
  part.write(
    XML +
      `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
      `<dimension ref="A1:${last}${lastRow}"/>` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      "<cols>" +
      sheet.columns
        .map((col, i) => `<col min="${i + 1}" max="${i + 1}" width="${col.width}" customWidth="1"/>`)
        .join("") +
      "</cols><sheetData>" +
      rowXml(
        sheet.columns.map((col) => col.header),
        { letters, styles: letters.map(() => 1) },
        "1",
      ),
  );
  let n = 2;
  for (const run of sheet.runs ?? []) {
    // The run's text starts with ROW: its first piece is empty, its rows follow.
    const rows = run.text.split(ROW);
    for (let k = 1; k <= run.take; k++) part.write(rows[k].replaceAll(NUMBER, String(n++)));
  }
  for (const row of sheet.rows) part.write(rowXml(row, c, String(n++)));
  part.write(
    "</sheetData>" +
      `<autoFilter ref="A1:${last}${lastRow}"/>` +
      conditionalFormats(sheet, letters, lastRow) +
      '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
      (hasDrawing ? '<drawing r:id="rId1"/>' : "") +
      "</worksheet>",
  );
}

/** The bytes of a workbook holding these sheets, in order (the first one active). */
export async function tablesToXlsx(sheets: readonly TableSheet[]): Promise<Uint8Array> {
  const parts: (Compressed | Promise<Compressed>)[] = [];
  const encoder = new TextEncoder();
  const put = (name: string, text: string) => parts.push(compress(name, encoder.encode(text)));
  const overrides: string[] = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
  ];
  const wbRels: string[] = [];
  const sheetEntries: string[] = [];
  const names: string[] = [];
  let chartNo = 0;
  sheets.forEach((sheet, i) => {
    const n = i + 1;
    const rows = rowCount(sheet);
    const chart = sheet.chart && rows > 0 ? sheet.chart : undefined;
    const part = new DeflatedPart(`xl/worksheets/sheet${n}.xml`);
    writeSheet(part, sheet, chart !== undefined);
    parts.push(part.end());
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    wbRels.push(`<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    sheetEntries.push(`<sheet name="${escapeAttr(sheet.name)}" sheetId="${n}" r:id="rId${n}"/>`);
    const last = columnLetters(Math.max(1, sheet.columns.length));
    names.push(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">` +
        `${escapeText(quoteSheetName(sheet.name))}!$A$1:$${last}$${rows + 1}</definedName>`,
    );
    if (chart) {
      const c = ++chartNo;
      const lastRow = rows + 1;
      const blueprint = {
        name: `Graphique ${c}`,
        title: chart.title,
        type: "barClustered" as const,
        categories: `A2:A${lastRow}`,
        series: chart.seriesColumns.map((col) => ({
          header: `${columnLetters(col)}1`,
          name: sheet.columns[col - 1].header,
          values: `${columnLetters(col)}2:${columnLetters(col)}${lastRow}`,
        })),
        from: `${columnLetters(sheet.columns.length + 2)}2`,
        to: `${columnLetters(sheet.columns.length + 11)}${Math.max(lastRow + 12, 24)}`,
      };
      put(`xl/charts/chart${c}.xml`, chartXml(blueprint, sheet.name));
      put(
        `xl/drawings/drawing${c}.xml`,
        XML +
          `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
          anchorXml(blueprint, 2, "rId1") +
          "</xdr:wsDr>",
      );
      put(
        `xl/drawings/_rels/drawing${c}.xml.rels`,
        XML +
          `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${CHART_REL}" Target="../charts/chart${c}.xml"/></Relationships>`,
      );
      put(
        `xl/worksheets/_rels/sheet${n}.xml.rels`,
        XML +
          `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${DRAWING_REL}" Target="../drawings/drawing${c}.xml"/></Relationships>`,
      );
      overrides.push(
        `<Override PartName="/xl/charts/chart${c}.xml" ContentType="${CHART_CT}"/>`,
        `<Override PartName="/xl/drawings/drawing${c}.xml" ContentType="${DRAWING_CT}"/>`,
      );
    }
  });
  wbRels.push(`<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>`);
  put(
    "[Content_Types].xml",
    XML +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      overrides.join("") +
      "</Types>",
  );
  put(
    "_rels/.rels",
    XML +
      `<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      "</Relationships>",
  );
  put(
    "docProps/core.xml",
    XML +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      "<dc:title>Fiches LDM — vue de l'académie</dc:title><dc:creator>Fiches LDM</dc:creator></cp:coreProperties>",
  );
  put(
    "xl/workbook.xml",
    XML +
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets>${sheetEntries.join("")}</sheets><definedNames>${names.join("")}</definedNames></workbook>`,
  );
  put("xl/_rels/workbook.xml.rels", XML + `<Relationships xmlns="${PKG_REL}">${wbRels.join("")}</Relationships>`);
  put("xl/styles.xml", STYLES);
  return zipCompressed(await Promise.all(parts));
}
