/**
 * The package's fixed parts: content types, relationships, settings, the header and footers, the core and
 * extended properties, and the document part around the body.
 */
import { escapeXml, complexField, plainRun, PROLOG, R_NS, W_NS } from "./xml";

const PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/** The parts `word/document.xml` relates to, with their relationship ids, types and content types. */
export const DOCUMENT_PARTS = [
  { id: "rId1", target: "styles.xml", type: "styles", ct: `${WML_CT}.styles+xml` },
  { id: "rId2", target: "settings.xml", type: "settings", ct: `${WML_CT}.settings+xml` },
  { id: "rId3", target: "numbering.xml", type: "numbering", ct: `${WML_CT}.numbering+xml` },
  { id: "rId4", target: "header1.xml", type: "header", ct: `${WML_CT}.header+xml` },
  { id: "rId5", target: "footer1.xml", type: "footer", ct: `${WML_CT}.footer+xml` },
  { id: "rId6", target: "footer2.xml", type: "footer", ct: `${WML_CT}.footer+xml` },
] as const;

/** The `[Content_Types].xml` part. */
export function contentTypesXml(): string {
  const overrides = [
    ["/word/document.xml", `${WML_CT}.document.main+xml`],
    ...DOCUMENT_PARTS.map((p) => [`/word/${p.target}`, p.ct]),
    ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
    ["/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"],
  ];
  return (
    `${PROLOG}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([name, ct]) => `<Override PartName="${name}" ContentType="${ct}"/>`).join("") +
    "</Types>"
  );
}

/** The package relationships `_rels/.rels`: the main document and the two property parts. */
export function packageRelsXml(): string {
  return (
    `${PROLOG}<Relationships xmlns="${PKG_RELS_NS}">` +
    `<Relationship Id="rId1" Type="${DOC_REL}/officeDocument" Target="word/document.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/' +
    'core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${DOC_REL}/extended-properties" Target="docProps/app.xml"/>` +
    "</Relationships>"
  );
}

/** The document's relationships `word/_rels/document.xml.rels`: its parts, then its external links. */
export function documentRelsXml(links: readonly [url: string, id: string][] = []): string {
  const rels = DOCUMENT_PARTS.map(
    (p) => `<Relationship Id="${p.id}" Type="${DOC_REL}/${p.type}" Target="${p.target}"/>`,
  );
  for (const [url, id] of links)
    rels.push(
      `<Relationship Id="${id}" Type="${DOC_REL}/hyperlink" Target="${escapeXml(url)}" TargetMode="External"/>`,
    );
  return `${PROLOG}<Relationships xmlns="${PKG_RELS_NS}">${rels.join("")}</Relationships>`;
}

/**
 * The `word/settings.xml` part, children in CT_Settings' order: French proofing, Word 2013+ layout, French
 * decimal and list separators. No `w:updateFields`: Word would ask, on opening, to update the fields (a head of
 * school signing the dossier must not be asked anything); the table of contents is written pre-filled.
 */
export function settingsXml(): string {
  return (
    `${PROLOG}<w:settings xmlns:w="${W_NS}">` +
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/><w:hyphenationZone w:val="425"/>' +
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"' +
    ' w:val="15"/></w:compat>' +
    '<w:themeFontLang w:val="fr-FR"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>' +
    "</w:settings>"
  );
}

/** The `word/header1.xml` part: the model's header text, on every page but the first. */
export function headerXml(text: string): string {
  return (
    `${PROLOG}<w:hdr xmlns:w="${W_NS}" xmlns:r="${R_NS}">` +
    `<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>${plainRun(text)}</w:p></w:hdr>`
  );
}

/**
 * A footer part: the model's footer text, then « Page n / N » at the right margin with real PAGE and
 * NUMPAGES fields (cached as 1, recomputed by every word processor).
 */
export function footerXml(text: string): string {
  const page = `${plainRun("Page ")}${complexField("PAGE", "1")}${plainRun(" / ")}${complexField("NUMPAGES", "1")}`;
  const lead = text ? `${plainRun(text)}<w:r><w:tab/></w:r>` : "";
  const jc = text ? "" : '<w:jc w:val="right"/>';
  return (
    `${PROLOG}<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}">` +
    `<w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs><w:tab w:val="clear" w:pos="4819"/></w:tabs>${jc}</w:pPr>` +
    `${lead}${page}</w:p></w:ftr>`
  );
}

export type Orientation = "portrait" | "landscape";

/**
 * A section's properties, in CT_SectPr's order: default header and footer, A4 in its orientation, 2 cm
 * margins, header and footer 1 cm from the edge. The first section also has its first page's footer and
 * `w:titlePg` (the cover has no header); the next sections start on a new page.
 */
export function sectionXml(orientation: Orientation, first: boolean): string {
  const size =
    orientation === "landscape"
      ? '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
      : '<w:pgSz w:w="11906" w:h="16838"/>';
  return (
    '<w:sectPr><w:headerReference w:type="default" r:id="rId4"/>' +
    '<w:footerReference w:type="default" r:id="rId5"/>' +
    (first ? '<w:footerReference w:type="first" r:id="rId6"/>' : "") +
    (first ? "" : '<w:type w:val="nextPage"/>') +
    size +
    '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567"' +
    ` w:gutter="0"/><w:cols w:space="708"/>${first ? "<w:titlePg/>" : ""}</w:sectPr>`
  );
}

/** The `word/document.xml` part around the body's content, its last section's properties at the end. */
export function documentXml(body: string, orientation: Orientation = "portrait", firstSection = true): string {
  return (
    `${PROLOG}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}` +
    `${sectionXml(orientation, firstSection)}</w:body></w:document>`
  );
}

/** A W3CDTF date-time in UTC, to the second (`2025-09-01T08:00:00Z`). */
export function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The `docProps/core.xml` part: title, author and the creation date (also the modification date). */
export function coreXml(title: string, author: string, created: Date): string {
  const when = w3cdtf(created);
  return (
    `${PROLOG}<cp:coreProperties` +
    ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${escapeXml(author)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(author)}</cp:lastModifiedBy><dc:language>fr-FR</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

/** The `docProps/app.xml` part: the application that wrote the file, when it is to be named. */
export function appXml(application?: string): string {
  return (
    `${PROLOG}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"` +
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    (application ? `<Application>${escapeXml(application)}</Application>` : "") +
    "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>" +
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc></Properties>"
  );
}
