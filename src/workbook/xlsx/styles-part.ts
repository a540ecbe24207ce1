/** Adds the blueprint's cell styles to a workbook's styles part, reusing what it already added. */
import type { CellStyle } from "../../domain/blueprint/styles";
import { builtinFormatId } from "./number-formats";
import { childElements, el, firstChild, getAttr, localName, setAttr, type XmlElement } from "./xml-tree";

export class StyleRegistry {
  private readonly cache = new Map<string, number>();
  private readonly p: string;
  changed = false;

  constructor(private readonly root: XmlElement) {
    const prefixed = /^([^:]+):/.exec(root.name);
    this.p = prefixed ? prefixed[1] + ":" : "";
  }

  private section(local: string, after: string[]): XmlElement {
    let s = firstChild(this.root, local);
    if (!s) {
      s = el(this.p + local, [["count", "0"]]);
      // Insert after the last of the sections that precede it in the schema.
      let at = 0;
      this.root.children.forEach((c, i) => {
        if ("name" in c && after.includes(localName(c.name))) at = i + 1;
      });
      this.root.children.splice(at, 0, s);
    }
    return s;
  }

  private append(section: XmlElement, child: XmlElement): number {
    section.children.push(child);
    const n = childElements(section).length;
    setAttr(section, "count", String(n));
    this.changed = true;
    return n - 1;
  }

  private numFmtId(code: string | undefined): number {
    const builtin = builtinFormatId(code);
    if (builtin !== undefined || !code) return builtin ?? 0;
    const numFmts = this.section("numFmts", []);
    for (const f of childElements(numFmts, "numFmt"))
      if (getAttr(f, "formatCode") === code) return Number(getAttr(f, "numFmtId"));
    const ids = childElements(numFmts, "numFmt").map((f) => Number(getAttr(f, "numFmtId")));
    const id = Math.max(163, ...ids) + 1;
    this.append(
      numFmts,
      el(this.p + "numFmt", [
        ["numFmtId", String(id)],
        ["formatCode", code],
      ]),
    );
    return id;
  }

  /** The cellXfs index of a style, added to the part the first time. */
  index(style: CellStyle): number {
    const key = JSON.stringify(style);
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const p = this.p;
    const numFmtId = this.numFmtId(style.numberFormat);
    const fontChildren: XmlElement[] = [];
    if (style.bold) fontChildren.push(el(p + "b"));
    if (style.italic) fontChildren.push(el(p + "i"));
    fontChildren.push(el(p + "sz", [["val", String(style.size ?? 10)]]));
    if (style.color) fontChildren.push(el(p + "color", [["rgb", "FF" + style.color]]));
    fontChildren.push(el(p + "name", [["val", "Calibri"]]), el(p + "family", [["val", "2"]]));
    const fontId = this.append(this.section("fonts", ["numFmts"]), el(p + "font", [], fontChildren));
    let fillId = 0;
    if (style.fill) {
      fillId = this.append(
        this.section("fills", ["numFmts", "fonts"]),
        el(
          p + "fill",
          [],
          [
            el(
              p + "patternFill",
              [["patternType", "solid"]],
              [el(p + "fgColor", [["rgb", "FF" + style.fill]]), el(p + "bgColor", [["indexed", "64"]])],
            ),
          ],
        ),
      );
    }
    let borderId = 0;
    if (style.border) {
      const side = (n: string) => el(p + n, [["style", "thin"]], [el(p + "color", [["rgb", "FFA6A6A6"]])]);
      borderId = this.append(
        this.section("borders", ["numFmts", "fonts", "fills"]),
        el(p + "border", [], [side("left"), side("right"), side("top"), side("bottom"), el(p + "diagonal")]),
      );
    }
    const alignment: [string, string][] = [];
    if (style.horizontal) alignment.push(["horizontal", style.horizontal]);
    if (style.vertical) alignment.push(["vertical", style.vertical === "middle" ? "center" : style.vertical]);
    if (style.wrap) alignment.push(["wrapText", "1"]);
    const xfChildren: XmlElement[] = [];
    if (alignment.length) xfChildren.push(el(p + "alignment", alignment));
    xfChildren.push(el(p + "protection", [["locked", style.locked ? "1" : "0"]]));
    const xf = el(
      p + "xf",
      [
        ["numFmtId", String(numFmtId)],
        ["fontId", String(fontId)],
        ["fillId", String(fillId)],
        ["borderId", String(borderId)],
        ["xfId", "0"],
        ["applyNumberFormat", numFmtId ? "1" : "0"],
        ["applyFont", "1"],
        ["applyFill", fillId ? "1" : "0"],
        ["applyBorder", borderId ? "1" : "0"],
        ["applyAlignment", alignment.length ? "1" : "0"],
        ["applyProtection", "1"],
      ],
      xfChildren,
    );
    const id = this.append(this.section("cellXfs", ["numFmts", "fonts", "fills", "borders", "cellStyleXfs"]), xf);
    this.cache.set(key, id);
    return id;
  }
}
