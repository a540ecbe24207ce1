/**
 * The blueprint of « Dossier »: what the labelling dossier asks (guide 2025, section E) that the fiches do not
 * hold — the school's context and links, and per criterion its état des lieux, objectif général, transversalité,
 * équipe, and the texts of each action or engagement (description, mise en œuvre, points forts…). The school
 * types them here; `ldm-fiches dossier` and « Préparer le dossier » write them, with the fiches' rows, into the
 * Word document. One sheet for all criteria (docs/decisions.md §40): the fiches stay as the seed prints them.
 */
import { address, columnLetters } from "../a1";
import type { Criterion, CriterionNumber } from "../referential/types";
import { markDerived, text } from "./cells";
import { MARKERS } from "./layout";
import { INPUT_NAMES } from "./synthesis-sheet";
import type { SheetBlueprint, StructureCell, ValidationBlueprint } from "./types";

export const DOSSIER_KEY = "dossier";

/** The school's parts, once (« Objectifs du dossier »). */
export const SCHOOL_PARTS = [
  { key: "context", label: "Contexte de l'établissement et ses particularités" },
  { key: "selfEvaluation", label: "Articulation avec l'auto-évaluation de l'établissement" },
  { key: "schoolProject", label: "Articulation avec le projet d'établissement" },
  { key: "contract", label: "Articulation avec le contrat d'objectifs tripartite" },
  { key: "otherLabels", label: "Articulation avec les autres labels" },
] as const;

/** Each criterion's parts that are one text (the guide's tables, in its order). */
export const CRITERION_PARTS = [
  { key: "baseline", label: (n: number) => `État des lieux du critère ${n} (constats, besoins identifiés)` },
  { key: "goal", label: (n: number) => `Objectif général du critère ${n}` },
  { key: "selfEvaluation", label: () => "Transversalité : domaine d'auto-évaluation de l'établissement" },
  { key: "schoolProject", label: () => "Transversalité : axe du projet d'établissement" },
  { key: "contract", label: () => "Transversalité : axe du contrat d'objectifs tripartite" },
  { key: "campus", label: () => "Transversalité : critère du campus des métiers et des qualifications" },
] as const;

/** The texts of one action or engagement, per column of the block's action table (A is its dénomination). */
export const ACTION_TEXTS = [
  { key: "description", label: "Description" },
  { key: "means", label: "Moyens engagés (quoi)" },
  { key: "schedule", label: "Calendrier (quand)" },
  { key: "places", label: "Lieux (où)" },
  { key: "organisation", label: "Modalités d'organisation (qui, comment)" },
  { key: "strengths", label: "Points forts (action)" },
  { key: "improvements", label: "Axes de progrès (action)" },
  { key: "conclusion", label: "Conclusion (action)" },
  { key: "leader", label: "Animateur : nom et fonction (engagement)" },
] as const;

export type SchoolPartKey = (typeof SCHOOL_PARTS)[number]["key"];
export type CriterionPartKey = (typeof CRITERION_PARTS)[number]["key"];
export type ActionTextKey = (typeof ACTION_TEXTS)[number]["key"];

/** Where things are on the sheet. */
export const DOSSIER = {
  marker: "L1",
  lastColumn: 10,
  schoolTitleRow: 4,
  schoolFirstRow: 5,
  firstBlockRow: 11,
  /** Rows of one criterion's block: title, 6 parts, team header, coordinator, 6 members, actions header, 12 actions, a gap. */
  blockRows: 29,
  teamMembers: 6,
  actionRows: 12,
  /** Team table: name, first name, function in B, C, D. */
  teamColumns: { name: 2, firstName: 3, role: 4 },
} as const;

/** The rows of criterion n's block. */
export function dossierBlock(n: CriterionNumber) {
  const top = DOSSIER.firstBlockRow + (n - 1) * DOSSIER.blockRows;
  const teamHeader = top + 1 + CRITERION_PARTS.length;
  const actionsHeader = teamHeader + 2 + DOSSIER.teamMembers;
  return {
    title: top,
    part: (i: number) => top + 1 + i,
    teamHeader,
    coordinator: teamHeader + 1,
    firstMember: teamHeader + 2,
    actionsHeader,
    firstAction: actionsHeader + 1,
    lastAction: actionsHeader + DOSSIER.actionRows,
  };
}

const LAST = columnLetters(DOSSIER.lastColumn);

