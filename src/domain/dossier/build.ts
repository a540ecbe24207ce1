/**
 * The labelling dossier as a document: the guide's tables (section E, « Présentation des tableaux du dossier de
 * labellisation »), in its order and words, filled from the workbook — N replaced by the actual years of each
 * action, an empty required part written « À compléter », the evidence numbered in an annex.
 *
 * Two versions of one content: the working version (a cover that says what remains to write, with the check's
 * errors) and the final version (the guide's cover, no tool's name, refused while a part is « À compléter »).
 * Every « À compléter » of the body is recorded as it is written ({@link Mark}): the working version's list,
 * the check's rule dossier-incomplete and the command's count are that record, nothing else.
 */
import { CRITERION_PARTS, SCHOOL_PARTS } from "../blueprint/dossier-sheet";
import type { Finding } from "../check/findings";
import type { CriterionNumber } from "../referential/types";
import { frenchDate } from "../text";
import type { ActionEntry, CriterionDossier, DossierContent, IndicatorLine, TeamMember } from "./content";
import { paragraph, type Block, type DocumentModel, type Paragraph, type Run, type TableCell } from "./document";
import { actionYears, shownMeasure, yearlyMeasures, type ActionYears } from "./years";

export const MISSING = "À compléter";
/** An optional part left empty (the guide says « éventuellement »). */
const NONE = "—";

/** The school's parts the guide requires (the other labels are « éventuellement »). */
export const REQUIRED_SCHOOL_PARTS = ["context", "selfEvaluation", "schoolProject", "contract"] as const;

export const SCHOOL_PART_WORDS: Record<(typeof REQUIRED_SCHOOL_PARTS)[number], string> = {
  context: "le contexte de l'établissement",
  selfEvaluation: "l'articulation avec l'auto-évaluation",
  schoolProject: "l'articulation avec le projet d'établissement",
  contract: "l'articulation avec le contrat d'objectifs",
};

/** One « À compléter » of the body: where (the school, a criterion), about what (an action), which part. */
export interface Mark {
  readonly scope: "school" | CriterionNumber;
  /** The action or engagement (« l'action « Forum » »), absent for a part of the criterion or the school. */
  readonly subject?: string;
  /** The action's row on « Dossier », when its texts are typed there. */
  readonly subjectRow?: number;
  readonly part: string;
}

/** Records each mark as the body writes it. */
type MarkSink = (part: string) => Run;

function sinkFor(marks: Mark[], scope: Mark["scope"], subject?: string, subjectRow?: number): MarkSink {
  return (part) => {
    marks.push({
      scope,
      ...(subject !== undefined ? { subject } : {}),
      ...(subjectRow !== undefined ? { subjectRow } : {}),
      part,
    });
    return { text: MISSING, missing: true };
  };
}

/** A cell with `text`; empty, « À compléter » (recorded) when `required` names the part, else « — ». */
function cell(text: string, options: { required?: [MarkSink, string]; span?: number } = {}): TableCell {
  const runs: Run[] = text
    ? [{ text }]
    : options.required
      ? [options.required[0](options.required[1])]
      : [{ text: NONE }];
  return { paragraphs: [{ kind: "paragraph", runs }], ...(options.span ? { span: options.span } : {}) };
}

function label(text: string, span?: number): TableCell {
  return { paragraphs: [paragraph(text)], label: true, ...(span ? { span } : {}) };
}

/** A cell continuing the merged cell above it (the same objective, animateur or duration). */
const CONTINUED: TableCell = { paragraphs: [], merge: "continue" };

function bullet(text: string): Paragraph {
  return paragraph(text, "ListBullet");
}

export interface DossierOptions {
  readonly today: Date;
  /** Only this criterion (the cover, its part of the first page, its tables, its evidence). */
  readonly criterion?: CriterionNumber;
  /** The check's findings: its errors are listed on the working version's first page. */
  readonly findings?: readonly Finding[];
  /** The final version: the guide's cover, no to-do list, no tool's name. */
  readonly final?: boolean;
}

