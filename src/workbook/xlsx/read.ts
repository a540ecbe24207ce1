/**
 * Reads a workbook snapshot from .xlsx bytes: only what the domain needs (sheet names and states, cells
 * with their types, shared strings and number formats, protection, merged cells, data validations,
 * defined names). Charts, drawings, comments, pivot tables and every other part are never opened.
 *
 * Safety: the package goes through {@link ZipPackage} (inflation capped per part and in total, part names
 * are map keys) and each part through {@link parseXml} (linear, no DOCTYPE, no entity expansion). Costs
 * follow the real content: a declared dimension or a far-away cell allocates nothing by itself.
 * Every failure becomes an {@link XlsxReadError} carrying one French line for the user.
 */
import { address, parseAddress, parseRange, rangeContains, type RangeRef } from "../../domain/a1";
import { inputAreas } from "../../domain/blueprint/build";
import type {
  ChartSnapshot,
  InputLock,
  CellSnapshot,
  NameSnapshot,
  SheetSnapshot,
  ValidationSnapshot,
  ValidationType,
  Visibility,
  WorkbookSnapshot,
} from "../../domain/snapshot";
import { localName, parseXml, XmlError, type XmlAttributes, type XmlHandler } from "./xml";
import { MAX_ENTRIES, MAX_PART_BYTES, MAX_TOTAL_BYTES, ZipError, ZipPackage } from "./zip";

/** A workbook that cannot be read; `message` is one French line for the user. */
export class XlsxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxReadError";
  }
}

/** More sheets than this in the workbook part and the file is refused. */
export const MAX_SHEETS = 10_000;
/** Non-empty cells kept over the whole workbook; far beyond any improvement-sheet workbook. */
export const MAX_CELLS = 5_000_000;

const MB = 1024 * 1024;

/** Codes of the built-in number formats (ECMA-376 §18.8.30) that do not depend on the locale. */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"$"#,##0_);("$"#,##0)',
  6: '"$"#,##0_);[Red]("$"#,##0)',
  7: '"$"#,##0.00_);("$"#,##0.00)',
  8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0_);(#,##0)",
  38: "#,##0_);[Red](#,##0)",
  39: "#,##0.00_);(#,##0.00)",
  40: "#,##0.00_);[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const VALIDATION_TYPES: ReadonlySet<string> = new Set<ValidationType>([
  "list",
  "whole",
  "decimal",
  "date",
  "time",
  "textLength",
  "custom",
]);

// ---------------------------------------------------------------------------------------------------
// Messages

