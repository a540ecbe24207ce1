/**
 * The académie's view (#28): each school's workbook summed up in one row — the same figures as its own
 * Synthèse and check — and the rows of many workbooks put together: the files not read, two workbooks of one
 * school, the académie's schools that sent none. Pure: no file, no clock (today is given).
 */
import { NAMES, PARAMS, FOLLOW_UP } from "./blueprint/layout";
import { checkWorkbook, type Finding, type FindingCounts } from "./check";
import { parametersText, readWorkbook } from "./workbook-as-read";
import { dossierContent, type DossierContent } from "./dossier/content";
import { dossierMarks } from "./dossier/build";
import type { Mark } from "./dossier/body";
import { findEstablishment, uaiOfSchoolCell, type Establishment, type Establishments } from "./establishments";
import { isFichesWorkbook } from "./identify";
import { STATUS } from "./readiness";
import type { CriterionNumber } from "./referential/types";
import type { WorkbookSnapshot } from "./snapshot";
import type { Blueprint } from "./blueprint/types";
import { synthesize } from "./synthesis";

export interface CriterionFigures {
  readonly criterion: CriterionNumber;
  readonly filledRows: number;
  readonly actions: number;
  readonly engagements: number;
  /** Rows with a measure for the year asked (undefined: that year is outside the label's five). */
  readonly measuredThisYear?: number;
  readonly targetsReached: number;
  readonly targetsMissed: number;
  readonly errors: number;
  readonly warnings: number;
  readonly ready: boolean;
}

/**
 * One workbook, summed up: what one row of « Établissements » shows, and its findings for « Constats » — as the
 * check made them, or (`F`) already rendered as that sheet's rows where the workbook was read (academie-table.ts).
 */
export interface SchoolSummary<F = readonly Finding[]> {
  /** The UAI Paramètres names (undefined: no school chosen, or a text without a UAI). */
  readonly uai?: string;
  /** The school as Paramètres!B4 says it. */
  readonly schoolText: string;
  readonly labelYear: string;
  readonly referenceYear: number;
  readonly auditYear?: number;
  /** Personal data: shown only when asked (--noms). */
  readonly headOfSchool: string;
  readonly leads: readonly string[];
  readonly criteria: readonly CriterionFigures[];
  readonly counts: FindingCounts;
  /** The dossier's « À compléter » (as `dossier` writes them). */
  readonly dossierGaps: number;
  readonly findings: F;
}

/** The year whose measures the table counts: today's calendar year (« Lignes mesurées en 2026 »). */
export function measureYear(today: Date): number {
  return today.getFullYear();
}

/**
 * The summary of a workbook of ours: the check's findings once, the Synthèse's figures from them (as
 * « Vérifier tout le classeur » writes them), the dossier's gaps. Undefined for a workbook that is not ours.
 */
export function summarizeWorkbook(
  wb: WorkbookSnapshot,
  today: Date,
  establishments: Establishments,
  probe?: Blueprint,
): SchoolSummary | undefined {
  const ctx = readWorkbook(wb, { today, establishments, ...(probe !== undefined ? { probe } : {}) });
  if (!isFichesWorkbook(ctx.identified)) return undefined;
  // The dossier's content and its marks on the day given, once: the gaps below and the check's dossier rule,
  // which is handed them (built as it would build them). What fails here is built again there, and fails there.
  let content: DossierContent | undefined;
  let marks: readonly Mark[] | undefined;
  try {
    content = dossierContent(ctx);
    marks = dossierMarks(content, undefined, today);
  } catch {
    marks = undefined;
  }
  const findings = checkWorkbook(ctx, {
    today,
    ...(content !== undefined ? { dossier: marks !== undefined ? { content, marks } : { content } } : {}),
  });
  const synthesis = synthesize(ctx, { today }, findings);
  const year = measureYear(today);
  const k = year - (synthesis.referenceYear + 1);
  const inPeriod = k >= 0 && k < FOLLOW_UP.measureCount;
  const criteria = synthesis.criteria.map((c): CriterionFigures => ({
    criterion: c.criterion.number as CriterionNumber,
    filledRows: c.filledRows,
    actions: c.followUp.actions,
    engagements: c.followUp.engagements,
    ...(inPeriod ? { measuredThisYear: c.followUp.measuresByYear[k] } : {}),
    targetsReached: c.followUp.targetsReached,
    targetsMissed: c.followUp.targetsMissed,
    errors: c.counts.error,
    warnings: c.counts.warning,
    ready: c.status === STATUS.ready,
  }));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  // On the day given (the domain reads no clock; it was the clock's day before, the same day in the command).
  const dossierGaps = marks?.length ?? 0;
  return {
    uai: uaiOfSchoolCell(synthesis.school),
    schoolText: synthesis.school,
    labelYear: parametersText(ctx, NAMES.labelYear, PARAMS.labelYear),
    referenceYear: synthesis.referenceYear,
    ...(synthesis.auditYear !== undefined ? { auditYear: synthesis.auditYear } : {}),
    headOfSchool: synthesis.headOfSchool,
    leads: synthesis.criteria.map((c) => c.lead),
    criteria,
    counts,
    dossierGaps,
    findings,
  };
}

