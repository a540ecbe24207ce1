/**
 * The blueprint of « Guide »: what the guide offers for each criterion, readable without the pane — in
 * LibreOffice, on paper: the axes with their sub-points, the objectives under their headings, the example
 * actions and indicators, the reform measures, the links with the schools' evaluation, the Qualéduc fiches.
 * Generated and kept by the update like Listes (every cell is the product's), protected, never typed in.
 */
import { address } from "../a1";
import type { Criterion, Entry } from "../referential/types";
import { markDerived, text } from "./cells";
import { LABELS } from "./labels";
import { MARKERS } from "./layout";
import type { SheetBlueprint, StructureCell } from "./types";

export const GUIDE_KEY = "guide";
export const GUIDE_MARKER_ADDRESS = "D1";

/** One section: its heading, then each entry (its group heading when it changes, its sub-points after it). */
function section(title: string, entries: readonly Entry[]): [string, string, StructureCell["style"]][] {
  if (entries.length === 0) return [];
  const rows: [string, string, StructureCell["style"]][] = [[title, "", "label"]];
  let group: string | undefined;
  for (const e of entries) {
    if (e.group && e.group !== group) rows.push(["", e.group, "label"]);
    group = e.group;
    rows.push(["", `• ${e.text}`, "listItem"]);
    for (const d of e.details ?? []) rows.push(["", `      – ${d}`, "listItem"]);
  }
  return rows;
}

export function guideSheet(criteria: readonly Criterion[]): SheetBlueprint {
  const cells: StructureCell[] = [
    text("A1", LABELS.guideTitle, "title"),
    text("A2", LABELS.guideHint, "reminder"),
    text(GUIDE_MARKER_ADDRESS, MARKERS.guide, "marker"),
  ];
  let row = 4;
  for (const c of criteria) {
    cells.push(text(`A${row}`, `Critère ${c.number} — ${c.title}`, "sectionTitle"));
    row++;
    for (const [a, b, style] of [
      ...section(LABELS.guideAxes, c.axes),
      ...section(LABELS.guideObjectives, c.objectives),
      ...section(LABELS.guideActions, c.actions),
      ...section(LABELS.guideIndicators, c.indicators),
      ...section(LABELS.guideReform, c.reformMeasures),
      ...section(LABELS.guideEvaluation, c.evaluationLinks),
      ...section(
        LABELS.guideQualeduc,
        c.qualeducFiches.map((f) => ({ text: f })),
      ),
    ]) {
      if (a) cells.push(text(address(row, 1), a, style));
      if (b) cells.push(text(address(row, 2), b, style));
      row++;
    }
    row++;
  }
  return {
    key: GUIDE_KEY,
    role: "guide",
    name: LABELS.guideSheet,
    visibility: "visible",
    marker: { address: GUIDE_MARKER_ADDRESS, value: MARKERS.guide },
    columns: [
      { col: 1, width: 34 },
      { col: 2, width: 120 },
      { col: 4, width: 4, hidden: true },
    ],
    rowHeights: [{ row: 1, height: 24 }],
    cells: markDerived(cells, true),
    inputs: [],
    merges: ["A1:B1"],
    validations: [],
    protect: true,
    print: { landscape: false, fitToWidth: true },
  };
}
