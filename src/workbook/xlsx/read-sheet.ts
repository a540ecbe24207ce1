/** One worksheet part read into a sheet snapshot: cells, shared strings, formats, locks, merges, drop-downs. */
import { address, parseAddress, type RangeRef } from "../../domain/a1";
import {
  type InputLock,
  type CellSnapshot,
  type SheetSnapshot,
  type ValidationSnapshot,
  type ValidationType,
  type Visibility,
} from "../../domain/snapshot";
import {
  decodeEntities,
  isNameEnd,
  isSpace,
  localName,
  normaliseNewlines,
  readStartTag,
  type XmlAttributes,
  type XmlHandler,
  type XmlText,
} from "./xml";
import { BUILTIN_FORMATS } from "./number-formats";
import { MAX_CELLS, Parts, SheetEntry, VALIDATION_TYPES, XlsxReadError, isTrue, shown } from "./read-package";

/**
 * A canonical address as writers put it in `r` (« B12 »: capitals, no `$`, no leading zero), read by hand from
 * `xml` between `from` and `to` (no string built: this runs for every cell of every sheet). The position as
 * {@link probeKey} gives it; -1 for anything else, which goes to the general parser.
 */
function canonicalAddress(xml: string, from: number, to: number): number {
  let i = from;
  let col = 0;
  while (i < to && i < from + 3) {
    const c = xml.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    i++;
  }
  if (i === from || i === to || to - i > 7 || xml.charCodeAt(i) === 48 /* 0 */) return -1;
  let row = 0;
  for (; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
  }
  // One number, no object: this runs for every cell.
  return row <= 1048576 && col <= 16384 ? probeKey(row, col) : -1;
}

/**
 * The number written in `text` between `from` and `to` when it is 1 to `most` plain digits (nearly always), read
 * without building a string or running a regular expression; -1 otherwise (the caller's general reading then).
 */
