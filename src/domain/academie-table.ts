/**
 * The académie's table as plain sheets (headers, rows, what to highlight), for whichever writer renders it:
 * the .xlsx table writer (src/workbook/xlsx/table-writer.ts) and the HTML page. Pure.
 */
import { RULE_LABELS, type Finding } from "./check";
import type { Consolidation, SchoolRow, SchoolSummary } from "./academie";
import { SEVERITIES, type Severity } from "./findings";
import { CRITERIA } from "./referential/criteria";

export type TableValue = string | number | null;

export interface TableColumn {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  /** How a cell of this column is highlighted: > 0 in red (errors), « oui » green / « non » amber (readiness). */
  readonly highlight?: "errors" | "readiness" | "gaps";
}

export interface TableChart {
  readonly title: string;
  /** Column numbers (1-based) of the series; the first column holds the categories. */
  readonly seriesColumns: readonly number[];
}

/**
 * Rows already rendered by the table's writer (`renderRows`, table-writer.ts), where their values were: each
 * workbook's findings are rendered in the worker that read it, and the main thread only joins them (#28: 2,090
 * workbooks hold ~800,000 findings; sent as objects, they took the main thread seconds to receive, hold and sort).
 * Only the writer reads `text`.
 */
export interface RenderedRows {
  readonly count: number;
  /** Undefined: not rendered, none of them could be listed (see {@link severitiesStillListed}). */
  readonly text?: string;
}

/** The first `take` rows of a run of rendered rows (`text`, as `renderRows` gives them). */
export interface RowRun {
  readonly text: string;
  readonly take: number;
}

/** A workbook's findings as rows of « Constats », rendered, by severity (each severity's rows in the check's order). */
export type RenderedFindings = Readonly<Record<Severity, RenderedRows>>;

export interface TableSheet {
  readonly name: string;
  readonly columns: readonly TableColumn[];
  /** Rendered rows, before `rows` (« Constats » when its findings came rendered). */
  readonly runs?: readonly RowRun[];
  readonly rows: readonly (readonly TableValue[])[];
  readonly chart?: TableChart;
}

export const SHEETS = {
  schools: "Établissements",
  findings: "Constats",
  unread: "Fichiers non lus",
  missing: "Sans classeur",
  byCriterion: "Par critère",
} as const;

const SEVERITY_WORDS = { error: "erreur", warning: "avertissement", info: "information" } as const;

const yesNo = (b: boolean) => (b ? "oui" : "non");

/**
 * At most this many rows in « Constats »: 2,090 filled workbooks hold ~400 findings each, past what Excel opens
 * (1,048,576 rows) and what anyone reads. Errors first, then warnings, then information; a last row says
 * how many were left out (each file's `check --json` lists them all).
 */
export const MAX_FINDING_ROWS = 200_000;

/**
 * Which severities of a workbook read after those whose findings are counted in `known` « Constats » could still
 * list: it lists every workbook's errors, then their warnings, then their information, up to MAX_FINDING_ROWS rows.
 * Once the counted errors and warnings fill it, no information of any later workbook will be listed — nor their
 * warnings, once the counted errors and warnings do. The workers of `academie` then leave those rows unrendered
 * (2,090 filled workbooks: ~800,000 findings, 200,000 rows listed).
 */
export function severitiesStillListed(known: Readonly<Record<Severity, number>>): Record<Severity, boolean> {
  return {
    error: known.error < MAX_FINDING_ROWS,
    warning: known.error + known.warning < MAX_FINDING_ROWS,
    info: known.error + known.warning + known.info < MAX_FINDING_ROWS,
  };
}

/** The columns of « Constats »; `findingRow` gives a row's values in this order. */
export const FINDING_COLUMNS: readonly TableColumn[] = [
  { header: "UAI", width: 10 },
  { header: "Fichier", width: 30 },
  { header: "Feuille", width: 24 },
  { header: "Cellule", width: 9 },
  { header: "Règle", width: 26 },
  { header: "Gravité", width: 13 },
  { header: "Message", width: 90 },
];

