/** Defined names, looked up once: Excel's names are case-insensitive, and ours are workbook-level. */
import type { NameSnapshot, WorkbookSnapshot } from "./snapshot";

export function findName(wb: WorkbookSnapshot, name: string): NameSnapshot | undefined {
  const key = name.toLowerCase();
  return wb.names.find((x) => x.scope === undefined && x.name.toLowerCase() === key);
}
