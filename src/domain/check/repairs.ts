/**
 * The structural findings, read from the reconciliation itself: each edit « Mettre à jour » would make is a
 * finding of « Vérifier », in the user's words, and a label someone typed over is the reconciliation's own
 * finding. One judge: the update repairs exactly what the check reported (docs/decisions.md §35).
 */
import { address } from "../a1";
import { cellsWithoutValidation } from "../blueprint/match";
import { printedSections } from "../blueprint/header-footer";
import type { HeaderFooterLine, SheetBlueprint, ValidationBlueprint } from "../blueprint/types";
import type { SheetSnapshot } from "../snapshot";
import { expectedLock, lockDiffers } from "../locks";
import { NAMES } from "../blueprint/layout";
import { findName } from "../names";
import { reconcile, type Edit } from "../reconcile";
import type { CheckContext } from "./context";
import { finding, type Finding } from "./findings";

const FIX = "Lancez « Mettre à jour le classeur »";

/** Consecutive rows of one column, as « A12:A15 ». */
function runs(col: number, rows: number[]): string[] {
  const out: string[] = [];
  let start = -1;
  let prev = -1;
  const push = () => out.push(start === prev ? address(start, col) : `${address(start, col)}:${address(prev, col)}`);
  for (const r of rows) {
    if (r !== prev + 1) {
      if (start >= 0) push();
      start = r;
    }
    prev = r;
  }
  if (start >= 0) push();
  return out;
}