/** A name from the file, fit for a one-line message: no control characters, bounded length. */
function shown(name: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

function zipMessage(e: ZipError): string {
  const part = e.part !== undefined ? shown(e.part) : "";
  switch (e.code) {
    case "not-zip":
      return "Fichier illisible : ce n'est pas un classeur .xlsx (archive zip invalide).";
    case "ole-file":
      return "Fichier illisible : ce classeur est protégé par un mot de passe ou enregistré au format .xls ; enregistrez-le au format .xlsx sans mot de passe.";
    case "damaged":
      return part
        ? `Fichier illisible : l'archive du classeur est endommagée (partie ${part}).`
        : "Fichier illisible : l'archive du classeur est endommagée.";
    case "too-many-entries":
      return `Fichier refusé : l'archive du classeur compte plus de ${MAX_ENTRIES} parties.`;
    case "encrypted":
      return `Fichier illisible : une partie de l'archive est chiffrée (${part}).`;
    case "unsupported-method":
      return `Fichier illisible : une partie de l'archive est compressée d'une façon inconnue (${part}).`;
    case "part-too-big":
      return `Fichier refusé : une partie du classeur (${part}) dépasse ${MAX_PART_BYTES / MB} Mo une fois décompressée (archive piégée ?).`;
    case "package-too-big":
      return `Fichier refusé : le classeur dépasse ${MAX_TOTAL_BYTES / MB} Mo une fois décompressé (archive piégée ?).`;
  }
}

/** `what` names the part for the user: « xl/workbook.xml » or « la feuille « Notes » ». */
function xmlMessage(e: XmlError, what: string): string {
  const verdict = e.kind === "doctype" ? "Fichier refusé" : "Fichier illisible";
  return `${verdict} : le XML de ${what} est invalide (${e.message}).`;
}

function toReadError(e: unknown): XlsxReadError {
  if (e instanceof XlsxReadError) return e;
  if (e instanceof ZipError) return new XlsxReadError(zipMessage(e));
  if (e instanceof XmlError) return new XlsxReadError(xmlMessage(e, "une partie du classeur"));
  if (e instanceof RangeError)
    return new XlsxReadError("Fichier refusé : le classeur est trop volumineux pour être lu.");
  return new XlsxReadError("Fichier illisible : le classeur est endommagé ou d'un format inattendu.");
}

// ---------------------------------------------------------------------------------------------------
// Parts and relationships

interface Relationship {
  readonly type: string;
  /** The target part's name, resolved against the source part. */
  readonly target: string;
}

function directoryOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** Resolves a relationship target against its source part: pure string work, `..` never leaves the root. */
export function resolvePartName(sourcePart: string, target: string): string {
  const t = target.replace(/\\/g, "/");
  const joined = t.startsWith("/") ? t : directoryOf(sourcePart) + t;
  const segments: string[] = [];
  for (const segment of joined.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

/** « xl/workbook.xml » → « xl/_rels/workbook.xml.rels ». */
export function relationshipsPartOf(part: string): string {
  const dir = directoryOf(part);
  return `${dir}_rels/${part.slice(dir.length)}.rels`;
}

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

/** The package seen as named XML parts. */
class Parts {
  constructor(private readonly zip: ZipPackage) {}

  /** The part actually in the package for `name` (tried as written, then percent-decoded). */
  find(name: string): string | undefined {
    if (this.zip.has(name)) return name;
    if (!name.includes("%")) return undefined;
    try {
      const decoded = decodeURIComponent(name);
      return this.zip.has(decoded) ? decoded : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Streams part `name` through `handler`; false when the package has no such part. `what` names the part
   * in messages. A tolerant read ignores broken XML (never a DOCTYPE, which is always refused).
   */
  parse(name: string, handler: XmlHandler, what: string = shown(name), tolerant = false): boolean {
    const found = this.find(name);
    const bytes = found !== undefined ? this.zip.read(found) : undefined;
    if (bytes === undefined) return false;
    try {
      parseXml(decodeText(bytes), handler);
    } catch (e) {
      if (!(e instanceof XmlError)) throw e;
      if (tolerant && e.kind === "syntax") return true;
      throw new XlsxReadError(xmlMessage(e, what));
    }
    return true;
  }

  /** Internal relationships of `part` by id (external ones, such as hyperlinks, are left out). */
  relationships(part: string, tolerant = false): Map<string, Relationship> {
    const out = new Map<string, Relationship>();
    this.parse(
      relationshipsPartOf(part),
      {
        openElement(name, a) {
          if (localName(name) !== "Relationship" || a.TargetMode === "External") return;
          if (a.Id === undefined || a.Target === undefined || out.has(a.Id)) return;
          out.set(a.Id, { type: a.Type ?? "", target: resolvePartName(part, a.Target) });
        },
      },
      undefined,
      tolerant,
    );
    return out;
  }
}

function targetOfType(rels: ReadonlyMap<string, Relationship>, suffix: string): string | undefined {
  for (const rel of rels.values()) if (rel.type.endsWith(suffix)) return rel.target;
  return undefined;
}

const WORKBOOK_CONTENT_TYPE =
  /(spreadsheetml\.(sheet|template)\.main\+xml|ms-excel\.(sheet|template)\.macroEnabled\.main\+xml)$/;

/** The workbook part named by `[Content_Types].xml`, which is optional and read tolerantly. */
function workbookFromContentTypes(parts: Parts): string | undefined {
  let found: string | undefined;
  parts.parse(
    "[Content_Types].xml",
    {
      openElement(name, a) {
        if (found === undefined && localName(name) === "Override" && WORKBOOK_CONTENT_TYPE.test(a.ContentType ?? ""))
          found = resolvePartName("", a.PartName ?? "");
      },
    },
    undefined,
    true,
  );
  return found;
}

/** `_rels/.rels` → officeDocument, else `[Content_Types].xml`, else the usual `xl/workbook.xml`. */
function findWorkbookPart(parts: Parts): string {
  const candidates = [
    targetOfType(parts.relationships("", true), "/officeDocument"),
    workbookFromContentTypes(parts),
    "xl/workbook.xml",
  ];
  for (const candidate of candidates) {
    const found = candidate !== undefined ? parts.find(candidate) : undefined;
    if (found === undefined) continue;
    if (/\.bin$/i.test(found))
      throw new XlsxReadError(
        "Fichier illisible : classeur binaire (.xlsb) non pris en charge ; enregistrez-le au format .xlsx.",
      );
    return found;
  }
  throw new XlsxReadError(
    "Fichier illisible : le classeur n'a pas de partie principale (xl/workbook.xml introuvable).",
  );
}

// ---------------------------------------------------------------------------------------------------
// Workbook part

interface SheetEntry {
  readonly name: string;
  readonly visibility: Visibility;
  /** The relationship id (`r:id`). */
  readonly relId: string;
}

interface NameEntry {
  readonly name: string;
  readonly formula: string;
  readonly localSheetId?: string;
}

interface WorkbookPart {
  /** The first {@link MAX_SHEETS} sheets (chart sheets included: defined names count them). */
  readonly sheets: SheetEntry[];
  /** Every `<sheet>` element, counted without being kept. */
  sheetCount: number;
  readonly names: NameEntry[];
  date1904: boolean;
}

function visibility(state: string | undefined): Visibility {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

/** The `r:id` of an element, whatever the prefix bound to the relationships namespace. */
function relationshipId(a: XmlAttributes): string {
  if (a["r:id"] !== undefined) return a["r:id"];
  for (const key in a) if (key.includes(":") && localName(key) === "id") return a[key];
  return "";
}

function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

function readWorkbookPart(parts: Parts, part: string): WorkbookPart {
  const wb: WorkbookPart = { sheets: [], sheetCount: 0, names: [], date1904: false };
  let inSheets = false;
  let definedName: { name: string; localSheetId?: string; text: string } | undefined;
  parts.parse(part, {
    openElement(qname, a) {
      const name = localName(qname);
      if (name === "sheets") inSheets = true;
      else if (name === "sheet" && inSheets) {
        if (++wb.sheetCount <= MAX_SHEETS)
          wb.sheets.push({ name: a.name ?? "", visibility: visibility(a.state), relId: relationshipId(a) });
      } else if (name === "workbookPr") wb.date1904 = isTrue(a.date1904);
      else if (name === "definedName") definedName = { name: a.name ?? "", localSheetId: a.localSheetId, text: "" };
    },
    closeElement(qname) {
      const name = localName(qname);
      if (name === "sheets") inSheets = false;
      else if (name === "definedName" && definedName) {
        const { text, ...rest } = definedName;
        wb.names.push({ ...rest, formula: text.trim().replace(/^=/, "") });
        definedName = undefined;
      }
    },
    text(t) {
      if (definedName) definedName.text += t;
    },
  });
  return wb;
}

/**
 * Defined names with their scope. A `localSheetId` that points at no sheet is dropped rather than
 * turned into a workbook-level name it never was.
 */
function namesOf(wb: WorkbookPart): NameSnapshot[] {
  const out: NameSnapshot[] = [];
  for (const n of wb.names) {
    if (n.localSheetId === undefined) {
      out.push({ name: n.name, formula: n.formula });
      continue;
    }
    const scope = /^\d+$/.test(n.localSheetId) ? wb.sheets[Number(n.localSheetId)] : undefined;
    if (scope) out.push({ name: n.name, formula: n.formula, scope: scope.name });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Shared strings and styles

/** OOXML escapes characters XML cannot carry as `_xHHHH_` (ST_Xstring); `_x005F_` is a literal `_`. */
export function decodeXstring(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of each `<si>`: plain `<t>` or rich-text runs `<r><t>`, phonetic runs `<rPh>` skipped. */
function readSharedStrings(parts: Parts, part: string | undefined): string[] {
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

function isGeneral(code: string | undefined): boolean {
  return code === undefined || code === "" || code.toLowerCase() === "general";
}

/** The number format code of each cell style (`cellXfs` index), undefined for General. */
/** Each cell format's number format code (undefined for General) and whether it locks the cell. */
function readCellFormats(
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

interface PendingCell {
  /** Undefined when the position falls outside the grid: the cell is dropped. */
  readonly address: string | undefined;
  readonly type: string;
  readonly style: number;
  value?: string;
  formula?: string;
  inline?: string;
}

interface PendingValidation {
  readonly attributes: XmlAttributes;
  sqref?: string;
  formula1?: string;
  formula2?: string;
}

type ValidationField = "formula1" | "formula2" | "sqref";

/** What every sheet shares: shared strings, formats, and the workbook-wide cell budget. */
interface SheetContext {
  readonly strings: readonly string[];
  readonly formats: readonly (string | undefined)[];
  /** Whether each cell format locks its cells (the default, in Excel). */
  readonly locked: readonly boolean[];
  /** The product's input areas, whose lock state every sheet reports (see SheetSnapshot.inputLocks). */
  readonly lockProbes: readonly { readonly range: string; readonly ref: RangeRef }[];
  cellCount: number;
}

/** Only plain decimal notation: `Number()` would also take « 0x1F », « Infinity » or « ». */
function toNumber(raw: string): number | undefined {
  const s = raw.trim();
  if (s === "" || /[^0-9eE+\-.]/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

type CellValue = Pick<CellSnapshot, "t" | "v">;

function cellValue(cell: PendingCell, strings: readonly string[]): CellValue | undefined {
  const raw = cell.value;
  switch (cell.type) {
    case "s": {
      const index = raw !== undefined ? toNumber(raw) : undefined;
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
function cellSnapshot(cell: PendingCell, context: SheetContext): CellSnapshot | undefined {
  const formula = cell.formula?.trim().replace(/^=/, "") || undefined;
  const value = cellValue(cell, context.strings);
  if (formula === undefined && (value === undefined || value.v === "")) return undefined;
  const nf = context.formats[cell.style];
  return {
    ...(value ?? { t: "s", v: "" }),
    ...(formula !== undefined ? { f: formula } : {}),
    ...(nf !== undefined ? { nf } : {}),
  };
}

function validationSnapshot(v: PendingValidation): ValidationSnapshot | undefined {
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

/**
 * Streams one worksheet part. Cells are addressed by `r`, or by position when a producer leaves `r`
 * out; only non-empty cells are kept, so cost follows content whatever `<dimension>` claims.
 * Validations come from `<dataValidations>` and from the x14 extension (`<x14:dataValidation>` with
 * `<xm:f>` and `<xm:sqref>`) that Excel and LibreOffice use for lists on another sheet.
 */
class WorksheetReader implements XmlHandler {
  readonly cells: Record<string, CellSnapshot> = {};
  readonly validations: ValidationSnapshot[] = [];
  readonly merges: string[] = [];
  isProtected = false;
  /** Styles of the cells inside the lock probes, and the row and column default styles. */
  private readonly probedStyles = new Map<string, number>();
  private readonly rowStyles = new Map<number, number>();
  private readonly columnStyles: { min: number; max: number; style: number }[] = [];

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
  ) {}

  openElement(qname: string, a: XmlAttributes): void {
    const name = localName(qname);
    if (this.cell) this.openInCell(this.cell, name);
    else if (this.validation) this.openInValidation(name);
    else this.openInSheet(name, a);
  }

  closeElement(qname: string): void {
    const name = localName(qname);
    if (this.cell) this.closeInCell(this.cell, name);
    else if (this.validation) this.closeInValidation(this.validation, name);
    else if (name === "sheetData") this.inSheetData = false;
  }

  text(t: string): void {
    const cell = this.cell;
    if (this.validationField) this.validationText += t;
    else if (!cell || !this.capture) return;
    else if (this.capture === "value") cell.value = (cell.value ?? "") + t;
    else if (this.capture === "formula") cell.formula = (cell.formula ?? "") + t;
    else cell.inline = (cell.inline ?? "") + t;
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
    }
  }

  private startRow(a: XmlAttributes): void {
    const r = a.r !== undefined ? Number(a.r) : NaN;
    this.row = Number.isInteger(r) && r > 0 ? r : this.row + 1;
    this.column = 0;
    if (isTrue(a.customFormat ?? "0") && a.s !== undefined) this.rowStyles.set(this.row, Number(a.s));
  }

  private startCell(a: XmlAttributes): void {
    const ref = a.r !== undefined ? parseAddress(a.r) : undefined;
    if (ref) {
      this.row = ref.row;
      this.column = ref.col;
    } else {
      this.row = Math.max(this.row, 1);
      this.column += 1;
    }
    const inGrid = ref !== undefined || (this.row <= 1048576 && this.column <= 16384);
    this.cell = {
      address: inGrid ? address(this.row, this.column) : undefined,
      type: a.t ?? "n",
      style: a.s !== undefined ? Number(a.s) : 0,
    };
    if (
      this.cell.address !== undefined &&
      this.context.lockProbes.some((p) => rangeContains(p.ref, { row: this.row, col: this.column }))
    )
      this.probedStyles.set(this.cell.address, this.cell.style);
  }

  /** Each probed area: all its cells locked, all unlocked, or some of each. */
  private inputLocks(): InputLock[] {
    const lockedAt = (row: number, col: number): boolean => {
      const style =
        this.probedStyles.get(address(row, col)) ??
        this.rowStyles.get(row) ??
        this.columnStyles.find((c) => col >= c.min && col <= c.max)?.style ??
        0;
      return this.context.locked[style] ?? true;
    };
    return this.context.lockProbes.map(({ range, ref }) => {
      let locked = 0;
      let unlocked = 0;
      for (let row = ref.top; row <= ref.bottom; row++) {
        for (let col = ref.left; col <= ref.right; col++) {
          if (lockedAt(row, col)) locked++;
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
    };
  }
}

function readWorksheet(
  parts: Parts,
  part: string,
  entry: SheetEntry,
  context: SheetContext,
): SheetSnapshot | undefined {
  const reader = new WorksheetReader(entry.name, context);
  const found = parts.parse(part, reader, `la feuille « ${shown(entry.name)} »`);
  return found ? reader.snapshot(entry.visibility) : undefined;
}

/**
 * The charts drawn on a sheet: the graphic frames of its drawing part that hold a chart, with their
 * names and the titles of their chart parts. Read tolerantly: a damaged drawing loses its charts, never
 * the workbook.
 */
function chartsOf(parts: Parts, sheetPart: string): ChartSnapshot[] {
  const drawing = targetOfType(parts.relationships(sheetPart, true), "/drawing");
  if (drawing === undefined) return [];
  const frames: { name: string; relId?: string }[] = [];
  let frame: { name?: string; relId?: string; chart: boolean } | undefined;
  parts.parse(
    drawing,
    {
      openElement(name, a) {
        const local = localName(name);
        if (local === "graphicFrame") frame = { chart: false };
        else if (frame && local === "cNvPr" && frame.name === undefined) frame.name = a.name ?? "";
        else if (frame && local === "chart") {
          frame.chart = true;
          frame.relId = Object.entries(a).find(([k]) => localName(k) === "id")?.[1];
        }
      },
      closeElement(name) {
        if (localName(name) !== "graphicFrame" || !frame) return;
        if (frame.chart && frame.name !== undefined && frames.length < 1000)
          frames.push({ name: frame.name, relId: frame.relId });
        frame = undefined;
      },
    },
    "un dessin",
    true,
  );
  if (frames.length === 0) return [];
  const rels = parts.relationships(drawing, true);
  return frames.map((f) => {
    const part = f.relId !== undefined ? rels.get(f.relId)?.target : undefined;
    const title = part !== undefined ? chartTitle(parts, part) : undefined;
    return title !== undefined ? { name: f.name, title } : { name: f.name };
  });
}

/** The text of a chart part's own title (c:chart/c:title, not an axis title), if it is written out. */
function chartTitle(parts: Parts, part: string): string | undefined {
  const stack: string[] = [];
  let inTitle = false;
  let inText = false;
  let text = "";
  let found = false;
  parts.parse(
    part,
    {
      // Every element is closed, a self-closing one at once: the stack is the path to the current element.
      openElement(name) {
        const local = localName(name);
        if (local === "title" && stack[stack.length - 1] === "chart") inTitle = found = true;
        if (inTitle && local === "t") inText = true;
        stack.push(local);
      },
      closeElement(name) {
        const local = localName(name);
        stack.pop();
        if (local === "t") inText = false;
        if (local === "title" && inTitle) inTitle = false;
      },
      text(t) {
        if (inText && text.length < 1000) text += t;
      },
    },
    "un graphique",
    true,
  );
  return found && text.trim() ? text : undefined;
}

// ---------------------------------------------------------------------------------------------------
// The workbook

function readWorkbook(zip: ZipPackage): WorkbookSnapshot {
  const parts = new Parts(zip);
  const workbookPart = findWorkbookPart(parts);
  const wb = readWorkbookPart(parts, workbookPart);
  if (wb.sheetCount > MAX_SHEETS)
    throw new XlsxReadError(`Fichier refusé : le classeur déclare ${wb.sheetCount} feuilles (plus de ${MAX_SHEETS}).`);
  const rels = parts.relationships(workbookPart);
  const sibling = (name: string) => resolvePartName(workbookPart, name);
  const context: SheetContext = {
    strings: readSharedStrings(parts, targetOfType(rels, "/sharedStrings") ?? parts.find(sibling("sharedStrings.xml"))),
    ...readCellFormats(parts, targetOfType(rels, "/styles") ?? parts.find(sibling("styles.xml"))),
    lockProbes: inputAreas().flatMap((range) => {
      const ref = parseRange(range);
      return ref ? [{ range, ref }] : [];
    }),
    cellCount: 0,
  };
  const sheets: SheetSnapshot[] = [];
  for (const entry of wb.sheets) {
    const rel = rels.get(entry.relId);
    // Chart sheets, dialog sheets and macro sheets are left out, and so is a sheet whose part is missing.
    if (!rel || !rel.type.endsWith("/worksheet")) continue;
    const sheet = readWorksheet(parts, rel.target, entry, context);
    if (sheet) sheets.push({ ...sheet, charts: chartsOf(parts, rel.target) });
  }
  return { sheets, names: namesOf(wb) };
}

/**
 * The snapshot of an .xlsx workbook. Throws {@link XlsxReadError} (one French line) for anything that is
 * not a readable, reasonable workbook: not a zip, damaged, a zip bomb, a DOCTYPE, too many sheets…
 */
export function readXlsx(bytes: Uint8Array): WorkbookSnapshot {
  try {
    return readWorkbook(ZipPackage.open(bytes));
  } catch (e) {
    throw toReadError(e);
  }
}
