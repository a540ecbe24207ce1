/**
 * A word-processing document as the dossier builds it, independent of any file format: headings, paragraphs,
 * tables, a table of contents. `src/documents/docx` writes it as a .docx; nothing here knows OOXML.
 */

/** A run of text; `missing` marks the « À compléter » placeholders, shown so that nobody misses them. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly missing?: boolean;
  /** An external link (http or https only): the run is a hyperlink to it. */
  readonly link?: string;
}

/** One paragraph; a line break inside `text` of a run starts a new line in the same paragraph. */
export interface Paragraph {
  readonly kind: "paragraph";
  readonly runs: readonly Run[];
  /** « Title » for the cover's title, « Subtitle » under it, « ListBullet » for a bulleted item. */
  readonly style?: "Title" | "Subtitle" | "ListBullet";
}

export interface Heading {
  readonly kind: "heading";
  readonly level: 1 | 2 | 3;
  readonly text: string;
}

export interface TableCell {
  readonly paragraphs: readonly Paragraph[];
  /** A label cell: shaded and bold, as the guide's tables print their left column and titles. */
  readonly label?: boolean;
  /** How many grid columns the cell spans (1 by default). */
  readonly span?: number;
  /**
   * Vertical merge: « restart » starts a cell merged with the cells below marked « continue » (the same
   * objective over several indicator lines is written once). A « continue » cell's own content is not shown.
   */
  readonly merge?: "restart" | "continue";
}

export interface Table {
  readonly kind: "table";
  /** Relative widths of the grid columns: the table spans the text width, shared in these proportions. */
  readonly columns: readonly number[];
  readonly rows: readonly (readonly TableCell[])[];
  /** Rows repeated at the top of each page when the table breaks (the first `headerRows` rows). */
  readonly headerRows?: number;
}

/**
 * A table of contents over the level 1 and 2 headings: written pre-filled (each entry a link to its heading),
 * its page numbers computed where the document is laid out (the PDF export refreshes it; in Word, F9).
 */
export interface Contents {
  readonly kind: "contents";
  readonly title: string;
}

/**
 * A new page; with an orientation different from the current pages', a new section whose pages have it (a
 * table too wide for portrait goes on landscape pages, and the next break in portrait comes back).
 */
export interface PageBreak {
  readonly kind: "page-break";
  readonly orientation?: "portrait" | "landscape";
}

export type Block = Paragraph | Heading | Table | Contents | PageBreak;

export interface DocumentModel {
  /** Document properties: title and author (the school). */
  readonly title: string;
  readonly author: string;
  /** Printed at the top of every page but the first. */
  readonly header: string;
  /** Printed at the bottom of every page, before « Page n / N ». */
  readonly footer: string;
  /** The application named in the document's properties; none when absent (the final dossier). */
  readonly application?: string;
  readonly blocks: readonly Block[];
}

/** A paragraph of plain text. */
export function paragraph(text: string, style?: Paragraph["style"]): Paragraph {
  // No conditional spread: the dossier's body makes thousands of these for each check (#28).
  return style ? { kind: "paragraph", runs: [{ text }], style } : { kind: "paragraph", runs: [{ text }] };
}
