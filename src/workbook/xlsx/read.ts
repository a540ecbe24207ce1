/**
 * Reads a workbook snapshot from .xlsx bytes: only what the domain needs (cells and their types,
 * shared strings, number formats, merged cells, validations, defined names, sheet names and states).
 * Every other part (charts, drawings, comments, pivot tables…) is never opened, so a workbook that
 * Excel or LibreOffice opens, this reader opens. Costs follow the real content, not declared sizes.
 */
import { address, parseAddress } from "../../domain/a1";
import type {
  CellSnapshot,
  NameSnapshot,
  SheetSnapshot,
  ValidationSnapshot,
  ValidationType,
  Visibility,
  WorkbookSnapshot,
} from "../../domain/snapshot";
import { PackageError, ZipReader } from "./zip-package";
import {
  childElements,
  firstChild,
  getAttr,
  localName,
  parseXmlTree,
  scanXml,
  textOf,
  XmlTreeError,
  type XmlElement,
} from "./xml-tree";

export class XlsxReadError extends Error {}

export const MAX_SHEETS = 10_000;
/** Cells kept per sheet: far beyond any improvement sheet; past it the file is refused. */
export const MAX_CELLS_PER_SHEET = 2_000_000;

const BUILTIN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
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
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i + 1);
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const out: string[] = [];
  for (const p of (dirOf(base) + target).split("/")) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

class Reader {
  private readonly zip: ZipReader;
  private readonly decoder = new TextDecoder("utf-8");

  constructor(bytes: Uint8Array) {
    this.zip = new ZipReader(bytes);
  }

  text(path: string): string | undefined {
    const b = this.zip.read(path);
    if (!b) return undefined;
    // UTF-16 parts exist in the wild (rare); honour a BOM.
    if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b);
    if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b);
    return this.decoder.decode(b);
  }

  tree(path: string): XmlElement | undefined {
    const t = this.text(path);
    if (t === undefined) return undefined;
    try {
      return parseXmlTree(t).root;
    } catch (e) {
      if (e instanceof XmlTreeError)
        throw new XlsxReadError(`Fichier refusé : le XML de ${path} est invalide (${e.message}).`);
      throw e;
    }
  }

  rels(part: string): Map<string, { type: string; target: string }> {
    const d = dirOf(part);
    const root = this.tree(`${d}_rels/${part.slice(d.length)}.rels`);
    const out = new Map<string, { type: string; target: string }>();
    for (const r of root ? childElements(root, "Relationship") : []) {
      if (getAttr(r, "TargetMode") === "External") continue;
      out.set(getAttr(r, "Id") ?? "", {
        type: getAttr(r, "Type") ?? "",
        target: resolveTarget(part, getAttr(r, "Target") ?? ""),
      });
    }
    return out;
  }

  workbookPath(): string {
    for (const r of this.rels("").values())
      if (r.type.endsWith("/officeDocument") && this.zip.has(r.target)) return r.target;
    if (this.zip.has("xl/workbook.xml")) return "xl/workbook.xml";
    throw new XlsxReadError("Fichier illisible : le classeur n'a pas de partie principale (xl/workbook.xml).");
  }

  sharedStrings(path: string | undefined): string[] {
    const xml = path ? this.text(path) : undefined;
    if (xml === undefined) return [];
    const out: string[] = [];
    let depthSi = 0;
    let inT = false;
    let skip = 0; // inside <rPh> phonetic runs
    let cur = "";
    scanXml(xml, {
      open: (name) => {
        const l = localName(name);
        if (l === "si") {
          depthSi++;
          cur = "";
        } else if (l === "rPh") skip++;
        else if (l === "t" && depthSi && !skip) inT = true;
      },
      close: (name) => {
        const l = localName(name);
        if (l === "si") {
          depthSi--;
          out.push(cur);
        } else if (l === "rPh") skip--;
        else if (l === "t") inT = false;
      },
      text: (t) => {
        if (inT) cur += t;
      },
    });
    return out;
  }

  numberFormats(path: string | undefined): (string | undefined)[] {
    const root = path ? this.tree(path) : undefined;
    if (!root) return [];
    const custom = new Map<number, string>();
    const numFmts = firstChild(root, "numFmts");
    for (const f of numFmts ? childElements(numFmts, "numFmt") : [])
      custom.set(Number(getAttr(f, "numFmtId")), getAttr(f, "formatCode") ?? "");
    const xfs = firstChild(root, "cellXfs");
    return (xfs ? childElements(xfs, "xf") : []).map((xf) => {
      const id = Number(getAttr(xf, "numFmtId") ?? 0);
      if (!id) return undefined;
      return custom.get(id) ?? BUILTIN_FORMATS[id];
    });
  }
}

