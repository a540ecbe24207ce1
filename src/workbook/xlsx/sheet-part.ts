/** Edits one worksheet part in place: only the elements the product owns are touched. */
import {
  address,
  parseAddress,
  parseRange,
  parseSqref,
  rangeAddress,
  rangesOverlap,
  subtractRange,
} from "../../domain/a1";
import {
  headerFooterText,
  type ColumnBlueprint,
  type HeaderFooterLine,
  type SheetBlueprint,
  type ValidationBlueprint,
} from "../../domain/blueprint/types";
import { PROTECTION_ALLOWS } from "../../domain/blueprint/layout";
import { REL_NS } from "./chart-part";
import {
  childElements,
  el,
  firstChild,
  getAttr,
  localName,
  prefixFor,
  setAttr,
  type XmlElement,
  type XmlNode,
} from "./xml-tree";

/** CT_Worksheet's element order: a new element goes after every element that precedes it here. */
const ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export type CellWrite =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "formula"; formula: string; result: string | number };

export class SheetPart {
  private readonly p: string;
  private rows?: Map<number, XmlElement>;
  formulasTouched = false;

  constructor(readonly root: XmlElement) {
    const prefixed = /^([^:]+):/.exec(root.name);
    this.p = prefixed ? prefixed[1] + ":" : "";
  }

  private child(local: string, create = true): XmlElement | undefined {
    const found = firstChild(this.root, local);
    if (found || !create) return found;
    const made = el(this.p + local);
    const rank = ORDER.indexOf(local);
    let at = 0;
    this.root.children.forEach((c, i) => {
      if ("name" in c && ORDER.indexOf(localName(c.name)) !== -1 && ORDER.indexOf(localName(c.name)) < rank) at = i + 1;
    });
    this.root.children.splice(at, 0, made);
    return made;
  }

  /** The relationship id of the sheet's drawing (`<drawing r:id>`), if it has one. */
  drawingRelId(): string | undefined {
    const d = this.child("drawing", false);
    // The relationships namespace may be declared on the root or on the element itself (openpyxl).
    return d?.attrs.find(([k]) => localName(k) === "id")?.[1];
  }

  /** Points the sheet at its drawing part through relationship `relId`. */
  setDrawing(relId: string): void {
    let r = prefixFor(this.root, REL_NS);
    if (r === undefined || r === "") {
      r = getAttr(this.root, "xmlns:r") === undefined ? "r" : "ldmr";
      setAttr(this.root, `xmlns:${r}`, REL_NS);
    }
    const d = this.child("drawing") as XmlElement;
    d.attrs = [[`${r}:id`, relId]];
  }

  private sheetData(): XmlElement {
    return this.child("sheetData") as XmlElement;
  }

  private rowIndex(): Map<number, XmlElement> {
    if (!this.rows) {
      this.rows = new Map();
      let implicit = 0;
      for (const r of childElements(this.sheetData(), "row")) {
        const n = Number(getAttr(r, "r") ?? implicit + 1);
        implicit = n;
        this.rows.set(n, r);
      }
    }
    return this.rows;
  }

  private row(n: number, create: boolean): XmlElement | undefined {
    const rows = this.rowIndex();
    const hit = rows.get(n);
    if (hit || !create) return hit;
    const made = el(this.p + "row", [["r", String(n)]]);
    const data = this.sheetData();
    const idx = data.children.findIndex(
      (c) => "name" in c && localName(c.name) === "row" && Number(getAttr(c, "r")) > n,
    );
    if (idx < 0) data.children.push(made);
    else data.children.splice(idx, 0, made);
    rows.set(n, made);
    return made;
  }

