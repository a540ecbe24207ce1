/**
 * Collects events that come in bursts (every keystroke's change, a paste's hundreds of cells) and hands them
 * over once the burst is over: one flush, hence one live check, per burst — never one per event. A burst that
 * arrives while a flush runs waits for it.
 */
export interface Burst<T> {
  add(item: T): void;
  cancel(): void;
}

export function createBurst<T>(quietMs: number, flush: (items: T[]) => Promise<void>): Burst<T> {
  let pending = new Set<T>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(fire, quietMs);
  };
  async function fire(): Promise<void> {
    timer = undefined;
    if (running) return schedule();
    const items = [...pending];
    pending = new Set();
    if (!items.length) return;
    running = true;
    try {
      await flush(items);
    } finally {
      running = false;
      if (pending.size) schedule();
    }
  }
  return {
    add(item: T) {
      pending.add(item);
      schedule();
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending.clear();
    },
  };
}
