/**
 * The body of `word/document.xml`: the model's blocks in order. Headings carry `_Toc` bookmarks; a contents
 * block is a `TOC` field whose cached result already lists the level 1 and 2 headings, hyperlinked to those
 * bookmarks, each with a `PAGEREF` field for its page (cached when the pages are known), so that readers that
 * never refresh fields (python-docx, Word without a prompt) show it; the PDF export refreshes it. A page break
 * that changes the orientation ends a section (its `w:sectPr` in the break's paragraph).
 */
import type { Block, Contents, Heading, Paragraph } from "../../domain/dossier/document";
import { sectionXml, type Orientation } from "./parts";
import { TEXT_WIDTH, LANDSCAPE_TEXT_WIDTH } from "./styles";
import { tableXml } from "./table";
import { complexField, escapeXml, Links, paragraphStyle, plainRun, runXml } from "./xml";

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

/** The bookmarks of the table of contents' entries (level 1 and 2 headings), in order: `tocPages` follows them. */
export function tocEntryNames(blocks: readonly Block[]): string[] {
  return [...anchorHeadings(blocks).values()].filter((a) => a.heading.level <= 2).map((a) => a.name);
}

/** A body paragraph: its style, then its runs (links registered in `links`). */
function paragraphXml(p: Paragraph, links: Links): string {
  const style = paragraphStyle(p);
  return `<w:p>${style ? `<w:pPr>${style}</w:pPr>` : ""}${p.runs.map((r) => runXml(r, false, links)).join("")}</w:p>`;
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
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  `<w:r><w:instrText xml:space="preserve"> ${escapeXml(TOC_INSTRUCTION)} </w:instrText></w:r>` +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>';
/** The run closing the TOC field. */
const TOC_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

/**
 * The contents block: its title in « TOC Heading », then the field. Each level 1 or 2 heading is a cached
 * entry (« toc 1 » / « toc 2 ») hyperlinked to its bookmark; the field begins in the first entry and ends in
 * the last. Without any heading, one empty paragraph holds the whole field.
 */
function contentsXml(block: Contents, anchors: Iterable<Anchor>, pages: readonly number[]): string {
  const title = `<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr>${plainRun(block.title)}</w:p>`;
  const entries = [...anchors].filter((a) => a.heading.level <= 2);
  if (entries.length === 0) return `${title}<w:p>${TOC_BEGIN}${TOC_END}</w:p>`;
  const paragraphs = entries.map((a, i) => {
    const begin = i === 0 ? TOC_BEGIN : "";
    const end = i === entries.length - 1 ? TOC_END : "";
    // The page number only when a layout gave it (else the entry would end in a dotted leader to nothing).
    const page = pages[i];
    const pageRef =
      page === undefined ? "" : `<w:r><w:tab/></w:r>${complexField(`PAGEREF ${a.name} \\h`, String(page))}`;
    const link = `<w:hyperlink w:anchor="${a.name}" w:history="1">${plainRun(a.heading.text)}${pageRef}</w:hyperlink>`;
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

/** What the body's writing carries along: bookmarks, links, the pages known for the contents, the orientation. */
interface BodyState {
  readonly anchors: Map<Block, Anchor>;
  readonly links: Links;
  readonly pages: readonly number[];
  orientation: Orientation;
  sections: number;
}

/** One block as WordprocessingML. */
function blockXml(block: Block, state: BodyState): string {
  switch (block.kind) {
    case "paragraph":
      return paragraphXml(block, state.links);
    case "heading":
      return headingXml(state.anchors.get(block) as Anchor);
    case "table":
      return tableXml(block, state.orientation === "landscape" ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH, state.links);
    case "contents":
      return contentsXml(block, state.anchors.values(), state.pages);
    case "page-break": {
      const wanted = block.orientation ?? state.orientation;
      if (wanted === state.orientation) return PAGE_BREAK;
      // The section so far ends here (its properties in this paragraph); the next starts on a new page.
      const end = `<w:p><w:pPr><w:spacing w:after="0"/>${sectionXml(state.orientation, state.sections === 0)}</w:pPr></w:p>`;
      state.orientation = wanted;
      state.sections++;
      return end;
    }
    default:
      return "";
  }
}

/** The body's content and what the package needs for it: its links, and the orientation of its last section. */
export interface Body {
  readonly xml: string;
  readonly links: Links;
  /** The orientation of the last section (the body's own `w:sectPr`), and whether it is the first. */
  readonly orientation: Orientation;
  readonly firstSection: boolean;
}

/** The body's content, without the last section's properties: every block in order. */
export function bodyXml(blocks: readonly Block[], links: Links = new Links(), pages: readonly number[] = []): Body {
  const state: BodyState = { anchors: anchorHeadings(blocks), links, pages, orientation: "portrait", sections: 0 };
  const out: string[] = [];
  blocks.forEach((block, i) => {
    const xml = blockXml(block, state);
    out.push(xml);
    const next = blocks[i + 1];
    const nextIsBreak = next?.kind === "page-break" && (next.orientation ?? state.orientation) !== state.orientation;
    if (xml && block.kind === "table" && (!next || next.kind === "table" || nextIsBreak)) out.push(TABLE_SPACER);
  });
  return { xml: out.join(""), links, orientation: state.orientation, firstSection: state.sections === 0 };
}
