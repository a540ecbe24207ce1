/** What an update changed, in the words of the people who asked for it. */
import { SHEET_LISTS } from "../blueprint/labels";
import { expectedLock } from "../locks";
import type { Edit } from "./edits";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/**
 * A generation in one line, in the user's words: what the workbook now holds, not the names and
 * formats it took to get there (the hidden Listes sheet is not news to anyone).
 */
function describeGeneration(edits: readonly Edit[]): string[] {
  const created = edits.flatMap((e) => (e.op === "create-sheet" ? [e.sheet] : []));
  if (created.length === 0) return [];
  const isFiche = (s: string) => /^C[1-8](?![0-9])/.test(s);
  const others = created.filter((s) => !isFiche(s) && s !== SHEET_LISTS);
  const fiches = created.filter(isFiche).length;
  return [`Classeur créé : ${plural(fiches, "fiche", "fiches")}${others.map((s) => `, ${s}`).join("")}.`];
}

export function describeEdits(edits: readonly Edit[], options: { generation?: boolean } = {}): string[] {
  if (options.generation) {
    const generated = describeGeneration(edits);
    if (generated.length) return generated;
  }
  const lines: string[] = [];
  const created = new Set(edits.filter((e) => e.op === "create-sheet").map((e) => e.sheet));
  for (const s of created) lines.push(`Feuille « ${s} » recréée.`);
  const bySheet = new Map<string, Edit[]>();
  for (const e of edits) {
    if (e.op === "set-name" || created.has(e.sheet)) continue;
    const list = bySheet.get(e.sheet) ?? [];
    list.push(e);
    bySheet.set(e.sheet, list);
  }
  for (const [sheet, list] of bySheet) {
    const validations = list.filter((e) => e.op === "set-validation");
    if (validations.length) {
      const where = validations.map((e) => (e.op === "set-validation" ? e.validation.sqref : "")).join(", ");
      lines.push(
        `${plural(validations.length, "liste déroulante restaurée", "listes déroulantes restaurées")} sur ${sheet} (${where}).`,
      );
    }
    const formatted = list.flatMap((e) => (e.op === "format-inputs" ? [e.area] : []));
    const typeable = formatted.filter((a) => expectedLock(a) === "unlocked").map((a) => a.range);
    const written = formatted.filter((a) => expectedLock(a) === "locked").map((a) => a.range);
    if (typeable.length)
      lines.push(
        `${plural(typeable.length, "zone de saisie remise en forme et déverrouillée", "zones de saisie remises en forme et déverrouillées")} sur ${sheet} (${typeable.join(", ")}).`,
      );
    if (written.length)
      lines.push(
        `${sheet} : ${plural(written.length, "zone remise en forme", "zones remises en forme")} (${written.join(", ")}).`,
      );
    // Formulas written again with their new result only follow the value the user set: said by that line.
    const cells = list.reduce((n, e) => n + (e.op === "set-cells" && !e.recomputed ? e.cells.length : 0), 0);
    if (cells)
      lines.push(`${plural(cells, "cellule de structure rétablie", "cellules de structure rétablies")} sur ${sheet}.`);
    const cleared = list.reduce((n, e) => n + (e.op === "clear-cells" ? e.addresses.length : 0), 0);
    if (cleared)
      lines.push(
        `${plural(cleared, "ancienne entrée de liste effacée", "anciennes entrées de liste effacées")} sur ${sheet}.`,
      );
    for (const e of list) {
      if (e.op === "set-visibility")
        lines.push(`${sheet} : ${e.visibility === "visible" ? "affichée" : "masquée à nouveau"}.`);
      if (e.op === "set-protection") lines.push(`${sheet} : protection ${e.protect ? "rétablie" : "levée"}.`);
      if (e.op === "unmerge")
        lines.push(
          `${sheet} : ${plural(e.ranges.length, "fusion qui chevauchait le modèle défaite", "fusions qui chevauchaient le modèle défaites")} (${e.ranges.join(", ")}).`,
        );
      if (e.op === "merge")
        lines.push(`${sheet} : ${plural(e.ranges.length, "fusion rétablie", "fusions rétablies")}.`);
      if (e.op === "set-value") lines.push(`${sheet}!${e.address} ← ${e.value}.`);
      if (e.op === "add-chart") lines.push(`${sheet} : graphique « ${e.chart.title} » redessiné.`);
    }
  }
  // The same header on every fiche, said once.
  const printed = edits.flatMap((e) => (e.op === "set-header-footer" && !created.has(e.sheet) ? [e] : []));
  if (printed.length) {
    const school = (printed[0].header?.right ?? "").replace(/&&/g, "&");
    lines.push(
      `En-tête et pied de page imprimés réécrits sur ${plural(printed.length, "fiche", "fiches")} (${school ? `établissement : « ${school} »` : "aucun établissement dans Paramètres"}).`,
    );
  }
  const names = edits.filter((e) => e.op === "set-name");
  if (names.length) {
    lines.push(
      `${plural(names.length, "nom défini rétabli", "noms définis rétablis")} : ${names.map((e) => (e.op === "set-name" ? e.name : "")).join(", ")}.`,
    );
  }
  return lines;
}
