/**
 * The labelling dossier as a document: the guide's tables (section E, « Présentation des tableaux du dossier de
 * labellisation »), in its order and words, filled from the workbook — N replaced by the actual years, an empty
 * required part written « À compléter » and listed on the first page, the evidence in an annex.
 */
import { CRITERION_PARTS, SCHOOL_PARTS } from "../blueprint/dossier-sheet";
import type { Finding } from "../check/findings";
import type { CriterionNumber } from "../referential/types";
import { frenchDate } from "../text";
import type { ActionEntry, CriterionDossier, DossierContent, IndicatorLine, TeamMember } from "./content";
import { paragraph, type Block, type DocumentModel, type Paragraph, type Run, type TableCell } from "./document";
import { criterionGap, REQUIRED_SCHOOL_PARTS, schoolGap } from "./gaps";

export const MISSING = "À compléter";
/** An optional part left empty (the guide says « éventuellement »). */
const NONE = "—";

const missingRun: Run = { text: MISSING, missing: true };

/** A cell with `text`, « À compléter » when it is empty and required, « — » when empty and optional. */
function cell(text: string, options: { required?: boolean; span?: number } = {}): TableCell {
  const runs: Run[] = text ? [{ text }] : options.required ? [missingRun] : [{ text: NONE }];
  return { paragraphs: [{ kind: "paragraph", runs }], ...(options.span ? { span: options.span } : {}) };
}

function label(text: string, span?: number): TableCell {
  return { paragraphs: [paragraph(text)], label: true, ...(span ? { span } : {}) };
}

function bullet(text: string): Paragraph {
  return paragraph(text, "ListBullet");
}

export interface DossierOptions {
  readonly today: Date;
  /** Only this criterion (the cover, its part of the first page, its tables, its evidence). */
  readonly criterion?: CriterionNumber;
  /** The check's findings: its errors are listed on the first page with what the dossier lacks. */
  readonly findings?: readonly Finding[];
}

/** The measure of `year` (one of N+1 … N+5), or the result when `year` is the audit year and has no measure. */
function measureOf(line: IndicatorLine, content: DossierContent, year: number): string {
  const i = year - content.referenceYear - 1;
  const measured = i >= 0 && i < line.measures.length ? line.measures[i] : "";
  return measured || (content.auditYear === year ? line.result : "");
}

function teamRows(c: CriterionDossier): TableCell[][] {
  const n = c.criterion.number;
  const person = (m: TeamMember | undefined, required: boolean) => [
    cell(m?.name ?? "", { required }),
    cell(m?.firstName ?? ""),
    cell(m?.role ?? ""),
  ];
  const rows: TableCell[][] = [
    [label(`ÉQUIPE CRITÈRE ${n}`), label("Nom"), label("Prénom"), label("Fonction")],
    [label(`Coordonnateur critère ${n}`), ...person(c.coordinator, true)],
  ];
  const members = c.members.length ? c.members : [undefined];
  members.forEach((m, i) =>
    rows.push([i === 0 ? label(`Membres équipe critère ${n}`) : label(""), ...person(m, false)]),
  );
  return rows;
}

function implementationTable(a: ActionEntry): Block {
  return {
    kind: "table",
    columns: [1, 1, 1, 1],
    headerRows: 2,
    rows: [
      [label("MISE EN ŒUVRE (moyens engagés, calendrier, lieux, modalités d'organisation)", 4)],
      [label("Moyens engagés"), label("Calendrier"), label("Lieux"), label("Modalités d'organisation")],
      // One missing mark for the whole: any of the four says how the action is carried out.
      ...[
        [a.texts.means, a.texts.schedule, a.texts.places, a.texts.organisation].every((t) => !t)
          ? [cell("", { required: true, span: 4 })]
          : [cell(a.texts.means), cell(a.texts.schedule), cell(a.texts.places), cell(a.texts.organisation)],
      ],
    ],
  };
}

