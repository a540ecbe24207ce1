/** Defined names, looked up once: Excel's names are case-insensitive, and ours are workbook-level. */
import type { NameSnapshot, WorkbookSnapshot } from "./snapshot";

/** Workbook-level names by their lower-cased text, built once per list of names (a check looks up hundreds). */
const indexes = new WeakMap<readonly NameSnapshot[], Map<string, NameSnapshot>>();

function indexOf(names: readonly NameSnapshot[]): Map<string, NameSnapshot> {
  let index = indexes.get(names);
  if (!index || index.size > names.length) {
    index = new Map();
    for (const x of names) {
      const key = x.name.toLowerCase();
      if (x.scope === undefined && !index.has(key)) index.set(key, x);
    }
    indexes.set(names, index);
  }
  return index;
}

export function findName(wb: WorkbookSnapshot, name: string): NameSnapshot | undefined {
  const key = name.toLowerCase();
  const hit = indexOf(wb.names).get(key);
  // The index is a shortcut, never the judge: a hit is checked, a miss is searched (names edited in place).
  if (hit && hit.scope === undefined && hit.name.toLowerCase() === key && wb.names.includes(hit)) return hit;
  return wb.names.find((x) => x.scope === undefined && x.name.toLowerCase() === key);
}