/** One row of « Constats ». */
function findingRow(summary: SchoolSummary<unknown>, file: string, f: Finding): TableValue[] {
  return [
    summary.uai ?? "",
    file,
    f.sheet,
    f.cell,
    `${RULE_LABELS[f.rule]} (${f.rule})`,
    SEVERITY_WORDS[f.severity],
    f.message,
  ];
}

/** One workbook's rows of « Constats » of one severity, in the check's order (what a worker renders). */
export function findingRowsOf(summary: SchoolSummary, file: string, severity: Severity): TableValue[][] {
  const rows: TableValue[][] = [];
  for (const f of summary.findings) if (f.severity === severity) rows.push(findingRow(summary, file, f));
  return rows;
}

function leftOutRow(left: number): TableValue[] {
  return [
    "",
    "",
    "",
    "",
    "",
    "",
    `… et ${left} constats de plus, non listés (au plus ${MAX_FINDING_ROWS} lignes) : ldm-fiches check --json FICHIER les donne tous.`,
  ];
}

/** A workbook's findings: as the check made them, or rendered as rows of « Constats » where it was read. */
export type SchoolFindings = readonly Finding[] | RenderedFindings;

const isRendered = (f: SchoolFindings): f is RenderedFindings => !Array.isArray(f);

/** « Constats »' rows: as values, or (findings rendered) as runs of each workbook's rendered rows. */
function findingSheetRows(c: Consolidation<SchoolFindings>): Pick<TableSheet, "rows" | "runs"> {
  const rows: TableValue[][] = [];
  const runs: RowRun[] = [];
  let listed = 0;
  let left = 0;
  // Errors first, then warnings, then information.
  for (const severity of SEVERITIES)
    for (const r of c.rows) {
      const findings = r.summary.findings;
      if (isRendered(findings)) {
        const block = findings[severity];
        const take = Math.min(block.count, MAX_FINDING_ROWS - listed);
        if (take > 0) {
          if (block.text === undefined) throw new Error("Constats : des constats à lister n'ont pas été rendus.");
          runs.push({ text: block.text, take });
        }
        listed += take;
        left += block.count - take;
        continue;
      }
      // The runs are written before the rows: one table cannot have both kinds.
      if (runs.length > 0) throw new Error("Constats : des constats rendus et d'autres non, dans un même tableau.");
      for (const f of findings) {
        if (f.severity !== severity) continue;
        if (listed >= MAX_FINDING_ROWS) {
          left++;
          continue;
        }
        rows.push(findingRow(r.summary, r.file, f));
        listed++;
      }
    }
  if (left > 0) rows.push(leftOutRow(left));
  return runs.length > 0 ? { runs, rows } : { rows };
}

/** The « Établissements » columns, in order (the test and the HTML page read them by header). */
export function schoolColumns(measureYear: number, names: boolean): TableColumn[] {
  const cols: TableColumn[] = [
    { header: "UAI", width: 10 },
    { header: "Établissement", width: 40 },
    { header: "Commune", width: 20 },
    { header: "Académie", width: 16 },
    { header: "Année du label", width: 12 },
    { header: "Année de l'audit", width: 10 },
  ];
  if (names) cols.push({ header: "Chef d'établissement", width: 22 }, { header: "Référents", width: 40 });
  for (const c of CRITERIA) {
    const n = `C${c.number}`;
    cols.push(
      { header: `${n} actions`, width: 9 },
      { header: `${n} engagements`, width: 9 },
      { header: `${n} lignes mesurées en ${measureYear}`, width: 9 },
      { header: `${n} cibles atteintes`, width: 9 },
      { header: `${n} cibles manquées`, width: 9 },
      { header: `${n} erreurs`, width: 9, highlight: "errors" },
      { header: `${n} prêt pour le COPIL`, width: 9, highlight: "readiness" },
    );
  }
  cols.push(
    { header: "Erreurs", width: 9, highlight: "errors" },
    { header: "Avertissements", width: 9 },
    { header: "Critères prêts pour le COPIL", width: 10 },
    { header: "Prêt pour le COPIL", width: 10, highlight: "readiness" },
    { header: "Dossier : parties à compléter", width: 12, highlight: "gaps" },
    { header: "Remarques", width: 36 },
    { header: "Fichier", width: 36 },
  );
  return cols;
}