  private cell(addr: string, create: boolean): XmlElement | undefined {
    const ref = parseAddress(addr);
    if (!ref) throw new Error(`adresse invalide ${addr}`);
    const row = this.row(ref.row, create);
    if (!row) return undefined;
    const cells = childElements(row, "c");
    // Cells without « r » take the position after the previous one.
    let col = 0;
    for (const c of cells) {
      const r = getAttr(c, "r");
      col = r ? (parseAddress(r)?.col ?? col + 1) : col + 1;
      if (!r) setAttr(c, "r", address(ref.row, col));
      if (col === ref.col) return c;
    }
    if (!create) return undefined;
    const made = el(this.p + "c", [["r", addr]]);
    const idx = row.children.findIndex(
      (c) => "name" in c && localName(c.name) === "c" && (parseAddress(getAttr(c, "r") ?? "")?.col ?? 0) > ref.col,
    );
    if (idx < 0) row.children.push(made);
    else row.children.splice(idx, 0, made);
    return made;
  }

  /** Replaces a cell's content (strings are written inline: the shared strings part stays as it was). */
  setCell(addr: string, content: CellWrite, style: number | undefined): void {
    const c = this.cell(addr, true) as XmlElement;
    if (childElements(c, "f").length || content.kind === "formula") this.formulasTouched = true;
    const keep: [string, string][] = [["r", addr]];
    const s = style !== undefined ? String(style) : getAttr(c, "s");
    if (s !== undefined) keep.push(["s", s]);
    const p = this.p;
    let children: XmlNode[];
    if (content.kind === "text") {
      keep.push(["t", "inlineStr"]);
      children = [
        el(p + "is", [], [el(p + "t", [["xml:space", "preserve"]], content.text ? [{ text: content.text }] : [])]),
      ];
    } else if (content.kind === "number") {
      children = [el(p + "v", [], [{ text: String(content.value) }])];
    } else {
      if (typeof content.result === "string") keep.push(["t", "str"]);
      children = [el(p + "f", [], [{ text: content.formula }]), el(p + "v", [], [{ text: String(content.result) }])];
    }
    c.attrs = keep;
    c.children = children;
  }

