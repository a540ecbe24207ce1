/**
 * The académie's table as plain sheets (headers, rows, what to highlight), for whichever writer renders it:
 * the .xlsx table writer (src/workbook/xlsx/table-writer.ts) and the HTML page. Pure.
 */
import { RULE_LABELS } from "./check";
import type { Consolidation, SchoolRow } from "./academie";
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

export interface TableSheet {
  readonly name: string;
  readonly columns: readonly TableColumn[];
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

function findingRows(c: Consolidation): TableValue[][] {
  const rows: TableValue[][] = [];
  let left = 0;
  for (const severity of ["error", "warning", "info"] as const)
    for (const r of c.rows)
      for (const f of r.summary.findings) {
        if (f.severity !== severity) continue;
        if (rows.length >= MAX_FINDING_ROWS) {
          left++;
          continue;
        }
        rows.push([
          r.summary.uai ?? "",
          r.file,
          f.sheet,
          f.cell,
          `${RULE_LABELS[f.rule]} (${f.rule})`,
          SEVERITY_WORDS[f.severity],
          f.message,
        ]);
      }
  if (left > 0)
    rows.push([
      "",
      "",
      "",
      "",
      "",
      "",
      `… et ${left} constats de plus, non listés (au plus ${MAX_FINDING_ROWS} lignes) : ldm-fiches check --json FICHIER les donne tous.`,
    ]);
  return rows;
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

function schoolRow(r: SchoolRow, names: boolean): TableValue[] {
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

/** Every sheet of the table: Établissements, Par critère (with its chart), Constats, Fichiers non lus, Sans classeur. */
export function academieTables(c: Consolidation, options: { readonly names: boolean }): TableSheet[] {
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
    {
      name: SHEETS.findings,
      columns: [
        { header: "UAI", width: 10 },
        { header: "Fichier", width: 30 },
        { header: "Feuille", width: 24 },
        { header: "Cellule", width: 9 },
        { header: "Règle", width: 26 },
        { header: "Gravité", width: 13 },
        { header: "Message", width: 90 },
      ],
      rows: findingRows(c),
    },
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
