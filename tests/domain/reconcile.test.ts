import fc from "fast-check";
import { buildBlueprint } from "../../src/domain/blueprint/build";
import { checkWorkbook } from "../../src/domain/check";
import { makeContext } from "../../src/domain/check/context";
import { reconcile } from "../../src/domain/reconcile";
import { describeEdits } from "../../src/domain/reconcile/describe";
import type { WorkbookSnapshot } from "../../src/domain/snapshot";
import { applyToSnapshot } from "../helpers/apply-snapshot";
import { applyDamage, damage, insertRows, typeContent, userContent, type Typed } from "../helpers/damage";
import { headerFooterText } from "../../src/domain/blueprint/types";
import { CRITERIA as GUIDE } from "../../src/domain/referential/criteria";
import { parseRange, rangeContains } from "../../src/domain/a1";
import {
  C,
  SHEET_ORDER,
  filledWorkbook,
  freshWorkbook,
  sheetOf,
  text,
  type MutableWorkbook,
} from "../helpers/workbooks";
import { ESTABLISHMENTS } from "../helpers/establishments";

const STRUCTURAL = new Set(["sheet-missing", "lists-damaged", "validation-missing"]);
/** Every finding the update repairs. */
const REPAIRABLE = new Set([
  "sheet-missing",
  "lists-damaged",
  "validation-missing",
  "input-locked",
  "structure-incomplete",
  "protection-off",
  "header-outdated",
]);

function update(wb: MutableWorkbook) {
  const ctx = makeContext(wb, { establishments: ESTABLISHMENTS });
  const bp = buildBlueprint({
    establishments: ESTABLISHMENTS,
    referenceYear: ctx.referenceYear,
    auditYear: ctx.auditYear,
    school: ctx.school,
  });
  return { bp, ...reconcile(bp, wb) };
}

function sheetByKey(wb: WorkbookSnapshot, key: string) {
  const marker = key === "parametres" ? "ldm:parametres" : `ldm:critere:${key.slice(1)}`;
  return wb.sheets.find((s) => s.cells.H1?.v === marker);
}

test("an intact workbook needs no edit", () => {
  expect(update(freshWorkbook()).edits).toEqual([]);
  expect(update(filledWorkbook()).edits).toEqual([]);
});

test("a deleted criterion sheet is recreated in its place; a deleted list sheet and names come back", () => {
  const wb = filledWorkbook();
  applyDamage(wb, { kind: "delete-sheet", n: 4 });
  applyDamage(wb, { kind: "delete-lists" });
  const { edits } = update(wb);
  expect(edits[0]).toEqual({ op: "create-sheet", sheet: C(4), before: C(5) });
  expect(describeEdits(edits)).toEqual(
    expect.arrayContaining([`Feuille « ${C(4)} » recréée.`, "Feuille « Listes » recréée."]),
  );
  applyToSnapshot(wb, edits);
  expect(wb.sheets.map((s) => s.name)).toEqual(SHEET_ORDER);
  expect(checkWorkbook(wb, { establishments: ESTABLISHMENTS }).filter((f) => STRUCTURAL.has(f.rule))).toEqual([]);
  expect(update(wb).edits).toEqual([]);
});

test("a pasted-over drop-down is restored over its whole column, values kept", () => {
  const wb = filledWorkbook();
  applyDamage(wb, { kind: "cut-validation", n: 3, from: 12, to: 20 });
  const before = JSON.stringify(sheetOf(wb, C(3)).cells);
  const { edits } = update(wb);
  expect(edits).toEqual([
    expect.objectContaining({
      op: "set-validation",
      sheet: C(3),
      validation: expect.objectContaining({ sqref: "A10:A109" }),
    }),
  ]);
  expect(describeEdits(edits)).toEqual([`1 liste déroulante restaurée sur ${C(3)} (A10:A109).`]);
  applyToSnapshot(wb, edits);
  expect(JSON.stringify(sheetOf(wb, C(3)).cells)).toBe(before);
});

