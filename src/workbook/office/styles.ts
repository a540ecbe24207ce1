/** Blueprint styles as Office.js range formats. */
import type { CellStyle } from "../../domain/blueprint/styles";

const H = { left: "Left", center: "Center", right: "Right" } as const;
const V = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

export interface StyleTarget {
  /**
   * The range still has Excel's default format (a sheet this apply created, an area not formatted yet): what
   * equals the default is not sent — not bold, not italic, no wrap, locked (each property written is one more
   * action in the request: issue #22).
   */
  readonly defaults?: boolean;
  /** The range's size: inside borders only where there is an inside. */
  readonly rows?: number;
  readonly columns?: number;
}

/** Queues the format of `style` on `range` (no sync). */
export function applyStyle(range: Excel.Range, style: CellStyle, target: StyleTarget = {}): void {
  const f = range.format;
  const changed = (value: boolean, excelDefault: boolean) => !target.defaults || value !== excelDefault;
  if (changed(!!style.bold, false)) f.font.bold = !!style.bold;
  if (changed(!!style.italic, false)) f.font.italic = !!style.italic;
  // Excel's default font is not ours (Calibri 11, Aptos 11 in recent versions): always written.
  f.font.size = style.size ?? 10;
  f.font.name = "Calibri";
  if (style.color) f.font.color = `#${style.color}`;
  if (style.fill) f.fill.color = `#${style.fill}`;
  if (changed(!!style.wrap, false)) f.wrapText = !!style.wrap;
  if (style.horizontal) f.horizontalAlignment = H[style.horizontal] as Excel.HorizontalAlignment;
  if (style.vertical) f.verticalAlignment = V[style.vertical] as Excel.VerticalAlignment;
  if (style.border) {
    for (const edge of [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "InsideHorizontal",
      "InsideVertical",
    ] as const) {
      if (edge === "InsideHorizontal" && target.rows === 1) continue;
      if (edge === "InsideVertical" && target.columns === 1) continue;
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#A6A6A6";
    }
  }
  if (changed(style.locked, true)) f.protection.locked = style.locked;
}
