/**
 * An .xlsx edited part by part as other programs leave it (for tests that go through the real reader and writer
 * without a Python process per case): rows inserted the way openpyxl inserts them (cells move; merged areas,
 * drop-downs and defined names stay where they were), merges or drop-downs dropped, protection off, a cell
 * typed, a printed header changed.
 */
import { Package, readPackage } from "../../src/workbook/xlsx/package";
import { relationshipsPartOf, resolvePartName } from "../../src/workbook/xlsx/read";
import { SheetPart } from "../../src/workbook/xlsx/sheet-part";
import { address, parseAddress } from "../../src/domain/a1";
import {
  childElements,
  el,
  firstChild,
  getAttr,
  localName,
  setAttr,
  type XmlElement,
} from "../../src/workbook/xlsx/xml-tree";

export class XlsxHands {
  private readonly pkg: Package;

  constructor(bytes: Uint8Array) {
    this.pkg = new Package(readPackage(bytes));
  }

  /** The part of the first sheet whose title starts with `prefix`. */
  private part(prefix: string): string {
    const wbPath = "xl/workbook.xml";
    const rels = childElements(this.pkg.doc(relationshipsPartOf(wbPath)).root, "Relationship");
    const sheets = childElements(firstChild(this.pkg.doc(wbPath).root, "sheets") as XmlElement, "sheet");
    const sheet = sheets.find((s) => (getAttr(s, "name") ?? "").startsWith(prefix));
    if (!sheet) throw new Error(`no sheet ${prefix}`);
    const id = sheet.attrs.find(([k]) => localName(k) === "id")?.[1];
    const rel = rels.find((r) => getAttr(r, "Id") === id);
    const part = resolvePartName(wbPath, getAttr(rel as XmlElement, "Target") ?? "");
    this.pkg.touch(part);
    return part;
  }

  private root(prefix: string): XmlElement {
    return this.pkg.doc(this.part(prefix)).root;
  }

  /** openpyxl's `insert_rows(at, count)`: the cells at and below `at` move down; nothing else does. */
  insertRowsLikeOpenpyxl(prefix: string, at: number, count: number): void {
    const data = firstChild(this.root(prefix), "sheetData") as XmlElement;
    for (const row of childElements(data, "row")) {
      const r = Number(getAttr(row, "r"));
      if (r < at) continue;
      setAttr(row, "r", String(r + count));
      for (const c of childElements(row, "c")) {
        const p = parseAddress(getAttr(c, "r") ?? "");
        if (p) setAttr(c, "r", address(p.row + count, p.col));
      }
    }
  }

  /** Every merged area of the sheet undone (a copy into another workbook, a « Fusionner » undone). */
  dropMerges(prefix: string): void {
    const root = this.root(prefix);
    root.children = root.children.filter((c) => !("name" in c) || localName(c.name) !== "mergeCells");
  }

  dropValidations(prefix: string): void {
    const root = this.root(prefix);
    root.children = root.children.filter((c) => !("name" in c) || localName(c.name) !== "dataValidations");
  }

  unprotect(prefix: string): void {
    new SheetPart(this.root(prefix)).setProtection(false);
  }

  /** A text typed into a cell (its style kept); an empty text empties it. */
  type(prefix: string, cell: string, text: string): void {
    const sheet = new SheetPart(this.root(prefix));
    if (text === "") sheet.clearCell(cell);
    else sheet.setCell(cell, { kind: "text", text }, undefined);
  }

  /** Every page's printed header, as Excel stores it (« &L…&R… »). */
  setHeader(prefix: string, header: string): void {
    const root = this.root(prefix);
    const hf = firstChild(root, "headerFooter");
    if (!hf) throw new Error(`no header on ${prefix}`);
    const odd = firstChild(hf, "oddHeader");
    if (odd) odd.children = [{ text: header }];
    else hf.children.unshift(el("oddHeader", [], [{ text: header }]));
  }

  bytes(): Uint8Array {
    return this.pkg.toBytes();
  }
}