/** How an action is named in a sentence: « l'action « Forum » », « l'engagement de la ligne 14 ». */
export function actionWords(a: ActionEntry): string {
  const kind = a.kind === "engagement" ? "l'engagement" : "l'action";
  return a.name ? `${kind} « ${a.name} »` : `${kind} de la ligne ${a.rows[0]}`;
}

/** The evidence numbers P1, P2 … of each action, in the dossier's order. */
type EvidenceNumbers = Map<ActionEntry, number[]>;

function evidenceCell(a: ActionEntry, numbers: EvidenceNumbers): TableCell {
  const n = numbers.get(a) ?? [];
  return cell(n.length ? `${n.map((k) => `P${k}`).join(", ")} (annexe des éléments de preuve)` : "");
}

function teamRows(c: CriterionDossier, sink: MarkSink): TableCell[][] {
  const n = c.criterion.number;
  const person = (m: TeamMember | undefined, required: boolean) => [
    cell(m?.name ?? "", required ? { required: [sink, "coordonnateur de l'équipe"] } : {}),
    cell(m?.firstName ?? ""),
    cell(m?.role ?? ""),
  ];
  const rows: TableCell[][] = [
    [label(`ÉQUIPE CRITÈRE ${n}`), label("Nom"), label("Prénom"), label("Fonction")],
    [label(`Coordonnateur critère ${n}`), ...person(c.coordinator, true)],
  ];
  const members = c.members.length ? c.members : [undefined];
  members.forEach((m, i) =>
    rows.push([
      i === 0 ? { ...label(`Membres équipe critère ${n}`), merge: "restart" as const } : CONTINUED,
      ...person(m, false),
    ]),
  );
  return rows;
}

function implementationTable(a: ActionEntry, sink: MarkSink): Block {
  return {
    kind: "table",
    columns: [1, 1, 1, 1],
    headerRows: 2,
    rows: [
      [label("MISE EN ŒUVRE (moyens engagés, calendrier, lieux, modalités d'organisation)", 4)],
      [label("Moyens engagés"), label("Calendrier"), label("Lieux"), label("Modalités d'organisation")],
      // One missing mark for the whole: any of the four says how the action is carried out.
      [a.texts.means, a.texts.schedule, a.texts.places, a.texts.organisation].every((t) => !t)
        ? [cell("", { required: [sink, "mise en œuvre"], span: 4 })]
        : [cell(a.texts.means), cell(a.texts.schedule), cell(a.texts.places), cell(a.texts.organisation)],
    ],
  };
}

/** The objective cell of a line: written at the first line of each objective, merged below it. */
function objectiveCells(lines: readonly (IndicatorLine | undefined)[], sink: MarkSink, where: (i: number) => string) {
  return lines.map((l, i): TableCell => {
    const previous = i > 0 ? lines[i - 1] : undefined;
    if (l && previous && l.objective && l.objective === previous.objective) return CONTINUED;
    const next = lines[i + 1];
    const merged = !!(l?.objective && next?.objective === l.objective);
    return {
      ...cell(l?.objective ?? "", { required: [sink, `objectif${where(i)}`] }),
      ...(merged ? { merge: "restart" as const } : {}),
    };
  });
}

/** « (ligne 12) » after a part of a line, so that each mark names its row of the fiche. */
function lineWhere(lines: readonly (IndicatorLine | undefined)[]): (i: number) => string {
  return (i) => (lines.length > 1 && lines[i] ? ` (ligne ${lines[i]?.row})` : "");
}

/** « 2025 : 12 · 2026 : 15 · … · résultat à l'audit (2029) : 31 · cible 2029 : 30 ». */
function everyYear(l: IndicatorLine, content: DossierContent): string {
  const years = yearlyMeasures(l, content.referenceYear, content.auditYear).map(
    (m) => `${m.year} : ${m.value || NONE}`,
  );
  const audit = content.auditYear;
  const tail =
    audit === undefined
      ? []
      : [`résultat à l'audit (${audit}) : ${l.result || NONE}`, `cible ${audit} : ${l.target || NONE}`];
  return `Chaque année : ${[...years, ...tail].join(" · ")}`;
}

