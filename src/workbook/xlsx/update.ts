/**
 * Applies reconciliation edits to an existing .xlsx, surgically: only the parts the product owns are
 * rewritten (the workbook part, the sheets it edits, styles, and — when a sheet is added — the
 * relationships and content types). Every other part (charts, drawings, comments, pivot tables, media,
 * shared strings…) is copied byte for byte.
 */
import { absoluteRange, parseRange, quoteSheetName } from "../../domain/a1";
import { STYLES } from "../../domain/blueprint/styles";
import { assertNever, type Edit } from "../../domain/reconcile/edits";
import { type ChartBlueprint } from "../../domain/blueprint/types";
import {
  anchorXml,
  REL_NS,
  CHART_CT,
  CHART_REL,
  chartXml,
  DRAWING_CT,
  DRAWING_REL,
  NEW_DRAWING_XML,
} from "./chart-part";
import { DEFAULT_STYLES_XML, STYLES_CT, STYLES_REL } from "./empty";
import { SheetPart, NEW_SHEET_XML } from "./sheet-part";
import { StyleRegistry } from "./styles-part";
import { relationshipsPartOf, resolvePartName } from "./read";
import {
  childElements,
  el,
  firstChild,
  getAttr,
  localName,
  serializeXml,
  setAttr,
  textOf,
  type XmlElement,
} from "./xml-tree";
import {
  CALC_CHAIN_REL,
  Package,
  RELS_XML,
  WORKSHEET_CT,
  WORKSHEET_REL,
  XlsxUpdateError,
  dirOf,
  readPackage,
} from "./package";

export { XlsxUpdateError } from "./package";

interface SheetEntry {
  element: XmlElement;
  part: string;
}

class WorkbookEditor {
  readonly workbookPath: string;
  private readonly sheetParts = new Map<string, SheetPart>();
  private styles?: StyleRegistry;
  private stylesPath?: string;
  namesChanged = false;
  /** A value was written: the formulas that read it (header, Synthèse) must be computed again on open. */
  valuesChanged = false;

  constructor(private readonly pkg: Package) {
    const rels = pkg.doc("_rels/.rels").root;
    const office = childElements(rels, "Relationship").find((r) =>
      (getAttr(r, "Type") ?? "").endsWith("/officeDocument"),
    );
    this.workbookPath = office ? resolvePartName("", getAttr(office, "Target") ?? "") : "xl/workbook.xml";
    if (!pkg.has(this.workbookPath)) throw new XlsxUpdateError("classeur sans partie principale");
  }

  get workbook(): XmlElement {
    return this.pkg.doc(this.workbookPath).root;
  }

  private get relsPath(): string {
    return relationshipsPartOf(this.workbookPath);
  }

  private rels(): XmlElement {
    return this.pkg.doc(this.relsPath).root;
  }

  private rPrefix(): string {
    for (const [k, v] of this.workbook.attrs) if (v === REL_NS && k.startsWith("xmlns:")) return k.slice(6);
    setAttr(this.workbook, "xmlns:r", REL_NS);
    return "r";
  }

  private sheetsEl(): XmlElement {
    const s = firstChild(this.workbook, "sheets");
    if (!s) throw new XlsxUpdateError("classeur sans liste de feuilles");
    return s;
  }

  sheets(): SheetEntry[] {
    const r = this.rPrefix();
    const rels = childElements(this.rels(), "Relationship");
    return childElements(this.sheetsEl(), "sheet").map((element) => {
      const id = getAttr(element, `${r}:id`);
      const rel = rels.find((x) => getAttr(x, "Id") === id);
      return { element, part: rel ? resolvePartName(this.workbookPath, getAttr(rel, "Target") ?? "") : "" };
    });
  }

  entry(title: string): SheetEntry {
    const e = this.sheets().find((s) => getAttr(s.element, "name") === title);
    if (!e || !e.part) throw new XlsxUpdateError(`feuille « ${title} » introuvable`);
    return e;
  }

  sheet(title: string): SheetPart {
    const { part } = this.entry(title);
    let sp = this.sheetParts.get(part);
    if (!sp) {
      sp = new SheetPart(this.pkg.doc(part).root);
      this.sheetParts.set(part, sp);
    }
    this.pkg.touch(part);
    return sp;
  }

