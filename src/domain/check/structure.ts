/** Structural rules: sheets, the lists sheet, defined names, drop-downs, the owned labels. */
import { findName } from "../names";
import { address, parseRange, splitReference } from "../a1";
import { SHEET_LISTS } from "../blueprint/labels";
import type { SheetBlueprint, ValidationBlueprint } from "../blueprint/types";
import { expectedLock, lockDiffers } from "../locks";
import { listKey } from "../text";
import { type CheckContext } from "./context";
import { cellsWithoutValidation } from "../blueprint/match";
import { finding, type Finding } from "./findings";

export function checkSheetsPresent(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const sb of ctx.bp.sheets) {
    if (sb.role === "lists" || ctx.identified.has(sb.key)) continue;
    const what = sb.role === "criterion" ? `La fiche du critère ${sb.criterion}` : `La feuille ${sb.name}`;
    out.push(
      finding(
        "sheet-missing",
        sb.name,
        "",
        `${what} est introuvable (ni son repère caché ni son titre). Lancez « Mettre à jour le classeur » pour la recréer.`,
        sb.criterion,
      ),
    );
  }
  return out;
}

function expectedNameTarget(ctx: CheckContext, sheetKey: string): string | undefined {
  return ctx.identified.get(sheetKey)?.sheet.name;
}

function sameReference(actual: string, sheet: string, ref: string): boolean {
  const r = splitReference(actual);
  return !!r && r.sheet === sheet && r.ref.replace(/\$/g, "").toUpperCase() === ref.replace(/\$/g, "").toUpperCase();
}

export function checkLists(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const lists = ctx.identified.get("listes");
  const listsBp = ctx.bp.sheets.find((s) => s.role === "lists") as SheetBlueprint;
  const title = lists?.sheet.name ?? SHEET_LISTS;
  const fix = "Lancez « Mettre à jour le classeur ».";
  if (!lists) {
    out.push(
      finding(
        "lists-damaged",
        SHEET_LISTS,
        "",
        `La feuille cachée des listes est introuvable : les listes déroulantes ne fonctionnent plus. ${fix}`,
      ),
    );
  } else {
    if (lists.sheet.visibility !== "veryHidden") {
      out.push(
        finding(
          "lists-damaged",
          title,
          "",
          `La feuille des listes est affichée : elle doit rester masquée pour ne pas être modifiée par erreur. ${fix}`,
          undefined,
          "warning",
        ),
      );
    }
    const changed = listsBp.cells
      .filter((c) => c.text !== undefined && c.style === "listItem")
      .filter((c) => {
        const actual = lists.sheet.cells[c.address];
        return !actual || actual.t !== "s" || String(actual.v) !== c.text;
      });
    if (changed.length > 0) {
      out.push(
        finding(
          "lists-damaged",
          title,
          changed[0].address,
          `${changed.length} entrée(s) des listes diffèrent du référentiel (première : ${changed[0].address}). ${fix}`,
        ),
      );
    }
  }
  // Names that drop-downs and formulas rely on.
  const missing: string[] = [];
  for (const n of ctx.bp.names) {
    if (n.name.startsWith("LDM_Feuille_")) continue;
    const target = expectedNameTarget(ctx, n.sheetKey);
    const actual = findName(ctx.wb, n.name);
    if (!actual) {
      missing.push(n.name);
    } else if (target !== undefined && !sameReference(actual.formula, target, n.ref)) {
      out.push(
        finding(
          "lists-damaged",
          title,
          "",
          `Le nom défini « ${n.name} » ne désigne plus la bonne plage (${actual.formula}). ${fix}`,
        ),
      );
    }
  }
  if (missing.length === 1) {
    out.push(finding("lists-damaged", title, "", `Le nom défini « ${missing[0]} » a disparu. ${fix}`));
  } else if (missing.length > 1) {
    const shown = missing.length > 6 ? `${missing.slice(0, 6).join(", ")}…` : missing.join(", ");
    out.push(finding("lists-damaged", title, "", `${missing.length} noms définis ont disparu (${shown}). ${fix}`));
  }
  return out;
}

