/** The in-memory Excel's events: registrations that outlive a run, raised with Excel's shapes. */
import { MemorySheet } from "./model";
import type { MemoryContext } from "./context";

export type Handler = (args: Record<string, unknown>) => Promise<unknown> | unknown;

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
export class MemoryEventSource {
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

export class MemoryApplication {
  constructor(private readonly ctx: MemoryContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({ suspendCalculation: true }, () => undefined);
  }
}