  /** Sets the style of every cell of a range, creating empty cells where needed; values stay. */
  styleRange(range: string, style: number): void {
    const r = parseRange(range);
    if (!r) return;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++)
        setAttr(this.cell(address(row, col), true) as XmlElement, "s", String(style));
    }
  }

  /** Writes a value into a cell only if it is empty (used when a sheet is created with pre-filled inputs). */
  setIfEmpty(addr: string, value: string | number): void {
    const c = this.cell(addr, true) as XmlElement;
    if (childElements(c).length) return;
    this.setCell(
      addr,
      typeof value === "number" ? { kind: "number", value } : { kind: "text", text: value },
      undefined,
    );
  }

  clearCell(addr: string): void {
    const c = this.cell(addr, false);
    if (!c) return;
    if (childElements(c, "f").length) this.formulasTouched = true;
    const s = getAttr(c, "s");
    c.attrs =
      s !== undefined
        ? [
            ["r", addr],
            ["s", s],
          ]
        : [["r", addr]];
    c.children = [];
  }

  setColumns(columns: readonly ColumnBlueprint[]): void {
    const cols = this.child("cols") as XmlElement;
    const mine = new Set(columns.map((c) => c.col));
    cols.children = cols.children.filter(
      (c) =>
        !("name" in c) ||
        !(Number(getAttr(c, "min")) === Number(getAttr(c, "max")) && mine.has(Number(getAttr(c, "min")))),
    );
    for (const c of columns) {
      const attrs: [string, string][] = [
        ["min", String(c.col)],
        ["max", String(c.col)],
        ["width", String(c.width)],
        ["customWidth", "1"],
      ];
      if (c.hidden) attrs.push(["hidden", "1"]);
      if (c.outlineLevel) attrs.push(["outlineLevel", String(c.outlineLevel)]);
      cols.children.push(el(this.p + "col", attrs));
    }
    cols.children.sort((a, b) =>
      "name" in a && "name" in b ? Number(getAttr(a, "min")) - Number(getAttr(b, "min")) : 0,
    );
    const level = Math.max(0, ...columns.map((c) => c.outlineLevel ?? 0));
    if (level) this.outlineLevelCol(level);
  }

  /** Excel draws the outline's buttons for as many levels as `<sheetFormatPr outlineLevelCol>` says. */
  private outlineLevelCol(level: number): void {
    const fp = this.child("sheetFormatPr") as XmlElement;
    // defaultRowHeight is required (CT_SheetFormatPr).
    if (getAttr(fp, "defaultRowHeight") === undefined) setAttr(fp, "defaultRowHeight", "15");
    if (Number(getAttr(fp, "outlineLevelCol") ?? 0) < level) setAttr(fp, "outlineLevelCol", String(level));
  }

  setRowHeights(rows: SheetBlueprint["rowHeights"]): void {
    for (const h of rows) {
      const r = this.row(h.row, true) as XmlElement;
      setAttr(r, "ht", String(h.height));
      setAttr(r, "customHeight", "1");
    }
  }

  /**
   * Merges each range. Excel calls a file with overlapping merges damaged, and the reconciliation undoes the
   * merges in the way first (`unmerge`); should one still overlap (a part read differently), it gives way too:
   * every range asked for is merged, so what the update says it restored is what the file holds.
   */
  merge(ranges: readonly string[]): void {
    const mc = this.child("mergeCells") as XmlElement;
    for (const ref of ranges) {
      const r = parseRange(ref);
      if (!r) continue;
      mc.children = mc.children.filter((c) => {
        if (!("name" in c) || localName(c.name) !== "mergeCell") return true;
        const e = parseRange((getAttr(c, "ref") ?? "").replace(/\$/g, ""));
        return !e || !rangesOverlap(e, r);
      });
      mc.children.push(el(this.p + "mergeCell", [["ref", ref]]));
    }
    setAttr(mc, "count", String(childElements(mc, "mergeCell").length));
  }

  /** Undoes the merged areas `ranges` (as the sheet writes them, « $ » and case aside); cells keep their values. */
  unmerge(ranges: readonly string[]): void {
    const mc = this.child("mergeCells", false);
    if (!mc) return;
    const gone = new Set(ranges.map((r) => r.replace(/\$/g, "").toUpperCase()));
    mc.children = mc.children.filter(
      (c) =>
        !("name" in c) ||
        localName(c.name) !== "mergeCell" ||
        !gone.has((getAttr(c, "ref") ?? "").replace(/\$/g, "").toUpperCase()),
    );
    const left = childElements(mc, "mergeCell").length;
    // CT_MergeCells holds at least one mergeCell: an empty list goes.
    if (left === 0) this.root.children = this.root.children.filter((c) => c !== mc);
    else setAttr(mc, "count", String(left));
  }

  /** Lays a validation over its area, cutting it out of any other validation that covered part of it. */
  setValidation(v: ValidationBlueprint): void {
    const dvs = this.child("dataValidations") as XmlElement;
    const area = parseRange(v.sqref);
    if (!area) return;
    const kept: XmlNode[] = [];
    for (const c of dvs.children) {
      if (!("name" in c) || localName(c.name) !== "dataValidation") {
        kept.push(c);
        continue;
      }
      const rest = parseSqref(getAttr(c, "sqref") ?? "").flatMap((r) => subtractRange(r, area));
      if (rest.length === 0) continue;
      setAttr(c, "sqref", rest.map(rangeAddress).join(" "));
      kept.push(c);
    }
    const attrs: [string, string][] = [["type", v.type]];
    if (v.errorStyle !== "stop") attrs.push(["errorStyle", v.errorStyle]);
    if (v.operator) attrs.push(["operator", v.operator]);
    attrs.push(
      ["allowBlank", "1"],
      ["showInputMessage", "1"],
      ["showErrorMessage", "1"],
      ["errorTitle", v.errorTitle],
      ["error", v.error],
      ["sqref", v.sqref],
    );
    const children = [el(this.p + "formula1", [], [{ text: v.formula1 }])];
    if (v.formula2 !== undefined) children.push(el(this.p + "formula2", [], [{ text: v.formula2 }]));
    kept.push(el(this.p + "dataValidation", attrs, children));
    dvs.children = kept;
    setAttr(dvs, "count", String(childElements(dvs, "dataValidation").length));
  }

  setProtection(on: boolean): void {
    const existing = this.child("sheetProtection", false);
    if (!on) {
      if (existing) this.root.children = this.root.children.filter((c) => c !== existing);
      return;
    }
    const sp = existing ?? (this.child("sheetProtection") as XmlElement);
    setAttr(sp, "sheet", "1");
    setAttr(sp, "objects", "1");
    setAttr(sp, "scenarios", "1");
    // In OOXML « 0 » means allowed for these.
    for (const k of PROTECTION_ALLOWS) setAttr(sp, k, "0");
  }

  freeze(rows: number, cols: number): void {
    const views = this.child("sheetViews") as XmlElement;
    let view = firstChild(views, "sheetView");
    if (!view) {
      view = el(this.p + "sheetView", [["workbookViewId", "0"]]);
      views.children.push(view);
    }
    const topLeft = address(rows + 1, cols + 1);
    const pane = el(this.p + "pane", [
      ...(cols ? ([["xSplit", String(cols)]] as [string, string][]) : []),
      ...(rows ? ([["ySplit", String(rows)]] as [string, string][]) : []),
      ["topLeftCell", topLeft],
      ["activePane", cols && rows ? "bottomRight" : rows ? "bottomLeft" : "topRight"],
      ["state", "frozen"],
    ]);
    view.children = [
      pane,
      ...view.children.filter((c) => !("name" in c) || !["pane", "selection"].includes(localName(c.name))),
    ];
  }

  pageSetup(print: NonNullable<SheetBlueprint["print"]>): void {
    if (print.fitToWidth) {
      const pr = this.child("sheetPr") as XmlElement;
      let ps = firstChild(pr, "pageSetUpPr");
      if (!ps) {
        ps = el(this.p + "pageSetUpPr");
        const afterOutline = pr.children.findIndex(
          (c) => "name" in c && !["tabColor", "outlinePr"].includes(localName(c.name)),
        );
        if (afterOutline < 0) pr.children.push(ps);
        else pr.children.splice(afterOutline, 0, ps);
      }
      setAttr(ps, "fitToPage", "1");
    }
    this.child("pageMargins");
    if (print.header || print.footer) this.headerFooter(print.header, print.footer);
    const setup = this.child("pageSetup") as XmlElement;
    setAttr(setup, "paperSize", "9");
    setAttr(setup, "orientation", print.landscape ? "landscape" : "portrait");
    if (print.fitToWidth) {
      setAttr(setup, "fitToWidth", "1");
      setAttr(setup, "fitToHeight", "0");
    }
    const margins = firstChild(this.root, "pageMargins") as XmlElement;
    if (!getAttr(margins, "left")) {
      for (const [k, v] of [
        ["left", "0.4"],
        ["right", "0.4"],
        ["top", "0.5"],
        ["bottom", "0.5"],
        ["header", "0.3"],
        ["footer", "0.3"],
      ])
        setAttr(margins, k, v);
    }
  }

  /**
   * The header and footer of every page (`<oddHeader>`, `<oddFooter>`), written whole: a part left out is
   * emptied. A first-page or even-page variant someone set is left as it is (Office.js's defaultForAllPages).
   */
  headerFooter(header: HeaderFooterLine | undefined, footer: HeaderFooterLine | undefined): void {
    const hf = this.child("headerFooter") as XmlElement;
    const odd: XmlNode[] = [];
    for (const [tag, line] of [
      ["oddHeader", header],
      ["oddFooter", footer],
    ] as const) {
      const text = headerFooterText(line);
      if (text) odd.push(el(this.p + tag, [], [{ text }]));
    }
    // CT_HeaderFooter: odd header and footer first, then the even and first-page ones.
    const others = hf.children.filter((c) => !("name" in c) || !["oddHeader", "oddFooter"].includes(localName(c.name)));
    hf.children = [...odd, ...others];
  }
}

export const NEW_SHEET_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/>' +
  '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/></worksheet>';
