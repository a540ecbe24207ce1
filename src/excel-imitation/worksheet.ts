/** The in-memory Excel's sheets, their collection, protection, charts, and the defined names. */
import { address, rangeAddress } from "../domain/a1";
import { MemoryChart, MemoryChartSeries, MemoryName, MemorySheet, OfficeLikeError, newSheet } from "./model";
import type { MemoryContext } from "./context";
import { ClientObject } from "./client-object";
import { MemoryRange, MemoryUsedRange, sheetNameOf, sheetRange, writeBag } from "./range";
import { MemoryEventSource } from "./events";

export class MemoryWorksheet extends ClientObject {
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
        if (k === "zoom") sheet.zoom = documentedZoom(v);
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
    const headersFooters = { defaultForAllPages: new MemoryHeaderFooter(this.ctx, this.lazy()) };
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

/**
 * `pageLayout.zoom` (Excel.PageLayoutZoomOptions, ExcelApi 1.9) as the reference documents it: `scale` « between
 * 10 and 400 », or a « number of pages to fit » horizontally and vertically. A page count of 0 (OOXML's « automatic »)
 * is not documented: the in-memory Excel refuses anything but a whole number of pages of at least 1
 * (docs/office-api.md §3.8).
 */
function documentedZoom(v: unknown): NonNullable<MemorySheet["zoom"]> {
  const z = (v ?? {}) as Record<string, unknown>;
  const out: NonNullable<MemorySheet["zoom"]> = {};
  if (z.scale !== undefined && z.scale !== null) {
    if (typeof z.scale !== "number" || z.scale < 10 || z.scale > 400)
      throw new OfficeLikeError("InvalidArgument", `Échelle d'impression hors de 10–400 : ${String(z.scale)}.`);
    out.scale = z.scale;
  }
  for (const k of ["horizontalFitToPages", "verticalFitToPages"] as const) {
    const n = z[k];
    if (n === undefined || n === null) continue;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1)
      throw new OfficeLikeError(
        "InvalidArgument",
        `${k} : un nombre de pages (1 ou plus) est attendu, pas ${String(n)}.`,
      );
    out[k] = n;
  }
  return out;
}

const HEADER_FOOTER_PARTS = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
] as const;

/**
 * `pageLayout.headersFooters.defaultForAllPages` (ExcelApi 1.9): six texts in Excel's codes, written or loaded
 * one by one; a part never written reads "" (a new sheet prints no header).
 */
export class MemoryHeaderFooter extends ClientObject {
  constructor(
    ctx: MemoryContext,
    private readonly sheetName: () => string | undefined,
  ) {
    super(ctx);
    for (const k of HEADER_FOOTER_PARTS)
      Object.defineProperty(this, k, {
        enumerable: true,
        get: () => this.get(k),
        set: (v: unknown) => {
          this.ctx.enqueue({ headerFooter: k, v }, () => {
            const sheet = this.ctx.sheet(sheetNameOf(this.sheetName));
            sheet.headersFooters = { ...sheet.headersFooters, [k]: String(v) };
          });
        },
      });
  }

  protected compute(prop: string): unknown {
    if (!(HEADER_FOOTER_PARTS as readonly string[]).includes(prop))
      throw new OfficeLikeError("InvalidArgument", `Propriété inconnue : ${prop}`);
    return this.ctx.sheet(sheetNameOf(this.sheetName)).headersFooters?.[prop] ?? "";
  }
}

/** `worksheet.charts`: `items` (name, title.text) once loaded; `add` queues a new chart. */
export class MemoryChartCollection extends ClientObject {
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
export class MemoryChartProxy {
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

export class MemorySeriesProxy {
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

export class MemorySheetProtection extends ClientObject {
  constructor(
    ctx: MemoryContext,
    private readonly sheetName: () => string | undefined,
  ) {
    super(ctx);
  }
  protected compute(prop: string): unknown {
    if (prop === "protected") return this.ctx.sheet(sheetNameOf(this.sheetName)).protected;
    // ExcelApi 1.2: the options of the protection in force (all false when the sheet is not protected).
    if (prop === "options") return { ...(this.ctx.sheet(sheetNameOf(this.sheetName)).protectionOptions ?? {}) };
    throw new OfficeLikeError("InvalidArgument", `Propriété inconnue : ${prop}`);
  }
  get protected(): boolean {
    return this.get("protected");
  }
  get options(): Record<string, unknown> {
    return this.get("options");
  }
  /** Records the options: a sheet protected without them forbids inserting rows, sorting, filtering. */
  protect(options?: Record<string, unknown>, password?: string): void {
    this.ctx.enqueue({ protect: options ?? true }, () => {
      const s = this.ctx.sheet(sheetNameOf(this.sheetName));
      if (s.protected) throw new OfficeLikeError("InvalidOperation", `La feuille « ${s.name} » est déjà protégée.`);
      s.protected = true;
      s.protectionOptions = options;
      s.password = password || undefined;
    });
  }
  /**
   * Lifts the protection; a sheet protected with a password stays protected unless `password` is that one, as
   * in Excel (unprotect(password): ExcelApi 1.7). The code Excel gives is not documented for `unprotect`; the one
   * it documents for a wrong password to `pauseProtection` is `InvalidArgument` (docs/office-api.md §3.7).
   */
  unprotect(password?: string): void {
    this.ctx.enqueue({ unprotect: true }, () => {
      const s = this.ctx.sheet(sheetNameOf(this.sheetName));
      if (s.protected && s.password !== undefined && password !== s.password)
        throw new OfficeLikeError("InvalidArgument", `La feuille « ${s.name} » est protégée par un mot de passe.`, {
          errorLocation: "WorksheetProtection.unprotect",
        });
      s.protected = false;
      s.protectionOptions = undefined;
      s.password = undefined;
    });
  }
}

export class MemoryWorksheets extends ClientObject {
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
  /** ExcelApi 1.9: the selection changed, on any sheet. */
  get onSelectionChanged(): MemoryEventSource {
    return new MemoryEventSource(this.ctx, "selectionChanged");
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

export class MemoryNames extends ClientObject {
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
