/**
 * An in-memory Excel: the part of the Excel JavaScript API the Office adapter uses, with Office's
 * proxy semantics. Reading a property that was not loaded and synced throws; writes are queued and
 * applied at `sync()`, in order, and a failing command stops the batch with what came before it applied
 * (as in Excel); `sync()` calls, the bytes of each request and of each answer are counted. Each rule it
 * keeps is one Microsoft documents (docs/office-api.md). The tests, the benchmark and the preview run on it.
 */
import {
  absoluteRange,
  address,
  parseAddress,
  parseRange,
  quoteSheetName,
  rangeAddress,
  splitReference,
  type RangeRef,
} from "../../domain/a1";

export interface MemoryCell {
  value?: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  locked: boolean;
  style?: Record<string, unknown>;
  error?: string;
}

export interface MemoryValidation {
  range: RangeRef;
  rule: Excel.DataValidationRule;
  errorAlert?: Partial<Excel.DataValidationErrorAlert>;
}

export interface MemoryChartSeries {
  name: string;
  /** A1 address of the values and of the category labels, on the chart's sheet. */
  values: string;
  categories?: string;
}

export interface MemoryChart {
  name: string;
  type: string;
  title: string;
  legendPosition?: string;
  dataLabels?: Record<string, unknown>;
  position?: { from: string; to: string };
  series: MemoryChartSeries[];
}

export interface MemorySheet {
  /** Excel's stable id of the sheet (what events name it by); a rename keeps it. */
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  /** The options of the last `protect(options)`, as Excel received them (undefined: protected without any). */
  protectionOptions?: Record<string, unknown>;
  cells: Map<string, MemoryCell>;
  validations: MemoryValidation[];
  merges: string[];
  frozenRows: number;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  orientation?: string;
  printTitleRows?: string;
  printArea?: string;
  /** `pageLayout.headersFooters.defaultForAllPages`, as written (leftHeader, centerFooter…). */
  headersFooters?: Record<string, string>;
  charts: MemoryChart[];
}

export interface MemoryName {
  name: string;
  formula: string;
}

export interface MemoryModel {
  sheets: MemorySheet[];
  names: MemoryName[];
  activeSheet: number;
  selection?: { sheet: string; address: string };
}

export class OfficeLikeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Op = () => void;

export function emptyModel(): MemoryModel {
  return { sheets: [newSheet("Feuil1")], names: [], activeSheet: 0 };
}

let sheetCounter = 0;

export function newSheet(name: string): MemorySheet {
  sheetCounter++;
  return {
    id: `{00000000-0000-4000-8000-${String(sheetCounter).padStart(12, "0")}}`,
    name,
    visibility: "Visible",
    protected: false,
    cells: new Map(),
    validations: [],
    merges: [],
    frozenRows: 0,
    columnWidths: new Map(),
    rowHeights: new Map(),
    charts: [],
  };
}

/** The request context: a model, a queue of writes and loads, and counters. */
export class MemoryContext {
  syncCount = 0;
  readonly batchBytes: number[] = [];
  /** The size of each sync's answer: the JSON of every property it loaded (what Excel on the web sends back). */
  readonly responseBytes: number[] = [];
  /** Makes the next sync fail as a co-author's lock would. */
  failNextSyncWith?: OfficeLikeError;
  /** Called at the start of each sync, before the batch runs (tests simulate other users with it). */
  beforeSync?: (context: MemoryContext, syncNumber: number) => void;
  /** The host's event registrations: they outlive the run that made them, as in Excel. */
  events: MemoryEvents = new MemoryEvents();
  private touched = new Map<string, RangeRef[]>();
  private queue: { op: Op; trace: unknown }[] = [];
  private loads: (() => unknown)[] = [];
  readonly workbook: MemoryWorkbook;

  constructor(public model: MemoryModel) {
    this.workbook = new MemoryWorkbook(this);
  }

  /** A batch command changed cells of `sheet`: Excel raises onChanged for it, from this add-in. */
  touch(sheet: string, ref: RangeRef): void {
    this.touched.set(sheet, [...(this.touched.get(sheet) ?? []), ref]);
  }

  enqueue(trace: unknown, op: Op): void {
    this.queue.push({ op, trace });
  }

  enqueueLoad(resolve: () => unknown): void {
    this.loads.push(resolve);
  }

  async sync(): Promise<void> {
    this.syncCount++;
    this.beforeSync?.(this, this.syncCount);
    const batch = this.queue;
    const loads = this.loads;
    this.queue = [];
    this.loads = [];
    this.batchBytes.push(JSON.stringify(batch.map((b) => b.trace)).length + loads.length * 40);
    if (this.failNextSyncWith) {
      const e = this.failNextSyncWith;
      this.failNextSyncWith = undefined;
      throw e;
    }
    // As in Excel, a batch is not a transaction: the commands before a failing one stay applied.
    const activeBefore = this.model.sheets[this.model.activeSheet]?.id;
    this.touched = new Map();
    try {
      for (const b of batch) b.op();
    } finally {
      this.raiseEvents(activeBefore);
    }
    let bytes = 0;
    for (const l of loads) bytes += JSON.stringify(l() ?? null).length;
    this.responseBytes.push(bytes);
  }

  private raiseEvents(activeBefore: string | undefined): void {
    for (const [name, refs] of this.touched) {
      const sheet = this.model.sheets.find((x) => x.name === name);
      if (!sheet) continue;
      const box = refs.reduce((a, r) => ({
        top: Math.min(a.top, r.top),
        left: Math.min(a.left, r.left),
        bottom: Math.max(a.bottom, r.bottom),
        right: Math.max(a.right, r.right),
      }));
      this.events.changed(sheet, rangeAddress(box), "Local", "ThisLocalAddin");
    }
    const active = this.model.sheets[this.model.activeSheet];
    if (active && active.id !== activeBefore) this.events.activated(active);
  }