/** Consecutive rows of one column, as « A12:A15 ». */
function runs(col: number, rows: number[]): string[] {
  const out: string[] = [];
  let start = -1;
  let prev = -1;
  for (const r of rows) {
    if (r !== prev + 1) {
      if (start >= 0) out.push(start === prev ? address(start, col) : `${address(start, col)}:${address(prev, col)}`);
      start = r;
    }
    prev = r;
  }
  if (start >= 0) out.push(start === prev ? address(start, col) : `${address(start, col)}:${address(prev, col)}`);
  return out;
}

const PURPOSE_WORDS: Record<ValidationBlueprint["purpose"], string> = {
  axis: "des axes",
  objective: "des objectifs",
  school: "des établissements",
  "reference-year": "de l'année de référence",
  "audit-year": "de l'année de l'audit",
  direction: "du sens des indicateurs",
};

export function checkValidations(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const sb of ctx.bp.sheets) {
    const id = ctx.identified.get(sb.key);
    if (!id) continue;
    for (const v of sb.validations) {
      const area = parseRange(v.sqref);
      if (!area) continue;
      const without = cellsWithoutValidation(id.sheet, v);
      for (let col = area.left; col <= area.right; col++) {
        const missing = without.filter((c) => c.col === col).map((c) => c.row);
        for (const cells of runs(col, missing)) {
          out.push(
            finding(
              "validation-missing",
              id.sheet.name,
              cells,
              `${cells} : la liste déroulante ${PURPOSE_WORDS[v.purpose]} a disparu (un collage l'efface souvent). Lancez « Mettre à jour le classeur » pour la rétablir ; les valeurs saisies sont gardées.`,
              sb.criterion,
            ),
          );
        }
      }
    }
  }
  return out;
}

/** The table header labels the product owns, changed by hand. */
export function checkStructureLabels(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const sb of ctx.bp.sheets) {
    if (sb.role !== "criterion") continue;
    const id = ctx.identified.get(sb.key);
    if (!id) continue;
    // The blueprint is placed: its header is where the table lies now.
    for (const c of sb.cells) {
      if (c.style !== "tableHeader" || c.text === undefined) continue;
      const addr = c.address;
      const actual = id.sheet.cells[addr];
      if (!actual || listKey(String(actual.v)) !== listKey(c.text)) {
        out.push(
          finding(
            "structure-altered",
            id.sheet.name,
            addr,
            `L'en-tête de colonne ${addr} devrait être « ${c.text} »${actual ? ` (il contient « ${String(actual.v)} »)` : " (cellule vide)"}.`,
            sb.criterion,
          ),
        );
      }
    }
  }
  return out;
}

/** Input cells that a paste (or a hand) locked: people can no longer type there while the sheet is protected. */
export function checkInputLocks(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const sb of ctx.bp.sheets) {
    const id = ctx.identified.get(sb.key);
    if (!id) continue;
    // Only the areas an adapter probed are compared (lockDiffers): a moved or stretched table's are not.
    for (const area of sb.inputs) {
      if (expectedLock(area) !== "unlocked" || !lockDiffers(id.sheet, area)) continue;
      const partly = id.sheet.inputLocks?.find((l) => l.range === area.range)?.state === "mixed";
      out.push(
        finding(
          "input-locked",
          id.sheet.name,
          area.range,
          `${area.range} : ${partly ? "une partie des" : "les"} cellules de saisie sont verrouillées (un collage apporte souvent ce format) : on ne peut plus y écrire tant que la feuille est protégée. Lancez « Mettre à jour le classeur » pour les déverrouiller ; les valeurs sont gardées.`,
          sb.criterion,
        ),
      );
    }
  }
  return out;
}