const PURPOSE_WORDS: Record<ValidationBlueprint["purpose"], string> = {
  axis: "des axes",
  objective: "des objectifs",
  school: "des établissements",
  "reference-year": "de l'année de référence",
  "audit-year": "de l'année de l'audit",
  direction: "du sens des indicateurs",
  status: "du statut (Action / Engagement)",
  perennial: "« Action pérenne »",
  action: "des actions de la fiche",
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** What a fiche's printed header says that it should not, in the words of someone holding the page. */
function printedWords(sheet: SheetSnapshot | undefined, want: HeaderFooterLine | undefined): string {
  const shown = (t: string) => t.replace(/&&/g, "&");
  const now = shown(printedSections(sheet?.headerFooter?.header ?? "").right);
  const wanted = shown(want?.right ?? "");
  if (now === wanted) return "L'en-tête ou le pied de page imprimé de la fiche n'est plus celui du modèle.";
  const named = now ? `nomme « ${now} »` : "ne nomme aucun établissement";
  const should = wanted ? `Paramètres!B4 dit « ${wanted} »` : "Paramètres!B4 est vide";
  return `L'en-tête imprimé de la fiche ${named} alors que ${should}.`;
}

export function checkRepairs(ctx: CheckContext): Finding[] {
  const { edits, findings, sheets } = reconcile(ctx.wanted, ctx.wb, {
    placed: { identified: ctx.identified, bp: ctx.bp },
  });
  const out: Finding[] = [...findings];
  /** A finding on the lists (the sheet, its entries, the names the drop-downs rely on), with the repair said once. */
  const lists = (title: string, cell: string, what: string, severity?: "warning") =>
    out.push(finding("lists-damaged", title, cell, `${what} ${FIX}.`, undefined, severity));
  const sheetOf = (title: string) => ctx.wb.sheets.find((s) => s.name === title);
  const bySheet = new Map<string, Edit[]>();
  const names: Edit[] = [];
  /** What is to rebuild on each sheet (one finding per sheet), by title. */
  const toRebuild = new Map<string, string[]>();
  const rebuild = (title: string, what: string) => toRebuild.set(title, [...(toRebuild.get(title) ?? []), what]);
  for (const e of edits) {
    // A sheet's own hidden name says which sheet it is: it belongs to that sheet, not to the lists.
    if (e.op === "set-name" && e.name.startsWith(NAMES.sheet("")))
      rebuild(e.sheet, `le nom caché qui la reconnaît (${e.name}) a disparu`);
    else if (e.op === "set-name") names.push(e);
    else if ("sheet" in e) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), e]);
  }
  for (const [title, list] of bySheet) {
    const role = sheets.get(title);
    if (!role) continue;
    const sb: SheetBlueprint = role.blueprint;
    const n = sb.criterion;
    if (role.created) {
      // A missing sheet is one finding; the edits that build it are its repair.
      if (sb.role === "lists")
        lists(title, "", "La feuille cachée des listes est introuvable : les listes déroulantes ne fonctionnent plus.");
      else {
        const what = sb.role === "criterion" ? `La fiche du critère ${n}` : `La feuille ${sb.name}`;
        out.push(
          finding(
            "sheet-missing",
            title,
            "",
            `${what} est introuvable (ni son repère caché ni son titre). ${FIX} pour la recréer.`,
            n,
          ),
        );
      }
      continue;
    }
    const sheet = sheetOf(title);
    const structure = { push: (what: string) => rebuild(title, what) };
    const marker = list.some(
      (e) => e.op === "set-cells" && e.cells.some((c) => c.address === sb.marker.address && c.style === "marker"),
    );
    if (marker) structure.push(`son repère caché (${sb.marker.address}) a disparu`);
    const written = list.flatMap((e) =>
      e.op === "set-cells" && !e.recomputed
        ? e.cells.filter((c) => !(c.address === sb.marker.address && c.style === "marker"))
        : [],
    );
    const cleared = list.flatMap((e) => (e.op === "clear-cells" ? e.addresses : []));
    if (sb.role === "lists" && written.length + cleared.length > 0) {
      const first = written[0]?.address ?? cleared[0];
      lists(
        title,
        first,
        `${written.length + cleared.length} entrée(s) des listes diffèrent du référentiel (première : ${first}).`,
      );
    } else if (written.length) {
      structure.push(
        `${plural(written.length, "cellule du modèle", "cellules du modèle")} à rétablir (${written
          .slice(0, 4)
          .map((c) => c.address)
          .join(", ")}${written.length > 4 ? "…" : ""})`,
      );
    }
    for (const e of list) {
      switch (e.op) {
        case "set-visibility":
          if (sb.role === "lists")
            lists(
              title,
              "",
              "La feuille des listes est affichée : elle doit rester masquée pour ne pas être modifiée par erreur.",
              "warning",
            );
          else structure.push(e.visibility === "visible" ? "la feuille est masquée" : "la feuille est affichée");
          break;
        case "format-inputs": {
          const area = sb.inputs.find((a) => a.range === e.area.range);
          if (sheet && area && expectedLock(area) === "unlocked" && lockDiffers(sheet, area)) {
            const partly = sheet.inputLocks?.find((l) => l.range === area.range)?.state === "mixed";
            out.push(
              finding(
                "input-locked",
                title,
                area.range,
                `${area.range} : ${partly ? "une partie des" : "les"} cellules de saisie sont verrouillées (un collage apporte souvent ce format) : on ne peut plus y écrire tant que la feuille est protégée. ${FIX} pour les déverrouiller ; les valeurs sont gardées.`,
                n,
              ),
            );
          } else structure.push(`la zone ${e.area.range} est à mettre en forme`);
          break;
        }
        case "unmerge":
          structure.push(
            `${plural(e.ranges.length, "fusion chevauche", "fusions chevauchent")} le modèle, à défaire (${e.ranges.join(", ")})`,
          );
          break;
        case "merge":
          structure.push(`${plural(e.ranges.length, "fusion", "fusions")} à rétablir (${e.ranges.join(", ")})`);
          break;
        case "set-header-footer":
          out.push(
            finding("header-outdated", title, "", `${printedWords(sheet, e.header)} ${FIX} pour le réécrire.`, n),
          );
          break;
        case "add-chart":
          structure.push(`le graphique « ${e.chart.title} » a disparu`);
          break;
        case "set-protection":
          out.push(
            finding(
              "protection-off",
              title,
              "",
              `La feuille n'est plus protégée : les en-têtes et les formules peuvent être effacés par erreur. ${FIX} pour la protéger à nouveau (sans mot de passe).`,
              n,
            ),
          );
          break;
        case "set-validation": {
          const v = e.validation;
          const without = sheet ? cellsWithoutValidation(sheet, v) : [];
          for (const col of [...new Set(without.map((c) => c.col))])
            for (const cells of runs(
              col,
              without.filter((c) => c.col === col).map((c) => c.row),
            ))
              out.push(
                finding(
                  "validation-missing",
                  title,
                  cells,
                  `${cells} : la liste déroulante ${PURPOSE_WORDS[v.purpose]} a disparu (un collage l'efface souvent). ${FIX} pour la rétablir ; les valeurs saisies sont gardées.`,
                  n,
                ),
              );
          break;
        }
        default:
          break;
      }
    }
  }
  for (const [title, what] of toRebuild)
    out.push(
      finding(
        "structure-incomplete",
        title,
        "",
        `Le modèle de la feuille est incomplet : ${what.join(" ; ")}. ${FIX} pour le rétablir ; rien de ce qui est saisi n'est touché.`,
        sheets.get(title)?.blueprint.criterion,
      ),
    );
  // The defined names the drop-downs and formulas rely on.
  const title = ctx.identified.get("listes")?.sheet.name ?? ctx.bp.sheets.find((s) => s.role === "lists")?.name ?? "";
  const missing = names.flatMap((e) => (e.op === "set-name" && !findName(ctx.wb, e.name) ? [e.name] : []));
  for (const e of names) {
    if (e.op !== "set-name" || missing.includes(e.name)) continue;
    lists(
      title,
      "",
      `Le nom défini « ${e.name} » ne désigne plus la bonne plage (${findName(ctx.wb, e.name)?.formula}).`,
    );
  }
  if (missing.length === 1) lists(title, "", `Le nom défini « ${missing[0]} » a disparu.`);
  else if (missing.length > 1) {
    const shown = missing.length > 6 ? `${missing.slice(0, 6).join(", ")}…` : missing.join(", ");
    lists(title, "", `${missing.length} noms définis ont disparu (${shown}).`);
  }
  return out;
}
