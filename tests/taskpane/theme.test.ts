/** The pane follows Office's theme: Office's « Noir » (dark body background) gives Fluent's dark theme. */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { colorSchemeOf, isDark, themeFor } from "../../src/taskpane/theme";

test("dark when Office's body background is dark, light otherwise or when Office says nothing", () => {
  expect(themeFor({ bodyBackgroundColor: "#262626" })).toBe(webDarkTheme);
  expect(themeFor({ bodyBackgroundColor: "#1F1F1F" })).toBe(webDarkTheme);
  expect(themeFor({ bodyBackgroundColor: "#FFFFFF" })).toBe(webLightTheme);
  expect(themeFor({ bodyBackgroundColor: "#E6E6E6" })).toBe(webLightTheme);
  expect(themeFor(undefined)).toBe(webLightTheme);
  expect(isDark({ bodyBackgroundColor: "pas une couleur" })).toBe(false);
});

test("the native controls are told the theme's colour scheme (dark on Fluent's dark theme)", () => {
  expect(colorSchemeOf(webDarkTheme)).toBe("dark");
  expect(colorSchemeOf(webLightTheme)).toBe("light");
});
