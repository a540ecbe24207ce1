/**
 * The dossier's body — the school's part and each criterion's tables, actions then engagements, in the guide's
 * order and words — and the record of every « À compléter » it writes ({@link Mark}). The check reads only this
 * (rule dossier-incomplete): the covers and annexes (build.ts) write no mark.
 */
import { CRITERION_PARTS, SCHOOL_PARTS } from "../blueprint/dossier-sheet";
import type { Finding } from "../findings";
import type { CriterionNumber } from "../referential/types";
import type { ActionEntry, CriterionDossier, DossierContent, IndicatorLine, TeamMember } from "./content";
import { paragraph, type Block, type Paragraph, type Run, type TableCell } from "./document";
import { actionYears, shownMeasure, yearlyMeasures, type ActionYears } from "./years";

export const MISSING = "À compléter";
/** An optional part left empty (the guide says « éventuellement »). */
export const NONE = "—";

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
    marks.push(
      subject === undefined
        ? subjectRow === undefined
          ? { scope, part }
          : { scope, subjectRow, part }
        : subjectRow === undefined
          ? { scope, subject, part }
          : { scope, subject, subjectRow, part },
    );
    return { text: MISSING, missing: true };
  };
}

/** A cell with `text`; empty, « À compléter » (recorded) when `required` names the part, else « — ». */
export function cell(text: string, options: { required?: [MarkSink, string]; span?: number } = {}): TableCell {
  const runs: Run[] = text
    ? [{ text }]
    : options.required
      ? [options.required[0](options.required[1])]
      : [{ text: NONE }];
  // No conditional spreads here nor in label: the check builds the whole body for its marks (#28).
  const paragraphs: Paragraph[] = [{ kind: "paragraph", runs }];
  return options.span ? { paragraphs, span: options.span } : { paragraphs };
}

/** `c` merged with the cells marked « continue » below it (built whole: no spread, see cell). */
function restarted(c: TableCell): TableCell {
  return c.span !== undefined
    ? { paragraphs: c.paragraphs, span: c.span, merge: "restart" }
    : { paragraphs: c.paragraphs, merge: "restart" };
}

/** `c` (a plain cell of {@link cell}) over `span` columns. */
function spanned(c: TableCell, span: number): TableCell {
  return { paragraphs: c.paragraphs, span };
}

export function label(text: string, span?: number): TableCell {
  return span ? { paragraphs: [paragraph(text)], label: true, span } : { paragraphs: [paragraph(text)], label: true };
}

/** A cell continuing the merged cell above it (the same objective, animateur or duration). */
export const CONTINUED: TableCell = { paragraphs: [], merge: "continue" };