  sheet(name: string): MemorySheet {
    const s = this.model.sheets.find((x) => x.name === name);
    if (!s) throw new OfficeLikeError("ItemNotFound", `La feuille « ${name} » n'existe pas.`);
    return s;
  }
}

/** Base of every proxy: loaded properties only can be read. */
abstract class Proxy {
  protected readonly data = new Map<string, unknown>();
  constructor(protected readonly ctx: MemoryContext) {}

  protected get<T>(prop: string): T {
    if (!this.data.has(prop)) {
      throw new OfficeLikeError(
        "PropertyNotLoaded",
        `La propriété « ${prop} » n'a pas été chargée : appelez load() puis context.sync().`,
      );
    }
    return this.data.get(prop) as T;
  }

  protected abstract compute(prop: string): unknown;

  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : Object.keys(props ?? {});
    for (const raw of list) {
      const prop = raw.trim();
      if (!prop) continue;
      this.ctx.enqueueLoad(() => {
        const v = this.compute(prop);
        this.data.set(prop, v);
        return v;
      });
    }
    return this;
  }
}

/**
 * What Excel makes of a text written through `values` or `formulas`: it parses it as if typed, in the en-US
 * locale whatever the user's (OfficeDev/office-js#1559): « 12 » is a number, « 45% » is 0.45 shown as a
 * percentage, « 2025-01 » or « 3/12/2026 » a date, « TRUE » a boolean. Unless the cell's format is Text (« @ »).
 */
export function asTyped(text: string): { value: number | boolean; numberFormat?: string } | undefined {
  const t = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t) };
  const pct = /^([+-]?(\d+\.?\d*|\.\d+))\s*%$/.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, numberFormat: "0%" };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const serial = (y: number, m: number, d: number) => {
    if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
    return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
  };
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t);
  if (m) {
    const v = serial(Number(m[1]), Number(m[2]), Number(m[3] ?? 1));
    if (v !== undefined) return { value: v, numberFormat: m[3] ? "yyyy-mm-dd" : "mmm-yy" };
  }
  m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(t);
  if (m) {
    const year = m[3] === undefined ? new Date().getUTCFullYear() : Number(m[3]) + (m[3].length === 2 ? 2000 : 0);
    const v = serial(year, Number(m[1]), Number(m[2]));
    if (v !== undefined) return { value: v, numberFormat: "m/d/yyyy" };
  }
  return undefined;
}

/** A sheet known by name, or one a chained call (getNext…) resolves at sync time, possibly to no sheet. */
type SheetRef = string | (() => string | undefined);

/**
 * The sheet a proxy stands for, at sync time. A property loaded or a method called through a null object (a
 * sheet `getNextOrNullObject` did not find) fails the batch: Microsoft documents only `isNullObject` on a null
 * object, so the in-memory Excel takes the strict reading, and the adapter never relies on the lenient one.
 */
function sheetNameOf(ref: SheetRef): string {
  const name = typeof ref === "string" ? ref : ref();
  if (name === undefined)
    throw new OfficeLikeError("InvalidObjectPath", "Appel sur un objet nul (une feuille qui n'existe pas).");
  return name;
}

function sheetRange(ref: string): RangeRef {
  const r = parseRange(ref.replace(/^.*!/, ""));
  if (!r) throw new OfficeLikeError("InvalidArgument", `Adresse invalide : ${ref}`);
  return r;
}

function assertEditable(sheet: MemorySheet, r: RangeRef, what: string): void {
  if (!sheet.protected) return;
  for (let row = r.top; row <= Math.min(r.bottom, r.top + 2000); row++) {
    for (let col = r.left; col <= Math.min(r.right, r.left + 50); col++) {
      const c = sheet.cells.get(address(row, col));
      if (!c || c.locked) {
        throw new OfficeLikeError(
          "AccessDenied",
          `La feuille « ${sheet.name} » est protégée : ${what} impossible en ${address(row, col)}.`,
        );
      }
    }
  }
}

function cellAt(sheet: MemorySheet, row: number, col: number): MemoryCell {
  const a = address(row, col);
  let c = sheet.cells.get(a);
  if (!c) {
    c = { locked: true };
    sheet.cells.set(a, c);
  }
  return c;
}

export class MemoryRange extends Proxy {
  constructor(
    ctx: MemoryContext,
    private readonly sheetRef: SheetRef,
    readonly ref: RangeRef,
    private readonly nullObject = false,
  ) {
    super(ctx);
  }

  get isNullObject(): boolean {
    return this.nullObject;
  }

  private get sheetName(): string {
    return sheetNameOf(this.sheetRef);
  }

  private get sheet(): MemorySheet {
    return this.ctx.sheet(this.sheetName);
  }

