/**
 * Text safety for the hand-written WordprocessingML: every text the dossier hands over is cleaned of what
 * XML 1.0 forbids, escaped, and its line breaks and tabs become `w:br` and `w:tab`. Nothing here is ever
 * interpreted: `=SUM(A1)`, `<script>`, `{ PAGE }` or `&amp;` stay literal text.
 */
import type { Paragraph, Run } from "../../domain/dossier/document";
import { escapeXmlText, xmlChars } from "../../workbook/xml-text";

/** The WordprocessingML main namespace. */
export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/** The relationships namespace, for `r:id` attributes. */
export const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** The prolog of every XML part. */
export const PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The text without the characters XML 1.0 forbids, carriage returns folded into line feeds. */
export function cleanText(text: string): string {
  return xmlChars(text).replace(/\r\n?/g, "\n");
}

/** The text escaped for an element's content or a double-quoted attribute, after {@link cleanText}. */
export function escapeXml(text: string): string {
  return escapeXmlText(cleanText(text)).replace(/"/g, "&quot;");
}

/** The run content of a text: `w:t` pieces (spaces preserved), `w:br` for line feeds, `w:tab` for tabs. */
export function textContent(text: string): string {
  const out: string[] = [];
  for (const piece of cleanText(text).split(/(\n|\t)/)) {
    if (piece === "\n") out.push("<w:br/>");
    else if (piece === "\t") out.push("<w:tab/>");
    else if (piece !== "") out.push(`<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`);
  }
  return out.join("");
}

/**
 * The external links of a document, each with its relationship id (`rIdLink1`, …), in the order met: the
 * writer adds them to `word/_rels/document.xml.rels` (TargetMode External).
 */
export class Links {
  private readonly ids = new Map<string, string>();

  /** The relationship id of `url` (the same url, the same id). */
  id(url: string): string {
    let id = this.ids.get(url);
    if (!id) {
      id = `rIdLink${this.ids.size + 1}`;
      this.ids.set(url, id);
    }
    return id;
  }

  entries(): [url: string, id: string][] {
    return [...this.ids.entries()];
  }
}

/** Only http and https links are written as links (anything else stays text). */
export function linkTarget(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The properties of a run, in the schema's order (rStyle, b, bCs, i, iCs); empty when there are none. */
function runProperties(run: Run, forceBold: boolean, linked = false): string {
  const props: string[] = [];
  if (run.missing) props.push('<w:rStyle w:val="Missing"/>');
  else if (linked) props.push('<w:rStyle w:val="Hyperlink"/>');
  if (run.bold || forceBold) props.push("<w:b/><w:bCs/>");
  if (run.italic) props.push("<w:i/><w:iCs/>");
  return props.length ? `<w:rPr>${props.join("")}</w:rPr>` : "";
}

/**
 * A `w:r`, or nothing when its text is empty once cleaned. `forceBold` bolds it (a label cell). A run with an
 * http(s) link, given the document's `links`, is a `w:hyperlink` to its external relationship.
 */
export function runXml(run: Run, forceBold = false, links?: Links): string {
  const content = textContent(run.text);
  if (!content) return "";
  const target = links ? linkTarget(run.link) : undefined;
  const r = `<w:r>${runProperties(run, forceBold, !!target)}${content}</w:r>`;
  return target && links ? `<w:hyperlink r:id="${links.id(target)}" w:history="1">${r}</w:hyperlink>` : r;
}

/** A run of plain text with optional raw run properties (`<w:rPr>…</w:rPr>`), for the parts' fixed texts. */
export function plainRun(text: string, rPr = ""): string {
  const content = textContent(text);
  return content ? `<w:r>${rPr}${content}</w:r>` : "";
}

/**
 * A complex field: begin, instruction, separate, the cached result, end — each its own run. The result is
 * what readers that do not compute fields show (Word and LibreOffice recompute page fields).
 */
export function complexField(instruction: string, cachedResult: string): string {
  return (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
    `<w:r><w:instrText xml:space="preserve"> ${escapeXml(instruction)} </w:instrText></w:r>` +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
    plainRun(cachedResult) +
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
  );
}

/** The paragraph styles a model's paragraph may ask for (anything else falls back to « Normal »). */
const PARAGRAPH_STYLES: ReadonlySet<string> = new Set(["Title", "Subtitle", "ListBullet"]);

/** The `w:pStyle` of a paragraph, or nothing for « Normal ». */
export function paragraphStyle(p: Paragraph): string {
  return p.style && PARAGRAPH_STYLES.has(p.style) ? `<w:pStyle w:val="${p.style}"/>` : "";
}
