/** A1-style addresses: the little arithmetic every layer needs, with no spreadsheet behind it. */

export interface CellRef {
  /** 1-based row. */
  readonly row: number;
  /** 1-based column. */
  readonly col: number;
}

export interface RangeRef {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

/** A … ZZ (702 columns, far past any sheet of ours), spelt once: the domain names cells by the thousand (#28). */
const FIRST_COLUMNS: readonly string[] = Array.from({ length: 703 }, (_, col) => spell(col));

export function columnLetters(col: number): string {
  return col >= 1 && col <= 702 && Number.isInteger(col) ? FIRST_COLUMNS[col] : spell(col);
}

function spell(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * The addresses of the first rows and columns, each spelt once, the first time it is asked for (#28). A sheet's
 * cells are keyed by their address: the same string object each time is one the engine has hashed already, where
 * a new « B12 » is hashed and looked up again at every read and every insertion (3 × slower, measured). Bounded
 * (4,096 rows × columns A … AE: every sheet of ours, Listes' 2,090 schools too), the same for every workbook.
 */
const TABLE_ROWS = 4096;
const TABLE_COLUMNS = 32;
const ADDRESSES: (string | undefined)[] = new Array<string | undefined>((TABLE_ROWS + 1) * TABLE_COLUMNS).fill(
  undefined,
);

export function address(row: number, col: number): string {
  if (
    row >= 1 &&
    row <= TABLE_ROWS &&
    col >= 1 &&
    col < TABLE_COLUMNS &&
    Number.isInteger(row) &&
    Number.isInteger(col)
  ) {
    const k = row * TABLE_COLUMNS + col;
    return (ADDRESSES[k] ??= `${FIRST_COLUMNS[col]}${row}`);
  }
  return `${columnLetters(col)}${row}`;
}

export function parseAddress(a1: string): CellRef | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return undefined;
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROW || col < 1 || col > MAX_COL) return undefined;
  return { row, col };
}

/** « A1:C3 », « $A$1:$C$3 » or a single cell « B2 ». Whole columns/rows (« A:A », « 1:1 ») are understood too. */
export function parseRange(ref: string): RangeRef | undefined {
  const parts = ref.trim().split(":");
  if (parts.length === 1) {
    const c = parseAddress(parts[0]);
    return c ? { top: c.row, left: c.col, bottom: c.row, right: c.col } : undefined;
  }
  if (parts.length !== 2) return undefined;
  const colOnly = /^\$?([A-Za-z]{1,3})$/;
  const rowOnly = /^\$?(\d{1,7})$/;
  const [a, b] = parts;
  if (colOnly.test(a) && colOnly.test(b)) {
    const l = columnNumber(a.replace(/\$/g, ""));
    const r = columnNumber(b.replace(/\$/g, ""));
    return { top: 1, left: Math.min(l, r), bottom: MAX_ROW, right: Math.max(l, r) };
  }
  if (rowOnly.test(a) && rowOnly.test(b)) {
    const t = Number(a.replace(/\$/g, ""));
    const u = Number(b.replace(/\$/g, ""));
    return { top: Math.min(t, u), left: 1, bottom: Math.max(t, u), right: MAX_COL };
  }
  const s = parseAddress(a);
  const e = parseAddress(b);
  if (!s || !e) return undefined;
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

export function rangeAddress(r: RangeRef): string {
  const a = address(r.top, r.left);
  const b = address(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** Absolute form « $A$1:$B$2 ». */
export function absoluteRange(r: RangeRef): string {
  const a = `$${columnLetters(r.left)}$${r.top}`;
  const b = `$${columnLetters(r.right)}$${r.bottom}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${b}`;
}

export function rangeContains(r: RangeRef, c: CellRef): boolean {
  return c.row >= r.top && c.row <= r.bottom && c.col >= r.left && c.col <= r.right;
}

/** Areas of an OOXML sqref (« A1:A5 C3 »); unreadable pieces are skipped. */
export function parseSqref(sqref: string): RangeRef[] {
  return sqref
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((p) => parseRange(p))
    .filter((r): r is RangeRef => r !== undefined);
}

/** A sheet name as a formula needs it: quoted when it holds anything but letters, digits and « _ ». */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits « 'C1 Offre'!$A$1:$B$2 » into the sheet name and the range text; undefined when it is not a plain reference. */
export function splitReference(formula: string): { sheet: string; ref: string } | undefined {
  const f = formula.trim().replace(/^=/, "");
  const m = /^(?:'((?:[^']|'')+)'|([^'!:\s]+))!(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?)$/.exec(f);
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, ref: m[3] };
}

/** Whether `outer` holds every cell of `inner`. */
export function rangeCovers(outer: RangeRef, inner: RangeRef): boolean {
  return (
    outer.top <= inner.top && outer.bottom >= inner.bottom && outer.left <= inner.left && outer.right >= inner.right
  );
}

export function rangesOverlap(a: RangeRef, b: RangeRef): boolean {
  return a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;
}

/** `a` minus `b`, as up to four rectangles. */
export function subtractRange(a: RangeRef, b: RangeRef): RangeRef[] {
  if (!rangesOverlap(a, b)) return [a];
  const out: RangeRef[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

/** A row after `count` rows were inserted at row `at` (Excel's « Insérer des lignes »). */
export function rowAfterInsert(row: number, at: number, count: number): number {
  return row >= at ? row + count : row;
}

/** An area after the insertion: above it, unchanged; spanning the inserted row, longer; from it on, lower. */
export function areaAfterInsert(r: RangeRef, at: number, count: number): RangeRef {
  return { ...r, top: rowAfterInsert(r.top, at, count), bottom: rowAfterInsert(r.bottom, at, count) };
}

/** A reference as written (« $A$10:$A$109 », « B3:D3 ») after the insertion, absolute if it was. */
export function referenceAfterInsert(ref: string, at: number, count: number): string {
  const r = parseRange(ref.replace(/\$/g, ""));
  if (!r) return ref;
  const moved = areaAfterInsert(r, at, count);
  return ref.includes("$") ? absoluteRange(moved) : rangeAddress(moved);
}