test("a renamed sheet keeps its name; a label typed over is kept and reported", () => {
  const wb = filledWorkbook();
  applyDamage(wb, { kind: "rename", n: 2, title: "Accueil" });
  sheetOf(wb, "Accueil").cells.C7 = text("Nos actions");
  const { edits, findings } = update(wb);
  expect(edits.some((e) => e.op === "create-sheet")).toBe(false);
  expect(findings).toEqual([expect.objectContaining({ rule: "structure-altered", sheet: "Accueil", cell: "C7" })]);
  applyToSnapshot(wb, edits);
  expect(sheetOf(wb, "Accueil").cells.C7).toEqual(text("Nos actions"));
});

test("a new audit year: only the audit year cell changes; the header formula follows it", () => {
  const wb = filledWorkbook();
  const bp = buildBlueprint({ establishments: ESTABLISHMENTS, auditYear: 2029 });
  const { edits } = reconcile(bp, wb, { setValues: [{ sheetKey: "parametres", address: "B7", value: 2029 }] });
  // The value, and on each fiche the header formula written again with the result it now shows (for readers
  // that do not recalculate): no other cell.
  expect(edits.filter((e) => e.op !== "set-cells")).toEqual([
    { op: "set-value", sheet: "Paramètres", address: "B7", value: 2029 },
  ]);
  const recomputed = edits.flatMap((e) => (e.op === "set-cells" ? e.cells.map((c) => [e.sheet, e.recomputed, c]) : []));
  expect(recomputed).toHaveLength(8);
  for (const [, flag, c] of recomputed)
    expect([flag, c]).toEqual([true, expect.objectContaining({ address: "F8", result: "Année de l'audit : 2029" })]);
  expect(describeEdits(edits)).toEqual(["Paramètres!B7 ← 2029."]);
});

test("a new edition of the guide: lists refreshed, values no longer listed reported by the check, not erased", () => {
  const wb = filledWorkbook();
  const { CRITERIA } = jest.requireActual(
    "../../src/domain/referential/criteria",
  ) as typeof import("../../src/domain/referential/criteria");
  const firstAxis = CRITERIA[0].axes[0].text;
  const edition = CRITERIA.map((c) => (c.number === 1 ? { ...c, axes: c.axes.slice(1) } : c));
  const bp = buildBlueprint({
    establishments: ESTABLISHMENTS,
    auditYear: 2028,
    criteria: edition,
    referentialVersion: "2026-01",
  });
  const { edits } = reconcile(bp, wb);
  expect(edits.some((e) => e.op === "set-cells" && e.sheet === "Listes")).toBe(true);
  applyToSnapshot(wb, edits);
  expect(sheetOf(wb, C(1)).cells.A10).toEqual(text(firstAxis));
  const fs = checkWorkbook(wb, { establishments: ESTABLISHMENTS, criteria: edition, referentialVersion: "2026-01" });
  expect(fs.filter((f) => f.rule === "axis-unknown").map((f) => f.cell)).toEqual(["A10"]);
  expect(fs.filter((f) => STRUCTURAL.has(f.rule))).toEqual([]);
  expect(reconcile(bp, wb).edits).toEqual([]);
});

