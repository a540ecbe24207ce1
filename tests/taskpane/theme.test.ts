/** The pane follows Office's theme: Office's « Noir » (dark body background) gives Fluent's dark theme. */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { colorSchemeOf, isDark, themeFor } from "../../src/taskpane/theme";

test("dark when Office's body background is dark, light otherwise or when Office says nothing", async () => {
  await expect(themeFor({ bodyBackgroundColor: "#262626" })).resolves.toBe(webDarkTheme);
  await expect(themeFor({ bodyBackgroundColor: "#1F1F1F" })).resolves.toBe(webDarkTheme);
  await expect(themeFor({ bodyBackgroundColor: "#FFFFFF" })).resolves.toBe(webLightTheme);
  await expect(themeFor({ bodyBackgroundColor: "#E6E6E6" })).resolves.toBe(webLightTheme);
  await expect(themeFor(undefined)).resolves.toBe(webLightTheme);
  expect(isDark({ bodyBackgroundColor: "pas une couleur" })).toBe(false);
});

test("the native controls are told the theme's colour scheme (dark on Fluent's dark theme)", () => {
  expect(colorSchemeOf(webDarkTheme)).toBe("dark");
  expect(colorSchemeOf(webLightTheme)).toBe("light");
});