function actionBlocks(content: DossierContent, c: CriterionDossier, a: ActionEntry, k: number): Block[] {
  const n = c.criterion.number;
  const N = content.referenceYear;
  const title = `CRITÈRE ${n} : ACTION ${k}${a.name ? ` — ${a.name}` : ""}`;
  const lines = a.lines.length ? a.lines : [undefined];
  return [
    { kind: "heading", level: 2, text: title },
    {
      kind: "table",
      columns: [1.2, 1.4, 1.2, 1.2],
      rows: [
        [label("Dénomination"), cell(a.name, { required: true, span: 3 })],
        [
          label("Durée action"),
          cell(a.duration, { required: true }),
          label("Action pérenne"),
          cell(a.perennial, { required: true }),
        ],
        [label("Description"), cell(a.texts.description, { required: true, span: 3 })],
      ],
    },
    {
      kind: "table",
      columns: [1.4, 1.4, 0.9, 0.9, 0.9, 1.6],
      headerRows: 2,
      rows: [
        [label("OBJECTIFS INDICATEURS ÉVALUATION", 6)],
        [
          label("Objectifs"),
          label("Indicateurs"),
          label(`Mesure début (${N})`),
          label(`Mesure suivi (${N + 3})`),
          label(`Mesure fin (${N + 5})`),
          label("Plus-value"),
        ],
        ...lines.map((l) => [
          cell(l?.objective ?? "", { required: true }),
          cell(l?.indicator ?? "", { required: true }),
          cell(l?.reference ?? "", { required: true }),
          cell(l ? measureOf(l, content, N + 3) : ""),
          cell(l ? measureOf(l, content, N + 5) : ""),
          cell(l?.addedValue ?? ""),
        ]),
      ],
    },
    implementationTable(a),
    {
      kind: "table",
      columns: [1, 1, 1],
      headerRows: 1,
      rows: [
        [label("Points forts"), label("Axes de progrès"), label("Conclusion")],
        [
          cell(a.texts.strengths, { required: true }),
          cell(a.texts.improvements, { required: true }),
          cell(a.texts.conclusion, { required: true }),
        ],
      ],
    },
  ];
}

function engagementBlocks(content: DossierContent, c: CriterionDossier, a: ActionEntry, k: number): Block[] {
  const n = c.criterion.number;
  const lines = a.lines.length ? a.lines : [undefined];
  return [
    { kind: "heading", level: 2, text: `CRITÈRE ${n} : ENGAGEMENT ${k}${a.name ? ` — ${a.name}` : ""}` },
    {
      kind: "table",
      columns: [1.2, 4],
      rows: [
        [label("Dénomination"), cell(a.name, { required: true })],
        [label("Description"), cell(a.texts.description, { required: true })],
      ],
    },
    {
      kind: "table",
      columns: [1.3, 0.9, 1.4, 1.4, 1],
      headerRows: 2,
      rows: [
        [label("PLANIFICATION - OBJECTIFS - INDICATEURS - ÉVALUATION", 5)],
        [
          label("Animateur engagement"),
          label("Durée de l'action"),
          label("Objectifs"),
          label("Indicateurs"),
          label(`Mesure à N (${content.referenceYear})`),
        ],
        ...lines.map((l, i) => [
          i === 0 ? cell(a.texts.leader, { required: true }) : cell(""),
          i === 0 ? cell(a.duration, { required: true }) : cell(""),
          cell(l?.objective ?? "", { required: true }),
          cell(l?.indicator ?? "", { required: true }),
          cell(l?.reference ?? "", { required: true }),
        ]),
      ],
    },
    implementationTable(a),
  ];
}

function criterionBlocks(content: DossierContent, c: CriterionDossier): Block[] {
  const n = c.criterion.number;
  const text = (key: (typeof CRITERION_PARTS)[number]["key"]) => c.parts[key];
  const blocks: Block[] = [
    { kind: "page-break" },
    { kind: "heading", level: 1, text: `Critère ${n} — ${c.criterion.title}` },
    {
      kind: "table",
      columns: [1.2, 4],
      rows: [
        [label(`Critère ${n}`), cell(c.criterion.title)],
        [label(`ÉTAT DES LIEUX DU CRITÈRE ${n}`, 2)],
        [cell(text("baseline"), { required: true, span: 2 })],
        [label(`OBJECTIF GÉNÉRAL DU CRITÈRE ${n}`, 2)],
        [cell(text("goal"), { required: true, span: 2 })],
      ],
    },
    {
      kind: "table",
      columns: [1.6, 3.6],
      rows: [
        [label(`TRANSVERSALITÉ DE LA DÉMARCHE QUALITÉ : CRITÈRE ${n}`, 2)],
        [label("Domaine d'auto-évaluation de l'établissement"), cell(text("selfEvaluation"))],
        [label("Axe du projet d'établissement"), cell(text("schoolProject"))],
        [label("Axe du contrat d'objectifs tripartite"), cell(text("contract"))],
        [label("Critère du campus des métiers et des qualifications"), cell(text("campus"))],
      ],
    },
    { kind: "table", columns: [1.6, 1.2, 1.2, 1.6], headerRows: 1, rows: teamRows(c) },
  ];
  if (c.actions.length === 0)
    blocks.push({
      kind: "paragraph",
      runs: [{ text: "Aucune action ni engagement dans la fiche du critère : " }, missingRun],
    });
  let actions = 0;
  let engagements = 0;
  for (const a of c.actions)
    blocks.push(
      ...(a.kind === "engagement"
        ? engagementBlocks(content, c, a, ++engagements)
        : actionBlocks(content, c, a, ++actions)),
    );
  return blocks;
}

