/**
 * The pane follows Office's theme (`Office.context.officeTheme`, Office common API): dark when Office's
 * body background is dark, as in Excel's « Noir » theme; light otherwise, and where Office does not say.
 */
import { webLightTheme, type Theme } from "@fluentui/react-components";

/** Relative luminance of a « #RRGGBB » colour (WCAG), or undefined if it is not one. */
export function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => {
    const c = parseInt(x, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Whether a background colour is a dark one (light text goes on it). */
function isDarkColour(hex: string | undefined): boolean {
  const l = luminance(hex);
  return l !== undefined && l < 0.2;
}

export function isDark(officeTheme: { bodyBackgroundColor?: string } | undefined): boolean {
  return isDarkColour(officeTheme?.bodyBackgroundColor);
}

/**
 * The theme for Office's: the dark one is fetched only when Office is dark (its tokens are ~6 KB gzip that a
 * light pane, the common case, need not load before its first button — #27's budget).
 */
export async function themeFor(officeTheme: { bodyBackgroundColor?: string } | undefined): Promise<Theme> {
  if (!isDark(officeTheme)) return webLightTheme;
  return (await import(/* webpackChunkName: "dark-theme" */ "./dark-theme")).webDarkTheme;
}

/**
 * The CSS `color-scheme` of a theme: the browser draws native controls (the « version finale » box, the findings'
 * filters) dark only when told so; without it they stayed white on the dark pane (#27).
 */
export function colorSchemeOf(theme: Pick<Theme, "colorNeutralBackground1">): "dark" | "light" {
  return isDarkColour(theme.colorNeutralBackground1) ? "dark" : "light";
}
