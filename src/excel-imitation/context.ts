/** The in-memory Excel's request context (queue, sync, counters) and the base of its proxies. */
import { rangeAddress, type RangeRef } from "../domain/a1";
import { MemoryModel, MemorySheet, OfficeLikeError, Op } from "./model";
import { MemoryEvents } from "./events";
import { MemoryWorkbook } from "./workbook";

/** The request context: a model, a queue of writes and loads, and counters. */
export class MemoryContext {
  syncCount = 0;
  /** The size of each sync's answer: the JSON of every property it loaded (what Excel on the web sends back). */
  readonly responseBytes: number[] = [];
  /** Makes the next sync fail as a co-author's lock would. */
  failNextSyncWith?: OfficeLikeError;
  /** Called at the start of each sync, before the batch runs (tests simulate other users with it). */
  beforeSync?: (context: MemoryContext, syncNumber: number) => void;
  /** The host's event registrations: they outlive the run that made them, as in Excel. */
  events: MemoryEvents = new MemoryEvents();
  private touched = new Map<string, RangeRef[]>();
  /** Whether the batch being applied called `suspendApiCalculationUntilNextSync` (until its sync ends). */
  calculationSuspended = false;
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
    if (this.failNextSyncWith) {
      const e = this.failNextSyncWith;
      this.failNextSyncWith = undefined;
      throw e;
    }
    // As in Excel, a batch is not a transaction: the commands before a failing one stay applied.
    const activeBefore = this.model.sheets[this.model.activeSheet]?.id;
    this.touched = new Map();
    this.calculationSuspended = false;
    try {
      for (const b of batch) b.op();
    } finally {
      // Cells changed while calculation was suspended: their dependents stay stale until a calculate.
      if (this.calculationSuspended) {
        const calc = (this.model.calculation ??= { stale: false, suspendedSyncs: 0, calculations: [] });
        calc.suspendedSyncs++;
        if (this.touched.size > 0) calc.stale = true;
      }
      this.calculationSuspended = false;
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