  protected compute(prop: string): unknown {
    const s = this.sheet;
    const grid = <T>(f: (c: MemoryCell | undefined) => T): T[][] => {
      const out: T[][] = [];
      for (let row = this.ref.top; row <= this.ref.bottom; row++) {
        const line: T[] = [];
        for (let col = this.ref.left; col <= this.ref.right; col++) line.push(f(s.cells.get(address(row, col))));
        out.push(line);
      }
      return out;
    };
    switch (prop) {
      case "address":
        return `${this.sheetName}!${address(this.ref.top, this.ref.left)}:${address(this.ref.bottom, this.ref.right)}`;
      case "values":
        return grid((c) => (c?.error ? c.error : (c?.value ?? "")));
      case "formulas":
        return grid((c) => (c?.formula ? "=" + c.formula : (c?.value ?? "")));
      case "numberFormat":
        return grid((c) => c?.numberFormat ?? "General");
      case "valueTypes":
        return grid((c) =>
          c?.error
            ? "Error"
            : typeof c?.value === "number"
              ? "Double"
              : typeof c?.value === "boolean"
                ? "Boolean"
                : c?.value
                  ? "String"
                  : "Empty",
        );
      default:
        throw new OfficeLikeError("InvalidArgument", `Propriété inconnue : ${prop}`);
    }
  }

  get address(): string {
    return this.get("address");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }

  private writeGrid(kind: "values" | "formulas" | "numberFormat", v: unknown[][]): void {
    this.ctx.enqueue({ set: kind, range: this.ref, v }, () => {
      const s = this.sheet;
      if (kind !== "numberFormat") {
        assertEditable(s, this.ref, "écriture");
        this.ctx.touch(s.name, this.ref);
      }
      for (let i = 0; i <= this.ref.bottom - this.ref.top; i++) {
        for (let j = 0; j <= this.ref.right - this.ref.left; j++) {
          const x = v[i]?.[j] ?? v[0]?.[0];
          const c = cellAt(s, this.ref.top + i, this.ref.left + j);
          if (kind === "numberFormat") c.numberFormat = String(x);
          else if (kind === "formulas" && typeof x === "string" && x.startsWith("=")) {
            c.formula = x.slice(1);
            c.value = "";
            c.error = undefined;
          } else {
            c.formula = undefined;
            c.error = undefined;
            const typed = typeof x === "string" && c.numberFormat !== "@" ? asTyped(x) : undefined;
            c.value = typed ? typed.value : (x as string | number | boolean);
            if (typed?.numberFormat) c.numberFormat = typed.numberFormat;
          }
        }
      }
    });
  }

  set values(v: unknown[][]) {
    this.writeGrid("values", v);
  }
  set formulas(v: unknown[][]) {
    this.writeGrid("formulas", v);
  }
  set numberFormat(v: unknown[][]) {
    this.writeGrid("numberFormat", v);
  }

  /** The part of this range that holds values (ExcelApi 1.4), or a null object when it holds none. */
  getUsedRangeOrNullObject(): MemoryUsedRange {
    return new MemoryUsedRange(this.ctx, () => this.sheetName, this.ref);
  }

  /** format.* writes are recorded per cell (locked state is what protection checks). */
  get format(): MemoryRangeFormat {
    return new MemoryRangeFormat(this.ctx, this.sheetRef, this.ref);
  }

  get dataValidation(): MemoryDataValidation {
    return new MemoryDataValidation(this.ctx, this.sheetRef, this.ref);
  }

  merge(): void {
    this.ctx.enqueue({ merge: this.ref }, () => {
      const s = this.sheet;
      s.merges.push(`${address(this.ref.top, this.ref.left)}:${address(this.ref.bottom, this.ref.right)}`);
    });
  }

  clear(what: string = "All"): void {
    this.ctx.enqueue({ clear: this.ref, what }, () => {
      const s = this.sheet;
      assertEditable(s, this.ref, "effacement");
      this.ctx.touch(s.name, this.ref);
      for (let row = this.ref.top; row <= this.ref.bottom; row++) {
        for (let col = this.ref.left; col <= this.ref.right; col++) {
          const c = s.cells.get(address(row, col));
          if (c) {
            c.value = undefined;
            c.formula = undefined;
            c.error = undefined;
          }
        }
      }
    });
  }

  select(): void {
    this.ctx.enqueue({ select: this.ref }, () => {
      this.ctx.model.selection = {
        sheet: this.sheetName,
        address: `${address(this.ref.top, this.ref.left)}${this.ref.bottom !== this.ref.top || this.ref.right !== this.ref.left ? ":" + address(this.ref.bottom, this.ref.right) : ""}`,
      };
      this.ctx.model.activeSheet = this.ctx.model.sheets.findIndex((s) => s.name === this.sheetName);
    });
  }
}

class MemoryRangeFormat {
  constructor(
    private readonly ctx: MemoryContext,
    private readonly sheetRef: SheetRef,
    private readonly ref: RangeRef,
  ) {}

  private get sheetName(): string {
    return sheetNameOf(this.sheetRef);
  }

  private set(key: string, value: unknown): void {
    this.ctx.enqueue({ format: key, range: this.ref, value }, () => {
      const s = this.ctx.sheet(this.sheetName);
      if (key === "columnWidth") {
        for (let c = this.ref.left; c <= this.ref.right; c++) s.columnWidths.set(c, value as number);
        return;
      }
      if (key === "rowHeight") {
        for (let r = this.ref.top; r <= this.ref.bottom; r++) s.rowHeights.set(r, value as number);
        return;
      }
      assertEditable(s, this.ref, "mise en forme");
      for (let row = this.ref.top; row <= Math.min(this.ref.bottom, this.ref.top + 5000); row++) {
        for (let col = this.ref.left; col <= Math.min(this.ref.right, this.ref.left + 100); col++) {
          const c = cellAt(s, row, col);
          if (key === "locked") c.locked = value as boolean;
          else c.style = { ...(c.style ?? {}), [key]: value };
        }
      }
    });
  }

