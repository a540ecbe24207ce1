/** Snapshots for the domain's tests: a freshly generated workbook, then filled or damaged by hand. */
import { buildBlueprint, criterionSheetName, type BlueprintOptions } from "../../src/domain/blueprint/build";
import { blueprintSnapshot } from "../../src/domain/blueprint/snapshot";
import { CRITERIA } from "../../src/domain/referential/criteria";
import type { CriterionNumber } from "../../src/domain/referential/types";
import {
  ACTION_TEXTS,
  CRITERION_PARTS,
  DOSSIER,
  SCHOOL_PARTS,
  dossierBlock,
} from "../../src/domain/blueprint/dossier-sheet";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../src/domain/snapshot";
import { ESTABLISHMENTS } from "./establishments";

export type MutableWorkbook = {
  sheets: (Omit<
    SheetSnapshot,
    "cells" | "validations" | "name" | "visibility" | "protected" | "merges" | "headerFooter"
  > & {
    name: string;
    visibility: SheetSnapshot["visibility"];
    protected: boolean;
    merges?: string[];
    /** Undefined as a fresh snapshot has it (not read): a test that compares headers sets it. */
    headerFooter?: { header: string; footer: string };
    cells: Record<string, CellSnapshot>;
    validations: SheetSnapshot["validations"][number][];
  })[];
  names: { name: string; formula: string; scope?: string }[];
};

export function freshWorkbook(options: BlueprintOptions = {}): MutableWorkbook {
  return JSON.parse(
    JSON.stringify(blueprintSnapshot(buildBlueprint({ ...options, establishments: ESTABLISHMENTS }))),
  ) as MutableWorkbook;
}

export const C = (n: number) => criterionSheetName(CRITERIA[n - 1]);

/** The product's sheets, in the order a user sees them. */
export const SHEET_ORDER = [
  "Paramètres",
  "Synthèse",
  ...CRITERIA.map((_, i) => C(i + 1)),
  "Dossier",
  "Guide",
  "Listes",
];

export function sheetOf(wb: MutableWorkbook | WorkbookSnapshot, name: string): MutableWorkbook["sheets"][number] {
  const s = (wb as MutableWorkbook).sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

export const text = (v: string): CellSnapshot => ({ t: "s", v });
export const num = (v: number, nf?: string): CellSnapshot => (nf ? { t: "n", v, nf } : { t: "n", v });

/** Fills Paramètres so the header rules are satisfied. */
export function fillParameters(wb: MutableWorkbook, auditYear = 2028): MutableWorkbook {
  const p = sheetOf(wb, "Paramètres");
  p.cells.B4 = text("0040007L — LYCEE PROFESSIONNEL LYCEE DES METIERS BEAU DE ROCHAS (DIGNE LES BAINS)");
  p.cells.B5 = text("Mme Dupont");
  p.cells.B7 = num(auditYear, "0");
  p.cells.B8 = text("candidature");
  for (let n = 1; n <= 8; n++) p.cells[`B${9 + n}`] = text(`Référent ${n}`);
  return wb;
}

/** A complete row of criterion n at `row`, from the guide's own first axis and objective. */
export function fillRow(
  wb: MutableWorkbook,
  n: number,
  row: number,
  extra: Partial<Record<"E" | "F" | "G", CellSnapshot>> = {},
): void {
  const c = CRITERIA[n - 1];
  const s = sheetOf(wb, C(n));
  s.cells[`A${row}`] = text(c.axes[0].text);
  s.cells[`B${row}`] = text(c.objectives[0].text);
  s.cells[`C${row}`] = text(c.actions[0].text);
  s.cells[`D${row}`] = text("Nombre de conventions de partenariat");
  s.cells[`E${row}`] = extra.E ?? num(4);
  s.cells[`F${row}`] = extra.F ?? num(6);
  s.cells[`G${row}`] = extra.G ?? text("Étendre aux filières tertiaires");
}

/** Row `row` of criterion n followed as the dossier asks: an action, lasting, measured in N+1, with its evidence. */
export function followRow(wb: MutableWorkbook, n: number, row: number): void {
  const s = sheetOf(wb, C(n));
  s.cells[`I${row}`] = text("Action");
  s.cells[`J${row}`] = text("oui");
  s.cells[`K${row}`] = text("3 ans");
  s.cells[`L${row}`] = num(5);
  s.cells[`S${row}`] = text("Compte rendu du conseil pédagogique");
}

/** The « Dossier » sheet written for every criterion: its parts, its coordinator, the texts of its actions. */
export function fillDossier(wb: MutableWorkbook): MutableWorkbook {
  const d = sheetOf(wb, "Dossier");
  SCHOOL_PARTS.forEach((p, i) => (d.cells[`B${DOSSIER.schoolFirstRow + i}`] = text(`${p.label} : écrit.`)));
  for (let n = 1; n <= 8; n++) {
    const b = dossierBlock(n as CriterionNumber);
    CRITERION_PARTS.forEach((p, i) => (d.cells[`B${b.part(i)}`] = text(`${p.label(n)} : écrit.`)));
    d.cells[`B${b.coordinator}`] = text("Martin");
    d.cells[`A${b.firstAction}`] = text(CRITERIA[n - 1].actions[0].text);
    ACTION_TEXTS.forEach(
      (t, i) => (d.cells[`${String.fromCharCode(66 + i)}${b.firstAction}`] = text(`${t.label} : écrit.`)),
    );
  }
  return wb;
}

/** A workbook filled as the guide asks: Paramètres, a followed row per criterion, the dossier's texts. */
export function filledWorkbook(): MutableWorkbook {
  const wb = fillParameters(freshWorkbook({ auditYear: 2028 }));
  for (let n = 1; n <= 8; n++) {
    fillRow(wb, n, 10);
    followRow(wb, n, 10);
  }
  return fillDossier(wb);
}
