/** Blueprint styles as Office.js range formats. */
import type { CellStyle } from "../../domain/blueprint/styles";

const H = { left: "Left", center: "Center", right: "Right" } as const;
const V = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** Queues the format of `style` on `range` (no sync). */
export function applyStyle(range: Excel.Range, style: CellStyle): void {
  const f = range.format;
  f.font.bold = !!style.bold;
  f.font.italic = !!style.italic;
  f.font.size = style.size ?? 10;
  f.font.name = "Calibri";
  if (style.color) f.font.color = `#${style.color}`;
  if (style.fill) f.fill.color = `#${style.fill}`;
  f.wrapText = !!style.wrap;
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
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#A6A6A6";
    }
  }
  f.protection.locked = style.locked;
}
