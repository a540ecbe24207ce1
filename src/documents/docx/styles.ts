/**
 * `word/styles.xml` and `word/numbering.xml`: real Word styles (the built-in names, so that Word, LibreOffice
 * and python-docx recognise them), Calibri 10.5 pt, dark blue headings that feed the table of contents and
 * the navigation pane, a grey-bordered table style and the « À compléter » character style.
 */
import { PROLOG, W_NS } from "./xml";

/** Dark blue of the title and level 1 headings. */
const DARK_BLUE = "1F3864";
/** Blue of the subtitle and level 2 and 3 headings. */
const BLUE = "2F5496";
/** Grey of the table borders. */
const BORDER_GREY = "808080";
/** The numbering instance the « List Bullet » style uses. */
export const BULLET_NUM_ID = 1;
/** Text width of the page in twips: A4 (11,906) minus two 2 cm margins (1,134 each). */
export const TEXT_WIDTH = 9638;
/** Text width of a landscape page in twips: 16,838 minus the two margins. */
export const LANDSCAPE_TEXT_WIDTH = 14570;

/** Word's `w:styles` part opens with the defaults: Calibri 10.5 pt, French, 6 pt after each paragraph. */
const DOC_DEFAULTS =
  "<w:docDefaults><w:rPrDefault><w:rPr>" +
  '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>' +
  '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="fr-FR" w:eastAsia="en-US" w:bidi="ar-SA"/>' +
  "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>" +
  '<w:spacing w:after="120" w:line="264" w:lineRule="auto"/>' +
  "</w:pPr></w:pPrDefault></w:docDefaults>";

/** What a style says besides its kind and id; every piece is already ordered as CT_Style wants it. */
interface StyleSpec {
  readonly type: "paragraph" | "character" | "table" | "numbering";
  readonly id: string;
  readonly name: string;
  readonly isDefault?: boolean;
  readonly basedOn?: string;
  readonly next?: string;
  /** uiPriority, semiHidden, unhideWhenUsed, qFormat — raw, in that order. */
  readonly flags?: string;
  readonly pPr?: string;
  readonly rPr?: string;
  readonly tblPr?: string;
}

/** One `w:style` with its children in the schema's order (name, basedOn, next, flags, pPr, rPr, tblPr). */
function style(s: StyleSpec): string {
  const def = s.isDefault ? ' w:default="1"' : "";
  return (
    `<w:style w:type="${s.type}"${def} w:styleId="${s.id}"><w:name w:val="${s.name}"/>` +
    (s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : "") +
    (s.next ? `<w:next w:val="${s.next}"/>` : "") +
    (s.flags ?? "") +
    (s.pPr ? `<w:pPr>${s.pPr}</w:pPr>` : "") +
    (s.rPr ? `<w:rPr>${s.rPr}</w:rPr>` : "") +
    (s.tblPr ? `<w:tblPr>${s.tblPr}</w:tblPr>` : "") +
    "</w:style>"
  );
}

const Q = "<w:qFormat/>";
const HIDDEN_UNTIL_USED = "<w:semiHidden/><w:unhideWhenUsed/>";

/** A heading style: kept with the next paragraph, its outline level feeding the TOC and navigation pane. */
function heading(level: 1 | 2 | 3, size: number, color: string, before: number, extraRPr = ""): StyleSpec {
  const border =
    level === 1 ? `<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="${color}"/></w:pBdr>` : "";
  return {
    type: "paragraph",
    id: `Heading${level}`,
    name: `heading ${level}`,
    basedOn: "Normal",
    next: "Normal",
    flags: `<w:uiPriority w:val="9"/>${Q}`,
    pPr:
      `<w:keepNext/><w:keepLines/>${border}<w:spacing w:before="${before}" w:after="120"/>` +
      `<w:outlineLvl w:val="${level - 1}"/>`,
    rPr: `<w:b/><w:bCs/>${extraRPr}<w:color w:val="${color}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`,
  };
}

/** The single borders of the table grid, top to insideV. */
const GRID_BORDERS = ["top", "left", "bottom", "right", "insideH", "insideV"]
  .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${BORDER_GREY}"/>`)
  .join("");

/** The header and footer styles: small grey text, a centre and a right tab stop. */
function headerFooter(id: "Header" | "Footer"): StyleSpec {
  return {
    type: "paragraph",
    id,
    name: id.toLowerCase(),
    basedOn: "Normal",
    flags: `<w:uiPriority w:val="99"/>${HIDDEN_UNTIL_USED}`,
    pPr:
      '<w:tabs><w:tab w:val="center" w:pos="4819"/><w:tab w:val="right" w:pos="9638"/></w:tabs>' +
      '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
    rPr: '<w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
  };
}