  set wrapText(v: boolean) {
    this.set("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    this.set("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.set("verticalAlignment", v);
  }
  set columnWidth(v: number) {
    this.set("columnWidth", v);
  }
  set rowHeight(v: number) {
    this.set("rowHeight", v);
  }
  get font(): Record<string, unknown> {
    const set = (k: string, v: unknown) => this.set(`font.${k}`, v);
    return writeBag(set);
  }
  get fill(): Record<string, unknown> {
    const set = (k: string, v: unknown) => this.set(`fill.${k}`, v);
    return writeBag(set);
  }
  /** `locked` can be written, or loaded: true, false, or null when the range is mixed (as in Excel). */
  get protection(): MemoryFormatProtection {
    return new MemoryFormatProtection(this.ctx, this.sheetRef, this.ref, (v) => this.set("locked", v));
  }
  get borders(): { getItem(side: string): Record<string, unknown> } {
    return { getItem: (side: string) => writeBag((k, v) => this.set(`border.${side}.${k}`, v)) };
  }
}

class MemoryFormatProtection extends Proxy {
  constructor(
    ctx: MemoryContext,
    private readonly sheetRef: SheetRef,
    private readonly ref: RangeRef,
    private readonly write: (v: boolean) => void,
  ) {
    super(ctx);
  }

  private get sheetName(): string {
    return sheetNameOf(this.sheetRef);
  }

  protected compute(prop: string): unknown {
    if (prop !== "locked") throw new OfficeLikeError("InvalidArgument", `Propriété inconnue : ${prop}`);
    const s = this.ctx.sheet(this.sheetName);
    let locked = 0;
    let unlocked = 0;
    for (let row = this.ref.top; row <= this.ref.bottom; row++) {
      for (let col = this.ref.left; col <= this.ref.right; col++) {
        if (s.cells.get(address(row, col))?.locked === false) unlocked++;
        else locked++;
      }
    }
    return unlocked === 0 ? true : locked === 0 ? false : null;
  }

  get locked(): boolean | null {
    return this.get("locked");
  }
  set locked(v: boolean | null) {
    this.write(v as boolean);
  }
}

/** A write-only bag: each property set becomes a queued write. */
function writeBag(setter: (k: string, v: unknown) => void): Record<string, unknown> {
  return new globalThis.Proxy<Record<string, unknown>>(
    {},
    {
      set: (_t, k, v) => {
        setter(String(k), v);
        return true;
      },
    },
  );
}

class MemoryDataValidation extends Proxy {
  constructor(
    ctx: MemoryContext,
    private readonly sheetRef: SheetRef,
    private readonly ref: RangeRef,
  ) {
    super(ctx);
  }

  private get sheetName(): string {
    return sheetNameOf(this.sheetRef);
  }

  protected compute(prop: string): unknown {
    const s = this.ctx.sheet(this.sheetName);
    const covering = s.validations.filter(
      (v) =>
        v.range.top <= this.ref.bottom &&
        v.range.bottom >= this.ref.top &&
        v.range.left <= this.ref.right &&
        v.range.right >= this.ref.left,
    );
    const full = covering.find(
      (v) =>
        v.range.top <= this.ref.top &&
        v.range.bottom >= this.ref.bottom &&
        v.range.left <= this.ref.left &&
        v.range.right >= this.ref.right,
    );
    const uniform = covering.length === 1 && full;
    if (prop === "type") {
      if (covering.length === 0) return "None";
      if (!uniform) return "MixedCriteria";
      const r = full.rule;
      return r.list
        ? "List"
        : r.wholeNumber
          ? "WholeNumber"
          : r.decimal
            ? "Decimal"
            : r.custom
              ? "Custom"
              : "Inconsistent";
    }
    if (prop === "rule") return uniform ? full.rule : {};
    throw new OfficeLikeError("InvalidArgument", `Propriété inconnue : ${prop}`);
  }

  get type(): string {
    return this.get("type");
  }
  get rule(): Excel.DataValidationRule {
    return this.get("rule");
  }

  clear(): void {
    this.ctx.enqueue({ clearValidation: this.ref }, () => {
      const s = this.ctx.sheet(this.sheetName);
      if (s.protected) throw new OfficeLikeError("AccessDenied", `La feuille « ${s.name} » est protégée.`);
      s.validations = s.validations.filter(
        (v) =>
          !(
            v.range.top >= this.ref.top &&
            v.range.bottom <= this.ref.bottom &&
            v.range.left >= this.ref.left &&
            v.range.right <= this.ref.right
          ),
      );
    });
  }

  set rule(rule: Excel.DataValidationRule) {
    this.ctx.enqueue({ rule, range: this.ref }, () => {
      const s = this.ctx.sheet(this.sheetName);
      if (s.protected) throw new OfficeLikeError("AccessDenied", `La feuille « ${s.name} » est protégée.`);
      s.validations.push({ range: this.ref, rule });
    });
  }

  set errorAlert(alert: Partial<Excel.DataValidationErrorAlert>) {
    this.ctx.enqueue({ alert, range: this.ref }, () => {
      const s = this.ctx.sheet(this.sheetName);
      const v = s.validations.find(
        (x) =>
          x.range.top === this.ref.top &&
          x.range.left === this.ref.left &&
          x.range.bottom === this.ref.bottom &&
          x.range.right === this.ref.right,
      );
      if (v) v.errorAlert = alert;
    });
  }
}

export class MemoryWorksheet extends Proxy {
  constructor(
    ctx: MemoryContext,
    private readonly nameAtCreation: string | (() => string | undefined),
    private readonly nullObject = false,
  ) {
    super(ctx);
    // isNullObject is answered by every sync, with nothing to load (learn.microsoft.com, ClientObject.isNullObject).
    if (typeof nameAtCreation !== "string") super.load("isNullObject");
  }