function visibility(state: string | undefined): Visibility {
  return state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible";
}

const VALIDATION_TYPES = new Set<ValidationType>(["list", "whole", "decimal", "date", "time", "textLength", "custom"]);

function readSheet(
  xml: string,
  name: string,
  state: Visibility,
  strings: string[],
  formats: (string | undefined)[],
): SheetSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  const validations: ValidationSnapshot[] = [];
  const merges: string[] = [];
  let isProtected = false;
  let count = 0;

  let row = 0;
  let col = 0;
  let cell: { r: string; t: string; s: number } | undefined;
  let v: string | undefined;
  let f: string | undefined;
  let inline = "";
  let field: "v" | "f" | "is" | undefined;
  let inRph = 0;
  let dv: { attrs: Record<string, string>; formula1?: string; formula2?: string; sqref?: string } | undefined;
  let dvField: "formula1" | "formula2" | "sqref" | undefined;
  let dvText = "";

  const finishCell = () => {
    if (!cell) return;
    const nf = formats[cell.s];
    let out: CellSnapshot | undefined;
    const withF = (c: CellSnapshot): CellSnapshot => {
      let r = c;
      if (f !== undefined && f !== "") r = { ...r, f };
      if (nf && nf !== "General") r = { ...r, nf };
      return r;
    };
    const t = cell.t;
    if (t === "s") {
      const idx = Number(v);
      if (v !== undefined && Number.isInteger(idx) && idx >= 0 && idx < strings.length)
        out = withF({ t: "s", v: strings[idx] });
    } else if (t === "inlineStr") {
      out = withF({ t: "s", v: inline });
    } else if (t === "str" || t === "d") {
      if (v !== undefined || f) out = withF({ t: "s", v: v ?? "" });
    } else if (t === "b") {
      if (v !== undefined) out = withF({ t: "b", v: v.trim() === "1" || v.trim() === "true" });
    } else if (t === "e") {
      if (v !== undefined) out = withF({ t: "e", v: v.trim() });
    } else if (v !== undefined && v.trim() !== "") {
      const num = Number(v);
      out = withF(Number.isFinite(num) ? { t: "n", v: num } : { t: "s", v });
    } else if (f) {
      out = withF({ t: "s", v: "" });
    }
    if (out && !(out.t === "s" && out.v === "" && out.f === undefined)) {
      if (++count > MAX_CELLS_PER_SHEET)
        throw new XlsxReadError(
          `Fichier refusé : la feuille « ${name} » compte plus de ${MAX_CELLS_PER_SHEET} cellules.`,
        );
      cells[cell.r] = out;
    }
    cell = undefined;
  };

  scanXml(xml, {
    open: (qname, attrs, selfClosing) => {
      const l = localName(qname);
      switch (l) {
        case "row": {
          const r = Number(attrs.r);
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          col = 0;
          return;
        }
        case "c": {
          const ref = attrs.r ? parseAddress(attrs.r) : undefined;
          if (ref) {
            row = ref.row;
            col = ref.col;
          } else col += 1;
          cell = { r: address(row || 1, col), t: attrs.t ?? "n", s: Number(attrs.s ?? 0) || 0 };
          v = undefined;
          f = undefined;
          inline = "";
          if (selfClosing) cell = undefined;
          return;
        }
        case "v":
          if (cell) {
            field = "v";
            v = "";
          }
          return;
        case "f":
          if (cell && !dv) {
            field = "f";
            f = "";
          } else if (dv && qname.startsWith("xm:")) {
            dvText = "";
          }
          return;
        case "is":
          if (cell) field = "is";
          return;
        case "rPh":
          inRph++;
          return;
        case "sheetProtection":
          isProtected = attrs.sheet === "1" || attrs.sheet === "true";
          return;
        case "mergeCell":
          if (attrs.ref) merges.push(attrs.ref.toUpperCase());
          return;
        case "dataValidation":
          dv = { attrs, sqref: attrs.sqref };
          return;
        case "formula1":
        case "formula2":
        case "sqref":
          if (dv) {
            dvField = l;
            dvText = "";
          }
          return;
      }
    },
    close: (qname) => {
      const l = localName(qname);
      switch (l) {
        case "c":
          finishCell();
          return;
        case "v":
        case "f":
          if (dv && dvField && l === "f") return;
          field = undefined;
          return;
        case "is":
          field = undefined;
          return;
        case "rPh":
          inRph--;
          return;
        case "formula1":
        case "formula2":
        case "sqref":
          if (dv && dvField) {
            const value = dvText.trim();
            if (dvField === "sqref") dv.sqref = value;
            else dv[dvField] = value.replace(/^=/, "");
            dvField = undefined;
          }
          return;
        case "dataValidation":
          if (dv?.sqref) {
            const type = (dv.attrs.type ?? "any") as ValidationType;
            validations.push({
              sqref: dv.sqref,
              type: VALIDATION_TYPES.has(type) ? type : "any",
              ...(dv.formula1 !== undefined ? { formula1: dv.formula1 } : {}),
              ...(dv.formula2 !== undefined ? { formula2: dv.formula2 } : {}),
              ...(dv.attrs.operator ? { operator: dv.attrs.operator } : {}),
            });
          }
          dv = undefined;
          return;
      }
    },
    text: (t) => {
      if (dv && dvField) dvText += t;
      else if (field === "v") v = (v ?? "") + t;
      else if (field === "f") f = (f ?? "") + t;
      else if (field === "is" && !inRph) inline += t;
    },
  });
  return { name, visibility: state, protected: isProtected, cells, validations, merges };
}

