/**
 * The Office.js adapter: reads a workbook snapshot in ONE context.sync() and applies a list of edits in
 * ONE more. It translates; it decides nothing. No sync in a loop.
 */
import { parseRange, quoteSheetName, address as a1, columnLetters, rangeAddress, type RangeRef } from "../../domain/a1";
import { inputAreas, validationAreas } from "../../domain/blueprint/build";
import { STYLES } from "../../domain/blueprint/styles";
import type { ChartBlueprint, StructureCell, ValidationBlueprint } from "../../domain/blueprint/types";
import type { Edit } from "../../domain/reconcile/edits";
import type {
  CellSnapshot,
  InputLock,
  SheetSnapshot,
  ValidationSnapshot,
  Visibility,
  WorkbookSnapshot,
} from "../../domain/snapshot";
import { applyStyle } from "./styles";
import { PROTECTION_ALLOWS } from "../../domain/blueprint/layout";

/** Sheets followed through getNext in the single read batch. */
export const MAX_SHEETS_READ = 40;
/** The ranges whose drop-downs the snapshot reads: every area the blueprint puts one on, on any sheet. */
const VALIDATION_RANGES = validationAreas();
/** The input areas whose lock state the snapshot reads (a paste may have locked them). */
const INPUT_AREAS = inputAreas();

const VIS_IN: Record<string, Visibility> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };
const VIS_OUT: Record<Visibility, Excel.SheetVisibility> = {
  visible: "Visible" as Excel.SheetVisibility,
  hidden: "Hidden" as Excel.SheetVisibility,
  veryHidden: "VeryHidden" as Excel.SheetVisibility,
};

export interface ReadResult {
  readonly snapshot: WorkbookSnapshot;
  readonly activeSheet?: string;
  readonly selection?: { sheet: string; address: string };
}

interface SheetProbe {
  ws: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
  used: Excel.Range;
  validations: { ref: string; dv: Excel.DataValidation }[];
  locks: { range: string; protection: Excel.FormatProtection }[];
  charts: Excel.ChartCollection;
}

function cellFrom(value: unknown, formula: unknown, format: unknown, type: string): CellSnapshot | undefined {
  const f = typeof formula === "string" && formula.startsWith("=") ? formula.slice(1) : undefined;
  const nf = typeof format === "string" && format !== "General" ? format : undefined;
  let cell: CellSnapshot | undefined;
  if (type === "Error") cell = { t: "e", v: String(value) };
  else if (type === "Double" && typeof value === "number") cell = { t: "n", v: value };
  else if (type === "Boolean") cell = { t: "b", v: !!value };
  else if (value !== "" && value !== null && value !== undefined) cell = { t: "s", v: String(value) };
  else if (f !== undefined) cell = { t: "s", v: "" };
  if (!cell) return undefined;
  if (f !== undefined) cell = { ...cell, f };
  if (nf) cell = { ...cell, nf };
  return cell;
}

function validationFrom(ref: string, dv: Excel.DataValidation): ValidationSnapshot | undefined {
  const rule = dv.rule;
  if (dv.type === "List" && rule.list) {
    return { sqref: ref, type: "list", formula1: String(rule.list.source).replace(/^=/, "") };
  }
  if (dv.type === "WholeNumber" && rule.wholeNumber) {
    const w = rule.wholeNumber;
    return {
      sqref: ref,
      type: "whole",
      formula1: String(w.formula1).replace(/^=/, ""),
      ...(w.formula2 !== undefined ? { formula2: String(w.formula2).replace(/^=/, "") } : {}),
      operator: String(w.operator).toLowerCase(),
    };
  }
  return undefined;
}

/** Excel's answer for an area whose cells do not all have the same drop-down. */
const PARTIAL = new Set(["Inconsistent", "MixedCriteria"]);

interface CellProbe {
  readonly area: RangeRef;
  readonly cells: { row: number; col: number; dv: Excel.DataValidation }[];
}

/** Queues a read of each cell's drop-down in `ref` (at most a few hundred cells: the blueprint's areas). */
function cellProbes(ws: Excel.Worksheet, ref: string): CellProbe {
  const area = parseRange(ref) as RangeRef;
  const cells: CellProbe["cells"] = [];
  for (let row = area.top; row <= area.bottom && cells.length < 500; row++) {
    for (let col = area.left; col <= area.right; col++) {
      const dv = ws.getRange(a1(row, col)).dataValidation;
      dv.load("type,rule");
      cells.push({ row, col, dv });
    }
  }
  return { area, cells };
}

