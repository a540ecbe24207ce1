/**
 * The labelling dossier as a document: the guide's tables (section E, « Présentation des tableaux du dossier de
 * labellisation »), in its order and words, filled from the workbook — N replaced by the actual years of each
 * action, an empty required part written « À compléter », the evidence numbered in an annex.
 *
 * Two versions of one content: the working version (a cover that says what remains to write, with the check's
 * errors) and the final version (the guide's cover, no tool's name, refused while a part is « À compléter »).
 * Every « À compléter » of the body is recorded as it is written ({@link Mark}): the working version's list,
 * the check's rule dossier-incomplete and the command's count are that record, nothing else.
 */ import type { CriterionNumber } from "../referential/types";
import { LABEL_YEARS } from "../blueprint/layout";
import { frenchDate } from "../text";
import {
  bodyBlocks,
  bullet,
  cell,
  CONTINUED,
  label,
  markItems,
  MISSING,
  type DossierOptions,
  type EvidenceNumbers,
  type Mark,
} from "./body";
import type { CriterionDossier, DossierContent, IndicatorLine } from "./content";
import { paragraph, type Block, type DocumentModel, type Run, type TableCell } from "./document";
import { shownMeasure, yearlyMeasures } from "./years";

export {
  actionWords,
  dossierMarks,
  markItems,
  MISSING,
  REQUIRED_SCHOOL_PARTS,
  SCHOOL_PART_WORDS,
  type DossierOptions,
  type Mark,
} from "./body";

function toComplete(criteria: readonly CriterionDossier[], marks: readonly Mark[], options: DossierOptions): Block[] {
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "Ce qu'il reste à compléter avant l'audit" },
    paragraph(
      marks.length === 0
        ? "Rien : chaque partie exigée du dossier est renseignée."
        : `${marks.length} partie(s) du dossier sont marquées « ${MISSING} » : à écrire dans le classeur (feuille « Dossier » ou fiche du critère).`,
    ),
  ];
  const scopes: { scope: Mark["scope"]; title: string }[] = [
    ...(options.criterion === undefined ? [{ scope: "school" as const, title: "L'établissement" }] : []),
    ...criteria.map((c) => ({
      scope: c.criterion.number as CriterionNumber,
      title: `Critère ${c.criterion.number} — ${c.criterion.title}`,
    })),
  ];
  for (const { scope, title } of scopes) {
    const items = markItems(marks.filter((m) => m.scope === scope));
    if (items.length === 0) continue;
    blocks.push({ kind: "paragraph", runs: [{ text: title, bold: true }] }, ...items.map(bullet));
  }
  const shown = new Set<number | undefined>([undefined, ...criteria.map((c) => c.criterion.number)]);
  const errors = (options.findings ?? []).filter((f) => f.severity === "error" && shown.has(f.criterion));
  if (errors.length > 0) {
    blocks.push({ kind: "heading", level: 2, text: "Erreurs relevées par la vérification" });
    const groups = [undefined, ...criteria.map((c) => c.criterion.number)];
    for (const g of groups) {
      const list = errors.filter((f) => f.criterion === g);
      if (list.length === 0) continue;
      const c = criteria.find((x) => x.criterion.number === g);
      blocks.push({
        kind: "paragraph",
        runs: [{ text: c ? `Critère ${g} — ${c.criterion.title}` : "Paramètres et structure du classeur", bold: true }],
      });
      blocks.push(...list.map((f) => bullet(`${f.sheet}${f.cell ? ` ${f.cell}` : ""} : ${f.message}`)));
    }
  }
  return blocks;
}

