/** The in-memory Excel's events: registrations that outlive a run, raised with Excel's shapes. */
import { MemorySheet, OfficeLikeError } from "./model";
import type { MemoryContext } from "./context";

export type Handler = (args: Record<string, unknown>) => Promise<unknown> | unknown;

/**
 * Event registrations of a host, with the shapes Excel gives its handlers (WorksheetChangedEventArgs,
 * WorksheetActivatedEventArgs). Handlers are called after the change, asynchronously, as in Excel.
 */
export class MemoryEvents {
  readonly handlers = {
    changed: new Set<Handler>(),
    activated: new Set<Handler>(),
    selectionChanged: new Set<Handler>(),
  };

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

  /** WorksheetSelectionChangedEventArgs (WorksheetCollection.onSelectionChanged, ExcelApi 1.9). */
  selectionChanged(sheet: MemorySheet, address: string): void {
    const args = { type: "WorksheetSelectionChanged", worksheetId: sheet.id, address };
    for (const h of this.handlers.selectionChanged) setTimeout(() => void h(args), 0);
  }

  activated(sheet: MemorySheet): void {
    const args = { type: "WorksheetActivated", worksheetId: sheet.id };
    for (const h of this.handlers.activated) setTimeout(() => void h(args), 0);
  }
}

/** `onChanged` / `onActivated`: `add` registers at the next sync and returns what removes it. */
export class MemoryEventSource {
  constructor(
    private readonly ctx: MemoryContext,
    private readonly kind: "changed" | "activated" | "selectionChanged",
  ) {}
  add(handler: Handler): { remove(): void } {
    this.ctx.enqueue({ addHandler: this.kind }, () => this.ctx.events.handlers[this.kind].add(handler));
    return {
      remove: () =>
        this.ctx.enqueue({ removeHandler: this.kind }, () => this.ctx.events.handlers[this.kind].delete(handler)),
    };
  }
}

export class MemoryApplication {
  constructor(private readonly ctx: MemoryContext) {}
  /** ExcelApi 1.6: calculation is suspended for the rest of the batch, until its sync (context.ts). */
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({ suspendCalculation: true }, () => {
      this.ctx.calculationSuspended = true;
    });
  }

  /**
   * ExcelApi 1.1 (« Recalculate », « Full », « FullRebuild »). Whether a calculate queued while calculation is
   * suspended runs is not documented: the in-memory Excel takes the strict reading (it does not), so the adapter
   * asks for it in a batch that is not suspended.
   */
  calculate(calculationType: string): void {
    this.ctx.enqueue({ calculate: calculationType }, () => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType))
        throw new OfficeLikeError("InvalidArgument", `Type de calcul inconnu : ${calculationType}`);
      const calc = (this.ctx.model.calculation ??= { stale: false, suspendedSyncs: 0, calculations: [] });
      calc.calculations.push(this.ctx.calculationSuspended ? `${calculationType} (suspendu)` : calculationType);
      if (!this.ctx.calculationSuspended) calc.stale = false;
    });
  }
}
