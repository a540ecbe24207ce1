/** Random user content and random damage, as hands do to a shared workbook (for property tests). */
import fc from "fast-check";
import {
  address,
  parseAddress,
  quoteSheetName,
  referenceAfterInsert,
  rowAfterInsert,
  splitReference,
} from "../../src/domain/a1";
import type { CellSnapshot } from "../../src/domain/snapshot";
import { C, sheetOf, type MutableWorkbook } from "./workbooks";

const CHARS = "abcdefghijklmnopqrstuvwxyzéèêàâçôûœ’'ÉÀ -_0123456789\u00A0«»";

export const userText = fc
  .array(fc.constantFrom(...CHARS.split("")), { minLength: 1, maxLength: 40 })
  .map((a) => a.join(""))
  .filter((s) => s.trim() !== "");

export const userCell: fc.Arbitrary<CellSnapshot> = fc.oneof(
  userText.map((v): CellSnapshot => ({ t: "s", v })),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v): CellSnapshot => ({ t: "n", v })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((v): CellSnapshot => ({ t: "n", v, nf: "0%" })),
  fc.integer({ min: 40000, max: 50000 }).map((v): CellSnapshot => ({ t: "n", v, nf: "dd/mm/yyyy" })),
  fc
    .integer({ min: 1100, max: 3000 })
    .map((n): CellSnapshot => ({ t: "s", v: "Texte long é’ ".repeat(Math.ceil(n / 14)) })),
);

export interface Typed {
  sheetKey: string;
  sheet: string;
  address: string;
  cell: CellSnapshot;
}

const criterionCell = fc.record({
  n: fc.integer({ min: 1, max: 8 }),
  row: fc.integer({ min: 10, max: 109 }),
  col: fc.constantFrom("A", "B", "C", "D", "E", "F", "G"),
  cell: userCell,
});
const paramCell = fc.record({
  address: fc.constantFrom("B4", "B5", "B10", "B13", "B17", "B20", "B25", "B39", "B43", "B50", "B62"),
  cell: userCell,
});

export const userContent = fc.record({
  criteria: fc.array(criterionCell, { maxLength: 40 }),
  params: fc.array(paramCell, { maxLength: 8 }),
});

export type Damage =
  | { kind: "drop-validations"; n: number }
  | { kind: "cut-validation"; n: number; from: number; to: number }
  | { kind: "delete-sheet"; n: number }
  | { kind: "delete-lists" }
  | { kind: "unhide-lists" }
  | { kind: "rename"; n: number; title: string }
  | { kind: "delete-name"; name: string }
  | { kind: "edit-list"; row: number }
  | { kind: "unprotect"; n: number }
  /** Rows inserted as Excel does (everything below moves down, areas spanning the row grow): above, inside or below the table. */
  | { kind: "insert-rows"; n: number; at: number; count: number };

export const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant("drop-validations" as const), n: fc.integer({ min: 1, max: 8 }) }),
  fc
    .record({
      n: fc.integer({ min: 1, max: 8 }),
      a: fc.integer({ min: 10, max: 109 }),
      b: fc.integer({ min: 10, max: 109 }),
    })
    .map(({ n, a, b }) => ({ kind: "cut-validation" as const, n, from: Math.min(a, b), to: Math.max(a, b) })),
  fc.record({ kind: fc.constant("delete-sheet" as const), n: fc.integer({ min: 1, max: 8 }) }),
  fc.constant({ kind: "delete-lists" as const }),
  fc.constant({ kind: "unhide-lists" as const }),
  fc.record({
    kind: fc.constant("rename" as const),
    n: fc.integer({ min: 1, max: 8 }),
    title: fc.constantFrom("Mon critère", "Fiche n°2 (2026)", "Critère d'accueil"),
  }),
  fc.record({
    kind: fc.constant("delete-name" as const),
    name: fc.constantFrom(
      "Axes_C1",
      "Objectifs_C5",
      "AnneeAudit",
      "Etablissements",
      "LDM_Feuille_c2",
      "AxesEtablissement",
    ),
  }),
  fc.record({ kind: fc.constant("edit-list" as const), row: fc.integer({ min: 2, max: 6 }) }),
  fc.record({ kind: fc.constant("unprotect" as const), n: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    kind: fc.constant("insert-rows" as const),
    n: fc.integer({ min: 1, max: 8 }),
    at: fc.oneof(
      fc.integer({ min: 2, max: 10 }),
      fc.integer({ min: 11, max: 109 }),
      fc.integer({ min: 110, max: 115 }),
    ),
    count: fc.integer({ min: 1, max: 4 }),
  }),
);

/**
 * Inserts `count` rows at row `at` of a sheet as Excel does: cells, merges and drop-downs below move down,
 * areas spanning the row grow, and the defined names that point into the sheet follow.
 */
