/** The base of the in-memory Excel's proxies, as Office.js's: loaded properties only can be read. */
import type { MemoryContext } from "./context";
import { OfficeLikeError } from "./model";

/** Base of every proxy: loaded properties only can be read. */
export abstract class ClientObject {
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