function yearLabel(word: string, year: number | undefined): TableCell {
  return label(year === undefined ? `Mesure ${word}` : `Mesure ${word} (${year})`);
}

function actionBlocks(
  content: DossierContent,
  c: CriterionDossier,
  a: ActionEntry,
  k: number,
  marks: Mark[],
  evidence: EvidenceNumbers,
): Block[] {
  const n = c.criterion.number as CriterionNumber;
  const sink = sinkFor(marks, n, actionWords(a), a.textsRow);
  const N = content.referenceYear;
  const years: ActionYears = actionYears(a.duration, N, content.auditYear);
  const title = `CRITÈRE ${n} : ACTION ${k}${a.name ? ` — ${a.name}` : ""}`;
  const lines = a.lines.length ? a.lines : [undefined];
  const where = lineWhere(lines);
  const noAddedValue = !a.lines.some((l) => l.addedValue);
  const duration = a.duration && !years.yearsSaid ? `${a.duration} (${years.start}-${years.end})` : a.duration;
  // Built in the body's order, so that the marks are recorded in the order they are read.
  const head: Block[] = [
    ...(a.kindSaid
      ? []
      : [
          {
            kind: "paragraph" as const,
            runs: [{ text: "Statut dans la fiche (Action ou Engagement) : " }, sink("statut (Action ou Engagement)")],
          },
        ]),
    {
      kind: "table",
      columns: [1.2, 1.4, 1.2, 1.2],
      rows: [
        [label("Dénomination"), cell(a.name, { required: [sink, "dénomination"], span: 3 })],
        [
          label("Durée action"),
          cell(duration, { required: [sink, "durée"] }),
          label("Action pérenne"),
          cell(a.perennial, { required: [sink, "action pérenne (oui ou non)"] }),
        ],
        [label("Description"), cell(a.texts.description, { required: [sink, "description"], span: 3 })],
        [label("Éléments de preuve"), { ...evidenceCell(a, evidence), span: 3 }],
      ],
    },
  ];
  const rows: TableCell[][] = [];
  lines.forEach((l, i) => {
    // The objective is written once, merged down over its lines and their every-year rows.
    const previous = i > 0 ? lines[i - 1] : undefined;
    const continues = !!(l && previous && l.objective && l.objective === previous.objective);
    const objective: TableCell = continues
      ? CONTINUED
      : {
          ...cell(l?.objective ?? "", { required: [sink, `objectif${where(i)}`] }),
          ...(l ? { merge: "restart" } : {}),
        };
    rows.push([
      objective,
      cell(l?.indicator ?? "", { required: [sink, `indicateur${where(i)}`] }),
      cell(l ? shownMeasure(l, years.begin, N, content.auditYear) : "", {
        required: [sink, `mesure début ${years.begin}${where(i)}`],
      }),
      cell(l && years.middle !== undefined ? shownMeasure(l, years.middle, N, content.auditYear) : ""),
      cell(l && years.finish !== undefined ? shownMeasure(l, years.finish, N, content.auditYear) : ""),
      noAddedValue && i === 0 ? cell("", { required: [sink, "plus-value"] }) : cell(l?.addedValue ?? ""),
    ]);
    if (l) rows.push([CONTINUED, cell(everyYear(l, content), { span: 5 })]);
  });
  return [
    { kind: "heading", level: 2, text: title },
    ...head,
    {
      kind: "table",
      columns: [1.4, 1.4, 0.9, 0.9, 0.9, 1.6],
      headerRows: 2,
      rows: [
        [label("OBJECTIFS INDICATEURS ÉVALUATION", 6)],
        [
          label("Objectifs"),
          label("Indicateurs"),
          yearLabel("début", years.begin),
          yearLabel("suivi", years.middle),
          yearLabel("fin", years.finish),
          label("Plus-value"),
        ],
        ...rows,
      ],
    },
    implementationTable(a, sink),
    {
      kind: "table",
      columns: [1, 1, 1],
      headerRows: 1,
      rows: [
        [label("Points forts"), label("Axes de progrès"), label("Conclusion")],
        [
          cell(a.texts.strengths, { required: [sink, "points forts"] }),
          cell(a.texts.improvements, { required: [sink, "axes de progrès"] }),
          cell(a.texts.conclusion, { required: [sink, "conclusion"] }),
        ],
      ],
    },
  ];
}