function readWorkbook(bytes: Uint8Array): WorkbookSnapshot {
  const r = new Reader(bytes);
  const wbPath = r.workbookPath();
  const wb = r.tree(wbPath);
  if (!wb) throw new XlsxReadError("Fichier illisible : partie principale du classeur absente.");
  const rels = r.rels(wbPath);
  const relOfType = (suffix: string) => [...rels.values()].find((x) => x.type.endsWith(suffix))?.target;
  const strings = r.sharedStrings(relOfType("/sharedStrings"));
  const formats = r.numberFormats(relOfType("/styles"));
  const sheetsEl = firstChild(wb, "sheets");
  const sheetEls = sheetsEl ? childElements(sheetsEl, "sheet") : [];
  if (sheetEls.length > MAX_SHEETS)
    throw new XlsxReadError(
      `Fichier refusé : le classeur déclare ${sheetEls.length} feuilles (plus de ${MAX_SHEETS}).`,
    );
  const sheets: SheetSnapshot[] = [];
  const titles: string[] = [];
  for (const s of sheetEls) {
    const name = getAttr(s, "name") ?? "";
    titles.push(name);
    const id = s.attrs.find(([k]) => localName(k) === "id" && k.includes(":"))?.[1] ?? "";
    const rel = rels.get(id);
    if (!rel || !rel.type.endsWith("/worksheet")) continue; // chart sheets, dialog sheets
    const xml = r.text(rel.target);
    if (xml === undefined) continue;
    try {
      sheets.push(readSheet(xml, name, visibility(getAttr(s, "state")), strings, formats));
    } catch (e) {
      if (e instanceof XmlTreeError)
        throw new XlsxReadError(`Fichier refusé : le XML de la feuille « ${name} » est invalide (${e.message}).`);
      throw e;
    }
  }
  const names: NameSnapshot[] = [];
  const dn = firstChild(wb, "definedNames");
  for (const d of dn ? childElements(dn, "definedName") : []) {
    const local = getAttr(d, "localSheetId");
    const scope = local !== undefined ? titles[Number(local)] : undefined;
    const name = getAttr(d, "name") ?? "";
    const formula = textOf(d).trim().replace(/^=/, "");
    names.push(scope !== undefined ? { name, formula, scope } : { name, formula });
  }
  return { sheets, names };
}

export function readXlsx(bytes: Uint8Array): WorkbookSnapshot {
  try {
    return readWorkbook(bytes);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    if (e instanceof PackageError) {
      const refused = /piégée|dépasse|déclare/.test(e.message);
      throw new XlsxReadError(`${refused ? "Fichier refusé" : "Fichier illisible"} : ${e.message}.`);
    }
    if (e instanceof XmlTreeError) throw new XlsxReadError(`Fichier refusé : XML invalide (${e.message}).`);
    if (e instanceof RangeError) throw new XlsxReadError("Fichier refusé : trop volumineux pour être lu.");
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new XlsxReadError(`Fichier illisible : ${why}.`);
  }
}