  /** The sheet's current name (a chained getNext resolves at sync time). */
  private resolveName(): string | undefined {
    return typeof this.nameAtCreation === "string" ? this.nameAtCreation : this.nameAtCreation();
  }

  get isNullObject(): boolean {
    if (typeof this.nameAtCreation === "string") return this.nullObject;
    return this.get("isNullObject");
  }

  protected compute(prop: string): unknown {
    const name = this.resolveName();
    if (prop === "isNullObject") return name === undefined;
    const s = this.ctx.sheet(sheetNameOf(() => name));
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "visibility":
        return s.visibility;
      case "position":
        return this.ctx.model.sheets.indexOf(s);
      default:
        throw new OfficeLikeError("InvalidArgument", `Propriété inconnue : ${prop}`);
    }
  }

  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.ctx.enqueue({ rename: v }, () => {
      this.ctx.sheet(this.resolveName() as string).name = v;
    });
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.ctx.enqueue({ visibility: v }, () => {
      this.ctx.sheet(this.resolveName() as string).visibility = v as MemorySheet["visibility"];
    });
  }
  set position(v: number) {
    this.ctx.enqueue({ position: v }, () => {
      const s = this.ctx.sheet(this.resolveName() as string);
      const list = this.ctx.model.sheets.filter((x) => x !== s);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, s);
      this.ctx.model.sheets = list;
    });
  }

  /** A lazily-named sheet: the name is looked up at sync time. */
  private lazy(): () => string | undefined {
    return () => this.resolveName();
  }

  getRange(ref: string): MemoryRange {
    return new MemoryRange(this.ctx, this.lazy(), sheetRange(ref));
  }

  getUsedRangeOrNullObject(): MemoryUsedRange {
    return new MemoryUsedRange(this.ctx, this.lazy());
  }

  getNextOrNullObject(): MemoryWorksheet {
    const me = this.lazy();
    return new MemoryWorksheet(this.ctx, () => {
      const name = me();
      if (name === undefined) return undefined;
      const i = this.ctx.model.sheets.findIndex((s) => s.name === name);
      return this.ctx.model.sheets[i + 1]?.name;
    });
  }

  get protection(): MemorySheetProtection {
    return new MemorySheetProtection(this.ctx, this.lazy());
  }

  get charts(): MemoryChartCollection {
    return new MemoryChartCollection(this.ctx, this.lazy());
  }

  get freezePanes(): { freezeRows(n: number): void } {
    return {
      freezeRows: (n: number) =>
        this.ctx.enqueue({ freeze: n }, () => {
          this.ctx.sheet(this.resolveName() as string).frozenRows = n;
        }),
    };
  }

  get pageLayout(): Record<string, unknown> {
    const bag = writeBag((k, v) =>
      this.ctx.enqueue({ pageLayout: k, v }, () => {
        const sheet = this.ctx.sheet(this.resolveName() as string);
        if (k === "orientation") sheet.orientation = String(v);
      }),
    );
    const setPrintTitleRows = (r: string) =>
      this.ctx.enqueue({ printTitles: r }, () => {
        this.ctx.sheet(this.resolveName() as string).printTitleRows = r;
      });
    const setPrintArea = (r: string) =>
      this.ctx.enqueue({ printArea: r }, () => {
        this.ctx.sheet(this.resolveName() as string).printArea = r;
      });
    const defaultForAllPages = writeBag((k, v) =>
      this.ctx.enqueue({ headerFooter: k, v }, () => {
        const sheet = this.ctx.sheet(this.resolveName() as string);
        sheet.headersFooters = { ...sheet.headersFooters, [k]: String(v) };
      }),
    );
    const headersFooters = { defaultForAllPages };
    return new globalThis.Proxy(bag, {
      get: (_t, k) =>
        k === "setPrintTitleRows"
          ? setPrintTitleRows
          : k === "setPrintArea"
            ? setPrintArea
            : k === "headersFooters"
              ? headersFooters
              : undefined,
    });
  }

  activate(): void {
    this.ctx.enqueue({ activate: true }, () => {
      this.ctx.model.activeSheet = this.ctx.model.sheets.findIndex((s) => s.name === this.resolveName());
    });
  }
}

/** `worksheet.charts`: `items` (name, title.text) once loaded; `add` queues a new chart. */
class MemoryChartCollection extends Proxy {
  constructor(
    ctx: MemoryContext,
    private readonly sheetName: () => string | undefined,
  ) {
    super(ctx);
  }

  protected compute(prop: string): unknown {
    if (prop !== "items") throw new OfficeLikeError("InvalidArgument", `Propriété inconnue : ${prop}`);
    return this.ctx.sheet(sheetNameOf(this.sheetName)).charts.map((c) => ({ name: c.name, title: { text: c.title } }));
  }

