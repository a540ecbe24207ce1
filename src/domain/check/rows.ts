/** Rules on the rows of each criterion's table. */
import { address } from "../a1";
import { guideAxes, guideObjectives } from "../blueprint/build";
import { FOLLOW_UP, TABLE, type TableColumn } from "../blueprint/layout";
import { LABELS } from "../blueprint/labels";
import { DIRECTION_LABELS, indicatorKind, kindWords, valueFits, wrongWay } from "../indicators";
import type { Criterion } from "../referential/types";
import type { CellSnapshot, SheetSnapshot } from "../snapshot";
import { isDateFormat, listKey, shownValue } from "../text";
import { tableOf, type CheckContext } from "./context";
import { finding, type Finding, type RuleId, type Severity } from "./findings";

/** Past this length a cell no longer shows its whole text. */
export const DISPLAY_LIMIT = 1024;

const COLUMN_WORDS: Record<TableColumn, string> = {
  axis: "l'axe",
  objective: "l'objectif",
  action: "l'action",
  indicator: "l'indicateur",
  reference: "le résultat de l'année de référence",
  audit: "le résultat de l'année de l'audit",
  outlook: "les perspectives",
};

const COLUMNS = Object.keys(TABLE.columns) as TableColumn[];

type Row = Record<TableColumn, CellSnapshot | undefined>;

/** What makes a row complete: its axis, objective, action and indicator. */
type CoreColumn = "axis" | "objective" | "action" | "indicator";
const CORE: readonly CoreColumn[] = ["axis", "objective", "action", "indicator"];

/**
 * A row's cells in the table's columns, as one literal (a loop of assignments cost the check ~4 %, A/B): its type
 * names every column of the table, so a column added to TABLE and not here does not compile.
 */
function rowAt(sheet: SheetSnapshot, r: number): Row {
  const cells = sheet.cells;
  const C = TABLE.columns;
  return {
    axis: cells[address(r, C.axis)],
    objective: cells[address(r, C.objective)],
    action: cells[address(r, C.action)],
    indicator: cells[address(r, C.indicator)],
    reference: cells[address(r, C.reference)],
    audit: cells[address(r, C.audit)],
    outlook: cells[address(r, C.outlook)],
  };
}

function isFilled(c: CellSnapshot | undefined): c is CellSnapshot {
  return !!c && !(c.t === "s" && String(c.v).trim() === "");
}

/** A cell's text, trimmed (« » for an empty cell or an error). */
function textOf(c: CellSnapshot | undefined): string {
  return c && c.t !== "e" ? String(c.v).trim() : "";
}

/** What a date typed where a number goes is, in a teacher's words (Excel keeps it as a day number). */
function aDate(c: CellSnapshot): string {
  return `une date (${shownValue(c)}) à la place d'un nombre`;
}

/** A number with a date format: a date typed (« 12/03/2026 ») where the indicator wants a number. */
function isDate(c: CellSnapshot | undefined): boolean {
  return c?.t === "n" && isDateFormat(c.nf);
}

function show(c: CellSnapshot): string {
  const s = shownValue(c);
  return s.length > 60 ? s.slice(0, 57) + "…" : s;
}

interface ListSets {
  own: Set<string>;
  byCriterion: Map<number, Set<string>>;
}

function listSets(ctx: CheckContext, pick: (c: Criterion) => string[], own: readonly string[]): ListSets {
  return {
    own: new Set(own.map(listKey)),
    byCriterion: new Map(ctx.criteria.map((c) => [c.number, new Set(pick(c).map(listKey))])),
  };
}

function otherCriterion(sets: ListSets, n: number, key: string): number | undefined {
  for (const [m, s] of sets.byCriterion) if (m !== n && s.has(key)) return m;
  return undefined;
}

interface FollowUpCell {
  readonly address: string;
  readonly cell?: CellSnapshot;
}

interface FollowUp {
  readonly status?: "action" | "engagement" | "unknown";
  readonly statusCell: FollowUpCell;
  readonly measures: readonly FollowUpCell[];
  readonly result?: FollowUpCell;
  /** The measures, then the result: the values typed on the indicator's scale. */
  readonly values: readonly FollowUpCell[];
  readonly evidence: FollowUpCell;
  readonly duration: FollowUpCell;
}