test("property: whatever is typed and whatever is broken, update keeps every typed cell, restores the structure, and is idempotent", () => {
  const runs = Number(process.env.LDM_PROPERTY_RUNS ?? 300);
  fc.assert(
    fc.property(userContent, fc.array(damage, { minLength: 1, maxLength: 4 }), (content, damages) => {
      const wb = freshWorkbook({ auditYear: 2028 });
      const typed: Typed[] = typeContent(wb, content);
      for (const d of damages) applyDamage(wb, d, typed);
      const surviving = typed.filter((t) => sheetByKey(wb, t.sheetKey));
      // One judge: the check reports something to repair exactly when the update has something to do.
      const repairs = (fs: readonly { rule: string }[]) => fs.filter((f) => REPAIRABLE.has(f.rule));
      const reported = repairs(checkWorkbook(wb, { establishments: ESTABLISHMENTS }));
      const { edits, findings } = update(wb);
      expect(reported.length > 0).toBe(edits.length > 0);
      // Nothing typed here is over a label of ours: whatever moved, the update has nothing to blame on people.
      expect(findings).toEqual([]);
      applyToSnapshot(wb, edits);
      // One header per fiche, wherever rows were inserted.
      for (const s of wb.sheets.filter((x) => /^ldm:critere:/.test(String(x.cells.H1?.v ?? ""))))
        expect(Object.values(s.cells).filter((c) => /^Intitulé de l'indicateur/.test(String(c.v)))).toHaveLength(1);
      for (const t of surviving) {
        const s = sheetByKey(wb, t.sheetKey);
        expect(s?.cells[t.address]).toEqual(t.cell);
      }
      expect(checkWorkbook(wb, { establishments: ESTABLISHMENTS }).filter((f) => STRUCTURAL.has(f.rule))).toEqual([]);
      expect(repairs(checkWorkbook(wb, { establishments: ESTABLISHMENTS }))).toEqual([]);
      expect(update(wb).edits).toEqual([]);
    }),
    { numRuns: runs },
  );
});

/** Rows inserted the way openpyxl inserts them: the cells move down, the merged areas stay where they were. */
function insertRowsLeavingMerges(wb: MutableWorkbook, title: string, at: number, count: number): void {
  const merges = [...(sheetOf(wb, title).merges ?? [])];
  insertRows(wb, title, at, count);
  sheetOf(wb, title).merges = merges;
}

test("rows inserted by a program that leaves the merged areas behind: those in the way are undone, ours merged, once", () => {
  const wb = filledWorkbook();
  insertRowsLeavingMerges(wb, C(3), 3, 2);
  const { edits, findings } = update(wb);
  expect(findings).toEqual([]);
  const rangesOf = (op: "merge" | "unmerge") =>
    edits.flatMap((e) => ((e.op === "merge" || e.op === "unmerge") && e.op === op ? e.ranges : []));
  const undone = rangesOf("unmerge");
  const merged = rangesOf("merge");
  // The old places of the header's merges that overlap where the header is now; not the ones that overlap nothing.
  expect(undone).toEqual(expect.arrayContaining(["A5:G5", "E7:F7", "D9:F9"]));
  expect(undone).not.toContain("B3:C3");
  expect(merged).toEqual(expect.arrayContaining(["B5:C5", "A9:A10", "E9:F9"]));
  expect(describeEdits(edits)).toEqual(
    expect.arrayContaining([
      `${C(3)} : ${undone.length} fusions qui chevauchaient le modèle défaites (${undone.join(", ")}).`,
      `${C(3)} : ${merged.length} fusions rétablies.`,
    ]),
  );
  // The check says both, on the sheet, in one finding.
  const reported = checkWorkbook(wb, { establishments: ESTABLISHMENTS }).filter(
    (f) => f.rule === "structure-incomplete" && f.sheet === C(3),
  );
  expect(reported).toHaveLength(1);
  expect(reported[0].message).toMatch(/fusions chevauchent le modèle, à défaire \(A5:G5.*\d+ fusions à rétablir/);
  // Applied as a workbook holds merges (never two over a cell: the helper refuses), a second update has nothing to do.
  applyToSnapshot(wb, edits);
  expect(update(wb).edits).toEqual([]);
  expect(checkWorkbook(wb, { establishments: ESTABLISHMENTS }).filter((f) => REPAIRABLE.has(f.rule))).toEqual([]);
});

test("a merge of the model that would hide a typed text is not made: said once, not asked of the update forever", () => {
  const wb = filledWorkbook();
  const c2 = sheetOf(wb, C(2));
  c2.merges = (c2.merges ?? []).filter((m) => m !== "B2:C2");
  c2.cells.C2 = text("Mon commentaire");
  const { edits, findings } = update(wb);
  expect(edits).toEqual([]);
  expect(findings).toEqual([
    expect.objectContaining({
      rule: "structure-altered",
      sheet: C(2),
      cell: "B2:C2",
      message: expect.stringContaining("cacherait C2 (« Mon commentaire »)"),
    }),
  ]);
  const fs = checkWorkbook(wb, { establishments: ESTABLISHMENTS }).filter((f) => f.sheet === C(2));
  expect(fs.filter((f) => REPAIRABLE.has(f.rule))).toEqual([]);
  expect(fs.filter((f) => f.rule === "structure-altered")).toHaveLength(1);
});

test("no cell of the model lies under one of its own merges (a merge never hides what the update writes)", () => {
  for (const sb of buildBlueprint({ establishments: ESTABLISHMENTS, auditYear: 2028 }).sheets)
    for (const m of sb.merges) {
      const area = parseRange(m);
      if (!area) continue;
      const hidden = sb.cells.filter((c) => {
        const at = parseRange(c.address);
        return (
          !!at && rangeContains(area, { row: at.top, col: at.left }) && (at.top !== area.top || at.left !== area.left)
        );
      });
      expect([sb.name, m, hidden.map((c) => c.address)]).toEqual([sb.name, m, []]);
    }
});

/** A fiche's printed header and footer as a workbook made from `bp` has them. */
function printed(wb: MutableWorkbook, school: string | undefined): MutableWorkbook {
  const bp = buildBlueprint({ establishments: ESTABLISHMENTS, auditYear: 2028, school });
  for (const sb of bp.sheets.filter((s) => s.print?.header)) {
    const s = sheetOf(wb, sb.name);
    s.headerFooter = { header: headerFooterText(sb.print?.header), footer: headerFooterText(sb.print?.footer) };
  }
  return wb;
}

test("the printed header follows Paramètres: a new school is reported on each fiche, rewritten once, typed cells kept", () => {
  // Generated without a school, then a person chose it in Paramètres.
  const wb = printed(filledWorkbook(), undefined);
  const school = "0040007L — LYCEE PROFESSIONNEL LYCEE DES METIERS BEAU DE ROCHAS (DIGNE LES BAINS)";
  expect(sheetOf(wb, "Paramètres").cells.B4).toEqual(text(school));
  const before = JSON.stringify(wb.sheets.map((s) => s.cells));
  const reported = checkWorkbook(wb, { establishments: ESTABLISHMENTS }).filter((f) => f.rule === "header-outdated");
  expect(reported.map((f) => f.sheet)).toEqual(SHEET_ORDER.filter((s) => /^C\d/.test(s)));
  expect(reported[0]).toEqual(
    expect.objectContaining({
      severity: "warning",
      criterion: 1,
      message: `L'en-tête imprimé de la fiche ne nomme aucun établissement alors que Paramètres!B4 dit « ${school} ». Lancez « Mettre à jour le classeur » pour le réécrire.`,
    }),
  );
  const { edits } = update(wb);
  expect(edits).toHaveLength(8);
  expect(edits[0]).toEqual({
    op: "set-header-footer",
    sheet: C(1),
    header: { left: "FICHE D'AMÉLIORATION — Critère 1", right: school },
    footer: { left: "Fiches LDM", center: "Page &P / &N", right: "Imprimé le &D" },
  });
  expect(describeEdits(edits)).toEqual([
    `En-tête et pied de page imprimés réécrits sur 8 fiches (établissement : « ${school} »).`,
  ]);
  applyToSnapshot(wb, edits);
  expect(JSON.stringify(wb.sheets.map((s) => s.cells))).toBe(before);
  expect(update(wb).edits).toEqual([]);
  expect(checkWorkbook(wb, { establishments: ESTABLISHMENTS }).filter((f) => f.rule === "header-outdated")).toEqual([]);
  // Another school later (school A → B), « & » and all: rewritten again; emptied: the header names none.
  sheetOf(wb, "Paramètres").cells.B4 = text("Lycée Arts & Métiers");
  const again = update(wb).edits;
  expect(again.map((e) => (e.op === "set-header-footer" ? e.header?.right : e.op))).toEqual(
    Array(8).fill("Lycée Arts && Métiers"),
  );
  applyToSnapshot(wb, again);
  delete sheetOf(wb, "Paramètres").cells.B4;
  const emptied = update(wb).edits;
  expect(describeEdits(emptied)).toEqual([
    "En-tête et pied de page imprimés réécrits sur 8 fiches (aucun établissement dans Paramètres).",
  ]);
  expect(
    checkWorkbook(wb, { establishments: ESTABLISHMENTS }).find((f) => f.rule === "header-outdated")?.message,
  ).toMatch(/nomme « Lycée Arts & Métiers » alors que Paramètres!B4 est vide/);
});

test("a header that only looks different (bold, another font) prints the same: nothing to rewrite", () => {
  const school = "0040007L — LYCEE PROFESSIONNEL LYCEE DES METIERS BEAU DE ROCHAS (DIGNE LES BAINS)";
  const wb = printed(filledWorkbook(), school);
  expect(update(wb).edits).toEqual([]);
  const c1 = sheetOf(wb, C(1));
  c1.headerFooter = {
    header: `&L&"Arial,Gras"&12FICHE D'AMÉLIORATION — Critère 1&R&K1F497D${school}`,
    footer: c1.headerFooter?.footer ?? "",
  };
  expect(update(wb).edits).toEqual([]);
  // A footer someone rewrote is the product's to restore.
  c1.headerFooter = { header: c1.headerFooter.header, footer: "&CConfidentiel" };
  expect(update(wb).edits).toEqual([expect.objectContaining({ op: "set-header-footer", sheet: C(1) })]);
  expect(
    checkWorkbook(wb, { establishments: ESTABLISHMENTS }).find((f) => f.rule === "header-outdated")?.message,
  ).toMatch(/^L'en-tête ou le pied de page imprimé de la fiche n'est plus celui du modèle\./);
});

test("a school typed at length still fits Excel's 255 characters of header, cut between two « & »", () => {
  const long = "Lycée & ".repeat(60);
  const header = buildBlueprint({ establishments: ESTABLISHMENTS, school: long }).sheets.find(
    (s) => s.role === "criterion",
  )?.print?.header;
  const written = headerFooterText(header);
  expect(written.length).toBeLessThanOrEqual(255);
  expect(written.endsWith("…")).toBe(true);
  expect(/(^|[^&])(&&)*&…$/.test(written)).toBe(false);
});

test("the blueprint for a school is the one built with it, from the shared one without it", () => {
  const school = "0040007L — LYCEE & CO";
  const shared = buildBlueprint({ establishments: ESTABLISHMENTS, auditYear: 2028, school });
  const own = buildBlueprint({ establishments: ESTABLISHMENTS, auditYear: 2028, school, criteria: [...GUIDE] });
  expect(JSON.stringify(shared)).toBe(JSON.stringify(own));
  expect(
    buildBlueprint({ establishments: ESTABLISHMENTS, auditYear: 2028 }).sheets.find((s) => s.key === "c1")?.print
      ?.header?.right,
  ).toBe("");
});

test("each sheet of the blueprint names a cell once (the update tells Listes' stale cells by counting)", () => {
  for (const bp of [
    buildBlueprint({ establishments: ESTABLISHMENTS, auditYear: 2028, school: "0040007L — LYCEE" }),
    buildBlueprint({ establishments: "not-needed" }),
  ])
    for (const sb of bp.sheets) {
      const addresses = sb.cells.map((c) => c.address);
      expect([sb.key, new Set(addresses).size]).toEqual([sb.key, addresses.length]);
    }
});

test("a cell typed on Listes or the Guide, beyond the model's, is cleared; the model's cells are kept", () => {
  const wb = filledWorkbook();
  sheetOf(wb, "Listes").cells.AB7 = text("égaré");
  sheetOf(wb, "Guide").cells.Z300 = text("une note");
  const { edits } = update(wb);
  expect(edits.filter((e) => e.op === "clear-cells")).toEqual([
    { op: "clear-cells", sheet: "Guide", addresses: ["Z300"] },
    { op: "clear-cells", sheet: "Listes", addresses: ["AB7"] },
  ]);
  applyToSnapshot(wb, edits);
  expect(sheetOf(wb, "Listes").cells.AB7).toBeUndefined();
  expect(update(wb).edits).toEqual([]);
});