/** The cells of a probed area grouped into runs of the same drop-down (« A10:A11 », « A16:A109 »). */
function cellRuns(probe: CellProbe): ValidationSnapshot[] {
  const out: ValidationSnapshot[] = [];
  let run:
    { start: (typeof probe.cells)[number]; end: (typeof probe.cells)[number]; v: ValidationSnapshot } | undefined;
  const flush = () => {
    if (!run) return;
    const sqref = rangeAddress({ top: run.start.row, left: run.start.col, bottom: run.end.row, right: run.end.col });
    out.push({ ...run.v, sqref });
    run = undefined;
  };
  for (const c of probe.cells) {
    const v = validationFrom(a1(c.row, c.col), c.dv);
    const same = run && v && run.end.col === c.col && run.end.row === c.row - 1 && sameRule(run.v, v);
    if (same && run) run.end = c;
    else {
      flush();
      if (v) run = { start: c, end: c, v };
    }
  }
  flush();
  return out;
}

function sameRule(a: ValidationSnapshot, b: ValidationSnapshot): boolean {
  return a.type === b.type && a.formula1 === b.formula1 && a.formula2 === b.formula2 && a.operator === b.operator;
}

/**
 * One sync: every sheet (followed by getNext), its used range, protection, the drop-downs and lock state
 * of the input areas, its charts, the names. A second one only when a drop-down area is partly pasted over.
 */
export async function readSnapshot(context: Excel.RequestContext): Promise<ReadResult> {
  const wb = context.workbook;
  const names = wb.names;
  names.load("items/name,items/formula");
  const active = wb.worksheets.getActiveWorksheet();
  active.load("name");
  const probes: SheetProbe[] = [];
  let ws = wb.worksheets.getFirst();
  for (let i = 0; i < MAX_SHEETS_READ; i++) {
    ws.load("name,visibility");
    // Navigation properties (protection, dataValidation) are proxies, not values: nothing to load first.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const protection = ws.protection;
    protection.load("protected");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,values,formulas,numberFormat,valueTypes");
    const validations = VALIDATION_RANGES.map((ref) => {
      // eslint-disable-next-line office-addins/load-object-before-read
      const dv = ws.getRange(ref).dataValidation;
      dv.load("type,rule");
      return { ref, dv };
    });
    const locks = INPUT_AREAS.map((range) => {
      // eslint-disable-next-line office-addins/load-object-before-read
      const p = ws.getRange(range).format.protection;
      p.load("locked");
      return { range, protection: p };
    });
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const charts = ws.charts;
    charts.load("items/name,items/title/text");
    probes.push({ ws, protection, used, validations, locks, charts });
    ws = ws.getNextOrNullObject();
  }
  await context.sync();
  const sheets: SheetSnapshot[] = [];
  const followUps: { ws: Excel.Worksheet; validations: ValidationSnapshot[]; partial: CellProbe[] }[] = [];
  for (const p of probes) {
    if (p.ws.isNullObject) break;
    const cells: Record<string, CellSnapshot> = {};
    if (!p.used.isNullObject) {
      const origin = parseRange(p.used.address.replace(/^.*!/, ""));
      const values = p.used.values;
      const formulas = p.used.formulas;
      const formats = p.used.numberFormat;
      const types = p.used.valueTypes;
      if (origin) {
        values.forEach((line, i) =>
          line.forEach((v, j) => {
            const c = cellFrom(v, formulas[i][j], formats[i][j], String(types[i][j]));
            if (c) cells[a1(origin.top + i, origin.left + j)] = c;
          }),
        );
      }
    }
    const validations = p.validations
      .map((v) => validationFrom(v.ref, v.dv))
      .filter((v): v is ValidationSnapshot => !!v);
    const partial = p.validations.filter((v) => PARTIAL.has(String(v.dv.type)));
    if (partial.length) followUps.push({ ws: p.ws, validations, partial: partial.map((v) => cellProbes(p.ws, v.ref)) });
    const inputLocks: InputLock[] = p.locks.map((l) => ({
      range: l.range,
      state: l.protection.locked === null ? "mixed" : l.protection.locked ? "locked" : "unlocked",
    }));
    sheets.push({
      name: p.ws.name,
      visibility: VIS_IN[p.ws.visibility] ?? "visible",
      protected: p.protection.protected,
      cells,
      validations,
      inputLocks,
      charts: p.charts.items.map((c) => (c.title?.text ? { name: c.name, title: c.title.text } : { name: c.name })),
    });
  }
  // A drop-down pasted over in part of an area: Excel says « mixed » for the area; one more round trip,
  // only then, reads it cell by cell so the findings name the cells that lost it.
  if (followUps.length) {
    await context.sync();
    for (const f of followUps) for (const probe of f.partial) f.validations.push(...cellRuns(probe));
  }
  return {
    snapshot: {
      sheets,
      names: names.items.map((n) => ({ name: n.name, formula: String(n.formula).replace(/^=/, "") })),
    },
    activeSheet: active.name,
  };
}