function schoolBlocks(content: DossierContent): Block[] {
  const required = new Set<string>(REQUIRED_SCHOOL_PARTS);
  return [
    { kind: "page-break" },
    { kind: "heading", level: 1, text: "L'établissement" },
    {
      kind: "table",
      columns: [1.6, 4],
      rows: SCHOOL_PARTS.map((p) => [
        label(p.label),
        cell(content.schoolParts[p.key], { required: required.has(p.key) }),
      ]),
    },
  ];
}

/** « Ce qu'il reste à compléter avant l'audit »: what the dossier lacks and the check's errors, by criterion. */
function toComplete(content: DossierContent, criteria: readonly CriterionDossier[], options: DossierOptions): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "Ce qu'il reste à compléter avant l'audit" }];
  const errors = (n: number) => (options.findings ?? []).filter((f) => f.criterion === n && f.severity === "error");
  let any = false;
  const school = options.criterion === undefined ? schoolGap(content) : undefined;
  if (school) {
    any = true;
    blocks.push({ kind: "paragraph", runs: [{ text: "L'établissement", bold: true }] }, ...school.items.map(bullet));
  }
  for (const c of criteria) {
    const gap = criterionGap(c);
    const errs = errors(c.criterion.number);
    if (!gap && errs.length === 0) continue;
    any = true;
    blocks.push({
      kind: "paragraph",
      runs: [{ text: `Critère ${c.criterion.number} — ${c.criterion.title}`, bold: true }],
    });
    blocks.push(...(gap?.items ?? []).map(bullet));
    blocks.push(...errs.map((f) => bullet(`${f.sheet}${f.cell ? ` ${f.cell}` : ""} : ${f.message}`)));
  }
  if (!any)
    blocks.push(
      paragraph("Rien : chaque partie du dossier est renseignée et la vérification ne relève aucune erreur."),
    );
  return blocks;
}

function evidenceAnnex(criteria: readonly CriterionDossier[]): Block[] {
  const blocks: Block[] = [
    { kind: "page-break" },
    { kind: "heading", level: 1, text: "Annexe : éléments de preuve" },
    paragraph("Les éléments de preuve sont joints au dossier dans ce document annexe (guide 2025, partie E, IV)."),
  ];
  for (const c of criteria) {
    blocks.push({ kind: "heading", level: 2, text: `Critère ${c.criterion.number} — ${c.criterion.title}` });
    const withEvidence = c.actions.filter((a) => a.evidence.length > 0);
    if (withEvidence.length === 0) {
      blocks.push(paragraph("Aucun élément de preuve indiqué dans la fiche."));
      continue;
    }
    blocks.push({
      kind: "table",
      columns: [1.6, 4],
      headerRows: 1,
      rows: [
        [label("Action ou engagement"), label("Éléments de preuve")],
        ...withEvidence.map((a) => [
          cell(a.name || `ligne ${a.rows[0]}`),
          { paragraphs: a.evidence.map((e) => paragraph(e)) },
        ]),
      ],
    });
  }
  return blocks;
}

export function dossierDocument(content: DossierContent, options: DossierOptions): DocumentModel {
  const criteria =
    options.criterion === undefined
      ? content.criteria
      : content.criteria.filter((c) => c.criterion.number === options.criterion);
  const school = content.school || "Établissement non renseigné";
  const years = `Année de référence (N) : ${content.referenceYear} · année de l'audit : ${content.auditYear ?? "à choisir dans Paramètres"}`;
  const only = options.criterion !== undefined ? ` — critère ${options.criterion}` : "";
  const blocks: Block[] = [
    paragraph(`Dossier de labellisation Lycée des métiers${only}`, "Title"),
    paragraph(school, "Subtitle"),
    paragraph(`Chef d'établissement : ${content.headOfSchool || "non renseigné"}`),
    paragraph(years),
    paragraph(
      `Préparé le ${frenchDate(options.today)} par Fiches LDM, à partir du classeur des fiches d'amélioration. Une partie marquée « ${MISSING} » reste à écrire dans le classeur (feuille « Dossier » ou fiche du critère).`,
    ),
    ...toComplete(content, criteria, options),
    { kind: "page-break" },
    { kind: "contents", title: "Sommaire" },
    ...(options.criterion === undefined ? schoolBlocks(content) : []),
    ...criteria.flatMap((c) => criterionBlocks(content, c)),
    ...evidenceAnnex(criteria),
  ];
  return {
    title: `Dossier de labellisation Lycée des métiers${only}`,
    author: school,
    header: `Dossier de labellisation — ${school}`,
    footer: `Fiches LDM · préparé le ${frenchDate(options.today)}`,
    blocks,
  };
}
