/** The in-memory Excel's ranges: values, formulas, formats, drop-downs, the used range. */
import {
  address,
  MAX_COL,
  MAX_ROW,
  parseAddress,
  parseRange,
  rangeAddress,
  rangesOverlap,
  type RangeRef,
} from "../domain/a1";
import { MemoryCell, MemorySheet, OfficeLikeError, asTyped } from "./model";
import type { MemoryContext } from "./context";
import { ClientObject } from "./client-object";
import { MemoryDataValidation } from "./validation";

/** A sheet known by name, or one a chained call (getNext…) resolves at sync time, possibly to no sheet. */
export type SheetRef = string | (() => string | undefined);

/**
 * The sheet a proxy stands for, at sync time. A property loaded or a method called through a null object (a
 * sheet `getNextOrNullObject` did not find) fails the batch: Microsoft documents only `isNullObject` on a null
 * object, so the in-memory Excel takes the strict reading, and the adapter never relies on the lenient one.
 */
export function sheetNameOf(ref: SheetRef): string {
  const name = typeof ref === "string" ? ref : ref();
  if (name === undefined)
    throw new OfficeLikeError("InvalidObjectPath", "Appel sur un objet nul (une feuille qui n'existe pas).");
  return name;
}

export function sheetRange(ref: string): RangeRef {
  const r = parseRange(ref.replace(/^.*!/, ""));
  if (!r) throw new OfficeLikeError("InvalidArgument", `Adresse invalide : ${ref}`);
  return r;
}

export function assertEditable(sheet: MemorySheet, r: RangeRef, what: string): void {
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

export function cellAt(sheet: MemorySheet, row: number, col: number): MemoryCell {
  const a = address(row, col);
  let c = sheet.cells.get(a);
  if (!c) {
    c = { locked: true };
    sheet.cells.set(a, c);
  }
  return c;
}

export class MemoryRange extends ClientObject {
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
      case "columnHidden": {
        // ExcelApi 1.2: true when every column of the range is hidden, false when none is, null when mixed.
        const hidden = s.hiddenColumns ?? new Set<number>();
        let n = 0;
        for (let col = this.ref.left; col <= this.ref.right; col++) if (hidden.has(col)) n++;
        return n === 0 ? false : n === this.ref.right - this.ref.left + 1 ? true : null;
      }
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
  get columnHidden(): boolean | null {
    return this.get("columnHidden");
  }
  /**
   * Hides or shows the range's columns (ExcelApi 1.2). On a protected sheet, only if its protection allows
   * formatting columns (`allowFormatColumns`, « Format columns » in Excel), as Excel does for a person.
   */
  set columnHidden(v: boolean | null) {
    this.ctx.enqueue({ columnHidden: v, range: this.ref }, () => {
      const s = this.sheet;
      if (s.protected && !s.protectionOptions?.allowFormatColumns)
        throw new OfficeLikeError("AccessDenied", `La feuille « ${s.name} » est protégée : colonnes non modifiables.`);
      const hidden = (s.hiddenColumns ??= new Set<number>());
      for (let col = this.ref.left; col <= this.ref.right; col++) {
        if (v) hidden.add(col);
        else hidden.delete(col);
      }
    });
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

  /**
   * Merges the range (ExcelApi 1.2). What Excel makes of a range that overlaps a merged area is not documented
   * (its own window widens the selection to the areas it touches): the imitation refuses it, so that an
   * adapter relying on it is caught — ours undoes the areas in the way first.
   */
  merge(): void {
    this.ctx.enqueue({ merge: this.ref }, () => {
      const s = this.sheet;
      const overlapped = s.merges.find((m) => {
        const r = parseRange(m);
        return !!r && rangesOverlap(r, this.ref);
      });
      if (overlapped)
        throw new OfficeLikeError("InvalidOperation", `${rangeAddress(this.ref)} chevauche la fusion ${overlapped}.`);
      s.merges.push(`${address(this.ref.top, this.ref.left)}:${address(this.ref.bottom, this.ref.right)}`);
    });
  }

  /** Undoes every merged area the range touches (ExcelApi 1.2), whole; the cells keep their values. */
  unmerge(): void {
    this.ctx.enqueue({ unmerge: this.ref }, () => {
      const s = this.sheet;
      s.merges = s.merges.filter((m) => {
        const r = parseRange(m);
        return !r || !rangesOverlap(r, this.ref);
      });
    });
  }

  /**
   * Groups the range's columns for an outline (ExcelApi 1.10): one level more on each column, at most 7 (Excel's
   * outline has eight levels, the ungrouped one included). `InvalidArgument` for « ByColumns » on whole rows, as
   * Microsoft documents; refused on a protected sheet. Grouping rows is not simulated.
   */
  group(groupOption: string): void {
    this.ctx.enqueue({ group: this.ref, groupOption }, () => {
      const s = this.sheet;
      const r = this.ref;
      const entireRows = r.left === 1 && r.right === MAX_COL;
      const entireColumns = r.top === 1 && r.bottom === MAX_ROW;
      if ((groupOption === "ByColumns" && entireRows) || (groupOption === "ByRows" && entireColumns))
        throw new OfficeLikeError("InvalidArgument", `Regroupement ${groupOption} impossible sur ${rangeAddress(r)}.`);
      if (groupOption !== "ByColumns")
        throw new OfficeLikeError("NotImplemented", `Regroupement ${groupOption} non simulé.`);
      if (s.protected)
        throw new OfficeLikeError("AccessDenied", `La feuille « ${s.name} » est protégée : regroupement impossible.`);
      for (let col = r.left; col <= r.right; col++)
        if ((s.columnOutline.get(col) ?? 0) >= 7)
          throw new OfficeLikeError("InvalidOperation", `Plus de huit niveaux de plan en ${rangeAddress(r)}.`);
      for (let col = r.left; col <= r.right; col++) s.columnOutline.set(col, (s.columnOutline.get(col) ?? 0) + 1);
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
      this.ctx.events.selectionChanged(this.sheet, this.ctx.model.selection.address);
    });
  }
}

export class MemoryRangeFormat {
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

export class MemoryFormatProtection extends ClientObject {
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
export function writeBag(setter: (k: string, v: unknown) => void): Record<string, unknown> {
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

export class MemoryUsedRange extends ClientObject {
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