export function dossierSheet(criteria: readonly Criterion[]): SheetBlueprint {
  const cells: StructureCell[] = [
    text("A1", "Dossier de labellisation : ce que les fiches ne disent pas", "title"),
    text(
      "A2",
      "Les textes du dossier de labellisation (guide 2025, partie E) que les fiches ne contiennent pas. « Préparer le dossier » (volet) ou « ldm-fiches dossier » les reprend avec les lignes des fiches dans un document Word ; une partie vide y est écrite « À compléter ».",
      "reminder",
    ),
    text(DOSSIER.marker, MARKERS.dossier, "marker"),
    text(`A${DOSSIER.schoolTitleRow}`, "L'établissement (objectifs du dossier)", "sectionTitle"),
  ];
  const merges = [`A1:${LAST}1`, `A2:${LAST}2`];
  const inputs: SheetBlueprint["inputs"][number][] = [];
  const rowHeights: { row: number; height: number }[] = [
    { row: 1, height: 24 },
    { row: 2, height: 30 },
  ];
  // Each text on a row of its own, B:J merged; the rows of a group are one input area (fewer areas to probe).
  const textRow = (row: number, label: string) => {
    cells.push(text(`A${row}`, label, "label"));
    merges.push(`B${row}:${LAST}${row}`);
    rowHeights.push({ row, height: 48 });
  };
  SCHOOL_PARTS.forEach((p, i) => textRow(DOSSIER.schoolFirstRow + i, p.label));
  inputs.push({
    range: `B${DOSSIER.schoolFirstRow}:${LAST}${DOSSIER.schoolFirstRow + SCHOOL_PARTS.length - 1}`,
    style: "input",
  });
  const validations: ValidationBlueprint[] = [];
  for (const c of criteria) {
    const b = dossierBlock(c.number);
    cells.push(text(`A${b.title}`, `Critère ${c.number} — ${c.title}`, "sectionTitle"));
    CRITERION_PARTS.forEach((p, i) => textRow(b.part(i), p.label(c.number)));
    inputs.push({ range: `B${b.part(0)}:${LAST}${b.part(CRITERION_PARTS.length - 1)}`, style: "input" });
    cells.push(
      text(`A${b.teamHeader}`, `Équipe critère ${c.number}`, "tableHeader"),
      text(address(b.teamHeader, DOSSIER.teamColumns.name), "Nom", "tableHeader"),
      text(address(b.teamHeader, DOSSIER.teamColumns.firstName), "Prénom", "tableHeader"),
      text(address(b.teamHeader, DOSSIER.teamColumns.role), "Fonction", "tableHeader"),
      text(`A${b.coordinator}`, `Coordonnateur critère ${c.number}`, "label"),
    );
    for (let i = 0; i < DOSSIER.teamMembers; i++) cells.push(text(`A${b.firstMember + i}`, "Membre", "label"));
    inputs.push({ range: `B${b.coordinator}:D${b.firstMember + DOSSIER.teamMembers - 1}`, style: "input" });
    cells.push(text(`A${b.actionsHeader}`, "Action ou engagement (sa dénomination dans la fiche)", "tableHeader"));
    ACTION_TEXTS.forEach((t, i) => cells.push(text(address(b.actionsHeader, 2 + i), t.label, "tableHeader")));
    rowHeights.push({ row: b.actionsHeader, height: 45 });
    inputs.push({ range: `A${b.firstAction}:${LAST}${b.lastAction}`, style: "input" });
    validations.push({
      sqref: `A${b.firstAction}:A${b.lastAction}`,
      type: "list",
      formula1: INPUT_NAMES.actions(c.number),
      // A warning, not a stop: a dénomination typed before its row exists in the fiche is kept.
      errorStyle: "warning",
      errorTitle: "Action de la fiche",
      error: `Choisissez une action de la fiche du critère ${c.number} (colonne « Actions ») : le dossier y rattache ces textes.`,
      purpose: "action",
    });
  }
  return {
    key: DOSSIER_KEY,
    role: "dossier",
    name: "Dossier",
    visibility: "visible",
    marker: { address: DOSSIER.marker, value: MARKERS.dossier },
    columns: [
      { col: 1, width: 40 },
      { col: 2, width: 44 },
      ...Array.from({ length: DOSSIER.lastColumn - 2 }, (_, i) => ({ col: 3 + i, width: 28 })),
      { col: DOSSIER.lastColumn + 2, width: 4, hidden: true },
    ],
    rowHeights,
    cells: markDerived(cells),
    inputs,
    merges,
    validations,
    protect: true,
    freeze: { rows: 2, cols: 1 },
    print: { landscape: true, fitToWidth: true },
  };
}