  /** « items/name », « items/title/text »: everything Fiches LDM reads of a chart comes with `items`. */
  override load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : Object.keys(props ?? {});
    if (list.some((p) => p.trim().startsWith("items"))) super.load("items");
    return this;
  }

  get items(): { name: string; title: { text: string } }[] {
    return this.get("items");
  }

  add(type: string, source: MemoryRange, seriesBy: string = "Auto"): MemoryChartProxy {
    const handle: { chart?: MemoryChart } = {};
    const sheetName = this.sheetName;
    this.ctx.enqueue({ addChart: type, source: source.ref, seriesBy }, () => {
      const s = this.ctx.sheet(sheetNameOf(sheetName));
      if (s.protected)
        throw new OfficeLikeError("AccessDenied", `La feuille « ${s.name} » est protégée : graphique impossible.`);
      const r = source.ref;
      const columns = seriesBy !== "Rows";
      const count = columns ? r.right - r.left + 1 : r.bottom - r.top + 1;
      const series: MemoryChartSeries[] = Array.from({ length: count }, (_, i) => ({
        name: `Série${i + 1}`,
        values: columns
          ? `${address(r.top, r.left + i)}:${address(r.bottom, r.left + i)}`
          : `${address(r.top + i, r.left)}:${address(r.top + i, r.right)}`,
      }));
      handle.chart = { name: `Graphique ${s.charts.length + 1}`, type, title: "", series };
      s.charts.push(handle.chart);
    });
    return new MemoryChartProxy(this.ctx, handle);
  }
}

/** A chart being drawn: its writes are queued and applied to the chart `add` made, at sync. */
class MemoryChartProxy {
  constructor(
    private readonly ctx: MemoryContext,
    private readonly handle: { chart?: MemoryChart },
  ) {}

  private change(trace: unknown, f: (c: MemoryChart) => void): void {
    this.ctx.enqueue({ chart: trace }, () => {
      if (!this.handle.chart) throw new OfficeLikeError("InvalidOperation", "Graphique introuvable.");
      f(this.handle.chart);
    });
  }

  set name(v: string) {
    this.change({ name: v }, (c) => (c.name = v));
  }
  get title(): { text: string } {
    return writeBag((k, v) => {
      if (k === "text") this.change({ title: v }, (c) => (c.title = String(v)));
    }) as unknown as { text: string };
  }
  get legend(): { position: string } {
    return writeBag((k, v) => {
      if (k === "position") this.change({ legend: v }, (c) => (c.legendPosition = String(v)));
    }) as unknown as { position: string };
  }
  get dataLabels(): { showValue: boolean; numberFormat: string } {
    return writeBag((k, v) =>
      this.change({ dataLabels: k, v }, (c) => (c.dataLabels = { ...(c.dataLabels ?? {}), [k]: v })),
    ) as unknown as { showValue: boolean; numberFormat: string };
  }
  setPosition(from: string, to?: string): void {
    this.change({ position: [from, to] }, (c) => (c.position = { from, to: to ?? from }));
  }
  get series(): { getItemAt(i: number): MemorySeriesProxy; add(name?: string): MemorySeriesProxy } {
    return {
      getItemAt: (i: number) => new MemorySeriesProxy(this.ctx, this.handle, () => i),
      add: (name?: string) => {
        let index = -1;
        this.change({ addSeries: name }, (c) => {
          index = c.series.push({ name: name ?? `Série${c.series.length + 1}`, values: "" }) - 1;
        });
        return new MemorySeriesProxy(this.ctx, this.handle, () => index);
      },
    };
  }
}

class MemorySeriesProxy {
  constructor(
    private readonly ctx: MemoryContext,
    private readonly handle: { chart?: MemoryChart },
    private readonly index: () => number,
  ) {}

  private change(trace: unknown, f: (s: MemoryChartSeries) => void): void {
    this.ctx.enqueue({ series: trace }, () => {
      const s = this.handle.chart?.series[this.index()];
      if (!s) throw new OfficeLikeError("InvalidArgument", "Série introuvable.");
      f(s);
    });
  }

  set name(v: string) {
    this.change({ name: v }, (s) => (s.name = v));
  }
  setValues(range: MemoryRange): void {
    this.change({ values: range.ref }, (s) => (s.values = rangeAddress(range.ref)));
  }
  setXAxisValues(range: MemoryRange): void {
    this.change({ categories: range.ref }, (s) => (s.categories = rangeAddress(range.ref)));
  }
}

class MemoryUsedRange extends Proxy {
  constructor(
    ctx: MemoryContext,
    private readonly sheetName: () => string | undefined,
    private readonly within?: RangeRef,
  ) {
    super(ctx);
  }

  private bounds(): { name: string; ref: RangeRef } | undefined {
    const s = this.ctx.sheet(sheetNameOf(this.sheetName));
    const name = s.name;
    const w = this.within;
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [a, c] of s.cells) {
      if (c.value === undefined && c.formula === undefined && c.error === undefined) continue;
      if (c.value === "" && c.formula === undefined) continue;
      const r = parseAddress(a);
      if (!r) continue;
      if (w && (r.row < w.top || r.row > w.bottom || r.col < w.left || r.col > w.right)) continue;
      top = Math.min(top, r.row);
      left = Math.min(left, r.col);
      bottom = Math.max(bottom, r.row);
      right = Math.max(right, r.col);
    }
    return bottom === 0 ? undefined : { name, ref: { top, left, bottom, right } };
  }

  protected compute(prop: string): unknown {
    const b = this.bounds();
    if (prop === "isNullObject") return b === undefined;
    if (!b) return undefined;
    const r = new MemoryRange(this.ctx, b.name, b.ref);
    return (r as unknown as { compute(p: string): unknown }).compute(prop);
  }

  override load(props?: string | string[] | Record<string, unknown>): this {
    super.load("isNullObject");
    return super.load(props);
  }

  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get address(): string {
    return this.get("address");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
}