function writeCellRuns(ws: Excel.Worksheet, cells: readonly StructureCell[]): void {
  // Consecutive rows of one column with the same style and kind go in one range write.
  const sorted = [...cells].sort((x, y) => {
    const p = parseRange(x.address);
    const q = parseRange(y.address);
    return (p?.left ?? 0) - (q?.left ?? 0) || (p?.top ?? 0) - (q?.top ?? 0);
  });
  let run: { col: number; top: number; rows: StructureCell[] } | undefined;
  const flush = () => {
    if (!run) return;
    const first = run.rows[0];
    const range = ws.getRange(
      `${columnLetters(run.col)}${run.top}:${columnLetters(run.col)}${run.top + run.rows.length - 1}`,
    );
    range.formulas = run.rows.map((c) => [
      c.formula !== undefined ? `=${c.formula}` : c.number !== undefined ? c.number : (c.text ?? ""),
    ]);
    applyStyle(range, STYLES[first.style]);
    run = undefined;
  };
  for (const c of sorted) {
    const r = parseRange(c.address);
    if (!r) continue;
    const same = run && run.col === r.left && run.top + run.rows.length === r.top && run.rows[0].style === c.style;
    if (!same) {
      flush();
      run = { col: r.left, top: r.top, rows: [] };
    }
    run?.rows.push(c);
  }
  flush();
}

function setValidation(ws: Excel.Worksheet, v: ValidationBlueprint): void {
  const dv = ws.getRange(v.sqref).dataValidation;
  dv.clear();
  dv.rule =
    v.type === "list"
      ? { list: { inCellDropDown: true, source: `=${v.formula1}` } }
      : {
          wholeNumber: {
            formula1: `=${v.formula1}`,
            formula2: v.formula2 !== undefined ? `=${v.formula2}` : undefined,
            operator: "Between" as Excel.DataValidationOperator,
          },
        };
  dv.errorAlert = {
    showAlert: true,
    style: (v.errorStyle === "stop"
      ? "Stop"
      : v.errorStyle === "warning"
        ? "Warning"
        : "Information") as Excel.DataValidationAlertStyle,
    title: v.errorTitle,
    message: v.error,
  };
}

const ZERO_HIDDEN = "0;-0;;@";

/**
 * Draws the chart in the same batch: created over its first series, then each series pointed at its
 * values and categories (ExcelApi 1.7). Office.js cannot link a series name to a cell: it gets the text.
 */
function addChart(ws: Excel.Worksheet, c: ChartBlueprint): void {
  const first = c.series[0];
  const chart = ws.charts.add(
    "BarClustered" as Excel.ChartType,
    ws.getRange(first.values),
    "Columns" as Excel.ChartSeriesBy,
  );
  chart.name = c.name;
  chart.title.text = c.title;
  chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
  // Values at the bars' ends, zeros left blank (ExcelApi 1.8 for the format), as the .xlsx writer does.
  chart.dataLabels.showValue = true;
  chart.dataLabels.numberFormat = ZERO_HIDDEN;
  c.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    series.setValues(ws.getRange(s.values));
    series.setXAxisValues(ws.getRange(c.categories));
  });
  chart.setPosition(c.from, c.to);
}

export interface ApplyOptions {
  /** Page layout needs ExcelApi 1.9; hosts without it skip print setup. */
  readonly pageLayout?: boolean;
}