function engagementBlocks(
  content: DossierContent,
  c: CriterionDossier,
  a: ActionEntry,
  k: number,
  marks: Mark[],
  evidence: EvidenceNumbers,
): Block[] {
  const n = c.criterion.number as CriterionNumber;
  const sink = sinkFor(marks, n, actionWords(a), a.textsRow);
  const lines = a.lines.length ? a.lines : [undefined];
  const where = lineWhere(lines);
  const audit = content.auditYear;
  const several = lines.length > 1 ? ({ merge: "restart" } as const) : {};
  // Built in the body's order, so that the marks are recorded in the order they are read.
  const head: Block[] = [
    ...(a.kindSaid
      ? []
      : [
          {
            kind: "paragraph" as const,
            runs: [{ text: "Statut dans la fiche (Action ou Engagement) : " }, sink("statut (Action ou Engagement)")],
          },
        ]),
    {
      kind: "table",
      columns: [1.2, 4],
      rows: [
        [label("Dénomination"), cell(a.name, { required: [sink, "dénomination"] })],
        [label("Description"), cell(a.texts.description, { required: [sink, "description"] })],
        [label("Éléments de preuve"), evidenceCell(a, evidence)],
      ],
    },
  ];
  const leader = { ...cell(a.texts.leader, { required: [sink, "animateur"] }), ...several };
  const duration = { ...cell(a.duration, { required: [sink, "durée"] }), ...several };
  const objectives = objectiveCells(lines, sink, where);
  return [
    { kind: "heading", level: 2, text: `CRITÈRE ${n} : ENGAGEMENT ${k}${a.name ? ` — ${a.name}` : ""}` },
    ...head,
    {
      kind: "table",
      columns: [1.2, 0.8, 1.3, 1.3, 0.9, 0.9],
      headerRows: 2,
      rows: [
        [label("PLANIFICATION - OBJECTIFS - INDICATEURS - ÉVALUATION", 6)],
        [
          label("Animateur engagement"),
          label("Durée de l'action"),
          label("Objectifs"),
          label("Indicateurs"),
          label(`Mesure à N (${content.referenceYear})`),
          label(audit === undefined ? "Cible à l'audit" : `Cible à l'audit (${audit})`),
        ],
        ...lines.map((l, i) => [
          i === 0 ? leader : CONTINUED,
          i === 0 ? duration : CONTINUED,
          objectives[i],
          cell(l?.indicator ?? "", { required: [sink, `indicateur${where(i)}`] }),
          cell(l?.reference ?? "", { required: [sink, `mesure à N${where(i)}`] }),
          cell(l?.target ?? ""),
        ]),
      ],
    },
    implementationTable(a, sink),
  ];
}

function criterionBlocks(
  content: DossierContent,
  c: CriterionDossier,
  marks: Mark[],
  evidence: EvidenceNumbers,
): Block[] {
  const n = c.criterion.number as CriterionNumber;
  const sink = sinkFor(marks, n);
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
        [cell(text("baseline"), { required: [sink, "état des lieux"], span: 2 })],
        [label(`OBJECTIF GÉNÉRAL DU CRITÈRE ${n}`, 2)],
        [cell(text("goal"), { required: [sink, "objectif général"], span: 2 })],
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
    { kind: "table", columns: [1.6, 1.2, 1.2, 1.6], headerRows: 1, rows: teamRows(c, sink) },
  ];
  if (c.actions.length === 0)
    blocks.push({
      kind: "paragraph",
      runs: [
        { text: "Aucune action ni engagement dans la fiche du critère : " },
        sink("aucune action ni engagement dans la fiche"),
      ],
    });
  // The guide presents the actions, then the engagements.
  c.actions
    .filter((a) => a.kind === "action")
    .forEach((a, i) => blocks.push(...actionBlocks(content, c, a, i + 1, marks, evidence)));
  c.actions
    .filter((a) => a.kind === "engagement")
    .forEach((a, i) => blocks.push(...engagementBlocks(content, c, a, i + 1, marks, evidence)));
  // A text typed on « Dossier » for no row of the fiche: said where the criterion ends, to be resolved.
  for (const o of c.orphanTexts)
    blocks.push({
      kind: "paragraph",
      runs: [
        {
          text: `Texte de la feuille « Dossier » (ligne ${o.row}) pour « ${o.name} », qui n'est l'action d'aucune ligne de la fiche : `,
        },
        sink(`« ${o.name} » (ligne ${o.row} de Dossier) n'est l'action d'aucune ligne de la fiche`),
      ],
    });
  return blocks;
}

