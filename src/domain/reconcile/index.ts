/**
 * The reconciliation: (blueprint, snapshot) → the smallest list of edits that brings the workbook
 * back to the blueprint. It never writes a cell a person can type in (except a value the user asked
 * for explicitly), never deletes a sheet or a row, keeps a renamed sheet's title and the school's own
 * axes and objectives. What it cannot restore without touching someone's text becomes a finding.
 */
import { findName } from "../names";
import { address, parseRange, rangesOverlap, splitReference, type RangeRef } from "../a1";
import { printsAs } from "../blueprint/header-footer";
import { finding, type Finding } from "../findings";
import type { Blueprint, CompleteBlueprint, SheetBlueprint, StructureCell } from "../blueprint/types";
import { lockDiffers } from "../locks";
import { identifySheets, type Identification } from "../identify";
import { cellMatches, cellsWithoutValidation, isEmptyCell } from "../blueprint/match";
import { placeBlueprint } from "../blueprint/placement";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { listKey } from "../text";
import type { Edit } from "./edits";

export type { Edit, EditOp } from "./edits";

export interface Reconciliation {
  readonly edits: readonly Edit[];
  /** By sheet title (as the edits name it): the blueprint sheet it plays, and whether the edits create it. */
  readonly sheets: ReadonlyMap<string, { readonly blueprint: SheetBlueprint; readonly created: boolean }>;
  /** Where the blueprint could not be reached without touching someone's content. */
  readonly findings: readonly Finding[];
}

export interface ReconcileOptions {
  /**
   * The sheets already identified and the blueprint already placed on this very snapshot (the check's context
   * has them): not computed twice.
   */
  readonly placed?: { readonly identified: Identification; readonly bp: Blueprint };
  /** The sheets already identified on this snapshot (the workbook as read, in the update): not identified twice. */
  readonly identified?: Identification;
  /** Values the user asked to set (« --audit-year »): sheet key → address → value. */
  readonly setValues?: readonly {
    readonly sheetKey: string;
    readonly address: string;
    readonly value: string | number;
  }[];
}

/** Every edit that builds a sheet from nothing. */
function buildSheetEdits(sb: SheetBlueprint, title: string, before: string | undefined): Edit[] {
  const edits: Edit[] = [
    before === undefined ? { op: "create-sheet", sheet: title } : { op: "create-sheet", sheet: title, before },
    { op: "set-columns", sheet: title, columns: sb.columns },
  ];
  if (sb.rowHeights.length) edits.push({ op: "set-row-heights", sheet: title, rows: sb.rowHeights });
  for (const area of sb.inputs) edits.push({ op: "format-inputs", sheet: title, area });
  edits.push({ op: "set-cells", sheet: title, cells: sb.cells });
  if (sb.merges.length) edits.push({ op: "merge", sheet: title, ranges: sb.merges });
  for (const v of sb.validations) edits.push({ op: "set-validation", sheet: title, validation: v });
  for (const chart of sb.charts ?? []) edits.push({ op: "add-chart", sheet: title, chart });
  if (sb.freeze) edits.push({ op: "freeze", sheet: title, ...sb.freeze });
  if (sb.print) edits.push({ op: "page-setup", sheet: title, print: sb.print });
  if (sb.visibility !== "visible") edits.push({ op: "set-visibility", sheet: title, visibility: sb.visibility });
  if (sb.protect) edits.push({ op: "set-protection", sheet: title, protect: true });
  return edits;
}

function freeTitle(wanted: string, used: Set<string>): string {
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const t = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(t.toLowerCase())) return t;
  }
}

/**
 * Whether a formula reads nothing but the names in `names` (and constants): then the blueprint's result is
 * what it computes now, and readers that do not recalculate (LibreOffice opening a file, openpyxl) must see it.
 */