function schoolRow(r: SchoolRow<unknown>, names: boolean): TableValue[] {
  const s = r.summary;
  const e = r.establishment;
  const row: TableValue[] = [
    s.uai ?? "",
    e?.name ?? s.schoolText,
    e?.town ?? "",
    e?.academy ?? "",
    s.labelYear,
    s.auditYear ?? "",
  ];
  if (names)
    row.push(
      s.headOfSchool,
      s.leads
        .map((l, i) => (l ? `C${i + 1} : ${l}` : ""))
        .filter(Boolean)
        .join(" ; "),
    );
  for (const c of s.criteria)
    row.push(
      c.actions,
      c.engagements,
      c.measuredThisYear ?? "",
      c.targetsReached,
      c.targetsMissed,
      c.errors,
      yesNo(c.ready),
    );
  const ready = s.criteria.filter((c) => c.ready).length;
  row.push(
    s.counts.error,
    s.counts.warning,
    ready,
    yesNo(ready === s.criteria.length),
    s.dossierGaps,
    r.remarks.join(" ; "),
    r.file,
  );
  return row;
}

/**
 * Every sheet of the table: Établissements, Par critère (with its chart), Constats, Fichiers non lus, Sans classeur.
 * The findings as the check made them (« Constats » then has rows of values), or rendered where each workbook was
 * read (it then has runs of rendered rows), one kind for all the workbooks.
 */
export function academieTables(c: Consolidation<SchoolFindings>, options: { readonly names: boolean }): TableSheet[] {
  const sheets: TableSheet[] = [
    {
      name: SHEETS.schools,
      columns: schoolColumns(c.measureYear, options.names),
      rows: c.rows.map((r) => schoolRow(r, options.names)),
    },
    {
      name: SHEETS.byCriterion,
      columns: [
        { header: "Critère", width: 30 },
        { header: "Établissements prêts pour le COPIL", width: 14 },
        { header: "Établissements à compléter", width: 14 },
        { header: "Établissements avec erreurs", width: 14 },
        { header: "Actions", width: 10 },
        { header: "Engagements", width: 12 },
      ],
      rows: CRITERIA.map((crit, i) => {
        const figures = c.rows.map((r) => r.summary.criteria[i]).filter((x) => x !== undefined);
        const ready = figures.filter((f) => f.ready).length;
        return [
          `C${crit.number} ${crit.shortTitle}`,
          ready,
          figures.length - ready,
          figures.filter((f) => f.errors > 0).length,
          figures.reduce((t, f) => t + f.actions, 0),
          figures.reduce((t, f) => t + f.engagements, 0),
        ];
      }),
      chart: { title: "Établissements par critère", seriesColumns: [2, 3, 4] },
    },
    { name: SHEETS.findings, columns: FINDING_COLUMNS, ...findingSheetRows(c) },
    {
      name: SHEETS.unread,
      columns: [
        { header: "Fichier", width: 40 },
        { header: "Raison", width: 100 },
      ],
      rows: c.unread.map((u) => [u.file, u.reason]),
    },
  ];
  if (c.missing)
    sheets.push({
      name: SHEETS.missing,
      columns: [
        { header: "UAI", width: 10 },
        { header: "Établissement", width: 50 },
        { header: "Commune", width: 24 },
        { header: "Type", width: 6 },
        { header: "Secteur", width: 9 },
      ],
      rows: c.missing.map((e) => [e.uai, e.name, e.town, e.type, e.sector === "public" ? "public" : "privé"]),
    });
  return sheets;
}