/** A row's follow-up (columns I–S): its status, its yearly measures, its result, its evidence. */
function followUpOf(sheet: SheetSnapshot, r: number): FollowUp {
  const at = (col: number): FollowUpCell => {
    const a = address(r, col);
    return { address: a, cell: sheet.cells[a] };
  };
  const statusCell = at(FOLLOW_UP.columns.status);
  const said = isFilled(statusCell.cell) ? listKey(String(statusCell.cell.v)) : "";
  const status = !said ? undefined : said === "action" ? "action" : said === "engagement" ? "engagement" : "unknown";
  const measures: FollowUpCell[] = [];
  for (let i = 0; i < FOLLOW_UP.measureCount; i++) measures.push(at(FOLLOW_UP.columns.firstMeasure + i));
  const result = at(FOLLOW_UP.columns.result);
  return {
    status,
    statusCell,
    measures,
    result,
    values: [...measures, result],
    evidence: at(FOLLOW_UP.columns.evidence),
    duration: at(FOLLOW_UP.columns.duration),
  };
}

type Push = (rule: RuleId, cell: string, message: string, severity?: Severity) => void;

/** The follow-up rules of the labelling dossier: evidence for an action, a measure each year, a known status. */
/** The years a duration says (« 3 ans », « 2025-2028 », 3), or undefined when it says no number of years. */
function durationYears(c: CellSnapshot): number | undefined {
  if (c.t === "n" && !isDateFormat(c.nf)) return Number(c.v);
  const s = String(c.v);
  const span = /(\d{4})\s*[-–àa/]+\s*(\d{4})/.exec(s);
  if (span) return Number(span[2]) - Number(span[1]);
  const years = /(\d+(?:[.,]\d+)?)\s*ans?\b/i.exec(s);
  return years ? Number(years[1].replace(",", ".")) : undefined;
}

/** A word that means to be a link. */
const LINK_START = /^(https?:|www\.)/i;
/** What a text holds when one of its words starts as a link. */
const MAY_LINK = /https?:|www\./i;

/** The rules on what is typed in the follow-up: a date is not a measure, a duration fits the label, a link is one. */
function checkFollowUpValues(f: FollowUp, push: Push): void {
  for (const m of f.values)
    if (m.cell?.t === "n" && isDateFormat(m.cell.nf))
      push("value-type", m.address, `${m.address} : ${aDate(m.cell)} : saisissez la valeur mesurée cette année-là.`);
  const d = f.duration.cell;
  const years = d && isFilled(d) && d.t !== "e" ? durationYears(d) : undefined;
  if (years !== undefined && (years <= 0 || years > 10))
    push(
      "duration-implausible",
      f.duration.address,
      `${f.duration.address} : une durée de ${years} an(s) n'est pas plausible pour une action du label (accordé pour 5 ans) : indiquez la durée prévue (ex. « 3 ans » ou « 2025-2028 »).`,
    );
  const e = f.evidence.cell;
  // Most evidence is a document's name: only a text with a link in it is cut into words.
  if (e && e.t === "s" && MAY_LINK.test(String(e.v))) {
    for (const word of String(e.v).split(/[\s;,]+/)) {
      if (!LINK_START.test(word)) continue;
      let ok = false;
      try {
        const url = new URL(/^www\./i.test(word) ? `https://${word}` : word);
        ok = /\./.test(url.hostname);
      } catch {
        ok = false;
      }
      if (!ok)
        push(
          "evidence-link",
          f.evidence.address,
          `${f.evidence.address} : « ${word.slice(0, 60)} » n'est pas un lien valable (ex. https://www.exemple.fr/document.pdf) : corrigez-le, ou donnez le nom du document joint.`,
        );
    }
  }
}

function checkFollowUp(ctx: CheckContext, f: FollowUp, r: number, push: Push): void {
  checkFollowUpValues(f, push);
  if (f.status === "unknown")
    push(
      "status-unknown",
      f.statusCell.address,
      `${f.statusCell.address} : « ${show(f.statusCell.cell as CellSnapshot)} » n'est pas un statut du dossier : choisissez « Action » (réalisée ou en cours) ou « Engagement » (à venir).`,
    );
  if (f.status !== "action") return;
  if (!isFilled(f.evidence.cell))
    push(
      "evidence-missing",
      f.evidence.address,
      `${f.evidence.address} : l'action de la ligne ${r} n'a aucun élément de preuve ; le dossier de labellisation les demande en annexe (nom du document ou lien).`,
    );
  // Past its first year (the reference year's next one has ended), an action has at least one follow-up measure.
  const firstFollowUpYear = ctx.referenceYear + 1;
  if (ctx.today.getFullYear() > firstFollowUpYear && !f.measures.some((m) => isFilled(m.cell)))
    push(
      "follow-up-missing",
      f.measures[0].address,
      `Ligne ${r} : l'action n'a aucune mesure de suivi depuis ${ctx.referenceYear} (colonnes ${f.measures[0].address.replace(/\d+$/, "")} à ${f.measures[f.measures.length - 1].address.replace(/\d+$/, "")}, une par année).`,
    );
}