function readsOnly(formula: string, names: ReadonlySet<string>): boolean {
  // Without a name changed, any name read is unknown, and a formula that reads none reads « only » nothing.
  if (names.size === 0) return false;
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  let readsOne = false;
  for (const m of code.matchAll(/([A-Za-z_$][A-Za-z0-9_.$]*)(\s*\()?/g)) {
    if (m[2]) continue; // a function's name
    if (!names.has(m[1].toUpperCase())) return false; // a cell, or another name: its value is not known here
    readsOne = true;
  }
  return readsOne;
}

function repairSheetEdits(
  sb: SheetBlueprint,
  sheet: SheetSnapshot,
  findings: Finding[],
  changedNames: ReadonlySet<string> = new Set(),
): Edit[] {
  const title = sheet.name;
  const edits: Edit[] = [];
  if (sheet.visibility !== sb.visibility) edits.push({ op: "set-visibility", sheet: title, visibility: sb.visibility });
  // An input area new in this version (its section title is not there yet) is formatted and unlocked once.
  const newAreas = sb.inputs.filter((a) => a.anchor !== undefined && isEmptyCell(sheet.cells[a.anchor]));
  // An area whose lock state is not the blueprint's (a paste brought « locked » along) is formatted again.
  const relocked = sb.inputs.filter((a) => !newAreas.includes(a) && lockDiffers(sheet, a));
  for (const area of [...newAreas, ...relocked]) {
    edits.push({ op: "format-inputs", sheet: title, area: { range: area.range, style: area.style } });
  }
  // The new section's rows get their heights (the product's own rows only: the blueprint lists no input row).
  if (newAreas.length && sb.rowHeights.length) edits.push({ op: "set-row-heights", sheet: title, rows: sb.rowHeights });
  const toWrite: StructureCell[] = [];
  const ownsEverything = sb.role === "lists" || sb.role === "guide";
  /** How many of the blueprint's cells the sheet has: on a sheet the product owns, any other cell is stale. */
  let present = 0;
  for (const c of sb.cells) {
    const actual = sheet.cells[c.address];
    if (actual !== undefined) present++;
    if (cellMatches(actual, c)) continue;
    if (ownsEverything || c.derived || isEmptyCell(actual)) {
      toWrite.push(c);
    } else {
      findings.push(
        finding(
          "structure-altered",
          title,
          c.address,
          `${c.address} devrait contenir « ${c.text ?? c.formula ?? ""} » mais quelqu'un y a saisi « ${String(actual?.v ?? "")} » : la cellule est laissée telle quelle.`,
          sb.criterion,
        ),
      );
    }
  }
  if (toWrite.length) edits.push({ op: "set-cells", sheet: title, cells: toWrite });
  // A value the user set (a new audit year) changes what some formulas show: their cached results follow.
  const recomputed =
    changedNames.size === 0 // then no formula reads « only » what changed (readsOnly): nothing to walk
      ? []
      : sb.cells.filter(
          (c) =>
            c.formula !== undefined &&
            c.result !== undefined &&
            !toWrite.includes(c) &&
            readsOnly(c.formula, changedNames) &&
            sheet.cells[c.address]?.v !== c.result,
        );
  if (recomputed.length) edits.push({ op: "set-cells", sheet: title, cells: recomputed, recomputed: true });
  // The blueprint names each address once (tests/domain/reconcile.test.ts): a sheet with no more cells than the
  // blueprint's it holds has no stale one — said without a set of Listes' 2,500 addresses per workbook (#28).
  if (ownsEverything && Object.keys(sheet.cells).length > present) {
    const wanted = new Set(sb.cells.map((c) => c.address));
    const stale = Object.keys(sheet.cells).filter((a) => !wanted.has(a));
    if (stale.length) edits.push({ op: "clear-cells", sheet: title, addresses: stale.sort() });
  }
  // An adapter that does not read merged areas (Office.js) leaves them undefined: nothing to compare.
  if (sheet.merges !== undefined) edits.push(...mergeEdits(sb, sheet, findings));
  for (const v of sb.validations) {
    if (cellsWithoutValidation(sheet, v).length) edits.push({ op: "set-validation", sheet: title, validation: v });
  }
  // A chart someone deleted comes back; one they changed (colours, type, size) is theirs and stays.
  // A chart is ours by its name, or by its title when another program (openpyxl…) renamed it on saving.
  if (sheet.charts !== undefined) {
    for (const chart of sb.charts ?? []) {
      const present = sheet.charts.some(
        (c) =>
          c.name.toLowerCase() === chart.name.toLowerCase() ||
          (c.title !== undefined && listKey(c.title) === listKey(chart.title)),
      );
      if (!present) edits.push({ op: "add-chart", sheet: title, chart });
    }
  }
  // The printed header names the school Paramètres names now; header and footer are the product's own.
  const print = sb.print;
  if (sheet.headerFooter !== undefined && print && (print.header || print.footer)) {
    const { header, footer } = sheet.headerFooter;
    if (!printsAs(header, print.header) || !printsAs(footer, print.footer))
      edits.push({ op: "set-header-footer", sheet: title, header: print.header, footer: print.footer });
  }
  if (sb.protect && !sheet.protected) edits.push({ op: "set-protection", sheet: title, protect: true });
  return edits;
}

/**
 * The blueprint's merged areas the sheet lacks, and the merged areas in their way. A program that inserts rows
 * without moving merged areas (openpyxl) leaves ours where the rows were: they overlap the blueprint's, placed
 * where the rows are now, and Excel forbids overlapping merges — so the ones in the way are undone first (no
 * cell is changed by undoing a merge), then ours are merged. A merge that would hide something typed (a cell
 * other than its top-left one, not the model's) is not made: that is said, as a label typed over is.
 */
function mergeEdits(sb: SheetBlueprint, sheet: SheetSnapshot, findings: Finding[]): Edit[] {
  const key = (m: string) => m.replace(/\$/g, "").toUpperCase();
  const present = new Set((sheet.merges ?? []).map(key));
  const missing = sb.merges.filter((m) => !present.has(key(m)));
  if (missing.length === 0) return [];
  const ours = new Set(sb.cells.map((c) => c.address));
  const writable: string[] = [];
  for (const m of missing) {
    const area = parseRange(m);
    if (!area) continue;
    const hidden = hiddenBy(area).find((a) => !ours.has(a) && !isEmptyCell(sheet.cells[a]));
    if (hidden === undefined) {
      writable.push(m);
      continue;
    }
    findings.push(
      finding(
        "structure-altered",
        sheet.name,
        m,
        `${m} devrait être fusionnée, mais la fusion cacherait ${hidden} (« ${String(sheet.cells[hidden]?.v ?? "")} »), qui n'est pas du modèle : la fusion n'est pas rétablie.`,
        sb.criterion,
      ),
    );
  }
  const wanted = new Set(sb.merges.map(key));
  const areas = writable.map((m) => parseRange(m) as RangeRef);
  const inTheWay = (sheet.merges ?? []).filter((m) => {
    const r = parseRange(m);
    return !wanted.has(key(m)) && !!r && areas.some((a) => rangesOverlap(a, r));
  });
  const edits: Edit[] = [];
  if (inTheWay.length) edits.push({ op: "unmerge", sheet: sheet.name, ranges: inTheWay });
  if (writable.length) edits.push({ op: "merge", sheet: sheet.name, ranges: writable });
  return edits;
}

/** The cells a merge of `area` hides: all but its top-left one. */
function hiddenBy(area: RangeRef): string[] {
  const out: string[] = [];
  for (let row = area.top; row <= area.bottom; row++)
    for (let col = area.left; col <= area.right; col++)
      if (row !== area.top || col !== area.left) out.push(address(row, col));
  return out;
}

/** `wanted`: a blueprint with the establishments (a "not-needed" one would empty Listes' schools). */
export function reconcile(
  wanted: CompleteBlueprint,
  wb: WorkbookSnapshot,
  options: ReconcileOptions = {},
): Reconciliation {
  const identified = options.placed?.identified ?? options.identified ?? identifySheets(wanted, wb);
  // Rows people inserted above or inside a criterion table moved or stretched it: compare with it as it lies.
  const bp = options.placed?.bp ?? placeBlueprint(wanted, wb, identified).bp;
  const edits: Edit[] = [];
  const findings: Finding[] = [];
  const used = new Set(wb.sheets.map((s) => s.name.toLowerCase()));
  const titles = new Map<string, string>();
  const sheets = new Map<string, { blueprint: SheetBlueprint; created: boolean }>();
  const changedNames = namesOfChangedValues(bp, identified, options);
  bp.sheets.forEach((sb, index) => {
    const id = identified.get(sb.key);
    if (id) {
      titles.set(sb.key, id.sheet.name);
      sheets.set(id.sheet.name, { blueprint: sb, created: false });
      edits.push(...repairSheetEdits(sb, id.sheet, findings, changedNames));
    } else {
      const title = freeTitle(sb.name, used);
      used.add(title.toLowerCase());
      titles.set(sb.key, title);
      sheets.set(title, { blueprint: sb, created: true });
      // It goes back where it belongs: before the next sheet of the blueprint that is there.
      const next = bp.sheets.slice(index + 1).find((x) => identified.has(x.key));
      edits.push(...buildSheetEdits(sb, title, next ? identified.get(next.key)?.sheet.name : undefined));
    }
  });
  for (const n of bp.names) {
    const title = titles.get(n.sheetKey);
    if (title === undefined) continue;
    const actual = findName(wb, n.name);
    const ref = actual ? splitReference(actual.formula) : undefined;
    const ok =
      !!ref &&
      ref.sheet === title &&
      ref.ref.replace(/\$/g, "").toUpperCase() === n.ref.replace(/\$/g, "").toUpperCase();
    if (!ok) edits.push({ op: "set-name", name: n.name, sheet: title, ref: n.ref });
  }
  for (const sv of options.setValues ?? []) {
    const title = titles.get(sv.sheetKey);
    if (title === undefined) continue;
    const actual = identified.get(sv.sheetKey)?.sheet.cells[sv.address];
    const same = actual && (actual.v === sv.value || listKey(String(actual.v)) === listKey(String(sv.value)));
    if (!same) edits.push({ op: "set-value", sheet: title, address: sv.address, value: sv.value });
  }
  return { edits: orderProtection(edits), findings, sheets };
}

/** The defined names (upper case) that point at a cell whose value the user asked to change. */
function namesOfChangedValues(bp: Blueprint, identified: Identification, options: ReconcileOptions): Set<string> {
  const out = new Set<string>();
  for (const sv of options.setValues ?? []) {
    const actual = identified.get(sv.sheetKey)?.sheet.cells[sv.address];
    if (actual && (actual.v === sv.value || listKey(String(actual.v)) === listKey(String(sv.value)))) continue;
    for (const n of bp.names)
      if (n.sheetKey === sv.sheetKey && n.ref.replace(/\$/g, "").toUpperCase() === sv.address.toUpperCase())
        out.add(n.name.toUpperCase());
  }
  return out;
}

/** Unprotection is the adapter's job; here, protection edits simply go last so nothing is written after them. */
function orderProtection(edits: Edit[]): Edit[] {
  return [...edits.filter((e) => e.op !== "set-protection"), ...edits.filter((e) => e.op === "set-protection")];
}