export function insertRows(wb: MutableWorkbook, title: string, at: number, count: number): void {
  const s = wb.sheets.find((x) => x.name === title);
  if (!s) return;
  const cells: Record<string, CellSnapshot> = {};
  for (const [a, c] of Object.entries(s.cells)) {
    const p = parseAddress(a);
    cells[p ? address(rowAfterInsert(p.row, at, count), p.col) : a] = c;
  }
  s.cells = cells;
  s.merges = s.merges?.map((m) => referenceAfterInsert(m, at, count));
  s.validations = s.validations.map((v) => ({
    ...v,
    sqref: v.sqref
      .split(/\s+/)
      .map((r) => referenceAfterInsert(r, at, count))
      .join(" "),
  }));
  const q = quoteSheetName(title);
  for (const n of wb.names) {
    const ref = splitReference(n.formula);
    if (ref && ref.sheet === title) n.formula = `${q}!${referenceAfterInsert(ref.ref, at, count)}`;
  }
}

/** Where typed cells are after rows were inserted in their sheet. */
export function followInsertion(typed: Typed[], sheetKey: string, at: number, count: number): void {
  for (const t of typed) {
    const p = t.sheetKey === sheetKey ? parseAddress(t.address) : undefined;
    if (p) t.address = address(rowAfterInsert(p.row, at, count), p.col);
  }
}

/** Puts user content in; returns what was typed where (by sheet key, since titles may change). */
export type UserContent = {
  criteria: { n: number; row: number; col: string; cell: CellSnapshot }[];
  params: { address: string; cell: CellSnapshot }[];
};

export function typeContent(wb: MutableWorkbook, content: UserContent): Typed[] {
  const typed = new Map<string, Typed>();
  for (const c of content.criteria) {
    const title = C(c.n);
    sheetOf(wb, title).cells[`${c.col}${c.row}`] = c.cell;
    typed.set(`c${c.n}!${c.col}${c.row}`, {
      sheetKey: `c${c.n}`,
      sheet: title,
      address: `${c.col}${c.row}`,
      cell: c.cell,
    });
  }
  for (const p of content.params) {
    sheetOf(wb, "Paramètres").cells[p.address] = p.cell;
    typed.set(`parametres!${p.address}`, {
      sheetKey: "parametres",
      sheet: "Paramètres",
      address: p.address,
      cell: p.cell,
    });
  }
  return [...typed.values()];
}

/**
 * Applies damage as Excel would leave it (a deleted sheet's names turn to #REF!, a rename follows in names,
 * inserted rows move what is below them, `typed` included).
 */
export function applyDamage(wb: MutableWorkbook, d: Damage, typed: Typed[] = []): void {
  const find = (title: string) => wb.sheets.find((s) => s.name === title);
  const titleOf = (n: number) => wb.sheets.find((s) => s.cells.H1?.v === `ldm:critere:${n}`)?.name;
  switch (d.kind) {
    case "drop-validations": {
      const s = find(titleOf(d.n) ?? "");
      if (s) s.validations = [];
      break;
    }
    case "cut-validation": {
      const s = find(titleOf(d.n) ?? "");
      if (s)
        s.validations = s.validations
          .map((v) =>
            v.sqref === "A10:A109"
              ? {
                  ...v,
                  sqref: [d.from > 10 ? `A10:A${d.from - 1}` : "", d.to < 109 ? `A${d.to + 1}:A109` : ""]
                    .filter(Boolean)
                    .join(" "),
                }
              : v,
          )
          .filter((v) => v.sqref !== "");
      break;
    }
    case "delete-sheet":
    case "delete-lists": {
      const title = d.kind === "delete-lists" ? "Listes" : titleOf(d.n);
      if (!title || !find(title)) break;
      wb.sheets = wb.sheets.filter((s) => s.name !== title);
      const q = quoteSheetName(title);
      for (const n of wb.names) if (n.formula.startsWith(q + "!")) n.formula = "#REF!" + n.formula.slice(q.length + 1);
      break;
    }
    case "unhide-lists": {
      const s = find("Listes");
      if (s) s.visibility = "visible";
      break;
    }
    case "rename": {
      const old = titleOf(d.n);
      const s = old ? find(old) : undefined;
      if (!s || !old || find(d.title)) break;
      s.name = d.title;
      for (const n of wb.names)
        if (n.formula.startsWith(quoteSheetName(old) + "!"))
          n.formula = quoteSheetName(d.title) + n.formula.slice(quoteSheetName(old).length);
      break;
    }
    case "delete-name":
      wb.names = wb.names.filter((n) => n.name !== d.name);
      break;
    case "edit-list": {
      const s = find("Listes");
      if (s) s.cells[`B${d.row}`] = { t: "s", v: "entrée modifiée" };
      break;
    }
    case "unprotect": {
      const s = find(titleOf(d.n) ?? "");
      if (s) s.protected = false;
      break;
    }
    case "insert-rows": {
      const title = titleOf(d.n);
      if (!title) break;
      insertRows(wb, title, d.at, d.count);
      followInsertion(typed, `c${d.n}`, d.at, d.count);
      break;
    }
  }
}
