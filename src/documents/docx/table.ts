/**
 * Tables as WordprocessingML: a fixed grid scaled to the text width, the « Table Grid » style, shaded bold
 * label cells, repeated header rows, vertically merged cells. A short row never breaks across pages
 * (`w:cantSplit`); a long one may (a long answer must be able to continue on the next page); a short table
 * stays whole.
 */
import type { Paragraph, Table, TableCell } from "../../domain/dossier/document";
import { TEXT_WIDTH } from "./styles";
import { paragraphStyle, runXml, type Links } from "./xml";

/** A row whose cells hold fewer characters than this stays on one page. */
export const UNSPLIT_ROW_CHARS = 600;
/** A table of at most this many rows and characters stays on one page, with the heading before it. */
export const TOGETHER_ROWS = 8;
export const TOGETHER_CHARS = 1200;

/** Fill of the label cells (light blue-grey, as the guide's tables print their left column). */
const LABEL_FILL = "D9E2F3";

/**
 * The grid's column widths in twips: the relative `columns` scaled so that they add up to `total` exactly
 * (largest remainders get the rounding). A weight that is not a positive number counts as 0; no usable
 * weight at all gives equal columns; no column at all gives one full-width column.
 */
export function gridWidths(columns: readonly number[], total = TEXT_WIDTH): number[] {
  if (columns.length === 0) return [total];
  let weights = columns.map((c) => (Number.isFinite(c) && c > 0 ? c : 0));
  let sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) {
    weights = columns.map(() => 1);
    sum = columns.length;
  }
  const exact = weights.map((w) => (w / sum) * total);
  const widths = exact.map(Math.floor);
  let left = total - widths.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    widths[i] += 1;
    left -= 1;
  }
  return widths;
}

/** A cell placed on the grid: its content and how many grid columns it covers. */
interface PlacedCell {
  paragraphs: Paragraph[];
  label: boolean;
  span: number;
  merge?: "restart" | "continue";
}

/**
 * The cells of a row fitted to a grid of `count` columns: spans are whole numbers of at least 1, cut to
 * what is left of the grid; the last cell stretches to the right edge; cells past the grid's edge are
 * appended to the last cell rather than lost; an empty row gets one empty cell across the grid.
 */
export function placeRow(cells: readonly TableCell[], count: number): PlacedCell[] {
  const placed: PlacedCell[] = [];
  let left = count;
  for (const cell of cells) {
    const last = placed[placed.length - 1];
    if (left === 0 && last) {
      last.paragraphs.push(...cell.paragraphs);
      continue;
    }
    const asked = Number.isFinite(cell.span) ? Math.floor(cell.span as number) : 1;
    const span = Math.min(Math.max(1, asked), left);
    placed.push({
      paragraphs: [...cell.paragraphs],
      label: cell.label === true,
      span,
      ...(cell.merge === "restart" || cell.merge === "continue" ? { merge: cell.merge } : {}),
    });
    left -= span;
  }
  if (placed.length === 0) return [{ paragraphs: [], label: false, span: count }];
  placed[placed.length - 1].span += left;
  return placed;
}

/** A paragraph inside a cell: tighter spacing than the body's; every run bold in a label cell. */
function cellParagraph(p: Paragraph, label: boolean, links?: Links, keepNext = false): string {
  const keep = keepNext ? "<w:keepNext/>" : "";
  const pPr = `<w:pPr>${paragraphStyle(p)}${keep}<w:spacing w:before="40" w:after="40"/></w:pPr>`;
  return `<w:p>${pPr}${p.runs.map((r) => runXml(r, label, links)).join("")}</w:p>`;
}

/** One `w:tc`: width, span, vertical merge and shading (in CT_TcPr's order), then at least one paragraph. */
function cellXml(cell: PlacedCell, width: number, links?: Links, keepNext = false): string {
  const span = cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : "";
  const merge =
    cell.merge === "restart" ? '<w:vMerge w:val="restart"/>' : cell.merge === "continue" ? "<w:vMerge/>" : "";
  const shade = cell.label ? `<w:shd w:val="clear" w:color="auto" w:fill="${LABEL_FILL}"/>` : "";
  // A continued cell shows the content of the one above: its own stays empty (one paragraph, as Word wants).
  const own = cell.merge === "continue" ? [] : cell.paragraphs;
  const paragraphs = own.length ? own : [{ kind: "paragraph" as const, runs: [] }];
  const content = paragraphs.map((p) => cellParagraph(p, cell.label, links, keepNext)).join("");
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span}${merge}${shade}</w:tcPr>${content}</w:tc>`;
}

/** The characters a row holds. */
function rowChars(cells: readonly TableCell[]): number {
  return cells.reduce(
    (n, c) => n + c.paragraphs.reduce((m, p) => m + p.runs.reduce((k, r) => k + r.text.length, 0), 0),
    0,
  );
}

/**
 * One `w:tr`: kept on one page when short (`w:cantSplit`), marked as a header row (repeated on each page)
 * when `header` is set — in CT_TrPr's order.
 */
function rowXml(
  cells: readonly TableCell[],
  widths: readonly number[],
  header: boolean,
  links?: Links,
  keepNext = false,
): string {
  const props = (rowChars(cells) < UNSPLIT_ROW_CHARS ? "<w:cantSplit/>" : "") + (header ? "<w:tblHeader/>" : "");
  const trPr = props ? `<w:trPr>${props}</w:trPr>` : "";
  let column = 0;
  const tcs = placeRow(cells, widths.length).map((cell) => {
    const width = widths.slice(column, column + cell.span).reduce((a, b) => a + b, 0);
    column += cell.span;
    return cellXml(cell, width, links, keepNext);
  });
  return `<w:tr>${trPr}${tcs.join("")}</w:tr>`;
}

/**
 * A `w:tbl` for the model's table, or nothing for a table without rows (Word refuses those), `width` twips
 * wide (the text width of its pages), its links registered in `links`.
 */
export function tableXml(table: Table, width = TEXT_WIDTH, links?: Links): string {
  if (table.rows.length === 0) return "";
  const widths = gridWidths(table.columns, width);
  const headerRows = Math.max(0, Math.floor(table.headerRows ?? 0));
  const tblPr =
    '<w:tblPr><w:tblStyle w:val="TableGrid"/>' +
    `<w:tblW w:w="${width}" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr>`;
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  // A short table stays on one page: each row but the last is kept with the next (`w:keepNext` in its
  // paragraphs, as Word does it), and the heading before it, kept with its next paragraph, comes along.
  const together =
    table.rows.length <= TOGETHER_ROWS && table.rows.reduce((n, r) => n + rowChars(r), 0) < TOGETHER_CHARS;
  const last = table.rows.length - 1;
  const rows = table.rows
    .map((cells, i) => rowXml(cells, widths, i < headerRows, links, together && i < last))
    .join("");
  return `<w:tbl>${tblPr}${grid}${rows}</w:tbl>`;
}