  styleIndex(name: keyof typeof STYLES): number {
    if (!this.styles) {
      const rel = childElements(this.rels(), "Relationship").find((x) =>
        (getAttr(x, "Type") ?? "").endsWith("/styles"),
      );
      this.stylesPath = rel ? resolvePartName(this.workbookPath, getAttr(rel, "Target") ?? "") : undefined;
      if (!this.stylesPath || !this.pkg.has(this.stylesPath)) {
        // A valid package may have no styles part (every cell in the default style); Excel then adds one.
        this.stylesPath = this.pkg.has("xl/styles.xml") ? this.freePart("xl/", "styles") : "xl/styles.xml";
        this.pkg.create(this.stylesPath, DEFAULT_STYLES_XML);
        this.addRelationship(this.workbookPath, STYLES_REL, this.stylesPath);
        this.addContentType(this.stylesPath, STYLES_CT);
      }
      this.styles = new StyleRegistry(this.pkg.doc(this.stylesPath).root);
    }
    const i = this.styles.index(STYLES[name]);
    if (this.styles.changed && this.stylesPath) this.pkg.touch(this.stylesPath);
    return i;
  }

  createSheet(title: string, before?: string): void {
    const part = this.freePart("xl/worksheets/", "sheet");
    this.pkg.create(part, NEW_SHEET_XML);
    const relId = this.addRelationship(this.workbookPath, WORKSHEET_REL, part);
    this.addContentType(part, WORKSHEET_CT);
    const sheetsEl = this.sheetsEl();
    const existing = childElements(sheetsEl, "sheet");
    const sheetId = Math.max(0, ...existing.map((s) => Number(getAttr(s, "sheetId")) || 0)) + 1;
    const pfx = /^([^:]+):/.exec(sheetsEl.name)?.[1];
    const sheetEl = el(pfx ? `${pfx}:sheet` : "sheet", [
      ["name", title],
      ["sheetId", String(sheetId)],
      [`${this.rPrefix()}:id`, relId],
    ]);
    const beforeIndex = before === undefined ? -1 : existing.findIndex((s) => getAttr(s, "name") === before);
    if (beforeIndex < 0) {
      sheetsEl.children.push(sheetEl);
    } else {
      sheetsEl.children.splice(sheetsEl.children.indexOf(existing[beforeIndex]), 0, sheetEl);
      this.shiftSheetIndexes(beforeIndex);
    }
    this.pkg.touch(this.workbookPath);
  }

  /** A part name not yet in the package: `xl/charts/chart3.xml` after chart1 and chart2. */
  private freePart(dir: string, base: string): string {
    let n = 1;
    while (this.pkg.has(`${dir}${base}${n}.xml`)) n++;
    return `${dir}${base}${n}.xml`;
  }

  /** Adds a relationship from `source` to `target` (creating the relationships part), returns its id. */
  private addRelationship(source: string, type: string, target: string): string {
    const relsPath = relationshipsPartOf(source);
    const rels = this.pkg.has(relsPath) ? this.pkg.doc(relsPath).root : this.pkg.create(relsPath, RELS_XML).root;
    const ids = new Set(childElements(rels, "Relationship").map((x) => getAttr(x, "Id")));
    let k = 1;
    while (ids.has(`rId${k}`)) k++;
    const relPrefix = /^([^:]+):/.exec(rels.name)?.[1];
    rels.children.push(
      el(relPrefix ? `${relPrefix}:Relationship` : "Relationship", [
        ["Id", `rId${k}`],
        ["Type", type],
        ["Target", resolveRelative(source, target)],
      ]),
    );
    this.pkg.touch(relsPath);
    return `rId${k}`;
  }

  private addContentType(part: string, contentType: string): void {
    const ct = this.pkg.doc("[Content_Types].xml").root;
    const pfx = /^([^:]+):/.exec(ct.name)?.[1];
    ct.children.push(
      el(pfx ? `${pfx}:Override` : "Override", [
        ["PartName", "/" + part],
        ["ContentType", contentType],
      ]),
    );
    this.pkg.touch("[Content_Types].xml");
  }

