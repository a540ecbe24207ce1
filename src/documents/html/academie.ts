/** The académie's table as one HTML page (no script, inline CSS): the same sheets as the .xlsx, escaped. */
import type { TableSheet } from "../../domain/academie-table";
import { escapeHtml } from "./report";
import { frenchDate } from "../../domain/text";

const CSS = `
body { font-family: "DejaVu Sans", Calibri, Arial, sans-serif; font-size: 9pt; color: #1b1b1b; margin: 8mm; }
h1 { color: #1f3864; font-size: 18pt; }
h2 { color: #1f3864; font-size: 13pt; border-bottom: 2px solid #2f5597; margin-top: 8mm; }
table { border-collapse: collapse; }
th { background: #d9e1f2; text-align: left; position: sticky; top: 0; }
th, td { border: 1px solid #a6a6a6; padding: 1mm 1.4mm; vertical-align: top; }
td.num { text-align: right; }
td.bad { background: #ffc7ce; color: #9c0006; }
td.ok { background: #c6efce; color: #006100; }
td.warn { background: #ffeb9c; color: #9c5700; }
`;

function cellClass(sheet: TableSheet, col: number, v: string | number | null): string {
  const classes: string[] = [];
  if (typeof v === "number") classes.push("num");
  const h = sheet.columns[col]?.highlight;
  if ((h === "errors" && typeof v === "number" && v > 0) || (h === "readiness" && v === "non"))
    classes.push(h === "errors" ? "bad" : "warn");
  if (h === "gaps" && typeof v === "number" && v > 0) classes.push("warn");
  if (h === "readiness" && v === "oui") classes.push("ok");
  return classes.length ? ` class="${classes.join(" ")}"` : "";
}

export function academieHtml(sheets: readonly TableSheet[], title: string, today: Date): string {
  const body = sheets
    .map(
      (s) =>
        `<h2>${escapeHtml(s.name)} (${s.rows.length})</h2>\n<table>\n<thead><tr>${s.columns
          .map((c) => `<th>${escapeHtml(c.header)}</th>`)
          .join("")}</tr></thead>\n<tbody>\n${s.rows
          .map(
            (r) =>
              `<tr>${s.columns
                .map((_, i) => `<td${cellClass(s, i, r[i] ?? null)}>${escapeHtml(String(r[i] ?? ""))}</td>`)
                .join("")}</tr>`,
          )
          .join("\n")}\n</tbody></table>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>Tableau établi le ${frenchDate(today)} par Fiches LDM.</p>
${body}
</body></html>
`;
}
