/** Fluent's dark theme, a chunk of its own: fetched only when Office is dark (theme.ts). */
export { webDarkTheme } from "@fluentui/react-components";