/** An evidence item as runs: its links (http, https, www.) as hyperlinks, the rest as text. */
export function evidenceRuns(item: string): Run[] {
  const runs: Run[] = [];
  let last = 0;
  for (const m of item.matchAll(/\b(?:https?:\/\/|www\.)[^\s<>"]+/gi)) {
    let url = m[0].replace(/[.,;:)»]+$/, "");
    const at = m.index ?? 0;
    let href: string | undefined;
    try {
      const u = new URL(/^www\./i.test(url) ? `https://${url}` : url);
      href = (u.protocol === "http:" || u.protocol === "https:") && u.hostname.includes(".") ? u.href : undefined;
    } catch {
      href = undefined;
    }
    if (!href) continue;
    if (at > last) runs.push({ text: item.slice(last, at) });
    runs.push({ text: url, link: href });
    last = at + url.length;
    url = "";
  }
  if (last < item.length) runs.push({ text: item.slice(last) });
  return runs;
}

/** P1, P2 … over the dossier's actions and engagements, in the order the body presents them. */
function evidenceAnnex(criteria: readonly CriterionDossier[], numbers: EvidenceNumbers): Block[] {
  const blocks: Block[] = [
    { kind: "page-break" },
    { kind: "heading", level: 1, text: "Annexe : éléments de preuve" },
    paragraph(
      "Chaque élément de preuve cité dans les tableaux (P1, P2 …) : un lien s'ouvre d'un clic ; un document désigné par son nom est fourni avec le dossier, dans le document annexe complémentaire que demande le guide (partie E, IV).",
    ),
  ];
  for (const c of criteria) {
    // Level 3: the Sommaire (levels 1 and 2) keeps to one page.
    blocks.push({ kind: "heading", level: 3, text: `Critère ${c.criterion.number} — ${c.criterion.title}` });
    const rows: TableCell[][] = [];
    for (const [a, ns] of numbers) {
      if (!c.actions.includes(a)) continue;
      const name = a.name ? `${a.kind === "engagement" ? "Engagement" : "Action"} « ${a.name} »` : `Ligne ${a.rows[0]}`;
      a.evidence.forEach((e, i) =>
        rows.push([
          cell(`P${ns[i]}`),
          i > 0 ? CONTINUED : { ...cell(name), ...(a.evidence.length > 1 ? { merge: "restart" as const } : {}) },
          { paragraphs: [{ kind: "paragraph", runs: evidenceRuns(e) }] },
        ]),
      );
    }
    if (rows.length === 0) {
      blocks.push(paragraph("Aucun élément de preuve indiqué dans la fiche."));
      continue;
    }
    blocks.push({
      kind: "table",
      columns: [0.5, 1.8, 3.4],
      headerRows: 1,
      rows: [[label("N°"), label("Action ou engagement"), label("Élément de preuve")], ...rows],
    });
  }
  return blocks;
}

/**
 * Every typed measure of every indicator line, year by year (N up to the audit), with the audit's target and
 * result: the auditor's view of the follow-up, on landscape pages.
 */
function measuresAnnex(content: DossierContent, criteria: readonly CriterionDossier[]): Block[] {
  const N = content.referenceYear;
  const audit = content.auditYear;
  const last = Math.min(audit ?? N + 5, N + 5);
  const years = Array.from({ length: last - N + 1 }, (_, i) => N + i);
  const rows: TableCell[][] = [];
  for (const c of criteria)
    for (const a of c.actions)
      a.lines.forEach((l, i) => {
        const later = yearlyMeasures(l, N, audit).filter((m) => m.year > last && m.value);
        const name = cell(`C${c.criterion.number} · ${a.name || `ligne ${a.rows[0]}`}`);
        rows.push([
          i > 0 ? CONTINUED : a.lines.length > 1 ? { ...name, merge: "restart" } : name,
          cell(l.indicator),
          ...years.map((y) => cell(shownMeasureOnly(l, y, N))),
          cell(l.target),
          cell(l.result + (later.length ? ` (puis ${later.map((m) => `${m.year} : ${m.value}`).join(", ")})` : "")),
        ]);
      });
  if (rows.length === 0) return [];
  const auditWords = audit === undefined ? "à l'audit" : `${audit}`;
  return [
    // Up to ten columns: on landscape pages.
    { kind: "page-break", orientation: "landscape" },
    { kind: "heading", level: 1, text: "Annexe : mesures de chaque année" },
    {
      kind: "table",
      columns: [1.6, 2.2, ...years.map(() => 0.6), 0.7, 0.8],
      headerRows: 1,
      rows: [
        [
          label("Action"),
          label("Indicateur"),
          ...years.map((y) => label(String(y))),
          label(`Cible ${auditWords}`),
          label(`Résultat ${auditWords}`),
        ],
        ...rows,
      ],
    },
  ];
}

function shownMeasureOnly(l: IndicatorLine, year: number, N: number): string {
  return shownMeasure(l, year, N, undefined);
}

/** The first page of the working version: the dossier's title, the school, the years, the tool's note. */
function workingCover(content: DossierContent, options: DossierOptions, only: string): Block[] {
  return [
    paragraph(`Dossier de labellisation Lycée des métiers${only}`, "Title"),
    paragraph(content.schoolName || "Établissement non renseigné", "Subtitle"),
    paragraph(
      `Version de travail, préparée le ${frenchDate(options.today)} par Fiches LDM à partir du classeur des fiches d'amélioration.`,
    ),
    paragraph(
      `Année de référence (N) : ${content.referenceYear} · année de l'audit : ${content.auditYear ?? "à choisir dans Paramètres"} · chef d'établissement : ${content.headOfSchool || "non renseigné"}`,
    ),
  ];
}

/** What the application is: a first application, or the renewal of a label obtained in a year. */
export function applicationWords(content: DossierContent): string {
  const s = content.labelStatus;
  if (!s) return "";
  return "candidature" in s
    ? "Première demande de labellisation"
    : `Renouvellement du label obtenu en ${s.obtained} (valable jusqu'en ${s.obtained + LABEL_YEARS})`;
}

/** The guide's cover: the label, the school in its proper name, UAI, the application, the audit year. */
function finalCover(content: DossierContent, only: string): Block[] {
  const row = (k: string, v: string): TableCell[] => [label(k), cell(v)];
  return [
    paragraph(`Dossier de labellisation${only}`, "Title"),
    paragraph("Label « Lycée des métiers »", "Subtitle"),
    { kind: "paragraph", runs: [{ text: content.schoolName, bold: true }] },
    {
      kind: "table",
      columns: [1.6, 3],
      rows: [
        row("Établissement", content.schoolName),
        row("UAI", content.uai ?? ""),
        ...(content.academy ? [row("Académie", properAcademy(content.academy))] : []),
        row("Chef d'établissement", content.headOfSchool),
        row("Demande", applicationWords(content)),
        row("Année de référence (N)", String(content.referenceYear)),
        row("Année de l'audit", content.auditYear === undefined ? "" : String(content.auditYear)),
      ],
    },
    paragraph(""),
    paragraph(
      "Dossier établi selon la partie E du Guide de l'établissement et des auditeurs du label lycée des métiers (rénové en janvier 2025).",
    ),
  ];
}

/** « AIX-MARSEILLE » → « Aix-Marseille », « CLERMONT-FERRAND » → « Clermont-Ferrand ». */
function properAcademy(upper: string): string {
  return upper.toLowerCase().replace(/(^|[-\s'])([a-zà-ÿ])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** What the final version cannot do without: the cover's parameters. */
export function coverGaps(content: DossierContent): string[] {
  const out: string[] = [];
  if (!content.school) out.push("l'établissement (Paramètres)");
  else if (!content.uai) out.push("l'UAI de l'établissement (Paramètres)");
  if (!content.headOfSchool) out.push("le chef d'établissement (Paramètres)");
  if (content.auditYear === undefined) out.push("l'année de l'audit (Paramètres)");
  if (!content.labelStatus) out.push("l'année d'obtention du label ou « candidature » (Paramètres)");
  return out;
}

export interface BuiltDossier {
  readonly document: DocumentModel;
  /** Every « À compléter » of the body, in the body's order. */
  readonly marks: readonly Mark[];
}

/** The body (school, criteria, annexes) and its marks; the cover comes after, when the marks are known. */
/** The body and the annexes, and the marks the body wrote. */
function body(content: DossierContent, criteria: readonly CriterionDossier[], options: DossierOptions) {
  const { blocks, marks, evidence } = bodyBlocks(content, criteria, options);
  return { blocks: [...blocks, ...evidenceAnnex(criteria, evidence), ...measuresAnnex(content, criteria)], marks };
}

export function buildDossier(content: DossierContent, options: DossierOptions): BuiltDossier {
  const criteria =
    options.criterion === undefined
      ? content.criteria
      : content.criteria.filter((c) => c.criterion.number === options.criterion);
  const only = options.criterion !== undefined ? ` — critère ${options.criterion}` : "";
  const { blocks, marks } = body(content, criteria, options);
  const school = content.schoolName || "Établissement non renseigné";
  const front: Block[] = options.final
    ? finalCover(content, only)
    : [...workingCover(content, options, only), ...toComplete(criteria, marks, options)];
  const title = `Dossier de labellisation Lycée des métiers${only}`;
  return {
    marks,
    document: {
      title,
      author: school,
      header: `Dossier de labellisation Lycée des métiers — ${school}`,
      footer: options.final
        ? `${school}${content.auditYear !== undefined ? ` — audit ${content.auditYear}` : ""}`
        : `Version de travail du ${frenchDate(options.today)} (Fiches LDM)`,
      ...(options.final ? {} : { application: "Fiches LDM" }),
      blocks: [...front, { kind: "page-break" }, { kind: "contents", title: "Sommaire" }, ...blocks],
    },
  };
}

/** The document alone (the working version unless `final`). */
export function dossierDocument(content: DossierContent, options: DossierOptions): DocumentModel {
  return buildDossier(content, options).document;
}