function plainDigits(text: string, from: number, to: number, most: number): number {
  if (to <= from || to - from > most) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** A number written between `from` and `to` (at most `most` digits read by hand), as `Number()` reads it. */
function numberAt(text: XmlText, from: number, to: number, most: number): number {
  const n = plainDigits(text.xml, from, to, most);
  return n >= 0 ? n : Number(text.cut(from, to));
}

/** A style index `s` as `Number()` reads it (0 when absent). */
function styleAt(text: XmlText, from: number, to: number): number {
  return from < 0 ? 0 : numberAt(text, from, to, 6);
}

/** A cell type `t`: the one-letter ones without building a string. */
function typeAt(text: XmlText, from: number, to: number): string {
  if (from < 0) return "n";
  if (to - from === 1) {
    const c = text.xml.charCodeAt(from);
    if (c === 115) return "s";
    if (c === 110) return "n";
    if (c === 98) return "b";
    if (c === 101) return "e";
  }
  return text.cut(from, to);
}

/** OOXML escapes characters XML cannot carry as `_xHHHH_` (ST_Xstring); `_x005F_` is a literal `_`. */
export function decodeXstring(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of each `<si>`: plain `<t>` or rich-text runs `<r><t>`, phonetic runs `<rPh>` skipped. */
export function readSharedStrings(parts: Parts, part: string | undefined): string[] {
  const strings: string[] = [];
  if (part === undefined) return strings;
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  parts.parse(part, {
    openElement(qname) {
      const name = localName(qname);
      if (name === "si") current = "";
      else if (name === "rPh") phonetic++;
      else if (name === "t") inText = current !== undefined && phonetic === 0;
    },
    closeElement(qname) {
      const name = localName(qname);
      if (name === "si" && current !== undefined) {
        strings.push(decodeXstring(current));
        current = undefined;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text(t) {
      if (inText) current += t;
    },
  });
  return strings;
}

export function isGeneral(code: string | undefined): boolean {
  return code === undefined || code === "" || code.toLowerCase() === "general";
}

/** The number format code of each cell style (`cellXfs` index), undefined for General. */
/** Each cell format's number format code (undefined for General) and whether it locks the cell. */
export function readCellFormats(
  parts: Parts,
  part: string | undefined,
): { formats: (string | undefined)[]; locked: boolean[] } {
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  const locked: boolean[] = [];
  if (part === undefined) return { formats: [], locked: [] };
  let inNumFmts = false;
  let inCellXfs = false;
  parts.parse(part, {
    openElement(qname, a) {
      const name = localName(qname);
      if (name === "numFmts") inNumFmts = true;
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "numFmt" && inNumFmts && a.formatCode !== undefined)
        custom.set(Number(a.numFmtId), a.formatCode);
      else if (name === "xf" && inCellXfs) {
        formatIds.push(Number(a.numFmtId ?? 0));
        locked.push(true);
      } else if (name === "protection" && inCellXfs && locked.length > 0 && a.locked !== undefined)
        locked[locked.length - 1] = isTrue(a.locked);
    },
    closeElement(qname) {
      const name = localName(qname);
      if (name === "numFmts") inNumFmts = false;
      else if (name === "cellXfs") inCellXfs = false;
    },
  });
  const formats = formatIds.map((id) => {
    const code = custom.get(id) ?? BUILTIN_FORMATS[id];
    return id === 0 || isGeneral(code) ? undefined : code;
  });
  return { formats, locked };
}

// ---------------------------------------------------------------------------------------------------
// Worksheets

export interface PendingCell {
  /** Undefined when the position falls outside the grid: the cell is dropped. */
  readonly address: string | undefined;
  readonly type: string;
  readonly style: number;
  value?: string;
  formula?: string;
  inline?: string;
}

export interface PendingValidation {
  readonly attributes: XmlAttributes;
  sqref?: string;
  formula1?: string;
  formula2?: string;
}

export type ValidationField = "formula1" | "formula2" | "sqref";

/** What every sheet shares: shared strings, formats, and the workbook-wide cell budget. */
export interface SheetContext {
  readonly strings: readonly string[];
  readonly formats: readonly (string | undefined)[];
  /** Whether each cell format locks its cells (the default, in Excel). */
  readonly locked: readonly boolean[];
  /** The product's input areas, whose lock state every sheet reports (see SheetSnapshot.inputLocks). */
  readonly lockProbes: readonly { readonly range: string; readonly ref: RangeRef }[];
  /**
   * The rectangle that holds every probe (a few thousand cells): the style of each cell written inside it is kept
   * in a grid of that size, by position, and each probe then counts its own part of the grid.
   */
  readonly probeBox: { readonly top: number; readonly left: number; readonly width: number; readonly height: number };
  cellCount: number;
}

/** Only plain decimal notation: `Number()` would also take « 0x1F », « Infinity » or « ». */
export function toNumber(raw: string): number | undefined {
  const s = raw.trim();
  if (s === "" || /[^0-9eE+\-.]/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** {@link toNumber} of a shared string's index. */
function stringIndex(raw: string): number | undefined {
  const n = plainDigits(raw, 0, raw.length, 9);
  return n >= 0 ? n : toNumber(raw);
}

export type CellValue = Pick<CellSnapshot, "t" | "v">;

export function cellValue(cell: PendingCell, strings: readonly string[]): CellValue | undefined {
  const raw = cell.value;
  switch (cell.type) {
    case "s": {
      const index = raw !== undefined ? stringIndex(raw) : undefined;
      return index !== undefined && Number.isInteger(index) && index >= 0 && index < strings.length
        ? { t: "s", v: strings[index] }
        : undefined;
    }
    case "inlineStr":
      return cell.inline !== undefined ? { t: "s", v: decodeXstring(cell.inline) } : undefined;
    case "str":
      return raw !== undefined ? { t: "s", v: decodeXstring(raw) } : undefined;
    case "d": // an ISO 8601 date kept as its text
      return raw !== undefined && raw.trim() !== "" ? { t: "s", v: raw.trim() } : undefined;
    case "b":
      return raw !== undefined && raw.trim() !== "" ? { t: "b", v: isTrue(raw.trim().toLowerCase()) } : undefined;
    case "e":
      return raw !== undefined && raw.trim() !== "" ? { t: "e", v: raw.trim() } : undefined;
    default: {
      if (raw === undefined || raw.trim() === "") return undefined;
      const n = toNumber(raw);
      return n !== undefined ? { t: "n", v: n } : { t: "s", v: raw };
    }
  }
}

/** The cell as the snapshot keeps it, or undefined for an empty cell (no value, no formula). */
export function cellSnapshot(cell: PendingCell, context: SheetContext): CellSnapshot | undefined {
  const formula = cell.formula?.trim().replace(/^=/, "") || undefined;
  const value = cellValue(cell, context.strings);
  if (formula === undefined && (value === undefined || value.v === "")) return undefined;
  const nf = context.formats[cell.style];
  // Built field by field (no spread): this runs for every non-empty cell. The value is a fresh object of its own.
  const snapshot: { t: CellSnapshot["t"]; v: CellSnapshot["v"]; f?: string; nf?: string } = value ?? {
    t: "s",
    v: "",
  };
  if (formula !== undefined) snapshot.f = formula;
  if (nf !== undefined) snapshot.nf = nf;
  return snapshot as CellSnapshot;
}

export function validationSnapshot(v: PendingValidation): ValidationSnapshot | undefined {
  const sqref = (v.sqref ?? v.attributes.sqref ?? "").trim();
  if (sqref === "") return undefined;
  const type = v.attributes.type ?? "none";
  const strip = (f: string | undefined) => (f === undefined ? undefined : f.trim().replace(/^=/, ""));
  const formula1 = strip(v.formula1);
  const formula2 = strip(v.formula2);
  return {
    sqref,
    type: VALIDATION_TYPES.has(type) ? (type as ValidationType) : "any",
    ...(formula1 !== undefined ? { formula1 } : {}),
    ...(formula2 !== undefined ? { formula2 } : {}),
    ...(v.attributes.operator !== undefined ? { operator: v.attributes.operator } : {}),
  };
}

/** A cell's position as one number, to key the probed styles without building addresses. */
function probeKey(row: number, col: number): number {
  return row * KEY_ROW + col;
}

/** Past the last column (16,384): a key's column is its remainder, its row its quotient. */
const KEY_ROW = 32768;

/** A row's own style (`customFormat` true, and `s`), undefined without one. */
function rowStyle(customFormat: string | undefined, style: number | undefined): number | undefined {
  return isTrue(customFormat ?? "0") ? style : undefined;
}

/** A row's `r` as `Number()` reads it (NaN when absent). */
function rowNumber(a: XmlAttributes): number {
  return a.r !== undefined ? Number(a.r) : NaN;
}

/**
 * What {@link readPlainTag} read of a `<c>` or `<row>` start tag, as positions in the XML (-1: absent): its `r`,
 * its `s`, and a third attribute (`t` of a cell, `customFormat` of a row). One object per element for the whole read.
 */
interface PlainTag {
  readonly name: string;
  readonly third: string;
  rFrom: number;
  rTo: number;
  sFrom: number;
  sTo: number;
  xFrom: number;
  xTo: number;
  selfClosing: boolean;
  end: number;
}

function plainTag(name: string, third: string): PlainTag {
  return { name, third, rFrom: -1, rTo: -1, sFrom: -1, sTo: -1, xFrom: -1, xTo: -1, selfClosing: false, end: 0 };
}

const CELL_TAG = plainTag("c", "t");
const ROW_TAG = plainTag("row", "customFormat");

/**
 * `<c r="B12" s="5" t="s">`, `<row r="12" spans="1:19">` or the same self-closed at `lt`, read without building
 * its attributes: where the three that count lie only (the others say nothing to the reader; most cells are empty
 * and need no string at all). Undefined for another element or anything unusual — a reference or a blank to
 * normalise in a value, a malformed tag —, which the events then read (and refuse) as they would.
 */
function readPlainTag(xml: string, lt: number, tag: PlainTag): PlainTag | undefined {
  const n = xml.length;
  const tagName = tag.name;
  let i = lt + 1 + tagName.length;
  if (!xml.startsWith(tagName, lt + 1) || !isNameEnd(xml.charCodeAt(i))) return undefined;
  const third = tag.third;
  const thirdCode = third.length === 1 ? third.charCodeAt(0) : -1;
  tag.rFrom = tag.rTo = tag.sFrom = tag.sTo = tag.xFrom = tag.xTo = -1;
  for (;;) {
    while (i < n && isSpace(xml.charCodeAt(i))) i++;
    if (i >= n) return undefined;
    const code = xml.charCodeAt(i);
    if (code === 62 /* > */) {
      tag.selfClosing = false;
      tag.end = i + 1;
      return tag;
    }
    if (code === 47 /* / */) {
      if (xml.charCodeAt(i + 1) !== 62) return undefined;
      tag.selfClosing = true;
      tag.end = i + 2;
      return tag;
    }
    const nameStart = i;
    while (i < n && !isNameEnd(xml.charCodeAt(i))) i++;
    const nameLength = i - nameStart;
    if (nameLength === 0 || xml.charCodeAt(i) !== 61 /* = */) return undefined;
    const quote = xml.charCodeAt(i + 1);
    if (quote !== 34 && quote !== 39) return undefined;
    const close = xml.indexOf(quote === 34 ? '"' : "'", i + 2);
    if (close < 0) return undefined;
    for (let k = i + 2; k < close; k++) {
      const c = xml.charCodeAt(k);
      if (c === 60 /* < */ || c === 38 /* & */ || c === 9 || c === 10 || c === 13) return undefined;
    }
    if (nameLength === 1) {
      const which = xml.charCodeAt(nameStart);
      if (which === 114 /* r */) {
        tag.rFrom = i + 2;
        tag.rTo = close;
      } else if (which === 115 /* s */) {
        tag.sFrom = i + 2;
        tag.sTo = close;
      } else if (which === thirdCode) {
        tag.xFrom = i + 2;
        tag.xTo = close;
      }
    } else if (nameLength === third.length && xml.startsWith(third, nameStart)) {
      tag.xFrom = i + 2;
      tag.xTo = close;
    }
    i = close + 1;
  }
}

/** Text up to the next `<`, which must open `end` (« </v> »): the index of that `<`, or -1. */
function textBefore(xml: string, from: number, end: string): number {
  const lt = xml.indexOf("<", from);
  return lt >= 0 && xml.startsWith(end, lt) ? lt : -1;
}

const PRESERVED = '<t xml:space="preserve">';

/** Character data as the events give it: new lines normalised, entities decoded. */
function characters(text: XmlText, from: number, to: number): string {
  return decodeEntities(normaliseNewlines(text.cut(from, to)));
}

/**
 * A cell's content from `from` (past its start tag) through `</c>` — `<v>`, `<f>`, `<is><t>` in any number and
 * order, blanks between them — into `cell` as the events would put it: the index past `</c>`, or -1 for anything
 * else (`cell` is then dropped).
 */
function fastCellContent(text: XmlText, from: number, cell: PendingCell): number {
  const xml = text.xml;
  let i = from;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) return -1;
    if (xml.startsWith("</c>", lt)) return lt + 4;
    if (xml.startsWith("<v>", lt)) {
      const close = textBefore(xml, lt + 3, "</v>");
      if (close < 0) return -1;
      if (close > lt + 3) cell.value = (cell.value ?? "") + characters(text, lt + 3, close);
      i = close + 4;
    } else if (xml.startsWith("<v/>", lt)) i = lt + 4;
    else if (xml.startsWith("<f", lt)) {
      const tag = readStartTag(text, lt);
      if (tag.name !== "f") return -1;
      if (tag.selfClosing) {
        i = tag.end;
        continue;
      }
      const close = textBefore(xml, tag.end, "</f>");
      if (close < 0) return -1;
      if (close > tag.end) cell.formula = (cell.formula ?? "") + characters(text, tag.end, close);
      i = close + 4;
    } else if (xml.startsWith("<is>", lt)) {
      const t = xml.indexOf("<", lt + 4);
      if (t < 0 || !xml.startsWith("<t", t)) return -1;
      // What this product writes, without building its attribute; any other `<t` through the tag reader.
      // Compared as a slice: `startsWith` with a position took ~140 ns for this 24-character prefix, the slice ~60.
      const tag =
        xml.slice(t, t + PRESERVED.length) === PRESERVED
          ? { name: "t", selfClosing: false, end: t + PRESERVED.length }
          : readStartTag(text, t);
      if (tag.name !== "t") return -1;
      cell.inline ??= "";
      let next = tag.end;
      if (!tag.selfClosing) {
        const close = textBefore(xml, tag.end, "</t>");
        if (close < 0) return -1;
        if (close > tag.end) cell.inline += characters(text, tag.end, close);
        next = close + 4;
      }
      const end = textBefore(xml, next, "</is>");
      if (end < 0) return -1;
      i = end + 5;
    } else return -1;
  }
}

/**
 * Streams one worksheet part. Cells are addressed by `r`, or by position when a producer leaves `r`
 * out; only non-empty cells are kept, so cost follows content whatever `<dimension>` claims.
 * Validations come from `<dataValidations>` and from the x14 extension (`<x14:dataValidation>` with
 * `<xm:f>` and `<xm:sqref>`) that Excel and LibreOffice use for lists on another sheet.
 */
export class WorksheetReader implements XmlHandler {
  readonly cells: Record<string, CellSnapshot> = {};
  readonly validations: ValidationSnapshot[] = [];
  readonly merges: string[] = [];
  isProtected = false;
  /** Every page's header and footer (`<oddHeader>`, `<oddFooter>`), as written. */
  private readonly printed = { header: "", footer: "" };
  private printedField: "header" | "footer" | undefined;
  /** Style + 1 of each cell written inside the probes' box (0: none written), and the row and column styles. */
  private readonly probedStyles: Int32Array;
  private readonly rowStyles = new Map<number, number>();
  private readonly columnStyles: { min: number; max: number; style: number }[] = [];

  /** The position of the last cell the fast path kept furthest in reading order (see fastRow). */
  private lastKept = -1;
  private inSheetData = false;
  private row = 0;
  private column = 0;
  private cell: PendingCell | undefined;
  private capture: "value" | "formula" | "inline" | undefined;
  private inInlineString = false;
  private phonetic = 0;
  private validation: PendingValidation | undefined;
  private validationField: ValidationField | undefined;
  private validationText = "";

  constructor(
    private readonly sheetName: string,
    private readonly context: SheetContext,
  ) {
    this.probedStyles = new Int32Array(context.probeBox.width * context.probeBox.height);
  }

  openElement(qname: string, a: XmlAttributes, selfClosing: boolean): void {
    const name = localName(qname);
    if (this.cell) this.openInCell(this.cell, name);
    else if (this.validation) this.openInValidation(name);
    else if (selfClosing && name === "c" && this.inSheetData) this.emptyCell(a);
    else this.openInSheet(name, a);
  }

  closeElement(qname: string): void {
    const name = localName(qname);
    if (this.cell) this.closeInCell(this.cell, name);
    else if (this.validation) this.closeInValidation(this.validation, name);
    else if (name === "sheetData") this.inSheetData = false;
    else if (name === "oddHeader" || name === "oddFooter") this.printedField = undefined;
  }

  text(t: string): void {
    const cell = this.cell;
    if (this.validationField) this.validationText += t;
    else if (!cell || !this.capture) {
      if (this.printedField) this.printed[this.printedField] += t;
    } else if (this.capture === "value") cell.value = (cell.value ?? "") + t;
    else if (this.capture === "formula") cell.formula = (cell.formula ?? "") + t;
    else cell.inline = (cell.inline ?? "") + t;
  }

  /**
   * The fast path through `<sheetData>`: each row made only of unprefixed `<c>` cells holding `<v>`, `<f>` or
   * `<is><t>` (what this product, Excel and LibreOffice write) is read here, without an event per element, with
   * exactly the events' outcome. At the first row holding anything else (a prefix, a comment, rich text, CDATA,
   * an end tag with a blank…) parsing goes back to the events from that row's `<`, nothing of that row kept;
   * a malformed tag throws here the error the events would throw at the same place.
   */
  readContent(qname: string, text: XmlText, from: number): number {
    if (qname !== "sheetData" || !this.inSheetData || this.cell || this.validation || this.printedField) return from;
    const xml = text.xml;
    let i = from;
    for (;;) {
      const lt = xml.indexOf("<", i);
      // Text between rows says nothing (the events ignore it); the end of the document is the events' to report.
      if (lt < 0) return i;
      if (!xml.startsWith("<row", lt)) return lt;
      const end = this.fastRow(text, lt);
      if (end < 0) return lt;
      i = end;
    }
  }

  /** One `<row>` read whole (see readContent): the index past its end, or -1 and nothing changed. */
  private fastRow(text: XmlText, lt: number): number {
    const xml = text.xml;
    // Read as the cells are, without building its attributes; anything unusual goes to the events.
    const rowTag = readPlainTag(xml, lt, ROW_TAG);
    if (rowTag === undefined) return -1;
    const savedRow = this.row;
    const savedColumn = this.column;
    const bail = () => {
      this.row = savedRow;
      this.column = savedColumn;
      return -1;
    };
    const { rFrom, rTo, sFrom, sTo, xFrom, xTo } = rowTag;
    this.moveToRow(rFrom < 0 ? NaN : numberAt(text, rFrom, rTo, 7));
    // The row's own number, under which the events keep its style (a cell's `r` may point to another row).
    const row = this.row;
    const style = rowStyle(
      xFrom >= 0 ? text.cut(xFrom, xTo) : undefined,
      sFrom >= 0 ? styleAt(text, sFrom, sTo) : undefined,
    );
    if (rowTag.selfClosing) {
      if (style !== undefined) this.rowStyles.set(row, style);
      return rowTag.end;
    }
    /** Kept until the row is read whole: [key, style] of probed cells, [address, key, snapshot] of non-empty ones. */
    const probed: number[] = [];
    const cells: (string | number | CellSnapshot)[] = [];
    let i = rowTag.end;
    for (;;) {
      const at = xml.indexOf("<", i);
      if (at < 0) return bail();
      if (xml.charCodeAt(at + 1) === 47 /* / */) {
        if (!xml.startsWith("</row>", at)) return bail();
        i = at + 6;
        break;
      }
      const tag = readPlainTag(xml, at, CELL_TAG);
      if (tag === undefined) return bail();
      // A canonical `r` (nearly always) is read where it lies: its text is taken only for a cell kept.
      const key = tag.rFrom >= 0 ? canonicalAddress(xml, tag.rFrom, tag.rTo) : -1;
      let cellAt: string | undefined;
      if (key >= 0) {
        this.row = Math.floor(key / KEY_ROW);
        this.column = key % KEY_ROW;
      } else {
        cellAt = this.moveTo(tag.rFrom >= 0 ? text.cut(tag.rFrom, tag.rTo) : undefined);
      }
      const onGrid = key >= 0 || cellAt !== undefined;
      const cellStyle = styleAt(text, tag.sFrom, tag.sTo);
      const inBox = onGrid ? this.boxIndex() : -1;
      if (inBox >= 0) probed.push(inBox, cellStyle);
      if (tag.selfClosing) {
        i = tag.end;
        continue;
      }
      // The canonical text is the address's own spelling: the shared string (see `address`), not a new one.
      if (key >= 0) cellAt = address(this.row, this.column);
      const cell: PendingCell = { address: cellAt, type: typeAt(text, tag.xFrom, tag.xTo), style: cellStyle };
      const end = fastCellContent(text, tag.end, cell);
      if (end < 0) return bail();
      i = end;
      const snapshot = cellAt !== undefined ? cellSnapshot(cell, this.context) : undefined;
      if (cellAt !== undefined && snapshot !== undefined) cells.push(cellAt, probeKey(this.row, this.column), snapshot);
    }
    if (style !== undefined) this.rowStyles.set(row, style);
    for (let k = 0; k < probed.length; k += 2) this.probedStyles[probed[k]] = probed[k + 1] + 1;
    for (let k = 0; k < cells.length; k += 3) {
      const at = cells[k] as string;
      const key = cells[k + 1] as number;
      // Cells in reading order (each past the last one kept) are new: no need to look the address up.
      const isNew = key > this.lastKept || !(at in this.cells);
      if (isNew && ++this.context.cellCount > MAX_CELLS)
        throw new XlsxReadError(`Fichier refusé : le classeur compte plus de ${MAX_CELLS} cellules non vides.`);
      if (key > this.lastKept) this.lastKept = key;
      this.cells[at] = cells[k + 2] as CellSnapshot;
    }
    return i;
  }

  private openInSheet(name: string, a: XmlAttributes): void {
    switch (name) {
      case "sheetData":
        this.inSheetData = true;
        break;
      case "row":
        if (this.inSheetData) this.startRow(a);
        break;
      case "col":
        if (a.style !== undefined && this.columnStyles.length < 1000)
          this.columnStyles.push({ min: Number(a.min ?? 0), max: Number(a.max ?? 0), style: Number(a.style) });
        break;
      case "c":
        if (this.inSheetData) this.startCell(a);
        break;
      case "sheetProtection":
        this.isProtected = isTrue(a.sheet);
        break;
      case "mergeCell":
        if (a.ref) this.merges.push(a.ref.replace(/\$/g, "").toUpperCase());
        break;
      case "dataValidation":
        this.validation = { attributes: a };
        break;
      case "oddHeader":
      case "oddFooter":
        this.printedField = name === "oddHeader" ? "header" : "footer";
        this.printed[this.printedField] = "";
        break;
    }
  }

  private startRow(a: XmlAttributes): void {
    this.moveToRow(rowNumber(a));
    const style = rowStyle(a.customFormat, a.s !== undefined ? Number(a.s) : undefined);
    if (style !== undefined) this.rowStyles.set(this.row, style);
  }

  /** To row `r` (its `r` as a number), or the next one when `r` is no row number. */
  private moveToRow(r: number): void {
    this.row = Number.isInteger(r) && r > 0 ? r : this.row + 1;
    this.column = 0;
  }

  /** Moves to the cell `a` addresses (or the next one in the row); undefined when it falls off the grid. */
  private moveTo(r: string | undefined): string | undefined {
    if (r !== undefined) {
      const key = canonicalAddress(r, 0, r.length);
      if (key >= 0) {
        // The address as written, when it already is canonical: its shared spelling (see `address`).
        this.row = Math.floor(key / KEY_ROW);
        this.column = key % KEY_ROW;
        return address(this.row, this.column);
      }
      const ref = parseAddress(r);
      if (ref) {
        this.row = ref.row;
        this.column = ref.col;
        return address(ref.row, ref.col);
      }
    }
    this.row = Math.max(this.row, 1);
    this.column += 1;
    return this.row <= 1048576 && this.column <= 16384 ? address(this.row, this.column) : undefined;
  }

  /** Keeps the style of a cell inside the probes' box: the probes report whether input areas are locked. */
  private probe(style: number): void {
    const at = this.boxIndex();
    if (at >= 0) this.probedStyles[at] = style + 1;
  }

  /** The current cell's place in the probes' box, -1 outside it. */
  private boxIndex(): number {
    const box = this.context.probeBox;
    const r = this.row - box.top;
    const c = this.column - box.left;
    return r >= 0 && r < box.height && c >= 0 && c < box.width ? r * box.width + c : -1;
  }

  /** `<c r="B12" s="5"/>`: no value, only a style (most cells of a generated fiche). */
  private emptyCell(a: XmlAttributes): void {
    const at = this.moveTo(a.r);
    if (at !== undefined) this.probe(a.s !== undefined ? Number(a.s) : 0);
  }

  private startCell(a: XmlAttributes): void {
    const at = this.moveTo(a.r);
    this.cell = { address: at, type: a.t ?? "n", style: a.s !== undefined ? Number(a.s) : 0 };
    if (at !== undefined) this.probe(this.cell.style);
  }

  /** Each probed area: all its cells locked, all unlocked, or some of each. */
  private inputLocks(): InputLock[] {
    return this.rowStyles.size === 0 && this.columnStyles.length === 0 ? this.countedLocks() : this.walkedLocks();
  }

  /**
   * Without row or column styles, a cell not written has style 0: each area counts its written cells' locks plus
   * the rest at style 0's.
   */
  private countedLocks(): InputLock[] {
    const defaultLocked = this.context.locked[0] ?? true;
    return this.probeCounts((written) => (written === 0 ? defaultLocked : (this.context.locked[written - 1] ?? true)));
  }

  private walkedLocks(): InputLock[] {
    return this.probeCounts((written, row, col) => {
      const style =
        written > 0
          ? written - 1
          : (this.rowStyles.get(row) ?? this.columnStyles.find((c) => col >= c.min && col <= c.max)?.style ?? 0);
      return this.context.locked[style] ?? true;
    });
  }

  /** Each probe's state, from whether each of its cells is locked (`written`: the grid's entry, style + 1 or 0). */
  private probeCounts(isLocked: (written: number, row: number, col: number) => boolean): InputLock[] {
    const box = this.context.probeBox;
    const grid = this.probedStyles;
    return this.context.lockProbes.map(({ range, ref }) => {
      let locked = 0;
      let unlocked = 0;
      for (let row = ref.top; row <= ref.bottom; row++) {
        const line = (row - box.top) * box.width - box.left;
        for (let col = ref.left; col <= ref.right; col++) {
          if (isLocked(grid[line + col], row, col)) locked++;
          else unlocked++;
        }
      }
      return { range, state: unlocked === 0 ? "locked" : locked === 0 ? "unlocked" : "mixed" };
    });
  }

  private openInCell(cell: PendingCell, name: string): void {
    if (name === "v") this.capture = "value";
    else if (name === "f") this.capture = "formula";
    else if (name === "is") this.inInlineString = true;
    else if (name === "rPh") this.phonetic++;
    else if (name === "t" && this.inInlineString && this.phonetic === 0) {
      this.capture = "inline";
      cell.inline ??= "";
    }
  }

  private closeInCell(cell: PendingCell, name: string): void {
    if (name === "c") this.finishCell(cell);
    else if (name === "v" || name === "f" || name === "t") this.capture = undefined;
    else if (name === "is") this.inInlineString = false;
    else if (name === "rPh") this.phonetic--;
  }

  private finishCell(cell: PendingCell): void {
    this.cell = undefined;
    this.capture = undefined;
    this.inInlineString = false;
    this.phonetic = 0;
    const at = cell.address;
    const snapshot = at !== undefined ? cellSnapshot(cell, this.context) : undefined;
    if (at === undefined || snapshot === undefined) return;
    // The fast path looks every address up from now on (a second <sheetData> could repeat this one).
    this.lastKept = Number.POSITIVE_INFINITY;
    if (!(at in this.cells) && ++this.context.cellCount > MAX_CELLS)
      throw new XlsxReadError(`Fichier refusé : le classeur compte plus de ${MAX_CELLS} cellules non vides.`);
    this.cells[at] = snapshot;
  }

  private openInValidation(name: string): void {
    if (name === "formula1" || name === "formula2" || name === "sqref") {
      this.validationField = name;
      this.validationText = "";
    }
  }

  private closeInValidation(validation: PendingValidation, name: string): void {
    if (name === this.validationField) {
      validation[this.validationField] = this.validationText;
      this.validationField = undefined;
    } else if (name === "dataValidation") {
      const snapshot = validationSnapshot(validation);
      if (snapshot) this.validations.push(snapshot);
      this.validation = undefined;
      this.validationField = undefined;
    }
  }

  snapshot(visibility: Visibility): SheetSnapshot {
    return {
      name: this.sheetName,
      visibility,
      protected: this.isProtected,
      cells: this.cells,
      validations: this.validations,
      merges: this.merges,
      inputLocks: this.inputLocks(),
      headerFooter: { ...this.printed },
    };
  }
}

export function readWorksheet(
  parts: Parts,
  part: string,
  entry: SheetEntry,
  context: SheetContext,
): SheetSnapshot | undefined {
  const reader = new WorksheetReader(entry.name, context);
  const found = parts.parse(part, reader, `la feuille « ${shown(entry.name)} »`);
  return found ? reader.snapshot(entry.visibility) : undefined;
}
