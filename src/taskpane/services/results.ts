/**
 * What the pane keeps on screen between actions, and the service's error: light modules the pane's first
 * screen may import without loading the workbook engine (the domain, the use cases, the Office adapter), which
 * comes on demand (src/taskpane/index.tsx).
 */
import { countFindings, type Finding } from "../../domain/check/findings";
import type { CheckResult } from "../../app/check";

export class ServiceError extends Error {}

/**
 * A finding's cell and text, the cell said once: a message that starts with its cell (« E10 : … »,
 * « Paramètres!B8 : … ») loses that start, and the pane shows the cell before it.
 */
export function findingText(f: Finding): { cell: string; message: string } {
  const cell = f.cell.split(":")[0];
  if (!cell) return { cell: "", message: frenchSpaces(f.message) };
  const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const start = new RegExp(
    `^(?:'?${escape(f.sheet)}'?!)?${escape(f.cell)}\\s*:\\s*|^(?:'?${escape(f.sheet)}'?!)?${cell}\\s*:\\s*`,
  );
  const m = start.exec(f.message);
  if (!m) return { cell, message: frenchSpaces(f.message) };
  const rest = f.message.slice(m[0].length);
  return { cell, message: frenchSpaces(rest.charAt(0).toLocaleUpperCase("fr") + rest.slice(1)) };
}

/**
 * A message as the pane shows it: a non-breaking space after « and before », : ; ! ? — the line never breaks
 * there (the check's own words, shared with the command line, keep plain spaces).
 */
export function frenchSpaces(text: string): string {
  return text
    .replace(/« /g, "«\u00a0")
    .replace(/ »/g, "\u00a0»")
    .replace(/ ([:;!?])(?=\s|$)/g, "\u00a0$1");
}

export type { CheckResult } from "../../app/check";
export type { WorkbookStatus } from "../../app/status";

/** What a live check found: the findings of the sheets it looked at again (the others are unchanged). */
export interface LiveCheck {
  readonly sheets: readonly string[];
  readonly findings: readonly Finding[];
  readonly activeSheet?: string;
  /** The sheets « Vérifier la fiche » speaks about (criterion sheets, Paramètres). */
  readonly fiches: readonly string[];
}

/**
 * The findings on screen after a live check: those of the re-checked sheets replaced, the others kept. When
 * the active fiche changed, its findings are shown (a paste that kills a drop-down shows at once), whatever
 * one sheet's findings were on screen before.
 */
export function mergeLive(shown: CheckResult | undefined, live: LiveCheck): CheckResult | undefined {
  const again = new Set(live.sheets);
  const ofSheet = (sheet: string): CheckResult => {
    const findings = live.findings.filter((f) => f.sheet === sheet);
    return { scope: "sheet", sheet, findings, counts: countFindings(findings) };
  };
  if (shown?.scope === "workbook") {
    // The re-checked sheets' findings take their sheets' places: the list keeps the workbook's order.
    const fresh = new Map<string, Finding[]>();
    for (const f of live.findings) {
      const list = fresh.get(f.sheet);
      if (list) list.push(f);
      else fresh.set(f.sheet, [f]);
    }
    const findings: Finding[] = [];
    for (const f of shown.findings) {
      if (!again.has(f.sheet)) findings.push(f);
      else if (fresh.has(f.sheet)) {
        for (const x of fresh.get(f.sheet) ?? []) findings.push(x);
        fresh.delete(f.sheet);
      }
    }
    for (const list of fresh.values()) for (const x of list) findings.push(x);
    return { ...shown, findings, counts: countFindings(findings) };
  }
  // A sheet's findings follow the fiche people are working in.
  const active = live.activeSheet;
  if (active && again.has(active) && live.fiches.includes(active)) return ofSheet(active);
  if (shown?.sheet && !shown.notAFiche && again.has(shown.sheet)) return ofSheet(shown.sheet);
  return shown;
}