function schoolBlocks(content: DossierContent, marks: Mark[]): Block[] {
  const required = new Map<string, string>(REQUIRED_SCHOOL_PARTS.map((k) => [k, SCHOOL_PART_WORDS[k]]));
  const sink = sinkFor(marks, "school");
  return [
    { kind: "page-break" },
    { kind: "heading", level: 1, text: "L'établissement" },
    {
      kind: "table",
      columns: [1.6, 4],
      rows: SCHOOL_PARTS.map((p) => {
        const words = required.get(p.key);
        return [label(p.label), cell(content.schoolParts[p.key], words ? { required: [sink, words] } : {})];
      }),
    },
  ];
}

/** The marks of one scope as the list's items: a part of the school or criterion, or « subject : parts ». */
export function markItems(marks: readonly Mark[]): string[] {
  const items: string[] = [];
  const bySubject = new Map<string, string[]>();
  for (const m of marks) {
    if (m.subject === undefined) {
      items.push(m.part);
      continue;
    }
    let parts = bySubject.get(m.subject);
    if (!parts) {
      parts = [];
      bySubject.set(m.subject, parts);
      items.push(m.subject);
    }
    parts.push(m.part);
  }
  return items.map((i) => {
    const parts = bySubject.get(i);
    return parts ? `${i} : ${parts.join(", ")}` : i;
  });
}

/** « Ce qu'il reste à compléter avant l'audit »: the body's marks by criterion, then the check's errors. */
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
function numberEvidence(criteria: readonly CriterionDossier[]): EvidenceNumbers {
  const numbers: EvidenceNumbers = new Map();
  let k = 0;
  for (const c of criteria)
    for (const a of [
      ...c.actions.filter((x) => x.kind === "action"),
      ...c.actions.filter((x) => x.kind === "engagement"),
    ])
      numbers.set(
        a,
        a.evidence.map(() => ++k),
      );
  return numbers;
}

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
  return "candidature" in s ? "Première demande de labellisation" : `Renouvellement du label (obtenu en ${s.obtained})`;
}

/** The guide's cover: the label, the school in its proper name, UAI, the application, the audit year. */
function finalCover(content: DossierContent, only: string): Block[] {
  const row = (k: string, v: string): TableCell[] => [label(k), cell(v)];
  const status = content.labelStatus;
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
        row("Label", status && "obtained" in status ? `obtenu en ${status.obtained}` : "candidature"),
        row("Année de référence (N)", String(content.referenceYear)),
        row("Année de l'audit", content.auditYear === undefined ? "" : String(content.auditYear)),
      ],
    },
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
function body(content: DossierContent, criteria: readonly CriterionDossier[], options: DossierOptions) {
  const marks: Mark[] = [];
  const evidence = numberEvidence(criteria);
  const blocks: Block[] = [
    ...(options.criterion === undefined ? schoolBlocks(content, marks) : []),
    ...criteria.flatMap((c) => criterionBlocks(content, c, marks, evidence)),
    ...evidenceAnnex(criteria, evidence),
    ...measuresAnnex(content, criteria),
  ];
  return { blocks, marks };
}

/** The marks the dossier of these criteria writes (the check's list, the command's count). */
export function dossierMarks(content: DossierContent, criterion?: CriterionNumber): Mark[] {
  const criteria =
    criterion === undefined ? content.criteria : content.criteria.filter((c) => c.criterion.number === criterion);
  return body(content, criteria, { today: new Date(0), ...(criterion !== undefined ? { criterion } : {}) }).marks;
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