class MemorySheetProtection extends Proxy {
  constructor(
    ctx: MemoryContext,
    private readonly sheetName: () => string | undefined,
  ) {
    super(ctx);
  }
  protected compute(prop: string): unknown {
    if (prop === "protected") return this.ctx.sheet(sheetNameOf(this.sheetName)).protected;
    throw new OfficeLikeError("InvalidArgument", `Propriété inconnue : ${prop}`);
  }
  get protected(): boolean {
    return this.get("protected");
  }
  /** Records the options: a sheet protected without them forbids inserting rows, sorting, filtering. */
  protect(options?: Record<string, unknown>): void {
    this.ctx.enqueue({ protect: options ?? true }, () => {
      const s = this.ctx.sheet(sheetNameOf(this.sheetName));
      if (s.protected) throw new OfficeLikeError("InvalidOperation", `La feuille « ${s.name} » est déjà protégée.`);
      s.protected = true;
      s.protectionOptions = options;
    });
  }
  unprotect(): void {
    this.ctx.enqueue({ unprotect: true }, () => {
      const s = this.ctx.sheet(sheetNameOf(this.sheetName));
      s.protected = false;
      s.protectionOptions = undefined;
    });
  }
}

class MemoryWorksheets extends Proxy {
  /** « items/… »: the sheets as they are at sync time (id, name, visibility). */
  protected compute(prop: string): unknown {
    if (prop.startsWith("items"))
      return this.ctx.model.sheets.map((s) => ({ id: s.id, name: s.name, visibility: s.visibility }));
    throw new OfficeLikeError("InvalidArgument", `Propriété inconnue : ${prop}`);
  }
  get items(): MemoryWorksheet[] {
    const key = [...this.data.keys()].find((k) => k.startsWith("items"));
    const list = (key ? this.data.get(key) : this.get("items")) as { id: string; name: string; visibility: string }[];
    return list.map((x) => {
      const ws = new MemoryWorksheet(this.ctx, x.name);
      const d = (ws as unknown as { data: Map<string, unknown> }).data;
      d.set("id", x.id);
      d.set("name", x.name);
      d.set("visibility", x.visibility);
      return ws;
    });
  }
  /** ExcelApi 1.7: any sheet's cells changed (by a person, a co-author, or an add-in). */
  get onChanged(): MemoryEventSource {
    return new MemoryEventSource(this.ctx, "changed");
  }
  /** ExcelApi 1.7: another sheet became the active one. */
  get onActivated(): MemoryEventSource {
    return new MemoryEventSource(this.ctx, "activated");
  }
  /** By name or by id, as Excel takes either. */
  getItem(key: string): MemoryWorksheet {
    const byId = this.ctx.model.sheets.find((s) => s.id === key);
    return new MemoryWorksheet(this.ctx, byId ? byId.name : key);
  }
  getFirst(): MemoryWorksheet {
    return new MemoryWorksheet(this.ctx, () => this.ctx.model.sheets[0]?.name);
  }
  getActiveWorksheet(): MemoryWorksheet {
    return new MemoryWorksheet(this.ctx, () => this.ctx.model.sheets[this.ctx.model.activeSheet]?.name);
  }
  add(name: string): MemoryWorksheet {
    this.ctx.enqueue({ addSheet: name }, () => {
      if (this.ctx.model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new OfficeLikeError("ItemAlreadyExists", `La feuille « ${name} » existe déjà.`);
      }
      this.ctx.model.sheets.push(newSheet(name));
    });
    return new MemoryWorksheet(this.ctx, name);
  }
}

class MemoryNames extends Proxy {
  protected compute(prop: string): unknown {
    if (prop.startsWith("items")) return this.ctx.model.names.map((n) => ({ ...n }));
    throw new OfficeLikeError("InvalidArgument", `Propriété inconnue : ${prop}`);
  }
  get items(): { name: string; formula: string }[] {
    const key = [...this.data.keys()].find((k) => k.startsWith("items"));
    return key ? (this.data.get(key) as MemoryName[]) : this.get("items");
  }
  add(name: string, reference: string): void {
    this.ctx.enqueue({ addName: name, reference }, () => {
      if (this.ctx.model.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw new OfficeLikeError("ItemAlreadyExists", `Le nom « ${name} » existe déjà.`);
      }
      this.ctx.model.names.push({ name, formula: reference.startsWith("=") ? reference : "=" + reference });
    });
  }
  getItem(name: string): { delete(): void } {
    return {
      delete: () =>
        this.ctx.enqueue({ deleteName: name }, () => {
          this.ctx.model.names = this.ctx.model.names.filter((n) => n.name.toLowerCase() !== name.toLowerCase());
        }),
    };
  }
}

type Handler = (args: Record<string, unknown>) => Promise<unknown> | unknown;

/**
 * Event registrations of a host, with the shapes Excel gives its handlers (WorksheetChangedEventArgs,
 * WorksheetActivatedEventArgs). Handlers are called after the change, asynchronously, as in Excel.
 */
export class MemoryEvents {
  readonly handlers = { changed: new Set<Handler>(), activated: new Set<Handler>() };

  changed(sheet: MemorySheet, address: string, source: "Local" | "Remote", triggerSource?: string): void {
    const args = {
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source,
      worksheetId: sheet.id,
      address,
      ...(triggerSource ? { triggerSource } : {}),
    };
    for (const h of this.handlers.changed) setTimeout(() => void h(args), 0);
  }

  activated(sheet: MemorySheet): void {
    const args = { type: "WorksheetActivated", worksheetId: sheet.id };
    for (const h of this.handlers.activated) setTimeout(() => void h(args), 0);
  }
}

