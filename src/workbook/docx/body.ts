/**
 * The body of `word/document.xml`: the model's blocks in order. Headings carry `_Toc` bookmarks; a contents
 * block is a `TOC` field whose cached result already lists the level 1 and 2 headings, hyperlinked to those
 * bookmarks, so that readers that never refresh fields (LibreOffice's PDF export, python-docx) show it.
 */
import type { Block, Contents, Heading, Paragraph } from "../../domain/dossier/document";
import { tableXml } from "./table";
import { escapeXml, paragraphStyle, plainRun, runXml } from "./xml";

/** The field instruction of the table of contents: outline levels 1-2, hyperlinks, no page numbers online. */
export const TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u';

/** A heading with the bookmark the table of contents links to. */
interface Anchor {
  readonly heading: Heading;
  readonly id: number;
  readonly name: string;
}

/** Bookmarks of every heading, by block, numbered in document order (`_Toc00000001`, …). */
function anchorHeadings(blocks: readonly Block[]): Map<Block, Anchor> {
  const anchors = new Map<Block, Anchor>();
  for (const block of blocks) {
    if (block.kind !== "heading") continue;
    const id = anchors.size + 1;
    anchors.set(block, { heading: block, id, name: `_Toc${String(id).padStart(8, "0")}` });
  }
  return anchors;
}

/** A body paragraph: its style, then its runs. */
function paragraphXml(p: Paragraph): string {
  const style = paragraphStyle(p);
  return `<w:p>${style ? `<w:pPr>${style}</w:pPr>` : ""}${p.runs.map((r) => runXml(r)).join("")}</w:p>`;
}

/** A heading paragraph, its text inside its bookmark. */
function headingXml(anchor: Anchor): string {
  const { heading, id, name } = anchor;
  return (
    `<w:p><w:pPr><w:pStyle w:val="Heading${heading.level}"/></w:pPr>` +
    `<w:bookmarkStart w:id="${id}" w:name="${name}"/>${plainRun(heading.text)}<w:bookmarkEnd w:id="${id}"/></w:p>`
  );
}

/** The runs opening the TOC field, up to its separator (the cached result follows). */
const TOC_BEGIN =
  '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>' +
  `<w:r><w:instrText xml:space="preserve"> ${escapeXml(TOC_INSTRUCTION)} </w:instrText></w:r>` +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>';
/** The run closing the TOC field. */
const TOC_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

/**
 * The contents block: its title in « TOC Heading », then the field. Each level 1 or 2 heading is a cached
 * entry (« toc 1 » / « toc 2 ») hyperlinked to its bookmark; the field begins in the first entry and ends in
 * the last. Without any heading, one empty paragraph holds the whole field.
 */
function contentsXml(block: Contents, anchors: Iterable<Anchor>): string {
  const title = `<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr>${plainRun(block.title)}</w:p>`;
  const entries = [...anchors].filter((a) => a.heading.level <= 2);
  if (entries.length === 0) return `${title}<w:p>${TOC_BEGIN}${TOC_END}</w:p>`;
  const paragraphs = entries.map((a, i) => {
    const begin = i === 0 ? TOC_BEGIN : "";
    const end = i === entries.length - 1 ? TOC_END : "";
    const link = `<w:hyperlink w:anchor="${a.name}" w:history="1">${plainRun(a.heading.text)}</w:hyperlink>`;
    return `<w:p><w:pPr><w:pStyle w:val="TOC${a.heading.level}"/></w:pPr>${begin}${link}${end}</w:p>`;
  });
  return title + paragraphs.join("");
}

/** A paragraph holding only a page break. */
export const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
/**
 * An empty paragraph, one point high, written after a table followed by another table (Word would merge
 * them) or ending the document (Word wants a paragraph before the section properties).
 */
const TABLE_SPACER = '<w:p><w:pPr><w:spacing w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>';

/** One block as WordprocessingML. */
function blockXml(block: Block, anchors: Map<Block, Anchor>): string {
  switch (block.kind) {
    case "paragraph":
      return paragraphXml(block);
    case "heading":
      return headingXml(anchors.get(block) as Anchor);
    case "table":
      return tableXml(block);
    case "contents":
      return contentsXml(block, anchors.values());
    case "page-break":
      return PAGE_BREAK;
    default:
      return "";
  }
}

/** The body's content, without the section properties: every block in order. */
export function bodyXml(blocks: readonly Block[]): string {
  const anchors = anchorHeadings(blocks);
  const out: string[] = [];
  blocks.forEach((block, i) => {
    const xml = blockXml(block, anchors);
    out.push(xml);
    const next = blocks[i + 1];
    if (xml && block.kind === "table" && (!next || next.kind === "table")) out.push(TABLE_SPACER);
  });
  return out.join("");
}