export function checkRows(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const lists = [
    ["axis", listSets(ctx, guideAxes, ctx.ownAxes), "axis-unknown", "axis-other-criterion", "L'axe"],
    [
      "objective",
      listSets(ctx, guideObjectives, ctx.ownObjectives),
      "objective-unknown",
      "objective-other-criterion",
      "L'objectif",
    ],
  ] as const;
  const auditReached = ctx.auditYear !== undefined && ctx.today.getFullYear() >= ctx.auditYear;
  for (const c of ctx.criteria) {
    const id = ctx.identified.get(`c${c.number}`);
    if (!id) continue;
    const sheet = id.sheet;
    if (ctx.only && !ctx.only.has(sheet.name)) continue;
    const n = c.number;
    const push = (
      rule: Parameters<typeof finding>[0],
      cell: string,
      message: string,
      severity?: Parameters<typeof finding>[5],
    ) => out.push(finding(rule, sheet.name, cell, message, n, severity));
    // Past the last row where something is typed, every row is empty: nothing to say about it.
    const { firstRow, lastFilled } = ctx.placements.get(sheet.name) ?? tableOf(ctx, sheet);
    const seen = new Map<string, number>();
    let filledRows = 0;
    for (let r = firstRow; r <= lastFilled; r++) {
      const row = rowAt(sheet, r);
      if (!COLUMNS.some((k) => isFilled(row[k]))) continue;
      filledRows++;
      const at = (k: TableColumn) => address(r, TABLE.columns[k]);
      for (const k of COLUMNS) {
        const cell = row[k];
        if (!isFilled(cell)) continue;
        if (cell.t === "e")
          push(
            "cell-error",
            at(k),
            `${at(k)} contient l'erreur ${String(cell.v)} : corrigez la formule ou la valeur de ${COLUMN_WORDS[k]}.`,
          );
        else if (cell.t === "s" && String(cell.v).length > DISPLAY_LIMIT) {
          push(
            "text-too-long",
            at(k),
            `${at(k)} : ${String(cell.v).length} caractères, la cellule n'en affiche que ${DISPLAY_LIMIT}. Raccourcissez ${COLUMN_WORDS[k]}.`,
          );
        }
      }
      // Each text once (trimmed): the rules below read them several times.
      const texts: Record<CoreColumn, string> = {
        axis: textOf(row.axis),
        objective: textOf(row.objective),
        action: textOf(row.action),
        indicator: textOf(row.indicator),
      };
      // Axis and objective against their lists.
      for (const [k, sets, ruleUnknown, ruleOther, word] of lists) {
        const v = texts[k];
        if (!v) continue;
        const key = listKey(v);
        if (sets.byCriterion.get(n)?.has(key) || sets.own.has(key)) continue;
        const other = otherCriterion(sets, n, key);
        const shown = show(row[k] as CellSnapshot);
        if (other !== undefined) {
          push(
            ruleOther,
            at(k),
            `${word} « ${shown} » appartient au critère ${other}, pas au critère ${n} : choisissez dans la liste de cette fiche.`,
          );
        } else {
          push(
            ruleUnknown,
            at(k),
            `${word} « ${shown} » n'est dans aucune liste (guide ou propres à l'établissement) : choisissez-le dans la liste, ou ajoutez-le dans Paramètres.`,
          );
        }
      }
      const lacking = CORE.filter((k) => !texts[k]);
      if (lacking.length > 0) {
        push(
          "row-incomplete",
          `A${r}:G${r}`,
          `Ligne ${r} incomplète : il manque ${lacking.map((k) => COLUMN_WORDS[k]).join(", ")}.`,
        );
      } else if (!textOf(row.outlook)) {
        push("outlook-missing", at("outlook"), `Ligne ${r} : aucune perspective n'est indiquée pour cette action.`);
      }
      const follow = followUpOf(sheet, r);
      const indicator = texts.indicator;
      if (indicator) {
        const kind = indicatorKind(indicator);
        for (const k of ["reference", "audit"] as const) {
          const cell = row[k];
          if (!isFilled(cell)) {
            if (k === "reference" && follow.status === "engagement") {
              push(
                "engagement-measure-missing",
                at(k),
                `${at(k)} : cet engagement n'a pas sa mesure à N (${ctx.referenceYear}) : le dossier de labellisation la demande pour chaque engagement.`,
              );
            } else if (k === "reference") {
              push(
                "value-missing",
                at(k),
                `${at(k)} : l'indicateur « ${show(row.indicator as CellSnapshot)} » n'a pas de résultat pour ${ctx.referenceYear}.`,
              );
            } else {
              const year = ctx.auditYear ?? "l'année de l'audit";
              push(
                "value-missing",
                at(k),
                `${at(k)} : l'indicateur « ${show(row.indicator as CellSnapshot)} » n'a pas de valeur pour ${year}${auditReached ? "" : " (à fixer avant l'audit)"}.`,
                auditReached ? "warning" : "info",
              );
            }
          } else if (kind !== "free" && isDate(cell)) {
            push(
              "value-type",
              at(k),
              `${at(k)} : ${aDate(cell)}. L'indicateur « ${show(row.indicator as CellSnapshot)} » attend ${kindWords(kind)}.`,
            );
          } else if (cell.t !== "e" && kind !== "free" && !valueFits(kind, cell.v, cell.nf)) {
            push(
              "value-type",
              at(k),
              `${at(k)} : « ${show(cell)} » ne convient pas à l'indicateur « ${show(row.indicator as CellSnapshot)} », qui attend ${kindWords(kind)}.`,
            );
          }
        }
        // The result, once typed in the follow-up, is what is judged; before, the target (the seed's column).
        const judged = isFilled(follow.result?.cell) ? follow.result : undefined;
        const compared = judged?.cell ?? row.audit;
        const where = judged?.address ?? at("audit");
        const direction = wrongWay(indicator, row.reference, compared, ctx.directionOverrides);
        if (direction) {
          const [what, higher, lower] = judged
            ? ["Le résultat", "plus haut", "plus bas"]
            : ["La cible", "plus haute", "plus basse"];
          const year = ctx.auditYear ?? "de l'audit";
          push(
            "indicator-wrong-way",
            where,
            `${where} : ${what} ${year} (${show(compared as CellSnapshot)}) est ${direction === "higher" ? lower : higher} que la valeur ${ctx.referenceYear} (${show(row.reference as CellSnapshot)}) alors que pour « ${show(row.indicator as CellSnapshot)} », ${DIRECTION_LABELS[direction].toLowerCase()}. Revoyez la valeur, ou, si c'est l'inverse pour cet indicateur, indiquez-le dans Paramètres › « Sens des indicateurs ».`,
          );
        }
        // Measures and result: the indicator's kind, as its reference value.
        for (const m of follow.values) {
          // A date is said once, by the follow-up's own rule (checkFollowUpValues).
          if (
            !isFilled(m.cell) ||
            m.cell.t === "e" ||
            isDate(m.cell) ||
            kind === "free" ||
            valueFits(kind, m.cell.v, m.cell.nf)
          )
            continue;
          push(
            "value-type",
            m.address,
            `${m.address} : « ${show(m.cell)} » ne convient pas à l'indicateur « ${show(row.indicator as CellSnapshot)} », qui attend ${kindWords(kind)}.`,
          );
        }
        if (auditReached && follow.status === "action" && !isFilled(follow.result?.cell))
          push(
            "value-missing",
            follow.result?.address ?? at("audit"),
            `${follow.result?.address} : l'action de la ligne ${r} n'a pas de résultat pour ${ctx.auditYear} (la colonne « ${LABELS.colResult} »).`,
            "warning",
          );
      }
      checkFollowUp(ctx, follow, r, push);
      if (lacking.length === 0) {
        const dupKey = CORE.map((k) => listKey(texts[k])).join("\u0000");
        const before = seen.get(dupKey);
        if (before !== undefined)
          push(
            "row-duplicate",
            `A${r}:G${r}`,
            `La ligne ${r} répète la ligne ${before} (même axe, objectif, action et indicateur).`,
          );
        else seen.set(dupKey, r);
      }
    }
    if (filledRows === 0) push("sheet-empty", "", `La fiche du critère ${n} n'a encore aucune ligne remplie.`);
  }
  return out;
}