/** What became of one file: summed up, or not read (and why, in one French line). */
export type FileOutcome<F = readonly Finding[]> =
  | { readonly file: string; readonly modified?: number; readonly summary: SchoolSummary<F> }
  | { readonly file: string; readonly problem: string };

export interface SchoolRow<F = readonly Finding[]> {
  readonly file: string;
  readonly summary: SchoolSummary<F>;
  readonly establishment?: Establishment;
  /** What the académie should know about this row (another académie, a UAI not in the national list…). */
  readonly remarks: readonly string[];
}

export interface UnreadFile {
  readonly file: string;
  readonly reason: string;
}

export interface Consolidation<F = readonly Finding[]> {
  readonly rows: readonly SchoolRow<F>[];
  readonly unread: readonly UnreadFile[];
  /** With an académie: its LP/LPO that sent no workbook. */
  readonly missing?: readonly Establishment[];
  readonly academie?: string;
  readonly measureYear: number;
}

/** « Aix-Marseille », « aix marseille », « AIX-MARSEILLE » name one académie. */
export function academieKey(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, " ")
    .trim();
}

export function academies(establishments: Establishments): string[] {
  return [...new Set(establishments.list.map((e) => e.academy))].sort((a, b) => a.localeCompare(b, "fr"));
}

/** The académie as the national list spells it, or undefined. */
export function findAcademie(establishments: Establishments, name: string): string | undefined {
  const key = academieKey(name);
  return academies(establishments).find((a) => academieKey(a) === key);
}

export function academieSchools(establishments: Establishments, academie: string): Establishment[] {
  const key = academieKey(academie);
  return establishments.list.filter((e) => academieKey(e.academy) === key);
}

/**
 * The files put together: one row per school. Two workbooks of one UAI: the most recently modified is kept
 * (the first given when equal), the other is listed among the files not read, with the reason.
 */
export function consolidate<F>(
  outcomes: readonly FileOutcome<F>[],
  options: { readonly academie?: string; readonly today: Date; readonly establishments: Establishments },
): Consolidation<F> {
  const unread: UnreadFile[] = [];
  const kept = new Map<string, { file: string; modified: number; summary: SchoolSummary<F>; order: number }>();
  const noUai: { file: string; summary: SchoolSummary<F>; order: number }[] = [];
  outcomes.forEach((o, order) => {
    if ("problem" in o) {
      unread.push({ file: o.file, reason: o.problem });
      return;
    }
    const uai = o.summary.uai;
    if (!uai) {
      noUai.push({ file: o.file, summary: o.summary, order });
      return;
    }
    const modified = o.modified ?? 0;
    const before = kept.get(uai);
    if (!before) {
      kept.set(uai, { file: o.file, modified, summary: o.summary, order });
      return;
    }
    const newer = modified > before.modified;
    const [keep, drop] = newer ? [{ file: o.file, modified, summary: o.summary, order }, before] : [before, o];
    kept.set(uai, { ...keep, order: Math.min(keep.order, before.order, order) });
    unread.push({
      file: drop.file,
      reason:
        `Deuxième classeur de l'établissement ${uai} : « ${keep.file} » est gardé ` +
        `(${modified === before.modified ? "le premier donné" : "le plus récent"}), celui-ci n'est pas compté.`,
    });
  });
  const academie = options.academie;
  const key = academie !== undefined ? academieKey(academie) : undefined;
  const rows: SchoolRow<F>[] = [...kept.values(), ...noUai]
    .sort((a, b) => a.order - b.order)
    .map(({ file, summary }) => {
      const establishment = summary.uai ? findEstablishment(options.establishments, summary.uai) : undefined;
      const remarks: string[] = [];
      if (!summary.uai) remarks.push("Établissement non choisi dans Paramètres (pas d'UAI)");
      else if (!establishment) remarks.push(`UAI ${summary.uai} absent de la liste nationale des LP/LPO`);
      if (key !== undefined && establishment && academieKey(establishment.academy) !== key)
        remarks.push(`Autre académie : ${establishment.academy}`);
      return { file, summary, remarks, ...(establishment ? { establishment } : {}) };
    });
  const sent = new Set(rows.map((r) => r.summary.uai).filter((u): u is string => !!u));
  return {
    rows,
    unread,
    measureYear: measureYear(options.today),
    ...(academie !== undefined
      ? { academie, missing: academieSchools(options.establishments, academie).filter((e) => !sent.has(e.uai)) }
      : {}),
  };
}
