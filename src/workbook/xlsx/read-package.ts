/** The .xlsx package as the reader sees it: its parts, relationships, workbook part, defined names, and the one-line errors. */
import { type NameSnapshot, type ValidationType, type Visibility } from "../../domain/snapshot";
import { localName, parseXml, XmlError, XmlText, type XmlAttributes, type XmlHandler } from "./xml";
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

export const MB = 1024 * 1024;

export const VALIDATION_TYPES: ReadonlySet<string> = new Set<ValidationType>([
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
export function shown(name: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

export function zipMessage(e: ZipError): string {
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
export function xmlMessage(e: XmlError, what: string): string {
  const verdict = e.kind === "doctype" ? "Fichier refusé" : "Fichier illisible";
  return `${verdict} : le XML de ${what} est invalide (${e.message}).`;
}

export function toReadError(e: unknown): XlsxReadError {
  if (e instanceof XlsxReadError) return e;
  if (e instanceof ZipError) return new XlsxReadError(zipMessage(e));
  if (e instanceof XmlError) return new XlsxReadError(xmlMessage(e, "une partie du classeur"));
  if (e instanceof RangeError)
    return new XlsxReadError("Fichier refusé : le classeur est trop volumineux pour être lu.");
  return new XlsxReadError("Fichier illisible : le classeur est endommagé ou d'un format inattendu.");
}

// ---------------------------------------------------------------------------------------------------
// Parts and relationships

export interface Relationship {
  readonly type: string;
  /** The target part's name, resolved against the source part. */
  readonly target: string;
}

export function directoryOf(part: string): string {
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

/** A part's text: UTF-16 when its byte order mark says so, UTF-8 otherwise (see XmlText). */
export function decodeText(bytes: Uint8Array): XmlText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return XmlText.decoded(new TextDecoder("utf-16le").decode(bytes));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return XmlText.decoded(new TextDecoder("utf-16be").decode(bytes));
  return XmlText.utf8(bytes);
}

/** The package seen as named XML parts. */
export class Parts {
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

export function targetOfType(rels: ReadonlyMap<string, Relationship>, suffix: string): string | undefined {
  for (const rel of rels.values()) if (rel.type.endsWith(suffix)) return rel.target;
  return undefined;
}

export const WORKBOOK_CONTENT_TYPE =
  /(spreadsheetml\.(sheet|template)\.main\+xml|ms-excel\.(sheet|template)\.macroEnabled\.main\+xml)$/;

/** The workbook part named by `[Content_Types].xml`, which is optional and read tolerantly. */
export function workbookFromContentTypes(parts: Parts): string | undefined {
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
export function findWorkbookPart(parts: Parts): string {
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

export interface SheetEntry {
  readonly name: string;
  readonly visibility: Visibility;
  /** The relationship id (`r:id`). */
  readonly relId: string;
}

export interface NameEntry {
  readonly name: string;
  readonly formula: string;
  readonly localSheetId?: string;
}

export interface WorkbookPart {
  /** The first {@link MAX_SHEETS} sheets (chart sheets included: defined names count them). */
  readonly sheets: SheetEntry[];
  /** Every `<sheet>` element, counted without being kept. */
  sheetCount: number;
  readonly names: NameEntry[];
  date1904: boolean;
}

export function visibility(state: string | undefined): Visibility {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

/** The `r:id` of an element, whatever the prefix bound to the relationships namespace. */
export function relationshipId(a: XmlAttributes): string {
  if (a["r:id"] !== undefined) return a["r:id"];
  for (const key in a) if (key.includes(":") && localName(key) === "id") return a[key];
  return "";
}

export function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

export function readWorkbookPart(parts: Parts, part: string): WorkbookPart {
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
export function namesOf(wb: WorkbookPart): NameSnapshot[] {
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
