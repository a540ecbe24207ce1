/**
 * A chart as OOXML (DrawingML): the chart part, and the anchor that places it on a sheet's drawing.
 * Formulas point at the sheet's cells, so Excel (and LibreOffice) draw the chart from the live values.
 * No cached values are written: every reader computes them from the cells when it opens the file.
 */
import { absoluteRange, parseAddress, parseRange, quoteSheetName } from "../../domain/a1";
import type { ChartBlueprint } from "../../domain/blueprint/types";
import { escapeAttr, escapeText } from "./xml-tree";

export const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
export const DRAWINGML_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const DRAWING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const DRAWING_CT = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** The series' colours: navy for what is filled, red for errors, amber for warnings, then greys. */
const COLOURS = ["1F3864", "C00000", "ED7D31", "7F7F7F", "A5A5A5"];

function absolute(sheet: string, range: string): string {
  const r = parseRange(range);
  if (!r) throw new Error(`Plage de graphique invalide : ${range}`);
  return `${quoteSheetName(sheet)}!${absoluteRange(r)}`;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The chart part: horizontal clustered bars, categories from top to bottom, legend below, values shown. */
export function chartXml(chart: ChartBlueprint, sheet: string): string {
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeText(absolute(sheet, s.header))}</c:f>` +
        `<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeText(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${COLOURS[i % COLOURS.length]}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escapeText(absolute(sheet, chart.categories))}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeText(absolute(sheet, s.values))}</c:f></c:numRef></c:val>` +
        `</c:ser>`,
    )
    .join("");
  const text = (size: number, bold: boolean) =>
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:endParaRPr lang="fr-FR"/></a:p></c:txPr>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWINGML_NS}" xmlns:r="${REL_NS}">` +
    `<c:lang val="fr-FR"/><c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="fr-FR" sz="1200" b="1"/><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    series +
    // Values at the bars' ends; zeros left blank, so the chart shows what is there.
    `<c:dLbls><c:numFmt formatCode="0;-0;;@" sourceLinked="0"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>` +
    `<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:gapWidth val="60"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    // Categories from top (C1) to bottom (C8): reversed axis, the value axis crossing at the last one.
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(900, false)}<c:crossAx val="50020"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(900, false)}` +
    `<c:crossAx val="50010"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${text(900, false)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `</c:chartSpace>`
  );
}

/** An empty drawing part, to which anchors are added. */
export const NEW_DRAWING_XML = XML_HEAD + `<xdr:wsDr xmlns:xdr="${DRAWING_NS}" xmlns:a="${DRAWINGML_NS}"/>`;

/**
 * The anchor placing the chart from the top-left of `from` to the bottom-right of `to` (as Office.js
 * `chart.setPosition(from, to)` does), moving with the cells but keeping its size. It declares its own
 * namespaces, so it fits any drawing part (openpyxl writes them with a default namespace).
 */
export function anchorXml(chart: ChartBlueprint, objectId: number, relId: string): string {
  const from = parseAddress(chart.from);
  const to = parseAddress(chart.to);
  if (!from || !to) throw new Error(`Position de graphique invalide : ${chart.from}:${chart.to}`);
  const corner = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor xmlns:xdr="${DRAWING_NS}" xmlns:a="${DRAWINGML_NS}" editAs="oneCell">` +
    corner("from", from.col - 1, from.row - 1) +
    corner("to", to.col, to.row) +
    `<xdr:graphicFrame macro="">` +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${objectId}" name="${escapeAttr(chart.name)}" descr="${escapeAttr(chart.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${CHART_NS}">` +
    `<c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="${escapeAttr(relId)}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame>` +
    `<xdr:clientData/></xdr:twoCellAnchor>`
  );
}