/** One sync: protected sheets that are edited are unprotected first and protected again at the end. */
export async function applyEdits(
  context: Excel.RequestContext,
  edits: readonly Edit[],
  before: WorkbookSnapshot,
  options: ApplyOptions = {},
): Promise<void> {
  if (edits.length === 0) return;
  const wb = context.workbook;
  wb.application.suspendApiCalculationUntilNextSync();
  const sheet = (name: string) => wb.worksheets.getItem(name);
  const existing = new Map(before.sheets.map((s) => [s.name, s]));
  const touched = new Set(edits.filter((e) => e.op !== "set-name").map((e) => (e as { sheet: string }).sheet));
  const reprotect = new Set<string>();
  for (const name of touched) {
    if (existing.get(name)?.protected) {
      sheet(name).protection.unprotect();
      reprotect.add(name);
    }
  }
  const order = before.sheets.map((s) => s.name);
  const names = new Set(before.names.map((n) => n.name.toLowerCase()));
  for (const e of edits) {
    switch (e.op) {
      case "create-sheet": {
        const ws = wb.worksheets.add(e.sheet);
        const at = e.before === undefined ? -1 : order.indexOf(e.before);
        if (at >= 0) {
          ws.position = at;
          order.splice(at, 0, e.sheet);
        } else order.push(e.sheet);
        break;
      }
      case "set-visibility":
        sheet(e.sheet).visibility = VIS_OUT[e.visibility];
        break;
      case "set-cells":
        writeCellRuns(sheet(e.sheet), e.cells);
        break;
      case "format-inputs": {
        const range = sheet(e.sheet).getRange(e.area.range);
        applyStyle(range, STYLES[e.area.style]);
        if (STYLES[e.area.style].numberFormat) range.numberFormat = [[STYLES[e.area.style].numberFormat as string]];
        for (const [addr, value] of Object.entries(e.area.values ?? {}))
          sheet(e.sheet).getRange(addr).values = [[value]];
        break;
      }
      case "set-columns":
        for (const c of e.columns) {
          const col = sheet(e.sheet).getRange(`${columnLetters(c.col)}:${columnLetters(c.col)}`);
          col.format.columnWidth = c.hidden ? 0 : c.width * 6;
        }
        break;
      case "set-row-heights":
        for (const h of e.rows) sheet(e.sheet).getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
        break;
      case "merge":
        for (const m of e.ranges) sheet(e.sheet).getRange(m).merge(false);
        break;
      case "set-validation":
        setValidation(sheet(e.sheet), e.validation);
        break;
      case "set-name": {
        if (names.has(e.name.toLowerCase())) wb.names.getItem(e.name).delete();
        wb.names.add(e.name, `=${quoteSheetName(e.sheet)}!${e.ref}`);
        names.add(e.name.toLowerCase());
        break;
      }
      case "set-protection":
        if (e.protect) reprotect.add(e.sheet);
        else reprotect.delete(e.sheet);
        break;
      case "freeze":
        sheet(e.sheet).freezePanes.freezeRows(e.rows);
        break;
      case "page-setup":
        if (options.pageLayout) {
          const pl = sheet(e.sheet).pageLayout;
          pl.orientation = (e.print.landscape ? "Landscape" : "Portrait") as Excel.PageOrientation;
          if (e.print.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          if (e.print.titleRows) pl.setPrintTitleRows(`$${e.print.titleRows.replace(":", ":$")}`);
        }
        break;
      case "clear-cells":
        for (const addr of e.addresses)
          sheet(e.sheet)
            .getRange(addr)
            .clear("Contents" as Excel.ClearApplyTo);
        break;
      case "set-value":
        sheet(e.sheet).getRange(e.address).values = [[e.value]];
        break;
      case "add-chart":
        addChart(sheet(e.sheet), e.chart);
        break;
    }
  }
  for (const name of reprotect) sheet(name).protection.protect(protectionOptions());
  await context.sync();
}

/** The blueprint's permissions as Office.js spells them (« insertRows » → allowInsertRows). */
export function protectionOptions(): Excel.WorksheetProtectionOptions {
  const options: Record<string, boolean> = {};
  for (const k of PROTECTION_ALLOWS) options[`allow${k[0].toUpperCase()}${k.slice(1)}`] = true;
  return options as Excel.WorksheetProtectionOptions;
}

/** Excel's refusals, in French. Nothing of the batch is kept when it fails. */
export function officeErrorMessage(e: unknown): string {
  const code = (e as { code?: string } | undefined)?.code ?? "";
  if (code === "AccessDenied")
    return "Excel a refusé l'écriture : une feuille est protégée par un mot de passe que Fiches LDM ne connaît pas, ou vous n'avez que la lecture de ce classeur. Ouvrez-le en modification (ou demandez à qui l'a protégée), puis relancez l'action.";
  if (code === "EditModeCannotAcquireLock" || code === "InvalidOperation" || code === "Conflict") {
    return "Un co-auteur modifie le classeur en ce moment : rien n'a été écrit. Réessayez dans un instant.";
  }
  if (code === "ItemAlreadyExists") return "Une feuille ou un nom du même titre existe déjà : rien n'a été écrit.";
  const why = e instanceof Error ? e.message : String(e);
  return `Excel a refusé l'opération (${code || why}) : rien n'a été écrit.`;
}