/** `onChanged` / `onActivated`: `add` registers at the next sync and returns what removes it. */
class MemoryEventSource {
  constructor(
    private readonly ctx: MemoryContext,
    private readonly kind: "changed" | "activated",
  ) {}
  add(handler: Handler): { remove(): void } {
    this.ctx.enqueue({ addHandler: this.kind }, () => this.ctx.events.handlers[this.kind].add(handler));
    return {
      remove: () =>
        this.ctx.enqueue({ removeHandler: this.kind }, () => this.ctx.events.handlers[this.kind].delete(handler)),
    };
  }
}

class MemoryApplication {
  constructor(private readonly ctx: MemoryContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({ suspendCalculation: true }, () => undefined);
  }
}

export class MemoryWorkbook {
  readonly worksheets: MemoryWorksheets;
  readonly names: MemoryNames;
  readonly application: MemoryApplication;
  constructor(private readonly ctx: MemoryContext) {
    this.worksheets = new MemoryWorksheets(ctx);
    this.names = new MemoryNames(ctx);
    this.application = new MemoryApplication(ctx);
  }
  getSelectedRange(): MemoryRange {
    const sel = this.ctx.model.selection;
    const sheet = sel?.sheet ?? this.ctx.model.sheets[this.ctx.model.activeSheet]?.name ?? "";
    const r = sheetRange(sel?.address ?? "A1");
    const range = new MemoryRange(this.ctx, sheet, r);
    return range;
  }
}

/** An `Excel.run`-like runner over a model: each run gets a fresh context on the same model. */
export class MemoryHost {
  contexts: MemoryContext[] = [];
  /** Passed to every new context (see MemoryContext.beforeSync). */
  beforeSync?: (context: MemoryContext, syncNumber: number) => void;
  readonly events = new MemoryEvents();
  constructor(public model: MemoryModel = emptyModel()) {}

  /**
   * A person types `value` into a cell (or a co-author does, `source: "Remote"`): refused on a locked cell of
   * a protected sheet, as Excel does; then the sheet's onChanged handlers are called.
   */
  edit(sheetName: string, addr: string, value: string | number, source: "Local" | "Remote" = "Local"): boolean {
    const sheet = this.model.sheets.find((s) => s.name === sheetName);
    const ref = parseAddress(addr);
    if (!sheet || !ref) return false;
    const cell = cellAt(sheet, ref.row, ref.col);
    if (sheet.protected && cell.locked) return false;
    cell.formula = undefined;
    cell.error = undefined;
    const typed = typeof value === "string" && cell.numberFormat !== "@" ? asTyped(value) : undefined;
    cell.value = value === "" ? undefined : typed ? typed.value : value;
    this.events.changed(sheet, address(ref.row, ref.col), source);
    return true;
  }

  /**
   * A person inserts `count` whole rows at row `at`, as Excel does: refused on a protected sheet that does not
   * allow it; what is below moves down (cells, drop-downs, merges, row heights, the names that point there),
   * areas spanning the inserted rows grow, and the new rows take the format of the row above (Excel's
   * default « same format as above »: locked state, number format, style).
   */
  insertRows(sheetName: string, at: number, count: number): boolean {
    const sheet = this.model.sheets.find((s) => s.name === sheetName);
    if (!sheet || at < 1 || count < 1) return false;
    if (sheet.protected && !sheet.protectionOptions?.allowInsertRows) return false;
    const down = (row: number) => (row >= at ? row + count : row);
    const area = (r: RangeRef): RangeRef => ({ ...r, top: down(r.top), bottom: down(r.bottom) });
    const cells = new Map<string, MemoryCell>();
    for (const [a, c] of sheet.cells) {
      const ref = parseAddress(a);
      if (ref) cells.set(address(down(ref.row), ref.col), c);
    }
    if (at > 1) {
      for (const [a, c] of sheet.cells) {
        const ref = parseAddress(a);
        if (!ref || ref.row !== at - 1) continue;
        for (let row = at; row < at + count; row++)
          cells.set(address(row, ref.col), { locked: c.locked, numberFormat: c.numberFormat, style: c.style });
      }
    }
    sheet.cells = cells;
    sheet.validations = sheet.validations.map((v) => ({ ...v, range: area(v.range) }));
    sheet.merges = sheet.merges.map((m) => {
      const r = parseRange(m);
      return r ? rangeAddress(area(r)) : m;
    });
    sheet.rowHeights = new Map([...sheet.rowHeights].map(([row, h]) => [down(row), h]));
    if (sheet.frozenRows >= at) sheet.frozenRows += count;
    for (const n of this.model.names) {
      const ref = splitReference(n.formula.replace(/^=/, ""));
      const r = ref && ref.sheet === sheet.name ? parseRange(ref.ref.replace(/\$/g, "")) : undefined;
      if (r)
        n.formula = `${n.formula.startsWith("=") ? "=" : ""}${quoteSheetName(sheet.name)}!${absoluteRange(area(r))}`;
    }
    this.events.changed(sheet, `${at}:${at + count - 1}`, "Local");
    return true;
  }

  /** A person clicks another sheet's tab. */
  activate(sheetName: string): void {
    const i = this.model.sheets.findIndex((s) => s.name === sheetName);
    if (i < 0 || i === this.model.activeSheet) return;
    this.model.activeSheet = i;
    this.events.activated(this.model.sheets[i]);
  }

  get syncCount(): number {
    return this.contexts.reduce((n, c) => n + c.syncCount, 0);
  }

  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new MemoryContext(this.model);
    ctx.beforeSync = this.beforeSync;
    ctx.events = this.events;
    this.contexts.push(ctx);
    try {
      return await batch(ctx as unknown as Excel.RequestContext);
    } finally {
      this.model = ctx.model;
    }
  };
}