export function bullet(text: string): Paragraph {
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
export type EvidenceNumbers = Map<ActionEntry, number[]>;

function evidenceCell(a: ActionEntry, numbers: EvidenceNumbers): TableCell {
  const n = numbers.get(a) ?? [];
  return cell(n.length ? `${n.map((k) => `P${k}`).join(", ")} (annexe des éléments de preuve)` : "");
}

function teamRows(c: CriterionDossier, coordinator: TableCell): TableCell[][] {
  const n = c.criterion.number;
  const person = (m: TeamMember | undefined) => [cell(m?.name ?? ""), cell(m?.firstName ?? ""), cell(m?.role ?? "")];
  const rows: TableCell[][] = [
    [label(`ÉQUIPE CRITÈRE ${n}`), label("Nom"), label("Prénom"), label("Fonction")],
    [label(`Coordonnateur critère ${n}`), coordinator, ...person(c.coordinator).slice(1)],
  ];
  const members = c.members.length ? c.members : [undefined];
  members.forEach((m, i) =>
    rows.push([
      i === 0 ? { ...label(`Membres équipe critère ${n}`), merge: "restart" as const } : CONTINUED,
      ...person(m),
    ]),
  );
  return rows;
}

/** The « mise en œuvre » row: one missing mark for the whole, as any of the four says how the action is carried out. */
function implementationRow(a: ActionEntry, sink: MarkSink): TableCell[] {
  return [a.texts.means, a.texts.schedule, a.texts.places, a.texts.organisation].every((t) => !t)
    ? [cell("", { required: [sink, "mise en œuvre"], span: 4 })]
    : [cell(a.texts.means), cell(a.texts.schedule), cell(a.texts.places), cell(a.texts.organisation)];
}

function implementationTable(row: TableCell[]): Block {
  return {
    kind: "table",
    columns: [1, 1, 1, 1],
    headerRows: 2,
    rows: [
      [label("MISE EN ŒUVRE (moyens engagés, calendrier, lieux, modalités d'organisation)", 4)],
      [label("Moyens engagés"), label("Calendrier"), label("Lieux"), label("Modalités d'organisation")],
      row,
    ],
  };
}

/** The paragraph that asks for an action's status, when the fiche does not say it. */
function statusParagraph(missing: Run): Block {
  return { kind: "paragraph", runs: [{ text: "Statut dans la fiche (Action ou Engagement) : " }, missing] };
}

/** The objective cell of a line: written at the first line of each objective, merged below it. */
function objectiveCells(lines: readonly (IndicatorLine | undefined)[], sink: MarkSink, where: (i: number) => string) {
  return lines.map((l, i): TableCell => {
    const previous = i > 0 ? lines[i - 1] : undefined;
    if (l && previous && l.objective && l.objective === previous.objective) return CONTINUED;
    const next = lines[i + 1];
    const merged = !!(l?.objective && next?.objective === l.objective);
    const objective = cell(l?.objective ?? "", { required: [sink, `objectif${where(i)}`] });
    return merged ? restarted(objective) : objective;
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

/**
 * What the body's builders share. Each builder first decides every part that may be « À compléter », in the
 * order the body reads them (so that the marks are recorded in that order), then lays out its blocks — unless
 * only the marks are wanted: the check and the académie read nothing else, and a large fiche's layout costs
 * more than the rest of its dossier rule (#28). The same decisions either way: the marks are the body's own.
 */
interface BodyWriting {
  readonly content: DossierContent;
  readonly today: Date;
  readonly marks: Mark[];
  readonly marksOnly: boolean;
  /** The evidence numbers the blocks cite (none when only the marks are wanted). */
  readonly evidence: EvidenceNumbers;
}

function actionBlocks(w: BodyWriting, c: CriterionDossier, a: ActionEntry, k: number): Block[] {
  const { content } = w;
  const n = c.criterion.number as CriterionNumber;
  const sink = sinkFor(w.marks, n, actionWords(a), a.textsRow);
  const N = content.referenceYear;
  const years: ActionYears = actionYears(a.duration, N, content.auditYear);
  const lines = a.lines.length ? a.lines : [undefined];
  const where = lineWhere(lines);
  // The plus-value is asked once the audit year has come (the check's rule action-evaluation-missing, too).
  const auditCome = content.auditYear !== undefined && w.today.getFullYear() >= content.auditYear;
  const noAddedValue = auditCome && !a.lines.some((l) => l.addedValue);
  const duration = a.duration && !years.yearsSaid ? `${a.duration} (${years.start}-${years.end})` : a.duration;
  // The parts that may be « À compléter », in the body's order.
  const status = a.kindSaid ? undefined : sink("statut (Action ou Engagement)");
  const name = cell(a.name, { required: [sink, "dénomination"], span: 3 });
  const durationCell = cell(duration, { required: [sink, "durée"] });
  const perennial = cell(a.perennial, { required: [sink, "action pérenne (oui ou non)"] });
  const description = cell(a.texts.description, { required: [sink, "description"], span: 3 });
  const lineCells = lines.map((l, i) => {
    // The objective is written once, merged down over its lines and their every-year rows.
    const previous = i > 0 ? lines[i - 1] : undefined;
    const continues = !!(l && previous && l.objective && l.objective === previous.objective);
    const objective: TableCell = continues
      ? CONTINUED
      : l
        ? restarted(cell(l.objective, { required: [sink, `objectif${where(i)}`] }))
        : cell("", { required: [sink, `objectif${where(i)}`] });
    const indicator = cell(l?.indicator ?? "", { required: [sink, `indicateur${where(i)}`] });
    const begin = cell(l ? shownMeasure(l, years.begin, N, content.auditYear) : "", {
      required: [sink, `mesure début ${years.begin}${where(i)}`],
    });
    const addedValue =
      noAddedValue && i === 0 ? cell("", { required: [sink, "plus-value"] }) : cell(l?.addedValue ?? "");
    return { objective, indicator, begin, addedValue };
  });
  const implementation = implementationRow(a, sink);
  const strengths = cell(a.texts.strengths, { required: [sink, "points forts"] });
  const improvements = cell(a.texts.improvements, { required: [sink, "axes de progrès"] });
  const conclusion = cell(a.texts.conclusion, { required: [sink, "conclusion"] });
  if (w.marksOnly) return [];
  const rows: TableCell[][] = [];
  lines.forEach((l, i) => {
    const { objective, indicator, begin, addedValue } = lineCells[i];
    rows.push([
      objective,
      indicator,
      begin,
      cell(l && years.middle !== undefined ? shownMeasure(l, years.middle, N, content.auditYear) : ""),
      cell(l && years.finish !== undefined ? shownMeasure(l, years.finish, N, content.auditYear) : ""),
      addedValue,
    ]);
    if (l) rows.push([CONTINUED, cell(everyYear(l, content), { span: 5 })]);
  });
  return [
    { kind: "heading", level: 2, text: `CRITÈRE ${n} : ACTION ${k}${a.name ? ` — ${a.name}` : ""}` },
    ...(status ? [statusParagraph(status)] : []),
    {
      kind: "table",
      columns: [1.2, 1.4, 1.2, 1.2],
      rows: [
        [label("Dénomination"), name],
        [label("Durée action"), durationCell, label("Action pérenne"), perennial],
        [label("Description"), description],
        [label("Éléments de preuve"), spanned(evidenceCell(a, w.evidence), 3)],
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
          yearLabel("début", years.begin),
          yearLabel("suivi", years.middle),
          yearLabel("fin", years.finish),
          label("Plus-value"),
        ],
        ...rows,
      ],
    },
    implementationTable(implementation),
    {
      kind: "table",
      columns: [1, 1, 1],
      headerRows: 1,
      rows: [
        [label("Points forts"), label("Axes de progrès"), label("Conclusion")],
        [strengths, improvements, conclusion],
      ],
    },
  ];
}

function engagementBlocks(w: BodyWriting, c: CriterionDossier, a: ActionEntry, k: number): Block[] {
  const { content } = w;
  const n = c.criterion.number as CriterionNumber;
  const sink = sinkFor(w.marks, n, actionWords(a), a.textsRow);
  const lines = a.lines.length ? a.lines : [undefined];
  const where = lineWhere(lines);
  const audit = content.auditYear;
  const several = lines.length > 1;
  // The parts that may be « À compléter », in the body's order.
  const status = a.kindSaid ? undefined : sink("statut (Action ou Engagement)");
  const name = cell(a.name, { required: [sink, "dénomination"] });
  const description = cell(a.texts.description, { required: [sink, "description"] });
  const leaderCell = cell(a.texts.leader, { required: [sink, "animateur"] });
  const durationCell = cell(a.duration, { required: [sink, "durée"] });
  const objectives = objectiveCells(lines, sink, where);
  const lineCells = lines.map((l, i) => ({
    indicator: cell(l?.indicator ?? "", { required: [sink, `indicateur${where(i)}`] }),
    reference: cell(l?.reference ?? "", { required: [sink, `mesure à N${where(i)}`] }),
  }));
  const implementation = implementationRow(a, sink);
  if (w.marksOnly) return [];
  const leader = several ? restarted(leaderCell) : leaderCell;
  const duration = several ? restarted(durationCell) : durationCell;
  return [
    { kind: "heading", level: 2, text: `CRITÈRE ${n} : ENGAGEMENT ${k}${a.name ? ` — ${a.name}` : ""}` },
    ...(status ? [statusParagraph(status)] : []),
    {
      kind: "table",
      columns: [1.2, 4],
      rows: [
        [label("Dénomination"), name],
        [label("Description"), description],
        [label("Éléments de preuve"), evidenceCell(a, w.evidence)],
      ],
    },
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
          lineCells[i].indicator,
          lineCells[i].reference,
          cell(l?.target ?? ""),
        ]),
      ],
    },
    implementationTable(implementation),
  ];
}