  /**
   * Draws a chart on the sheet: a new chart part, anchored in the sheet's drawing (the existing one, so a
   * school's own pictures and charts stay, or a new one).
   */
  addChart(title: string, chart: ChartBlueprint): void {
    const { part: sheetPart } = this.entry(title);
    const sheet = this.sheet(title);
    const sheetRels = this.pkg.has(relationshipsPartOf(sheetPart))
      ? childElements(this.pkg.doc(relationshipsPartOf(sheetPart)).root, "Relationship")
      : [];
    const relId = sheet.drawingRelId();
    const rel = relId === undefined ? undefined : sheetRels.find((r) => getAttr(r, "Id") === relId);
    let drawingPart = rel ? resolvePartName(sheetPart, getAttr(rel, "Target") ?? "") : undefined;
    if (drawingPart === undefined || !this.pkg.has(drawingPart)) {
      drawingPart = this.freePart("xl/drawings/", "drawing");
      this.pkg.create(drawingPart, NEW_DRAWING_XML);
      this.addContentType(drawingPart, DRAWING_CT);
      sheet.setDrawing(this.addRelationship(sheetPart, DRAWING_REL, drawingPart));
    }
    const chartPart = this.freePart("xl/charts/", "chart");
    this.pkg.create(chartPart, chartXml(chart, title));
    this.addContentType(chartPart, CHART_CT);
    const chartRel = this.addRelationship(drawingPart, CHART_REL, chartPart);
    const drawing = this.pkg.doc(drawingPart).root;
    // Object ids are unique within the drawing.
    const ids = [...serializeXml(drawing).matchAll(/<(?:[\w.-]+:)?cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
    const objectId = Math.max(1, ...ids) + 1;
    drawing.children.push({ raw: anchorXml(chart, objectId, chartRel) });
    this.pkg.touch(drawingPart);
  }

  /** Sheet-scoped names and the active tab refer to sheets by position: a sheet inserted at `from` shifts them. */
  private shiftSheetIndexes(from: number): void {
    const dn = firstChild(this.workbook, "definedNames");
    for (const d of dn ? childElements(dn, "definedName") : []) {
      const l = getAttr(d, "localSheetId");
      if (l !== undefined && Number(l) >= from) setAttr(d, "localSheetId", String(Number(l) + 1));
    }
    const views = firstChild(this.workbook, "bookViews");
    for (const v of views ? childElements(views, "workbookView") : []) {
      for (const k of ["activeTab", "firstSheet"]) {
        const a = getAttr(v, k);
        if (a !== undefined && Number(a) >= from) setAttr(v, k, String(Number(a) + 1));
      }
    }
  }

  setVisibility(title: string, visibility: "visible" | "hidden" | "veryHidden"): void {
    const { element } = this.entry(title);
    setAttr(element, "state", visibility === "visible" ? undefined : visibility);
    // Excel cannot show a hidden sheet as the active one.
    const index = this.sheets().findIndex((s) => s.element === element);
    const views = firstChild(this.workbook, "bookViews");
    for (const v of views ? childElements(views, "workbookView") : []) {
      if (visibility !== "visible" && Number(getAttr(v, "activeTab") ?? 0) === index) {
        const firstVisible = this.sheets().findIndex(
          (s) => !getAttr(s.element, "state") || getAttr(s.element, "state") === "visible",
        );
        setAttr(v, "activeTab", String(Math.max(0, firstVisible)));
      }
    }
    this.pkg.touch(this.workbookPath);
  }

  /** Adds a child of the workbook element in its schema place (CT_Workbook's order). */
  private insertWorkbookChild(local: string, attrs: [string, string][]): XmlElement {
    const order = [
      "fileVersion",
      "fileSharing",
      "workbookPr",
      "workbookProtection",
      "bookViews",
      "sheets",
      "functionGroups",
      "externalReferences",
      "definedNames",
      "calcPr",
    ];
    const pfx = /^([^:]+):/.exec(this.workbook.name)?.[1];
    const made = el(pfx ? `${pfx}:${local}` : local, attrs);
    const rank = order.indexOf(local);
    let at = 0;
    this.workbook.children.forEach((c, i) => {
      if ("name" in c && order.indexOf(localName(c.name)) !== -1 && order.indexOf(localName(c.name)) < rank) at = i + 1;
    });
    this.workbook.children.splice(at, 0, made);
    return made;
  }

  private definedNames(): XmlElement {
    const dn = firstChild(this.workbook, "definedNames") ?? this.insertWorkbookChild("definedNames", []);
    return dn;
  }

  setName(name: string, formula: string, localSheetId?: number): void {
    const dn = this.definedNames();
    const existing = childElements(dn, "definedName").find(
      (d) =>
        (getAttr(d, "name") ?? "").toLowerCase() === name.toLowerCase() &&
        getAttr(d, "localSheetId") === (localSheetId === undefined ? undefined : String(localSheetId)),
    );
    if (existing) {
      if (textOf(existing) === formula) return;
      existing.children = [{ text: formula }];
    } else {
      const pfx = /^([^:]+):/.exec(dn.name)?.[1];
      const attrs: [string, string][] = [["name", name]];
      if (localSheetId !== undefined) attrs.push(["localSheetId", String(localSheetId)]);
      dn.children.push(el(pfx ? `${pfx}:definedName` : "definedName", attrs, [{ text: formula }]));
    }
    this.namesChanged = true;
    this.pkg.touch(this.workbookPath);
  }

  sheetIndex(title: string): number {
    return this.sheets().findIndex((s) => getAttr(s.element, "name") === title);
  }

  /** After formulas or values changed: drop the calculation chain (Excel rebuilds it) and ask for a recalculation on open. */
  finish(): void {
    const formulas =
      [...this.sheetParts.values()].some((s) => s.formulasTouched) || this.namesChanged || this.valuesChanged;
    if (!formulas) return;
    const rels = this.rels();
    const chain = childElements(rels, "Relationship").find((r) => getAttr(r, "Type") === CALC_CHAIN_REL);
    if (chain) {
      const part = resolvePartName(this.workbookPath, getAttr(chain, "Target") ?? "");
      rels.children = rels.children.filter((c) => c !== chain);
      this.pkg.touch(this.relsPath);
      this.pkg.remove(part);
      const ct = this.pkg.doc("[Content_Types].xml").root;
      ct.children = ct.children.filter((c) => !("name" in c) || getAttr(c, "PartName") !== "/" + part);
      this.pkg.touch("[Content_Types].xml");
    }
    const calcPr = firstChild(this.workbook, "calcPr") ?? this.insertWorkbookChild("calcPr", [["calcId", "191029"]]);
    setAttr(calcPr, "fullCalcOnLoad", "1");
    this.pkg.touch(this.workbookPath);
  }
}

/** The relative target from `fromPart` to `toPart` (« ../drawings/drawing1.xml »), as Excel writes them. */
function resolveRelative(fromPart: string, toPart: string): string {
  const from = dirOf(fromPart).split("/").filter(Boolean);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

function applyEdit(wb: WorkbookEditor, e: Edit): void {
  switch (e.op) {
    case "create-sheet":
      wb.createSheet(e.sheet, e.before);
      return;
    case "set-visibility":
      wb.setVisibility(e.sheet, e.visibility);
      return;
    case "set-cells": {
      const s = wb.sheet(e.sheet);
      for (const c of e.cells) {
        const style = wb.styleIndex(c.style);
        if (c.formula !== undefined)
          s.setCell(c.address, { kind: "formula", formula: c.formula, result: c.result ?? "" }, style);
        else if (c.number !== undefined) s.setCell(c.address, { kind: "number", value: c.number }, style);
        else s.setCell(c.address, { kind: "text", text: c.text ?? "" }, style);
      }
      return;
    }
    case "format-inputs": {
      const s = wb.sheet(e.sheet);
      s.styleRange(e.area.range, wb.styleIndex(e.area.style));
      for (const [a, v] of Object.entries(e.area.values ?? {})) s.setIfEmpty(a, v);
      return;
    }
    case "set-columns":
      wb.sheet(e.sheet).setColumns(e.columns);
      return;
    case "set-row-heights":
      wb.sheet(e.sheet).setRowHeights(e.rows);
      return;
    case "unmerge":
      wb.sheet(e.sheet).unmerge(e.ranges);
      return;
    case "merge":
      wb.sheet(e.sheet).merge(e.ranges);
      return;
    case "set-header-footer":
      wb.sheet(e.sheet).headerFooter(e.header, e.footer);
      return;
    case "set-validation":
      wb.sheet(e.sheet).setValidation(e.validation);
      return;
    case "set-name":
      wb.setName(e.name, `${quoteSheetName(e.sheet)}!${e.ref}`);
      return;
    case "set-protection":
      wb.sheet(e.sheet).setProtection(e.protect);
      return;
    case "freeze":
      wb.sheet(e.sheet).freeze(e.rows, e.cols);
      return;
    case "page-setup":
      wb.sheet(e.sheet).pageSetup(e.print);
      if (e.print.titleRows) {
        const [a, b] = e.print.titleRows.split(":");
        wb.setName("_xlnm.Print_Titles", `${quoteSheetName(e.sheet)}!$${a}:$${b}`, wb.sheetIndex(e.sheet));
      }
      if (e.print.area) {
        const area = parseRange(e.print.area);
        if (area)
          wb.setName("_xlnm.Print_Area", `${quoteSheetName(e.sheet)}!${absoluteRange(area)}`, wb.sheetIndex(e.sheet));
      }
      return;
    case "clear-cells": {
      const s = wb.sheet(e.sheet);
      for (const a of e.addresses) s.clearCell(a);
      return;
    }
    case "add-chart":
      wb.addChart(e.sheet, e.chart);
      return;
    case "set-value":
      wb.valuesChanged = true;
      wb.sheet(e.sheet).setCell(
        e.address,
        typeof e.value === "number" ? { kind: "number", value: e.value } : { kind: "text", text: e.value },
        undefined,
      );
      return;
    default:
      // A new kind of edit must be written here: the typecheck stops at this line until it is.
      assertNever(e);
  }
}

/** The bytes of `xlsx` with `edits` applied; parts the edits do not concern are copied unchanged. */
export function applyEditsToXlsx(xlsx: Uint8Array, edits: readonly Edit[]): Uint8Array {
  const pkg = new Package(readPackage(xlsx));
  const wb = new WorkbookEditor(pkg);
  for (const e of edits) applyEdit(wb, e);
  wb.finish();
  return pkg.toBytes();
}