/** Every style of the document, defaults first. */
const STYLES: readonly StyleSpec[] = [
  { type: "paragraph", id: "Normal", name: "Normal", isDefault: true, flags: Q },
  {
    type: "character",
    id: "DefaultParagraphFont",
    name: "Default Paragraph Font",
    isDefault: true,
    flags: `<w:uiPriority w:val="1"/>${HIDDEN_UNTIL_USED}`,
  },
  {
    type: "table",
    id: "TableNormal",
    name: "Normal Table",
    isDefault: true,
    flags: `<w:uiPriority w:val="99"/>${HIDDEN_UNTIL_USED}`,
    tblPr:
      '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>' +
      '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>' +
      "</w:tblCellMar>",
  },
  {
    type: "numbering",
    id: "NoList",
    name: "No List",
    isDefault: true,
    flags: `<w:uiPriority w:val="99"/>${HIDDEN_UNTIL_USED}`,
  },
  {
    type: "paragraph",
    id: "Title",
    name: "Title",
    basedOn: "Normal",
    next: "Subtitle",
    flags: `<w:uiPriority w:val="10"/>${Q}`,
    pPr: '<w:spacing w:before="2400" w:after="360" w:line="240" w:lineRule="auto"/><w:contextualSpacing/>',
    rPr: `<w:b/><w:bCs/><w:color w:val="${DARK_BLUE}"/><w:kern w:val="28"/><w:sz w:val="52"/><w:szCs w:val="52"/>`,
  },
  {
    type: "paragraph",
    id: "Subtitle",
    name: "Subtitle",
    basedOn: "Normal",
    next: "Normal",
    flags: `<w:uiPriority w:val="11"/>${Q}`,
    pPr: '<w:spacing w:after="240"/>',
    rPr: `<w:color w:val="${BLUE}"/><w:sz w:val="30"/><w:szCs w:val="30"/>`,
  },
  heading(1, 32, DARK_BLUE, 360),
  heading(2, 26, BLUE, 240),
  heading(3, 22, BLUE, 200, "<w:i/><w:iCs/>"),
  headerFooter("Header"),
  headerFooter("Footer"),
  {
    type: "paragraph",
    id: "TOCHeading",
    name: "TOC Heading",
    basedOn: "Heading1",
    next: "Normal",
    flags: `<w:uiPriority w:val="39"/>${HIDDEN_UNTIL_USED}${Q}`,
    pPr: '<w:outlineLvl w:val="9"/>',
  },
  {
    type: "paragraph",
    id: "TOC1",
    name: "toc 1",
    basedOn: "Normal",
    next: "Normal",
    flags: `<w:uiPriority w:val="39"/><w:unhideWhenUsed/>`,
    pPr: `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${TEXT_WIDTH}"/></w:tabs><w:spacing w:before="120" w:after="40"/>`,
    rPr: "<w:b/><w:bCs/>",
  },
  {
    type: "paragraph",
    id: "TOC2",
    name: "toc 2",
    basedOn: "Normal",
    next: "Normal",
    flags: `<w:uiPriority w:val="39"/><w:unhideWhenUsed/>`,
    pPr: `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${TEXT_WIDTH}"/></w:tabs><w:spacing w:after="40"/><w:ind w:left="284"/>`,
  },
  {
    type: "paragraph",
    id: "ListBullet",
    name: "List Bullet",
    basedOn: "Normal",
    flags: `<w:uiPriority w:val="99"/><w:unhideWhenUsed/>`,
    pPr: `<w:numPr><w:numId w:val="${BULLET_NUM_ID}"/></w:numPr><w:spacing w:after="60"/><w:ind w:left="357" w:hanging="357"/>`,
  },
  {
    type: "table",
    id: "TableGrid",
    name: "Table Grid",
    basedOn: "TableNormal",
    flags: '<w:uiPriority w:val="39"/>',
    pPr: '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
    tblPr: `<w:tblBorders>${GRID_BORDERS}</w:tblBorders>`,
  },
  {
    type: "character",
    id: "Hyperlink",
    name: "Hyperlink",
    basedOn: "DefaultParagraphFont",
    flags: `<w:uiPriority w:val="99"/><w:unhideWhenUsed/>`,
    rPr: '<w:color w:val="0563C1"/><w:u w:val="single"/>',
  },
  {
    type: "character",
    id: "Missing",
    name: "Missing",
    basedOn: "DefaultParagraphFont",
    flags: `<w:uiPriority w:val="1"/>${Q}`,
    rPr: '<w:i/><w:iCs/><w:color w:val="9C0006"/><w:shd w:val="clear" w:color="auto" w:fill="FFE7A3"/>',
  },
];

/** The `word/styles.xml` part. */
export function stylesXml(): string {
  return `${PROLOG}<w:styles xmlns:w="${W_NS}">${DOC_DEFAULTS}${STYLES.map(style).join("")}</w:styles>`;
}

/** The `word/numbering.xml` part: one single-level bullet list, « • » at a 6.3 mm hanging indent. */
export function numberingXml(): string {
  const level =
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:pStyle w:val="ListBullet"/>' +
    '<w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="357" w:hanging="357"/></w:pPr>' +
    '<w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/></w:rPr></w:lvl>';
  return (
    `${PROLOG}<w:numbering xmlns:w="${W_NS}">` +
    `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>${level}</w:abstractNum>` +
    `<w:num w:numId="${BULLET_NUM_ID}"><w:abstractNumId w:val="0"/></w:num>` +
    "</w:numbering>"
  );
}