function criterionBlocks(w: BodyWriting, c: CriterionDossier): Block[] {
  const n = c.criterion.number as CriterionNumber;
  const sink = sinkFor(w.marks, n);
  const text = (key: (typeof CRITERION_PARTS)[number]["key"]) => c.parts[key];
  // The parts that may be « À compléter », in the body's order; the actions' and engagements' come after.
  const baseline = cell(text("baseline"), { required: [sink, "état des lieux"], span: 2 });
  const goal = cell(text("goal"), { required: [sink, "objectif général"], span: 2 });
  const coordinator = cell(c.coordinator?.name ?? "", { required: [sink, "coordonnateur de l'équipe"] });
  const blocks: Block[] = w.marksOnly
    ? []
    : [
        { kind: "page-break" },
        { kind: "heading", level: 1, text: `Critère ${n} — ${c.criterion.title}` },
        {
          kind: "table",
          columns: [1.2, 4],
          rows: [
            [label(`Critère ${n}`), cell(c.criterion.title)],
            [label(`ÉTAT DES LIEUX DU CRITÈRE ${n}`, 2)],
            [baseline],
            [label(`OBJECTIF GÉNÉRAL DU CRITÈRE ${n}`, 2)],
            [goal],
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
        { kind: "table", columns: [1.6, 1.2, 1.2, 1.6], headerRows: 1, rows: teamRows(c, coordinator) },
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
  c.actions.filter((a) => a.kind === "action").forEach((a, i) => blocks.push(...actionBlocks(w, c, a, i + 1)));
  c.actions.filter((a) => a.kind === "engagement").forEach((a, i) => blocks.push(...engagementBlocks(w, c, a, i + 1)));
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

/** The evidence numbers P1, P2 … of each action, in the order the body presents them. */
export function numberEvidence(criteria: readonly CriterionDossier[]): EvidenceNumbers {
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

/** The school's part (unless one criterion only) and each criterion's: their blocks, unless marks only, and marks. */
function writeBody(
  content: DossierContent,
  criteria: readonly CriterionDossier[],
  options: Pick<DossierOptions, "today" | "criterion">,
  marksOnly: boolean,
): { blocks: Block[]; marks: Mark[]; evidence: EvidenceNumbers } {
  const marks: Mark[] = [];
  const evidence: EvidenceNumbers = marksOnly ? new Map() : numberEvidence(criteria);
  const w: BodyWriting = { content, today: options.today, marks, marksOnly, evidence };
  const blocks: Block[] = options.criterion === undefined ? schoolBlocks(content, marks) : [];
  for (const c of criteria) blocks.push(...criterionBlocks(w, c));
  return { blocks: marksOnly ? [] : blocks, marks, evidence };
}

/** The body: the school's part (unless one criterion only) and each criterion's, with the marks they write. */
export function bodyBlocks(
  content: DossierContent,
  criteria: readonly CriterionDossier[],
  options: Pick<DossierOptions, "today" | "criterion">,
): { blocks: Block[]; marks: Mark[]; evidence: EvidenceNumbers } {
  return writeBody(content, criteria, options, false);
}

/**
 * The marks the dossier of these criteria writes on `today` (the check's list, the command's count): the body's
 * builders deciding its parts, without laying them out.
 */
export function dossierMarks(content: DossierContent, criterion?: CriterionNumber, today = new Date()): Mark[] {
  const criteria =
    criterion === undefined ? content.criteria : content.criteria.filter((c) => c.criterion.number === criterion);
  return writeBody(content, criteria, { today, ...(criterion !== undefined ? { criterion } : {}) }, true).marks;
}
